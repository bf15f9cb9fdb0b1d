"""Webhook channel: ``Message.data`` POSTed as JSON to a configured URL.

Header values (tokens) come from environment variables named in the settings and are
read at send time. ``Idempotency-Key`` lets a receiver drop the duplicate an outbox
retry can produce after a crash.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from watcher.alerts.http_post import HttpChannel, post_json
from watcher.errors import DeliveryError
from watcher.render import Message, one_line
from watcher.settings import WebhookSettings

_TOKEN_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # RFC 9110 field-name


class WebhookChannel(HttpChannel[WebhookSettings]):
    name: str = "webhook"

    def send(self, message: Message, alert_id: int) -> None:
        s = self._settings
        headers, secrets = self._headers(alert_id)
        secrets += _url_secrets(s.url)
        post_json(
            self._client,
            s.url,
            message.data,
            timeout=s.timeout,
            label=f"webhook {display_url(s.url)}",
            secrets=secrets,
            unusable="unusable URL or request",
            unreachable="cannot reach the server",
            headers=headers,
        )

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
