"""What is known about one entity right now, derived from its known facts (pure logic).

One function, ``current_state``, reads the facts a decision needs and returns the latest
confirmed valuation, the latest confirmed round, the open rumours and the latest total
raised. The diff, ``status``, ``history``, the plot and the alerts all read it, so they
tell one story.

Facts are dated by when they happened, not when they were read: a fact restated as
background in a 2026 article is an old fact, so it never becomes "latest" over one that
was reported as news.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from watcher.models import Fact

# A period a background restatement is ranked at: before every dated fact.
_UNDATED = ""


@dataclass(frozen=True)
class KnownFact:
    """A fact already known for the entity; ``id`` is the store's, or None for one of this cycle.

    ``sources`` counts the documents that report it (itself included).
    """

    id: int | None
    fact: Fact
    period: str | None
    sources: int = 1
    baseline: bool = False
    # Another figure of the event ``id`` heads, given by a re-report: it matches new facts,
    # but the state is the heads'.
    alternate: bool = False


@dataclass(frozen=True)
class EntityState:
    valuation: KnownFact | None = None
    round: KnownFact | None = None
    total_raised: KnownFact | None = None
    rumours: tuple[KnownFact, ...] = ()

    def latest(self, kind: str) -> KnownFact | None:
        return {
            "valuation": self.valuation,
            "funding_round": self.round,
            "total_raised": self.total_raised,
        }.get(kind)


def period_date(period: str | None) -> date | None:
    """The day a period stands for: "2025-09" is mid-September, "2025" mid-year; None if unreadable."""
    if not period:
        return None
    parts = period[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 7
        day = int(parts[2]) if len(parts) > 2 else (15 if len(parts) > 1 else 1)
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def days_apart(a: str | None, b: str | None) -> int | None:
    """Absolute days between two periods, None when either is unknown."""
    da, db = period_date(a), period_date(b)
    if da is None or db is None:
        return None
    return abs((da - db).days)


def period_before(a: str | None, b: str | None) -> bool:
    """True when period ``a`` is strictly earlier than ``b`` at their common precision."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def not_after(a: str | None, b: str | None) -> bool:
    """True when period ``a`` is not later than ``b`` at their common precision (both known)."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def happened(k: KnownFact) -> str:
    """When the fact happened, for ranking: a background restatement is undated (oldest)."""
    if k.fact.context == "background" and not k.baseline:
        return _UNDATED
    return k.period or _UNDATED


def _rank(k: KnownFact) -> tuple[str, float, int]:
    # Later first; then the more confident; then the later recorded (ids grow with time, in the
    # fixed decision order). Not the number of sources: that grows after the fact, and "latest"
    # must not move when an old fact is re-reported.
    return (happened(k), k.fact.confidence, k.id if k.id is not None else 1 << 62)


def latest_of(known: Iterable[KnownFact], kind: str, *, confirmed: bool = True) -> KnownFact | None:
    """The most recent fact of ``kind``; with ``confirmed``, rumours are left out."""
    pool = [k for k in known if k.fact.kind == kind and (not confirmed or k.fact.status != "rumoured")]
    return max(pool, key=_rank, default=None)


def current_state(known: Iterable[KnownFact]) -> EntityState:
    """The entity's state from its known facts (event heads, not re-reports)."""
    facts = [k for k in known if not k.alternate]
    valuation = latest_of(facts, "valuation")
    round_ = latest_of(facts, "funding_round")
    total = latest_of(facts, "total_raised")
    rumours: list[KnownFact] = []
    for k in facts:
        if k.fact.status != "rumoured" or k.fact.kind not in ("valuation", "funding_round"):
            continue
        confirmed = valuation if k.fact.kind == "valuation" else round_
        # A rumour is open while nothing confirmed of its kind happened after it.
        if confirmed is None or not period_before(happened(k), happened(confirmed)):
            rumours.append(k)
    rumours.sort(key=_rank, reverse=True)
    return EntityState(valuation=valuation, round=round_, total_raised=total, rumours=tuple(rumours))


def clamp_period(published: str | None, now: datetime) -> str:
    """A publication date, never later than the fetch time (an item dated 2100 is read as today)."""
    today = now.date().isoformat()
    if not published:
        return today
    return today if published[: len(today)] > today[: len(published)] else published
