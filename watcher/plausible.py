"""Figures that do not fit together. A round larger than the valuation it comes with, or than the
company's last known valuation, is far more often a misread figure (a valuation read as a round, a
rival's round, a total) than news; so is a valuation ten times above or below the current one. Each
waits for another site to say it before anyone is alerted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from watcher.diff import convert
from watcher.models import Change, Fact
from watcher.state import KnownFact, current_state, days_apart

__all__ = ["oversized_round", "valuation_jump"]

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
        # (The valuation of the same deal: a rumoured round is not measured by an announced value.)
        same_deal = fact.context == "main" and fact.status == change.status
        if value is not None and same_deal and amount > value * _SLACK:
            return f"a round larger than the valuation it comes with ({fact.amount:,.0f} {fact.currency})"
    latest = current_state(known).valuation
    value = convert(latest.fact.money, "EUR", rates) if latest is not None else None
    if latest is not None and value is not None and amount > value * _SLACK:
        return (
            f"a round larger than the last known valuation "
            f"({latest.fact.amount:,.0f} {latest.fact.currency}, {latest.period or 'undated'})"
        )
    return None


# A valuation ten times the current one within a year is more often another company's figure or a
# misread than news. Young companies do grow that fast, but over rounds a year or more apart. A fall
# to a tenth is rare at any distance (the deepest down rounds lose five or six tenths), while a
# misread figure (millions read for billions) is not: a fall waits whatever its age.
_JUMP_FACTOR = Decimal(10)
_JUMP_WINDOW_DAYS = 365


def valuation_jump(change: Change) -> str | None:
    """Why the new valuation ``change`` announces is too far from the current one to stand alone."""
    if change.kind != "valuation_change" or change.old_base is None or change.new_base is None:
        return None
    old, new = change.old_base.amount, change.new_base.amount
    if old <= 0 or new <= 0:
        return None
    if old >= new * _JUMP_FACTOR:
        return f"a fall to 1/{old / new:.1f} of the current valuation"
    apart = days_apart(change.new_date, change.old_date)
    if new >= old * _JUMP_FACTOR and (apart is None or apart <= _JUMP_WINDOW_DAYS):
        return f"a {new / old:.1f}x move from the current valuation"
    return None
