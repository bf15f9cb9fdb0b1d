"""Same articles, same changes: whatever order the feed lists them in, and however they are
split over consecutive cycles. A property test over permutations of a scenario written for
this project (an invented company), through the real pipeline: a local HTTP server, the real
extractor and a real SQLite file."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss
from watcher.config import settings_from_mapping
from watcher.pipeline import load_baseline, run_cycle
from watcher.store import Store

# (slug, published, title, paragraphs, lang): a rumour, the announcement in euros and in dollars,
# French re-reports, a comparison with a rival, and an older recap.
ARTICLES = [
    (
        "rumour",
        "2026-03-02",
        "Brightloom in talks to raise fresh funds",
        [
            "Brightloom is in talks to raise about €80 million at a valuation of roughly €600 million, "
            "according to people familiar with the matter.",
            "The company declined to comment.",
        ],
        "en",
    ),
    (
        "announce",
        "2026-03-10",
        "Brightloom raises €90 million Series B",
        [
            "Brightloom said on Tuesday it has raised €90 million in a Series B round led by "
            "Northwind Capital, valuing the company at €650 million.",
            "The battery recycler will open two plants in Spain.",
        ],
        "en",
    ),
    (
        "dollars",
        "2026-03-10",
        "Brightloom lands $97 million",
        [
            "Battery recycler Brightloom has raised $97 million in a Series B round led by "
            "Northwind Capital, which values the startup at $700 million.",
        ],
        "en",
    ),
    (
        "french",
        "2026-03-11",
        "Brightloom lève 90 millions d'euros",
        [
            "La start-up Brightloom a annoncé avoir levé 90 millions d'euros lors d'une série B menée par "
            "Northwind Capital, ce qui la valorise à 650 millions d'euros.",
        ],
        "fr",
    ),
    (
        "rival",
        "2026-03-12",
        "Recycling startups draw investors",
        [
            "Brightloom's rival Cellora raised €200 million last week at a valuation of €2 billion.",
            "Investors are betting on European battery supply chains.",
        ],
        "en",
    ),
    (
        "recap",
        "2026-03-14",
        "Inside Brightloom's Spanish plants",
        [
            "Brightloom, which raised €90 million in a Series B round earlier this month, "
            "opened its first plant.",
            "The company had raised €20 million in a Series A in 2024.",
        ],
        "en",
    ),
]
START = datetime(2026, 3, 15, 9, 0, tzinfo=UTC)
_REFERENCE: list[tuple[str, str, str, str]] = []  # the changes in chronological order, computed once


def _serve(server: HTTPServer, order: Sequence[int], upto: int) -> None:
    """Publish the first ``upto`` articles (chronologically) in the feed, listed in ``order``."""
    server.clear()
    items = []
    for i in order:
        if i >= upto:
            continue
        slug, published, title, paragraphs, lang = ARTICLES[i]
        path = f"/news/{slug}"
        server.expect_request(path).respond_with_data(
            page(title, paragraphs, lang=lang, published=published), content_type="text/html; charset=utf-8"
        )
        items.append(
            {
                "title": title,
                "link": server.url_for(path),
                "guid": slug,
                "date": f"{published}T08:00:00+00:00",
            }
        )
    server.expect_request("/feed.xml").respond_with_data(
        rss("Wire", items), content_type="application/rss+xml"
    )


def _changes(
    server: HTTPServer, order: Sequence[int], cuts: Sequence[int], db: str = "w.db"
) -> list[tuple[str, str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        config = settings_from_mapping(
            {
                "watcher": {"db": db, "interval": "10m", "base_currency": "EUR", "min_change": 0.10},
                "entities": [{"name": "Brightloom"}],
                "feeds": [{"url": server.url_for("/feed.xml"), "name": "wire"}],
                "alerts": {"file": {"path": "alerts.jsonl"}, "min_confidence": 0.0},
                "http": {"allow_private": ["127.0.0.1"]},  # the local news server
            },
            Path(tmp) / "config.toml",
        )
        with Store(config.db) as store:
            load_baseline(config, store, now=START)
            for n, upto in enumerate([*cuts, len(ARTICLES)]):
                _serve(server, order, upto)
                run_cycle(config, store=store, now=START + timedelta(hours=n), force=True)
            return sorted(
                (c.kind, c.fact_kind, f"{c.new.amount} {c.new.currency}", c.status) for c in store.changes()
            )


def test_the_scenario_gives_the_changes_a_careful_reader_expects(httpserver: HTTPServer) -> None:
    changes = _changes(httpserver, range(len(ARTICLES)), [])
    kinds = {(kind, amount) for kind, _, amount, _ in changes}
    assert ("new_round", "80000000 EUR") in kinds  # the rumour
    assert ("status_change", "90000000 EUR") in kinds  # its confirmation, in euros (most sources)
    assert ("valuation_change", "650000000 EUR") in kinds or ("status_change", "650000000 EUR") in kinds
    amounts = {amount for _, _, amount, _ in changes}
    # The dollar restatement, the rival's money and the old Series A never alert.
    assert not amounts & {"97000000 USD", "700000000 USD", "200000000 EUR", "2000000000 EUR", "20000000 EUR"}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    order=st.permutations(range(len(ARTICLES))),
    cuts=st.lists(st.integers(min_value=1, max_value=len(ARTICLES) - 1), max_size=2, unique=True).map(sorted),
)
def test_changes_do_not_depend_on_feed_order_or_cycle_split(
    httpserver: HTTPServer, new_db: Callable[[], str], order: list[int], cuts: list[int]
) -> None:
    """On either backend, in any order and cycle split: the changes of SQLite in feed order."""
    if not _REFERENCE:
        _REFERENCE.extend(_changes(httpserver, range(len(ARTICLES)), []))
    assert _changes(httpserver, order, cuts, new_db()) == _REFERENCE
