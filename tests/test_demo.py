"""`watcher demo`: the bundled news site, the whole pipeline, offline, in one call."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest

import watcher.demo as demo
from watcher.errors import ConfigError
from watcher.feeds import parse_feed
from watcher.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def output() -> str:
    out = io.StringIO()
    assert demo.run_demo(out) == 0
    return out.getvalue()


def change_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("change:")]


def test_the_new_round_and_valuation_are_the_changes(output: str) -> None:
    lines = change_lines(output)
    assert any("new funding round (Series C): EUR 1.7bn [announced]" in line for line in lines), lines
    assert any(
        "valuation (Series C)" in line and line.endswith("-> EUR 11.7bn [announced]") for line in lines
    )
    assert len(lines) == 2


def test_competitor_and_rereported_figures_are_not_changes(output: str) -> None:
    new_values = [line.split("->")[-1] for line in change_lines(output)]
    for figure in ("13bn", "183bn", "600M", "385M", "6.2bn", "40M"):
        assert not any(figure in v for v in new_values), (figure, new_values)
    # The competitor's figures appear nowhere: neither as a change, an alert nor in the status.
    assert "183" not in output and "USD 13bn" not in output


def test_alerts_reach_the_console_and_status_is_printed(output: str) -> None:
    # The Series C is one event: its round and its valuation in one message.
    assert "[watcher] Mistral AI: new funding round EUR 1.7bn" in output
    assert "; valuation USD 6.2bn -> EUR 11.7bn (announced)  (alert #1)" in output
    assert "alerts: 1 sent, 0 failed, 0 dead" in output
    status = output.split("== 4. Status", 1)[1]
    assert "Mistral AI" in status and "outbox: 1 sent" in status
    assert "last cycle: never" not in status
    assert "feeds: 2 ok, 0 failed" in output
    assert "baseline: " in output and "5 seed documents" in output


def test_state_is_kept_on_request_and_unrelated_pages_are_never_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sites: list[demo.NewsSite] = []
    real = demo.serve_news

    @contextmanager
    def recording() -> Iterator[demo.NewsSite]:
        with real() as site:
            sites.append(site)
            yield site

    monkeypatch.setattr(demo, "serve_news", recording)
    keep = tmp_path / "kept"
    assert demo.run_demo(io.StringIO(), keep=keep) == 0

    [site] = sites
    assert not any("berlin-battery" in hit for hit in site.hits)
    assert any("mistral-ai-series-c-asml" in hit for hit in site.hits)
    assert (keep / "config.toml").is_file() and (keep / "seeds" / "manifest.toml").is_file()
    with Store(keep / "state" / "watcher.db") as store:
        changes = store.changes("Mistral AI")
        assert sorted((c.kind, c.new.amount) for c in changes) == [
            ("new_round", Decimal("1700000000")),
            ("valuation_change", Decimal("11700000000")),
        ]
        valuation = next(c for c in changes if c.kind == "valuation_change")
        assert valuation.old is not None and valuation.old.amount == Decimal("6200000000")
        # The French report of the same round is a second source, not a second change.
        new_round = next(c for c in changes if c.kind == "new_round")
        assert new_round.sources == 2 and "ASML" in new_round.lead_investors
        # The recap re-reported the baseline: it corroborates, it does not add.
        known = [f for f in store.facts("Mistral AI", known_only=True) if f.fact.amount == 6_200_000_000]
        assert known and known[0].baseline and known[0].sources >= 3

    # A kept folder is not reused: a second demo there would find nothing new to show.
    with pytest.raises(ConfigError, match="already holds a watcher state"):
        demo.run_demo(io.StringIO(), keep=keep)


def test_bundled_feeds_parse_and_link_to_bundled_pages() -> None:
    base = "http://127.0.0.1:8"
    routes = demo.site_routes(base)
    links = []
    for feed in demo.DEMO_FEEDS:
        ctype, body = routes[feed.path]
        assert b"{base}" not in body
        entries = parse_feed(body, base + feed.path, ctype)
        assert entries
        links += [e.link for e in entries if e.link]
    assert len(links) == 6
    for link in links:
        path = link.removeprefix(base).split("?")[0]
        assert routes[path][0].startswith("text/html"), link
    english, french = (routes[f.path][1] for f in demo.DEMO_FEEDS)
    assert b"<rss" in english and b'xml:lang="fr"' in french


def test_bundled_seeds_are_the_project_seeds() -> None:
    project = ROOT / "seeds"
    if not project.is_dir():
        pytest.skip("not running from a source checkout")
    bundled = demo.demo_data() / "seeds"
    names = sorted(p.name for p in project.iterdir() if p.is_file())
    assert sorted(c.name for c in bundled.iterdir()) == names
    for name in names:
        assert (bundled / name).read_bytes() == (project / name).read_bytes(), name


def test_python_m_watcher_demo_exits_zero(tmp_path: Path) -> None:
    from watcher.cli import main

    if "demo" not in main.commands:
        pytest.skip("the CLI has no demo command yet")
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
    done = subprocess.run(
        [sys.executable, "-m", "watcher", "demo"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        # Any folder will do: the demo needs no config.toml and writes nothing in place.
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "valuation (Series C)" in done.stdout and "EUR 11.7bn" in done.stdout
    assert "== 4. Status" in done.stdout


def test_the_demo_says_how_to_open_its_data_on_the_review_page(output: str) -> None:
    assert "watcher demo --keep watcher-demo" in output
    assert "watcher --config watcher-demo/config.toml serve" in output
    assert "http://127.0.0.1:8470/" in output
