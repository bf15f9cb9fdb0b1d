"""The fitted decisions: weights per feature, learned from real labelled text, applied by a dot product.

``lexicons/extractor.json`` is written by ``benchmarks/train_extractor.py`` (multinomial logistic
regression, company-grouped cross-validation); nothing heavier than ``json`` and ``math`` runs here, so
scoring a figure costs a few dictionary lookups.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from watcher.facts import lexicon

__all__ = ["Decision", "Model", "packaged_model"]


@dataclass(frozen=True)
class Decision:
    """One fitted decision (kind, status or context): a linear score per class, then a softmax."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        present = set(features)
        scores = [
            bias + sum(filter(None, map(column.get, present)))
            for bias, column in zip(self.intercept, self._columns, strict=True)
        ]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    @functools.cached_property
    def _columns(self) -> tuple[dict[str, float], ...]:
        """One feature-to-weight map per class: summed by ``map`` at C speed, not row by row."""
        return tuple(
            {f: row[i] for f, row in self.weights.items() if row[i]} for i in range(len(self.classes))
        )

    def best(self, features: Iterable[str]) -> tuple[str, float]:
        probs = self.probabilities(features)
        label = max(self.classes, key=lambda c: probs[c])
        return label, probs[label]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Decision:
        return cls(
            classes=tuple(data["classes"]),
            intercept=tuple(float(x) for x in data["intercept"]),
            weights={f: tuple(float(x) for x in row) for f, row in data["weights"].items()},
        )


@dataclass(frozen=True)
class Model:
    """The three fitted decisions, and how sure each must be to overturn the rules (``decide.verdict``):
    ``drop`` to take a figure the rules kept out, ``add`` to bring one in or change its kind,
    ``status_sure`` and ``context_sure`` to change its status or its context, ``context_main_sure`` to
    make a fact the rules read as background the news."""

    kind: Decision
    status: Decision
    context: Decision
    drop: float
    add: float
    status_sure: float
    context_sure: float
    context_main_sure: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Model:
        return cls(
            kind=Decision.from_json(data["kind"]),
            status=Decision.from_json(data["status"]),
            context=Decision.from_json(data["context"]),
            drop=float(data["drop"]),
            add=float(data["add"]),
            status_sure=float(data["status_sure"]),
            context_sure=float(data["context_sure"]),
            context_main_sure=float(data["context_main_sure"]),
        )


@functools.cache
def packaged_model() -> Model:
    """The weights shipped with the package (``lexicons/extractor.json``)."""
    return Model.from_json(lexicon.load("extractor"))
