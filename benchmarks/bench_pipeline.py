"""Throughput of a whole poll cycle against a local news server, and of trafilatura alone.

Usage (from the repository root)::

    python benchmarks/bench_pipeline.py                       # 500 feeds x 30 entries (several minutes)
    python benchmarks/bench_pipeline.py --feeds 50 --entries 10   # a quick run
    python benchmarks/bench_pipeline.py --profile pyinstrument --profile-dir /tmp/prof

What it does, each step in its own process so that CPU and peak memory are its own:

1. ``serve``: an asyncio raw HTTP/1.1 server (keep-alive, ETag/If-None-Match and
   Last-Modified/If-Modified-Since giving 304) serving N RSS feeds of M entries each and
   N x M article pages, all pre-rendered bytes. Feeds are spread over ``--hosts`` loopback
   addresses (127.0.0.1, 127.0.0.2, ...) so watcher's per-host limit sees several sites.
2. ``cycle1``: loads the baseline from ``seeds/`` into a fresh SQLite store, then runs
   ``run_cycle`` with an ``ExtractionPool`` sized to the cores: every entry is new.
3. ``cycle2``: in a fresh process, ``run_cycle(force=True)`` again: every feed answers 304.
   Peak RSS is this process's own; a further cycle under tracemalloc gives the heap peak.
4. ``trafilatura``: ``extract_article_now`` on the same pages, in one process (serial), then
   through an ``ExtractionPool`` of 2 workers fed by 2 threads (parallel).

The server competes for the same cores; its CPU time per step is reported.
Pages are generated (deterministically, from ``--seed``) from sentences written for this
benchmark, in French and English, each naming Mistral AI; a share carry funding sentences.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

T0 = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
LAST_MODIFIED = "Wed, 10 Sep 2025 08:00:00 GMT"
ENTITY = "Mistral AI"

# --------------------------------------------------------------------------- corpus

_PEOPLE = ["Arthur Mensch", "Timothée Lacroix", "Guillaume Lample", "Sophie Durand", "James Whitfield"]
_CITIES_EN = ["Paris", "London", "Berlin", "Singapore", "San Francisco", "Amsterdam"]
_CITIES_FR = ["Paris", "Lyon", "Londres", "Berlin", "Singapour", "Montréal"]
_PRODUCTS = ["Le Chat", "Codestral", "Mistral Large", "Pixtral", "Magistral", "Devstral", "Ministral"]
_CLIENTS = ["BNP Paribas", "CMA CGM", "Stellantis", "Orange", "Helsing", "the French army", "Veolia"]
_TOPICS_EN = ["open-weight models", "sovereign cloud", "coding assistants", "enterprise search", "agents"]
_TOPICS_FR = ["modèles ouverts", "cloud souverain", "assistants de code", "recherche d'entreprise", "agents"]

_EN = [
    "{entity} has released a new version of {product}, its model aimed at {topic}.",
    "Speaking in {city}, {person} said the company wanted to stay independent of American giants.",
    "The startup now employs several hundred people, most of them engineers, across {city} and {city2}.",
    "{client} said it would deploy {product} to thousands of employees over the coming months.",
    "Analysts note that {entity} competes with far larger rivals on a fraction of their budget.",
    "The company has long argued that {topic} give customers more control over their data.",
    "{person} told reporters that demand from European banks and industrial groups keeps growing.",
    "Several governments have signed framework agreements with {entity} for {topic}.",
    "According to people familiar with the matter, the firm is also expanding its data centre in {city}.",
    "Critics question whether a European champion can keep pace with the spending of US laboratories.",
    "The release of {product} was followed by a sharp rise in downloads on public model hubs.",
    "{entity} declined to comment on its revenue, which some estimates put in the low hundreds of millions.",
    "In a blog post, the team described how {product} was trained on a mix of licensed and public data.",
    "Partnerships with {client} and {client2} illustrate the company's push into regulated industries.",
    "The chief executive, {person}, has repeatedly said that compute remains the main bottleneck.",
    "Observers in {city} see the move as a sign that the market for {topic} is maturing quickly.",
]
_FR = [
    "{entity} a dévoilé une nouvelle version de {product}, son modèle consacré aux {topic}.",
    "De passage à {city}, {person} a rappelé que l'entreprise voulait rester indépendante des "
    "géants américains.",
    "La start-up compte désormais plusieurs centaines de salariés, surtout des ingénieurs, "
    "entre {city} et {city2}.",
    "{client} a annoncé le déploiement de {product} auprès de milliers de collaborateurs dans "
    "les mois à venir.",
    "Selon les analystes, {entity} rivalise avec des concurrents bien plus grands pour une "
    "fraction de leur budget.",
    "L'entreprise défend depuis longtemps l'idée que les {topic} donnent aux clients la "
    "maîtrise de leurs données.",
    "{person} a expliqué que la demande des banques et des industriels européens ne cessait de croître.",
    "Plusieurs États ont signé des accords-cadres avec {entity} autour des {topic}.",
    "D'après des sources proches du dossier, la société agrandit aussi son centre de données à {city}.",
    "Certains observateurs doutent qu'un champion européen puisse suivre le rythme des "
    "laboratoires américains.",
    "La sortie de {product} a été suivie d'une forte hausse des téléchargements sur les "
    "plateformes publiques.",
    "{entity} n'a pas souhaité commenter son chiffre d'affaires, estimé à quelques centaines de millions.",
    "Dans un billet de blog, l'équipe détaille l'entraînement de {product} sur des données "
    "publiques et sous licence.",
    "Les partenariats avec {client} et {client2} illustrent la percée de l'entreprise dans les "
    "secteurs régulés.",
    "Le directeur général, {person}, répète que la puissance de calcul reste le principal "
    "goulet d'étranglement.",
    "À {city}, on voit dans cette annonce le signe d'un marché des {topic} qui mûrit rapidement.",
]
# Mostly figures the baseline or earlier articles already know; a few new ones (changes).
_FUNDING_EN = [
    "{entity} raised €600 million last year in a round that valued the company at $6.2 billion.",
    "{entity} raised €1.7 billion in a Series C round led by ASML, valuing it at €11.7 billion.",
    "Last year {entity} closed a €385 million Series A, which valued the startup at $2 billion.",
    "{entity} is in talks to raise {amount} billion euros at a valuation of {valuation} billion euros, "
    "people familiar with the matter said.",
]
_FUNDING_FR = [
    "{entity} avait levé 600 millions d'euros l'an dernier, pour une valorisation de 6 milliards d'euros.",
    "{entity} a levé 1,7 milliard d'euros lors d'une série C menée par ASML, ce qui la valorise à "
    "11,7 milliards d'euros.",
    "{entity} serait en discussions pour lever {amount} milliards d'euros sur la base d'une valorisation "
    "de {valuation} milliards d'euros, selon plusieurs sources.",
]
_SCRIPT = (
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
    "gtag('js',new Date());gtag('config','G-XXXXXXX');var ads={slots:['top','side','bottom'],"
    "lazy:true,refresh:30};(function(d){var s=d.createElement('script');s.async=true;"
    "s.src='/static/ads.js';d.head.appendChild(s);})(document);"
)
_SECTIONS_EN = [
    "Home",
    "World",
    "Business",
    "Tech",
    "Startups",
    "AI",
    "Science",
    "Opinion",
    "Video",
    "Events",
]
_SECTIONS_FR = ["Accueil", "Monde", "Économie", "Tech", "Start-up", "IA", "Sciences", "Opinions", "Vidéo"]


def _fill(template: str, rng: random.Random, lang: str) -> str:
    cities = _CITIES_FR if lang == "fr" else _CITIES_EN
    topics = _TOPICS_FR if lang == "fr" else _TOPICS_EN
    city, city2 = rng.sample(cities, 2)
    client, client2 = rng.sample(_CLIENTS, 2)
    return template.format(
        entity=ENTITY,
        product=rng.choice(_PRODUCTS),
        topic=rng.choice(topics),
        city=city,
        city2=city2,
        person=rng.choice(_PEOPLE),
        client=client,
        client2=client2,
        amount=rng.choice(["2", "3", "4"]),
        valuation=rng.choice(["20", "25", "30", "40"]),
    )


def _paragraphs(rng: random.Random, lang: str, funding: bool) -> list[str]:
    pool = _FR if lang == "fr" else _EN
    paragraphs = []
    for _ in range(rng.randint(7, 11)):
        paragraphs.append(" ".join(_fill(t, rng, lang) for t in rng.sample(pool, rng.randint(2, 4))))
    if funding:
        sentence = _fill(rng.choice(_FUNDING_FR if lang == "fr" else _FUNDING_EN), rng, lang)
        paragraphs.insert(rng.randint(0, 2), sentence)
    return paragraphs


def _related(rng: random.Random, lang: str) -> list[str]:
    pool = _FR if lang == "fr" else _EN
    return [_fill(t, rng, lang).split(",")[0][:80] for t in rng.sample(pool, 8)]


def _teasers(related: list[str], lang: str, repeat: int) -> str:
    """A "more stories" grid: the deep, link-heavy markup that makes real pages slow to extract."""
    more = "Lire la suite" if lang == "fr" else "Read more"
    cards = []
    for k in range(repeat):
        for i, t in enumerate(related):
            cards.append(
                f'<div class="card"><div class="card-inner"><a href="/s/{k}/{i}">'
                f'<img src="/img/{k}-{i}.jpg" alt="" loading="lazy" width="320" height="180"></a>'
                f'<div class="card-body"><span class="kicker">Tech</span><h4><a href="/s/{k}/{i}">'
                f'{escape(t)}</a></h4><p class="meta"><span>{more}</span> · <time>2025</time></p>'
                "</div></div></div>"
            )
    return '<section class="more"><div class="grid">' + "\n".join(cards) + "</div></section>"


def render_page(
    title: str, paragraphs: list[str], related: list[str], lang: str, published: str, clutter: int = 5
) -> str:
    sections = _SECTIONS_FR if lang == "fr" else _SECTIONS_EN
    nav = "".join(f'<li><a href="/{s.lower()}">{escape(s)}</a></li>' for s in sections * 3)
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    rel = "".join(f'<li><a href="/r/{i}">{escape(t)}</a></li>' for i, t in enumerate(related))
    cookie = (
        "Nous utilisons des cookies pour améliorer votre expérience."
        if lang == "fr"
        else "We use cookies to improve your experience."
    )
    footer_links = "".join(f'<a href="/legal/{i}">{escape(s)}</a> ' for i, s in enumerate(sections))
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": published})
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{escape(title)} | Le Journal Tech</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{published}T07:00:00+00:00">
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">{ld}</script>
<script>{_SCRIPT * 4}</script>
</head>
<body>
<div class="cookie-banner">{cookie} <button>OK</button></div>
<header><nav><ul class="menu">{nav}</ul></nav>
<form class="search" action="/search"><input name="q"><button>Search</button></form></header>
<div class="ad ad-top"><script>{_SCRIPT}</script></div>
<main>
<article>
<h1>{escape(title)}</h1>
<p class="byline">Newsroom staff, <time datetime="{published}">{published}</time></p>
<div class="article-body">
{body}
</div>
<div class="share"><a href="/share/x">X</a> <a href="/share/li">LinkedIn</a>
<a href="/share/mail">Mail</a></div>
</article>
<aside><h3>{"À lire aussi" if lang == "fr" else "Related"}</h3><ul>{rel}</ul>
<div class="newsletter">{"Inscrivez-vous" if lang == "fr" else "Sign up"} <input name="email"></div></aside>
</main>
{_teasers(related, lang, clutter)}
<footer><nav>{footer_links}</nav><p>© 2025 Le Journal Tech. All rights reserved.</p>
<script>{_SCRIPT * 2}</script></footer>
</body>
</html>
"""


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


def feed_host(i: int, hosts: int) -> str:
    return f"127.0.0.{1 + i % hosts}"


def build_corpus(
    n_feeds: int, n_entries: int, *, port: int, hosts: int, seed: int, funding_share: float, clutter: int
) -> Corpus:
    """Deterministic: the server, the cycle and the trafilatura steps all build the same one."""
    rng = random.Random(seed)
    feeds: list[tuple[str, str, bytes]] = []
    items: list[Item] = []
    for i in range(n_feeds):
        base = f"http://{feed_host(i, hosts)}:{port}"
        lang = "fr" if i % 3 == 0 else "en"
        parts = []
        for j in range(n_entries):
            path = f"/a/{i}/{j}.html"
            funding = rng.random() < funding_share
            paragraphs = _paragraphs(rng, lang, funding)
            title = paragraphs[0].split(". ")[0].rstrip(".")[:110]
            if ENTITY not in title:
                title = f"{ENTITY} : {title}" if lang == "fr" else f"{ENTITY}: {title}"
            summary = paragraphs[1] if len(paragraphs) > 1 else paragraphs[0]
            published = T0 - timedelta(minutes=7 * (i * n_entries + j) % 20_000)
            day = published.date().isoformat()
            html = render_page(title, paragraphs, _related(rng, lang), lang, day, clutter)
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


def _response(status: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class _Route:
    etag: bytes
    last_modified: bytes
    ok: bytes
    not_modified: bytes


def _route(body: bytes, content_type: str) -> _Route:
    etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
    common = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Server": "bench"}
    ok = _response("200 OK", {**common, "Content-Type": content_type, "Content-Length": str(len(body))}, body)
    not_modified = _response("304 Not Modified", {**common, "Content-Length": "0"}, b"")
    return _Route(etag.encode(), LAST_MODIFIED.encode(), ok, not_modified)


class _Stats:
    def __init__(self) -> None:
        self.counts = {"200": 0, "304": 0, "404": 0}


_NOT_FOUND = _response("404 Not Found", {"Content-Length": "9", "Content-Type": "text/plain"}, b"not found")


class _Http(asyncio.Protocol):
    """Just enough HTTP/1.1 for GET with keep-alive; requests have no bodies."""

    def __init__(self, routes: dict[bytes, _Route], stats: _Stats, validators: bool) -> None:
        self.routes = routes
        self.stats = stats
        self.validators = validators
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            self._answer(head)

    def _answer(self, head: bytes) -> None:
        assert self.transport is not None
        lines = head.split(b"\r\n")
        request_line = lines[0].split(b" ")
        path = request_line[1] if len(request_line) > 1 else b"/"
        if path == b"/__stats":
            times = os.times()
            body = json.dumps({"cpu": times.user + times.system, **self.stats.counts}).encode()
            self.transport.write(_response("200 OK", {"Content-Length": str(len(body))}, body))
            return
        if_none_match = if_modified_since = None
        close = False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"if-none-match":
                if_none_match = value.strip()
            elif name == b"if-modified-since":
                if_modified_since = value.strip()
            elif name == b"connection":
                close = value.strip().lower() == b"close"
        route = self.routes.get(path)
        if route is None:
            self.stats.counts["404"] += 1
            self.transport.write(_NOT_FOUND)
        elif self.validators and (
            (if_none_match is not None and route.etag in if_none_match)
            or (if_none_match is None and if_modified_since == route.last_modified)
        ):
            self.stats.counts["304"] += 1
            self.transport.write(route.not_modified)
        else:
            self.stats.counts["200"] += 1
            self.transport.write(route.ok)
        if close:
            self.transport.close()


def serve(args: argparse.Namespace) -> None:
    corpus = build_corpus(
        args.feeds,
        args.entries,
        port=args.port,
        hosts=args.hosts,
        seed=args.seed,
        funding_share=args.funding_share,
        clutter=args.clutter,
    )
    routes = {
        path.encode(): _route(body, "application/rss+xml; charset=utf-8") for _, path, body in corpus.feeds
    }
    for item in corpus.items:
        routes[item.path.encode()] = _route(item.html, "text/html; charset=utf-8")
    del corpus
    stats = _Stats()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        hosts = sorted({feed_host(i, args.hosts) for i in range(args.feeds)})
        server = await loop.create_server(
            lambda: _Http(routes, stats, not args.no_validators), host=hosts, port=args.port, backlog=1024
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


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_stats(port: int) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats", timeout=10) as r:
        data: dict[str, float] = json.loads(r.read())
        return data


class Server:
    def __init__(self, args: argparse.Namespace, port: int) -> None:
        cmd = [sys.executable, __file__, "serve", "--port", str(port), *_corpus_args(args)]
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


# --------------------------------------------------------------------------- measuring


@dataclass
class Usage:
    wall: float
    cpu_self: float
    cpu_children: float

    @property
    def cpu(self) -> float:
        return self.cpu_self + self.cpu_children


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _live_children_cpu() -> float:
    """CPU seconds used so far by this process's live children (Linux /proc; 0 elsewhere)."""
    me, total = os.getpid(), 0.0
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == me:  # fields after "(comm)": state, ppid, ..., utime (12), stime (13)
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


@contextmanager
def measure() -> Iterator[Usage]:
    """Wall and CPU time of the block.

    Children's CPU counts once they have been reaped (so close pools inside the block); what
    children alive at the start had already used (a worker importing trafilatura) is left out.
    """
    usage = Usage(0.0, 0.0, 0.0)
    before_kids = _live_children_cpu()
    wall, me, kids = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    yield usage
    usage.wall = time.perf_counter() - wall
    usage.cpu_self = _cpu(resource.RUSAGE_SELF) - me
    usage.cpu_children = _cpu(resource.RUSAGE_CHILDREN) - kids - before_kids


def _maxrss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def _rss_now_mb() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return None


@contextmanager
def profiled(kind: str, out: Path | None, name: str) -> Iterator[None]:
    if kind == "none" or out is None:
        yield
        return
    out.mkdir(parents=True, exist_ok=True)
    if kind == "pyinstrument":
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001, async_mode="enabled")
        profiler.start()
        try:
            yield
        finally:
            profiler.stop()
            (out / f"{name}.txt").write_text(profiler.output_text(unicode=True, show_all=False))
            (out / f"{name}.html").write_text(profiler.output_html())
        return
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    try:
        yield
    finally:
        prof.disable()
        prof.dump_stats(out / f"{name}.prof")
        with open(out / f"{name}.txt", "w") as f:
            stats = pstats.Stats(prof, stream=f).sort_stats("tottime")
            stats.print_stats(40)
            stats.sort_stats("cumulative").print_stats(60)


# --------------------------------------------------------------------------- steps


def _settings(workdir: Path) -> Any:
    from watcher.config import settings_from_mapping

    data = json.loads((workdir / "config.json").read_text())
    return settings_from_mapping(data, workdir / "config.toml")


def _report_dict(report: Any) -> dict[str, Any]:
    outcomes: dict[str, int] = {}
    for f in report.feeds:
        outcomes[f.outcome] = outcomes.get(f.outcome, 0) + 1
    return {
        "outcomes": outcomes,
        "entries_new": report.entries_new,
        "articles_fetched": report.articles_fetched,
        "articles_from_summary": report.articles_from_summary,
        "facts": report.facts,
        "changes": len(report.changes),
        "alerts": report.alerts_enqueued,
    }


def _warm(pool: Any, workers: int) -> None:
    """Start the pool's workers before timing (each imports trafilatura, ~0.3-1 s)."""
    barrier = threading.Barrier(workers)
    html = render_page("Warm-up", ["Mistral AI " * 30], [], "en", "2025-01-01")

    def one() -> None:
        barrier.wait()
        pool.extract(html, "http://warm.example/")

    with ThreadPoolExecutor(workers) as ex:
        for f in [ex.submit(one) for _ in range(workers)]:
            f.result()


def step_cycle1(args: argparse.Namespace) -> dict[str, Any]:
    from watcher.articles import ExtractionPool
    from watcher.pipeline import load_baseline, run_cycle
    from watcher.store import Store

    workdir = Path(args.workdir)
    settings = _settings(workdir)
    out: dict[str, Any] = {}
    with Store(settings.db) as store:
        with measure() as base:
            docs = load_baseline(settings, store, now=T0)
        out["baseline"] = {"documents": len(docs), "wall": base.wall}
        workers = args.workers or os.cpu_count() or 2
        pool = ExtractionPool(settings.http, workers=workers)
        _warm(pool, workers)
        with measure() as usage:
            with profiled(args.profile, Path(args.profile_dir) if args.profile_dir else None, "cycle1"):
                report = run_cycle(settings, store=store, now=T0, force=True, pool=pool)
            pool.close()  # the workers' CPU is counted once they are reaped
    out.update(
        report=_report_dict(report),
        workers=workers,
        wall=usage.wall,
        cpu_self=usage.cpu_self,
        cpu_children=usage.cpu_children,
        maxrss_mb=_maxrss_mb(resource.RUSAGE_SELF),
        children_maxrss_mb=_maxrss_mb(resource.RUSAGE_CHILDREN),
    )
    return out


def step_cycle2(args: argparse.Namespace) -> dict[str, Any]:
    import tracemalloc

    from watcher.pipeline import run_cycle
    from watcher.store import Store

    workdir = Path(args.workdir)
    settings = _settings(workdir)
    out: dict[str, Any] = {}
    with Store(settings.db) as store:
        out["rss_before_mb"] = _rss_now_mb()
        profile_dir = Path(args.profile_dir) if args.profile_dir else None
        before = _server_stats(args.port)
        with measure() as usage, profiled(args.profile, profile_dir, "cycle2"):
            report = run_cycle(settings, store=store, now=T0 + timedelta(hours=1), force=True)
        after = _server_stats(args.port)
        out["server_cpu_timed"] = after["cpu"] - before["cpu"]
        out.update(
            report=_report_dict(report),
            wall=usage.wall,
            cpu_self=usage.cpu_self,
            cpu_children=usage.cpu_children,
            maxrss_mb=_maxrss_mb(resource.RUSAGE_SELF),
            children_maxrss_mb=_maxrss_mb(resource.RUSAGE_CHILDREN),
        )
        if not args.no_tracemalloc:
            tracemalloc.start()
            run_cycle(settings, store=store, now=T0 + timedelta(hours=2), force=True)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            out["heap_peak_mb"] = peak / 2**20
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def step_trafilatura(args: argparse.Namespace) -> dict[str, Any]:
    import logging

    from watcher.articles import ExtractionPool, extract_article_now
    from watcher.settings import HttpSettings

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    corpus = build_corpus(
        args.feeds,
        args.entries,
        port=args.port,
        hosts=args.hosts,
        seed=args.seed,
        funding_share=args.funding_share,
        clutter=args.clutter,
    )
    pages = [(item.html, item.url) for item in corpus.items]
    del corpus
    ctype = "text/html; charset=utf-8"
    out: dict[str, Any] = {"pages": len(pages), "page_kb": statistics.mean(len(h) for h, _ in pages) / 1024}

    extract_article_now(pages[0][0], pages[0][1], ctype)  # imports and caches, untimed
    per_page: list[float] = []
    empty = 0
    sample = pages[:: max(1, len(pages) // args.serial_sample)] if args.serial_sample else pages
    out["serial_pages"] = len(sample)
    with measure() as serial:
        for html, url in sample:
            started = time.perf_counter()
            if extract_article_now(html, url, ctype) is None:
                empty += 1
            per_page.append(time.perf_counter() - started)
    out["serial"] = {
        "wall": serial.wall,
        "cpu": serial.cpu,
        "p50_ms": 1000 * statistics.median(per_page),
        "p99_ms": 1000 * _percentile(per_page, 0.99),
        "max_ms": 1000 * max(per_page),
        "empty": empty,
    }

    workers = args.workers or os.cpu_count() or 2
    pool = ExtractionPool(HttpSettings(), workers=workers)
    _warm(pool, workers)
    with measure() as parallel:
        with ThreadPoolExecutor(workers) as ex:
            list(ex.map(lambda p: pool.extract(p[0], p[1], ctype), pages))
        pool.close()
    out["parallel"] = {"workers": workers, "wall": parallel.wall, "cpu": parallel.cpu}
    return out


# --------------------------------------------------------------------------- orchestration


def _corpus_args(args: argparse.Namespace) -> list[str]:
    return [
        "--feeds",
        str(args.feeds),
        "--entries",
        str(args.entries),
        "--hosts",
        str(args.hosts),
        "--seed",
        str(args.seed),
        "--funding-share",
        str(args.funding_share),
        "--clutter",
        str(args.clutter),
    ]


def _run_step(name: str, args: argparse.Namespace, workdir: Path, port: int) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        name,
        "--workdir",
        str(workdir),
        "--port",
        str(port),
        "--workers",
        str(args.workers),
        "--profile",
        args.profile,
        *_corpus_args(args),
    ]
    if args.profile_dir:
        cmd += ["--profile-dir", args.profile_dir]
    if args.no_tracemalloc:
        cmd.append("--no-tracemalloc")
    cmd += ["--serial-sample", str(args.serial_sample)]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _write_config(args: argparse.Namespace, workdir: Path, port: int) -> None:
    shutil.copytree(REPO / "seeds", workdir / "seeds")
    urls = [f"http://{feed_host(i, args.hosts)}:{port}/f/{i}.xml" for i in range(args.feeds)]
    data: dict[str, Any] = {
        "watcher": {"db": "state/watcher.db", "interval": "15m", "base_currency": "EUR"},
        "entities": [{"name": ENTITY, "aliases": ["Mistral"], "seeds": "seeds"}],
        "feeds": [{"url": u, "name": f"feed {i}"} for i, u in enumerate(urls)],
        "http": {"concurrency": args.concurrency, "allow_private": ["127.0.0.0/8"]},  # the local server
    }
    (workdir / "config.json").write_text(json.dumps(data))


def _server_share(before: dict[str, float], after: dict[str, float], usage_cpu: float, wall: float) -> str:
    cpu = after["cpu"] - before["cpu"]
    total = cpu + usage_cpu
    return (
        f"server CPU {cpu:.2f} s = {100 * cpu / total if total else 0:.0f} % of all CPU used, "
        f"{100 * cpu / wall if wall else 0:.0f} % of one core over the wall time"
    )


def run(args: argparse.Namespace) -> None:
    port = args.port or _free_port()
    workdir = Path(tempfile.mkdtemp(prefix="watcher-bench-"))
    _write_config(args, workdir, port)
    cores = os.cpu_count() or 1
    n_articles = args.feeds * args.entries
    print(
        f"watcher pipeline benchmark: {args.feeds} feeds x {args.entries} entries = {n_articles} articles, "
        f"{args.hosts} hosts, {cores} cores, concurrency {args.concurrency}",
        flush=True,
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(
        f"  load average before starting: {load:.2f}"
        + ("  (busy machine: figures will suffer)" if load > 0.5 else "")
    )
    server: Server | None = None
    results: dict[str, Any] = {"feeds": args.feeds, "entries": args.entries, "cores": cores}
    try:
        started = time.perf_counter()
        server = Server(args, port)
        print(f"  news server ready in {time.perf_counter() - started:.1f} s (pid {server.process.pid})")

        def step(name: str) -> dict[str, Any]:
            assert server is not None
            before = server.stats()
            result = _run_step(name, args, workdir, port)
            after = server.stats()
            result["server_cpu"] = after["cpu"] - before["cpu"]
            result["server_requests"] = {k: after[k] - before[k] for k in ("200", "304", "404")}
            return result

        c1 = results["cycle1"] = step("cycle1")
        r1 = c1["report"]
        cpu1 = c1["cpu_self"] + c1["cpu_children"]
        arts = max(1, r1["articles_fetched"])
        print("\ncycle 1 (everything new)")
        print(f"  baseline: {c1['baseline']['documents']} seed documents in {c1['baseline']['wall']:.2f} s")
        print(
            f"  outcomes {r1['outcomes']}, entries new {r1['entries_new']}, articles {r1['articles_fetched']}"
        )
        print(
            f"  (from summary {r1['articles_from_summary']}), facts {r1['facts']}, changes {r1['changes']}, "
            f"alerts {r1['alerts']}"
        )
        rate = f"{args.feeds / c1['wall']:.1f} feeds/s, {arts / c1['wall']:.1f} articles/s"
        print(f"  wall {c1['wall']:.2f} s: {rate}")
        print(f"  = {60 * arts / c1['wall']:.0f} articles/min (target >= 2500 on 2 cores)")
        print(f"  per article: {1000 * c1['wall'] / arts:.2f} ms wall, {1000 * cpu1 / arts:.2f} ms CPU")
        print(
            f"    (main process {c1['cpu_self']:.1f} s CPU, "
            f"{c1['workers']} extraction workers {c1['cpu_children']:.1f} s)"
        )
        print(f"  peak RSS: main {c1['maxrss_mb']:.0f} MB, largest worker {c1['children_maxrss_mb']:.0f} MB")
        print(f"  {_server_share({'cpu': 0}, {'cpu': c1['server_cpu']}, cpu1, c1['wall'])}")
        print(f"  server requests {c1['server_requests']}", flush=True)

        c2 = results["cycle2"] = step("cycle2")
        r2 = c2["report"]
        cpu2 = c2["cpu_self"] + c2["cpu_children"]
        print("\ncycle 2 (everything unchanged, force=True), fresh process")
        print(
            f"  outcomes {r2['outcomes']}, entries new {r2['entries_new']}, articles {r2['articles_fetched']}"
        )
        print(
            f"  wall {c2['wall']:.3f} s (target < 1 s), {args.feeds / c2['wall']:.0f} feeds/s, "
            f"CPU {cpu2:.3f} s, {1000 * cpu2 / args.feeds:.2f} ms CPU per feed"
        )
        heap = f", Python heap peak {c2['heap_peak_mb']:.1f} MB (tracemalloc)" if "heap_peak_mb" in c2 else ""
        rss_before = c2["rss_before_mb"]
        print(
            f"  peak RSS {c2['maxrss_mb']:.0f} MB (target < 100 MB; {rss_before:.0f} MB after imports "
            f"and opening the store){heap}"
        )
        print(f"  {_server_share({'cpu': 0}, {'cpu': c2['server_cpu_timed']}, cpu2, c2['wall'])}")
        print(f"  server requests {c2['server_requests']} (the tracemalloc cycle included)", flush=True)

        if not args.skip_trafilatura:
            tr = results["trafilatura"] = step("trafilatura")
            s, p = tr["serial"], tr["parallel"]
            n, ns = tr["pages"], tr["serial_pages"]
            print(
                f"\ntrafilatura alone (extract_article_now), same {n} pages, "
                f"{tr['page_kb']:.1f} KB each on average"
            )
            print(
                f"  serial ({ns} pages): {1000 * s['wall'] / ns:.2f} ms/page wall, "
                f"{1000 * s['cpu'] / ns:.2f} ms CPU; "
                f"p50 {s['p50_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms, max {s['max_ms']:.1f} ms; "
                f"{s['empty']} without text"
            )
            print(
                f"  pool of {p['workers']}: {p['wall']:.2f} s wall = {1000 * p['wall'] / n:.2f} ms/page, "
                f"{60 * n / p['wall']:.0f} pages/min, {1000 * p['cpu'] / n:.2f} ms CPU/page"
            )
            wall_ratio = (c1["wall"] / arts) / (p["wall"] / n)
            cpu_ratio = (cpu1 / arts) / (s["cpu"] / ns)
            results["ratio"] = {"wall": wall_ratio, "cpu": cpu_ratio}
            print("\npipeline / trafilatura alone, per article (target <= 1.25)")
            print(f"  wall, both with {p['workers']} workers: {wall_ratio:.2f}")
            print(f"  CPU (pipeline main + workers vs serial extraction): {cpu_ratio:.2f}")
        if hasattr(os, "getloadavg"):
            print(f"\nload average at the end (1 min, incl. this benchmark): {os.getloadavg()[0]:.2f}")
    finally:
        if server is not None:
            server.close()
        if args.keep:
            print(f"\nkept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "step", nargs="?", default="run", choices=["run", "serve", "cycle1", "cycle2", "trafilatura"]
    )
    parser.add_argument("--feeds", type=int, default=500, help="number of feeds (default 500)")
    parser.add_argument("--entries", type=int, default=30, help="entries per feed (default 30)")
    parser.add_argument("--hosts", type=int, default=50, help="loopback addresses to spread feeds over")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the generated pages")
    parser.add_argument(
        "--funding-share", type=float, default=0.1, help="share of pages with a funding sentence"
    )
    parser.add_argument(
        "--clutter", type=int, default=8, help="teaser blocks per page: page weight (8: ~33 KB, ~30 ms)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=16, help="[http] concurrency (watcher's default 16)"
    )
    parser.add_argument("--workers", type=int, default=0, help="extraction workers (default: the cores)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--profile", choices=["none", "cprofile", "pyinstrument"], default="none")
    parser.add_argument("--profile-dir", default="", help="where profiles of the two cycles are written")
    parser.add_argument("--skip-trafilatura", action="store_true", help="skip the trafilatura-alone step")
    parser.add_argument(
        "--serial-sample", type=int, default=0, help="time serial extraction on ~this many pages (0: all)"
    )
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the tracemalloc heap measurement")
    parser.add_argument("--no-validators", action="store_true", help="server ignores ETag/Last-Modified")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, config)")
    parser.add_argument("--json", default="", help="also write the figures to this JSON file")
    parser.add_argument("--workdir", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    steps: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
        "cycle1": step_cycle1,
        "cycle2": step_cycle2,
        "trafilatura": step_trafilatura,
    }
    if args.step == "run":
        run(args)
    elif args.step == "serve":
        serve(args)
    else:
        print(json.dumps(steps[args.step](args)), flush=True)


if __name__ == "__main__":
    main()
