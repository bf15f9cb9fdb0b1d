"""The review page's application: routes, the guard around them, and the server.

Pages render on the server and work without JavaScript: every action is a form that POSTs,
then redirects (303) back to the page it came from. Each request opens its own connection to
the database (WAL): readers never block the daemon, and a confirm or reject runs the CLI's
own review functions in one transaction.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from watcher.errors import ConfigError, FetchError, StoreError, WatcherError
from watcher.history import timeline
from watcher.jsonout import alert_items, change_json, fact_row_json, stored_fact_json
from watcher.models import CHANGE_KINDS, FACT_KINDS
from watcher.overview import CompanyRow
from watcher.overview import overview as company_rows
from watcher.render import format_kind, format_money, format_round, one_line, safe_url, sources_text
from watcher.review import confirm, listed_facts, reject
from watcher.settings import Settings
from watcher.status import ago, collect_status, next_time, short_error, status_json
from watcher.store import Store
from watcher.web import pages
from watcher.web.security import AUTH_COOKIE, HEADERS, LOOPBACK_NAMES, SESSION_COOKIE, Guard, safe_back
from watcher.web.words import page_words

log = logging.getLogger("watcher.serve")
HERE = Path(__file__).resolve().parent
SEEN_COOKIE = "watcher_seen"
FLASH_COOKIE = "watcher_flash"
# Reachable before signing in: the sign-in form and the stylesheet it uses.
_OPEN_PATHS = ("/login", "/static/style.css")


class Site:
    """One running review page: its settings, its guard and its templates."""

    def __init__(self, settings: Settings, guard: Guard):
        self.settings = settings
        self.guard = guard
        self.language = settings.alerts.language
        self.words = page_words(self.language)
        # Everything from a feed or a page is escaped by default: only the plot's own escaped
        # SVG is marked safe, in one template.
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            # Template indentation is not sent: a dense page stays small.
            trim_blocks=True,
            lstrip_blocks=True,
        )
        lang = self.language
        self.env.filters.update(
            money=lambda m: format_money(m, lang) if m is not None else "",
            kind=lambda k: format_kind(k, lang),
            round_=lambda r: format_round(r, lang) if r else "",
            when=lambda d: d.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if d else "",
            day=lambda d: d.astimezone(UTC).date().isoformat() if d else "",
            # A source link only if it is a plain http(s) URL, as alerts link them: never javascript:.
            safe_url=lambda url: safe_url(url) if url else None,
            # Tables quote the start of a long sentence; the change page quotes all of it.
            short=lambda text, n=220: one_line(text, n),
            sources=lambda n: sources_text(n, lang),
            # A company's name as one path segment: "/" and "?" in a name stay in the name.
            segment=lambda text: quote(text, safe=""),
            # A feed's error without its own URL, which its row already shows (as status does).
            feed_error=lambda error, url: short_error(error, url),
        )
        # Only POSTs of this process are serialised: a double click confirms once.
        self.writing = threading.Lock()

    def reader(self) -> Store:
        return Store.for_reading(self.settings.db)

    def writer(self) -> Store:
        store = Store(self.settings.db, migrate=False)
        store.use_wal()
        return store

    def render(self, request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        now = datetime.now(UTC)
        flash = request.cookies.get(FLASH_COOKIE)
        html = self.env.get_template(name).render(
            w=self.words,
            lang=self.language,
            csrf=self.guard.csrf_token(request.state.session),
            path=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            now=now,
            ago=lambda d: ago(d, now) if d else "",
            due=lambda d: next_time(d, now),
            flash=unquote(flash)[:300] if flash else None,
            **values,
        )
        response = HTMLResponse(html, status_code=status)
        if flash:
            response.delete_cookie(FLASH_COOKIE, path="/")
        return response


def _done(back: str, message: str) -> RedirectResponse:
    """After a POST, back to the page it came from (303: the browser GETs it), with a note."""
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(FLASH_COOKIE, quote(message), httponly=True, samesite="strict", path="/")
    return response


def build_app(settings: Settings, guard: Guard, *, loopback: bool) -> Starlette:
    site = Site(settings, guard)

    async def guard_requests(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        session = request.cookies.get(SESSION_COOKIE)
        fresh = session is None or len(session) > 100
        request.state.session = guard.new_session() if fresh else session
        path = request.url.path
        response: Response
        if path not in _OPEN_PATHS and not guard.signed_in(
            request.cookies.get(AUTH_COOKIE), request.headers.get("authorization")
        ):
            if path.startswith("/api/"):
                response = JSONResponse({"error": "a token is required"}, status_code=401)
            else:
                # Back to the page asked for once signed in.
                wanted = path + (f"?{request.url.query}" if request.url.query else "")
                response = RedirectResponse(f"/login?{urlencode({'next': wanted})}", status_code=303)
        else:
            response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        if fresh:
            response.set_cookie(
                SESSION_COOKIE, request.state.session, httponly=True, samesite="strict", path="/"
            )
        return response

    async def forbidden(request: Request, exc: Exception) -> Response:
        return site.render(request, "error.html", 403, title=site.words["forbidden"], detail="CSRF")

    async def not_found(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "not found"}, status_code=404)
        return site.render(request, "error.html", 404, title=site.words["not_found"], detail="")

    async def failed(request: Request, exc: Exception) -> Response:
        # The log says what failed; the page never shows a traceback.
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return site.render(request, "error.html", 500, title=site.words["server_error"], detail="")

    async def unreadable(request: Request, exc: Exception) -> Response:
        # The article's site did not answer: say so, as the CLI's explain does.
        return site.render(request, "error.html", 502, title=site.words["server_error"], detail=str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException) and exc.status_code == 404:
            return await not_found(request, exc)
        code = exc.status_code if isinstance(exc, HTTPException) else 500
        return site.render(request, "error.html", code, title=str(code), detail="")

    routes = _routes(site)
    middleware = [Middleware(BaseHTTPMiddleware, dispatch=guard_requests)]
    if loopback:
        # A page elsewhere that rebinds its own name to 127.0.0.1 is refused by Host.
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=[*LOOPBACK_NAMES, "[::1]"]))
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={
            pages.NotFound: not_found,
            Forbidden: forbidden,
            ConfigError: not_found,  # "no fact #12" from the review functions
            HTTPException: http_error,
            FetchError: unreadable,
            StoreError: failed,
            WatcherError: failed,
            500: failed,
        },
    )


class Forbidden(Exception):
    """A POST without this session's CSRF token: a 403 page, nothing done."""


async def checked_form(request: Request, guard: Guard) -> dict[str, str]:
    """A POST's fields, once its CSRF token is checked against the session cookie; every POST
    handler reads its form through this, so none can forget the check."""
    form = await request.form()
    sent = form.get("csrf")
    if not guard.csrf_ok(request.cookies.get(SESSION_COOKIE), sent if isinstance(sent, str) else None):
        raise Forbidden(request.url.path)
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _q(request: Request) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items()}


def _routes(site: Site) -> list[Route | Mount]:
    s = site.settings
    w = site.words

    def overview_sync() -> list[CompanyRow]:
        with site.reader() as store:
            return company_rows(s, store)

    async def overview(request: Request) -> Response:
        rows = await run_in_threadpool(overview_sync)
        seen_cookie = request.cookies.get(SEEN_COOKIE)
        try:
            seen = datetime.fromisoformat(seen_cookie) if seen_cookie else None
        except ValueError:
            seen = None
        if seen is not None and seen.tzinfo is None:
            seen = None
        response = site.render(request, "overview.html", rows=rows, seen=seen)
        response.set_cookie(
            SEEN_COOKIE, datetime.now(UTC).isoformat(), httponly=True, samesite="strict", path="/"
        )
        return response

    async def company(request: Request) -> Response:
        flt = pages.FactFilter.of(_q(request))
        name = request.path_params["name"]

        def build() -> pages.CompanyPage:
            with site.reader() as store:
                return pages.company_page(s, store, name, flt)

        page = await run_in_threadpool(build)
        return site.render(request, "company.html", page=page, kinds=FACT_KINDS, statuses=pages.STATUSES)

    async def change(request: Request) -> Response:
        ident = pages.parse_id(request.path_params["ident"])

        def build() -> pages.ChangePage:
            with site.reader() as store:
                return pages.change_page(store, ident)

        page = await run_in_threadpool(build)
        return site.render(request, "change.html", page=page)

    async def article(request: Request) -> Response:
        ident = pages.parse_id(request.path_params["ident"])

        def build() -> pages.ArticlePage:
            with site.reader() as store:
                return pages.change_article(s, store, ident, datetime.now(UTC))

        return site.render(request, "article.html", page=await run_in_threadpool(build))

    async def explain(request: Request) -> Response:
        url = request.query_params.get("url", "")

        def build() -> Any:
            with site.reader() as store:
                return pages.explain_page(s, store, url, datetime.now(UTC))

        report = await run_in_threadpool(build)
        return site.render(request, "explain.html", report=report)

    async def feeds(request: Request) -> Response:
        def build() -> list[dict[str, Any]]:
            with site.reader() as store:
                return pages.feeds_page(s, store)

        items = await run_in_threadpool(build)
        return site.render(request, "feeds.html", items=items, parse=datetime.fromisoformat)

    async def alerts(request: Request) -> Response:
        def build() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            with site.reader() as store:
                return pages.alerts_page(store, datetime.now(UTC))

        waiting, dead = await run_in_threadpool(build)
        return site.render(request, "alerts.html", waiting=waiting, dead=dead, parse=datetime.fromisoformat)

    async def login(request: Request) -> Response:
        if request.method == "GET":
            wanted = safe_back(request.query_params.get("next"))
            return site.render(request, "login.html", failed=False, next=wanted)
        form = await checked_form(request, site.guard)
        wanted = safe_back(form.get("next"))
        if not site.guard.token_ok(form.get("token")):
            return site.render(request, "login.html", 403, failed=True, next=wanted)
        response = RedirectResponse(wanted, status_code=303)
        response.set_cookie(AUTH_COOKIE, site.guard.auth_cookie(), httponly=True, samesite="strict", path="/")
        return response

    def review(target: str, action: str) -> Callable[[Request], Awaitable[Response]]:
        async def handler(request: Request) -> Response:
            ident = pages.parse_id(request.path_params["ident"])
            form = await checked_form(request, site.guard)
            reason = form.get("reason", "")[:500]
            back = safe_back(form.get("back"), "/")

            def act() -> str:
                now = datetime.now(UTC)
                with site.writing, site.writer() as store:
                    if action == "reject":
                        reject(store, "fact" if target == "fact" else "change", ident, reason, now)
                        return f"{w['rejected']}: {target} #{ident}"
                    result = confirm(store, s, "fact" if target == "fact" else "change", ident, now)
                    queued = f" (+{len(result.changes)} {w['changes'].lower()})" if result.changes else ""
                    return f"{w['confirm']}: {target} #{ident}{queued}"

            return _done(back, await run_in_threadpool(act))

        return handler

    async def retry(request: Request) -> Response:
        await checked_form(request, site.guard)

        def act() -> int:
            with site.writing, site.writer() as store:
                return store.retry_dead(datetime.now(UTC))

        n = await run_in_threadpool(act)
        return _done("/alerts", f"{w['retry']}: {n}")

    return [
        Route("/", overview),
        Route("/company/{name:path}", company),
        Route("/change/{ident:str}", change),
        Route("/change/{ident:str}/article", article),
        Route("/explain", explain),
        Route("/feeds", feeds),
        Route("/alerts", alerts),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/fact/{ident:str}/confirm", review("fact", "confirm"), methods=["POST"]),
        Route("/fact/{ident:str}/reject", review("fact", "reject"), methods=["POST"]),
        Route("/change/{ident:str}/confirm", review("change", "confirm"), methods=["POST"]),
        Route("/change/{ident:str}/reject", review("change", "reject"), methods=["POST"]),
        Route("/alerts/retry", retry, methods=["POST"]),
        *_api_routes(site),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


def _api_routes(site: Site) -> list[Route]:
    """``/api/...``: what the CLI's ``--json`` outputs print, built by the same functions."""
    s = site.settings

    def entity_of(request: Request) -> str | None:
        name = request.query_params.get("entity")
        return pages.company_name(s, name) if name else None

    def flag(request: Request, key: str) -> bool:
        return request.query_params.get(key, "") in ("1", "true", "yes")

    def api(build: Callable[[Request, Store], Any]) -> Callable[[Request], Awaitable[Response]]:
        async def handler(request: Request) -> Response:
            def run() -> Any:
                with site.reader() as store:
                    return build(request, store)

            data = await run_in_threadpool(run)
            return Response(json.dumps(data, ensure_ascii=False, indent=2), media_type="application/json")

        return handler

    def status(_: Request, store: Store) -> Any:
        return status_json(collect_status(s, store, datetime.now(UTC)))

    def history(request: Request, store: Store) -> Any:
        kind = request.query_params.get("kind")
        if kind is not None and kind not in CHANGE_KINDS and kind not in FACT_KINDS:
            raise pages.NotFound(kind)
        changes = store.changes(entity_of(request), kind=kind, rejected=flag(request, "rejected"))
        return [change_json(ch) for ch in changes]

    def facts_timeline(request: Request, store: Store) -> Any:
        rows = timeline(s, store, entity_of(request), None, rejected=flag(request, "rejected"))
        return [fact_row_json(r) for r in rows]

    def facts(request: Request, store: Store) -> Any:
        rows = listed_facts(
            store, entity_of(request), pending=flag(request, "pending"), show_all=flag(request, "all")
        )
        return [stored_fact_json(sf) for sf in rows]

    def alerts(request: Request, store: Store) -> Any:
        wanted = request.query_params.get("status") or None
        if wanted is not None and wanted not in ("pending", "sent", "dead", "rejected"):
            raise pages.NotFound(wanted)
        limit = request.query_params.get("limit", "50")
        rows = store.outbox(wanted, limit=pages.parse_id(limit))
        return alert_items(store, rows, datetime.now(UTC))

    def feeds(_: Request, store: Store) -> Any:
        return pages.feeds_page(s, store)

    return [
        Route("/api/status", api(status)),
        Route("/api/history", api(history)),
        Route("/api/timeline", api(facts_timeline)),
        Route("/api/facts", api(facts)),
        Route("/api/alerts", api(alerts)),
        Route("/api/feeds", api(feeds)),
    ]


def serve_forever(settings: Settings, host: str, port: int, token: str | None) -> None:
    """Serve the review page until Ctrl-C or SIGTERM (uvicorn handles both)."""
    import uvicorn

    from watcher.web.security import is_loopback

    app = build_app(settings, Guard(token=token), loopback=is_loopback(host))
    # No access log: a page's address can carry a company or an article URL, nothing secret,
    # but the log is the daemon's and stays about the daemon.
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, server_header=False
    )
    uvicorn.Server(config).run()
