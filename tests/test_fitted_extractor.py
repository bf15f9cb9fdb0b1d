"""The fitted decisions of the extractor: how a decision scores, how it overturns the rules, and that the
weights shipped are the ones ``benchmarks/train_extractor.py`` fits from the labelled data."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from watcher.facts import extract_facts
from watcher.facts.decide import verdict
from watcher.facts.fitted import Decision, Model, packaged_model

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "watcher" / "facts" / "lexicons" / "extractor.json"
SHARED = ROOT.parent / "shared"


def test_a_decision_is_a_softmax_over_summed_weights() -> None:
    decision = Decision(classes=("none", "funding_round"), intercept=(0.0, -1.0), weights={"a": (0.0, 3.0)})
    assert decision.best(["b"]) == ("none", pytest.approx(0.7310585786))
    label, p = decision.best(["a", "a", "b"])  # a feature counts once, however often it is listed
    assert label == "funding_round" and p == pytest.approx(0.8807970779)


@pytest.mark.parametrize(
    ("rule_kind", "probs", "expected"),
    [
        # The rules' reading stands unless the fitted decision is sure it is no fact...
        ("funding_round", {"none": 0.6, "funding_round": 0.4}, "funding_round"),
        ("funding_round", {"none": 0.8, "funding_round": 0.2}, None),
        # ...or sure of the other scored kind.
        ("funding_round", {"none": 0.1, "funding_round": 0.15, "valuation": 0.75}, "valuation"),
        ("funding_round", {"none": 0.1, "funding_round": 0.3, "valuation": 0.6}, "funding_round"),
        # A total or a ticket the rules read is never turned into a round by the kind decision.
        ("total_raised", {"none": 0.1, "funding_round": 0.9}, "total_raised"),
        # A figure the rules left out comes in only when the decision is sure of it.
        (None, {"none": 0.35, "valuation": 0.65}, None),
        (None, {"none": 0.2, "valuation": 0.8}, "valuation"),
        (None, {"none": 0.1, "total_raised": 0.9}, None),
    ],
)
def test_verdict_overturns_the_rules_only_when_sure(
    rule_kind: str | None, probs: dict[str, float], expected: str | None
) -> None:
    assert verdict(rule_kind, probs, drop=0.7, add=0.7) == expected


def test_the_packaged_model_is_whole() -> None:
    model = packaged_model()
    assert set(model.kind.classes) == {"none", "funding_round", "valuation", "total_raised"}
    assert set(model.status.classes) == {"announced", "reported", "rumoured"}
    assert set(model.context.classes) == {"main", "background"}
    for decision in (model.kind, model.status, model.context):
        assert all(len(row) == len(decision.classes) for row in decision.weights.values())
    assert 0.5 <= model.drop <= 1.01 and 0.5 <= model.add <= 1.01


def test_rules_alone_and_fitted_read_the_same_plain_announcement() -> None:
    text = "Zephyr AI a levé 40 millions d'euros lors d'une série B menée par Orion Partners."
    for model in ("rules", None):
        facts = extract_facts(text, "Zephyr AI", model=model)
        assert [(f.kind, f.amount, f.currency) for f in facts] == [("funding_round", 40_000_000, "EUR")]


def test_a_model_that_is_sure_a_figure_is_no_fact_drops_what_the_rules_kept() -> None:
    text = "Zephyr AI a levé 40 millions d'euros lors d'une série B menée par Orion Partners."
    sure_none = Model.from_json(
        {
            "drop": 0.6,
            "add": 0.9,
            "status_sure": 1.01,
            "context_sure": 1.01,
            "context_main_sure": 1.01,
            "kind": {"classes": ["funding_round", "none"], "intercept": [0.0, 5.0], "weights": {}},
            "status": {"classes": ["announced"], "intercept": [0.0], "weights": {}},
            "context": {"classes": ["main"], "intercept": [0.0], "weights": {}},
        }
    )
    assert extract_facts(text, "Zephyr AI", model=sure_none) == []


@pytest.mark.skipif(
    not (SHARED / "train").is_dir(),
    reason="the labelled data (../shared/train, ../shared/eval-dev) is not on this machine",
)
def test_the_shipped_weights_are_what_the_training_script_fits(tmp_path: Path) -> None:
    out = tmp_path / "extractor.json"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "train_extractor.py"), "--no-cv", "--out", str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert out.read_bytes() == WEIGHTS.read_bytes()


def test_one_sum_of_one_sentence_is_not_both_a_round_and_a_valuation() -> None:
    # The rules read the first figure as the round and the second as the valuation: both stand, since
    # they differ; the same sum given twice in one sentence stands once, as its likelier kind.
    text = "Zephyr AI raised $100 million at a $100 million valuation, the company said."
    facts = extract_facts(text, "Zephyr AI")
    assert len([f for f in facts if f.amount == 100_000_000]) == 1
    differ = extract_facts("Zephyr AI raised $100 million at a $900 million valuation.", "Zephyr AI")
    assert sorted(f.kind for f in differ) == ["funding_round", "valuation"]


def test_a_restated_fact_takes_more_to_become_the_news() -> None:
    """The context decision overturns the rules' "background" only when surer than it must be to
    overturn their "main": a restated fact read as news is a false alert."""
    text = "Zephyr AI avait alors levé 40 millions d'euros."
    rules = extract_facts(text, "Zephyr AI", model="rules")
    assert [f.context for f in rules] == ["background"]

    def leaning_main(p_main: float) -> Model:
        score = math.log(p_main / (1 - p_main))
        return Model.from_json(
            {
                "drop": 1.01,
                "add": 1.01,
                "status_sure": 1.01,
                "context_sure": 0.75,
                "context_main_sure": 0.9,
                "kind": {"classes": ["funding_round", "none"], "intercept": [0.0, -5.0], "weights": {}},
                "status": {"classes": ["announced"], "intercept": [0.0], "weights": {}},
                "context": {"classes": ["background", "main"], "intercept": [0.0, score], "weights": {}},
            }
        )

    assert [f.context for f in extract_facts(text, "Zephyr AI", model=leaning_main(0.8))] == ["background"]
    assert [f.context for f in extract_facts(text, "Zephyr AI", model=leaning_main(0.95))] == ["main"]
