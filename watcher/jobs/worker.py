"""``watcher worker``: runs fetch and read jobs from the database's queue, on any machine that
reaches it, with the same config.toml as the scheduler (the companies and HTTP settings)."""

from __future__ import annotations

import asyncio
import logging
import os

import psycopg
from procrastinate import App
from procrastinate.exceptions import ConnectorException
from procrastinate.schema import SchemaManager

from watcher import articles, feeds
from watcher.jobs.tasks import QUEUE, WorkerState, make_app
from watcher.settings import Settings
from watcher.store import Store
from watcher.store.postgres import first_line, shown
from watcher.store.queue import ensure_queue

log = logging.getLogger("watcher.jobs")

# A worker says it is alive this often; the scheduler hands on the jobs of one silent for long
# (watcher.jobs.fanout.STALLED_AFTER).
HEARTBEAT_SECONDS = 2.0
RECONNECT_SECONDS = 5.0


def prepare_queue(url: str) -> None:
    """watcher's schema and the queue's tables, made by whichever process comes first."""
    with Store(url) as store:
        if ensure_queue(store, SchemaManager.get_schema()):
            log.info("made the job queue's tables in %s", store.where)


async def _work(app: App, state: WorkerState, concurrency: int) -> bool:
    """Run jobs until stopped (True), or until the database is lost (False, said in one line)."""
    try:
        async with app.open_async():
            await app.run_worker_async(
                queues=[QUEUE],
                concurrency=concurrency,
                additional_context={"watcher": state},
                update_heartbeat_interval=HEARTBEAT_SECONDS,
                stalled_worker_timeout=HEARTBEAT_SECONDS * 6,
                delete_jobs="successful",
            )
        return True
    except (ConnectorException, psycopg.Error, OSError) as e:
        log.error(
            "%s: lost the database (%s); trying again in %.0f s",
            shown(state.url),
            first_line(e),
            RECONNECT_SECONDS,
        )
        return False


def run_worker(settings: Settings, *, concurrency: int) -> None:
    """Take jobs until SIGINT or SIGTERM (a job under way is finished first)."""
    assert isinstance(settings.db, str)
    url = settings.db
    prepare_queue(url)
    app = make_app(url)
    # Reading is CPU-bound: as many extraction processes as jobs at once, up to the cores.
    processes = max(1, min(concurrency, os.cpu_count() or 1))

    async def main() -> None:
        state = WorkerState(
            settings=settings,
            client=feeds.make_client(settings.http),
            pool=articles.ExtractionPool(settings.http, workers=processes),
            limiter=articles.PageLimiter(settings.http),
            url=url,
        )
        log.info("worker started (pid %d): %d jobs at a time on %s", os.getpid(), concurrency, shown(url))
        try:
            while not await _work(app, state, concurrency):
                # PostgreSQL went away: one line, then the worker tries again (no restart needed).
                await asyncio.sleep(RECONNECT_SECONDS)
        finally:
            await state.client.aclose()
            state.pool.close()
            state.close()

    asyncio.run(main())
