"""Upgrades that never strand a database: a database made by any past commit of main opens
with today's watcher, every row kept, after a backup; read commands never upgrade.

The databases are real SQLite files loaded from tests/fixtures/schemas/*.sql, each the
schema (and made-up rows) that a past commit's own code created (see the README there).
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.test_daemon import Site, alert_lines, reap, start, wait_for, write_config
from tests.test_daemon import site as site  # a fixture
from watcher.errors import SchemaError, StoreError
from watcher.lock import DaemonLock
from watcher.schema import LEGACY_MAX_VERSION, MIGRATIONS, NAMES, normalise, read_schema, step_statements
from watcher.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "schemas"
DUMPS = sorted(FIXTURES.glob("*.sql"))

# The steps of every migration on main, as a digest: a migration is never edited once
# databases have it (that is how "version 4" came to mean five schemas). Add new ones
# at the end of watcher.schema.MIGRATIONS and here; never change a line below.
ON_MAIN = {
    "core": "3a8e985c24ba06d6",
    "feeds": "85093352a2548aeb",
    "outbox": "d5edcecdd50a73d3",
    "outbox_claims": "7942590b0cb36442",
    "fact_ledger": "a2e363363dc53efc",
    "digest": "eb43bf3731675ccc",
    "fact_sources": "1d011539a3d64508",
    "waiting_entries": "cea5dbc8c63c8af0",
    "event_messages": "b2db9d7b80b7cdfc",
    "document_text": "eb4122a9e333ab4e",
    "fact_state": "4f1ccd6ba25b7697",
    "fact_source_counts": "32a716fbe2c7ed78",
    "rejected_facts": "24a50b9426aaffb0",
    "fact_latest_heads": "5af26817a37e3d82",
    "document_decisions": "fe047a42b4b020f6",
}


def digest(migration: Any) -> str:
    steps = [(type(s).__name__, *(normalise(v) for v in vars(s).values())) for s in migration.steps]
    return hashlib.sha256(repr(steps).encode()).hexdigest()[:16]


def test_migrations_are_append_only() -> None:
    assert list(NAMES[: len(ON_MAIN)]) == list(ON_MAIN), "migrations are never renamed or reordered"
    for m in MIGRATIONS[: len(ON_MAIN)]:
        assert digest(m) == ON_MAIN[m.name], f"migration {m.name} was edited: add a new one instead"
    assert len(set(NAMES)) == len(NAMES)


def load(dump: Path, path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(dump.read_text(encoding="utf-8"))
    conn.close()
    return path


def rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, by table, in rowid order (the migrations table left out)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'migrations'"
            )
        ]
        return {t: [dict(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY rowid")] for t in tables}
    finally:
        conn.close()


def schema_of(path: Path) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        s = read_schema(conn)
        return s.columns, s.indexes
    finally:
        conn.close()


def recorded_names(path: Path) -> set[str]:
    """The migrations a database records by name (none before named migrations)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'migrations'").fetchone():
            return set()
        return {str(r[0]) for r in conn.execute("SELECT name FROM migrations")}
    finally:
        conn.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def journal_mode(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_schema(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    path = tmp_path_factory.mktemp("fresh") / "w.db"
    Store(path).close()
    return schema_of(path)


def test_there_is_a_dump_for_each_schema_of_main() -> None:
    # v8 and v9: the numbered migrations of the branches merged with named migrations.
    assert len(DUMPS) >= 16
    assert {p.name.split("-")[0] for p in DUMPS} == {"v3", "v4", "v5", "v6", "v7", "v8", "v9"}


@pytest.mark.parametrize("dump", DUMPS, ids=[p.stem for p in DUMPS])
def test_a_database_of_any_past_commit_upgrades_keeping_every_row(
    dump: Path, tmp_path: Path, fresh_schema: tuple[dict[str, frozenset[str]], dict[str, str]]
) -> None:
    db = load(dump, tmp_path / "watcher.db")
    before = rows(db)
    recorded = recorded_names(db)
    old_version = user_version(db)
    assert old_version <= LEGACY_MAX_VERSION
    assert sum(len(r) for r in before.values()) >= 15

    with Store(db) as store:
        report = store.migration
        assert store.pending == ()
        # The store still reads what it held: no alert is queued again, none is lost.
        counts = store.outbox_counts()
        assert (counts["sent"], counts["pending"], counts["dead"]) == (1, 2, 1)
        assert [c.entity for c in store.changes()] == ["Acme Robotics", "Zeta Labs"]
        assert store.get_meta("heartbeat") == "2025-06-01T10:00:00+00:00"
        assert {f.fact.amount for f in store.facts("Acme Robotics")} == {10_000_000, 40_000_000}

    assert report is not None and report.upgraded and not report.created
    assert recorded | set(report.applied) | set(report.found) == set(NAMES)
    assert "document_text" in report.applied
    assert report.backup == tmp_path / f"watcher.db.bak-v{old_version}"
    # The backup is the database as it was, made by SQLite's backup (a database, not a copy
    # of a file in the middle of a write).
    assert rows(report.backup) == before
    assert user_version(report.backup) == old_version

    after = rows(db)
    assert set(after) >= set(before)
    for table, old_rows in before.items():
        assert len(after[table]) == len(old_rows), table
        for old, new in zip(old_rows, after[table], strict=True):
            assert {k: new[k] for k in old} == old, table  # every value kept; new columns added
    # Changes written before events were one message each (event_messages fills them so).
    assert [(c["thread"], c["message"]) for c in after["changes"]] == [(1, 1), (2, 2)]
    # Documents read before texts were kept have none (the review page reads them again).
    assert after["documents"] and all(d["text"] is None for d in after["documents"])
    # The same schema as a database made new today (an index of an older definition rebuilt).
    assert schema_of(db) == fresh_schema
    assert user_version(db) == len(MIGRATIONS)

    # Opening again changes nothing more and takes no other backup.
    with Store(db) as store:
        assert store.migration is None
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak-" in p.name) == [report.backup.name]


def test_the_renumbered_version_4_gets_the_migrations_it_lacks(tmp_path: Path) -> None:
    # At commit 30b0f57 migration 4 was the first fact ledger, at f06b406 the outbox claims:
    # a counter alone sent the first into "migration 5 failed: duplicate column name".
    db = load(FIXTURES / "v4-ledger-first-30b0f57.sql", tmp_path / "w.db")
    with Store(db) as store:
        report = store.migration
    assert report is not None
    assert report.found == ("core", "feeds", "outbox")
    # The ledger was there in an early form: only its missing columns and indexes are added.
    assert report.applied == (
        "outbox_claims",
        "fact_ledger",
        "digest",
        "fact_sources",
        "waiting_entries",
        "event_messages",
        "document_text",
        "fact_state",
        "fact_source_counts",
        "rejected_facts",
        "fact_latest_heads",
        "document_decisions",
    )
    columns, indexes = schema_of(db)
    assert {"outcome", "confidence", "state"} <= columns["facts"]
    assert {"rejected", "corrects"} <= columns["changes"]
    assert {"claimed_by", "claim_until", "digest"} <= columns["outbox"]
    assert "facts_corroborates" not in indexes
    conn = sqlite3.connect(db)
    recorded = dict(conn.execute("SELECT name, how FROM migrations").fetchall())
    conn.close()
    assert recorded == {
        "core": "found",
        "feeds": "found",
        "outbox": "found",
        "outbox_claims": "applied",
        "fact_ledger": "applied",
        "digest": "applied",
        "fact_sources": "applied",
        "waiting_entries": "applied",
        "event_messages": "applied",
        "document_text": "applied",
        "fact_state": "applied",
        "fact_source_counts": "applied",
        "rejected_facts": "applied",
        "fact_latest_heads": "applied",
        "document_decisions": "applied",
    }


def test_a_migration_whose_effect_is_there_is_recorded_not_run(tmp_path: Path) -> None:
    # At bb973f1 migration 4 added the digest column; today's digest migration is the 6th.
    db = load(FIXTURES / "v4-digest-bb973f1.sql", tmp_path / "w.db")
    with Store(db) as store:
        report = store.migration
    assert report is not None
    assert "digest" in report.found and "digest" not in report.applied
    assert report.applied == (
        "outbox_claims",
        "fact_ledger",
        "fact_sources",
        "waiting_entries",
        "event_messages",
        "document_text",
        "fact_state",
        "fact_source_counts",
        "rejected_facts",
        "fact_latest_heads",
        "document_decisions",
    )


def test_a_migration_edited_in_place_gets_only_its_missing_steps(tmp_path: Path) -> None:
    # On its branch, numbered migration 8 (today's event_messages) gained outbox.ref after
    # databases had it; the changes' events it filled are not filled again.
    db = load(FIXTURES / "v8-event-messages-6cbc263.sql", tmp_path / "w.db")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE changes SET message = NULL WHERE id = 2")  # a change in no message
    conn.commit()
    conn.close()
    with Store(db) as store:
        report = store.migration
    assert report is not None
    assert report.found == NAMES[: NAMES.index("fact_sources") + 1]
    assert report.applied == (
        "waiting_entries",
        "event_messages",
        "document_text",
        "fact_state",
        "fact_source_counts",
        "rejected_facts",
        "fact_latest_heads",
        "document_decisions",
    )
    assert "ref" in schema_of(db)[0]["outbox"]
    assert [(c["thread"], c["message"]) for c in rows(db)["changes"]] == [(1, 1), (2, None)]


def test_an_index_of_an_older_definition_is_rebuilt(tmp_path: Path) -> None:
    db = load(FIXTURES / "v5-ledger-sources-old-order-20e8f2f.sql", tmp_path / "w.db")
    assert "(corroborates,state,document_id)" in schema_of(db)[1]["facts_sources"]
    Store(db).close()
    assert "(corroborates,document_id,state)" in schema_of(db)[1]["facts_sources"]


def test_a_new_database_is_made_whole_with_every_migration_recorded(tmp_path: Path) -> None:
    db = tmp_path / "state" / "w.db"
    with Store(db) as store:
        assert store.migration is None  # made complete before it was opened
        assert store.pending == ()
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")] == list(NAMES)
    conn.close()
    assert sorted(p.name for p in db.parent.iterdir() if not p.name.startswith("w.db-")) == ["w.db"]


def newer(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO migrations VALUES ('from_the_future', '2030-01-01T00:00:00+00:00', 'applied')")
    conn.commit()
    conn.close()


def test_a_database_of_a_newer_watcher_is_refused_by_writers_and_readers(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    Store(db).close()
    newer(db)
    before = db.read_bytes()
    for open_it in (Store, Store.for_reading, lambda p: Store(p, read_only=True)):
        with pytest.raises(SchemaError, match=r"newer than this watcher .*from_the_future.*upgrade watcher"):
            open_it(db)
    assert db.read_bytes() == before


def test_read_commands_never_upgrade(tmp_path: Path) -> None:
    db = load(FIXTURES / "v4-ledger-indexes-d405666.sql", tmp_path / "w.db")
    before = db.read_bytes()
    missing = "outbox_claims, digest, waiting_entries, event_messages, document_text, fact_source_counts"
    with pytest.raises(SchemaError, match=rf"older schema \(without {missing}\).*watcher poll"):
        Store.for_reading(db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.db"]


def test_a_database_without_only_an_index_is_read_as_it_is(tmp_path: Path) -> None:
    # The schema of v6 with the migrations after fact_sources but those of indexes alone: it
    # lacks only indexes, and readers need not wait for them.
    db = load(FIXTURES / "v6-claims-ledger-digest-67b4b4e.sql", tmp_path / "w.db")
    conn = sqlite3.connect(db)
    later = [m for m in MIGRATIONS[NAMES.index("fact_sources") + 1 :] if m.readers_need]
    assert later and all(m.readers_need for m in later)
    for m in later:
        for step in m.steps:
            for sql in step_statements(step, read_schema(conn)):
                conn.execute(sql)
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with Store.for_reading(db) as store:
        assert store.pending == (
            "fact_sources",
            "fact_state",
            "rejected_facts",
            "fact_latest_heads",
            "document_decisions",
        )
        assert len(store.changes()) == 2
        assert store.outbox_counts()["dead"] == 1
    assert db.read_bytes() == before


def test_a_failed_upgrade_changes_nothing(tmp_path: Path) -> None:
    db = load(FIXTURES / "v4-outbox-claims-f06b406.sql", tmp_path / "w.db")
    # An index in the way of a table the ledger adds: the ledger fails after claims ran.
    conn = sqlite3.connect(db)
    conn.execute("CREATE INDEX rejections ON entities(name)")
    conn.commit()
    conn.close()
    before = rows(db)
    with pytest.raises(StoreError, match=r"the upgrade failed \(nothing was changed\).*rejections"):
        Store(db)
    assert rows(db) == before
    columns, _ = schema_of(db)
    assert "migrations" not in columns and "confidence" not in columns["facts"]
    assert user_version(db) == 4


def watcher(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def old_install(tmp_path: Path) -> Path:
    """A config whose database was made at commit d405666 (its migration 4 a fact ledger)."""
    cfg = tmp_path / "config.toml"
    cfg.write_text('[watcher]\ndb = "state/watcher.db"\n\n[[entities]]\nname = "Acme Robotics"\n')
    (tmp_path / "state").mkdir()
    load(FIXTURES / "v4-ledger-indexes-d405666.sql", tmp_path / "state" / "watcher.db")
    return cfg


def test_cli_read_commands_say_how_to_upgrade_and_write_commands_upgrade(old_install: Path) -> None:
    db = old_install.parent / "state" / "watcher.db"
    before = db.read_bytes()
    for args in (("status",), ("history",), ("facts",), ("alerts", "list"), ("feeds", "list")):
        res = watcher(old_install, *args)
        assert res.returncode == 1, (args, res.stdout, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "older schema" in lines[0] and "watcher poll" in lines[0], res.stderr
    assert db.read_bytes() == before
    assert journal_mode(db) == "delete"  # as the dump left it: readers switch nothing

    res = watcher(old_install, "alerts", "retry")
    assert res.returncode == 0, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0] == (
        f"watcher: upgraded {db} to this version's schema (applied: outbox_claims, digest, fact_sources,"
        f" waiting_entries, event_messages,"
        f" document_text, fact_state, fact_source_counts, rejected_facts, fact_latest_heads,"
        f" document_decisions;"
        f" 4 found in place and recorded);"
        f" the database as it was is kept in {db}.bak-v4"
    )
    assert res.stdout == "1 dead alert re-queued\n"
    assert journal_mode(db) == "wal"  # a writer's: status reads while the daemon writes
    assert rows(db.with_name("watcher.db.bak-v4"))["outbox"][2]["status"] == "dead"
    # Now the readers read it; nothing more to upgrade, nothing more said.
    res = watcher(old_install, "status", "--json")
    assert res.returncode == 0 and res.stderr == "", res.stderr
    res = watcher(old_install, "alerts", "retry")
    assert res.returncode == 0 and res.stderr == "", res.stderr


def test_a_dry_run_upgrades_only_its_copy_of_an_older_database(old_install: Path) -> None:
    # poll --dry-run reads a snapshot through a read-only connection, the schema as it is.
    db = old_install.parent / "state" / "watcher.db"
    before = db.read_bytes()
    res = watcher(old_install, "poll", "--dry-run")
    assert res.returncode == 0, res.stderr
    assert "dry run: nothing was written" in res.stdout
    assert "older schema" not in res.stderr and "upgraded" not in res.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["watcher.db"]


def test_no_upgrade_under_a_running_daemon(old_install: Path) -> None:
    # The lock a daemon holds (taken here by the test itself, a real flock on the real file):
    # upgrading under an older daemon would make it fail every job.
    db = old_install.parent / "state" / "watcher.db"
    before = db.read_bytes()
    lock = DaemonLock(db)
    lock.acquire()
    try:
        res = watcher(old_install, "alerts", "retry")
    finally:
        lock.release()
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert "must upgrade the database first" in lines[0] and "stop it and start the daemon" in lines[0]
    assert db.read_bytes() == before


def test_recording_the_names_of_an_older_database_needs_no_stop(tmp_path: Path) -> None:
    # A database of the last version before named migrations, its daemon running: recording
    # the names changes nothing that daemon reads (user_version stays 9), so it is done.
    cfg = tmp_path / "config.toml"
    cfg.write_text('[watcher]\ndb = "state/watcher.db"\n\n[[entities]]\nname = "Acme Robotics"\n')
    (tmp_path / "state").mkdir()
    db = load(FIXTURES / "v9-current-eb98892.sql", tmp_path / "state" / "watcher.db")
    # With the migrations after it in place (as a daemon of this version would have left it),
    # only the names are left to record.
    conn = sqlite3.connect(db)
    for m in MIGRATIONS[LEGACY_MAX_VERSION:]:
        for step in m.steps:
            for sql in step_statements(step, read_schema(conn)):
                conn.execute(sql)
    conn.commit()
    conn.close()
    lock = DaemonLock(db)
    lock.acquire()
    try:
        res = watcher(cfg, "alerts", "retry")
    finally:
        lock.release()
    assert res.returncode == 0, res.stderr
    assert f"(applied: nothing; {len(MIGRATIONS)} found in place and recorded)" in res.stderr
    assert user_version(db) == LEGACY_MAX_VERSION


def test_the_daemon_upgrades_at_start_with_one_line(old_install: Path) -> None:
    db = old_install.parent / "state" / "watcher.db"
    res = watcher(old_install, "run", "--once")
    assert res.returncode == 0, res.stderr
    upgraded = [line for line in res.stderr.splitlines() if "upgraded" in line]
    assert len(upgraded) == 1 and f"kept in {db}.bak-v4" in upgraded[0], res.stderr


def test_a_daemon_on_a_newer_database_stops_with_one_line(old_install: Path) -> None:
    db = old_install.parent / "state" / "watcher.db"
    Store(db).close()
    newer(db)
    res = watcher(old_install, "run", "--once")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    errors = [line for line in res.stderr.splitlines() if "newer than this watcher" in line]
    assert len(errors) == 1, res.stderr


def test_a_running_daemon_stops_with_one_line_when_a_newer_watcher_upgrades_its_database(
    tmp_path: Path, site: Site
) -> None:
    cfg = write_config(tmp_path, site)
    db = tmp_path / "state" / "watcher.db"
    proc = start(cfg)
    try:
        wait_for(lambda: len(alert_lines(tmp_path)) >= 1)  # running, polling, delivering
        newer(db)
        _, stderr = proc.communicate(timeout=60)
    finally:
        reap(proc)
    assert proc.returncode == 1
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if "newer than this watcher" in line]
    assert len(errors) == 1, stderr
    assert errors[0].endswith("upgrade watcher to use it; stopping")
