"""Alert delivery channels: each takes one rendered ``Message`` and sends it once.

Retrying, backoff and giving up (the outbox loop) belong to the pipeline; a channel
only reports, through ``DeliveryError.permanent`` and ``retry_after``, whether and when
a retry can help.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Protocol, TextIO, runtime_checkable

import httpx

from watcher.alerts.console import ConsoleChannel
from watcher.alerts.email import EmailChannel
from watcher.alerts.file import FileChannel
from watcher.alerts.slack import SlackChannel
from watcher.alerts.webhook import WebhookChannel
from watcher.render import Message
from watcher.settings import AlertSettings

__all__ = [
    "Channel",
    "ConsoleChannel",
    "EmailChannel",
    "FileChannel",
    "SlackChannel",
    "WebhookChannel",
    "build_channels",
]


@runtime_checkable
class Channel(Protocol):
    name: str

    def send(self, message: Message, alert_id: int) -> str | None:
        """Deliver ``message`` once; raise ``DeliveryError`` on failure. A channel whose service
        names the message it posted (Slack's ``ts``) returns that name, for replies to thread under."""
        ...


def build_channels(
    settings: AlertSettings,
    *,
    env: Mapping[str, str] | None = None,
    http_client: httpx.Client | None = None,
    stream: TextIO | None = None,
) -> dict[str, Channel]:
    """The configured channels by name, in ``settings.channels`` order.

    Nothing is contacted and no secret is read here: secrets are read from ``env``
    (default ``os.environ``) at each send, so a rotated secret is picked up without a
    restart and a missing one fails that channel's alerts, not startup.
    """
    environ: Mapping[str, str] = os.environ if env is None else env
    channels: dict[str, Channel] = {}
    for name in settings.channels:
        if name == "console":
            channels[name] = ConsoleChannel(stream)
        elif name == "email" and settings.email is not None:
            channels[name] = EmailChannel(settings.email, env=environ)
        elif name == "slack" and settings.slack is not None:
            channels[name] = SlackChannel(settings.slack, client=http_client, env=environ)
        elif name == "webhook" and settings.webhook is not None:
            channels[name] = WebhookChannel(settings.webhook, client=http_client, env=environ)
        elif name == "file" and settings.file is not None:
            channels[name] = FileChannel(settings.file)
    return channels
