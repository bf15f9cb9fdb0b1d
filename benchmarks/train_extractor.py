"""Fit the extractor's decisions on real labelled text, and estimate them on companies not fitted on.

Usage:
    python benchmarks/train_extractor.py                 # grouped CV report, then write the weights
    python benchmarks/train_extractor.py --cv-only       # the report alone
    python benchmarks/train_extractor.py --no-cv --out F # the weights alone (what the test re-runs)
    python benchmarks/train_extractor.py --curve         # + the learning curve (25/50/75/100 %)

Every figure of every labelled item (``../shared/train`` and ``../shared/eval-dev``) is a candidate
(``watcher.facts.extract.readings``); its label is the kind of the expected fact it states (kind +
amount within 2 % + currency or equivalent, the judges' match), else "none". Three multinomial
logistic regressions are fitted: kind (none / funding_round / valuation) on every candidate, status and
context on the candidates that are facts. The weights go to ``watcher/facts/lexicons/extractor.json``.

The estimate is company-grouped 5-fold cross-validation: a company (folded name) is never both in the
fitted part and in the scored part. Each fold's model is applied through ``extract_facts`` itself and
scored as the judges score (``judging.py``), next to the rules alone on the same items.
Needs the ``dev`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from judging import LABELLED, SCORED, expected_kind, form, load_items, prf, same_amount, score_doc
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from watcher.facts.extract import extract_facts, readings
from watcher.facts.fitted import Model

REPO = Path(__file__).resolve().parent.parent
WEIGHTS = REPO / "watcher" / "facts" / "lexicons" / "extractor.json"

# Chosen by the grouped cross-validation below (the report prints what the others give).
C_KIND = 0.3
C_SECOND = 0.3
THRESHOLD = 0.5
MIN_ITEMS = 2  # a feature seen in fewer labelled items than this carries no weight
FOLDS = 5

Row = tuple[tuple[str, ...], str]


def _label(cand_amounts: list[Any], expected: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    for e in expected:
        if expected_kind(e) in SCORED and same_amount(cand_amounts, e):
            return e
    return None


def item_rows(item: dict[str, Any]) -> tuple[list[Row], list[Row], list[Row]]:
    """(kind rows, status rows, context rows) of one labelled item."""
    kind_rows: list[Row] = []
    status_rows: list[Row] = []
    context_rows: list[Row] = []
    expected = item.get("expected") or []
    for cand, _reading, second in readings(item["text"], item["company"]):
        m = cand.mention
        mine = [(m.amount, m.currency)]
        if m.equivalent is not None:
            mine.append((m.equivalent.amount, m.equivalent.currency))
        hit = _label(mine, expected)
        kind_rows.append((cand.features, expected_kind(hit) if hit else "none"))
        if hit is not None:
            if hit.get("status"):
                status_rows.append((second, str(hit["status"])))
            if hit.get("context"):
                context_rows.append((second, str(hit["context"])))
    return kind_rows, status_rows, context_rows


def _fit_decision(rows: Sequence[Row], c: float) -> dict[str, Any]:
    counts: dict[str, int] = defaultdict(int)
    for features, _label in rows:
        for f in set(features):
            counts[f] += 1
    keep = {f for f, n in counts.items() if n >= MIN_ITEMS}
    labels = sorted({label for _f, label in rows})
    if len(labels) == 1:
        return {"classes": labels, "intercept": [0.0], "weights": {}}
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{f: 1 for f in set(features) if f in keep} for features, _l in rows])
    y = [label for _f, label in rows]
    clf = LogisticRegression(C=c, max_iter=5000, tol=1e-8)
    clf.fit(x, y)
    classes = [str(k) for k in clf.classes_]
    coef = clf.coef_
    intercept = clf.intercept_
    if len(classes) == 2:
        # One column for a binary decision: split it so that a softmax over two scores gives the same.
        coef = [-coef[0] / 2, coef[0] / 2]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        row = [round(float(coef[i][j]), 5) for i in range(len(classes))]
        if any(abs(w) >= 1e-4 for w in row):
            weights[str(name)] = row
    return {
        "classes": classes,
        "intercept": [round(float(b), 5) for b in intercept],
        "weights": dict(sorted(weights.items())),
    }


def fit(rows: Iterable[tuple[list[Row], list[Row], list[Row]]], threshold: float = THRESHOLD,
        c_kind: float = C_KIND, c_second: float = C_SECOND) -> dict[str, Any]:
    kind: list[Row] = []
    status: list[Row] = []
    context: list[Row] = []
    for k, s, c in rows:
        kind += k
        status += s
        context += c
    return {
        "comment": "Fitted by benchmarks/train_extractor.py on ../shared/train + ../shared/eval-dev; do not edit.",
        "threshold": threshold,
        "kind": _fit_decision(kind, c_kind),
        "status": _fit_decision(status, c_second),
        "context": _fit_decision(context, c_second),
    }


class Tally:
    """Matched / predicted / expected per group (overall, language, form, tag)."""

    def __init__(self) -> None:
        self.groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(self, item: dict[str, Any], m: int, p: int, e: int, tags: bool) -> None:
        shape = form(item)
        keys = ["overall", f"lang={item.get('lang', '?')}", f"form={shape}"]
        keys.append("form=excerpt" if shape == "excerpt" else "form=headline+summary")
        if tags:
            keys += [f"tag={t}" for t in item.get("tags", ())]
        for key in dict.fromkeys(keys):
            g = self.groups[key]
            g[0], g[1], g[2] = g[0] + m, g[1] + p, g[2] + e

    def line(self, key: str) -> str:
        m, p, e = self.groups[key]
        pp, rr, ff = prf(m, p, e)
        return f"P {pp:.3f} R {rr:.3f} F1 {ff:.3f} ({m}/{p}/{e})"


def _companies(items: Sequence[dict[str, Any]]) -> list[str]:
    return [str(i["company"]).casefold() for i in items]


def cross_validate(
    items: Sequence[dict[str, Any]],
    rows: Sequence[tuple[list[Row], list[Row], list[Row]]],
    fraction: float = 1.0,
    tags: bool = False,
    **params: Any,
) -> tuple[Tally, Tally]:
    """(fitted, rules alone) over company-grouped folds; ``fraction`` of each fold's training companies."""
    fitted, rules = Tally(), Tally()
    groups = _companies(items)
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(items, groups=groups):
        names = sorted({groups[i] for i in train_idx})
        random.Random(17).shuffle(names)
        chosen = set(names[: max(1, round(len(names) * fraction))])
        model = Model.from_json(fit([rows[i] for i in train_idx if groups[i] in chosen], **params))
        for i in test_idx:
            item = items[i]
            expected = item.get("expected") or []
            m, p, e, _w = score_doc(extract_facts(item["text"], item["company"], model=model), expected)
            fitted.add(item, m, p, e, tags)
            if fraction == 1.0:
                m, p, e, _w = score_doc(extract_facts(item["text"], item["company"], model="rules"), expected)
                rules.add(item, m, p, e, tags)
    return fitted, rules


def _report(items: Sequence[dict[str, Any]], rows: Sequence[Any], args: argparse.Namespace) -> None:
    fitted, rules = cross_validate(items, rows, tags=args.tags)
    print(f"company-grouped {FOLDS}-fold CV over {len(items)} items, {len(set(_companies(items)))} companies")
    for key in sorted(fitted.groups, key=lambda k: (k != "overall", k.startswith("tag="), k)):
        print(f"  {key:<34} fitted {fitted.line(key)}   rules {rules.line(key)}")
    if args.curve:
        print("learning curve (share of each fold's training companies; scored on the held-out fold)")
        for fraction in (0.25, 0.5, 0.75, 1.0):
            tally, _ = cross_validate(items, rows, fraction=fraction)
            print(
                f"  {int(fraction * 100):>3} %  overall {tally.line('overall')}  "
                f"excerpts {tally.line('form=excerpt')}  headlines {tally.line('form=headline+summary')}"
            )
    if args.grid:
        for c_kind in (0.1, 0.3, 1.0):
            for threshold in (0.4, 0.5, 0.6):
                tally, _ = cross_validate(items, rows, c_kind=c_kind, threshold=threshold)
                print(f"  C={c_kind} threshold={threshold}: {tally.line('overall')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(WEIGHTS), help="where the weights go")
    parser.add_argument("--cv-only", action="store_true", help="report, write nothing")
    parser.add_argument("--no-cv", action="store_true", help="write the weights, no report")
    parser.add_argument("--curve", action="store_true", help="also the learning curve")
    parser.add_argument("--tags", action="store_true", help="also P/R per tag")
    parser.add_argument("--grid", action="store_true", help="also the CV figures of other settings")
    args = parser.parse_args(argv)
    missing = [str(p) for p in LABELLED if not p.exists()]
    if missing:
        print(f"train_extractor: labelled data not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    items = load_items()
    rows = [item_rows(item) for item in items]
    if not args.no_cv:
        _report(items, rows, args)
    if not args.cv_only:
        model = fit(rows)
        Path(args.out).write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.out}: {sum(len(model[d]['weights']) for d in ('kind', 'status', 'context'))} weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
