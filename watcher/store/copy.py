"""Moving an install: every row of a SQLite state into an empty PostgreSQL database, ids kept,
then the rows of each table counted on both sides.

Ids are kept so everything that points at a row (a fact's head, a change's fact, an alert's
change, a message's lead) still does; the identity sequences then start after them. A fact
can point at a later fact (a head re-pointed by a review) and a change at a later change, so
those links, the few that point forward, are written after all rows are in; the rest are
written with their rows. One transaction: a copy that fails leaves the target empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from watcher.errors import StoreError
from watcher.store import Store
from watcher.store.records import Row

# Parents before children; migrations are the target's own (the same list, applied on open).
TABLES = (
    "entities",
    "documents",
    "document_decisions",
    "facts",
    "changes",
    "outbox",
    "feeds",
    "entries",
    "meta",
    "rejections",
    "article_failures",
    "waiting_entries",
)
# Links to rows of the same table that may come later in id order: those pointing forward are
# set once all rows are in. Not every one: a fact written with no head and given one by UPDATE
# leaves its first version in each partial index of heads (``WHERE corroborates IS NULL``),
# which VACUUM empties but does not shrink (a million copied facts: 165 MB of index for three
# thousand heads, and the planner then reads heads through another index).
LATE_LINKS = {"facts": "corroborates", "changes": "corrects"}
WITH_ID = ("entities", "documents", "facts", "changes", "outbox")
BATCH = 5000


def copy_database(source: Store, target: Store) -> dict[str, int]:
    """Copy every row of ``source`` (SQLite) into ``target`` (PostgreSQL, empty); the rows of
    each table, as counted in both after the copy."""
    if source.dialect.postgres or not target.dialect.postgres:
        raise StoreError(f"{source.where}: db copy copies a SQLite database into a PostgreSQL one")
    from watcher.store import postgres

    pg = target.db
    assert isinstance(pg, postgres.PostgresConnection)
    not_empty = [t for t in TABLES if _count(target, t)]
    if not_empty:
        raise StoreError(
            f"{target.where}: the database already holds watcher data ({', '.join(not_empty)});"
            " copy into an empty database"
        )
    try:
        with target.transaction():
            for table in TABLES:
                columns = _columns(source, table)
                late = LATE_LINKS.get(table)
                written = [f"CASE WHEN {c} < id THEN {c} END AS {c}" if c == late else c for c in columns]
                rows = _read(source, table, ", ".join(written))
                postgres.copy_rows(pg, table, columns, ([r[c] for c in columns] for r in rows))
                if late:
                    links = _read(source, table, f"id, {late}", f"{late} >= id")
                    postgres.set_links(pg, table, late, ((r["id"], r[late]) for r in links))
            for table in WITH_ID:
                postgres.restart_identity(pg, table)
    except pg.errors as e:
        raise StoreError(pg.error_line("the copy failed (nothing was written)", e)) from e
    for table in TABLES:
        postgres.vacuum_analyze(pg, table)
    counts = {}
    for table in TABLES:
        had, has = _count(source, table), _count(target, table)
        if had != has:
            raise StoreError(f"{target.where}: {table}: {has} rows copied of {had}; the copy is incomplete")
        counts[table] = has
    return counts


def _columns(store: Store, table: str) -> list[str]:
    rows = store._rows(f"SELECT name FROM pragma_table_info('{table}')")
    return [str(r["name"]) for r in rows]


def _count(store: Store, table: str) -> int:
    return int(store._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])


def _read(store: Store, table: str, columns: str, where: str = "1 = 1") -> Iterator[Row]:
    """A table's rows in batches (by rowid), so a million facts are never all in memory."""
    last = 0
    while True:
        rows = store._rows(
            f"SELECT rowid AS _r, {columns} FROM {table} WHERE rowid > ? AND {where}"
            f" ORDER BY rowid LIMIT {BATCH}",
            (last,),
        )
        if not rows:
            return
        yield from rows
        last = int(rows[-1]["_r"])
