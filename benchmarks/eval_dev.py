"""Score the fact extractor on the labelled development set (judges' scoring).

Usage: python benchmarks/eval_dev.py [path/to/corpus.json] [-v]

A predicted fact matches an expected one on kind (``round`` = ``funding_round``) + amount within
2 % + currency (either side's ``equivalent`` may supply the currency). Only funding rounds and
valuations are scored; ``total_raised`` predictions are ignored. Matching is one-to-one.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from watcher.facts import extract_facts
from watcher.models import Fact

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / ".." / "shared" / "eval-dev" / "corpus.json"
SCORED = {"funding_round", "valuation"}


def _kind(expected: dict[str, Any]) -> str:
    return "funding_round" if expected["kind"] == "round" else str(expected["kind"])


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.02") * max(abs(a), abs(b))


def _amounts(expected: dict[str, Any]) -> list[tuple[Decimal, str]]:
    out = [(Decimal(str(expected["amount"])), str(expected["currency"]))]
    eq = expected.get("equivalent")
    if eq:
        out.append((Decimal(str(eq["amount"])), str(eq["currency"])))
    return out


def matches(pred: Fact, expected: dict[str, Any]) -> bool:
    if pred.kind != _kind(expected):
        return False
    mine = [(pred.amount, pred.currency)]
    if pred.equivalent is not None:
        mine.append((pred.equivalent.amount, pred.equivalent.currency))
    return any(c1 == c2 and _close(a1, a2) for a1, c1 in mine for a2, c2 in _amounts(expected))


def score_doc(preds: list[Fact], expected: list[dict[str, Any]]) -> tuple[int, int, int, list[Fact]]:
    scored = [p for p in preds if p.kind in SCORED]
    wanted = [e for e in expected if _kind(e) in SCORED]
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


def _prf(matched: int, predicted: int, expected: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 1.0
    r = matched / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("-v", "--verbose", action="store_true", help="show misses and false positives")
    args = parser.parse_args(argv)
    docs = json.loads(Path(args.corpus).read_text(encoding="utf-8"))
    tm = tp = te = 0
    print(f"{'doc':<24} {'P':>5} {'R':>5} {'F1':>5}  matched/pred/exp")
    for doc in docs:
        preds = extract_facts(doc["text"], doc["company"])
        m, p, e, wrong = score_doc(preds, doc.get("expected") or [])
        tm, tp, te = tm + m, tp + p, te + e
        pp, rr, ff = _prf(m, p, e)
        print(f"{doc['id']:<24} {pp:5.2f} {rr:5.2f} {ff:5.2f}  {m}/{p}/{e}")
        if args.verbose:
            for f in wrong:
                print(f"    FP {f.kind} {f.amount} {f.currency} <- {f.evidence[:100]}")
            for ex in doc.get("expected") or []:
                if _kind(ex) in SCORED and not any(matches(f, ex) for f in preds):
                    print(f"    FN {_kind(ex)} {ex['amount']} {ex['currency']}")
    p, r, f = _prf(tm, tp, te)
    print(f"{'OVERALL':<24} {p:5.2f} {r:5.2f} {f:5.2f}  {tm}/{tp}/{te}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
