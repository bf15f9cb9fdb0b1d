"""How fast `watcher status` and `history` read a large, long-lived database.

Builds a database such as months of polling leave behind (feeds, hundreds of thousands of
seen entries, thousands of documents, facts, corroborations and changes, a busy outbox),
then times `collect_status` and the history queries. Prints numbers; asserts nothing.

With --fresh N it instead times N fresh `watcher status` and `history` processes on a small
database (the repository's seeds as baseline), as a person runs them: start-up included.

    python benchmarks/bench_status.py [--entries 300000] [--documents 20000]
    python benchmarks/bench_status.py --fresh 10
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from watcher.config import settings_from_mapping
from watcher.models import Change, Entity, Fact, Money
from watcher.status import collect_status, format_status
from watcher.store import NewDocument, Store


def build(db: Path, feeds: int, entries: int, documents: int) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with Store(db) as store, store.transaction():
        eid = store.ensure_entity(Entity("Mistral AI", ("Mistral",)))
        for i in range(feeds):
            store.ensure_feed(f"https://feed{i}.example/rss", f"feed {i}")
        for i in range(entries):
            store.add_entry(
                f"https://feed{i % feeds}.example/rss",
                f"entry-{i}",
                link=f"https://news.example/{i}",
                title="t",
                published=None,
                now=now - timedelta(minutes=i),
                relevant=i % 10 == 0,
                document_id=None,
            )
        known: list[int] = []
        for i in range(documents):
            did = store.add_document(
                NewDocument(f"https://news.example/{i}", "title", "2025-06-01", "h", "en", "feed"), now
            )
            amount = Decimal(1_000_000_000 + (i % 50) * 200_000_000)
            fact = Fact("valuation" if i % 2 else "funding_round", amount, "EUR", evidence="e" * 120)
            # Most documents re-report one of a few known facts; a few are new.
            corroborates = known[i % len(known)] if known and i % 20 else None
            fid = store.add_fact(
                eid, did, fact, period="2025-06", baseline=False, now=now, corroborates=corroborates
            )
            if corroborates is None:
                known.append(fid)
                change = Change("Mistral AI", "valuation_change", "announced", Money(amount, "EUR"), now)
                cid = store.add_change(eid, fid, change, "EUR")
                for channel in ("email", "slack"):
                    store.enqueue(channel, now=now, change_id=cid)


REPO = Path(__file__).resolve().parent.parent


def fresh(runs: int) -> None:
    """Median wall and CPU time of fresh CLI processes on a small database."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config.toml"
        feeds = "".join(f'[[feeds]]\nurl = "https://feed{i}.example/rss"\n' for i in range(6))
        cfg.write_text(
            f'[watcher]\ndb = "w.db"\n[[entities]]\nname = "Mistral AI"\nseeds = "{REPO / "seeds"}"\n'
            + feeds,
            encoding="utf-8",
        )
        cli = [sys.executable, "-m", "watcher", "--config", str(cfg)]
        subprocess.run([*cli, "baseline"], check=True, capture_output=True)
        # Without cached bytecode (PYTHONDONTWRITEBYTECODE and a fresh checkout) every start
        # compiles watcher's modules again: tens of milliseconds more.
        import importlib.util

        import watcher.cli

        pyc = Path(importlib.util.cache_from_source(watcher.cli.__file__))
        fresh_pyc = pyc.exists() and pyc.stat().st_mtime >= Path(watcher.cli.__file__).stat().st_mtime
        no_write = "set" if sys.dont_write_bytecode else "unset"
        print(
            "fresh processes on a small database (seed baseline); watcher's bytecode cached: "
            f"{'yes' if fresh_pyc else 'no'}; PYTHONDONTWRITEBYTECODE {no_write}"
        )
        for args in (["status"], ["history"], ["history", "--facts"], ["status", "--json"]):
            walls, cpus = [], []
            for _ in range(runs):
                t = time.perf_counter()
                proc = subprocess.Popen([*cli, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                _, code, usage = os.wait4(proc.pid, 0)
                walls.append(time.perf_counter() - t)
                cpus.append(usage.ru_utime + usage.ru_stime)
                assert code == 0, args
            print(
                f"  watcher {' '.join(args)}: median {statistics.median(walls) * 1000:.0f} ms wall "
                f"(best {min(walls) * 1000:.0f}), {statistics.median(cpus) * 1000:.0f} ms CPU "
                f"over {runs} runs; load {os.getloadavg()[0]:.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--entries", type=int, default=300_000)
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--fresh", type=int, metavar="N", help="time N fresh CLI processes on a small db")
    args = parser.parse_args()
    if args.fresh:
        fresh(args.fresh)
        return
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config.toml"
        settings = settings_from_mapping(
            {
                "watcher": {"db": "w.db"},
                "entities": [{"name": "Mistral AI"}],
                "feeds": [{"url": f"https://feed{i}.example/rss"} for i in range(args.feeds)],
            },
            cfg,
        )
        t0 = time.perf_counter()
        build(settings.db, args.feeds, args.entries, args.documents)
        size = settings.db.stat().st_size / 1e6
        print(f"built: {args.feeds} feeds, {args.entries} entries, {args.documents} documents and facts")
        print(f"  in {time.perf_counter() - t0:.1f} s; database {size:.1f} MB")
        with Store(settings.db) as store:
            for label, run in (
                (
                    "collect_status + format",
                    lambda: format_status(collect_status(settings, store, datetime.now(UTC))),
                ),
                ("history (all changes)", lambda: store.changes("Mistral AI")),
                ("known facts (timeline)", lambda: store.facts("Mistral AI", known_only=True)),
            ):
                times = []
                for _ in range(5):
                    t = time.perf_counter()
                    run()
                    times.append(time.perf_counter() - t)
                print(
                    f"{label}: best {min(times) * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms over 5 runs"
                )


if __name__ == "__main__":
    main()
