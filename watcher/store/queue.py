"""The job queue's side of a PostgreSQL database (watcher.jobs): procrastinate's own tables,
the results workers leave for the scheduler, and the lock that elects one scheduler.

Not watcher's state (which is the named migrations' tables, the same on both backends): the
queue exists only on PostgreSQL, is made by the first ``watcher run`` or ``watcher worker``,
and holds nothing a ``db copy`` must move.
"""

from __future__ import annotations

from collections.abc import Sequence

from watcher.errors import StoreError
from watcher.store import Store
from watcher.store.postgres import PostgresConnection

# Advisory lock keys (one 64-bit space per database): making the queue, and being the scheduler.
QUEUE_SCHEMA_LOCK = 0x5741_5443_0002
SCHEDULER_LOCK = 0x5741_5443_0003

RESULTS_TABLE = (
    "CREATE TABLE IF NOT EXISTS watcher_job_results"
    ' (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())'
)


def _pg(store: Store) -> PostgresConnection:
    if not isinstance(store.db, PostgresConnection):
        raise StoreError(f"{store.where}: jobs need a PostgreSQL database ([watcher] db = postgresql://...)")
    return store.db


def ensure_queue(store: Store, procrastinate_schema: str) -> bool:
    """Make the queue's tables unless they are there; True if they were made now."""
    pg = _pg(store)
    try:
        with store.transaction():
            pg.execute("SELECT pg_advisory_xact_lock(?)", (QUEUE_SCHEMA_LOCK,))
            made = not pg.rows("SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS has", ())[0]["has"]
            if made:
                # Run as written: procrastinate's SQL has % and ? of its own (not placeholders).
                pg.conn.execute(procrastinate_schema.encode())
            pg.conn.execute(RESULTS_TABLE.encode())
    except pg.errors as e:
        raise StoreError(pg.error_line("cannot make the job queue's tables", e)) from e
    return made


def put_result(store: Store, key: str, value: str) -> None:
    """A job's result, for the scheduler waiting on ``key`` (a job run twice writes it again)."""
    _pg(store)
    store._exec(
        "INSERT INTO watcher_job_results (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def has_result(store: Store, key: str) -> bool:
    """Whether a result (or a job's done mark) is there under ``key``."""
    _pg(store)
    return bool(store._rows("SELECT 1 AS one FROM watcher_job_results WHERE key = ?", (key,)))


def forget_old_results(store: Store, days: int = 1) -> int:
    """Drop results nobody waited for (a scheduler that died) and decide jobs' done marks, once
    older than ``days``: by then no job of theirs can still be run again. How many went."""
    _pg(store)
    rows = store._rows(
        "DELETE FROM watcher_job_results WHERE created_at < now() - make_interval(days => ?) RETURNING key",
        (days,),
    )
    return len(rows)


def take_results(store: Store, keys: Sequence[str]) -> dict[str, str]:
    """The results there of these keys, removed as they are read."""
    _pg(store)
    if not keys:
        return {}
    rows = store._rows(
        "DELETE FROM watcher_job_results WHERE key = ANY(?) RETURNING key, value", (list(keys),)
    )
    return {str(r["key"]): str(r["value"]) for r in rows}


def ended_without_result(store: Store, job_ids: Sequence[int]) -> dict[int, tuple[str, str, int]]:
    """Of these jobs, those procrastinate ended without success (failed on their last try,
    cancelled or aborted): id -> (task name, status, how many times it ran). A job that ran
    through leaves its result first, so one of these has none, and none will come."""
    _pg(store)
    if not job_ids:
        return {}
    rows = store._rows(
        "SELECT id, task_name, status::text AS status, attempts FROM procrastinate_jobs"
        " WHERE id = ANY(?) AND status IN ('failed', 'cancelled', 'aborted')",
        (list(job_ids),),
    )
    return {int(r["id"]): (str(r["task_name"]), str(r["status"]), int(r["attempts"])) for r in rows}


def try_scheduler_lock(store: Store) -> bool:
    """Become the scheduler unless another process is: the lock is the session's, so it ends
    with this connection (the process dies, or PostgreSQL drops it) and a standby takes it."""
    _pg(store)
    return bool(store._rows("SELECT pg_try_advisory_lock(?) AS got", (SCHEDULER_LOCK,))[0]["got"])
