"""What a command loads: `status` and `history` read the database and never load the extractor,
the HTTP stack or the plotting code; a poll where every feed answers 304 never loads the extractor.

Each command runs in a fresh interpreter (as a person runs it), which then lists the modules it
loaded. A behavioural check, not a timing: start-up time is measured by benchmarks/bench_status.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.newsroom import rss

ROOT = Path(__file__).resolve().parent.parent

# Runs the real CLI entry point, then writes the names in sys.modules to the file in argv[1].
PROBE = """
import json, sys
from watcher.cli import main
out, args = sys.argv[1], sys.argv[2:]
try:
    main(args, prog_name="watcher")
except SystemExit as e:
    code = e.code
else:
    code = 0
with open(out, "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""

# Never needed to read the database and print it.
HEAVY_FOR_READING = (
    "trafilatura",
    "lxml",
    "watcher.facts",
    "watcher.pipeline",
    "watcher.articles",
    "httpx",
    "httpcore",
    "feedparser",
    "apscheduler",
    "sqlite_utils",
    "dateutil",
    "tomlkit",
    "watcher.plot",
    # The review page (`watcher serve`) loads its web stack itself; nothing else does.
    "watcher.web",
    "starlette",
    "jinja2",
    "uvicorn",
    # PostgreSQL and its job queue, for an install whose db is a postgresql:// URL only.
    "psycopg",
    "procrastinate",
    "watcher.jobs",
)


def loaded(tmp_path: Path, cfg: Path, *args: str) -> tuple[set[str], str]:
    out = tmp_path / "modules.json"
    res = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), "--config", str(cfg), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    data = json.loads(out.read_text())
    assert data["code"] == 0, res.stderr
    return set(data["modules"]), res.stdout


def heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def write_config(tmp_path: Path, feed_url: str | None = None) -> Path:
    cfg = tmp_path / "config.toml"
    feeds = f'[[feeds]]\nurl = "{feed_url}"\nname = "wire"\n' if feed_url else ""
    cfg.write_text(
        f'[watcher]\ndb = "state/w.db"\n\n[[entities]]\nname = "Mistral AI"\naliases = ["Mistral"]\n'
        f'seeds = "{ROOT / "seeds"}"\n\n{feeds}\n[http]\nallow_private = ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    return cfg


def test_status_and_history_load_neither_the_extractor_nor_the_http_stack(tmp_path: Path) -> None:
    cfg = write_config(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "baseline"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    modules, out = loaded(tmp_path, cfg, "status")
    assert "Mistral AI: " in out
    assert heavy(modules, HEAVY_FOR_READING) == []
    for args in (["history"], ["history", "--facts"], ["history", "--json"], ["status", "--json"]):
        modules, out = loaded(tmp_path, cfg, *args)
        assert out.strip()
        assert heavy(modules, HEAVY_FOR_READING) == [], args


def test_history_plot_loads_the_plotting_code(tmp_path: Path) -> None:
    cfg = write_config(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "baseline"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    modules, _ = loaded(tmp_path, cfg, "history", "--plot", str(tmp_path / "p.svg"))
    assert "watcher.plot" in modules
    assert (tmp_path / "p.svg").read_text(encoding="utf-8").startswith("<svg")


def test_a_poll_where_every_feed_is_unchanged_never_loads_the_extractor(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    body = rss("Wire", [{"title": "Markets close higher", "link": "https://news.example/a", "guid": "a"}])

    def feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed.xml").respond_with_handler(feed)
    cfg = write_config(tmp_path, httpserver.url_for("/feed.xml"))
    # The first poll reads the seeds and the feed; the second finds nothing new.
    first = subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "poll"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert first.returncode == 0, first.stderr
    modules, out = loaded(tmp_path, cfg, "poll")
    assert "1 not modified" in out
    # The article fetcher's language guess (a few stopwords) is the one part of watcher.facts loaded.
    light = {"watcher.facts", "watcher.facts.language"}
    web = ("watcher.web", "starlette", "jinja2", "uvicorn")
    assert heavy(modules - light, ("trafilatura", "lxml", "watcher.facts", "watcher.plot", *web)) == []
    # A SQLite install loads neither PostgreSQL's driver nor the job queue.
    assert heavy(modules, ("psycopg", "procrastinate", "watcher.jobs", "watcher.store.postgres")) == []


# The job queue and what only its workers run: a PostgreSQL read loads psycopg, nothing of these.
HEAVY_FOR_READING_POSTGRES = tuple(n for n in HEAVY_FOR_READING if n != "psycopg")


def test_status_and_history_on_postgresql_load_psycopg_and_no_job_queue(tmp_path: Path, pg_url: str) -> None:
    cfg = write_config(tmp_path)
    cfg.write_text(cfg.read_text().replace('db = "state/w.db"', f'db = "{pg_url}"'), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "baseline"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    reads = (["status"], ["status", "--json"], ["history"], ["history", "--json"], ["history", "--facts"])
    for args in reads:
        modules, out = loaded(tmp_path, cfg, *args)
        assert out.strip(), args
        assert "psycopg" in modules and "watcher.store.postgres" in modules, args
        assert heavy(modules, HEAVY_FOR_READING_POSTGRES) == [], args
