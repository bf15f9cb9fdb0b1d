"""The scheduler's side: a cycle's feeds, articles and decisions sent out as jobs, and their
results awaited, so the cycle (watcher.pipeline) ends as in one process. Deciding is one job per
company (one at a time per company: procrastinate's lock), each taking that company's articles
of the cycle in the fixed order, so the changes are those of SQLite in one process.

One task polls the results table for every key the cycle waits on (not one query per
article), and hands a job whose worker died (no heartbeat: kill -9, a machine gone) back to
the queue, so another worker runs it: nothing is lost, and a job run twice only writes its
result again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import cast

from procrastinate import App
from procrastinate.types import JSONValue

from watcher import feeds
from watcher.errors import StoreError
from watcher.jobs import codec
from watcher.jobs.tasks import decide_job
from watcher.ledger import ArticleFacts, LedgerReport
from watcher.pipeline import Fanout
from watcher.reading import ArticleRead
from watcher.settings import Settings
from watcher.store import Store
from watcher.store.queue import forget_old_results, take_results

log = logging.getLogger("watcher.jobs")

POLL_SECONDS = 0.2
# A job whose worker sent no heartbeat for this long is given to another worker (workers beat
# every 5 s). WATCHER_JOB_STALLED_SECONDS shortens it, for the fault tests.
STALLED_AFTER = float(os.environ.get("WATCHER_JOB_STALLED_SECONDS", "30"))
# How often the waiting scheduler says it still waits (no worker running, say).
WAITING_LINE_EVERY = 60.0


class ArticleJobFailed(Exception):
    """A worker could not read the article; its message is the worker's error line."""


class JobFanout:
    def __init__(self, settings: Settings, app: App, *, stalled_after: float | None = None):
        assert isinstance(settings.db, str)
        self.settings = settings
        self.app = app
        self.stalled_after = STALLED_AFTER if stalled_after is None else stalled_after
        self.entities = {e.name: e for e in settings.entities}
        self._url = settings.db
        self._store: Store | None = None
        self._lost: str | None = None  # the database's error, said once until it answers again
        self._waiting: dict[str, asyncio.Future[str]] = {}
        self._poller: asyncio.Task[None] | None = None

    def fanout(self) -> Fanout:
        return Fanout(fetch_feeds=self.fetch_feeds, read_article=self.read_article, decide=self.decide)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _take(self) -> dict[str, str]:
        """The results there; none while the database is away (said once), reconnecting after."""
        try:
            if self._store is None:
                self._store = Store(self._url)
            found = take_results(self._store, list(self._waiting))
        except StoreError as e:
            self.close()
            if self._lost != str(e):
                self._lost = str(e)
                log.error("%s; waiting for it to answer again", e)
            return {}
        if self._lost is not None:
            self._lost = None
            log.warning("the database answers again; the cycle goes on")
        return found

    async def fetch_feeds(self, requests: Sequence[feeds.FeedRequest]) -> list[feeds.FeedResult]:
        cycle = uuid.uuid4().hex
        keys = [f"{cycle}:feed:{i}" for i in range(len(requests))]
        task = self.app.tasks["watcher:fetch_feed"]
        # One insert for all: 5,000 feeds deferred one by one would cost a round trip each.
        if requests:
            pairs = zip(keys, requests, strict=True)
            jobs: list[dict[str, JSONValue]] = [
                {"key": k, "request": codec.request_to_json(r)} for k, r in pairs
            ]
            await task.batch_defer_async(*jobs)
        values = await asyncio.gather(*(self._wait(key) for key in keys))
        return [codec.result_from_json(v) for v in values]

    async def read_article(
        self, link: str, pairs: Sequence[tuple[str, feeds.FeedEntry]], now: datetime
    ) -> ArticleRead:
        key = f"{uuid.uuid4().hex}:read"
        task = self.app.tasks["watcher:read_article"]
        await task.defer_async(key=key, link=link, entries=codec.pairs_to_json(pairs), now=now.isoformat())
        value = json.loads(await self._wait(key))
        if "error" in value:
            raise ArticleJobFailed(value["error"])
        return codec.read_from_json(value["read"], self.entities)

    async def decide(self, ordered: Sequence[ArticleFacts], now: datetime) -> LedgerReport:
        """One decide job per company with facts this cycle; their reports, in the config's order."""
        cycle = uuid.uuid4().hex
        self._forget_old_results()
        keys: list[str] = []
        for entity in self.settings.entities:
            mine = [a for a in ordered if any(e.name == entity.name and facts for e, facts in a.facts)]
            if not mine:
                continue
            key = f"{cycle}:decide:{entity.name}"
            keys.append(key)
            await decide_job(self.app, entity.name).defer_async(
                key=key,
                company=entity.name,
                now=now.isoformat(),
                articles=cast(JSONValue, codec.company_articles_to_json(entity.name, mine)),
            )
        merged = LedgerReport()
        for value in await asyncio.gather(*(self._wait(key) for key in keys)):
            report = codec.report_from_json(value)
            merged.facts += report.facts
            merged.changes.extend(report.changes)
            merged.alerts_enqueued += report.alerts_enqueued
            merged.failed.update(report.failed)
            merged.pending += report.pending
        return merged

    def _forget_old_results(self) -> None:
        try:
            if self._store is None:
                self._store = Store(self._url)
            forget_old_results(self._store)
        except StoreError as e:
            log.warning("cannot drop old job results: %s", e)  # tried again next cycle

    async def _wait(self, key: str) -> str:
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._waiting[key] = future
        if self._poller is None or self._poller.done():
            self._poller = asyncio.create_task(self._poll())
        return await future

    async def _poll(self) -> None:
        try:
            await self._poll_results()
        except BaseException as e:
            # Never leave the cycle waiting on a poller that is gone: it fails with the reason.
            waiting, self._waiting = self._waiting, {}
            for future in waiting.values():
                if not future.done():
                    future.set_exception(e if isinstance(e, Exception) else RuntimeError("stopped"))
            raise

    async def _poll_results(self) -> None:
        said = checked = time.monotonic()
        while self._waiting:
            found = self._take()
            for key, value in found.items():
                future = self._waiting.pop(key, None)
                if future is not None and not future.done():
                    future.set_result(value)
            now = time.monotonic()
            if now - checked >= min(5.0, self.stalled_after / 2):
                checked = now
                try:
                    await self._requeue_stalled()
                except Exception as e:
                    log.warning("cannot look for stalled jobs: %s: %s", type(e).__name__, e)
            if not self._waiting:
                return
            if found:
                said = now
            elif now - said >= WAITING_LINE_EVERY:
                said = now
                log.warning(
                    "waiting for %d jobs: is a `watcher worker` running against this database?",
                    len(self._waiting),
                )
            await asyncio.sleep(POLL_SECONDS)

    async def _requeue_stalled(self) -> None:
        manager = self.app.job_manager
        for job in await manager.get_stalled_jobs(seconds_since_heartbeat=self.stalled_after):
            log.warning(
                "job %s (%s): its worker stopped answering; given to another worker", job.id, job.task_name
            )
            await manager.retry_job(job)
