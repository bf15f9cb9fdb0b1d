"""File channel: one JSON line per alert, appended durably.

A crash between the write and the outbox update can append the same alert twice;
readers deduplicate on ``alert_id``. A write cut short (a full disk) is cut back out, so
its retry leaves no torn line before the whole one.
"""

from __future__ import annotations

import errno
import json
import os

from watcher.errors import DeliveryError
from watcher.render import Message
from watcher.settings import FileSettings

# Retrying cannot fix these without someone changing the config or the filesystem.
_PERMANENT_ERRNOS = {
    errno.EACCES,
    errno.EPERM,
    errno.EISDIR,
    errno.ENOTDIR,
    errno.EEXIST,  # a parent "directory" is a file
    errno.EROFS,
    errno.ENAMETOOLONG,
}


class FileChannel:
    name: str = "file"

    def __init__(self, settings: FileSettings) -> None:
        self._path = settings.path

    def send(self, message: Message, alert_id: int) -> None:
        record = {"alert_id": alert_id, **message.data}
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        path = self._path
        try:
            new_file = not path.exists()
            path.parent.mkdir(parents=True, exist_ok=True)
            # One write() on an O_APPEND descriptor: concurrent writers cannot interleave
            # inside a line, and a crash leaves at most one torn last line.
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                start = os.fstat(fd).st_size
                done = 0
                try:
                    view = memoryview(line)
                    while view:
                        written = os.write(fd, view)
                        done += written
                        view = view[written:]
                    os.fsync(fd)
                except OSError:
                    _untear(fd, start, done, len(line))
                    raise
            finally:
                os.close(fd)
            if new_file:
                _fsync_dir(path.parent)
        except OSError as e:
            raise DeliveryError(
                f"file: cannot append to {path}: {e.strerror or e}", permanent=e.errno in _PERMANENT_ERRNOS
            ) from e


def _untear(fd: int, start: int, done: int, size: int) -> None:
    """After a failed append (a full disk), cut the torn part of the line, if it is still
    the file's tail, so the retry does not leave half a record before the whole one."""
    if done == 0 or done >= size:
        return
    try:
        if os.fstat(fd).st_size == start + done:
            os.ftruncate(fd, start)
    except OSError:
        pass


def _fsync_dir(directory: os.PathLike[str]) -> None:
    # Makes a new directory entry survive a power loss; not every OS allows it.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
