"""Figures that do not fit together. A round larger than the valuation it comes with, or than the
company's last known valuation, is far more often a misread figure (a valuation read as a round, a
rival's round, a total) than news; so is a valuation ten times above (within a year, or a hundred
times at any age) or below the current one. Each
waits for another site to say it before anyone is alerted. (A last known valuation more than a
quarter old holds only a round that names no investors, as a misread value does; the latest round
raised since that valuation counts in its bound.)"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from watcher.diff import convert
from watcher.models import Change, Fact
from watcher.state import KnownFact, current_state, days_apart, happened, period_before, same_moment

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
    state = current_state(known)
    latest = state.valuation
    value = convert(latest.fact.money, "EUR", rates) if latest is not None else None
    if latest is None or value is None or _told_long_after(change, latest):
        return None
    # The latest confirmed round raised since that valuation adds to what the company is worth at least.
    since = state.round if state.round is not None and _raised_after(state.round, latest) else None
    raised = (convert(since.fact.money, "EUR", rates) or Decimal(0)) if since is not None else Decimal(0)
    if amount > (value + raised) * _SLACK:
        return (
            f"a round larger than the last known valuation "
            f"({latest.fact.amount:,.0f} {latest.fact.currency}, {latest.period or 'undated'})"
            + (" and the round since" if raised else "")
        )
    return None


# A valuation from the last quarter measures any round; an older one only a round that names no
# investors, as a misread value does. (A company grows: the round after a year-old valuation may be
# larger than it, and is told with its investors.)
_RECENT_VALUATION_DAYS = 90


def _told_long_after(change: Change, valuation: KnownFact) -> bool:
    apart = days_apart(change.new_date, happened(valuation))
    named = bool(change.lead_investors or change.investors)
    return named and apart is not None and apart > _RECENT_VALUATION_DAYS


def _raised_after(k: KnownFact, valuation: KnownFact) -> bool:
    """Whether the round ``k`` was raised after ``valuation``'s event: the company is worth at least that
    much more since ("valued at 50M" in 2016, then 22M raised in 2017: a 70M round in 2018 fits)."""
    return period_before(happened(valuation), happened(k)) and not same_moment(k, valuation)


# A valuation ten times the current one within a year is more often another company's figure or a
# misread than news. Young companies do grow that fast, but over rounds a year or more apart. A fall
# to a tenth is rare at any distance (the deepest down rounds lose five or six tenths), while a
# misread figure (millions read for billions) is not: a fall waits whatever its age.
_JUMP_FACTOR = Decimal(10)
_JUMP_WINDOW_DAYS = 365
# At any distance, a hundredfold is not a company's growth between the rounds the watcher sees (the
# fastest grow some fifty times in two years) but a misread figure or another company's value: "while
# Kobalt's worth climbed past $900 billion", in a story about a startup worth $2bn.
_FAR_JUMP_FACTOR = Decimal(100)


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
    if new >= old * _JUMP_FACTOR and (
        apart is None or apart <= _JUMP_WINDOW_DAYS or new >= old * _FAR_JUMP_FACTOR
    ):
        return f"a {new / old:.1f}x move from the current valuation"
    return None
