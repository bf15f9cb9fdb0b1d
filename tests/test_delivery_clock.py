"""Delivery reads the clock when it claims and when a server answers, not once per round.

A round that runs longer than a lease must not let a `watcher alerts send` beside it send
the same alert; a 429's Retry-After counts from the answer and pauses the whole channel.
Real parts: a SQLite file, the file channel, a local Slack-like HTTP server and real
`watcher alerts send` processes. The in-process clock is a test clock (passed in, as the
daemon passes its own) so that a round can "last" minutes without the test waiting.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.test_delivery import add_change
from watcher.alerts import FileChannel
from watcher.config import load_config
from watcher.delivery import deliver_due, lease_seconds
from watcher.render import Message
from watcher.settings import Settings
from watcher.store import Store


def _cli(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


class ShiftedClock:
    """The real UTC clock moved by ``offset`` seconds (a round that began long ago)."""

    def __init__(self, offset: float) -> None:
        self.offset = offset

    def __call__(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.offset)


class LongRound:
    """The file channel, inside a round that has run past its lease.

    The first send "takes" 1.5 leases (the clock jumps to the real time); during the
    second, a `watcher alerts send` runs beside the round, as a user would type it.
    """

    name = "file"

    def __init__(self, settings: Settings, cfg: Path, clock: ShiftedClock) -> None:
        assert settings.alerts.file is not None
        self.inner = FileChannel(settings.alerts.file)
        self.cfg = cfg
        self.clock = clock
        self.calls = 0
        self.beside: subprocess.CompletedProcess[str] | None = None

    def send(self, message: Message, alert_id: int) -> None:
        self.calls += 1
        self.inner.send(message, alert_id)
        if self.calls == 1:
            self.clock.offset = 0.0
        elif self.calls == 2:
            self.beside = _cli(self.cfg, "alerts", "send")


def test_a_round_longer_than_the_lease_does_not_send_twice_beside_alerts_send(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "state/w.db"\n\n[[entities]]\nname = "Mistral AI"\n\n'
        '[alerts.file]\npath = "state/alerts.jsonl"\n',
        encoding="utf-8",
    )
    settings = load_config(cfg)
    with Store(settings.db) as store:
        for i in range(3):
            add_change(store, settings, title=f"Mistral AI raises round {i}")
    clock = ShiftedClock(-1.5 * lease_seconds(settings))
    channel = LongRound(settings, cfg, clock)
    with Store(settings.db) as store:
        report = deliver_due(settings, store, {"file": channel}, clock=clock)
    assert channel.beside is not None and channel.beside.returncode == 0, channel.beside
    lines = (tmp_path / "state" / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    sends = Counter(json.loads(line)["alert_id"] for line in lines)
    # Before the fix the second alert's lease had run out when it was claimed (counted from
    # the round's start), and the `alerts send` beside it sent it a second time.
    assert sends == {1: 1, 2: 1, 3: 1}, sends
    assert report.sent + int(channel.beside.stdout.split(" sent")[0]) == 3
    with Store(settings.db) as store:
        assert store.outbox_counts()["sent"] == 3


class RateLimited:
    """A Slack-like endpoint: answers 429 + Retry-After to the first post, 200 after.

    The first answer "takes" ``slow`` seconds on the test clock, as a slow server would.
    """

    def __init__(self, server: HTTPServer, clock: list[datetime], retry_after: int, slow: float) -> None:
        self.clock = clock
        self.retry_after = retry_after
        self.slow = slow
        self.posts = 0
        self.delivered: list[str] = []
        self.lock = threading.Lock()
        server.expect_request("/hook", method="POST").respond_with_handler(self.handle)
        self.url = server.url_for("/hook")

    def handle(self, request: Request) -> Response:
        with self.lock:
            self.posts += 1
            if self.posts == 1:
                self.clock[0] += timedelta(seconds=self.slow)
                return Response("rate_limited", status=429, headers={"Retry-After": str(self.retry_after)})
            self.delivered.append(json.loads(request.data)["text"])
            return Response("ok")


def test_retry_after_counts_from_the_answer_and_pauses_the_channel(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    start = datetime.now(UTC).replace(microsecond=0)
    now = [start]
    hook = RateLimited(httpserver, now, retry_after=5, slow=60.0)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "state/w.db"\n\n[[entities]]\nname = "Mistral AI"\n\n'
        f'[alerts]\nretry_base = "1s"\n\n[alerts.slack]\nwebhook_url = "{hook.url}"\n',
        encoding="utf-8",
    )
    settings = load_config(cfg)
    with Store(settings.db) as store:
        for i in range(3):
            add_change(store, settings, title=f"Mistral AI raises round {i}")

    def clock() -> datetime:
        return now[0]

    from watcher.alerts import build_channels

    channels = build_channels(settings.alerts)
    answered = start + timedelta(seconds=60)
    with Store(settings.db) as store:
        report = deliver_due(settings, store, channels, clock=clock)
        assert (report.sent, report.failed) == (0, 1)
        # After the 429 no other alert went to that channel in the same round...
        assert hook.posts == 1
        first = store.outbox()[-1]
        # ...and the retry is due no sooner than Retry-After after the answer (the round's
        # start was 60 s earlier: the old retry was due before the answer itself).
        assert first.next_attempt >= answered + timedelta(seconds=5)
        assert report.paused["slack"] >= answered + timedelta(seconds=5)

    # A `watcher alerts send` beside it (the real clock, still before the pause ends) waits too.
    beside = _cli(cfg, "alerts", "send")
    assert beside.returncode == 0, beside.stderr
    assert "paused: slack" in beside.stdout
    assert hook.posts == 1
    # `alerts list` shows every slack alert waiting until the pause ends, not "now".
    listed = json.loads(_cli(cfg, "alerts", "list", "--json").stdout)
    assert len(listed) == 3
    assert all(datetime.fromisoformat(a["next_attempt"]) >= answered + timedelta(seconds=5) for a in listed)

    with Store(settings.db) as store:
        now[0] = answered + timedelta(seconds=4)
        assert deliver_due(settings, store, channels, clock=clock).sent == 0
        assert hook.posts == 1
        now[0] = answered + timedelta(seconds=5)
        assert deliver_due(settings, store, channels, clock=clock).sent == 3
        assert store.outbox_counts()["sent"] == 3
    assert len(hook.delivered) == 3 == hook.posts - 1
