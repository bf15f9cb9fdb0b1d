"""`watcher alerts test|list|retry|send` driven as a user would, against real local servers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer


def watcher(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def config(tmp_path: Path, slack_url: str) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f"""
[watcher]
db = "state/w.db"

[[entities]]
name = "Mistral AI"

[alerts]
language = "fr"

[alerts.file]
path = "state/alerts.jsonl"

[alerts.slack]
webhook_url = "{slack_url}"
""",
        encoding="utf-8",
    )
    return cfg


def test_alerts_test_reports_each_channel(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ok", method="POST").respond_with_data("ok")
    res = watcher(config(tmp_path, httpserver.url_for("/ok")), "alerts", "test")
    assert res.returncode == 0, res.stderr
    assert sorted(res.stdout.splitlines()) == ["file: ok", "slack: ok"]
    [line] = (tmp_path / "state" / "alerts.jsonl").read_text().splitlines()
    data = json.loads(line)
    # A test never looks like a change: no amount, no change kind, marked as a test.
    assert data["event"] == "test" and data["entities"] == ["Mistral AI"]
    assert "new" not in data and "kind" not in data
    [request] = [r for r, _ in httpserver.log]
    payload = json.loads(request.data)
    assert payload["text"].startswith("TEST")
    assert "vérification" in payload["text"]  # language = "fr"


def test_alerts_test_one_failing_channel(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/bad", method="POST").respond_with_data("invalid_blocks", status=400)
    cfg = config(tmp_path, httpserver.url_for("/bad"))
    res = watcher(cfg, "alerts", "test", "slack")
    assert res.returncode == 1
    assert res.stdout.startswith("slack: ") and "invalid_blocks" in res.stdout
    assert not (tmp_path / "state" / "alerts.jsonl").exists()
    unknown = watcher(cfg, "alerts", "test", "pager")
    assert unknown.returncode == 2 and "pager" in unknown.stderr


def test_alerts_list_retry_and_send(tmp_path: Path, httpserver: HTTPServer) -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    from watcher.config import load_config
    from watcher.models import Change, Entity, Fact, Money
    from watcher.store import NewDocument, Store

    httpserver.expect_ordered_request("/hook", method="POST").respond_with_data("invalid_blocks", status=400)
    httpserver.expect_ordered_request("/hook", method="POST").respond_with_data("ok")
    cfg = config(tmp_path, httpserver.url_for("/hook"))
    settings = load_config(cfg)
    now = datetime.now(UTC)
    with Store(settings.db) as store, store.transaction():
        eid = store.ensure_entity(Entity("Mistral AI"))
        did = store.add_document(
            NewDocument(
                url="https://n.example/a",
                title="t",
                published=None,
                text_hash="h",
                language="fr",
                source="feed",
            ),
            now,
        )
        fid = store.add_fact(
            eid, did, Fact("valuation", Decimal("1e10"), "EUR"), period=None, baseline=False, now=now
        )
        change = Change(
            entity="Mistral AI",
            kind="valuation_change",
            status="announced",
            new=Money(Decimal("1e10"), "EUR"),
            detected_at=now,
        )
        cid = store.add_change(eid, fid, change, "EUR")
        for channel in settings.alerts.channels:
            store.enqueue(channel, now=now, change_id=cid)

    sent = watcher(cfg, "alerts", "send")
    assert sent.returncode == 1
    assert "1 sent" in sent.stdout and "1 dead" in sent.stdout and "invalid_blocks" in sent.stdout
    listed = json.loads(watcher(cfg, "alerts", "list", "--json").stdout)
    assert {(a["channel"], a["status"]) for a in listed} == {("file", "sent"), ("slack", "dead")}
    assert "1 dead alert re-queued" in watcher(cfg, "alerts", "retry").stdout
    again = watcher(cfg, "alerts", "send")
    assert again.returncode == 0 and "1 sent" in again.stdout
    table = watcher(cfg, "alerts", "list").stdout
    assert "slack" in table and "sent" in table and "dead" not in table
    assert len((tmp_path / "state" / "alerts.jsonl").read_text().splitlines()) == 1
