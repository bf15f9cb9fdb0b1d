"""Webhook channel: ``Message.data`` POSTed as JSON to a configured URL.

Header values (tokens) come from environment variables named in the settings and are
read at send time. ``Idempotency-Key`` lets a receiver drop the duplicate an outbox
retry can produce after a crash.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import NoReturn
from urllib.parse import urlsplit, urlunsplit

import httpx

from watcher.errors import DeliveryError
from watcher.render import Message, one_line
from watcher.settings import WebhookSettings

_REASON_MAX = 200
_TOKEN_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # RFC 9110 field-name


class WebhookChannel:
    name: str = "webhook"

    def __init__(
        self,
        settings: WebhookSettings,
        *,
        client: httpx.Client | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        """``client`` is shared and left open; without one, each send uses its own."""
        self._settings = settings
        self._client = client
        self._env: Mapping[str, str] = os.environ if env is None else env

    def send(self, message: Message, alert_id: int) -> None:
        s = self._settings
        headers, secrets = self._headers(alert_id)
        secrets += _url_secrets(s.url)
        label = f"webhook {display_url(s.url)}"
        try:
            if self._client is not None:
                response = self._client.post(s.url, json=message.data, headers=headers, timeout=s.timeout)
            else:
                with httpx.Client(timeout=s.timeout, follow_redirects=False) as client:
                    response = client.post(s.url, json=message.data, headers=headers)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.LocalProtocolError) as e:
            _fail(f"{label}: unusable URL or request", e, secrets, permanent=True)
        except httpx.HTTPError as e:
            _fail(f"{label}: cannot reach the server", e, secrets, permanent=False)
        _check_response(response, label, secrets)

    def _headers(self, alert_id: int) -> tuple[dict[str, str], list[str]]:
        headers = {"Idempotency-Key": f"watcher-alert-{alert_id}", "X-Watcher-Alert-Id": str(alert_id)}
        secrets: list[str] = []
        for header, variable in self._settings.headers_env.items():
            if not _TOKEN_RE.match(header):
                raise DeliveryError(f"webhook: invalid header name {one_line(header, 60)!r}", permanent=True)
            value = self._env.get(variable)
            if value is None:
                raise DeliveryError(
                    f"webhook: environment variable {variable} (header {header}) is not set", permanent=True
                )
            # Checked here so httpx never gets to quote a bad value (a secret) in its error.
            if not all(ch == "\t" or " " <= ch <= "~" for ch in value):
                raise DeliveryError(
                    f"webhook: environment variable {variable} is not a valid value for header {header}",
                    permanent=True,
                )
            headers[header] = value
            if value.strip():
                secrets.append(value.strip())
        return headers, secrets


def display_url(url: str) -> str:
    """``url`` without credentials, query or fragment, where tokens tend to live."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port is not None:
            host = f"{host}:{parts.port}"
    except ValueError:
        return "[unparsable URL]"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _url_secrets(url: str) -> list[str]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return [url]
    return [s for s in (parts.query, parts.password or "", parts.fragment) if s]


def _redact(text: str, secrets: Iterable[str]) -> str:
    for secret in sorted(set(secrets), key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    return text


def _fail(what: str, error: Exception, secrets: list[str], *, permanent: bool) -> NoReturn:
    detail = str(error) or type(error).__name__
    clean = _redact(detail, secrets)
    err = DeliveryError(f"{what}: {one_line(clean, _REASON_MAX)}", permanent=permanent)
    if clean != detail:
        # The original error quotes a secret and a traceback would print it.
        raise err from None
    raise err from error


def _check_response(response: httpx.Response, label: str, secrets: Iterable[str]) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    # A receiver may echo the request (headers included) in its error page.
    reason = one_line(_redact(response.text, secrets), _REASON_MAX) or response.reason_phrase
    message = f"{label}: HTTP {status}: {reason}" if reason else f"{label}: HTTP {status}"
    if status in (408, 429) or status >= 500:
        raise DeliveryError(message, retry_after=_parse_retry_after(response.headers.get("Retry-After")))
    raise DeliveryError(message, permanent=True)


def _parse_retry_after(value: str | None) -> float | None:
    if not value or not value.strip():
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        try:
            when = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)
