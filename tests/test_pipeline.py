"""The whole cycle over real HTTP (a local server), a real SQLite file and the real extractor."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.newsroom import atom, page, rss
from watcher.config import settings_from_mapping
from watcher.pipeline import load_baseline, run_cycle
from watcher.settings import Settings
from watcher.store import Store

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)

ROUND_PAGE = page(
    "Mistral AI raises €1.7 billion in Series C led by ASML",
    [
        "Paris-based Mistral AI said on Tuesday it has raised €1.7 billion in a Series C round led by ASML, "
        "valuing the company at €11.7 billion.",
        "Existing investors Nvidia, Andreessen Horowitz and Bpifrance also took part in the round.",
        "The startup, founded in 2023, will use the money to build data centres in France.",
    ],
)
RECAP_PAGE = page(
    "Mistral AI, one year after its big round",
    [
        "A year ago, Mistral AI was valued at $6.2 billion after a €600 million round.",
        "Since then the company has signed partnerships with several large European banks.",
        "Its chief executive says the company is hiring engineers in London and Singapore.",
    ],
)
COMPETITOR_PAGE = page(
    "xAI raises $6 billion as Mistral AI and others chase OpenAI",
    [
        "Elon Musk's xAI has raised $6 billion in a new funding round, the company said.",
        "The deal puts xAI ahead of European rivals such as Mistral AI in the race for computing power.",
        "Anthropic raised $4 billion from Amazon last year.",
    ],
)
RUMOUR_PAGE = page(
    "Mistral AI serait en discussions pour une nouvelle levée",
    [
        "Selon plusieurs sources proches du dossier, Mistral AI serait en discussions pour lever "
        "2 milliards d'euros sur la base d'une valorisation de 20 milliards d'euros.",
        "La start-up parisienne n'a pas souhaité commenter ces informations.",
    ],
    lang="fr",
)
CONFIRMED_PAGE = page(
    "Mistral AI lève 2 milliards d'euros et vaut désormais 20 milliards",
    [
        "Mistral AI a annoncé mardi avoir levé 2 milliards d'euros, ce qui porte sa valorisation "
        "à 20 milliards d'euros.",
        "Le tour de table a été mené par un fonds souverain.",
    ],
    lang="fr",
    published="2025-10-14",
)
UNRELATED_PAGE = page("Robotics startup opens plant", ["Acme Robotics raised $30 million."])


class Newsroom:
    """A local news site: feeds and pages, with a log of what was requested."""

    def __init__(self, server: HTTPServer):
        self.server = server
        self.hits: list[str] = []
        self.routes: dict[str, tuple[int, str, str]] = {}
        server.expect_request("").respond_with_handler(self._handle)

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def set(
        self, path: str, body: str, *, status: int = 200, ctype: str = "text/html; charset=utf-8"
    ) -> None:
        self.routes[path] = (status, body, ctype)

    def _handle(self, request: Request) -> Response:
        self.hits.append(request.path)
        if request.path == "/slow.xml":
            time.sleep(1.5)
        status, body, ctype = self.routes.get(request.path, (404, "not found", "text/plain"))
        return Response(body, status=status, content_type=ctype)

    def count(self, path: str) -> int:
        return self.hits.count(path)


@pytest.fixture
def newsroom(httpserver: HTTPServer) -> Iterator[Newsroom]:
    room = Newsroom(httpserver)
    yield room
    httpserver.clear()


def settings_for(tmp_path: Path, room: Newsroom, feeds: list[str], **alerts: Any) -> Settings:
    seeds = tmp_path / "seeds"
    if not seeds.exists():
        shutil.copytree(ROOT / "seeds", seeds)
    data: dict[str, Any] = {
        "watcher": {"db": "state/watcher.db", "interval": "10m", "base_currency": "EUR", "min_change": 0.10},
        "entities": [{"name": "Mistral AI", "aliases": ["Mistral"], "seeds": "seeds"}],
        "feeds": [{"url": room.url(f), "name": f.strip("/")} for f in feeds],
        "http": {
            "connect_timeout": "1s",
            "read_timeout": "1s",
            "total_timeout": "2s",
            "max_bytes": 200_000,
            # The newsroom listens on 127.0.0.1, fetched here on purpose.
            "allow_private": ["127.0.0.1"],
        },
        "alerts": {"feed_down_after": 2, "file": {"path": "state/alerts.jsonl"}, **alerts},
    }
    return settings_from_mapping(data, tmp_path / "config.toml")


def english_feed(room: Newsroom) -> str:
    return rss(
        "Tech Wire",
        [
            {
                "title": "Mistral AI raises €1.7 billion in Series C led by ASML",
                "link": room.url("/2025/09/mistral-series-c") + "?utm_source=rss&utm_medium=feed",
                "guid": "tw-1",
                "summary": "The French AI company Mistral AI closed a Series C.",
            },
            {
                "title": "Mistral AI, one year after its big round",
                "link": room.url("/2025/09/mistral-recap"),
                "guid": "tw-2",
                "summary": "Where Mistral stands now.",
            },
            {
                "title": "xAI raises $6 billion",
                "link": room.url("/2025/09/xai"),
                "guid": "tw-3",
                "summary": "Musk's company outpaces Mistral AI and others.",
            },
            {
                "title": "Robotics startup opens plant",
                "link": room.url("/2025/09/robots"),
                "guid": "tw-4",
                "summary": "Nothing about AI models here.",
            },
        ],
    )


def french_feed(room: Newsroom, *, confirmed: bool = False) -> str:
    items = [
        {
            # The same article as the English feed's first entry, under another guid and tracking tags.
            "title": "Mistral AI lève 1,7 milliard d'euros",
            "link": room.url("/2025/09/mistral-series-c") + "?utm_campaign=fr#top",
            "guid": "urn:fr:1",
            "summary": "Mistral AI boucle sa série C.",
        },
        {
            "title": "Mistral AI serait en discussions pour une nouvelle levée",
            "link": room.url("/2025/09/mistral-rumeur"),
            "guid": "urn:fr:2",
            "summary": "Mistral AI négocierait une valorisation record.",
        },
    ]
    if confirmed:
        items.append(
            {
                "title": "Mistral AI lève 2 milliards d'euros",
                "link": room.url("/2025/10/mistral-confirme"),
                "guid": "urn:fr:3",
                "summary": "Mistral AI confirme sa levée.",
                "date": "2025-10-14T08:00:00+00:00",
            }
        )
    return atom("Le Journal Tech", items)


def publish(room: Newsroom, *, confirmed: bool = False) -> None:
    room.set("/en.xml", english_feed(room), ctype="application/rss+xml")
    room.set("/fr.xml", french_feed(room, confirmed=confirmed), ctype="application/atom+xml")
    room.set("/broken.xml", "internal error", status=500, ctype="text/plain")
    room.set("/2025/09/mistral-series-c", ROUND_PAGE)
    room.set("/2025/09/mistral-recap", RECAP_PAGE)
    room.set("/2025/09/xai", COMPETITOR_PAGE)
    room.set("/2025/09/robots", UNRELATED_PAGE)
    room.set("/2025/09/mistral-rumeur", RUMOUR_PAGE)
    room.set("/2025/10/mistral-confirme", CONFIRMED_PAGE)


def test_full_story_over_three_cycles(tmp_path: Path, newsroom: Newsroom) -> None:
    publish(newsroom)
    settings = settings_for(tmp_path, newsroom, ["/en.xml", "/fr.xml", "/broken.xml"])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=T0 - timedelta(days=1))
        baseline_facts = len(store.facts("Mistral AI"))

        first = run_cycle(settings, store=store, now=T0)
        outcomes = {f.name: f.outcome for f in first.feeds}
        assert outcomes == {"en.xml": "ok", "fr.xml": "ok", "broken.xml": "failed"}
        assert "500" in (next(f for f in first.feeds if f.name == "broken.xml").error or "")
        assert first.entries_new == 6
        # The same article in two feeds is fetched once; the unrelated one never.
        assert newsroom.count("/2025/09/mistral-series-c") == 1
        assert newsroom.count("/2025/09/robots") == 0

        kinds = sorted((c.kind, c.status, c.new.amount) for c in first.changes)
        assert ("new_round", "announced", Decimal("1700000000")) in kinds
        assert ("valuation_change", "announced", Decimal("11700000000")) in kinds
        assert any(
            k == "valuation_change" and s == "rumoured" and a == Decimal("20000000000") for k, s, a in kinds
        )
        # The recap (re-report) and the competitor's round are not changes.
        amounts = {c.new.amount for c in first.changes}
        assert Decimal("6000000000") not in amounts and Decimal("6200000000") not in amounts
        assert Decimal("600000000") not in amounts
        assert len(store.facts("Mistral AI")) > baseline_facts
        valuation = next(c for c in first.changes if c.new.amount == Decimal("11700000000"))
        assert valuation.old is not None and valuation.old.amount == Decimal("6200000000")
        assert "ASML" in " ".join(next(c for c in first.changes if c.kind == "new_round").lead_investors)
        # The re-report counted as a second source of the known valuation.
        known = [
            f for f in store.facts("Mistral AI", known_only=True) if f.fact.amount == Decimal("6200000000")
        ]
        assert known and known[0].sources >= 2
        # One message per event, per channel: the Series C (its round and its valuation) and the
        # talks of the next round (their round and valuation); every change is in one of them.
        messages = {c.message for c in first.changes}
        assert len(first.changes) == 4 and None not in messages and len(messages) == 2
        assert store.outbox_counts()["pending"] == 2 * len(settings.alerts.channels)

        hits_before = len(newsroom.hits)
        second = run_cycle(settings, store=store, now=T0 + timedelta(minutes=10), force=True)
        assert second.changes == []
        assert second.entries_new == 0 and second.articles_fetched == 0
        article_hits = [h for h in newsroom.hits[hits_before:] if not h.endswith(".xml")]
        assert article_hits == []
        # Two failures in a row: one feed_down alert, not one per cycle.
        assert store.feed(settings.feeds[2].url).failures == 2  # type: ignore[union-attr]

        publish(newsroom, confirmed=True)
        third = run_cycle(settings, store=store, now=T0 + timedelta(days=35), force=True)
        confirmed = {c.fact_kind: c for c in third.changes if c.kind == "status_change"}
        assert set(confirmed) == {"valuation", "funding_round"}
        assert (
            confirmed["valuation"].old_status == "rumoured" and confirmed["valuation"].status == "announced"
        )
        assert confirmed["valuation"].new.amount == Decimal("20000000000")
        assert confirmed["funding_round"].new.amount == Decimal("2000000000")
        assert len(third.changes) == 2

        history = store.changes("Mistral AI")
        assert len(history) == len(first.changes) + len(third.changes)
        health = [r for r in store.outbox() if r.health is not None]
        assert [r.health.kind for r in health if r.health] == ["feed_down"]


def test_feed_recovers_and_says_so_once(tmp_path: Path, newsroom: Newsroom) -> None:
    newsroom.set("/flaky.xml", "oops", status=503, ctype="text/plain")
    settings = settings_for(tmp_path, newsroom, ["/flaky.xml"])
    with Store(settings.db) as store:
        for i in range(3):
            run_cycle(settings, store=store, now=T0 + timedelta(minutes=i), force=True)
        newsroom.set("/flaky.xml", rss("Flaky", []), ctype="application/rss+xml")
        # Not forced: the feed is backing off, so the cycle defers it.
        deferred = run_cycle(settings, store=store, now=T0 + timedelta(minutes=3, seconds=1))
        assert [f.outcome for f in deferred.feeds] == ["deferred"]
        recovered = run_cycle(settings, store=store, now=T0 + timedelta(days=1))
        assert [f.outcome for f in recovered.feeds] == ["ok"]
        kinds = [r.health.kind for r in reversed(store.outbox()) if r.health]
        assert kinds == ["feed_down", "feed_recovered"]
        row = store.feed(settings.feeds[0].url)
        assert row is not None and row.failures == 0 and row.last_error is None


def test_timeout_on_one_feed_does_not_stop_the_others(tmp_path: Path, newsroom: Newsroom) -> None:
    publish(newsroom)
    newsroom.set("/slow.xml", rss("Slow", []), ctype="application/rss+xml")
    settings = settings_for(tmp_path, newsroom, ["/slow.xml", "/en.xml"])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=T0)
        report = run_cycle(settings, store=store, now=T0)
    outcomes = {f.name: f.outcome for f in report.feeds}
    assert outcomes == {"slow.xml": "failed", "en.xml": "ok"}
    assert report.changes


def test_unreachable_article_falls_back_to_feed_summary(tmp_path: Path, newsroom: Newsroom) -> None:
    newsroom.set(
        "/s.xml",
        rss(
            "S",
            [
                {
                    "title": "Mistral AI raises €3 billion",
                    "link": newsroom.url("/gone"),
                    "guid": "g1",
                    "summary": "Mistral AI has raised €3 billion in a Series D round led by Example Capital.",
                }
            ],
        ),
        ctype="application/rss+xml",
    )
    newsroom.set("/gone", "gone", status=500, ctype="text/plain")
    settings = settings_for(tmp_path, newsroom, ["/s.xml"])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=T0)
        report = run_cycle(settings, store=store, now=T0)
    assert report.articles_from_summary == 1
    assert [(c.kind, c.new.amount) for c in report.changes] == [("new_round", Decimal("3000000000"))]


class SimulatedKill(BaseException):
    """Like a kill: not an Exception, so nothing in the pipeline may catch it. Not
    KeyboardInterrupt, which asyncio re-raises in ways that would stop the test session."""


def test_interrupted_cycle_is_redone_without_loss(tmp_path: Path, newsroom: Newsroom) -> None:
    """A crash after some articles were written: the feed's validators were not saved,
    so the next cycle reads the feed again, skips what was written and finishes the rest."""
    publish(newsroom)
    settings = settings_for(tmp_path, newsroom, ["/en.xml"])
    import watcher.pipeline as pipeline

    calls = {"n": 0}
    real = pipeline.Ledger.record

    def crash_on_second(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise SimulatedKill("killed between two articles")
        real(*args, **kwargs)

    with Store(settings.db) as store:
        load_baseline(settings, store, now=T0)
        pipeline.Ledger.record = crash_on_second  # type: ignore[method-assign]
        try:
            with pytest.raises(SimulatedKill):
                run_cycle(settings, store=store, now=T0)
        finally:
            pipeline.Ledger.record = real  # type: ignore[method-assign]
        written = len(store.changes())
        row = store.feed(settings.feeds[0].url)
        assert row is not None and row.body_hash is None and row.etag is None
        again = run_cycle(settings, store=store, now=T0 + timedelta(minutes=1))
        total = store.changes()
    assert calls["n"] >= 2  # the kill came; which articles were written first depends on timing
    assert len(total) == written + len(again.changes)
    assert {c.new.amount for c in total} >= {Decimal("1700000000"), Decimal("11700000000")}
    assert len({(c.kind, c.new.amount) for c in total}) == len(total)


def test_entry_without_link_is_read_from_its_summary(tmp_path: Path, newsroom: Newsroom) -> None:
    body = rss("S", [{"title": "Mistral AI raises €3 billion", "link": "", "guid": "no-link-1"}])
    # An item with a guid but no <link>: some wires publish exactly that.
    body = body.replace("<link></link>", "").replace(
        "<description></description>",
        "<description>Mistral AI has raised €3 billion in a Series D round led by Example Capital."
        "</description>",
    )
    newsroom.set("/s.xml", body, ctype="application/rss+xml")
    settings = settings_for(tmp_path, newsroom, ["/s.xml"])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=T0)
        report = run_cycle(settings, store=store, now=T0)
        again = run_cycle(settings, store=store, now=T0 + timedelta(minutes=5), force=True)
    assert report.articles_from_summary == 1
    assert [(c.kind, c.new.amount) for c in report.changes] == [("new_round", Decimal("3000000000"))]
    assert again.changes == [] and again.articles_fetched == 0
