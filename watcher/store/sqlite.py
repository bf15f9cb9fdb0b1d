"""The SQLite backend: its connection, the file (made whole or not at all, WAL, read-only
mounts), its backup, and what an older database's schema holds.

The statements run as written (the store writes SQLite's form), through ``sqlite3`` itself:
this path is the one every single-machine install takes, so it adds nothing per statement.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from watcher.errors import SchemaError, StoreError
from watcher.schema import MIGRATIONS, MIGRATIONS_TABLE, Migration, read_schema, step_statements
from watcher.store.dialect import SQLITE
from watcher.store.records import Row, iso
from watcher.store.sqlite_errors import db_error, open_error


class SqliteConnection:
    dialect = SQLITE
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return list(cur.fetchall())

    def execute(self, sql: str, params: Sequence[Any]) -> int:
        return self.conn.execute(sql, params).rowcount

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        return int(self.conn.execute(sql, params).lastrowid or 0)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def close(self) -> None:
        self.conn.close()

    def error_line(self, what: str, e: BaseException) -> str:
        return db_error(self.path, what, e)


def connect(path: Path, *, read_only: bool, wal: bool) -> SqliteConnection:
    """Open the database at ``path`` (``:memory:`` too); raises sqlite3.Error or OSError."""
    memory = str(path) == ":memory:"
    if read_only:
        conn = connect_read_only(path)
    else:
        conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not memory and not read_only:
        if wal:
            use_wal(conn, path)
        conn.execute("PRAGMA synchronous = NORMAL")
    return SqliteConnection(conn, path)


def use_wal(conn: sqlite3.Connection, path: Path) -> None:
    """WAL mode, so that readers (``status``) read while the daemon writes."""
    if str(path) == ":memory:":
        return
    try:
        # The connection is in autocommit mode (isolation_level=None), as the switch needs.
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
    except sqlite3.Error as e:
        raise StoreError(db_error(path, "cannot switch the database to WAL mode", e)) from e


def connect_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A WAL database on a read-only mount cannot make its shared-memory file; read
        # the file as it stands instead (nothing can be writing it there).
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    """Run the steps of ``migration`` whose effect is not there yet; False if none was needed."""
    schema = read_schema(conn)
    statements = [sql for step in migration.steps for sql in step_statements(step, schema)]
    for sql in statements:
        conn.execute(sql)
    return bool(statements)


def refuse_empty_file(path: Path) -> None:
    """A database file of 0 bytes holds nothing of watcher's: taking it for a new database
    would forget every fact and alert on all of them again, so it is refused."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # the open says what is wrong
    if empty:
        raise SchemaError(
            f"{path}: the database file is empty (0 bytes), not a watcher database; restore it from a"
            f" backup ({path.name}.bak-v*, or your own), or delete it to start anew (a new database"
            " knows no facts, so the next poll alerts on all of them)"
        )


def create(path: Path) -> None:
    """Make a new database at ``path`` whole or not at all: built under another name, then
    linked into place, so no other process ever finds a half-made (0-byte) file there."""
    partial = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = wal")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(MIGRATIONS_TABLE)
            now = iso(datetime.now(UTC))
            for migration in MIGRATIONS:
                apply(conn, migration)
                conn.execute(
                    "INSERT INTO migrations (name, applied_at, how) VALUES (?, ?, 'applied')",
                    (migration.name, now),
                )
            conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
            conn.execute("COMMIT")
        finally:
            conn.close()
        try:
            os.link(partial, path)
        except FileExistsError:
            pass  # another process made it first: theirs is used
        except OSError:
            # A file system without hard links: a rename, which a racing maker could overwrite
            # only in the instant between this check and it, both databases new and empty.
            if not path.exists():
                os.replace(partial, path)
    except (sqlite3.Error, OSError) as e:
        raise StoreError(open_error(path, e)) from e
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with suppress(OSError):
                leftover.unlink()


def backup_to(conn: sqlite3.Connection, path: Path) -> None:
    """A consistent copy of the whole database at ``path`` (SQLite's online backup)."""
    try:
        target = sqlite3.connect(path)
        try:
            conn.backup(target)
        finally:
            target.close()
    except sqlite3.Error as e:
        raise StoreError(db_error(path, "cannot copy the database", e)) from e


def backup_beside(path: Path, version: int) -> Path:
    """A copy of the database as it is, beside it (``watcher.db.bak-v7``), by SQLite's backup.

    Taken while the store's connection holds the write lock, so the copy is exactly what the
    upgrade starts from. A connection cannot back itself up inside its own transaction
    (the backup waits for it forever): a second, read-only one reads the file.
    """
    target = path.with_name(f"{path.name}.bak-v{version}")
    partial = target.with_name(target.name + ".partial")
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30.0)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as e:
        with suppress(OSError):
            partial.unlink()
        raise StoreError(
            db_error(target, "the backup before its upgrade failed (nothing was changed)", e)
        ) from e
    return target
