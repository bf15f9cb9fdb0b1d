"""Review commands through the CLI, on a real local news server and a SQLite file (and, for
`reject` and `confirm`, a PostgreSQL database): `facts`, `reject`, `confirm` and `explain` (issue 8)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from tests.newsroom import page, rss
from tests.test_cli import watcher
from tests.test_pipeline import ROOT, Newsroom, publish
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from watcher.config import load_config
from watcher.digest import build_digest
from watcher.store import Store

JUMP_PAGE = page(
    "Mistral AI is now worth €90 billion, says a blog",
    ["Mistral AI is now valued at €90 billion after a secondary sale, a blog post claims."],
    published="2025-03-10",
)


def _config(tmp_path: Path, room: Newsroom, feeds: list[str], db: Path | str = "state/watcher.db") -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds", dirs_exist_ok=True)
    feed_lines = "\n".join(f'[[feeds]]\nurl = "{room.url(f)}"\nname = "{f.strip("/")}"\n' for f in feeds)
    path = tmp_path / "config.toml"
    path.write_text(
        f"""[watcher]
db = "{db}"
interval = "10m"

[[entities]]
name = "Mistral AI"
aliases = ["Mistral"]
seeds = "seeds"

{feed_lines}
[http]
allow_private = ["127.0.0.1"]  # the local news server

[alerts.file]
path = "state/alerts.jsonl"
""",
        encoding="utf-8",
    )
    return path


def _facts(config: Path, *args: str) -> list[dict[str, object]]:
    res = watcher("--config", str(config), "facts", "--json", *args)
    assert res.returncode == 0, res.stderr
    return list(json.loads(res.stdout))


def test_reject_a_wrong_fact_then_it_no_longer_counts(
    tmp_path: Path, newsroom: Newsroom, db_target: Path | str
) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml"], db_target)
    assert watcher("--config", str(config), "poll").returncode == 0
    [valuation] = [f for f in _facts(config) if f["amount"] == 11_700_000_000]
    assert valuation["state"] == "active" and 0 <= float(str(valuation["confidence"])) <= 1

    res = watcher("--config", str(config), "reject", str(valuation["id"]), "--reason", "misread")
    assert res.returncode == 0, res.stderr
    assert "no alert is sent" in res.stdout
    assert all(f["amount"] != 11_700_000_000 for f in _facts(config))
    rejected = [f for f in _facts(config, "--all") if f["id"] == valuation["id"]]
    assert rejected and rejected[0]["state"] == "rejected" and "misread" in str(rejected[0]["note"])

    status = json.loads(watcher("--config", str(config), "status", "--json").stdout)
    assert "11700000000" not in json.dumps(status.get("entities", status))

    # Confirming it makes it count again, with no new alert.
    res = watcher("--config", str(config), "confirm", f"fact:{valuation['id']}")
    assert res.returncode == 0 and "change queued" not in res.stdout
    assert any(f["amount"] == 11_700_000_000 for f in _facts(config))


def test_a_rejected_seed_fact_stays_rejected_when_the_seed_is_read_again(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    config = tmp_path / "config.toml"
    config.write_text(
        '[watcher]\ndb = "w.db"\n\n[[entities]]\nname = "Mistral AI"\nseeds = "seeds"\n',
        encoding="utf-8",
    )
    assert watcher("--config", str(config), "baseline").returncode == 0
    target = next(f for f in _facts(config) if f["kind"] == "valuation")
    assert watcher("--config", str(config), "reject", str(target["id"])).returncode == 0
    seed = tmp_path / "seeds" / str(target["url"]).rsplit("/", 1)[-1]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nUne ligne ajoutée.\n", encoding="utf-8")
    res = watcher("--config", str(config), "baseline")
    assert res.returncode == 0 and "[reloaded]" in res.stdout, res.stdout + res.stderr
    again = [
        f for f in _facts(config, "--all") if f["amount"] == target["amount"] and f["url"] == target["url"]
    ]
    assert again and all(f["state"] == "rejected" for f in again)


def test_a_waiting_fact_is_listed_and_confirm_alerts_it(
    tmp_path: Path, newsroom: Newsroom, db_target: Path | str
) -> None:
    newsroom.set("/jump", JUMP_PAGE)
    feed = rss(
        "Blog", [{"title": "Mistral AI is now worth €90 billion", "link": newsroom.url("/jump"), "guid": "j"}]
    )
    newsroom.set("/blog.xml", feed, ctype="application/rss+xml")
    config = _config(tmp_path, newsroom, ["/blog.xml"], db_target)
    res = watcher("--config", str(config), "poll")
    assert res.returncode == 0, res.stderr
    assert "changes: 0" in res.stdout  # a 14x jump within a year, from one site, waits for a second one
    [waiting] = _facts(config, "--pending")
    assert waiting["amount"] == 90_000_000_000 and "corroboration" in str(waiting["note"])
    # The daily digest lists what is still waiting.
    settings = load_config(config)
    with Store(settings.db) as store:
        [line] = build_digest(settings, store, datetime.now(UTC)).pending
    assert "90bn" in line and f"#{waiting['id']}" in line
    res = watcher("--config", str(config), "confirm", str(waiting["id"]))
    assert res.returncode == 0, res.stderr
    assert "change queued" in res.stdout and "90bn" in res.stdout
    assert _facts(config, "--pending") == []


def test_explain_shows_every_money_mention_and_its_decision(tmp_path: Path, newsroom: Newsroom) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml"])
    res = watcher("--config", str(config), "explain", newsroom.url("/2025/09/xai"))
    assert res.returncode == 0, res.stderr
    assert "text from: page" in res.stdout
    assert "$6 billion" in res.stdout and "dropped" in res.stdout
    res = watcher("--config", str(config), "explain", newsroom.url("/2025/09/mistral-series-c"))
    assert res.returncode == 0, res.stderr
    assert "-> change" in res.stdout and "confidence" in res.stdout


def test_reject_unknown_id_is_one_clear_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[watcher]\ndb = "w.db"\n\n[[entities]]\nname = "Acme"\n', encoding="utf-8")
    res = watcher("--config", str(config), "reject", "change:999")
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "no change #999" in res.stderr


def _history(config: Path, *args: str) -> list[dict[str, object]]:
    res = watcher("--config", str(config), "history", "--json", *args)
    assert res.returncode == 0, res.stderr
    return list(json.loads(res.stdout))


def test_a_rejected_change_is_gone_from_every_view_until_confirmed(
    tmp_path: Path, newsroom: Newsroom
) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml"])
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[alerts.digest]\nat = "00:00"\ntimezone = "UTC"\n'
        '\n[alerts.email]\nhost = "127.0.0.1"\nsender = "w@example.org"\nrecipients = ["a@example.org"]\n',
        encoding="utf-8",
    )
    assert watcher("--config", str(config), "poll").returncode == 0
    changes = _history(config)
    [target] = [c for c in changes if c["kind"] == "valuation_change"]
    status_before = json.loads(watcher("--config", str(config), "status", "--json").stdout)
    [before] = status_before["entities"]

    res = watcher("--config", str(config), "reject", f"change:{target['id']}", "--reason", "a misread")
    assert res.returncode == 0, res.stderr
    # Gone from the JSON and plain history, the status count and the digest...
    assert all(c["id"] != target["id"] for c in _history(config))
    plain = watcher("--config", str(config), "history").stdout
    assert "rejected" not in plain
    assert plain.count("source:") == len(changes) - 1
    [after] = json.loads(watcher("--config", str(config), "status", "--json").stdout)["entities"]
    assert after["changes_since_baseline"] == before["changes_since_baseline"] - 1
    settings = load_config(config)
    with Store(settings.db) as store:
        digest = build_digest(settings, store, datetime.now(UTC))
    assert target["id"] not in [c.id for c in digest.changes] and len(digest.changes) == len(changes) - 1
    # ...unless asked for, marked as such.
    [shown] = [c for c in _history(config, "--rejected") if c["id"] == target["id"]]
    assert "a misread" in str(shown["rejected"])
    assert "rejected" in watcher("--config", str(config), "history", "--rejected").stdout

    assert watcher("--config", str(config), "confirm", f"change:{target['id']}").returncode == 0
    assert [c["id"] for c in _history(config)] == [c["id"] for c in changes]
    [again] = json.loads(watcher("--config", str(config), "status", "--json").stdout)["entities"]
    assert again == before


def test_rejecting_a_changed_fact_hides_its_change_too(tmp_path: Path, newsroom: Newsroom) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml"])
    assert watcher("--config", str(config), "poll").returncode == 0
    [change] = [c for c in _history(config) if c["kind"] == "valuation_change"]
    [fact] = [f for f in _facts(config) if f["amount"] == change["new"]["amount"]]  # type: ignore[index]
    assert watcher("--config", str(config), "reject", str(fact["id"])).returncode == 0
    assert all(c["id"] != change["id"] for c in _history(config))
    rows = json.loads(watcher("--config", str(config), "history", "--facts", "--json", "--rejected").stdout)
    assert [r["marker"] for r in rows if r["amount"] == change["new"]["amount"]] == ["rejected"]  # type: ignore[index]
    plain = json.loads(watcher("--config", str(config), "history", "--facts", "--json").stdout)
    assert all(r["marker"] != "rejected" for r in plain)


def test_explain_speaks_only_of_the_companies_the_article_names(tmp_path: Path, newsroom: Newsroom) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml"])
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[[entities]]\nname = "Aleph Alpha"\n', encoding="utf-8"
    )
    res = watcher("--config", str(config), "explain", newsroom.url("/2025/09/mistral-series-c"))
    assert res.returncode == 0, res.stderr
    assert "  Mistral AI: " in res.stdout and "Aleph Alpha" not in res.stdout
    other = page(
        "Battery maker Voltaro raises €40 million",
        ["Voltaro, a battery maker from Lyon, raised €40 million in a Series B led by Demo Capital."],
    )
    newsroom.set("/voltaro", other)
    res = watcher("--config", str(config), "explain", newsroom.url("/voltaro"))
    assert res.returncode == 0, res.stderr
    assert "names no tracked company" in res.stdout and "dropped" not in res.stdout
