"""An investor's usual cheque size is nobody's round: "des tickets de 30 à 100 millions d'euros",
"writes checks of $5 million to $20 million". Paraphrases written for this project, three or more
per language, some right after a word that would otherwise make the figure a round."""

from __future__ import annotations

import pytest

from watcher.facts import extract_facts

CASES = [
    (
        "Parmi ses participations figure Acme. Le fonds investira des tickets de 30 à 100 millions d'euros.",
        "fr",
    ),
    ("Acme fait partie du portefeuille. Le gérant signe des tickets de 1 à 5 millions d'euros.", "fr"),
    ("Le véhicule, actionnaire d'Acme, prévoit des tickets compris entre 10 et 50 millions d'euros.", "fr"),
    (
        "Acme est en portefeuille. Le fonds prévoit une vingtaine d'investissements, "
        "avec des tickets de 30 à 100 millions d'euros.",
        "fr",
    ),
    ("Its portfolio includes Acme. The fund writes checks of $5 million to $20 million.", "en"),
    ("Acme is one of its holdings. It plans ticket sizes of €10 million to €50 million.", "en"),
    ("The firm, an early backer of Acme, typically invests cheques of $1m to $5m.", "en"),
    (
        "Acme is in the portfolio. The fund plans about 20 investments, "
        "with tickets of $30 million to $100 million.",
        "en",
    ),
]


@pytest.mark.parametrize(("text", "lang"), CASES)
def test_an_investors_ticket_size_is_no_round(text: str, lang: str) -> None:
    assert [
        f for f in extract_facts(text, "Acme", lang=lang) if f.kind in ("funding_round", "valuation")
    ] == []
