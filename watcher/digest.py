"""The daily digest: once a day, at the configured local time, one email summarising the
changes since the previous digest and the feeds that are failing.

It goes through the outbox like any alert, so it is retried until the mail server takes
it, and the day it covers is marked in the same transaction as its row: never lost,
never queued twice, whether the daemon or ``run --once`` from cron gets there first.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from watcher.history import entity_state
from watcher.models import Digest, FeedHealth
from watcher.render import StateFigure, pending_line, state_text
from watcher.settings import Settings
from watcher.store import DIGEST_AT_KEY, DIGEST_DAY_KEY, Store, parse_time

CHANNEL = "email"


def _zone(settings: Settings) -> tzinfo:
    digest = settings.alerts.digest
    if digest is not None and digest.timezone:
        return ZoneInfo(digest.timezone)
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def build_digest(settings: Settings, store: Store, now: datetime) -> Digest:
    """The digest as it would be made at ``now`` (for the local day of ``now``)."""
    day = now.astimezone(_zone(settings)).date().isoformat()
    since = parse_time(store.get_meta(DIGEST_AT_KEY)) or now - timedelta(days=1)
    changes = tuple(c for c in store.changes(since=since, rejected=False) if c.detected_at <= now)
    rows = {r.url: r for r in store.feeds()}
    failing = []
    for f in settings.feeds:
        row = rows.get(f.url)
        if row is not None and row.failures > 0:
            failing.append(
                FeedHealth(
                    kind="feed_down",
                    feed_url=f.url,
                    feed_name=f.name,
                    error=row.last_error or "",
                    failures=row.failures,
                    detected_at=row.last_attempt or now,
                )
            )
    language = settings.alerts.language
    pending = tuple(
        pending_line(
            sf.entity, sf.fact.kind, sf.fact.money, sf.fact.status, sf.id, sf.note, sf.document_url, language
        )
        for sf in store.pending_facts()
    )
    return Digest(
        day=day,
        since=since,
        made_at=now,
        changes=changes,
        failing_feeds=tuple(failing),
        pending=pending,
        states=tuple(state_line(store, name, language) for name in dict.fromkeys(c.entity for c in changes)),
    )


def state_line(store: Store, entity: str, language: str = "en") -> str:
    """ "Mistral AI now: valuation EUR 11.7bn (announced, 11 sources); round EUR 1.7bn Series C
    (announced, 9 sources)": the one current state (``history.entity_state``), as status shows it,
    in the alerts' language."""
    state, by_id = entity_state(store, entity)
    figures = []
    for label, known in (("valuation", state.valuation), ("round", state.round)):
        sf = by_id.get(known.id) if known is not None and known.id is not None else None
        if sf is not None:
            figures.append(StateFigure(label, sf.fact.money, sf.fact.round, sf.fact.status, sf.sources))
    return state_text(entity, figures, language)


def queue_digest_if_due(settings: Settings, store: Store, now: datetime, *, force: bool = False) -> int:
    """Queue today's digest if its time has come and it is not queued yet; its outbox id, or 0.

    ``force`` queues it before its time (``watcher alerts digest``), still once per day.
    """
    digest_settings = settings.alerts.digest
    if digest_settings is None or settings.alerts.email is None:
        return 0
    local = now.astimezone(_zone(settings))
    if not force and local.time() < digest_settings.at:
        return 0
    if store.get_meta(DIGEST_DAY_KEY) == local.date().isoformat():
        return 0
    return store.enqueue_digest(build_digest(settings, store, now), CHANNEL, now=now)
