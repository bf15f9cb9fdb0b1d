"""Article pages: fetching against a real HTTP server on 127.0.0.1, extraction with trafilatura."""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from watcher.articles import (
    ArticleText,
    ExtractionPool,
    Page,
    extract_article,
    extract_article_async,
    extract_article_now,
    fetch_page,
    fetch_pages,
    guess_language,
)
from watcher.errors import FetchError
from watcher.feeds import make_client
from watcher.settings import HttpSettings

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
HTML = "text/html; charset=utf-8"
FAST = HttpSettings(
    connect_timeout=0.5,
    read_timeout=0.25,
    total_timeout=0.6,
    max_bytes=64 * 1024,
    max_redirects=4,
    extract_timeout=5.0,
    # The test server listens on 127.0.0.1, an internal address fetched here on purpose.
    allow_private=("127.0.0.1",),
)
CLUTTER_FR = [
    "cookies",
    "Tout accepter",
    "Abonnez-vous",
    "À lire aussi",
    "OpenAI dévoile",
    "Mentions légales",
    "S'inscrire",
]
CLUTTER_EN = [
    "cookies",
    "Sign in",
    "Related stories",
    "Acme Robotics",
    "Privacy Policy",
    "newsletter",
    "Advertisement",
]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    # conftest.py makes it threaded, so a handler that sleeps does not hold up the others.
    return httpserver


@pytest.fixture(scope="module")
def pool() -> Iterator[ExtractionPool]:
    with ExtractionPool(FAST, workers=1) as p:
        yield p


def get(url: str, settings: HttpSettings = FAST) -> Page:
    async def go() -> Page:
        async with make_client(settings) as client:
            return await fetch_page(client, url, settings)

    return asyncio.run(go())


# --------------------------------------------------------------------------- extraction


def test_french_article_without_clutter(pool: ExtractionPool) -> None:
    article = extract_article(fixture("article_fr.html"), "https://eco.example/tech/a", FAST, pool=pool)
    assert article is not None
    assert article.title == "Mistral AI lève 600 millions d'euros et vaut près de 6 milliards"
    assert article.text.startswith(
        "La start-up parisienne Mistral AI a annoncé mardi avoir levé 600 millions"
    )
    assert "valorise la jeune pousse à près de 5,8 milliards d'euros" in article.text
    assert article.text.endswith("de l'intelligence artificielle.")
    for clutter in CLUTTER_FR:
        assert clutter not in article.text, clutter
    assert article.date == "2024-06-11"
    assert article.language == "fr"
    assert article.url == "https://eco.example/tech/a"


def test_english_article_without_clutter(pool: ExtractionPool) -> None:
    article = extract_article(fixture("article_en.html"), "https://techwire.example/a", FAST, pool=pool)
    assert article is not None
    assert article.title == "Mistral AI raises €600 million in Series B led by General Catalyst"
    assert "values the company at roughly €5.8 billion" in article.text
    for clutter in CLUTTER_EN:
        assert clutter not in article.text, clutter
    assert article.date == "2024-06-11"
    assert article.language == "en"


def test_in_process_and_worker_agree(pool: ExtractionPool) -> None:
    html = fixture("article_en.html")
    assert pool.extract(html, "u") == extract_article_now(html, "u")


@pytest.mark.parametrize(
    "html",
    [
        b"",
        b"<html><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        b"\x00\xff",
    ],
)
def test_no_text_gives_none(pool: ExtractionPool, html: bytes | str) -> None:
    assert pool.extract(html, "https://x.example/") is None


def test_charset_from_the_content_type_header(pool: ExtractionPool) -> None:
    page = (
        "<html><head><title>Levée</title></head><body><article><h1>Levée de fonds</h1>"
        + "<p>La société française a levé des fonds auprès de ses investisseurs, déjà présents à l'été.</p>"
        * 4
        + "</article></body></html>"
    ).encode("iso-8859-1")
    article = pool.extract(page, "https://x.example/", "text/html; charset=ISO-8859-1")
    assert article is not None
    assert "déjà présents à l'été" in article.text


def test_extraction_over_the_time_limit_falls_back_to_none() -> None:
    html = fixture("article_fr.html") * 3
    with ExtractionPool(HttpSettings(extract_timeout=0.001), workers=1) as slow_pool:
        assert slow_pool.extract(html, "https://x.example/") is None
        # The killed worker is replaced: the pool keeps answering.
        assert slow_pool.extract(html, "https://x.example/") is None


def test_zero_timeout_extracts_in_process() -> None:
    article = extract_article(fixture("article_en.html"), "u", HttpSettings(extract_timeout=0))
    assert isinstance(article, ArticleText) and article.language == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La start-up a levé 600 millions d'euros auprès de ses investisseurs pour la croissance.", "fr"),
        ("The startup has raised 600 million euros from its investors for the growth of the company.", "en"),
        ("Mistral AI", None),
        ("", None),
        ("Paris Berlin London Madrid Rome", None),
    ],
)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


# --------------------------------------------------------------------------- fetching


def test_redirect_chain_to_the_article(server: HTTPServer, pool: ExtractionPool) -> None:
    server.expect_request("/news/rss/articles/CBMi").respond_with_data(
        "", status=302, headers={"Location": "/r/2?utm_source=agg"}
    )
    server.expect_request("/r/2").respond_with_data(
        "", status=301, headers={"Location": server.url_for("/tech/a")}
    )
    server.expect_request("/tech/a").respond_with_data(fixture("article_fr.html"), content_type=HTML)
    page = get(server.url_for("/news/rss/articles/CBMi"))
    assert page.url == server.url_for("/tech/a")
    assert page.status == 200 and page.content_type == HTML and page.charset == "utf-8"
    assert page.html == fixture("article_fr.html")
    article = asyncio.run(extract_article_async(page.html, page.url, FAST, page.content_type, pool))
    assert article is not None and article.language == "fr" and "600 millions" in article.text
    request, _ = server.log[0]
    assert request.headers["User-Agent"] == FAST.user_agent


def test_gzip_page(server: HTTPServer) -> None:
    server.expect_request("/gz").respond_with_data(
        gzip.compress(fixture("article_en.html")), content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    assert get(server.url_for("/gz")).html == fixture("article_en.html")


def test_http_error_names_the_url(server: HTTPServer) -> None:
    server.expect_request("/gone").respond_with_data("nope", status=404)
    url = server.url_for("/gone")
    with pytest.raises(FetchError, match=rf"^{url}: HTTP 404 Not Found$"):
        get(url)


def test_error_after_a_redirect_says_where(server: HTTPServer) -> None:
    server.expect_request("/moved").respond_with_data("", status=302, headers={"Location": "/gone"})
    server.expect_request("/gone").respond_with_data("", status=410)
    with pytest.raises(FetchError, match=r"/moved: HTTP 410 Gone \(at http://127\.0\.0\.1:\d+/gone\)$"):
        get(server.url_for("/moved"))


def test_redirect_loop(server: HTTPServer) -> None:
    server.expect_request("/x").respond_with_data("", status=302, headers={"Location": "/y"})
    server.expect_request("/y").respond_with_data("", status=302, headers={"Location": "/x"})
    with pytest.raises(FetchError, match="redirect loop"):
        get(server.url_for("/x"))


def test_page_over_the_cap(server: HTTPServer) -> None:
    def stream(request: Request) -> Response:
        return Response((b"<p>filler</p>" * 1000 for _ in range(10)), content_type=HTML)

    server.expect_request("/huge").respond_with_handler(stream)
    with pytest.raises(FetchError, match="exceeds the 65536-byte cap"):
        get(server.url_for("/huge"))


def test_page_timeout(server: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response("late", content_type=HTML)

    server.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchError, match=r"/slow: ReadTimeout"):
        get(server.url_for("/slow"))


def test_fetch_pages_reports_each_page(server: HTTPServer) -> None:
    server.expect_request("/ok").respond_with_data(fixture("article_en.html"), content_type=HTML)
    server.expect_request("/err").respond_with_data("", status=500)

    async def go() -> list[Page | FetchError]:
        async with make_client(FAST) as client:
            return await fetch_pages(
                client, [server.url_for("/ok"), server.url_for("/err"), "nonsense"], FAST
            )

    ok, err, bad = asyncio.run(go())
    assert isinstance(ok, Page) and ok.status == 200
    assert isinstance(err, FetchError) and "HTTP 500" in str(err)
    assert isinstance(bad, FetchError)
