"""Score the fact extractor on the labelled development set (judges' scoring).

Usage: python benchmarks/eval_dev.py [path/to/corpus.json] [-v] [--decisions] [--half even|odd]

``--decisions`` also prints, per language and per form (body, headline, summary), the judges' figures,
and for each decision (owner, kind, status, context) its precision/recall or confusion matrix over the
predictions whose amount matches an expected figure. ``--half`` scores every other document only, so a
rule fitted on one half can be reported on the other. ``benchmarks/cases/probes.json`` is the set of
invented probe cases written for issue 9 (same format).

A predicted fact matches an expected one on kind (``round`` = ``funding_round``) + amount within
2 % + currency (either side's ``equivalent`` may supply the currency). Only funding rounds and
valuations are scored; ``total_raised`` predictions are ignored. Matching is one-to-one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
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


def _same_amount(pred: Fact, expected: dict[str, Any]) -> bool:
    mine = [(pred.amount, pred.currency)]
    if pred.equivalent is not None:
        mine.append((pred.equivalent.amount, pred.equivalent.currency))
    return any(c1 == c2 and _close(a1, a2) for a1, c1 in mine for a2, c2 in _amounts(expected))


class Decisions:
    """Per-decision tallies over the predictions whose amount matches an expected figure."""

    def __init__(self) -> None:
        self.owner = [0, 0, 0]  # predicted of-entity figures that are expected, predicted, expected
        self.kind: Counter[tuple[str, str]] = Counter()
        self.status: Counter[tuple[str, str]] = Counter()
        self.context: Counter[tuple[str, str]] = Counter()

    def add(self, preds: list[Fact], expected: list[dict[str, Any]]) -> None:
        wanted = [e for e in expected if _kind(e) in SCORED | {"investment", "total_raised"}]
        self.owner[1] += len(preds)
        self.owner[2] += len(wanted)
        used: set[int] = set()
        for p in preds:
            hit = next((i for i, e in enumerate(wanted) if i not in used and _same_amount(p, e)), None)
            if hit is None:
                self.kind[("(none)", p.kind)] += 1
                continue
            used.add(hit)
            self.owner[0] += 1
            e = wanted[hit]
            self.kind[(_kind(e), p.kind)] += 1
            if e.get("status"):
                self.status[(str(e["status"]), p.status)] += 1
            if e.get("context"):
                self.context[(str(e["context"]), p.context)] += 1
        for i, e in enumerate(wanted):
            if i not in used:
                self.kind[(_kind(e), "(none)")] += 1

    def report(self) -> None:
        m, p, e = self.owner
        pp, rr, _ = _prf(m, p, e)
        print(f"owner (figure is the entity's, any kind): P {pp:.2f} R {rr:.2f}  {m}/{p}/{e}")
        for name, table in (("kind", self.kind), ("status", self.status), ("context", self.context)):
            _matrix(name, table)


def _matrix(name: str, table: Counter[tuple[str, str]]) -> None:
    labels = sorted({a for a, _ in table} | {b for _, b in table})
    print(f"{name}: rows expected, columns predicted")
    print(" " * 14 + "".join(f"{lab[:12]:>13}" for lab in labels))
    for a in labels:
        print(f"{a[:13]:<14}" + "".join(f"{table.get((a, b), 0):>13}" for b in labels))
    for lab in labels:
        if lab == "(none)":
            continue
        tp = table.get((lab, lab), 0)
        pred = sum(v for (_, b), v in table.items() if b == lab)
        exp = sum(v for (a, _), v in table.items() if a == lab)
        p, r, _ = _prf(tp, pred, exp)
        print(f"  {lab:<14} P {p:.2f} R {r:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("-v", "--verbose", action="store_true", help="show misses and false positives")
    parser.add_argument("--decisions", action="store_true", help="per-decision and per-language figures")
    parser.add_argument("--half", choices=("even", "odd"), help="score every other document only")
    args = parser.parse_args(argv)
    docs = json.loads(Path(args.corpus).read_text(encoding="utf-8"))
    if args.half:
        docs = docs[0 if args.half == "even" else 1 :: 2]
    tm = tp = te = 0
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    decisions = Decisions()
    print(f"{'doc':<24} {'P':>5} {'R':>5} {'F1':>5}  matched/pred/exp")
    for doc in docs:
        preds = extract_facts(doc["text"], doc["company"])
        m, p, e, wrong = score_doc(preds, doc.get("expected") or [])
        tm, tp, te = tm + m, tp + p, te + e
        decisions.add(preds, doc.get("expected") or [])
        for key in (f"lang={doc.get('lang', '?')}", f"form={doc.get('form', 'body')}"):
            g = groups[key]
            g[0], g[1], g[2] = g[0] + m, g[1] + p, g[2] + e
        pp, rr, ff = _prf(m, p, e)
        print(f"{doc['id']:<24} {pp:5.2f} {rr:5.2f} {ff:5.2f}  {m}/{p}/{e}")
        if args.verbose:
            for f in wrong:
                print(f"    FP {f.kind} {f.amount} {f.currency} <- {f.evidence[:100]}")
            for ex in doc.get("expected") or []:
                if _kind(ex) in SCORED and not any(matches(f, ex) for f in preds):
                    print(f"    FN {_kind(ex)} {ex['amount']} {ex['currency']}")
                for f in preds:
                    if matches(f, ex) and ex.get("status") and f.status != ex["status"]:
                        print(f"    ST {f.kind} {f.amount} {f.currency}: {f.status}, expected {ex['status']}")
    if args.decisions:
        print()
        for key in sorted(groups):
            gp, gr, gf = _prf(*groups[key])
            print(
                f"{key:<24} {gp:5.2f} {gr:5.2f} {gf:5.2f}  {groups[key][0]}/{groups[key][1]}/{groups[key][2]}"
            )
        decisions.report()
    p, r, f = _prf(tm, tp, te)
    print(f"{'OVERALL':<24} {p:5.2f} {r:5.2f} {f:5.2f}  {tm}/{tp}/{te}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
