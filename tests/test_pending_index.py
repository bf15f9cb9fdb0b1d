"""The ledger compares a pending fact only with the candidates its index gives (same kind, nearby
amount, same round name): the groups must be exactly those that comparing every pair gives."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.config import settings_from_mapping
from watcher.ledger import _PendingIndex, _same
from watcher.models import Fact, Money
from watcher.store import StoredFact

SETTINGS = settings_from_mapping(
    {"entities": [{"name": "Brightloom"}], "watcher": {"db": "w.db"}}, Path("/nonexistent/config.toml")
)
T0 = datetime(2026, 5, 4, tzinfo=UTC)

# Amounts chosen to sit inside, at and beyond every tolerance of each other (2 %, 10 %, 12 %, x2).
_AMOUNTS = [Decimal(a) for a in ("10e6", "10.5e6", "11e6", "11.3e6", "12e6", "20e6", "21e6", "40e6", "1e9")]


@st.composite
def _pending(draw: st.DrawFn) -> list[StoredFact]:
    out = []
    for i in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(["funding_round", "valuation"]))
        currency = draw(st.sampled_from(["EUR", "EUR", "USD", "XYZ"]))  # XYZ: no rate known
        equivalent = draw(st.sampled_from([None, Money(Decimal("11e6"), "EUR")]))
        fact = Fact(
            kind=kind,
            amount=draw(st.sampled_from(_AMOUNTS)),
            currency=currency,
            round=draw(st.sampled_from([None, "series_a", "series_b"])) if kind == "funding_round" else None,
            status=draw(st.sampled_from(["announced", "rumoured"])),
            context=draw(st.sampled_from(["main", "main", "background"])),
            equivalent=equivalent if currency != "EUR" else None,
        )
        period = draw(st.sampled_from([None, "2026-01-10", "2026-02-20", "2026-05-01", "2025-01-01"]))
        out.append(StoredFact(i + 1, "Brightloom", fact, period, False, f"https://s{i}.example/a", "", 1, T0))
    return out


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_pending())
def test_candidates_give_the_groups_every_pair_gives(pending: list[StoredFact]) -> None:
    index = _PendingIndex(pending, SETTINGS)
    for sf in pending:
        every_pair = [o for o in pending if _same(sf, o, SETTINGS)]
        indexed = [o for o in index.candidates(sf) if _same(sf, o, SETTINGS)]
        assert indexed == every_pair
