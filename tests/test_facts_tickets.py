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


# What kind of firm an investor is ("a public investment bank") says nothing of the figure after it.
INVESTOR_KINDS = [
    "Brumwick, a state-owned investment bank, stands to lose $9m if Acme's lenders pull out.",
    "Brumwick, an investment firm from Oslo, now has $12m at stake in Acme.",
    "Brumwick, une banque d'investissement régionale, risque 6 M€ si Acme ferme son usine.",
    "Le fonds d'investissement Brumwick reste exposé à hauteur de 4 M€ sur Acme.",
]


@pytest.mark.parametrize("text", INVESTOR_KINDS)
def test_the_kind_of_an_investor_is_no_deal_word(text: str) -> None:
    assert [f for f in extract_facts(text, "Acme") if f.kind in ("funding_round", "valuation")] == []


def test_a_round_led_by_an_investment_firm_is_still_a_round() -> None:
    [fact] = extract_facts("Acme closed a $12m round that the investment firm Brumwick led.", "Acme")
    assert (fact.kind, fact.amount) == ("funding_round", 12_000_000)


def test_a_sum_bet_on_another_company_is_not_a_company_worth_it() -> None:
    """Money "on freight company Zorblo" is put on Zorblo: no "$40 million company"."""
    text = "Acme sells bikes. Brumwick also put $40 million on freight company Zorblo last spring."
    assert [f for f in extract_facts(text, "Acme") if f.kind in ("funding_round", "valuation")] == []
    [worth] = extract_facts("Acme is now a $5 billion payments company.", "Acme")
    assert (worth.kind, worth.amount) == ("valuation", 5_000_000_000)
