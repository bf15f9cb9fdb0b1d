"""Facts: what each document reported about a company, its event heads and re-reports, and
the reads a decision, the current state and the history make of them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

from watcher.errors import StoreError
from watcher.models import Fact
from watcher.store.base import Params
from watcher.store.documents import DocumentsMixin
from watcher.store.records import Row, StoredFact, iso, parse_time, real_amount, stored_fact

# The states of a fact that count (a pending one counts as a source while it waits).
COUNTING = ("active", "pending")

# The steps of a head's two counts when a re-report comes, goes, or starts or stops counting
# (``_count_report`` says what each counts), read from the head's row; parameters: head,
# document, fact, reports, then document, head, document, fact, sources.
_REPORTS_STEP = (
    "CASE WHEN EXISTS (SELECT 1 FROM facts c WHERE c.corroborates = ? AND c.document_id = ? AND c.id != ?)"
    " THEN 0 ELSE ? END"
)
_SOURCES_STEP = (
    "CASE WHEN document_id != ? AND NOT EXISTS (SELECT 1 FROM facts c WHERE c.corroborates = ?"
    " AND c.document_id = ? AND c.id != ? AND c.state IN ('active', 'pending')) THEN ? ELSE 0 END"
)


class FactsMixin(DocumentsMixin):
    """Facts."""

    # The count steps held for each head while ``held_counts`` runs: (reports, sources).
    _held: dict[int, tuple[int, int]] | None = None

    @contextmanager
    def held_counts(self) -> Iterator[None]:
        """Within: the steps of the heads' counts are added up here, and each head's row is
        written once at the end, rather than once per re-report.

        Why: PostgreSQL keeps every version of a row updated in a transaction that is still
        running (none can be pruned before the commit), and the indexes list each one. A decide
        job (one transaction for a company's whole cycle) updated the same few heads once per
        re-report, so every read of the heads (facts_latest, facts_state, the primary key of the
        count's own UPDATE) visited all those versions: 15,000 articles were quadratic. SQLite
        updates in place; it runs the same code, for one behaviour.

        A read of the counts inside sees the steps held so far (written first, ``_rows``; the
        per-decision ``source_counts`` adds them instead). A savepoint rolled back drops its
        steps with its rows (``savepoint``). An error out of the block drops them all: the
        transaction around it is rolled back. Nested, the outermost one writes."""
        if self._held is not None:
            yield
            return
        self._held = {}
        try:
            yield
            self._write_held()
        finally:
            self._held = None

    def _write_held(self) -> None:
        held, self._held = self._held or {}, {}
        # In id order: two transactions writing the same heads lock them in the same order.
        for head_id, (reports, sources) in sorted(held.items()):
            if reports or sources:
                self._exec(
                    "UPDATE facts SET report_docs = report_docs + ?, source_docs = source_docs + ?"
                    " WHERE id = ?",
                    (reports, sources, head_id),
                )

    def _rows(self, sql: str, params: Params = ()) -> list[Row]:
        # A read of the kept counts while steps are held (``held_counts``) sees them.
        if self._held and ("source_docs" in sql or "report_docs" in sql):
            self._write_held()
        return super()._rows(sql, params)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        held = None if self._held is None else dict(self._held)
        try:
            with super().savepoint():
                yield
        except BaseException:
            # The unit's rows are gone, and its count steps with them (steps written inside it
            # were rolled back too: held again, as they were when it began).
            if held is not None and self._held is not None:
                self._held = held
            raise

    def add_fact(
        self,
        entity_id: int,
        document_id: int,
        fact: Fact,
        *,
        period: str | None,
        baseline: bool,
        now: datetime,
        corroborates: int | None = None,
        state: str = "active",
        note: str = "",
        base_amount: Decimal | None = None,
        pending_until: datetime | None = None,
        outcome: str = "",
    ) -> int:
        eq = fact.equivalent
        new_id = self._insert(
            "INSERT INTO facts (entity_id, document_id, kind, amount, currency, approx, round,"
            " lead_investors, investors, status, evidence, equivalent_amount, equivalent_currency,"
            " bound, basis, context, period, baseline, corroborates, created_at, confidence, reasons,"
            " state, note, base_amount, pending_until, outcome)"
            " VALUES (" + ", ".join("?" * 27) + ")",
            (
                entity_id,
                document_id,
                fact.kind,
                str(fact.amount),
                fact.currency,
                int(fact.approx),
                fact.round,
                json.dumps(list(fact.lead_investors), ensure_ascii=False),
                json.dumps(list(fact.investors), ensure_ascii=False),
                fact.status,
                fact.evidence,
                str(eq.amount) if eq else None,
                eq.currency if eq else None,
                fact.bound,
                fact.basis,
                fact.context,
                period,
                int(baseline),
                corroborates,
                iso(now),
                float(fact.confidence),
                json.dumps(list(fact.reasons), ensure_ascii=False),
                state,
                note,
                real_amount(base_amount),
                iso(pending_until),
                outcome,
            ),
        )
        if corroborates is not None:
            self._count_report(corroborates, document_id, new_id, reports=1, sources=int(state in COUNTING))
        return new_id

    def _count_report(
        self, head_id: int, document_id: int, fact_id: int, *, reports: int, sources: int
    ) -> None:
        """The counts of ``head_id`` once its re-report ``fact_id`` (of ``document_id``) came (+1),
        went (-1), or started or stopped counting: ``report_docs`` moves by ``reports`` and
        ``source_docs`` (other documents, facts that count) by ``sources``, each unless another
        fact of that document keeps the document in the count.

        A step, not a count of all the head's re-reports again: a head with thousands of them costs
        two index probes (facts_sources). Steps also add up when PostgreSQL runs a review beside a
        decide job: each lands on the head's row as the other left it, where a count read in one
        transaction would overwrite the other's. Inside ``held_counts`` the step is read, not
        written: it is held and written with the others at the end."""
        if not reports and not sources:
            return
        params = (head_id, document_id, fact_id, reports, document_id, head_id, document_id, fact_id, sources)
        if self._held is None:
            self._exec(
                f"UPDATE facts SET report_docs = report_docs + {_REPORTS_STEP},"
                f" source_docs = source_docs + {_SOURCES_STEP} WHERE id = ?",
                (*params, head_id),
            )
            return
        for r in self._rows(
            f"SELECT {_REPORTS_STEP} AS reports, {_SOURCES_STEP} AS sources FROM facts WHERE id = ?",
            (*params, head_id),
        ):
            held_reports, held_sources = self._held.get(head_id, (0, 0))
            self._held[head_id] = (held_reports + int(r["reports"]), held_sources + int(r["sources"]))

    def replace_document_facts(self, document_id: int) -> None:
        """Drop a document's facts (for re-loading a changed seed); changes keep theirs."""
        used = self._rows(
            "SELECT 1 FROM changes c JOIN facts f ON f.id = c.fact_id WHERE f.document_id = ?", (document_id,)
        )
        if used:
            raise StoreError(f"{self.where}: document {document_id} has changes recorded; not replacing it")
        self._exec(
            "UPDATE facts SET corroborates = NULL WHERE corroborates IN"
            " (SELECT id FROM facts WHERE document_id = ?)",
            (document_id,),
        )
        # Its re-reports of other documents' heads leave their counts one at a time (of two
        # re-reports of one head, the second takes the document out of the count).
        for r in self._rows(
            "SELECT id, corroborates, state FROM facts WHERE document_id = ? AND corroborates IS NOT NULL",
            (document_id,),
        ):
            counting = int(r["state"] in COUNTING)
            self._count_report(
                int(r["corroborates"]), document_id, int(r["id"]), reports=-1, sources=-counting
            )
            self._exec("DELETE FROM facts WHERE id = ?", (r["id"],))
        self._exec("DELETE FROM facts WHERE document_id = ?", (document_id,))

    # The documents that report a head: itself and its re-reports from other documents (those
    # that count), as kept in ``source_docs`` (migration fact_source_counts says why kept).
    _SOURCES = "1 + f.source_docs"
    _FACT_SELECT = (
        "SELECT f.*, e.name AS entity_name, d.url AS doc_url, d.title AS doc_title, d.source AS doc_source,"
        f" {_SOURCES} AS sources"
        " FROM facts f JOIN entities e ON e.id = f.entity_id JOIN documents d ON d.id = f.document_id"
    )
    # The same with every head's sources as one: for reads that only rank heads, whose callers
    # give sources to the heads whose standing depends on them (state.contested), as the
    # decisions always have (the kept count is no cost; which heads weigh theirs is the point).
    _FACT_SELECT_UNCOUNTED = (
        "SELECT f.*, e.name AS entity_name, d.url AS doc_url, d.title AS doc_title, d.source AS doc_source,"
        " 1 AS sources"
        " FROM facts f JOIN entities e ON e.id = f.entity_id JOIN documents d ON d.id = f.document_id"
    )

    def known_facts(self, entity: str, kinds: Sequence[str] | None = None) -> list[StoredFact]:
        """The entity's event heads that count: what a decision or the current state reads."""
        where = "e.name = ? AND f.corroborates IS NULL AND f.state = 'active'"
        params: list[Any] = [entity]
        if kinds:
            where += f" AND f.kind IN ({','.join('?' * len(kinds))})"
            params.extend(kinds)
        rows = self._rows(f"{self._FACT_SELECT} WHERE {where} ORDER BY COALESCE(f.period, ''), f.id", params)
        return [stored_fact(r) for r in rows]

    def decision_facts(
        self,
        entity: str,
        wanted: Sequence[tuple[str, Decimal | None, str | None]] = (),
        *,
        count_sources: bool = True,
    ) -> list[StoredFact]:
        """The event heads a decision (or the current state) needs, ordered by period then id."""
        found = self.facts_by_id(self.decision_fact_ids(entity, wanted), count_sources=count_sources)
        return sorted(found, key=lambda sf: (sf.period or "", sf.id))

    def decision_fact_ids(
        self, entity: str, wanted: Sequence[tuple[str, Decimal | None, str | None]] = ()
    ) -> list[int]:
        """The ids of the event heads a decision needs, read by index, not all history.

        For each kind: the latest confirmed heads, the latest restated ones, and the rumours not
        older than the latest confirmed; for each ``(kind, amount in EUR, round)`` wanted, the heads
        of that kind with an amount within 30 % or the same round name (and those of unknown amount).
        """
        entity_id = self.entity_id(entity)
        if entity_id is None:
            return []
        return self._ids_of(self._head_parts(entity_id, wanted))

    def state_heads(self, entities: Sequence[str]) -> dict[str, list[StoredFact]]:
        """For each of these companies, the event heads its current state reads (those of
        ``decision_fact_ids`` with nothing wanted), sources not counted, ordered by period then id.

        One query for all of them, whatever their number: status and the review page read every
        company, and the nine parts of ``decision_fact_ids`` per company cost ten round trips each
        (or, sent as one compound, 16 ms of PostgreSQL's planning for 20 companies). Here each
        company's heads are read once (index ``facts_state``) and ranked by window functions,
        as the parts rank them."""
        names = list(dict.fromkeys(entities))
        found: dict[str, list[StoredFact]] = {name: [] for name in names}
        if not names:
            return found
        kinds = ("valuation", "funding_round", "total_raised")
        confirmed = self._CONFIRMED  # its columns are facts' alone (entities has id, name, aliases)
        # CROSS JOIN fixes SQLite's join order: company by company through facts_state, rather
        # than every head through the index on corroborates. PostgreSQL plans it as any join.
        sql = (
            "WITH heads AS (SELECT f.id, f.entity_id, f.kind, f.status, f.period,"
            f" CASE WHEN {confirmed} THEN 1 ELSE 0 END AS confirmed,"
            " ROW_NUMBER() OVER (PARTITION BY f.entity_id, f.kind, f.status != 'rumoured'"
            "  ORDER BY f.id DESC) AS by_id,"
            f" substr(COALESCE(MAX(CASE WHEN {confirmed} THEN COALESCE(f.period, '') END)"
            "  OVER (PARTITION BY f.entity_id, f.kind), ''), 1, 7) AS since"
            " FROM entities e CROSS JOIN facts f"
            f" WHERE e.name IN ({','.join('?' * len(names))}) AND f.entity_id = e.id"
            f" AND f.kind IN ({','.join('?' * len(kinds))}) AND f.corroborates IS NULL"
            " AND f.state = 'active'),"
            # A head is confirmed (class 1), a rumour not older than the latest confirmed
            # (class 2), or neither; ranked within its class by period then id, newest first.
            " classed AS (SELECT id, entity_id, kind, status, period, by_id,"
            " CASE WHEN confirmed = 1 THEN 1 WHEN status = 'rumoured' AND COALESCE(period, '') >= since"
            "  THEN 2 ELSE 0 END AS class FROM heads),"
            " ranked AS (SELECT id, status, by_id, class, ROW_NUMBER() OVER (PARTITION BY entity_id, kind,"
            "  class ORDER BY COALESCE(period, '') DESC, id DESC) AS by_period FROM classed)"
            f" {self._FACT_SELECT_UNCOUNTED} WHERE f.id IN (SELECT id FROM ranked"
            f" WHERE (class = 1 AND by_period <= {self._LATEST})"
            f" OR (status != 'rumoured' AND by_id <= {self._LATEST})"
            f" OR (class = 2 AND by_period <= {self._RUMOURS}))"
        )
        for sf in (stored_fact(r) for r in self._rows(sql, [*names, *kinds])):
            found[sf.entity].append(sf)
        for heads in found.values():
            heads.sort(key=lambda sf: (sf.period or "", sf.id))
        return found

    # What a decision and the current state read of each kind: the latest confirmed heads by
    # period and by id, and the rumours not older than the latest confirmed, so many of each.
    _CONFIRMED = "status != 'rumoured' AND (context != 'background' OR baseline = 1)"
    _LATEST = 20
    _RUMOURS = 50

    def _head_parts(
        self, entity_id: int, wanted: Sequence[tuple[str, Decimal | None, str | None]] = ()
    ) -> list[tuple[str, tuple[Any, ...]]]:
        """The SELECTs of head ids ``decision_fact_ids`` reads, each with its parameters."""
        head = "entity_id = ? AND kind = ? AND corroborates IS NULL AND state = 'active'"
        parts: list[tuple[str, tuple[Any, ...]]] = []

        def add(sql: str, params: tuple[Any, ...], *, limited: bool = False) -> None:
            select = f"SELECT id FROM facts WHERE {head} AND {sql}"
            # ORDER BY and LIMIT belong to a compound's last part only, unless wrapped.
            # (PostgreSQL wants the wrapped part named.)
            parts.append((f"SELECT id FROM ({select}) AS part" if limited else select, params))

        confirmed, latest = self._CONFIRMED, self._LATEST
        for kind in ("valuation", "funding_round", "total_raised"):
            base = (entity_id, kind)
            add(f"{confirmed} ORDER BY COALESCE(period, '') DESC, id DESC LIMIT {latest}", base, limited=True)
            # "+id": ordering by the rowid would make SQLite walk facts_entity, every mention of
            # the kind, rather than the few heads of facts_heads.
            add(
                f"status != 'rumoured' ORDER BY {self.dialect.no_index_order}id DESC LIMIT {latest}",
                base,
                limited=True,
            )
            # Rumours not older than the month of the latest confirmed head. Ordered to the id, as
            # state_heads ranks them: by period alone, which of two rumours of one month made
            # the cut was the database's choice (and PostgreSQL puts a NULL period first, SQLite last).
            since = (
                f"substr(COALESCE((SELECT MAX(COALESCE(period, '')) FROM facts WHERE {head} AND {confirmed}),"
                " ''), 1, 7)"
            )
            add(
                f"status = 'rumoured' AND COALESCE(period, '') >= {since}"
                f" ORDER BY COALESCE(period, '') DESC, id DESC LIMIT {self._RUMOURS}",
                (*base, *base),
                limited=True,
            )
        for kind, exact, round_ in wanted:
            amount = real_amount(exact)
            if amount is not None and amount > 0:
                add("base_amount BETWEEN ? AND ?", (entity_id, kind, amount / 1.3, amount * 1.3))
            if round_:
                add("round = ?", (entity_id, kind, round_))
            add("base_amount IS NULL", (entity_id, kind))
        return parts

    def _ids_of(self, parts: Sequence[tuple[str, tuple[Any, ...]]]) -> list[int]:
        """The ids the parts select, sorted. They are sent as a few compound queries, not one
        each: a decision per article made some 25 round trips to SQLite, most of the main
        process's share of a first cycle."""
        ids: set[int] = set()
        # SQLite allows 500 parts to a compound SELECT by default.
        for i in range(0, len(parts), 200):
            group = parts[i : i + 200]
            sql = " UNION ".join(part for part, _ in group)
            ids.update(int(r["id"]) for r in self._rows(sql, [p for _, params in group for p in params]))
        return sorted(ids)

    def facts_by_id(self, fact_ids: Sequence[int], *, count_sources: bool = True) -> list[StoredFact]:
        """These facts (those that exist), by id."""
        found: list[StoredFact] = []
        ordered = sorted(set(fact_ids))
        select = self._FACT_SELECT if count_sources else self._FACT_SELECT_UNCOUNTED
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            rows = self._rows(f"{select} WHERE f.id IN ({','.join('?' * len(chunk))})", chunk)
            found.extend(stored_fact(r) for r in rows)
        return found

    def source_counts(self, fact_ids: Sequence[int]) -> dict[int, int]:
        """How many documents report each of these heads (as ``sources`` of a counted read)."""
        counts: dict[int, int] = {}
        ordered = sorted(set(fact_ids))
        held = self._held or {}
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            # Read as written, the steps held (``held_counts``) added here rather than written
            # first: a decision makes this read, and writing them for each would be what
            # holding them avoids.
            rows = super()._rows(
                f"SELECT f.id, {self._SOURCES} AS sources FROM facts f"
                f" WHERE f.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            counts.update((int(r["id"]), int(r["sources"]) + held.get(int(r["id"]), (0, 0))[1]) for r in rows)
        return counts

    def document_fact_ids(self, url: str) -> set[int]:
        rows = self._rows(
            "SELECT f.id FROM facts f JOIN documents d ON d.id = f.document_id WHERE d.url = ?", (url,)
        )
        return {int(r["id"]) for r in rows}

    def baseline_facts(self, entity: str | None = None) -> list[StoredFact]:
        """The baseline's facts of one company, or of every one (``None``), in id order."""
        if entity is None:
            # "entity_id IN": SQLite then reads the partial index of baseline facts company by
            # company; with "baseline = 1" alone it walked all the facts in id order.
            rows = self._rows(
                f"{self._FACT_SELECT} WHERE f.entity_id IN (SELECT id FROM entities) AND f.baseline = 1"
                " ORDER BY f.id"
            )
        else:
            rows = self._rows(
                f"{self._FACT_SELECT} WHERE f.entity_id = (SELECT id FROM entities WHERE name = ?)"
                " AND f.baseline = 1 ORDER BY f.id",
                (entity,),
            )
        return [stored_fact(r) for r in rows]

    def known_counts(self) -> dict[str, int]:
        """How many event heads count (active) for each company that has any, in one read."""
        rows = self._rows(
            "SELECT e.name, COUNT(*) AS n FROM facts f JOIN entities e ON e.id = f.entity_id"
            " WHERE f.corroborates IS NULL AND f.state = 'active' GROUP BY e.name",
        )
        return {str(r["name"]): int(r["n"]) for r in rows}

    def pending_counts(self) -> dict[str, int]:
        """How many facts wait for corroboration for each company that has any, in one read."""
        rows = self._rows(
            "SELECT e.name, COUNT(*) AS n FROM facts f JOIN entities e ON e.id = f.entity_id"
            " WHERE f.state = 'pending' GROUP BY e.name",
        )
        return {str(r["name"]): int(r["n"]) for r in rows}

    def conflicting_mentions(self, entity: str) -> list[StoredFact]:
        """Re-reports of an event that give another figure than its head: they match new facts too.
        Their sources are not counted (each is one): a decision matches their figures, never
        ranks them by sources, and reads them for every article."""
        rows = self._rows(
            f"{self._FACT_SELECT_UNCOUNTED} WHERE e.name = ? AND f.outcome = 'conflict'"
            " AND f.state = 'active' AND f.corroborates IS NOT NULL ORDER BY f.id",
            (entity,),
        )
        return [stored_fact(r) for r in rows]

    def fact(self, fact_id: int) -> StoredFact | None:
        rows = self._rows(f"{self._FACT_SELECT} WHERE f.id = ?", (fact_id,))
        return stored_fact(rows[0]) if rows else None

    def event_mentions(self, head_id: int) -> list[StoredFact]:
        """An event's head and every fact that re-reports it, counting ones only."""
        rows = self._rows(
            f"{self._FACT_SELECT} WHERE (f.id = ? OR f.corroborates = ?) AND f.state = 'active'"
            " ORDER BY f.id",
            (head_id, head_id),
        )
        return [stored_fact(r) for r in rows]

    def pending_facts(self, entity: str | None = None) -> list[StoredFact]:
        where = "f.state = 'pending'" + (" AND e.name = ?" if entity else "")
        rows = self._rows(f"{self._FACT_SELECT} WHERE {where} ORDER BY f.id", (entity,) if entity else ())
        return [stored_fact(r) for r in rows]

    def pending_until(self, fact_id: int) -> datetime | None:
        rows = self._rows("SELECT pending_until FROM facts WHERE id = ?", (fact_id,))
        return parse_time(rows[0]["pending_until"]) if rows else None

    def facts(self, entity: str | None = None, *, known_only: bool = False) -> list[StoredFact]:
        """Facts, oldest first. ``known_only`` leaves out rows that merely corroborate another."""
        where = ["1 = 1"]
        params: list[Any] = []
        if entity is not None:
            where.append("e.name = ?")
            params.append(entity)
        if known_only:
            where.append("f.corroborates IS NULL AND f.state = 'active'")
        rows = self._rows(
            f"{self._FACT_SELECT} WHERE {' AND '.join(where)} ORDER BY COALESCE(f.period, '') , f.id",
            params,
        )
        return [stored_fact(r) for r in rows]

    def fact_counts_by_document(self, entity: str, source: str) -> list[tuple[str, int]]:
        rows = self._rows(
            "SELECT d.url, COUNT(f.id) AS n FROM documents d"
            " LEFT JOIN facts f ON f.document_id = d.id"
            " AND f.entity_id = (SELECT id FROM entities WHERE name = ?)"
            " WHERE d.source = ? GROUP BY d.id ORDER BY d.url",
            (entity, source),
        )
        return [(r["url"], int(r["n"])) for r in rows]

    # -- changes --------------------------------------------------------------

    def round_history(self, entity: str) -> list[tuple[str | None, str]]:
        """The entity's confirmed rounds as (name, date), oldest first: each round name its
        confirmed facts give (at the earliest date known), and each unnamed round event."""
        rows = self._rows(
            "SELECT f.round, MIN(COALESCE(f.period, '')) AS since FROM facts f"
            " JOIN entities e ON e.id = f.entity_id"
            " WHERE e.name = ? AND f.round IS NOT NULL AND f.status != 'rumoured' AND f.state = 'active'"
            " GROUP BY f.round"
            " UNION ALL"
            " SELECT NULL, COALESCE(f.period, '') FROM facts f JOIN entities e ON e.id = f.entity_id"
            " WHERE e.name = ? AND f.kind = 'funding_round' AND f.round IS NULL AND f.corroborates IS NULL"
            " AND f.status != 'rumoured' AND f.state = 'active' AND (f.context = 'main' OR f.baseline = 1)",
            (entity, entity),
        )
        found = [(None if r["round"] is None else str(r["round"]), str(r["since"])) for r in rows]
        return sorted(found, key=lambda x: (x[1], x[0] or ""))

    def listed_facts(
        self,
        entity: str | None,
        *,
        pending: bool = False,
        show_all: bool = False,
        kind: str | None = None,
        status: str | None = None,
        newest_first: bool = False,
        limit: int = -1,
        offset: int = 0,
    ) -> list[StoredFact]:
        """The facts ``watcher facts`` lists (``review.listed_facts`` says which), filtered and
        paged in SQL: a company with 50,000 re-reports costs one page, not all of them.
        ``limit`` below 0: every one."""
        where, params = ["1 = 1"], list[Any]()
        if entity is not None:
            where.append("e.name = ?")
            params.append(entity)
        if pending:
            where.append("f.state = 'pending'")
        elif not show_all:
            where.append("f.corroborates IS NULL AND f.state IN ('active', 'pending')")
        for column, value in (("f.kind", kind), ("f.status", status)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        order = "f.id" if pending else "COALESCE(f.period, ''), f.id"
        if newest_first:
            order = "f.id DESC" if pending else "COALESCE(f.period, '') DESC, f.id DESC"
        page = " LIMIT ? OFFSET ?" if limit >= 0 else f" LIMIT {self.dialect.no_limit} OFFSET ?"
        params += [limit, offset] if limit >= 0 else [offset]
        rows = self._rows(f"{self._FACT_SELECT} WHERE {' AND '.join(where)} ORDER BY {order}{page}", params)
        return [stored_fact(r) for r in rows]
