"""The reads status and history make of every company at once, on both backends (``db_target``):
the heads ranked in one query are those a decision reads company by company, and the sources
kept with each head (``source_docs``, ``report_docs``) are what counting its re-reports gives,
whatever writes came before (re-reports, state changes, re-pointing, a seed's facts replaced),
and after the migration that counts them in a database made before."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from watcher.models import Entity, Fact
from watcher.store import NewDocument, Store

NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
KINDS = ("valuation", "funding_round", "total_raised")
STATES = ("active", "pending", "rejected", "dropped", "implausible")


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
