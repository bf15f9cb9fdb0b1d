"""A person's word on the facts: reject a wrong one, confirm a right one, see why an article
gave what it gave. Composes the store, the ledger and the extractor; prints nothing.

A rejected fact stops counting everywhere (state, diff, status, plot) because it leaves the
``active`` state, and the rejection is kept by article and figure so reading the same article
again does not bring it back. Rejecting or confirming never sends an alert by itself, except
that confirming a fact still waiting for corroboration alerts it, as corroboration would have,
and confirming a rejected change puts its unsent alerts back in the outbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from watcher.diff import diff_against_known
from watcher.errors import ConfigError
from watcher.history import entity_state as shown_state
from watcher.kept_text import is_whole
from watcher.ledger import Ledger
from watcher.models import Change, Fact
from watcher.settings import Settings
from watcher.state import EntityState
from watcher.store import Store, StoredFact

Target = Literal["fact", "change"]


@dataclass(frozen=True)
class ReviewResult:
    """What a reject or confirm did: the facts it touched and the changes it raised."""

    facts: tuple[int, ...]
    changes: tuple[Change, ...] = ()


def parse_target(ident: str) -> tuple[Target, int]:
    """'12' or 'fact:12' is a fact, 'change:7' a change."""
    kind, _, number = ident.rpartition(":")
    kind = kind or "fact"
    if kind not in ("fact", "change") or not number.isdigit():
        raise ConfigError(f"{ident!r}: give a fact id (12 or fact:12) or a change id (change:7)")
    return ("fact" if kind == "fact" else "change"), int(number)


def listed_facts(
    store: Store,
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
    """The facts ``watcher facts`` lists: those waiting (``pending``), every one (``show_all``),
    or by default the ones that count or wait, without their re-reports; the review page asks
    for one page of them, of one kind or status."""
    return store.listed_facts(
        entity,
        pending=pending,
        show_all=show_all,
        kind=kind,
        status=status,
        newest_first=newest_first,
        limit=limit,
        offset=offset,
    )


def _fact_of(store: Store, target: Target, ident: int) -> StoredFact:
    fact_id: int | None = ident
    if target == "change":
        fact_id = store.change_fact_id(ident)
        if fact_id is None:
            raise ConfigError(f"no change #{ident}; `watcher history --json` lists them with their ids")
    found = store.fact(fact_id) if fact_id is not None else None
    if found is None:
        raise ConfigError(f"no fact #{ident}; `watcher facts` lists them with their ids")
    return found


def reject(store: Store, target: Target, ident: int, reason: str, now: datetime) -> ReviewResult:
    """Reject a fact (with every re-report of it, when it heads an event) or a change's fact."""
    # Read inside the write transaction: a cycle (or a second click) that changed the fact
    # meanwhile is seen, so the rejection is applied once, to the fact as it is now.
    with store.transaction():
        sf = _fact_of(store, target, ident)
        entity_id = store.entity_id(sf.entity)
        assert entity_id is not None
        note = f"rejected by the user: {reason}" if reason else "rejected by the user"
        touched = [sf] if sf.corroborates is not None else store.event_mentions(sf.id) or [sf]
        for f in touched:
            store.set_fact_state(f.id, "rejected", note)
            store.add_rejection(entity_id, f.document_url, f.fact, reason, now)
        if target == "change":
            store.reject_change(ident, note)
    return ReviewResult(tuple(f.id for f in touched))


def confirm(store: Store, settings: Settings, target: Target, ident: int, now: datetime) -> ReviewResult:
    """Confirm a fact: it counts again (if rejected) and, if it was waiting, it is decided now."""
    # Read inside the write transaction: a fact a cycle corroborated meanwhile (or a second
    # click confirmed) is no longer pending, so it is never alerted twice.
    with store.transaction():
        sf = _fact_of(store, target, ident)
        entity_id = store.entity_id(sf.entity)
        assert entity_id is not None
        # Rejecting an event's head rejected its re-reports with it: confirming it brings them back.
        along = (
            []
            if sf.corroborates is not None
            else [f for f in store.facts(sf.entity) if f.corroborates == sf.id and f.state == "rejected"]
        )
        store.remove_rejection(entity_id, sf.document_url, sf.fact)
        if target == "change":
            store.reject_change(ident, None)
        if sf.state not in ("pending", "dropped"):
            # It was alerted (or knowingly kept silent) when read: it counts again, without a new alert.
            store.set_fact_state(sf.id, "active", "confirmed by the user")
            for f in along:
                store.remove_rejection(entity_id, f.document_url, f.fact)
                store.set_fact_state(f.id, "active", f"re-reports fact #{sf.id}")
            return ReviewResult((sf.id, *(f.id for f in along)))
        ledger = Ledger(store, settings, now)
        ledger.activate(sf.entity, [sf], note="confirmed by the user")
        report = ledger.finish()
    return ReviewResult((sf.id,), tuple(report.changes))


def entity_state(store: Store, entity: str) -> EntityState:
    """The one current state that status, history, the plot and the diff share."""
    return shown_state(store, entity)[0]


@dataclass(frozen=True)
class Explained:
    """One fact of an article, with the diff's decision on it against what is known now."""

    entity: str
    fact: Fact
    outcome: str
    note: str


def explain_facts(
    store: Store,
    settings: Settings,
    entity: str,
    facts: list[Fact],
    *,
    period: str | None,
    url: str,
    now: datetime,
) -> list[Explained]:
    """What the diff would decide for each fact of one article, writing nothing."""
    known = Ledger(store, settings, now).known_for(entity, facts)
    stored = store.document_fact_ids(url)
    # The article itself, if already read, is not its own evidence.
    known = [k for k in known if k.id not in stored]
    decisions = diff_against_known(
        facts,
        known,
        entity=entity,
        period=period,
        url=url,
        title="",
        now=now,
        base_currency=settings.base_currency,
        rates=settings.rates,
        min_change=settings.min_change,
    )
    return [Explained(entity, d.fact, d.outcome, d.note) for d in decisions]


def evidence_in(text: str, evidence: str) -> tuple[str, str, str] | None:
    """``text`` cut around the first place it says ``evidence`` (before, the evidence as the
    text writes it, after), so a person sees the sentence where the article put it; spacing
    may differ (the evidence is one line). None if the text does not say it (the page changed)."""
    words = evidence.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), text)
    if found is None:
        return None
    return text[: found.start()], found.group(0), text[found.end() :]


@dataclass(frozen=True)
class EvidenceInText:
    """Where a change's evidence is in its article's text."""

    text: str
    parts: tuple[str, str, str] | None  # the text before, at and after the evidence
    # The evidence is the headline (a feed's title is read as the article's first sentence).
    headline: tuple[str, str, str] | None = None


def locate_evidence(text: str, titles: tuple[str, ...], evidence: str) -> EvidenceInText:
    """``evidence`` found in ``text`` or, failing that, in the first of ``titles`` that says it
    (the headline as the feed or the page gave it)."""
    parts = evidence_in(text, evidence)
    headline = None
    if parts is None:
        said = evidence.rstrip(". ")
        headline = next((h for t in titles if (h := evidence_in(t, said)) is not None), None)
    return EvidenceInText(text, parts, headline)


@dataclass(frozen=True)
class KeptEvidence:
    """A change's evidence inside the text its document kept when a cycle read it."""

    title: str  # the article's, as stored
    found: EvidenceInText
    whole: bool  # the text is the article's whole text, not cut at the size cap


def kept_evidence(store: Store, change: Change) -> KeptEvidence | None:
    """The change's evidence in its article's stored text; None when the document kept no text
    (stored before texts were kept): the caller reads the article again, as it did before."""
    doc = store.document_text(change.url) if change.url else None
    if doc is None or doc.text is None:
        return None
    found = locate_evidence(doc.text, (change.title, doc.title), change.evidence)
    return KeptEvidence(doc.title, found, is_whole(doc.text, doc.text_hash))
