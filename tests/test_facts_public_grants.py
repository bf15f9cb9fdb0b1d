"""Money from a public programme is a grant, not a round: "from the EU's Horizon Europe programme",
"from Innovate UK", "du programme France 2030", "de l'Union européenne". Paraphrases written for this
project, with controls where a round comes from private investors or names a programme of its own."""

from __future__ import annotations

import pytest

from watcher.facts import extract_facts

CASES = [
    ("Acme has secured €2.5 million from the EU's Horizon Europe programme.", "en", []),
    ("Acme received £1 million from Innovate UK to develop its sensor.", "en", []),
    ("Acme won €3 million from the European Innovation Council's Accelerator programme.", "en", []),
    ("Acme a obtenu 2 millions d'euros du programme France 2030.", "fr", []),
    ("Acme décroche 1,5 million d'euros de l'Union européenne pour son projet.", "fr", []),
    ("Acme reçoit 3 millions d'euros du Conseil européen de l'innovation.", "fr", []),
    # A town hall or a ministry.
    ("Acme obtient 250 000 $ de la municipalité de Sherbrooke.", "fr", []),
    ("Acme received £400,000 from the City of Leeds for its plant.", "en", []),
    ("Le ministère de l'Industrie accorde à Acme une somme de 1 million d'euros.", "fr", []),
    (
        "Acme has secured €2.5 million from the EU's Horizon Europe programme alongside a €6 million seed "
        "round led by Liffey.",
        "en",
        ["funding_round"],
    ),
    (
        "Acme raised €10 million in a Series A from Northwind, as part of its growth programme.",
        "en",
        ["funding_round"],
    ),
    (
        "Acme a levé 10 millions d'euros auprès de Northwind pour accélérer son programme industriel.",
        "fr",
        ["funding_round"],
    ),
    ("Acme raised $10 million from the EU-backed Northwind fund.", "en", ["funding_round"]),
]


@pytest.mark.parametrize(("text", "lang", "kinds"), CASES)
def test_public_programme_money_is_no_round(text: str, lang: str, kinds: list[str]) -> None:
    assert [
        f.kind for f in extract_facts(text, "Acme", lang=lang) if f.kind in ("funding_round", "valuation")
    ] == kinds
