"""The store's records: what its reads return and its writes take, and how a row becomes one.

Shared by every aggregate module of the store; no SQL here. A row is what either backend's
cursor gives (``sqlite3.Row`` or a psycopg dict): read by column name only.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Protocol

from watcher.models import Change, Fact, FeedHealth, Money


class Row(Protocol):
    """A result row read by column name (``sqlite3.Row``, or a dict from psycopg)."""

    def __getitem__(self, key: str, /) -> Any: ...

    def keys(self) -> Collection[str]: ...


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@dataclass(frozen=True)
class StoredFact:
    """A fact as known to the store, with where and when it was reported."""

    id: int
    entity: str
    fact: Fact
    period: str | None
    baseline: bool
    document_url: str
    document_title: str
    sources: int
    created_at: datetime
    state: str = "active"
    note: str = ""
    corroborates: int | None = None
    document_source: str = "feed"


@dataclass(frozen=True)
class FeedRow:
    url: str
    name: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    last_attempt: datetime | None
    last_success: datetime | None
    last_error: str | None
    failures: int
    next_attempt: datetime | None
    entries_seen: int
    down_alerted: bool


@dataclass(frozen=True)
class OutboxRow:
    id: int
    channel: str
    change_id: int | None
    health: FeedHealth | None
    status: str
    attempts: int
    next_attempt: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    digest_json: str | None = None


@dataclass(frozen=True)
class NewDocument:
    url: str
    title: str
    published: str | None
    text_hash: str
    language: str | None
    source: str  # "seed" | "feed"
    text_source: str = "page"  # "page" | "summary" | "capped" (the page ran past the time cap) | "file"
    feed_url: str | None = None
    # The text the facts were read from, as kept (watcher.kept_text: capped); None: not kept.
    text: str | None = None


@dataclass(frozen=True)
class DocumentText:
    """A stored document's kept text: None when it was stored before texts were kept."""

    url: str
    title: str
    text: str | None
    text_hash: str  # of the whole text, which the kept one may be cut from


def real_amount(amount: Decimal | None) -> float | None:
    if amount is None:
        return None
    try:
        return float(amount)
    except (OverflowError, ValueError):
        return None


def health_json(health: FeedHealth | None) -> str | None:
    if health is None:
        return None
    return json.dumps(
        {
            "kind": health.kind,
            "feed_url": health.feed_url,
            "feed_name": health.feed_name,
            "error": health.error,
            "failures": health.failures,
            "detected_at": iso(health.detected_at),
        }
    )


def _strings(text: str) -> tuple[str, ...]:
    """A JSON list of names (investors, reasons) as stored; most are empty, and a status or a
    history turns thousands of rows, so the empty one is not parsed."""
    return () if text == "[]" else tuple(json.loads(text))


def stored_fact(r: Row) -> StoredFact:
    eq = Money(Decimal(r["equivalent_amount"]), r["equivalent_currency"]) if r["equivalent_amount"] else None
    fact = Fact(
        kind=r["kind"],
        amount=Decimal(r["amount"]),
        currency=r["currency"],
        approx=bool(r["approx"]),
        round=r["round"],
        lead_investors=_strings(r["lead_investors"]),
        investors=_strings(r["investors"]),
        status=r["status"],
        evidence=r["evidence"],
        equivalent=eq,
        bound=r["bound"],
        basis=r["basis"],
        context=r["context"],
        confidence=float(r["confidence"]),
        reasons=_strings(r["reasons"]),
    )
    created = parse_time(r["created_at"])
    assert created is not None
    return StoredFact(
        id=int(r["id"]),
        entity=r["entity_name"],
        fact=fact,
        period=r["period"],
        baseline=bool(r["baseline"]),
        document_url=r["doc_url"],
        document_title=r["doc_title"],
        sources=int(r["sources"]),
        created_at=created,
        state=r["state"],
        note=r["note"],
        corroborates=r["corroborates"],
        document_source=r["doc_source"],
    )


def change_row(r: Row) -> Change:
    base = r["base_currency"]
    detected = parse_time(r["detected_at"])
    assert detected is not None
    return Change(
        id=int(r["id"]),
        entity=r["entity_name"],
        kind=r["kind"],
        fact_kind=r["fact_kind"],
        status=r["status"],
        old_status=r["old_status"],
        round=r["round"],
        new=Money(Decimal(r["new_amount"]), r["new_currency"], bool(r["new_approx"])),
        new_date=r["new_date"],
        old=Money(Decimal(r["old_amount"]), r["old_currency"], bool(r["old_approx"]))
        if r["old_amount"]
        else None,
        old_date=r["old_date"],
        new_base=Money(Decimal(r["new_base_amount"]), base) if r["new_base_amount"] else None,
        old_base=Money(Decimal(r["old_base_amount"]), base) if r["old_base_amount"] else None,
        url=r["url"],
        title=r["title"],
        evidence=r["evidence"],
        lead_investors=_strings(r["lead_investors"]),
        investors=_strings(r["investors"]),
        sources=int(r["sources"]),
        detected_at=detected,
        corrects=r["corrects"],
        confidence=float(r["confidence"]),
        rejected=r["rejected"] if r["rejected"] is not None else _fact_rejected(r),
        thread=r["thread"],
        message=r["message"],
    )


def _fact_rejected(r: Row) -> str | None:
    # A change whose fact the user rejected is rejected too; the fact's note holds the reason.
    keys = r.keys()
    return r["fact_rejected"] if "fact_rejected" in keys else None


def feed_row(r: Row) -> FeedRow:
    return FeedRow(
        url=r["url"],
        name=r["name"],
        etag=r["etag"],
        last_modified=r["last_modified"],
        body_hash=r["body_hash"],
        last_attempt=parse_time(r["last_attempt"]),
        last_success=parse_time(r["last_success"]),
        last_error=r["last_error"],
        failures=int(r["failures"]),
        next_attempt=parse_time(r["next_attempt"]),
        entries_seen=int(r["entries_seen"]),
        down_alerted=bool(r["down_alerted"]),
    )


def health_from_json(h: dict[str, Any]) -> FeedHealth:
    detected = parse_time(h["detected_at"])
    assert detected is not None
    return FeedHealth(
        kind=h["kind"],
        feed_url=h["feed_url"],
        feed_name=h["feed_name"],
        error=h["error"],
        failures=int(h["failures"]),
        detected_at=detected,
    )


def outbox_row(r: Row) -> OutboxRow:
    health = health_from_json(json.loads(r["health"])) if r["health"] else None
    next_attempt = parse_time(r["next_attempt"])
    created = parse_time(r["created_at"])
    assert next_attempt is not None and created is not None
    return OutboxRow(
        id=int(r["id"]),
        channel=r["channel"],
        change_id=r["change_id"],
        health=health,
        status=r["status"],
        attempts=int(r["attempts"]),
        next_attempt=next_attempt,
        last_error=r["last_error"],
        created_at=created,
        sent_at=parse_time(r["sent_at"]),
        digest_json=r["digest"],
    )
