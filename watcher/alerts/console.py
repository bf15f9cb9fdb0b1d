"""Console channel: the plain-text alert, framed, on a text stream (default stdout)."""

from __future__ import annotations

import sys
from typing import TextIO

from watcher.errors import DeliveryError
from watcher.render import Message, alert_word

_RULE = "=" * 72


class ConsoleChannel:
    name: str = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    def send(self, message: Message, alert_id: int) -> None:
        # sys.stdout is looked up at send time so a redirected or replaced stdout is honoured.
        stream = self._stream if self._stream is not None else sys.stdout
        label = alert_word(message.language)
        block = f"{_RULE}\n{message.subject}  ({label} #{alert_id})\n{_RULE}\n{message.text.rstrip()}\n\n"
        try:
            stream.write(block)
            stream.flush()
        except ValueError as e:  # closed stream: it will not reopen by itself
            raise DeliveryError(f"console: {e}", permanent=True) from e
        except OSError as e:
            raise DeliveryError(f"console: {e}") from e
