"""The fitted decisions applied to every candidate figure: the company's fact or not, its kind, status
and context. Where the rules read the figure, their reading (round name, investors, basis) is kept and
only what the fitted decisions overturn changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from watcher.facts.candidates import Candidate
from watcher.facts.fitted import Model
from watcher.facts.rounds import _round_for
from watcher.facts.state import _Cand, _Doc
from watcher.facts.status import _basis, _clause, _context, _status
from watcher.facts.walk import _Walk

__all__ = ["base_reading", "decide", "second_features"]


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
        context=_context(doc, _clause(low, mention, 0, len(low))),
        round=_round_for(low, mention, walk.rounds(idx)),
        reasons=["owner: the fitted decision", status_how],
    )
    return reading


def second_features(cand: Candidate, reading: _Cand) -> tuple[str, ...]:
    """The features of the status and context decisions: the candidate's, and the rules' verdicts."""
    return (*cand.features, f"st:{reading.status}", f"cx:{reading.context}")


def decide(cands: Sequence[Candidate], doc: _Doc, walk: _Walk, model: Model) -> list[_Cand]:
    """The candidates the fitted kind decision keeps, with the fitted status and context."""
    out: list[_Cand] = []
    for cand in cands:
        kind, p = model.kind.best(cand.features)
        if kind == "none" or p < model.threshold:
            continue
        reading = base_reading(cand, doc, walk)
        features = second_features(cand, reading)
        reading.status = model.status.best(features)[0]
        reading.context = model.context.best(features)[0]
        if kind != reading.kind:
            reading.reasons.append(f"kind: {kind}, fitted on real text, where the rules read {reading.kind}")
        reading.kind = kind
        reading.owner = "entity"
        if kind == "valuation" and reading.basis is None:
            reading.basis = _basis(doc.folded[cand.sent_index], cand.mention)
        reading.confidence = round(p, 2)
        out.append(reading)
    return out
