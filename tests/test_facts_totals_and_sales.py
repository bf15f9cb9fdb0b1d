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
]


@pytest.mark.parametrize(("text", "entity", "kinds"), CASES)
def test_totals_since_a_year_and_stake_sales(text: str, entity: str, kinds: list[str]) -> None:
    got = sorted(f.kind for f in extract_facts(text, entity) if f.kind in ("funding_round", "valuation"))
    assert got == sorted(kinds)
