"""Fetching article pages and extracting their text: the network edge for web pages.

``fetch_page`` raises ``FetchError`` (one line, naming the URL) for every failure;
``extract_article`` returns None when a page yields no text or takes too long, and the
caller then falls back to the feed's summary.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import importlib
import logging
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import unescape as html_unescape
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar, cast

import httpx

from watcher.errors import ExtractionAborted, ExtractionError, FetchError
from watcher.http_get import HostLimiter, capped_get
from watcher.settings import HttpSettings
from watcher.slots import Slots

_PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# Pages above this many bytes skip trafilatura's fallback extractors (readability, justext),
# which are the slow part on huge pages.
_FAST_EXTRACTION_BYTES = 1_000_000
# Shorter "articles" are a menu label or a consent/JavaScript wall; the feed summary beats them.
_MIN_TEXT_CHARS = 80

log = logging.getLogger(__name__)

J = TypeVar("J")
R = TypeVar("R")


@dataclass(frozen=True)
class Page:
    """A fetched page. ``url`` is where the redirects ended, ``html`` the raw body."""

    url: str
    status: int
    html: bytes
    content_type: str | None

    @property
    def charset(self) -> str | None:
        return _charset(self.content_type)


@dataclass(frozen=True)
class ArticleText:
    """The readable part of a page. ``date`` is ISO ("2024-06-11"), ``language`` e.g. "fr"."""

    url: str
    title: str | None
    text: str
    date: str | None
    language: str | None


# --------------------------------------------------------------------------- fetching


def _one_line(e: object) -> str:
    text = " ".join(str(e).split())
    return text or type(e).__name__


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1).lower() if match else None


class PageLimiter(HostLimiter):
    """At most ``concurrency`` page requests overall and ``per_host`` to any one host.

    Share one across the ``fetch_page`` calls of a cycle to stay polite to a site that
    many entries point at; ``fetch_pages`` does this for you.
    """


async def fetch_page(
    client: httpx.AsyncClient, url: str, settings: HttpSettings, limiter: PageLimiter | None = None
) -> Page:
    """GET an article page, following up to ``max_redirects`` redirects.

    The body is read as a stream capped at ``max_bytes``; the whole request (every hop,
    headers and body) is capped at ``total_timeout`` seconds of network time.
    """
    body = await capped_get(
        client,
        url,
        {"Accept": _PAGE_ACCEPT},
        settings,
        limiter or PageLimiter(settings),
        describe_timeout=_describe_timeout,
    )
    if not 200 <= body.status < 300:
        reason = httpx.codes.get_reason_phrase(body.status)
        where = "" if body.url == url else f" (at {body.url})"
        raise FetchError(f"{url}: HTTP {body.status} {reason}{where}".rstrip())
    return Page(body.url, body.status, body.content, body.headers.get("content-type"))


def _describe_timeout(e: httpx.TimeoutException) -> str:
    return f"{type(e).__name__} (network timeout)"


async def fetch_pages(
    client: httpx.AsyncClient, urls: Sequence[str], settings: HttpSettings
) -> list[Page | FetchError]:
    """Fetch pages concurrently within the limits; each slot is a Page or its FetchError."""
    limiter = PageLimiter(settings)

    async def one(url: str) -> Page | FetchError:
        try:
            return await fetch_page(client, url, settings, limiter)
        except FetchError as e:
            return e

    return list(await asyncio.gather(*(one(u) for u in urls)))


# --------------------------------------------------------------------------- language

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


def guess_language(text: str) -> str | None:
    """The language code ("fr", "en"...) the words of ``text`` suggest; None when too short or unclear."""
    # The extractor's lexicon; imported on use, since importing watcher.facts compiles all its patterns.
    from watcher.facts.language import guess_language as from_words

    return from_words(text)


def _declared_language(html: bytes | str) -> str | None:
    head = html[:8192].encode("utf-8", "replace") if isinstance(html, str) else html[:8192]
    match = _HTML_LANG.search(head)
    return match.group(1).decode("ascii").lower() if match else None


# --------------------------------------------------------------------------- extraction


def extract_article_now(html: bytes | str, url: str, content_type: str | None = None) -> ArticleText | None:
    """``extract_article`` without the time limit, in the calling thread."""
    if isinstance(html, bytes):
        charset = _charset(content_type)
        if charset:
            # An unknown charset name leaves the bytes for trafilatura to sniff.
            with contextlib.suppress(LookupError):
                html = html.decode(charset, errors="replace")
    if not html:
        return None
    # Imported here, in the worker that extracts: a poll with nothing new never pays for it.
    import trafilatura
    from trafilatura.settings import DEFAULT_CONFIG
    from trafilatura.utils import load_html

    try:
        # Parsed here, once, for the title and date and then the text; with trafilatura's own
        # size limit, which it applies when it parses.
        tree = load_html(html, DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE"))
        if tree is None:
            return None
        title, date = _title_and_date(tree, url)
        # Without trafilatura's own metadata pass: it also looks for the author, site name,
        # categories, tags and licence, which nothing here reads, and that was 40 % of its time.
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=False,
            include_comments=False,
            favor_precision=True,
            fast=len(html) > _FAST_EXTRACTION_BYTES,
        )
    except Exception as e:  # trafilatura/lxml raise a zoo of types on hostile markup
        log.debug("extraction failed for %s: %s", url, _one_line(e))
        return None
    if doc is None:
        return None
    data: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    text = str(data.get("text") or "").strip()
    if len(text) < _MIN_TEXT_CHARS:
        return None
    language = guess_language(text) or _declared_language(html)
    return ArticleText(url=url, title=title, text=text, date=date, language=language)


def _title_and_date(tree: Any, url: str) -> tuple[str | None, str | None]:
    """The page's title and publication date, found as trafilatura's metadata pass finds them.

    The same steps in the same order (meta tags, then JSON-LD, then the title's elements; the
    canonical URL, then htmldate for the original publication date), minus the fields unused.
    """
    from htmldate import find_date
    from trafilatura import metadata

    found = metadata.examine_meta(tree)
    # JSON-LD overrides the meta tags; its parser's bugs must not cost the page (as in trafilatura).
    with contextlib.suppress(Exception):
        found = metadata.extract_meta_json(tree, found)
    title = found.title or metadata.extract_title(tree)
    page_url = found.url or metadata.extract_url(tree, url)
    date = find_date(tree, original_date=True, extensive_search=False, url=page_url)
    return _trimmed(title), _trimmed(date)


def _trimmed(value: str | None) -> str | None:
    """trafilatura's ``Document.clean_and_trim`` on one field: a bounded length, entities
    decoded, spaces folded."""
    from trafilatura.utils import line_processing

    if not value:
        return None
    value = value[:9999] + "…" if len(value) > 10000 else value
    return line_processing(html_unescape(value)) or None


_WORKER_READY = "ready"
_WORKER_START_TIMEOUT = 30.0  # importing trafilatura; never counted against a page
# What a worker imports before its first job: trafilatura, and the fact extractor that reads
# the article's text after it (a module name only: this edge does not depend on the extractor).
WORKER_PRELOAD = ("trafilatura", "watcher.facts.extract")


def _worker_main(in_fd: int, out_fd: int, preload: Sequence[str] = ()) -> None:
    """Body of an extraction worker process: run every job it is sent, forever.

    A job is ``(function, argument)``; functions travel by name (pickle), so a job is any
    module-level function of the package. The reply is ``(True, result)``, or
    ``(False, "Type: message")`` when the job raised: the worker lives on.
    """
    # Ctrl-C reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Without a handler, trafilatura's per-page warnings would go to the daemon's stderr.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    # Loaded before the worker says it is ready, so the time cap counts the job's work alone.
    for module in preload:
        importlib.import_module(module)
    jobs = Connection(in_fd, writable=False)
    results = Connection(out_fd, readable=False)
    results.send(_WORKER_READY)
    while True:
        try:
            job, argument = jobs.recv()
            reply: tuple[bool, object] = (True, job(argument))
        except EOFError:
            return
        except Exception as e:  # the job's own failure is the caller's to record, not the worker's end
            reply = (False, f"{type(e).__name__}: {_one_line(e)}")
        results.send(reply)


class _Worker:
    def __init__(self, preload: Sequence[str]) -> None:
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        code = f"from watcher.articles import _worker_main; _worker_main({job_r}, {res_w}, {list(preload)!r})"
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", code], pass_fds=(job_r, res_w), stdin=subprocess.DEVNULL, env=env
            )
        except BaseException:
            os.close(job_w)
            os.close(res_r)
            raise
        finally:
            os.close(job_r)
            os.close(res_w)
        self.jobs = Connection(job_w, readable=False)
        self.results = Connection(res_r, writable=False)
        try:
            ready = self.results.poll(_WORKER_START_TIMEOUT) and self.results.recv() == _WORKER_READY
        except EOFError:  # it died while importing
            ready = False
        if not ready:
            self.close()
            raise OSError("extraction worker did not start")

    def close(self) -> None:
        self.jobs.close()
        self.results.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def _extract_job(argument: tuple[bytes | str, str, str | None]) -> ArticleText | None:
    html, url, content_type = argument
    return extract_article_now(html, url, content_type)


class ExtractionPool:
    """Worker processes that read articles, each killed and replaced when one overruns.

    A process rather than a thread because a thread stuck in lxml or a regex cannot be
    stopped, and so both cores work. Thread-safe: ``run`` may be called from many
    ``asyncio.to_thread`` threads at once; at most ``workers`` jobs run at a time. Workers
    start lazily (~0.5 s, importing ``preload``). ``workers=0`` runs every job in the calling
    thread, uncapped: for tests that must reach into the job.
    """

    def __init__(
        self, settings: HttpSettings, workers: int = 2, preload: Sequence[str] = WORKER_PRELOAD
    ) -> None:
        self.timeout = settings.extract_timeout
        self._preload = tuple(preload)
        self._in_process = workers <= 0 or self.timeout <= 0
        self._slots = Slots(max(1, workers))
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False

    def run(self, job: Callable[[J], R], argument: J, *, label: str) -> R:
        """``job(argument)`` in a worker, within ``extract_timeout`` seconds.

        Raises ``ExtractionAborted`` (naming ``label``) when the job ran past the cap or its
        worker died, and ``ExtractionError`` when the job raised.
        """
        if self._in_process:
            return job(argument)
        self._slots.acquire()
        try:
            worker = self._take()
            if worker is None:
                return job(argument)
            healthy = False
            try:
                worker.jobs.send((job, argument))
                if not worker.results.poll(self.timeout):
                    raise ExtractionAborted(_overran(label, self.timeout))
                ok, value = worker.results.recv()
                healthy = True
            except (EOFError, OSError) as e:
                raise ExtractionAborted(_died(label, e)) from e
            finally:
                self._give_back(worker, healthy)
        finally:
            self._slots.release()
        return cast(R, _answer(ok, value, label))

    async def run_async(self, job: Callable[[J], R], argument: J, *, label: str) -> R:
        """``run`` without blocking the event loop.

        The slot and the answer are waited for on the loop itself (the answer's pipe watched like
        a socket), not in a thread per job: the thread hand-offs cost more CPU than the pipes.
        """
        if self._in_process:
            return await asyncio.to_thread(self.run, job, argument, label=label)
        await self._slots.acquire_async()
        try:
            worker = self._take_idle() or await self._start()
            if worker is None:
                return await asyncio.to_thread(job, argument)
            ok, value = await self._exchange(worker, job, argument, label)
        finally:
            self._slots.release()
        return cast(R, _answer(ok, value, label))

    async def _start(self) -> _Worker | None:
        """``_take`` in a thread (a start imports for half a second: not on the loop). Cancelled
        meanwhile, the start still ends in its thread: the worker it brings is kept as idle,
        where ``close`` finds it, not lost with the coroutine."""
        starting = asyncio.ensure_future(asyncio.to_thread(self._take))
        try:
            return await asyncio.shield(starting)
        except asyncio.CancelledError:
            starting.add_done_callback(self._keep_started)
            raise

    def _keep_started(self, starting: asyncio.Future[_Worker | None]) -> None:
        if not starting.cancelled() and starting.exception() is None:
            worker = starting.result()
            if worker is not None:
                self._give_back(worker, True)

    async def _exchange(
        self, worker: _Worker, job: Callable[[J], R], argument: J, label: str
    ) -> tuple[bool, object]:
        """Send ``worker`` the job and wait, on the loop, for its answer; as ``run`` does in a thread."""
        loop = asyncio.get_running_loop()
        healthy = False
        try:
            # An idle worker is waiting in its read: the job goes through as it is written.
            worker.jobs.send((job, argument))
            answered: asyncio.Future[None] = loop.create_future()
            fd = worker.results.fileno()
            loop.add_reader(fd, _wake, answered)
            try:
                async with asyncio.timeout(self.timeout):
                    await answered
            except TimeoutError:
                raise ExtractionAborted(_overran(label, self.timeout)) from None
            finally:
                loop.remove_reader(fd)
            # Readable: the answer is being written (or the worker died, EOFError), read it whole.
            ok, value = worker.results.recv()
            healthy = True
        except (EOFError, OSError) as e:
            raise ExtractionAborted(_died(label, e)) from e
        finally:
            self._give_back(worker, healthy)  # one cancelled mid-job is killed, as one that overran
        return ok, value

    def extract(self, html: bytes | str, url: str, content_type: str | None = None) -> ArticleText | None:
        """Like ``extract_article``; None also when the page takes over ``extract_timeout``."""
        try:
            return self.run(_extract_job, (html, url, content_type), label=url)
        except ExtractionError as e:
            log.info("extraction of %s: %s; falling back", url, e)
            return None

    async def extract_async(
        self, html: bytes | str, url: str, content_type: str | None = None
    ) -> ArticleText | None:
        """``extract`` without blocking the event loop."""
        return await asyncio.to_thread(self.extract, html, url, content_type)

    def _take_idle(self) -> _Worker | None:
        with self._lock:
            return self._idle.pop() if self._idle else None

    def _take(self) -> _Worker | None:
        worker = self._take_idle()
        if worker is not None:
            return worker
        try:
            return _Worker(self._preload)
        except OSError as e:
            log.warning("cannot start an extraction worker (%s); extracting in-process", _one_line(e))
            return None

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        with self._lock:
            if healthy and not self._closed:
                self._idle.append(worker)
                return
        worker.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.close()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _overran(label: str, timeout: float) -> str:
    return f"{label}: reading it took over {timeout:g} s; stopped"


def _died(label: str, e: BaseException) -> str:
    return f"{label}: its extraction worker died ({_one_line(e)})"


def _answer(ok: bool, value: object, label: str) -> object:
    """A worker's reply: its job's result, or ``ExtractionError`` when the job raised."""
    if not ok:
        raise ExtractionError(f"{label}: {value}")
    return value


def _wake(answered: asyncio.Future[None]) -> None:
    if not answered.done():
        answered.set_result(None)


_default_pools: dict[float, ExtractionPool] = {}
_default_lock = threading.Lock()


def default_pool(settings: HttpSettings) -> ExtractionPool:
    """A pool shared by callers that bring none; its workers are closed at exit."""
    with _default_lock:
        pool = _default_pools.get(settings.extract_timeout)
        if pool is None:
            if not _default_pools:
                atexit.register(_close_default_pools)
            pool = _default_pools[settings.extract_timeout] = ExtractionPool(settings)
        return pool


def _close_default_pools() -> None:
    with _default_lock:
        pools = list(_default_pools.values())
        _default_pools.clear()
    for pool in pools:
        pool.close()


def extract_article(
    html: bytes | str,
    url: str,
    settings: HttpSettings,
    content_type: str | None = None,
    pool: ExtractionPool | None = None,
) -> ArticleText | None:
    """Title, text, ISO date and language of the article in ``html``; None if no text.

    Text under 80 characters counts as no text (a menu, a consent or JavaScript wall).

    Runs in a worker process (``pool``, else a shared default one closed at exit) and
    gives up after ``settings.extract_timeout`` seconds, since trafilatura can spend
    seconds on pathological pages; a page over the limit gives None, like a page
    without text. ``content_type`` (the response header) supplies the charset.
    Blocks: from async code use ``extract_article_async`` or ``pool.extract_async``.
    """
    return (pool or default_pool(settings)).extract(html, url, content_type)


async def extract_article_async(
    html: bytes | str,
    url: str,
    settings: HttpSettings,
    content_type: str | None = None,
    pool: ExtractionPool | None = None,
) -> ArticleText | None:
    """``extract_article`` from async code, without blocking the event loop."""
    return await asyncio.to_thread(extract_article, html, url, settings, content_type, pool)
