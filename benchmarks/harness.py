"""What the benchmarks share: invented news (pages, feeds), a small HTTP server, the tracked
companies and their configuration, and a launcher that measures a fresh process alone.

Each benchmark imports this module and no other benchmark (issue 18, item 8): before, they
imported each other in a loop (bench_history -> bench_pipeline -> bench_vs_urlwatch ->
bench_history). Not a benchmark itself; nothing here measures or prints.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
WATCHER = REPO / ".venv" / "bin" / "watcher"
ENTITY = "Mistral AI"
LAST_MODIFIED = "Wed, 10 Sep 2025 08:00:00 GMT"


# --------------------------------------------------------------------------- invented news


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


def article_paragraphs(rng: random.Random, lang: str, funding: bool, figures: int = 1) -> list[str]:
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


def related_titles(rng: random.Random, lang: str) -> list[str]:
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


def feed_host(i: int, hosts: int) -> str:
    return f"127.0.0.{1 + i % hosts}"


# --------------------------------------------------------------------------- the HTTP server


def http_response(status: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class Route:
    etag: bytes
    last_modified: bytes
    ok: bytes
    not_modified: bytes


def route(body: bytes, content_type: str) -> Route:
    etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
    common = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Server": "bench"}
    ok = http_response(
        "200 OK", {**common, "Content-Type": content_type, "Content-Length": str(len(body))}, body
    )
    not_modified = http_response("304 Not Modified", {**common, "Content-Length": "0"}, b"")
    return Route(etag.encode(), LAST_MODIFIED.encode(), ok, not_modified)


class Stats:
    def __init__(self) -> None:
        self.counts = {"200": 0, "304": 0, "404": 0}


_NOT_FOUND = http_response(
    "404 Not Found", {"Content-Length": "9", "Content-Type": "text/plain"}, b"not found"
)


class Http(asyncio.Protocol):
    """Just enough HTTP/1.1 for GET with keep-alive; requests have no bodies."""

    def __init__(self, routes: dict[bytes, Route], stats: Stats, validators: bool) -> None:
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
            self.transport.write(http_response("200 OK", {"Content-Length": str(len(body))}, body))
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --------------------------------------------------------------------------- tracked companies


TRACKED = ENTITY
# Invented companies: tracked too, so that status and each decision read 20 entities' state.
OTHERS = [
    "Aurelia Robotics",
    "Brightwave Energy",
    "Corvane Health",
    "Dunmore Analytics",
    "Elbrook Payments",
    "Fennick Bio",
    "Galvora Mobility",
    "Harrowgate Security",
    "Isoline Materials",
    "Jorvik Logistics",
    "Kestrine Foods",
    "Lumaris Space",
    "Morrow Quantum",
    "Nordhaven Insurance",
    "Ostrava Chips",
    "Pellucid Vision",
    "Quillon Legal",
    "Rosmarin Climate",
    "Sablewood Games",
]
ENTITIES = [TRACKED, *OTHERS]
RSS_TYPE = "application/rss+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


# --------------------------------------------------------------------------- the news server


class NewsServer:
    """``Http`` over a routing table this process can change while serving, in a thread.

    ``handler``: the protocol class serving each connection (a subclass may count more).
    """

    def __init__(
        self, n_feeds: int, items: int, hosts: int, port: int, handler: type[Http] | None = None
    ) -> None:
        protocol = handler or Http
        self.n_feeds, self.items, self.hosts, self.port = n_feeds, items, hosts, port
        self.routes: dict[bytes, Route] = {}
        self.stats = Stats()
        for i in range(n_feeds):
            self.routes[f"/f/{i}.xml".encode()] = route(self._rss(i, []), RSS_TYPE)
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        addresses = sorted({feed_host(i, hosts) for i in range(max(n_feeds, hosts))})

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            self.server = self.loop.run_until_complete(
                self.loop.create_server(
                    lambda: protocol(self.routes, self.stats, True), host=addresses, port=port, backlog=1024
                )
            )
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait(30)

    def feed_url(self, i: int) -> str:
        return f"http://{feed_host(i, self.hosts)}:{self.port}/f/{i}.xml"

    def _rss(self, i: int, extra: list[str]) -> bytes:
        base = f"http://{feed_host(i, self.hosts)}:{self.port}"
        parts = list(extra)
        for j in range(self.items):
            published = datetime(2026, 1, 1, tzinfo=UTC) - timedelta(hours=j + i % 24)
            link = f"{base}/misc/{i}/{j}.html"
            parts.append(
                f"<item><title>Markets wrap {i}.{j}: shares edge higher as rates hold</title>"
                f'<link>{link}</link><guid isPermaLink="false">misc-{i}-{j}</guid>'
                "<description>Stocks ended the session slightly higher; bond yields were flat.</description>"
                f"<pubDate>{format_datetime(published)}</pubDate></item>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>News feed {i}</title><link>{base}/</link><description>General news</description>"
            + "\n".join(parts)
            + "</channel></rss>\n"
        ).encode()

    def publish(self, batch: int, count: int, now: datetime) -> None:
        """Put ``count`` new articles naming the tracked entity, with funding figures, in feed 0."""
        rng = random.Random(batch)
        extra = []
        for k in range(count):
            host = feed_host(1 + k, self.hosts)  # several sites: the per-host limit does not queue them
            path = f"/news/{batch}/{k}.html"
            url = f"http://{host}:{self.port}{path}"
            paragraphs = article_paragraphs(rng, "en", funding=True)
            title = f"{TRACKED}: " + paragraphs[0].split(". ")[0].rstrip(".")[:100]
            published = now - timedelta(minutes=5 * k + 1)
            html = render_page(
                title, paragraphs, related_titles(rng, "en"), "en", published.date().isoformat(), 2
            )
            self.routes[path.encode()] = route(html.encode(), HTML_TYPE)
            extra.append(
                f"<item><title>{escape(title)}</title><link>{escape(url)}</link>"
                f'<guid isPermaLink="false">news-{batch}-{k}</guid>'
                f"<description>{escape(paragraphs[1])}</description>"
                f"<pubDate>{format_datetime(published)}</pubDate></item>"
            )
        self.routes[b"/f/0.xml"] = route(self._rss(0, extra), RSS_TYPE)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


# --------------------------------------------------------------------------- configuration


def write_config(folder: Path, server: NewsServer, allow_private: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "seeds", folder / "seeds", dirs_exist_ok=True)
    lines = [
        "[watcher]",
        'db = "state/watcher.db"',
        'interval = "15m"',
        'base_currency = "EUR"',
        "",
        "[http]",
        "concurrency = 16",
    ]
    if allow_private:
        lines.append('allow_private = ["127.0.0.0/8"]')
    lines += ["", "[[entities]]", f'name = "{TRACKED}"', 'aliases = ["Mistral"]', 'seeds = "seeds"']
    for name in OTHERS:
        lines += ["", "[[entities]]", f'name = "{name}"']
    for i in range(server.n_feeds):
        lines += ["", "[[feeds]]", f'url = "{server.feed_url(i)}"', f'name = "feed {i}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


# --------------------------------------------------------------------------- a fresh process


# os.wait4's ru_maxrss of a child counts the memory of the process it was forked from (Linux
# keeps the high-water mark across fork and exec), so the timed commands are started by this
# small process, started before this one builds anything, not by the benchmark itself.
LAUNCHER = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    job = json.loads(line)
    with open(job["out"], "wb") as out, open(job["err"], "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(job["argv"], stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                      "maxrss": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status)}), flush=True)
"""


class Launcher:
    """Runs argv in a fresh process started by a small launcher; ``os.wait4`` measures it alone."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, argv: list[str]) -> tuple[dict[str, Any], str, str]:
        """What the launcher measured (wall, cpu, maxrss, code), and the process's stdout and stderr."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        out, err = self.folder / "stdout", self.folder / "stderr"
        self.proc.stdin.write(json.dumps({"argv": argv, "out": str(out), "err": str(err)}) + "\n")
        self.proc.stdin.flush()
        done: dict[str, Any] = json.loads(self.proc.stdout.readline())
        return done, out.read_text(errors="replace"), err.read_text(errors="replace")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(10)


def load() -> float:
    """The 1-minute load average, printed beside each figure: on a shared machine, read them with it."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


# --------------------------------------------------------------------------- a big history
# Months of history written straight into SQLite: bench_history.py measures the CLI on it,
# bench_serve.py the review page.


@dataclass(frozen=True)
class Shape:
    entries: int
    documents: int
    facts: int
    heads: int
    days: int


_SITES = [f"news{i}.example" for i in range(200)]
_ROUNDS = ["seed", "series_a", "series_b", "series_c", "series_d", "series_e", "extension", "growth"]
_FACT_COLUMNS = (
    "id, entity_id, document_id, kind, amount, currency, approx, round, lead_investors, investors,"
    " status, evidence, equivalent_amount, equivalent_currency, bound, basis, context, period, baseline,"
    " corroborates, created_at, confidence, reasons, state, note, base_amount, pending_until, outcome"
)
_EVIDENCE = (
    "{name} said on Tuesday it had raised {amount} in a round led by existing investors, "
    "bringing the total it has raised since it was founded to a figure it did not disclose."
)


@dataclass(frozen=True)
class Head:
    id: int
    entity_id: int
    kind: str
    amount: int
    currency: str
    round: str | None
    status: str
    period: str
    context: str


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def _head(rng: random.Random, fact_id: int, entity_id: int, k: int, scale: float, when: datetime) -> Head:
    kind = rng.choices(["valuation", "funding_round", "total_raised"], [45, 45, 10])[0]
    amount = scale * 1.02**k * rng.uniform(0.8, 1.2) * (4 if kind == "valuation" else 1)
    amount = float(f"{amount:.3g}")
    return Head(
        id=fact_id,
        entity_id=entity_id,
        kind=kind,
        amount=int(amount),
        currency="EUR" if rng.random() < 0.6 else "USD",
        round=rng.choice(_ROUNDS) if kind == "funding_round" else None,
        status=rng.choices(["announced", "reported", "rumoured"], [70, 20, 10])[0],
        period=when.date().isoformat(),
        context="background" if rng.random() < 0.1 else "main",
    )


def build_history(
    db: Path, shape: Shape, feed_urls: list[str], now: datetime, seed: int = 7
) -> dict[str, int]:
    """Write months of history into a database that holds the seed baseline; one transaction."""
    rng = random.Random(seed)
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -200000")
    start = now - timedelta(days=shape.days)
    span = timedelta(days=shape.days - 1)

    def at(i: int, n: int) -> datetime:
        return start + span * (i / max(1, n))

    conn.execute("BEGIN")
    entity_ids = []
    for name in ENTITIES:
        conn.execute("INSERT OR IGNORE INTO entities (name, aliases) VALUES (?, '[]')", (name,))
        entity_ids.append(int(conn.execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchone()[0]))
    conn.executemany(
        "INSERT OR IGNORE INTO feeds (url, name, last_success, last_attempt, entries_seen)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (u, f"feed {i}", _iso(now - timedelta(days=1)), _iso(now - timedelta(days=1)), 0)
            for i, u in enumerate(feed_urls)
        ],
    )
    doc0 = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM documents").fetchone()[0]) + 1
    fact0 = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM facts").fetchone()[0]) + 1

    def doc_url(i: int) -> str:
        when = at(i, shape.documents)
        return f"https://{_SITES[i % len(_SITES)]}/{when:%Y/%m}/story-{i}.html"

    def documents() -> Iterator[tuple[object, ...]]:
        for i in range(shape.documents):
            when = at(i, shape.documents)
            yield (
                doc0 + i,
                doc_url(i),
                f"Funding news item {i}",
                when.date().isoformat(),
                _iso(when),
                f"{i:016x}",
                "fr" if i % 3 == 0 else "en",
                "feed",
                "summary" if i % 20 == 0 else "page",
                feed_urls[i % len(feed_urls)],
            )

    conn.executemany(
        "INSERT INTO documents (id, url, title, published, fetched, text_hash, language, source,"
        " text_source, feed_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        documents(),
    )

    def entries() -> Iterator[tuple[object, ...]]:
        for i in range(shape.entries):
            when = at(i, shape.entries)
            has_doc = i < shape.documents
            yield (
                feed_urls[i % len(feed_urls)],
                f"hist-{i}",
                doc_url(i) if has_doc else f"https://{_SITES[i % len(_SITES)]}/misc/{i}.html",
                f"Headline {i}",
                _iso(when - timedelta(hours=1)),
                _iso(when),
                int(has_doc),
                doc0 + i if has_doc else None,
            )

    conn.executemany(
        "INSERT INTO entries (feed_url, key, link, title, published, seen_at, relevant, document_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entries(),
    )
    conn.execute(
        "UPDATE feeds SET entries_seen = (SELECT COUNT(*) FROM entries e WHERE e.feed_url = feeds.url)"
    )

    # Facts in time order: an event's head first, then its re-reports, mostly of recent events.
    stride = max(1, shape.facts // max(1, shape.heads))
    scales = [10 ** rng.uniform(7, 9.5) for _ in ENTITIES]
    heads: list[Head] = []
    counts = {"heads": 0, "mentions": 0, "conflicts": 0, "pending": 0}

    def facts() -> Iterator[tuple[object, ...]]:
        for i in range(shape.facts):
            when = at(i, shape.facts)
            fid = fact0 + i
            doc = doc0 + i % shape.documents
            reasons = '["named in the title", "verb: raised"]'
            if i % stride == 0 or not heads:
                k = len(heads)
                e = k % len(ENTITIES)
                h = _head(rng, fid, entity_ids[e], k // len(ENTITIES), scales[e], when)
                heads.append(h)
                counts["heads"] += 1
                state = rng.choices(["active", "implausible", "rejected", "pending"], [970, 15, 5, 10])[0]
                counts["pending"] += state == "pending"
                amount, corroborates, outcome = h.amount, None, "change"
            else:
                h = heads[max(0, len(heads) - 1 - min(len(heads) - 1, int(rng.expovariate(1 / 4))))]
                conflict = rng.random() < 0.01
                counts["conflicts"] += conflict
                counts["mentions"] += 1
                amount = int(h.amount * 1.3) if conflict else h.amount
                corroborates, outcome = h.id, "conflict" if conflict else "corroborates"
                state = rng.choices(["active", "dropped", "implausible", "rejected"], [980, 10, 8, 2])[0]
            base = amount if h.currency == "EUR" else amount * 0.92
            yield (
                fid,
                h.entity_id,
                doc,
                h.kind,
                str(amount),
                h.currency,
                int(i % 7 == 0),
                h.round,
                '["Lead Capital"]' if h.kind == "funding_round" else "[]",
                "[]",
                h.status,
                _EVIDENCE.format(name=ENTITIES[entity_ids.index(h.entity_id)], amount=f"{amount:,}"),
                None,
                None,
                None,
                None,
                h.context,
                h.period,
                0,
                corroborates,
                _iso(when),
                round(rng.uniform(0.55, 1.0), 2),
                reasons,
                state,
                "",
                float(base),
                _iso(now + timedelta(days=365)) if state == "pending" else None,
                outcome,
            )

    conn.executemany(f"INSERT INTO facts ({_FACT_COLUMNS}) VALUES ({', '.join('?' * 28)})", facts())
    # Written around the store, so its heads' source counts are counted here, as the migration
    # that keeps them counts those of a database made before.
    from watcher.schema import SOURCE_COUNTS_FILL

    conn.execute(SOURCE_COUNTS_FILL)

    # Changes: most valuation and round heads were alerted, a few corrected; two channels each.
    change_rows = []
    for h in heads:
        if h.kind == "total_raised" or rng.random() > 0.6:
            continue
        change_rows.append(h)
    change0 = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM changes").fetchone()[0]) + 1
    changes = []
    outbox = []
    for n, h in enumerate(change_rows):
        cid = change0 + n
        detected = datetime.fromisoformat(h.period).replace(tzinfo=UTC) + timedelta(hours=n % 24)
        corrects = cid - 1 if n and rng.random() < 0.03 else None
        changes.append(
            (
                cid,
                h.entity_id,
                h.id,
                "valuation_change" if h.kind == "valuation" else "new_round",
                h.kind,
                h.status,
                h.round,
                str(h.amount),
                h.currency,
                h.period,
                str(h.amount),
                "EUR",
                f"https://{_SITES[n % len(_SITES)]}/change/{n}.html",
                f"Change {n}",
                _EVIDENCE.format(name=ENTITIES[entity_ids.index(h.entity_id)], amount=f"{h.amount:,}"),
                _iso(detected),
                corrects,
            )
        )
        for channel in ("email", "slack"):
            dead = rng.random() < 0.01
            outbox.append(
                (
                    channel,
                    cid,
                    "dead" if dead else "sent",
                    1,
                    _iso(detected),
                    "connection refused" if dead else None,
                    _iso(detected),
                    None if dead else _iso(detected),
                )
            )
    conn.executemany(
        "INSERT INTO changes (id, entity_id, fact_id, kind, fact_kind, status, round, new_amount,"
        " new_currency, new_date, new_base_amount, base_currency, url, title, evidence, detected_at,"
        " corrects) VALUES (" + ", ".join("?" * 17) + ")",
        changes,
    )
    conn.executemany(
        "INSERT INTO outbox (channel, change_id, status, attempts, next_attempt, last_error, created_at,"
        " sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        outbox,
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {**counts, "changes": len(changes), "outbox": len(outbox)}


# --------------------------------------------------------------------------- a throwaway PostgreSQL


class Postgres:
    """A PostgreSQL server in a temporary folder on a free port (initdb and pg_ctl from
    ``pg_config --bindir``, as the ``postgres`` user when run as root), stopped by ``close``.
    The same steps as tests/pgserver.py, kept here so a benchmark imports nothing of the tests."""

    def __init__(self) -> None:
        import tempfile

        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout
        self.bindir = Path(out.strip())
        self.root = Path(tempfile.mkdtemp(prefix="watcher-bench-pg-"))
        os.chmod(self.root, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.port = free_port()
        self._run("initdb", "-D", str(self.root / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        # Durable settings (fsync on), unlike the tests' server: the figures are a real server's.
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._run(
            "pg_ctl",
            "-D",
            str(self.root / "data"),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )
        self._n = 0

    def _run(self, *argv: str) -> None:
        cmd = [str(self.bindir / argv[0]), *argv[1:]]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=120)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        self._n += 1
        name = f"bench_{self._n}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def close(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
