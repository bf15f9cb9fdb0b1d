"""The outbox: alerts and digests waiting to be sent, claimed by one deliverer at a time,
sent, retried or given up; and the channels paused by their servers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from watcher.models import Digest, FeedHealth
from watcher.store.changes import ChangesMixin
from watcher.store.meta import CHANNEL_PAUSE_PREFIX, DIGEST_AT_KEY, DIGEST_DAY_KEY, MetaMixin
from watcher.store.records import OutboxRow, health_from_json, health_json, iso, outbox_row, parse_time


class OutboxMixin(ChangesMixin, MetaMixin):
    """The outbox."""

    def set_alert_ref(self, alert_id: int, ref: str) -> None:
        """The name a channel's service gave a sent alert (Slack's ``ts``): replies thread under it."""
        self._exec("UPDATE outbox SET ref = ? WHERE id = ?", (ref, alert_id))

    def alert_ref(self, alert_id: int) -> str | None:
        rows = self._rows("SELECT ref FROM outbox WHERE id = ?", (alert_id,))
        return str(rows[0]["ref"]) if rows and rows[0]["ref"] is not None else None

    def outbox_id_for(self, channel: str, change_id: int) -> int | None:
        """The outbox row that carried a change on a channel (to thread a correction under it)."""
        rows = self._rows("SELECT id FROM outbox WHERE channel = ? AND change_id = ?", (channel, change_id))
        return int(rows[0]["id"]) if rows else None

    # -- outbox -------------------------------------------------------------

    def enqueue(
        self, channel: str, *, now: datetime, change_id: int | None = None, health: FeedHealth | None = None
    ) -> int:
        new_id = self._insert(
            "INSERT INTO outbox (channel, change_id, health, status, next_attempt, created_at)"
            " VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING",
            (channel, change_id, health_json(health), iso(now), iso(now)),
        )
        return new_id

    def enqueue_digest(self, digest: Digest, channel: str, *, now: datetime) -> int:
        """Queue ``digest`` unless that day's digest is already queued; 0 if it was.

        The day mark is written in the same transaction as the row: a crash leaves either
        both or neither, so a digest is never lost and never queued twice.
        """
        with self.transaction():
            if self.get_meta(DIGEST_DAY_KEY) == digest.day:
                return 0
            payload = {
                "day": digest.day,
                "since": iso(digest.since),
                "made_at": iso(digest.made_at),
                "change_ids": [c.id for c in digest.changes if c.id is not None],
                "failing_feeds": [json.loads(health_json(h) or "{}") for h in digest.failing_feeds],
                "pending": list(digest.pending),
                "states": list(digest.states),
            }
            new_id = self._insert(
                "INSERT INTO outbox (channel, digest, status, next_attempt, created_at)"
                " VALUES (?, ?, 'pending', ?, ?)",
                (channel, json.dumps(payload, ensure_ascii=False), iso(now), iso(now)),
            )
            self.set_meta(DIGEST_DAY_KEY, digest.day)
            self.set_meta(DIGEST_AT_KEY, iso(digest.made_at) or "")
        return new_id

    def load_digest(self, row: OutboxRow) -> Digest | None:
        """The digest an outbox row carries, with its changes as they are stored now."""
        if not row.digest_json:
            return None
        data = json.loads(row.digest_json)
        since, made = parse_time(data["since"]), parse_time(data["made_at"])
        assert since is not None and made is not None
        ids = [int(i) for i in data["change_ids"]]
        return Digest(
            day=str(data["day"]),
            since=since,
            made_at=made,
            # A change the user rejected after the digest was queued is gone from it.
            changes=tuple(self.changes(ids=ids, rejected=False)) if ids else (),
            failing_feeds=tuple(health_from_json(h) for h in data["failing_feeds"]),
            pending=tuple(str(p) for p in data.get("pending", ())),
            states=tuple(str(p) for p in data.get("states", ())),
        )

    def due_alerts(self, now: datetime, channels: Sequence[str] | None = None) -> list[OutboxRow]:
        rows = self._rows(
            "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt <= ? ORDER BY id", (iso(now),)
        )
        out = [outbox_row(r) for r in rows]
        return [r for r in out if channels is None or r.channel in channels]

    def outbox(self, status: str | None = None, limit: int = 200) -> list[OutboxRow]:
        if status:
            rows = self._rows(
                "SELECT * FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?", (status, limit)
            )
        else:
            rows = self._rows("SELECT * FROM outbox ORDER BY id DESC LIMIT ?", (limit,))
        return [outbox_row(r) for r in rows]

    def outbox_counts(self) -> dict[str, int]:
        rows = self._rows("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
        counts = {"pending": 0, "sent": 0, "dead": 0}
        counts.update({r["status"]: int(r["n"]) for r in rows})
        return counts

    def next_due(self) -> datetime | None:
        rows = self._rows("SELECT MIN(next_attempt) AS t FROM outbox WHERE status = 'pending'")
        return parse_time(rows[0]["t"]) if rows else None

    def claim_alert(self, alert_id: int, owner: str, *, now: datetime, until: datetime) -> OutboxRow | None:
        """Take ``alert_id`` for sending, in one UPDATE; the row as claimed, or None if not ours.

        Only a pending, due row that nobody holds (or whose holder's lease ran out) is
        taken, so of two deliverers racing for a row exactly one gets it.
        """
        # On PostgreSQL deliverers on several machines claim at once: the row is locked as it is
        # read, and one another deliverer is taking is skipped at once rather than waited for.
        changed = self._exec(
            "UPDATE outbox SET claimed_by = ?, claim_until = ? WHERE id = (SELECT id FROM outbox"
            " WHERE id = ? AND status = 'pending' AND next_attempt <= ?"
            f" AND (claimed_by IS NULL OR claim_until IS NULL OR claim_until <= ?){self.dialect.lock_row})",
            (owner, iso(until), alert_id, iso(now), iso(now)),
        )
        if changed != 1:
            return None
        rows = self._rows("SELECT * FROM outbox WHERE id = ? AND claimed_by = ?", (alert_id, owner))
        return outbox_row(rows[0]) if rows else None

    def release_alert(self, alert_id: int, owner: str) -> None:
        """Give back a claim without sending (the round was stopped)."""
        self._exec(
            "UPDATE outbox SET claimed_by = NULL, claim_until = NULL WHERE id = ? AND claimed_by = ?",
            (alert_id, owner),
        )

    def mark_sent(self, alert_id: int, now: datetime) -> None:
        with self.transaction():
            self._exec(
                "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL,"
                " claimed_by = NULL, claim_until = NULL WHERE id = ?",
                (iso(now), alert_id),
            )

    def mark_failed(self, alert_id: int, *, error: str, next_attempt: datetime, dead: bool) -> None:
        with self.transaction():
            self._exec(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt = ?,"
                # A row rejected while it was on its way stays rejected.
                " status = CASE status WHEN 'rejected' THEN status ELSE ? END,"
                " claimed_by = NULL, claim_until = NULL WHERE id = ?",
                (error, iso(next_attempt), "dead" if dead else "pending", alert_id),
            )

    def pause_channel(self, channel: str, until: datetime) -> None:
        """No send to ``channel`` before ``until``, whoever delivers (a later pause wins)."""
        key = CHANNEL_PAUSE_PREFIX + channel
        self._exec(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            f" ON CONFLICT(key) DO UPDATE SET value = {self.dialect.greatest}(meta.value, excluded.value)",
            (key, iso(until)),
        )

    def channel_pauses(self, now: datetime) -> dict[str, datetime]:
        """The channels paused past ``now``, and until when."""
        rows = self._rows(
            "SELECT key, value FROM meta WHERE key LIKE ? AND value > ?",
            (CHANNEL_PAUSE_PREFIX + "%", iso(now)),
        )
        out: dict[str, datetime] = {}
        for r in rows:
            until = parse_time(r["value"])
            if until is not None:
                out[str(r["key"])[len(CHANNEL_PAUSE_PREFIX) :]] = until
        return out

    def retry_dead(self, now: datetime) -> int:
        with self.transaction():
            changed = self._exec(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt = ? WHERE status = 'dead'",
                (iso(now),),
            )
        return changed

    def change_alerts(self, change_id: int) -> list[OutboxRow]:
        """The outbox rows that carry a change: its own, or those of the message it went in."""
        rows = self._rows(
            "SELECT * FROM outbox WHERE change_id IN (SELECT id FROM changes WHERE id = ?"
            " UNION SELECT message FROM changes WHERE id = ? AND message IS NOT NULL) ORDER BY id",
            (change_id, change_id),
        )
        return [outbox_row(r) for r in rows]
