"""``watcher demo``: the whole product, offline, with no configuration.

A local news site (two feeds, English RSS and French Atom, and their article pages,
all bundled in ``demo_data``) is served on 127.0.0.1; a throw-away state folder gets a
copy of the bundled seed baseline and a generated config.toml; then the real pipeline
runs exactly as ``watcher baseline``, ``watcher poll``, the delivery loop and
``watcher status`` would. Nothing here is a mock: if the demo works, the product works.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import tomllib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TextIO, cast
from urllib.parse import urlsplit

from watcher import feeds
from watcher.alerts import build_channels
from watcher.config import settings_from_mapping
from watcher.delivery import deliver_due
from watcher.errors import ConfigError
from watcher.models import Change
from watcher.pipeline import BaselineDocument, CycleReport, load_baseline, run_cycle_async
from watcher.render import format_kind, format_money, format_round, plural
from watcher.settings import Settings
from watcher.status import collect_status, format_status
from watcher.store import Store

DEMO_ENTITY = "Mistral AI"
DEMO_ALIASES = ("Mistral",)


@dataclass(frozen=True)
class DemoFeed:
    name: str
    path: str  # where the local server publishes it, and where it lives under demo_data/site
    content_type: str


DEMO_FEEDS: tuple[DemoFeed, ...] = (
    DemoFeed("Tech Wire", "/feeds/techwire.xml", "application/rss+xml; charset=utf-8"),
    DemoFeed("Le Fil Numérique", "/feeds/fil-numerique.xml", "application/atom+xml; charset=utf-8"),
)
_HTML = "text/html; charset=utf-8"


def demo_data() -> Traversable:
    """The bundled data, read through importlib so it works from a wheel or a zip too."""
    return resources.files("watcher") / "demo_data"


def _walk(node: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        rel = f"{prefix}/{child.name}"
        if child.is_dir():
            yield from _walk(child, rel)
        else:
            yield rel, child


def site_routes(base: str) -> dict[str, tuple[str, bytes]]:
    """URL path -> (content type, body) for the whole demo site.

    Feeds are templates: their links need the server's address, known only once it is
    bound to a free port. Pages are served at their path without ".html", like a CMS.
    """
    routes: dict[str, tuple[str, bytes]] = {}
    site = demo_data() / "site"
    for feed in DEMO_FEEDS:
        template = (site / feed.path.lstrip("/")).read_text(encoding="utf-8")
        # str.replace, not str.format: feed XML may legitimately contain braces.
        routes[feed.path] = (feed.content_type, template.replace("{base}", base).encode("utf-8"))
    for rel, node in _walk(site):
        if rel.endswith(".html"):
            routes[rel.removesuffix(".html")] = (_HTML, node.read_bytes())
    return routes


class _NewsServer(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, tuple[str, bytes]]
    hits: list[str]


class _Handler(BaseHTTPRequestHandler):
    server_version = "watcher-demo-news/1.0"

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _respond(self, *, body: bool) -> None:
        server = cast(_NewsServer, self.server)
        path = urlsplit(self.path).path
        server.hits.append(path)
        found = server.routes.get(path)
        status, (ctype, payload) = (200, found) if found else (404, ("text/plain", b"not found\n"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        # The demo's output is the product's output; request logs would drown it.
        pass


@dataclass
class NewsSite:
    base: str
    hits: list[str]  # request paths, in order, so tests can see what was fetched

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve_news() -> Iterator[NewsSite]:
    """Serve the bundled site on 127.0.0.1 (a free port) until the block exits."""
    server = _NewsServer(("127.0.0.1", 0), _Handler)
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    server.routes = site_routes(base)
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, name="watcher-demo-news", daemon=True)
    thread.start()
    try:
        yield NewsSite(base, server.hits)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _copy_tree(src: Traversable, dst: Path) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    for child in src.iterdir():
        if child.is_dir():
            _copy_tree(child, dst / child.name)
        else:
            (dst / child.name).write_bytes(child.read_bytes())


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def demo_config(site: NewsSite) -> str:
    """The config.toml of the demo, kept beside its state so ``--config`` can reopen it."""
    lines = [
        "# Written by `watcher demo`. The feeds point at the demo's local news server,",
        "# which stopped when the demo ended; history and status still work.",
        "",
        "[watcher]",
        'db = "state/watcher.db"',
        'base_currency = "EUR"',
        "min_change = 0.10",
        "",
        "[[entities]]",
        f"name = {_toml_str(DEMO_ENTITY)}",
        "aliases = [" + ", ".join(_toml_str(a) for a in DEMO_ALIASES) + "]",
        'seeds = "seeds"',
    ]
    for feed in DEMO_FEEDS:
        url, name = _toml_str(site.url(feed.path)), _toml_str(feed.name)
        lines += ["", "[[feeds]]", f"url = {url}", f"name = {name}"]
    lines += [
        "",
        # A local server answers at once; short timeouts keep a broken demo from hanging.
        "[http]",
        'connect_timeout = "5s"',
        'read_timeout = "10s"',
        'total_timeout = "20s"',
        "# The demo's news server is on this machine: fetched on purpose.",
        'allow_private = ["127.0.0.1"]',
        "",
        "[alerts.console]",
        "enabled = true",
        "",
    ]
    return "\n".join(lines)


def _prepare_folder(folder: Path, site: NewsSite) -> Settings:
    if (folder / "state").exists():
        raise ConfigError(f"{folder}: already holds a watcher state; give `--keep` an empty or new folder")
    _copy_tree(demo_data() / "seeds", folder / "seeds")
    text = demo_config(site)
    config_path = folder / "config.toml"
    config_path.write_text(text, encoding="utf-8")
    return settings_from_mapping(tomllib.loads(text), config_path)


def _cycle(settings: Settings, store: Store, now: datetime) -> CycleReport:
    async def go() -> CycleReport:
        # make_client's guarded transport ignores HTTP(S)_PROXY: a corporate proxy cannot
        # reach the demo's 127.0.0.1 server, and the demo must work anywhere.
        async with feeds.make_client(settings.http) as client:
            return await run_cycle_async(settings, client=client, store=store, now=now)

    return asyncio.run(go())


def change_summary(change: Change) -> str:
    what = format_kind(change.kind)
    round_ = f" ({format_round(change.round)})" if change.round else ""
    old = f"{format_money(change.old)} -> " if change.old is not None and change.kind != "new_round" else ""
    return f"{what}{round_}: {old}{format_money(change.new)} [{change.status}]"


def _print_baseline(out: TextIO, docs: list[BaselineDocument], known: int) -> None:
    total = 0
    for d in docs:
        total += len(d.facts)
        out.write(f"  {d.name} ({d.published or 'date unknown'}): {plural(len(d.facts), 'fact')}\n")
    # Several documents report the same fact: status counts it once, with its sources.
    out.write(
        f"  baseline: {plural(total, 'fact')} read from {plural(len(docs), 'seed document')}; "
        f"{plural(known, 'distinct fact')} known\n"
    )


def _print_cycle(out: TextIO, report: CycleReport) -> None:
    ok = sum(1 for f in report.feeds if f.outcome != "failed")
    out.write(f"  feeds: {ok} ok, {report.count('failed')} failed\n")
    for f in report.feeds:
        detail = f"{plural(f.new_entries, 'new entry', 'new entries')}, {f.relevant} about a tracked company"
        if f.error:
            detail = f"{f.outcome}: {f.error}"
        out.write(f"    {f.name or f.url}: {detail}\n")
    out.write(
        f"  entries: {report.entries_new}; articles fetched: {report.articles_fetched}; "
        f"facts: {report.facts}; changes: {len(report.changes)}\n"
    )
    for ch in report.changes:
        out.write(f"    change: {change_summary(ch)}\n")


def run_demo(out: TextIO, *, keep: Path | None = None) -> int:
    """Run the offline demo, writing everything to ``out``; return the exit code (0).

    ``keep`` names a folder to keep the state in (it must not hold a watcher state yet);
    by default a temporary folder is used and removed at the end.
    """
    with ExitStack() as stack:
        if keep is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="watcher-demo-")))
        else:
            folder = keep.expanduser().resolve()
            folder.mkdir(parents=True, exist_ok=True)
        site = stack.enter_context(serve_news())
        settings = _prepare_folder(folder, site)
        store = stack.enter_context(Store(settings.db))

        out.write(f"watcher demo: following {DEMO_ENTITY} offline\n")
        out.write(f"  local news server: {site.base} ({plural(len(settings.feeds), 'feed')})\n")
        fate = "kept" if keep is not None else "removed at the end"
        out.write(f"  state folder: {folder} ({fate})\n\n")

        out.write("== 1. Baseline: the seed documents, what is already known\n")
        docs = load_baseline(settings, store, now=datetime.now(UTC))
        _print_baseline(out, docs, len(store.facts(DEMO_ENTITY, known_only=True)))

        out.write("\n== 2. One poll cycle over the feeds\n")
        started = datetime.now(UTC)
        report = _cycle(settings, store, started)
        _print_cycle(out, report)

        out.write("\n== 3. Alerts, delivered to the console channel\n")
        channels = build_channels(settings.alerts, stream=out)
        delivered = deliver_due(settings, store, channels)
        out.write(f"  alerts: {delivered.sent} sent, {delivered.failed} failed, {delivered.dead} dead\n")

        out.write("\n== 4. Status\n")
        out.write(format_status(collect_status(settings, store, datetime.now(UTC))).rstrip() + "\n")
        out.write("\n== 5. Review it in a browser\n")
        if keep is not None:
            out.write(
                f"  watcher --config {folder / 'config.toml'} serve\n  then open http://127.0.0.1:8470/\n"
            )
        else:
            out.write(
                "  watcher demo --keep watcher-demo\n"
                "  watcher --config watcher-demo/config.toml serve\n"
                "  then open http://127.0.0.1:8470/\n"
            )
        out.flush()
    return 0
