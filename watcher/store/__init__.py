"""The store: every SQL statement of watcher lives in this package, one module per aggregate.

=================  ==========================================================================
``documents``      entities (tracked companies) and documents (articles, seeds)
``facts``          facts, their event heads and re-reports, the reads decisions make
``review``         rejections of facts and changes by a user
``changes``        changes decided, and the messages and events that carry them
``outbox``         alerts and digests to send, claims, retries, channel pauses
``feeds``          feeds, entries seen, entries waiting, failed articles
``meta``           named values (heartbeat, cycle times, digest day)
``migrate``        which named migrations a database has; the upgrade (``watcher.schema``)
``records``        the dataclasses reads return, and rows turned into them
``base``           the connection, transactions, statements run with errors made one line
``dialect``        where SQLite and PostgreSQL differ (and why no SQLAlchemy)
``sqlite``         the SQLite file: WAL, read-only mounts, backups, creation
``postgres``       the PostgreSQL connection (psycopg 3), loaded only for a ``postgresql://`` db
=================  ==========================================================================

Amounts are stored as decimal strings, never floats, so comparisons stay exact. The schema
evolves through the named migrations of ``watcher.schema``, the same list on both backends;
only writers apply them (after a backup, on SQLite), read commands read a database as it is.
WAL mode lets ``status`` read while the daemon writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from watcher.errors import SchemaError, StoreError
from watcher.schema import MIGRATIONS  # re-exported for the tests
from watcher.store import sqlite
from watcher.store.base import Connection
from watcher.store.feeds import FeedsMixin
from watcher.store.meta import (
    CHANNEL_PAUSE_PREFIX,
    DIGEST_AT_KEY,
    DIGEST_DAY_KEY,
    HEARTBEAT_KEY,
    LAST_CYCLE_KEY,
    NEXT_CYCLE_KEY,
    PID_KEY,
    STOPPED_KEY,
)
from watcher.store.migrate import MigrationReport, SchemaMixin, SchemaState
from watcher.store.outbox import OutboxMixin
from watcher.store.records import DocumentText, FeedRow, NewDocument, OutboxRow, StoredFact, parse_time
from watcher.store.review import ReviewMixin
from watcher.store.sqlite_errors import open_error

__all__ = [
    "CHANNEL_PAUSE_PREFIX",
    "DIGEST_AT_KEY",
    "DIGEST_DAY_KEY",
    "HEARTBEAT_KEY",
    "LAST_CYCLE_KEY",
    "MIGRATIONS",
    "NEXT_CYCLE_KEY",
    "PID_KEY",
    "STOPPED_KEY",
    "DocumentText",
    "FeedRow",
    "MigrationReport",
    "NewDocument",
    "OutboxRow",
    "SchemaState",
    "Store",
    "StoredFact",
    "is_postgres",
    "parse_time",
]


def is_postgres(target: Path | str) -> bool:
    """``[watcher] db`` names a PostgreSQL database (a ``postgresql://`` URL), not a file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


class Store(SchemaMixin, FeedsMixin, ReviewMixin, OutboxMixin):
    """One open database: a SQLite file (or ``:memory:``), or a ``postgresql://`` URL. Use as
    a context manager or call ``close``.

    ``migrate=True`` (writers) upgrades an older schema in one transaction, after a backup
    beside the file (``watcher.db.bak-v7``); ``self.migration`` says what was done. With
    ``migrate=False`` the schema is left as it is (``pending`` says what is missing).
    ``read_only=True`` reads through a read-only connection and refuses a schema that read
    commands cannot read right; with ``migrate=False`` as well it is a view of the database
    as it is (a snapshot to copy: ``poll --dry-run`` upgrades its copy), only a newer
    watcher's schema refused.
    """

    def __init__(self, path: Path | str, *, migrate: bool = True, read_only: bool = False):
        self.read_only = read_only
        self.migration: MigrationReport | None = None
        if is_postgres(path):
            assert isinstance(path, str)
            self.db = self._open_postgres(path, read_only)
        else:
            self.path = Path(path)
            self.db = self._open_sqlite(path, migrate=migrate, read_only=read_only)
        try:
            state = self.schema_state()
        except self.db.errors as e:
            self.db.close()
            if isinstance(self.db, sqlite.SqliteConnection):
                raise StoreError(open_error(path, e)) from e
            raise StoreError(self.db.error_line("cannot open the database", e)) from e
        except BaseException:
            self.db.close()
            raise
        self._opened = state
        try:
            self._refuse_newer(state)
            if read_only and migrate:
                if state.empty:
                    raise SchemaError(
                        f"{self.where}: the database is empty and cannot be written here; nothing to read yet"
                    )
                self.check_readable(state)
            elif migrate and state.needs_upgrade:
                self.migration = self.migrate()
        except BaseException:
            self.db.close()
            raise

    def _open_sqlite(self, path: Path | str, *, migrate: bool, read_only: bool) -> Connection:
        if str(path) != ":memory:":
            sqlite.refuse_empty_file(self.path)
            if not read_only and not self.path.exists():
                sqlite.create(self.path)
        try:
            return sqlite.connect(self.path, read_only=read_only, wal=migrate)
        except (sqlite3.Error, OSError) as e:
            raise StoreError(open_error(path, e)) from e

    def _open_postgres(self, url: str, read_only: bool) -> Connection:
        # Loaded here only: a SQLite install never imports psycopg.
        from watcher.store import postgres

        db = postgres.PostgresConnection(url, read_only=read_only)
        # Named without its password wherever a message names the database.
        self.path = Path(db.url)
        return db

    @classmethod
    def for_reading(cls, path: Path | str) -> Store:
        """The store for a read command: never migrated, read-only where its file or folder
        cannot be written (a read-only mount, a backup copy).

        An older schema that this watcher cannot read right is refused in one line saying
        how to upgrade it; a database file that does not exist yet is made, as a writer would.
        """
        if is_postgres(path):
            store = cls(path, migrate=False)
        else:
            p = Path(path)
            if str(path) == ":memory:" or not p.exists():
                return cls(path)
            try:
                store = cls(path, migrate=False)
            except SchemaError:
                raise
            except StoreError:
                if not p.is_file():
                    raise
                return cls(path, read_only=True)
        try:
            store.check_readable(store._opened)
        except BaseException:
            store.close()
            raise
        return store

    @property
    def conn(self) -> sqlite3.Connection:
        """The SQLite connection itself (tests, and SQLite's own backup)."""
        if not isinstance(self.db, sqlite.SqliteConnection):
            raise StoreError(f"{self.where}: a PostgreSQL database has no SQLite connection")
        return self.db.conn

    def use_wal(self) -> None:
        """WAL mode, so that readers (``status``) read while the daemon writes. A writer's
        switch: a read command leaves the file as it is."""
        if isinstance(self.db, sqlite.SqliteConnection):
            sqlite.use_wal(self.db.conn, self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
