"""What each page shows, read from the store with the functions the CLI uses (status, history,
review, jsonout, the plot), as plain values for the templates. Blocking: the app runs these
in worker threads, each with its own connection, so a slow page never blocks another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from watcher.history import plot_panels, timeline
from watcher.jsonout import alert_items, feed_items
from watcher.kept_text import Excerpt, excerpt
from watcher.models import FACT_KINDS, Change
from watcher.overview import CompanyRow, company_row
from watcher.review import EvidenceInText, KeptEvidence, kept_evidence, listed_facts, locate_evidence
from watcher.settings import Settings
from watcher.store import OutboxRow, Store, StoredFact

# A page lists at most this many changes and facts (newest first), then links to the next page:
# under 300 KB whatever the history (a fact row, with its forms, weighs twice a change row).
PAGE_ROWS = 100
PAGE_FACTS = 50
CHART_KINDS = ("valuation", "funding_round")
STATUSES = ("announced", "reported", "rumoured")


class NotFound(Exception):
    """The id, name or URL a page was asked for does not exist: a 404 page."""


def parse_id(text: str) -> int:
    """A row id from a URL; anything else (letters, a sign, 30 digits) is a 404, not an error."""
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise NotFound(text)
    return int(text)


def company_name(settings: Settings, name: str) -> str:
    for e in settings.entities:
        if e.name == name:
            return e.name
    raise NotFound(name)


@dataclass(frozen=True)
class FactFilter:
    kind: str | None = None
    status: str | None = None
    pending: bool = False
    every_state: bool = False
    page: int = 0  # of the changes and the facts, newest first

    def query(self, page: int) -> str:
        """The address query of this filter on another page."""
        values = {
            "kind": self.kind or "",
            "status": self.status or "",
            "state": "pending" if self.pending else ("all" if self.every_state else ""),
            "page": str(page) if page else "",
        }
        return urlencode({k: v for k, v in values.items() if v})

    @classmethod
    def of(cls, query: dict[str, str]) -> FactFilter:
        kind = query.get("kind") or None
        status = query.get("status") or None
        return cls(
            kind=kind if kind in FACT_KINDS else None,
            status=status if status in STATUSES else None,
            pending=query.get("state") == "pending",
            every_state=query.get("state") == "all",
            page=min(int(page), 100_000) if (page := query.get("page", "0")).isdigit() else 0,
        )


@dataclass(frozen=True)
class CompanyPage:
    row: CompanyRow
    chart: str  # the SVG of `watcher history --plot`, escaped by the plot module
    changes: list[Change]
    facts: list[StoredFact]
    filter: FactFilter
    more: bool  # an older page of changes or facts exists


def company_page(settings: Settings, store: Store, name: str, flt: FactFilter) -> CompanyPage:
    from watcher.plot import timelines_svg

    name = company_name(settings, name)
    failing = {r.url for r in store.feeds() if r.failures > 0}
    row = company_row(settings, store, name, failing)
    rows = timeline(settings, store, name, None)
    panels = plot_panels(settings, rows, name, CHART_KINDS)
    chart = timelines_svg(panels, settings.base_currency, CHART_KINDS, width=860, height=360)
    start = flt.page * PAGE_ROWS
    changes = store.recent_changes(name, PAGE_ROWS + 1, offset=start)
    facts = listed_facts(
        store,
        name,
        pending=flt.pending,
        show_all=flt.every_state,
        kind=flt.kind,
        status=flt.status,
        newest_first=True,  # what a person reviews is what came last
        limit=PAGE_FACTS + 1,
        offset=flt.page * PAGE_FACTS,
    )
    return CompanyPage(
        row=row,
        chart=chart,
        changes=changes[:PAGE_ROWS],
        facts=facts[:PAGE_FACTS],
        filter=flt,
        more=len(changes) > PAGE_ROWS or len(facts) > PAGE_FACTS,
    )


@dataclass(frozen=True)
class ChangePage:
    change: Change
    supporting: list[StoredFact]  # the first PAGE_ROWS of them
    supported: int  # how many articles support it in all
    alerts: list[OutboxRow]
    corrections: list[Change]
    corrected: Change | None
    # The evidence inside the text its article kept (the sentences around it); None: the
    # document kept no text (stored before texts were kept) or its text does not say it.
    excerpt: Excerpt | None = None
    kept: KeptEvidence | None = None  # None: no text kept


def change_page(store: Store, ident: int) -> ChangePage:
    found = store.changes(ids=[ident])
    if not found:
        raise NotFound(str(ident))
    change = found[0]
    fact_id = store.change_fact_id(ident)
    corrected = store.changes(ids=[change.corrects]) if change.corrects else []
    mentions = store.event_mentions(fact_id) if fact_id is not None else []
    kept = kept_evidence(store, change)
    located = kept.found if kept else None
    shown = located.parts or located.headline if located else None
    return ChangePage(
        change=change,
        supporting=mentions[:PAGE_ROWS],
        supported=len(mentions),
        alerts=store.change_alerts(ident),
        corrections=store.corrections_of(ident),
        corrected=corrected[0] if corrected else None,
        excerpt=excerpt(shown) if shown else None,
        kept=kept,
    )


@dataclass(frozen=True)
class ArticlePage:
    change: Change
    title: str
    found: EvidenceInText
    # Read again from its site: the document was stored before texts were kept.
    reread: bool = False
    whole: bool = True  # the stored text was not cut at the size cap


def change_article(settings: Settings, store: Store, ident: int, now: datetime) -> ArticlePage:
    """A change's article as its document kept it, with the evidence sentence found in it; read
    again as a cycle reads it when the document kept no text (stored before texts were kept)."""
    from watcher.pipeline import read_article_text

    changes = store.changes(ids=[ident])
    if not changes or not changes[0].url.startswith(("http://", "https://")):
        raise NotFound(str(ident))
    change = changes[0]
    kept = kept_evidence(store, change)
    if kept is not None:
        return ArticlePage(change, kept.title, kept.found, whole=kept.whole)
    article = read_article_text(settings, change.url, now=now)
    found = locate_evidence(article.text, (change.title, article.title), change.evidence)
    return ArticlePage(change, article.title, found, reread=True)


def explain_page(settings: Settings, store: Store, url: str, now: datetime) -> Any:
    """The CLI's ``explain``, for an article a cycle already read (the page fetches no other URL)."""
    from watcher.pipeline import explain_article

    if not url.startswith(("http://", "https://")) or store.document_id(url) is None:
        raise NotFound(url)
    return explain_article(settings, store, url, now=now)


def feeds_page(settings: Settings, store: Store) -> list[dict[str, Any]]:
    return feed_items(settings, store)


def alerts_page(store: Store, now: datetime) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The waiting and the dead alerts, as ``watcher alerts list`` describes them."""
    waiting = alert_items(store, store.outbox("pending", limit=PAGE_ROWS), now)
    dead = alert_items(store, store.outbox("dead", limit=PAGE_ROWS), now)
    return waiting, dead
