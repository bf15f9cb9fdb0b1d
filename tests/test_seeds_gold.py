"""The seed documents against their hand-made gold facts (tests/data/seeds-gold.json)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from watcher.facts import extract_facts
from watcher.models import Fact

ROOT = Path(__file__).resolve().parent.parent
GOLD: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "seeds-gold.json").read_text(encoding="utf-8"))
ENTITY: str = GOLD["entity"]
DOCS: dict[str, Any] = GOLD["documents"]

# Figures the gold lists as not being the entity's facts, as (amount, currency or None for any).
NOT_FACTS: dict[str, list[tuple[Decimal, str | None]]] = {
    "000_e37a5f27cbd73555.txt": [
        (Decimal("6000000000"), "USD"),
        (Decimal("13000000000"), "USD"),
        (Decimal("7000000000"), "USD"),
        (Decimal("1000"), None),
    ],
    "003_d6d79f6ff8926371.txt": [(Decimal("1"), None)],
    "004_f662040427a6a64d.txt": [
        (Decimal("500000000"), "EUR"),
        (Decimal("10000000000"), None),
        (Decimal("4000000000"), None),
    ],
    "002_0152ad1df93b8c6f.txt": [(Decimal("7000000000"), None)],
}


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.02") * max(abs(a), abs(b))


def _facts(name: str) -> list[Fact]:
    return extract_facts((ROOT / "seeds" / name).read_text(encoding="utf-8"), ENTITY)


def _matches(fact: Fact, gold: dict[str, Any]) -> bool:
    return (
        fact.kind == gold["kind"]
        and fact.currency == gold["currency"]
        and _close(fact.amount, Decimal(str(gold["amount"])))
    )


GOLD_FACTS = [(name, i, fact) for name, doc in DOCS.items() for i, fact in enumerate(doc["facts"])]


@pytest.mark.parametrize(
    ("name", "index", "gold"), GOLD_FACTS, ids=[f"{n[:3]}-{i}" for n, i, _ in GOLD_FACTS]
)
def test_gold_fact_found(name: str, index: int, gold: dict[str, Any]) -> None:
    found = [f for f in _facts(name) if _matches(f, gold)]
    assert found, f"{gold} not in {_facts(name)}"
    fact = found[0]
    assert fact.approx is bool(gold["approx"])
    if "round" in gold:
        # Where the gold names no round the text names none either, so we must not invent one.
        assert fact.round == gold["round"]
    if gold.get("equivalent"):
        assert fact.equivalent is not None
        assert fact.equivalent.currency == gold["equivalent"]["currency"]
        assert _close(fact.equivalent.amount, Decimal(str(gold["equivalent"]["amount"])))
    for lead in gold.get("lead_investors", []):
        assert lead in fact.lead_investors


@pytest.mark.parametrize("name", sorted(DOCS))
def test_no_fact_beyond_gold(name: str) -> None:
    facts = _facts(name)
    extra = [f for f in facts if not any(_matches(f, g) for g in DOCS[name]["facts"])]
    assert extra == []


@pytest.mark.parametrize("name", sorted(DOCS))
def test_not_facts_of_entity_absent(name: str) -> None:
    for fact in _facts(name):
        for amount, currency in NOT_FACTS.get(name, []):
            assert not (fact.amount == amount and currency in (None, fact.currency)), fact


def test_investors_of_latest_round_in_seed_000() -> None:
    (rnd,) = [f for f in _facts("000_e37a5f27cbd73555.txt") if f.kind == "funding_round"]
    gold = next(f for f in DOCS["000_e37a5f27cbd73555.txt"]["facts"] if f["kind"] == "funding_round")
    assert set(gold["investors"]) <= set(rnd.investors)


def test_furniture_after_a_regarder_gives_nothing() -> None:
    text = (ROOT / "seeds" / "004_f662040427a6a64d.txt").read_text(encoding="utf-8")
    furniture = text[text.index("À regarder") :]
    assert extract_facts(furniture, ENTITY) == []
    assert all("Louvre" not in f.evidence for f in _facts("004_f662040427a6a64d.txt"))
