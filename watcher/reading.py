"""Read one article: its page's text (or the feed's summary), then the facts it states.

This is the work of an extraction worker process (``articles.ExtractionPool``): trafilatura
and the fact extractor both run there, on every core, under one time cap per article, and
the main process only fetches, decides and writes. It composes ``articles`` (page text) and
``facts`` (the extractor); nothing here touches the network or the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from watcher import articles
from watcher.kept_text import kept_text
from watcher.models import Entity, Fact
from watcher.names import Roster
from watcher.seeds import text_hash
from watcher.state import clamp_period

TextSource = Literal["page", "summary", "capped"]


@dataclass(frozen=True)
class ReadJob:
    """What a worker needs to read one article. ``html`` None: the page could not be had."""

    link: str  # the article's identity
    html: bytes | None
    page_url: str  # where the page's redirects ended
    content_type: str | None
    entry_title: str
    entry_summary: str
    entry_published: datetime | None
    entities: Roster  # those the feeds naming this article serve
    now: datetime
    # Why the summary is read instead of the page ("summary", or "capped": the page ran past the cap).
    summary_source: TextSource = "summary"


@dataclass(frozen=True)
class ArticleTextRead:
    """The text an article is judged on, and where it came from."""

    title: str
    text: str
    published: str | None
    language: str | None
    text_source: TextSource


@dataclass(frozen=True)
class ArticleRead:
    """One article read: what the store keeps of it, and each mentioned entity's facts."""

    title: str
    published: str  # the period, never after the fetch time
    language: str | None
    text_source: TextSource
    text_hash: str
    facts: tuple[tuple[Entity, tuple[Fact, ...]], ...]
    # The text read, as the document keeps it (capped: watcher.kept_text); cut here, in the
    # worker, so no more than that crosses to the process that writes it.
    text: str = ""


def _period(dt: datetime | None) -> str | None:
    return dt.astimezone(UTC).date().isoformat() if dt else None


def article_text(job: ReadJob) -> ArticleTextRead:
    """The page's readable text, or the feed's title and summary when the page gave none."""
    extracted = None
    if job.html is not None:
        extracted = articles.extract_article_now(job.html, job.page_url, job.content_type)
    if extracted is not None and extracted.text.strip():
        title = extracted.title or ""
        text, published, language = extracted.text, extracted.date, extracted.language
        source: TextSource = "page"
    else:
        title = ""
        text = job.entry_summary or job.entry_title
        published, language = None, articles.guess_language(text)
        source = job.summary_source if job.html is None else "summary"
    return ArticleTextRead(
        title=title or job.entry_title,
        # The feed title often states the news most plainly; keep it as the first sentence.
        text=text if title and job.entry_title in text else f"{job.entry_title}.\n{text}",
        published=published or _period(job.entry_published),
        language=language,
        text_source=source,
    )


def lexicon_language(language: str | None) -> str | None:
    """The extractor's lexicon for an article's guessed language (None: let it guess from the text)."""
    code = (language or "").lower()[:2]
    return code if code in ("fr", "en") else None


def read_article(job: ReadJob) -> ArticleRead:
    """Text, then the facts of every served entity the article names. Runs in a worker."""
    # Imported at the first article, not with the module: an idle poll never loads the extractor.
    from watcher import facts as extractor

    read = article_text(job)
    period = clamp_period(read.published, job.now)
    lang = lexicon_language(read.language)
    found = tuple(
        (e, tuple(extractor.extract_facts(read.text, e.name, e.aliases, lang=lang, published=period)))
        for e in job.entities.find(f"{read.title}\n{read.text}")
    )
    return ArticleRead(
        title=read.title,
        published=period,
        language=read.language,
        text_source=read.text_source,
        text_hash=text_hash(read.text),
        facts=found,
        text=kept_text(read.text),
    )


SeedJob = tuple[str, str, tuple[str, ...], str | None]


def seed_facts(job: SeedJob) -> list[Fact]:
    """The facts of one seed document: ``(text, entity name, aliases, published)``. Runs in a
    worker when the caller has a pool (see ``pipeline.load_baseline``)."""
    from watcher import facts as extractor

    text, name, aliases, published = job
    return extractor.extract_facts(text, name, aliases, published=published)
