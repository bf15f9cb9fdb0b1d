"""`watcher extract`: the language option, the publication date, and confidence/reasons in --json."""

from __future__ import annotations

import json

from click.testing import CliRunner

from watcher.cli import main


def _run(*args: str, text: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["extract", "-", "--entity", "Tindra", *args], input=text)
    return result.exit_code, result.output


def test_json_carries_confidence_and_reasons() -> None:
    code, out = _run("--json", text="Tindra raised $40 million in a Series B led by Accel.")
    assert code == 0, out
    (fact,) = json.loads(out)
    assert 0.8 <= fact["confidence"] <= 1.0
    assert any(r.startswith("owner:") for r in fact["reasons"])
    assert any(r.startswith("kind:") for r in fact["reasons"])
    assert any(r.startswith("status:") for r in fact["reasons"])


def test_lang_chooses_the_lexicon() -> None:
    # "tour" is a French raise cue; read as English, a concert tour's worth is nobody's round.
    text = "Tindra's founder managed a concert tour worth $40 million."
    code, out = _run("--json", "--lang", "en", text=text)
    assert code == 0, out
    assert json.loads(out) == []


def test_lang_rejects_an_unknown_language() -> None:
    code, out = _run("--lang", "de", text="Tindra raised $40 million.")
    assert code != 0
    assert "--lang" in out


def test_published_dates_the_text() -> None:
    text = "Tindra raised $40 million in 2024."
    code, out = _run("--json", "--published", "2026-03-02", text=text)
    assert code == 0, out
    assert [f["context"] for f in json.loads(out)] == ["background"]
    code, out = _run("--json", "--published", "2024-11-20", text=text)
    assert [f["context"] for f in json.loads(out)] == ["main"]


def test_published_must_be_iso() -> None:
    code, out = _run("--published", "March 2025", text="Tindra raised $40 million.")
    assert code != 0
    assert "--published" in out and "2025-06-11" in out
    assert "Traceback" not in out
