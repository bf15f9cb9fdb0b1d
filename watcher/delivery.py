"""Send what the outbox holds, through each configured channel, and record the outcome.

Never twice on purpose:

- A pending row is sent only by whoever claimed it, in one UPDATE that sets an owner and
  a lease expiry (``Store.claim_alert``), so the daemon's jobs and a `watcher alerts send`
  beside it never both send a row. The clock is read at each claim, so the lease counts
  from the claim even late in a long round.
- A server's Retry-After counts from its answer and pauses its channel (kept in the
  database, so every deliverer honours it).
- Only one delivery round runs at a time in a process.
- A row whose send succeeded is remembered in this process until its "sent" mark lands.
  While the database refuses writes (a full disk), rounds back off and send nothing; the
  remembered marks are written first when it accepts writes again.
- A round checks a stop flag between messages, and a send and its mark form one section
  (``sending_section``) that a stopping daemon waits for instead of cutting it in two, up
  to its stop_timeout. A send whose channel still has not answered then (a hung SMTP
  server) is abandoned with its claim given back (``abandon_in_flight``): the receiver
  never said it took the message, and the next deliverer sends it at once.

What remains: a kill -9 between a send and its mark. The row stays claimed until its
lease runs out, and is then sent again; the email Message-ID (derived from the outbox
id) lets mail clients fold it, and webhooks carry an ``Idempotency-Key``. A failing
channel never blocks another: each row is tried on its own.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from watcher.alerts import Channel
from watcher.errors import DeliveryError, StoreError
from watcher.events import alert_for, follows
from watcher.models import Change, Digest, EventAlert, FeedHealth
from watcher.render import render
from watcher.settings import Settings
from watcher.store import OutboxRow, Store

log = logging.getLogger("watcher.delivery")

# A claim outlives twice the slowest channel's timeout plus this margin, so a slow send is
# never taken over by another deliverer; a claim left by a killed process delays its row
# by that long (a minute or two with the default timeouts), never longer.
LEASE_MARGIN_SECONDS = 30.0
# While the database refuses writes: wait this long, doubling up to the cap.
WRITE_BACKOFF_BASE = 5.0
WRITE_BACKOFF_MAX = 300.0

_OWNER_PREFIX = f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    dead: int = 0
    errors: list[str] = field(default_factory=list)
    held: int = 0  # sent, but the database has not accepted their "sent" mark yet
    stopped: bool = False  # the stop flag ended the round early
    paused: dict[str, datetime] = field(default_factory=dict)  # channel -> no send before this time


@dataclass
class _ProcessMemory:
    """What this process must remember between rounds, per database file."""

    round_lock: threading.Lock = field(default_factory=threading.Lock)
    # Held from just before a send until its mark is written (or given up on).
    sending: threading.Lock = field(default_factory=threading.Lock)
    guard: threading.Lock = field(default_factory=threading.Lock)
    unmarked: dict[str, dict[int, datetime]] = field(default_factory=dict)  # db -> alert id -> sent at
    backoff_until: dict[str, float] = field(default_factory=dict)  # db -> monotonic time
    backoff_delay: dict[str, float] = field(default_factory=dict)
    # The row whose channel has not answered yet: db -> (alert id, owner); what a stop abandons.
    in_flight: dict[str, tuple[int, str]] = field(default_factory=dict)


_memory = _ProcessMemory()

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def sending_section() -> threading.Lock:
    """The lock held across one send and its mark; hold it to keep any new send from starting."""
    return _memory.sending


def unmarked_alerts(db: str) -> dict[int, datetime]:
    """Alerts sent by this process whose "sent" mark has not landed yet (for tests and status)."""
    with _memory.guard:
        return dict(_memory.unmarked.get(db, {}))


def retry_delay(attempts: int, retry_after: float | None, settings: Settings) -> float:
    """Capped exponential backoff after ``attempts`` failures, never sooner than the server asked."""
    base = settings.alerts.retry_base * 2.0 ** max(0, attempts - 1)
    delay = min(base, settings.alerts.retry_max)
    if retry_after is not None:
        delay = max(delay, min(retry_after, settings.alerts.retry_max))
    return delay


def _subject(store: Store, row: OutboxRow) -> Change | EventAlert | FeedHealth | Digest | None:
    if row.digest_json is not None:
        return store.load_digest(row)
    if row.health is not None:
        return row.health
    if row.change_id is None:
        return None
    # A change row leads a message: the changes it carries and the event so far (watcher.events).
    carried, event = store.message_changes(row.change_id)
    if not carried:
        found = store.changes(ids=[row.change_id])
        return found[0] if found else None
    lead = next((c for c in carried if c.id == row.change_id), None)
    if lead is None:
        # The user rejected the change leading it since it was queued: the message says the
        # others, threaded where the lead's would have been.
        gone = store.changes(ids=[row.change_id])
        lead = gone[0] if gone else carried[0]
    return alert_for(lead, carried, event)


def lease_seconds(settings: Settings) -> float:
    """How long a claim holds: well past the time the slowest configured channel may take."""
    a = settings.alerts
    timeouts = [c.timeout for c in (a.email, a.slack, a.webhook) if c is not None]
    return 2.0 * max(timeouts, default=15.0) + LEASE_MARGIN_SECONDS


def _db_key(store: Store) -> str:
    return str(store.path.resolve()) if str(store.path) != ":memory:" else f":memory:{id(store)}"


def abandon_in_flight(store: Store) -> int | None:
    """Give back the claim of the alert this process is sending, if any; its id.

    For a stop that cannot wait any longer for a channel to answer: the process exits
    without the send's outcome, and the row, unclaimed, is the next deliverer's at once
    instead of after its lease. The receiver had not answered, so (a hung SMTP server
    that never acknowledged the data) it had not taken the message.
    """
    db = _db_key(store)
    with _memory.guard:
        held = _memory.in_flight.get(db)
    if held is None:
        return None
    alert_id, owner = held
    store.release_alert(alert_id, owner)
    return alert_id


def deliver_due(
    settings: Settings,
    store: Store,
    channels: Mapping[str, Channel],
    *,
    clock: Clock | None = None,
    now: datetime | None = None,
    stop: threading.Event | None = None,
    wait: bool = True,
) -> DeliveryReport:
    """Try every pending alert whose time has come; return what happened.

    ``clock`` (default: the real UTC clock) is read at each claim and each response, so a
    lease counts from its claim and a retry or Retry-After from the answer, however long
    the round has run. ``now`` instead stands for a clock stopped at that time (tests).

    Waits for a round already running in this process to end first (or for ``stop``);
    with ``wait=False`` returns at once instead, leaving the rows to that round or the next.
    """
    if clock is None:
        clock = _utc_now if now is None else (lambda: now)
    report = DeliveryReport()
    while not _memory.round_lock.acquire(timeout=0.2):
        if not wait or (stop is not None and stop.is_set()):
            report.stopped = stop is not None and stop.is_set()
            return report
    try:
        _round(settings, store, channels, clock, stop, report)
    finally:
        _memory.round_lock.release()
    return report


class _WritesRefused(Exception):
    """The database refused a write; the round ends and the next ones back off."""


def _round(
    settings: Settings,
    store: Store,
    channels: Mapping[str, Channel],
    clock: Clock,
    stop: threading.Event | None,
    report: DeliveryReport,
) -> None:
    db = _db_key(store)
    try:
        if not _flush_unmarked(store, db, report):
            return
        owner = f"{_OWNER_PREFIX}:{uuid.uuid4().hex[:8]}"
        start = clock()
        report.paused = store.channel_pauses(start)
        for row in store.due_alerts(start):
            if stop is not None and stop.is_set():
                report.stopped = True
                return
            if row.id in unmarked_alerts(db):
                continue
            paused = report.paused.get(row.channel)
            if paused is not None and paused > clock():
                continue  # its server asked to wait; the row keeps its place for later
            _one(settings, store, channels, row, owner, clock, db, report)
    except _WritesRefused as e:
        delay = _back_off(db)
        log.error("alerts: %s; holding delivery for %g s", e, delay)
        report.errors.append(str(e))
    report.held = len(unmarked_alerts(db))


def _ceil_second(moment: datetime) -> datetime:
    """``moment`` rounded up to a whole second: the store keeps seconds, and a time it cut
    down would let a retry come before the server's Retry-After."""
    if moment.microsecond:
        return moment.replace(microsecond=0) + timedelta(seconds=1)
    return moment


def _one(
    settings: Settings,
    store: Store,
    channels: Mapping[str, Channel],
    row: OutboxRow,
    owner: str,
    clock: Clock,
    db: str,
    report: DeliveryReport,
) -> None:
    channel = channels.get(row.channel)
    # The lease counts from this claim, not from the round's start: a round that has run
    # longer than a lease must not claim rows already free for another deliverer to take.
    claimed_at = clock()
    try:
        lease = timedelta(seconds=lease_seconds(settings))
        claimed = store.claim_alert(row.id, owner, now=claimed_at, until=claimed_at + lease)
    except StoreError as e:
        raise _WritesRefused(f"cannot claim alert {row.id}: {e}") from e
    if claimed is None:
        return  # another deliverer holds it or has sent it meanwhile
    _send(settings, store, channel, claimed, owner, clock, db, report)


def _send(
    settings: Settings,
    store: Store,
    channel: Channel | None,
    claimed: OutboxRow,
    owner: str,
    clock: Clock,
    db: str,
    report: DeliveryReport,
) -> None:
    if channel is None:
        # The channel was removed from the config; keep the alert, say why.
        _mark_failed(
            store,
            claimed,
            error=f"channel {claimed.channel!r} is not configured",
            next_attempt=clock() + timedelta(seconds=settings.alerts.retry_max),
            dead=True,
        )
        report.dead += 1
        return
    subject = _subject(store, claimed)
    if subject is None:
        _mark_failed(store, claimed, error="the change it announced is gone", next_attempt=clock(), dead=True)
        report.dead += 1
        return
    message = render(subject, settings.alerts.language, settings.base_currency)
    # An update of an event, or a correction, threads under the event's first message.
    original = subject.follows if isinstance(subject, EventAlert) else None
    if isinstance(subject, Change):
        original = follows(subject)
    if original is not None:
        update = not (isinstance(subject, Change) and subject.kind == "correction")
        first = store.outbox_id_for(claimed.channel, original)
        thread = store.alert_ref(first) if first is not None else None
        message = message.replying_to(first, update=update, thread=thread)
    with _memory.sending:
        try:
            # Only while waiting for the channel's answer may a stop abandon the send.
            with _memory.guard:
                _memory.in_flight[db] = (claimed.id, owner)
            try:
                ref = channel.send(message, claimed.id)
            finally:
                with _memory.guard:
                    _memory.in_flight.pop(db, None)
        except DeliveryError as e:
            # Back-off and Retry-After count from the answer, not from the round's start.
            answered = clock()
            attempts = claimed.attempts + 1
            dead = e.permanent or attempts >= settings.alerts.max_attempts
            delay = retry_delay(attempts, e.retry_after, settings)
            log.warning(
                "alert %d via %s %s: %s", claimed.id, claimed.channel, "dead" if dead else "failed", e
            )
            report.errors.append(f"{claimed.channel}: {e}")
            if dead:
                report.dead += 1
            else:
                report.failed += 1
            # If this mark fails the row keeps its claim until the lease runs out: a retry later.
            _mark_failed(
                store,
                claimed,
                error=str(e),
                next_attempt=_ceil_second(answered + timedelta(seconds=delay)),
                dead=dead,
            )
            if e.retry_after is not None:
                _pause(store, claimed.channel, answered, e.retry_after, settings, report)
            return
        sent_at = clock()
        report.sent += 1
        with _memory.guard:
            _memory.unmarked.setdefault(db, {})[claimed.id] = sent_at
        try:
            store.mark_sent(claimed.id, sent_at)
        except StoreError as e:
            raise _WritesRefused(
                f"alert {claimed.id} via {claimed.channel} was sent but cannot be marked sent ({e});"
                " it will not be sent again by this process"
            ) from e
        with _memory.guard:
            _memory.unmarked[db].pop(claimed.id, None)
        if ref is not None:
            try:
                store.set_alert_ref(claimed.id, ref)
            except StoreError as e:  # updates of it will not thread: no reason to hold delivery
                log.warning("alert %d: cannot record its thread reference: %s", claimed.id, e)


def _pause(
    store: Store,
    channel: str,
    answered: datetime,
    retry_after: float,
    settings: Settings,
    report: DeliveryReport,
) -> None:
    """The server asked to wait: no send to this channel, of any alert, until then.

    Kept in the database, so a `watcher alerts send` beside the daemon waits too. A wait
    past ``retry_max`` is cut to it, as the row's own retry is.
    """
    if not math.isfinite(retry_after) or retry_after <= 0:
        return
    until = _ceil_second(answered + timedelta(seconds=min(retry_after, settings.alerts.retry_max)))
    report.paused[channel] = max(until, report.paused.get(channel, until))
    log.warning("alerts via %s paused until %s: the server asked to wait", channel, until.isoformat())
    try:
        store.pause_channel(channel, until)
    except StoreError as e:
        raise _WritesRefused(f"cannot record the pause of channel {channel}: {e}") from e


def _mark_failed(store: Store, row: OutboxRow, *, error: str, next_attempt: datetime, dead: bool) -> None:
    try:
        store.mark_failed(row.id, error=error, next_attempt=next_attempt, dead=dead)
    except StoreError as e:
        raise _WritesRefused(f"cannot record the outcome of alert {row.id}: {e}") from e


def _flush_unmarked(store: Store, db: str, report: DeliveryReport) -> bool:
    """Write the marks that did not land; False while the database still refuses writes."""
    with _memory.guard:
        until = _memory.backoff_until.get(db, 0.0)
        pending = dict(_memory.unmarked.get(db, {}))
    if time.monotonic() < until:
        report.held = len(pending)
        return False
    for alert_id, sent_at in sorted(pending.items()):
        try:
            store.mark_sent(alert_id, sent_at)
        except StoreError as e:
            raise _WritesRefused(f"alert {alert_id} was sent but still cannot be marked sent ({e})") from e
        with _memory.guard:
            _memory.unmarked[db].pop(alert_id, None)
        log.info("alert %d: its sent mark landed at last", alert_id)
    with _memory.guard:
        _memory.backoff_until.pop(db, None)
        _memory.backoff_delay.pop(db, None)
    return True


def _back_off(db: str) -> float:
    with _memory.guard:
        delay = _memory.backoff_delay.get(db)
        delay = WRITE_BACKOFF_BASE if delay is None else min(delay * 2.0, WRITE_BACKOFF_MAX)
        _memory.backoff_delay[db] = delay
        _memory.backoff_until[db] = time.monotonic() + delay
    return delay
