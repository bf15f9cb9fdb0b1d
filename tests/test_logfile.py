"""A log file that cannot be written costs one line on stderr, never a traceback per record:
one that cannot be opened at start, and one on a full disk while running (/dev/full, which
fails every write with ENOSPC, stands for the full disk)."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from watcher.logfile import FallbackFileHandler

FULL = Path("/dev/full")
CONFIG = '[watcher]\ndb = "state/watcher.db"\n\n[[entities]]\nname = "Acme Robotics"\n'

needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")


@needs_dev_full
def test_a_full_disk_is_said_once_then_records_go_to_stderr_alone(capsys: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("watcher.test.logfile")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    handler = FallbackFileHandler(FULL)
    logger.addHandler(handler)
    try:
        for i in range(200):
            logger.info("record %d", i)
        err = capsys.readouterr().err
        assert (
            err == f"watcher: warning: {FULL}: disk full, cannot write the log file; logging to stderr only\n"
        )
        # SIGHUP reopens it; still full: one line again, not one per record.
        handler.reopen()
        for i in range(50):
            logger.info("record %d", i)
        assert capsys.readouterr().err.count("\n") == 1
    finally:
        logger.removeHandler(handler)
        handler.close()


def run_once(tmp_path: Path, log_file: Path) -> subprocess.CompletedProcess[str]:
    cfg = tmp_path / "config.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "watcher",
            "--config",
            str(cfg),
            "-v",
            "run",
            "--once",
            "--log-file",
            str(log_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_dev_full
def test_the_daemon_on_a_full_disk_says_it_once_and_logs_to_stderr(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "run", "--log-file", str(FULL)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    killer = threading.Timer(60, proc.kill)  # never a test that hangs on a line that never comes
    killer.start()
    try:
        assert proc.stderr is not None
        # The start line, which the file refused, then the notice; only then the stop (whose
        # log line, written from the signal handler, could cut into the first one's).
        first = proc.stderr.readline() + proc.stderr.readline()
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=60)[1]
    finally:
        killer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    stderr = first + rest
    assert "Logging error" not in stderr and "Traceback" not in stderr
    lines = stderr.splitlines()
    assert [x for x in lines if str(FULL) in x] == [
        f"watcher: warning: {FULL}: disk full, cannot write the log file; logging to stderr only"
    ], stderr
    assert "watcher daemon started" in lines[0]
    assert any("stopping" in x for x in lines[2:])  # the log goes on, on stderr


def test_a_log_file_that_cannot_be_opened_is_one_line_at_start(tmp_path: Path) -> None:
    # A file where its folder should be: fails for root too (permissions would not).
    blocker = tmp_path / "logs"
    blocker.write_text("not a folder")
    log = blocker / "watcher.log"
    res = run_once(tmp_path, log)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr and "Logging error" not in res.stderr
    lines = res.stderr.splitlines()
    warned = [x for x in lines if str(log) in x]
    assert warned == [
        f"watcher: warning: {log}: cannot write the log file: {blocker} is a file, not a folder;"
        " logging to stderr only"
    ]
    assert lines[0] == warned[0]  # said at start
    assert res.stdout.startswith("cycle: 0 feeds")
