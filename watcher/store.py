"""The SQLite store: every SQL statement of watcher lives in this module.

Amounts are stored as decimal strings, never floats, so comparisons stay exact. The
schema evolves through the named migrations of ``watcher.schema``; only writers apply
them (after a backup), read commands read a database as it is. WAL mode lets ``status``
read while the daemon writes.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from watcher.errors import SchemaError, StoreError
from watcher.models import Change, Digest, Entity, Fact, FeedHealth, Money
from watcher.schema import (
    LEGACY_MAX_VERSION,
    MIGRATIONS,  # re-exported for the tests
    MIGRATIONS_TABLE,
    NAMES,
    Migration,
    migration_present,
    read_schema,
    step_statements,
)


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


# Keys of the meta table: the daemon's liveness and the cycle times ``status`` reports.
HEARTBEAT_KEY = "heartbeat"
PID_KEY = "daemon_pid"
LAST_CYCLE_KEY = "last_cycle"
NEXT_CYCLE_KEY = "next_cycle"
# Written by a daemon that stops cleanly: status need not wait for the heartbeat to go stale.
STOPPED_KEY = "daemon_stopped"
# The local day of the last digest queued, and when it was made (the next one starts there).
DIGEST_DAY_KEY = "digest_day"
DIGEST_AT_KEY = "digest_at"
# A channel whose server asked to wait (429 + Retry-After): no send to it before this time.
CHANNEL_PAUSE_PREFIX = "channel_paused_until:"


@dataclass(frozen=True)
class StoredFact:
    """A fact as known to the store, with where and when it was reported."""

    id: int
    entity: str
    fact: Fact
    period: str | None
    baseline: bool
    document_url: str
    document_title: str
    sources: int
    created_at: datetime
    state: str = "active"
    note: str = ""
    corroborates: int | None = None
    document_source: str = "feed"


@dataclass(frozen=True)
class FeedRow:
    url: str
    name: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    last_attempt: datetime | None
    last_success: datetime | None
    last_error: str | None
    failures: int
    next_attempt: datetime | None
    entries_seen: int
    down_alerted: bool


@dataclass(frozen=True)
class OutboxRow:
    id: int
    channel: str
    change_id: int | None
    health: FeedHealth | None
    status: str
    attempts: int
    next_attempt: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    digest_json: str | None = None


@dataclass(frozen=True)
class NewDocument:
    url: str
    title: str
    published: str | None
    text_hash: str
    language: str | None
    source: str  # "seed" | "feed"
    text_source: str = "page"  # "page" | "summary" | "capped" (the page ran past the time cap) | "file"
    feed_url: str | None = None


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


class Store:
    """One open SQLite database. Use as a context manager or call ``close``.

    ``migrate=True`` (writers) upgrades an older schema in one transaction, after a backup
    beside the file (``watcher.db.bak-v7``); ``self.migration`` says what was done. With
    ``migrate=False`` the schema is left as it is (``pending`` says what is missing).
    ``read_only=True`` reads through a read-only connection and refuses a schema that read
    commands cannot read right; with ``migrate=False`` as well it is a view of the database
    as it is (a snapshot to copy: ``poll --dry-run`` upgrades its copy), only a newer
    watcher's schema refused.
    """

    def __init__(self, path: Path | str, *, migrate: bool = True, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.migration: MigrationReport | None = None
        memory = str(path) == ":memory:"
        if not memory:
            _refuse_empty_file(self.path)
            if not read_only and not self.path.exists():
                _create(self.path)
        try:
            if read_only:
                conn = _connect_read_only(self.path)
            else:
                conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA foreign_keys = ON")
            self._conn = conn
            if not memory and not read_only:
                if migrate:
                    self.use_wal()
                conn.execute("PRAGMA synchronous = NORMAL")
            state = self.schema_state()
        except (sqlite3.Error, OSError) as e:
            raise StoreError(_open_error(path, e)) from e
        self._opened = state
        try:
            self._refuse_newer(state)
            if read_only and migrate:
                if state.empty:
                    raise SchemaError(
                        f"{path}: the database is empty and cannot be written here; nothing to read yet"
                    )
                self.check_readable(state)
            elif migrate and state.needs_upgrade:
                self.migration = self.migrate()
        except BaseException:
            conn.close()
            raise

    @classmethod
    def for_reading(cls, path: Path | str) -> Store:
        """The store for a read command: never migrated, read-only where its file or folder
        cannot be written (a read-only mount, a backup copy).

        An older schema that this watcher cannot read right is refused in one line saying
        how to upgrade it; a database file that does not exist yet is made, as a writer would.
        """
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
        return self._conn

    def use_wal(self) -> None:
        """WAL mode, so that readers (``status``) read while the daemon writes. A writer's
        switch: a read command leaves the file as it is."""
        if str(self.path) == ":memory:":
            return
        try:
            # The connection is in autocommit mode (isolation_level=None), as the switch needs.
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.conn.execute("PRAGMA journal_mode = wal")
        except sqlite3.Error as e:
            raise StoreError(_db_error(self.path, "cannot switch the database to WAL mode", e)) from e

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------

    def backup_to(self, path: Path) -> None:
        """A consistent copy of the whole database at ``path`` (SQLite's online backup)."""
        try:
            target = sqlite3.connect(path)
            try:
                self.conn.backup(target)
            finally:
                target.close()
        except sqlite3.Error as e:
            raise StoreError(_db_error(path, "cannot copy the database", e)) from e

    @property
    def version(self) -> int:
        try:
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.Error as e:
            raise StoreError(_open_error(self.path, e)) from e

    def schema_state(self) -> SchemaState:
        """Which migrations the database has and which it lacks (read, never written)."""
        conn = self.conn
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        recorded = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
        ).fetchone()
        if recorded:
            names = {str(r[0]) for r in conn.execute("SELECT name FROM migrations")}
            unknown = tuple(sorted(names - set(NAMES)))
            applied = tuple(n for n in NAMES if n in names)
            pending = tuple(m for m in MIGRATIONS if m.name not in names)
            return SchemaState(applied, pending, unknown, len(applied), True, False)
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
        except sqlite3.Error as e:
            raise StoreError(_open_error(self.path, e)) from e

    def _refuse_newer(self, state: SchemaState) -> None:
        if state.unknown:
            raise SchemaError(
                f"{self.path}: the database is newer than this watcher (it has {', '.join(state.unknown)},"
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
                f"{self.path}: the database has an older schema (without {', '.join(missing)});"
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
        try:
            with self.transaction():
                # Read again under the write lock: another process may have migrated meanwhile.
                state = self.schema_state()
                self._refuse_newer(state)
                if not state.pending and state.recorded:
                    return MigrationReport(self.path, (), (), state.version, state.version, None, False)
                backup = None
                if not state.empty and str(self.path) != ":memory:":
                    backup = self._backup(state.version)
                if not state.recorded:
                    self.conn.execute(MIGRATIONS_TABLE)
                now = _iso(datetime.now(UTC))
                # An older database's own migrations are recorded as found.
                found = [] if state.recorded else list(state.applied)
                for name in found:
                    self._record(name, now, "found")
                applied: list[str] = []
                for migration in state.pending:
                    ran = _apply(self.conn, migration)
                    (applied if ran else found).append(migration.name)
                    self._record(migration.name, now, "applied" if ran else "found")
                self.conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        except sqlite3.Error as e:
            raise StoreError(_db_error(self.path, "the upgrade failed (nothing was changed)", e)) from e
        return MigrationReport(
            self.path, tuple(applied), tuple(found), state.version, len(MIGRATIONS), backup, state.empty
        )

    def _record(self, name: str, now: str | None, how: str) -> None:
        self.conn.execute("INSERT INTO migrations (name, applied_at, how) VALUES (?, ?, ?)", (name, now, how))

    def _backup(self, version: int) -> Path:
        """A copy of the database as it is, beside it (``watcher.db.bak-v7``), by SQLite's backup.

        Taken while this connection holds the write lock, so the copy is exactly what the
        upgrade starts from. A connection cannot back itself up inside its own transaction
        (the backup waits for it forever): a second, read-only one reads the file.
        """
        target = self.path.with_name(f"{self.path.name}.bak-v{version}")
        partial = target.with_name(target.name + ".partial")
        try:
            source = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30.0)
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
                _db_error(target, "the backup before its upgrade failed (nothing was changed)", e)
            ) from e
        return target

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: everything inside commits together or not at all."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(_db_error(self.path, "cannot start a transaction", e)) from e
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as e:
                # A failed COMMIT (a full disk) can leave the transaction open; without this
                # rollback every later BEGIN on this connection would fail too.
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise StoreError(_db_error(self.path, "commit failed", e)) from e

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A unit inside a transaction that can fail alone: rolled back on error, kept otherwise."""
        self._exec("SAVEPOINT unit")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO unit")
            self.conn.execute("RELEASE unit")
            raise
        else:
            self._exec("RELEASE unit")

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return list(cur.fetchall())
        except sqlite3.Error as e:
            raise StoreError(_db_error(self.path, "query failed", e)) from e

    def _exec(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as e:
            raise StoreError(_db_error(self.path, "write failed", e)) from e

    # -- entities and documents --------------------------------------------

    def ensure_entity(self, entity: Entity) -> int:
        self._exec(
            "INSERT INTO entities (name, aliases) VALUES (?, ?)"
            " ON CONFLICT(name) DO UPDATE SET aliases = excluded.aliases",
            (entity.name, json.dumps(list(entity.aliases))),
        )
        return int(self._rows("SELECT id FROM entities WHERE name = ?", (entity.name,))[0]["id"])

    def entity_id(self, name: str) -> int | None:
        rows = self._rows("SELECT id FROM entities WHERE name = ?", (name,))
        return int(rows[0]["id"]) if rows else None

    def entity_names(self) -> list[str]:
        return [r["name"] for r in self._rows("SELECT name FROM entities ORDER BY name")]

    def document_id(self, url: str) -> int | None:
        rows = self._rows("SELECT id FROM documents WHERE url = ?", (url,))
        return int(rows[0]["id"]) if rows else None

    def document_hash(self, url: str) -> str | None:
        rows = self._rows("SELECT text_hash FROM documents WHERE url = ?", (url,))
        return str(rows[0]["text_hash"]) if rows else None

    def document_text_source(self, url: str) -> str | None:
        """Where a stored article's text came from: page, summary, capped (page over the time cap), file."""
        rows = self._rows("SELECT text_source FROM documents WHERE url = ?", (url,))
        return str(rows[0]["text_source"]) if rows else None

    def add_document(self, doc: NewDocument, now: datetime) -> int:
        cur = self._exec(
            "INSERT INTO documents (url, title, published, fetched, text_hash, language, source,"
            " text_source, feed_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.url,
                doc.title,
                doc.published,
                _iso(now),
                doc.text_hash,
                doc.language,
                doc.source,
                doc.text_source,
                doc.feed_url,
            ),
        )
        return int(cur.lastrowid or 0)

    def replace_document_facts(self, document_id: int) -> None:
        """Drop a document's facts (for re-loading a changed seed); changes keep theirs."""
        used = self._rows(
            "SELECT 1 FROM changes c JOIN facts f ON f.id = c.fact_id WHERE f.document_id = ?", (document_id,)
        )
        if used:
            raise StoreError(f"{self.path}: document {document_id} has changes recorded; not replacing it")
        self._exec(
            "UPDATE facts SET corroborates = NULL WHERE corroborates IN"
            " (SELECT id FROM facts WHERE document_id = ?)",
            (document_id,),
        )
        self._exec("DELETE FROM facts WHERE document_id = ?", (document_id,))

    def update_document(self, document_id: int, doc: NewDocument, now: datetime) -> None:
        self._exec(
            "UPDATE documents SET title = ?, published = ?, fetched = ?, text_hash = ?, language = ?"
            " WHERE id = ?",
            (doc.title, doc.published, _iso(now), doc.text_hash, doc.language, document_id),
        )

    # -- facts --------------------------------------------------------------

    def add_fact(
        self,
        entity_id: int,
        document_id: int,
        fact: Fact,
        *,
        period: str | None,
        baseline: bool,
        now: datetime,
        corroborates: int | None = None,
        state: str = "active",
        note: str = "",
        base_amount: Decimal | None = None,
        pending_until: datetime | None = None,
        outcome: str = "",
    ) -> int:
        eq = fact.equivalent
        cur = self._exec(
            "INSERT INTO facts (entity_id, document_id, kind, amount, currency, approx, round,"
            " lead_investors, investors, status, evidence, equivalent_amount, equivalent_currency,"
            " bound, basis, context, period, baseline, corroborates, created_at, confidence, reasons,"
            " state, note, base_amount, pending_until, outcome)"
            " VALUES (" + ", ".join("?" * 27) + ")",
            (
                entity_id,
                document_id,
                fact.kind,
                str(fact.amount),
                fact.currency,
                int(fact.approx),
                fact.round,
                json.dumps(list(fact.lead_investors), ensure_ascii=False),
                json.dumps(list(fact.investors), ensure_ascii=False),
                fact.status,
                fact.evidence,
                str(eq.amount) if eq else None,
                eq.currency if eq else None,
                fact.bound,
                fact.basis,
                fact.context,
                period,
                int(baseline),
                corroborates,
                _iso(now),
                float(fact.confidence),
                json.dumps(list(fact.reasons), ensure_ascii=False),
                state,
                note,
                _real(base_amount),
                _iso(pending_until),
                outcome,
            ),
        )
        return int(cur.lastrowid or 0)

    # The documents that report a head: itself and its re-reports from other documents.
    _SOURCES = (
        "1 + (SELECT COUNT(DISTINCT c.document_id) FROM facts c"
        " WHERE c.corroborates = f.id AND c.document_id != f.document_id"
        " AND c.state IN ('active', 'pending'))"
    )
    _FACT_SELECT = (
        "SELECT f.*, e.name AS entity_name, d.url AS doc_url, d.title AS doc_title, d.source AS doc_source,"
        f" {_SOURCES} AS sources"
        " FROM facts f JOIN entities e ON e.id = f.entity_id JOIN documents d ON d.id = f.document_id"
    )
    # The same without counting sources (each counts one): for reads that only rank heads.
    _FACT_SELECT_UNCOUNTED = (
        "SELECT f.*, e.name AS entity_name, d.url AS doc_url, d.title AS doc_title, d.source AS doc_source,"
        " 1 AS sources"
        " FROM facts f JOIN entities e ON e.id = f.entity_id JOIN documents d ON d.id = f.document_id"
    )

    def known_facts(self, entity: str, kinds: Sequence[str] | None = None) -> list[StoredFact]:
        """The entity's event heads that count: what a decision or the current state reads."""
        where = "e.name = ? AND f.corroborates IS NULL AND f.state = 'active'"
        params: list[Any] = [entity]
        if kinds:
            where += f" AND f.kind IN ({','.join('?' * len(kinds))})"
            params.extend(kinds)
        rows = self._rows(f"{self._FACT_SELECT} WHERE {where} ORDER BY COALESCE(f.period, ''), f.id", params)
        return [_stored_fact(r) for r in rows]

    def decision_facts(
        self,
        entity: str,
        wanted: Sequence[tuple[str, Decimal | None, str | None]] = (),
        *,
        count_sources: bool = True,
    ) -> list[StoredFact]:
        """The event heads a decision (or the current state) needs, ordered by period then id."""
        found = self.facts_by_id(self.decision_fact_ids(entity, wanted), count_sources=count_sources)
        return sorted(found, key=lambda sf: (sf.period or "", sf.id))

    def decision_fact_ids(
        self, entity: str, wanted: Sequence[tuple[str, Decimal | None, str | None]] = ()
    ) -> list[int]:
        """The ids of the event heads a decision needs, read by index, not all history.

        For each kind: the latest confirmed heads, the latest restated ones, and the rumours not
        older than the latest confirmed; for each ``(kind, amount in EUR, round)`` wanted, the heads
        of that kind with an amount within 30 % or the same round name (and those of unknown amount).
        """
        entity_id = self.entity_id(entity)
        if entity_id is None:
            return []
        head = "entity_id = ? AND kind = ? AND corroborates IS NULL AND state = 'active'"
        # Every part is one SELECT of ids; they are sent as a few compound queries, not one each:
        # a decision per article made some 25 round trips to SQLite, most of the main process's
        # share of a first cycle.
        parts: list[tuple[str, tuple[Any, ...]]] = []

        def add(sql: str, params: tuple[Any, ...], *, limited: bool = False) -> None:
            select = f"SELECT id FROM facts WHERE {head} AND {sql}"
            # ORDER BY and LIMIT belong to a compound's last part only, unless wrapped.
            parts.append((f"SELECT id FROM ({select})" if limited else select, params))

        confirmed = "status != 'rumoured' AND (context != 'background' OR baseline = 1)"
        for kind in ("valuation", "funding_round", "total_raised"):
            base = (entity_id, kind)
            add(f"{confirmed} ORDER BY COALESCE(period, '') DESC, id DESC LIMIT 20", base, limited=True)
            # "+id": ordering by the rowid would make SQLite walk facts_entity, every mention of
            # the kind, rather than the few heads of facts_heads.
            add("status != 'rumoured' ORDER BY +id DESC LIMIT 20", base, limited=True)
            # Rumours not older than the month of the latest confirmed head.
            since = (
                f"substr(COALESCE((SELECT MAX(COALESCE(period, '')) FROM facts WHERE {head} AND {confirmed}),"
                " ''), 1, 7)"
            )
            add(
                f"status = 'rumoured' AND COALESCE(period, '') >= {since} ORDER BY period DESC LIMIT 50",
                (*base, *base),
                limited=True,
            )
        for kind, exact, round_ in wanted:
            amount = _real(exact)
            if amount is not None and amount > 0:
                add("base_amount BETWEEN ? AND ?", (entity_id, kind, amount / 1.3, amount * 1.3))
            if round_:
                add("round = ?", (entity_id, kind, round_))
            add("base_amount IS NULL", (entity_id, kind))
        ids: set[int] = set()
        # SQLite allows 500 parts to a compound SELECT by default.
        for i in range(0, len(parts), 200):
            group = parts[i : i + 200]
            sql = " UNION ".join(part for part, _ in group)
            ids.update(int(r["id"]) for r in self._rows(sql, [p for _, params in group for p in params]))
        return sorted(ids)

    def facts_by_id(self, fact_ids: Sequence[int], *, count_sources: bool = True) -> list[StoredFact]:
        """These facts (those that exist), by id."""
        found: list[StoredFact] = []
        ordered = sorted(set(fact_ids))
        select = self._FACT_SELECT if count_sources else self._FACT_SELECT_UNCOUNTED
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            rows = self._rows(f"{select} WHERE f.id IN ({','.join('?' * len(chunk))})", chunk)
            found.extend(_stored_fact(r) for r in rows)
        return found

    def source_counts(self, fact_ids: Sequence[int]) -> dict[int, int]:
        """How many documents report each of these heads (as ``sources`` of a counted read)."""
        counts: dict[int, int] = {}
        ordered = sorted(set(fact_ids))
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            rows = self._rows(
                f"SELECT f.id, {self._SOURCES} AS sources FROM facts f"
                f" WHERE f.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            counts.update((int(r["id"]), int(r["sources"])) for r in rows)
        return counts

    def document_fact_ids(self, url: str) -> set[int]:
        rows = self._rows(
            "SELECT f.id FROM facts f JOIN documents d ON d.id = f.document_id WHERE d.url = ?", (url,)
        )
        return {int(r["id"]) for r in rows}

    def baseline_facts(self, entity: str) -> list[StoredFact]:
        rows = self._rows(
            f"{self._FACT_SELECT} WHERE f.entity_id = (SELECT id FROM entities WHERE name = ?)"
            " AND f.baseline = 1 ORDER BY f.id",
            (entity,),
        )
        return [_stored_fact(r) for r in rows]

    def count_known(self, entity: str) -> int:
        rows = self._rows(
            "SELECT COUNT(*) AS n FROM facts f JOIN entities e ON e.id = f.entity_id"
            " WHERE e.name = ? AND f.corroborates IS NULL AND f.state = 'active'",
            (entity,),
        )
        return int(rows[0]["n"])

    def conflicting_mentions(self, entity: str) -> list[StoredFact]:
        """Re-reports of an event that give another figure than its head: they match new facts too."""
        rows = self._rows(
            f"{self._FACT_SELECT} WHERE e.name = ? AND f.outcome = 'conflict' AND f.state = 'active'"
            " AND f.corroborates IS NOT NULL ORDER BY f.id",
            (entity,),
        )
        return [_stored_fact(r) for r in rows]

    def fact(self, fact_id: int) -> StoredFact | None:
        rows = self._rows(f"{self._FACT_SELECT} WHERE f.id = ?", (fact_id,))
        return _stored_fact(rows[0]) if rows else None

    def event_mentions(self, head_id: int) -> list[StoredFact]:
        """An event's head and every fact that re-reports it, counting ones only."""
        rows = self._rows(
            f"{self._FACT_SELECT} WHERE (f.id = ? OR f.corroborates = ?) AND f.state = 'active'"
            " ORDER BY f.id",
            (head_id, head_id),
        )
        return [_stored_fact(r) for r in rows]

    def set_fact_state(self, fact_id: int, state: str, note: str = "") -> None:
        self._exec("UPDATE facts SET state = ?, note = ? WHERE id = ?", (state, note, fact_id))

    def repoint_fact(self, fact_id: int, head_id: int) -> None:
        self._exec("UPDATE facts SET corroborates = ? WHERE id = ?", (head_id, fact_id))

    def pending_facts(self, entity: str | None = None) -> list[StoredFact]:
        where = "f.state = 'pending'" + (" AND e.name = ?" if entity else "")
        rows = self._rows(f"{self._FACT_SELECT} WHERE {where} ORDER BY f.id", (entity,) if entity else ())
        return [_stored_fact(r) for r in rows]

    def pending_until(self, fact_id: int) -> datetime | None:
        rows = self._rows("SELECT pending_until FROM facts WHERE id = ?", (fact_id,))
        return parse_time(rows[0]["pending_until"]) if rows else None

    def add_rejection(
        self, entity_id: int, document_url: str, fact: Fact, reason: str, now: datetime
    ) -> None:
        self._exec(
            "INSERT OR REPLACE INTO rejections (entity_id, document_url, kind, amount, currency, reason,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entity_id, document_url, fact.kind, str(fact.amount), fact.currency, reason, _iso(now)),
        )

    def remove_rejection(self, entity_id: int, document_url: str, fact: Fact) -> None:
        self._exec(
            "DELETE FROM rejections WHERE entity_id = ? AND document_url = ? AND kind = ? AND amount = ?"
            " AND currency = ?",
            (entity_id, document_url, fact.kind, str(fact.amount), fact.currency),
        )

    def rejection(self, entity_id: int, document_url: str, fact: Fact) -> str | None:
        """The reason a user rejected this fact of this document, if they did."""
        rows = self._rows(
            "SELECT reason FROM rejections WHERE entity_id = ? AND document_url = ? AND kind = ?"
            " AND amount = ? AND currency = ?",
            (entity_id, document_url, fact.kind, str(fact.amount), fact.currency),
        )
        return str(rows[0]["reason"]) if rows else None

    def facts(self, entity: str | None = None, *, known_only: bool = False) -> list[StoredFact]:
        """Facts, oldest first. ``known_only`` leaves out rows that merely corroborate another."""
        where = ["1 = 1"]
        params: list[Any] = []
        if entity is not None:
            where.append("e.name = ?")
            params.append(entity)
        if known_only:
            where.append("f.corroborates IS NULL AND f.state = 'active'")
        rows = self._rows(
            f"{self._FACT_SELECT} WHERE {' AND '.join(where)} ORDER BY COALESCE(f.period, '') , f.id",
            params,
        )
        return [_stored_fact(r) for r in rows]

    def fact_counts_by_document(self, entity: str, source: str) -> list[tuple[str, int]]:
        rows = self._rows(
            "SELECT d.url, COUNT(f.id) AS n FROM documents d"
            " LEFT JOIN facts f ON f.document_id = d.id"
            " AND f.entity_id = (SELECT id FROM entities WHERE name = ?)"
            " WHERE d.source = ? GROUP BY d.id ORDER BY d.url",
            (entity, source),
        )
        return [(r["url"], int(r["n"])) for r in rows]

    # -- changes --------------------------------------------------------------

    def add_change(self, entity_id: int, fact_id: int, change: Change, base_currency: str) -> int:
        cur = self._exec(
            "INSERT INTO changes (entity_id, fact_id, kind, fact_kind, status, old_status, round,"
            " new_amount, new_currency, new_approx, new_date, old_amount, old_currency, old_approx, old_date,"
            " new_base_amount, old_base_amount, base_currency, url, title, evidence, lead_investors,"
            " investors, detected_at, corrects, confidence) VALUES (" + ", ".join("?" * 26) + ")",
            (
                entity_id,
                fact_id,
                change.kind,
                change.fact_kind,
                change.status,
                change.old_status,
                change.round,
                str(change.new.amount),
                change.new.currency,
                int(change.new.approx),
                change.new_date,
                str(change.old.amount) if change.old else None,
                change.old.currency if change.old else None,
                int(change.old.approx) if change.old else 0,
                change.old_date,
                str(change.new_base.amount) if change.new_base else None,
                str(change.old_base.amount) if change.old_base else None,
                base_currency,
                change.url,
                change.title,
                change.evidence,
                json.dumps(list(change.lead_investors), ensure_ascii=False),
                json.dumps(list(change.investors), ensure_ascii=False),
                _iso(change.detected_at),
                change.corrects,
                float(change.confidence),
            ),
        )
        return int(cur.lastrowid or 0)

    def event_change(self, head_id: int) -> Change | None:
        """The last change alerted for an event (its first alert or its latest correction)."""
        rows = self._rows("SELECT id FROM changes WHERE fact_id = ? ORDER BY id DESC LIMIT 1", (head_id,))
        if not rows:
            return None
        found = self.changes(ids=[int(rows[0]["id"])])
        return found[0] if found else None

    def place_change(self, change_id: int, thread: int, message: int | None) -> None:
        """Record a change's event and the message that carries it (None: in none)."""
        self._exec("UPDATE changes SET thread = ?, message = ? WHERE id = ?", (thread, message, change_id))

    def message_changes(self, lead_id: int) -> tuple[list[Change], list[Change]]:
        """The changes the message led by ``lead_id`` carries, and every change of its event."""
        # A change the user rejected since is left out, its lead too while another change is
        # left (reject_change holds a message only once every change it carries is rejected;
        # one on its way then still says its lead).
        rows = self._change_rows("c.message = ?", (lead_id,))
        carried = [c for c in rows if c.rejected is None] or [c for c in rows if c.id == lead_id]
        if not carried:
            return [], []
        lead = next((c for c in rows if c.id == lead_id), carried[0])
        thread = lead.thread if lead.thread is not None else lead_id
        # The event so far, without what the user rejected (unless this message carries it).
        ids = {c.id for c in carried}
        event = self._change_rows("c.thread = ? OR c.id = ?", (thread, thread))
        return carried, [c for c in event if c.rejected is None or c.id in ids]

    def said_changes(self, entity: str, fact_ids: Sequence[int] | None = None) -> dict[int, Change]:
        """For each event head (of these ids, or all), the last change alerted about it (its first
        alert or latest correction), unless the user rejected it: what the alerts said."""
        where = "e.name = ?"
        params: list[Any] = [entity]
        if fact_ids is not None:
            ids = sorted(set(fact_ids))
            if not ids:
                return {}
            where += f" AND c.fact_id IN ({','.join('?' * len(ids))})"
            params.extend(ids)
        rows = self._rows(
            f"SELECT c.fact_id, MAX(c.id) AS id FROM changes c JOIN entities e ON e.id = c.entity_id"
            f" WHERE {where} GROUP BY c.fact_id",
            params,
        )
        head = {int(r["id"]): int(r["fact_id"]) for r in rows}
        found = self.changes(ids=sorted(head), rejected=False) if head else []
        return {head[c.id]: c for c in found if c.id is not None}

    def message_sizes(self, lead_ids: Sequence[int]) -> dict[int, int]:
        """How many changes each message (by its lead change id) carries."""
        ids = sorted(set(lead_ids))
        if not ids:
            return {}
        rows = self._rows(
            f"SELECT message, COUNT(*) AS n FROM changes WHERE message IN ({','.join('?' * len(ids))})"
            " GROUP BY message",
            ids,
        )
        return {int(r["message"]): int(r["n"]) for r in rows}

    def round_history(self, entity: str) -> list[tuple[str | None, str]]:
        """The entity's confirmed rounds as (name, date), oldest first: each round name its
        confirmed facts give (at the earliest date known), and each unnamed round event."""
        rows = self._rows(
            "SELECT f.round, MIN(COALESCE(f.period, '')) AS since FROM facts f"
            " JOIN entities e ON e.id = f.entity_id"
            " WHERE e.name = ? AND f.round IS NOT NULL AND f.status != 'rumoured' AND f.state = 'active'"
            " GROUP BY f.round"
            " UNION ALL"
            " SELECT NULL, COALESCE(f.period, '') FROM facts f JOIN entities e ON e.id = f.entity_id"
            " WHERE e.name = ? AND f.kind = 'funding_round' AND f.round IS NULL AND f.corroborates IS NULL"
            " AND f.status != 'rumoured' AND f.state = 'active' AND (f.context = 'main' OR f.baseline = 1)",
            (entity, entity),
        )
        found = [(None if r["round"] is None else str(r["round"]), str(r["since"])) for r in rows]
        return sorted(found, key=lambda x: (x[1], x[0] or ""))

    def reject_change(self, change_id: int, note: str | None) -> None:
        """Mark a change rejected by the user (None: no longer).

        Its unsent alerts are held as ``rejected`` (not ``dead``, which ``alerts retry``
        re-queues); taking the rejection back makes them pending again, so they are sent.
        A message carrying several changes (one per event, ``watcher.events``) is held once
        every change it carries is rejected (until then it goes without the rejected ones),
        and comes back when any of them is confirmed.
        """
        # The outbox rows that may carry it: its own (a lone change, or the message it leads),
        # and those of the message it is carried in.
        rows_of = (
            "outbox.change_id IN (SELECT id FROM changes WHERE id = ?"
            " UNION SELECT message FROM changes WHERE id = ? AND message IS NOT NULL)"
        )
        if note is None:
            # Rows held by a rejection made before the "rejected" status existed are dead
            # with the rejection's note as their error.
            self._exec(
                "UPDATE outbox SET status = 'pending', last_error = NULL"
                f" WHERE {rows_of} AND sent_at IS NULL AND (status = 'rejected' OR (status = 'dead'"
                "  AND last_error = (SELECT rejected FROM changes WHERE id = ?)))",
                (change_id, change_id, change_id),
            )
            self._exec("UPDATE changes SET rejected = NULL WHERE id = ?", (change_id,))
            return
        self._exec("UPDATE changes SET rejected = ? WHERE id = ?", (note, change_id))
        self._exec(
            "UPDATE outbox SET status = 'rejected', last_error = ?"
            f" WHERE {rows_of} AND status IN ('pending', 'rejected')"
            # Held only when the message has nothing left to say.
            " AND NOT EXISTS (SELECT 1 FROM changes c LEFT JOIN facts f ON f.id = c.fact_id"
            "  WHERE (c.message = outbox.change_id OR c.id = outbox.change_id)"
            "  AND c.rejected IS NULL AND COALESCE(f.state, '') != 'rejected')",
            (note, change_id, change_id),
        )

    def change_fact_id(self, change_id: int) -> int | None:
        rows = self._rows("SELECT fact_id FROM changes WHERE id = ?", (change_id,))
        return int(rows[0]["fact_id"]) if rows else None

    def set_alert_ref(self, alert_id: int, ref: str) -> None:
        """The name a channel's service gave a sent alert (Slack's ``ts``): replies thread under it."""
        self._exec("UPDATE outbox SET ref = ? WHERE id = ?", (ref, alert_id))

    def alert_ref(self, alert_id: int) -> str | None:
        rows = self._rows("SELECT ref FROM outbox WHERE id = ?", (alert_id,))
        return str(rows[0]["ref"]) if rows and rows[0]["ref"] is not None else None

    def outbox_id_for(self, channel: str, change_id: int) -> int | None:
        """The outbox row that carried a change on a channel (to thread a correction under it)."""
        rows = self._rows("SELECT id FROM outbox WHERE channel = ? AND change_id = ?", (channel, change_id))
        return int(rows[0]["id"]) if rows else None

    def changes(
        self,
        entity: str | None = None,
        *,
        kind: str | None = None,
        since: datetime | None = None,
        ids: Sequence[int] | None = None,
        rejected: bool = True,
    ) -> list[Change]:
        """Changes, oldest first. A change is rejected when the user rejected it or its fact
        (``Change.rejected`` then holds the reason); ``rejected=False`` leaves those out, as
        every view does unless asked."""
        where = ["1 = 1"]
        params: list[Any] = []
        if not rejected:
            where.append("c.rejected IS NULL AND COALESCE(f.state, '') != 'rejected'")
        if entity is not None:
            where.append("e.name = ?")
            params.append(entity)
        if kind is not None:
            where.append("(c.kind = ? OR c.fact_kind = ?)")
            params.extend([kind, kind])
        if since is not None:
            where.append("c.detected_at >= ?")
            params.append(_iso(since))
        if ids is not None:
            where.append(f"c.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        return self._change_rows(" AND ".join(where), params)

    def _change_rows(self, where: str, params: Sequence[Any]) -> list[Change]:
        rows = self._rows(
            "SELECT c.*, e.name AS entity_name,"
            " 1 + (SELECT COUNT(DISTINCT x.document_id) FROM facts x"
            "      WHERE x.corroborates = c.fact_id) AS sources,"
            " CASE WHEN f.state = 'rejected' THEN f.note END AS fact_rejected"
            " FROM changes c JOIN entities e ON e.id = c.entity_id LEFT JOIN facts f ON f.id = c.fact_id"
            f" WHERE {where} ORDER BY c.detected_at, c.id",
            params,
        )
        return [_change(r) for r in rows]

    def changed_fact_ids(self, entity: str) -> set[int]:
        rows = self._rows(
            "SELECT c.fact_id FROM changes c JOIN entities e ON e.id = c.entity_id WHERE e.name = ?",
            (entity,),
        )
        return {int(r["fact_id"]) for r in rows}

    def change_count(self, entity: str) -> int:
        """The entity's changes, leaving out those the user rejected (or whose fact they rejected)."""
        rows = self._rows(
            "SELECT COUNT(*) AS n FROM changes c JOIN entities e ON e.id = c.entity_id"
            " LEFT JOIN facts f ON f.id = c.fact_id"
            " WHERE e.name = ? AND c.rejected IS NULL AND COALESCE(f.state, '') != 'rejected'",
            (entity,),
        )
        return int(rows[0]["n"])

    # -- feeds and entries ---------------------------------------------------

    def feed(self, url: str) -> FeedRow | None:
        rows = self._rows("SELECT * FROM feeds WHERE url = ?", (url,))
        return _feed(rows[0]) if rows else None

    def feeds(self) -> list[FeedRow]:
        return [_feed(r) for r in self._rows("SELECT * FROM feeds ORDER BY url")]

    def ensure_feed(self, url: str, name: str) -> None:
        self._exec(
            "INSERT INTO feeds (url, name) VALUES (?, ?) ON CONFLICT(url) DO UPDATE SET name = excluded.name",
            (url, name),
        )

    def feed_succeeded(
        self,
        url: str,
        *,
        now: datetime,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
        next_attempt: datetime,
        new_entries: int,
    ) -> None:
        self._exec(
            "UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
            " body_hash = COALESCE(?, body_hash), last_attempt = ?, last_success = ?, last_error = NULL,"
            " failures = 0, next_attempt = ?, entries_seen = entries_seen + ? WHERE url = ?",
            (etag, last_modified, body_hash, _iso(now), _iso(now), _iso(next_attempt), new_entries, url),
        )

    def feed_failed(self, url: str, *, now: datetime, error: str, next_attempt: datetime) -> int:
        self._exec(
            "UPDATE feeds SET last_attempt = ?, last_error = ?, failures = failures + 1, next_attempt = ?"
            " WHERE url = ?",
            (_iso(now), error, _iso(next_attempt), url),
        )
        rows = self._rows("SELECT failures FROM feeds WHERE url = ?", (url,))
        return int(rows[0]["failures"]) if rows else 0

    def set_feed_down_alerted(self, url: str, value: bool) -> None:
        self._exec("UPDATE feeds SET down_alerted = ? WHERE url = ?", (int(value), url))

    def seen_entry_keys(self, feed_url: str, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        # Chunked: SQLite limits the number of bound parameters.
        for i in range(0, len(keys), 500):
            chunk = list(keys[i : i + 500])
            rows = self._rows(
                f"SELECT key FROM entries WHERE feed_url = ? AND key IN ({','.join('?' * len(chunk))})",
                [feed_url, *chunk],
            )
            found.update(r["key"] for r in rows)
        return found

    def add_entry(
        self,
        feed_url: str,
        key: str,
        *,
        link: str | None,
        title: str,
        published: datetime | None,
        now: datetime,
        relevant: bool,
        document_id: int | None,
    ) -> None:
        self._exec(
            "INSERT OR IGNORE INTO entries (feed_url, key, link, title, published, seen_at, relevant,"
            " document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (feed_url, key, link, title, _iso(published), _iso(now), int(relevant), document_id),
        )

    def prune_entries(self, older_than: datetime) -> int:
        """Forget entries seen long ago; facts, changes and documents are kept."""
        cur = self._exec("DELETE FROM entries WHERE seen_at < ?", (_iso(older_than),))
        return cur.rowcount

    # -- entries waiting for a later cycle (past the per-feed cap) ------------

    def add_waiting(self, feed_url: str, entries: Sequence[tuple[str, str]], *, now: datetime) -> None:
        """Keep (key, entry JSON) of a feed's entries for a later cycle; one already kept stays first."""
        for key, entry in entries:
            self._exec(
                "INSERT OR IGNORE INTO waiting_entries (feed_url, key, entry, queued_at) VALUES (?, ?, ?, ?)",
                (feed_url, key, entry, _iso(now)),
            )

    def waiting(self, feed_url: str) -> list[tuple[str, str]]:
        """(key, entry JSON) of a feed's waiting entries, the longest waiting first."""
        rows = self._rows(
            "SELECT key, entry FROM waiting_entries WHERE feed_url = ? ORDER BY queued_at, rowid", (feed_url,)
        )
        return [(str(r["key"]), str(r["entry"])) for r in rows]

    def remove_waiting(self, feed_url: str, keys: Sequence[str]) -> None:
        for key in keys:
            self._exec("DELETE FROM waiting_entries WHERE feed_url = ? AND key = ?", (feed_url, key))

    # -- articles that failed: retried with back-off, then given up ----------

    def article_failed(
        self, url: str, *, entries: str, error: str, now: datetime, retry_at: datetime, give_up_after: int
    ) -> int:
        """Remember a failed article (with its feed entries, to read it again); return its failure count."""
        self._exec(
            "INSERT INTO article_failures (url, entries, failures, last_error, next_attempt, updated_at)"
            " VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET failures = failures + 1,"
            " last_error = excluded.last_error, next_attempt = excluded.next_attempt,"
            " updated_at = excluded.updated_at",
            (url, entries, error, _iso(retry_at), _iso(now)),
        )
        rows = self._rows("SELECT failures FROM article_failures WHERE url = ?", (url,))
        failures = int(rows[0]["failures"])
        if failures >= give_up_after:
            self._exec("UPDATE article_failures SET gave_up = 1 WHERE url = ?", (url,))
        return failures

    def due_article_retries(self, now: datetime) -> list[tuple[str, str]]:
        """(url, entries) of failed articles due for another try."""
        rows = self._rows(
            "SELECT url, entries FROM article_failures WHERE gave_up = 0 AND next_attempt <= ? ORDER BY url",
            (_iso(now),),
        )
        return [(str(r["url"]), str(r["entries"])) for r in rows]

    def article_recovered(self, url: str) -> None:
        self._exec("DELETE FROM article_failures WHERE url = ?", (url,))

    def article_failures(self) -> list[tuple[str, int, str, bool]]:
        """(url, failures, last error, given up) of every article that is failing or was given up."""
        rows = self._rows("SELECT url, failures, last_error, gave_up FROM article_failures ORDER BY url")
        return [(str(r["url"]), int(r["failures"]), str(r["last_error"]), bool(r["gave_up"])) for r in rows]

    # -- outbox -------------------------------------------------------------

    def enqueue(
        self, channel: str, *, now: datetime, change_id: int | None = None, health: FeedHealth | None = None
    ) -> int:
        cur = self._exec(
            "INSERT OR IGNORE INTO outbox (channel, change_id, health, status, next_attempt, created_at)"
            " VALUES (?, ?, ?, 'pending', ?, ?)",
            (channel, change_id, _health_json(health), _iso(now), _iso(now)),
        )
        return int(cur.lastrowid or 0)

    def enqueue_digest(self, digest: Digest, channel: str, *, now: datetime) -> int:
        """Queue ``digest`` unless that day's digest is already queued; 0 if it was.

        The day mark is written in the same transaction as the row: a crash leaves either
        both or neither, so a digest is never lost and never queued twice.
        """
        with self.transaction():
            if self.get_meta(DIGEST_DAY_KEY) == digest.day:
                return 0
            payload = {
                "day": digest.day,
                "since": _iso(digest.since),
                "made_at": _iso(digest.made_at),
                "change_ids": [c.id for c in digest.changes if c.id is not None],
                "failing_feeds": [json.loads(_health_json(h) or "{}") for h in digest.failing_feeds],
                "pending": list(digest.pending),
                "states": list(digest.states),
            }
            cur = self._exec(
                "INSERT INTO outbox (channel, digest, status, next_attempt, created_at)"
                " VALUES (?, ?, 'pending', ?, ?)",
                (channel, json.dumps(payload, ensure_ascii=False), _iso(now), _iso(now)),
            )
            self.set_meta(DIGEST_DAY_KEY, digest.day)
            self.set_meta(DIGEST_AT_KEY, _iso(digest.made_at) or "")
        return int(cur.lastrowid or 0)

    def load_digest(self, row: OutboxRow) -> Digest | None:
        """The digest an outbox row carries, with its changes as they are stored now."""
        if not row.digest_json:
            return None
        data = json.loads(row.digest_json)
        since, made = parse_time(data["since"]), parse_time(data["made_at"])
        assert since is not None and made is not None
        ids = [int(i) for i in data["change_ids"]]
        return Digest(
            day=str(data["day"]),
            since=since,
            made_at=made,
            # A change the user rejected after the digest was queued is gone from it.
            changes=tuple(self.changes(ids=ids, rejected=False)) if ids else (),
            failing_feeds=tuple(_health(h) for h in data["failing_feeds"]),
            pending=tuple(str(p) for p in data.get("pending", ())),
            states=tuple(str(p) for p in data.get("states", ())),
        )

    def due_alerts(self, now: datetime, channels: Sequence[str] | None = None) -> list[OutboxRow]:
        rows = self._rows(
            "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt <= ? ORDER BY id", (_iso(now),)
        )
        out = [_outbox(r) for r in rows]
        return [r for r in out if channels is None or r.channel in channels]

    def outbox(self, status: str | None = None, limit: int = 200) -> list[OutboxRow]:
        if status:
            rows = self._rows(
                "SELECT * FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?", (status, limit)
            )
        else:
            rows = self._rows("SELECT * FROM outbox ORDER BY id DESC LIMIT ?", (limit,))
        return [_outbox(r) for r in rows]

    def outbox_counts(self) -> dict[str, int]:
        rows = self._rows("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
        counts = {"pending": 0, "sent": 0, "dead": 0}
        counts.update({r["status"]: int(r["n"]) for r in rows})
        return counts

    def next_due(self) -> datetime | None:
        rows = self._rows("SELECT MIN(next_attempt) AS t FROM outbox WHERE status = 'pending'")
        return parse_time(rows[0]["t"]) if rows else None

    def claim_alert(self, alert_id: int, owner: str, *, now: datetime, until: datetime) -> OutboxRow | None:
        """Take ``alert_id`` for sending, in one UPDATE; the row as claimed, or None if not ours.

        Only a pending, due row that nobody holds (or whose holder's lease ran out) is
        taken, so of two deliverers racing for a row exactly one gets it.
        """
        cur = self._exec(
            "UPDATE outbox SET claimed_by = ?, claim_until = ?"
            " WHERE id = ? AND status = 'pending' AND next_attempt <= ?"
            " AND (claimed_by IS NULL OR claim_until IS NULL OR claim_until <= ?)",
            (owner, _iso(until), alert_id, _iso(now), _iso(now)),
        )
        if cur.rowcount != 1:
            return None
        rows = self._rows("SELECT * FROM outbox WHERE id = ? AND claimed_by = ?", (alert_id, owner))
        return _outbox(rows[0]) if rows else None

    def release_alert(self, alert_id: int, owner: str) -> None:
        """Give back a claim without sending (the round was stopped)."""
        self._exec(
            "UPDATE outbox SET claimed_by = NULL, claim_until = NULL WHERE id = ? AND claimed_by = ?",
            (alert_id, owner),
        )

    def mark_sent(self, alert_id: int, now: datetime) -> None:
        with self.transaction():
            self._exec(
                "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL,"
                " claimed_by = NULL, claim_until = NULL WHERE id = ?",
                (_iso(now), alert_id),
            )

    def mark_failed(self, alert_id: int, *, error: str, next_attempt: datetime, dead: bool) -> None:
        with self.transaction():
            self._exec(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt = ?,"
                # A row rejected while it was on its way stays rejected.
                " status = CASE status WHEN 'rejected' THEN status ELSE ? END,"
                " claimed_by = NULL, claim_until = NULL WHERE id = ?",
                (error, _iso(next_attempt), "dead" if dead else "pending", alert_id),
            )

    def pause_channel(self, channel: str, until: datetime) -> None:
        """No send to ``channel`` before ``until``, whoever delivers (a later pause wins)."""
        key = CHANNEL_PAUSE_PREFIX + channel
        self._exec(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
            (key, _iso(until)),
        )

    def channel_pauses(self, now: datetime) -> dict[str, datetime]:
        """The channels paused past ``now``, and until when."""
        rows = self._rows(
            "SELECT key, value FROM meta WHERE key LIKE ? AND value > ?",
            (CHANNEL_PAUSE_PREFIX + "%", _iso(now)),
        )
        out: dict[str, datetime] = {}
        for r in rows:
            until = parse_time(r["value"])
            if until is not None:
                out[str(r["key"])[len(CHANNEL_PAUSE_PREFIX) :]] = until
        return out

    def retry_dead(self, now: datetime) -> int:
        with self.transaction():
            cur = self._exec(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt = ? WHERE status = 'dead'",
                (_iso(now),),
            )
        return cur.rowcount

    # -- meta (heartbeat, cycle times) ----------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        self._exec(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_meta(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None

    # -- the review page (watcher serve): what its pages read beyond the CLI's queries ---------

    def recent_changes(
        self, entity: str, limit: int, *, offset: int = 0, rejected: bool = True
    ) -> list[Change]:
        """The entity's latest ``limit`` changes after the ``offset`` latest, newest first
        (``rejected=False``: only those that count), read by id so that a company with years
        of changes costs one page."""
        counting = " AND c.rejected IS NULL AND COALESCE(f.state, '') != 'rejected'" if not rejected else ""
        rows = self._rows(
            "SELECT c.id FROM changes c JOIN entities e ON e.id = c.entity_id"
            f" LEFT JOIN facts f ON f.id = c.fact_id WHERE e.name = ?{counting}"
            " ORDER BY c.detected_at DESC, c.id DESC LIMIT ? OFFSET ?",
            (entity, limit, offset),
        )
        ids = [int(r["id"]) for r in rows]
        return list(reversed(self.changes(ids=ids))) if ids else []

    def listed_facts(
        self,
        entity: str | None,
        *,
        pending: bool = False,
        show_all: bool = False,
        kind: str | None = None,
        status: str | None = None,
        newest_first: bool = False,
        limit: int = -1,
        offset: int = 0,
    ) -> list[StoredFact]:
        """The facts ``watcher facts`` lists (``review.listed_facts`` says which), filtered and
        paged in SQL: a company with 50,000 re-reports costs one page, not all of them."""
        where, params = ["1 = 1"], []
        if entity is not None:
            where.append("e.name = ?")
            params.append(entity)
        if pending:
            where.append("f.state = 'pending'")
        elif not show_all:
            where.append("f.corroborates IS NULL AND f.state IN ('active', 'pending')")
        for column, value in (("f.kind", kind), ("f.status", status)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        order = "f.id" if pending else "COALESCE(f.period, ''), f.id"
        if newest_first:
            order = "f.id DESC" if pending else "COALESCE(f.period, '') DESC, f.id DESC"
        rows = self._rows(
            f"{self._FACT_SELECT} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [_stored_fact(r) for r in rows]

    def change_alerts(self, change_id: int) -> list[OutboxRow]:
        """The outbox rows that carry a change: its own, or those of the message it went in."""
        rows = self._rows(
            "SELECT * FROM outbox WHERE change_id IN (SELECT id FROM changes WHERE id = ?"
            " UNION SELECT message FROM changes WHERE id = ? AND message IS NOT NULL) ORDER BY id",
            (change_id, change_id),
        )
        return [_outbox(r) for r in rows]

    def corrections_of(self, change_id: int) -> list[Change]:
        """The changes that correct this one, oldest first."""
        rows = self._rows("SELECT id FROM changes WHERE corrects = ? ORDER BY id", (change_id,))
        ids = [int(r["id"]) for r in rows]
        return self.changes(ids=ids) if ids else []


def _real(amount: Decimal | None) -> float | None:
    if amount is None:
        return None
    try:
        return float(amount)
    except (OverflowError, ValueError):
        return None


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A WAL database on a read-only mount cannot make its shared-memory file; read
        # the file as it stands instead (nothing can be writing it there).
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def _open_error(path: Path | str, e: BaseException) -> str:
    """One line saying why the database cannot be opened and what to do."""
    text = str(e) or type(e).__name__
    if isinstance(e, OSError) and e.strerror:
        text = e.strerror
    low = text.lower()
    if _disk_full(Path(path), e):
        return _disk_full_line(Path(path), "cannot open the database")
    if "not a database" in low or "malformed" in low:
        hint = "the file is damaged or not a watcher database; move it aside (restore a backup) and run again"
    elif "read-only" in low or "readonly" in low or _read_only_place(Path(path)):
        hint = "the file or its folder is read-only; point [watcher] db at a writable place"
    elif "unable to open" in low or "permission denied" in low:
        hint = "check that the folder exists and can be written, or point [watcher] db elsewhere"
    else:
        hint = ""
    return f"{path}: cannot open the database: {text}" + (f"; {hint}" if hint else "")


def _db_error(path: Path | str, what: str, e: BaseException) -> str:
    """One line for a failed read or write: a full disk is named as such."""
    if _disk_full(Path(path), e):
        return _disk_full_line(Path(path), what)
    return f"{path}: {what}: {e}"


# Below this much free space a write error is taken for a full disk: SQLite reports a full
# disk as "database or disk is full" on most writes, but as "disk I/O error" when it is its
# WAL index or journal that cannot grow, and Python does not show the errno behind it.
_FULL_BELOW = 256 * 1024


def _disk_full(path: Path, e: BaseException) -> bool:
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    low = str(e).lower()
    if "disk is full" in low or "no space" in low:
        return True
    if isinstance(e, sqlite3.Error) and "i/o error" in low:
        folder = path.parent if path.parent.exists() else path
        try:
            st = os.statvfs(folder)
        except OSError:
            return False
        return st.f_bavail * st.f_frsize < _FULL_BELOW
    return False


def _disk_full_line(path: Path, what: str) -> str:
    return f"{path}: disk full: {what}; free some space on that disk (or point [watcher] db elsewhere)"


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    """Run the steps of ``migration`` whose effect is not there yet; False if none was needed."""
    schema = read_schema(conn)
    statements = [sql for step in migration.steps for sql in step_statements(step, schema)]
    for sql in statements:
        conn.execute(sql)
    return bool(statements)


def _refuse_empty_file(path: Path) -> None:
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


def _create(path: Path) -> None:
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
            now = _iso(datetime.now(UTC))
            for migration in MIGRATIONS:
                _apply(conn, migration)
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
        raise StoreError(_open_error(path, e)) from e
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with suppress(OSError):
                leftover.unlink()


def _read_only_place(path: Path) -> bool:
    folder = path.parent if path.parent.exists() else None
    return folder is not None and not os.access(folder, os.W_OK)


def _health_json(health: FeedHealth | None) -> str | None:
    if health is None:
        return None
    return json.dumps(
        {
            "kind": health.kind,
            "feed_url": health.feed_url,
            "feed_name": health.feed_name,
            "error": health.error,
            "failures": health.failures,
            "detected_at": _iso(health.detected_at),
        }
    )


def _stored_fact(r: sqlite3.Row) -> StoredFact:
    eq = Money(Decimal(r["equivalent_amount"]), r["equivalent_currency"]) if r["equivalent_amount"] else None
    fact = Fact(
        kind=r["kind"],
        amount=Decimal(r["amount"]),
        currency=r["currency"],
        approx=bool(r["approx"]),
        round=r["round"],
        lead_investors=tuple(json.loads(r["lead_investors"])),
        investors=tuple(json.loads(r["investors"])),
        status=r["status"],
        evidence=r["evidence"],
        equivalent=eq,
        bound=r["bound"],
        basis=r["basis"],
        context=r["context"],
        confidence=float(r["confidence"]),
        reasons=tuple(json.loads(r["reasons"])),
    )
    created = parse_time(r["created_at"])
    assert created is not None
    return StoredFact(
        id=int(r["id"]),
        entity=r["entity_name"],
        fact=fact,
        period=r["period"],
        baseline=bool(r["baseline"]),
        document_url=r["doc_url"],
        document_title=r["doc_title"],
        sources=int(r["sources"]),
        created_at=created,
        state=r["state"],
        note=r["note"],
        corroborates=r["corroborates"],
        document_source=r["doc_source"],
    )


def _change(r: sqlite3.Row) -> Change:
    base = r["base_currency"]
    detected = parse_time(r["detected_at"])
    assert detected is not None
    return Change(
        id=int(r["id"]),
        entity=r["entity_name"],
        kind=r["kind"],
        fact_kind=r["fact_kind"],
        status=r["status"],
        old_status=r["old_status"],
        round=r["round"],
        new=Money(Decimal(r["new_amount"]), r["new_currency"], bool(r["new_approx"])),
        new_date=r["new_date"],
        old=Money(Decimal(r["old_amount"]), r["old_currency"], bool(r["old_approx"]))
        if r["old_amount"]
        else None,
        old_date=r["old_date"],
        new_base=Money(Decimal(r["new_base_amount"]), base) if r["new_base_amount"] else None,
        old_base=Money(Decimal(r["old_base_amount"]), base) if r["old_base_amount"] else None,
        url=r["url"],
        title=r["title"],
        evidence=r["evidence"],
        lead_investors=tuple(json.loads(r["lead_investors"])),
        investors=tuple(json.loads(r["investors"])),
        sources=int(r["sources"]),
        detected_at=detected,
        corrects=r["corrects"],
        confidence=float(r["confidence"]),
        rejected=r["rejected"] if r["rejected"] is not None else _fact_rejected(r),
        thread=r["thread"],
        message=r["message"],
    )


def _fact_rejected(r: sqlite3.Row) -> str | None:
    # A change whose fact the user rejected is rejected too; the fact's note holds the reason.
    keys = r.keys()
    return r["fact_rejected"] if "fact_rejected" in keys else None


def _feed(r: sqlite3.Row) -> FeedRow:
    return FeedRow(
        url=r["url"],
        name=r["name"],
        etag=r["etag"],
        last_modified=r["last_modified"],
        body_hash=r["body_hash"],
        last_attempt=parse_time(r["last_attempt"]),
        last_success=parse_time(r["last_success"]),
        last_error=r["last_error"],
        failures=int(r["failures"]),
        next_attempt=parse_time(r["next_attempt"]),
        entries_seen=int(r["entries_seen"]),
        down_alerted=bool(r["down_alerted"]),
    )


def _health(h: dict[str, Any]) -> FeedHealth:
    detected = parse_time(h["detected_at"])
    assert detected is not None
    return FeedHealth(
        kind=h["kind"],
        feed_url=h["feed_url"],
        feed_name=h["feed_name"],
        error=h["error"],
        failures=int(h["failures"]),
        detected_at=detected,
    )


def _outbox(r: sqlite3.Row) -> OutboxRow:
    health = _health(json.loads(r["health"])) if r["health"] else None
    next_attempt = parse_time(r["next_attempt"])
    created = parse_time(r["created_at"])
    assert next_attempt is not None and created is not None
    return OutboxRow(
        id=int(r["id"]),
        channel=r["channel"],
        change_id=r["change_id"],
        health=health,
        status=r["status"],
        attempts=int(r["attempts"]),
        next_attempt=next_attempt,
        last_error=r["last_error"],
        created_at=created,
        sent_at=parse_time(r["sent_at"]),
        digest_json=r["digest"],
    )
