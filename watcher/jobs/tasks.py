"""The jobs a ``watcher worker`` runs: fetch a feed, read an article, decide one company's
articles of a cycle. Each leaves its result in the database under the key the scheduler waits
for (watcher.store.queue). Fetching and reading never write watcher's state; deciding does, one
company at a time (procrastinate's lock ``decide:<company>``), in one transaction.

A job that fails for the network or the page records that failure as its result (the cycle
treats it as in one process: the feed's back-off, the article's retry). A job that raises (it
could not leave its result, a bug) is run again by procrastinate a bounded number of times
(JOB_RETRY), then leaves its error as its result and ends: the scheduler never waits on a job
that will not run again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from procrastinate import App, JobContext, RetryStrategy
from procrastinate.jobs import JobDeferrer
from procrastinate.psycopg_connector import PsycopgConnector

from watcher import articles, feeds
from watcher.errors import StoreError
from watcher.jobs import codec
from watcher.ledger import Ledger
from watcher.pipeline import read_one
from watcher.settings import Settings
from watcher.store import Store
from watcher.store.queue import has_result, put_result

log = logging.getLogger("watcher.jobs")

QUEUE = "watcher"
# A job that raised is run again: procrastinate's retry of the same job, on whichever worker
# takes it. A fetch or read job raises only when it could not leave its result (the database
# refusing it) or for a bug: run again, it fetches or reads anew. A decide job was rolled back
# whole, so it decides the company's articles from the start, once; it keeps its company's lock,
# so that company's later jobs still wait behind it, and the cycle goes on without failing. An
# article that names two companies may be stored by the other's job meanwhile: it stays to do
# for this one (the store's document_decisions), and is read again until its decision is done.
# Database trouble may last a while (JOB_RETRY's 21 tries); anything else (a bug, a worker whose
# config lacks the company) is tried JOB_TRIES times. Then the job leaves its error as its result
# (_run_job) and ends: the scheduler reads it as the feed's failure, the article's (read again on
# a later cycle) or the cycle's (a company's), and never waits for a job that will not run again.
# A second apart at first: a worker restarting, or a database dropping a connection, is back by
# then.
JOB_RETRY = RetryStrategy(max_attempts=20, wait=1, linear_wait=1)
JOB_TRIES = 3
# Seconds a decide job waits before its commit: only for the fault tests, which kill -9 a worker
# in the middle of one.
DECIDE_PAUSE = float(os.environ.get("WATCHER_DECIDE_PAUSE_SECONDS", "0"))


@dataclass
class WorkerState:
    """What a worker process keeps for all its jobs: the config, one HTTP client, one pool of
    extraction processes, and a connection to leave results through."""

    settings: Settings
    client: httpx.AsyncClient
    pool: articles.ExtractionPool
    limiter: articles.PageLimiter
    url: str
    store: Store | None = None

    def put(self, key: str, value: str) -> None:
        """Leave a result; a connection PostgreSQL dropped (a restart) is opened again once."""
        for attempt in (1, 2):
            try:
                if self.store is None:
                    self.store = Store(self.url)
                put_result(self.store, key, value)
                return
            except StoreError:
                self.close()
                if attempt == 2:
                    raise  # the job fails; procrastinate runs it again later

    def close(self) -> None:
        if self.store is not None:
            with suppress(StoreError):
                self.store.close()
            self.store = None


def _state(context: JobContext) -> WorkerState:
    state = context.additional_context["watcher"]
    assert isinstance(state, WorkerState)
    return state


async def _run_job(
    context: JobContext,
    kind: str,
    subject: str,
    work: Callable[[], Awaitable[None]],
    give_up: Callable[[str], None],
) -> None:
    """Run a job's ``work``, which leaves its result. Should it raise, the job raises too while it
    has tries left (JOB_RETRY says why), and procrastinate runs it again; on its last try
    ``give_up`` is handed the error line to leave as the job's result instead, and the job ends."""
    try:
        await work()
    except Exception as e:
        tried = context.job.attempts + 1  # procrastinate counts the runs before this one
        tries = (JOB_RETRY.max_attempts or 0) + 1 if isinstance(e, StoreError) else JOB_TRIES
        error = f"{type(e).__name__}: {e}"
        if tried < tries:
            log.warning(
                "%s job of %s failed (try %d of %d; it runs again): %s", kind, subject, tried, tries, error
            )
            raise
        log.error("%s job of %s failed (try %d of %d; given up): %s", kind, subject, tried, tries, error)
        # Should this fail too (the database still refusing), the job ends failed with no result:
        # the scheduler sees that in procrastinate's table (watcher.jobs.fanout) and goes on.
        give_up(f"{error}; its {kind} job gave up after {tried} tries (see the workers' logs)")


async def fetch_feed(context: JobContext, key: str, request: dict[str, Any]) -> None:
    state = _state(context)
    url = str(request.get("url"))

    async def poll() -> None:
        [result] = await feeds.fetch_feeds(
            state.client, [codec.request_from_json(request)], state.settings.http
        )
        state.put(key, codec.result_to_json(result))

    def give_up(line: str) -> None:
        # A failed poll, as the network's would be: the feed backs off, and its line names it.
        failed = feeds.FeedResult(url, "failed", error=f"{url}: {line}", responded_at=datetime.now(UTC))
        state.put(key, codec.result_to_json(failed))

    await _run_job(context, "fetch", url, poll, give_up)


async def read_article(
    context: JobContext, key: str, link: str, entries: list[dict[str, Any]], now: str
) -> None:
    state = _state(context)

    async def read() -> None:
        pairs = codec.pairs_from_json(entries)
        try:
            found = await read_one(
                state.client,
                state.settings,
                state.pool,
                link,
                pairs,
                datetime.fromisoformat(now),
                state.limiter,
            )
            value = json.dumps({"read": codec.read_to_json(found)})
        except Exception as e:
            # As in one process: the page's trouble is the article's, recorded and retried with
            # back-off on later cycles; running the job again now would read the same page.
            log.warning("article %s: %s: %s", link, type(e).__name__, e)
            value = json.dumps({"error": f"{type(e).__name__}: {e}"})
        state.put(key, value)

    def give_up(line: str) -> None:
        # The article's failure, as a page's: not marked seen, and read again on a later cycle.
        state.put(key, json.dumps({"error": line}))

    await _run_job(context, "read", link, read, give_up)


def decide_lock(company: str) -> str:
    """procrastinate runs the jobs of one lock one at a time, in the order they were deferred."""
    return f"decide:{company}"


def decide_job(app: App, company: str) -> JobDeferrer:
    """The deferrer of one company's decide job: its lock makes the company's jobs one at a time."""
    return app.tasks["watcher:decide"].configure(lock=decide_lock(company))


def decide_company(
    settings: Settings, url: str, key: str, company: str, now: datetime, items: list[Any]
) -> None:
    """Decide one company's articles of a cycle in the fixed order, in one transaction that also
    leaves the result and a done mark: a job run again after its commit (its worker killed before
    procrastinate heard it finished) finds the mark and decides nothing twice. Killed before the
    commit, PostgreSQL rolls it all back and the job runs again from the start."""
    entity = next((e for e in settings.entities if e.name == company), None)
    if entity is None:
        raise ValueError(f"this worker's config has no company {company!r}: configs must be the same")
    with Store(url) as store, store.transaction():
        if has_result(store, f"{key}:done"):
            log.info("%s: the cycle's decisions are already recorded", company)
            return
        log.info("deciding %d articles of %s", len(items), company)
        ledger = Ledger(store, settings, now, one_company=True)
        ledger.record_all(codec.company_articles_from_json(entity, items))
        report = ledger.finish()
        if DECIDE_PAUSE:
            time.sleep(DECIDE_PAUSE)
        put_result(store, key, codec.report_to_json(report))
        put_result(store, f"{key}:done", "")


async def decide(
    context: JobContext, key: str, company: str, now: str, articles: list[dict[str, Any]]
) -> None:
    state = _state(context)

    async def decide_all() -> None:
        # Its own connection (the jobs beside it leave results through the shared one), off the loop.
        await asyncio.to_thread(
            decide_company, state.settings, state.url, key, company, datetime.fromisoformat(now), articles
        )

    def give_up(line: str) -> None:
        # Rolled back whole: the scheduler's cycle fails with this line, and runs again.
        state.put(key, json.dumps({"error": f"{company}: {line}"}))

    await _run_job(context, "decide", company, decide_all, give_up)


def make_app(url: str) -> App:
    """The procrastinate app on ``url`` (watcher's own database: no other broker), with the jobs
    a worker runs as ``watcher:<name>``. Registered on each app anew: a blueprint of them added
    to a second app in one process would be renamed by procrastinate (``watcher:watcher:decide``),
    leaving that app without them."""
    app = App(connector=PsycopgConnector(conninfo=url, min_size=1, max_size=4))
    app.task(name="watcher:fetch_feed", queue=QUEUE, pass_context=True, retry=JOB_RETRY)(fetch_feed)
    app.task(name="watcher:read_article", queue=QUEUE, pass_context=True, retry=JOB_RETRY)(read_article)
    app.task(name="watcher:decide", queue=QUEUE, pass_context=True, retry=JOB_RETRY)(decide)
    return app
