"""Slack channel: the Block Kit message POSTed to an incoming-webhook URL.

The webhook URL is a bearer secret (anyone holding it can post to the channel), so it is
read from the environment at send time and never appears in an error message: httpx
errors that quote it are redacted and not chained. httpx logs every request URL at INFO
on the "httpx" logger, so a filter there redacts the webhook URLs this module has used.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import Any
from urllib.parse import urlsplit

import httpx

from watcher.alerts.http_post import HttpChannel, post_json, redact
from watcher.errors import DeliveryError
from watcher.render import Message
from watcher.settings import SlackSettings

_LABEL = "slack"


class _RedactingFilter(logging.Filter):
    """Rewrites httpx log records so no webhook URL used by a SlackChannel is logged."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            text = record.getMessage()
            clean = redact(text, sorted(self.secrets, key=len, reverse=True))
            if clean != text:
                record.msg, record.args = clean, None
        return True


_HTTPX_LOG_FILTER = _RedactingFilter()
logging.getLogger("httpx").addFilter(_HTTPX_LOG_FILTER)


class SlackChannel(HttpChannel[SlackSettings]):
    name: str = "slack"

    def send(self, message: Message, alert_id: int) -> str | None:
        """Post the message; the ``ts`` Slack names it by, when the endpoint gives one (the Web
        API does, an incoming webhook answers "ok"), so that updates can thread under it."""
        url = self._url()
        secrets = _url_secrets(url)
        _HTTPX_LOG_FILTER.secrets.update(secrets)
        payload: dict[str, Any] = {"text": message.slack_text, "blocks": list(message.slack_blocks)}
        if message.thread is not None:
            payload["thread_ts"] = message.thread
        response = post_json(
            self._client,
            url,
            payload,
            timeout=self._settings.timeout,
            label=_LABEL,
            secrets=secrets,
            unusable="unusable webhook URL or request",
            unreachable="cannot reach the webhook",
        )
        return _posted_ts(response)

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


def _posted_ts(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    ts = body.get("ts") if isinstance(body, dict) else None
    return ts if isinstance(ts, str) and re.fullmatch(r"\d{1,12}\.\d{1,9}", ts) else None


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
