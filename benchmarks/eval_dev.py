"""Score the fact extractor on the labelled development set (judges' scoring).

Usage: python benchmarks/eval_dev.py [corpus.json ...] [-v] [--decisions] [--tags] [--rules] [--half even|odd]

``--tags`` prints P/R per phenomenon (the items' ``tags``), ``--rules`` scores the rules' own verdicts
instead of the fitted decisions. ``--decisions`` also prints, per language and per form (excerpt,
headline, summary), the judges' figures,
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
from pathlib import Path
from typing import Any

from judging import SCORED, SHARED, fact_amounts, form, matches, prf, same_amount, score_doc
from judging import expected_kind as _kind

from watcher.facts import extract_facts
from watcher.models import Fact

DEFAULT_CORPUS = SHARED / "eval-dev" / "corpus.json"


def _same_amount(pred: Fact, expected: dict[str, Any]) -> bool:
    return same_amount(fact_amounts(pred), expected)


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
        pp, rr, _ = prf(m, p, e)
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
        p, r, _ = prf(tp, pred, exp)
        print(f"  {lab:<14} P {p:.2f} R {r:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="*", help="labelled items (default: the development set)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show misses and false positives")
    parser.add_argument("--decisions", action="store_true", help="per-decision and per-language figures")
    parser.add_argument("--half", choices=("even", "odd"), help="score every other document only")
    parser.add_argument("--tags", action="store_true", help="P/R per tags value (phenomenon)")
    parser.add_argument("--rules", action="store_true", help="the rules' verdicts alone, not the fitted ones")
    args = parser.parse_args(argv)
    docs = []
    for path in args.corpus or [str(DEFAULT_CORPUS)]:
        docs += json.loads(Path(path).read_text(encoding="utf-8"))
    if args.half:
        docs = docs[0 if args.half == "even" else 1 :: 2]
    tm = tp = te = 0
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    decisions = Decisions()
    print(f"{'doc':<24} {'P':>5} {'R':>5} {'F1':>5}  matched/pred/exp")
    for doc in docs:
        preds = extract_facts(doc["text"], doc["company"], model="rules" if args.rules else None)
        m, p, e, wrong = score_doc(preds, doc.get("expected") or [])
        tm, tp, te = tm + m, tp + p, te + e
        decisions.add(preds, doc.get("expected") or [])
        keys = [f"lang={doc.get('lang', '?')}", f"form={form(doc)}"]
        if args.tags:
            keys += [f"tag={t}" for t in doc.get("tags", ())]
        for key in keys:
            g = groups[key]
            g[0], g[1], g[2] = g[0] + m, g[1] + p, g[2] + e
        pp, rr, ff = prf(m, p, e)
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
    if args.decisions or args.tags:
        print()
        for key in sorted(groups):
            gp, gr, gf = prf(*groups[key])
            print(
                f"{key:<24} {gp:5.2f} {gr:5.2f} {gf:5.2f}  {groups[key][0]}/{groups[key][1]}/{groups[key][2]}"
            )
        if args.decisions:
            decisions.report()
    p, r, f = prf(tm, tp, te)
    print(f"{'OVERALL':<24} {p:5.2f} {r:5.2f} {f:5.2f}  {tm}/{tp}/{te}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
