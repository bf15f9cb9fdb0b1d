"""What the review page's tests share: a local news site, a state folder filled by a real
`watcher poll` of it, and a real uvicorn server of `watcher serve`'s app on 127.0.0.1.

The stories are written for these tests: two companies, a round with its valuation, a jump
waiting for a second source, and an article whose title and feed carry markup and a
`javascript:` link (it must reach the page as inert text).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import uvicorn

from tests.newsroom import page, rss
from watcher.config import load_config
from watcher.models import Change, Fact, Money
from watcher.settings import Settings
from watcher.store import NewDocument, Store
from watcher.web.app import build_app
from watcher.web.security import Guard

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '<script>document.title="pwned"</script>"><img src=x onerror=alert(1)>'

ROUND = page(
    "Mistral AI raises €1.7 billion in Series C led by ASML",
    [
        "Paris-based Mistral AI said on Tuesday it has raised €1.7 billion in a Series C round led by ASML, "
        "valuing the company at €11.7 billion.",
        "Existing investors Nvidia and Bpifrance also took part in the round.",
    ],
)
HELSING = page(
    f"Helsing raises €600 million {HOSTILE}",
    [
        "Munich-based defence start-up Helsing said on Wednesday it has raised €600 million in a Series D "
        "round led by Prima Materia, valuing the company at €12 billion.",
        "The company builds software for drones and military aircraft.",
    ],
)
JUMP = page(
    "Mistral AI is now worth €190 billion, says a blog",
    ["Mistral AI is now valued at €190 billion after a secondary sale, a blog post claims."],
    published="2025-09-12",
)


class NewsSite:
    """Feeds and pages on 127.0.0.1, served from a dict, in a thread."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[str, bytes]] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                ctype, body = routes.get(self.path.split("?")[0], ("text/plain", b""))
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def set(self, path: str, body: str, ctype: str = "text/html; charset=utf-8") -> None:
        self.routes[path] = (ctype, body.encode("utf-8"))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def publish(site: NewsSite) -> None:
    site.set("/2025/09/mistral-series-c", ROUND)
    site.set("/2025/09/helsing", HELSING)
    site.set("/2025/09/jump", JUMP)
    site.set(
        "/wire.xml",
        rss(
            "Tech Wire",
            [
                {
                    "title": "Mistral AI raises €1.7 billion",
                    "link": site.base + "/2025/09/mistral-series-c",
                    "guid": "w1",
                    "summary": "Mistral AI closed a Series C.",
                },
                {
                    "title": f"Helsing raises €600 million {HOSTILE}",
                    "link": site.base + "/2025/09/helsing",
                    "guid": "w2",
                    "summary": f"Helsing {HOSTILE} closed a round.",
                },
                {
                    "title": "Helsing: read more",
                    "link": "javascript:alert(1)",
                    "guid": "w3",
                    "summary": "Helsing javascript link.",
                },
            ],
        ),
        "application/rss+xml",
    )
    site.set(
        "/blog.xml",
        rss(
            "Blog",
            [
                {
                    "title": "Mistral AI is now worth €190 billion",
                    "link": site.base + "/2025/09/jump",
                    "guid": "b1",
                }
            ],
        ),
        "application/rss+xml",
    )


def write_config(folder: Path, site: NewsSite, *, language: str = "en") -> Path:
    shutil.copytree(ROOT / "seeds", folder / "seeds", dirs_exist_ok=True)
    path = folder / "config.toml"
    path.write_text(
        f"""[watcher]
db = "state/watcher.db"

[[entities]]
name = "Mistral AI"
aliases = ["Mistral"]
seeds = "seeds"

[[entities]]
name = "Helsing"

[[feeds]]
url = "{site.base}/wire.xml"
name = "Tech Wire"

[[feeds]]
url = "{site.base}/blog.xml"
name = "Blog"

[[feeds]]
url = "{site.base}/gone.xml"
name = "Gone Daily"
entities = ["Helsing"]

[http]
allow_private = ["127.0.0.1"]

[alerts]
language = "{language}"

[alerts.file]
path = "state/alerts.jsonl"
""",
        encoding="utf-8",
    )
    return path


def cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


def polled_world(folder: Path, site: NewsSite) -> Settings:
    """A state folder after one real poll of the site (baseline from the seeds first)."""
    publish(site)
    config = write_config(folder, site)
    res = cli(config, "poll")
    assert res.returncode == 0, res.stdout + res.stderr
    return load_config(config)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    base: str
    settings: Settings
    guard: Guard


@contextmanager
def live_server(settings: Settings, *, token: str | None = None) -> Iterator[LiveServer]:
    """The review page's app under a real uvicorn on 127.0.0.1, in a thread of this process."""
    guard = Guard(token=token)
    port = free_port()
    app = build_app(settings, guard, loopback=True)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", settings, guard)
    finally:
        server.should_exit = True
        thread.join(10)


def dense_world(folder: Path, changes: int = 200) -> Settings:
    """A company with ``changes`` changes and their facts, written through the store's own
    methods (a poll of 200 articles would only make the test slow, not more real)."""
    path = folder / "config.toml"
    path.write_text(
        '[watcher]\ndb = "state/watcher.db"\n\n[[entities]]\nname = "Dense Robotics"\n\n'
        '[[entities]]\nname = "Sparse Labs"\n\n[[entities]]\nname = "Nord/Sud & Co?"\n',
        encoding="utf-8",
    )
    settings = load_config(path)
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    with Store(settings.db) as store:
        from watcher.models import Entity

        dense = store.ensure_entity(Entity("Dense Robotics"))
        sparse = store.ensure_entity(Entity("Sparse Labs"))
        with store.transaction():
            previous: Money | None = None
            for i in range(changes):
                when = t0 + timedelta(days=2 * i)
                url = f"https://news.example/dense/{i}"
                doc = store.add_document(
                    NewDocument(
                        url, f"Dense Robotics story {i}", when.date().isoformat(), f"h{i}", "en", "feed"
                    ),
                    when,
                )
                kind = "valuation" if i % 2 else "funding_round"
                amount = Decimal(10_000_000 + 1_000_000 * i) * (Decimal(10) if kind == "valuation" else 1)
                fact = Fact(
                    kind,
                    amount,
                    "EUR",
                    round=None if kind == "valuation" else "series_b",
                    evidence=f"Dense Robotics reported figure number {i} in this sentence.",
                )
                fid = store.add_fact(
                    dense, doc, fact, period=when.date().isoformat(), baseline=False, now=when
                )
                change = Change(
                    entity="Dense Robotics",
                    kind="valuation" if kind == "valuation" else "new_round",
                    status="announced",
                    new=fact.money,
                    old=previous if kind == "valuation" else None,
                    detected_at=when,
                    fact_kind=kind,
                    round=fact.round,
                    new_date=when.date().isoformat(),
                    url=url,
                    title=f"Dense Robotics story {i}",
                    evidence=fact.evidence,
                )
                store.add_change(dense, fid, change, "EUR")
                if kind == "valuation":
                    previous = fact.money
            doc = store.add_document(
                NewDocument(
                    "https://news.example/sparse", "Sparse Labs raises seed", "2025-05-01", "s", "en", "feed"
                ),
                t0,
            )
            store.add_fact(
                sparse,
                doc,
                Fact(
                    "funding_round",
                    Decimal(2_000_000),
                    "EUR",
                    round="seed",
                    evidence="Sparse Labs raised €2 million in a seed round.",
                ),
                period="2025-05-01",
                baseline=False,
                now=t0,
            )
    return settings
