"""Send what the outbox holds, through each configured channel, and record the outcome.

At least once, never twice on purpose: a row is marked sent right after its channel
accepted it; the only window for a duplicate is a crash between those two steps, and
the email Message-ID (derived from the outbox id) lets mail clients fold it. A failing
channel never blocks another: each row is tried on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from watcher.alerts import Channel
from watcher.errors import DeliveryError
from watcher.models import Change, Digest, FeedHealth
from watcher.render import render
from watcher.settings import Settings
from watcher.store import OutboxRow, Store

log = logging.getLogger("watcher.delivery")


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    dead: int = 0
    errors: list[str] = field(default_factory=list)


def retry_delay(attempts: int, retry_after: float | None, settings: Settings) -> float:
    """Capped exponential backoff after ``attempts`` failures, never sooner than the server asked."""
    base = settings.alerts.retry_base * 2.0 ** max(0, attempts - 1)
    delay = min(base, settings.alerts.retry_max)
    if retry_after is not None:
        delay = max(delay, min(retry_after, settings.alerts.retry_max))
    return delay


def _subject(store: Store, row: OutboxRow) -> Change | FeedHealth | Digest | None:
    if row.digest_json is not None:
        return store.load_digest(row)
    if row.health is not None:
        return row.health
    if row.change_id is None:
        return None
    found = store.changes(ids=[row.change_id])
    return found[0] if found else None


def deliver_due(
    settings: Settings, store: Store, channels: Mapping[str, Channel], *, now: datetime
) -> DeliveryReport:
    """Try every pending alert whose time has come; return what happened."""
    report = DeliveryReport()
    for row in store.due_alerts(now):
        channel = channels.get(row.channel)
        if channel is None:
            # The channel was removed from the config; keep the alert, say why.
            store.mark_failed(
                row.id,
                error=f"channel {row.channel!r} is not configured",
                next_attempt=now + timedelta(seconds=settings.alerts.retry_max),
                dead=True,
            )
            report.dead += 1
            continue
        subject = _subject(store, row)
        if subject is None:
            store.mark_failed(row.id, error="the change it announced is gone", next_attempt=now, dead=True)
            report.dead += 1
            continue
        message = render(subject, settings.alerts.language, settings.base_currency)
        try:
            channel.send(message, row.id)
        except DeliveryError as e:
            attempts = row.attempts + 1
            dead = e.permanent or attempts >= settings.alerts.max_attempts
            delay = retry_delay(attempts, e.retry_after, settings)
            store.mark_failed(row.id, error=str(e), next_attempt=now + timedelta(seconds=delay), dead=dead)
            log.warning("alert %d via %s %s: %s", row.id, row.channel, "dead" if dead else "failed", e)
            report.errors.append(f"{row.channel}: {e}")
            if dead:
                report.dead += 1
            else:
                report.failed += 1
            continue
        store.mark_sent(row.id, now)
        report.sent += 1
    return report
