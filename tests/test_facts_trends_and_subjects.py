"""Market trends, subjects with a ticker in brackets, investors' names, deals and sectors that are worth a
sum, and the like: invented cases, each a phenomenon seen in real coverage of companies the rules were not
written from."""

from __future__ import annotations

import pytest

from tests.test_facts_frames import Expected, R, V, _facts

CASES: list[tuple[str, str, str, Expected]] = [
    # A name with its ticker or registry code in brackets is still the subject of the raise.
    (
        "ticker_after_subject",
        "Tessaly",
        "Tessaly grows kelp. Over in Perth, Brumwick Mining (ASX: BRM) pulled in $31 million at its float.",
        set(),
    ),
    (
        "code_and_apposition_after_subject",
        "Tessaly",
        "Tessaly cultive des algues. Corvid (BE0123456789), fabricant gantois de pompes, lève 64 M€ sur "
        "Euronext.",
        set(),
    ),
    (
        "ticker_after_entity",
        "Tessaly",
        "Tessaly (NYSE: TSY) raised $31 million in a follow-on.",
        {R("31000000")},
    ),
    # A market's trend against another period, in a sentence naming no company, is a sector's tally.
    (
        "trend_up_by_percent",
        "Tessaly",
        "Tessaly grows kelp. Seed funding held up well, up by 31pc over the summer to €19.5m.",
        set(),
    ),
    (
        "trend_share_of_total",
        "Tessaly",
        "Tessaly grows kelp. Climate software drew $2.2 billion in April, a fifth of the total.",
        set(),
    ),
    (
        "trend_contre_annee",
        "Tessaly",
        "Tessaly cultive des algues. Le montant levé grimpe en hausse nette, à 312 millions d'euros contre "
        "190 millions en 2019.",
        set(),
    ),
    (
        "trend_fell",
        "Tessaly",
        "Tessaly grows kelp. Regional venture money plunged to $0.9 billion over the winter.",
        set(),
    ),
    # The company's own valuation moving stays the company's.
    (
        "valuation_change_stays",
        "Tessaly",
        "Tessaly grows kelp. Its valuation dropped by half to $3 billion.",
        {V("3000000000")},
    ),
    # A trend word in a sentence that names the company does not make its round a tally; nor do the nouns
    # of another clause ("while orders ...") say what the figure is.
    (
        "named_company_with_trend",
        "Tessaly",
        "Tessaly raised $17 million while its orders surged 80 percent.",
        {R("17000000")},
    ),
    (
        "other_clause_nouns",
        "Tessaly",
        "Tessaly a levé 17 millions d'euros alors que les commandes affluent.",
        {R("17000000", "EUR")},
    ),
    # A business measure named right before the figure outweighs a cue after it.
    (
        "revenue_before_closing_word",
        "Tessaly",
        "Tessaly cultive des algues. Tessaly annonce pour 2024 un chiffre d'affaires de 48 M€ en clôture "
        "d'exercice.",
        set(),
    ),
    # What a deal or a whole sector is worth is no company's valuation; a deal valuing the company is.
    (
        "deal_worth",
        "Tessaly",
        "Tessaly cultive des algues. Le rachat de son concurrent, bouclé cet hiver, était évalué à 3,2 "
        "milliards d'euros.",
        set(),
    ),
    (
        "sector_worth",
        "Tessaly",
        "Tessaly sells kelp snacks to a sector valued at $31 billion.",
        set(),
    ),
    (
        "deal_values_company",
        "Tessaly",
        "Tessaly took in $45 million in a transaction which valued the business at $380 million.",
        {R("45000000"), V("380000000")},
    ),
    # Money from investors is a round whatever the verb; a range each investor is to put in is not.
    (
        "from_investors_any_verb",
        "Tessaly",
        "Tessaly a rapatrié 36 M€ auprès de nouveaux investisseurs conduits par Brumwick.",
        {R("36000000", "EUR")},
    ),
    (
        "range_from_investors",
        "Tessaly",
        "Tessaly entre en Bourse. Entre 4 et 9 millions d'euros auprès des investisseurs Brumwick et Corvid.",
        set(),
    ),
    # An investor's money that prices the company the text is about is put into that company.
    (
        "investor_invests_at_valuation",
        "Tessaly",
        "Tessaly builds kelp farms. Brumwick Ventures put in $70M at a $1.4B valuation after one call.",
        {R("70000000"), V("1400000000")},
    ),
    # An analyst's arithmetic on a multiple values nothing.
    (
        "valuation_multiple_scenario",
        "Tessaly",
        "Tessaly was last valued at $4.1B. Peers trade between 2x and 12x sales, so Tessaly could be worth "
        "$800M at 2x. A bull scenario gives a $5B valuation.",
        {V("4100000000")},
    ),
    # What the company had gathered before, roughly and with no round named, is a total; dated, a round.
    (
        "after_raising_more_than",
        "Tessaly",
        "Tessaly est valorisée 210 M€ après avoir levé près de 44 M€ auprès de fonds.",
        {V("210000000", "EUR")},
    ),
    (
        "dated_earlier_raise_is_a_round",
        "Tessaly",
        "À l'automne, Tessaly avait levé environ 12 millions d'euros.",
        {R("12000000", "EUR")},
    ),
    (
        "announced_having_raised_is_news",
        "Tessaly",
        "Tessaly a fait savoir qu'elle a levé environ 21 millions d'euros.",
        {R("21000000", "EUR")},
    ),
    (
        "raised_more_than_is_news",
        "Tessaly",
        "Tessaly a levé plus de 9 M€ auprès de Brumwick.",
        {R("9000000", "EUR")},
    ),
    # "its" stands for the company "the company" stood for: another one named before it.
    (
        "pronoun_after_noun_for_other",
        "Tessaly",
        "Tessaly grows kelp. Brumwick landed $88 million, which values the company at $420 million, half "
        "its $900 million peak.",
        set(),
    ),
    (
        "pronoun_after_noun_for_entity",
        "Tessaly",
        "Tessaly landed $88 million, which values the company at $420 million, half its $900 million peak.",
        {R("88000000"), V("420000000"), V("900000000")},
    ),
    # A raise's verb as a gerund: "with Tessaly pocketing $46m".
    (
        "gerund_raise_verb",
        "Tessaly",
        "Tessaly makes robots. After a quiet year the firm is back, with Tessaly pocketing $46m in October.",
        {R("46000000")},
    ),
    # A whole that counts grants or loans in is not the round beside it.
    (
        "whole_counting_grants",
        "Tessaly",
        "Tessaly a bouclé son tour en avril (3 millions d'euros, 4,4 millions d'euros en comptant aussi des "
        "subventions régionales).",
        {R("3000000", "EUR")},
    ),
    # "in capital" is the form the money takes, not the company's capital it goes into.
    (
        "in_capital_is_a_form",
        "Tessaly",
        "Tessaly grows kelp. Start-ups across Wales raised £41 million in capital in 2023, a trade body "
        "says.",
        set(),
    ),
    (
        "own_raise_in_capital",
        "Tessaly",
        "Tessaly raised £6 million in capital from Brumwick Partners in 2023.",
        {R("6000000", "GBP")},
    ),
    # A deal that values the company names it as its object; a deal "valued at" is the deal's worth.
    (
        "deal_values_named_company",
        "Tessaly",
        "Tessaly raised $70 million from Brumwick. The deal valued Tessaly at $2.3 billion.",
        {R("70000000"), V("2300000000")},
    ),
    (
        "deal_valued_at",
        "Tessaly",
        "Tessaly signed a supply deal with Brumwick reportedly valued at $100 million.",
        set(),
    ),
    # Where the company sits, in French, owns nothing.
    (
        "based_in_place_fr",
        "Tessaly",
        "Tessaly fabrique des drones. La société installée à Rennes est valorisée 600 millions d'euros.",
        {V("600000000", "EUR")},
    ),
    # "another start-up" is some other company; "another start-up of the same name" is the namesake.
    (
        "another_startup",
        "Tessaly",
        "Tessaly vend des fruits. En parallèle, une autre jeune pousse lilloise, Brumwick, a obtenu 14 M€ en "
        "série A.",
        set(),
    ),
    (
        "another_startup_same_name",
        "Tessaly",
        "On connaissait un logiciel portant ce nom ; voici une autre start-up du même nom. Tessaly obtient "
        "7 millions d'euros.",
        {R("7000000", "EUR")},
    ),
    # "already" right before the sum: all raised so far, no one round.
    (
        "already_before_sum",
        "Tessaly",
        "Tessaly ouvre une seconde usine. Déjà 27 millions d'euros récoltés auprès de fonds.",
        set(),
    ),
    (
        "already_then_verb_is_a_round",
        "Tessaly",
        "Tessaly dit avoir déjà encaissé 36 M€ auprès de nouveaux investisseurs conduits par Brumwick.",
        {R("36000000", "EUR")},
    ),
    # An investor whose name is a raise word ("Investissement Kobalt", "Z Capital") gives no kind when it
    # is the clause's subject; named as where the money came from, it still says a round.
    (
        "investor_named_investment",
        "Tessaly",
        "Tessaly emballe des fruits. Investissement Brumwick octroie 9 M$ à trois PME de la région.",
        set(),
    ),
    (
        "investor_named_capital_in_a_list",
        "Tessaly",
        "Tessaly sells tutoring. Brumwick Holdings wrote about $12 million, Corvid Capital roughly $31 "
        "million and Plimo near $8 million.",
        set(),
    ),
    (
        "money_from_a_capital_firm",
        "Tessaly",
        "Quaxi (12 M$, Brumwick Ventures), Tessaly (61,5 M$, Corvid Capital) et Plimo (3 M$).",
        {R("61500000")},
    ),
    # Debt in the next conjunct is that conjunct's, not the round's.
    (
        "debt_in_next_conjunct",
        "Tessaly",
        "Tessaly closed a strategic round of £14 million and a venture loan of £5 million in spring.",
        {R("14000000", "GBP")},
    ),
    # What a company makes, after a verb, is no company: "a company developing Kobalt-class sensors".
    (
        "descriptor_then_verb",
        "Tessaly",
        "Tessaly Robotics Inc., a company building Kobalt-grade arm joints for warehouses, has raised $19 "
        "million in series A financing.",
        {R("19000000")},
    ),
    # Names joined before an aside that says "each": the company owns the figure too.
    (
        "each_in_an_aside",
        "Tessaly",
        "Busy month: deals went to Lisbon's Tessaly and Porto-based Corvid, which each landed €12m.",
        {R("12000000", "EUR")},
    ),
    (
        "aside_without_each",
        "Tessaly",
        "Busy month: deals went to Lisbon's Tessaly and Porto-based Corvid, which landed €12m.",
        set(),
    ),
    # A nationality before the company's name in an aside still names the company.
    (
        "demonym_before_entity_in_aside",
        "Tessaly",
        "L'Italien Tessaly, valorisé l'an passé à quelque 2,7 milliards d'euros, prépare sa cotation.",
        {V("2700000000", "EUR")},
    ),
    # "to buy X": what the money is for, not whom it goes to.
    (
        "money_to_buy_a_company",
        "Tessaly",
        "Tessaly secured an investment of about two million euro to buy Lyon hardware company Brumwick.",
        {R("2000000", "EUR")},
    ),
    # "A 14 M€," at a French sentence's start is "À", no list entry's name.
    (
        "unaccented_a_opening",
        "Tessaly",
        "A 14 M€, le tour de Tessaly reste la plus grosse opération du trimestre.",
        {R("14000000", "EUR")},
    ),
    # "Avec 9 M€ levés auprès de ..., Tessaly ...": one deal, with its backers, not all raised so far.
    (
        "with_sum_raised_from_backers",
        "Tessaly",
        "Avec 9 M€ levés en mars auprès de Brumwick et Corvid, Tessaly pèse pour un tiers du secteur.",
        {R("9000000", "EUR")},
    ),
    # "une bourse ... de 30 000 euros" is a grant, whatever the conjunct after it holds.
    (
        "grant_bourse",
        "Tessaly",
        "Tessaly lève 600 000 euros. Ses fondatrices ont aussi obtenu une bourse French Tech de 30 000 euros "
        "et un prêt d'honneur de 40 000 euros.",
        {R("600000", "EUR")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_trends_and_subjects(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name
