"""How fast is the review page on a big history? `watcher serve`'s overview and a company page,
timed against a database holding the seed baseline plus ``--facts`` facts of history.

Usage (from the repository root)::

    python benchmarks/bench_serve.py            # 1 M entries, documents and facts
    python benchmarks/bench_serve.py --quick    # 100 k of each: a smoke run

The database is built by ``harness.build_history`` (the same shape as the history
benchmark: 20 companies, most facts re-reports of a few thousand event heads, changes,
corrections, outbox rows, pending facts). The app runs under a real uvicorn on 127.0.0.1 in a
thread of this process; each page is fetched ``--repeat`` times over HTTP and the median time
from request to last byte is reported (an upper bound of the server time: it includes the
loopback round trip), with the page's size, against the issue's bars: overview at most 300 ms,
a company page at most 500 ms, every page under 300 KB (the other pages held to the company
page's time).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
import httpx
import uvicorn

from watcher.config import load_config
from watcher.store import Store
from watcher.web.app import build_app
from watcher.web.security import Guard

MAX_OVERVIEW = 0.300
MAX_COMPANY = 0.500
MAX_BYTES = 300_000


def _serve(config: Path) -> tuple[uvicorn.Server, str]:
    settings = load_config(config)
    port = harness.free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            build_app(settings, Guard(), loopback=True), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return server, f"http://127.0.0.1:{port}"


def _busiest(config: Path) -> int:
    """The change whose event has the most re-reports: the longest change page."""
    with Store.for_reading(load_config(config).db) as store:
        row = store.conn.execute(
            "SELECT c.id FROM changes c JOIN facts f ON f.corroborates = c.fact_id"
            " GROUP BY c.id ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()
    return int(row[0])


def _time(client: httpx.Client, url: str, repeat: int) -> tuple[float, int]:
    client.get(url)  # warm: the first request opens the database file and loads templates
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        res = client.get(url)
        times.append(time.perf_counter() - started)
        assert res.status_code == 200, (url, res.status_code)
        size = len(res.content)
    return statistics.median(times), size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--facts", type=int, default=1_000_000, help="facts (and entries, documents) of history"
    )
    parser.add_argument("--heads", type=int, default=3_000)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="100 k facts")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", metavar="DIR", help="a folder a previous run kept (--keep)")
    parser.add_argument("--keep", action="store_true", help="keep the folder with the database")
    args = parser.parse_args(argv)
    n = 100_000 if args.quick else args.facts
    shape = harness.Shape(n, n, n, args.heads, args.days)
    folder = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="watcher-serve-bench-"))
    config = folder / "config.toml"
    print(f"watcher serve benchmark: {n:,} facts of history, {len(harness.ENTITIES)} companies")
    print(f"  load average at the start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    if not args.reuse:
        news = harness.NewsServer(args.feeds, 1, 1, harness.free_port())
        config = harness.write_config(folder, news, allow_private=True)
        subprocess.run(
            [str(harness.WATCHER), "--config", str(config), "baseline"], check=True, capture_output=True
        )
        started = time.perf_counter()
        counts = harness.build_history(
            folder / "state" / "watcher.db",
            shape,
            [news.feed_url(i) for i in range(args.feeds)],
            datetime.now(UTC),
        )
        print(f"  built the database in {time.perf_counter() - started:.0f} s: {counts}")
    server, base = _serve(config)
    ok = True
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            pages = [("overview", "/", MAX_OVERVIEW)]
            pages += [
                (f"company {name}", f"/company/{quote(name)}", MAX_COMPANY) for name in harness.ENTITIES[:3]
            ]
            first, busiest = quote(harness.ENTITIES[0]), _busiest(config)
            pages += [
                ("company, every fact (page 3)", f"/company/{first}?state=all&page=3", MAX_COMPANY),
                (f"change #{busiest} (most sources)", f"/change/{busiest}", MAX_COMPANY),
                ("feeds", "/feeds", MAX_COMPANY),
                ("alerts", "/alerts", MAX_COMPANY),
            ]
            for label, path, bar in pages:
                took, size = _time(client, path, args.repeat)
                good = took <= bar and size < MAX_BYTES
                ok = ok and good
                print(
                    f"  {label:32} {took * 1000:7.1f} ms (bar {bar * 1000:.0f})  {size / 1000:6.1f} KB"
                    f"  {'PASS' if good else 'FAIL'}"
                )
    finally:
        server.should_exit = True
    print(f"  load average at the end: {os.getloadavg()[0]:.2f}")
    if args.keep or args.reuse:
        print(f"  kept: {folder} (again with --reuse {folder})")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
