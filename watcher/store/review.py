"""A user's review: facts and changes rejected (or taken back), and the rejections kept so
that a document read again does not bring a rejected figure back."""

from __future__ import annotations

from datetime import datetime

from watcher.models import Fact
from watcher.store.changes import ChangesMixin
from watcher.store.facts import COUNTING, FactsMixin
from watcher.store.records import iso


class ReviewMixin(FactsMixin, ChangesMixin):
    """Review."""

    def set_fact_state(self, fact_id: int, state: str, note: str = "") -> None:
        [before] = self._rows("SELECT corroborates, document_id, state FROM facts WHERE id = ?", (fact_id,))
        self._exec("UPDATE facts SET state = ?, note = ? WHERE id = ?", (state, note, fact_id))
        # A re-report that starts or stops counting moves its head's sources.
        if before["corroborates"] is not None:
            moved = int(state in COUNTING) - int(before["state"] in COUNTING)
            self._count_report(
                int(before["corroborates"]), int(before["document_id"]), fact_id, reports=0, sources=moved
            )

    def repoint_fact(self, fact_id: int, head_id: int) -> None:
        [before] = self._rows("SELECT corroborates, document_id, state FROM facts WHERE id = ?", (fact_id,))
        if before["corroborates"] == head_id:
            return
        self._exec("UPDATE facts SET corroborates = ? WHERE id = ?", (head_id, fact_id))
        document_id, counting = int(before["document_id"]), int(before["state"] in COUNTING)
        if before["corroborates"] is not None:
            self._count_report(
                int(before["corroborates"]), document_id, fact_id, reports=-1, sources=-counting
            )
        self._count_report(head_id, document_id, fact_id, reports=1, sources=counting)

    def add_rejection(
        self, entity_id: int, document_url: str, fact: Fact, reason: str, now: datetime
    ) -> None:
        self._exec(
            "INSERT INTO rejections (entity_id, document_url, kind, amount, currency, reason,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, document_url, kind, amount,"
            " currency) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at",
            (entity_id, document_url, fact.kind, str(fact.amount), fact.currency, reason, iso(now)),
        )

    def remove_rejection(self, entity_id: int, document_url: str, fact: Fact) -> None:
        self._exec(
            "DELETE FROM rejections WHERE entity_id = ? AND document_url = ? AND kind = ? AND amount = ?"
            " AND currency = ?",
            (entity_id, document_url, fact.kind, str(fact.amount), fact.currency),
        )

    def rejection(self, entity_id: int, document_url: str, fact: Fact) -> str | None:
        """The reason a user rejected this fact of this document, if they did."""
        rows = self._rows(
            "SELECT reason FROM rejections WHERE entity_id = ? AND document_url = ? AND kind = ?"
            " AND amount = ? AND currency = ?",
            (entity_id, document_url, fact.kind, str(fact.amount), fact.currency),
        )
        return str(rows[0]["reason"]) if rows else None

    def reject_change(self, change_id: int, note: str | None) -> None:
        """Mark a change rejected by the user (None: no longer).

        Its unsent alerts are held as ``rejected`` (not ``dead``, which ``alerts retry``
        re-queues); taking the rejection back makes them pending again, so they are sent.
        A message carrying several changes (one per event, ``watcher.events``) is held once
        every change it carries is rejected (until then it goes without the rejected ones),
        and comes back when any of them is confirmed.
        """
        # The outbox rows that may carry it: its own (a lone change, or the message it leads),
        # and those of the message it is carried in.
        rows_of = (
            "outbox.change_id IN (SELECT id FROM changes WHERE id = ?"
            " UNION SELECT message FROM changes WHERE id = ? AND message IS NOT NULL)"
        )
        if note is None:
            # Rows held by a rejection made before the "rejected" status existed are dead
            # with the rejection's note as their error.
            self._exec(
                "UPDATE outbox SET status = 'pending', last_error = NULL"
                f" WHERE {rows_of} AND sent_at IS NULL AND (status = 'rejected' OR (status = 'dead'"
                "  AND last_error = (SELECT rejected FROM changes WHERE id = ?)))",
                (change_id, change_id, change_id),
            )
            self._exec("UPDATE changes SET rejected = NULL WHERE id = ?", (change_id,))
            return
        self._exec("UPDATE changes SET rejected = ? WHERE id = ?", (note, change_id))
        self._exec(
            "UPDATE outbox SET status = 'rejected', last_error = ?"
            f" WHERE {rows_of} AND status IN ('pending', 'rejected')"
            # Held only when the message has nothing left to say.
            " AND NOT EXISTS (SELECT 1 FROM changes c LEFT JOIN facts f ON f.id = c.fact_id"
            "  WHERE (c.message = outbox.change_id OR c.id = outbox.change_id)"
            "  AND c.rejected IS NULL AND COALESCE(f.state, '') != 'rejected')",
            (note, change_id, change_id),
        )
