"""[http] max_articles_per_feed (issue 18): a feed's new articles past the cap wait in the store
for later cycles, over real HTTP (a local server) and a real SQLite file. None is lost, even
when the feed has dropped it or answers "unchanged", and none is fetched twice."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss
from tests.test_pipeline import T0, Newsroom, settings_for
from watcher.config import settings_from_mapping
from watcher.errors import ConfigError
from watcher.pipeline import run_cycle
from watcher.settings import Settings
from watcher.store import Store


@pytest.fixture
def room(httpserver: HTTPServer) -> Iterator[Newsroom]:
    newsroom = Newsroom(httpserver)
    yield newsroom
    httpserver.clear()


def items(room: Newsroom, numbers: range) -> list[dict[str, str]]:
    return [
        {
            "title": f"Mistral AI news number {n}",
            "link": room.url(f"/story/{n}"),
            "guid": f"story-{n}",
            "summary": "Mistral AI in the news.",
        }
        for n in numbers
    ]


def capped(tmp_path: Path, room: Newsroom, cap: int) -> Settings:
    settings = settings_for(tmp_path, room, ["/feed.xml"])
    return replace(settings, http=replace(settings.http, max_articles_per_feed=cap))


def test_five_items_cap_two_three_cycles_read_them_all_once(tmp_path: Path, room: Newsroom) -> None:
    settings = capped(tmp_path, room, 2)
    room.set("/feed.xml", rss("Wire", items(room, range(1, 6))), ctype="application/rss+xml")
    for n in range(1, 6):
        room.set(f"/story/{n}", page(f"Mistral AI story {n}", [f"Mistral AI opened office number {n}."]))
    with Store(settings.db) as store:
        fetched = [
            run_cycle(settings, store=store, now=T0 + timedelta(minutes=10 * k), force=True).articles_fetched
            for k in range(4)
        ]
        assert fetched == [2, 2, 1, 0]
        assert sorted(p for p in room.hits if p.startswith("/story/")) == [f"/story/{n}" for n in range(1, 6)]
        assert all(store.document_id(room.url(f"/story/{n}")) is not None for n in range(1, 6))


def test_waiting_articles_outlive_an_unchanged_feed_and_one_that_dropped_them(
    tmp_path: Path, room: Newsroom
) -> None:
    settings = capped(tmp_path, room, 2)
    room.set("/feed.xml", rss("Wire", items(room, range(1, 6))), ctype="application/rss+xml")
    for n in range(1, 8):
        room.set(f"/story/{n}", page(f"Mistral AI story {n}", [f"Mistral AI hired {n} engineers in Paris."]))
    pages = [f"/story/{n}" for n in range(1, 8)]
    with Store(settings.db) as store:
        first = run_cycle(settings, store=store, now=T0)
        assert first.articles_fetched == 2
        assert (first.feeds[0].relevant, first.feeds[0].waiting, first.articles_waiting) == (5, 3, 3)
        # The feed is unchanged at the next poll (same bytes): the waiting ones are still read.
        second = run_cycle(settings, store=store, now=T0 + timedelta(minutes=10), force=True)
        assert second.feeds[0].outcome == "unchanged"
        assert (second.articles_fetched, second.articles_waiting) == (2, 1)
        # The feed has moved on: the last waiting story is gone from it, two new ones came.
        room.set("/feed.xml", rss("Wire", items(room, range(6, 8))), ctype="application/rss+xml")
        third = run_cycle(settings, store=store, now=T0 + timedelta(minutes=20), force=True)
        # The one left from before comes first; one of the new ones waits in turn.
        assert (third.articles_fetched, third.feeds[0].new_entries, third.articles_waiting) == (2, 2, 1)
        fourth = run_cycle(settings, store=store, now=T0 + timedelta(minutes=30), force=True)
        assert (fourth.articles_fetched, fourth.articles_waiting) == (1, 0)
        fifth = run_cycle(settings, store=store, now=T0 + timedelta(minutes=40), force=True)
        assert (fifth.articles_fetched, fifth.articles_waiting) == (0, 0)
        # Every story read once (a cycle fetches its two at once, in either order), and stored.
        assert sorted(p for p in room.hits if p.startswith("/story/")) == pages
        assert all(store.document_id(room.url(p)) is not None for p in pages)
        assert store.seen_entry_keys(room.url("/feed.xml"), [f"story-{n}" for n in range(1, 8)]) == {
            f"story-{n}" for n in range(1, 8)
        }
        assert store.waiting(room.url("/feed.xml")) == []


def test_the_cap_is_validated(tmp_path: Path) -> None:
    base: dict[str, Any] = {
        "watcher": {"db": "w.db", "interval": "10m"},
        "entities": [{"name": "Mistral AI"}],
        "feeds": [{"url": "https://news.example/feed"}],
    }
    path = tmp_path / "config.toml"
    assert settings_from_mapping(base, path).http.max_articles_per_feed == 200
    assert (
        settings_from_mapping({**base, "http": {"max_articles_per_feed": 5}}, path).http.max_articles_per_feed
        == 5
    )
    for bad, why in [(0, "must be at least 1"), ("many", "an integer")]:
        with pytest.raises(ConfigError, match=rf"max_articles_per_feed.*{why}"):
            settings_from_mapping({**base, "http": {"max_articles_per_feed": bad}}, path)


def test_an_unknown_served_name_among_many_companies_is_one_short_line(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "watcher": {"db": "w.db", "interval": "10m"},
        "entities": [{"name": f"Company {i}"} for i in range(10_000)],
        "feeds": [{"url": "https://news.example/feed", "entities": ["Company 7", "Nobody"]}],
    }
    with pytest.raises(ConfigError) as caught:
        settings_from_mapping(data, tmp_path / "config.toml")
    (line,) = str(caught.value).splitlines()
    assert "'Nobody' is not an [[entities]] name" in line
    assert line.endswith("'Company 4' and 9,995 more)")
