"""The outbox delivered through real servers: retries, back-off, dead letters, isolation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.test_channels import Recorder, free_port
from watcher.alerts import build_channels
from watcher.config import settings_from_mapping
from watcher.delivery import deliver_due, retry_delay
from watcher.models import Change, Entity, Fact, Money
from watcher.settings import Settings
from watcher.store import NewDocument, Store

T0 = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)


def settings_for(tmp_path: Path, *, smtp_port: int | None, slack_url: str | None, **alerts: Any) -> Settings:
    data: dict[str, Any] = {
        "watcher": {"db": "state/w.db"},
        "entities": [{"name": "Mistral AI"}],
        "alerts": {
            "max_attempts": 3,
            "retry_base": "30s",
            "retry_max": "1h",
            **alerts,
        },
    }
    if smtp_port is not None:
        data["alerts"]["email"] = {
            "host": "127.0.0.1",
            "port": smtp_port,
            "tls": "none",
            "sender": "watcher@alerts.example.org",
            "recipients": ["analyst@example.org"],
            "timeout": "3s",
        }
    if slack_url is not None:
        data["alerts"]["slack"] = {"webhook_url": slack_url}
    return settings_from_mapping(data, tmp_path / "config.toml")


def add_change(store: Store, settings: Settings, title: str = "Mistral AI raises €1.7bn") -> int:
    with store.transaction():
        eid = store.ensure_entity(Entity("Mistral AI"))
        did = store.add_document(
            NewDocument(
                url=f"https://news.example/{title}",
                title=title,
                published="2025-09-09",
                text_hash="h",
                language="en",
                source="feed",
            ),
            T0,
        )
        fact = Fact("funding_round", Decimal("1700000000"), "EUR", round="series_c")
        fid = store.add_fact(eid, did, fact, period="2025-09-09", baseline=False, now=T0)
        change = Change(
            entity="Mistral AI",
            kind="new_round",
            fact_kind="funding_round",
            status="announced",
            round="series_c",
            new=Money(Decimal("1700000000"), "EUR"),
            detected_at=T0,
            url="https://news.example/a",
            title=title,
            evidence="Mistral AI has raised €1.7 billion.",
        )
        cid = store.add_change(eid, fid, change, "EUR")
        for channel in settings.alerts.channels:
            store.enqueue(channel, now=T0, change_id=cid)
    return cid


class Slack:
    """A Slack-like endpoint answering from a script of statuses, recording every payload."""

    def __init__(self, server: HTTPServer):
        self.script: list[tuple[int, dict[str, str], str]] = []
        self.payloads: list[dict[str, Any]] = []
        server.expect_request("/hook", method="POST").respond_with_handler(self.handle)
        self.url = server.url_for("/hook")

    def handle(self, request: Request) -> Response:
        status, headers, body = self.script.pop(0) if self.script else (200, {}, "ok")
        if status == 200:
            self.payloads.append(json.loads(request.data))
        return Response(body, status=status, headers=headers)


@pytest.fixture
def slack(httpserver: HTTPServer) -> Slack:
    return Slack(httpserver)


def test_smtp_down_then_up_delivers_exactly_once_and_slack_is_not_blocked(
    tmp_path: Path, slack: Slack
) -> None:
    port = free_port()  # nothing listens yet: the SMTP server is down
    settings = settings_for(tmp_path, smtp_port=port, slack_url=slack.url)
    channels = build_channels(settings.alerts)
    with Store(settings.db) as store:
        add_change(store, settings)
        first = deliver_due(settings, store, channels, now=T0)
        assert (first.sent, first.failed) == (1, 1)  # Slack went through, email failed
        assert len(slack.payloads) == 1
        [pending] = store.outbox("pending")
        assert pending.channel == "email" and pending.attempts == 1
        assert pending.next_attempt == T0 + timedelta(seconds=30)
        assert "127.0.0.1" in (pending.last_error or "")

        recorder = Recorder()
        controller = Controller(recorder, hostname="127.0.0.1", port=port, ready_timeout=5)
        controller.start()
        try:
            # Not due yet: nothing is sent early.
            assert deliver_due(settings, store, channels, now=T0 + timedelta(seconds=5)).sent == 0
            second = deliver_due(settings, store, channels, now=T0 + timedelta(seconds=31))
            assert second.sent == 1
            # Nothing left: a third round sends nothing again.
            assert deliver_due(settings, store, channels, now=T0 + timedelta(hours=2)).sent == 0
        finally:
            controller.stop()
        assert len(recorder.received) == 1
        assert len(slack.payloads) == 1
        assert store.outbox_counts() == {"pending": 0, "sent": 2, "dead": 0}


def test_slack_500_then_200(tmp_path: Path, slack: Slack) -> None:
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    channels = build_channels(settings.alerts)
    slack.script = [(500, {}, "oops")]
    with Store(settings.db) as store:
        add_change(store, settings)
        assert deliver_due(settings, store, channels, now=T0).failed == 1
        assert deliver_due(settings, store, channels, now=T0 + timedelta(seconds=31)).sent == 1
    assert len(slack.payloads) == 1


def test_slack_429_honours_retry_after(tmp_path: Path, slack: Slack) -> None:
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    channels = build_channels(settings.alerts)
    slack.script = [(429, {"Retry-After": "600"}, "rate_limited")]
    with Store(settings.db) as store:
        add_change(store, settings)
        deliver_due(settings, store, channels, now=T0)
        row = next(r for r in store.outbox("pending") if r.channel == "slack")
        assert row.next_attempt == T0 + timedelta(seconds=600)
        assert deliver_due(settings, store, channels, now=T0 + timedelta(seconds=300)).sent == 0
        assert deliver_due(settings, store, channels, now=T0 + timedelta(seconds=600)).sent == 1


def test_slack_400_is_dead_at_once_with_reason_then_retry(tmp_path: Path, slack: Slack) -> None:
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    channels = build_channels(settings.alerts)
    slack.script = [(400, {}, "invalid_blocks")]
    with Store(settings.db) as store:
        add_change(store, settings)
        report = deliver_due(settings, store, channels, now=T0)
        assert report.dead == 1
        [dead] = store.outbox("dead")
        assert "invalid_blocks" in (dead.last_error or "")
        assert store.retry_dead(T0) == 1
        assert deliver_due(settings, store, channels, now=T0).sent == 1


def test_gives_up_after_max_attempts(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, smtp_port=free_port(), slack_url=None)
    channels = build_channels(settings.alerts)
    with Store(settings.db) as store:
        add_change(store, settings)
        now = T0
        for _ in range(3):
            deliver_due(settings, store, channels, now=now)
            now += timedelta(hours=2)
        assert [r.channel for r in store.outbox("dead")] == ["email"]


def test_alert_for_an_unconfigured_channel_is_kept_dead_with_reason(tmp_path: Path, slack: Slack) -> None:
    settings = settings_for(tmp_path, smtp_port=free_port(), slack_url=slack.url)
    with Store(settings.db) as store:
        add_change(store, settings)
        deliver_due(settings, store, {}, now=T0)
        assert {r.last_error for r in store.outbox("dead")} == {
            "channel 'email' is not configured",
            "channel 'slack' is not configured",
        }


@pytest.mark.parametrize(
    ("attempts", "retry_after", "expected"),
    [(1, None, 30), (2, None, 60), (3, None, 120), (20, None, 3600), (1, 600, 600), (1, 99999, 3600)],
)
def test_retry_delay(tmp_path: Path, attempts: int, retry_after: float | None, expected: float) -> None:
    settings = settings_for(tmp_path, smtp_port=1, slack_url="http://127.0.0.1:9/h")
    assert retry_delay(attempts, retry_after, settings) == expected
