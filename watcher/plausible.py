"""Figures that do not fit together. A round larger than the valuation it comes with, or than the
company's last known valuation, is far more often a misread figure (a valuation read as a round, a
rival's round, a total) than news: it waits for another site to say it before anyone is alerted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from watcher.diff import convert
from watcher.models import Change, Fact
from watcher.state import KnownFact, current_state

__all__ = ["oversized_round"]

_SLACK = Decimal("1.02")  # the judges' 2 %: a round "at" its own valuation is not larger than it


def oversized_round(
    change: Change, document: Sequence[Fact], known: Iterable[KnownFact], rates: Mapping[str, Decimal]
) -> str | None:
    """Why the new round ``change`` announces cannot stand alone, or None when it fits."""
    if change.kind != "new_round":
        return None
    amount = convert(change.new, "EUR", rates)
    if amount is None:
        return None
    for fact in document:
        value = convert(fact.money, "EUR", rates) if fact.kind == "valuation" else None
        if value is not None and fact.context == "main" and amount > value * _SLACK:
            return f"a round larger than the valuation it comes with ({fact.amount:,.0f} {fact.currency})"
    latest = current_state(known).valuation
    value = convert(latest.fact.money, "EUR", rates) if latest is not None else None
    if latest is not None and value is not None and amount > value * _SLACK:
        return (
            f"a round larger than the last known valuation "
            f"({latest.fact.amount:,.0f} {latest.fact.currency}, {latest.period or 'undated'})"
        )
    return None
