"""The guard against internal addresses: a canary server on 127.0.0.1 that must never be hit.

Real servers on the loopback: the canary on 127.0.0.1, and where a test needs a server
that is allowed on purpose, one on 127.0.0.2 (the whole 127/8 is loopback on Linux).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from watcher.articles import fetch_page
from watcher.config import load_config
from watcher.errors import ConfigError, FetchError
from watcher.feeds import FeedRequest, fetch_feeds, make_client
from watcher.netguard import is_internal, literal_address
from watcher.settings import HttpSettings

GUARDED = HttpSettings(connect_timeout=1, read_timeout=1, total_timeout=3)


@pytest.fixture
def canary(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    httpserver.expect_request("/secret").respond_with_data("internal admin page: Mistral AI raises 9bn")
    yield httpserver
    httpserver.clear()


@pytest.fixture
def outside() -> Iterator[HTTPServer]:
    """A server standing for a public site: on 127.0.0.2, allowed by the tests that use it."""
    server = HTTPServer(host="127.0.0.2", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


def hits(server: HTTPServer) -> int:
    return sum(1 for request, _ in server.log if request.path == "/secret")


def fetch(url: str, settings: HttpSettings = GUARDED) -> str:
    async def go() -> str:
        async with make_client(settings) as client:
            return (await fetch_page(client, url, settings)).html.decode()

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("spelling", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("[::1]", "::1"),
        ("10.1.2.3", "10.1.2.3"),
        ("example.org", None),
        ("cafe.example", None),
        ("1password.example", None),
    ],
)
def test_literal_addresses_in_any_spelling(spelling: str, address: str | None) -> None:
    found = literal_address(spelling)
    assert (str(found) if found else None) == address


@pytest.mark.parametrize(
    ("address", "internal"),
    [
        ("127.0.0.1", True),
        ("10.0.0.1", True),
        ("172.16.5.4", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),  # cloud metadata
        ("100.64.0.1", True),  # carrier-grade NAT
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("255.255.255.255", True),
        ("::1", True),
        ("::", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("ff02::1", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", True),
        ("2002:7f00:1::", True),  # 6to4 wrapping 127.0.0.1
        ("93.184.216.34", False),
        ("2606:2800:220:1:248:1893:25c8:1946", False),
    ],
)
def test_internal_addresses(address: str, internal: bool) -> None:
    assert is_internal(ipaddress.ip_address(address)) is internal


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "0x7f000001", "2130706433", "017700000001", "127.1", "[::ffff:127.0.0.1]", "localhost"],
)
def test_a_page_on_an_internal_address_is_never_fetched(canary: HTTPServer, host: str) -> None:
    url = f"http://{host}:{canary.port}/secret"
    with pytest.raises(FetchError) as e:
        fetch(url)
    message = str(e.value)
    assert message.startswith(f"http://{host}:{canary.port}/secret: refused") or message.startswith(
        url.replace(host, host.lower())
    )
    assert "[http] allow_private" in message and "\n" not in message
    assert hits(canary) == 0


def test_a_name_resolving_to_an_internal_address_is_refused_after_resolution(canary: HTTPServer) -> None:
    name = socket.gethostname()
    addresses = {info[4][0] for info in socket.getaddrinfo(name, None)}
    if not all(is_internal(ipaddress.ip_address(a)) for a in addresses):
        pytest.skip(f"{name} does not resolve to internal addresses here")
    with pytest.raises(FetchError, match="resolves to the internal address"):
        fetch(f"http://{name}:{canary.port}/secret")
    assert hits(canary) == 0


def test_a_redirect_to_an_internal_address_is_refused(canary: HTTPServer, outside: HTTPServer) -> None:
    outside.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": f"http://0x7f000001:{canary.port}/secret"}
    )
    settings = HttpSettings(connect_timeout=1, read_timeout=1, total_timeout=3, allow_private=("127.0.0.2",))
    url = outside.url_for("/go")
    with pytest.raises(FetchError) as e:
        fetch(url, settings)
    assert str(e.value).startswith(f"{url}: refused (redirected to http://0x7f000001:{canary.port}/secret)")
    assert hits(canary) == 0


def test_a_feed_on_an_internal_address_fails_with_one_line(canary: HTTPServer) -> None:
    async def go() -> str | None:
        async with make_client(GUARDED) as client:
            [result] = await fetch_feeds(client, [FeedRequest(canary.url_for("/secret"))], GUARDED)
        assert result.failed
        return result.error

    error = asyncio.run(go())
    assert error is not None and "refused" in error and "allow_private" in error
    assert hits(canary) == 0


@pytest.mark.parametrize(
    ("allowed", "host"),
    [
        ("127.0.0.0/8", "127.0.0.1"),
        ("127.0.0.1", "127.0.0.1"),
        ("localhost", "localhost"),
        ("127.0.0.0/8", "localhost"),
    ],
)
def test_allow_private_lets_a_network_or_a_host_through(canary: HTTPServer, allowed: str, host: str) -> None:
    settings = HttpSettings(connect_timeout=1, read_timeout=1, total_timeout=3, allow_private=(allowed,))
    assert "internal admin page" in fetch(f"http://{host}:{canary.port}/secret", settings)
    assert hits(canary) == 1


def test_allowing_one_address_does_not_allow_its_neighbours(canary: HTTPServer) -> None:
    settings = HttpSettings(connect_timeout=1, read_timeout=1, total_timeout=3, allow_private=("127.0.0.2",))
    with pytest.raises(FetchError, match="refused"):
        fetch(canary.url_for("/secret"), settings)
    assert hits(canary) == 0


def test_allow_private_with_a_port_allows_that_port_only(canary: HTTPServer) -> None:
    feed = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    feed.expect_request("/feed").respond_with_data("<rss/>")
    feed.start()
    try:
        settings = HttpSettings(total_timeout=3, allow_private=(f"127.0.0.1:{feed.port}",))
        assert fetch(feed.url_for("/feed"), settings) == "<rss/>"
        for url in (canary.url_for("/secret"), f"http://localhost:{canary.port}/secret"):
            with pytest.raises(FetchError, match="refused"):
                fetch(url, settings)
    finally:
        feed.clear()
        feed.stop()
    assert hits(canary) == 0


def _config(tmp_path: Path, http: str) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[[entities]]\nname = "X"\n{http}', encoding="utf-8")
    return cfg


def test_config_accepts_networks_and_hosts(tmp_path: Path) -> None:
    s = load_config(_config(tmp_path, '\n[http]\nallow_private = ["127.0.0.0/8"]\n'))
    assert s.http.allow_private == ("127.0.0.0/8",)
    s = load_config(
        _config(
            tmp_path,
            '[http]\nallow_private = ["10.0.0.0/8", "intranet.example", "::1", "fd00::/8",'
            ' "127.0.0.1:8080", "[::1]:8080", "intranet.example:8443"]\n',
        )
    )
    assert s.http.allow_private == (
        "10.0.0.0/8",
        "intranet.example",
        "::1",
        "fd00::/8",
        "127.0.0.1:8080",
        "[::1]:8080",
        "intranet.example:8443",
    )


@pytest.mark.parametrize(
    "bad",
    ["10.0.0.0/33", "http://intranet.example/", "two words", "300.1.2.3", "127.0.0.1:99999", "host:abc"],
)
def test_config_rejects_what_is_neither_a_network_nor_a_host(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ConfigError, match=r"http\.allow_private"):
        load_config(_config(tmp_path, f'[http]\nallow_private = ["{bad}"]\n'))


def test_a_cycle_over_an_untrusted_feed_never_touches_the_canary(
    tmp_path: Path, canary: HTTPServer, outside: HTTPServer
) -> None:
    from tests.newsroom import page, rss
    from watcher.config import settings_from_mapping
    from watcher.pipeline import run_cycle
    from watcher.store import Store

    canary.expect_request("/admin").respond_with_data(
        page("Mistral AI raises €9 billion", ["Mistral AI has raised €9 billion in a Series D round."])
    )
    secret = f"{canary.port}/admin"
    outside.expect_request("/hop").respond_with_data(
        "", status=301, headers={"Location": f"http://[::ffff:127.0.0.1]:{secret}"}
    )
    items = [
        {"title": "Mistral AI news one", "link": f"http://127.0.0.1:{secret}", "guid": "1"},
        {"title": "Mistral AI news two", "link": f"http://0x7f000001:{secret}", "guid": "2"},
        {"title": "Mistral AI news three", "link": f"http://localhost:{secret}", "guid": "3"},
        {"title": "Mistral AI news four", "link": outside.url_for("/hop"), "guid": "4"},
    ]
    outside.expect_request("/feed.xml").respond_with_data(
        rss("Wire", items), content_type="application/rss+xml"
    )
    settings = settings_from_mapping(
        {
            "watcher": {"db": "state/w.db"},
            "entities": [{"name": "Mistral AI"}],
            "feeds": [{"url": outside.url_for("/feed.xml")}],
            # The feed's own server is allowed on purpose; its links are not.
            "http": {"total_timeout": "3s", "allow_private": ["127.0.0.2"]},
            "alerts": {"file": {"path": "state/alerts.jsonl"}},
        },
        tmp_path / "config.toml",
    )
    with Store(settings.db) as store:
        report = run_cycle(settings, store=store)
    assert [f.outcome for f in report.feeds] == ["ok"]
    assert report.articles_fetched == 4 and report.articles_from_summary == 4
    assert not any(request.path == "/admin" for request, _ in canary.log)
    assert all(c.new.amount != 9_000_000_000 for c in report.changes)


def test_the_tls_context_is_built_at_the_first_https_connection_and_verifies() -> None:
    import ssl

    import httpcore

    from watcher.netguard import _LazyTlsPool

    pool = _LazyTlsPool()
    pool.create_connection(httpcore.Origin(b"http", b"example.com", 80))
    assert pool._ssl_context is None  # plain http needs none: no CA bundle loaded
    pool.create_connection(httpcore.Origin(b"https", b"example.com", 443))
    context = pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    pool.create_connection(httpcore.Origin(b"https", b"example.org", 443))
    assert pool._ssl_context is context  # built once
