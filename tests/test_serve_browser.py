"""`watcher serve` in a real browser: Playwright driving Debian's Chromium against a real uvicorn
on 127.0.0.1, over a SQLite file filled by a real poll of a local news site.

The browser is found at /usr/bin/chromium (`.ci/run` installs it with apt when it is missing);
these tests are skipped only when no Chromium can be found at all. One browser and one server
serve the whole module. Screenshots of every page, dense (200 changes) and sparse (one fact),
go to test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve_world import HOSTILE, ROOT, LiveServer, NewsSite, dense_world, live_server, polled_world
from watcher.store import Store

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
        if p and Path(p).exists()
    ),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (apt-get install chromium)")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, NewsSite]]:
    site = NewsSite()
    settings = polled_world(tmp_path_factory.mktemp("serve-browser"), site)
    with live_server(settings) as server:
        yield server, site
    site.close()


class Watched:
    """A page whose dialogs, console errors and page errors are recorded (dialogs dismissed)."""

    def __init__(self, browser: Any, width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, d: Any) -> None:
        self.dialogs.append(d.message)
        d.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    assert w.dialogs == [], w.dialogs
    assert w.errors == [], w.errors
    w.close()


def _store(server: LiveServer) -> Store:
    return Store.for_reading(server.settings.db)


def test_the_overview_lists_both_companies_with_their_figures(
    world: tuple[LiveServer, NewsSite], tab: Watched
) -> None:
    server, _ = world
    page = tab.page
    page.goto(server.base + "/")
    rows = page.locator("table.overview tbody tr")
    assert rows.count() == 2
    names = [rows.nth(i).get_attribute("data-company") for i in range(2)]
    assert sorted(n or "" for n in names) == ["Helsing", "Mistral AI"]
    mistral = page.locator('tr[data-company="Mistral AI"]')
    helsing = page.locator('tr[data-company="Helsing"]')
    assert "EUR 11.7bn" in mistral.locator("td.valuation").inner_text()
    assert "EUR 1.7bn" in mistral.locator("td.round").inner_text()
    assert "Series C" in mistral.locator("td.round").inner_text()
    assert "EUR 12bn" in helsing.locator("td.valuation").inner_text()
    assert "EUR 600M" in helsing.locator("td.round").inner_text()
    assert mistral.locator("td.pending strong").inner_text() == "1"  # the €190bn jump waits
    # A feed read only for Helsing fails: its row says so, Mistral AI's does not.
    assert "Gone Daily" in helsing.locator("td.failing").inner_text()
    assert "Gone Daily" not in mistral.locator("td.failing").inner_text()
    # A first visit: everything is new; the next visit, nothing is.
    assert page.locator("tr.new").count() == 2
    page.reload()
    assert page.locator("tr.new").count() == 0


def test_confirming_a_pending_fact_makes_a_change_with_one_alert_per_channel(
    world: tuple[LiveServer, NewsSite], tab: Watched
) -> None:
    server, _ = world
    with _store(server) as store:
        [waiting] = store.pending_facts("Mistral AI")
    page = tab.page
    page.goto(server.base + "/company/Mistral%20AI?state=pending")
    csrf = page.locator('input[name="csrf"]').first.get_attribute("value") or ""
    with page.expect_navigation():
        page.locator(f"#fact-{waiting.id} button", has_text="Confirm").click()
    assert page.url.endswith("/company/Mistral%20AI?state=pending")
    assert "Confirm: fact" in page.locator(".flash").inner_text()
    with _store(server) as store:
        assert store.pending_facts("Mistral AI") == []
        [change] = [c for c in store.changes("Mistral AI") if store.change_fact_id(c.id or 0) == waiting.id]
        assert change.new.amount == 190_000_000_000
        channels = [row.channel for row in store.change_alerts(change.id or 0)]
    assert sorted(channels) == sorted(server.settings.alerts.channels)
    # A second click on a stale page (or a cycle that decided it meanwhile) does not alert it twice.
    with _store(server) as store:
        before = len(store.changes("Mistral AI"))
    again = tab.page.request.post(f"{server.base}/fact/{waiting.id}/confirm", form={"csrf": csrf})
    assert again.ok
    with _store(server) as store:
        assert len(store.changes("Mistral AI")) == before


def _tab_to(page: Any, label: str, limit: int = 80, *, field: str | None = None) -> None:
    """Press Tab until the focused element is a button or link saying ``label`` (or the form
    field named ``field``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if field is not None:
            if page.evaluate("document.activeElement.name") == field:
                return
            continue
        focused = page.evaluate("document.activeElement && document.activeElement.innerText")
        if focused and focused.strip() == label:
            return
    raise AssertionError(f"Tab never reached {label!r}")


def test_with_the_keyboard_alone_rejecting_a_change_kills_its_alerts_and_undo_restores(
    world: tuple[LiveServer, NewsSite], tab: Watched
) -> None:
    server, _ = world
    page = tab.page
    with _store(server) as store:
        ids = [c.id for c in store.changes("Helsing")]
    # Both changes of the event (round and valuation) rejected: the message has nothing left to say.
    for ident in ids:
        page.goto(f"{server.base}/change/{ident}")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"  # skip to content comes first
        _tab_to(page, "", field="reason")
        page.keyboard.type("wrong company")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.innerText") == "Reject this change"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "rejected" in page.locator(".flash").inner_text()
    with _store(server) as store:
        changes = store.changes("Helsing")
        assert len(changes) == 2 and all("wrong company" in (c.rejected or "") for c in changes)
        rows = {r.id: r.status for c in changes for r in store.change_alerts(c.id or 0)}
    assert rows and set(rows.values()) == {"rejected"}
    # Undo from the company page, where each rejection has its button.
    page.goto(f"{server.base}/company/Helsing")
    _tab_to(page, "Undo")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    with _store(server) as store:
        changes = store.changes("Helsing")
        assert sum(1 for c in changes if c.rejected) == 1
        assert {r.status for c in changes for r in store.change_alerts(c.id or 0)} == {"pending"}


def test_rejecting_a_fact_with_a_reason_then_undo(world: tuple[LiveServer, NewsSite], tab: Watched) -> None:
    server, _ = world
    with _store(server) as store:
        [fact] = [sf for sf in store.facts("Mistral AI", known_only=True) if sf.fact.kind == "total_raised"]
    page = tab.page
    page.goto(server.base + "/company/Mistral%20AI")
    page.fill(f"#fr-{fact.id}", "a total from an old article")
    with page.expect_navigation():
        page.locator(f"#fact-{fact.id} button", has_text="Reject").click()
    with _store(server) as store:
        assert store.fact(fact.id).state == "rejected"  # type: ignore[union-attr]
    assert page.locator(f"#fact-{fact.id}").count() == 0  # gone from the facts that count
    page.goto(server.base + "/company/Mistral%20AI?state=all#facts")
    assert "a total from an old article" in page.locator(f"#fact-{fact.id}").inner_text()
    with page.expect_navigation():
        page.locator(f"#fact-{fact.id} button", has_text="Undo").click()
    with _store(server) as store:
        assert store.fact(fact.id).state == "active"  # type: ignore[union-attr]


def test_hostile_feed_text_executes_nothing(world: tuple[LiveServer, NewsSite], tab: Watched) -> None:
    server, site = world
    with _store(server) as store:
        [change, *_] = store.changes("Helsing")
    page = tab.page
    for path in (
        "/",
        "/company/Helsing",
        "/company/Helsing?state=all",
        f"/change/{change.id}",
        f"/change/{change.id}/article",
        f"/explain?url={site.base}/2025/09/helsing",
        "/feeds",
        "/alerts",
    ):
        page.goto(server.base + path)
        assert "pwned" not in page.title(), path
        assert page.evaluate("document.title") != "pwned"
        assert page.locator("script").count() == 0, path
        assert page.locator("img").count() == 0, path
        assert page.locator('a[href^="javascript:"]').count() == 0, path
        assert page.evaluate("window.__pwned === undefined")
    page.goto(server.base + f"/change/{change.id}")
    # The markup is shown as the text it is.
    assert HOSTILE in page.locator("body").inner_text()
    # Every link to a source opens without giving the source this page.
    for link in page.locator('a[target="_blank"]').all():
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert (link.get_attribute("href") or "").startswith(("http://", "https://"))


def test_a_post_without_the_csrf_token_gets_403(world: tuple[LiveServer, NewsSite], tab: Watched) -> None:
    server, _ = world
    tab.page.goto(server.base + "/company/Mistral%20AI")
    res = tab.page.request.post(server.base + "/alerts/retry", form={})
    assert res.status == 403
    res = tab.page.request.post(server.base + "/fact/1/reject", form={"reason": "x", "csrf": "forged"})
    assert res.status == 403
    with _store(server) as store:
        assert store.fact(1) is not None and store.fact(1).state != "rejected"  # type: ignore[union-attr]


def _shoot(browser: Any, base: str, name: str, paths: dict[str, str]) -> list[Path]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    w = Watched(browser)
    out = []
    try:
        for label, path in paths.items():
            w.page.goto(base + path)
            target = SHOTS / f"{name}-{label}.png"
            w.page.screenshot(path=str(target), full_page=True)
            out.append(target)
        assert w.dialogs == [] and w.errors == []
    finally:
        w.close()
    return out


def test_screenshots_of_every_page_dense_and_sparse(
    world: tuple[LiveServer, NewsSite], browser: Any, tmp_path: Path
) -> None:
    server, site = world
    with _store(server) as store:
        [change, *_] = store.changes("Mistral AI")
    shots = _shoot(
        browser,
        server.base,
        "polled",
        {
            "overview": "/",
            "company": "/company/Mistral%20AI",
            "change": f"/change/{change.id}",
            "article": f"/change/{change.id}/article#evidence",
            "explain": f"/explain?url={site.base}/2025/09/mistral-series-c",
            "feeds": "/feeds",
            "alerts": "/alerts",
        },
    )
    settings = dense_world(tmp_path)
    with live_server(settings) as dense, Store.for_reading(settings.db) as store:
        last = store.recent_changes("Dense Robotics", 1)[0]
        pages = {
            "overview": "/",
            "company-dense": "/company/Dense%20Robotics",
            "company-sparse": "/company/Sparse%20Labs",
            "change": f"/change/{last.id}",
            "feeds": "/feeds",
            "alerts": "/alerts",
        }
        shots += _shoot(browser, dense.base, "dense", pages)
        with live_server(settings, token="a-token") as guarded:
            shots += _shoot(browser, guarded.base, "guarded", {"login": "/company/Sparse%20Labs"})
        import httpx

        sizes = {label: len(httpx.get(dense.base + path).content) for label, path in pages.items()}
    assert all(p.stat().st_size > 1000 for p in shots)
    assert max(sizes.values()) < 300_000, sizes
