"""Fetching and parsing news feeds: the network edge for RSS/Atom.

Every outside failure (httpx, feedparser, a misbehaving server) ends up either as a
``FetchError`` or, in ``fetch_feeds``, as a ``FeedResult`` with outcome "failed", so one
broken feed never takes the cycle down with it.
"""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any, Literal
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

import httpx

from watcher import netguard
from watcher.errors import FetchError
from watcher.http_get import HostLimiter, HttpBody, capped_get
from watcher.names import fold as fold  # part of this module's API (the matcher moved out)
from watcher.names import mentions as mentions  # idem
from watcher.netguard import GuardedTransport
from watcher.retry_after import parse_retry_after as parse_retry_after  # part of this module's API
from watcher.settings import HttpSettings

Outcome = Literal["ok", "not_modified", "unchanged", "failed"]
Clock = Callable[[], datetime]

_RETRY_AFTER_CODES = frozenset({429, 503})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
# Query parameters that only track the reader; keeping them would split one article into many.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "ref_url",
        "igshid",
        "_ga",
        "_gl",
        "cmpid",
        "xtor",
        "at_medium",
        "at_campaign",
        "ocid",
        "spm",
    }
)
_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_")


def _utc_now() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class FeedRequest:
    """One feed to poll, with what the previous successful poll remembered."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, reduced to plain text.

    ``key`` identifies the entry within its feed (guid, else canonical link, else a hash
    of title and date). ``link`` is already canonical (see ``canonical_url``), so the same
    article reached through two feeds has the same ``link``.
    """

    key: str
    guid: str | None
    link: str | None
    title: str
    summary: str
    published: datetime | None


@dataclass(frozen=True)
class FeedResult:
    """What one poll of one feed gave.

    Store ``etag``/``last_modified``/``body_hash`` for the next ``FeedRequest`` only when
    ``outcome`` is not "failed" (they echo the request's values on "not_modified" and
    "unchanged"). ``final_url`` is where redirects led, for a caller that wants to follow
    permanent moves. ``retry_after`` is the server's requested delay in seconds (429/503).
    """

    url: str
    outcome: Outcome
    entries: tuple[FeedEntry, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    status: int | None = None
    error: str | None = None
    retry_after: float | None = None
    elapsed: float = 0.0
    final_url: str | None = None
    # When the answer (or the failure) came: back-off and Retry-After count from here,
    # not from the start of a cycle that may have taken long.
    responded_at: datetime | None = None
    title: str = ""  # the feed's own title, when it was read ("ok")

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"


class _HttpStatusError(FetchError):
    """A non-success status; carries what backoff needs."""

    def __init__(self, message: str, status: int, retry_after: float | None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


# --------------------------------------------------------------------------- pure helpers


def canonical_url(url: str) -> str:
    """The form of ``url`` used as article identity across feeds.

    Lowercases scheme and host, drops default ports, the fragment and tracking parameters
    (utm_*, fbclid, gclid, mc_cid, ref, ...), and sorts the remaining query parameters
    (keeping their original encoding). Anything
    that is not an http(s) URL is returned stripped but otherwise untouched.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal lost its brackets in .hostname
        host = f"[{host}]"
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    kept = [p for p in parts.query.split("&") if p and not _is_tracking(p.split("=", 1)[0])]
    kept.sort()
    return urlunsplit((scheme, netloc, parts.path or "/", "&".join(kept), ""))


def _is_tracking(raw_key: str) -> bool:
    key = unquote_plus(raw_key).lower()
    return key in _TRACKING_PARAMS or key.startswith(_TRACKING_PREFIXES)


def next_attempt(failures: int, retry_after: float | None, now: datetime, settings: HttpSettings) -> datetime:
    """When a feed may be polled again after ``failures`` consecutive failures.

    A server's Retry-After wins (capped at ``backoff_max`` so a bogus value cannot
    silence a feed for good); otherwise exponential from ``backoff_base``, capped at
    ``backoff_max``. No failures means now.
    """
    if retry_after is not None:
        return now + timedelta(seconds=min(max(retry_after, 0.0), settings.backoff_max))
    if failures <= 0:
        return now
    # The exponent is bounded so huge failure counts cannot overflow the float.
    delay = settings.backoff_base * 2.0 ** min(failures - 1, 60)
    return now + timedelta(seconds=min(delay, settings.backoff_max))


class _TextExtractor(HTMLParser):
    """Plain text of an HTML fragment; script/style bodies are dropped, never executed."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "object"})
    _BLOCK = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML (or plain-text) fragment, whitespace collapsed."""
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


# --------------------------------------------------------------------------- parsing


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> tuple[FeedEntry, ...]:
    """Entries of an RSS 0.9x/1.0/2.0 or Atom document (see ``parse_feed_titled``)."""
    return parse_feed_titled(body, url, content_type)[1]


def parse_feed_titled(
    body: bytes, url: str, content_type: str | None = None
) -> tuple[str, tuple[FeedEntry, ...]]:
    """The feed's title and its entries, of an RSS 0.9x/1.0/2.0 or Atom document.

    A feed with XML warnings (bozo) still yields what it can. A document that is no feed
    at all (malformed beyond use, an HTML page) raises ``FetchError`` with a one-line
    reason naming ``url``. A well-formed feed with no items gives ``()``.
    """
    # No Content-Location: feedparser would then "resolve" bare guids such as "dep-1"
    # into URLs; relative links are resolved below instead.
    headers: dict[str, str] = {}
    if content_type:
        headers["content-type"] = content_type
    # Imported at the first feed body, not with the module: a cycle where every feed answers 304
    # never pays its ~0.1 s.
    import feedparser

    try:
        # Sanitising is most of feedparser's time and we keep plain text only.
        parsed = feedparser.parse(
            body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as e:  # feedparser has no error hierarchy of its own
        raise FetchError(f"{url}: feed could not be parsed ({_one_line(e)})") from e
    raw_entries = parsed.get("entries") or []
    entries = tuple(e for e in (_entry(raw, url) for raw in raw_entries) if e is not None)
    title = " ".join(str((parsed.get("feed") or {}).get("title") or "").split())
    if entries:
        return title, entries
    version = parsed.get("version") or ""
    if version and not parsed.get("bozo") and not raw_entries:
        return title, ()
    raise FetchError(f"{url}: {_not_a_feed_reason(body, content_type, parsed)}")


def _not_a_feed_reason(body: bytes, content_type: str | None, parsed: Any) -> str:
    head = body[:512].lstrip().lower()
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml") or head.startswith((b"<!doctype html", b"<html")):
        return f"not a feed: got an HTML page ({mime or 'no Content-Type'})"
    if not body.strip():
        return "not a feed: empty body"
    exc = parsed.get("bozo_exception")
    detail = f" ({_one_line(exc)})" if exc is not None else ""
    return f"not a feed: no entries could be read, malformed XML{detail}"


def _entry(raw: Any, feed_url: str) -> FeedEntry | None:
    title = html_to_text(str(raw.get("title") or ""))
    summary = html_to_text(str(raw.get("summary") or raw.get("description") or ""))
    guid = str(raw.get("id") or "").strip() or None
    raw_link = str(raw.get("link") or "").strip()
    link = canonical_url(urljoin(feed_url, raw_link)) if raw_link else None
    published = _entry_date(raw)
    if not (title or link or guid or summary):
        return None  # what a truncated document leaves behind
    if guid is not None:
        key = guid
    elif link is not None:
        key = link
    else:
        # The summary is deliberately left out: publishers edit it, the item stays the same.
        stamp = published.isoformat() if published else ""
        key = "sha256:" + hashlib.sha256(f"{title}\x1f{stamp}".encode()).hexdigest()
    return FeedEntry(key=key, guid=guid, link=link, title=title, summary=summary, published=published)


def _entry_date(raw: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(name)
        if value:
            try:
                # feedparser normalises to a UTC struct_time.
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _one_line(e: object) -> str:
    text = " ".join(str(e).split())
    return text or type(e).__name__


# --------------------------------------------------------------------------- HTTP


_POOLED_CONNECTIONS = 128


def make_client(
    settings: HttpSettings, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The one shared client for feeds and pages.

    Redirects are followed by hand (``fetch_feeds``, ``articles.fetch_page``) so loops and
    per-host limits are handled per hop. httpx advertises gzip/deflate itself, and br/zstd
    only when their decoders are installed, so Accept-Encoding is left to it.
    """
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=settings.total_timeout,
    )
    # Requests in flight are bounded by the HostLimiter (concurrency, per_host); the pool only
    # bounds open connections, and must hold a few per host or feeds spread over many hosts
    # open a new connection for nearly every request.
    limits = httpx.Limits(
        max_connections=max(_POOLED_CONNECTIONS, settings.concurrency), max_keepalive_connections=None
    )
    if transport is None:
        # Names are resolved and checked here, and the checked address is the one connected to.
        transport = GuardedTransport(netguard.policy(settings.allow_private), limits)
    return httpx.AsyncClient(
        headers={"User-Agent": settings.user_agent},
        timeout=timeout,
        limits=limits,
        follow_redirects=False,
        max_redirects=settings.max_redirects,
        transport=transport,
    )


def _check_status(url: str, body: HttpBody, clock: Clock) -> HttpBody:
    if body.status == 304 or 200 <= body.status < 300:
        return body
    retry_after = None
    if body.status in _RETRY_AFTER_CODES:
        retry_after = parse_retry_after(body.headers.get("retry-after"), clock())
    reason = httpx.codes.get_reason_phrase(body.status)
    raise _HttpStatusError(f"{url}: HTTP {body.status} {reason}".rstrip(), body.status, retry_after)


def _describe_timeout(e: httpx.TimeoutException) -> str:
    return {
        httpx.ConnectTimeout: "connect timeout",
        httpx.ReadTimeout: "read timeout",
        httpx.WriteTimeout: "write timeout",
        httpx.PoolTimeout: "pool timeout",
    }.get(type(e), "network timeout")


# --------------------------------------------------------------------------- polling


async def fetch_feeds(
    client: httpx.AsyncClient,
    requests: Sequence[FeedRequest],
    settings: HttpSettings,
    clock: Clock = _utc_now,
    on_done: Callable[[FeedResult], None] | None = None,
) -> list[FeedResult]:
    """Poll every feed concurrently; one result per request, in the same order.

    Never raises for a feed's own trouble: failures come back as outcome "failed" with
    a one-line ``error`` naming the URL. Concurrency is bounded by
    ``settings.concurrency`` overall and ``settings.per_host`` per host. ``on_done`` is
    told of each result as it comes (a progress line).
    """
    limiter = HostLimiter(settings)

    async def one(request: FeedRequest) -> FeedResult:
        result = await _fetch_one(client, request, settings, limiter, clock)
        if on_done is not None:
            on_done(result)
        return result

    return list(await asyncio.gather(*(one(r) for r in requests)))


async def _fetch_one(
    client: httpx.AsyncClient,
    request: FeedRequest,
    settings: HttpSettings,
    limiter: HostLimiter,
    clock: Clock,
) -> FeedResult:
    started = time.monotonic()
    try:
        result = await _poll(client, request, settings, limiter, clock, started)
    except _HttpStatusError as e:
        result = _failed(request, str(e), started, status=e.status, retry_after=e.retry_after)
    except FetchError as e:
        result = _failed(request, str(e), started)
    except Exception as e:  # a bug or an unforeseen library error must not sink the other feeds
        result = _failed(request, f"{request.url}: unexpected {type(e).__name__}: {_one_line(e)}", started)
    return replace(result, responded_at=clock())


async def _poll(
    client: httpx.AsyncClient,
    request: FeedRequest,
    settings: HttpSettings,
    limiter: HostLimiter,
    clock: Clock,
    started: float,
) -> FeedResult:
    headers = {"Accept": _FEED_ACCEPT}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    fetched = await capped_get(
        client,
        request.url,
        headers,
        settings,
        limiter,
        describe_timeout=_describe_timeout,
        name_hop_in_errors=True,
    )
    body = _check_status(request.url, fetched, clock)
    etag = body.headers.get("etag")
    last_modified = body.headers.get("last-modified")
    status, final_url = body.status, body.url
    if body.status == 304:
        return FeedResult(
            request.url,
            "not_modified",
            etag=etag or request.etag,
            last_modified=last_modified or request.last_modified,
            body_hash=request.body_hash,
            elapsed=time.monotonic() - started,
            status=status,
            final_url=final_url,
        )
    digest = hashlib.sha256(body.content).hexdigest()
    if request.body_hash is not None and digest == request.body_hash:
        # Same bytes parse to the same entries; servers without validators land here.
        return FeedResult(
            request.url,
            "unchanged",
            etag=etag,
            last_modified=last_modified,
            body_hash=digest,
            elapsed=time.monotonic() - started,
            status=status,
            final_url=final_url,
        )
    content_type = body.headers.get("content-type")
    # Parsing is CPU work; off the loop it cannot stall other feeds' reads into timeouts.
    try:
        title, entries = await asyncio.to_thread(parse_feed_titled, body.content, body.url, content_type)
    except FetchError as e:
        # The request's body hash is kept: storing this body's would make the next poll of
        # the same broken body "unchanged" instead of failed.
        return _failed(request, str(e), started, status=status)
    return FeedResult(
        request.url,
        "ok",
        title=title,
        entries=entries,
        etag=etag,
        last_modified=last_modified,
        body_hash=digest,
        elapsed=time.monotonic() - started,
        status=status,
        final_url=final_url,
    )


def _failed(
    request: FeedRequest,
    error: str,
    started: float,
    *,
    status: int | None = None,
    retry_after: float | None = None,
) -> FeedResult:
    return FeedResult(
        request.url,
        "failed",
        etag=request.etag,
        last_modified=request.last_modified,
        body_hash=request.body_hash,
        status=status,
        error=error,
        retry_after=retry_after,
        elapsed=time.monotonic() - started,
    )
