"""SQLite's errors as one line each: which file, what failed, and what to do about it."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path


def open_error(path: Path | str, e: BaseException) -> str:
    """One line saying why the database cannot be opened and what to do."""
    text = str(e) or type(e).__name__
    if isinstance(e, OSError) and e.strerror:
        text = e.strerror
    low = text.lower()
    if disk_full(Path(path), e):
        return disk_full_line(Path(path), "cannot open the database")
    if "not a database" in low or "malformed" in low:
        hint = "the file is damaged or not a watcher database; move it aside (restore a backup) and run again"
    elif "read-only" in low or "readonly" in low or read_only_place(Path(path)):
        hint = "the file or its folder is read-only; point [watcher] db at a writable place"
    elif "unable to open" in low or "permission denied" in low:
        hint = "check that the folder exists and can be written, or point [watcher] db elsewhere"
    else:
        hint = ""
    return f"{path}: cannot open the database: {text}" + (f"; {hint}" if hint else "")


def db_error(path: Path | str, what: str, e: BaseException) -> str:
    """One line for a failed read or write: a full disk is named as such."""
    if disk_full(Path(path), e):
        return disk_full_line(Path(path), what)
    return f"{path}: {what}: {e}"


# Below this much free space a write error is taken for a full disk: SQLite reports a full
# disk as "database or disk is full" on most writes, but as "disk I/O error" when it is its
# WAL index or journal that cannot grow, and Python does not show the errno behind it.
_FULL_BELOW = 256 * 1024


def disk_full(path: Path, e: BaseException) -> bool:
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    low = str(e).lower()
    if "disk is full" in low or "no space" in low:
        return True
    if isinstance(e, sqlite3.Error) and "i/o error" in low:
        folder = path.parent if path.parent.exists() else path
        try:
            st = os.statvfs(folder)
        except OSError:
            return False
        return st.f_bavail * st.f_frsize < _FULL_BELOW
    return False


def disk_full_line(path: Path, what: str) -> str:
    return f"{path}: disk full: {what}; free some space on that disk (or point [watcher] db elsewhere)"


def read_only_place(path: Path) -> bool:
    folder = path.parent if path.parent.exists() else None
    return folder is not None and not os.access(folder, os.W_OK)
