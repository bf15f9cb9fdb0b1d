"""Title Case headlines, list entries and their descriptions, datelines, counts that are no money, ceilings
and failed raises: invented cases, each a phenomenon seen in real coverage of companies the rules were
not written from."""

from __future__ import annotations

import pytest

from tests.test_facts_frames import Expected, R, V, _facts
from watcher.facts.numbers import find_money

CASES: list[tuple[str, str, str, Expected]] = [
    # A Title Case headline capitalises the words after the sum; they name no programme or fund.
    ("title_case_purpose", "Tessaly", "Tessaly Raises $48M To Scale Its Soil Sensors", {R("48000000")}),
    ("title_case_for", "Tessaly", "Tessaly Lands $48M For Factory Expansion", {R("48000000")}),
    (
        "title_case_valuation_doubles",
        "Tessaly",
        "Tessaly Raises $300M, Valuation Doubles To $4B",
        {R("300000000"), V("4000000000")},
    ),
    (
        "title_case_at_valuation",
        "Tessaly",
        "Tessaly Raises $48M At A $520M Valuation As Orders Climb",
        {R("48000000"), V("520000000")},
    ),
    (
        "title_case_boost_from",
        "Tessaly",
        "Tessaly Gets $48 Million Boost From Brumwick Partners",
        {R("48000000")},
    ),
    (
        "title_case_now_valued",
        "Tessaly",
        "Tessaly Raises $48 Million, Now Valued At $390 Million",
        {R("48000000"), V("390000000")},
    ),
    (
        "title_case_apposition",
        "Tessaly",
        "Tessaly, A Soil Analytics Startup, Raises $48 Million",
        {R("48000000")},
    ),
    (
        "title_case_with_sum_first",
        "Tessaly",
        "With $48 Million In New Funding, Soil Startup Tessaly Plots Expansion",
        {R("48000000")},
    ),
    # A name the programme really carries stays one: "the $40m Brumwick Growth Fund".
    (
        "named_programme_in_a_sentence",
        "Tessaly",
        "Tessaly raised $6 million. The city also opened the $40 million Brumwick Growth Fund last week.",
        {R("6000000")},
    ),
    # The larger sum a round is raised "at" is the company's worth.
    ("raised_at_worth", "Tessaly", "Tessaly pulls in $2B at $31B", {R("2000000000"), V("31000000000")}),
    (
        "round_then_valuation_fr",
        "Tessaly",
        "Tessaly lève 30 M€ à 310 M€ de valorisation.",
        {R("30000000", "EUR"), V("310000000", "EUR")},
    ),
    (
        "range_still_a_range_fr",
        "Tessaly",
        "Tessaly cherche à lever de 30 à 40 M€ auprès de ses actionnaires.",
        {R("30000000", "EUR")},
    ),
    # The worth a description gives the company ("the $9 billion fashion giant").
    (
        "worth_of_a_giant",
        "Tessaly",
        "At the port, the $9 billion logistics giant Tessaly opened a hub for Ghent.",
        {V("9000000000")},
    ),
    (
        "size_of_an_investment_firm",
        "Tessaly",
        "Tessaly raised $12 million. Brumwick Capital, a $4 billion investment firm, led it.",
        {R("12000000")},
    ),
    # "18 M de $": the symbol written where the word would stand.
    (
        "scale_then_de_dollar_fr",
        "Tessaly",
        "Tessaly compte lever 7 M de $ d'ici l'été.",
        {R("7000000")},
    ),
    # The price per share the sentence gives next is no kind of the figure before it.
    (
        "price_per_share_after_fr",
        "Tessaly",
        "Tessaly boucle sa levée de 5,2 millions d'euros au prix unitaire de 0,90 euro.",
        {R("5200000", "EUR")},
    ),
    ("crowdfunded_verb", "Tessaly", "Tessaly crowdfunded £3.1m from its customers.", {R("3100000", "GBP")}),
    (
        "imperfect_raise_fr",
        "Tessaly",
        "En mars 2019, Tessaly levait 3 M€ auprès de deux fonds.",
        {R("3000000", "EUR")},
    ),
    # "vise à" is what the round is for, not a sum aimed at.
    (
        "round_that_aims_to_fr",
        "Tessaly",
        "Tessaly annonce la réussite de son opération. Cette levée de 7,2 millions d'euros vise à financer "
        "trois usines.",
        {R("7200000", "EUR")},
    ),
    (
        "sum_aimed_at_fr",
        "Tessaly",
        "Tessaly a levé 2 M€, loin des 5 M€ visés au départ.",
        {R("2000000", "EUR")},
    ),
    # Another company's legal form in two parts still ends its name.
    (
        "two_part_legal_form",
        "Tessaly",
        "Tessaly Ltd. has closed a $14 million Series A. Brumwick Medical Co. Ltd. raised $60 million in a "
        "Series B.",
        {R("14000000")},
    ),
    # A dateline before another company's sentence.
    (
        "dateline_then_other_company",
        "Tessaly",
        "OSLO – Tessaly AS has closed a $14 million Series A.\n\nMADRID – Brumwick SL, a grid software "
        "group, has landed a $50 million Series B to leave stealth.",
        {R("14000000")},
    ),
    # A sector word ends the company's name; the text may write its first word alone.
    (
        "first_word_of_a_sector_name",
        "Tessaly Robotics",
        "Tessaly Robotics builds arms for farms.\n\nTessaly has now closed $21 million from Brumwick "
        "Ventures.",
        {R("21000000")},
    ),
    # A sector's acronym before the name.
    (
        "acronym_before_the_name_fr",
        "Tessaly",
        "Brumwick a levé 300 millions de francs. Suivent la jeune pousse IT Tessaly (120 millions levés pour "
        "une valorisation de 900 millions) et Corvid (95 millions).",
        {R("120000000", "CHF"), V("900000000", "CHF")},
    ),
    # A description of the business, then a relative clause about the raise: the debt words belong to
    # the description.
    (
        "debt_in_the_description",
        "Tessaly",
        "Tessaly, a tool for councils chasing unpaid debt, that lifted its valuation to $300 million in May, "
        "is hiring.",
        {V("300000000")},
    ),
    (
        "debt_then_bringing_the_round",
        "Tessaly",
        "Tessaly added $30m of debt and equity last quarter, taking its Series B to $75m.",
        {R("75000000")},
    ),
    # A count of shares after a sum is no sum.
    (
        "count_of_shares",
        "Tessaly",
        "Tessaly's listing brought in $64 million; it sold 4.2 million shares at $15 apiece.",
        {R("64000000")},
    ),
    # What the company failed to raise is no raise.
    ("failed_to_raise", "Tessaly", "Tessaly failed to raise €40m from regional banks last year.", set()),
    ("echoue_a_lever_fr", "Tessaly", "Tessaly a échoué à lever 40 M€ l'an dernier.", set()),
    # The ceiling a deal may reach is not the deal.
    (
        "extensible_ceiling_fr",
        "Tessaly",
        "Tessaly ouvre un tour de 2,4 M€, qui pourra être porté à 5 M€.",
        {R("2400000", "EUR")},
    ),
    (
        "could_be_expanded_to",
        "Tessaly",
        "Tessaly is raising a $25 million round that could be expanded to $35 million.",
        {R("25000000")},
    ),
    # Entries of a list: a description in brackets after the name, or where the company is.
    (
        "entry_with_a_description_fr",
        "Tessaly",
        "Cette année, Tessaly (capteurs agricoles) a levé 40 millions d'euros, Brumwick (logiciels de paie) "
        "25 millions.",
        {R("40000000", "EUR")},
    ),
    (
        "numbered_entry_with_a_place_fr",
        "Tessaly",
        "Le palmarès du trimestre :\n1- Brumwick, Kenya, 90 millions de dollars;\n2- Tessaly, Sénégal, 6 "
        "millions de dollars;\n3- Corvid, Ghana, 2 millions de dollars.",
        {R("6000000")},
    ),
    # A round "investi par" an investor is still the round.
    (
        "round_invested_by_fr",
        "Tessaly",
        "Tessaly a bouclé 30 millions de dollars. En 2016, un tour de 12 millions investi par la "
        "famille Brumwick avait lancé l'aventure.",
        {R("30000000"), R("12000000")},
    ),
    # Another company "was raising" its round: it is the subject.
    (
        "other_company_was_raising",
        "Tessaly",
        "Back in 2021, while Brumwick Labs was raising a $45 million B round, Tessaly bought shares in it.",
        set(),
    ),
    # Counted deals of a size are a bracket; two companies that "both raise" such rounds own theirs.
    (
        "bracket_of_counted_deals",
        "Tessaly",
        "Tessaly raised €80m, one of twelve $40m-plus rounds this quarter, while seven $5m or less seed "
        "financings closed.",
        {R("80000000", "EUR")},
    ),
    (
        "both_raise_rounds_above",
        "Tessaly",
        "Tessaly and Brumwick both close $50 million+ rounds",
        {R("50000000")},
    ),
    # A place describing the company the sentence is about is no place's tally.
    (
        "place_as_an_adjective",
        "Tessaly",
        "Tessaly lands $5 million. The Irish bakery group says it is valued at $45 million.",
        {R("5000000"), V("45000000")},
    ),
    # "according to" opens what the next figure is measured by.
    (
        "according_to_a_valuation",
        "Tessaly",
        "Tessaly plans to raise $30 million to $40 million according to a board valuation of $250 million.",
        {R("30000000"), V("250000000")},
    ),
    # One investor's part of the round, four words after "including".
    (
        "including_an_equity_investment_of",
        "Tessaly",
        "Tessaly has obtained $42 million, including a direct equity cheque of $15 million from Brumwick.",
        {R("42000000")},
    ),
    # "Ils ont respectivement levé ...": the sentence before lists the companies.
    (
        "respectively_listed_before_fr",
        "Tessaly",
        "Sur le podium : Brumwick, Corvid et Tessaly. Ils ont respectivement obtenu 41 M€, 38 M€ et 12 M€.",
        {R("12000000", "EUR")},
    ),
    # Where the company of an apposition sits, a state's postal code, is no company.
    (
        "based_in_a_state_code",
        "Tessaly",
        "Tessaly, a robotics firm based in NJ, USA, banked a $22M Series A.",
        {R("22000000")},
    ),
    # Many deals' sum.
    (
        "sum_across_many_deals",
        "Tessaly",
        "In total $410M was raised across 12 venture rounds; Tessaly raised $18M of it.",
        {R("18000000")},
    ),
    (
        "raised_from_several_investors",
        "Tessaly",
        "Tessaly raised $14 million from three Nordic pension companies.",
        {R("14000000")},
    ),
    # What a company spends on a plant, with no raise or investor in the sentence.
    (
        "plant_investment_fr",
        "Tessaly",
        "Tessaly construira près de Lyon une usine : un investissement de 90 millions d'euros et 300 "
        "emplois.",
        set(),
    ),
    (
        "passive_raised_since_a_year_fr",
        "Tessaly",
        "Tessaly conçoit des drones. En tout, 26 millions d'euros ont été récoltés depuis 2020.",
        set(),
    ),
    (
        "sector_funding_reached",
        "Tessaly",
        "Tessaly raised $9 million. Last year agtech funding climbed to 410 deals and $6.2 billion.",
        {R("9000000")},
    ),
    (
        "fund_capital_commitments",
        "Tessaly",
        "Tessaly raised $9 million. Its backer Corvid gathered $600 million in capital commitments for a "
        "fourth fund.",
        {R("9000000")},
    ),
    # The noun after a colon stands for the subject of the clause before it.
    (
        "generic_noun_after_a_colon_fr",
        "Tessaly",
        "Tessaly lève 5 millions de francs. En mai, Brumwick a frappé fort : la medtech zurichoise a "
        "décroché 60 millions de francs.",
        {R("5000000", "CHF")},
    ),
    # A rough sum of all the company had raised before, no round named: a total.
    (
        "had_raised_roughly",
        "Tessaly",
        "Until its sale, Tessaly had raised roughly $48 million, mostly from Corvid.",
        set(),
    ),
    (
        "has_raised_over_in_a_named_round",
        "Tessaly",
        "Tessaly has raised over $48 million in a Series C led by Corvid.",
        {R("48000000")},
    ),
    # A fund marking down its stake, and the round it led that valued the company.
    (
        "round_valued_beside_a_write_down",
        "Tessaly",
        "Corvid marked down its Tessaly holding this spring; its 2022 Series D round, which valued Tessaly "
        "at $1.9 billion, now looks rich.",
        {V("1900000000")},
    ),
    # Paying for a small stake is buying into the company.
    (
        "pays_for_a_minority_stake",
        "Tessaly",
        "Brumwick is paying $8 million for a 2.5% stake in Tessaly.",
        {R("8000000")},
    ),
    # A main currency carries to a bare sum in a text that also quotes another.
    (
        "main_currency_of_the_text_fr",
        "Tessaly",
        "Tessaly obtient 12 millions d'euros en 2022. Un rival new-yorkais a levé 30 millions de "
        "dollars. Tessaly vise 25 M€ en 2025. Un fonds rennais a piloté en mars la levée de fonds de 8 "
        "millions de Tessaly.",
        {R("12000000", "EUR"), R("8000000", "EUR")},
    ),
    # The ranking the sentence before opened: two more entries.
    (
        "ranking_continued_fr",
        "Tessaly",
        "Les plus grosses levées du semestre sont celles de Brumwick et Corvid. Viennent ensuite Ostra "
        "(5,3 M€ - Nancy), Tessaly (4,5 M€ - Metz).",
        {R("4500000", "EUR")},
    ),
    # A listed company's follow-on offering brings it new money, as a listing does.
    ("follow_on_offering", "Tessaly", "Tessaly prices $640M follow-on offering", {R("640000000")}),
    # A sector written in camel case is no company.
    (
        "camel_case_sector_fr",
        "Tessaly",
        "Tessaly, jeune pousse de la MarTech bordelaise, boucle 14 millions d'euros.",
        {R("14000000", "EUR")},
    ),
    # Many start-ups' money, with their verb in a tense the rules had not read.
    (
        "collective_reunies_fr",
        "Tessaly",
        "Tessaly lève 3 M€. Les start-up bretonnes ont réuni 210 M€ sur l'année.",
        {R("3000000", "EUR")},
    ),
    (
        "funding_for_many_startups",
        "Tessaly",
        "Tessaly raised $6 million. May brought $700 million in new funding for Irish startups.",
        {R("6000000")},
    ),
    # A buyer's bid valuing the company, and a span of years, several rounds.
    (
        "buyer_bid_values_fr",
        "Tessaly",
        "Son fonds actionnaire avait reçu une offre de rachat de Corvid, qui valorisait Tessaly 120 "
        "millions d'euros.",
        set(),
    ),
    (
        "tender_offer_values",
        "Tessaly",
        "Tessaly will let staff sell shares in a tender offer valuing the company at $3 billion.",
        {V("3000000000")},
    ),
    (
        "raised_across_a_span_of_years_fr",
        "Tessaly",
        "Tessaly lève 20 millions d'euros. Elle avait déjà obtenu 9 millions d'euros entre 2019 et 2021.",
        {R("20000000", "EUR")},
    ),
    # Debt in the business described; what the deal values is the company.
    (
        "debt_business_valued",
        "Tessaly",
        "Two funds are weighing a stake in loan-servicing start-up Tessaly, where a new deal would value "
        "the young company at about $300mn.",
        {V("300000000")},
    ),
    (
        "enterprise_value_including_debt",
        "Tessaly",
        "Buyers have weighed a deal that could value Tessaly at about $900 million including debt.",
        set(),
    ),
    # How the money raised is spent, and what a round may still grow by.
    (
        "proceeds_allocated_fr",
        "Tessaly",
        "Tessaly boucle une augmentation de capital de 9 M€. Le produit net sera affecté à hauteur de 3 M€ "
        "au rachat d'un concurrent.",
        {R("9000000", "EUR")},
    ),
    (
        "add_on_option",
        "Tessaly",
        "Tessaly closed a $40 million Series B. The round carries a $15 million add-on option.",
        {R("40000000")},
    ),
    # The sum put before the round it sizes.
    (
        "sum_put_first_fr",
        "Tessaly",
        "À 12 M€, le tour de table de Tessaly est le plus gros du trimestre en Alsace.",
        {R("12000000", "EUR")},
    ),
    # The price of taking a listed company private is no round's valuation.
    (
        "take_private_price",
        "Tessaly",
        "Brumwick will take Tessaly private in a cash deal valuing the group at $2.2bn.",
        set(),
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_headlines_and_entries(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Two numbers in words joined by "et"/"and" are a range's ends, not a sum.
        ("entre trois et quatre millions d'euros", []),
        ("between two and three million dollars", []),
        ("vingt et un millions d'euros", ["21000000"]),
        ("a hundred and two million dollars", ["102000000"]),
    ],
)
def test_number_words_joined(text: str, amounts: list[str]) -> None:
    assert [str(m.amount) for m in find_money(text)] == amounts
