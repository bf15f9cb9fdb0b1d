"""A real PostgreSQL server for the tests: initdb and pg_ctl (from ``pg_config --bindir``) in a
temporary folder, on a free loopback port, torn down at the end of the session.

initdb refuses to run as root, so as root the server runs as the ``postgres`` system user
(Debian's package makes it). Where PostgreSQL is not installed the tests that need it are
skipped with the reason printed, except under CI (``CI`` set), where ``.ci/run`` installs it:
there a missing or failing server fails those tests loudly.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


class PgServer:
    def __init__(self, bindir: Path, root: Path):
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        self._names = itertools.count(1)

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / argv[0]), *argv[1:]]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        res = self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        if res.returncode:
            raise RuntimeError(f"initdb failed: {res.stderr.strip() or res.stdout.strip()}")
        # fsync off: a test server need not survive a power cut, and it makes each test quicker.
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        res = self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"
        )
        if res.returncode:
            log = (self.root / "log").read_text(errors="replace") if (self.root / "log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {res.stderr.strip()} {log[-2000:]}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new, empty database; its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8')
        return self.url(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bindir() -> Path | None:
    """Where initdb and pg_ctl are: ``pg_config --bindir``, else Debian's versioned folder
    (its ``postgresql`` package alone has no pg_config on the PATH)."""
    found: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False).stdout
        found.append(Path(out.strip()))
    found.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True))
    return next((d for d in found if (d / "initdb").exists() and (d / "pg_ctl").exists()), None)


def start_server() -> tuple[PgServer | None, str]:
    """A running server, or None and why not."""
    bindir = _bindir()
    if bindir is None:
        return None, "PostgreSQL's server is not installed (no pg_config, or no initdb beside it)"
    root = Path(tempfile.mkdtemp(prefix="watcher-pg-"))
    os.chmod(root, 0o755)
    server = PgServer(bindir, root)
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        shutil.rmtree(root, ignore_errors=True)
        return None, f"cannot start PostgreSQL: {e}"
    return server, ""


def unavailable(reason: str) -> None:
    """Skip (with the reason shown) on a machine without PostgreSQL; fail under CI."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is needed here and {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL: {reason}")
