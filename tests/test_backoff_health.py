"""Back-off counted from the response, "recovered" only after a real success, and no
SMTP password in clear unless asked for. Real local server, real SQLite file."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from watcher.config import settings_from_mapping
from watcher.daemon import Daemon
from watcher.errors import ConfigError
from watcher.pipeline import CycleReport, FeedReport, run_cycle
from watcher.store import Store

T0 = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)


def test_retry_after_counts_from_the_response_not_the_cycle_start(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    def slow_429(request: Request) -> Response:
        time.sleep(1.5)  # a slow answer: the cycle's start is long past when it comes
        return Response("busy", status=429, headers={"Retry-After": "30"})

    httpserver.expect_request("/feed.xml").respond_with_handler(slow_429)
    settings = settings_from_mapping(
        {
            "watcher": {"db": "state/w.db"},
            "entities": [{"name": "Mistral AI"}],
            "feeds": [{"url": httpserver.url_for("/feed.xml")}],
            "http": {"total_timeout": "5s", "read_timeout": "5s", "allow_private": ["127.0.0.1"]},
        },
        tmp_path / "config.toml",
    )
    with Store(settings.db) as store:
        report = run_cycle(settings, store=store, now=T0)
        assert [f.outcome for f in report.feeds] == ["failed"]
        row = store.feed(httpserver.url_for("/feed.xml"))
    assert row is not None and row.next_attempt is not None
    assert row.next_attempt >= T0 + timedelta(seconds=31)
    assert row.next_attempt < T0 + timedelta(seconds=40)


def _report(outcome: str) -> CycleReport:
    report = CycleReport(started=T0)
    report.feeds.append(FeedReport("https://feeds.example/f", "wire", outcome, error="boom"))
    return report


def test_recovered_is_logged_only_after_a_real_success(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_from_mapping(
        {"watcher": {"db": "state/w.db"}, "entities": [{"name": "Mistral AI"}]}, tmp_path / "config.toml"
    )
    daemon = Daemon(settings, channels={})
    caplog.set_level(logging.INFO, logger="watcher.daemon")
    try:
        daemon._log_cycle(_report("failed"))
        daemon._log_cycle(_report("deferred"))
        assert not [r for r in caplog.records if "recovered" in r.getMessage()]
        daemon._log_cycle(_report("failed"))  # the same error again: not logged twice
        assert len([r for r in caplog.records if "failing" in r.getMessage()]) == 1
        daemon._log_cycle(_report("ok"))
        assert len([r for r in caplog.records if "recovered" in r.getMessage()]) == 1
    finally:
        daemon.pool.close()


def _email(**kw: Any) -> dict[str, Any]:
    return {
        "watcher": {"db": "state/w.db"},
        "entities": [{"name": "Mistral AI"}],
        "alerts": {
            "email": {
                "host": "smtp.example",
                "sender": "w@example.org",
                "recipients": ["a@example.org"],
                **kw,
            }
        },
    }


def test_a_password_in_clear_is_refused_unless_asked_for(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    with pytest.raises(
        ConfigError, match=r"alerts\.email\.tls: \"none\" would send the SMTP password in clear"
    ):
        settings_from_mapping(_email(tls="none", username="w", password_env="SMTP_PASSWORD"), cfg)
    allowed = settings_from_mapping(
        _email(tls="none", username="w", password_env="SMTP_PASSWORD", allow_plaintext_auth=True), cfg
    )
    assert allowed.alerts.email is not None and allowed.alerts.email.allow_plaintext_auth
    # Without a login there is no password to leak; with TLS it is protected.
    settings_from_mapping(_email(tls="none"), cfg)
    settings_from_mapping(_email(tls="starttls", username="w", password_env="SMTP_PASSWORD"), cfg)
