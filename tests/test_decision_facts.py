"""The store reads only the facts a decision needs; deciding against them must give exactly the
decisions that deciding against every known fact gives. Checked on a seeded random history in a
real SQLite file."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from watcher.diff import convert, diff_against_known
from watcher.models import Entity, Fact
from watcher.settings import DEFAULT_RATES_PER_EUR
from watcher.state import KnownFact
from watcher.store import NewDocument, Store

NOW = datetime(2026, 6, 1, tzinfo=UTC)
ROUNDS = [None, None, "seed", "series_a", "series_b", "series_c"]


def _fact(rng: random.Random) -> Fact:
    return Fact(
        kind=rng.choice(["valuation", "funding_round", "total_raised"]),
        amount=Decimal(rng.choice([5, 8, 10, 12, 20, 35, 60, 90, 150, 400]))
        * Decimal(10) ** rng.choice([6, 7, 8]),
        currency=rng.choice(["EUR", "USD", "GBP"]),
        round=rng.choice(ROUNDS),
        status=rng.choice(["announced", "announced", "reported", "rumoured"]),
        context=rng.choice(["main", "main", "background"]),
        evidence="e",
    )


def _period(rng: random.Random) -> str:
    return f"20{rng.randint(19, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def test_decisions_on_the_indexed_candidates_equal_decisions_on_all_history(tmp_path: Path) -> None:
    rng = random.Random(7)
    with Store(tmp_path / "w.db") as store, store.transaction():
        entity_id = store.ensure_entity(Entity("Acme"))
        for i in range(600):
            period = _period(rng)
            doc = store.add_document(
                NewDocument(f"https://n.example/{i}", "", period, "h", None, "feed"), NOW
            )
            fact = _fact(rng)
            base = convert(fact.money, "EUR", DEFAULT_RATES_PER_EUR)
            store.add_fact(entity_id, doc, fact, period=period, baseline=False, now=NOW, base_amount=base)
    with Store(tmp_path / "w.db") as store:
        every = [KnownFact(sf.id, sf.fact, sf.period, sf.sources) for sf in store.known_facts("Acme")]
        for _ in range(150):
            facts = [_fact(rng) for _ in range(rng.randint(1, 3))]
            wanted = [(f.kind, convert(f.money, "EUR", DEFAULT_RATES_PER_EUR), f.round) for f in facts]
            some = [
                KnownFact(sf.id, sf.fact, sf.period, sf.sources)
                for sf in store.decision_facts("Acme", wanted)
            ]
            assert len(some) < len(every)
            kw = {
                "entity": "Acme",
                "period": _period(rng),
                "url": "u",
                "title": "",
                "now": NOW,
                "base_currency": "EUR",
                "rates": DEFAULT_RATES_PER_EUR,
                "min_change": Decimal("0.10"),
            }
            full = diff_against_known(facts, every, **kw)  # type: ignore[arg-type]
            indexed = diff_against_known(facts, some, **kw)  # type: ignore[arg-type]
            assert [(d.outcome, d.corroborates, d.change) for d in indexed] == [
                (d.outcome, d.corroborates, d.change) for d in full
            ]
