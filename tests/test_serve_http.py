"""`watcher serve` over plain HTTP (httpx), against a real uvicorn on 127.0.0.1 and a SQLite file
filled by a real poll: missing pages are 404 pages, POSTs need the CSRF token, a token guards a
server that listens beyond loopback, and /api says exactly what the CLI's --json says."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from tests.serve_world import HOSTILE, LiveServer, NewsSite, cli, dense_world, live_server, polled_world
from watcher.errors import ConfigError
from watcher.store import Store
from watcher.web.security import CSP, required_token, safe_back


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    site = NewsSite()
    settings = polled_world(tmp_path_factory.mktemp("serve-http"), site)
    with live_server(settings) as server:
        yield server
    site.close()


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@pytest.mark.parametrize(
    "path",
    [
        "/change/abc",
        "/change/-1",
        "/change/99999999999999999999999",
        "/change/424242",
        "/change/abc/article",
        "/change/424242/article",
        "/company/Nobody",
        "/company/%3Cscript%3E",
        "/explain?url=javascript:alert(1)",
        "/explain?url=http://127.0.0.1:1/never-read",
        "/no/such/page",
        "/api/history?entity=Nobody",
    ],
)
def test_a_malformed_or_unknown_address_is_a_404_page(world: LiveServer, path: str) -> None:
    res = httpx.get(world.base + path)
    assert res.status_code == 404
    assert "Traceback" not in res.text and "sqlite" not in res.text.lower()


def test_every_page_answers_with_the_security_headers_and_strict_cookies(world: LiveServer) -> None:
    res = httpx.get(world.base + "/")
    assert res.status_code == 200
    assert res.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert res.headers["x-content-type-options"] == "nosniff"
    cookies = res.headers.get_list("set-cookie")
    assert cookies and all("httponly" in c.lower() and "samesite=strict" in c.lower() for c in cookies)


def test_feed_text_is_escaped_and_sources_are_http_links_only(world: LiveServer) -> None:
    html = httpx.get(world.base + "/company/Helsing").text
    assert HOSTILE not in html
    assert "&lt;script&gt;" in html and "<img src=x" not in html
    assert "javascript:" not in html
    links = re.findall(r'<a href="(http[^"]*)"([^>]*)>', html)
    assert links and all('rel="noopener noreferrer"' in attrs for _, attrs in links)


def test_a_post_without_the_csrf_token_is_refused(world: LiveServer) -> None:
    with httpx.Client(base_url=world.base) as client:
        page = client.get("/company/Mistral%20AI?state=all")
        token = _csrf(page.text)
        fact_id = re.search(r'action="/fact/(\d+)/reject"', page.text)
        assert fact_id
        path = f"/fact/{fact_id.group(1)}/reject"
        assert client.post(path, data={"reason": "x"}).status_code == 403
        assert client.post(path, data={"reason": "x", "csrf": "0" * 64}).status_code == 403
        # Another browser's token is no good either: it is bound to the session cookie.
        assert httpx.post(world.base + path, data={"csrf": token}).status_code == 403
        before = json.loads(cli(world.settings.config_path, "facts", "--json", "--all").stdout)
        assert not any(f["state"] == "rejected" for f in before)


def test_forms_return_only_to_this_site() -> None:
    assert safe_back("/company/Helsing?state=pending") == "/company/Helsing?state=pending"
    for bad in ("//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil", None, ""):
        assert safe_back(bad) == "/"


def _cli_json(world: LiveServer, *args: str) -> object:
    res = cli(world.settings.config_path, *args)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.parametrize(
    ("api", "args"),
    [
        ("/api/history", ("history", "--json")),
        ("/api/history?entity=Helsing", ("history", "--json", "--entity", "Helsing")),
        ("/api/history?rejected=1", ("history", "--json", "--rejected")),
        ("/api/timeline", ("history", "--facts", "--json")),
        ("/api/facts", ("facts", "--json")),
        ("/api/facts?pending=1", ("facts", "--json", "--pending")),
        ("/api/facts?all=1&entity=Mistral%20AI", ("facts", "--json", "--all", "--entity", "Mistral AI")),
        ("/api/alerts", ("alerts", "list", "--json")),
        ("/api/feeds", ("feeds", "list", "--json")),
    ],
)
def test_the_json_api_says_what_the_cli_json_says(world: LiveServer, api: str, args: tuple[str, ...]) -> None:
    res = httpx.get(world.base + api)
    assert res.status_code == 200 and res.headers["content-type"].startswith("application/json")
    assert res.json() == _cli_json(world, *args)


def test_the_status_api_is_the_status_json(world: LiveServer) -> None:
    mine = httpx.get(world.base + "/api/status").json()
    theirs = _cli_json(world, "status", "--json")
    assert isinstance(theirs, dict)
    mine.pop("now"), theirs.pop("now")
    assert mine == theirs


def test_with_a_token_every_request_needs_it(world: LiveServer) -> None:
    with live_server(world.settings, token="s3cret-token") as guarded:
        assert httpx.get(guarded.base + "/api/status").status_code == 401
        assert (
            httpx.get(guarded.base + "/api/status", headers={"Authorization": "Bearer nope"}).status_code
            == 401
        )
        ok = httpx.get(guarded.base + "/api/status", headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200
        page = httpx.get(guarded.base + "/company/Helsing?state=all")
        assert page.status_code == 303
        assert page.headers["location"] == "/login?next=%2Fcompany%2FHelsing%3Fstate%3Dall"
        with httpx.Client(base_url=guarded.base) as browser:
            form = browser.get(page.headers["location"])
            assert form.status_code == 200 and "s3cret-token" not in form.text
            csrf = _csrf(form.text)
            assert browser.post("/login", data={"csrf": csrf, "token": "wrong"}).status_code == 403
            signed = browser.post(
                "/login", data={"csrf": csrf, "token": "s3cret-token", "next": "/company/Helsing?state=all"}
            )
            assert signed.status_code == 303 and signed.headers["location"] == "/company/Helsing?state=all"
            auth = [c for c in signed.headers.get_list("set-cookie") if c.startswith("watcher_auth=")]
            assert auth and "s3cret-token" not in auth[0] and "samesite=strict" in auth[0].lower()
            assert browser.get("/company/Helsing").status_code == 200


def test_another_address_refuses_to_start_without_a_token(tmp_path: Path) -> None:
    assert required_token("127.0.0.1", None, {}) is None
    assert required_token("::1", None, {}) is None
    with pytest.raises(ConfigError, match="token_env"):
        required_token("0.0.0.0", None, {})
    with pytest.raises(ConfigError, match="WATCHER_TOKEN is not set"):
        required_token("0.0.0.0", "WATCHER_TOKEN", {})
    assert required_token("0.0.0.0", "WATCHER_TOKEN", {"WATCHER_TOKEN": "t"}) == "t"
    config = tmp_path / "config.toml"
    config.write_text('[[entities]]\nname = "Helsing"\n', encoding="utf-8")
    res = cli(config, "serve", "--host", "0.0.0.0", "--port", "8471")
    assert res.returncode == 2 and "token_env" in res.stderr


def test_check_config_lists_serve_mistakes(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[[entities]]\nname = "Helsing"\n\n[serve]\nport = 70000\ntoken_env = "not a name!"\ncolour = 1\n',
        encoding="utf-8",
    )
    res = cli(config, "check-config")
    assert res.returncode == 2
    for key in ("serve.port", "serve.token_env", "serve.colour"):
        assert key in res.stderr
    assert "not a name!" not in res.stderr  # it may be the secret itself


def test_a_dense_company_is_paged_and_every_page_stays_small(tmp_path: Path) -> None:
    settings = dense_world(tmp_path)
    with live_server(settings) as server:
        first = httpx.get(server.base + "/company/Dense%20Robotics")
        second = httpx.get(server.base + "/company/Dense%20Robotics?page=1")
        sparse = httpx.get(server.base + "/company/Sparse%20Labs")
        overview = httpx.get(server.base + "/")
        odd = httpx.get(server.base + "/company/Nord%2FSud%20%26%20Co%3F")
    # A name with "/", "&" and "?" is one path segment, linked and found.
    assert 'href="/company/Nord%2FSud%20%26%20Co%3F"' in overview.text and odd.status_code == 200
    shown = [re.findall(r'<tr[^>]* id="change-(\d+)"', r.text) for r in (first, second)]
    assert [len(s) for s in shown] == [100, 100]
    assert shown[0][0] == "200" and shown[1][-1] == "1"  # newest first, the oldest on the last page
    assert 'href="?page=1#changes-h"' in first.text and 'href="?#changes-h"' in second.text
    assert all(len(r.content) < 300_000 for r in (first, second, sparse))
    assert "EUR 2M" in sparse.text and "Seed" in sparse.text


def test_the_page_speaks_the_alerts_language(world: LiveServer) -> None:
    settings = replace(world.settings, alerts=replace(world.settings.alerts, language="fr"))
    with live_server(settings) as server:
        html = httpx.get(server.base + "/").text
        company = httpx.get(server.base + "/company/Mistral%20AI").text
    assert '<html lang="fr">' in html and "Valorisation" in html
    assert "11,7 Md EUR" in html or "190 Md EUR" in html  # render.format_money's French form
    assert "Série C" in company


def test_a_change_is_shown_in_its_article_with_the_evidence_marked(world: LiveServer) -> None:
    changes = _cli_json(world, "history", "--json", "--entity", "Helsing")
    assert isinstance(changes, list)
    pages = {c["kind"]: httpx.get(f"{world.base}/change/{c['id']}/article") for c in changes}
    assert all(p.status_code == 200 and "military aircraft" in p.text for p in pages.values())
    [valuation] = [c for c in changes if c["fact_kind"] == "valuation"]
    marked = re.search(r'<mark id="evidence"[^>]*>(.*?)</mark>', pages[valuation["kind"]].text, re.S)
    assert marked and " ".join(marked.group(1).split()) == valuation["evidence"]
    # The round's evidence is the feed's headline, cleaned of its markup: the stored text is what
    # the facts were read from, headline first, so it is marked there too.
    marked = re.search(r'<mark id="evidence"[^>]*>(.*?)</mark>', pages["new_round"].text, re.S)
    [round_] = [c for c in changes if c["kind"] == "new_round"]
    assert marked and html.unescape(marked.group(1)) == round_["evidence"]


def _marked(page: str) -> tuple[str, str, str]:
    """The text of a page's evidence box: before the mark, the mark, after it (as sent, escaped)."""
    box = re.search(r'<blockquote class="evidence-big in-text">(.*?)</blockquote>', page, re.S)
    assert box, "no evidence shown inside the article's text"
    found = re.fullmatch(r'(.*)<mark id="evidence">(.*?)</mark>(.*)', box.group(1), re.S)
    assert found, box.group(1)
    return found.group(1), found.group(2), found.group(3)


def test_the_change_page_marks_the_evidence_inside_the_stored_text(world: LiveServer) -> None:
    changes = _cli_json(world, "history", "--json", "--entity", "Helsing")
    assert isinstance(changes, list)
    [valuation] = [c for c in changes if c["fact_kind"] == "valuation"]
    page = httpx.get(f"{world.base}/change/{valuation['id']}")
    assert page.status_code == 200
    before, at, after = _marked(page.text)
    assert " ".join(html.unescape(at).split()) == valuation["evidence"]
    # Inside the article's text as the poll stored it: the sentences around it are there.
    assert "By Newsroom staff" in before and "military aircraft" in after
    assert "marked in the text of its article as watcher read it" in page.text
    # The page's own markup in the stored text arrives as text: escaped, never a tag.
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in before
    assert "<script" not in page.text and "<img" not in page.text
    with Store.for_reading(world.settings.db) as store:
        stored = store.document_text(valuation["url"])
    assert stored and stored.text and HOSTILE in stored.text  # stored as read, escaped when shown


def test_an_article_stored_before_texts_were_kept_is_read_again_and_says_so(world: LiveServer) -> None:
    changes = _cli_json(world, "history", "--json", "--entity", "Mistral AI")
    assert isinstance(changes, list)
    [valuation] = [c for c in changes if c["fact_kind"] == "valuation" and "11.7" in c["evidence"]]
    # As the document_text migration leaves a document stored before it: no text.
    conn = sqlite3.connect(world.settings.db)
    kept = conn.execute("SELECT text FROM documents WHERE url = ?", (valuation["url"],)).fetchone()[0]
    conn.execute("UPDATE documents SET text = NULL WHERE url = ?", (valuation["url"],))
    conn.commit()
    try:
        change = httpx.get(f"{world.base}/change/{valuation['id']}").text
        article = httpx.get(f"{world.base}/change/{valuation['id']}/article").text
    finally:
        conn.execute("UPDATE documents SET text = ? WHERE url = ?", (kept, valuation["url"]))
        conn.commit()
        conn.close()
    assert "read before watcher kept articles&#39; text" in change and "in-text" not in change
    assert "Read again from its site just now" in article
    marked = re.search(r'<mark id="evidence"[^>]*>(.*?)</mark>', article, re.S)
    assert marked and " ".join(html.unescape(marked.group(1)).split()) == valuation["evidence"]


def test_a_confirm_during_a_cycle_waits_for_it_and_is_applied_once(world: LiveServer, tmp_path: Path) -> None:
    """A cycle holds the write lock (BEGIN IMMEDIATE) while it decides: pages still read at once,
    and a confirm posted meanwhile is applied when the cycle commits, exactly once."""
    with httpx.Client(base_url=world.base) as browser:
        page = browser.get("/company/Mistral%20AI?state=all")
        csrf = _csrf(page.text)
        rejected = [f for f in _cli_json(world, "facts", "--json") if f["kind"] == "total_raised"]  # type: ignore[union-attr]
        fact = rejected[0]["id"]
        assert browser.post(f"/fact/{fact}/reject", data={"csrf": csrf, "back": "/"}).status_code == 303
        release = threading.Event()
        holding = threading.Event()

        def cycle() -> None:
            with Store(world.settings.db) as store, store.transaction():
                holding.set()
                release.wait(10)

        t = threading.Thread(target=cycle)
        t.start()
        holding.wait(10)
        started = time.monotonic()
        assert browser.get("/").status_code == 200
        assert time.monotonic() - started < 2  # readers never wait for the writer
        results: list[int] = []
        posts = [
            threading.Thread(
                target=lambda: results.append(
                    browser.post(f"/fact/{fact}/confirm", data={"csrf": csrf, "back": "/"}).status_code
                )
            )
            for _ in range(2)
        ]
        for p in posts:
            p.start()
        time.sleep(0.5)
        assert results == []  # waiting for the cycle's transaction
        release.set()
        t.join(10)
        for p in posts:
            p.join(30)
    assert results == [303, 303]
    after = [f for f in _cli_json(world, "facts", "--json", "--all") if f["id"] == fact]  # type: ignore[union-attr]
    assert after[0]["state"] == "active"
