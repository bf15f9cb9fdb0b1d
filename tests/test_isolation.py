"""One article that raises costs only itself: the rest of the cycle, the feeds' validators and
health are recorded, and the article is tried again with back-off, then given up.

The fault is injected: the extractor is made to raise on one page (a stand-in for an extractor
bug, which cannot be produced on purpose otherwise). So that the patched extractor is the one
called, articles are read in this process (``ExtractionPool(workers=0)``) rather than in worker
processes, which import their own. Everything else is real: a local HTTP server, the real
pipeline and a SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

import watcher.facts
import watcher.ledger
from tests.newsroom import page, rss
from tests.test_pipeline import T0, Newsroom, publish, settings_for
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from watcher.articles import ExtractionPool
from watcher.diff import diff_against_known
from watcher.facts import extract_facts
from watcher.models import Entity, Fact
from watcher.pipeline import ARTICLE_GIVE_UP_AFTER, load_baseline, run_cycle
from watcher.settings import HttpSettings
from watcher.store import Store

IN_PROCESS = ExtractionPool(HttpSettings(), workers=0)


def _broken_on(marker: str) -> Any:
    def extract(text: str, entity: str, aliases: Any = (), **kw: Any) -> list[Fact]:
        if marker in text:
            raise RuntimeError("extractor bug")
        return extract_facts(text, entity, aliases, **kw)

    return extract


def test_one_failing_article_costs_only_itself_and_is_retried(
    tmp_path: Path, newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    publish(newsroom)
    settings = settings_for(tmp_path, newsroom, ["/en.xml", "/fr.xml"])
    with Store(settings.db) as store:
        load_baseline(settings, store, now=T0)
        monkeypatch.setattr(watcher.facts, "extract_facts", _broken_on("Selon plusieurs sources"))
        first = run_cycle(settings, store=store, now=T0, pool=IN_PROCESS)
        # The rumour page failed; the Series C was still recorded and alerted.
        assert [url for url, _ in first.articles_failed] == [newsroom.url("/2025/09/mistral-rumeur")]
        assert any(c.new.amount == 1_700_000_000 for c in first.changes)
        assert all(f.outcome == "ok" for f in first.feeds)
        for feed in settings.feeds:
            row = store.feed(feed.url)
            assert row is not None and row.last_success is not None and row.body_hash is not None
        lines = [
            r.getMessage()
            for r in caplog.records
            if r.name.startswith("watcher") and "rumeur" in r.getMessage()
        ]
        assert len(lines) == 1 and "will try again" in lines[0]

        # Not due yet: the next cycle leaves it alone.
        soon = run_cycle(settings, store=store, now=T0 + timedelta(minutes=1), pool=IN_PROCESS)
        assert soon.articles_failed == [] and soon.articles_fetched == 0

        # The bug is fixed: the retry reads it from the stored entry, though the feed is unchanged.
        monkeypatch.setattr(watcher.facts, "extract_facts", extract_facts)
        later = run_cycle(settings, store=store, now=T0 + timedelta(hours=1), pool=IN_PROCESS)
        assert later.articles_failed == []
        assert any(c.status == "rumoured" for c in later.changes)
        assert store.article_failures() == []


def test_an_article_that_keeps_failing_is_given_up(
    tmp_path: Path, newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(newsroom)
    settings = settings_for(tmp_path, newsroom, ["/fr.xml"])
    monkeypatch.setattr(watcher.facts, "extract_facts", _broken_on("Selon plusieurs sources"))
    with Store(settings.db) as store:
        load_baseline(settings, store, now=T0)
        now = T0
        for _ in range(ARTICLE_GIVE_UP_AFTER + 2):
            run_cycle(settings, store=store, now=now, pool=IN_PROCESS)
            now += timedelta(days=2)
        [(url, failures, error, gave_up)] = store.article_failures()
    assert url.endswith("/2025/09/mistral-rumeur")
    assert failures == ARTICLE_GIVE_UP_AFTER and gave_up and "extractor bug" in error


# -- one company's decision of an article that names two -----------------------------------

# One article naming two tracked companies, each with a round of its own; each is named alone
# in another (so each company's decide job has more than the shared article).
SHARED_PAGE = page(
    "Two European AI start-ups raise new rounds",
    [
        "Brightloom has raised €40 million in a Series A round led by Northwind Capital, the company said.",
        "In Berlin, Quillworks has raised €25 million in a seed round led by Harbour Ventures, it said.",
    ],
)
RIVALS = (Entity("Brightloom"), Entity("Quillworks"))


def publish_rivals(room: Newsroom) -> None:
    room.set("/2025/09/rivals", SHARED_PAGE)
    room.set(
        "/2025/09/quillworks",
        page("Quillworks opens an office", ["Quillworks, which raised a seed round, opens in Paris."]),
    )
    items = [
        {
            "title": "Brightloom and Quillworks raise",
            "link": room.url("/2025/09/rivals"),
            "guid": "r-1",
            "summary": "Brightloom and Quillworks raise new rounds.",
        },
        {
            "title": "Quillworks opens an office",
            "link": room.url("/2025/09/quillworks"),
            "guid": "r-2",
            "summary": "Quillworks opens in Paris.",
        },
    ]
    room.set("/rivals.xml", rss("Rivals Wire", items), ctype="application/rss+xml")


def decision_broken_for(company: str, url: str) -> Any:
    """``watcher.ledger.diff_against_known`` raising for one company's facts of one article: a
    stand-in for a decision bug (which cannot be produced on purpose otherwise)."""

    def diff(facts: Any, known: Any, **kw: Any) -> Any:
        if kw.get("entity") == company and kw.get("url") == url:
            raise RuntimeError("decision bug")
        return diff_against_known(facts, known, **kw)

    return diff


def changes_of(store: Store) -> list[tuple[str, str, str, str]]:
    return sorted((c.entity, c.kind, f"{c.new.amount} {c.new.currency}", c.url) for c in store.changes())


def test_one_companys_failing_decision_of_a_shared_article_loses_neither_companys_facts(
    tmp_path: Path,
    newsroom: Newsroom,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    db_target: Path | str,
) -> None:
    publish(newsroom)
    publish_rivals(newsroom)
    base = settings_for(tmp_path, newsroom, ["/en.xml", "/rivals.xml"])
    settings = replace(base, entities=(*base.entities, *RIVALS), db=db_target)
    shared = newsroom.url("/2025/09/rivals")
    reference = replace(settings, db=tmp_path / "ref" / "w.db")
    with Store(reference.db) as store:
        load_baseline(reference, store, now=T0)
        run_cycle(reference, store=store, now=T0, pool=IN_PROCESS)
        expected = changes_of(store)
    # The article gives each company a change: what the fault must not lose.
    assert {c[0] for c in expected if c[3] == shared} == {"Brightloom", "Quillworks"}

    with Store(db_target) as store:
        load_baseline(settings, store, now=T0)
        monkeypatch.setattr(watcher.ledger, "diff_against_known", decision_broken_for("Quillworks", shared))
        first = run_cycle(settings, store=store, now=T0, pool=IN_PROCESS)
        # Only Quillworks' decision of the article failed, named in one line that says what
        # happens next; Brightloom's facts of it are decided and alerted now, as on workers.
        [(url, error)] = first.articles_failed
        assert url == shared and error == "Quillworks: RuntimeError: decision bug", error
        lines = [
            r.getMessage()
            for r in caplog.records
            if r.name.startswith("watcher") and shared in r.getMessage()
        ]
        assert len(lines) == 1 and error in lines[0] and "will try again" in lines[0], lines
        assert changes_of(store) == [c for c in expected if not (c[0] == "Quillworks" and c[3] == shared)]

        # The bug fixed, the article's retry decides Quillworks' facts of it, and Brightloom's not again.
        monkeypatch.setattr(watcher.ledger, "diff_against_known", diff_against_known)
        later = run_cycle(settings, store=store, now=T0 + timedelta(hours=1), pool=IN_PROCESS)
        assert later.articles_failed == [] and later.articles_fetched == 1
        assert [c.entity for c in later.changes] == ["Quillworks"]
        assert changes_of(store) == expected
        assert store.article_failures() == []
        # Done: no later cycle reads it again.
        again = run_cycle(settings, store=store, now=T0 + timedelta(days=1), pool=IN_PROCESS)
        assert again.articles_fetched == 0 and changes_of(store) == expected
