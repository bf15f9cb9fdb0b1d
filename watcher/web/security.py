"""The review page's defences: who may use it (a token when it listens beyond this machine),
that every POST comes from its own form (CSRF), and headers that keep a page built from
untrusted feed text inert (Content-Security-Policy).

The token is compared in constant time and never logged or echoed; the cookies carry HMACs
of it and of a random session id under a secret that lives only in this process.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field

from watcher.errors import ConfigError
from watcher.plot import SVG_STYLE

SESSION_COOKIE = "watcher_session"
AUTH_COOKIE = "watcher_auth"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """``host`` only reaches this machine: localhost or a loopback address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def required_token(host: str, token_env: str | None, environ: dict[str, str]) -> str | None:
    """The token requests need, or None on loopback without one; refuses to listen on another
    address without a token, since anyone who reaches the port could confirm or reject facts."""
    token = environ.get(token_env, "") if token_env else ""
    if token_env and not token:
        raise ConfigError(f"[serve] token_env: environment variable {token_env} is not set or empty")
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"--host {host}: the review page changes data; to listen beyond this machine set"
            ' [serve] token_env = "NAME" and put a token in that environment variable'
        )
    return token or None


def _style_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# Only the page's own files; the inline chart's one constant style block by hash; nothing framed.
CSP = (
    "default-src 'self'; script-src 'self'; img-src 'self' data:; "
    f"style-src 'self' {_style_hash(SVG_STYLE)}; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class Guard:
    """The secrets of one running server: its HMAC key and the token (None: no login)."""

    token: str | None = None
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def _mac(self, purpose: str, value: str) -> str:
        return hmac.new(self.key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    @staticmethod
    def new_session() -> str:
        return secrets.token_urlsafe(32)

    def csrf_token(self, session: str) -> str:
        """The token every form of this session posts back."""
        return self._mac("csrf", session)

    def csrf_ok(self, session: str | None, sent: str | None) -> bool:
        if not session or not sent:
            return False
        return hmac.compare_digest(self.csrf_token(session), sent)

    def token_ok(self, sent: str | None) -> bool:
        if self.token is None:
            return True
        return sent is not None and hmac.compare_digest(sent.encode(), self.token.encode())

    def auth_cookie(self) -> str:
        """The cookie a signed-in browser holds: proves the token without being it."""
        return self._mac("auth", self.token or "")

    def signed_in(self, cookie: str | None, authorization: str | None) -> bool:
        if self.token is None:
            return True
        if cookie and hmac.compare_digest(cookie, self.auth_cookie()):
            return True
        scheme, _, value = (authorization or "").partition(" ")
        return scheme.lower() == "bearer" and self.token_ok(value.strip())


def safe_back(path: str | None, default: str = "/") -> str:
    """Where a form returns: a path of this site only (never //host or a scheme)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return default
    if any(ord(c) < 32 for c in path):
        return default
    return path
