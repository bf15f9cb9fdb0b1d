"""SQLite in one process against PostgreSQL with job workers (issue 20): a first cycle, an
unchanged cycle, and the read commands on a large history.

Usage (from the repository root; needs PostgreSQL's server: pg_config, initdb, pg_ctl)::

    python benchmarks/bench_postgres.py                          # 600 articles, 200 feeds, 1 and 2 workers
    python benchmarks/bench_postgres.py --articles 15000 --feeds 5000   # the issue's sizes (long)
    python benchmarks/bench_postgres.py --history /tmp/watcher-history-XXXX/big/state/watcher.db
    python benchmarks/bench_postgres.py --history-only /tmp/watcher-history-XXXX/big/state/watcher.db

What runs, each command a fresh CLI process (its wall and CPU from ``os.wait4``):

1. A news server (harness.NewsServer) with ``--feeds`` feeds of general news that names no
   tracked company, and ``--articles`` new articles naming Mistral AI with funding figures,
   all in feed 0 (its per-feed cap raised to take them all in one cycle).
2. SQLite, one process: ``watcher poll`` on an empty database (its default pool: two extraction
   processes on the two cores), then ``watcher poll`` again (every feed answers 304).
3. PostgreSQL (a throwaway server started here, fsync on), for each ``--workers`` W: a new
   database, W ``watcher worker --concurrency 4`` processes (4 jobs at a time: feeds are I/O;
   two extraction processes each, as many as cores, as SQLite's poll has), then ``watcher run
   --once`` (the scheduler: it fetches nothing and reads nothing itself, it sends jobs, waits
   and decides), then ``run --once`` again (unchanged). The workers'
   CPU (with their extraction processes) is taken from ``os.wait4`` when they are stopped after,
   start-up included (~1 s each).
4. With ``--history DB`` (a big SQLite database, as ``bench_history.py --keep`` leaves one):
   ``watcher db copy`` of it into PostgreSQL, then ``status`` and ``history --json`` on each
   backend (median of ``--repeat``, 3 by default). ``--history-only DB`` does this step alone,
   without the cycles of 2. and 3. (a minute or more each, and nothing to do with the reads).
   Where Python may not write bytecode (``PYTHONDONTWRITEBYTECODE``) and watcher's modules have
   none, each of those processes compiled watcher's modules from source first, which an
   installed watcher (pip writes the .pyc files) never does: the reads are then measured again
   with the modules compiled, and the bytecode removed after.

The anchor: the SQLite first cycle in the same run. Printed: each figure, its ratio to the
anchor, and a projection to 8 workers on 4 machines with its assumptions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from harness import REPO, WATCHER, Launcher, NewsServer, Postgres, free_port, load, write_config


def _config(folder: Path, server: NewsServer, db: str, cap: int) -> Path:
    path = write_config(folder, server, allow_private=True)
    text = path.read_text().replace('db = "state/watcher.db"', f'db = "{db}"')
    text = text.replace("concurrency = 16", f"concurrency = 16\nmax_articles_per_feed = {cap}")
    # Feed 0 carries every new article (~400 bytes an item): 15,000 of them outgrow the default
    # 5 MB cap on a response, and the feed would fail as too large rather than be read.
    text = text.replace("[http]\n", f"[http]\nmax_bytes = {max(5 << 20, 1024 * cap)}\n", 1)
    path.write_text(text)
    return path


def _timed(launcher: Launcher, argv: list[str]) -> dict[str, Any]:
    done, out, err = launcher.run(argv)
    if done["code"] != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done['code']}): {err[-2000:]}")
    done["out"] = out
    return done


def _line(label: str, done: dict[str, Any], anchor: float | None = None, extra: str = "") -> None:
    ratio = f"  {done['wall'] / anchor:5.2f} x anchor" if anchor else ""
    figures = f"wall {done['wall']:7.2f} s  CPU {done['cpu']:7.2f} s"
    print(f"  {label:<44} {figures}{ratio}{extra}  [load {load():.2f}]")


def _start_workers(config: Path, n: int, folder: Path) -> list[subprocess.Popen[bytes]]:
    procs = []
    for i in range(n):
        with (folder / f"worker-{i}.log").open("wb") as log:
            procs.append(
                subprocess.Popen(
                    [str(WATCHER), "--config", str(config), "worker", "--concurrency", "4"],
                    stdout=subprocess.DEVNULL,
                    stderr=log,
                )
            )
    time.sleep(3)  # started, the queue's tables made
    return procs


def _stop_workers(procs: list[subprocess.Popen[bytes]]) -> float:
    """Stop the workers; their CPU (and their extraction processes'), from os.wait4."""
    cpu = 0.0
    for p in procs:
        p.send_signal(signal.SIGTERM)
    for p in procs:
        _, _, usage = os.wait4(p.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
    return cpu


def first_cycles(args: argparse.Namespace, folder: Path, pg: Postgres) -> None:
    server = NewsServer(args.feeds, 0, 1, free_port())
    server.publish(1, args.articles, datetime.now(UTC))
    launcher = Launcher(folder)
    try:
        print(f"first cycle: {args.articles} new articles naming Mistral AI in feed 0 of {args.feeds} feeds")
        sqlite_cfg = _config(folder / "sqlite", server, "state/watcher.db", args.articles)
        first = _timed(launcher, [str(WATCHER), "--config", str(sqlite_cfg), "poll"])
        anchor = first["wall"]
        _line("SQLite, one process (anchor)", first)
        print(f"    {first['out'].strip().splitlines()[-1] if first['out'].strip() else ''}")
        unchanged = _timed(launcher, [str(WATCHER), "--config", str(sqlite_cfg), "poll"])
        _line(f"SQLite unchanged cycle ({args.feeds} feeds, 304)", unchanged)
        walls: dict[int, float] = {}
        for n in args.workers:
            url = pg.new_database()
            cfg = _config(folder / f"pg-{n}", server, url, args.articles)
            procs = _start_workers(cfg, n, folder / f"pg-{n}")
            try:
                run = _timed(launcher, [str(WATCHER), "--config", str(cfg), "run", "--once"])
                again = _timed(launcher, [str(WATCHER), "--config", str(cfg), "run", "--once"])
            finally:
                worker_cpu = _stop_workers(procs)
            walls[n] = run["wall"]
            per_min = args.articles / run["wall"] * 60
            _line(
                f"PostgreSQL, scheduler + {n} worker(s)",
                run,
                anchor,
                f"  workers' CPU {worker_cpu:6.1f} s, {per_min:6.0f} articles/min",
            )
            _line(
                f"PostgreSQL unchanged cycle ({args.feeds} feeds)", again, unchanged["wall"], " (x SQLite's)"
            )
        project(args, walls, anchor)
    finally:
        launcher.close()
        server.close()


def project(args: argparse.Namespace, walls: dict[int, float], anchor: float) -> None:
    if 1 not in walls:
        return
    rate1 = args.articles / walls[1]
    print("projection to 8 workers on 4 machines (2 cores each):")
    if 2 in walls:
        efficiency = walls[1] / walls[2] / 2
        print(f"  measured: 2 workers / 1 worker = {walls[1] / walls[2]:.2f} x ({efficiency:.0%} of linear)")
    else:
        efficiency = 1.0
    print(
        f"  assumed: each worker keeps a core of its own (here 2 workers share 2 cores with the scheduler,"
        f" the server and PostgreSQL, so {efficiency:.0%} is a floor), the news sites answer as fast as"
        " here, and the scheduler's deciding (a few ms per article, single-writer) stays below the"
        " workers' rate"
    )
    print(
        f"  => 8 workers ~ {8 * rate1 * efficiency * 60:,.0f} articles/min"
        f" (1 worker: {rate1 * 60:,.0f}/min; SQLite on this machine: {args.articles / anchor * 60:,.0f}/min)"
    )


def history(args: argparse.Namespace, folder: Path, pg: Postgres) -> None:
    big = Path(args.history)
    sqlite_dir = folder / "history-sqlite"
    shutil.copytree(big.parent.parent, sqlite_dir, dirs_exist_ok=True)
    cfg = sqlite_dir / "config.toml"
    url = pg.new_database()
    started = time.perf_counter()
    copy = subprocess.run(
        [str(WATCHER), "--config", str(cfg), "db", "copy", "--to", url], capture_output=True, text=True
    )
    if copy.returncode:
        raise SystemExit(f"db copy failed: {copy.stderr}")
    print(f"history: db copy of {big} into PostgreSQL in {time.perf_counter() - started:.1f} s")
    pg_dir = folder / "history-pg"
    pg_dir.mkdir()
    shutil.copytree(sqlite_dir / "seeds", pg_dir / "seeds", dirs_exist_ok=True)
    (pg_dir / "config.toml").write_text(cfg.read_text().replace('db = "state/watcher.db"', f'db = "{url}"'))
    launcher = Launcher(folder)
    try:
        reads(args, launcher, cfg, pg_dir / "config.toml")
        if os.environ.get("PYTHONDONTWRITEBYTECODE") and not _has_bytecode():
            # Python never wrote watcher's bytecode here, so each process above compiled its
            # modules from source first (tens of ms of every read), which no installed watcher
            # does (pip writes the .pyc files): the same reads again, with them.
            with _bytecode():
                print("  again with watcher's modules compiled, as an installed watcher has them:")
                reads(args, launcher, cfg, pg_dir / "config.toml")
    finally:
        launcher.close()


def reads(args: argparse.Namespace, launcher: Launcher, sqlite_cfg: Path, pg_cfg: Path) -> None:
    """status and history --json on each backend: the median wall of ``--repeat`` fresh processes."""
    for command in (["status"], ["history", "--json"]):
        figures = {}
        for name, config in (("SQLite", sqlite_cfg), ("PostgreSQL", pg_cfg)):
            argv = [str(WATCHER), "--config", str(config), *command]
            runs = [_timed(launcher, argv) for _ in range(args.repeat)]
            figures[name] = statistics.median(r["wall"] for r in runs)
        verdict = "PASS" if figures["PostgreSQL"] <= 0.3 else "FAIL"
        print(
            f"  `watcher {' '.join(command)}`: SQLite {figures['SQLite']:.3f} s, PostgreSQL"
            f" {figures['PostgreSQL']:.3f} s ({figures['PostgreSQL'] / figures['SQLite']:.2f} x);"
            f" bar 0.3 s: {verdict}  [load {load():.2f}]"
        )


PACKAGE = REPO / "watcher"  # the checkout the venv's watcher runs (an editable install)


def _has_bytecode() -> bool:
    return any(PACKAGE.rglob("__pycache__/*.pyc"))


@contextmanager
def _bytecode() -> Iterator[None]:
    """watcher's modules compiled (as pip does on install) for the time of the block, then the
    bytecode removed again, so that the checkout is left as this environment keeps it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    python = WATCHER.parent / "python"
    subprocess.run(
        [str(python), "-m", "compileall", "-q", str(PACKAGE)], env=env, check=True, stdout=subprocess.DEVNULL
    )
    try:
        yield
    finally:
        for cache in sorted(PACKAGE.rglob("__pycache__")):
            shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2])
    parser.add_argument("--history", help="a big SQLite database (bench_history.py --keep) to copy and read")
    parser.add_argument(
        "--history-only", metavar="DB", help="as --history, without the first and unchanged cycles"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each read command (median)")
    args = parser.parse_args()
    if args.history_only:
        args.history = args.history_only
    if shutil.which("pg_config") is None:
        raise SystemExit(
            "PostgreSQL's server is needed (pg_config, initdb, pg_ctl): apt-get install postgresql"
        )
    print(f"{os.cpu_count()} cores; load {load():.2f}; watcher {WATCHER}")
    folder = Path(tempfile.mkdtemp(prefix="watcher-bench-pg-run-"))
    pg = Postgres()
    try:
        if not args.history_only:
            first_cycles(args, folder, pg)
        if args.history:
            history(args, folder, pg)
    finally:
        pg.close()
        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
