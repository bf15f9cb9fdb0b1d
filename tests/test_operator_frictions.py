"""Operator frictions (issue 18, item 7), each driven as an operator meets it: the CLI in a
real process or click's CliRunner, real config files and databases, feeds on 127.0.0.1."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss
from watcher.config import load_config
from watcher.errors import ConfigError
from watcher.lock import DaemonLock

ROOT = Path(__file__).resolve().parent.parent


def watcher(
    cfg: Path | None, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    config = ["--config", str(cfg)] if cfg is not None else []
    return subprocess.run(
        [sys.executable, "-m", "watcher", *config, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


# One mistake of every kind: each used to hide the ones after it in its table (a bad alias
# hid an unknown key, a bad language hid the whole [alerts] table, a bad allow_private entry
# hid the rest of [http], a broken company made its feeds "name an unknown company").
EVERY_MISTAKE = """
[watcher]
interval = 900
bogus = 1

[[entities]]
name = "Mistral AI"
colour = "blue"
aliases = [1]

[[entities]]
name = ""

[[feeds]]
url = "ftp://x.example/feed"
wat = 2

[[feeds]]
url = "https://example.com/feed"
entities = ["Nobody", "mistral ai"]
interval = 5

[http]
allow_private = ["not a host!"]
max_bytes = "big"
foo = 1

[alerts]
language = "de"
min_confidence = 3
unknown = 1

[alerts.email]
host = "smtp.example"
tls = "weird"
port = 99999

[alerts.slack]
webhook_url_env = "has space"

[alerts.digest]
at = "25:00"
"""

EXPECTED = [
    "watcher.interval: 900 has no unit",
    "watcher.bogus: unknown key",
    "entities[1].aliases: expected a list of non-empty strings",
    "entities[1].colour: unknown key",
    "entities[2].name: must not be empty",
    "feeds[1].url: 'ftp://x.example/feed' is not an http(s) URL",
    "feeds[1].wat: unknown key",
    "feeds[2].entities: 'Nobody' is not an [[entities]] name (known: 'Mistral AI')",
    "feeds[2].interval: 5 has no unit",
    "http.allow_private: 'not a host!' is not a host name",
    "http.max_bytes: expected an integer",
    "http.foo: unknown key",
    "alerts.language: 'de' is not",
    "alerts.min_confidence: must be between 0 and 1",
    "alerts.unknown: unknown key",
    "alerts.email.tls: 'weird' is not one of",
    "alerts.email.port: 99999 is not a TCP port",
    "alerts.email.recipients: missing or empty",
    "alerts.email.sender: missing",
    "alerts.slack.webhook_url_env: is not an environment variable name",
    "alerts.digest.at: '25:00' is not a time of day",
]


def test_check_config_lists_every_kind_of_mistake_in_one_run(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(EVERY_MISTAKE, encoding="utf-8")
    res = watcher(cfg, "check-config")
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert all(line.startswith(f"watcher: error: {cfg}: ") for line in lines), lines
    missing = [e for e in EXPECTED if not any(e in line for line in lines)]
    assert not missing, res.stderr
    # Nothing said twice, and no mistake made up from another (the digest's email is said once,
    # as broken, not again as absent; the company with a bad alias still exists for its feed).
    assert len(lines) == len(EXPECTED), res.stderr
    assert "configure [alerts.email] too" not in res.stderr
    assert "'mistral ai' is not" not in res.stderr


def test_cross_key_rules_are_listed_beside_type_mistakes(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\nbase_currency = "XPF"\nretention_days = "many"\n'
        '[[entities]]\nname = "A"\n[[entities]]\nname = "a"\n'
        '[[feeds]]\nurl = "https://x.example/f"\n[[feeds]]\nurl = "https://x.example/f"\n'
        '[alerts.email]\nhost = "h"\nsender = "s@x"\nrecipients = ["r@x"]\ntls = "none"\n'
        'username = "me"\ntimeout = "soon"\n'
        '[alerts.digest]\nat = "08:00"\ntimezone = "Mars/Olympus"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    text = str(info.value)
    for expected in (
        "watcher.base_currency: XPF has no rate",
        "watcher.retention_days: expected an integer",
        f"{cfg}: entities: the same entity name appears twice",
        "feeds[2].url: https://x.example/f is listed twice",
        'alerts.email.tls: "none" would send the SMTP password in clear',
        "alerts.email.timeout: 'soon' is not a duration",
        "alerts.digest.timezone: 'Mars/Olympus' is not a time zone name",
    ):
        assert expected in text, text


def test_check_config_flags_feeds_the_address_guard_will_refuse(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    body = (
        '[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n'
        '[[feeds]]\nurl = "http://127.0.0.1:8080/feed"\n'
        '[[feeds]]\nurl = "http://localhost/feed"\n'
        '[[feeds]]\nurl = "http://0x7f000001/feed"\n'
        '[[feeds]]\nurl = "http://[::ffff:10.0.0.1]/feed"\n'
        '[[feeds]]\nurl = "http://192.0.2.1.nip.invalid/feed"\n'  # a name that never resolves
        '[[feeds]]\nurl = "http://93.184.215.14/feed"\n'  # a public address
    )
    cfg.write_text(body, encoding="utf-8")
    res = watcher(cfg, "check-config")
    assert res.returncode == 0, res.stderr
    assert "usable, with warnings" in res.stdout
    lines = [line for line in res.stderr.splitlines() if "will be refused" in line]
    assert [line.split(": ")[3] for line in lines] == [
        "feeds[1].url",
        "feeds[2].url",
        "feeds[3].url",
        "feeds[4].url",
    ]
    assert all("add it to [http] allow_private" in line for line in lines)
    assert "0x7f000001 is the internal address 127.0.0.1" in res.stderr
    assert watcher(cfg, "check-config", "--strict").returncode == 2

    # Allowed on purpose (one port of loopback, one network): no longer flagged.
    cfg.write_text(body + '[http]\nallow_private = ["127.0.0.1:8080", "10.0.0.0/8"]\n', encoding="utf-8")
    res = watcher(cfg, "check-config")
    flagged = [line for line in res.stderr.splitlines() if "will be refused" in line]
    assert [line.split(": ")[3] for line in flagged] == ["feeds[2].url", "feeds[3].url"], res.stderr


ARTICLE = page(
    "Mistral AI raises €2 billion",
    [
        "Mistral AI has raised €2 billion in a Series C round led by Example Ventures, valuing the "
        "company at €14 billion.",
        "The Paris-based developer of language models said the money would pay for computing "
        "capacity and for new offices in three European cities over the coming year.",
    ],
)


def news_site(server: HTTPServer, entries: int = 1) -> None:
    items = [
        {"title": f"Mistral AI news {i}", "link": server.url_for(f"/a{i}"), "guid": f"a{i}"}
        for i in range(entries)
    ]
    server.expect_request("/feed.xml").respond_with_data(
        rss("Mistral search", items), content_type="application/rss+xml"
    )
    for i in range(entries):
        server.expect_request(f"/a{i}").respond_with_data(ARTICLE, content_type="text/html; charset=utf-8")


def news_config(tmp_path: Path, *feed_urls: str, extra: str = "") -> Path:
    cfg = tmp_path / "config.toml"
    feeds = "".join(f'[[feeds]]\nurl = "{u}"\n' for u in feed_urls)
    cfg.write_text(
        '[watcher]\ndb = "state/w.db"\n[[entities]]\nname = "Mistral AI"\n'
        + feeds
        + '[http]\nallow_private = ["127.0.0.1"]\nbackoff_base = "1s"\n'
        + extra,
        encoding="utf-8",
    )
    return cfg


def counts(db: Path) -> tuple[int, ...]:
    with sqlite3.connect(db) as conn:
        return tuple(
            conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("facts", "outbox", "entries", "feeds")
        )


def test_dry_run_beside_a_running_daemon_reads_a_snapshot_and_fails_when_every_feed_fails(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    news_site(httpserver)
    cfg = news_config(tmp_path, httpserver.url_for("/feed.xml"))
    assert watcher(cfg, "baseline").returncode == 0
    db = tmp_path / "state" / "w.db"
    before = counts(db)
    # A daemon's share of the database: its lock held, and a write transaction open.
    lock = DaemonLock(db)
    lock.acquire()
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO meta (key, value) VALUES ('test-writer', 'x')")
        assert watcher(cfg, "poll").returncode == 2  # a real poll still waits its turn
        dry = watcher(cfg, "poll", "--dry-run")
        assert dry.returncode == 0, dry.stderr
        assert "dry run" in dry.stdout and "Series C" in dry.stdout
        writer.execute("COMMIT")
    finally:
        writer.close()
        lock.release()
    assert counts(db) == before  # nothing written, and the daemon's lock never taken
    assert not list(tmp_path.glob("state/*dry*"))
    db.unlink()
    db.touch()  # an empty database file (a fresh mount): a dry run still runs, on a fresh copy
    empty = watcher(cfg, "poll", "--dry-run")
    assert empty.returncode == 0 and "Series C" in empty.stdout, empty.stderr
    assert db.stat().st_size == 0
    # A real poll refuses it (taken for a new database, it would alert on every fact again).
    refused = watcher(cfg, "poll")
    assert refused.returncode == 1 and "the database file is empty (0 bytes)" in refused.stderr
    assert db.stat().st_size == 0
    db.unlink()

    # Every feed failing is an error for scripts (exit 1), dry or not; one failing of two is not.
    httpserver.expect_request("/down.xml").respond_with_data("no", status=503)
    cfg = news_config(tmp_path, httpserver.url_for("/down.xml"))
    for args in (["poll", "--dry-run"], ["poll", "--force"]):
        res = watcher(cfg, *args)
        assert res.returncode == 1, (args, res.stdout, res.stderr)
        assert "every feed failed (1 feed)" in res.stderr
    cfg = news_config(tmp_path, httpserver.url_for("/down.xml"), httpserver.url_for("/feed.xml"))
    res = watcher(cfg, "poll", "--dry-run", "--force")
    assert res.returncode == 0, res.stderr


def test_entities_add_and_remove_edit_the_file_in_place_and_refuse_an_invalid_result(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from watcher.cli import main

    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '# my companies\n[watcher]\ndb = "w.db"  # next to me\n\n'
        '[[entities]]\nname = "Mistral AI"  # the first one\n\n'
        '[[feeds]]\nurl = "https://news.example/mistral.xml"\nname = "Mistral search"\n'
        'entities = ["Mistral AI"]\n',
        encoding="utf-8",
    )

    def run(*args: str) -> tuple[int, str]:
        res = CliRunner().invoke(main, ["--config", str(cfg), *args])
        return res.exit_code, res.output

    code, out = run("entities", "add", "Hugging Face", "--alias", "HF", "--alias", "huggingface")
    assert code == 0, out
    assert "added Hugging Face (also HF, huggingface)" in out and "SIGHUP" in out
    text = cfg.read_text(encoding="utf-8")
    assert "# my companies" in text and "# next to me" in text and "# the first one" in text
    assert 'name = "Hugging Face"\naliases = ["HF", "huggingface"]' in text
    settings = load_config(cfg)
    assert [(e.name, e.aliases) for e in settings.entities] == [
        ("Mistral AI", ()),
        ("Hugging Face", ("HF", "huggingface")),
    ]

    before = cfg.read_text(encoding="utf-8")
    for args, expected in [
        (("entities", "add", "hf"), "'hf' is already tracked (as 'Hugging Face')"),
        (("entities", "add", "mistral ai"), "already tracked"),
        (("entities", "add", " "), "entities[3].name: must not be empty"),
        (("entities", "add", "X", "--alias", ""), "entities[3].aliases"),
        (("entities", "remove", "Nobody"), "no [[entities]] entry named 'Nobody'"),
        (("entities", "remove", "mistral ai"), "feeds Mistral search are read only for Mistral AI"),
    ]:
        code, out = run(*args)
        assert code == 2, (args, out)
        assert expected in out, (args, out)
        assert out.count("\n") == 1 and out.startswith("watcher: error: ")
        assert cfg.read_text(encoding="utf-8") == before, args  # a refused edit leaves the file alone

    code, out = run("entities", "remove", "HF")  # by an alias
    assert code == 0 and "removed Hugging Face" in out and "facts stay" in out, out
    assert "Hugging Face" not in cfg.read_text(encoding="utf-8")
    assert "# the first one" in cfg.read_text(encoding="utf-8")
    code, out = run("feeds", "remove", "Mistral search")
    assert code == 0, out
    code, out = run("entities", "remove", "Mistral AI")  # the last one: nothing left to track
    assert code == 2 and "no entity to track" in out, out


def test_sighup_reloads_feeds_and_companies_and_keeps_the_old_config_when_the_new_is_bad(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    import signal
    import time

    from tests.test_daemon import reap, wait_for

    news_site(httpserver, entries=0)
    httpserver.expect_request("/second.xml").respond_with_data(
        rss("Second", []), content_type="application/rss+xml"
    )

    def asked(path: str) -> int:
        return sum(1 for request, _ in httpserver.log if request.path == path)

    cfg = tmp_path / "config.toml"
    good = (
        '[watcher]\ndb = "state/w.db"\ninterval = "1s"\n'
        '[[entities]]\nname = "Mistral AI"\n'
        f'[[feeds]]\nurl = "{httpserver.url_for("/feed.xml")}"\n'
        '[http]\nallow_private = ["127.0.0.1"]\n'
    )
    cfg.write_text(good, encoding="utf-8")
    log = tmp_path / "watcher.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "run", "--log-file", str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def logged() -> str:
        return log.read_text(encoding="utf-8") if log.exists() else ""

    try:
        wait_for(lambda: asked("/feed.xml") > 0)
        assert asked("/second.xml") == 0
        # feeds add and entities add, then SIGHUP: both apply without a restart.
        added = watcher(cfg, "feeds", "add", httpserver.url_for("/second.xml"), "--name", "Second")
        assert added.returncode == 0 and "SIGHUP" in added.stdout, added.stderr
        assert watcher(cfg, "entities", "add", "Hugging Face").returncode == 0
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: "SIGHUP: configuration reloaded" in logged())
        assert "2 feeds (1 added, 0 removed), 2 companies (1 added, 0 removed)" in logged()
        wait_for(lambda: asked("/second.xml") > 0)
        # A dry run beside the real daemon: neither waits for the other.
        dry = watcher(cfg, "poll", "--dry-run", "--feed", "Second")
        assert dry.returncode == 0 and "dry run" in dry.stdout, dry.stderr

        # A mistake in the file: the running configuration stays, one line says why.
        cfg.write_text(cfg.read_text(encoding="utf-8").replace('interval = "1s"', "interval = 1\nbogus = 2"))
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: "configuration not reloaded" in logged())
        lines = [line for line in logged().splitlines() if "not reloaded" in line]
        assert (
            len(lines) == 1 and "watcher.interval: 1 has no unit" in lines[0] and "(and 1 more)" in lines[0]
        )
        assert "Traceback" not in logged()
        seen = asked("/second.xml")
        wait_for(lambda: asked("/second.xml") > seen)  # still polling, both feeds, every second
        assert proc.poll() is None

        # Removing a feed stops its polls.
        cfg.write_text(good, encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: "1 feed (0 added, 1 removed), 1 company (0 added, 1 removed)" in logged())
        time.sleep(0.5)  # a cycle that had already started may still ask it once
        seen = asked("/second.xml")
        before = asked("/feed.xml")
        wait_for(lambda: asked("/feed.xml") >= before + 2)
        assert asked("/second.xml") == seen
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        reap(proc)


def test_feeds_add_check_fetches_once_through_the_guarded_client_and_says_what_it_found(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/wire.xml").respond_with_data(
        rss(
            "Tech Wire",
            [
                {"title": "Mistral AI opens an office", "link": httpserver.url_for("/1"), "guid": "1"},
                {"title": "Weather: rain", "link": httpserver.url_for("/2"), "guid": "2"},
                {"title": "Hugging Face and Mistral hire", "link": httpserver.url_for("/3"), "guid": "3"},
            ],
        ),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/missing.xml").respond_with_data("gone", status=404)
    httpserver.expect_request("/page.html").respond_with_data(
        "<html><body><p>not a feed</p></body></html>", content_type="text/html"
    )
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[[entities]]\nname = "Mistral AI"\naliases = ["Mistral"]\n'
        '[[entities]]\nname = "Hugging Face"\n[http]\nallow_private = ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    res = watcher(cfg, "feeds", "add", httpserver.url_for("/wire.xml"), "--check")
    assert res.returncode == 0, res.stderr
    assert "'Tech Wire': 3 entries, 2 naming a company it would be read for" in res.stdout
    assert "(Mistral AI 2, Hugging Face 1)" in res.stdout
    assert "added " in res.stdout and "/wire.xml" in cfg.read_text(encoding="utf-8")
    assert not (tmp_path / "w.db").exists()  # a check stores nothing

    # Read only for one company: only it is counted.
    res = watcher(cfg, "feeds", "remove", httpserver.url_for("/wire.xml"))
    res = watcher(cfg, "feeds", "add", httpserver.url_for("/wire.xml"), "--check", "--entity", "hugging face")
    assert "3 entries, 1 naming a company it would be read for (Hugging Face 1)" in res.stdout, res.stdout

    before = cfg.read_text(encoding="utf-8")
    for url, expected in [
        (httpserver.url_for("/missing.xml"), "HTTP 404"),
        (httpserver.url_for("/page.html"), "/page.html: "),
        # The guard as in polling: this address is not allowed by the config.
        (httpserver.url_for("/wire.xml").replace("127.0.0.1", "127.0.0.2"), "[http] allow_private"),
    ]:
        res = watcher(cfg, "feeds", "add", url, "--check")
        assert res.returncode == 1, (url, res.stdout, res.stderr)
        error, hint = res.stderr.strip().splitlines()
        assert error.startswith("watcher: error: ") and expected in error, error
        assert "not added" in hint
        assert cfg.read_text(encoding="utf-8") == before


def test_poll_shows_a_live_progress_line_on_a_terminal_and_nothing_when_piped(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    import os
    import pty

    news_site(httpserver, entries=3)
    cfg = news_config(tmp_path, httpserver.url_for("/feed.xml"))
    # stderr on a pseudo-terminal, as in an operator's shell; stdout piped.
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "poll", "--dry-run"],
        stdout=subprocess.PIPE,
        stderr=slave,
        text=True,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, seen
    text = seen.decode()
    assert "\rpolling: feeds" in text.replace("\x1b[2K", "")
    assert "polling: feeds 1/1, articles 3/3" in text
    assert text.endswith("\r\x1b[2K")  # the line is wiped before the summary
    assert "polling" not in out and "entries new: 3" in out

    piped = watcher(cfg, "poll", "--dry-run")
    assert piped.returncode == 0 and piped.stderr == "", piped.stderr


def test_counts_are_plural_only_when_plural_and_logged_amounts_read_like_the_alerts(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    from watcher.render import plural

    assert [plural(n, "fact") for n in (0, 1, 2)] == ["0 facts", "1 fact", "2 facts"]
    assert plural(1, "entry", "entries") == "1 entry" and plural(3, "entry", "entries") == "3 entries"

    news_site(httpserver, entries=1)
    cfg = news_config(tmp_path, httpserver.url_for("/feed.xml"))
    checked = watcher(cfg, "check-config")
    assert "(1 entity, 1 feed, alerts: console)" in checked.stdout, checked.stdout
    once = watcher(cfg, "run", "--once")
    assert once.returncode == 0, once.stderr
    assert "cycle: 1 feed (0 failed), 1 new entry, 1 article, 2 changes;" in once.stdout, once.stdout
    assert "cycle: 1 feed, 1 new entry, 1 article, 2 facts, 2 changes" in once.stderr, once.stderr
    # The daemon's change line: "EUR 2bn", as alerts say it, never the raw 2000000000.
    change = [line for line in once.stderr.splitlines() if "change: Mistral AI" in line]
    assert change and "EUR 2bn" in change[0] and "Series C" in change[0], once.stderr
    assert "2000000000" not in once.stderr
    retried = watcher(cfg, "alerts", "retry")
    assert retried.stdout.strip() == "0 dead alerts re-queued"


def test_digest_links_are_clickable_and_escaped_and_french_is_french_throughout() -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    from watcher.models import Change, Digest, FeedHealth, Money
    from watcher.render import pending_line, render

    when = datetime(2025, 9, 9, 8, 0, tzinfo=UTC)

    def change(url: str, **kw: object) -> Change:
        base: dict[str, object] = {
            "entity": "Mistral AI",
            "kind": "valuation_change",
            "status": "announced",
            "new": Money(Decimal("11.7e9"), "EUR"),
            "old": Money(Decimal("5.8e9"), "EUR"),
            "detected_at": when,
            "url": url,
            "title": "A title",
        }
        base.update(kw)
        return Change(**base)  # type: ignore[arg-type]

    tricky = 'https://news.example/a?x=1&y=2"><script>alert(1)</script>'
    digest = Digest(
        day="2025-09-09",
        since=when,
        made_at=when,
        changes=(
            change("https://news.example/mistral?utm=1&page=2"),
            change(tricky, kind="new_round", old=None, round="series_c"),
            change("javascript:alert(1)", kind="total_raised_change"),
        ),
        failing_feeds=(
            FeedHealth(
                kind="feed_down",
                feed_url="https://f.example/x",
                feed_name="F",
                failures=3,
                error="timeout",
                detected_at=when,
            ),
        ),
        pending=(
            pending_line(
                "Mistral AI",
                "valuation",
                Money(Decimal("20e9"), "EUR"),
                "rumoured",
                12,
                "confidence 0.40: waiting for corroboration",
                "https://x.example/a",
                "fr",
            ),
        ),
    )
    message = render(digest, "fr", "EUR")
    html = message.html
    # Each change's link is an <a href>, its URL escaped in the attribute and the text.
    assert '<a href="https://news.example/mistral?utm=1&amp;page=2">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html  # shown, never clickable
    # Plain text keeps the bare URL after each change.
    assert "(annoncé) https://news.example/mistral?utm=1&page=2" in message.text

    # French throughout: no English words left from the vocabulary, the pending lines or replies.
    english = [
        "valuation",
        "fact #",
        "Pending",
        "waiting",
        "announced",
        "rumoured",
        "Sent by",
        "correction of",
    ]
    reply = render(change("https://news.example/c", kind="correction"), "fr", "EUR").replying_to(7)
    for text in (message.subject, message.text, html, reply.slack_text, reply.text):
        left = [word for word in english if word in text]
        assert not left, (left, text)
    assert "fait n° 12" in message.text and "en attente de confirmation" in message.text
    assert reply.slack_text.startswith("correction de l'alerte n° 7 : ")
    # English stays as it was.
    en = render(change("https://news.example/c"), "en", "EUR").replying_to(7)
    assert en.slack_text.startswith("correction of alert #7: ")
    line = pending_line(
        "Mistral AI", "valuation", Money(Decimal("20e9"), "EUR"), "rumoured", 12, "why", "https://x", "en"
    )
    assert line == "Mistral AI: valuation EUR 20bn (rumoured), fact #12, why; https://x"
