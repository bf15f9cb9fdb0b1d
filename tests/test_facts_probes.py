"""Issue 9 probes: every case of ``benchmarks/cases/probes.json`` (invented for this project, see
``benchmarks/cases/make_probes.py``) gives exactly its expected rounds, valuations and investments,
with the expected status where one is given. Each cue has at least three paraphrases per language
across the set (French and English bodies, headlines and feed summaries)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from watcher.facts import extract_facts

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent.parent / "benchmarks" / "cases" / "probes.json").read_text(
        encoding="utf-8"
    )
)
KINDS = {"round": "funding_round", "valuation": "valuation", "investment": "investment"}
# Known misses, kept visible: strict, so a fix shows up as an unexpected pass.
KNOWN = {
    "contrast-en-2": "'so far this year in a Series A' reads as a total to date",
}


def _params() -> list[Any]:
    return [
        pytest.param(
            c,
            id=c["id"],
            marks=[pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else [],
        )
        for c in CASES
    ]


@pytest.mark.parametrize("case", _params())
def test_probe(case: dict[str, Any]) -> None:
    facts = extract_facts(case["text"], case["company"])
    got = {(f.kind, f.amount, f.currency) for f in facts if f.kind in KINDS.values()}
    want = {(KINDS[e["kind"]], Decimal(e["amount"]), e["currency"]) for e in case["expected"]}
    assert got == want, facts
    for e in case["expected"]:
        if "status" in e:
            fact = next(f for f in facts if (f.kind, f.amount) == (KINDS[e["kind"]], Decimal(e["amount"])))
            assert fact.status == e["status"], fact


def test_every_fact_says_why_and_how_sure() -> None:
    for case in CASES:
        for f in extract_facts(case["text"], case["company"]):
            assert 0.0 <= f.confidence <= 1.0
            assert any(r.startswith("owner:") for r in f.reasons), f
            assert any(r.startswith("kind:") for r in f.reasons), f
            assert any(r.startswith("status:") for r in f.reasons), f


@pytest.mark.parametrize(
    ("strong", "weak"),
    [
        # A named subject, a clear verb, an explicit amount, against a pronoun or the article's topic.
        ("Tindra raised $40 million in a Series B.", "It raised $40 million in a Series B."),
        ("Tindra a levé 40 millions d'euros en série B.", "Elle a levé 40 millions d'euros en série B."),
        (
            "Tindra raised $40 million in a Series B.",
            "Tindra makes robots. $40 million went into its Series B.",
        ),
        (
            "Tindra is in talks to raise $40 million.",
            "Tindra makes robots. Talks may bring another $40 million.",
        ),
    ],
)
def test_confidence_orders_readings(strong: str, weak: str) -> None:
    (s,) = [f for f in extract_facts(strong, "Tindra") if f.kind == "funding_round"]
    found = [f for f in extract_facts(weak, "Tindra") if f.kind == "funding_round"]
    assert s.confidence >= 0.8
    assert all(f.confidence < s.confidence for f in found)
