"""The fitted decisions applied to every candidate figure: the company's fact or not, its kind, status
and context. Where the rules read the figure, their reading (round name, investors, basis) is kept and
only what the fitted decisions overturn changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from watcher.facts.candidates import Candidate
from watcher.facts.fitted import Decision, Model
from watcher.facts.rounds import _round_for
from watcher.facts.state import _Cand, _Doc
from watcher.facts.status import _basis, _figure_context, _status
from watcher.facts.walk import _Walk

__all__ = ["base_reading", "decide", "may_add", "second_features", "verdict"]


def base_reading(cand: Candidate, doc: _Doc, walk: _Walk) -> _Cand:
    """The rules' reading of the figure as the company's fact: their own when they kept one, else the
    status, context and round name their helpers give the figure."""
    kept = cand.kept or (cand.rule if cand.rule is not None and cand.rule.owner == "entity" else None)
    if kept is not None:
        return replace(kept, lead=list(kept.lead), investors=list(kept.investors), reasons=list(kept.reasons))
    idx, mention = cand.sent_index, cand.mention
    low = doc.folded[idx]
    status, status_how = _status(doc, idx, low, mention)
    reading = _Cand(
        sent_index=idx,
        mention=mention,
        kind="funding_round",
        owner="entity",
        status=status,
        context=_figure_context(doc, low, mention, 0, len(low)),
        round=_round_for(low, mention, walk.rounds(idx)),
        reasons=["owner: the fitted decision", status_how],
    )
    return reading


def second_features(cand: Candidate, reading: _Cand) -> tuple[str, ...]:
    """The features of the status and context decisions: the candidate's, and the rules' verdicts."""
    return (*cand.features, f"st:{reading.status}", f"cx:{reading.context}")


SCORED = ("funding_round", "valuation")


def verdict(rule_kind: str | None, probs: dict[str, float], drop: float, add: float) -> str | None:
    """The kind a figure is given, or None: the rules' reading stands unless the fitted decision is sure
    it is no fact of the company (``drop``) or sure of the other scored kind (``add``); a figure the
    rules left out comes in only when the fitted decision is sure of it (``add``)."""
    best = max(probs, key=lambda k: probs[k])
    if rule_kind is not None:
        if probs.get("none", 0.0) >= drop:
            return None
        if rule_kind in SCORED and best in SCORED and best != rule_kind and probs[best] >= add:
            return best
        return rule_kind
    return best if best in SCORED and probs[best] >= add else None


def may_add(cand: Candidate) -> bool:
    """Whether the kind decision may bring the figure in: never one the rules gave to another company
    they named ("X invested $10M in Y ... a $40M round for Y" is Y's round, not X's), nor one whose
    frame the rules read as no funding at all (a price paid, a deal's worth, a gap, a flow: of 143 such
    figures in the labelled real text, 9 were a company's round or valuation)."""
    if "rule:cat=non" in cand.features:
        return False
    return cand.rule is None or cand.rule.owner == "entity"


def _second(decision: Decision, features: tuple[str, ...], rules: str, sure: float) -> str:
    if sure > 1:
        return rules  # this decision never overturns the rules: no need to score it
    label, p = decision.best(features)
    return label if label == rules or p >= sure else rules


def decide(cands: Sequence[Candidate], doc: _Doc, walk: _Walk, model: Model) -> list[_Cand]:
    """The candidates the fitted decisions keep, with their kind, status and context."""
    out: list[tuple[_Cand, float]] = []
    for cand in cands:
        probs = model.kind.probabilities(cand.features)
        add = model.add if may_add(cand) else 2.0  # above any probability: never brought in
        kind = verdict(cand.kept.kind if cand.kept else None, probs, model.drop, add)
        if kind is None:
            continue
        reading = base_reading(cand, doc, walk)
        features = second_features(cand, reading)
        reading.status = _second(model.status, features, reading.status, model.status_sure)
        to_main = reading.context == "background"
        sure = model.context_main_sure if to_main else model.context_sure
        reading.context = _second(model.context, features, reading.context, sure)
        if kind != reading.kind:
            reading.reasons.append(f"kind: {kind}, fitted on real text, where the rules read {reading.kind}")
        reading.kind = kind
        reading.owner = "entity"
        if kind == "valuation" and reading.basis is None:
            reading.basis = _basis(doc.folded[cand.sent_index], cand.mention)
        if cand.kept is None:
            reading.confidence = round(probs[kind], 2)
        out.append((reading, probs.get(kind, 0.0)))
    return _one_kind_per_figure(out)


def _one_kind_per_figure(readings: list[tuple[_Cand, float]]) -> list[_Cand]:
    """One sum of one sentence is not both a round and a valuation ("$2bn at a $2bn valuation" is not
    a thing): where a sentence gives a round and a valuation of the same amount, the likelier stands."""
    out: list[_Cand] = []
    for reading, p in readings:
        m = reading.mention
        rivals = [
            q
            for other, q in readings
            if other is not reading
            and other.sent_index == reading.sent_index
            and {other.kind, reading.kind} == set(SCORED)
            and other.mention.currency == m.currency
            and abs(other.mention.amount - m.amount) <= m.amount / 50
        ]
        if all(p > q or (p == q and reading.kind == "funding_round") for q in rivals):
            out.append(reading)
    return out
