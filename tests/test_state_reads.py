"""The reads status and history make of every company at once, on both backends (``db_target``):
the heads ranked in one query are those a decision reads company by company, and the sources
kept with each head (``source_docs``, ``report_docs``) are what counting its re-reports gives,
whatever writes came before (re-reports, state changes, re-pointing, a seed's facts replaced),
and after the migration that counts them in a database made before."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from watcher.config import settings_from_mapping
from watcher.ledger import ArticleFacts, Ledger
from watcher.models import Entity, Fact
from watcher.store import NewDocument, Store

NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
KINDS = ("valuation", "funding_round", "total_raised")
STATES = ("active", "pending", "rejected", "dropped", "implausible")
FEED = "https://news.example/feed.xml"


def _doc(store: Store, n: int) -> int:
    return store.add_document(
        NewDocument(f"https://news.example/{n}", f"T{n}", None, f"h{n}", "en", "feed"), NOW
    )


def _fact(kind: str, amount: int, status: str = "announced", context: str = "main") -> Fact:
    return Fact(kind, Decimal(amount), "EUR", status=status, context=context, evidence=f"{kind} {amount}")


def test_the_heads_read_for_every_company_at_once_are_those_a_decision_reads(db_target: Path | str) -> None:
    rng = random.Random(20)
    with Store(db_target) as store:
        names = ["Alpha", "Beta", "Gamma"]
        ids = {name: store.ensure_entity(Entity(name)) for name in names}
        n = 0
        for name in names[:2]:
            # Past every limit of the reads (20 confirmed heads by period, 20 by id, 50 rumours):
            # many heads of one month (ties broken by id), rumours without a date, restated
            # figures, the baseline, and heads that do not count.
            for _ in range(600):
                n += 1
                kind = rng.choice(KINDS)
                status = rng.choice(("announced", "reported", "rumoured", "rumoured"))
                period = rng.choice((None, "2024-03", "2024-03", "2024-11", "2025-01-15", "2025-06"))
                if status == "rumoured":  # most of them since the latest confirmed month: over 50
                    period = rng.choice((None, "2025-06", "2025-06", "2025-06-20", "2025-07"))
                state = rng.choice(("active", "active", "active", "pending", "rejected"))
                context = rng.choice(("main", "main", "background"))
                store.add_fact(
                    ids[name],
                    _doc(store, n),
                    _fact(kind, rng.randint(1, 90) * 10_000_000, status, context),
                    period=period,
                    baseline=rng.random() < 0.1,
                    now=NOW,
                    state=state,
                )
        # Gamma has no facts; "Nobody" is no company of this database.
        found = store.state_heads([*names, "Nobody"])
        for name in names:
            assert sorted(sf.id for sf in found[name]) == store.decision_fact_ids(name), name
            assert all(sf.entity == name and sf.sources == 1 for sf in found[name])
            assert found[name] == sorted(found[name], key=lambda sf: (sf.period or "", sf.id))
        late = store._rows(
            "SELECT COUNT(*) AS n FROM facts WHERE entity_id = ? AND corroborates IS NULL"
            " AND state = 'active' AND status = 'rumoured' AND period >= '2025-06' GROUP BY kind",
            (ids["Alpha"],),
        )
        assert max(int(r["n"]) for r in late) > 50
        # Every limit cut: far fewer heads read than the company has.
        active = store.known_counts()["Alpha"]
        assert 60 < len(found["Alpha"]) < active - 100
        assert found["Gamma"] == [] and found["Nobody"] == []


def _expected_counts(store: Store) -> dict[int, tuple[int, int]]:
    """Each fact's two counts, counted from the re-reports (as before they were kept)."""
    rows = store._rows(
        "SELECT f.id, (SELECT COUNT(DISTINCT c.document_id) FROM facts c WHERE c.corroborates = f.id"
        " AND c.document_id != f.document_id AND c.state IN ('active', 'pending')) AS s,"
        " (SELECT COUNT(DISTINCT c.document_id) FROM facts c WHERE c.corroborates = f.id) AS r FROM facts f"
    )
    return {int(r["id"]): (int(r["s"]), int(r["r"])) for r in rows}


def _kept_counts(store: Store) -> dict[int, tuple[int, int]]:
    rows = store._rows("SELECT id, source_docs, report_docs FROM facts")
    return {int(r["id"]): (int(r["source_docs"]), int(r["report_docs"])) for r in rows}


def test_the_kept_source_counts_are_what_counting_the_re_reports_gives(db_target: Path | str) -> None:
    rng = random.Random(7)
    with Store(db_target) as store:
        company = store.ensure_entity(Entity("Alpha"))
        docs = [_doc(store, n) for n in range(12)]
        heads = [
            store.add_fact(
                company,
                docs[i],
                _fact("valuation", (i + 1) * 100_000_000),
                period="2025-01",
                baseline=False,
                now=NOW,
            )
            for i in range(4)
        ]
        reports: list[int] = []
        for step in range(300):
            move = rng.random()
            if move < 0.5 or not reports:
                # A re-report, from any document: the head's own, one reporting it already, another.
                reports.append(
                    store.add_fact(
                        company,
                        rng.choice(docs),
                        _fact("valuation", 100_000_000),
                        period="2025-01",
                        baseline=False,
                        now=NOW,
                        corroborates=rng.choice(heads),
                        state=rng.choice(STATES),
                    )
                )
            elif move < 0.8:
                store.set_fact_state(rng.choice(reports), rng.choice(STATES), "review")
            else:
                store.repoint_fact(rng.choice(reports), rng.choice(heads))
            if step % 50 == 0:
                assert _kept_counts(store) == _expected_counts(store), step
        assert _kept_counts(store) == _expected_counts(store)
        assert any(s > 1 for s, _ in _kept_counts(store).values())
        # A seed's facts replaced: its re-reports leave their heads' counts, its heads go.
        store.replace_document_facts(docs[0])
        store.replace_document_facts(docs[5])
        assert _kept_counts(store) == _expected_counts(store)
        # What the reads say is what they said when they counted.
        expected = _expected_counts(store)
        for sf in store.facts("Alpha"):
            assert sf.sources == 1 + expected[sf.id][0]
        assert store.source_counts(heads[1:]) == {h: 1 + expected[h][0] for h in heads[1:]}


def test_the_migration_counts_the_sources_of_a_database_made_before(db_target: Path | str) -> None:
    with Store(db_target) as store:
        company = store.ensure_entity(Entity("Alpha"))
        docs = [_doc(store, n) for n in range(5)]
        head = store.add_fact(company, docs[0], _fact("valuation", 100), period=None, baseline=False, now=NOW)
        for i, state in enumerate(("active", "pending", "rejected", "active")):
            store.add_fact(
                company,
                docs[1 + i % 3],
                _fact("valuation", 100),
                period=None,
                baseline=False,
                now=NOW,
                corroborates=head,
                state=state,
            )
        expected = _expected_counts(store)
        assert expected[head] == (2, 3)
        # The database as a watcher before fact_source_counts left it.
        store._exec("ALTER TABLE facts DROP COLUMN source_docs")
        store._exec("ALTER TABLE facts DROP COLUMN report_docs")
        store._exec("DELETE FROM migrations WHERE name = 'fact_source_counts'")
    with Store(db_target) as store:
        assert store.migration is not None and store.migration.applied == ("fact_source_counts",)
        assert _kept_counts(store) == expected


def _valuation(
    store: Store, company: int, doc: int, amount: int, head: int | None = None, state: str = "active"
) -> int:
    """A valuation of January 2025: a head, or a re-report of ``head`` in ``state``."""
    fact = _fact("valuation", amount)
    return store.add_fact(
        company, doc, fact, period="2025-01", baseline=False, now=NOW, corroborates=head, state=state
    )


def _head_versions(store: Store, heads: list[int]) -> dict[int, str]:
    """Where each head's row lies (PostgreSQL's ctid): an UPDATE writes a new version elsewhere."""
    rows = store._rows(
        f"SELECT id, ctid::text AS at FROM facts WHERE id IN ({','.join('?' * len(heads))})", heads
    )
    return {int(r["id"]): str(r["at"]) for r in rows}


def test_counts_held_over_a_run_of_decisions_are_those_written_one_by_one(db_target: Path | str) -> None:
    """Inside ``held_counts`` (a cycle's decisions) the heads' rows are not rewritten for each
    re-report, yet every read of the counts says what writing them one by one gives: the
    decision's own read (``source_counts``), any other read, and the rows after the block;
    a unit rolled back (an article that failed) takes its steps with it."""
    rng = random.Random(11)
    pg = not isinstance(db_target, Path)
    with Store(db_target) as store, store.transaction():
        company = store.ensure_entity(Entity("Alpha"))
        docs = [_doc(store, n) for n in range(12)]
        heads = [_valuation(store, company, docs[i], (i + 1) * 100_000_000) for i in range(4)]
        reports = [_valuation(store, company, docs[5], 100_000_000, heads[0])]
        before = _head_versions(store, heads) if pg else {}

        def move() -> None:
            roll = rng.random()
            if roll < 0.6:
                head, state = rng.choice(heads), rng.choice(STATES)
                reports.append(_valuation(store, company, rng.choice(docs), 100_000_000, head, state))
            elif roll < 0.85:
                store.set_fact_state(rng.choice(reports), rng.choice(STATES), "review")
            else:
                store.repoint_fact(rng.choice(reports), rng.choice(heads))

        with store.held_counts():
            for step in range(240):
                if step % 5 == 4:
                    # An article that fails half-way: its rows and its steps are rolled back.
                    kept = len(reports)
                    with contextlib.suppress(ValueError), store.savepoint():
                        move()
                        move()
                        raise ValueError("the article's bug")
                    del reports[kept:]
                else:
                    with store.savepoint():
                        move()
                expected = _expected_counts(store)
                assert store.source_counts(heads) == {h: 1 + expected[h][0] for h in heads}, step
                if pg and step < 120:
                    # The decision's read adds the held steps: no head was written yet.
                    assert _head_versions(store, heads) == before, step
                if step == 120:
                    # Any other read of the counts writes the held steps first.
                    assert _kept_counts(store) == expected
                    assert {sf.id: sf.sources for sf in store.facts("Alpha")} == {
                        i: 1 + s for i, (s, _) in expected.items()
                    }
        assert _kept_counts(store) == _expected_counts(store)
        assert any(s > 2 for s, _ in _kept_counts(store).values())


def test_a_cycles_decisions_write_each_heads_counts_once(db_target: Path | str, tmp_path: Path) -> None:
    """A cycle's articles re-reporting the same events (a decide job's: one transaction for the
    company's whole cycle) update each head's counts once, at the end, not once per re-report:
    on PostgreSQL every update left a version of the head that each later read of the heads
    visited until the commit (15,000 articles of one company were quadratic)."""
    settings = settings_from_mapping(
        {"watcher": {"db": str(db_target)}, "entities": [{"name": "Alpha"}], "feeds": [{"url": FEED}]},
        tmp_path / "config.toml",
    )
    alpha = settings.entities[0]
    articles = []
    for n in range(40):
        url = f"https://site{n % 7}.example/{n}"
        facts = (
            _fact("valuation", 2_000_000_000),
            Fact("funding_round", Decimal(400_000_000), "EUR", round="series_b", evidence=f"round {n}"),
        )
        document = NewDocument(url, f"T{n}", "2025-06-02", f"h{n}", "en", "feed")
        articles.append(ArticleFacts(url, f"T{n}", "2025-06-02", document, ((alpha, facts),)))
    with Store(db_target) as store, store.transaction():
        written: list[str] = []
        run = store._exec

        def counting(sql: str, params: Sequence[object] = ()) -> int:
            if sql.startswith("UPDATE facts SET report_docs"):
                written.append(sql)
            return run(sql, params)

        store._exec = counting  # type: ignore[method-assign]
        ledger = Ledger(store, settings, NOW)
        ledger.record_all(articles)
        report = ledger.finish()
        heads = store.known_facts("Alpha")
        assert len(heads) == 2 and {sf.sources for sf in heads} == {40}
        assert report.facts == 80 and len(written) == 2


def _seq_rows_read(store: Store) -> int:
    """Rows of facts this transaction has read by sequential scan so far."""
    [row] = store._rows("SELECT seq_tup_read FROM pg_stat_xact_user_tables WHERE relname = 'facts'")
    return int(row["seq_tup_read"])


def test_a_decisions_reads_late_in_a_long_transaction_are_planned_for_the_table_as_it_is(
    pg_url: str,
) -> None:
    """A decide job fills facts from nearly empty in one transaction, and runs the same reads for
    every article. A plan PostgreSQL cached for them early (psycopg prepares a statement run five
    times) was made for the empty table: a sequential scan of facts in ``source_counts``, which
    then read every fact the job had written, once per article. Nothing replans it before the
    commit (no statistics see rows not yet committed)."""
    with Store(pg_url) as store, store.transaction():
        company = store.ensure_entity(Entity("Alpha"))
        heads = [_valuation(store, company, _doc(store, n), (n + 1) * 100_000_000) for n in range(3)]
        report = _valuation(store, company, _doc(store, 9), 100_000_000, heads[0])
        for _ in range(15):
            assert store.source_counts(heads) == {heads[0]: 2, heads[1]: 1, heads[2]: 1}
        columns = [c for c in store._rows("SELECT * FROM facts WHERE id = ?", (report,))[0] if c != "id"]
        listed = ", ".join(columns)
        store._exec(
            f"INSERT INTO facts ({listed}) SELECT {listed} FROM facts, generate_series(1, 5000) WHERE id = ?",
            (report,),
        )
        before = _seq_rows_read(store)
        for _ in range(5):
            store.source_counts(heads)
        assert _seq_rows_read(store) - before < 100
