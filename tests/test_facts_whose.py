"""Whose figure it is when another company is the subject in a way the raise verbs alone miss: a
subject who means to raise, a French subject after its verb, a roundup entry, the agent of a passive,
and a list of rounds "for" described companies. Invented cases, each a phenomenon of real coverage."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_facts_frames import Expected, R, V, _facts
from watcher.facts import extract_facts

CASES: list[tuple[str, str, str, Expected]] = [
    # A subject who means to raise owns the figure, as one who raised does.
    ("intent_rival_en", "Zorblo", "Quaxi plans to raise $300 million this year.", set()),
    ("intent_rival_fr", "Zorblo", "Quaxi prévoit de lever 30 millions d'euros cette année.", set()),
    ("intent_rival_fr_apprete", "Zorblo", "Quaxi s'apprête à lever 40 millions d'euros.", set()),
    (
        "intent_rival_after_apposition",
        "Zorblo",
        "Vanta Partners, another Lyon-based fund, expects to close a €250m fundraising in the coming weeks.",
        set(),
    ),
    (
        "intent_rival_among",
        "Zorblo",
        "Quaxi was among the Leeds fintechs to secure a large round this year, raising £122 million.",
        set(),
    ),
    ("intent_own", "Zorblo", "Zorblo plans to raise $300 million this year.", {R("300000000")}),
    # An investor's intent is not a raise: the round stays the company's.
    ("intent_investor_leads", "Zorblo", "Kobalt is in talks to lead a $40 million round.", {R("40000000")}),
    # French puts the subject after the verb in an object relative.
    (
        "inverted_relative_rival",
        "Zorblo",
        "C'est une somme de 125 millions d'euros que vient de lever Quaxi.",
        set(),
    ),
    (
        "inverted_relative_own",
        "Zorblo",
        "C'est une somme de 125 millions d'euros que vient de lever Zorblo.",
        {R("125000000", "EUR")},
    ),
    # A roundup's entry: the name, then "with a raise of".
    (
        "roundup_entry_rival",
        "Zorblo",
        "En troisième position vient Quaxi Labs, avec une levée de 6 millions d'euros.",
        set(),
    ),
    (
        "roundup_entry_own",
        "Zorblo",
        "En tête vient Zorblo, avec une levée de 9 millions d'euros.",
        {R("9000000", "EUR")},
    ),
    # Who announced a raise is who made it.
    (
        "passive_agent_rival",
        "Zorblo",
        "Le fonds était déjà derrière la levée de 580 millions d'euros annoncée mardi par Quaxi.",
        set(),
    ),
    (
        "passive_agent_own",
        "Zorblo",
        "Le fonds était déjà derrière la levée de 580 millions d'euros annoncée mardi par Zorblo.",
        {R("580000000", "EUR")},
    ),
    # A list of rounds, each "for" a company its descriptor names: each is that company's round.
    (
        "rounds_for_described_companies",
        "Zorblo",
        "Other large rounds included $478 million for payments firm Zorblo and $450 million for "
        "payments unicorn Quaxi.",
        {R("478000000")},
    ),
    (
        "rounds_for_described_companies_second",
        "Zorblo",
        "Other large rounds included $478 million for payments firm Quaxi and $450 million for "
        "payments unicorn Zorblo.",
        {R("450000000")},
    ),
    # A raise participle, then "by" and a descriptor: the described company raised it.
    (
        "garnered_by_described_rival",
        "Zorblo",
        "The $500 million Zorblo raised is the biggest, eclipsing the $400 million garnered by Brazilian "
        "firm Quaxi.",
        {R("500000000")},
    ),
    # ... but a figure estimated "by the data provider X" is still the company's.
    (
        "estimated_by_provider",
        "Zorblo",
        "Zorblo's valuation is estimated at €1 billion by the data provider Dealgrid.",
        {V("1000000000", "EUR")},
    ),
    # The French genitive after the amount names whose raise it is.
    (
        "raise_of_rival_after_amount",
        "Zorblo",
        "Enfin, la levée de 5 millions d'euros de Quaxi réalisée auprès de Kobalt lui permet de "
        "monter sur le podium.",
        set(),
    ),
    (
        "financing_from_funder_after_amount",
        "Zorblo",
        "Zorblo obtient un financement de 5 millions d'euros de Bpifrance.",
        {R("5000000", "EUR")},
    ),
    # A present-tense French raise verb and a name in quotes are subjects too.
    (
        "present_tense_cloture",
        "Zorblo",
        "(Lyon/Biotech) – Quaxi Therapeutics clôture un second tour d'amorçage de plus de 3 M$.",
        set(),
    ),
    (
        "quoted_name_subject",
        "Zorblo",
        "La start-up à la tête de la semaine est « Quaxi » qui a pu récolter 19 millions d'euros auprès de "
        "Kobalt.",
        set(),
    ),
    # "pocketed" is a raise: the figure after it is a round, not the valuation named before.
    (
        "pocketed_is_a_round",
        "Zorblo",
        "Zorblo was valued at £1.2bn, 40% lower than the valuation negotiated when it pocketed £113m in "
        "June 2019.",
        {V("1200000000", "GBP"), R("113000000", "GBP")},
    ),
    # Gaps and cash held are no deal.
    (
        "cut_off_valuation",
        "Zorblo",
        "The listing of Quaxi saw shares plunge, cutting more than 2 billion pounds off the company's "
        "valuation.",
        set(),
    ),
    (
        "cash_on_hand",
        "Zorblo",
        "Zorblo has raised $710 million and has $440 million of cash on hand.",
        {R("710000000")},
    ),
    (
        "more_since_earlier_round",
        "Zorblo",
        "This raised Zorblo's valuation to $12 billion, around $1 billion more since the earlier round.",
        {V("12000000000")},
    ),
    # A rival who announces a raise is its subject; the tracked company announcing keeps its own.
    ("rival_announces_fr", "Zorblo", "Quaxi annonce une levée de 12 millions d'euros.", set()),
    ("rival_reports_fr", "Zorblo", "Quaxi Partners fait état d'une levée de 1,2 Md€ en 2024.", set()),
    ("rival_announces_en", "Zorblo", "Quaxi announces $12M Series A.", set()),
    (
        "own_announces_fr",
        "Zorblo",
        "Zorblo annonce une levée de 12 millions d'euros.",
        {R("12000000", "EUR")},
    ),
    # No round above a threshold is no round.
    (
        "no_raise_above",
        "Zorblo",
        "Avec 14 tours de table, la semaine totalise 40 millions d'euros, sans aucune levée à plus de 10 "
        "millions d'euros.",
        set(),
    ),
    # What a possessor buys is its own deal.
    (
        "possessor_acquisition_deal",
        "Zorblo",
        "Zorblo confirms $650M raise after Quaxi's $20B acqui-hire deal",
        {R("650000000")},
    ),
    # A sentence opener is no company: the pronoun after it still stands for the company described.
    (
        "opener_is_no_company",
        "Zorblo",
        "Parmi elles, la deeptech française Zorblo conçoit des lasers. Elle vient de boucler un tour "
        "de table en série A de 7 millions d'euros mené par Kobalt Ventures.",
        {R("7000000", "EUR")},
    ),
    # The target of an investment after the adjectives of its descriptor.
    (
        "target_after_descriptor_adjectives",
        "Zorblo",
        "Kobalt has led an investment of more than $1 billion in British self-driving car startup Zorblo.",
        {R("1000000000")},
    ),
    (
        "rival_target_after_descriptor_adjectives",
        "Zorblo",
        "Kobalt has led an investment of more than $1 billion in British self-driving car startup Quaxi.",
        set(),
    ),
    # An investor just introduced as the company's puts money in without naming it again.
    (
        "introduced_investor_injects",
        "Zorblo",
        "Selon la presse, c'est le fonds Kobalt Industries qui devient le premier investisseur de "
        "l'entreprise. Kobalt injecte 75 millions d'euros et rachète pour 25 millions de parts existantes.",
        {R("75000000", "EUR")},
    ),
    (
        "introduced_shareholder_invests",
        "Zorblo",
        "Zorblo a accueilli Kobalt Partners comme nouvel actionnaire. Kobalt investit 30 millions d'euros.",
        {R("30000000", "EUR")},
    ),
    # ... not an investor of another company, nor one whose round was just given (its ticket).
    (
        "introduced_investor_of_rival",
        "Zorblo",
        "Kobalt Partners is a long-time investor in Quaxi. Kobalt invested $30 million last year.",
        set(),
    ),
    (
        "introduced_with_its_round",
        "Zorblo",
        "Kobalt became the largest shareholder in Zorblo after leading a €1.7 billion round. Kobalt is said "
        "to have invested €1.3 billion.",
        {R("1700000000", "EUR")},
    ),
    # "led by" an investor named with its descriptor: the apposition after it is the company raising.
    (
        "led_by_described_investor_then_apposition",
        "Zorblo",
        "Zorblo has raised $330 million since its founding in 2013. In its last round, led by venture "
        "capital company Kobalt Growth Partners, the Chilean fintech raised $150 million.",
        {R("150000000")},
    ),
    # The target of an investment after its descriptor: an app, a group.
    (
        "target_app_descriptor",
        "Zorblo",
        "Kobalt is close to making a $1-billion investment in Latin American delivery app Zorblo.",
        {R("1000000000")},
    ),
    (
        "target_group_descriptor",
        "Zorblo",
        "Kobalt has agreed to invest $1.5 billion in Abu Dhabi artificial intelligence group Zorblo.",
        {R("1500000000")},
    ),
    # "du" and an adjective between the amount and whose raise it is.
    (
        "raise_of_du_adjective_own",
        "Zorblo",
        "Le logiciel reste le plus représenté, dont la série B de 17 M€ du toulousain Zorblo en mars.",
        {R("17000000", "EUR")},
    ),
    (
        "raise_of_du_adjective_rival",
        "Zorblo",
        "Le logiciel reste le plus représenté, dont la série B de 17 M€ du toulousain Quaxi en mars.",
        set(),
    ),
    # Plural subjects and a relative clause after a name: the names' raise.
    (
        "plural_subjects_each_raised",
        "Zorblo",
        "Et c'est un duo qui grimpe sur la troisième marche : Adionics et Quaxi Labs qui ont chacun levé "
        "4 millions d'euros.",
        set(),
    ),
    (
        "fund_relative_clause_closing",
        "Zorblo",
        "Le fonds Kobalt Ventures, qui a réalisé un premier closing de 20 millions d'euros en début d'année, "
        "a aussi investi.",
        set(),
    ),
    (
        "own_relative_clause",
        "Zorblo",
        "Zorblo, qui a réalisé une levée de 20 millions d'euros en mars, recrute.",
        {R("20000000", "EUR")},
    ),
    # The agent of "effectuée par", and a descriptor's adjectives after it.
    (
        "passive_effectuee_par",
        "Zorblo",
        "Après les levées du trimestre, comme celle de 85 millions d'euros réalisée par Quaxi, une PME "
        "bretonne, ou celle de 27 millions effectuée par Plimo, une entreprise rémoise.",
        set(),
    ),
    (
        "obtained_by_descriptor_adjective",
        "Zorblo",
        "On reste très loin des 46 millions d'euros obtenus par la start-up gantoise Quaxi pour ses outils.",
        set(),
    ),
    # The second part of a list after "dont" is a part too.
    (
        "component_list_second_part",
        "Zorblo",
        "Zorblo réalise une levée de fonds d'un montant total brut de 40,5 millions d'euros, dont 36,5 "
        "millions d'euros auprès de fonds spécialisés et 4,1 millions d'euros de particuliers.",
        {R("40500000", "EUR")},
    ),
    # ... but a new clause after the list is not.
    (
        "component_list_then_plan",
        "Zorblo",
        "Zorblo a levé 40 M€, dont 10 M€ de Bpifrance, et prévoit d'en lever 20 M€ en 2026.",
        {R("40000000", "EUR"), R("20000000", "EUR")},
    ),
    # The most an offering may reach if its options are used is not what it raised.
    (
        "upsize_option_ceiling",
        "Zorblo",
        "Zorblo vise une levée de fonds de 110 M€, pouvant être portée à un maximum d'environ 145,5 M€ en "
        "cas d'exercice intégral de la clause d'extension.",
        {R("110000000", "EUR")},
    ),
    # Money "apportés par / invested by" investors is the round of the sentence's company.
    (
        "passive_investors_own",
        "Zorblo",
        "Zorblo a bouclé son tour : 30 millions d'euros apportés par Kobalt et Quaxi Ventures.",
        {R("30000000", "EUR")},
    ),
    (
        "passive_investors_rival",
        "Zorblo",
        "Quaxi a bouclé son tour : 30 millions d'euros apportés par Kobalt et Plimo Ventures.",
        set(),
    ),
    (
        "passive_invested_by_en",
        "Zorblo",
        "The startup Zorblo now has $50 million invested by Kobalt.",
        {R("50000000")},
    ),
    # ... but one investor's share of a stated round stays a part of it.
    (
        "passive_share_of_round",
        "Zorblo",
        "Zorblo a levé 1,7 milliard d'euros, dont 1,3 milliard apporté par Kobalt.",
        {R("1700000000", "EUR")},
    ),
    # The company's own investors put money into it; a rival's own investors into the rival.
    (
        "own_shareholders_invested",
        "Zorblo",
        "Zorblo's biggest existing shareholders, including Kobalt and Plimo, invested more than $100m "
        "earlier in 2019, setting the stage for this round.",
        {R("100000000")},
    ),
    (
        "rival_shareholders_invested",
        "Zorblo",
        "Quaxi's biggest existing shareholders invested more than $100m earlier in 2019.",
        set(),
    ),
    (
        "ses_actionnaires_reinjectent",
        "Zorblo",
        "Zorblo prépare sa croissance. Ses actionnaires historiques ont réinjecté 20 millions d'euros dans "
        "l'opération.",
        {R("20000000", "EUR")},
    ),
    # A price paid for a company is no round, whatever words its name or description carry.
    (
        "bought_company_with_cue_in_name",
        "Zorblo Capital",
        "Kobalt acquired the British secondaries investment firm Zorblo Capital for $3.7 billion - 3.2B in "
        "stock and 500M in cash.",
        set(),
    ),
    (
        "bought_rival_after_own_round",
        "Zorblo",
        "Zorblo raised $50 million, which it used to buy Quaxi for $20 million.",
        {R("50000000")},
    ),
    # ... but a stake bought in the company is an investment in it.
    (
        "bought_stake_is_investment",
        "Zorblo",
        "Kobalt bought a stake in Zorblo for $30 million in its Series B.",
        {R("30000000")},
    ),
    # A cue word inside the company's own name says nothing of the figure.
    ("cue_in_own_name_round", "Zorblo Capital", "Zorblo Capital raised $50 million.", {R("50000000")}),
    # "valorisation ..., à X": the valuation's figure, whatever round words come between.
    (
        "valorisation_then_a_figure",
        "Zorblo",
        "Zorblo a finalisé une levée de 800 millions de dollars. Soit une valorisation en chute de 85 % sur "
        "les conditions de son précédent tour de table, réalisé en juin 2021, à 45,6 milliards de dollars.",
        {R("800000000"), V("45600000000")},
    ),
    # A company's years of existence make what it gathered a total.
    (
        "years_of_existence_total",
        "Zorblo",
        "En quelque 6 années d'existence, Zorblo aura réussi à collecter quelque 311 millions d'euros.",
        set(),
    ),
    # "included" after a round still makes its part a component, not a second round.
    (
        "round_included_a_ticket",
        "Zorblo",
        "Zorblo raised $80 million, which included $20 million from Kobalt.",
        {R("80000000")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_whose(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name


def test_valuation_set_in_a_dated_round_is_background() -> None:
    """ "the most recent valuation of $9 billion in a $120 million raise in May 2019", in a text of 2024:
    the valuation shares the date of the round it was set in."""
    text = (
        "Kobalt Ventures sold part of its Zorblo stake at a valuation of $6 billion. Over the years the fund "
        "backed Zorblo through five rounds, with the most recent valuation of $9 billion in a $120 million "
        "raise in May 2019."
    )
    contexts = {(f.kind, f.amount): f.context for f in extract_facts(text, "Zorblo", published="2024-03-02")}
    assert contexts[("valuation", Decimal("9000000000"))] == "background"
    assert contexts[("funding_round", Decimal("120000000"))] == "background"
    assert contexts[("valuation", Decimal("6000000000"))] == "main"
