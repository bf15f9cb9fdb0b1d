"""Slack channel: the Block Kit message POSTed to an incoming-webhook URL.

The webhook URL is a bearer secret (anyone holding it can post to the channel), so it is
read from the environment at send time and never appears in an error message: httpx
errors that quote it are redacted and not chained. httpx logs every request URL at INFO
on the "httpx" logger, so a filter there redacts the webhook URLs this module has used.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, NoReturn
from urllib.parse import urlsplit

import httpx

from watcher.errors import DeliveryError
from watcher.render import Message, one_line
from watcher.settings import SlackSettings

_LABEL = "slack"
_REASON_MAX = 200


class _RedactingFilter(logging.Filter):
    """Rewrites httpx log records so no webhook URL used by a SlackChannel is logged."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            text = record.getMessage()
            clean = _redact(text, sorted(self.secrets, key=len, reverse=True))
            if clean != text:
                record.msg, record.args = clean, None
        return True


_HTTPX_LOG_FILTER = _RedactingFilter()
logging.getLogger("httpx").addFilter(_HTTPX_LOG_FILTER)


class SlackChannel:
    name: str = "slack"

    def __init__(
        self,
        settings: SlackSettings,
        *,
        client: httpx.Client | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        """``client`` is shared and left open; without one, each send uses its own."""
        self._settings = settings
        self._client = client
        self._env: Mapping[str, str] = os.environ if env is None else env

    def send(self, message: Message, alert_id: int) -> None:
        url = self._url()
        secrets = _url_secrets(url)
        _HTTPX_LOG_FILTER.secrets.update(secrets)
        payload: dict[str, Any] = {"text": message.slack_text, "blocks": list(message.slack_blocks)}
        timeout = self._settings.timeout
        try:
            if self._client is not None:
                response = self._client.post(url, json=payload, timeout=timeout)
            else:
                with httpx.Client(timeout=timeout, follow_redirects=False) as client:
                    response = client.post(url, json=payload)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.LocalProtocolError) as e:
            _fail(f"{_LABEL}: unusable webhook URL or request", e, secrets, permanent=True)
        except httpx.HTTPError as e:
            # Timeouts, refused connections, resets, a proxy hiccup: all worth a retry.
            _fail(f"{_LABEL}: cannot reach the webhook", e, secrets, permanent=False)
        _check_response(response, _LABEL, secrets)

    def _url(self) -> str:
        s = self._settings
        if s.webhook_url_env:
            url = self._env.get(s.webhook_url_env, "").strip()
            if url:
                return url
            if not s.webhook_url:
                raise DeliveryError(
                    f"{_LABEL}: environment variable {s.webhook_url_env} is not set", permanent=True
                )
        if s.webhook_url:
            return s.webhook_url.strip()
        raise DeliveryError(f"{_LABEL}: no webhook URL configured", permanent=True)


def _url_secrets(url: str) -> list[str]:
    """The URL and every piece of it long enough to be (part of) its token, longest first.

    The token usually sits in the path, but a malformed URL can put it anywhere (httpx
    then quotes it, e.g. as an "invalid port"), so pieces are cut on any delimiter.
    """
    found = {url, *(piece for piece in re.split(r"[/:@?&=#;\[\]\s]+", url) if len(piece) >= 6)}
    # The host names the service, not the hook; keeping it makes errors readable.
    with contextlib.suppress(ValueError):
        found.discard(urlsplit(url).hostname or "")
    return sorted((s for s in found if s), key=len, reverse=True)


def _redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "[redacted]")
    return text


def _fail(what: str, error: Exception, secrets: list[str], *, permanent: bool) -> NoReturn:
    detail = str(error) or type(error).__name__
    clean = _redact(detail, secrets)
    err = DeliveryError(f"{what}: {one_line(clean, _REASON_MAX)}", permanent=permanent)
    if clean != detail:
        # The original error quotes the secret and a traceback would print it.
        raise err from None
    raise err from error


def _check_response(response: httpx.Response, label: str, secrets: Iterable[str]) -> None:
    """Return on 2xx; otherwise raise the ``DeliveryError`` the status calls for."""
    status = response.status_code
    if 200 <= status < 300:
        return
    reason = one_line(_redact(response.text, secrets), _REASON_MAX) or response.reason_phrase
    message = f"{label}: HTTP {status}: {reason}" if reason else f"{label}: HTTP {status}"
    # 429 and 408 say "later"; 5xx is the server's trouble. Any other 4xx (Slack's
    # invalid_blocks, no_service, channel_not_found...) repeats identically on retry.
    if status in (408, 429) or status >= 500:
        raise DeliveryError(message, retry_after=_parse_retry_after(response.headers.get("Retry-After")))
    raise DeliveryError(message, permanent=True)


def _parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), or None."""
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
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)
