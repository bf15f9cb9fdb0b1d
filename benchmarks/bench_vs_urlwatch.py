"""The unchanged cycle against urlwatch 2.29, side by side: fresh CLI processes, interleaved.

Usage (from the repository root)::

    python benchmarks/bench_vs_urlwatch.py                        # 500 feeds x 30 items, one host, 3 rounds
    python benchmarks/bench_vs_urlwatch.py --feeds 50 --repeat 2  # a smoke run
    python benchmarks/bench_vs_urlwatch.py --hosts 50             # feeds spread over 50 loopback addresses
    python benchmarks/bench_vs_urlwatch.py --watcher /path/to/.venv/bin/watcher --json /tmp/vs.json

What it does:

1. urlwatch 2.29 in its own virtual environment (``benchmarks/.urlwatch-venv``, created with
   ``pip install urlwatch==2.29`` on first use; ``--urlwatch-venv`` to put it elsewhere).
2. A local news server in its own process (``harness.NewsServer``: the shared
   raw HTTP/1.1 handler, keep-alive, pre-rendered bodies, ETag / If-None-Match and
   Last-Modified / If-Modified-Since giving 304) serving ``--feeds`` RSS feeds of ``--items``
   entries, all on 127.0.0.1 and one port unless ``--hosts`` spreads them over 127.0.0.x.
   The entries name no tracked company, as most of a general news feed does: watcher records
   them and fetches no article, so both tools do the same work (fetch feeds, compare).
   The server counts 200s, 304s and TCP connections; each timed cycle must be all 304s.
3. urlwatch: ``urls.yaml`` with one plain ``url`` job per feed (its defaults: no filter, the
   stdout reporter), config and cache (minidb SQLite) in a temporary folder.
   How urlwatch handles 304 (urlwatch/jobs.py, UrlJob.retrieve): it stores the ETag of the
   last 200 in its cache and sends it as If-None-Match, with If-Modified-Since set to the
   time of its last save; a 304 raises NotModifiedError, which the worker reports as
   "unchanged" without reading or diffing anything. Each job is one ``requests.request``
   call (no shared Session: a new TCP connection per feed), in a pool of 10 threads
   (worker.MAX_WORKERS). That is its default and is left as is.
4. watcher: ``config.toml`` with the same feeds, one tracked company (Mistral AI with the
   repository's seeds), ``[http] allow_private = ["127.0.0.0/8"]`` (the netguard refuses
   loopback addresses otherwise) and watcher's default concurrency.
5. One priming run of each (the first cycle: every feed answers 200 and its validators are
   stored), timed too and printed for information.
6. Then ``--repeat`` rounds, each running ``urlwatch`` and ``watcher poll`` once as fresh
   processes, alternating which goes first. Each is started by a small launcher process, so
   ``os.wait4`` gives its own wall time, CPU (user + sys, children included) and peak RSS
   (Linux carries a parent's RSS high-water mark into the children it forks, so the benchmark
   does not fork them itself). The 1-minute load average before each run is printed beside it.

Printed: each run, the medians, the ratio urlwatch / watcher and PASS/FAIL against the
issue's goals (watcher's unchanged cycle <= 0.6 s, at least 2x faster than urlwatch's,
<= 100 MB). On a shared machine wall times include waiting for a core: read them beside
the load average and the CPU times. ``--json FILE`` writes every run and the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
URLWATCH_VERSION = "2.29"

# The goals.
GOAL_WALL_S = 0.6
GOAL_RATIO = 2.0
GOAL_RSS_MB = 100.0


# --------------------------------------------------------------------------- the news server


class _CountingHttp(harness.Http):
    """The harness's handler, also counting TCP connections (keep-alive shows as fewer)."""

    def connection_made(self, transport: Any) -> None:
        self.stats.counts["connections"] = self.stats.counts.get("connections", 0) + 1
        super().connection_made(transport)


def serve(args: argparse.Namespace) -> None:
    """The ``serve`` step: ``harness.NewsServer`` in this process until stdin closes or SIGTERM."""
    server = harness.NewsServer(args.feeds, args.items, args.hosts, args.port, handler=_CountingHttp)
    server.stats.counts["connections"] = 0
    print("ready", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        sys.stdin.read()
    finally:
        server.close()


class Server:
    def __init__(self, args: argparse.Namespace, port: int) -> None:
        self.port = port
        cmd = [sys.executable, __file__, "serve", "--port", str(port)]
        cmd += ["--feeds", str(args.feeds), "--items", str(args.items), "--hosts", str(args.hosts)]
        self.process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if line != "ready":
            self.process.kill()
            raise SystemExit(f"the news server did not start ({line!r})")

    def stats(self) -> dict[str, float]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__stats", timeout=10) as r:
            data: dict[str, float] = json.loads(r.read())
        return data

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait(10)


# --------------------------------------------------------------------------- fresh processes


@dataclass(frozen=True)
class Run:
    tool: str
    round: int
    wall: float
    cpu: float
    rss_mb: float
    load: float
    code: int
    ok: int  # server answers during the run
    not_modified: int
    connections: int
    server_cpu: float
    summary: str


def timed(
    launcher: harness.Launcher, server: Server, tool: str, rnd: int, argv: list[str], summary: str
) -> Run:
    load = harness.load()
    before = server.stats()
    done, out, err = launcher.run(argv)
    after = server.stats()
    if done["code"] != 0:
        raise SystemExit(f"{' '.join(argv)} exited {done['code']}:\n{err[-3000:]}{out[-3000:]}")
    kb = done["maxrss"] / 1024 if sys.platform == "darwin" else done["maxrss"]
    line = ""
    for candidate in out.splitlines() + err.splitlines():
        if re.search(summary, candidate):
            line = candidate.strip()
            break
    return Run(
        tool=tool,
        round=rnd,
        wall=done["wall"],
        cpu=done["cpu"],
        rss_mb=kb / 1024,
        load=load,
        code=done["code"],
        ok=int(after["200"] - before["200"]),
        not_modified=int(after["304"] - before["304"]),
        # Less one: the connection of the ``after`` stats request itself.
        connections=int(after["connections"] - before["connections"]) - 1,
        server_cpu=after["cpu"] - before["cpu"],
        summary=line,
    )


# --------------------------------------------------------------------------- the two tools


def ensure_urlwatch(venv: Path) -> Path:
    """urlwatch 2.29 in its own venv, created on first use; returns the executable."""
    exe = venv / "bin" / "urlwatch"
    if exe.exists():
        done = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
        if done.stdout.split()[-1:] == [URLWATCH_VERSION]:
            return exe
        print(f"  {exe} is {done.stdout.strip() or done.stderr.strip()!r}; reinstalling {URLWATCH_VERSION}")
    print(f"  creating {venv} with urlwatch=={URLWATCH_VERSION} (first use) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", f"urlwatch=={URLWATCH_VERSION}"],
        check=True,
    )
    return exe


def urlwatch_argv(exe: Path, folder: Path) -> list[str]:
    return [
        str(exe),
        "--urls",
        str(folder / "urls.yaml"),
        "--config",
        str(folder / "urlwatch.yaml"),
        "--hooks",
        str(folder / "hooks.py"),
        "--cache",
        str(folder / "cache.db"),
    ]


def write_urlwatch(folder: Path, urls: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [f"name: feed {i}\nurl: {u}\n" for i, u in enumerate(urls)]
    (folder / "urls.yaml").write_text("---\n".join(jobs))


def write_watcher(folder: Path, urls: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "seeds", folder / "seeds", dirs_exist_ok=True)
    lines = [
        "[watcher]",
        'db = "state/watcher.db"',
        'interval = "15m"',
        'base_currency = "EUR"',
        "",
        "[http]",
        # Every feed here is on a loopback address, which the netguard refuses unless allowed.
        'allow_private = ["127.0.0.0/8"]',
        "",
        "[[entities]]",
        'name = "Mistral AI"',
        'aliases = ["Mistral"]',
        'seeds = "seeds"',
    ]
    for i, u in enumerate(urls):
        lines += ["", "[[feeds]]", f'url = "{u}"', f'name = "feed {i}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


# --------------------------------------------------------------------------- report


def _median(runs: list[Run], attr: str) -> float:
    return float(statistics.median(getattr(r, attr) for r in runs))


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _run_line(r: Run) -> str:
    return (
        f"  round {r.round} {r.tool:8} wall {r.wall:6.3f} s  CPU {r.cpu:6.3f} s  peak {r.rss_mb:5.0f} MB"
        f"  load {r.load:4.2f}  | server: {r.ok} x 200, {r.not_modified} x 304, {r.connections} TCP conn,"
        f" {r.server_cpu:.2f} s CPU"
    )


def run(args: argparse.Namespace) -> int:
    watcher = Path(args.watcher).resolve()
    if not watcher.exists():
        raise SystemExit(f"--watcher {watcher}: no such executable; create the venv or give its path")
    print(
        f"unchanged cycle, watcher vs urlwatch {URLWATCH_VERSION}: {args.feeds} feeds x {args.items} items"
        f" on {args.hosts} host(s), {args.repeat} rounds, {os.cpu_count()} cores"
    )
    urlwatch = ensure_urlwatch(Path(args.urlwatch_venv).resolve())
    print(f"  watcher: {watcher}")
    print(f"  urlwatch: {urlwatch}")
    folder = Path(tempfile.mkdtemp(prefix="watcher-vs-urlwatch-"))
    port = args.port or harness.free_port()
    server = Server(args, port)
    launcher = harness.Launcher(folder)
    results: dict[str, Any] = {
        "feeds": args.feeds,
        "items": args.items,
        "hosts": args.hosts,
        "cores": os.cpu_count(),
        "watcher": str(watcher),
        "urlwatch": URLWATCH_VERSION,
    }
    try:
        urls = [f"http://{harness.feed_host(i, args.hosts)}:{port}/f/{i}.xml" for i in range(args.feeds)]
        write_urlwatch(folder / "urlwatch", urls)
        config = write_watcher(folder / "watcher", urls)
        uw_argv = urlwatch_argv(urlwatch, folder / "urlwatch")
        w_argv = [str(watcher), "--config", str(config), "poll"]
        # What each tool prints as its summary (checked, and shown once).
        uw_summary, w_summary = r"\S", r"^feeds: "  # urlwatch: its first line, if any
        if not (folder / "urlwatch" / "urlwatch.yaml").exists():
            # urlwatch writes its default configuration on first use, and says so; not timed.
            subprocess.run([*uw_argv, "--list"], capture_output=True, check=True)

        print("\nfirst cycle (primes the caches: every feed answers 200), not part of the comparison")
        first = [
            timed(launcher, server, "urlwatch", 0, uw_argv, r"NEW: "),
            timed(launcher, server, "watcher", 0, w_argv, w_summary),
        ]
        for r in first:
            print(_run_line(r))
            if r.ok != args.feeds:
                raise SystemExit(f"{r.tool}'s first cycle got {r.ok} x 200, not {args.feeds}: {r.summary}")
        print(f"  watcher said: {first[1].summary}")
        results["first"] = [asdict(r) for r in first]

        print("\nunchanged cycle (every feed answers 304), fresh processes, alternating")
        runs: list[Run] = []
        for rnd in range(1, args.repeat + 1):
            order = [("urlwatch", uw_argv, uw_summary), ("watcher", w_argv, w_summary)]
            if rnd % 2 == 0:
                order.reverse()
            for tool, argv, summary in order:
                r = timed(launcher, server, tool, rnd, argv, summary)
                print(_run_line(r), flush=True)
                if r.not_modified != args.feeds or r.ok:
                    print(f"    !! expected {args.feeds} x 304 and no 200: not an unchanged cycle")
                runs.append(r)
        w_runs = [r for r in runs if r.tool == "watcher"]
        print(f"  watcher said: {w_runs[-1].summary}")
        results["runs"] = [asdict(r) for r in runs]
        return report(args, runs, results)
    finally:
        launcher.close()
        server.close()
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2))
            print(f"\nwrote {args.json}")
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def report(args: argparse.Namespace, runs: list[Run], results: dict[str, Any]) -> int:
    medians: dict[str, dict[str, float]] = {}
    print(f"\nmedians of {args.repeat} (load: median of the 1-minute load average before each run)")
    for tool in ("urlwatch", "watcher"):
        mine = [r for r in runs if r.tool == tool]
        m = {k: _median(mine, k) for k in ("wall", "cpu", "rss_mb", "load", "connections")}
        medians[tool] = m
        print(
            f"  {tool:8} wall {m['wall']:6.3f} s  CPU {m['cpu']:6.3f} s  peak {m['rss_mb']:5.0f} MB"
            f"  {m['connections']:.0f} TCP connections  (load {m['load']:.2f})"
        )
    w, u = medians["watcher"], medians["urlwatch"]
    ratio_wall = u["wall"] / w["wall"] if w["wall"] else float("inf")
    ratio_cpu = u["cpu"] / w["cpu"] if w["cpu"] else float("inf")
    loads = ", ".join(f"{r.load:.2f}" for r in runs)
    print(f"  urlwatch / watcher: wall {ratio_wall:.2f} x, CPU {ratio_cpu:.2f} x  (loads {loads})")
    checks = {
        f"watcher wall <= {GOAL_WALL_S} s": w["wall"] <= GOAL_WALL_S,
        f"watcher >= {GOAL_RATIO:g}x faster than urlwatch (wall)": ratio_wall >= GOAL_RATIO,
        f"watcher peak RSS <= {GOAL_RSS_MB:g} MB": w["rss_mb"] <= GOAL_RSS_MB,
    }
    print("\ngoals (issue 12)")
    print(
        f"  {_verdict(checks[f'watcher wall <= {GOAL_WALL_S} s'])}  watcher wall {w['wall']:.3f} s <= 0.6 s"
    )
    print(
        f"  {_verdict(ratio_wall >= GOAL_RATIO)}  urlwatch / watcher {ratio_wall:.2f} x >= 2 x"
        f"  (CPU ratio {ratio_cpu:.2f} x)"
    )
    print(f"  {_verdict(w['rss_mb'] <= GOAL_RSS_MB)}  watcher peak RSS {w['rss_mb']:.0f} MB <= 100 MB")
    print(f"  load average now: {harness.load():.2f} (1 min), {os.cpu_count()} cores")
    results.update(medians=medians, ratio={"wall": ratio_wall, "cpu": ratio_cpu}, goals=checks)
    return 0 if all(checks.values()) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", nargs="?", default="run", choices=["run", "serve"])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=30, help="entries in each feed")
    parser.add_argument("--hosts", type=int, default=1, help="loopback addresses to spread the feeds over")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each tool (median)")
    parser.add_argument(
        "--watcher", default=str(REPO / ".venv" / "bin" / "watcher"), help="the watcher executable"
    )
    parser.add_argument(
        "--urlwatch-venv", default=str(HERE / ".urlwatch-venv"), help="urlwatch's venv (created if missing)"
    )
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--json", default="", help="also write the runs and medians to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (configs, caches)")
    args = parser.parse_args(argv)
    if args.step == "serve":
        serve(args)
        return 0
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
