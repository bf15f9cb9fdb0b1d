"""Never twice: claims, one round per process, sends remembered until their mark lands.

Real parts throughout: a local Slack-like endpoint, real SQLite files, and separate
`watcher alerts send` processes racing over the same outbox.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.test_delivery import T0, add_change, settings_for
from watcher.alerts import build_channels
from watcher.delivery import deliver_due, unmarked_alerts
from watcher.store import Store


class SlowSlack:
    """Records every accepted post; each answer takes ``delay`` seconds."""

    def __init__(self, server: HTTPServer, delay: float) -> None:
        self.delay = delay
        self.texts: list[str] = []
        self.lock = threading.Lock()
        self.on_post: Any = None
        server.expect_request("/slow", method="POST").respond_with_handler(self.handle)
        self.url = server.url_for("/slow")

    def handle(self, request: Request) -> Response:
        time.sleep(self.delay)
        with self.lock:
            self.texts.append(json.dumps(json.loads(request.data), sort_keys=True))
        if self.on_post is not None:
            self.on_post()
        return Response("ok")


def _twenty(store: Store, settings: Any) -> None:
    for i in range(20):
        add_change(store, settings, title=f"Mistral AI raises round {i}")


def test_two_processes_sending_beside_each_other_deliver_each_alert_once(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    slack = SlowSlack(httpserver, delay=0.15)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[watcher]\ndb = "state/w.db"\n\n[[entities]]\nname = "Mistral AI"\n\n'
        f'[alerts.slack]\nwebhook_url = "{slack.url}"\n',
        encoding="utf-8",
    )
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    with Store(settings.db) as store:
        # Due now for the real clock the CLI uses: T0 lies in the past.
        _twenty(store, settings)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "watcher", "--config", str(cfg), "alerts", "send"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert len(slack.texts) == 20
    assert max(Counter(slack.texts).values()) == 1
    # Both did part of the work, or one did all of it; never more than 20 in total.
    sent = [int(out.split(" sent")[0]) for out, _ in outs]
    assert sum(sent) == 20, sent
    with Store(settings.db) as store:
        assert store.outbox_counts() == {"pending": 0, "sent": 20, "dead": 0}


def test_two_threads_in_one_process_do_not_overlap(tmp_path: Path, httpserver: HTTPServer) -> None:
    slack = SlowSlack(httpserver, delay=0.05)
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    channels = build_channels(settings.alerts)
    with Store(settings.db) as store:
        _twenty(store, settings)
    reports: list[int] = []

    def deliver() -> None:
        with Store(settings.db) as store:
            reports.append(deliver_due(settings, store, channels, now=T0).sent)

    threads = [threading.Thread(target=deliver) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(reports) == [0, 0, 20]
    assert len(slack.texts) == 20 and max(Counter(slack.texts).values()) == 1


def test_a_row_claimed_by_another_deliverer_is_left_alone(tmp_path: Path, httpserver: HTTPServer) -> None:
    slack = SlowSlack(httpserver, delay=0)
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    with Store(settings.db) as store:
        add_change(store, settings)
        [row] = store.due_alerts(T0)
        assert store.claim_alert(row.id, "elsewhere:1", now=T0, until=T0 + timedelta(minutes=10))
        assert store.claim_alert(row.id, "here:2", now=T0, until=T0 + timedelta(minutes=10)) is None
        channels = build_channels(settings.alerts)
        assert deliver_due(settings, store, channels, now=T0 + timedelta(minutes=5)).sent == 0
        assert slack.texts == []
        # The lease ran out (its holder died): the row is taken over and sent once.
        assert deliver_due(settings, store, channels, now=T0 + timedelta(minutes=11)).sent == 1
        assert deliver_due(settings, store, channels, now=T0 + timedelta(minutes=12)).sent == 0
    assert len(slack.texts) == 1


def _refuse_sent_marks(db: Path) -> None:
    # The database refusing a write, as a full disk does. A real full disk needs a mount
    # (root); the trigger raises the same SQLite error text from the same statement.
    with Store(db) as store:
        store.conn.execute(
            "CREATE TRIGGER full BEFORE UPDATE OF status ON outbox WHEN NEW.status = 'sent'"
            " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )


def test_a_sent_alert_whose_mark_fails_is_never_sent_again(tmp_path: Path, httpserver: HTTPServer) -> None:
    slack = SlowSlack(httpserver, delay=0)
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    channels = build_channels(settings.alerts)
    with Store(settings.db) as store:
        add_change(store, settings, title="first")
        add_change(store, settings, title="second")
    _refuse_sent_marks(settings.db)
    db = str(settings.db.resolve())
    with Store(settings.db) as store:
        report = deliver_due(settings, store, channels, now=T0)
        assert report.sent == 1 and report.held == 1
        assert "cannot be marked sent" in report.errors[0] and "disk full" in report.errors[0]
        assert len(unmarked_alerts(db)) == 1
        # The next rounds, however many, back off: nothing is sent, nothing twice.
        for minutes in range(1, 10):
            deliver_due(settings, store, channels, now=T0 + timedelta(minutes=minutes))
        assert len(slack.texts) == 1
    # Space is back.
    with Store(settings.db) as store:
        store.conn.execute("DROP TRIGGER full")
    import watcher.delivery as delivery

    delivery._memory.backoff_until.clear()  # skip the wait, not the logic after it
    with Store(settings.db) as store:
        report = deliver_due(settings, store, channels, now=T0 + timedelta(minutes=20))
        assert report.sent == 1 and report.held == 0
        assert unmarked_alerts(db) == {}
        assert store.outbox_counts() == {"pending": 0, "sent": 2, "dead": 0}
    assert sorted(slack.texts) == sorted(set(slack.texts)) and len(slack.texts) == 2


def test_delivery_stops_between_messages(tmp_path: Path, httpserver: HTTPServer) -> None:
    slack = SlowSlack(httpserver, delay=0)
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    stop = threading.Event()
    slack.on_post = stop.set
    with Store(settings.db) as store:
        _twenty(store, settings)
        report = deliver_due(settings, store, build_channels(settings.alerts), now=T0, stop=stop)
        assert report.stopped and report.sent == 1
        counts = store.outbox_counts()
        assert counts["sent"] == 1 and counts["pending"] == 19
        # Nothing was left claimed: the next process sends the rest at once.
        report = deliver_due(settings, store, build_channels(settings.alerts), now=T0)
        assert report.sent == 19
    assert len(slack.texts) == 20


def test_a_round_that_need_not_wait_returns_at_once(tmp_path: Path, httpserver: HTTPServer) -> None:
    slack = SlowSlack(httpserver, delay=0.1)
    settings = settings_for(tmp_path, smtp_port=None, slack_url=slack.url)
    channels = build_channels(settings.alerts)
    with Store(settings.db) as store:
        _twenty(store, settings)
    first_post = threading.Event()
    slack.on_post = first_post.set

    def deliver() -> None:
        with Store(settings.db) as store:
            deliver_due(settings, store, channels, now=T0)

    running = threading.Thread(target=deliver)
    running.start()
    try:
        assert first_post.wait(30)
        with Store(settings.db) as store:
            report = deliver_due(settings, store, channels, now=T0, wait=False)
        assert report.sent == 0 and not report.stopped
    finally:
        running.join(60)
    assert len(slack.texts) == 20 and max(Counter(slack.texts).values()) == 1
