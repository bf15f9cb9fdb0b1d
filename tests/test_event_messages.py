"""One message per event, updates threaded (issue 18, item 2), end to end: a local news server,
the real extractor and pipeline, a SQLite file, aiosmtpd receiving the mail and a local HTTP
endpoint standing in for Slack (it answers with a message ``ts``, as Slack's Web API does)."""

from __future__ import annotations

import email
import email.policy
import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss
from tests.test_channels import Recorder, smtp_server
from tests.test_cli import watcher
from tests.test_pipeline import Newsroom, publish
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from tests.test_review_cli import _config
from watcher.alerts import build_channels
from watcher.config import settings_from_mapping
from watcher.delivery import deliver_due
from watcher.pipeline import load_baseline, run_cycle
from watcher.store import Store

T0 = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
TS = "1775000000.000100"
TALKS = [
    (
        "talks",
        "2026-03-20",
        "Acmeflow in talks to raise",
        "Acmeflow is in talks to raise €100 million at a valuation of about €1 billion, according to people"
        " familiar with the matter.",
    )
]
WIDER = [
    (
        "wider",
        "2026-03-27",
        "Acmeflow could raise more",
        "Acmeflow is now in talks to raise €200 million, according to people familiar with the matter.",
    )
]
INSIDE = [
    (
        "inside",
        "2026-03-31",
        "Acmeflow round",
        "Acmeflow is in talks to raise €150 million, people familiar with the matter said.",
    )
]


def _publish(server: HTTPServer, articles: list[tuple[str, str, str, str]]) -> None:
    server.clear()
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
    server.expect_request("/slack", method="POST").respond_with_json({"ok": True, "ts": TS})


def _slack_posts(server: HTTPServer) -> list[dict[str, Any]]:
    return [json.loads(req.get_data()) for req, _ in server.log if req.path == "/slack"]


def test_talks_are_one_message_then_one_threaded_update_then_silence(httpserver: HTTPServer) -> None:
    handler = Recorder()
    slack: list[dict[str, Any]] = []
    with smtp_server(handler) as port, tempfile.TemporaryDirectory() as tmp:
        settings = settings_from_mapping(
            {
                "watcher": {"db": "w.db", "interval": "10m"},
                "entities": [{"name": "Acmeflow"}],
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
                    "slack": {"webhook_url_env": "TEST_SLACK_URL"},
                },
            },
            Path(tmp) / "config.toml",
        )
        channels = build_channels(settings.alerts, env={"TEST_SLACK_URL": httpserver.url_for("/slack")})
        with Store(settings.db) as store:
            load_baseline(settings, store, now=T0)
            stories = [TALKS, TALKS + WIDER, TALKS + WIDER + INSIDE]
            reports = []
            for i, articles in enumerate(stories):
                _publish(httpserver, articles)
                now = T0 + timedelta(hours=i)
                reports.append(run_cycle(settings, store=store, now=now, force=True))
                deliver_due(settings, store, channels, now=now)
                slack += _slack_posts(httpserver)
            history = store.changes("Acmeflow")

    first, wider, inside = ([(c.kind, c.new.amount) for c in r.changes] for r in reports)
    assert first == [("new_round", 100_000_000), ("valuation_change", 1_000_000_000)]
    assert wider == [("new_round", 200_000_000)] and inside == [("new_round", 150_000_000)]
    assert len(history) == 4  # every change stays in the history...
    # ...but a person hears of the talks twice: once, then once more when the range widened.
    assert len(handler.received) == 2 and len(slack) == 2
    original, update = (
        email.message_from_bytes(r.content, policy=email.policy.default) for r in handler.received
    )
    assert "talks: EUR 100M at about EUR 1bn" in str(original["Subject"])
    assert "update: talks: EUR 100M–200M at about EUR 1bn" in str(update["Subject"])
    assert update["In-Reply-To"] == original["Message-ID"] and update["References"] == original["Message-ID"]
    assert "thread_ts" not in slack[0] and slack[1]["thread_ts"] == TS
    assert slack[1]["text"].startswith("update of alert #")


def test_alerts_list_says_what_else_a_message_carries(tmp_path: Path, newsroom: Newsroom) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml"])
    assert watcher("--config", str(config), "poll").returncode == 0
    listed = watcher("--config", str(config), "alerts", "list").stdout
    assert "(+1 more) Mistral AI: new funding round" in listed or "(+1 more) Mistral AI: valuation" in listed


def test_group_is_validated_naming_the_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[watcher]\ndb = "w.db"\n\n[[entities]]\nname = "Acme"\n\n[alerts]\ngroup = "daily"\n',
        encoding="utf-8",
    )
    res = watcher("--config", str(config), "check-config")
    assert res.returncode == 2
    [line] = res.stderr.strip().splitlines()
    assert str(config) in line and "alerts.group" in line and '"event"' in line and '"cycle"' in line
    config.write_text(config.read_text(encoding="utf-8").replace('"daily"', '"cycle"'), encoding="utf-8")
    assert watcher("--config", str(config), "check-config").returncode == 0
