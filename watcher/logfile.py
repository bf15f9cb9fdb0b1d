"""The daemon's log file: a trouble writing it is said once, and the log goes on on stderr.

A log file that cannot be opened (its folder is a file, no permission) or that stops taking
writes (a full disk) must not turn every record into a "--- Logging error ---" traceback:
the handler says so in one line on stderr, then leaves the records to the stderr handler
beside it, until SIGHUP reopens it.
"""

from __future__ import annotations

import errno
import logging
import sys
from contextlib import suppress
from pathlib import Path


class FallbackFileHandler(logging.FileHandler):
    """A FileHandler that falls back to stderr (once, with one line) when its file fails."""

    def __init__(self, path: Path):
        super().__init__(path, encoding="utf-8")
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        stream, self.stream = self.stream, None  # reopen() opens it again
        if stream is not None:
            # What is buffered would fail again at every flush and at the close: dropped.
            with suppress(OSError, ValueError):
                stream.close()
        sys.stderr.write(
            f"watcher: warning: {self.baseFilename}: {describe(error)}; logging to stderr only\n"
        )
        sys.stderr.flush()

    def close(self) -> None:
        # What is left in the buffer of a full disk cannot be written at the close either.
        with suppress(OSError, ValueError):
            super().close()

    def reopen(self) -> None:
        """Close the file; the next record opens it again by name (logrotate, a freed disk)."""
        self.close()
        self.failed = False


def describe(error: BaseException | None) -> str:
    """Why a log file cannot be written, in words."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return "disk full, cannot write the log file"
        return f"cannot write the log file: {error.strerror or error}"
    return f"cannot write the log file: {error}"


def open_log_file(path: Path) -> FallbackFileHandler:
    """The handler for ``path``; OSError if it cannot be opened (the caller says so once)."""
    if path.parent.exists() and not path.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, f"{path.parent} is a file, not a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    return FallbackFileHandler(path)
