"""Feeds and their entries: validators and health per feed, the entries seen, those waiting
past a feed's per-cycle cap, and articles that failed (retried with back-off, then given up)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from watcher.store.base import StoreBase
from watcher.store.records import FeedRow, feed_row, iso


class FeedsMixin(StoreBase):
    """Feeds, entries, waiting entries, failed articles."""

    def feed(self, url: str) -> FeedRow | None:
        rows = self._rows("SELECT * FROM feeds WHERE url = ?", (url,))
        return feed_row(rows[0]) if rows else None

    def feeds(self) -> list[FeedRow]:
        return [feed_row(r) for r in self._rows("SELECT * FROM feeds ORDER BY url")]

    def ensure_feed(self, url: str, name: str) -> None:
        self._exec(
            "INSERT INTO feeds (url, name) VALUES (?, ?) ON CONFLICT(url) DO UPDATE SET name = excluded.name",
            (url, name),
        )

    def feed_succeeded(
        self,
        url: str,
        *,
        now: datetime,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
        next_attempt: datetime,
        new_entries: int,
    ) -> None:
        self._exec(
            "UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
            " body_hash = COALESCE(?, body_hash), last_attempt = ?, last_success = ?, last_error = NULL,"
            " failures = 0, next_attempt = ?, entries_seen = entries_seen + ? WHERE url = ?",
            (etag, last_modified, body_hash, iso(now), iso(now), iso(next_attempt), new_entries, url),
        )

    def feed_failed(self, url: str, *, now: datetime, error: str, next_attempt: datetime) -> int:
        self._exec(
            "UPDATE feeds SET last_attempt = ?, last_error = ?, failures = failures + 1, next_attempt = ?"
            " WHERE url = ?",
            (iso(now), error, iso(next_attempt), url),
        )
        rows = self._rows("SELECT failures FROM feeds WHERE url = ?", (url,))
        return int(rows[0]["failures"]) if rows else 0

    def set_feed_down_alerted(self, url: str, value: bool) -> None:
        self._exec("UPDATE feeds SET down_alerted = ? WHERE url = ?", (int(value), url))

    def seen_entry_keys(self, feed_url: str, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        # Chunked: SQLite limits the number of bound parameters.
        for i in range(0, len(keys), 500):
            chunk = list(keys[i : i + 500])
            rows = self._rows(
                f"SELECT key FROM entries WHERE feed_url = ? AND key IN ({','.join('?' * len(chunk))})",
                [feed_url, *chunk],
            )
            found.update(r["key"] for r in rows)
        return found

    def add_entry(
        self,
        feed_url: str,
        key: str,
        *,
        link: str | None,
        title: str,
        published: datetime | None,
        now: datetime,
        relevant: bool,
        document_id: int | None,
    ) -> None:
        self._exec(
            "INSERT INTO entries (feed_url, key, link, title, published, seen_at, relevant,"
            " document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (feed_url, key, link, title, iso(published), iso(now), int(relevant), document_id),
        )

    def prune_entries(self, older_than: datetime) -> int:
        """Forget entries seen long ago; facts, changes and documents are kept."""
        changed = self._exec("DELETE FROM entries WHERE seen_at < ?", (iso(older_than),))
        return changed

    # -- entries waiting for a later cycle (past the per-feed cap) ------------

    def add_waiting(self, feed_url: str, entries: Sequence[tuple[str, str]], *, now: datetime) -> None:
        """Keep (key, entry JSON) of a feed's entries for a later cycle; one already kept stays first."""
        for key, entry in entries:
            self._exec(
                "INSERT INTO waiting_entries (feed_url, key, entry, queued_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (feed_url, key, entry, iso(now)),
            )

    def waiting(self, feed_url: str) -> list[tuple[str, str]]:
        """(key, entry JSON) of a feed's waiting entries, the longest waiting first."""
        rows = self._rows(
            "SELECT key, entry FROM waiting_entries WHERE feed_url = ?"
            f" ORDER BY queued_at, {self.dialect.row_order}",
            (feed_url,),
        )
        return [(str(r["key"]), str(r["entry"])) for r in rows]

    def remove_waiting(self, feed_url: str, keys: Sequence[str]) -> None:
        for key in keys:
            self._exec("DELETE FROM waiting_entries WHERE feed_url = ? AND key = ?", (feed_url, key))

    # -- articles that failed: retried with back-off, then given up ----------

    def article_failed(
        self, url: str, *, entries: str, error: str, now: datetime, retry_at: datetime, give_up_after: int
    ) -> int:
        """Remember a failed article (with its feed entries, to read it again); return its failure count."""
        self._exec(
            "INSERT INTO article_failures (url, entries, failures, last_error, next_attempt, updated_at)"
            " VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT(url) DO UPDATE"
            " SET failures = article_failures.failures + 1,"
            " last_error = excluded.last_error, next_attempt = excluded.next_attempt,"
            " updated_at = excluded.updated_at",
            (url, entries, error, iso(retry_at), iso(now)),
        )
        rows = self._rows("SELECT failures FROM article_failures WHERE url = ?", (url,))
        failures = int(rows[0]["failures"])
        if failures >= give_up_after:
            self._exec("UPDATE article_failures SET gave_up = 1 WHERE url = ?", (url,))
        return failures

    def due_article_retries(self, now: datetime) -> list[tuple[str, str]]:
        """(url, entries) of failed articles due for another try."""
        rows = self._rows(
            "SELECT url, entries FROM article_failures WHERE gave_up = 0 AND next_attempt <= ? ORDER BY url",
            (iso(now),),
        )
        return [(str(r["url"]), str(r["entries"])) for r in rows]

    def article_recovered(self, url: str) -> None:
        self._exec("DELETE FROM article_failures WHERE url = ?", (url,))

    def article_failures(self) -> list[tuple[str, int, str, bool]]:
        """(url, failures, last error, given up) of every article that is failing or was given up."""
        rows = self._rows("SELECT url, failures, last_error, gave_up FROM article_failures ORDER BY url")
        return [(str(r["url"]), int(r["failures"]), str(r["last_error"]), bool(r["gave_up"])) for r in rows]
