"""The judges' scoring of extracted facts against labelled items, shared by eval_dev and train_extractor.

A predicted fact matches an expected one on kind (``round`` = ``funding_round``) + amount within
2 % + currency (either side's ``equivalent`` may supply the currency). Only funding rounds and
valuations are scored; other kinds are ignored. Matching is one-to-one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from watcher.models import Fact

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO / ".." / "shared"
SCORED = {"funding_round", "valuation"}
# Everything labelled in this workplace's schema: the training sets and the development set.
LABELLED = (
    SHARED / "train" / "fr-startups.json",
    SHARED / "train" / "europe-global.json",
    SHARED / "eval-dev" / "corpus.json",
)


def load_items(paths: Iterable[Path] = LABELLED) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in paths:
        items.extend(json.loads(Path(path).read_text(encoding="utf-8")))
    return items


def form(item: dict[str, Any]) -> str:
    """excerpt, headline (a title alone) or summary (a title with its feed summary)."""
    fmt = str(item.get("format") or item.get("form") or "")
    if not fmt or fmt == "body":
        return "excerpt"
    return "summary" if "summary" in fmt else "headline"


def expected_kind(expected: dict[str, Any]) -> str:
    return "funding_round" if expected["kind"] == "round" else str(expected["kind"])


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.02") * max(abs(a), abs(b))


def amounts(expected: dict[str, Any]) -> list[tuple[Decimal, str | None]]:
    out: list[tuple[Decimal, str | None]] = [(Decimal(str(expected["amount"])), expected.get("currency"))]
    eq = expected.get("equivalent")
    if eq:
        out.append((Decimal(str(eq["amount"])), eq.get("currency")))
    return out


def same_amount(mine: list[tuple[Decimal, str | None]], expected: dict[str, Any]) -> bool:
    return any(c1 == c2 and close(a1, a2) for a1, c1 in mine for a2, c2 in amounts(expected))


def fact_amounts(pred: Fact) -> list[tuple[Decimal, str | None]]:
    mine: list[tuple[Decimal, str | None]] = [(pred.amount, pred.currency)]
    if pred.equivalent is not None:
        mine.append((pred.equivalent.amount, pred.equivalent.currency))
    return mine


def matches(pred: Fact, expected: dict[str, Any]) -> bool:
    return pred.kind == expected_kind(expected) and same_amount(fact_amounts(pred), expected)


def score_doc(preds: list[Fact], expected: list[dict[str, Any]]) -> tuple[int, int, int, list[Fact]]:
    """(matched, predicted, expected, unmatched predictions) over rounds and valuations."""
    scored = [p for p in preds if p.kind in SCORED]
    wanted = [e for e in expected if expected_kind(e) in SCORED]
    used: set[int] = set()
    matched = 0
    unmatched: list[Fact] = []
    for p in scored:
        hit = next((i for i, e in enumerate(wanted) if i not in used and matches(p, e)), None)
        if hit is None:
            unmatched.append(p)
        else:
            used.add(hit)
            matched += 1
    return matched, len(scored), len(wanted), unmatched


def prf(matched: int, predicted: int, expected: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 1.0
    r = matched / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
