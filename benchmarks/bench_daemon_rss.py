"""Does `watcher run` stay flat? The daemon polls N local feeds every few seconds for a while, with
a few new articles now and then, and its main process's RSS is sampled; prints the RSS after the
first cycle, the highest and the last, and the growth against the first (the bar: within 10 %).

    python benchmarks/bench_daemon_rss.py                         # 500 feeds every 30 s for 60 minutes
    python benchmarks/bench_daemon_rss.py --minutes 5 --interval 10s

Prints numbers; asserts nothing. Uses the harness's news server (pre-rendered bodies, 304s).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    """Child processes of every thread of ``pid`` (workers are started from a cycle's threads)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _seconds(duration: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    return float(duration[:-1]) * units[duration[-1]] if duration[-1] in units else float(duration)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--interval", default="30s", help="each feed's poll interval")
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--sample", type=float, default=10.0, help="seconds between RSS samples")
    parser.add_argument(
        "--news-every", type=float, default=120.0, help="seconds between batches of new articles"
    )
    args = parser.parse_args(argv)

    server = harness.NewsServer(args.feeds, 10, 50, harness.free_port())
    folder = Path(tempfile.mkdtemp(prefix="watcher-rss-"))
    config = harness.write_config(folder, server, allow_private=True)
    text = config.read_text().replace('interval = "15m"', f'interval = "{args.interval}"')
    config.write_text(text)
    log = (folder / "daemon.log").open("w")
    daemon = subprocess.Popen([str(harness.WATCHER), "--config", str(config), "run"], stdout=log, stderr=log)
    print(
        f"watcher run: {args.feeds} feeds every {args.interval} for {args.minutes:g} min (pid {daemon.pid})"
    )
    started = time.monotonic()
    samples: list[tuple[float, float]] = []
    batch = 0
    next_news = started + args.news_every
    workers: list[float] = []
    try:
        while time.monotonic() - started < args.minutes * 60 and daemon.poll() is None:
            time.sleep(args.sample)
            rss = _rss_mb(daemon.pid)
            if rss is not None:
                samples.append((time.monotonic() - started, rss))
            if time.monotonic() >= next_news:
                batch += 1
                server.publish(batch, 5, datetime.now(UTC))
                next_news += args.news_every
        workers = [mb for pid in _children(daemon.pid) if (mb := _rss_mb(pid)) is not None]
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(60)
        server.close()
    if len(samples) < 3:
        print("too few samples; is the daemon running? see", folder / "daemon.log")
        return 1
    # The reference is the issue's: the first sample after the first cycle (every feed polled once).
    # Articles are read in worker processes, so the first news is no step in the main process.
    settled = _seconds(args.interval) + args.sample
    first = next((rss for t, rss in samples if t >= settled), samples[-1][1])
    peak = max(rss for _, rss in samples)
    last = samples[-1][1]
    for t, rss in samples[:: max(1, len(samples) // 12)]:
        print(f"  {t:7.0f} s  {rss:6.1f} MB")
    print(f"after the first cycle ({settled:g} s): {first:.1f} MB")
    print(f"highest {peak:.1f} MB; last {last:.1f} MB")
    print(f"growth, last against first: {100 * (last - first) / first:+.1f} %  (bar: within 10 %)")
    print(f"extraction workers at the end: {', '.join(f'{mb:.1f} MB' for mb in workers) or 'none'}")
    log_bytes = (folder / "daemon.log").stat().st_size
    minutes = samples[-1][0] / 60
    per_10 = log_bytes / 1e3 / minutes * 10
    print(f"log: {log_bytes / 1e3:.1f} KB in {minutes:.0f} min ({per_10:.1f} KB per 10 min)")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
