"""A round larger than the company's valuation waits for corroboration instead of being alerted."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss
from watcher.config import settings_from_mapping
from watcher.models import Change, Fact, Money
from watcher.pipeline import load_baseline, run_cycle
from watcher.plausible import oversized_round
from watcher.state import KnownFact
from watcher.store import Store

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
RATES = {"EUR": Decimal(1), "USD": Decimal("1.1")}


def _round(amount: int, currency: str = "EUR") -> Change:
    money = Money(Decimal(amount), currency)
    return Change("Brightloom", "new_round", "announced", money, NOW, fact_kind="funding_round")


def _valuation(amount: int, currency: str = "EUR", context: str = "main") -> Fact:
    return Fact("valuation", Decimal(amount), currency, context=context)


def test_a_round_larger_than_the_valuation_it_comes_with_is_held() -> None:
    why = oversized_round(_round(900_000_000), [_valuation(500_000_000)], [], RATES)
    assert why is not None and "valuation it comes with" in why


def test_a_round_within_its_valuation_or_beside_an_old_valuation_stands() -> None:
    assert oversized_round(_round(100_000_000), [_valuation(500_000_000)], [], RATES) is None
    # A valuation restated as background is no measure of the new round.
    assert oversized_round(_round(900_000_000), [_valuation(500, context="background")], [], RATES) is None
    # Converted before comparing: USD 540M is below EUR 500M's USD 550M.
    assert oversized_round(_round(540_000_000, "USD"), [_valuation(500_000_000)], [], RATES) is None


def test_a_round_larger_than_the_last_known_valuation_is_held() -> None:
    known = [KnownFact(1, _valuation(300_000_000), "2025-06")]
    why = oversized_round(_round(400_000_000), [], known, RATES)
    assert why is not None and "last known valuation" in why and "2025-06" in why
    assert oversized_round(_round(200_000_000), [], known, RATES) is None


def _raised(amount: int, period: str, status: str = "announced") -> KnownFact:
    return KnownFact(2, Fact("funding_round", Decimal(amount), "EUR", status=status), period)


def test_rounds_raised_since_the_last_valuation_raise_its_bound() -> None:
    # Valued at 300M in mid-2023, Brightloom raised 150M a year later: a 400M round in 2025 fits
    # a company worth at least 450M since, where it would not fit the 300M alone.
    valued = KnownFact(1, _valuation(300_000_000), "2023-06")
    assert oversized_round(_round(400_000_000), [], [valued, _raised(150_000_000, "2024-06")], RATES) is None
    held = oversized_round(_round(500_000_000), [], [valued, _raised(150_000_000, "2024-06")], RATES)
    assert held is not None and "and the round since" in held
    # A round of the valuation's own event is in it already; a rumoured one raised nothing yet;
    # one raised before the valuation is in it too.
    for other in (
        _raised(150_000_000, "2023-06-20"),
        _raised(150_000_000, "2024-06", status="rumoured"),
        _raised(150_000_000, "2022-01"),
    ):
        why = oversized_round(_round(400_000_000), [], [valued, other], RATES)
        assert why is not None and "and the round since" not in why


def test_a_round_that_names_its_investors_is_measured_only_by_a_recent_valuation() -> None:
    known = [KnownFact(1, _valuation(300_000_000), "2025-06")]
    told = replace(_round(400_000_000), lead_investors=("Kobalt Partners",), new_date="2026-04")
    assert oversized_round(told, [], known, RATES) is None
    backed = replace(_round(400_000_000), investors=("Acme Capital",), new_date="2026-04")
    assert oversized_round(backed, [], known, RATES) is None
    # Within a quarter of the valuation, investors or not, it waits; so does one that names none.
    soon = oversized_round(replace(told, new_date="2025-08"), [], known, RATES)
    assert soon is not None and "last known valuation" in soon
    assert oversized_round(replace(_round(400_000_000), new_date="2026-04"), [], known, RATES) is not None
    # The valuation the round comes with measures it at any time.
    why = oversized_round(told, [_valuation(350_000_000)], known, RATES)
    assert why is not None and "valuation it comes with" in why


def test_only_new_rounds_are_weighed() -> None:
    change = Change("Brightloom", "valuation_change", "announced", Money(Decimal(9), "EUR"), NOW)
    assert oversized_round(change, [_valuation(1)], [], RATES) is None


def _publish(server: HTTPServer, slug: str, sentence: str, day: str) -> str:
    title = f"Brightloom news {slug}"
    paragraphs = ["Brightloom opened a plant in Spain this spring.", sentence]
    server.expect_request(f"/{slug}").respond_with_data(page(title, paragraphs, published=day))
    item = {"title": title, "link": f"/{slug}", "guid": slug, "date": f"{day}T08:00:00+00:00"}
    server.expect_request(f"/{slug}.xml").respond_with_data(
        rss("Wire", [item]), content_type="application/rss+xml"
    )
    return server.url_for(f"/{slug}.xml")


def test_the_pipeline_holds_an_oversized_round_for_corroboration(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    valued = _publish(
        httpserver,
        "a",
        "Brightloom raised €50 million in a Series B at a valuation of €500 million.",
        "2026-04-01",
    )
    oversized = _publish(
        httpserver, "b", "Brightloom raised €900 million in a Series C led by Northwind.", "2026-05-03"
    )

    def settings(feeds: list[str]):  # type: ignore[no-untyped-def]
        return settings_from_mapping(
            {
                "watcher": {"db": "w.db", "interval": "10m"},
                "entities": [{"name": "Brightloom"}],
                "feeds": [{"url": u, "name": u} for u in feeds],
                "http": {"allow_private": ["127.0.0.1", "localhost"]},
                "alerts": {"file": {"path": "alerts.jsonl"}, "min_confidence": 0.0},
            },
            tmp_path / "config.toml",
        )

    with Store(settings([valued]).db) as store:
        load_baseline(settings([valued]), store, now=NOW)
        first = run_cycle(settings([valued]), store=store, now=NOW)
        assert sorted(c.kind for c in first.changes) == ["new_round", "valuation_change"]
        second = run_cycle(settings([valued, oversized]), store=store, now=NOW + timedelta(hours=1))
        assert [c for c in second.changes if c.kind == "new_round"] == []
        [held] = [f for f in store.pending_facts() if f.fact.kind == "funding_round"]
        assert "larger than the last known valuation" in held.note
