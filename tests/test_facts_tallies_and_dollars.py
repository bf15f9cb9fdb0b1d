"""Tallies of many companies, brackets of deal sizes, figures set aside, grants and licence money, trade-
press datelines and the Canadian press's dollars: invented cases, each a phenomenon seen in real coverage
of companies the rules were not written from."""

from __future__ import annotations

import pytest

from tests.test_facts_frames import Expected, R, V, _facts

CASES: list[tuple[str, str, str, Expected]] = [
    # A plural pronoun that stands for many start-ups owns their tally, not the company's.
    (
        "tally_elles_fr",
        "Vornix",
        "Les pépites alsaciennes se portent à merveille. Depuis janvier, elles totalisent 215 millions "
        "d'euros de tours de table, et Vornix compte parmi elles.",
        set(),
    ),
    (
        "tally_elles_after_own_round_fr",
        "Vornix",
        "Vornix boucle 4 millions d'euros. Côté medtech lorraines, la moisson est bonne : en 2023, elles "
        "ont obtenu 61 millions d'euros.",
        {R("4000000", "EUR")},
    ),
    (
        "tally_they_collectively_en",
        "Vornix",
        "Vornix belongs to a cluster of Leeds robotics firms. This spring they together secured £190 "
        "million.",
        set(),
    ),
    # "They" alone may be the company, as British and trade English write it.
    (
        "they_is_the_company_en",
        "Vornix",
        "Vornix makes warehouse robots. They landed $9 million in a Series A from Halden Capital.",
        {R("9000000")},
    ),
    # Deals in the plural, with no company named: a tally, or the size of a bracket of deals.
    (
        "bracket_of_deal_sizes_fr",
        "Vornix",
        "Vornix lève 2,5 M€. Selon l'étude, les opérations sous 3 M€ progressent, tandis que les tours "
        "compris entre 3 et 15 M€ reculent.",
        {R("2500000", "EUR")},
    ),
    (
        "one_of_the_deals_above_fr",
        "Vornix",
        "Vornix lève 2,5 M€. Parmi les financements du trimestre, aucun autre ne franchit 25 M€.",
        {R("2500000", "EUR")},
    ),
    (
        "total_of_the_year_fr",
        "Vornix",
        "Vornix lève 2,5 M€. Le montant global des douze derniers mois, 140 M€, marque le pas.",
        {R("2500000", "EUR")},
    ),
    (
        "deals_reached_fr",
        "Vornix",
        "Vornix lève 2,5 M€.\n\nL'an dernier, dans un marché euphorique, les tours avaient culminé à "
        "520 M€ pour le département.",
        {R("2500000", "EUR")},
    ),
    # One of the deals the sentence lists is still a round of the company the text is about.
    (
        "one_round_of_the_list_en",
        "Vornix",
        "Vornix announced a $75 million Series C on Monday. Its previous rounds include a $22 million "
        "Series B led by Halden Capital.",
        {R("75000000"), R("22000000")},
    ),
    (
        "a_single_round_after_two_fr",
        "Vornix",
        "Vornix est née à Metz. Forte de deux tours déjà réalisés, la jeune entreprise finalise une "
        "nouvelle levée de 6 M€ avec Halden Capital.",
        {R("6000000", "EUR")},
    ),
    # What several companies raised together.
    (
        "which_collectively_raised_en",
        "Vornix",
        "Vornix picked up $14 million in June, ahead of other logistics startups, which collectively "
        "secured about $48 million over the month.",
        {R("14000000")},
    ),
    (
        "collectively_raising_en",
        "Vornix",
        "Vornix picked up $14 million. Two insurtechs, Halvane and Corvid, came next, collectively raising "
        "$19 million.",
        {R("14000000")},
    ),
    (
        "ensemble_fr",
        "Vornix",
        "Vornix et Halvane, qui ont levé ensemble 22 M€, ouvrent un bureau commun.",
        set(),
    ),
    # Investors who put money in together still fund the company.
    (
        "investors_collectively_invested_en",
        "Vornix",
        "Halden Capital and Ostra Partners jointly invested $7 million in Vornix.",
        {R("7000000")},
    ),
    # A market's funding, moving, and what many start-ups saw.
    (
        "quarterly_funding_peaked_en",
        "Vornix",
        "Vornix picked up $14 million. Across the region, monthly funding fell back to $610 million after "
        "a record spring.",
        {R("14000000")},
    ),
    (
        "startups_witnessed_en",
        "Vornix",
        "Vornix picked up $14 million. Over the summer, fintech startups saw $2.3 billion in new money.",
        {R("14000000")},
    ),
    # A figure the text sets aside.
    (
        "corrected_figure_en",
        "Vornix",
        "Vornix says its seed round came to $640,000, not $6.4 million as first reported.",
        {R("640000")},
    ),
    (
        "corrected_figure_fr",
        "Vornix",
        "Vornix a réuni 1,2 M€ (et non 12 M€, chiffre erroné paru mardi).",
        {R("1200000", "EUR")},
    ),
    # The trade press's "Name Inc., of City, State, said it raised": the name is the subject.
    (
        "dateline_apposition_other_company",
        "Vornix Bio",
        "Halvane Medical Corp., of Raleigh, N.C., said it closed a $26 million series B.\nVornix Bio Inc., "
        "of Tempe, Ariz., said it raised $8 million in seed money.",
        {R("8000000")},
    ),
    # A list of values, "Name at $N": each name owns its figure.
    (
        "list_of_values_at",
        "Vornix",
        "The report has Vornix at a $3bn valuation, Halvane at $700mm, and Corvid at $250mm.",
        {V("3000000000")},
    ),
    # The apposition set off by dashes: the name before it is still the subject.
    (
        "dash_apposition_other_company",
        "Vornix Bio",
        "Vornix Bio raised $8 million in seed money last spring. Halvane—a maker of ski boots—raised "
        "$5 million in funding.",
        {R("8000000")},
    ),
    (
        "dash_apposition_entity",
        "Vornix Bio",
        "Vornix Bio – a spin-off of a Tempe lab – raised $8 million in seed money.",
        {R("8000000")},
    ),
    (
        "dateline_apposition_ipo_of_another",
        "Vornix Bio",
        "Halvane Medical Corp., of Raleigh, N.C., priced an offering to bring in up to $55 million.",
        set(),
    ),
    # Public support, and a project's funding: no round.
    (
        "financial_support_fr",
        "Vornix",
        "Vornix bénéficie d'une aide financière de 900 000 euros de la Région pour son nouvel entrepôt.",
        set(),
    ),
    (
        "project_funding_fr",
        "Vornix",
        "Vornix touchera 2,4 M€ dans le cadre d'un projet régional sur l'hydrogène vert.",
        set(),
    ),
    (
        "round_for_a_project_fr",
        "Vornix",
        "Vornix lève 5 M€ auprès d'Ostra Partners afin de lancer un projet d'usine en Moselle.",
        {R("5000000", "EUR")},
    ),
    # What a partner pays for rights, and what investors promised to take of a listing.
    (
        "licence_payment_fr",
        "Vornix",
        "Vornix lève 9 M€. Elle avait déjà perçu 3 M€ au titre d'un accord de licence signé avec Halvane "
        "Pharma.",
        {R("9000000", "EUR")},
    ),
    (
        "upfront_payment_en",
        "Vornix",
        "Under its pact with Halvane, Vornix receives an upfront payment of $15 million.",
        set(),
    ),
    (
        "round_after_a_licence_fr",
        "Vornix",
        "Vornix lève 9 M€, quelques mois après un accord de licence avec Halvane Pharma.",
        {R("9000000", "EUR")},
    ),
    (
        "subscription_commitments_fr",
        "Vornix",
        "Avant sa cotation, Vornix a recueilli des engagements de souscription à hauteur de 18 M€.",
        set(),
    ),
    # "Chacune" opening a sentence: what each of several companies gets.
    (
        "chacune_opening_fr",
        "Vornix",
        "L'accélérateur a choisi quatre lauréats, parmi lesquels Vornix. Chacune percevra 150 000 euros.",
        set(),
    ),
    (
        "chacune_after_the_names_fr",
        "Vornix",
        "Vornix et Halvane ont chacune obtenu 3 M€ cet automne.",
        {R("3000000", "EUR")},
    ),
    (
        "week_tally_after_operations_fr",
        "Vornix",
        "Semaine animée : avec une quinzaine d'opérations recensées, les 88 M€ investis confirment la "
        "reprise.",
        set(),
    ),
    (
        "list_entry_with_a_stray_comma_fr",
        "Vornix",
        "Vornix lève 11 M€, derrière Halvane (30 millions d'euros), Corvid, (18 millions) et Ostra "
        "(14 millions).",
        {R("11000000", "EUR")},
    ),
    # What the company says it needs is no round.
    (
        "funding_needs_fr",
        "Vornix",
        "Vornix chiffre ses besoins de trésorerie à 7 M€ pour les deux prochaines années.",
        set(),
    ),
    (
        "round_for_its_needs_fr",
        "Vornix",
        "Vornix lève 7 M€ pour couvrir ses besoins de trésorerie.",
        {R("7000000", "EUR")},
    ),
    # A round made larger is the round's new size; the sum of several earlier rounds is no round.
    (
        "round_expanded_to_en",
        "Vornix Labs",
        "Oslo-based Vornix Labs grew its seed round to $11 million with two new backers.",
        {R("11000000")},
    ),
    (
        "sum_of_two_earlier_rounds_fr",
        "Vornix",
        "Vornix, qui a empoché environ 8 M€ au cours de ses deux premiers tours, recrute.",
        set(),
    ),
    # The Moroccan press's "DH".
    (
        "dirhams_abbreviated_fr",
        "Vornix",
        "Vornix, distributeur basé à Casablanca, lève 95 millions de DH auprès d'un fonds panafricain.",
        {R("95000000", "MAD")},
    ),
    # A period's tally, and what the start-ups of a place raised in a year.
    (
        "last_years_tally_en",
        "Vornix",
        "Vornix picked up $14 million in May. The city could top last year's $900M raised before autumn.",
        {R("14000000")},
    ),
    (
        "this_quarters_tally_en",
        "Vornix",
        "Vornix picked up $14 million, close to a twelfth of this quarter's $170 million.",
        {R("14000000")},
    ),
    (
        "last_years_round_is_a_round_en",
        "Vornix",
        "After last year's $6 million seed round, Vornix tripled its sales.",
        {R("6000000")},
    ),
    (
        "raised_last_year_by_the_startups_fr",
        "Vornix",
        "Vornix lève 2,5 M€, une goutte d'eau face aux 90 M€ levés l'an passé par les jeunes pousses du "
        "canton.",
        {R("2500000", "EUR")},
    ),
    # A name a dash and a space follow is still the name; a capitalised preposition is none.
    (
        "name_before_a_dash_and_from_opener_en",
        "Vornix",
        "From its first year, Vornix- then called Halvane Tech –drew interest from backers. In 2019, it "
        "received $23 million from Ostra and Corvid.",
        {R("23000000")},
    ),
    (
        "name_joined_by_a_hyphen_is_another_en",
        "Vornix",
        "Vornix-backed Halvane raised $5 million in March.",
        set(),
    ),
    # "$40-million" is the Canadian press's style: in a story set in Canada, Canadian dollars.
    (
        "canadian_press_dollars",
        "Vornix",
        "Ottawa's Vornix has closed $18-million in new capital, which values the company at $140-million, "
        "it said Thursday.",
        {R("18000000", "CAD"), V("140000000", "CAD")},
    ),
    (
        "canadian_press_marked_american",
        "Vornix",
        "Ottawa's Vornix has closed US$18-million in new capital, it said Thursday.",
        {R("18000000")},
    ),
    (
        "canadian_press_headline_short_form",
        "Vornix",
        "Ottawa's Vornix lands $18-million\nVornix said Thursday that two funds provided US$18-million in a "
        "round led by Halden Capital.",
        {R("18000000")},
    ),
    (
        "hyphenated_dollars_outside_canada",
        "Vornix",
        "Denver's Vornix has closed $18-million in new capital, it said Thursday.",
        {R("18000000")},
    ),
    (
        "plain_dollars_in_canada",
        "Vornix",
        "Ottawa's Vornix has closed $18 million in new capital, it said Thursday.",
        {R("18000000")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tallies_brackets_and_dollars(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name
