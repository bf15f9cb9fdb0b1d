"""The meta table: small named values (the daemon's heartbeat and pid, cycle times, the
digest's day, channel pauses), one row per key."""

from __future__ import annotations

from watcher.store.base import StoreBase

# Keys of the meta table: the daemon's liveness and the cycle times ``status`` reports.
HEARTBEAT_KEY = "heartbeat"
PID_KEY = "daemon_pid"
LAST_CYCLE_KEY = "last_cycle"
NEXT_CYCLE_KEY = "next_cycle"
# Written by a daemon that stops cleanly: status need not wait for the heartbeat to go stale.
STOPPED_KEY = "daemon_stopped"
# The local day of the last digest queued, and when it was made (the next one starts there).
DIGEST_DAY_KEY = "digest_day"
DIGEST_AT_KEY = "digest_at"
# A channel whose server asked to wait (429 + Retry-After): no send to it before this time.
CHANNEL_PAUSE_PREFIX = "channel_paused_until:"


class MetaMixin(StoreBase):
    """Named values."""

    def set_meta(self, key: str, value: str) -> None:
        self._exec(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_meta(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None
