"""What the ``--json`` outputs print, one function per contract, shared by the CLI and the
``/api`` pages of ``watcher serve`` so that both say the same thing in the same fields.

Reading and shaping only: no printing, no writing.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from watcher.models import Change, Fact, Money
from watcher.render import format_kind, format_money, format_round
from watcher.settings import Settings
from watcher.store import OutboxRow, Store, StoredFact

if TYPE_CHECKING:
    from watcher.history import TimelineRow


def amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def money_json(m: Money | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"amount": amount(m.amount), "currency": m.currency, "approx": m.approx}


def fact_json(f: Fact) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "amount": amount(f.amount),
        "currency": f.currency,
        "approx": f.approx,
        "bound": f.bound,
        "round": f.round,
        "lead_investors": list(f.lead_investors),
        "investors": list(f.investors),
        "status": f.status,
        "basis": f.basis,
        "context": f.context,
        "equivalent": money_json(f.equivalent),
        "evidence": f.evidence,
        "confidence": f.confidence,
        "reasons": list(f.reasons),
    }


def change_json(ch: Change) -> dict[str, Any]:
    """``watcher history --json``: one object per change."""

    def money(m: Money | None, date: str | None) -> dict[str, Any] | None:
        if m is None:
            return None
        return {"amount": amount(m.amount), "currency": m.currency, "approx": m.approx, "date": date}

    return {
        "id": ch.id,
        "entity": ch.entity,
        "kind": ch.kind,
        "fact_kind": ch.fact_kind,
        "round": ch.round,
        "old": money(ch.old, ch.old_date),
        "new": money(ch.new, ch.new_date),
        "old_base": money(ch.old_base, ch.old_date),
        "new_base": money(ch.new_base, ch.new_date),
        "status": ch.status,
        "old_status": ch.old_status,
        "url": ch.url,
        "title": ch.title,
        "evidence": ch.evidence,
        "sources": ch.sources,
        "lead_investors": list(ch.lead_investors),
        "investors": list(ch.investors),
        "detected_at": ch.detected_at.isoformat(),
        "corrects": ch.corrects,
        "confidence": ch.confidence,
        "rejected": ch.rejected,
    }


def fact_row_json(r: TimelineRow) -> dict[str, Any]:
    """``watcher history --facts --json``: one object per timeline row."""
    return {
        "entity": r.entity,
        "date": r.period,
        "marker": r.marker,
        **fact_json(r.fact),
        "base": money_json(r.base),
        "sources": r.sources,
        "current": r.current,
        "title": r.title,
        "url": r.url,
    }


def stored_fact_json(sf: StoredFact) -> dict[str, Any]:
    """``watcher facts --json``: one object per stored fact, with its id for confirm/reject."""
    return {
        "id": sf.id,
        "entity": sf.entity,
        **fact_json(sf.fact),
        "period": sf.period,
        "state": sf.state,
        "note": sf.note,
        "confidence": sf.fact.confidence,
        "reasons": list(sf.fact.reasons),
        "sources": sf.sources,
        "corroborates": sf.corroborates,
        "baseline": sf.baseline,
        "url": sf.document_url,
    }


def change_line(ch: Change) -> str:
    """One change on one line, as ``poll``, ``confirm`` and ``alerts list`` say it."""
    old = f"{format_money(ch.old)} -> " if ch.old and ch.kind != "new_round" else ""
    round_ = f" {format_round(ch.round)}" if ch.round else ""
    return f"{ch.entity}: {format_kind(ch.kind)}{round_} {old}{format_money(ch.new)} ({ch.status}) {ch.url}"


def next_try(row: OutboxRow, pauses: dict[str, datetime]) -> datetime:
    """When a waiting alert is tried: its own time, or later if its channel's server asked to wait."""
    paused = pauses.get(row.channel)
    return max(row.next_attempt, paused) if paused is not None else row.next_attempt


def alert_items(store: Store, rows: list[OutboxRow], now: datetime) -> list[dict[str, Any]]:
    """``watcher alerts list --json``: one object per outbox row, saying what it carries."""
    leads = [r.change_id for r in rows if r.change_id]
    changes = {ch.id: ch for ch in store.changes(ids=leads)}
    sizes = store.message_sizes(leads)
    pauses = store.channel_pauses(now)
    items = []
    for r in rows:
        ch = changes.get(r.change_id) if r.change_id else None
        what = change_line(ch) if ch else (f"{r.health.kind}: {r.health.feed_url}" if r.health else "?")
        if ch is not None and sizes.get(ch.id or 0, 1) > 1:
            # One message per event: it carries the event's other changes too.
            what = f"(+{sizes[ch.id or 0] - 1} more) {what}"
        if r.digest_json is not None:
            what = f"daily digest {json.loads(r.digest_json).get('day', '?')}"
        items.append(
            {
                "id": r.id,
                "channel": r.channel,
                "status": r.status,
                "attempts": r.attempts,
                "next_attempt": next_try(r, pauses).isoformat(),
                "sent_at": r.sent_at.isoformat() if r.sent_at else None,
                "last_error": r.last_error,
                "what": what,
            }
        )
    return items


def feed_items(settings: Settings, store: Store) -> list[dict[str, Any]]:
    """``watcher feeds list --json``: each configured feed with its health."""
    rows = {r.url: r for r in store.feeds()}
    items = []
    for f in settings.feeds:
        row = rows.get(f.url)
        items.append(
            {
                "url": f.url,
                "name": f.name,
                "entities": list(f.entities) or [e.name for e in settings.entities],
                "all_entities": not f.entities,
                "interval_seconds": f.interval or settings.interval,
                "last_success": row.last_success.isoformat() if row and row.last_success else None,
                "failures": row.failures if row else 0,
                "last_error": row.last_error if row else None,
                "next_poll": row.next_attempt.isoformat() if row and row.next_attempt else None,
            }
        )
    return items
