"""The PostgreSQL backend (psycopg 3): its connection, the catalog reads of its schema, and
the advisory lock that lets one process at a time migrate it.

Imported only when ``[watcher] db`` is a ``postgresql://`` URL: a SQLite install never loads
psycopg (tests/test_lazy_imports.py). The password is never in the URL that is shown: libpq
reads it from ``PGPASSWORD`` (``[watcher] password_env`` names another variable to read it
from), and every line this module writes names the database without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import pq
from psycopg.rows import dict_row

from watcher.errors import SchemaError, StoreError
from watcher.schema import Column, DropIndex, Fill, Index, Migration, Step, Table
from watcher.store.dialect import POSTGRES, postgres_ddl, pyformat
from watcher.store.records import Row

# Taken (for the transaction) by a migrating process: two writers starting together on a new
# database would otherwise both create its tables.
SCHEMA_LOCK = 0x5741_5443_0001  # "WATC" 1

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def shown(url: str) -> str:
    """The URL without its password, as every message names the database."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def first_line(e: BaseException) -> str:
    """psycopg's messages run over several lines (DETAIL, HINT): the first says what happened."""
    text = str(e).strip() or type(e).__name__
    return text.splitlines()[0]


class PostgresConnection:
    dialect = POSTGRES
    errors: tuple[type[BaseException], ...] = (psycopg.Error,)

    def __init__(self, url: str, *, read_only: bool = False):
        self.url = shown(url)
        try:
            self.conn: psycopg.Connection[Any] = psycopg.connect(
                url, autocommit=True, row_factory=dict_row, connect_timeout=10
            )
            # Each statement planned for its parameters and the tables as they are, never from a
            # plan cached earlier (psycopg prepares a statement run five times, and PostgreSQL
            # then keeps one plan for all parameters). A decide job fills facts from nearly empty
            # in one transaction: the plan cached for its first articles was the empty table's (a
            # sequential scan of facts in source_counts), and nothing replans it before the commit
            # (no statistics count rows not yet committed), so each later article read every fact
            # written before it. Planning costs some 0.05 ms a statement; a read command runs
            # each of its statements about once, planned anew anyway. A SET, not the startup
            # packet's options ('-c plan_cache_mode=...'), which would save its round trip (0.3 ms
            # of a 0.28 s status, bench_postgres.py) but which PgBouncer refuses for a setting it
            # does not track: the connection would fail behind a pooler.
            self.conn.execute("SET plan_cache_mode = force_custom_plan")
            if read_only:
                self.conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as e:
            raise StoreError(
                f"{self.url}: cannot open the database: {first_line(e)}; check that PostgreSQL runs there and"
                " that the user, database and password (PGPASSWORD or [watcher] password_env) are right"
            ) from e

    def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        with self.conn.cursor() as cur:
            cur.execute(pyformat(sql), params)
            return list(cur.fetchall())

    def execute(self, sql: str, params: Sequence[Any]) -> int:
        with self.conn.cursor() as cur:
            cur.execute(pyformat(sql), params)
            return cur.rowcount

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        with self.conn.cursor() as cur:
            cur.execute(pyformat(sql + " RETURNING id"), params)
            row = cur.fetchone()
            return int(row["id"]) if row else 0

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.conn.close()

    def error_line(self, what: str, e: BaseException) -> str:
        return f"{self.url}: {what}: {first_line(e)}"


def _pg(db: object) -> PostgresConnection:
    assert isinstance(db, PostgresConnection)
    return db


def recorded_names(db: object) -> set[str] | None:
    """The migrations the database records; None for a new (empty) database. A database with
    tables but no migrations table is not watcher's: refused rather than written into."""
    pg = _pg(db)
    # One statement, one snapshot: another process migrating meanwhile is seen whole or not at all.
    # Every command asks this first: the catalog itself, not information_schema (whose views
    # cost 3 ms to plan, a tenth of a status), and the tables only when there is no migrations
    # table (an initplan is run only when its CASE branch is taken).
    [found] = pg.rows(
        "SELECT to_regclass('migrations') IS NOT NULL AS has, CASE WHEN to_regclass('migrations') IS NULL"
        " THEN EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
        " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')) END AS tables",
        (),
    )
    if found["has"]:
        return {str(r["name"]) for r in pg.rows("SELECT name FROM migrations", ())}
    if found["tables"]:
        raise SchemaError(
            f"{pg.url}: the database has tables but is not a watcher database (no migrations table);"
            " point [watcher] db at an empty database"
        )
    return None


def lock_schema(db: object) -> None:
    """Wait for any other process migrating this database (the lock ends with the transaction)."""
    _pg(db).execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))


def statements(step: Step) -> list[str]:
    """A migration step for PostgreSQL. Its databases always record their migrations by name,
    so a pending step was never run: there is no older schema to read first, as on SQLite."""
    if isinstance(step, Table | Index):
        return [postgres_ddl(step.sql)]
    if isinstance(step, Column):
        return [f"ALTER TABLE {step.table} ADD COLUMN {step.name} {postgres_ddl(step.decl)}"]
    if isinstance(step, Fill):
        return [step.sql]
    assert isinstance(step, DropIndex)
    return [f"DROP INDEX IF EXISTS {step.name}"]


def apply(db: object, migration: Migration) -> bool:
    pg = _pg(db)
    for step in migration.steps:
        for sql in statements(step):
            pg.execute(sql, ())
    return True


def copy_rows(db: object, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Rows into ``table`` by COPY (a million facts in seconds, not an INSERT each); how many."""
    n = 0
    with _pg(db).conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def set_links(db: object, table: str, column: str, pairs: Iterable[tuple[Any, Any]]) -> None:
    """``column`` of the rows of ``table`` by id, as (id, value) pairs."""
    with _pg(db).conn.cursor() as cur:
        cur.executemany(f"UPDATE {table} SET {column} = %s WHERE id = %s", [(v, i) for i, v in pairs])


def restart_identity(db: object, table: str) -> None:
    """The next id of ``table`` after the largest there (rows copied with their ids)."""
    _pg(db).execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false)"
        f" FROM {table}",
        (),
    )


def vacuum_analyze(db: object, table: str) -> None:
    """Reclaim the row versions a bulk load left behind and refresh the planner's statistics.

    ``db copy`` writes each row by COPY, then sets the few late links that point at a later row
    (``facts.corroborates`` re-pointed by a review) by UPDATE: each such row has a dead first
    version. VACUUM removes them, so reads never visit them, and the statistics it gathers
    are what the planner chooses the heads' indexes by. Runs outside a transaction (the
    connection is in autocommit mode)."""
    _pg(db).execute(f"VACUUM (ANALYZE) {table}", ())
