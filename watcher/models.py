"""Value types shared by every layer. Frozen, comparable, no I/O.

Amounts are ``Decimal`` in currency units (never binary floats), currencies ISO 4217.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal

FactKind = Literal["valuation", "funding_round", "total_raised", "investment"]
FactStatus = Literal["announced", "reported", "rumoured"]
# ``investment`` is one investor's contribution: evidence that a round exists, never its size.
FACT_KINDS: tuple[str, ...] = ("valuation", "funding_round", "total_raised", "investment")
FACT_STATUSES: tuple[str, ...] = ("announced", "reported", "rumoured")
# Each change kind and the fact kind it is about (None: any kind), for filtering a timeline.
CHANGE_KINDS: dict[str, str | None] = {
    "new_round": "funding_round",
    "valuation_change": "valuation",
    "total_raised_change": "total_raised",
    "status_change": None,
    "correction": None,
}
ROUNDS: tuple[str, ...] = (
    "pre_seed",
    "seed",
    "series_a",
    "series_b",
    "series_c",
    "series_d",
    "series_e",
    "series_f",
    "extension",
    "bridge",
    "growth",
)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    approx: bool = False


@dataclass(frozen=True)
class Fact:
    """One funding fact the text attributes to the tracked entity.

    ``round`` is a value of ``ROUNDS`` or a compound such as ``series_a_extension``.
    ``bound`` is "lower" for "more than / plus de", "upper" for "up to / jusqu'à".
    ``context`` is "background" when the sentence restates an earlier fact
    (pluperfect, "last year", "previously"), else "main".
    """

    kind: str
    amount: Decimal
    currency: str
    approx: bool = False
    round: str | None = None
    lead_investors: tuple[str, ...] = ()
    investors: tuple[str, ...] = ()
    status: str = "announced"
    evidence: str = ""
    equivalent: Money | None = None
    bound: str | None = None
    basis: str | None = None
    context: str = "main"
    amount_max: Decimal | None = None
    # How sure the extractor is that this is the entity's fact of this kind and status (0..1),
    # and why: the cues that tied it to the entity, made it this kind, gave it this status.
    # Excluded from equality so that two readings of one fact compare equal.
    confidence: float = field(default=1.0, compare=False)
    reasons: tuple[str, ...] = field(default=(), compare=False)

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency, self.approx)


@dataclass(frozen=True)
class Entity:
    name: str
    aliases: tuple[str, ...] = ()
    seeds: str | None = None
    # The entity's own newsroom sites: what they publish is trusted without corroboration.
    official_domains: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# ``correction``: later sources moved an alerted event's figure materially; ``corrects`` is the
# id of the change it corrects. ``total_raised_change`` is kept for rows written by older versions.
ChangeKind = Literal["new_round", "valuation_change", "status_change", "correction", "total_raised_change"]


@dataclass(frozen=True)
class Change:
    """A fact that is new or different from what was known about an entity.

    ``old``/``new`` are the amounts as reported; ``old_base``/``new_base`` the same
    converted to the configured base currency. Dates are ISO periods ("2024-06" or
    "2024-06-11"), None when unknown.
    """

    entity: str
    kind: str
    status: str
    new: Money
    detected_at: datetime
    fact_kind: str = "valuation"
    round: str | None = None
    old: Money | None = None
    new_date: str | None = None
    old_date: str | None = None
    new_base: Money | None = None
    old_base: Money | None = None
    old_status: str | None = None
    url: str = ""
    title: str = ""
    evidence: str = ""
    sources: int = 1
    lead_investors: tuple[str, ...] = ()
    investors: tuple[str, ...] = ()
    id: int | None = None
    corrects: int | None = None
    confidence: float = 1.0
    rejected: str | None = None  # the user's reason, when they rejected it
    # The event it belongs to, for messages (``watcher.events``): ``thread`` is the id of the
    # change that opened the event's first message; ``message`` the id of the change leading
    # the message that carried it, None when it moved nothing and was sent in none.
    thread: int | None = None
    message: int | None = None


@dataclass(frozen=True)
class EventAlert:
    """One message about one event of one company: the changes it announces, and the event so far.

    ``event`` holds every change of the event up to this message, those sent in none included
    (the talks' range is drawn from all of them). ``follows`` is the id of the change leading
    the event's first message when this one is an update: channels thread it under that one.
    """

    entity: str
    changes: tuple[Change, ...]
    event: tuple[Change, ...] = ()
    follows: int | None = None


@dataclass(frozen=True)
class FeedHealth:
    """A feed went down (``feed_down``) or came back (``feed_recovered``)."""

    kind: str
    feed_url: str
    detected_at: datetime
    feed_name: str = ""
    error: str = ""
    failures: int = 0


@dataclass(frozen=True)
class Digest:
    """The daily summary sent by email: the day's changes and the feeds that are failing.

    ``day`` is the local date it summarises ("2026-11-27"); ``since`` the moment the
    previous digest was made, so no change falls between two digests.
    """

    day: str
    since: datetime
    made_at: datetime
    changes: tuple[Change, ...] = ()
    failing_feeds: tuple[FeedHealth, ...] = ()
    # Facts still waiting for corroboration by other sites, one line each.
    pending: tuple[str, ...] = ()
    # Where each company with changes stands now (the state status shows), one line each.
    states: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alert:
    """One message for one channel, as kept in the outbox."""

    id: int
    channel: str
    subject: Change | FeedHealth | None = None
    created_at: datetime | None = None
    attempts: int = 0
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
