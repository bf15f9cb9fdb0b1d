"""How much does `watcher run` log at its default verbosity while nothing happens? The daemon polls
N local feeds (every one answers 304 once read) for a few minutes; prints the log's lines and bytes
once the first round of the feeds is over, per round of the feeds and per day.

    python benchmarks/bench_daemon_log.py                    # 500 feeds every 30 s for 3 minutes
    python benchmarks/bench_daemon_log.py --feeds 50 --minutes 2

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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness


def _seconds(line: str) -> float | None:
    """Seconds of the day of a log line's 'YYYY-MM-DD HH:MM:SS,mmm' stamp, None for other lines."""
    try:
        h, m, s = line.split(" ", 2)[1].replace(",", ".").split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)
    except (IndexError, ValueError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--interval", type=int, default=30, help="each feed's poll interval, in seconds")
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--flags", default="", help="CLI flags before `run`, e.g. -vv")
    args = parser.parse_args(argv)

    server = harness.NewsServer(args.feeds, 10, 50, harness.free_port())
    folder = Path(tempfile.mkdtemp(prefix="watcher-log-"))
    config = harness.write_config(folder, server, allow_private=True)
    text = config.read_text().replace('interval = "15m"', f'interval = "{args.interval}s"')
    config.write_text(text)
    log_path = folder / "daemon.log"
    with log_path.open("w") as log:
        cmd = [str(harness.WATCHER), "--config", str(config), *args.flags.split(), "run"]
        daemon = subprocess.Popen(cmd, stdout=log, stderr=log)
        try:
            time.sleep(args.minutes * 60)
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(60)
            server.close()
    lines = log_path.read_text(encoding="utf-8").splitlines()
    stamps = [t for t in map(_seconds, lines) if t is not None]
    if not stamps:
        print("no log lines; see", log_path)
        return 1
    # The first round reads every feed (news); what follows is the unchanged steady state.
    settled = stamps[0] + args.interval * 2
    steady = [line for line in lines if (t := _seconds(line)) is not None and t >= settled]
    steady = [line for line in steady if "received SIGTERM" not in line and "stopping" not in line]
    span = max(stamps) - settled
    size = sum(len(line) + 1 for line in steady)
    print(
        f"watcher {args.flags + ' ' if args.flags else ''}run: {args.feeds} feeds every {args.interval} s, "
        f"{args.minutes:g} min; log {len(lines)} lines, {sum(len(x) + 1 for x in lines)} bytes in all"
    )
    if span > 0:
        rounds = span / args.interval
        print(
            f"unchanged steady state ({span:.0f} s): {len(steady)} lines, {size} bytes; "
            f"{size / rounds:.0f} bytes per round of the feeds; {size / span * 86400 / 1e6:.2f} MB per day"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}  (log: {log_path})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
