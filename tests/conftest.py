"""Shared fixtures: pytest-httpserver made threaded, so a slow handler (a feed that times
out) cannot stall the requests of the other feeds served by the same local server."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer


@pytest.fixture(scope="session")
def make_httpserver(
    httpserver_listen_address: tuple[str | None, int | None], httpserver_ssl_context: ssl.SSLContext | None
) -> Iterator[HTTPServer]:
    host, port = httpserver_listen_address
    server = HTTPServer(
        host=host or "127.0.0.1", port=port or 0, ssl_context=httpserver_ssl_context, threaded=True
    )
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()
