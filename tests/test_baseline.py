"""Seeds become the baseline: once, idempotently, without page furniture."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from watcher.config import settings_from_mapping
from watcher.pipeline import load_baseline
from watcher.seeds import load_seed_folder
from watcher.settings import Settings
from watcher.store import Store

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2025, 1, 1, tzinfo=UTC)


def settings_for(tmp_path: Path) -> Settings:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    data = {
        "watcher": {"db": "state/w.db"},
        "entities": [{"name": "Mistral AI", "aliases": ["Mistral"], "seeds": "seeds"}],
    }
    return settings_from_mapping(data, tmp_path / "config.toml")


def test_seed_folder_has_manifest_dates() -> None:
    docs = load_seed_folder(ROOT / "seeds")
    assert len(docs) == 5
    assert {d.published for d in docs} == {"2023-12", "2024-02", "2024-06", "2024-09"}
    # Oldest first, so the baseline is built in the order events happened.
    assert [d.published for d in docs] == sorted(d.published or "" for d in docs)


def test_document_without_manifest_entry_loads_with_unknown_date(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "note.txt").write_text("Mistral AI a levé 10 millions d'euros.", encoding="utf-8")
    [doc] = load_seed_folder(folder)
    assert doc.published is None and doc.url == "seed://s/note.txt"


def test_baseline_twice_changes_nothing(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    with Store(settings.db) as store:
        first = load_baseline(settings, store, now=NOW)
        facts = store.facts("Mistral AI")
        second = load_baseline(settings, store, now=NOW)
        assert store.facts("Mistral AI") == facts
        assert {d.status for d in first} == {"loaded"}
        assert {d.status for d in second} == {"unchanged"}
        assert store.changes() == []
        assert store.outbox_counts()["pending"] == 0


def test_baseline_knows_the_current_state(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    with Store(settings.db) as store:
        load_baseline(settings, store, now=NOW)
        known = store.facts("Mistral AI", known_only=True)
    valuations = [(k.fact.amount, k.fact.currency) for k in known if k.fact.kind == "valuation"]
    rounds = [(k.fact.amount, k.fact.currency) for k in known if k.fact.kind == "funding_round"]
    assert (Decimal("6200000000"), "USD") in valuations
    assert (Decimal("600000000"), "EUR") in rounds
    assert (Decimal("385000000"), "EUR") in rounds
    # Re-reports across seed documents corroborate rather than duplicate.
    series_a = [k for k in known if k.fact.kind == "funding_round" and k.fact.amount == Decimal("385000000")]
    assert len(series_a) == 1 and series_a[0].sources >= 2
    # Page furniture and other companies' figures are not known facts.
    amounts = {k.fact.amount for k in known}
    assert Decimal("500000000") not in amounts  # Aleph Alpha
    assert Decimal("13000000000") not in amounts  # OpenAI


def test_edited_seed_is_reloaded(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    with Store(settings.db) as store:
        load_baseline(settings, store, now=NOW)
        path = tmp_path / "seeds" / "000_e37a5f27cbd73555.txt"
        path.write_text(path.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
        docs = load_baseline(settings, store, now=NOW)
        assert [d.status for d in docs if d.name.startswith("000")] == ["reloaded"]
        assert store.changes() == []


def test_baseline_cli_prints_facts_per_document(tmp_path: Path) -> None:
    settings_for(tmp_path)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[watcher]\ndb = "state/w.db"\n[[entities]]\nname = "Mistral AI"\nseeds = "seeds"\n', encoding="utf-8"
    )
    cmd = [sys.executable, "-m", "watcher", "--config", str(cfg), "baseline"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "000_e37a5f27cbd73555.txt (2024-06)" in res.stdout
    assert "[loaded]" in res.stdout
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert "[unchanged]" in again.stdout and "[loaded]" not in again.stdout
