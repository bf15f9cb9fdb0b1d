"""A change rejected and then confirmed before delivery: its alerts come back and are sent.

Real `watcher` processes on a SQLite file, alerts through the file channel.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.test_delivery import add_change
from watcher.config import load_config
from watcher.store import Store


def _cli(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _setup(tmp_path: Path) -> tuple[Path, int]:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "state/w.db"\n\n[[entities]]\nname = "Mistral AI"\n\n'
        '[alerts.file]\npath = "state/alerts.jsonl"\n',
        encoding="utf-8",
    )
    settings = load_config(cfg)
    with Store(settings.db) as store:
        change_id = add_change(store, settings)  # queued, due now (T0 lies in the past)
    return cfg, change_id


def _delivered(tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "state" / "alerts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_reject_then_confirm_before_delivery_sends_the_alert_once(tmp_path: Path) -> None:
    cfg, change_id = _setup(tmp_path)
    res = _cli(cfg, "reject", f"change:{change_id}", "--reason", "misread")
    assert res.returncode == 0, res.stderr
    # Rejected: nothing goes out, not even through `alerts retry`.
    assert _cli(cfg, "alerts", "retry").returncode == 0
    assert _cli(cfg, "alerts", "send").returncode == 0
    assert _delivered(tmp_path) == []
    listed = json.loads(_cli(cfg, "alerts", "list", "--status", "rejected", "--json").stdout)
    assert len(listed) == 1

    res = _cli(cfg, "confirm", f"change:{change_id}")
    assert res.returncode == 0, res.stderr
    # Before the fix the row stayed dead: the confirmed change was never alerted.
    res = _cli(cfg, "alerts", "send")
    assert res.returncode == 0, res.stderr
    assert [a["alert_id"] for a in _delivered(tmp_path)] == [1]
    assert _cli(cfg, "alerts", "send").returncode == 0
    assert len(_delivered(tmp_path)) == 1
    with Store(load_config(cfg).db) as store:
        assert store.outbox_counts()["sent"] == 1


def test_a_rejection_made_while_the_row_was_failing_keeps_it_unsent(tmp_path: Path) -> None:
    cfg, change_id = _setup(tmp_path)
    settings = load_config(cfg)
    with Store(settings.db) as store:
        [row] = store.due_alerts(store.outbox()[0].next_attempt)
        claimed = store.claim_alert(row.id, "other", now=row.next_attempt, until=row.next_attempt)
        assert claimed is not None
    assert _cli(cfg, "reject", f"change:{change_id}").returncode == 0
    with Store(settings.db) as store:
        # The deliverer that held it reports a failure after the rejection: still rejected.
        store.mark_failed(row.id, error="slack: HTTP 503", next_attempt=row.next_attempt, dead=False)
        assert store.outbox()[0].status == "rejected"
    assert _cli(cfg, "alerts", "send").returncode == 0
    assert _delivered(tmp_path) == []


def test_confirm_brings_back_alerts_a_rejection_of_an_older_version_left_dead(tmp_path: Path) -> None:
    cfg, change_id = _setup(tmp_path)
    note = "rejected by the user: misread"
    with Store(load_config(cfg).db) as store:
        # What `reject change:N` wrote before the "rejected" status existed.
        store.conn.execute("UPDATE changes SET rejected = ? WHERE id = ?", (note, change_id))
        store.conn.execute("UPDATE outbox SET status = 'dead', last_error = ?", (note,))
        store.conn.commit()
    assert _cli(cfg, "confirm", f"change:{change_id}").returncode == 0
    res = _cli(cfg, "alerts", "send")
    assert res.returncode == 0, res.stderr
    assert [a["alert_id"] for a in _delivered(tmp_path)] == [1]


def test_a_message_carrying_several_changes_is_held_once_all_are_rejected(tmp_path: Path) -> None:
    """One message per event (h-state) and rejected alerts held, not dead (h-faults): a message
    goes without a rejected change, is held as `rejected` once every change it carries is
    rejected, and `confirm` of any of them brings it back."""
    cfg, lead = _setup(tmp_path)
    settings = load_config(cfg)
    with Store(settings.db) as store:
        other = add_change(store, settings, title="Mistral AI raises €1.8bn")
        with store.transaction():
            # One message led by the first change carries both (as watcher.events places them).
            store.conn.execute("DELETE FROM outbox WHERE change_id = ?", (other,))
            store.place_change(lead, lead, lead)
            store.place_change(other, lead, lead)

    def state() -> tuple[str, list[int | None]]:
        with Store(settings.db) as store:
            [row] = store.outbox()
            carried, _ = store.message_changes(lead)
            return row.status, [c.id for c in carried]

    assert _cli(cfg, "reject", f"change:{lead}").returncode == 0
    assert state() == ("pending", [other])  # the message still goes, without the rejected lead
    assert _cli(cfg, "reject", f"change:{other}", "--reason", "misread").returncode == 0
    assert state() == ("rejected", [lead])  # nothing left to say: held
    assert _cli(cfg, "alerts", "retry").returncode == 0
    assert _cli(cfg, "alerts", "send").returncode == 0
    assert _delivered(tmp_path) == []

    assert _cli(cfg, "confirm", f"change:{other}").returncode == 0
    assert state() == ("pending", [other])
    res = _cli(cfg, "alerts", "send")
    assert res.returncode == 0, res.stderr
    [sent] = _delivered(tmp_path)
    assert sent["alert_id"] == 1
    assert [c["id"] for c in sent["changes"]] == [other]  # type: ignore[union-attr]
    assert sent["event_change_ids"] == [other]
