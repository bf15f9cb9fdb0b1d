"""What `watcher run` logs at its default verbosity: what happened (start, the first cycle that read
the feeds, a feed that starts failing, the stop) and, while nothing happens, one line per round of
the feeds, never one per poll tick or per scheduler job. At -vv the scheduler's own lines appear.

A real daemon process, a local HTTP server and a SQLite file; the feeds answer 304 once read.
"""

from __future__ import annotations

import itertools
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

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
        '[watcher]\ndb = "state/w.db"\ninterval = "4s"\n\n[[entities]]\nname = "Mistral AI"\n\n'
        f'{feeds}[http]\nallow_private = ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    return cfg


def run_until(cfg: Path, done: Callable[[list[str]], bool], *flags: str) -> list[str]:
    """The log lines of a daemon run until ``done(lines)`` (at most a minute), then SIGTERM."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *flags, "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    stderr = proc.stderr
    assert stderr is not None
    reader = threading.Thread(target=lambda: lines.extend(iter(stderr.readline, "")), daemon=True)
    try:
        reader.start()
        deadline = time.monotonic() + 60
        while not done([line.rstrip("\n") for line in lines]) and time.monotonic() < deadline:
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        reader.join(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return [line.rstrip("\n") for line in lines]


def stamp(line: str) -> float:
    """Seconds of the day of a line's 'YYYY-MM-DD HH:MM:SS,mmm' stamp."""
    h, m, sec = line.split(" ", 2)[1].replace(",", ".").split(":")
    return int(h) * 3600 + int(m) * 60 + float(sec)


def message(line: str) -> str:
    """The message after 'date time LEVEL logger: '."""
    return line.split(": ", 1)[1] if ": " in line else line


def idle_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if ": cycles: nothing new" in line]


def test_default_verbosity_logs_what_happened_and_one_line_per_idle_round(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    serve(httpserver)
    cfg = write_config(tmp_path, httpserver)
    lines = run_until(cfg, lambda lines: len(idle_lines(lines)) >= 3)
    assert not [line for line in lines if "apscheduler" in line]
    messages = [message(line) for line in lines]
    kinds = [m.split()[0] for m in messages]
    assert kinds[0] == "watcher", lines  # watcher daemon started
    assert set(kinds) <= {"watcher", "cycle:", "cycles:", "feed", "received", "stopping"}, lines
    # The cycles that read the feeds are news; after them every feed answers 304.
    news = [m for m in messages if m.startswith("cycle:")]
    assert 1 <= len(news) <= FEEDS + 1, lines
    assert sum(int(m.split(", ")[1].split()[0]) for m in news) == FEEDS, lines  # N new entries
    # The broken feed: one line when it starts failing, not one per cycle.
    assert [m for m in messages if m.startswith("feed ")] == [
        m for m in messages if m.startswith("feed broken failing: ")
    ]
    assert len([m for m in messages if m.startswith("feed ")]) == 1
    # Nothing new: one line per round of the feeds (4 s), for the two or so cycles of its poll ticks.
    idle = idle_lines(lines)
    assert len(idle) >= 3
    # The poll tick is 2 s: a line per cycle would come that often.
    gaps = [stamp(b) - stamp(a) for a, b in itertools.pairwise(idle)]
    assert min(gaps) >= 3.5, lines
    found = [re.search(r"\((\d+) cycles, (\d+) feed polls", m) for m in idle]
    cycles = [int(f[1]) for f in found if f is not None and int(f[2]) >= 1]
    assert len(cycles) == len(idle), idle
    assert sum(cycles) > len(idle), idle  # five feeds, each every 4 s: most ticks poll one
    assert all("1 feed still failing" in m for m in idle), lines


def test_the_scheduler_and_every_cycle_show_at_vv(tmp_path: Path, httpserver: HTTPServer) -> None:
    serve(httpserver)
    cfg = write_config(tmp_path, httpserver)
    lines = run_until(cfg, lambda lines: len(idle_lines(lines)) >= 1, "-vv")
    assert [line for line in lines if " apscheduler." in line], lines
    # Every cycle has its own line at -vv, idle ones too.
    assert [line for line in lines if "DEBUG watcher.daemon: cycle: " in line], lines
