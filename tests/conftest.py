"""Shared fixtures: a real PostgreSQL server (tests/pgserver.py) and the backend each store test
runs on; pytest-httpserver made threaded, so a slow handler (a feed that times
out) cannot stall the requests of the other feeds served by the same local server."""

from __future__ import annotations

import shutil
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.pgserver import PgServer, start_server, unavailable


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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL server for the session (tests/pgserver.py)."""
    server, why = start_server()
    if server is None:
        unavailable(why)
    assert server is not None
    yield server
    server.stop("immediate")
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A new, empty PostgreSQL database for one test."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a test's store lives, once on each backend: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "state" / "w.db"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Callable[[], str]:
    """Makes a new, empty database on each backend in turn (for tests that need several, such
    as one per hypothesis example): a SQLite file's path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return lambda: str(tmp_path_factory.mktemp("db") / "w.db")
    server: PgServer = request.getfixturevalue("pg_server")
    return server.new_database
