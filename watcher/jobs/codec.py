"""What crosses between the scheduler and the workers, as JSON: a feed's request and result,
an article's feed entries and what its reading found. Exact (amounts as decimal strings),
so a cycle read on workers decides on the very facts it would have read in one process."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from watcher.feeds import FeedEntry, FeedRequest, FeedResult, Outcome
from watcher.models import Entity, Fact, Money
from watcher.reading import ArticleRead, TextSource


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def entry_to_json(e: FeedEntry) -> dict[str, Any]:
    return {
        "key": e.key,
        "guid": e.guid,
        "link": e.link,
        "title": e.title,
        "summary": e.summary,
        "published": _time(e.published),
    }


def entry_from_json(d: Mapping[str, Any]) -> FeedEntry:
    return FeedEntry(d["key"], d["guid"], d["link"], d["title"], d["summary"], _parse_time(d["published"]))


def request_to_json(r: FeedRequest) -> dict[str, Any]:
    return {"url": r.url, "etag": r.etag, "last_modified": r.last_modified, "body_hash": r.body_hash}


def request_from_json(d: Mapping[str, Any]) -> FeedRequest:
    return FeedRequest(d["url"], d["etag"], d["last_modified"], d["body_hash"])


def result_to_json(r: FeedResult) -> str:
    return json.dumps(
        {
            "url": r.url,
            "outcome": r.outcome,
            "entries": [entry_to_json(e) for e in r.entries],
            "etag": r.etag,
            "last_modified": r.last_modified,
            "body_hash": r.body_hash,
            "status": r.status,
            "error": r.error,
            "retry_after": r.retry_after,
            "elapsed": r.elapsed,
            "final_url": r.final_url,
            "responded_at": _time(r.responded_at),
            "title": r.title,
        },
        ensure_ascii=False,
    )


def result_from_json(text: str) -> FeedResult:
    d = json.loads(text)
    return FeedResult(
        url=d["url"],
        outcome=cast(Outcome, d["outcome"]),
        entries=tuple(entry_from_json(e) for e in d["entries"]),
        etag=d["etag"],
        last_modified=d["last_modified"],
        body_hash=d["body_hash"],
        status=d["status"],
        error=d["error"],
        retry_after=d["retry_after"],
        elapsed=d["elapsed"],
        final_url=d["final_url"],
        responded_at=_parse_time(d["responded_at"]),
        title=d["title"],
    )


def pairs_to_json(pairs: Sequence[tuple[str, FeedEntry]]) -> list[dict[str, Any]]:
    return [{"feed": url, **entry_to_json(e)} for url, e in pairs]


def pairs_from_json(items: Sequence[Mapping[str, Any]]) -> list[tuple[str, FeedEntry]]:
    return [(str(d["feed"]), entry_from_json(d)) for d in items]


def _money(m: Money | None) -> list[Any] | None:
    return None if m is None else [str(m.amount), m.currency, m.approx]


def fact_to_json(f: Fact) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "amount": str(f.amount),
        "currency": f.currency,
        "approx": f.approx,
        "round": f.round,
        "lead_investors": list(f.lead_investors),
        "investors": list(f.investors),
        "status": f.status,
        "evidence": f.evidence,
        "equivalent": _money(f.equivalent),
        "bound": f.bound,
        "basis": f.basis,
        "context": f.context,
        "amount_max": None if f.amount_max is None else str(f.amount_max),
        "confidence": f.confidence,
        "reasons": list(f.reasons),
    }


def fact_from_json(d: Mapping[str, Any]) -> Fact:
    eq = d["equivalent"]
    return Fact(
        kind=d["kind"],
        amount=Decimal(d["amount"]),
        currency=d["currency"],
        approx=bool(d["approx"]),
        round=d["round"],
        lead_investors=tuple(d["lead_investors"]),
        investors=tuple(d["investors"]),
        status=d["status"],
        evidence=d["evidence"],
        equivalent=Money(Decimal(eq[0]), eq[1], bool(eq[2])) if eq else None,
        bound=d["bound"],
        basis=d["basis"],
        context=d["context"],
        amount_max=None if d["amount_max"] is None else Decimal(d["amount_max"]),
        confidence=float(d["confidence"]),
        reasons=tuple(d["reasons"]),
    )


def read_to_json(r: ArticleRead) -> str:
    return json.dumps(
        {
            "title": r.title,
            "published": r.published,
            "language": r.language,
            "text_source": r.text_source,
            "text_hash": r.text_hash,
            "text": r.text,
            # Companies by name: the scheduler has the same config and its Entity objects.
            "facts": [[e.name, [fact_to_json(f) for f in facts]] for e, facts in r.facts],
        },
        ensure_ascii=False,
    )


def read_from_json(text: str, entities: Mapping[str, Entity]) -> ArticleRead:
    d = json.loads(text)
    return ArticleRead(
        title=d["title"],
        published=d["published"],
        language=d["language"],
        text_source=cast(TextSource, d["text_source"]),
        text_hash=d["text_hash"],
        # A worker of a watcher before texts were kept sends none: the document keeps none.
        text=d.get("text", ""),
        facts=tuple(
            (entities[name], tuple(fact_from_json(f) for f in facts))
            for name, facts in d["facts"]
            if name in entities
        ),
    )
