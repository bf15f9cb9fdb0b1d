"""`watcher db copy --to postgresql://...`: a SQLite state, made by real polls and a review,
moved into an empty PostgreSQL database reads the same there, row for row."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import watcher
from tests.test_pipeline import Newsroom, publish
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from tests.test_review_cli import _config, _facts
from watcher.config import load_config
from watcher.store import Store


def _snapshot(store: Store) -> dict[str, object]:
    return {
        "facts": [
            (f.id, f.entity, f.fact, f.state, f.note, f.corroborates, f.sources) for f in store.facts()
        ],
        "changes": store.changes(),
        "outbox": store.outbox(limit=10_000),
        "feeds": store.feeds(),
        "failures": store.article_failures(),
        "meta": [store.get_meta(k) for k in ("last_cycle", "digest_day", "heartbeat")],
        # Each change's article with the text it kept (the column document_text added).
        "texts": [store.document_text(c.url) for c in store.changes()],
    }


def test_copy_moves_everything_and_the_copy_reads_the_same(
    tmp_path: Path, newsroom: Newsroom, pg_url: str
) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml", "/fr.xml"])
    assert watcher("--config", str(config), "poll").returncode == 0
    [valuation] = [f for f in _facts(config) if f["amount"] == 11_700_000_000]
    assert (
        watcher("--config", str(config), "reject", str(valuation["id"]), "--reason", "misread").returncode
        == 0
    )
    sqlite_db = load_config(config).db
    with Store(sqlite_db) as store:
        store.article_failed(
            "https://gone.example/a",
            entries="[]",
            error="HTTP 500",
            now=store.changes()[0].detected_at,
            retry_at=store.changes()[0].detected_at,
            give_up_after=5,
        )
        before = _snapshot(store)
        facts_json = _facts(config, "--all")
    assert before["facts"] and before["changes"] and before["outbox"] and before["feeds"]
    texts = before["texts"]
    assert isinstance(texts, list) and texts and all(t is not None and t.text for t in texts)

    res = watcher("--config", str(config), "db", "copy", "--to", pg_url)
    assert res.returncode == 0, res.stderr
    assert "every table's count matches" in res.stdout and "facts: " in res.stdout

    with Store(pg_url) as store:
        assert _snapshot(store) == before
        # New rows take ids after the copied ones.
        assert store.set_meta("x", "y") is None
    # The copy vacuumed what it loaded (VACUUM, not autovacuum): the first version of each fact,
    # written before its late link was set, would otherwise make every read of a company's heads
    # visit its whole history.
    import psycopg

    with psycopg.connect(pg_url) as conn:
        row = conn.execute(
            "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables"
            " WHERE relname = 'facts'"
        ).fetchone()
    assert row == (True, True)
    # A fact that corroborates an earlier one is written with its link: only links pointing at a
    # later row are set by UPDATE (none here), so no fact leaves a dead first version in the
    # partial indexes of heads. (The copying process has exited, so its counts are reported.)
    facts = before["facts"]
    assert isinstance(facts, list)
    links = [(f[0], f[5]) for f in facts if f[5] is not None]
    assert links and all(head < fact_id for fact_id, head in links)
    with psycopg.connect(pg_url) as conn:
        updated = conn.execute("SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'facts'").fetchone()
    assert updated == (0,)
    # Pointed at PostgreSQL, the commands read the same state.
    text = config.read_text(encoding="utf-8").replace('db = "state/watcher.db"', f'db = "{pg_url}"')
    config.write_text(text, encoding="utf-8")
    assert _facts(config, "--all") == facts_json
    status = json.loads(watcher("--config", str(config), "status", "--json").stdout)
    assert status

    # A second copy into the now non-empty database is refused in one line.
    config.write_text(text.replace(f'db = "{pg_url}"', 'db = "state/watcher.db"'), encoding="utf-8")
    res = watcher("--config", str(config), "db", "copy", "--to", pg_url)
    assert res.returncode == 1 and "already holds watcher data" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
