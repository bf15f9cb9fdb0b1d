"""The schema as the store sees it: which named migrations a database has, and bringing it
to this watcher's list in one transaction (both backends apply the same list)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from watcher.errors import SchemaError, StoreError
from watcher.schema import (
    LEGACY_MAX_VERSION,
    MIGRATIONS,
    MIGRATIONS_TABLE,
    NAMES,
    Migration,
    migration_present,
    read_schema,
)
from watcher.store import sqlite
from watcher.store.base import StoreBase
from watcher.store.records import iso


@dataclass(frozen=True)
class SchemaState:
    """Which named migrations a database has: as its migrations table records them or, in a
    database made before that table, as its tables, columns and indexes show."""

    applied: tuple[str, ...]
    pending: tuple[Migration, ...]
    unknown: tuple[str, ...]  # migrations of a newer watcher
    version: int  # user_version of a database made before the table, else the migrations it has
    recorded: bool  # the database has the migrations table
    empty: bool  # no tables at all: a new database

    @property
    def needs_upgrade(self) -> bool:
        """Migrations to run, or (in an older database) the names of those it has to record."""
        return bool(self.pending) or not self.recorded


@dataclass(frozen=True)
class MigrationReport:
    """What ``Store.migrate`` did, for the CLI to say in one line."""

    path: Path
    applied: tuple[str, ...]  # migrations run (only the steps that were not there yet)
    found: tuple[str, ...]  # migrations whose effect was there already: recorded, not run
    from_version: int
    to_version: int
    backup: Path | None
    created: bool  # a new database, nothing to back up

    @property
    def upgraded(self) -> bool:
        """An existing database was changed (a new one being made is no news)."""
        return not self.created and bool(self.applied or self.found)


def recorded_state(names: set[str]) -> SchemaState:
    unknown = tuple(sorted(names - set(NAMES)))
    applied = tuple(n for n in NAMES if n in names)
    pending = tuple(m for m in MIGRATIONS if m.name not in names)
    return SchemaState(applied, pending, unknown, len(applied), True, False)


def sqlite_state(conn: sqlite3.Connection) -> SchemaState:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    recorded = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if recorded:
        return recorded_state({str(r[0]) for r in conn.execute("SELECT name FROM migrations")})
    # No watcher before named migrations went past this; a newer one records names.
    unknown = (f"user_version {version}",) if version > LEGACY_MAX_VERSION else ()
    schema = read_schema(conn)
    if schema.empty:
        return SchemaState((), MIGRATIONS, unknown, version, False, True)
    # Made before migrations had names: its user_version may name different changes on
    # different commits, so what it holds decides, migration by migration.
    applied = tuple(m.name for m in MIGRATIONS if migration_present(m, schema))
    pending = tuple(m for m in MIGRATIONS if m.name not in applied)
    return SchemaState(applied, pending, unknown, version, False, False)


class SchemaMixin(StoreBase):
    """Reading and upgrading the schema."""

    @property
    def _sqlite(self) -> sqlite3.Connection | None:
        return self.db.conn if isinstance(self.db, sqlite.SqliteConnection) else None

    def backup_to(self, path: Path) -> None:
        """A consistent copy of the whole database at ``path`` (SQLite's online backup)."""
        conn = self._sqlite
        if conn is None:
            raise StoreError(f"{self.where}: a PostgreSQL database is backed up with pg_dump, not here")
        sqlite.backup_to(conn, path)

    @property
    def version(self) -> int:
        conn = self._sqlite
        try:
            if conn is None:
                return self.schema_state().version
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        except self.db.errors as e:
            raise StoreError(self.db.error_line("cannot open the database", e)) from e

    def schema_state(self) -> SchemaState:
        """Which migrations the database has and which it lacks (read, never written)."""
        conn = self._sqlite
        if conn is not None:
            return sqlite_state(conn)
        from watcher.store import postgres

        names = postgres.recorded_names(self.db)
        if names is None:
            return SchemaState((), MIGRATIONS, (), 0, False, True)
        return recorded_state(names)

    @property
    def pending(self) -> tuple[str, ...]:
        """The migrations this database lacks (a writer's open applies them)."""
        return tuple(m.name for m in self._state().pending)

    @property
    def needs_upgrade(self) -> bool:
        """``migrate`` has something to do: migrations to run or, in a database made before
        they had names, the names to record."""
        return self._state().needs_upgrade

    def _state(self) -> SchemaState:
        try:
            return self.schema_state()
        except self.db.errors as e:
            raise StoreError(self.db.error_line("cannot open the database", e)) from e

    def _refuse_newer(self, state: SchemaState) -> None:
        if state.unknown:
            raise SchemaError(
                f"{self.where}: the database is newer than this watcher (it has {', '.join(state.unknown)},"
                " unknown here; a newer watcher upgraded it): upgrade watcher to use it"
            )

    def check_readable(self, state: SchemaState | None = None) -> None:
        """Refuse, in one line, an older schema that read commands cannot read right."""
        if state is None:
            state = self._state()
        self._refuse_newer(state)
        missing = [m.name for m in state.pending if m.readers_need]
        if missing and not state.empty:
            raise SchemaError(
                f"{self.where}: the database has an older schema (without {', '.join(missing)});"
                " read commands leave it as it is: restart the daemon with this version, or run"
                " `watcher poll` when no daemon runs, to upgrade it (a backup is kept beside it)"
            )

    def migrate(self) -> MigrationReport:
        """Bring the database to this watcher's schema in one transaction, after a backup of
        an existing database; return what was done.

        Migrations are recorded by name. In a database made before they had names, a
        migration whose effect is there already is recorded, not run again, and one only
        partly there (edited after some databases had it) gets its missing steps.
        """
        conn = self._sqlite
        try:
            with self.transaction():
                if conn is None:
                    from watcher.store import postgres

                    postgres.lock_schema(self.db)
                # Read again under the write lock: another process may have migrated meanwhile.
                state = self.schema_state()
                self._refuse_newer(state)
                if not state.pending and state.recorded:
                    return MigrationReport(self.path, (), (), state.version, state.version, None, False)
                backup = None
                if conn is not None and not state.empty and str(self.path) != ":memory:":
                    backup = sqlite.backup_beside(self.path, state.version)
                if not state.recorded:
                    self._raw(MIGRATIONS_TABLE)
                now = iso(datetime.now(UTC))
                # An older database's own migrations are recorded as found.
                found = [] if state.recorded else list(state.applied)
                for name in found:
                    self._record(name, now, "found")
                applied: list[str] = []
                for migration in state.pending:
                    ran = self._apply(migration)
                    (applied if ran else found).append(migration.name)
                    self._record(migration.name, now, "applied" if ran else "found")
                # Only names recorded: user_version, all a watcher before named migrations
                # reads, stays (its daemon may run on; it would take a higher one for newer).
                to_version = len(MIGRATIONS) if applied or state.recorded else state.version
                if conn is not None:
                    conn.execute(f"PRAGMA user_version = {to_version}")
        except self.db.errors as e:
            raise StoreError(self.db.error_line("the upgrade failed (nothing was changed)", e)) from e
        return MigrationReport(
            self.path, tuple(applied), tuple(found), state.version, to_version, backup, state.empty
        )

    def _apply(self, migration: Migration) -> bool:
        conn = self._sqlite
        if conn is not None:
            return sqlite.apply(conn, migration)
        from watcher.store import postgres

        return postgres.apply(self.db, migration)

    def _raw(self, sql: str) -> None:
        """A schema statement as written for SQLite, in this database's dialect."""
        if self.dialect.postgres:
            from watcher.store.dialect import postgres_ddl

            sql = postgres_ddl(sql)
        self.db.execute(sql, ())

    def _record(self, name: str, now: str | None, how: str) -> None:
        self.db.execute("INSERT INTO migrations (name, applied_at, how) VALUES (?, ?, ?)", (name, now, how))
