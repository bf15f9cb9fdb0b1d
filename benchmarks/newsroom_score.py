"""Score the fact extractor on the invented newsroom excerpts of ``tests/test_facts_newsroom.py``.

Usage: python benchmarks/newsroom_score.py [-v]

Same scoring as the judges: funding rounds and valuations only, a prediction matches an expected fact
on kind + amount within 2 % + currency (or the stated equivalent), one-to-one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_facts_newsroom import CASES, run


def _prf(matched: int, predicted: int, expected: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 1.0
    r = matched / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="show misses and false positives")
    args = parser.parse_args(argv)
    tm = tp = te = 0
    print(f"{'case':<40} {'P':>5} {'R':>5} {'F1':>5}  matched/pred/exp")
    for case in CASES:
        s = run(case)
        tm, tp, te = tm + s.matched, tp + s.predicted, te + s.expected
        p, r, f = _prf(s.matched, s.predicted, s.expected)
        flag = "" if not (s.false_positives or s.misses) else "  *"
        print(f"{case.id:<40} {p:5.2f} {r:5.2f} {f:5.2f}  {s.matched}/{s.predicted}/{s.expected}{flag}")
        if args.verbose:
            for fact in s.false_positives:
                print(f"    FP {fact.kind} {fact.amount} {fact.currency} <- {fact.evidence[:100]!r}")
            for exp in s.misses:
                print(f"    FN {exp.kind} {exp.amount} {exp.currency}")
    p, r, f = _prf(tm, tp, te)
    print(f"{'OVERALL':<40} {p:5.2f} {r:5.2f} {f:5.2f}  {tm}/{tp}/{te}  ({len(CASES)} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
