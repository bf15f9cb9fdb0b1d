"""The first cycle on pages that all carry figures, against trafilatura alone in the same run.

Usage (from the repository root)::

    python benchmarks/bench_pipeline.py                             # 500 feeds x 30 entries, hosts 1 then 50
    python benchmarks/bench_pipeline.py --feeds 50 --entries 10 --hosts 1   # a quick run
    python benchmarks/bench_pipeline.py --watcher ../other/.venv/bin/watcher --json /tmp/first.json
    python benchmarks/bench_pipeline.py --feeds 50 --entries 10 --profile-dir /tmp/prof

For each layout in ``--hosts`` (default ``1,50``: every feed and page on 127.0.0.1, then spread
over 50 loopback addresses, where watcher's per-host limit no longer applies):

1. ``serve``: a news server in its own process (asyncio, raw HTTP/1.1, keep-alive, ETag and
   Last-Modified giving 304, pre-rendered bytes) with N RSS feeds of M entries and N x M
   article pages, in French and English, each naming Mistral AI. By default every page
   (``--funding-share 1.0``) carries ``--figures 2`` funding sentences with amounts, and
   weighs ~59 KB: ``--clutter 3`` grids of teaser cards (deep markup, what makes trafilatura
   slow) and ``--script-kb 43`` of inline JSON state (weight trafilatura drops cheaply).
2. trafilatura alone, before: ``trafilatura_alone`` (trafilatura reading the page, text and
   metadata, with the options watcher's workers gave it until they read title and date
   themselves: the call the issue measured) on ``--trafilatura-sample`` pages spread over the
   corpus (all with 0), in one forked process per core, each serial; CPU per page from
   ``time.process_time``. Then, timed apart on the same page: watcher's own reading step
   (``watcher.articles.extract_article_now``, what the workers run now), and the fact
   extractor on the text it gave (milliseconds per article, the slowest, how many over 50 ms).
3. cycle 1: ``watcher poll`` as a fresh CLI process on an empty database (the seed baseline
   is loaded by the poll): every entry is new and every article is read. Wall, CPU (user +
   sys of the process and of the extraction workers it reaped, from ``os.wait4`` in a small
   launcher process) and peak RSS. Start-up is included (about 1-2 s of CPU: little over
   15,000 articles, a lot over a few hundred).
4. trafilatura alone again, after: the two brackets show how the load moved meanwhile.
5. cycle 2: ``watcher poll`` again, every feed answering 304 (for information; the judged
   unchanged cycle is ``bench_vs_urlwatch.py``).

Printed beside each figure: the 1-minute load average before it. Then per-article CPU of the
pipeline / trafilatura's alone (the mean of the two brackets), the same for wall time,
articles per minute, and the CPU against watcher's own reading step (what all but reading the
page costs). The server's CPU is reported, not counted. Steps 2 and 4 run with the
interpreter of the ``--watcher`` venv, so both sides use the same watcher and trafilatura.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Container
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _folder in (REPO, REPO / "benchmarks"):  # watcher, and the shared harness
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import harness  # noqa: E402

T0 = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
ENTITY = harness.ENTITY

# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Item:
    feed: int
    entry: int
    url: str
    path: str
    title: str
    summary: str
    published: datetime
    html: bytes


@dataclass(frozen=True)
class Corpus:
    feeds: list[tuple[str, str, bytes]]  # (url, path, RSS bytes)
    items: list[Item]


def build_corpus(
    n_feeds: int,
    n_entries: int,
    *,
    port: int,
    hosts: int,
    seed: int,
    funding_share: float,
    clutter: int,
    figures: int = 1,
    script_kb: int = 0,
    keep: Container[int] | None = None,
) -> Corpus:
    """Deterministic: the server and the trafilatura steps build the same one.

    ``keep``: render only the pages of these items (index in ``items``); the others get an
    empty page, for a step that needs a sample. The random draws are the same either way.
    """
    rng = random.Random(seed)
    feeds: list[tuple[str, str, bytes]] = []
    items: list[Item] = []
    for i in range(n_feeds):
        base = f"http://{harness.feed_host(i, hosts)}:{port}"
        lang = "fr" if i % 3 == 0 else "en"
        parts = []
        for j in range(n_entries):
            path = f"/a/{i}/{j}.html"
            funding = rng.random() < funding_share
            paragraphs = harness.article_paragraphs(rng, lang, funding, figures)
            title = paragraphs[0].split(". ")[0].rstrip(".")[:110]
            if ENTITY not in title:
                title = f"{ENTITY} : {title}" if lang == "fr" else f"{ENTITY}: {title}"
            summary = paragraphs[1] if len(paragraphs) > 1 else paragraphs[0]
            published = T0 - timedelta(minutes=7 * (i * n_entries + j) % 20_000)
            day = published.date().isoformat()
            related = harness.related_titles(rng, lang)
            render = keep is None or len(items) in keep
            html = (
                harness.render_page(title, paragraphs, related, lang, day, clutter, script_kb)
                if render
                else ""
            )
            item = Item(i, j, base + path, path, title, summary, published, html.encode())
            items.append(item)
            parts.append(
                f"<item><title>{escape(title)}</title><link>{escape(item.url)}</link>"
                f'<guid isPermaLink="false">bench-{i}-{j}</guid>'
                f"<description>{escape('<p>' + escape(summary) + '</p>')}</description>"
                f"<pubDate>{format_datetime(published)}</pubDate></item>"
            )
        rss = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>Bench feed {i}</title><link>{base}/</link><description>Tech news</description>"
            + "\n".join(parts)
            + "</channel></rss>\n"
        )
        feeds.append((f"{base}/f/{i}.xml", f"/f/{i}.xml", rss.encode()))
    return Corpus(feeds, items)


# --------------------------------------------------------------------------- server


def _corpus(args: argparse.Namespace, keep: Container[int] | None = None) -> Corpus:
    """The corpus of a step (``--hosts`` is one number there)."""
    return build_corpus(
        args.feeds,
        args.entries,
        port=args.port,
        hosts=int(args.hosts),
        seed=args.seed,
        funding_share=args.funding_share,
        clutter=args.clutter,
        figures=args.figures,
        script_kb=args.script_kb,
        keep=keep,
    )


def serve(args: argparse.Namespace) -> None:
    corpus = _corpus(args)
    routes = {
        path.encode(): harness.route(body, "application/rss+xml; charset=utf-8")
        for _, path, body in corpus.feeds
    }
    for item in corpus.items:
        routes[item.path.encode()] = harness.route(item.html, "text/html; charset=utf-8")
    del corpus
    stats = harness.Stats()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        hosts = sorted({harness.feed_host(i, int(args.hosts)) for i in range(args.feeds)})
        server = await loop.create_server(
            lambda: harness.Http(routes, stats, not args.no_validators),
            host=hosts,
            port=args.port,
            backlog=1024,
        )
        print("ready", flush=True)
        async with server:
            await server.serve_forever()

    try:
        import uvloop  # type: ignore[import-not-found]  # optional: a cheaper server

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main())


def _server_stats(port: int) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats", timeout=10) as r:
        data: dict[str, float] = json.loads(r.read())
        return data


class Server:
    def __init__(self, args: argparse.Namespace, port: int, hosts: int) -> None:
        cmd = [sys.executable, __file__, "serve", "--port", str(port), *_corpus_args(args, hosts)]
        if args.no_validators:
            cmd.append("--no-validators")
        self.port = port
        self.process = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if line != "ready":
            self.process.kill()
            raise SystemExit(f"the news server did not start ({line!r})")

    def stats(self) -> dict[str, float]:
        return _server_stats(self.port)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)


# --------------------------------------------------------------------------- trafilatura alone


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _sample(n: int, size: int) -> range:
    """Every k-th item, spread over the whole corpus (0: all of them)."""
    return range(0, n, max(1, n // size)) if size else range(n)


_PAGES: list[tuple[bytes, str, str]] = []  # (html, url, day): set before the fork, read by the children


def trafilatura_alone(html: bytes, url: str) -> object:
    """The anchor: trafilatura reading a page, its text and metadata, with the options watcher's
    workers passed it until they read the title and date themselves (the call the issue measured)."""
    import trafilatura

    return trafilatura.bare_extraction(
        html.decode("utf-8", errors="replace"),
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )


def _extract_share(part: int, parts: int) -> dict[str, Any]:
    """Child: on every ``parts``-th page, trafilatura alone, then watcher's own reading step
    (``extract_article_now``, what its workers run), then the fact extractor on the text that
    gave, each timed apart. CPU of this process only."""
    import trafilatura

    from watcher.articles import extract_article_now
    from watcher.facts import extract_facts

    ctype = "text/html; charset=utf-8"
    started = time.process_time()
    traf: list[float] = []
    plain: list[float] = []
    reading: list[float] = []
    facts: list[float] = []
    empty = n_facts = 0
    for html, url, day in _PAGES[part::parts]:
        p0 = time.process_time()
        # The plainest use of trafilatura, default options: the second anchor issue 17 asks for.
        trafilatura.extract(html, url=url)
        c0 = time.process_time()
        trafilatura_alone(html, url)
        c1 = time.process_time()
        article = extract_article_now(html, url, ctype)
        c2 = time.process_time()
        plain.append(c0 - p0)
        traf.append(c1 - c0)
        reading.append(c2 - c1)
        if article is None:
            empty += 1
            continue
        lang = (article.language or "")[:2]
        found = extract_facts(
            article.text, ENTITY, ("Mistral",), lang=lang if lang in ("fr", "en") else None, published=day
        )
        facts.append(time.process_time() - c2)
        n_facts += len(found)
    return {
        "cpu": time.process_time() - started,
        "traf": traf,
        "plain": plain,
        "reading": reading,
        "facts": facts,
        "empty": empty,
        "n_facts": n_facts,
    }


def step_trafilatura(args: argparse.Namespace) -> dict[str, Any]:
    """trafilatura alone on a sample of the same pages: ``workers`` forked processes, each serial."""
    import logging
    import multiprocessing

    from watcher.articles import extract_article_now
    from watcher.facts import extract_facts

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    n = args.feeds * args.entries
    keep = set(_sample(n, args.trafilatura_sample))
    corpus = _corpus(args, keep)
    _PAGES[:] = [
        (item.html, item.url, item.published.date().isoformat())
        for k, item in enumerate(corpus.items)
        if k in keep
    ]
    del corpus
    # Imports and first-call caches before the fork, untimed, as the pipeline's warm workers have them.
    html, url, day = _PAGES[0]
    trafilatura_alone(html, url)
    first = extract_article_now(html, url, "text/html; charset=utf-8")
    extract_facts(first.text if first else "", ENTITY, ("Mistral",), published=day)
    workers = args.workers or os.cpu_count() or 2
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        shares = pool.starmap(_extract_share, [(k, workers) for k in range(workers)])
    wall = time.perf_counter() - started
    traf = [t for s in shares for t in s["traf"]]
    facts = [t for s in shares for t in s["facts"]]
    reading = [t for s in shares for t in s["reading"]]
    plain = [t for s in shares for t in s["plain"]]
    return {
        "pages": len(_PAGES),
        "page_kb": statistics.mean(len(h) for h, _, _ in _PAGES) / 1024,
        "workers": workers,
        "wall": wall,
        "cpu_ms": 1000 * statistics.mean(traf),
        "p50_ms": 1000 * statistics.median(traf),
        "p99_ms": 1000 * _percentile(traf, 0.99),
        "max_ms": 1000 * max(traf),
        "reading_ms": 1000 * statistics.mean(reading),
        "plain_ms": 1000 * statistics.mean(plain),
        "empty": sum(s["empty"] for s in shares),
        "facts_per_page": sum(s["n_facts"] for s in shares) / len(_PAGES),
        "facts_ms": 1000 * statistics.mean(facts) if facts else 0.0,
        "facts_p99_ms": 1000 * _percentile(facts, 0.99),
        "facts_max_ms": 1000 * max(facts, default=0.0),
        "facts_over_50ms": sum(1 for t in facts if t > 0.050),
    }


# --------------------------------------------------------------------------- orchestration


def _corpus_args(args: argparse.Namespace, hosts: int) -> list[str]:
    return [
        "--feeds",
        str(args.feeds),
        "--entries",
        str(args.entries),
        "--hosts",
        str(hosts),
        "--seed",
        str(args.seed),
        "--funding-share",
        str(args.funding_share),
        "--clutter",
        str(args.clutter),
        "--figures",
        str(args.figures),
        "--script-kb",
        str(args.script_kb),
    ]


def _write_config(args: argparse.Namespace, folder: Path, port: int, hosts: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "seeds", folder / "seeds", dirs_exist_ok=True)
    lines = ["[watcher]", 'db = "state/watcher.db"', 'interval = "15m"', 'base_currency = "EUR"', ""]
    lines += ["[http]", 'allow_private = ["127.0.0.0/8"]']  # the local server; the netguard refuses it else
    if args.concurrency:
        lines.append(f"concurrency = {args.concurrency}")
    lines += ["", "[[entities]]", f'name = "{ENTITY}"', 'aliases = ["Mistral"]', 'seeds = "seeds"']
    for i in range(args.feeds):
        url = f"http://{harness.feed_host(i, hosts)}:{port}/f/{i}.xml"
        lines += ["", "[[feeds]]", f'url = "{url}"', f'name = "feed {i}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


@dataclass(frozen=True)
class CliRun:
    wall: float
    cpu: float  # user + sys of the process and the workers it reaped (os.wait4)
    rss_mb: float  # the largest of them
    load: float  # 1-minute load average just before
    load_during: float  # the highest 1-minute load average sampled while it ran (every 5 s)
    server_cpu: float
    requests: dict[str, int]
    out: str


def _cli(launcher: Any, server: Server, argv: list[str]) -> CliRun:
    import threading

    load = harness.load()
    samples = [load]
    stop = threading.Event()

    def sample() -> None:  # a cycle of minutes sees the load move: keep its highest value
        while not stop.wait(5.0):
            samples.append(harness.load())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    before = server.stats()
    try:
        done, out, err = launcher.run(argv)
    finally:
        stop.set()
        sampler.join()
    after = server.stats()
    if done["code"] != 0:
        raise SystemExit(f"{' '.join(argv)} exited {done['code']}:\n{err[-3000:]}{out[-3000:]}")
    kb = done["maxrss"] / 1024 if sys.platform == "darwin" else done["maxrss"]
    requests = {k: int(after[k] - before[k]) for k in ("200", "304", "404")}
    server_cpu = after["cpu"] - before["cpu"]
    return CliRun(done["wall"], done["cpu"], kb / 1024, load, max(samples), server_cpu, requests, out)


def _trafilatura(args: argparse.Namespace, python: Path, port: int, hosts: int) -> dict[str, Any]:
    """The trafilatura step in its own process, with the watcher venv's interpreter."""
    cmd = [str(python), __file__, "trafilatura", "--port", str(port), *_corpus_args(args, hosts)]
    cmd += ["--workers", str(args.workers), "--trafilatura-sample", str(args.trafilatura_sample)]
    load = harness.load()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = load
    return result


def _count(out: str, pattern: str) -> int:
    import re

    found = re.search(pattern, out)
    return int(found.group(1)) if found else 0


def _traf_line(label: str, t: dict[str, Any]) -> str:
    return (
        f"  trafilatura alone, {label}: {t['pages']} pages ({t['page_kb']:.0f} KB), {t['workers']} processes:"
        f" {t['cpu_ms']:.2f} ms CPU/page (p50 {t['p50_ms']:.1f}, p99 {t['p99_ms']:.1f},"
        f" max {t['max_ms']:.0f}), {_traf_rate(t):.0f} pages/min on {t['workers']} cores;"
        f" watcher's own reading step {t['reading_ms']:.2f} ms  [load {t['load']:.2f}]"
    )


def _traf_rate(t: dict[str, Any]) -> float:
    """trafilatura alone's pages per minute with every core busy (from its CPU per page: the step
    also times watcher's reading and the fact extractor, so its wall time is not trafilatura's)."""
    return 60_000 * t["workers"] / t["cpu_ms"]


def one_layout(args: argparse.Namespace, launcher: Any, hosts: int, folder: Path) -> dict[str, Any]:
    """Both cycles and trafilatura alone, interleaved, with the feeds over ``hosts`` addresses."""
    watcher = Path(args.watcher).resolve()
    python = watcher.parent / "python"
    port = args.port or harness.free_port()
    n = args.feeds * args.entries
    started = time.perf_counter()
    server = Server(args, port, hosts)
    print(f"\n{hosts} host(s): news server ready in {time.perf_counter() - started:.1f} s", flush=True)
    config = _write_config(args, folder / f"hosts-{hosts}", port, hosts)
    out: dict[str, Any] = {"hosts": hosts}
    try:
        t_before = out["trafilatura_before"] = _trafilatura(args, python, port, hosts)
        print(_traf_line("before", t_before), flush=True)

        argv = [str(watcher), "--config", str(config), "poll"]
        if args.profile_dir:
            prof = Path(args.profile_dir) / f"cycle1-hosts{hosts}.prof"
            prof.parent.mkdir(parents=True, exist_ok=True)
            argv = [str(python), "-m", "cProfile", "-o", str(prof), "-m", "watcher", *argv[1:]]
            print(f"  (cycle 1 under cProfile, main process only: {prof}; its times are not comparable)")
        c1 = _cli(launcher, server, argv)
        arts = _count(c1.out, r"articles fetched: (\d+)")
        summary = _count(c1.out, r"\((\d+) from feed summary\)")
        out["cycle1"] = {**c1.__dict__, "articles": arts, "from_summary": summary}
        print(
            f"  cycle 1, `watcher poll` (fresh process, empty database, {n} new entries): "
            f"{c1.wall:.1f} s wall, {c1.cpu:.1f} s CPU, peak {c1.rss_mb:.0f} MB"
            f"  [load {c1.load:.2f} before, up to {c1.load_during:.2f} during]"
        )
        for line in c1.out.splitlines()[:2]:
            print(f"    {line}")
        per = max(1, arts)
        print(
            f"    {60 * arts / c1.wall:.0f} articles/min; per article {1000 * c1.wall / per:.2f} ms wall,"
            f" {1000 * c1.cpu / per:.2f} ms CPU (main process + extraction workers, start-up included);"
            f" server {c1.server_cpu:.1f} s CPU, {c1.requests}",
            flush=True,
        )

        t_after = out["trafilatura_after"] = _trafilatura(args, python, port, hosts)
        print(_traf_line("after", t_after), flush=True)

        c2 = _cli(launcher, server, [str(watcher), "--config", str(config), "poll"])
        out["cycle2"] = c2.__dict__
        print(
            f"  cycle 2, `watcher poll` unchanged (fresh process): {c2.wall:.2f} s wall, {c2.cpu:.2f} s CPU,"
            f" peak {c2.rss_mb:.0f} MB, {c2.requests}  [load {c2.load:.2f}]"
        )

        traf_cpu = (t_before["cpu_ms"] + t_after["cpu_ms"]) / 2
        traf_rate = (_traf_rate(t_before) + _traf_rate(t_after)) / 2
        cpu_ratio = (1000 * c1.cpu / per) / traf_cpu
        reading_cpu = (t_before["reading_ms"] + t_after["reading_ms"]) / 2
        own_ratio = (1000 * c1.cpu / per) / reading_cpu
        plain_cpu = (t_before["plain_ms"] + t_after["plain_ms"]) / 2
        plain_ratio = (1000 * c1.cpu / per) / plain_cpu
        wall_ratio = traf_rate / (60 * arts / c1.wall) if arts else float("inf")
        out["ratio"] = {
            "cpu": cpu_ratio,
            "wall": wall_ratio,
            "cpu_vs_own_reading": own_ratio,
            "cpu_vs_plain_extract": plain_ratio,
        }
        facts_max = max(t_before["facts_max_ms"], t_after["facts_max_ms"])
        over = t_before["facts_over_50ms"] + t_after["facts_over_50ms"]
        print(
            f"  fact extraction alone on the read text: {t_after['facts_ms']:.2f} ms CPU/article,"
            f" p99 {t_after['facts_p99_ms']:.1f} ms, max {facts_max:.1f} ms,"
            f" {over} articles over 50 ms; {t_after['facts_per_page']:.1f} facts/page"
        )
        print(
            f"  => pipeline / trafilatura alone per article: CPU {cpu_ratio:.2f} x (goal <= 1.25),"
            f" wall {wall_ratio:.2f} x; {60 * arts / c1.wall:.0f} articles/min (goal >= 3500)"
            f"  [loads {t_before['load']:.2f} / {c1.load:.2f}-{c1.load_during:.2f} / {t_after['load']:.2f}]"
        )
        print(
            f"     pipeline / watcher's own reading step (its lean trafilatura call): CPU {own_ratio:.2f} x"
            " (what everything but reading the page costs)"
        )
        print(
            f"     pipeline / plain trafilatura.extract (defaults, same pages): CPU {plain_ratio:.2f} x"
            f" ({plain_cpu:.2f} ms CPU/page)"
        )
    finally:
        server.close()
    return out


def run(args: argparse.Namespace) -> None:
    watcher = Path(args.watcher).resolve()
    if not watcher.exists():
        raise SystemExit(f"--watcher {watcher}: no such executable; create the venv or give its path")
    layouts = [int(h) for h in str(args.hosts).split(",")]
    n = args.feeds * args.entries
    print(
        f"first cycle benchmark: {args.feeds} feeds x {args.entries} entries = {n} articles naming {ENTITY},"
        f" {100 * args.funding_share:.0f} % with {args.figures} funding sentence(s), clutter {args.clutter};"
        f" hosts {layouts}; {os.cpu_count()} cores; watcher {watcher}"
    )
    print(f"  load average before starting: {harness.load():.2f}")
    folder = Path(tempfile.mkdtemp(prefix="watcher-bench-"))
    launcher = harness.Launcher(folder)
    results: dict[str, Any] = {"feeds": args.feeds, "entries": args.entries, "cores": os.cpu_count()}
    try:
        results["layouts"] = [one_layout(args, launcher, hosts, folder) for hosts in layouts]
        print(f"\nload average at the end (1 min, incl. this benchmark): {harness.load():.2f}")
    finally:
        launcher.close()
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", nargs="?", default="run", choices=["run", "serve", "trafilatura"])
    parser.add_argument("--feeds", type=int, default=500, help="number of feeds (default 500)")
    parser.add_argument("--entries", type=int, default=30, help="entries per feed (default 30)")
    parser.add_argument(
        "--hosts", default="1,50", help="loopback addresses to spread feeds over; a list runs each (1,50)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed of the generated pages")
    parser.add_argument(
        "--funding-share", type=float, default=1.0, help="share of pages with funding sentences (1.0)"
    )
    parser.add_argument("--figures", type=int, default=2, help="funding sentences in such a page (2)")
    parser.add_argument(
        "--clutter", type=int, default=3, help="teaser grids per page: deep markup, costly to extract (3)"
    )
    parser.add_argument(
        "--script-kb",
        type=int,
        default=43,
        help="KB of inline JSON per page: cheap weight (43: ~59 KB pages)",
    )
    parser.add_argument("--concurrency", type=int, default=0, help="[http] concurrency (default: watcher's)")
    parser.add_argument("--workers", type=int, default=0, help="trafilatura-alone processes (the cores)")
    parser.add_argument(
        "--trafilatura-sample", type=int, default=2000, help="pages for trafilatura alone (0: all)"
    )
    parser.add_argument(
        "--watcher", default=str(REPO / ".venv" / "bin" / "watcher"), help="the watcher executable"
    )
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--profile-dir", default="", help="run cycle 1 under cProfile, write it here")
    parser.add_argument("--no-validators", action="store_true", help="server ignores ETag/Last-Modified")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, config)")
    parser.add_argument("--json", default="", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.step == "run":
        run(args)
    elif args.step == "serve":
        serve(args)
    else:
        print(json.dumps(step_trafilatura(args)), flush=True)


if __name__ == "__main__":
    main()
