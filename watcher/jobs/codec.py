"""What crosses between the scheduler and the workers, as JSON: a feed's request and result,
an article's feed entries and what its reading found. Exact (amounts as decimal strings),
so a cycle read on workers decides on the very facts it would have read in one process."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from watcher.errors import DecideJobFailed
from watcher.feeds import FeedEntry, FeedRequest, FeedResult, Outcome
from watcher.ledger import ArticleFacts, LedgerReport
from watcher.models import Change, Entity, Fact, Money
from watcher.reading import ArticleRead, TextSource
from watcher.store import NewDocument


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


def _parse_money(m: Sequence[Any] | None) -> Money | None:
    return None if m is None else Money(Decimal(m[0]), m[1], bool(m[2]))


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


def company_articles_to_json(company: str, articles: Sequence[ArticleFacts]) -> list[dict[str, Any]]:
    """One company's facts of a cycle's articles (already in the fixed order), for its decide job."""
    out = []
    for a in articles:
        facts = [fact_to_json(f) for e, found in a.facts if e.name == company for f in found]
        d = a.document
        # The kept text last: a job sent by a watcher before texts were kept has none (NewDocument's default).
        document = [
            d.url,
            d.title,
            d.published,
            d.text_hash,
            d.language,
            d.source,
            d.text_source,
            d.feed_url,
            d.text,
        ]
        out.append(
            {
                "url": a.url,
                "title": a.title,
                "published": a.published,
                "document": document,
                "facts": facts,
                # Every company to decide of it: the job marks the others' decisions as to do.
                "companies": list(a.companies()),
            }
        )
    return out


def company_articles_from_json(entity: Entity, items: Sequence[Mapping[str, Any]]) -> list[ArticleFacts]:
    return [
        ArticleFacts(
            url=d["url"],
            title=d["title"],
            published=d["published"],
            document=NewDocument(*d["document"]),
            facts=((entity, tuple(fact_from_json(f) for f in d["facts"])),),
            # None in a job sent before decisions were kept per company: its own company alone.
            deciding=tuple(d.get("companies", ())),
        )
        for d in items
    ]


_MONEY_FIELDS = frozenset({"new", "old", "new_base", "old_base"})


def change_to_json(c: Change) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in vars(c).items():
        if name in _MONEY_FIELDS:
            out[name] = _money(value)
        elif isinstance(value, datetime):
            out[name] = value.isoformat()
        elif isinstance(value, tuple):
            out[name] = list(value)
        else:
            out[name] = value
    return out


def change_from_json(d: Mapping[str, Any]) -> Change:
    values: dict[str, Any] = dict(d)
    for name in _MONEY_FIELDS:
        values[name] = _parse_money(values[name])
    values["detected_at"] = datetime.fromisoformat(values["detected_at"])
    values["lead_investors"] = tuple(values["lead_investors"])
    values["investors"] = tuple(values["investors"])
    return Change(**values)


def report_to_json(r: LedgerReport) -> str:
    return json.dumps(
        {
            "facts": r.facts,
            "changes": [change_to_json(c) for c in r.changes],
            "alerts_enqueued": r.alerts_enqueued,
            "failed": r.failed,
            "pending": r.pending,
        },
        ensure_ascii=False,
    )


def report_from_json(text: str) -> LedgerReport:
    d = json.loads(text)
    if "error" in d:
        raise DecideJobFailed(d["error"])
    return LedgerReport(
        facts=int(d["facts"]),
        changes=[change_from_json(c) for c in d["changes"]],
        alerts_enqueued=int(d["alerts_enqueued"]),
        failed=dict(d["failed"]),
        pending=int(d["pending"]),
    )
