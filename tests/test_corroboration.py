"""A fact below min_confidence waits until a second site reports it, then is alerted once; alone,
it is dropped when the window ends. Real local server, real pipeline, SQLite file: the two "sites"
are the same server reached as 127.0.0.1 and as localhost, two different hosts to watcher."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss
from watcher.config import settings_from_mapping
from watcher.pipeline import load_baseline, run_cycle
from watcher.settings import Settings
from watcher.store import Store

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _settings(tmp_path: Path, feeds: list[str]) -> Settings:
    return settings_from_mapping(
        {
            "watcher": {"db": "w.db", "interval": "10m"},
            "entities": [{"name": "Brightloom"}],
            "feeds": [{"url": u, "name": u} for u in feeds],
            "http": {"allow_private": ["127.0.0.1", "localhost"]},  # the local news server, two names
            # The facts here are below this: each must wait for a second site.
            "alerts": {
                "file": {"path": "alerts.jsonl"},
                "min_confidence": 0.9,
                "corroboration_window": "2d",
            },
        },
        tmp_path / "config.toml",
    )


def _publish(server: HTTPServer, slug: str, text: str) -> None:
    # The figure's owner is only a pronoun: a fact the extractor is not sure enough of.
    title = "Brightloom opens its first plant"
    body = page(title, ["Brightloom opened a plant in Spain.", text], published="2026-05-03")
    server.expect_request(f"/{slug}").respond_with_data(body)
    items = [{"title": title, "link": f"/{slug}", "guid": slug, "date": "2026-05-03T08:00:00+00:00"}]
    server.expect_request(f"/{slug}.xml").respond_with_data(
        rss("Wire", items), content_type="application/rss+xml"
    )


def _feed(server: HTTPServer, slug: str, host: str) -> str:
    return server.url_for(f"/{slug}.xml").replace("localhost", host).replace("127.0.0.1", host)


def test_a_second_site_releases_a_waiting_fact_once(tmp_path: Path, httpserver: HTTPServer) -> None:
    _publish(httpserver, "a", "It raised €40 million in its Series A, led by Northwind Capital.")
    _publish(httpserver, "b", "It has raised €40 million in a Series A round led by Northwind Capital.")
    # Each feed links to its page relative to itself, so each article lives on its feed's host.
    one = _settings(tmp_path, [_feed(httpserver, "a", "127.0.0.1")])
    with Store(one.db) as store:
        load_baseline(one, store, now=NOW)
        first = run_cycle(one, store=store, now=NOW)
        assert first.changes == [] and first.pending == 1
        both = _settings(tmp_path, [_feed(httpserver, "a", "127.0.0.1"), _feed(httpserver, "b", "localhost")])
        second = run_cycle(both, store=store, now=NOW + timedelta(hours=1))
        assert [(c.kind, c.new.amount) for c in second.changes] == [("new_round", 40_000_000)]
        assert store.pending_facts() == []
        third = run_cycle(both, store=store, now=NOW + timedelta(hours=2), force=True)
        assert third.changes == []


def test_a_fact_no_other_site_reports_is_dropped_when_the_window_ends(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    _publish(httpserver, "a", "It raised €40 million in its Series A, led by Northwind Capital.")
    settings = _settings(tmp_path, [_feed(httpserver, "a", "127.0.0.1")])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=NOW)
        run_cycle(settings, store=store, now=NOW)
        assert len(store.pending_facts()) == 1
        later = run_cycle(settings, store=store, now=NOW + timedelta(days=3), force=True)
        assert later.changes == [] and store.pending_facts() == []
        [dropped] = [f for f in store.facts("Brightloom") if f.state == "dropped"]
        assert "not corroborated" in dropped.note
