"""Text and facts are read in worker processes under one time cap per article.

An article whose reading runs past the cap costs only itself: its worker is stopped and
replaced, the article is read from its feed summary instead, recorded as ``capped`` with its
URL (report, log line, stored document), and the rest of the cycle goes on.

No real page reliably keeps trafilatura or the extractor busy for seconds, so the pathological
page is stood in for: the job sent to the (real) worker process for that one page sleeps. The
local news server, the worker processes, the pipeline and the SQLite file are real.
"""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.test_pipeline import T0, Newsroom, publish, settings_for
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from watcher.articles import ExtractionPool
from watcher.errors import ExtractionAborted, ExtractionError
from watcher.pipeline import load_baseline, run_cycle
from watcher.reading import ArticleRead, ReadJob, read_article
from watcher.settings import HttpSettings
from watcher.store import Store

_STUCK_MARKER = b"led by ASML"


def _stuck_on_the_round_page(job: ReadJob) -> ArticleRead:
    """Runs in the worker: the round's page never finishes; everything else is read for real."""
    if job.html is not None and _STUCK_MARKER in job.html:
        time.sleep(60)
    return read_article(job)


class _StuckPagePool(ExtractionPool):
    def run(self, job: Any, argument: Any, *, label: str) -> Any:
        return super().run(_stuck_on_the_round_page if job is read_article else job, argument, label=label)

    async def run_async(self, job: Any, argument: Any, *, label: str) -> Any:
        stuck = _stuck_on_the_round_page if job is read_article else job
        return await super().run_async(stuck, argument, label=label)


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def _raise(message: str) -> None:
    raise ValueError(message)


def test_a_job_over_the_cap_is_stopped_and_the_pool_goes_on() -> None:
    with ExtractionPool(HttpSettings(extract_timeout=0.5), workers=1) as pool:
        with pytest.raises(
            ExtractionAborted, match=r"^article https://x\.example/: reading it took over 0\.5 s"
        ):
            pool.run(_sleep, 30.0, label="article https://x.example/")
        # A new worker takes the next job.
        assert pool.run(_sleep, 0.0, label="next") == 0.0


def test_a_job_that_raises_is_reported_with_its_label_and_the_worker_lives_on() -> None:
    with ExtractionPool(HttpSettings(extract_timeout=30), workers=1) as pool:
        with pytest.raises(ExtractionError, match=r"^page p: ValueError: broken input$") as raised:
            pool.run(_raise, "broken input", label="page p")
        assert not isinstance(raised.value, ExtractionAborted)
        assert pool.run(_sleep, 0.0, label="next") == 0.0


def test_an_article_over_the_cap_is_read_from_its_summary_and_recorded_as_capped(
    tmp_path: Path, newsroom: Newsroom, caplog: pytest.LogCaptureFixture
) -> None:
    publish(newsroom)
    settings = settings_for(tmp_path, newsroom, ["/en.xml", "/fr.xml"])
    round_url = newsroom.url("/2025/09/mistral-series-c")
    with Store(settings.db) as store, _StuckPagePool(HttpSettings(extract_timeout=3), workers=2) as pool:
        load_baseline(settings, store, now=T0)
        report = run_cycle(settings, store=store, now=T0, pool=pool)

        assert report.articles_capped == [round_url]
        assert report.articles_failed == []
        lines = [r.getMessage() for r in caplog.records if "took over" in r.getMessage()]
        assert len(lines) == 1
        assert round_url in lines[0] and "read from the feed summary instead" in lines[0]
        assert store.document_text_source(round_url) == "capped"
        # The feed's headline still carries the round; the other articles were read from their pages.
        assert ("new_round", Decimal("1700000000")) in {(c.kind, c.new.amount) for c in report.changes}
        assert store.document_text_source(newsroom.url("/2025/09/mistral-recap")) == "page"
