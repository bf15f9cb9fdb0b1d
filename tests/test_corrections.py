"""Events, not first mentions: when later sources move an alerted figure materially, one
correction is sent, threaded under the original email. Real parts throughout: a local news
server, the real extractor and pipeline, a SQLite file, and aiosmtpd receiving the mail."""

from __future__ import annotations

import email
import email.policy
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss
from tests.test_channels import Recorder, smtp_server
from watcher.alerts import build_channels
from watcher.config import settings_from_mapping
from watcher.delivery import deliver_due
from watcher.pipeline import load_baseline, run_cycle
from watcher.store import Store

T0 = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
FIRST = [
    (
        "first",
        "2026-03-30",
        "Brightloom raises €70 million Series B",
        "Brightloom has raised €70 million in a Series B round.",
    ),
]
LATER = [
    (
        "wire",
        "2026-03-31",
        "Brightloom closes €90 million Series B",
        "Brightloom closed a €90 million Series B round, the company said.",
    ),
    (
        "daily",
        "2026-03-31",
        "Brightloom: €90 million",
        "Brightloom announced a Series B of €90 million led by Northwind Capital.",
    ),
    (
        "lettre",
        "2026-03-31",
        "Brightloom lève 90 millions",
        "Brightloom a levé 90 millions d'euros lors d'une série B.",
    ),
]


def _publish(server: HTTPServer, articles: list[tuple[str, str, str, str]]) -> None:
    items = []
    for slug, published, title, body in articles:
        server.expect_request(f"/n/{slug}").respond_with_data(
            page(title, [body], published=published), content_type="text/html; charset=utf-8"
        )
        items.append(
            {
                "title": title,
                "link": server.url_for(f"/n/{slug}"),
                "guid": slug,
                "date": f"{published}T08:00:00+00:00",
            }
        )
    server.expect_request("/feed.xml").respond_with_data(
        rss("Wire", items), content_type="application/rss+xml"
    )


def test_a_materially_different_figure_from_most_sources_sends_one_threaded_correction(
    httpserver: HTTPServer,
) -> None:
    handler = Recorder()
    with smtp_server(handler) as port, tempfile.TemporaryDirectory() as tmp:
        settings = settings_from_mapping(
            {
                "watcher": {"db": "w.db", "interval": "10m"},
                "entities": [{"name": "Brightloom"}],
                "feeds": [{"url": httpserver.url_for("/feed.xml"), "name": "wire"}],
                "http": {"allow_private": ["127.0.0.1"]},  # the local news server
                "alerts": {
                    "min_confidence": 0.0,
                    "email": {
                        "host": "127.0.0.1",
                        "port": port,
                        "sender": "watcher@alerts.example.org",
                        "recipients": ["analyst@example.org"],
                        "tls": "none",
                    },
                },
            },
            Path(tmp) / "config.toml",
        )
        channels = build_channels(settings.alerts)
        with Store(settings.db) as store:
            load_baseline(settings, store, now=T0)
            _publish(httpserver, FIRST)
            first = run_cycle(settings, store=store, now=T0)
            assert [(c.kind, c.new.amount) for c in first.changes] == [("new_round", 70_000_000)]
            deliver_due(settings, store, channels, now=T0)

            httpserver.clear()
            _publish(httpserver, FIRST + LATER)
            later = run_cycle(settings, store=store, now=T0 + timedelta(hours=1), force=True)
            assert [(c.kind, c.new.amount) for c in later.changes] == [("correction", 90_000_000)]
            [fix] = later.changes
            assert (
                fix.old is not None and fix.old.amount == 70_000_000 and fix.corrects == first.changes[0].id
            )
            deliver_due(settings, store, channels, now=T0 + timedelta(hours=1))

            # More of the same figure changes nothing: one correction, never a second "new round".
            httpserver.clear()
            _publish(
                httpserver,
                [
                    *FIRST,
                    *LATER,
                    (
                        "more",
                        "2026-04-01",
                        "Brightloom's €90m",
                        "Brightloom raised €90 million in its Series B.",
                    ),
                ],
            )
            again = run_cycle(settings, store=store, now=T0 + timedelta(hours=2), force=True)
            assert again.changes == []

    assert len(handler.received) == 2
    original, correction = (
        email.message_from_bytes(r.content, policy=email.policy.default) for r in handler.received
    )
    assert "correction" in str(correction["Subject"]).lower()
    assert correction["In-Reply-To"] == original["Message-ID"]
    assert correction["References"] == original["Message-ID"]
