"""Two drills of issue 10 that the decision code must pass, through the real pipeline on a local
news server and a SQLite file: an absurd amount is dropped with its reason and costs nothing
else; an item dated in 2100 neither crashes anything nor silences a later real round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.newsroom import rss
from watcher.config import settings_from_mapping
from watcher.pipeline import load_baseline, run_cycle
from watcher.settings import Settings
from watcher.store import Store

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _settings(tmp_path: Path, server: HTTPServer, feeds: list[str]) -> Settings:
    return settings_from_mapping(
        {
            "watcher": {"db": "w.db", "interval": "10m"},
            "entities": [{"name": "Brightloom"}],
            "feeds": [{"url": server.url_for(f), "name": f} for f in feeds],
            "http": {"allow_private": ["127.0.0.1"]},  # the local news server
            "alerts": {"file": {"path": "alerts.jsonl"}},
        },
        tmp_path / "config.toml",
    )


def _summary_only(title: str, summary: str, guid: str, date: str) -> str:
    """An RSS item with no link: its summary is the article."""
    body = rss("Wire", [{"title": title, "link": "", "guid": guid, "date": date}])
    return body.replace("<link></link>", "").replace(
        "<description></description>", f"<description>{summary}</description>"
    )


def test_an_absurd_amount_is_dropped_and_the_other_feeds_are_recorded(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    poison = _summary_only(
        "Brightloom a levé une somme record",
        "Brightloom a levé 100000000000000000000 milliards d'euros auprès de ses investisseurs.",
        "p1",
        "2026-05-03T08:00:00+00:00",
    )
    httpserver.expect_request("/poison.xml").respond_with_data(poison, content_type="application/rss+xml")
    good = _summary_only(
        "Brightloom raises €40 million",
        "Brightloom has raised €40 million in a Series A round led by Northwind Capital.",
        "g1",
        "2026-05-03T09:00:00+00:00",
    )
    httpserver.expect_request("/good.xml").respond_with_data(good, content_type="application/rss+xml")
    settings = _settings(tmp_path, httpserver, ["/poison.xml", "/good.xml"])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=NOW)
        report = run_cycle(settings, store=store, now=NOW)
        assert report.articles_failed == []
        assert [(c.kind, c.new.amount) for c in report.changes] == [("new_round", Decimal(40_000_000))]
        for feed in settings.feeds:
            row = store.feed(feed.url)
            assert row is not None and row.last_success is not None  # both feeds' state is recorded
        absurd = [f for f in store.facts("Brightloom") if f.fact.amount > Decimal(10) ** 15]
        assert all(f.state == "implausible" and "beyond any real company" in f.note for f in absurd)


def test_an_item_dated_2100_does_not_silence_a_later_real_round(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    future = _summary_only(
        "Brightloom raises €15 million",
        "Brightloom has raised €15 million in a seed round.",
        "f1",
        "2100-01-01T08:00:00+00:00",
    )
    httpserver.expect_request("/feed.xml").respond_with_data(future, content_type="application/rss+xml")
    settings = _settings(tmp_path, httpserver, ["/feed.xml"])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=NOW)
        run_cycle(settings, store=store, now=NOW)
        [seed] = store.facts("Brightloom")
        assert seed.period == NOW.date().isoformat()  # read as the fetch day, not 2100
        httpserver.clear()
        real = _summary_only(
            "Brightloom raises €60 million Series A",
            "Brightloom has raised €60 million in a Series A round led by Northwind Capital.",
            "r1",
            "2026-06-01T08:00:00+00:00",
        )
        httpserver.expect_request("/feed.xml").respond_with_data(real, content_type="application/rss+xml")
        later = run_cycle(settings, store=store, now=NOW + timedelta(days=28), force=True)
    assert [(c.kind, c.new.amount) for c in later.changes] == [("new_round", Decimal(60_000_000))]
