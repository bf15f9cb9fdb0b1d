"""Feed fetching against a real HTTP server on 127.0.0.1 (pytest-httpserver), no mocks."""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from watcher.errors import FetchError
from watcher.feeds import (
    FeedEntry,
    FeedRequest,
    FeedResult,
    canonical_url,
    fetch_feeds,
    html_to_text,
    make_client,
    mentions,
    next_attempt,
    parse_feed,
    parse_retry_after,
)
from watcher.settings import HttpSettings

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
RSS = "application/rss+xml; charset=utf-8"
NOW = datetime(2024, 6, 12, 12, 0, tzinfo=UTC)

# Tight limits keep the failure tests fast; nothing here waits more than a few tenths of a second.
FAST = HttpSettings(
    connect_timeout=0.5,
    read_timeout=0.25,
    total_timeout=0.6,
    max_bytes=64 * 1024,
    max_redirects=3,
    concurrency=8,
    per_host=2,
    # The test server listens on 127.0.0.1, an internal address fetched here on purpose.
    allow_private=("127.0.0.1",),
)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    # conftest.py makes it threaded, so a handler that sleeps does not hold up the others.
    return httpserver


def poll(requests: list[FeedRequest], settings: HttpSettings = FAST) -> list[FeedResult]:
    async def go() -> list[FeedResult]:
        async with make_client(settings) as client:
            return await fetch_feeds(client, requests, settings, clock=lambda: NOW)

    return asyncio.run(go())


def poll_one(url: str, settings: HttpSettings = FAST, **previous: str) -> FeedResult:
    return poll([FeedRequest(url, **previous)], settings)[0]


# --------------------------------------------------------------------------- parsing


def test_rss20_entries_are_plain_text_with_canonical_links() -> None:
    entries = parse_feed(fixture("rss20.xml"), "https://techwire.example/startups/feed", RSS)
    assert [e.title for e in entries] == [
        "Mistral AI raises €600 million in Series B led by General Catalyst",
        "Acme Robotics opens a new plant in Ohio",
        "Weekly roundup: AI funding keeps flowing",
    ]
    first = entries[0]
    assert first.key == "techwire-88412"
    assert first.link == "https://techwire.example/2024/06/11/mistral-ai-series-b/"
    assert first.summary == (
        "The Paris-based Mistral AI has closed a €600 million round, valuing it at about €5.8 billion."
    )
    assert first.published == datetime(2024, 6, 11, 6, 30, tzinfo=UTC)
    # No guid: the canonical link is the key, with ref dropped and the query sorted.
    assert entries[2].guid is None
    assert entries[2].key == entries[2].link == "https://techwire.example/2024/06/09/roundup/?id=7&page=2"


def test_rss10_rdf() -> None:
    entries = parse_feed(fixture("rss10.rdf"), "https://eco.example/rss", "application/rdf+xml")
    assert len(entries) == 2
    assert entries[0].title == "La start-up française Mistral AI lève 600 millions d'euros"
    assert entries[0].link == "https://eco.example/tech/mistral-ai-leve-600-millions"  # xtor dropped
    assert entries[0].published == datetime(2024, 6, 11, 7, 15, tzinfo=UTC)


def test_atom() -> None:
    entries = parse_feed(fixture("atom.xml"), "https://ailedger.example/atom.xml", "application/atom+xml")
    assert entries[0].key == "tag:ailedger.example,2024:post-1201"
    assert entries[0].title == "Why investors keep betting on Mistral AI"
    assert entries[0].link == "https://ailedger.example/posts/mistral-investors?a=1&b=2"
    assert entries[0].summary == "A look at the cap table of the French model maker."
    # Only <updated>: it stands in for the publication date.
    assert entries[1].published == datetime(2024, 6, 11, 20, 0, tzinfo=UTC)
    assert entries[1].summary == "Export rules tightened again."


def test_rss091_without_guid_or_dates() -> None:
    entries = parse_feed(fixture("rss091.xml"), "http://oldschool.example/rss", "text/xml")
    assert entries[0].key == "http://oldschool.example/news/mistral-talks.html"  # :80 dropped
    assert entries[0].published is None
    assert mentions(entries[0].title, ["Mistral AI"])
    assert not mentions(entries[1].title, ["Mistral AI"])


def test_bozo_feed_still_yields_entries() -> None:
    entries = parse_feed(fixture("bozo_items.xml"), "https://sloppy.example/feed", RSS)
    assert [e.title for e in entries] == ["Mistral AI & partners sign deal", "Second item"]


def test_well_formed_empty_feed_is_not_an_error() -> None:
    assert parse_feed(fixture("empty_channel.xml"), "https://quiet.example/feed", RSS) == ()


def test_malformed_xml_is_a_fetch_error_naming_the_url() -> None:
    with pytest.raises(FetchError, match=r"^https://broken\.example/feed: not a feed: .*malformed XML"):
        parse_feed(fixture("malformed.xml"), "https://broken.example/feed", RSS)


def test_html_page_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match=r"https://news\.example/rss: not a feed: got an HTML page"):
        parse_feed(fixture("not_a_feed.html"), "https://news.example/rss", "text/html; charset=utf-8")


def test_relative_link_resolved_against_the_feed_url() -> None:
    body = (
        b'<rss version="2.0"><channel><item><title>t</title><link>/a/b?utm_source=x</link></item></channel>'
    )
    body += b"</rss>"
    (entry,) = parse_feed(body, "https://site.example/feeds/main.xml", None)
    assert entry.link == "https://site.example/a/b"


def test_key_without_guid_or_link_hashes_title_and_date_not_summary() -> None:
    def one(summary: str, title: str = "Mistral AI news") -> FeedEntry:
        body = (
            f'<rss version="2.0"><channel><item><title>{title}</title><description>{summary}</description>'
            "<pubDate>Tue, 11 Jun 2024 08:30:00 GMT</pubDate></item></channel></rss>"
        ).encode()
        return parse_feed(body, "https://x.example/feed", RSS)[0]

    assert one("first version").key == one("edited summary").key
    assert one("first version").key.startswith("sha256:")
    assert one("x").key != one("x", title="Other title").key


def test_same_article_in_two_feeds_has_the_same_canonical_link() -> None:
    link_a = "https://TechWire.example/2024/06/11/mistral-ai-series-b/?utm_source=rss&amp;fbclid=1"
    link_b = "https://techwire.example:443/2024/06/11/mistral-ai-series-b/?gclid=zz#top"

    def feed(link: str, guid: str = "") -> bytes:
        guid_xml = f"<guid isPermaLink='false'>{guid}</guid>" if guid else ""
        return (
            f'<rss version="2.0"><channel><item><title>Mistral AI raises</title><link>{link}</link>{guid_xml}'
            "</item></channel></rss>"
        ).encode()

    (a,) = parse_feed(feed(link_a), "https://a.example/feed", RSS)
    (b,) = parse_feed(feed(link_b), "https://b.example/feed", RSS)
    assert a.key == b.key == "https://techwire.example/2024/06/11/mistral-ai-series-b/"
    # Guids are per feed; the link still unites the two.
    (a2,) = parse_feed(feed(link_a, "a-1"), "https://a.example/feed", RSS)
    (b2,) = parse_feed(feed(link_b, "b-9"), "https://b.example/feed", RSS)
    assert a2.key != b2.key
    assert a2.link == b2.link


def test_summary_markup_is_stripped_safely() -> None:
    html = '<p>Hello <b>world</b></p><script>alert("x")</script><style>p{}</style>&amp; more<br>line'
    assert html_to_text(html) == "Hello world & more line"
    assert html_to_text("  plain\n text ") == "plain text"


# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM:443/Path/?b=2&a=1#frag", "https://example.com/Path/?a=1&b=2"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        (
            "https://news.example/a?utm_source=tw&utm_medium=social&id=3&fbclid=Iw&gclid=1&mc_cid=9&ref=rss",
            "https://news.example/a?id=3",
        ),
        ("https://news.example/a?UTM_Campaign=x", "https://news.example/a"),
        (
            "https://news.example/a?q=caf%C3%A9+cr%C3%A8me&p=1",
            "https://news.example/a?p=1&q=caf%C3%A9+cr%C3%A8me",
        ),
        ("https://news.example/a?", "https://news.example/a"),
        ("https://news.example/a?flag&x=", "https://news.example/a?flag&x="),
        ("  https://news.example/a  ", "https://news.example/a"),
        ("https://user:pw@Host.example/a", "https://user:pw@host.example/a"),
        ("https://[::1]:443/a", "https://[::1]/a"),
        ("tag:ailedger.example,2024:post-1", "tag:ailedger.example,2024:post-1"),
        ("mailto:News@Example.com", "mailto:News@Example.com"),
        ("https://bad.example:99999/a", "https://bad.example:99999/a"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Mistral AI lève 600 millions", ["Mistral AI"], True),
        ("la start-up MISTRAL ai", ["Mistral AI"], True),
        ("Mistral-AI closes round", ["Mistral AI"], True),
        ("MISTRÁL a levé des fonds", ["Mistral"], True),
        ("Mistral a levé des fonds", ["Mistrál"], True),
        ("Mistral's new model", ["Mistral"], True),
        ("Le mistral souffle sur Marseille", ["Mistral"], True),  # whole word, nothing smarter
        ("Mistralai is a typo", ["Mistral"], False),
        ("The Mistrals played tonight", ["Mistral"], False),
        ("OpenAI and Anthropic", ["Mistral AI", "Mistral"], False),
        ("Nouvelle levée pour Ｍｉｓｔｒａｌ", ["mistral"], True),  # NFKD folds full-width letters
        ("anything", [], False),
        ("anything", ["", "  "], False),
        ("(Mistral)", ["Mistral"], True),
        ("Hugging Face raises", ["hugging   face"], True),
    ],
)
def test_mentions(text: str, names: list[str], expected: bool) -> None:
    assert mentions(text, names) is expected


BACKOFF = HttpSettings(backoff_base=60.0, backoff_max=3600.0)


@pytest.mark.parametrize(
    ("failures", "retry_after", "delay"),
    [
        (0, None, 0.0),
        (1, None, 60.0),
        (2, None, 120.0),
        (3, None, 240.0),
        (6, None, 1920.0),
        (7, None, 3600.0),  # 3840 capped
        (10_000, None, 3600.0),  # no overflow
        (5, 30.0, 30.0),  # the server's word wins over the exponential
        (1, 7200.0, 3600.0),  # but not beyond the cap
        (1, -5.0, 0.0),
        (0, 0.0, 0.0),
    ],
)
def test_next_attempt(failures: int, retry_after: float | None, delay: float) -> None:
    assert next_attempt(failures, retry_after, NOW, BACKOFF) == NOW + timedelta(seconds=delay)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
        (format_datetime(NOW - timedelta(seconds=90), usegmt=True), 0.0),
        ("soon", None),
        ("-3", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected


# --------------------------------------------------------------------------- HTTP


def test_etag_then_304(server: HTTPServer) -> None:
    seen: list[str | None] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(fixture("rss20.xml"), content_type=RSS, headers={"ETag": '"v1"'})

    server.expect_request("/feed").respond_with_handler(handler)
    url = server.url_for("/feed")
    first = poll_one(url)
    assert first.outcome == "ok" and first.status == 200 and first.etag == '"v1"'
    assert len(first.entries) == 3 and first.body_hash is not None
    second = poll_one(url, etag=first.etag or "", body_hash=first.body_hash)
    assert second.outcome == "not_modified" and second.status == 304
    assert second.entries == ()
    assert second.etag == '"v1"' and second.body_hash == first.body_hash
    assert seen == [None, '"v1"']


def test_last_modified_then_304(server: HTTPServer) -> None:
    stamp = "Tue, 11 Jun 2024 08:30:00 GMT"

    def handler(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(
            fixture("atom.xml"), content_type="application/atom+xml", headers={"Last-Modified": stamp}
        )

    server.expect_request("/atom").respond_with_handler(handler)
    first = poll_one(server.url_for("/atom"))
    assert first.outcome == "ok" and first.last_modified == stamp and first.etag is None
    second = poll_one(server.url_for("/atom"), last_modified=stamp)
    assert second.outcome == "not_modified"
    assert second.last_modified == stamp  # kept from the request when the 304 omits it


def test_no_validators_identical_body_is_unchanged(server: HTTPServer) -> None:
    server.expect_request("/plain").respond_with_data(fixture("rss20.xml"), content_type=RSS)
    first = poll_one(server.url_for("/plain"))
    assert first.outcome == "ok" and first.etag is None and first.last_modified is None
    assert first.body_hash is not None
    second = poll_one(server.url_for("/plain"), body_hash=first.body_hash)
    assert second.outcome == "unchanged" and second.entries == ()
    assert second.body_hash == first.body_hash


def test_changed_body_is_parsed_again(server: HTTPServer) -> None:
    server.expect_request("/plain").respond_with_data(fixture("rss20.xml"), content_type=RSS)
    result = poll_one(server.url_for("/plain"), body_hash="0" * 64)
    assert result.outcome == "ok" and len(result.entries) == 3


def test_user_agent_and_compression_headers(server: HTTPServer) -> None:
    server.expect_request("/feed").respond_with_data(fixture("rss20.xml"), content_type=RSS)
    poll_one(server.url_for("/feed"))
    request, _ = server.log[0]
    assert request.headers["User-Agent"] == FAST.user_agent
    assert "watcher" in request.headers["User-Agent"]
    assert "gzip" in request.headers["Accept-Encoding"]


def test_gzip_body(server: HTTPServer) -> None:
    server.expect_request("/gz").respond_with_data(
        gzip.compress(fixture("atom.xml")),
        content_type="application/atom+xml",
        headers={"Content-Encoding": "gzip"},
    )
    result = poll_one(server.url_for("/gz"))
    assert result.outcome == "ok", result.error
    assert result.entries[0].title == "Why investors keep betting on Mistral AI"


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/xml", "application/xml", None])
def test_iso_8859_1_declared_in_the_xml(server: HTTPServer, content_type: str | None) -> None:
    body = fixture("latin1.xml")
    assert "é".encode() not in body  # really Latin-1 on the wire
    server.expect_request("/latin1").respond_with_response(
        Response(body, headers={"Content-Type": content_type} if content_type else {})
    )
    result = poll_one(server.url_for("/latin1"))
    assert result.outcome == "ok", result.error
    assert result.entries[0].title == "Levée de fonds record pour Mistral AI, l'été sera chaud"
    assert result.entries[0].summary == "Le français a levé 600 millions. Déjà très suivi à l'étranger."


def test_server_error_is_a_failed_result(server: HTTPServer) -> None:
    server.expect_request("/500").respond_with_data("boom", status=500)
    url = server.url_for("/500")
    result = poll_one(url, etag='"old"', body_hash="abc")
    assert result.outcome == "failed" and result.status == 500
    assert result.error == f"{url}: HTTP 500 Internal Server Error"
    assert result.retry_after is None
    # Validators are echoed so a caller storing them blindly loses nothing.
    assert result.etag == '"old"' and result.body_hash == "abc"


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_seconds(server: HTTPServer, status: int) -> None:
    server.expect_request("/busy").respond_with_data(
        "slow down", status=status, headers={"Retry-After": "120"}
    )
    result = poll_one(server.url_for("/busy"))
    assert result.outcome == "failed" and result.status == status
    assert result.retry_after == 120.0
    assert next_attempt(1, result.retry_after, NOW, BACKOFF) == NOW + timedelta(seconds=120)


def test_retry_after_http_date(server: HTTPServer) -> None:
    when = format_datetime(NOW + timedelta(minutes=5), usegmt=True)
    server.expect_request("/busy").respond_with_data("", status=429, headers={"Retry-After": when})
    assert poll_one(server.url_for("/busy")).retry_after == 300.0


def test_read_timeout(server: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response(fixture("rss20.xml"), content_type=RSS)

    server.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    result = poll_one(server.url_for("/slow"))
    assert time.monotonic() - started < 0.45
    assert result.outcome == "failed"
    assert result.error == f"{server.url_for('/slow')}: read timeout"


def test_total_timeout_caps_a_trickling_body(server: HTTPServer) -> None:
    def trickle(request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            yield b'<?xml version="1.0"?><rss version="2.0"><channel>'
            for _ in range(8):
                time.sleep(0.1)  # each chunk well inside the read timeout
                yield b"<!-- still here -->"

        return Response(chunks(), content_type=RSS)

    server.expect_request("/trickle").respond_with_handler(trickle)
    settings = HttpSettings(
        connect_timeout=0.5, read_timeout=0.25, total_timeout=0.35, allow_private=("127.0.0.1",)
    )
    started = time.monotonic()
    result = poll_one(server.url_for("/trickle"), settings)
    assert time.monotonic() - started < 0.6
    assert result.outcome == "failed"
    assert result.error is not None and "timed out after 0.35 s in total" in result.error


def test_body_over_the_cap_with_content_length(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(b"x" * (FAST.max_bytes + 1), content_type=RSS)
    result = poll_one(server.url_for("/big"))
    assert result.outcome == "failed"
    assert result.error == f"{server.url_for('/big')}: body of 65537 bytes exceeds the 65536-byte cap"


def test_streamed_body_over_the_cap(server: HTTPServer) -> None:
    def stream(request: Request) -> Response:
        return Response((b"y" * 8192 for _ in range(20)), content_type=RSS)  # no Content-Length

    server.expect_request("/stream").respond_with_handler(stream)
    result = poll_one(server.url_for("/stream"))
    assert result.outcome == "failed"
    assert result.error == f"{server.url_for('/stream')}: body exceeds the 65536-byte cap"


def test_gzip_bomb_is_capped_after_decompression(server: HTTPServer) -> None:
    bomb = gzip.compress(b" " * (FAST.max_bytes * 4))
    assert len(bomb) < FAST.max_bytes
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type=RSS, headers={"Content-Encoding": "gzip"}
    )
    result = poll_one(server.url_for("/bomb"))
    assert result.outcome == "failed" and result.error is not None and "cap" in result.error


def test_redirect_is_followed(server: HTTPServer) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(fixture("atom.xml"), content_type="application/atom+xml")
    result = poll_one(server.url_for("/old"))
    assert result.outcome == "ok" and result.url == server.url_for("/old")
    assert result.final_url == server.url_for("/new")


def test_redirect_loop(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": server.url_for("/a")})
    result = poll_one(server.url_for("/a"))
    assert result.outcome == "failed"
    assert result.error == f"{server.url_for('/a')}: redirect loop at {server.url_for('/a')}"


def test_too_many_redirects(server: HTTPServer) -> None:
    for i in range(6):
        server.expect_request(f"/r{i}").respond_with_data("", status=307, headers={"Location": f"/r{i + 1}"})
    result = poll_one(server.url_for("/r0"))
    assert result.outcome == "failed"
    assert result.error == f"{server.url_for('/r0')}: more than 3 redirects"


def test_html_served_as_feed_fails_with_reason(server: HTTPServer) -> None:
    server.expect_request("/rss").respond_with_data(fixture("not_a_feed.html"), content_type="text/html")
    result = poll_one(server.url_for("/rss"))
    assert result.outcome == "failed" and result.status == 200
    assert result.error == f"{server.url_for('/rss')}: not a feed: got an HTML page (text/html)"


def test_malformed_feed_fails_with_reason(server: HTTPServer) -> None:
    server.expect_request("/broken").respond_with_data(fixture("malformed.xml"), content_type=RSS)
    result = poll_one(server.url_for("/broken"))
    assert result.outcome == "failed"
    assert result.error is not None and result.error.startswith(f"{server.url_for('/broken')}: not a feed")
    assert "\n" not in result.error


def test_connection_refused_and_bad_urls_are_values() -> None:
    results = poll(
        [FeedRequest("http://127.0.0.1:9/feed"), FeedRequest("ftp://x.example/f"), FeedRequest("::")]
    )
    assert [r.outcome for r in results] == ["failed"] * 3
    assert results[0].error is not None and results[0].error.startswith(
        "http://127.0.0.1:9/feed: ConnectError"
    )
    assert results[1].error == "ftp://x.example/f: unsupported URL scheme 'ftp'"


def test_one_failing_feed_does_not_stop_or_slow_the_others(server: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response("late")

    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/500").respond_with_data("", status=500)
    server.expect_request("/html").respond_with_data(fixture("not_a_feed.html"), content_type="text/html")
    for name in ("rss20.xml", "rss10.rdf", "atom.xml", "rss091.xml"):
        server.expect_request(f"/{name}").respond_with_data(fixture(name), content_type="application/xml")
    order = ["/slow", "/rss20.xml", "/500", "/rss10.rdf", "/html", "/atom.xml", "/rss091.xml"]
    settings = HttpSettings(
        connect_timeout=0.5, read_timeout=0.25, total_timeout=0.6, per_host=8, allow_private=("127.0.0.1",)
    )
    results = poll([FeedRequest(server.url_for(p)) for p in order], settings)
    assert [r.url for r in results] == [server.url_for(p) for p in order]
    assert [r.outcome for r in results] == ["failed", "ok", "failed", "ok", "failed", "ok", "ok"]
    fast_ones = [r for r in results if r.outcome == "ok"]
    # Every good feed was done before the slow one even timed out.
    assert max(r.elapsed for r in fast_ones) < results[0].elapsed


def _counting_handler(state: dict[str, int], lock: threading.Lock, body: bytes) -> object:
    def handler(request: Request) -> Response:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return Response(body, content_type=RSS)

    return handler


@pytest.mark.parametrize(("per_host", "concurrency", "expected_max"), [(2, 8, 2), (8, 3, 3), (1, 8, 1)])
def test_concurrency_bounds(server: HTTPServer, per_host: int, concurrency: int, expected_max: int) -> None:
    state = {"now": 0, "max": 0}
    lock = threading.Lock()
    body = fixture("rss20.xml")
    for i in range(6):
        server.expect_request(f"/f{i}").respond_with_handler(_counting_handler(state, lock, body))  # type: ignore[arg-type]
    settings = HttpSettings(
        connect_timeout=1,
        read_timeout=1,
        total_timeout=2,
        per_host=per_host,
        concurrency=concurrency,
        allow_private=("127.0.0.1",),
    )
    results = poll([FeedRequest(server.url_for(f"/f{i}")) for i in range(6)], settings)
    assert all(r.outcome == "ok" for r in results)
    assert state["max"] == expected_max
