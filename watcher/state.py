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

import functools
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


@functools.lru_cache(maxsize=4096)
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
    # fixed decision order). Which of an event's figures stands is ``_standing``'s business.
    return (happened(k), k.fact.confidence, k.id if k.id is not None else 1 << 62)


_STATUS_RANK = {"rumoured": 0, "reported": 1, "announced": 2}
# Figures of one kind dated this close are one event seen from several sides (a pre-money and a
# post-money valuation, a press estimate beside the announcement), not two events: which of them
# stands is decided by how well each is established, not by which article came out a day later.
SAME_EVENT_DAYS = 31


def same_moment(a: KnownFact, b: KnownFact) -> bool:
    """Whether two facts happened at one event's time: same date, or both dated and close."""
    ha, hb = happened(a), happened(b)
    if ha == hb:
        return True
    apart = days_apart(ha, hb)
    return apart is not None and apart <= SAME_EVENT_DAYS


def _standing(k: KnownFact) -> tuple[int, int, float, str, int]:
    # Announced over reported over rumoured; then the figure more documents give; then the more
    # confident; then the later, the later recorded (ties fall to content and order, never chance).
    return (
        _STATUS_RANK.get(k.fact.status, 0),
        k.sources,
        k.fact.confidence,
        happened(k),
        k.id if k.id is not None else 1 << 62,
    )


def _latest_event(pool: list[KnownFact]) -> list[KnownFact]:
    """The facts of ``pool`` that belong to its latest event (see ``same_moment``)."""
    if not pool:
        return []
    last = max(pool, key=_rank)
    group = [k for k in pool if same_moment(k, last)]
    # A pre-money figure is the company before the money came in: never "the valuation" when the
    # same event gives one after it (or one that does not say, which the press means as after).
    post = [k for k in group if k.fact.basis != "pre_money"]
    return post or group


def latest_of(known: Iterable[KnownFact], kind: str, *, confirmed: bool = True) -> KnownFact | None:
    """The fact of ``kind`` that stands for its latest event; with ``confirmed``, rumours are left out."""
    pool = [k for k in known if k.fact.kind == kind and (not confirmed or k.fact.status != "rumoured")]
    return max(_latest_event(pool), key=_standing, default=None)


def contested(known: Iterable[KnownFact]) -> list[int]:
    """Ids of the heads whose standing depends on their number of sources: those sharing the
    latest event of their kind with another head. Only these need their sources counted."""
    facts = [k for k in known if not k.alternate]
    out: list[int] = []
    for kind in ("valuation", "funding_round", "total_raised"):
        group = _latest_event([k for k in facts if k.fact.kind == kind and k.fact.status != "rumoured"])
        if len(group) > 1:
            out.extend(k.id for k in group if k.id is not None)
    return sorted(set(out))


def current_state(known: Iterable[KnownFact]) -> EntityState:
    """The entity's state from its known facts (event heads, not re-reports)."""
    facts = [k for k in known if not k.alternate]
    valuation = latest_of(facts, "valuation")
    round_ = latest_of(facts, "funding_round")
    total = latest_of(facts, "total_raised")
    rumours: list[KnownFact] = []
    # When the latest confirmed event of each kind happened (its last figure, whichever stands).
    closed_at = {
        kind: max(
            (happened(k) for k in facts if k.fact.kind == kind and k.fact.status != "rumoured"), default=None
        )
        for kind in ("valuation", "funding_round")
    }
    for k in facts:
        if k.fact.status != "rumoured" or k.fact.kind not in ("valuation", "funding_round"):
            continue
        # A rumour is open while nothing confirmed of its kind happened after it.
        if not period_before(happened(k), closed_at[k.fact.kind]):
            rumours.append(k)
    rumours.sort(key=_rank, reverse=True)
    return EntityState(valuation=valuation, round=round_, total_raised=total, rumours=tuple(rumours))


def clamp_period(published: str | None, now: datetime) -> str:
    """A publication date, never later than the fetch time (an item dated 2100 is read as today)."""
    today = now.date().isoformat()
    if not published:
        return today
    return today if published[: len(today)] > today[: len(published)] else published
