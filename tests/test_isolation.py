"""One article that raises costs only itself: the rest of the cycle, the feeds' validators and
health are recorded, and the article is tried again with back-off, then given up.

The fault is injected: the extractor is made to raise on one page (a stand-in for an extractor
bug, which cannot be produced on purpose otherwise). So that the patched extractor is the one
called, articles are read in this process (``ExtractionPool(workers=0)``) rather than in worker
processes, which import their own. Everything else is real: a local HTTP server, the real
pipeline and a SQLite file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

import watcher.facts
from tests.test_pipeline import T0, Newsroom, publish, settings_for
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from watcher.articles import ExtractionPool
from watcher.facts import extract_facts
from watcher.models import Fact
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
