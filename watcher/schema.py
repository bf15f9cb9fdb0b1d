"""The store's schema: named migrations, and what a database already holds of them.

Part of the store (only ``store.py`` imports it). Migrations are append-only and known by
name: a database records the names it has in its ``migrations`` table. Before that table
existed, only ``PRAGMA user_version`` counted them, and the list was renumbered at merges
(the same number meant different changes on different branches; a migration was edited
in place after databases had it). So a database without the table is mapped to names by
what it holds: each migration is a list of steps whose effect can be seen (a table, a
column, an index with its definition; the values a new column gives the rows already
there, run only with that column), and a step already there is not run again.

Never edit or reorder a migration below once it is on main: add a new one at the end.
tests/test_schema_upgrade.py keeps a digest of each one's steps to catch an edit.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    sql: str  # the CREATE TABLE statement


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    decl: str  # what follows the name in ALTER TABLE ... ADD COLUMN


@dataclass(frozen=True)
class Index:
    name: str
    sql: str  # the CREATE INDEX statement; an index of that name defined otherwise is rebuilt


@dataclass(frozen=True)
class DropIndex:
    name: str


@dataclass(frozen=True)
class Fill:
    """Values for the rows a table had before one of its columns was added: run only with
    the adding of that column (its effect is seen as the column being there)."""

    table: str
    column: str
    sql: str  # an UPDATE of the table setting that column


Step = Table | Column | Index | DropIndex | Fill


@dataclass(frozen=True)
class Migration:
    name: str
    steps: tuple[Step, ...]
    # False when a database without it still reads right (indexes alone): read commands
    # then read it as it is rather than ask for an upgrade.
    readers_need: bool = True


# The highest user_version a watcher before named migrations wrote: 7 on main; the branches
# merged with named migrations had numbered on to 8 (waiting_entries, or event_messages
# without outbox.ref on another branch) and 9 (both). What such a database holds decides.
LEGACY_MAX_VERSION = 9

MIGRATIONS_TABLE = (
    "CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL, how TEXT NOT NULL)"
)


# Both counts of every fact some fact re-reports (watcher.store.facts says what each counts).
SOURCE_COUNTS_FILL = (
    "UPDATE facts SET source_docs = (SELECT COUNT(DISTINCT c.document_id) FROM facts c"
    " WHERE c.corroborates = facts.id AND c.document_id != facts.document_id"
    " AND c.state IN ('active', 'pending')),"
    " report_docs = (SELECT COUNT(DISTINCT c.document_id) FROM facts c WHERE c.corroborates = facts.id)"
    " WHERE id IN (SELECT corroborates FROM facts WHERE corroborates IS NOT NULL)"
)


def _cols(table: str, *cols: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(table, name, decl) for name, decl in cols)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "core",
        (
            Table(
                "entities",
                """CREATE TABLE entities (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    aliases TEXT NOT NULL DEFAULT '[]'
                )""",
            ),
            Table(
                "documents",
                """CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL DEFAULT '',
                    published TEXT,
                    fetched TEXT NOT NULL,
                    text_hash TEXT NOT NULL,
                    language TEXT,
                    source TEXT NOT NULL,
                    text_source TEXT NOT NULL DEFAULT 'page',
                    feed_url TEXT
                )""",
            ),
            Table(
                "facts",
                """CREATE TABLE facts (
                    id INTEGER PRIMARY KEY,
                    entity_id INTEGER NOT NULL REFERENCES entities(id),
                    document_id INTEGER NOT NULL REFERENCES documents(id),
                    kind TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    approx INTEGER NOT NULL DEFAULT 0,
                    round TEXT,
                    lead_investors TEXT NOT NULL DEFAULT '[]',
                    investors TEXT NOT NULL DEFAULT '[]',
                    status TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    equivalent_amount TEXT,
                    equivalent_currency TEXT,
                    bound TEXT,
                    basis TEXT,
                    context TEXT NOT NULL DEFAULT 'main',
                    period TEXT,
                    baseline INTEGER NOT NULL DEFAULT 0,
                    corroborates INTEGER REFERENCES facts(id),
                    created_at TEXT NOT NULL
                )""",
            ),
            Index("facts_entity", "CREATE INDEX facts_entity ON facts(entity_id, kind)"),
            Index("facts_document", "CREATE INDEX facts_document ON facts(document_id)"),
            # Databases made before fact_sources also have facts_corroborates, which that drops.
        ),
    ),
    Migration(
        "feeds",
        (
            Table(
                "feeds",
                """CREATE TABLE feeds (
                    url TEXT PRIMARY KEY,
                    name TEXT NOT NULL DEFAULT '',
                    etag TEXT,
                    last_modified TEXT,
                    body_hash TEXT,
                    last_attempt TEXT,
                    last_success TEXT,
                    last_error TEXT,
                    failures INTEGER NOT NULL DEFAULT 0,
                    next_attempt TEXT,
                    entries_seen INTEGER NOT NULL DEFAULT 0,
                    down_alerted INTEGER NOT NULL DEFAULT 0
                )""",
            ),
            Table(
                "entries",
                """CREATE TABLE entries (
                    feed_url TEXT NOT NULL,
                    key TEXT NOT NULL,
                    link TEXT,
                    title TEXT NOT NULL DEFAULT '',
                    published TEXT,
                    seen_at TEXT NOT NULL,
                    relevant INTEGER NOT NULL DEFAULT 0,
                    document_id INTEGER REFERENCES documents(id),
                    PRIMARY KEY (feed_url, key)
                )""",
            ),
            Index("entries_seen_at", "CREATE INDEX entries_seen_at ON entries(seen_at)"),
            Table(
                "changes",
                """CREATE TABLE changes (
                    id INTEGER PRIMARY KEY,
                    entity_id INTEGER NOT NULL REFERENCES entities(id),
                    fact_id INTEGER NOT NULL REFERENCES facts(id),
                    kind TEXT NOT NULL,
                    fact_kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    old_status TEXT,
                    round TEXT,
                    new_amount TEXT NOT NULL,
                    new_currency TEXT NOT NULL,
                    new_approx INTEGER NOT NULL DEFAULT 0,
                    new_date TEXT,
                    old_amount TEXT,
                    old_currency TEXT,
                    old_approx INTEGER NOT NULL DEFAULT 0,
                    old_date TEXT,
                    new_base_amount TEXT,
                    old_base_amount TEXT,
                    base_currency TEXT,
                    url TEXT NOT NULL DEFAULT '',
                    title TEXT NOT NULL DEFAULT '',
                    evidence TEXT NOT NULL DEFAULT '',
                    lead_investors TEXT NOT NULL DEFAULT '[]',
                    investors TEXT NOT NULL DEFAULT '[]',
                    detected_at TEXT NOT NULL
                )""",
            ),
            Index("changes_entity", "CREATE INDEX changes_entity ON changes(entity_id, detected_at)"),
            Table("meta", "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        ),
    ),
    Migration(
        "outbox",
        (
            Table(
                "outbox",
                """CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    channel TEXT NOT NULL,
                    change_id INTEGER REFERENCES changes(id),
                    health TEXT,
                    status TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt TEXT NOT NULL,
                    last_error TEXT,
                    created_at TEXT NOT NULL,
                    sent_at TEXT,
                    UNIQUE (channel, change_id)
                )""",
            ),
            Index("outbox_pending", "CREATE INDEX outbox_pending ON outbox(status, next_attempt)"),
        ),
    ),
    # Who is sending a row and until when: a sender claims a pending row in one UPDATE
    # before sending it, so two deliverers (the daemon's jobs, `alerts send`) never both send it.
    Migration("outbox_claims", _cols("outbox", ("claimed_by", "TEXT"), ("claim_until", "TEXT"))),
    # Facts carry the extractor's confidence and reasons, and a state: "active" counts,
    # "pending" waits for corroboration, "rejected" (by a user), "implausible" and "dropped"
    # never count. base_amount (in EUR, a float) only narrows the candidates a decision reads.
    Migration(
        "fact_ledger",
        (
            *_cols(
                "facts",
                ("confidence", "REAL NOT NULL DEFAULT 1.0"),
                ("reasons", "TEXT NOT NULL DEFAULT '[]'"),
                ("state", "TEXT NOT NULL DEFAULT 'active'"),
                ("note", "TEXT NOT NULL DEFAULT ''"),
                ("base_amount", "REAL"),
                ("pending_until", "TEXT"),
                ("outcome", "TEXT NOT NULL DEFAULT ''"),
            ),
            Index(
                "facts_heads",
                "CREATE INDEX facts_heads ON facts(entity_id, kind, state, base_amount)"
                " WHERE corroborates IS NULL",
            ),
            Index(
                "facts_heads_period",
                "CREATE INDEX facts_heads_period ON facts(entity_id, kind, period)"
                " WHERE corroborates IS NULL",
            ),
            Index(
                "facts_heads_round",
                "CREATE INDEX facts_heads_round ON facts(entity_id, kind, round) WHERE corroborates IS NULL",
            ),
            Index("facts_baseline", "CREATE INDEX facts_baseline ON facts(entity_id) WHERE baseline = 1"),
            Index(
                "facts_conflicts",
                "CREATE INDEX facts_conflicts ON facts(entity_id) WHERE outcome = 'conflict'",
            ),
            Index("facts_pending", "CREATE INDEX facts_pending ON facts(state) WHERE state = 'pending'"),
            *_cols(
                "changes",
                ("corrects", "INTEGER REFERENCES changes(id)"),
                ("confidence", "REAL NOT NULL DEFAULT 1.0"),
                ("rejected", "TEXT"),
            ),
            Index("changes_fact", "CREATE INDEX changes_fact ON changes(fact_id)"),
            Index("changes_detected", "CREATE INDEX changes_detected ON changes(detected_at)"),
            Table(
                "rejections",
                """CREATE TABLE rejections (
                    entity_id INTEGER NOT NULL REFERENCES entities(id),
                    document_url TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (entity_id, document_url, kind, amount, currency)
                )""",
            ),
            Table(
                "article_failures",
                """CREATE TABLE article_failures (
                    url TEXT PRIMARY KEY,
                    entries TEXT NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT NOT NULL DEFAULT '',
                    next_attempt TEXT NOT NULL,
                    gave_up INTEGER NOT NULL DEFAULT 0,
                    updated_at TEXT NOT NULL
                )""",
            ),
        ),
    ),
    # The daily digest is an outbox row like any alert (retried, never sent twice); its
    # subject is JSON: the day, the change ids it summarises, the failing feeds.
    Migration("digest", _cols("outbox", ("digest", "TEXT"))),
    # An event's sources are counted on every read of its head (status, history, each decision):
    # with the document (in order: no temporary b-tree for DISTINCT) and the state in the index,
    # the count reads no table rows. It replaces the index on corroborates alone, its prefix.
    # Some databases have it with state before document (an earlier definition): rebuilt.
    Migration(
        "fact_sources",
        (
            Index("facts_sources", "CREATE INDEX facts_sources ON facts(corroborates, document_id, state)"),
            DropIndex("facts_corroborates"),
        ),
        readers_need=False,
    ),
    # New relevant entries past a feed's per-cycle cap ([http] max_articles_per_feed): kept here,
    # not in ``entries`` (which would mark them seen), until a later cycle fetches them. The
    # feed entry itself is kept (JSON), since the feed may have dropped it by then.
    Migration(
        "waiting_entries",
        (
            Table(
                "waiting_entries",
                """CREATE TABLE waiting_entries (
                    feed_url TEXT NOT NULL,
                    key TEXT NOT NULL,
                    entry TEXT NOT NULL,
                    queued_at TEXT NOT NULL,
                    PRIMARY KEY (feed_url, key)
                )""",
            ),
        ),
    ),
    # One message per event (watcher.events): a change's event (thread) is the id of the change
    # that opened the event's first message, and its message the id of the change leading the
    # message that carried it (NULL: in none). Changes written before were one message each.
    # outbox.ref is the name a channel's service gave a sent message (Slack's ts): updates
    # thread under it.
    Migration(
        "event_messages",
        (
            *_cols("changes", ("thread", "INTEGER"), ("message", "INTEGER")),
            Fill("changes", "thread", "UPDATE changes SET thread = id"),
            Fill("changes", "message", "UPDATE changes SET message = id"),
            Index("changes_thread", "CREATE INDEX changes_thread ON changes(thread)"),
            Index("changes_message", "CREATE INDEX changes_message ON changes(message)"),
            Column("outbox", "ref", "TEXT"),
        ),
    ),
    # The text a document was judged on (the article's extracted text, or a seed's), so the
    # review page shows a change's evidence inside the very text it came from rather than the
    # page as its site serves it today. Capped (watcher.kept_text says why). NULL: a document
    # stored before this migration, whose text was not kept (the page reads it again then).
    Migration("document_text", (Column("documents", "text", "TEXT"),)),
    # The current state of every company in one read (status, the review page): each company's
    # heads of each kind, ranked by window functions (``Store.state_heads``), read from this
    # index alone. With ``id`` in it, PostgreSQL reads no table rows either (an index-only scan);
    # a million facts' status then spends 8 ms there, not 60 ms of 180 compound parts.
    Migration(
        "fact_state",
        (
            Index(
                "facts_state",
                "CREATE INDEX facts_state ON facts(entity_id, kind, state, status, period, context, baseline,"
                " id) WHERE corroborates IS NULL",
            ),
        ),
        readers_need=False,
    ),
    # How many documents report each event head, kept with the head rather than counted on
    # every read: counting a head's re-reports at read time grew with the coverage (a million
    # facts: 0.06 s of every `history --json` went to counting 530,000 re-reports, and
    # status counted the contested heads' too). ``source_docs``: the other documents with a fact
    # that counts (active or pending) re-reporting it, what status and the facts show as sources
    # (one more: the head's own); ``report_docs``: every document with a fact re-reporting it,
    # whatever its state, what a change's sources count (one more). Kept by the store's writes of facts
    # (watcher.store.facts: ``add_fact``, ``set_fact_state``, ``repoint_fact``,
    # ``replace_document_facts``); filled here for the facts already there.
    Migration(
        "fact_source_counts",
        (
            *_cols(
                "facts",
                ("source_docs", "INTEGER NOT NULL DEFAULT 0"),
                ("report_docs", "INTEGER NOT NULL DEFAULT 0"),
            ),
            Fill("facts", "report_docs", SOURCE_COUNTS_FILL),
        ),
    ),
    # The few facts a user rejected: status counts each company's changes but those whose fact
    # was rejected, by looking each change's fact up here rather than in the table (1,600
    # changes: 8 ms of lookups on PostgreSQL, 1 ms here).
    Migration(
        "rejected_facts",
        (Index("facts_rejected", "CREATE INDEX facts_rejected ON facts(id) WHERE state = 'rejected'"),),
        readers_need=False,
    ),
    # The latest heads of a company's kind, in the orders a decision reads them (period then id,
    # and id alone, newest first). Without them PostgreSQL sorted every head of the kind for each
    # decision. One decision's read at 2,500 heads of a kind: 11.9 ms before, 2.2 ms with them
    # (4.7 ms before the planner has statistics), and it no longer grows with the heads. They did
    # not end the quadratic decide job over 15,000 articles of one company, with its ~20 heads:
    # in its one transaction each re-report rewrote its head's row (the counts), and every read
    # of the heads visited all those versions (fixed by Store.held_counts); and source_counts kept
    # a plan made for the empty table (fixed in watcher.store.postgres).
    Migration(
        "fact_latest_heads",
        (
            Index(
                "facts_latest",
                "CREATE INDEX facts_latest ON facts(entity_id, kind, (COALESCE(period, '')), id)"
                " WHERE corroborates IS NULL AND state = 'active'",
            ),
            Index(
                "facts_latest_id",
                "CREATE INDEX facts_latest_id ON facts(entity_id, kind, id)"
                " WHERE corroborates IS NULL AND state = 'active'",
            ),
        ),
        readers_need=False,
    ),
    # Which company's decision of which document is done (issue 20). One row per company whose
    # facts of a document are to be decided, written with the document; ``decided_at`` is set
    # in the same savepoint as that company's facts, changes and alerts. A document with a row
    # still NULL (a company's decision of it failed: a bug, a decide job that gave up) is read
    # again by a later cycle, which decides only those companies: the others' facts are never
    # decided twice, the failed one's never lost. A document stored before this has no rows:
    # done, as it was taken then. Only cycles read it: read commands need not wait for it.
    Migration(
        "document_decisions",
        (
            Table(
                "document_decisions",
                """CREATE TABLE document_decisions (
                    document_id INTEGER NOT NULL REFERENCES documents(id),
                    entity_id INTEGER NOT NULL REFERENCES entities(id),
                    decided_at TEXT,
                    PRIMARY KEY (document_id, entity_id)
                )""",
            ),
        ),
        readers_need=False,
    ),
)

NAMES: tuple[str, ...] = tuple(m.name for m in MIGRATIONS)


@dataclass(frozen=True)
class Schema:
    """What a database holds: its tables' columns and its indexes' definitions."""

    columns: dict[str, frozenset[str]]
    indexes: dict[str, str]  # name -> normalised CREATE INDEX text

    @property
    def empty(self) -> bool:
        return not self.columns


def normalise(sql: str) -> str:
    """SQL text compared without case or spacing differences."""
    text = re.sub(r"\s+", " ", sql.strip().lower())
    return re.sub(r"\s*([(),=])\s*", r"\1", text)


def read_schema(conn: sqlite3.Connection) -> Schema:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    columns = {}
    indexes = {}
    for kind, name, sql in rows:
        if kind == "table":
            info = conn.execute("SELECT name FROM pragma_table_info(?)", (name,)).fetchall()
            columns[str(name)] = frozenset(str(c[0]) for c in info)
        elif kind == "index" and sql:
            indexes[str(name)] = normalise(str(sql))
    return Schema(columns, indexes)


def step_present(step: Step, schema: Schema) -> bool:
    """The step's effect is in the database already."""
    if isinstance(step, Table):
        return step.name in schema.columns
    if isinstance(step, Column):
        return step.name in schema.columns.get(step.table, frozenset())
    if isinstance(step, Index):
        return schema.indexes.get(step.name) == normalise(step.sql)
    if isinstance(step, Fill):
        return step.column in schema.columns.get(step.table, frozenset())
    return step.name not in schema.indexes


def migration_present(migration: Migration, schema: Schema) -> bool:
    return all(step_present(s, schema) for s in migration.steps)


def step_statements(step: Step, schema: Schema) -> list[str]:
    """The statements that bring the database to the step's effect (none if it is there)."""
    if step_present(step, schema):
        return []
    if isinstance(step, Table):
        return [step.sql]
    if isinstance(step, Column):
        return [f"ALTER TABLE {step.table} ADD COLUMN {step.name} {step.decl}"]
    if isinstance(step, Index):
        drop = [f"DROP INDEX {step.name}"] if step.name in schema.indexes else []
        return [*drop, step.sql]
    if isinstance(step, Fill):
        return [step.sql]  # after its column's step, which the same schema found missing
    return [f"DROP INDEX {step.name}"]
