"""Compose the edges into watcher's two jobs: load the baseline, and run one poll cycle.

A cycle: fetch every due feed, keep the entries that mention a tracked entity, fetch and
extract each new article once, extract facts, diff them against what is known, and write
document, facts, changes and their outbox alerts in one transaction per article, so a
crash can never leave a fact without its change or a change without its alert. A feed's
validators (ETag, Last-Modified, body hash) are saved only after its entries are
processed, so a kill -9 mid-cycle means the feed is simply read again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import httpx

from watcher import articles, feeds
from watcher.errors import ExtractionAborted, ExtractionError, FetchError
from watcher.kept_text import kept_text
from watcher.ledger import ArticleFacts, Ledger, LedgerReport, expire_pending
from watcher.models import Change, Entity, Fact, FeedHealth
from watcher.names import Roster, matcher_for, roster_for
from watcher.reading import (
    ArticleRead,
    ArticleTextRead,
    ReadJob,
    article_text,
    lexicon_language,
    read_article,
    seed_facts,
)
from watcher.seeds import load_seed_folder
from watcher.settings import FeedSettings, Settings
from watcher.state import clamp_period
from watcher.store import LAST_CYCLE_KEY, FeedRow, NewDocument, Store, StoredFact

log = logging.getLogger("watcher.pipeline")


# How far a cycle is: (stage, done, total), stage "feeds" then "articles". For a progress line.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Fanout:
    """Where a cycle's feeds are fetched and its articles read, when not in this process: on
    workers (watcher.jobs, with PostgreSQL). The cycle itself (what is new, the fixed order of
    the decisions, the store's writes) is the same either way, so are its changes."""

    fetch_feeds: Callable[[Sequence[feeds.FeedRequest]], Awaitable[list[feeds.FeedResult]]]
    # (link, its feed entries, the cycle's time) -> the article read (raises if it failed)
    read_article: Callable[[str, Sequence[tuple[str, feeds.FeedEntry]], datetime], Awaitable[ArticleRead]]
    # (the cycle's read articles in the fixed order, its time) -> what deciding them wrote: on
    # workers, one company at a time each, documents, facts, changes and outbox rows committed.
    decide: Callable[[Sequence[ArticleFacts], datetime], Awaitable[LedgerReport]] | None = None


@dataclass(frozen=True)
class BaselineDocument:
    entity: str
    name: str
    published: str | None
    facts: tuple[Fact, ...]
    status: str  # "loaded" | "unchanged" | "reloaded"


@dataclass(frozen=True)
class FeedReport:
    url: str
    name: str
    outcome: str  # ok | not_modified | unchanged | failed | deferred
    error: str | None = None
    new_entries: int = 0
    relevant: int = 0
    # Relevant articles left for later cycles by [http] max_articles_per_feed.
    waiting: int = 0


@dataclass
class CycleReport:
    started: datetime
    feeds: list[FeedReport] = field(default_factory=list)
    entries_new: int = 0
    articles_fetched: int = 0
    articles_from_summary: int = 0
    facts: int = 0
    changes: list[Change] = field(default_factory=list)
    alerts_enqueued: int = 0
    pending: int = 0
    articles_failed: list[tuple[str, str]] = field(default_factory=list)
    # Read from the feed summary because the page ran past the per-article time cap.
    articles_capped: list[str] = field(default_factory=list)
    articles_waiting: int = 0
    finished: datetime | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for f in self.feeds if f.outcome == outcome)


def _seed_facts(
    pool: articles.ExtractionPool | None, entity: Entity, text: str, published: str | None, label: str
) -> list[Fact]:
    """A seed's facts, read in ``pool``'s workers when there is one: they hold the extractor
    already, where this process would import it (a third of a second of compiling patterns)
    for the seeds alone. A worker that fails or runs past the cap leaves the reading to this
    process, which gives the same facts (or raises the same error), only slower."""
    job = (text, entity.name, entity.aliases, published)
    if pool is not None:
        with contextlib.suppress(ExtractionAborted, ExtractionError):
            return pool.run(seed_facts, job, label=label)
    return seed_facts(job)


def load_baseline(
    settings: Settings, store: Store, *, now: datetime, pool: articles.ExtractionPool | None = None
) -> list[BaselineDocument]:
    """Load every entity's seed folder as baseline facts. Running it twice changes nothing.

    ``pool``: where a new or edited seed's facts are read (see ``_seed_facts``); None: here."""
    out: list[BaselineDocument] = []
    for entity in settings.entities:
        folder = settings.seed_dir(entity)
        if folder is None:
            continue
        with store.transaction():
            store.ensure_entity(entity)
        stored: list[StoredFact] | None = None
        for doc in load_seed_folder(folder):
            existing = store.document_id(doc.url)
            if existing is not None and store.document_hash(doc.url) == doc.text_hash:
                if stored is None:
                    # Read once per entity, not once per seed document.
                    stored = store.baseline_facts(entity.name)
                facts_here = tuple(sf.fact for sf in stored if sf.document_url == doc.url)
                out.append(BaselineDocument(entity.name, doc.name, doc.published, facts_here, "unchanged"))
                continue
            facts = _seed_facts(pool, entity, doc.text, doc.published, f"seed {doc.name}")
            new_doc = NewDocument(
                url=doc.url,
                title=doc.title,
                published=doc.published,
                text_hash=doc.text_hash,
                language=None,
                source="seed",
                text_source="file",
                text=kept_text(doc.text),
            )
            with store.transaction():
                ledger = Ledger(store, settings, now)
                if existing is not None:
                    store.replace_document_facts(existing)
                    store.update_document(existing, new_doc, now)
                    ledger.decide_document(entity, existing, doc.url, doc.title, doc.published, facts)
                else:
                    article = ArticleFacts(
                        url=doc.url,
                        title=doc.title,
                        published=doc.published or "",
                        document=new_doc,
                        facts=((entity, tuple(facts)),),
                    )
                    ledger.record(article, baseline=True, strict=True)
            status = "reloaded" if existing is not None else "loaded"
            out.append(BaselineDocument(entity.name, doc.name, doc.published, tuple(facts), status))
    return out


# -- one cycle -------------------------------------------------------------------


_LINKLESS = "urn:watcher:entry:"
# An article whose processing raises is tried again with back-off, and given up after this many tries.
ARTICLE_GIVE_UP_AFTER = 5
_ARTICLE_RETRY_BASE = timedelta(minutes=10)


def _entries_json(pairs: Sequence[tuple[str, feeds.FeedEntry]]) -> str:
    return json.dumps(
        [
            {
                "feed": feed_url,
                "key": e.key,
                "guid": e.guid,
                "link": e.link,
                "title": e.title,
                "summary": e.summary,
                "published": e.published.isoformat() if e.published else None,
            }
            for feed_url, e in pairs
        ]
    )


def _entries_from_json(data: str) -> list[tuple[str, feeds.FeedEntry]]:
    out = []
    for d in json.loads(data):
        published = datetime.fromisoformat(d["published"]) if d["published"] else None
        entry = feeds.FeedEntry(d["key"], d["guid"], d["link"], d["title"], d["summary"], published)
        out.append((str(d["feed"]), entry))
    return out


def _article_failed(
    store: Store, url: str, pairs: Sequence[tuple[str, feeds.FeedEntry]], error: str, now: datetime
) -> None:
    """Log one line with the URL, and keep the article to try again later (or give it up)."""
    previous = next((f for u, f, _, _ in store.article_failures() if u == url), 0)
    retry_at = now + _ARTICLE_RETRY_BASE * 2 ** min(previous, 10)
    failures = store.article_failed(
        url,
        entries=_entries_json(pairs),
        error=error,
        now=now,
        retry_at=retry_at,
        give_up_after=ARTICLE_GIVE_UP_AFTER,
    )
    if failures >= ARTICLE_GIVE_UP_AFTER:
        log.warning("article %s: given up after %d failures: %s", url, failures, error)
    else:
        log.warning("article %s: failed (%s); will try again after %s", url, error, retry_at.isoformat())


def _linkless_identity(feed_url: str, entry: feeds.FeedEntry) -> str:
    digest = hashlib.sha256(f"{feed_url}\n{entry.key}".encode()).hexdigest()[:24]
    return f"{_LINKLESS}{digest}"


def _entry_text(entry: feeds.FeedEntry) -> str:
    return f"{entry.title}\n{entry.summary}"


def feed_entities(settings: Settings, feed_urls: Iterable[str]) -> list[Entity]:
    """The entities an entry from these feeds may be about: those any of them serves.

    A feed limited with ``entities = [...]`` (a news search for one company) only counts
    for those; its articles naming another tracked company say nothing about it here.
    """
    urls = set(feed_urls)
    configs = [f for f in settings.feeds if f.url in urls]
    # An unknown URL (not in the config) serves everyone, as a feed without a limit does.
    return [e for e in settings.entities if not configs or any(f.serves(e.name) for f in configs)]


def feed_roster(settings: Settings, feed_urls: Iterable[str]) -> Roster:
    """``feed_entities`` as a roster: the same one for the same companies, so a worker takes it once."""
    urls = set(feed_urls)
    configs = [f for f in settings.feeds if f.url in urls]
    if not configs or any(not f.entities for f in configs):
        return roster_for(settings.entities)  # the usual case, found without a pass over them
    return roster_for(tuple(feed_entities(settings, urls)))


def _read_job(
    link: str, pairs: Sequence[tuple[str, feeds.FeedEntry]], settings: Settings, now: datetime
) -> ReadJob:
    entry = pairs[0][1]
    return ReadJob(
        link=link,
        html=None,
        page_url=link,
        content_type=None,
        entry_title=entry.title,
        entry_summary=entry.summary,
        entry_published=entry.published,
        entities=feed_roster(settings, (url for url, _ in pairs)),
        now=now,
    )


async def _fetch_page(
    client: httpx.AsyncClient,
    job: ReadJob,
    settings: Settings,
    limiter: articles.PageLimiter | None = None,
) -> ReadJob:
    """The job with its page; without one (the feed's summary is read then) when it cannot be had."""
    try:
        if job.link.startswith(_LINKLESS):
            raise FetchError(f"{job.link}: the feed entry has no link")
        page = await articles.fetch_page(client, job.link, settings.http, limiter)
    except FetchError as e:
        log.info("article %s: %s; using the feed summary", job.link, e)
        return job
    return replace(job, html=page.html, page_url=page.url, content_type=page.content_type)


async def _read(pool: articles.ExtractionPool, job: ReadJob) -> ArticleRead:
    """Read the article in a worker; one that runs past the cap is read from its feed summary."""
    try:
        return await pool.run_async(read_article, job, label=f"article {job.link}")
    except ExtractionAborted as e:
        if job.html is None:
            raise
        log.warning("%s; read from the feed summary instead", e)
        summary = replace(job, html=None, summary_source="capped")
        return await pool.run_async(read_article, summary, label=f"article {job.link} (feed summary)")


async def read_one(
    client: httpx.AsyncClient,
    settings: Settings,
    pool: articles.ExtractionPool,
    link: str,
    pairs: Sequence[tuple[str, feeds.FeedEntry]],
    now: datetime,
    limiter: articles.PageLimiter | None = None,
) -> ArticleRead:
    """Fetch one article's page and read it (text, then facts) in ``pool``: what a cycle does
    for each new article, here or in a ``watcher worker``."""
    job = await _fetch_page(client, _read_job(link, pairs, settings, now), settings, limiter)
    # Text and facts are read in a worker process; only they come back, not the page.
    return await _read(pool, job)


def _article_facts(
    link: str, pairs: Sequence[tuple[str, feeds.FeedEntry]], read: ArticleRead, now: datetime
) -> ArticleFacts:
    """One read article, ready to be decided."""

    def record_entries(store: Store, document_id: int) -> None:
        for feed_url, entry in pairs:
            store.add_entry(
                feed_url,
                entry.key,
                link=entry.link,
                title=entry.title,
                published=entry.published,
                now=now,
                relevant=True,
                document_id=document_id,
            )

    document = NewDocument(
        url=link,
        title=read.title,
        published=read.published,
        text_hash=read.text_hash,
        language=read.language,
        source="feed",
        text_source=read.text_source,
        feed_url=pairs[0][0],
        text=read.text or None,
    )
    return ArticleFacts(
        url=link,
        title=read.title,
        published=read.published,
        document=document,
        facts=read.facts,
        after=record_entries,
    )


def _feed_health(
    store: Store,
    settings: Settings,
    feed: FeedSettings,
    *,
    failed: bool,
    error: str,
    failures: int,
    now: datetime,
) -> None:
    row = store.feed(feed.url)
    if row is None:
        return
    kind = None
    if failed and failures >= settings.alerts.feed_down_after and not row.down_alerted:
        kind = "feed_down"
    elif not failed and row.down_alerted:
        kind = "feed_recovered"
    if kind is None:
        return
    health = FeedHealth(
        kind=kind, feed_url=feed.url, feed_name=feed.name, error=error, failures=failures, detected_at=now
    )
    for channel in settings.alerts.channels:
        store.enqueue(channel, now=now, health=health)
    store.set_feed_down_alerted(feed.url, kind == "feed_down")


async def run_cycle_async(
    settings: Settings,
    *,
    client: httpx.AsyncClient,
    store: Store,
    now: datetime,
    feed_urls: Sequence[str] | None = None,
    force: bool = False,
    pool: articles.ExtractionPool | None = None,
    progress: Progress | None = None,
    fanout: Fanout | None = None,
) -> CycleReport:
    report = CycleReport(started=now)
    tell = progress or (lambda stage, done, total: None)
    entities = settings.entities
    with store.transaction():
        entity_ids = {e.name: store.ensure_entity(e) for e in entities}
        for f in settings.feeds:
            store.ensure_feed(f.url, f.name)
    rows = {r.url: r for r in store.feeds()}
    selected = [f for f in settings.feeds if feed_urls is None or f.url in feed_urls]
    due: list[FeedSettings] = []
    for f in selected:
        row = rows.get(f.url)
        if not force and row is not None and row.failures > 0 and row.next_attempt and row.next_attempt > now:
            until = row.next_attempt.isoformat()
            report.feeds.append(FeedReport(f.url, f.name, "deferred", error=f"backing off until {until}"))
            continue
        due.append(f)

    requests = []
    for f in due:
        row = rows.get(f.url)
        requests.append(
            feeds.FeedRequest(
                url=f.url,
                etag=row.etag if row else None,
                last_modified=row.last_modified if row else None,
                body_hash=row.body_hash if row else None,
            )
        )
    wall_start = datetime.now(UTC)

    def clock() -> datetime:
        # The cycle's time line: ``now`` at its start, then as much as really went by.
        return now + (datetime.now(UTC) - wall_start)

    fetched = 0

    def feed_done(_result: feeds.FeedResult) -> None:
        nonlocal fetched
        fetched += 1
        tell("feeds", fetched, len(requests))

    tell("feeds", 0, len(requests))
    if fanout is not None:
        results = await fanout.fetch_feeds(requests)
    else:
        results = await feeds.fetch_feeds(client, requests, settings.http, clock, on_done=feed_done)

    # Group new relevant entries by article link across feeds: one article, one fetch.
    by_link: dict[str, list[tuple[str, feeds.FeedEntry]]] = {}
    skipped: dict[str, list[feeds.FeedEntry]] = {}
    per_feed: dict[str, FeedReport] = {}
    # Per feed: entries past the cap, kept for later cycles; waiting entries taken this cycle.
    to_wait: dict[str, list[feeds.FeedEntry]] = {}
    taken: dict[str, list[str]] = {}
    # One matcher for every tracked name, built once per configuration; each feed keeps the
    # companies it serves.
    matcher = matcher_for(tuple(entities))
    cap = settings.http.max_articles_per_feed
    for f, result in zip(due, results, strict=True):
        waiting = [(key, _entries_from_json(data)[0][1]) for key, data in store.waiting(f.url)]
        fetches = 0  # new pages this feed has asked of the cycle
        # Entries left by earlier cycles come first, whatever the feed says now: none waits for good.
        for key, entry in waiting:
            link = entry.link or _linkless_identity(f.url, entry)
            if not store.document_done(link):
                if fetches >= cap:
                    break
                fetches += link not in by_link
                by_link.setdefault(link, []).append((f.url, entry))
            else:  # read meanwhile through another feed
                skipped.setdefault(f.url, []).append(entry)
            taken.setdefault(f.url, []).append(key)
        still_waiting = len(waiting) - len(taken.get(f.url, ()))
        if result.failed:
            per_feed[f.url] = FeedReport(f.url, f.name, "failed", error=result.error, waiting=still_waiting)
            report.articles_waiting += still_waiting
            continue
        seen = store.seen_entry_keys(f.url, [e.key for e in result.entries])
        known = seen | {key for key, _ in waiting}
        fresh = [e for e in result.entries if e.key not in known]
        relevant = 0
        for entry in fresh:
            # An entry without a link is still news: its summary is the article.
            link = entry.link or _linkless_identity(f.url, entry)
            named = any(f.serves(e.name) for e in matcher.find(_entry_text(entry)))
            if named and not store.document_done(link):
                relevant += 1
                if link not in by_link and fetches >= cap:
                    # Not marked seen: it waits in the store for a later cycle.
                    to_wait.setdefault(f.url, []).append(entry)
                    continue
                fetches += link not in by_link
                by_link.setdefault(link, []).append((f.url, entry))
                continue
            skipped.setdefault(f.url, []).append(entry)
        still_waiting += len(to_wait.get(f.url, ()))
        if still_waiting:
            log.info(
                "feed %s: %d articles wait for later cycles ([http] max_articles_per_feed = %d)",
                f.url,
                still_waiting,
                cap,
            )
        per_feed[f.url] = FeedReport(
            f.url,
            f.name,
            result.outcome,
            new_entries=len(fresh),
            relevant=relevant,
            waiting=still_waiting,
        )
        report.entries_new += len(fresh)
        report.articles_waiting += still_waiting

    sem = asyncio.Semaphore(max(1, settings.http.concurrency))
    # One limiter for every page of the cycle: many entries point at the same site.
    limiter = articles.PageLimiter(settings.http)

    # Articles that failed in earlier cycles and are due for another try.
    retries = set()
    for url, entries in store.due_article_retries(now):
        pairs = _entries_from_json(entries)
        # A retry row without its feed entry (an old database's) has nothing to read the article from.
        # One stored already is read again while a company's decision of it is not done.
        if pairs and url not in by_link and not store.document_done(url):
            by_link[url] = pairs
            retries.add(url)

    reader = None if fanout is not None else (pool or articles.default_pool(settings.http))
    read_count = 0
    tell("articles", 0, len(by_link))

    async def fetch_and_extract(link: str, pairs: list[tuple[str, feeds.FeedEntry]]) -> ArticleFacts | None:
        try:
            # The slot is held until the page is read: at most ``concurrency`` pages wait in memory
            # for a worker, however many articles the cycle has (fetching outpaces reading).
            if reader is None:
                assert fanout is not None
                read = await fanout.read_article(link, pairs, now)
            else:
                async with sem:
                    read = await read_one(client, settings, reader, link, pairs, now, limiter)
            report.articles_fetched += 1
            if read.text_source != "page":
                report.articles_from_summary += 1
            if read.text_source == "capped":
                report.articles_capped.append(link)
            return _article_facts(link, pairs, read, now)
        except Exception as e:
            # One article's bug must not cost the cycle: it is recorded and retried with back-off.
            failed[link] = f"{type(e).__name__}: {e}"
            return None
        finally:
            nonlocal read_count
            read_count += 1
            tell("articles", read_count, len(by_link))

    # Extracted concurrently; decided one after another in a fixed order (see watcher.ledger).
    failed: dict[str, str] = {}
    extracted = await asyncio.gather(*(fetch_and_extract(link, pairs) for link, pairs in by_link.items()))
    report.articles_capped.sort()  # in URL order, not in the order the workers finished
    ordered = sorted((a for a in extracted if a is not None), key=ArticleFacts.order)
    decided = None
    if fanout is not None and fanout.decide is not None:
        # Every company's decisions are committed by its job before the cycle goes on.
        decided = await fanout.decide(ordered, now)
    with store.transaction():
        if decided is None:
            ledger = Ledger(store, settings, now)
            ledger.entity_ids.update(entity_ids)
            ledger.record_all(ordered)
            outcome = ledger.finish()
        else:
            outcome = decided
            _record_decided(store, ordered, outcome, now)
        failed.update(outcome.failed)
        for url, error in sorted(failed.items()):
            _article_failed(store, url, by_link[url], error, now)
        for url in retries - set(failed):
            store.article_recovered(url)
        # Read, or kept as failed articles to try again: they wait no more.
        for feed_url, keys in taken.items():
            store.remove_waiting(feed_url, keys)
    report.facts += outcome.facts
    report.changes.extend(outcome.changes)
    report.alerts_enqueued += outcome.alerts_enqueued
    report.pending += outcome.pending
    report.articles_failed.extend(sorted(failed.items()))

    # Only now, with every entry processed, remember the feeds' validators.
    with store.transaction():
        for f, result in zip(due, results, strict=True):
            _record_feed(
                store, settings, f, result, per_feed[f.url], rows.get(f.url), now, skipped.get(f.url, ())
            )
            wait = to_wait.get(f.url, ())
            store.add_waiting(f.url, [(e.key, _entries_json([(f.url, e)])) for e in wait], now=now)
            report.feeds.append(per_feed[f.url])
        store.set_meta(LAST_CYCLE_KEY, now.isoformat())
    report.finished = datetime.now(UTC)
    return report


def _record_decided(
    store: Store, ordered: Sequence[ArticleFacts], decided: LedgerReport, now: datetime
) -> None:
    """After the decide jobs: the articles without facts stored, every article's feed entries
    recorded, and the pending facts whose time is over dropped, as one process's ledger does."""
    for article in ordered:
        if article.url in decided.failed:
            continue
        document_id = store.document_id(article.url) or store.add_document(article.document, now)
        if article.after is not None:
            article.after(store, document_id)
    expire_pending(store, now)


def _record_feed(
    store: Store,
    settings: Settings,
    f: FeedSettings,
    result: feeds.FeedResult,
    summary: FeedReport,
    row: FeedRow | None,
    now: datetime,
    skipped: Sequence[feeds.FeedEntry] = (),
) -> None:
    """Remember one feed's poll: skipped entries, validators or failure, health alerts."""
    for entry in skipped:
        known_doc = store.document_id(entry.link) if entry.link else None
        store.add_entry(
            f.url,
            entry.key,
            link=entry.link,
            title=entry.title,
            published=entry.published,
            now=now,
            relevant=known_doc is not None,
            document_id=known_doc,
        )
    if result.failed:
        previous = row.failures if row else 0
        # From the response, not the cycle's start: a long cycle must not eat the back-off.
        next_at = feeds.next_attempt(
            previous + 1, result.retry_after, result.responded_at or now, settings.http
        )
        error = result.error or "failed"
        failures = store.feed_failed(f.url, now=now, error=error, next_attempt=next_at)
        _feed_health(store, settings, f, failed=True, error=error, failures=failures, now=now)
        return
    store.feed_succeeded(
        f.url,
        now=now,
        etag=result.etag,
        last_modified=result.last_modified,
        body_hash=result.body_hash,
        next_attempt=now + timedelta(seconds=f.interval or settings.interval),
        new_entries=summary.new_entries,
    )
    _feed_health(store, settings, f, failed=False, error="", failures=0, now=now)


def run_cycle(
    settings: Settings,
    *,
    store: Store,
    now: datetime | None = None,
    client: httpx.AsyncClient | None = None,
    feed_urls: Sequence[str] | None = None,
    force: bool = False,
    pool: articles.ExtractionPool | None = None,
    progress: Progress | None = None,
) -> CycleReport:
    """One poll cycle, synchronously; builds its own HTTP client unless given one.

    ``progress(stage, done, total)`` is told how far the cycle is ("feeds", then "articles").
    """
    now = now or datetime.now(UTC)

    async def go() -> CycleReport:
        if client is not None:
            return await run_cycle_async(
                settings,
                client=client,
                store=store,
                now=now,
                feed_urls=feed_urls,
                force=force,
                pool=pool,
                progress=progress,
            )
        async with feeds.make_client(settings.http) as own:
            return await run_cycle_async(
                settings,
                client=own,
                store=store,
                now=now,
                feed_urls=feed_urls,
                force=force,
                pool=pool,
                progress=progress,
            )

    return asyncio.run(go())


class CycleRunner:
    """Runs a daemon's cycles on one event loop, with one thread pool and one HTTP client.

    ``asyncio.run`` per cycle makes a new loop, a new default thread pool and a new client each
    time: new threads and connections every cycle, and a process whose memory creeps up (glibc
    keeps an arena per new thread). One loop for the daemon's life keeps all three, and the
    client's keep-alive connections, across cycles. Cycles run one at a time.
    """

    def __init__(self, settings: Settings):
        self._settings = settings
        self._loop = asyncio.new_event_loop()
        workers = max(4, settings.http.concurrency)
        self._loop.set_default_executor(ThreadPoolExecutor(workers, thread_name_prefix="watcher-cycle"))
        self._client: httpx.AsyncClient | None = None

    @property
    def settings(self) -> Settings:
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        """New feeds and companies (a reload): the next cycle uses them, a running one keeps its own."""
        self._settings = settings

    def run(
        self,
        store: Store,
        *,
        now: datetime,
        feed_urls: Sequence[str] | None = None,
        force: bool = False,
        pool: articles.ExtractionPool | None = None,
        fanout: Fanout | None = None,
    ) -> CycleReport:
        async def go() -> CycleReport:
            if self._client is None:
                self._client = feeds.make_client(self._settings.http)
            return await run_cycle_async(
                self._settings,
                client=self._client,
                store=store,
                now=now,
                feed_urls=feed_urls,
                force=force,
                pool=pool,
                fanout=fanout,
            )

        return self._loop.run_until_complete(go())

    def in_loop(self, work: Callable[[], Awaitable[object]]) -> object:
        """Run ``work()`` on the cycles' event loop (to open or close what lives there)."""

        async def go() -> object:
            return await work()

        return self._loop.run_until_complete(go())

    def close(self) -> None:
        """Close the client, the threads and the loop; a cycle still running is left to the exit."""
        if self._loop.is_closed() or self._loop.is_running():
            return
        if self._client is not None:
            self._loop.run_until_complete(self._client.aclose())
        self._loop.run_until_complete(self._loop.shutdown_default_executor())
        self._loop.close()


# -- one feed, checked before it is added --------------------------------------------


@dataclass(frozen=True)
class FeedCheck:
    """What one fetch of a feed gave: its title and entries, and how many name a company."""

    url: str
    error: str | None = None
    title: str = ""
    entries: int = 0
    mentioning: int = 0  # entries naming at least one of the companies the feed would serve
    per_entity: tuple[tuple[str, int], ...] = ()


def check_feed(settings: Settings, url: str, entities: Sequence[str] = ()) -> FeedCheck:
    """Fetch ``url`` once as a poll would (the same guarded client, caps and parsing).

    ``entities`` are the companies the feed would be read for (default: every one).
    Nothing is stored.
    """
    served = [e for e in settings.entities if not entities or e.name in entities]

    async def go() -> feeds.FeedResult:
        async with feeds.make_client(settings.http) as client:
            [result] = await feeds.fetch_feeds(client, [feeds.FeedRequest(url)], settings.http)
        return result

    result = asyncio.run(go())
    if result.failed:
        return FeedCheck(url, error=result.error or f"{url}: failed")
    # The cycle's matcher (watcher.names): the entries a poll would read for these companies.
    matcher = matcher_for(tuple(served))
    named = [matcher.find(_entry_text(e)) for e in result.entries]
    per_entity = tuple((e.name, sum(1 for n in named if e in n)) for e in served)
    return FeedCheck(
        url,
        title=result.title,
        entries=len(result.entries),
        mentioning=sum(1 for n in named if n),
        per_entity=per_entity,
    )


# -- one article, explained ------------------------------------------------------


@dataclass(frozen=True)
class MoneyExplained:
    """One money mention of an article and what became of it for one entity."""

    entity: str
    text: str  # the mention as written
    fact: Fact | None  # the fact it became, if any
    outcome: str  # the diff's outcome for a fact, or "dropped"
    note: str


@dataclass(frozen=True)
class ArticleExplained:
    url: str
    title: str
    published: str | None
    text_source: str  # page | summary
    language: str | None
    stored: bool  # already read by a cycle
    mentions: tuple[MoneyExplained, ...]
    named: tuple[str, ...] = ()  # the tracked companies the article names, whose facts are read


def read_article_text(settings: Settings, url: str, *, now: datetime) -> ArticleTextRead:
    """One article's text, read as a cycle reads it (the same fetch, limits and extraction):
    what ``explain`` judges, and what the review page shows a change's evidence in."""
    entry = feeds.FeedEntry(key=url, guid=None, link=url, title="", summary="", published=None)

    async def fetch() -> ReadJob:
        async with feeds.make_client(settings.http) as client:
            return await _fetch_page(client, _read_job(url, [("", entry)], settings, now), settings)

    job = asyncio.run(fetch())
    article = articles.default_pool(settings.http).run(article_text, job, label=url)
    if article.text_source != "page" and not article.text.strip(" .\n"):
        raise FetchError(f"{url}: could not read the page (see the log above); nothing to explain")
    return article


def explain_article(settings: Settings, store: Store, url: str, *, now: datetime) -> ArticleExplained:
    """Read one article as a cycle would and say, for every money mention, what it became and why."""
    from watcher.facts import extract_facts, find_money
    from watcher.review import explain_facts

    article = read_article_text(settings, url, now=now)
    period = clamp_period(article.published, now)
    mentions: list[MoneyExplained] = []
    # As a cycle reads it: only the companies the article names, so no decision is about another
    # (and not every tracked one: 10,000 of them).
    named = feed_roster(settings, ()).find(f"{article.title}\n{article.text}")
    for entity in named:
        facts = extract_facts(
            article.text,
            entity.name,
            entity.aliases,
            lang=lexicon_language(article.language),
            published=period,
        )
        decided = explain_facts(store, settings, entity.name, facts, period=period, url=url, now=now)
        used: set[int] = set()
        for m in find_money(article.text):
            written = article.text[m.start : m.end]
            hit = next(
                (
                    e
                    for e in decided
                    if id(e.fact) not in used and written in e.fact.evidence and e.fact.amount == m.amount
                ),
                None,
            )
            if hit is None:
                note = (
                    f"not a round, valuation or total of {entity.name}: another company's, revenue, debt..."
                )
                mentions.append(MoneyExplained(entity.name, written, None, "dropped", note))
                continue
            used.add(id(hit.fact))
            mentions.append(MoneyExplained(entity.name, written, hit.fact, hit.outcome, hit.note))
        for e in decided:  # facts whose figure is written in a way find_money reads differently
            if id(e.fact) not in used:
                mentions.append(MoneyExplained(entity.name, str(e.fact.amount), e.fact, e.outcome, e.note))
    return ArticleExplained(
        url=url,
        title=article.title,
        published=period,
        text_source=article.text_source,
        language=article.language,
        stored=store.document_id(url) is not None,
        mentions=tuple(mentions),
        named=tuple(e.name for e in named),
    )
