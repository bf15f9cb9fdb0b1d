"""Lock and database faults are one line each, never a traceback: a directory in place of
the lock file, a damaged or empty database file, a read-only mount, a full disk, and a
`watcher poll` beside a running daemon. Real files; real mounts where the test may mount."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_daemon import Site, reap, start, wait_for, write_config
from tests.test_daemon import site as site  # a fixture
from watcher.store import Store

CONFIG = '[watcher]\ndb = "state/watcher.db"\n\n[[entities]]\nname = "Mistral AI"\n'


def watcher(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(res: subprocess.CompletedProcess[str]) -> str:
    assert res.returncode != 0
    assert "Traceback" not in res.stderr, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("watcher: error: ")
    return lines[0]


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    (tmp_path / "state").mkdir()
    return path


def test_a_directory_in_place_of_the_lock_file(cfg: Path) -> None:
    (cfg.parent / "state" / "watcher.db.lock").mkdir()
    for args in (("run", "--once"), ("poll",)):
        line = one_line_error(watcher(cfg, *args))
        assert "watcher.db.lock: a directory stands where the lock file goes" in line


def test_a_damaged_database_file(cfg: Path) -> None:
    (cfg.parent / "state" / "watcher.db").write_bytes(b"this is not SQLite at all, " * 10)
    for args in (("status",), ("poll",), ("alerts", "send"), ("run", "--once")):
        line = one_line_error(watcher(cfg, *args))
        assert "watcher.db: cannot open the database: file is not a database" in line
        assert "move it aside" in line


def test_an_empty_database_file_is_refused_not_taken_for_a_new_one(cfg: Path) -> None:
    # A new database would know no facts and alert on every one again: the user decides.
    db = cfg.parent / "state" / "watcher.db"
    db.write_bytes(b"")
    for args in (("status",), ("poll",), ("alerts", "send"), ("run", "--once"), ("history",)):
        line = one_line_error(watcher(cfg, *args))
        assert f"{db}: the database file is empty (0 bytes)" in line
        assert "restore it from a backup" in line and "delete it to start anew" in line
    assert db.read_bytes() == b""
    assert sorted(p.name for p in db.parent.iterdir()) == ["watcher.db", "watcher.db.lock"]


def test_poll_beside_a_running_daemon_is_refused_with_one_line(tmp_path: Path, site: Site) -> None:
    config = write_config(tmp_path, site)
    proc = start(config)
    try:
        wait_for(lambda: (tmp_path / "state" / "watcher.db.lock").exists())
        wait_for(lambda: (tmp_path / "state" / "watcher.db.lock").read_text().strip() == str(proc.pid))
        res = watcher(config, "poll")
        assert res.returncode == 2
        line = one_line_error(res)
        assert f"pid {proc.pid}" in line and "stop it first" in line
    finally:
        proc.terminate()
        reap(proc)


@contextlib.contextmanager
def tmpfs(size: str) -> Iterator[Path]:
    """A small tmpfs of its own; the test is skipped where mounting is not allowed."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    where = Path(tempfile.mkdtemp(prefix="watcher-tmpfs-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)
        with contextlib.suppress(OSError):
            where.rmdir()


def test_a_read_only_mount_readers_read_and_writers_say_why(tmp_path: Path, site: Site) -> None:
    with tmpfs("4M") as mnt:
        cfg = mnt / "config.toml"
        cfg.write_text(CONFIG + '\n[http]\nallow_private = ["127.0.0.1"]\n', encoding="utf-8")
        assert watcher(cfg, "status").returncode == 0  # creates the database
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        for args in (
            ("status", "--json"),
            ("history",),
            ("history", "--facts"),
            ("facts",),
            ("explain", site.server.url_for("/article")),
            ("alerts", "list"),
            ("feeds", "list"),
            ("entities", "list"),
        ):
            res = watcher(cfg, *args)
            assert res.returncode == 0, (args, res.stderr)
        for args in (("run", "--once"), ("poll",)):
            assert "read-only file system" in one_line_error(watcher(cfg, *args))
        assert "cannot open the database" in one_line_error(watcher(cfg, "alerts", "send"))


def test_a_full_disk_is_one_line(tmp_path: Path) -> None:
    with tmpfs("1M") as mnt:
        cfg = mnt / "config.toml"
        cfg.write_text(CONFIG, encoding="utf-8")
        (mnt / "filler").write_bytes(b"\0" * 1000)
        with contextlib.suppress(OSError), open(mnt / "filler", "ab") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        db = mnt / "state" / "watcher.db"
        for args in (("run", "--once"), ("poll",), ("status",)):
            line = one_line_error(watcher(cfg, *args))
            # Named as such, with the path: not SQLite's "disk I/O error".
            assert f"{db}: disk full: cannot open the database; free some space" in line, line


def test_a_disk_that_fills_while_writing_is_named(tmp_path: Path) -> None:
    from watcher.errors import StoreError

    with tmpfs("1M") as mnt:
        db = mnt / "w.db"
        with Store(db) as store:
            with contextlib.suppress(OSError), open(mnt / "filler", "wb") as f:
                while True:
                    f.write(b"\0" * 4096)
                    f.flush()
            with pytest.raises(StoreError) as caught:
                for i in range(10_000):
                    with store.transaction():
                        store.set_meta(f"k{i}", "x" * 4000)
        assert str(caught.value).startswith(f"{db}: disk full: ")
        assert "I/O error" not in str(caught.value)


def test_store_read_only_never_writes(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Store(db) as store:
        store.set_meta("k", "v")
    before = db.read_bytes()
    with Store(db, read_only=True) as store:
        assert store.get_meta("k") == "v"
        with pytest.raises(Exception, match=r"readonly|read-only"):
            store.set_meta("k", "w")
    assert db.read_bytes() == before


def test_a_file_alert_cut_short_by_a_full_disk_leaves_no_torn_line(tmp_path: Path) -> None:
    import json

    from tests.test_channels import MESSAGE
    from watcher.alerts.file import FileChannel
    from watcher.errors import DeliveryError
    from watcher.settings import FileSettings

    with tmpfs("1M") as mnt:
        path = mnt / "alerts.jsonl"
        channel = FileChannel(FileSettings(path))
        channel.send(MESSAGE, 1)
        record = path.stat().st_size  # the file holds one record
        # Pad the file so its last page (tmpfs allots whole pages) keeps half a record of room.
        pad = (4096 - record % 4096 - record // 2) % 4096
        with open(path, "ab") as f:
            f.write(b"\n" * pad)
        with contextlib.suppress(OSError), open(mnt / "filler", "wb") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        before = path.read_bytes()
        with pytest.raises(DeliveryError, match="No space left"):
            channel.send(MESSAGE, 2)
        assert path.read_bytes() == before  # the half record was cut back out
        (mnt / "filler").unlink()
        channel.send(MESSAGE, 2)
        records = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
        assert [r["alert_id"] for r in records] == [1, 2]
