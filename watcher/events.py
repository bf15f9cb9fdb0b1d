"""Which message carries each change: one message per event, updates threaded (pure logic).

A person wants to hear about an event once, and again only when it moves:

- **Talks** (rumoured rounds and valuations) about one upcoming round are one event, whatever
  figures the sources float (EUR 1bn, 1.3bn, 2bn, at about 10bn): the first message says
  "talks", and later rumours are sent again, as an update threaded under it, only when they
  move the figures materially (beyond the event tolerance of the range known so far, or a kind
  of figure the event did not have). The talks end when a confirmed round or valuation happens
  after them; rumours later than that are new talks.
- **A confirmed event** (a round and its valuation, a rumour confirmed) is one message for the
  figures of one kind dated within ``SAME_EVENT_DAYS``; a figure of it that arrives in a later
  cycle is an update threaded under it, and one that repeats what was sent is in no message.
- **A correction** is an update of the event it corrects.

Changes of one cycle that land in one event go in one message. With ``group = "cycle"``, a
company's changes of one cycle are one message, whatever their events (corrections still say
which message they correct).

Every change stays in the history whatever message carries it: this only decides messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from watcher.diff import ROUND_TOLERANCE
from watcher.models import Change, EventAlert
from watcher.state import SAME_EVENT_DAYS, days_apart, not_after, period_before

# Talks about one round run for months (first reports, new figures, a term sheet); after this
# long without news, rumours are about another round.
TALKS_WINDOW_DAYS = 180
_TALKS_KINDS = frozenset({"new_round", "valuation_change"})
_CONFIRMING_KINDS = frozenset({"new_round", "valuation_change", "status_change"})


@dataclass(frozen=True)
class Placed:
    """Where one change goes: its event (``thread``) and its message (None: in none)."""

    change_id: int
    thread: int
    message: int | None


def talks(change: Change) -> bool:
    """A rumoured round or valuation: part of the talks before a round."""
    return change.status == "rumoured" and change.kind in _TALKS_KINDS


def _when(change: Change) -> str:
    return change.new_date or change.detected_at.date().isoformat()


@dataclass
class _Event:
    id: int
    talks: bool
    changes: list[Change] = field(default_factory=list)

    @property
    def first(self) -> str:
        return min(_when(c) for c in self.changes)

    @property
    def last(self) -> str:
        return max(_when(c) for c in self.changes)


def _tolerance(fact_kind: str, min_change: Decimal) -> Decimal:
    return ROUND_TOLERANCE if fact_kind == "funding_round" else max(min_change, Decimal("0.02"))


def moves(event: Sequence[Change], change: Change, min_change: Decimal) -> bool:
    """Whether ``change`` moves what ``event`` said materially: a kind of figure it did not have,
    a confirmation, or an amount beyond the tolerance of the range of its kind."""
    if change.kind in ("status_change", "correction"):
        return True
    same = [c for c in event if c.fact_kind == change.fact_kind and c.kind != "status_change"]
    amount = _base(change)
    amounts = [a for c in same if (a := _base(c)) is not None]
    if not amounts or amount is None:
        return not same
    tolerance = _tolerance(change.fact_kind, min_change)
    return amount > max(amounts) * (1 + tolerance) or amount * (1 + tolerance) < min(amounts)


def _base(change: Change) -> Decimal | None:
    return change.new_base.amount if change.new_base is not None else None


def _open(event: _Event, change: Change, confirmed: Sequence[Change]) -> bool:
    when = _when(change)
    if event.talks:
        apart = days_apart(when, event.last)
        if apart is not None and apart > TALKS_WINDOW_DAYS:
            return False
        # A confirmed round or valuation after the talks ended them.
        return not any(period_before(event.last, _when(c)) and not_after(_when(c), when) for c in confirmed)
    apart = days_apart(when, event.first)
    return apart is None or apart <= SAME_EVENT_DAYS


def place(
    previous: Sequence[Change],
    new: Sequence[Change],
    *,
    group: str = "event",
    min_change: Decimal = Decimal("0.10"),
) -> list[Placed]:
    """The event and message of each of ``new`` (one company's changes of one cycle, with ids),
    given its ``previous`` changes (with their ``thread``)."""
    events: dict[int, _Event] = {}
    thread_of: dict[int, int] = {}
    for c in sorted(previous, key=lambda c: c.id or 0):
        assert c.id is not None
        tid = c.thread if c.thread is not None else c.id
        thread_of[c.id] = tid
        events.setdefault(tid, _Event(tid, talks(c))).changes.append(c)
    confirmed = [c for c in previous if c.kind in _CONFIRMING_KINDS and not talks(c)]
    out: list[Placed] = []
    # This cycle's message of each event: changes of one cycle in one event go in one message.
    cycle_message: dict[int, int] = {}
    lead: int | None = None  # group = "cycle": the company's one message of this cycle
    for c in sorted(new, key=lambda c: c.id or 0):
        assert c.id is not None
        if c.kind == "correction":
            tid = thread_of.get(c.corrects or -1, c.id)
            event = events.setdefault(tid, _Event(tid, False))
            fresh = True
        else:
            candidates = [e for e in events.values() if e.talks == talks(c) and _open(e, c, confirmed)]
            found = max(candidates, key=lambda e: max(x.id or 0 for x in e.changes), default=None)
            fresh = found is None or moves(found.changes, c, min_change)
            event = found if found is not None else events.setdefault(c.id, _Event(c.id, talks(c)))
            tid = event.id
        if group == "cycle":
            lead = c.id if lead is None else lead
            message: int | None = lead
        elif not fresh:
            message = None
        else:
            message = cycle_message.setdefault(tid, c.id)
        event.changes.append(c)
        thread_of[c.id] = tid
        if c.kind in _CONFIRMING_KINDS and not talks(c):
            confirmed.append(c)
        out.append(Placed(c.id, tid, message))
    return out


def follows(lead: Change) -> int | None:
    """The change whose message ``lead``'s message updates (threads under), if it is an update."""
    if lead.thread is not None and lead.thread != lead.id:
        return lead.thread
    return lead.corrects


def alert_for(lead: Change, carried: Sequence[Change], event: Sequence[Change]) -> Change | EventAlert:
    """What one message says: a lone confirmed change as before, or the event (talks, several
    figures). ``carried``: the changes the message carries; ``event``: the event's so far."""
    if not talks(lead) and [c.id for c in carried] in ([], [lead.id]):
        return lead
    last = max((c.id or 0 for c in carried), default=lead.id or 0)
    return EventAlert(
        entity=lead.entity,
        changes=tuple(carried) or (lead,),
        event=tuple(c for c in event if (c.id or 0) <= last),
        follows=follows(lead),
    )


def closed_rounds(history: Sequence[tuple[str | None, str]], *, implied: bool = False) -> dict[str, str]:
    """The round names a company had closed, with when, from its confirmed rounds (oldest first).

    With ``implied``, an unnamed round after a named series takes the next letter (a round of
    June 2024 after a Series A is the Series B): talks about the next round recap the last one
    under its name, which the company's own facts may never have given.
    """
    closed: dict[str, str] = {}
    letter: str | None = None
    counted: str | None = None  # when the last series (named or implied) happened
    for name, when in history:
        if name is not None:
            closed.setdefault(name, when)
            m = re.fullmatch(r"series_([a-z])", name)
            if m and (letter is None or m.group(1) > letter):
                letter, counted = m.group(1), when
            continue
        if not implied or letter is None or letter >= "z":
            continue
        apart = days_apart(counted, when)
        if apart is not None and apart <= SAME_EVENT_DAYS:
            continue  # another figure of the round just counted
        letter, counted = chr(ord(letter) + 1), when
        closed.setdefault(f"series_{letter}", when)
    return closed


def event_round(round_: str | None, when: str | None, closed: Mapping[str, str | None]) -> str | None:
    """The round name a change may carry: the one its sources give, unless it names a round the
    company had already closed before this event (talks of the next round recapping the last)."""
    if round_ is None or round_ not in closed:
        return round_
    before = closed[round_]
    if not before or not when:
        return round_
    apart = days_apart(before, when)
    if period_before(before, when) and (apart is None or apart > SAME_EVENT_DAYS):
        return None
    return round_
