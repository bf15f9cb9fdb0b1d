"""`watcher explain` reads an article for the tracked companies it names, as a cycle does, not for
every tracked company (issue 18: with 10,000 of them it ran the extractor 10,000 times)."""

from __future__ import annotations

from pathlib import Path

from tests.newsroom import page
from tests.test_cli import watcher
from tests.test_pipeline import Newsroom, publish
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from tests.test_review_cli import _config


def test_explain_reads_only_the_companies_named(tmp_path: Path, newsroom: Newsroom) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, ["/en.xml"])
    text = config.read_text(encoding="utf-8")
    others = "".join(f'[[entities]]\nname = "Zephyrine Works {i}"\n\n' for i in range(300))
    config.write_text(text.replace("[http]", others + "[http]", 1), encoding="utf-8")
    res = watcher("--config", str(config), "explain", newsroom.url("/2025/09/xai"))
    assert res.returncode == 0, res.stderr
    assert "Mistral AI: '$6 billion': dropped" in res.stdout
    assert "Zephyrine" not in res.stdout
    newsroom.set(
        "/2025/09/batteries",
        page(
            "Battery maker Voltrane raises $40 million",
            [
                "Voltrane, a maker of sodium batteries based in Lyon, said it raised $40 million.",
                "The round was led by a group of European funds and will pay for a second plant.",
                "The company plans to double its staff to two hundred people by the end of next year.",
            ],
        ),
    )
    res = watcher("--config", str(config), "explain", newsroom.url("/2025/09/batteries"))
    assert res.returncode == 0, res.stderr
    assert "names no tracked company" in res.stdout
    assert "dropped" not in res.stdout
