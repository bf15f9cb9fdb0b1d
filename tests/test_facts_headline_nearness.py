"""Headlines that say a deal is near, not done, are rumours: "nears", "close to raising", "in new
funding talks", "en passe de lever", "proche d'une levée". Paraphrases written for this project,
with controls where the same words do not govern the figure."""

from __future__ import annotations

import pytest

from watcher.facts import extract_facts

CASES = [
    ("Acme nears $2bn valuation in new funding talks", "en", [("valuation", "rumoured")]),
    ("Acme close to raising $300 million, report says", "en", [("funding_round", "rumoured")]),
    ("Acme nearing $500 million round led by Northwind", "en", [("funding_round", "rumoured")]),
    ("Acme closing in on $1 billion valuation", "en", [("valuation", "rumoured")]),
    ("Acme in early talks to raise $80 million", "en", [("funding_round", "rumoured")]),
    ("Acme proche d'une levée de 100 millions d'euros", "fr", [("funding_round", "rumoured")]),
    ("Acme en passe de lever 80 millions d'euros", "fr", [("funding_round", "rumoured")]),
    ("Acme proche de boucler un tour de 50 millions d'euros", "fr", [("funding_round", "rumoured")]),
    ("Acme serait sur le point de lever 40 millions d'euros", "fr", [("funding_round", "rumoured")]),
    # controls: the same words elsewhere leave a done deal announced
    ("Acme closes $300 million round led by Northwind", "en", [("funding_round", "announced")]),
    ("Acme raises $40 million, closing its Series B", "en", [("funding_round", "announced")]),
    ("Acme, proche de Bpifrance, lève 30 millions d'euros", "fr", [("funding_round", "announced")]),
    (
        "Acme lève 80 millions d'euros auprès de fonds proches de l'État",
        "fr",
        [("funding_round", "announced")],
    ),
]


@pytest.mark.parametrize(("headline", "lang", "expected"), CASES)
def test_a_deal_said_to_be_near_is_a_rumour(
    headline: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    got = [(f.kind, f.status) for f in extract_facts(headline, "Acme", lang=lang)]
    assert sorted(got) == sorted(expected)
