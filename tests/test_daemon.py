"""`watcher run` as a real process: polls, delivers, stops on SIGTERM, one per database,
and survives kill -9 without losing or repeating an alert."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.newsroom import page, rss

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = page(
    "Mistral AI raises €2 billion in Series C",
    [
        "Mistral AI has raised €2 billion in a Series C round led by Example Ventures, valuing the company "
        "at €14 billion.",
        "The Paris start-up will spend the money on computing capacity.",
    ],
)


class Site:
    def __init__(self, server: HTTPServer):
        self.hook_status = 200
        self.hooks: list[dict[str, object]] = []
        self.server = server
        server.expect_request("/feed.xml").respond_with_handler(self.feed)
        server.expect_request("/article").respond_with_data(ARTICLE, content_type="text/html; charset=utf-8")
        server.expect_request("/hook", method="POST").respond_with_handler(self.hook)

    def feed(self, request: Request) -> Response:
        body = rss(
            "Wire",
            [
                {
                    "title": "Mistral AI raises €2 billion",
                    "link": self.server.url_for("/article"),
                    "guid": "a1",
                }
            ],
        )
        return Response(body, content_type="application/rss+xml")

    def hook(self, request: Request) -> Response:
        if self.hook_status != 200:
            return Response("busy", status=self.hook_status)
        self.hooks.append(json.loads(request.data))
        return Response("ok")


@pytest.fixture
def site(httpserver: HTTPServer) -> Iterator[Site]:
    yield Site(httpserver)


def write_config(tmp_path: Path, site: Site) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f"""
[watcher]
db = "state/watcher.db"
interval = "1s"

[[entities]]
name = "Mistral AI"
aliases = ["Mistral"]
seeds = "{ROOT / "seeds"}"

[[feeds]]
url = "{site.server.url_for("/feed.xml")}"
name = "wire"

[http]
allow_private = ["127.0.0.1"]

[alerts]
retry_base = "1s"
retry_max = "2s"

[alerts.file]
path = "state/alerts.jsonl"

[alerts.webhook]
url = "{site.server.url_for("/hook")}"
""",
        encoding="utf-8",
    )
    return cfg


def watcher(cfg: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "watcher", "--config", str(cfg), *args]


def start(cfg: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(watcher(cfg, "run"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def reap(proc: subprocess.Popen[str]) -> None:
    """Never leave a daemon behind a failed assertion."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def alert_lines(tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "state" / "alerts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def alert_kinds(tmp_path: Path) -> list[str]:
    """The change kinds the file channel's messages carry (one message per event, several changes)."""
    out: list[str] = []
    for line in alert_lines(tmp_path):
        changes = line["changes"] if line.get("event") == "event" else [line]
        out.extend(str(c["kind"]) for c in changes)  # type: ignore[attr-defined,index]
    return sorted(out)


def sent_count(tmp_path: Path, channel: str) -> int:
    db = tmp_path / "state" / "watcher.db"
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute(
            "SELECT COUNT(*) FROM outbox WHERE channel = ? AND status = 'sent'", (channel,)
        ).fetchone()
    except sqlite3.OperationalError:
        return 0  # not migrated yet
    finally:
        conn.close()
    return int(row[0])


def baseline(cfg: Path) -> None:
    subprocess.run(watcher(cfg, "baseline"), check=True, capture_output=True, timeout=60)


def test_run_polls_delivers_reports_status_and_stops_on_sigterm(tmp_path: Path, site: Site) -> None:
    cfg = write_config(tmp_path, site)
    baseline(cfg)
    proc = start(cfg)
    try:
        wait_for(lambda: len(alert_kinds(tmp_path)) >= 2)
        status = subprocess.run(watcher(cfg, "status", "--json"), capture_output=True, text=True, timeout=60)
        assert status.returncode == 0, status.stderr
        data = json.loads(status.stdout)
        assert data["daemon_alive"] is True
        assert data["daemon_pid"] == proc.pid
        [entity] = data["entities"]
        assert entity["latest_valuation"]["amount"] == 14_000_000_000
        assert entity["changes_since_baseline"] >= 2

        second = subprocess.run(watcher(cfg, "run"), capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert f"pid {proc.pid}" in second.stderr
        assert len(second.stderr.strip().splitlines()) == 1

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        reap(proc)
    # The round and its valuation are one event: one message on each channel.
    assert alert_kinds(tmp_path) == ["new_round", "valuation_change"]
    assert len(alert_lines(tmp_path)) == 1 and len(site.hooks) == 1


def test_kill_9_then_restart_loses_nothing_and_sends_nothing_twice(tmp_path: Path, site: Site) -> None:
    cfg = write_config(tmp_path, site)
    baseline(cfg)
    site.hook_status = 503  # the webhook receiver is down: its alerts stay pending
    proc = start(cfg)
    try:
        # Kill once the file alerts are recorded as sent: between a send and its mark is the
        # one documented window for a duplicate, and this test is about everything else.
        wait_for(lambda: sent_count(tmp_path, "file") >= 1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        reap(proc)
    assert site.hooks == []
    site.hook_status = 200
    # The lock of the killed process is stale; the new daemon takes over.
    proc = start(cfg)
    try:
        wait_for(lambda: len(site.hooks) >= 1)
        time.sleep(3)  # a few more poll and delivery rounds
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        reap(proc)
    assert len(site.hooks) == 1  # the round and its valuation: one message
    assert len(alert_lines(tmp_path)) == 1
    history = subprocess.run(watcher(cfg, "history", "--json"), capture_output=True, text=True, timeout=60)
    assert len(json.loads(history.stdout)) == 2


def test_run_once_loads_the_baseline_itself(tmp_path: Path, site: Site) -> None:
    cfg = write_config(tmp_path, site)
    res = subprocess.run(watcher(cfg, "run", "--once"), capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "2 changes" in res.stdout
    assert alert_kinds(tmp_path) == ["new_round", "valuation_change"] and len(alert_lines(tmp_path)) == 1
    again = subprocess.run(watcher(cfg, "run", "--once"), capture_output=True, text=True, timeout=120)
    assert "0 changes" in again.stdout
    assert len(alert_lines(tmp_path)) == 1
    # Compared with the seeds: the previous valuation is the baseline's, not "none".
    history = json.loads(
        subprocess.run(watcher(cfg, "history", "--json"), capture_output=True, text=True).stdout
    )
    valuation = next(c for c in history if c["kind"] == "valuation_change")
    assert valuation["old"]["amount"] == 6_200_000_000
