"""Money raised over years is a total, and a holder selling its stake is no round: paraphrases
written for this project, three or more per language for each cue (issue 9's rule)."""

from __future__ import annotations

import pytest

from watcher.facts import extract_facts

CASES = [
    # "since <year>" opening the clause or right after the figure: a total, never a round
    ("Since 2019, Acme Robotics has raised about $300 million from investors.", "Acme Robotics", []),
    ("Acme Robotics has raised $120 million since 2018, according to the company.", "Acme Robotics", []),
    ("Since 2020, Acme has raised some €85 million in equity.", "Acme", []),
    ("Depuis 2019, Acme Robotics a levé près de 300 millions d'euros.", "Acme Robotics", []),
    ("Acme Robotics a levé 120 millions d'euros depuis 2018.", "Acme Robotics", []),
    ("Depuis l'an 2017, Acme a levé quelque 60 millions d'euros auprès de fonds européens.", "Acme", []),
    # money gathered "over the years" is every round of the company's life: a total
    ("Over the years, Acme has raised $90 million, mostly from Kestrel.", "Acme", []),
    ("Au fil des ans, Acme a réuni 45 M€ de plusieurs investisseurs.", "Acme", []),
    ("Acme has secured $70 million over its lifetime from a dozen venture firms.", "Acme", []),
    # raised "since" then, or over a span of years opening the sentence: a total, unless a round is named
    ("Acme started in 2017. It has since raised over $58 million.", "Acme", []),
    ("Née en 2015, Acme a depuis levé plus de 40 M€.", "Acme", []),
    ("In just six years, Acme has hired 300 people and secured $120M in funding.", "Acme", []),
    ("Acme has since raised $31M in a Series B that Kestrel led.", "Acme", ["funding_round"]),
    ("In two years, Acme raised a $40M Series B and hired 200 people.", "Acme", ["funding_round"]),
    # a fund raising its own fund is no round of the company it backs
    (
        "Acme raised $50M from Kestrel.\n• That fund also announced raising a further $3 billion.",
        "Acme",
        ["funding_round"],
    ),
    (
        "Acme a levé 5 M€ auprès de Kestrel. Le fonds a lui-même levé 200 M€ l'an dernier.",
        "Acme",
        ["funding_round"],
    ),
    # the size of a placement, whatever adjective stands after the noun
    (
        "Acme signe un placement privé réservé d'une valeur de 30 M€.",
        "Acme",
        ["funding_round"],
    ),
    ("Acme signed a private placement worth $32 million with Kestrel.", "Acme", ["funding_round"]),
    # a sum "of deals" is several companies' tally
    (
        "En ajoutant les 8 M€ levés par Acme, la région compte 41 M€ de deals ce mois-ci.",
        "Acme",
        ["funding_round"],
    ),
    # the whole of a raise being sought is that round's size, not a total raised
    ("Au total, Acme chercherait à collecter près de 400 M€.", "Acme", ["funding_round"]),
    ("In total, Acme is seeking to raise about $400 million from new backers.", "Acme", ["funding_round"]),
    ("Au total, Acme a réuni 40 M€.", "Acme", []),
    # what the valuation "is": a valuation, whatever round the sentence names
    ("Per a filing, the post-money valuation of Acme in this deal is $48 million.", "Acme", ["valuation"]),
    ("La valorisation d'Acme après ce tour de Kestrel est de 48 M€.", "Acme", ["valuation"]),
    # "a $X round" is one round, whatever a clause before it says of an investor's record so far
    (
        "Kestrel Ventures, whose partners over the years have backed forty firms, led a $12M round in Acme.",
        "Acme",
        ["funding_round"],
    ),
    (
        "Kestrel Ventures, which to date has backed forty startups, led a $12 million seed round in Acme.",
        "Acme",
        ["funding_round"],
    ),
    # a year inside a relative clause does not make the round a total
    (
        "Acme Robotics, which has been growing fast since 2019, raised $50 million in a Series B.",
        "Acme Robotics",
        ["funding_round"],
    ),
    (
        "Acme Robotics, présente en France depuis 2019, a levé 50 millions d'euros en série B.",
        "Acme Robotics",
        ["funding_round"],
    ),
    # a holder selling its stake: no new money for the company
    (
        "The fund Northwind Partners sold its entire stake in Acme Robotics to Tideway "
        "for about $25 million.",
        "Acme Robotics",
        [],
    ),
    (
        "Early backer Kestrel Ventures has sold its 5% holding in Acme to a pension fund for €40 million.",
        "Acme",
        [],
    ),
    (
        "Northwind Partners offloaded its stake in Acme Robotics for roughly $30 million last week.",
        "Acme Robotics",
        [],
    ),
    (
        "Northwind Partners sold its stake in Acme Robotics, about 4% of the company's capital, to Tideway "
        "for some $25 million.",
        "Acme Robotics",
        [],
    ),
    ("Kestrel sold its 6% of Acme's capital for €40 million.", "Acme", []),
    (
        "Northwind has sold shares representing 3% of Acme Robotics' capital for about $18 million.",
        "Acme Robotics",
        [],
    ),
    (
        "Le fonds Orsay a vendu l'intégralité de sa participation dans Acme Robotics, "
        "environ 4 % du capital, à Tideway pour quelque 25 millions d'euros.",
        "Acme Robotics",
        [],
    ),
    ("Kestrel a cédé ses actions Acme, soit 6 % du capital, pour 40 millions d'euros.", "Acme", []),
    (
        "Orsay cède 3 % du capital d'Acme Robotics à un family office pour 18 millions d'euros.",
        "Acme Robotics",
        [],
    ),
    # ... but a company that sold a stake elsewhere and then raised has a round, and a capital increase is one
    (
        "Acme Robotics, which sold its stake in a joint venture last year, raised $50 million in a Series B.",
        "Acme Robotics",
        ["funding_round"],
    ),
    (
        "Acme Robotics a réalisé une augmentation de capital de 30 millions d'euros.",
        "Acme Robotics",
        ["funding_round"],
    ),
    # Control of the company bought: its price, no round ("acquérir", "l'acquisition par X de 80 %").
    ("Brumwick va acquérir 70 % du capital d'Acme pour 48 M€.", "Acme", []),
    (
        "Brumwick est en discussions exclusives pour l'acquisition de 60 % d'Acme, pour un montant de 35 M€.",
        "Acme",
        [],
    ),
    ("Brumwick agreed to the acquisition of 90% of Acme for a total of $14 million.", "Acme", []),
    # A minority stake is money into the company, as before.
    ("Brumwick va acquérir 15 % du capital d'Acme pour 9 M€.", "Acme", ["funding_round"]),
]


@pytest.mark.parametrize(("text", "entity", "kinds"), CASES)
def test_totals_since_a_year_and_stake_sales(text: str, entity: str, kinds: list[str]) -> None:
    got = sorted(f.kind for f in extract_facts(text, entity) if f.kind in ("funding_round", "valuation"))
    assert got == sorted(kinds)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # Listed shares moving: the value is the market's that day.
        (
            "Acme's stock climbed 80% in its first week of trading, lifting the valuation to $14 billion.",
            [],
        ),
        (
            "Acme shares slid 12% on Thursday, leaving the company with a value of about $9 billion.",
            [],
        ),
        ("Le titre Acme a grimpé de 18 % en une séance, ce qui porte sa valorisation à 3,1 Md€.", []),
        # A holder's stake is valued, not the company.
        ("Kestrel's stake in Acme was valued at $80 million at the end of March.", []),
        ("La participation de Kestrel dans Acme est valorisée 12 millions d'euros.", []),
        ("Brumwick first took a stake in Acme in 2019, and Acme was then valued at $3bn.", ["valuation"]),
        # Value created, lost or handed over is no one's valuation.
        ("Acme's underpriced listing gave new holders about $2.5 billion of value.", []),
        ("Acme a détruit 2 milliards d'euros de valeur en un an, selon ses actionnaires.", []),
        # The listing's own price values the company.
        (
            "Acme set its listing price at $21 a share, which values the company at $6.2 billion.",
            ["valuation"],
        ),
    ],
)
def test_a_value_the_stock_market_gives_is_no_deals(text: str, kinds: list[str]) -> None:
    got = [f.kind for f in extract_facts(text, "Acme") if f.kind in ("funding_round", "valuation")]
    assert got == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Since the harbour project started, Acme has raised €18 million.", ["total_raised"]),
        ("Depuis l'ouverture de son usine, Acme a réuni 11 M€.", ["total_raised"]),
        # A round named is that round.
        (
            "Since the spring, Acme has raised €3 million in a seed round that Brumwick led.",
            ["funding_round"],
        ),
    ],
)
def test_raised_since_a_time_is_all_it_raised_then(text: str, kinds: list[str]) -> None:
    assert [f.kind for f in extract_facts(text, "Acme")] == kinds
