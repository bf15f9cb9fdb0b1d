"""The store on real databases: migrations and WAL on SQLite files; atomicity, facts, outbox and
feeds on both backends (``db_target``: a SQLite file, then a PostgreSQL database)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from watcher.errors import SchemaError, StoreError
from watcher.models import Change, Entity, Fact, FeedHealth, Money
from watcher.schema import read_schema, step_statements
from watcher.store import MIGRATIONS, NewDocument, Store

NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)


def doc(url: str = "https://news.example/a") -> NewDocument:
    return NewDocument(
        url=url, title="T", published="2025-09-09", text_hash="h", language="en", source="feed"
    )


def test_fresh_database_is_at_latest_version_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "state" / "w.db") as s:
        assert s.version == len(MIGRATIONS)
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = set(sqlite_utils.Database(s.conn).table_names())
    assert {"entities", "documents", "facts", "changes", "feeds", "entries", "outbox", "meta"} <= tables


def test_migrates_an_existing_version_1_database_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for step in MIGRATIONS[0].steps:
        db.execute(step.sql)  # type: ignore[union-attr]  # the first migration creates only
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO entities (name, aliases) VALUES ('Mistral AI', '[]')")
    db.commit()
    db.close()
    with Store(path) as s:
        assert s.version == len(MIGRATIONS)
        assert s.entity_names() == ["Mistral AI"]
        s.ensure_feed("https://f.example/rss", "f")
        assert s.feed("https://f.example/rss") is not None
    # Opening again applies nothing more.
    with Store(path) as s:
        assert s.version == len(MIGRATIONS)


def test_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this watcher"):
        Store(path)


def test_unopenable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open"):
        Store(blocker / "sub" / "w.db")


def test_transaction_rolls_back_everything_on_error(db_target: Path | str) -> None:
    with Store(db_target) as s:
        with pytest.raises(RuntimeError), s.transaction():
            eid = s.ensure_entity(Entity("Mistral AI"))
            s.add_document(doc(), NOW)
            assert eid
            raise RuntimeError("crash in the middle")
        assert s.entity_names() == []
        assert s.document_id("https://news.example/a") is None


def test_facts_round_trip_exactly_and_count_sources(db_target: Path | str) -> None:
    fact = Fact(
        kind="valuation",
        amount=Decimal("6200000000.5"),
        currency="USD",
        approx=True,
        lead_investors=("General Catalyst",),
        investors=("Bpifrance", "Nvidia"),
        status="reported",
        evidence="Mistral AI valued at $6.2bn.",
        equivalent=Money(Decimal("5800000000"), "EUR"),
    )
    with Store(db_target) as s, s.transaction():
        eid = s.ensure_entity(Entity("Mistral AI", ("Mistral",)))
        d1 = s.add_document(doc("https://a.example/1"), NOW)
        d2 = s.add_document(doc("https://b.example/2"), NOW)
        d3 = s.add_document(doc("https://c.example/3"), NOW)
        f1 = s.add_fact(eid, d1, fact, period="2024-06", baseline=True, now=NOW)
        s.add_fact(eid, d2, fact, period="2025-01", baseline=False, now=NOW, corroborates=f1)
        s.add_fact(eid, d3, fact, period="2025-02", baseline=False, now=NOW, corroborates=f1)
    with Store(db_target) as s:
        [known] = s.facts("Mistral AI", known_only=True)
        assert known.fact == fact
        assert known.sources == 3
        assert known.baseline
        assert len(s.facts("Mistral AI")) == 3


def _change(amount: str) -> Change:
    return Change(
        entity="Mistral AI",
        kind="valuation_change",
        status="announced",
        new=Money(Decimal(amount), "EUR"),
        old=Money(Decimal("6200000000"), "USD"),
        new_base=Money(Decimal(amount), "EUR"),
        old_base=Money(Decimal("5740740741"), "EUR"),
        detected_at=NOW,
        url="https://a.example/1",
        title="Mistral AI valued at EUR 11.7bn",
        evidence="...",
    )


def test_outbox_lifecycle(db_target: Path | str) -> None:
    with Store(db_target) as s:
        with s.transaction():
            eid = s.ensure_entity(Entity("Mistral AI"))
            d = s.add_document(doc(), NOW)
            f = s.add_fact(
                eid, d, Fact("valuation", Decimal("11700000000"), "EUR"), period=None, baseline=False, now=NOW
            )
            cid = s.add_change(eid, f, _change("11700000000"), "EUR")
            a1 = s.enqueue("console", now=NOW, change_id=cid)
            a2 = s.enqueue("slack", now=NOW, change_id=cid)
            # The same change twice on one channel is refused by the schema: never sent twice.
            s.enqueue("slack", now=NOW, change_id=cid)
            s.enqueue("slack", now=NOW, health=FeedHealth("feed_down", "https://f", NOW, error="HTTP 500"))
        assert s.outbox_counts() == {"pending": 3, "sent": 0, "dead": 0}
        [change] = s.changes(ids=[cid])
        assert change.new == Money(Decimal("11700000000"), "EUR")
        assert change.old == Money(Decimal("6200000000"), "USD")
        s.mark_sent(a1, NOW)
        s.mark_failed(a2, error="HTTP 500", next_attempt=NOW + timedelta(minutes=1), dead=False)
        due = s.due_alerts(NOW)
        assert [r.channel for r in due] == ["slack"]
        assert due[0].health is not None and due[0].health.error == "HTTP 500"
        assert [r.id for r in s.due_alerts(NOW + timedelta(minutes=2))] == [a2, due[0].id]
        s.mark_failed(a2, error="HTTP 400 invalid_blocks", next_attempt=NOW, dead=True)
        assert s.outbox_counts()["dead"] == 1
        assert s.retry_dead(NOW) == 1
        assert s.outbox_counts()["dead"] == 0


def test_feed_state_and_entries(db_target: Path | str) -> None:
    with Store(db_target) as s:
        s.ensure_feed("https://f.example/rss", "F")
        assert s.feed_failed("https://f.example/rss", now=NOW, error="HTTP 500", next_attempt=NOW) == 1
        assert s.feed_failed("https://f.example/rss", now=NOW, error="HTTP 500", next_attempt=NOW) == 2
        s.feed_succeeded(
            "https://f.example/rss",
            now=NOW,
            etag='"abc"',
            last_modified=None,
            body_hash="h",
            next_attempt=NOW,
            new_entries=2,
        )
        row = s.feed("https://f.example/rss")
        assert row is not None and row.failures == 0 and row.etag == '"abc"' and row.entries_seen == 2
        s.add_entry(
            "https://f.example/rss",
            "k1",
            link=None,
            title="t",
            published=None,
            now=NOW - timedelta(days=400),
            relevant=False,
            document_id=None,
        )
        s.add_entry(
            "https://f.example/rss",
            "k2",
            link=None,
            title="t",
            published=None,
            now=NOW,
            relevant=False,
            document_id=None,
        )
        assert s.seen_entry_keys("https://f.example/rss", ["k1", "k2", "k3"]) == {"k1", "k2"}
        assert s.prune_entries(NOW - timedelta(days=180)) == 1
        assert s.seen_entry_keys("https://f.example/rss", ["k1", "k2"]) == {"k2"}


def test_a_document_is_done_once_every_companys_decision_of_it_is(db_target: Path | str) -> None:
    now = datetime(2025, 9, 10, tzinfo=UTC)
    url = "https://news.example/two-companies"
    with Store(db_target) as s:
        with s.transaction():
            a, b = s.ensure_entity(Entity("Alpha")), s.ensure_entity(Entity("Beta"))
            document = s.add_document(NewDocument(url, "T", "2025-09-09", "h", "en", "feed"), now)
            old = s.add_document(NewDocument("https://news.example/old", "U", None, "h2", "en", "feed"), now)
        assert not s.document_done("https://news.example/never")  # not stored: to read
        assert s.document_done("https://news.example/old") and s.decided_entities(old) == set()
        with s.transaction():
            s.expect_decisions(document, [a, b])
            s.set_decided(document, a, now)  # Alpha's decision done; Beta's failed, say
        assert s.decided_entities(document) == {a} and not s.document_done(url)
        with s.transaction():
            s.expect_decisions(document, [a, b])  # expected again (another job): what is done stays done
            s.set_decided(document, b, now)
        assert s.decided_entities(document) == {a, b} and s.document_done(url)


def test_changes_written_before_events_stay_one_message_each(tmp_path: Path) -> None:
    """The event_messages migration (one message per event): an older database's changes and
    alerts read as before."""
    # A change as version 7 wrote it (no event columns), then the migration.
    path = tmp_path / "v7.db"
    db = sqlite_utils.Database(path)
    assert [m.name for m in MIGRATIONS[:7]][-1] == "fact_sources"
    for migration in MIGRATIONS[:7]:
        for step in migration.steps:
            for sql in step_statements(step, read_schema(db.conn)):
                db.execute(sql)
    db.execute("PRAGMA user_version = 7")
    db.execute("INSERT INTO entities (name) VALUES ('Mistral AI')")
    db.execute(
        "INSERT INTO documents (url, fetched, text_hash, source)"
        " VALUES ('https://n.example/a', '2025-09-09', 'h', 'feed')"
    )
    db.execute(
        "INSERT INTO facts (entity_id, document_id, kind, amount, currency, status, evidence, created_at)"
        " VALUES (1, 1, 'valuation', '11700000000', 'EUR', 'announced', 'e', '2025-09-09T00:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO changes (entity_id, fact_id, kind, fact_kind, status, new_amount, new_currency,"
        " detected_at) VALUES (1, 1, 'valuation_change', 'valuation', 'announced', '11700000000', 'EUR',"
        " '2025-09-09T00:00:00+00:00')"
    )
    db.conn.commit()
    db.conn.close()
    with Store(path) as s:
        assert s.version == len(MIGRATIONS)
        [change] = s.changes()
        assert change.thread == change.id and change.message == change.id
        carried, event = s.message_changes(change.id or 0)
        assert carried == [change] and event == [change]


def test_both_backends_read_and_write_alike(db_target: Path | str) -> None:
    """What differs between the dialects (upserts, the larger-of-two, insertion order, text
    order, ids of ignored inserts) reads the same on both."""
    with Store(db_target) as s:
        assert s.version == len(MIGRATIONS) and s.pending == ()
        s.pause_channel("slack", NOW + timedelta(minutes=5))
        s.pause_channel("slack", NOW + timedelta(minutes=1))  # an earlier pause does not shorten it
        assert s.channel_pauses(NOW) == {"slack": NOW + timedelta(minutes=5)}
        s.add_waiting("https://f", [("z", "{}"), ("a", "{}"), ("m", "{}")], now=NOW)
        s.add_waiting("https://f", [("a", '{"again": 1}')], now=NOW)
        assert s.waiting("https://f") == [("z", "{}"), ("a", "{}"), ("m", "{}")]
        for name in ("b", "B", "a", "É"):
            s.ensure_entity(Entity(name))
        assert s.entity_names() == ["B", "a", "b", "É"]  # bytewise, as SQLite orders text
        eid = s.ensure_entity(Entity("a"))
        fact = Fact("valuation", Decimal("1"), "EUR")
        s.add_rejection(eid, "https://d", fact, "wrong", NOW)
        s.add_rejection(eid, "https://d", fact, "still wrong", NOW)
        assert s.rejection(eid, "https://d", fact) == "still wrong"
        assert (
            s.article_failed("https://x", entries="[]", error="e", now=NOW, retry_at=NOW, give_up_after=2)
            == 1
        )
        assert (
            s.article_failed("https://x", entries="[]", error="e", now=NOW, retry_at=NOW, give_up_after=2)
            == 2
        )
        assert s.article_failures() == [("https://x", 2, "e", True)]
        s.set_meta("k", "v1")
        s.set_meta("k", "v2")
        assert s.get_meta("k") == "v2"


def test_an_unreachable_postgresql_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as err:
        Store("postgresql://watcher:s3cret@127.0.0.1:1/watcher")
    [line] = str(err.value).splitlines()
    assert line.startswith("postgresql://watcher@127.0.0.1:1/watcher: cannot open the database")
    assert "s3cret" not in line


def test_opening_a_postgresql_database_to_read_costs_three_statements(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every read command opens a new connection: what it sends before its first read is paid
    by each `status` (a round trip each; benchmarks/bench_postgres.py times them). The session
    settings go by SET, not in the startup packet's options, which PgBouncer refuses for
    settings it does not track (plan_cache_mode), so a round trip added or moved fails here."""
    import psycopg  # here: a SQLite install has no psycopg

    Store(pg_url).close()  # made: a watcher database, as a read command finds it
    sent: list[str] = []
    execute = psycopg.Cursor.execute

    def counted(cur: psycopg.Cursor[object], query: str, *args: object, **kwargs: object) -> object:
        sent.append(str(query).split()[0].upper())
        return execute(cur, query, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    with Store.for_reading(pg_url) as s:
        assert sent == ["SET", "SELECT", "SELECT"]  # the plan setting, the catalog check, the names
        monkeypatch.undo()
        [row] = s.db.rows("SELECT current_setting('plan_cache_mode') AS mode", ())
        assert row["mode"] == "force_custom_plan"
    with Store(pg_url, read_only=True) as s:
        [row] = s.db.rows("SELECT current_setting('default_transaction_read_only') AS ro", ())
        assert row["ro"] == "on"


def test_a_postgresql_database_with_tables_but_no_migrations_is_refused(pg_url: str) -> None:
    import psycopg  # here: a SQLite install has no psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE VIEW someone_elses AS SELECT 1 AS one")
    with pytest.raises(SchemaError, match="has tables but is not a watcher database"):
        Store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP VIEW someone_elses")
    # Empty again: made a watcher database, then read as one.
    with Store(pg_url) as s:
        assert s.pending == ()
    with Store.for_reading(pg_url) as s:
        assert s.version == len(MIGRATIONS)
