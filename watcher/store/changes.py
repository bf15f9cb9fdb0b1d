"""Changes: what was decided and alerted about a company's facts, and the messages and
events (threads) that carry them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from watcher.models import Change
from watcher.store.base import StoreBase
from watcher.store.records import change_row, iso


class ChangesMixin(StoreBase):
    """Changes."""

    def add_change(self, entity_id: int, fact_id: int, change: Change, base_currency: str) -> int:
        new_id = self._insert(
            "INSERT INTO changes (entity_id, fact_id, kind, fact_kind, status, old_status, round,"
            " new_amount, new_currency, new_approx, new_date, old_amount, old_currency, old_approx, old_date,"
            " new_base_amount, old_base_amount, base_currency, url, title, evidence, lead_investors,"
            " investors, detected_at, corrects, confidence) VALUES (" + ", ".join("?" * 26) + ")",
            (
                entity_id,
                fact_id,
                change.kind,
                change.fact_kind,
                change.status,
                change.old_status,
                change.round,
                str(change.new.amount),
                change.new.currency,
                int(change.new.approx),
                change.new_date,
                str(change.old.amount) if change.old else None,
                change.old.currency if change.old else None,
                int(change.old.approx) if change.old else 0,
                change.old_date,
                str(change.new_base.amount) if change.new_base else None,
                str(change.old_base.amount) if change.old_base else None,
                base_currency,
                change.url,
                change.title,
                change.evidence,
                json.dumps(list(change.lead_investors), ensure_ascii=False),
                json.dumps(list(change.investors), ensure_ascii=False),
                iso(change.detected_at),
                change.corrects,
                float(change.confidence),
            ),
        )
        return new_id

    def event_change(self, head_id: int) -> Change | None:
        """The last change alerted for an event (its first alert or its latest correction)."""
        rows = self._rows("SELECT id FROM changes WHERE fact_id = ? ORDER BY id DESC LIMIT 1", (head_id,))
        if not rows:
            return None
        found = self.changes(ids=[int(rows[0]["id"])])
        return found[0] if found else None

    def place_change(self, change_id: int, thread: int, message: int | None) -> None:
        """Record a change's event and the message that carries it (None: in none)."""
        self._exec("UPDATE changes SET thread = ?, message = ? WHERE id = ?", (thread, message, change_id))

    def message_changes(self, lead_id: int) -> tuple[list[Change], list[Change]]:
        """The changes the message led by ``lead_id`` carries, and every change of its event."""
        # A change the user rejected since is left out, its lead too while another change is
        # left (reject_change holds a message only once every change it carries is rejected;
        # one on its way then still says its lead).
        rows = self._change_rows("c.message = ?", (lead_id,))
        carried = [c for c in rows if c.rejected is None] or [c for c in rows if c.id == lead_id]
        if not carried:
            return [], []
        lead = next((c for c in rows if c.id == lead_id), carried[0])
        thread = lead.thread if lead.thread is not None else lead_id
        # The event so far, without what the user rejected (unless this message carries it).
        ids = {c.id for c in carried}
        event = self._change_rows("c.thread = ? OR c.id = ?", (thread, thread))
        return carried, [c for c in event if c.rejected is None or c.id in ids]

    def said_changes(self, entity: str | None, fact_ids: Sequence[int] | None = None) -> dict[int, Change]:
        """For each event head (of these ids, or all; of one company, or of every one), the last
        change alerted about it (its first alert or latest correction), unless the user rejected
        it: what the alerts said."""
        where = "1 = 1" if entity is None else "e.name = ?"
        params: list[Any] = [] if entity is None else [entity]
        if fact_ids is not None:
            ids = sorted(set(fact_ids))
            if not ids:
                return {}
            where += f" AND c.fact_id IN ({','.join('?' * len(ids))})"
            params.extend(ids)
        rows = self._rows(
            f"SELECT c.fact_id, MAX(c.id) AS id FROM changes c JOIN entities e ON e.id = c.entity_id"
            f" WHERE {where} GROUP BY c.fact_id",
            params,
        )
        head = {int(r["id"]): int(r["fact_id"]) for r in rows}
        found = self.changes(ids=sorted(head), rejected=False) if head else []
        return {head[c.id]: c for c in found if c.id is not None}

    def message_sizes(self, lead_ids: Sequence[int]) -> dict[int, int]:
        """How many changes each message (by its lead change id) carries."""
        ids = sorted(set(lead_ids))
        if not ids:
            return {}
        rows = self._rows(
            f"SELECT message, COUNT(*) AS n FROM changes WHERE message IN ({','.join('?' * len(ids))})"
            " GROUP BY message",
            ids,
        )
        return {int(r["message"]): int(r["n"]) for r in rows}

    def change_fact_id(self, change_id: int) -> int | None:
        rows = self._rows("SELECT fact_id FROM changes WHERE id = ?", (change_id,))
        return int(rows[0]["fact_id"]) if rows else None

    def changes(
        self,
        entity: str | None = None,
        *,
        kind: str | None = None,
        since: datetime | None = None,
        ids: Sequence[int] | None = None,
        rejected: bool = True,
    ) -> list[Change]:
        """Changes, oldest first. A change is rejected when the user rejected it or its fact
        (``Change.rejected`` then holds the reason); ``rejected=False`` leaves those out, as
        every view does unless asked."""
        where = ["1 = 1"]
        params: list[Any] = []
        if not rejected:
            where.append("c.rejected IS NULL AND COALESCE(f.state, '') != 'rejected'")
        if entity is not None:
            where.append("e.name = ?")
            params.append(entity)
        if kind is not None:
            where.append("(c.kind = ? OR c.fact_kind = ?)")
            params.extend([kind, kind])
        if since is not None:
            where.append("c.detected_at >= ?")
            params.append(iso(since))
        if ids is not None:
            where.append(f"c.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        return self._change_rows(" AND ".join(where), params)

    def _change_rows(self, where: str, params: Sequence[Any]) -> list[Change]:
        rows = self._rows(
            # Every document reporting the change's event, as kept with its head (report_docs).
            "SELECT c.*, e.name AS entity_name, 1 + COALESCE(f.report_docs, 0) AS sources,"
            " CASE WHEN f.state = 'rejected' THEN f.note END AS fact_rejected"
            " FROM changes c JOIN entities e ON e.id = c.entity_id LEFT JOIN facts f ON f.id = c.fact_id"
            f" WHERE {where} ORDER BY c.detected_at, c.id",
            params,
        )
        return [change_row(r) for r in rows]

    def changed_fact_ids(self, entity: str) -> set[int]:
        rows = self._rows(
            "SELECT c.fact_id FROM changes c JOIN entities e ON e.id = c.entity_id WHERE e.name = ?",
            (entity,),
        )
        return {int(r["fact_id"]) for r in rows}

    def change_counts(self) -> dict[str, int]:
        """Each company's changes (those with any), leaving out those the user rejected (or whose
        fact they rejected); every company in one read."""
        # The rejected facts looked up in their own index (facts_rejected), not every change's fact.
        rows = self._rows(
            "SELECT e.name, COUNT(*) AS n FROM changes c JOIN entities e ON e.id = c.entity_id"
            " WHERE c.rejected IS NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.id = c.fact_id"
            " AND f.state = 'rejected') GROUP BY e.name",
        )
        return {str(r["name"]): int(r["n"]) for r in rows}

    # -- the review page (watcher serve): what its pages read beyond the CLI's queries ---------

    def recent_changes(
        self, entity: str, limit: int, *, offset: int = 0, rejected: bool = True
    ) -> list[Change]:
        """The entity's latest ``limit`` changes after the ``offset`` latest, newest first
        (``rejected=False``: only those that count), read by id so that a company with years
        of changes costs one page."""
        counting = " AND c.rejected IS NULL AND COALESCE(f.state, '') != 'rejected'" if not rejected else ""
        rows = self._rows(
            "SELECT c.id FROM changes c JOIN entities e ON e.id = c.entity_id"
            f" LEFT JOIN facts f ON f.id = c.fact_id WHERE e.name = ?{counting}"
            " ORDER BY c.detected_at DESC, c.id DESC LIMIT ? OFFSET ?",
            (entity, limit, offset),
        )
        ids = [int(r["id"]) for r in rows]
        return list(reversed(self.changes(ids=ids))) if ids else []

    def corrections_of(self, change_id: int) -> list[Change]:
        """The changes that correct this one, oldest first."""
        rows = self._rows("SELECT id FROM changes WHERE corrects = ? ORDER BY id", (change_id,))
        ids = [int(r["id"]) for r in rows]
        return self.changes(ids=ids) if ids else []
