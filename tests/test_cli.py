"""The command-line contract other tools drive: `watcher extract`, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def watcher(
    *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_extract_json_contract_from_stdin() -> None:
    text = "Mistral AI a levé 385 millions d'euros (environ 415 millions de dollars) lors d'une série A."
    res = watcher("extract", "-", "--entity", "Mistral AI", "--json", stdin=text)
    assert res.returncode == 0, res.stderr
    facts = json.loads(res.stdout)
    assert isinstance(facts, list) and facts
    f = facts[0]
    for key in (
        "kind",
        "amount",
        "currency",
        "approx",
        "round",
        "lead_investors",
        "investors",
        "status",
        "evidence",
        "equivalent",
    ):
        assert key in f
    assert f["kind"] == "funding_round"
    assert f["amount"] == 385_000_000
    assert f["currency"] == "EUR"
    assert f["round"] == "series_a"
    assert f["equivalent"] == {"amount": 415_000_000, "currency": "USD", "approx": True}
    assert isinstance(f["amount"], int)


def test_extract_file_with_alias_and_table_output(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Acme Robotics raised $30 million. Acme is now valued at $300 million.", encoding="utf-8")
    res = watcher("extract", str(doc), "--entity", "Acme Robotics Inc", "--alias", "Acme")
    assert res.returncode == 0, res.stderr
    assert "funding round" in res.stdout and "USD 30M" in res.stdout


def test_extract_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    res = watcher("extract", str(tmp_path / "nope.txt"), "--entity", "Mistral AI")
    assert res.returncode == 2
    assert "nope.txt" in res.stderr


def test_unknown_command_is_a_usage_error() -> None:
    assert watcher("frobnicate").returncode == 2


def test_runtime_error_exits_1_with_one_line(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    # The database path is a folder: opening it fails at run time, not at config time.
    (tmp_path / "db").mkdir()
    cfg.write_text('[watcher]\ndb = "db"\n[[entities]]\nname = "X"\n', encoding="utf-8")
    res = watcher("--config", str(cfg), "history")
    assert res.returncode == 1
    assert len(res.stderr.strip().splitlines()) == 1
    assert str(tmp_path / "db") in res.stderr


def test_history_json_empty_then_status(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n', encoding="utf-8")
    res = watcher("--config", str(cfg), "history", "--json")
    assert res.returncode == 0 and json.loads(res.stdout) == []
    st = watcher("--config", str(cfg), "status", "--json")
    assert st.returncode == 0, st.stderr
    data = json.loads(st.stdout)
    assert data["daemon_alive"] is False
    assert data["outbox"] == {"pending": 0, "sent": 0, "dead": 0}


def test_secrets_never_printed_by_status(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n'
        '[alerts.slack]\nwebhook_url_env = "WATCHER_TEST_SLACK"\n',
        encoding="utf-8",
    )
    secret = "https://hooks.slack.invalid/services/T000/B000/SuperSecretToken"
    import os

    env = {**os.environ, "WATCHER_TEST_SLACK": secret}
    for args in (["status"], ["status", "--json"], ["check-config"], ["alerts", "list"]):
        res = subprocess.run(
            [sys.executable, "-m", "watcher", "--config", str(cfg), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert "SuperSecretToken" not in res.stdout + res.stderr


def test_status_text_is_plain_when_piped(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n[[feeds]]\nurl = "https://feeds.example/rss"\n',
        encoding="utf-8",
    )
    res = watcher("--config", str(cfg), "status")
    assert res.returncode == 0, res.stderr
    assert "\x1b[" not in res.stdout
    assert "daemon: not running" in res.stdout
    assert "https://feeds.example/rss" in res.stdout
    assert "outbox: 0 sent, 0 pending, 0 dead" in res.stdout


def test_status_styled_for_a_terminal() -> None:
    from datetime import UTC, datetime

    from watcher.status import StatusReport, format_status

    report = StatusReport(
        now=datetime(2025, 1, 1, tzinfo=UTC),
        db="w.db",
        daemon_alive=False,
        daemon_pid=None,
        heartbeat=None,
        last_cycle=None,
        next_cycle=None,
        base_currency="EUR",
    )
    assert "\x1b[31m" in format_status(report, styled=True)
    assert "\x1b[" not in format_status(report)


def test_history_timeline_and_plot_after_baseline(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[watcher]\ndb = "w.db"\n[[entities]]\nname = "Mistral AI"\nseeds = "{ROOT / "seeds"}"\n',
        encoding="utf-8",
    )
    assert watcher("--config", str(cfg), "baseline").returncode == 0
    text = watcher("--config", str(cfg), "history", "--facts")
    assert text.returncode == 0, text.stderr
    assert "2023-12" in text.stdout and "baseline" in text.stdout and "EUR 385M" in text.stdout
    only = watcher("--config", str(cfg), "history", "--facts", "--kind", "valuation").stdout
    assert "funding round" not in only and "valuation" in only

    svg = tmp_path / "timeline.svg"
    res = watcher("--config", str(cfg), "history", "--plot", str(svg))
    assert res.returncode == 0, res.stderr
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    assert root.tag.endswith("svg")
    assert "Mistral AI" in svg.read_text(encoding="utf-8")
    html = tmp_path / "timeline.html"
    assert watcher("--config", str(cfg), "history", "--plot", str(html)).returncode == 0
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    png = watcher("--config", str(cfg), "history", "--plot", str(tmp_path / "t.png"))
    assert png.returncode == 2 and ".svg or .html" in png.stderr
    unknown = watcher("--config", str(cfg), "history", "--entity", "Nobody")
    assert unknown.returncode == 2


def test_status_feed_table_shows_the_reason_not_the_url() -> None:
    from datetime import UTC, datetime

    from watcher.status import FeedView, StatusReport, format_status

    url = "https://feeds.example/a-very-long-feed-address/with/many/parts/rss.xml"
    feed = FeedView("wire", url, None, f"{url}: HTTP 500 Internal Server Error", 3, 0, None, False)
    report = StatusReport(
        now=datetime(2025, 1, 1, tzinfo=UTC),
        db="w.db",
        daemon_alive=False,
        daemon_pid=None,
        heartbeat=None,
        last_cycle=None,
        next_cycle=None,
        base_currency="EUR",
        feeds=[feed],
    )
    line = next(x for x in format_status(report).splitlines() if x.startswith("wire"))
    assert "HTTP 500 Internal Server Error" in line and url not in line
