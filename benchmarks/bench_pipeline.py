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
import hashlib
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


def _paragraphs(rng: random.Random, lang: str, funding: bool, figures: int = 1) -> list[str]:
    """``figures``: funding sentences (each with amounts) in a page that has any."""
    pool = _FR if lang == "fr" else _EN
    paragraphs = []
    for _ in range(rng.randint(7, 11)):
        paragraphs.append(" ".join(_fill(t, rng, lang) for t in rng.sample(pool, rng.randint(2, 4))))
    if funding:
        for k in range(figures):
            sentence = _fill(rng.choice(_FUNDING_FR if lang == "fr" else _FUNDING_EN), rng, lang)
            paragraphs.insert(rng.randint(0, 2 + 3 * k), sentence)
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


def _app_state(related: list[str], script_kb: int) -> str:
    """An inline JSON blob of about ``script_kb`` KB, as framework-rendered news sites embed
    (page state, ad and tracking configuration): weight that trafilatura drops cheaply."""
    if script_kb <= 0:
        return ""
    stories = [
        {"id": i, "headline": t, "kicker": "Tech", "image": f"/img/{i}.jpg"} for i, t in enumerate(related)
    ]
    chunk = json.dumps({"stories": stories, "ads": {"slots": ["top", "side", "bottom"], "refresh": 30}})
    copies = max(1, script_kb * 1024 // len(chunk))
    blob = "[" + ",".join([chunk] * copies) + "]"
    return f'<script id="__APP_STATE__" type="application/json">{blob}</script>'


def render_page(
    title: str,
    paragraphs: list[str],
    related: list[str],
    lang: str,
    published: str,
    clutter: int = 5,
    script_kb: int = 0,
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
{_app_state(related, script_kb)}
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
        base = f"http://{feed_host(i, hosts)}:{port}"
        lang = "fr" if i % 3 == 0 else "en"
        parts = []
        for j in range(n_entries):
            path = f"/a/{i}/{j}.html"
            funding = rng.random() < funding_share
            paragraphs = _paragraphs(rng, lang, funding, figures)
            title = paragraphs[0].split(". ")[0].rstrip(".")[:110]
            if ENTITY not in title:
                title = f"{ENTITY} : {title}" if lang == "fr" else f"{ENTITY}: {title}"
            summary = paragraphs[1] if len(paragraphs) > 1 else paragraphs[0]
            published = T0 - timedelta(minutes=7 * (i * n_entries + j) % 20_000)
            day = published.date().isoformat()
            related = _related(rng, lang)
            render = keep is None or len(items) in keep
            html = render_page(title, paragraphs, related, lang, day, clutter, script_kb) if render else ""
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
        path.encode(): _route(body, "application/rss+xml; charset=utf-8") for _, path, body in corpus.feeds
    }
    for item in corpus.items:
        routes[item.path.encode()] = _route(item.html, "text/html; charset=utf-8")
    del corpus
    stats = _Stats()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        hosts = sorted({feed_host(i, int(args.hosts)) for i in range(args.feeds)})
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
    from watcher.articles import extract_article_now
    from watcher.facts import extract_facts

    ctype = "text/html; charset=utf-8"
    started = time.process_time()
    traf: list[float] = []
    reading: list[float] = []
    facts: list[float] = []
    empty = n_facts = 0
    for html, url, day in _PAGES[part::parts]:
        c0 = time.process_time()
        trafilatura_alone(html, url)
        c1 = time.process_time()
        article = extract_article_now(html, url, ctype)
        c2 = time.process_time()
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


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def _write_config(args: argparse.Namespace, folder: Path, port: int, hosts: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "seeds", folder / "seeds", dirs_exist_ok=True)
    lines = ["[watcher]", 'db = "state/watcher.db"', 'interval = "15m"', 'base_currency = "EUR"', ""]
    lines += ["[http]", 'allow_private = ["127.0.0.0/8"]']  # the local server; the netguard refuses it else
    if args.concurrency:
        lines.append(f"concurrency = {args.concurrency}")
    lines += ["", "[[entities]]", f'name = "{ENTITY}"', 'aliases = ["Mistral"]', 'seeds = "seeds"']
    for i in range(args.feeds):
        url = f"http://{feed_host(i, hosts)}:{port}/f/{i}.xml"
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

    load = _load()
    samples = [load]
    stop = threading.Event()

    def sample() -> None:  # a cycle of minutes sees the load move: keep its highest value
        while not stop.wait(5.0):
            samples.append(_load())

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
    load = _load()
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
    port = args.port or _free_port()
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
        wall_ratio = traf_rate / (60 * arts / c1.wall) if arts else float("inf")
        out["ratio"] = {"cpu": cpu_ratio, "wall": wall_ratio, "cpu_vs_own_reading": own_ratio}
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
    finally:
        server.close()
    return out


def run(args: argparse.Namespace) -> None:
    from bench_vs_urlwatch import Launcher

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
    print(f"  load average before starting: {_load():.2f}")
    folder = Path(tempfile.mkdtemp(prefix="watcher-bench-"))
    launcher = Launcher(folder)
    results: dict[str, Any] = {"feeds": args.feeds, "entries": args.entries, "cores": os.cpu_count()}
    try:
        results["layouts"] = [one_layout(args, launcher, hosts, folder) for hosts in layouts]
        print(f"\nload average at the end (1 min, incl. this benchmark): {_load():.2f}")
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
