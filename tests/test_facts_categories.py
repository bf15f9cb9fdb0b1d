"""Category drills: invented FR/EN excerpts, one group per kind of difficulty news text poses.

Each case gives the funding rounds (R) and valuations (V) a reader should take from the excerpt for
the tracked company, and nothing else: a figure that is debt, revenue, capex, a grant, an acquisition
price, a total raised or another company's deal must not come out as a round or a valuation. Scoring
follows the judges: kind + amount within 2 % + currency (or the stated equivalent). Every company,
investor and person here is made up.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.fitted_known import params
from watcher.facts import extract_facts
from watcher.models import Fact

_SCALE = {"K": 10**3, "M": 10**6, "B": 10**9}


def _spec(spec: str) -> tuple[str, Decimal, str]:
    kind, amount, currency = spec.split()
    scale = _SCALE.get(amount[-1], 1)
    value = Decimal(amount[:-1] if amount[-1] in _SCALE else amount) * scale
    return ("funding_round" if kind == "R" else "valuation"), value, currency


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.02") * max(abs(a), abs(b))


def _hits(fact: Fact, want: tuple[str, Decimal, str]) -> bool:
    kind, amount, currency = want
    if fact.kind != kind:
        return False
    moneys = [(fact.amount, fact.currency)]
    if fact.equivalent is not None:
        moneys.append((fact.equivalent.amount, fact.equivalent.currency))
    return any(c == currency and _close(a, amount) for a, c in moneys)


def _check(text: str, entity: str, expected: list[str]) -> list[Fact]:
    facts = [f for f in extract_facts(text, entity) if f.kind in ("funding_round", "valuation")]
    wanted = [_spec(s) for s in expected]
    missing = [w for w in wanted if not any(_hits(f, w) for f in facts)]
    spurious = [f for f in facts if not any(_hits(f, w) for w in wanted)]
    assert not missing and not spurious and len(facts) == len(wanted), (missing, spurious, facts)
    return facts


# (category, entity, text, expected facts)
CASES: list[tuple[str, str, str, list[str]]] = [
    # ------------------------------------------------------------------ totals, revenue, debt, capex
    (
        "total_raised_distractor",
        "Quillon",
        "Quillon has raised $45 million in a Series B led by Harrow Ventures, bringing its total "
        "funding to $80 million.",
        ["R 45M USD"],
    ),
    (
        "total_raised_distractor",
        "Quillon",
        "Quillon lève 12 millions d'euros. La jeune pousse lyonnaise a ainsi levé 30 millions d'euros "
        "au total depuis sa création en 2019.",
        ["R 12M EUR"],
    ),
    (
        "total_raised_distractor",
        "Quillon",
        "The Oslo start-up Quillon closed a €9 million seed round on Monday. It has now raised more "
        "than €14 million to date.",
        ["R 9M EUR"],
    ),
    (
        "revenue_distractor",
        "Veradyn",
        "Veradyn, which generates $30 million in annual recurring revenue, raised $120 million at a "
        "$1.1 billion valuation.",
        ["R 120M USD", "V 1.1B USD"],
    ),
    (
        "revenue_distractor",
        "Veradyn",
        "Veradyn, spécialiste de la paie, a levé 25 millions d'euros. La société, qui réalise 8 millions "
        "d'euros de chiffre d'affaires, veut doubler ses effectifs.",
        ["R 25M EUR"],
    ),
    (
        "revenue_distractor",
        "Veradyn",
        "Veradyn expects sales of about €40 million this year, up from €22 million, after a €15 million "
        "Series A in March.",
        ["R 15M EUR"],
    ),
    (
        "debt_distractor",
        "Tarnis",
        "Tarnis raised $50 million in equity and secured a $100 million credit facility from Banco Verde.",
        ["R 50M USD"],
    ),
    (
        "debt_distractor",
        "Tarnis",
        "Tarnis a obtenu un prêt de 20 millions d'euros de la BEI, en plus de sa levée de 15 millions "
        "d'euros.",
        ["R 15M EUR"],
    ),
    (
        "debt_not_round",
        "Tarnis",
        "Tarnis raised $300 million in debt financing to build its first factory, the company said.",
        [],
    ),
    (
        "debt_not_round",
        "Tarnis",
        "Tarnis a levé 40 millions d'euros sous forme de dette bancaire auprès de trois banques.",
        [],
    ),
    (
        "capex_distractor",
        "Ferrolux",
        "Ferrolux will spend €300 million on new factories over five years after raising €80 million.",
        ["R 80M EUR"],
    ),
    (
        "capex_distractor",
        "Ferrolux",
        "Ferrolux prévoit d'investir 500 millions d'euros dans une usine à Dunkerque.",
        [],
    ),
    (
        "spending_distractor",
        "Ferrolux",
        "Ferrolux a levé 35 millions d'euros. Elle compte consacrer une dizaine de millions d'euros au "
        "recrutement et dépenser 5 millions d'euros en marketing.",
        ["R 35M EUR"],
    ),
    (
        "project_cost_distractor",
        "Ferrolux",
        "Ferrolux unveiled a €2 billion data centre project in Normandy, to be financed with partners.",
        [],
    ),
    (
        "project_cost_distractor",
        "Ferrolux",
        "Ferrolux va construire un campus de calcul d'une valeur de 1,5 milliard d'euros près de Reims.",
        [],
    ),
    (
        "government_funding",
        "Ferrolux",
        "Ferrolux has received a €12 million grant from the state innovation programme to scale its "
        "pilot line.",
        [],
    ),
    (
        "government_funding",
        "Ferrolux",
        "Ferrolux obtient une subvention de 8 millions d'euros dans le cadre du plan France 2030.",
        [],
    ),
    (
        "acquisition_distractor",
        "Ferrolux",
        "Ferrolux acquired Brightmesh for $250 million last year, months before raising $60 million in "
        "a Series B.",
        ["R 60M USD"],
    ),
    (
        "acquisition_distractor",
        "Ferrolux",
        "Ferrolux a racheté la start-up Pixelune pour 40 millions d'euros.",
        [],
    ),
    (
        "portfolio_distractor",
        "Kaldera",
        "Kaldera raised €25 million. Norrland Capital, which led the round, manages €2 billion and has "
        "backed 40 startups.",
        ["R 25M EUR"],
    ),
    (
        "portfolio_distractor",
        "Kaldera",
        "Le fonds Aurore Partners, qui gère 1,5 milliard d'euros d'actifs, mène le tour de 18 millions "
        "d'euros de Kaldera.",
        ["R 18M EUR"],
    ),
    (
        "negative_case",
        "Nimbra",
        "Nimbra unveiled a new model on Tuesday that it says costs $2 per million tokens to run.",
        [],
    ),
    (
        "negative_case",
        "Nimbra",
        "Nimbra a ouvert un bureau à Lyon et compte recruter 40 personnes d'ici 2026.",
        [],
    ),
    (
        "raised_verb_trap",
        "Nimbra",
        "Nimbra raised prices by 20% and raised its revenue forecast to $90 million.",
        [],
    ),
    # ------------------------------------------------------------------ amounts and currencies
    (
        "currency_in_parentheses",
        "Solvane",
        "Solvane a levé 40 millions d'euros (43 millions de dollars) auprès d'Arcadia Capital.",
        ["R 40M EUR"],
    ),
    (
        "currency_in_parentheses",
        "Solvane",
        "Solvane raised €40 million ($43 million) in Series A funding led by Arcadia Capital.",
        ["R 40M EUR"],
    ),
    (
        "same_number_two_currencies",
        "Solvane",
        "Solvane raised $2.2 billion, or about €2 billion, from a group led by Arcadia Capital.",
        ["R 2.2B USD"],
    ),
    (
        "mixed_currency",
        "Solvane",
        "Solvane a levé 500 millions d'euros, ce qui la valorise à 6 milliards de dollars.",
        ["R 500M EUR", "V 6B USD"],
    ),
    (
        "decimal_comma",
        "Ferrolux",
        "Ferrolux a levé 2,5 millions d'euros en amorçage et est valorisée 12,5 millions d'euros.",
        ["R 2.5M EUR", "V 12.5M EUR"],
    ),
    ("abbrev_mn", "Kaldera", "Kaldera raised €25mn in a round led by Norrland Capital.", ["R 25M EUR"]),
    (
        "abbrev_mn",
        "Kaldera",
        "Kaldera raised $1.2bn in fresh capital, valuing it at $9bn.",
        ["R 1.2B USD", "V 9B USD"],
    ),
    (
        "abbrev_M€_Md€",
        "Kaldera",
        "Kaldera lève 220 M€ et atteint une valorisation de 1,4 Md€.",
        ["R 220M EUR", "V 1.4B EUR"],
    ),
    ("symbol_after_number", "Kaldera", "Kaldera lève 20 M€ pour son expansion.", ["R 20M EUR"]),
    (
        "symbol_after_number",
        "Kaldera",
        "Kaldera a levé 500 millions $ et serait valorisée 3 milliards $.",
        ["R 500M USD", "V 3B USD"],
    ),
    (
        "comma_thousands",
        "Kaldera",
        "Kaldera disclosed raising $1,500,000,000 in a filing, at a valuation of $12,000,000,000.",
        ["R 1.5B USD", "V 12B USD"],
    ),
    (
        "hyphenated_amount",
        "Kaldera",
        "Kaldera closed a $300-million Series C on Thursday.",
        ["R 300M USD"],
    ),
    (
        "hyphenated_amount",
        "Kaldera",
        "Kaldera announced a 50-million-euro raise led by Aurore Partners.",
        ["R 50M EUR"],
    ),
    (
        "number_in_words",
        "Kaldera",
        "Kaldera a levé deux milliards d'euros, a annoncé la société mardi.",
        ["R 2B EUR"],
    ),
    (
        "number_in_words",
        "Kaldera",
        "Kaldera raised half a billion dollars in its latest round.",
        ["R 500M USD"],
    ),
    (
        "typo_bilion",
        "Kaldera",
        "Kaldera raised $3 bilion at a $20 bilion valuation, according to people familiar with the deal.",
        ["R 3B USD", "V 20B USD"],
    ),
    (
        "typo_de_d_euros",
        "Kaldera",
        "Kaldera a levé 80 millions de euros auprès de ses actionnaires historiques.",
        ["R 80M EUR"],
    ),
    (
        "krw_currency",
        "Hanbit",
        "Hanbit raised 50 billion won ($36 million) in a Series B led by Daeyang Partners.",
        ["R 50B KRW"],
    ),
    ("krw_currency", "Hanbit", "Hanbit a levé 30 milliards de wons en série A.", ["R 30B KRW"]),
    ("krw_currency", "Hanbit", "Hanbit secured ₩12 billion in seed funding.", ["R 12B KRW"]),
    (
        "cad_currency",
        "Maplewave",
        "Maplewave raised C$75 million in a Series B led by Laurentide Ventures.",
        ["R 75M CAD"],
    ),
    (
        "cad_currency",
        "Maplewave",
        "Maplewave a levé 40 millions de dollars canadiens auprès de fonds québécois.",
        ["R 40M CAD"],
    ),
    ("cad_currency", "Maplewave", "Maplewave raised CAD 18 million in seed funding.", ["R 18M CAD"]),
    # Other dollars, named after the word: Hong Kong's, Singapore's, New Zealand's.
    ("hkd_currency", "Maplewave", "Maplewave a levé 900 millions de dollars hongkongais.", ["R 900M HKD"]),
    (
        "sgd_currency",
        "Maplewave",
        "Maplewave raised 12 million Singapore dollars in a Series A.",
        ["R 12M SGD"],
    ),
    ("nzd_currency", "Maplewave", "Maplewave a levé 8 millions de dollars néo-zélandais.", ["R 8M NZD"]),
    # ------------------------------------------------------------------ hedges, bounds, ranges
    (
        "approx_around",
        "Kaldera",
        "Kaldera raised around $75 million, valuing the company at roughly $600 million.",
        ["R 75M USD", "V 600M USD"],
    ),
    ("approx_pres_de", "Kaldera", "Kaldera a levé près de 50 millions d'euros.", ["R 50M EUR"]),
    (
        "approx_aux_alentours",
        "Kaldera",
        "Kaldera serait valorisée aux alentours de 900 millions d'euros.",
        ["V 900M EUR"],
    ),
    (
        "range",
        "Kaldera",
        "Kaldera is seeking to raise between $100 million and $150 million.",
        ["R 100M USD"],
    ),
    (
        "range",
        "Kaldera",
        "Kaldera chercherait à lever de 200 à 300 millions d'euros.",
        ["R 200M EUR"],
    ),
    ("up_to", "Kaldera", "Kaldera could raise up to €200 million.", ["R 200M EUR"]),
    (
        "up_to_jusqua",
        "Kaldera",
        "Kaldera pourrait lever jusqu'à 1 milliard d'euros lors de ce tour.",
        ["R 1B EUR"],
    ),
    # ------------------------------------------------------------------ status
    (
        "conditional_mood",
        "Solvane",
        "Solvane serait en train de lever 100 millions d'euros, ce qui la valoriserait à 1 milliard d'euros.",
        ["R 100M EUR", "V 1B EUR"],
    ),
    (
        "conditional_mood",
        "Solvane",
        "Solvane could raise as much as $200 million in a deal that would value it at $2 billion.",
        ["R 200M USD", "V 2B USD"],
    ),
    ("sur_le_point", "Kaldera", "Kaldera serait sur le point de lever 150 millions d'euros.", ["R 150M EUR"]),
    (
        "sur_le_point",
        "Kaldera",
        "Kaldera est sur le point de boucler un tour de 80 millions d'euros.",
        ["R 80M EUR"],
    ),
    (
        "estimate",
        "Kaldera",
        "Analysts at Brume Research estimate Kaldera is worth about $4 billion.",
        ["V 4B USD"],
    ),
    (
        "estimate",
        "Kaldera",
        "Selon nos estimations, Kaldera vaudrait désormais 700 millions d'euros.",
        ["V 700M EUR"],
    ),
    (
        "slated_to_be_led",
        "Kaldera",
        "The $400 million round is slated to be led by Harrow Ventures, people familiar said.",
        ["R 400M USD"],
    ),
    (
        "sec_filing",
        "Kaldera",
        "Kaldera has raised $62 million, according to a Form D filed with the SEC on Friday.",
        ["R 62M USD"],
    ),
    (
        "sec_filing",
        "Kaldera",
        "A regulatory filing shows Kaldera raised $1,250,000,000 from 31 investors.",
        ["R 1.25B USD"],
    ),
    # ------------------------------------------------------------------ valuation bases
    (
        "post_money_explicit",
        "Veradyn",
        "Veradyn raised $90 million at a post-money valuation of $900 million.",
        ["R 90M USD", "V 900M USD"],
    ),
    (
        "pre_money_explicit",
        "Veradyn",
        "Veradyn a levé 30 millions d'euros sur une valorisation pré-money de 120 millions d'euros.",
        ["R 30M EUR", "V 120M EUR"],
    ),
    (
        "pre_money_paraphrase",
        "Veradyn",
        "Veradyn is raising $500 million at a $5 billion valuation, a figure that excludes the new cash.",
        ["R 500M USD", "V 5B USD"],
    ),
    (
        "pre_investment_phrase",
        "Veradyn",
        "Veradyn a levé 60 millions d'euros, sur la base d'une valorisation avant investissement de 400 "
        "millions d'euros.",
        ["R 60M EUR", "V 400M EUR"],
    ),
    (
        "pre_and_post_money",
        "Veradyn",
        "The round values Veradyn at $1.8 billion pre-money and $2 billion post-money; it raised $200 "
        "million.",
        ["V 1.8B USD", "V 2B USD", "R 200M USD"],
    ),
    (
        "nearly_double_relative",
        "Veradyn",
        "Veradyn raised $150 million at a valuation nearly double its previous one.",
        ["R 150M USD"],
    ),
    (
        "no_valuation",
        "Veradyn",
        "Veradyn a levé 14 millions d'euros, sans communiquer sa valorisation.",
        ["R 14M EUR"],
    ),
    (
        "tender_offer",
        "Veradyn",
        "Employees of Veradyn will sell $400 million of shares in a tender offer valuing the company at "
        "$15 billion.",
        ["V 15B USD"],
    ),
    (
        "tender_offer",
        "Veradyn",
        "Veradyn organise une cession secondaire de 100 millions d'euros d'actions de ses salariés, sur "
        "la base d'une valorisation de 3 milliards d'euros.",
        ["V 3B EUR"],
    ),
    # ------------------------------------------------------------------ other companies
    (
        "competitor_in_passing",
        "Tarnis",
        "Tarnis raised €30 million in a seed round. Its rival Ombrel raised €100 million earlier this year.",
        ["R 30M EUR"],
    ),
    (
        "competitor_in_passing",
        "Tarnis",
        "Tarnis lève 30 millions d'euros. Son concurrent allemand Ombrel avait levé 100 millions d'euros "
        "en mars.",
        ["R 30M EUR"],
    ),
    (
        "competitors_in_passing",
        "Tarnis",
        "Tarnis a levé 45 millions d'euros. Le secteur attire les fonds : Ombrel a levé 200 millions "
        "d'euros et Vexon 150 millions d'euros cette année.",
        ["R 45M EUR"],
    ),
    (
        "other_company_in_passing",
        "Tarnis",
        "Tarnis, whose founders previously worked at Gridmoor (valued at $30 billion), raised $20 million.",
        ["R 20M USD"],
    ),
    (
        "mistral_in_passing",
        "Tarnis",
        "Tarnis, dont la valorisation atteint 400 millions d'euros, reste loin de Corvane, valorisée 6 "
        "milliards d'euros.",
        ["V 400M EUR"],
    ),
    (
        "other_company_total_raised",
        "Tarnis",
        "Tarnis acquired Quarrel, a start-up that had raised $8 million since 2020.",
        [],
    ),
    (
        "other_companies_no_amount",
        "Tarnis",
        "Tarnis raised $40 million. Ombrel and Vexon have also raised funds this year.",
        ["R 40M USD"],
    ),
    (
        "many_deals_one_text",
        "Tarnis",
        "Funding roundup: Ombrel raised $12 million in a seed round. Tarnis closed a $55 million Series B "
        "led by Harrow Ventures. Vexon landed $8 million from Kestrel Capital.",
        ["R 55M USD"],
    ),
    (
        "many_deals_one_text",
        "Tarnis",
        "Les levées de la semaine : Ombrel lève 6 millions d'euros ; Tarnis boucle un tour de 22 millions "
        "d'euros ; Vexon obtient 3 millions d'euros.",
        ["R 22M EUR"],
    ),
    (
        "same_number_different_meaning",
        "Tarnis",
        "Tarnis raised $50 million. The company also says it now books $50 million in annual revenue.",
        ["R 50M USD"],
    ),
    # ------------------------------------------------------------------ investors and components
    (
        "lead_phrase_en_tete",
        "Kaldera",
        "Kaldera lève 22 millions d'euros avec en tête le fonds Aurore Partners.",
        ["R 22M EUR"],
    ),
    (
        "lead_phrase_orchestre_par",
        "Kaldera",
        "Le tour de 60 millions d'euros, orchestré par Aurore Partners, valorise Kaldera 500 millions "
        "d'euros.",
        ["R 60M EUR", "V 500M EUR"],
    ),
    (
        "investor_stated_amount",
        "Kaldera",
        "Aurore Partners said it invested €10 million in Kaldera as part of the start-up's €35 million "
        "Series B.",
        ["R 35M EUR"],
    ),
    (
        "component_of_round",
        "Kaldera",
        "Kaldera raised $500 million, of which $200 million came from Harrow Ventures.",
        ["R 500M USD"],
    ),
    (
        "component_of_round",
        "Kaldera",
        "Kaldera a levé 90 millions d'euros, dont 30 millions apportés par Aurore Partners.",
        ["R 90M EUR"],
    ),
    (
        "convertible",
        "Kaldera",
        "Kaldera raised $15 million through a convertible instrument that turns into equity at its next "
        "round.",
        ["R 15M USD"],
    ),
    (
        "negated_investor",
        "Kaldera",
        "Kaldera raised $80 million; Harrow Ventures, an existing backer, did not participate.",
        ["R 80M USD"],
    ),
    (
        "led_by_trap",
        "Kaldera",
        "Led by chief executive Mara Lind, Kaldera raised $25 million from Norrland Capital.",
        ["R 25M USD"],
    ),
    (
        "adviser_distractor",
        "Kaldera",
        "Kaldera raised €70 million; Banque Morel advised the company on the deal.",
        ["R 70M EUR"],
    ),
    (
        "backed_by_distractor",
        "Kaldera",
        "Kaldera, backed by Harrow Ventures and Norrland Capital, raised €33 million on Tuesday.",
        ["R 33M EUR"],
    ),
    # ------------------------------------------------------------------ rounds and history
    (
        "history_of_rounds",
        "Orbisk",
        "Orbisk raised €120 million in a Series C on Tuesday. It had raised €40 million in a Series B in "
        "2023 and €12 million in a Series A in 2021.",
        ["R 120M EUR", "R 40M EUR", "R 12M EUR"],
    ),
    (
        "history_of_rounds",
        "Orbisk",
        "Orbisk lève 75 millions d'euros en série B. En 2022, la société avait levé 20 millions d'euros "
        "en série A, après un tour d'amorçage de 4 millions d'euros en 2020.",
        ["R 75M EUR", "R 20M EUR", "R 4M EUR"],
    ),
    (
        "two_rounds_same_amount",
        "Orbisk",
        "Orbisk raised $100 million in a Series B in June. In 2023 it had also raised $100 million in a "
        "Series A.",
        ["R 100M USD", "R 100M USD"],
    ),
    (
        "ordinal_not_round",
        "Orbisk",
        "Orbisk boucle sa deuxième levée de fonds, de 18 millions d'euros.",
        ["R 18M EUR"],
    ),
    (
        "large_seed",
        "Orbisk",
        "Orbisk's founders raised a $400 million seed round, valuing the two-month-old company at $2 "
        "billion.",
        ["R 400M USD", "V 2B USD"],
    ),
    (
        "relative_dates",
        "Orbisk",
        "Orbisk raised $30 million three weeks ago. Last year it raised $10 million.",
        ["R 30M USD", "R 10M USD"],
    ),
    # ------------------------------------------------------------------ naming and coreference
    (
        "coreference_elle",
        "Photine",
        "Photine a été fondée en 2020. Elle a levé 43 millions d'euros, ce qui la valorise 500 millions "
        "d'euros.",
        ["R 43M EUR", "V 500M EUR"],
    ),
    (
        "company_not_named_in_excerpt",
        "Photine",
        "La start-up a levé 17 millions d'euros auprès de fonds européens pour accélérer sa croissance.",
        ["R 17M EUR"],
    ),
    (
        "company_not_named_in_excerpt",
        "Photine",
        "The startup has raised $17 million from European funds and is now valued at $90 million.",
        ["R 17M USD", "V 90M USD"],
    ),
    (
        "company_not_named_in_excerpt_start",
        "Photine",
        "The company raised $17 million in a Series A. Photine builds tools for photographers.",
        ["R 17M USD"],
    ),
    (
        "former_company_name",
        "Photine",
        "Photine, formerly known as Lensbox, raised $22 million in a Series A.",
        ["R 22M USD"],
    ),
    (
        "founder_as_subject",
        "Photine",
        "Ida Varga has raised $30 million for her new start-up, Photine, at a $150 million valuation.",
        ["R 30M USD", "V 150M USD"],
    ),
    # ------------------------------------------------------------------ markup
    (
        "raw_html",
        "Photine",
        "<p>Photine a lev&eacute; 12&nbsp;millions d&rsquo;euros aupr&egrave;s de <b>Aurore "
        "Partners</b>.</p>",
        ["R 12M EUR"],
    ),
    (
        "raw_html",
        "Photine",
        "<div>Photine raised 9&nbsp;million&nbsp;&euro; in a seed round.</div>",
        ["R 9M EUR"],
    ),
    (
        "link_inside_sentence",
        "Photine",
        "Photine [raised $45 million](https://example.com/news/2024/45-million) in a round led by Harrow.",
        ["R 45M USD"],
    ),
    (
        "proxy_url",
        "Photine",
        "https://proxy.example.net/r?u=https%3A%2F%2Fnews.example%2F2024%2F06%2F300m&id=884211\n"
        "Photine raised $30 million in a Series A.",
        ["R 30M USD"],
    ),
]


@pytest.mark.parametrize(
    ("category", "entity", "text", "expected"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_category(category: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


# A second, harder round of phrasings per category.
CASES_2: list[tuple[str, str, str, list[str]]] = [
    (
        "history_of_rounds",
        "Kaldera",
        "Previous rounds: a $5 million seed in 2019, a $25 million Series A in 2021 and an $80 million "
        "Series B in 2023. Kaldera announced a $150 million Series C on Monday.",
        ["R 5M USD", "R 25M USD", "R 80M USD", "R 150M USD"],
    ),
    (
        "nearly_double_relative",
        "Kaldera",
        "Kaldera is now valued at $2 billion, nearly double the $1.1 billion it was worth in March.",
        ["V 2B USD", "V 1.1B USD"],
    ),
    (
        "nearly_double_relative",
        "Kaldera",
        "Kaldera a levé 40 millions d'euros et a presque doublé sa valorisation en un an.",
        ["R 40M EUR"],
    ),
    (
        "tender_offer",
        "Veradyn",
        "Veradyn is letting staff sell shares at a $9 billion valuation in a secondary sale worth about "
        "$300 million.",
        ["V 9B USD"],
    ),
    (
        "government_funding",
        "Maplewave",
        "Maplewave will receive up to C$50 million from the federal Strategic Innovation Fund to build a "
        "plant.",
        [],
    ),
    (
        "government_funding",
        "Kaldera",
        "Bpifrance accorde une aide de 5 millions d'euros à Kaldera pour son programme de recherche.",
        [],
    ),
    (
        "debt_not_round",
        "Kaldera",
        "Kaldera raised $40 million in venture debt from Orchard Lending.",
        [],
    ),
    (
        "debt_not_round",
        "Kaldera",
        "Kaldera a sécurisé 25 millions d'euros de financement non dilutif auprès de la BEI.",
        [],
    ),
    (
        "convertible",
        "Kaldera",
        "Kaldera a levé 3 millions d'euros en obligations convertibles auprès de business angels.",
        ["R 3M EUR"],
    ),
    (
        "convertible",
        "Kaldera",
        "Kaldera raised $4 million in convertible notes ahead of a priced Series A.",
        ["R 4M USD"],
    ),
    (
        "adviser_distractor",
        "Kaldera",
        "Goldman Sachs acted as financial adviser to Kaldera on the $90 million round.",
        ["R 90M USD"],
    ),
    (
        "backed_by_distractor",
        "Kaldera",
        "Kaldera, which is backed by Harrow Ventures, has raised $12 million in a seed round.",
        ["R 12M USD"],
    ),
    (
        "founder_as_subject",
        "Photine",
        "Son fondateur, Ivo Marek, a levé 10 millions d'euros pour Photine auprès de fonds nordiques.",
        ["R 10M EUR"],
    ),
    (
        "coreference_elle",
        "Photine",
        "Photine édite un logiciel de retouche. Créée en 2021, elle vient de lever 8 millions d'euros "
        "auprès d'Aurore Partners.",
        ["R 8M EUR"],
    ),
    (
        "company_not_named_in_excerpt",
        "Photine",
        "La start-up, concurrente de Corvane, a levé 10 millions d'euros.",
        ["R 10M EUR"],
    ),
    (
        "proxy_url",
        "Kaldera",
        "Kaldera raised $30 million (https://news.example/kaldera-raises-45m-at-200m-valuation).",
        ["R 30M USD"],
    ),
    (
        "link_inside_sentence",
        "Kaldera",
        "Kaldera, which [announced](https://x.example/a?id=2024) a $20 million seed round on Monday, is "
        "hiring.",
        ["R 20M USD"],
    ),
    ("raw_html", "Kaldera", "Kaldera raised &#36;12&nbsp;million in a seed round.", ["R 12M USD"]),
    (
        "number_in_words",
        "Kaldera",
        "Kaldera raised a quarter of a billion dollars from sovereign funds.",
        ["R 250M USD"],
    ),
    (
        "number_in_words",
        "Kaldera",
        "Kaldera a levé une trentaine de millions d'euros auprès de ses investisseurs historiques.",
        ["R 30M EUR"],
    ),
    (
        "number_in_words",
        "Kaldera",
        "Kaldera a bouclé une levée d'une centaine de millions d'euros.",
        ["R 100M EUR"],
    ),
    (
        "spending_distractor",
        "Kaldera",
        "Kaldera a levé 60 millions d'euros et compte en dépenser une vingtaine de millions en puces.",
        ["R 60M EUR"],
    ),
    ("typo_bilion", "Kaldera", "Kaldera a levé 1,2 milliars d'euros.", ["R 1.2B EUR"]),
    ("typo_bilion", "Kaldera", "Kaldera serait valorisée 4 miliards d'euros.", ["V 4B EUR"]),
    ("typo_de_d_euros", "Kaldera", "Kaldera a levé 10 millions d' euros.", ["R 10M EUR"]),
    (
        "symbol_after_number",
        "Kaldera",
        "Kaldera lève 150M€ et vise une valorisation de 2 Mds €.",
        ["R 150M EUR", "V 2B EUR"],
    ),
    ("symbol_after_number", "Kaldera", "Kaldera lève 3,5 Md€ auprès de fonds du Golfe.", ["R 3.5B EUR"]),
    ("cad_currency", "Maplewave", "Maplewave a levé 40 M$ CA en série A.", ["R 40M CAD"]),
    ("cad_currency", "Maplewave", "Maplewave raised $40 million CAD in a Series A.", ["R 40M CAD"]),
    ("krw_currency", "Hanbit", "Hanbit raised KRW 30 billion in a Series A.", ["R 30B KRW"]),
    ("krw_currency", "Hanbit", "Hanbit raised 30 billion Korean won in a Series A.", ["R 30B KRW"]),
    (
        "estimate",
        "Kaldera",
        "Kaldera's valuation is estimated at €1 billion by the data provider Dealgrid.",
        ["V 1B EUR"],
    ),
    ("approx_pres_de", "Kaldera", "Kaldera a levé quelque 30 millions d'euros.", ["R 30M EUR"]),
    ("up_to", "Kaldera", "Kaldera is raising as much as $1 billion.", ["R 1B USD"]),
    ("range", "Kaldera", "Kaldera veut lever entre 1 et 1,5 milliard d'euros.", ["R 1B EUR"]),
    ("range", "Kaldera", "Kaldera is seeking $4 billion to $5 billion in new funding.", ["R 4B USD"]),
    (
        "sur_le_point",
        "Kaldera",
        "Kaldera s'apprête à annoncer une levée de 40 millions d'euros.",
        ["R 40M EUR"],
    ),
    (
        "post_money_explicit",
        "Kaldera",
        "Kaldera atteint une valorisation post-money de 2 milliards d'euros après une levée de 200 "
        "millions d'euros.",
        ["V 2B EUR", "R 200M EUR"],
    ),
    (
        "pre_money_explicit",
        "Kaldera",
        "The Series B sets Kaldera's pre-money valuation at $400 million; the round itself is $60 million.",
        ["V 400M USD", "R 60M USD"],
    ),
    (
        "pre_and_post_money",
        "Kaldera",
        "Kaldera est valorisée 800 millions d'euros avant l'opération et 900 millions après.",
        ["V 800M EUR", "V 900M EUR"],
    ),
    (
        "ordinal_not_round",
        "Kaldera",
        "Kaldera's third funding round, a $40 million raise, was led by Harrow Ventures.",
        ["R 40M USD"],
    ),
    (
        "large_seed",
        "Kaldera",
        "Kaldera a bouclé un tour d'amorçage record de 105 millions d'euros.",
        ["R 105M EUR"],
    ),
    (
        "relative_dates",
        "Kaldera",
        "Kaldera lève 25 millions d'euros. Il y a deux ans, elle avait levé 5 millions d'euros.",
        ["R 25M EUR", "R 5M EUR"],
    ),
    (
        "former_company_name",
        "Kaldera",
        "Brightcell, now called Kaldera, raised $20 million in a Series A.",
        ["R 20M USD"],
    ),
    (
        "former_company_name",
        "Kaldera",
        "Kaldera (ex-Brightcell) lève 9 millions d'euros. Brightcell avait levé 2 millions d'euros en 2021.",
        ["R 9M EUR", "R 2M EUR"],
    ),
    (
        "many_deals_one_text",
        "Tarnis",
        "Also this week: Ombrel ($12M, seed), Tarnis ($55M, Series B) and Vexon ($8M, Series A).",
        ["R 55M USD"],
    ),
    (
        "competitor_in_passing",
        "Tarnis",
        "Tarnis raised $10 million, a fraction of the $500 million rival Ombrel landed last month.",
        ["R 10M USD"],
    ),
    (
        "competitor_in_passing",
        "Tarnis",
        "Unlike Ombrel, which raised $200 million in June, Tarnis has raised just $15 million.",
        ["R 15M USD"],
    ),
    (
        "same_number_different_meaning",
        "Kaldera",
        "Kaldera a levé 20 millions d'euros et vise 20 millions d'euros de chiffre d'affaires en 2026.",
        ["R 20M EUR"],
    ),
    (
        "component_of_round",
        "Kaldera",
        "The €60 million round includes €20 million from the European Innovation Council fund. Kaldera "
        "will use it to hire.",
        ["R 60M EUR"],
    ),
    (
        "investor_stated_amount",
        "Kaldera",
        "Aurore Partners a investi 5 millions d'euros dans le tour de 20 millions d'euros de Kaldera.",
        ["R 20M EUR"],
    ),
    ("investor_stated_amount", "Kaldera", "Harrow Ventures invested $25 million in Kaldera.", ["R 25M USD"]),
    (
        "negated_investor",
        "Kaldera",
        "Le fonds Orbis, actionnaire historique, n'a pas participé à ce tour de 30 millions d'euros de "
        "Kaldera.",
        ["R 30M EUR"],
    ),
    (
        "capex_distractor",
        "Kaldera",
        "Kaldera investira 200 millions d'euros en France d'ici 2027, dont une usine en Alsace.",
        [],
    ),
    (
        "capex_distractor",
        "Kaldera",
        "Kaldera plans to invest $1 billion in data centres across Europe.",
        [],
    ),
    (
        "two_rounds_same_amount",
        "Kaldera",
        "Kaldera lève 50 millions d'euros en série C. Elle avait déjà levé 50 millions d'euros en série B "
        "en 2022.",
        ["R 50M EUR", "R 50M EUR"],
    ),
    (
        "debt_distractor",
        "Kaldera",
        "Kaldera a levé 100 millions d'euros, dont 60 millions en capital et 40 millions en dette.",
        ["R 100M EUR"],
    ),
    # An average or a median over many deals is a statistic, nobody's round.
    (
        "statistic_average",
        "Kaldera",
        "Kaldera builds heat pumps. Across the region, the average seed round reached $3.2m in 2024, "
        "against $2.1m two years before.",
        [],
    ),
    (
        "statistic_ticket_moyen",
        "Kaldera",
        "Kaldera fabrique des pompes à chaleur. Dans la filière, le ticket moyen d'une série A s'établit "
        "désormais à 7 millions d'euros.",
        [],
    ),
    (
        "statistic_on_average",
        "Kaldera",
        "Kaldera fabrique des pompes à chaleur. Les lauréats du programme lèvent en moyenne 1,5 million "
        "d'euros.",
        [],
    ),
    # A mid-sized firm, the Middle East, the means to grow: no statistic.
    (
        "statistic_false_friends",
        "Kaldera",
        "Kaldera, une PME de taille moyenne implantée au Moyen-Orient, se donne les moyens de grandir en "
        "levant 12 millions d'euros.",
        ["R 12M EUR"],
    ),
]


@pytest.mark.parametrize(
    ("category", "entity", "text", "expected"),
    params(CASES_2, [f"{c[0]}-b{i}" for i, c in enumerate(CASES_2)]),
)
def test_category_harder(category: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


# Mini-articles mixing several difficulties, the way real excerpts do.
ARTICLES: list[tuple[str, str, str, list[str]]] = [
    (
        "history_of_rounds+revenue+competitor+total",
        "Veltrix",
        "Veltrix, the Munich-based maker of battery software, said on Wednesday it had raised €85 million "
        "($92 million) in a Series B round led by Harrow Ventures, with participation from Norrland "
        "Capital. The deal values the company at €600 million, according to a person familiar with the "
        "matter.\nVeltrix was founded in 2019 by Anna Roth and previously raised €20 million in a Series A "
        "in 2022. The company, which posted revenue of €15 million last year, plans to use the money to "
        "expand into the US. Rival Coldspark raised $200 million in January.\nVeltrix has now raised more "
        "than €110 million in total.",
        ["R 85M EUR", "V 600M EUR", "R 20M EUR"],
    ),
    (
        "ordinal+approx+project+total",
        "Aquiline",
        "La pépite bordelaise Aquiline annonce une levée de fonds de 32 millions d'euros menée par Aurore "
        "Partners. Cette série B, qui intervient dix-huit mois après un premier tour de 8 millions "
        "d'euros, valorise la société autour de 150 millions d'euros selon nos informations.\nElle servira "
        "notamment à financer une nouvelle usine de 40 millions d'euros. Bpifrance, déjà actionnaire, "
        "remet au pot. Depuis sa création, Aquiline a levé 45 millions d'euros.",
        ["R 32M EUR", "V 150M EUR", "R 8M EUR"],
    ),
    (
        "conditional+estimate+revenue",
        "Stratavox",
        "Stratavox is in talks to raise about $1 billion at a valuation of $10 billion or more, Bloomberg "
        "reported, citing people familiar with the matter. The round, which could be led by Kestrel "
        "Capital, would more than triple the $3 billion valuation the company fetched in its last round "
        "in 2023. Stratavox's annualized revenue has reached $400 million.",
        ["R 1B USD", "V 10B USD", "V 3B USD"],
    ),
    (
        "tender_offer",
        "Quillon",
        "Les salariés de Quillon pourront céder jusqu'à 200 millions de dollars d'actions lors d'une offre "
        "de rachat valorisant l'entreprise 8 milliards de dollars.",
        ["V 8B USD"],
    ),
    (
        "government_funding",
        "Hydrova",
        "Hydrova a obtenu 30 millions d'euros de subventions de l'État dans le cadre de France 2030, et "
        "lève en parallèle 50 millions d'euros auprès d'investisseurs privés.",
        ["R 50M EUR"],
    ),
    (
        "raw_html+link_inside_sentence",
        "Kaldera",
        '<p>Kaldera <a href="https://ex.example/2024/kaldera-100m">a levé 100 millions d\'euros</a> lors '
        "d'une série C.</p>",
        ["R 100M EUR"],
    ),
    (
        "same_number_two_currencies",
        "Kaldera",
        "Kaldera raised 1 billion euros, roughly $1.1 billion, from a consortium of pension funds.",
        ["R 1B EUR"],
    ),
    (
        "pre_money_paraphrase",
        "Kaldera",
        "Kaldera is raising $500 million. The $4 billion valuation does not include the new capital.",
        ["R 500M USD", "V 4B USD"],
    ),
    (
        "company_not_named_in_excerpt_start",
        "Kaldera",
        "The startup, which makes drones for farmers, raised $14 million in a seed round led by Harrow "
        "Ventures. Kaldera was founded in 2022 by two former pilots.",
        ["R 14M USD"],
    ),
    (
        "led_by_trap",
        "Kaldera",
        "The French AI scene, led by Corvane, has attracted billions of euros. Kaldera raised €5 million "
        "this week.",
        ["R 5M EUR"],
    ),
    (
        "component_of_round",
        "Kaldera",
        "Kaldera raised $60 million. The round was led by Harrow Ventures ($40 million), with Norrland "
        "Capital ($10 million) also taking part.",
        ["R 60M USD"],
    ),
    (
        "krw_currency",
        "Hanbit",
        "Hanbit raised 65 billion won (about $48 million) in a Series C led by Daeyang Partners.",
        ["R 65B KRW"],
    ),
    (
        "formats",
        "Kaldera",
        "Kaldera raised US$ 25 million in a seed round and is valued at EUR250m.",
        ["R 25M USD", "V 250M EUR"],
    ),
    (
        "decimal_comma",
        "Kaldera",
        "Kaldera lève 12.5 millions d'euros et vise une valorisation de 1.5 milliard d'euros.",
        ["R 12.5M EUR", "V 1.5B EUR"],
    ),
    (
        "range",
        "Kaldera",
        "The new round would value Kaldera at between $5 billion and $6 billion.",
        ["V 5B USD"],
    ),
    (
        "nearly_double_relative",
        "Kaldera",
        "The deal doubles Kaldera's valuation to $4 billion, up from $2 billion in March.",
        ["V 4B USD", "V 2B USD"],
    ),
    (
        "ordinal_not_round+history",
        "Kaldera",
        "Kaldera lève 40 millions d'euros. Il s'agit de sa troisième levée de fonds, après 5 millions "
        "d'euros en 2021 et 15 millions en 2022.",
        ["R 40M EUR", "R 5M EUR", "R 15M EUR"],
    ),
    (
        "many_deals_one_text",
        "Vexon",
        "Ombrel raised $12 million in a seed round led by Kestrel Capital. Gridmoor closed a $30 million "
        "Series A. Vexon, meanwhile, secured $9 million from angel investors. Tarnis landed $55 million.",
        ["R 9M USD"],
    ),
    (
        "proxy_url",
        "Kaldera",
        "Source: https://l.example.com/?u=https%3A%2F%2Fnews.example%2Fkaldera-raises-%2420m&h=AT0_500m\n"
        "Kaldera a levé 20 millions de dollars en série A.",
        ["R 20M USD"],
    ),
    (
        "other_company_total_raised",
        "Kaldera",
        "Kaldera a racheté Brume, une jeune pousse qui avait levé 6 millions d'euros depuis 2019.",
        [],
    ),
    (
        "backed_by_distractor",
        "Kaldera",
        "Backed by Harrow Ventures, whose last fund raised $1.2 billion, Kaldera has raised $18 million.",
        ["R 18M USD"],
    ),
    (
        "coreference_elle",
        "Kaldera",
        "Kaldera conçoit des capteurs pour l'industrie. La société a levé 9 millions d'euros en 2022. "
        "Aujourd'hui, elle annonce un nouveau tour de 30 millions d'euros.",
        ["R 9M EUR", "R 30M EUR"],
    ),
]


@pytest.mark.parametrize(
    ("category", "entity", "text", "expected"),
    params(ARTICLES, [f"{c[0]}-a{i}" for i, c in enumerate(ARTICLES)]),
)
def test_mini_article(category: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


# Precision traps around otherwise plain announcements.
TRAPS: list[tuple[str, str, str, list[str]]] = [
    (
        "background_valuation",
        "Kaldera",
        "Kaldera, which employs 200 people and was valued at $1 billion in 2021, raised $100 million.",
        ["V 1B USD", "R 100M USD"],
    ),
    (
        "total_raised_distractor",
        "Kaldera",
        "Kaldera has raised $75 million across two rounds since its founding.",
        [],
    ),
    (
        "debt_distractor",
        "Kaldera",
        "Kaldera secured a €50m loan from the EIB and €20m in equity from Aurore Partners.",
        ["R 20M EUR"],
    ),
    ("debt_not_round", "Kaldera", "La BEI accorde un prêt de 30 millions d'euros à Kaldera.", []),
    (
        "headline_and_body",
        "Kaldera",
        "Kaldera raises $40M Series B to expand in Asia\nKaldera, the Singapore-based logistics start-up, "
        "has raised $40 million (€37 million) in a Series B led by Harrow Ventures.",
        ["R 40M USD"],
    ),
    (
        "market_size",
        "Kaldera",
        "Kaldera raised $10 million to tackle a market expected to be worth $50 billion by 2030.",
        ["R 10M USD"],
    ),
    (
        "market_value",
        "Kaldera",
        "Kaldera's shares rose 10% on Friday, giving it a market value of $5 billion.",
        [],
    ),
    (
        "investor_size",
        "Kaldera",
        "Kaldera raised $25 million. Harrow Ventures, a $3 billion firm, led the round.",
        ["R 25M USD"],
    ),
    (
        "government_funding",
        "Kaldera",
        "Kaldera a obtenu 2 millions d'euros de subvention et 3 millions d'euros en fonds propres.",
        ["R 3M EUR"],
    ),
    (
        "government_funding",
        "Kaldera",
        "Kaldera won €2.5 million from the EIC Accelerator grant programme.",
        [],
    ),
    (
        "conditional_mood",
        "Kaldera",
        "Kaldera, valued at $1 billion after its last round, is raising $200 million.",
        ["V 1B USD", "R 200M USD"],
    ),
    ("round_worth", "Kaldera", "Kaldera closed a funding round worth $50 million.", ["R 50M USD"]),
    (
        "round_worth",
        "Kaldera",
        "Kaldera a finalisé une levée d'un montant de 12 millions d'euros.",
        ["R 12M EUR"],
    ),
    (
        "slated_to_be_led",
        "Kaldera",
        "Harrow Ventures is slated to lead Kaldera's $300 million round, the people said.",
        ["R 300M USD"],
    ),
    (
        "sec_filing",
        "Kaldera",
        "Kaldera sold $42 million in equity, according to a filing with the Securities and Exchange "
        "Commission.",
        ["R 42M USD"],
    ),
    (
        "estimate",
        "Kaldera",
        "PitchBook estimates Kaldera's post-money valuation at $720 million.",
        ["V 720M USD"],
    ),
    (
        "investor_stated_amount",
        "Kaldera",
        "Harrow Ventures a annoncé avoir investi 15 millions d'euros dans Kaldera.",
        ["R 15M EUR"],
    ),
    (
        "coreference_elle",
        "Kaldera",
        "Kaldera a été fondée en 2018 par deux ingénieurs. Elle emploie 50 personnes. Elle a levé 6 millions "
        "d'euros auprès d'Aurore Partners.",
        ["R 6M EUR"],
    ),
    (
        "per_share_price",
        "Kaldera",
        "Kaldera sold new shares at $12 per share, raising $60 million from the offering.",
        ["R 60M USD"],
    ),
    (
        "parenthetical_valuation",
        "Kaldera",
        "Kaldera (valued at $1bn) raised $100M from Harrow Ventures.",
        ["V 1B USD", "R 100M USD"],
    ),
    (
        "employees_not_money",
        "Kaldera",
        "Kaldera, which has 2 million users, raised €4 million.",
        ["R 4M EUR"],
    ),
]


@pytest.mark.parametrize(
    ("category", "entity", "text", "expected"),
    TRAPS,
    ids=[f"{c[0]}-t{i}" for i, c in enumerate(TRAPS)],
)
def test_trap(category: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


# Beyond the figure: how sure the text is, whether it is old news, who led.
@pytest.mark.parametrize(
    ("entity", "text", "amount", "field", "value"),
    [
        (
            "Kaldera",
            "Kaldera serait sur le point de lever 150 millions d'euros.",
            "150000000",
            "status",
            "rumoured",
        ),
        (
            "Kaldera",
            "Kaldera est sur le point de boucler un tour de 80 millions d'euros.",
            "80000000",
            "status",
            "rumoured",
        ),
        (
            "Kaldera",
            "The $400 million round for Kaldera is slated to be led by Harrow Ventures.",
            "400000000",
            "status",
            "rumoured",
        ),
        (
            "Kaldera",
            "Analysts at Brume Research estimate Kaldera is worth about $4 billion.",
            "4000000000",
            "status",
            "reported",
        ),
        ("Kaldera", "Kaldera could raise up to €200 million.", "200000000", "bound", "upper"),
        ("Kaldera", "Kaldera a levé près de 50 millions d'euros.", "50000000", "approx", True),
        ("Kaldera", "Kaldera a levé une trentaine de millions d'euros.", "30000000", "approx", True),
        (
            "Kaldera",
            "Kaldera lève 25 millions d'euros. Il y a deux ans, elle avait levé 5 millions d'euros.",
            "5000000",
            "context",
            "background",
        ),
        (
            "Orbisk",
            "Orbisk raised $100 million in a Series B in June. In 2023 it had also raised $100 million in a "
            "Series A.",
            "100000000",
            "round",
            "series_b",
        ),
        (
            "Orbisk",
            "Orbisk boucle sa deuxième levée de fonds, de 18 millions d'euros.",
            "18000000",
            "round",
            None,
        ),
        (
            "Veradyn",
            "Veradyn a levé 30 millions d'euros sur une valorisation pré-money de 120 millions d'euros.",
            "120000000",
            "basis",
            "pre_money",
        ),
        (
            "Veradyn",
            "Veradyn a levé 60 millions d'euros, sur la base d'une valorisation avant investissement de 400 "
            "millions d'euros.",
            "400000000",
            "basis",
            "pre_money",
        ),
    ],
)
def test_category_attributes(entity: str, text: str, amount: str, field: str, value: object) -> None:
    facts = [f for f in extract_facts(text, entity) if f.amount == Decimal(amount)]
    assert facts, extract_facts(text, entity)
    assert getattr(facts[0], field) == value, facts[0]


@pytest.mark.parametrize(
    "text",
    [
        "Led by chief executive Mara Lind, Kaldera raised $25 million from Norrland Capital.",
        "Kaldera raised $80 million; Harrow Ventures, an existing backer, did not participate.",
        "Kaldera raised €70 million; Banque Morel advised the company on the deal.",
    ],
)
def test_people_and_advisers_are_not_leads(text: str) -> None:
    facts = extract_facts(text, "Kaldera")
    names = {n for f in facts for n in (*f.lead_investors, *f.investors)}
    assert not names & {"Mara Lind", "Harrow Ventures", "Banque Morel"}, facts


def test_lead_phrases() -> None:
    en_tete = extract_facts(
        "Kaldera lève 22 millions d'euros avec en tête le fonds Aurore Partners.", "Kaldera"
    )
    orchestre = extract_facts(
        "Le tour de 60 millions d'euros, orchestré par Aurore Partners, valorise Kaldera 500 millions "
        "d'euros.",
        "Kaldera",
    )
    assert en_tete[0].lead_investors == ("Aurore Partners",)
    assert [f.lead_investors for f in orchestre if f.kind == "funding_round"] == [("Aurore Partners",)]
