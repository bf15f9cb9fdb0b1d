"""The JSON POST behind the Slack and webhook channels, and what its status means.

A channel names the secrets its request carries (a webhook token, header values); they
are cut out of every error message, and an httpx error that quotes one is not chained,
since a traceback would print it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Generic, NoReturn, TypeVar

import httpx

from watcher.errors import DeliveryError
from watcher.render import one_line
from watcher.retry_after import parse_retry_after_leniently

_REASON_MAX = 200

_SettingsT = TypeVar("_SettingsT")


class HttpChannel(Generic[_SettingsT]):
    """A channel that POSTs: its settings, an optional shared client, where secrets are read."""

    def __init__(
        self,
        settings: _SettingsT,
        *,
        client: httpx.Client | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        """``client`` is shared and left open; without one, each send uses its own."""
        self._settings = settings
        self._client = client
        self._env: Mapping[str, str] = os.environ if env is None else env


def post_json(
    client: httpx.Client | None,
    url: str,
    payload: Any,
    *,
    timeout: float,
    label: str,
    secrets: list[str],
    unusable: str,
    unreachable: str,
    headers: Mapping[str, str] | None = None,
) -> httpx.Response:
    """POST ``payload`` to ``url``; the response on 2xx, else raise the ``DeliveryError`` it calls for.

    ``client`` is used and left open; without one a client is made for this request.
    Errors start with ``label``; ``unusable`` and ``unreachable`` word a bad URL or request
    and a server that cannot be reached.
    """
    try:
        if client is not None:
            response = client.post(url, json=payload, headers=headers, timeout=timeout)
        else:
            with httpx.Client(timeout=timeout, follow_redirects=False) as own:
                response = own.post(url, json=payload, headers=headers)
    except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.LocalProtocolError) as e:
        _fail(f"{label}: {unusable}", e, secrets, permanent=True)
    except httpx.HTTPError as e:
        # Timeouts, refused connections, resets, a proxy hiccup: all worth a retry.
        _fail(f"{label}: {unreachable}", e, secrets, permanent=False)
    _check_response(response, label, secrets)
    return response


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret replaced, longest first so no piece of one survives."""
    for secret in sorted(dict.fromkeys(secrets), key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    return text


def _fail(what: str, error: Exception, secrets: list[str], *, permanent: bool) -> NoReturn:
    detail = str(error) or type(error).__name__
    clean = redact(detail, secrets)
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
    reason = one_line(redact(response.text, secrets), _REASON_MAX) or response.reason_phrase
    message = f"{label}: HTTP {status}: {reason}" if reason else f"{label}: HTTP {status}"
    # 429 and 408 say "later"; 5xx is the server's trouble. Any other 4xx (Slack's
    # invalid_blocks, no_service, channel_not_found...) repeats identically on retry.
    if status in (408, 429) or status >= 500:
        retry_after = parse_retry_after_leniently(response.headers.get("Retry-After"), datetime.now(UTC))
        raise DeliveryError(message, retry_after=retry_after)
    raise DeliveryError(message, permanent=True)
