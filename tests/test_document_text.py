"""Documents keep the text their facts were read from (migration document_text): capped at
200 KB at a sentence's end, written by a real poll of a local site, carried by the workers'
JSON, on both backends, and shown on the change page with the evidence marked inside it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from tests.newsroom import page, rss
from tests.serve_world import live_server
from tests.test_pipeline import Newsroom, settings_for
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from watcher.jobs.codec import read_from_json, read_to_json
from watcher.kept_text import TEXT_CAP_BYTES, excerpt, is_whole, kept_text
from watcher.models import Entity, Fact
from watcher.pipeline import load_baseline, run_cycle
from watcher.reading import ArticleRead
from watcher.review import evidence_in
from watcher.seeds import text_hash
from watcher.store import NewDocument, Store

NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
# Invented filler, about 1 KB a paragraph, each a few whole sentences.
FILLER = (
    "The robotics workshop in the old tram depot runs three shifts a week. "
    "Its engineers test grippers on crates of mismatched parcels until the arms stop dropping them. "
) * 6


def test_a_short_text_is_kept_whole() -> None:
    text = "Zorblat Systems raised €4 million. It makes kettles that talk."
    assert kept_text(text) == text
    assert is_whole(text, text_hash(text))


def test_a_long_text_is_cut_after_its_last_whole_sentence_under_the_cap() -> None:
    text = "First sentence of the story. " + "Ünïcödé sentence number one goes here. " * 10_000
    kept = kept_text(text)
    assert len(kept.encode("utf-8")) <= TEXT_CAP_BYTES
    assert len(kept.encode("utf-8")) > TEXT_CAP_BYTES - 100  # nothing more than a sentence lost
    assert kept.endswith("goes here.") and text.startswith(kept)
    assert not is_whole(kept, text_hash(text))
    # Without a sentence's end, at the last space; never inside a word or a character.
    words = "épée " * 60_000
    cut = kept_text(words)
    assert len(cut.encode("utf-8")) <= TEXT_CAP_BYTES and cut.endswith("épée")
    assert kept_text("é" * 150_000)  # one long word: cut between characters, still valid text


def test_the_change_page_quotes_the_sentences_around_the_evidence() -> None:
    text = " ".join(f"Sentence {i} of the invented story." for i in range(200))
    evidence = "Sentence 100 of the invented story."
    parts = evidence_in(text, evidence)
    assert parts
    ex = excerpt(parts)
    assert ex.at == evidence and ex.more_before and ex.more_after
    assert ex.before.startswith("Sentence ") and ex.after.endswith("story.")
    assert len(ex.before) <= 600 and len(ex.after) <= 600
    whole = excerpt(evidence_in("Short. " + evidence + " Done.", evidence) or ("", "", ""))
    assert (whole.before, whole.after, whole.more_before, whole.more_after) == (
        "Short. ",
        " Done.",
        False,
        False,
    )


def test_the_workers_json_carries_the_text_and_reads_an_older_workers_without_it() -> None:
    read = ArticleRead("T", "2025-09-09", "en", "page", "h", (), text="Quux Ltd raised <b>€3M</b>.")
    assert read_from_json(read_to_json(read), {}) == read
    older = read_to_json(read).replace(', "text": "Quux Ltd raised <b>€3M</b>."', "")
    assert '"text"' not in older and read_from_json(older, {}).text == ""


def test_documents_keep_their_text_on_both_backends(db_target: Path | str) -> None:
    url = "https://news.example/kept"
    with Store(db_target) as s:
        with s.transaction():
            s.add_document(
                NewDocument(url, "T", "2025-09-09", "h", "en", "feed", text="Flibber raised €5M."), NOW
            )
            s.add_document(NewDocument("https://news.example/none", "U", None, "h2", "en", "feed"), NOW)
        kept = s.document_text(url)
        assert kept and kept.text == "Flibber raised €5M." and kept.title == "T"
        none = s.document_text("https://news.example/none")
        assert none is not None and none.text is None  # as the migration leaves older rows
        assert s.document_text("https://news.example/never") is None
        doc_id = s.document_id(url)
        assert doc_id is not None
        with s.transaction():
            s.update_document(doc_id, NewDocument(url, "T2", None, "h3", "en", "feed", text="New."), NOW)
        assert (s.document_text(url) or kept).text == "New."


def test_the_migration_adds_the_column_to_an_older_postgresql_database(pg_url: str) -> None:
    with Store(pg_url) as s:
        eid = s.ensure_entity(Entity("Old Co"))
        doc = s.add_document(NewDocument("https://news.example/old", "T", None, "h", "en", "feed"), NOW)
        s.add_fact(
            eid, doc, Fact("valuation", Decimal(9), "EUR", evidence="x"), period=None, baseline=False, now=NOW
        )
        # The database as a watcher before document_text left it.
        s._exec("ALTER TABLE documents DROP COLUMN text")
        s._exec("DELETE FROM migrations WHERE name = 'document_text'")
    with Store(pg_url) as s:
        report = s.migration
        assert report is not None and report.applied == ("document_text",)
        old = s.document_text("https://news.example/old")
        assert old is not None and old.text is None
        assert len(s.facts("Old Co")) == 1


def _long_story(room: Newsroom) -> None:
    paragraphs = [
        "Paris-based Mistral AI said on Tuesday it has raised €1.7 billion in a Series C round led by "
        "Gromit Capital, valuing the company at €11.7 billion.",
        # Each its own (the extractor drops repeated paragraphs).
        *(f"Shift log {i}, workshop {i * 7 % 13}. {FILLER}" for i in range(300)),
        "The last sentence of this long read is never kept.",
    ]
    room.set("/2025/09/long-read", page("Mistral AI raises €1.7 billion", paragraphs))
    room.set(
        "/long.xml",
        rss(
            "Long Reads",
            [{"title": "Mistral AI raises €1.7 billion", "link": room.url("/2025/09/long-read")}],
        ),
        ctype="application/rss+xml",
    )


def test_a_poll_stores_the_text_capped_and_the_change_page_marks_the_evidence_in_it(
    tmp_path: Path, newsroom: Newsroom
) -> None:
    _long_story(newsroom)
    settings = settings_for(tmp_path, newsroom, ["/long.xml"])
    settings = replace(settings, http=replace(settings.http, max_bytes=2_000_000, extract_timeout=30.0))
    with Store(settings.db) as store:
        load_baseline(settings, store, now=NOW)
        report = run_cycle(settings, store=store, now=NOW)
        assert report.changes, report
        url = newsroom.url("/2025/09/long-read")
        kept = store.document_text(url)
        seeds = [store.document_text(sf.document_url) for sf in store.baseline_facts("Mistral AI")]
        [valuation] = [c for c in store.changes("Mistral AI") if c.fact_kind == "valuation" and c.url == url]
    assert kept is not None and kept.text is not None
    assert "valuing the company at €11.7 billion" in kept.text and "FILLER" not in kept.text
    assert TEXT_CAP_BYTES - 2_000 < len(kept.text.encode("utf-8")) <= TEXT_CAP_BYTES
    assert kept.text.endswith("dropping them.") and "never kept" not in kept.text
    assert not is_whole(kept.text, kept.text_hash)
    # Seeds keep theirs too.
    assert seeds and all(d is not None and d.text for d in seeds)

    with live_server(settings) as server:
        change = httpx.get(f"{server.base}/change/{valuation.id}")
        article = httpx.get(f"{server.base}/change/{valuation.id}/article")
    assert change.status_code == 200 and article.status_code == 200
    assert newsroom.count("/2025/09/long-read") == 1  # the pages read the stored text, not the site
    box = re.search(r'<blockquote class="evidence-big in-text">(.*?)</blockquote>', change.text, re.S)
    assert box and f'<mark id="evidence">{valuation.evidence}</mark>' in box.group(1)
    assert box.group(1).endswith(" …")  # the sentences around it, the rest on the article view
    assert "Only the first 200 KB" in change.text and "Only the first 200 KB" in article.text
    assert len(change.content) < 20_000 and len(article.content) < 300_000
    assert f'<mark id="evidence" tabindex="-1">{valuation.evidence}</mark>' in article.text


@pytest.mark.parametrize("hostile", ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>'])
def test_hostile_stored_text_reaches_the_page_as_text(tmp_path: Path, hostile: str) -> None:
    from tests.serve_world import dense_world

    settings = dense_world(tmp_path, changes=1)
    with Store(settings.db) as store:
        [change] = store.changes("Dense Robotics")
        text = f"{hostile} Before. {change.evidence} {hostile} after </mark><mark>."
        store._exec("UPDATE documents SET text = ? WHERE url = ?", (text, change.url))
    with live_server(settings) as server:
        html = httpx.get(f"{server.base}/change/{change.id}").text
        article = httpx.get(f"{server.base}/change/{change.id}/article").text
    for body in (html, article):
        assert hostile not in body and "<script" not in body and "<img" not in body
        assert body.count("<mark") == 1 and "&lt;/mark&gt;&lt;mark&gt;" in body
