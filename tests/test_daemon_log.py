"""What `watcher run` logs at its default verbosity: what happened (start, the first cycle that read
the feeds, a feed that starts failing, the stop) and, while nothing happens, one line per round of
the feeds, never one per poll tick or per scheduler job. At -vv the scheduler's own lines appear.

A real daemon process, a local HTTP server and a SQLite file; the feeds answer 304 once read.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.newsroom import rss

FEEDS = 4


def serve(httpserver: HTTPServer) -> None:
    for i in range(FEEDS):
        body = rss(
            f"Wire {i}", [{"title": "Markets close higher", "link": f"https://n.example/{i}", "guid": "a"}]
        )

        def feed(request: Request, body: str = body) -> Response:
            if request.headers.get("If-None-Match") == '"v1"':
                return Response(status=304, headers={"ETag": '"v1"'})
            return Response(body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

        httpserver.expect_request(f"/feed{i}.xml").respond_with_handler(feed)
    httpserver.expect_request("/broken.xml").respond_with_data("down", status=500)


def write_config(tmp_path: Path, httpserver: HTTPServer) -> Path:
    feeds = "".join(
        f'[[feeds]]\nurl = "{httpserver.url_for(f"/feed{i}.xml")}"\nname = "wire {i}"\n\n'
        for i in range(FEEDS)
    )
    feeds += f'[[feeds]]\nurl = "{httpserver.url_for("/broken.xml")}"\nname = "broken"\n\n'
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "state/w.db"\ninterval = "1s"\n\n[[entities]]\nname = "Mistral AI"\n\n'
        f'{feeds}[http]\nallow_private = ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    return cfg


def run_for(cfg: Path, seconds: float, *flags: str) -> list[str]:
    """The log lines of a daemon run for ``seconds``, then stopped with SIGTERM."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *flags, "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(seconds)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    return err.splitlines()


def message(line: str) -> str:
    """The message after 'date time LEVEL logger: '."""
    return line.split(": ", 1)[1] if ": " in line else line


def test_default_verbosity_logs_what_happened_and_one_line_per_idle_round(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    serve(httpserver)
    cfg = write_config(tmp_path, httpserver)
    seconds = 9.0
    lines = run_for(cfg, seconds)
    assert not [line for line in lines if "apscheduler" in line]
    messages = [message(line) for line in lines]
    kinds = [m.split()[0] for m in messages]
    assert kinds[0] == "watcher"  # watcher daemon started
    assert set(kinds) <= {"watcher", "cycle:", "cycles:", "feed", "received", "stopping"}, lines
    # The feeds were read once: that cycle is news. After it every feed answers 304.
    news = [m for m in messages if m.startswith("cycle:")]
    assert 1 <= len(news) <= FEEDS + 1, lines
    assert sum(1 for m in messages if m.startswith("cycle:") and "0 new entries" not in m) >= 1
    # The broken feed: one line when it starts failing, not one per cycle.
    assert [m for m in messages if m.startswith("feed ")] == [
        m for m in messages if m.startswith("feed broken failing: ")
    ]
    assert len([m for m in messages if m.startswith("feed ")]) == 1
    # Idle: a line per round of the feeds (1 s here, but at most one per poll tick of 2 s).
    idle = [m for m in messages if m.startswith("cycles: nothing new")]
    assert 1 <= len(idle) <= seconds / 2 + 1, lines
    assert len(lines) <= 4 + len(news) + len(idle), lines


@pytest.mark.parametrize("flag", ["-vv"])
def test_the_scheduler_and_every_cycle_show_at_vv(tmp_path: Path, httpserver: HTTPServer, flag: str) -> None:
    serve(httpserver)
    cfg = write_config(tmp_path, httpserver)
    lines = run_for(cfg, 5.0, flag)
    assert [line for line in lines if " apscheduler." in line], lines
    assert [line for line in lines if "DEBUG watcher.daemon: cycle: " in line], lines
