"""The scheduler's side: a cycle's feeds, articles and decisions sent out as jobs, and their
results awaited, so the cycle (watcher.pipeline) ends as in one process. Deciding is one job per
company (one at a time per company: procrastinate's lock), each taking that company's articles
of the cycle in the fixed order, so the changes are those of SQLite in one process.

One task polls the results table for every key the cycle waits on (not one query per
article), and hands a job whose worker died (no heartbeat: kill -9, a machine gone) back to
the queue, so another worker runs it: nothing is lost, and a job run twice only writes its
result again. A job that gives up leaves its error as its result (watcher.jobs.tasks); one that
could not even do that (the database refusing every write) ends failed in procrastinate's table,
where the poller sees it: either way the cycle goes on, that feed or article failed (read again
on a later cycle), or fails with that company's line, and never waits for a job that will not run.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import cast

from procrastinate import App
from procrastinate.types import JSONValue

from watcher import feeds
from watcher.errors import ArticleJobFailed, DecideJobFailed, JobFailed, StoreError
from watcher.jobs import codec
from watcher.jobs.tasks import decide_job
from watcher.ledger import ArticleFacts, LedgerReport
from watcher.pipeline import Fanout
from watcher.reading import ArticleRead
from watcher.settings import Settings
from watcher.store import Store
from watcher.store.queue import ended_without_result, forget_old_results, take_results

log = logging.getLogger("watcher.jobs")

POLL_SECONDS = 0.2
# A job whose worker sent no heartbeat for this long is given to another worker (workers beat
# every 5 s). WATCHER_JOB_STALLED_SECONDS shortens it, for the fault tests.
STALLED_AFTER = float(os.environ.get("WATCHER_JOB_STALLED_SECONDS", "30"))
# How often the waiting scheduler says it still waits (no worker running, say).
WAITING_LINE_EVERY = 60.0


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
        self._job_ids: dict[str, int] = {}  # the procrastinate job of each key waited on
        self._poller: asyncio.Task[None] | None = None

    def fanout(self) -> Fanout:
        return Fanout(fetch_feeds=self.fetch_feeds, read_article=self.read_article, decide=self.decide)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _take(self, *, ended_too: bool) -> tuple[dict[str, str], dict[str, str]]:
        """The results there, and (``ended_too``) the error line of each key whose job ended
        without one; nothing while the database is away (said once), reconnecting after."""
        try:
            if self._store is None:
                self._store = Store(self._url)
            ended = self._ended(self._store) if ended_too else {}
            # After the jobs' states: a job seen ended left any result it had before that.
            found = take_results(self._store, list(self._waiting))
        except StoreError as e:
            self.close()
            if self._lost != str(e):
                self._lost = str(e)
                log.error("%s; waiting for it to answer again", e)
            return {}, {}
        if self._lost is not None:
            self._lost = None
            log.warning("the database answers again; the cycle goes on")
        return found, {key: line for key, line in ended.items() if key not in found}

    def _ended(self, store: Store) -> dict[str, str]:
        by_id = {self._job_ids[key]: key for key in self._waiting if key in self._job_ids}
        return {
            by_id[job_id]: (
                f"its {task} job {job_id} ended {status} after {tries} tries without leaving a result"
                " (see the workers' logs)"
            )
            for job_id, (task, status, tries) in ended_without_result(store, list(by_id)).items()
        }

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
            job_ids = await task.batch_defer_async(*jobs)
            self._job_ids.update(zip(keys, job_ids, strict=True))

        async def result(key: str, request: feeds.FeedRequest) -> feeds.FeedResult:
            try:
                return codec.result_from_json(await self._wait(key))
            except JobFailed as e:
                # The feed failed, as if the network had failed it: it backs off, the others go on.
                error = f"{request.url}: {e}"
                return feeds.FeedResult(request.url, "failed", error=error, responded_at=datetime.now(UTC))

        return list(await asyncio.gather(*(result(k, r) for k, r in zip(keys, requests, strict=True))))

    async def read_article(
        self, link: str, pairs: Sequence[tuple[str, feeds.FeedEntry]], now: datetime
    ) -> ArticleRead:
        key = f"{uuid.uuid4().hex}:read"
        task = self.app.tasks["watcher:read_article"]
        self._job_ids[key] = await task.defer_async(
            key=key, link=link, entries=codec.pairs_to_json(pairs), now=now.isoformat()
        )
        try:
            value = json.loads(await self._wait(key))
        except JobFailed as e:
            raise ArticleJobFailed(str(e)) from e
        if "error" in value:
            raise ArticleJobFailed(value["error"])
        return codec.read_from_json(value["read"], self.entities)

    async def decide(self, ordered: Sequence[ArticleFacts], now: datetime) -> LedgerReport:
        """One decide job per company with facts this cycle; their reports, in the config's order."""
        cycle = uuid.uuid4().hex
        self._forget_old_results()
        keys: list[tuple[str, str]] = []  # (the key waited on, its company)
        for entity in self.settings.entities:
            mine = [a for a in ordered if any(e.name == entity.name and facts for e, facts in a.facts)]
            if not mine:
                continue
            key = f"{cycle}:decide:{entity.name}"
            keys.append((key, entity.name))
            self._job_ids[key] = await decide_job(self.app, entity.name).defer_async(
                key=key,
                company=entity.name,
                now=now.isoformat(),
                articles=cast(JSONValue, codec.company_articles_to_json(entity.name, mine)),
            )

        async def decided(key: str, company: str) -> str:
            try:
                return await self._wait(key)
            except JobFailed as e:
                raise DecideJobFailed(f"{company}: {e}") from e

        merged = LedgerReport()
        for value in await asyncio.gather(*(decided(key, company) for key, company in keys)):
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
            self._job_ids.clear()
            for future in waiting.values():
                if not future.done():
                    future.set_exception(e if isinstance(e, Exception) else RuntimeError("stopped"))
            raise

    async def _poll_results(self) -> None:
        said = checked = time.monotonic()
        while self._waiting:
            now = time.monotonic()
            looking = now - checked >= min(5.0, self.stalled_after / 2)
            found, ended = self._take(ended_too=looking)
            for key, value in found.items():
                future = self._waiting.pop(key, None)
                self._job_ids.pop(key, None)
                if future is not None and not future.done():
                    future.set_result(value)
            for key, line in ended.items():
                future = self._waiting.pop(key, None)
                self._job_ids.pop(key, None)
                if future is not None and not future.done():
                    future.set_exception(JobFailed(line))
            if looking:
                checked = now
                try:
                    await self._requeue_stalled()
                except Exception as e:
                    log.warning("cannot look for stalled jobs: %s: %s", type(e).__name__, e)
            if not self._waiting:
                return
            if found or ended:
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
