"""Locks on files: the database's (one daemon or poll at a time, named by its pid), and the
config file's while ``feeds add/remove`` or ``entities add/remove`` edit it (one editor at a time).

Its own module so that ``watcher poll`` takes it without importing the daemon and its scheduler.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from watcher.errors import ConfigError, LockedError, StoreError


class DaemonLock:
    """An exclusive lock on the database, held for the life of the daemon."""

    def __init__(self, db: Path):
        self.path = db.with_name(db.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for the daemon's life
        except IsADirectoryError:
            raise StoreError(
                f"{self.path}: a directory stands where the lock file goes; remove it and start again"
            ) from None
        except OSError as e:
            raise StoreError(f"{self.path}: cannot create the lock file: {_lock_hint(e)}") from None
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            holder = f.read().strip() or "unknown"
            f.close()
            raise LockedError(
                f"{self.path}: another watcher daemon or poll (pid {holder}) is running on this database;"
                " stop it first or use another db",
                holder=holder,
            ) from None
        except OSError as e:
            f.close()
            raise StoreError(f"{self.path}: cannot lock: {_lock_hint(e)}") from None
        try:
            # Unbuffered: a write that fails on a full disk must not linger to fail again at close.
            os.ftruncate(f.fileno(), 0)
            os.pwrite(f.fileno(), str(os.getpid()).encode(), 0)
        except OSError:
            pass  # the pid is only shown to a second process; the lock itself is held
        self._file = f

    def release(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
                self._file.close()
            self._file = None


@contextlib.contextmanager
def edit_lock(path: Path, *, timeout: float = 30.0) -> Iterator[None]:
    """Hold ``.<name>.lock`` beside ``path`` while ``path`` is read, changed and replaced.

    Two editors that each read the file, add their part and write it back would otherwise
    keep only the last one's part. Waits up to ``timeout`` seconds for another editor.
    """
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        f = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as e:
        raise ConfigError(f"{lock_path}: cannot create the lock file: {_lock_hint(e)}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"{lock_path}: another watcher command has been editing {path.name} for"
                        f" {timeout:g} s; try again when it has finished"
                    ) from None
                time.sleep(0.02)
            except OSError as e:
                raise ConfigError(f"{lock_path}: cannot lock: {_lock_hint(e)}") from None
        yield
    finally:
        # Closing the file releases the lock; the file itself stays for the next editor.
        f.close()


def _lock_hint(e: OSError) -> str:
    reason = e.strerror or type(e).__name__
    hints = {
        errno.EROFS: "the folder is on a read-only file system; point [watcher] db at a writable place",
        errno.ENOSPC: "the disk is full; free some space",
        errno.EACCES: "permission denied; run as the database's owner or point [watcher] db elsewhere",
        errno.EPERM: "permission denied; run as the database's owner or point [watcher] db elsewhere",
    }
    hint = hints.get(e.errno or 0)
    return f"{reason}; {hint}" if hint else reason
