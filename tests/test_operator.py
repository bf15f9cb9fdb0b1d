"""A day of use with two companies and per-company feeds, driven through the CLI as an
operator would: real SQLite files, a local news site (pytest-httpserver), real processes."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.newsroom import page, rss

ROOT = Path(__file__).resolve().parent.parent

BOTH = page(
    "Mistral AI raises €2 billion",
    [
        "Mistral AI has raised €2 billion in a Series C round led by Example Ventures, valuing the "
        "company at €14 billion.",
        "Separately, Hugging Face has raised $400 million in a Series E round led by Sample Capital.",
    ],
)
HF = page(
    "Hugging Face raises $500 million",
    ["Hugging Face has raised $500 million in a Series E round led by Other Partners."],
)


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


def site(server: HTTPServer) -> None:
    server.expect_request("/mistral.xml").respond_with_data(
        rss(
            "Mistral search",
            [{"title": "Mistral AI raises €2 billion", "link": server.url_for("/a1"), "guid": "a1"}],
        ),
        content_type="application/rss+xml",
    )
    server.expect_request("/all.xml").respond_with_data(
        rss(
            "Wire",
            [{"title": "Hugging Face raises $500 million", "link": server.url_for("/a2"), "guid": "a2"}],
        ),
        content_type="application/rss+xml",
    )
    server.expect_request("/a1").respond_with_data(BOTH, content_type="text/html; charset=utf-8")
    server.expect_request("/a2").respond_with_data(HF, content_type="text/html; charset=utf-8")


CONFIG = """# my watcher config
[watcher]
db = "state/w.db"
interval = "15m"

[[entities]]
name = "Mistral AI"
aliases = ["Mistral"]

[[entities]]
name = "Hugging Face"

# a news search made for one company
[[feeds]]
url = "{mistral}"
name = "Mistral search"
entities = ["mistral ai"]

[http]
allow_private = ["127.0.0.1"]  # the local news server

[alerts.file]
path = "state/alerts.jsonl"
"""


def configure(tmp_path: Path, server: HTTPServer) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(CONFIG.format(mistral=server.url_for("/mistral.xml")), encoding="utf-8")
    return cfg


def test_a_day_with_two_companies_and_per_company_feeds(tmp_path: Path, httpserver: HTTPServer) -> None:
    site(httpserver)
    cfg = configure(tmp_path, httpserver)

    # feeds add edits the file in place: comments kept, company matched whatever its case.
    added = watcher(cfg, "feeds", "add", httpserver.url_for("/all.xml"), "--name", "Wire", "--interval", "5m")
    assert added.returncode == 0, added.stderr
    text = cfg.read_text(encoding="utf-8")
    assert "# my watcher config" in text and "# a news search made for one company" in text
    assert watcher(cfg, "feeds", "add", httpserver.url_for("/all.xml")).returncode == 2  # already there
    bad = watcher(cfg, "feeds", "add", "https://x.example/f", "--entity", "Nobody")
    assert bad.returncode == 2 and "Nobody" in bad.stderr
    bad = watcher(cfg, "feeds", "add", "https://x.example/f", "--interval", "900")
    assert bad.returncode == 2 and "no unit" in bad.stderr
    assert "x.example" not in cfg.read_text(encoding="utf-8")  # a refused edit leaves the file alone

    listed = watcher(cfg, "feeds", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    feeds = {f["name"]: f for f in json.loads(listed.stdout)}
    assert (
        feeds["Mistral search"]["entities"] == ["Mistral AI"] and not feeds["Mistral search"]["all_entities"]
    )
    assert feeds["Wire"]["all_entities"] and feeds["Wire"]["interval_seconds"] == 300
    assert feeds["Wire"]["last_success"] is None

    # A dry run fetches and extracts, says what would change, and writes nothing.
    dry = watcher(cfg, "poll", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dry run" in dry.stdout and "Series C" in dry.stdout
    with sqlite3.connect(tmp_path / "state" / "w.db") as db:
        assert db.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM feeds WHERE last_success IS NOT NULL").fetchone()[0] == 0

    polled = watcher(cfg, "poll")
    assert polled.returncode == 0, polled.stderr
    assert "queued in the outbox" in polled.stdout and "watcher alerts send" in polled.stdout

    changes = json.loads(watcher(cfg, "history", "--json").stdout)
    # The Mistral-only feed's article also names Hugging Face's round: not counted for it.
    hf = [c for c in changes if c["entity"] == "Hugging Face"]
    assert [c["new"]["amount"] for c in hf] == [500_000_000]
    mistral = [c for c in changes if c["entity"] == "Mistral AI"]
    assert sorted(c["kind"] for c in mistral) == ["new_round", "valuation_change"]
    for c in changes:  # the JSON contract for scripts
        for key in ("kind", "fact_kind", "round", "old", "new", "status", "url", "title", "evidence"):
            assert key in c
        assert {"sources", "lead_investors", "investors", "detected_at"} <= set(c)

    # Plain history tells the same story, with labels for people and each source's URL.
    plain = watcher(cfg, "history")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.count("source: ") == len(changes)
    assert "Series C" in plain.stdout and "series_c" not in plain.stdout
    assert httpserver.url_for("/a1") in plain.stdout and httpserver.url_for("/a2") in plain.stdout
    assert "EUR 14bn" in plain.stdout
    header = plain.stdout.splitlines()[0].split()
    assert header[:3] == ["detected", "entity", "change"]

    # Company names match whatever the case; --entity, --kind and --since apply everywhere.
    only = json.loads(watcher(cfg, "history", "--entity", "hugging face", "--json").stdout)
    assert only == hf
    plain_hf = watcher(cfg, "history", "--entity", "HUGGING FACE").stdout
    assert "Hugging Face" in plain_hf and "Mistral AI" not in plain_hf
    vals = watcher(cfg, "history", "--kind", "valuation_change").stdout
    assert "valuation" in vals and "new funding round" not in vals
    future = watcher(cfg, "history", "--since", "2999-01-01")
    assert "no changes" in future.stdout or "nothing known" in future.stdout
    assert json.loads(watcher(cfg, "history", "--since", "2999-01-01", "--json").stdout) == []
    typo = watcher(cfg, "history", "--kind", "valuations")
    assert typo.returncode == 2 and "valuations" in typo.stderr
    unknown = watcher(cfg, "history", "--entity", "Nobody")
    assert unknown.returncode == 2 and "Mistral AI" in unknown.stderr

    facts = json.loads(watcher(cfg, "history", "--facts", "--json").stdout)
    assert {f["marker"] for f in facts} == {"change"}
    assert all(f["url"].startswith("http://") and f["title"] for f in facts)
    assert "series_c" in {f["round"] for f in facts if f["kind"] == "funding_round"}
    plain_facts = watcher(cfg, "history", "--facts", "--kind", "new_round").stdout
    assert "funding round" in plain_facts and "valuation " not in plain_facts
    assert watcher(cfg, "history", "--facts", "--since", "2999-01-01", "--json").stdout.strip() == "[]"

    # One chart per company, each with its own title.
    svg = tmp_path / "h.svg"
    assert watcher(cfg, "history", "--plot", str(svg)).returncode == 0
    drawn = svg.read_text(encoding="utf-8")
    assert "Mistral AI: valuation and cumulative funding (EUR)" in drawn
    assert "Hugging Face: valuation and cumulative funding (EUR)" in drawn
    only_val = tmp_path / "v.svg"
    assert (
        watcher(
            cfg, "history", "--plot", str(only_val), "--kind", "valuation", "--entity", "mistral"
        ).returncode
        == 0
    )
    drawn = only_val.read_text(encoding="utf-8")
    assert "Mistral AI: valuation (EUR)" in drawn and "cumulative funding" not in drawn
    html = tmp_path / "h.html"
    assert watcher(cfg, "history", "--plot", str(html)).returncode == 0
    assert f'<a href="{httpserver.url_for("/a1")}">' in html.read_text(encoding="utf-8")

    # Status after the poll: same money format and labels.
    status = watcher(cfg, "status")
    assert "EUR 14bn" in status.stdout and "Series C" in status.stdout and "series_c" not in status.stdout

    ents = json.loads(watcher(cfg, "entities", "list", "--json").stdout)
    assert [(e["name"], e["feeds"]) for e in ents] == [
        ("Mistral AI", ["Mistral search", "Wire"]),
        ("Hugging Face", ["Wire"]),
    ]
    assert "Hugging Face" in watcher(cfg, "entities", "list").stdout

    table = watcher(cfg, "feeds", "list")
    assert table.returncode == 0 and "Mistral AI" in table.stdout and "all" in table.stdout
    assert "never" not in table.stdout.split("\n", 2)[2]  # both feeds have succeeded now

    removed = watcher(cfg, "feeds", "remove", "Wire")
    assert removed.returncode == 0, removed.stderr
    assert "all.xml" not in cfg.read_text(encoding="utf-8")
    assert "# a news search made for one company" in cfg.read_text(encoding="utf-8")
    assert watcher(cfg, "feeds", "remove", "Wire").returncode == 2


def test_global_options_after_the_command_and_complete_help(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n', encoding="utf-8")
    for args in (["status", "--config", str(cfg)], ["alerts", "list", "--config", str(cfg), "-q"]):
        res = watcher(None, *args)
        assert res.returncode == 0, res.stderr
    assert watcher(None, "check-config", "--config", str(cfg), "-v").returncode == 0

    top = watcher(None, "--help").stdout
    assert "WATCHER_CONFIG" in top
    for group in ([], ["alerts"], ["feeds"], ["entities"]):
        text = watcher(None, *group, "--help").stdout
        # Click cuts a long description with "..." (or "…"); only the usage line may end so.
        assert "…" not in text
        assert not [line for line in text.splitlines()[1:] if line.rstrip().endswith("...")]
    listing = watcher(None, "alerts", "list", "--help").stdout
    assert re.search(r"--json\s+\S", listing) and re.search(r"--limit N\s+\S", listing)


def test_check_config_lists_every_error_and_hides_secrets(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    secret = "https://hooks.slack.com/services/T000/B000/SuperSecretToken123"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\ninterval = 900\nretention_days = 0\n'
        '[[entities]]\nname = "X"\n'
        '[[feeds]]\nurl = "https://a.example/f"\ninterval = "0s"\nentities = ["Y"]\n'
        f'[alerts.slack]\nwebhook_url_env = "{secret}"\n',
        encoding="utf-8",
    )
    res = watcher(cfg, "check-config")
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    joined = "\n".join(lines)
    assert "SuperSecretToken" not in res.stdout + res.stderr
    assert "watcher.interval: 900 has no unit" in joined and '"900s"' in joined
    assert "watcher.retention_days" in joined
    assert "feeds[1].entities: 'Y' is not an [[entities]] name" in joined
    assert "alerts.slack.webhook_url_env" in joined
    assert len(lines) >= 4 and all(line.startswith("watcher: error: ") for line in lines)

    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n'
        '[[feeds]]\nurl = "https://a.example/f"\ninterval = "0s"\n',
        encoding="utf-8",
    )
    zero = watcher(cfg, "check-config")
    assert zero.returncode == 2 and "'0s' is zero" in zero.stderr and "not a duration" not in zero.stderr


def test_check_config_warns_on_unset_variables_and_secrets_in_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n'
        '[alerts.email]\nhost = "h"\nsender = "a@b"\nrecipients = ["c@d"]\npassword_env = "WATCHER_TEST_PW"\n'
        '[alerts.slack]\nwebhook_url = "https://hooks.slack.com/services/T0/B0/LiteralToken999"\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_TEST_PW"}
    res = watcher(cfg, "check-config", env=env)
    assert res.returncode == 0, res.stderr
    assert "WATCHER_TEST_PW is not set" in res.stderr
    assert "alerts.slack.webhook_url: a Slack webhook URL is a secret" in res.stderr
    assert "LiteralToken999" not in res.stdout + res.stderr
    assert "with warnings" in res.stdout
    strict = watcher(cfg, "check-config", "--strict", env=env)
    assert strict.returncode == 2
    env["WATCHER_TEST_PW"] = "x"
    cfg.write_text(cfg.read_text().split("[alerts.slack]")[0], encoding="utf-8")
    clean = watcher(cfg, "check-config", "--strict", env=env)
    assert clean.returncode == 0 and "warning" not in clean.stderr and ": ok (" in clean.stdout


def test_baseline_announces_an_empty_seed_folder_and_skips_other_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4 not a seed")
    (seeds / "a.html").write_text(
        page("Acme raises", ["Acme Robotics has raised $30 million in a Series A round led by Fund One."]),
        encoding="utf-8",
    )
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[watcher]\ndb = "w.db"\n[[entities]]\nname = "Empty Co"\nseeds = "{empty}"\n'
        f'[[entities]]\nname = "Acme Robotics"\naliases = ["Acme"]\nseeds = "{seeds}"\n',
        encoding="utf-8",
    )
    res = watcher(cfg, "baseline")
    assert res.returncode == 0, res.stderr
    assert "Empty Co: no seed documents in" in res.stdout
    assert "notes.pdf: not read" in res.stderr
    assert "Acme Robotics: a.html" in res.stdout and "USD 30M" in res.stdout


@pytest.mark.parametrize("language", ["en", "fr"])
def test_test_alert_says_test_and_french_is_french(tmp_path: Path, language: str) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n[alerts]\nlanguage = "{language}"\n'
        "[alerts.console]\nenabled = true\n",
        encoding="utf-8",
    )
    res = watcher(cfg, "alerts", "test")
    assert res.returncode == 0, res.stderr
    lines = [line for line in res.stdout.splitlines() if line and not line.startswith("=")]
    assert lines[0].startswith("[watcher] TEST")  # the subject
    assert lines[1].startswith("TEST")  # the first line of the body
    assert "valuation" not in res.stdout and "->" not in res.stdout
    if language == "fr":
        assert "(alerte #" in res.stdout and "(alert #" not in res.stdout


def test_french_evidence_is_quoted_with_guillemets() -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    from watcher.models import Change, Money
    from watcher.render import render

    change = Change(
        entity="X",
        kind="new_round",
        status="announced",
        new=Money(Decimal(10**8), "EUR"),
        detected_at=datetime(2025, 1, 1, tzinfo=UTC),
        evidence="X lève 100 millions d'euros.",
    )
    fr = render(change, "fr")
    assert "«\u00a0X lève 100 millions d'euros.\u00a0»" in fr.text and "“" not in fr.text
    assert "“X lève" in render(change, "en").text


def test_a_waiting_alert_says_when_it_is_tried_again(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("busy", status=503)
    site(httpserver)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[http]\nallow_private = ["127.0.0.1"]\n[[entities]]\nname = "Hugging Face"\n'
        f'[[feeds]]\nurl = "{httpserver.url_for("/all.xml")}"\n'
        f'[alerts]\nretry_base = "10m"\n[alerts.slack]\nwebhook_url = "{httpserver.url_for("/hook")}"\n',
        encoding="utf-8",
    )
    assert watcher(cfg, "poll").returncode == 0
    sent = watcher(cfg, "alerts", "send")
    assert sent.returncode == 1
    assert "slack: slack:" not in sent.stdout
    assert re.search(r"waiting: #1 slack, next try in (9|10)m \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)", sent.stdout)
    status = watcher(cfg, "status")
    assert re.search(r"waiting #1 slack: next try in (9|10)m, 1 try so far", status.stdout)
    data = json.loads(watcher(cfg, "status", "--json").stdout)
    assert data["waiting"][0]["attempts"] == 1 and data["waiting"][0]["next_attempt"]
    listed = watcher(cfg, "alerts", "list").stdout
    assert "next try" in listed.splitlines()[0]


def test_daemon_quiet_scheduler_sighup_reopens_log_and_clean_stop_is_seen_at_once(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    import signal

    from tests.test_daemon import Site, reap, wait_for, write_config

    cfg = write_config(tmp_path, Site(httpserver))
    log = tmp_path / "watcher.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(cfg), "run", "--log-file", str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: bool(json.loads(watcher(cfg, "status", "--json").stdout)["daemon_alive"]))
        wait_for(lambda: log.exists() and "cycle:" in log.read_text(encoding="utf-8"))
        rotated = log.rename(tmp_path / "watcher.log.1")  # what logrotate does
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: log.exists() and "SIGHUP: reopened the log file" in log.read_text(encoding="utf-8"))
        assert proc.poll() is None  # still running
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        reap(proc)
    data = json.loads(watcher(cfg, "status", "--json").stdout)
    assert data["daemon_alive"] is False and data["stopped_at"]
    assert "daemon: stopped" in watcher(cfg, "status").stdout
    logs = rotated.read_text(encoding="utf-8") + log.read_text(encoding="utf-8")
    # At the default level the scheduler's per-job lines stay out of the log.
    assert "apscheduler" not in logs and "Running job" not in logs


def test_scheduler_chatter_only_at_vv() -> None:
    import logging

    from watcher.cli import _setup_logging

    scheduler = logging.getLogger("apscheduler")
    try:
        for verbosity, shown in ((-1, False), (0, False), (1, False), (2, True)):
            _setup_logging(verbosity)
            assert scheduler.isEnabledFor(logging.INFO) is shown
    finally:
        _setup_logging(0)


def digest_config(tmp_path: Path, server: HTTPServer, smtp_port: int) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[http]\nallow_private = ["127.0.0.1"]\n[[entities]]\nname = "Hugging Face"\n'
        f'[[feeds]]\nurl = "{server.url_for("/all.xml")}"\nname = "Wire"\n'
        f'[[feeds]]\nurl = "{server.url_for("/gone.xml")}"\nname = "Gone"\n'
        f'[alerts.email]\nhost = "127.0.0.1"\nport = {smtp_port}\ntls = "none"\nsender = "w@example.org"\n'
        'recipients = ["me@example.org"]\n'
        '[alerts.digest]\nat = "08:00"\ntimezone = "Europe/Paris"\n',
        encoding="utf-8",
    )
    return cfg


def test_daily_digest_once_a_day_through_the_outbox(tmp_path: Path, httpserver: HTTPServer) -> None:
    import email
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from tests.test_channels import Recorder, smtp_server
    from watcher.alerts import build_channels
    from watcher.config import load_config
    from watcher.delivery import deliver_due
    from watcher.digest import queue_digest_if_due
    from watcher.store import Store

    site(httpserver)
    httpserver.expect_request("/gone.xml").respond_with_data("no", status=500)
    recorder = Recorder()
    with smtp_server(recorder) as port:
        cfg = digest_config(tmp_path, httpserver, port)
        assert watcher(cfg, "poll").returncode == 0  # one change, one failing feed, one alert queued
        preview = watcher(cfg, "alerts", "digest", "--preview")
        assert preview.returncode == 0, preview.stderr
        assert "Daily digest" in preview.stdout and "1 change, 1 failing feed" in preview.stdout
        assert "Gone" in preview.stdout and "Hugging Face" in preview.stdout
        # Where the company stands now, as status says it (one current state).
        status = json.loads(watcher(cfg, "status", "--json").stdout)
        [entity] = status["entities"]
        shown = entity["latest_valuation"] or entity["latest_round"]
        assert "Hugging Face now: " in preview.stdout and f"{shown['sources']} source" in preview.stdout

        s = load_config(cfg)
        # The next 07:59 in Paris, before the digest's time; two minutes later it is due, and
        # the change just detected falls in the 24 hours it covers.
        paris = ZoneInfo("Europe/Paris")
        local = datetime.now(paris).replace(hour=7, minute=59, second=0, microsecond=0)
        if local <= datetime.now(paris):
            local += timedelta(days=1)
        before = local.astimezone(UTC)
        day = local.date().isoformat()
        with Store(s.db) as store:
            assert queue_digest_if_due(s, store, before) == 0
            first = queue_digest_if_due(s, store, before + timedelta(minutes=2))
            assert first > 0
            assert queue_digest_if_due(s, store, before + timedelta(hours=3)) == 0  # once a day
            report = deliver_due(s, store, build_channels(s.alerts), now=before + timedelta(hours=3))
            assert report.sent == 2 and report.failed == 0  # the change's own alert and the digest
            # The next day's digest starts where this one stopped: no change twice.
            second = queue_digest_if_due(s, store, before + timedelta(days=1, minutes=2))
            assert second > first
            [row] = [r for r in store.outbox() if r.id == second]
            digest = store.load_digest(row)
            next_day = (local + timedelta(days=1)).date().isoformat()
            assert digest is not None and digest.day == next_day and digest.changes == ()
        subjects = [str(email.message_from_bytes(r.content)["Subject"]) for r in recorder.received]
        digests = [x for x in subjects if "Daily digest" in x]
        assert digests == [f"[watcher] Daily digest {day}: 1 change, 1 failing feed"]

        queued = watcher(cfg, "alerts", "digest")
        assert queued.returncode == 0 and "digest queued" in queued.stdout
        again = watcher(cfg, "alerts", "digest")
        assert "already queued" in again.stdout
        assert "daily digest" in watcher(cfg, "alerts", "list").stdout


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('[alerts.digest]\nat = "08:00"\n', "the digest goes by email"),
        (
            '[alerts.email]\nhost="h"\nsender="a@b"\nrecipients=["c@d"]\n[alerts.digest]\nat = "25:00"\n',
            "25:00",
        ),
        (
            '[alerts.email]\nhost="h"\nsender="a@b"\nrecipients=["c@d"]\n[alerts.digest]\nat = "08:00"\n'
            'timezone = "Mars/Olympus"\n',
            "not a time zone name",
        ),
    ],
)
def test_digest_settings_are_checked(tmp_path: Path, table: str, expected: str) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n' + table, encoding="utf-8")
    res = watcher(cfg, "check-config")
    assert res.returncode == 2 and expected in res.stderr


def test_error_prefixes_are_not_doubled(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("invalid_blocks", status=400)
    site(httpserver)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[http]\nallow_private = ["127.0.0.1"]\n[[entities]]\nname = "Hugging Face"\n'
        f'[[feeds]]\nurl = "{httpserver.url_for("/all.xml")}"\n'
        f'[alerts.slack]\nwebhook_url = "{httpserver.url_for("/hook")}"\n',
        encoding="utf-8",
    )
    assert watcher(cfg, "poll").returncode == 0
    sent = watcher(cfg, "alerts", "send")
    assert sent.returncode == 1 and "  slack: " in sent.stdout
    tested = watcher(cfg, "alerts", "test")
    assert tested.returncode == 1 and tested.stdout.startswith("slack: ")
    status = watcher(cfg, "status")
    assert "dead #1 slack: " in status.stdout
    for out in (sent.stdout, tested.stdout, status.stdout):
        assert "slack: slack:" not in out


def test_config_warnings_name_variables_never_values(tmp_path: Path) -> None:
    from watcher.config import config_warnings, load_config

    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "w.db"\n[[entities]]\nname = "X"\n'
        '[alerts.webhook]\nurl = "https://user:pa55word@hooks.example/in"\n'
        'headers_env = { Authorization = "WATCHER_TEST_AUTH" }\n',
        encoding="utf-8",
    )
    warnings = config_warnings(load_config(cfg), {})
    assert any("WATCHER_TEST_AUTH is not set" in w for w in warnings)
    assert any("alerts.webhook.url: the URL carries a credential" in w for w in warnings)
    assert not any("pa55word" in w for w in warnings)
    assert config_warnings(load_config(cfg), {"WATCHER_TEST_AUTH": "Bearer x"})[0].endswith(
        "headers_env instead"
    )
