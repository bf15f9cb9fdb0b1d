"""Score the fact extractor on the newsroom excerpts written for this project.

Usage: python benchmarks/newsroom_score.py [--set 1|2|3|4|all] [-v]

Set 1 is ``tests/test_facts_newsroom.py``, set N the file ``tests/test_facts_newsroomN.py``;
each was written after the previous one had been used for fixes, so a set's first-run score
(in the README and the closing notes) is the honest estimate on text nobody tuned on.

Same scoring as the judges: funding rounds and valuations only, a prediction matches an expected fact
on kind + amount within 2 % + currency (or the stated equivalent), one-to-one. English and French cases
are also scored separately.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_facts_newsroom import Case, Score, run

SETS = ("1", "2", "3", "4")


def _cases(which: str) -> list[Case]:
    names = SETS if which == "all" else (which,)
    cases: list[Case] = []
    for name in names:
        module = "tests.test_facts_newsroom" + ("" if name == "1" else name)
        cases.extend(importlib.import_module(module).CASES)
    return cases


def _prf(matched: int, predicted: int, expected: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 1.0
    r = matched / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _is_french(case: Case) -> bool:
    return "_fr_" in f"_{case.id}_"


def _total(label: str, scores: list[Score]) -> None:
    m = sum(s.matched for s in scores)
    pr = sum(s.predicted for s in scores)
    ex = sum(s.expected for s in scores)
    p, r, f = _prf(m, pr, ex)
    print(f"{label:<48} {p:5.2f} {r:5.2f} {f:5.2f}  {m}/{pr}/{ex}  ({len(scores)} cases)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default="all", choices=[*SETS, "all"], help="which set of excerpts")
    parser.add_argument("-v", "--verbose", action="store_true", help="show misses and false positives")
    args = parser.parse_args(argv)
    cases = _cases(args.set)
    scores: dict[str, Score] = {}
    print(f"{'case':<48} {'P':>5} {'R':>5} {'F1':>5}  matched/pred/exp")
    for case in cases:
        s = scores[case.id] = run(case)
        p, r, f = _prf(s.matched, s.predicted, s.expected)
        flag = "" if not (s.false_positives or s.misses) else "  *"
        print(f"{case.id:<48} {p:5.2f} {r:5.2f} {f:5.2f}  {s.matched}/{s.predicted}/{s.expected}{flag}")
        if args.verbose:
            for fact in s.false_positives:
                print(f"    FP {fact.kind} {fact.amount} {fact.currency} <- {fact.evidence[:100]!r}")
            for exp in s.misses:
                print(f"    FN {exp.kind} {exp.amount} {exp.currency}")
    _total("english", [scores[c.id] for c in cases if not _is_french(c)])
    _total("french", [scores[c.id] for c in cases if _is_french(c)])
    _total("OVERALL", list(scores.values()))
    clean = sum(1 for s in scores.values() if not (s.false_positives or s.misses))
    print(f"cases fully correct: {clean}/{len(cases)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
