"""What ``watcher history`` shows: every known fact as a timeline row, and the plot's panels.

Reading only. Rows carry the source's title and URL so that every line a person reads
says where it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from watcher import models
from watcher.diff import convert
from watcher.models import Change, Fact, Money
from watcher.render import format_money, format_round
from watcher.settings import Settings
from watcher.state import EntityState, KnownFact, contested, current_state

if TYPE_CHECKING:
    from watcher.plot import Panel
    from watcher.store import Store, StoredFact


def entity_state(store: Store, entity: str) -> tuple[EntityState, dict[int, StoredFact]]:
    """The entity's one current state (``watcher.state.current_state``), and its heads by id.

    What status, history, the plot and the digest show; the diff computes the same function on
    the same heads. Sources are counted where the standing depends on them (``contested``):
    counting every head's re-reports would grow with the coverage.
    """
    return entity_states(store, [entity])[entity]


def entity_states(
    store: Store, entities: Sequence[str]
) -> dict[str, tuple[EntityState, dict[int, StoredFact]]]:
    """``entity_state`` of each of these companies, read for all of them at once: a fixed
    number of queries whatever the number of companies (on PostgreSQL each is a round trip)."""
    heads = store.state_heads(entities)
    by_ids = {name: {sf.id: sf for sf in found} for name, found in heads.items()}
    known = {
        name: [KnownFact(sf.id, sf.fact, sf.period, sources=sf.sources, baseline=sf.baseline) for sf in found]
        for name, found in heads.items()
    }
    counts = store.source_counts([i for facts in known.values() for i in contested(facts)])
    states = {
        name: current_state([replace(k, sources=counts[k.id]) if k.id in counts else k for k in facts])
        for name, facts in known.items()
    }
    # The facts shown are read again with their sources counted, as their alerts stated them.
    shown = {
        name: [
            k.id
            for k in (state.valuation, state.round, state.total_raised, *state.rumours)
            if k is not None and k.id is not None
        ]
        for name, state in states.items()
    }
    ids = [i for found in shown.values() for i in found]
    said = store.said_changes(None, ids)
    for sf in store.facts_by_id(ids):
        by_ids[sf.entity][sf.id] = as_said(sf, said.get(sf.id))
    return {name: (states[name], by_ids[name]) for name in heads}


def as_said(sf: StoredFact, change: Change | None) -> StoredFact:
    """A head as its alert stated it: an event's figure is the best supported of its mentions
    (then any correction), not the first one read, and its round name the event's own."""
    if change is None:
        return sf
    money = change.new
    fact = replace(
        sf.fact, amount=money.amount, currency=money.currency, approx=money.approx, round=change.round
    )
    if fact.money != sf.fact.money:
        fact = replace(fact, equivalent=None, evidence=change.evidence or sf.fact.evidence)
    return replace(
        sf,
        fact=fact,
        document_url=change.url or sf.document_url,
        document_title=change.title or sf.document_title,
    )


@dataclass(frozen=True)
class TimelineRow:
    entity: str
    period: str | None
    fact: Fact
    base: Money | None
    marker: str  # baseline | change | history | rejected
    title: str
    url: str
    sources: int
    # One of the facts the current state (``entity_state``) shows: status says the same.
    current: bool = False


def timeline(
    settings: Settings,
    store: Store,
    entity: str | None,
    kind: str | None,
    since: datetime | None = None,
    *,
    rejected: bool = False,
) -> list[TimelineRow]:
    """Every known fact, oldest first, marked as baseline, change, or history; with ``rejected``,
    the event heads the user rejected too, marked rejected."""
    rows = []
    for e in settings.entities:
        if entity is not None and e.name != entity:
            continue
        changed = store.changed_fact_ids(e.name)
        said = store.said_changes(e.name)
        state, _ = entity_state(store, e.name)
        now = {k.id for k in (state.valuation, state.round, *state.rumours) if k is not None}
        facts = store.facts(e.name, known_only=True)
        if rejected:
            facts = [
                sf
                for sf in store.facts(e.name)
                if sf.corroborates is None and sf.state in ("active", "rejected")
            ]
        for sf in (as_said(f, said.get(f.id)) for f in facts):
            if kind is not None and sf.fact.kind != kind:
                continue
            if since is not None and not _on_or_after(sf.period, sf.created_at, since):
                continue
            amount = convert(sf.fact.money, settings.base_currency, settings.rates)
            base = Money(amount.quantize(Decimal(1)), settings.base_currency) if amount is not None else None
            marker = "baseline" if sf.baseline else ("change" if sf.id in changed else "history")
            if sf.state == "rejected":
                marker = "rejected"
            rows.append(
                TimelineRow(
                    e.name,
                    sf.period,
                    sf.fact,
                    base,
                    marker,
                    _seed_title(sf.document_url, sf.document_title),
                    "" if sf.document_url.startswith("seed://") else sf.document_url,
                    sf.sources,
                    sf.id in now,
                )
            )
    return rows


def _seed_title(url: str, title: str) -> str:
    """A seed document has no headline, only its first line: name the file, then the start."""
    if not url.startswith("seed://"):
        return title
    start = " ".join(title.split())
    start = start if len(start) <= 80 else start[:79].rstrip() + "…"
    return f"seed {url.rsplit('/', 1)[-1]}: {start}"


def _on_or_after(period: str | None, seen: datetime, since: datetime) -> bool:
    """A fact dated ``period`` ("2024", "2024-06", "2024-06-11") may be on or after ``since``.

    A month-only date counts if any day of it may be: "2024-06" is kept for --since 2024-06-15.
    Undated facts count by when watcher learnt them.
    """
    if not period:
        return seen >= since
    return period >= since.date().isoformat()[: len(period)]


# Fact kinds filter the timeline; change kinds filter the changes and map to their fact kind.
FACT_KINDS = models.FACT_KINDS
CHANGE_KINDS = models.CHANGE_KINDS


def plot_panels(
    settings: Settings, rows: Sequence[TimelineRow], entity: str | None, kinds: tuple[str, ...]
) -> list[Panel]:
    """One panel per company (or only ``entity``), with the points of ``kinds`` that have a date."""
    # Only --plot draws: the plot module is not loaded for the tables.
    from watcher.plot import Panel, TimelinePoint, point_date

    panels = []
    for e in settings.entities:
        if entity is not None and e.name != entity:
            continue
        points = []
        for r in rows:
            if r.entity != e.name or r.base is None or not r.period or r.fact.kind not in kinds:
                continue
            if r.marker == "rejected":
                continue  # the user said it is wrong: never drawn as a figure of the company
            if r.fact.context == "background" and r.marker != "baseline":
                # A restatement happened before the article that restates it, on no date of its own:
                # at the article's date it would draw an old figure as the latest one.
                continue
            when = point_date(r.period)
            if when is None:
                continue
            points.append(
                TimelinePoint(
                    date=when[0],
                    kind=r.fact.kind,
                    amount_base=r.base.amount,
                    label=format_round(r.fact.round) if r.fact.round else "",
                    baseline=r.marker == "baseline",
                    change=r.marker == "change",
                    status=r.fact.status,
                    precision=when[1],
                    amount_text=format_money(r.fact.money),
                    source=r.title,
                    url=r.url,
                    current=r.current,
                )
            )
        panels.append(Panel(e.name, tuple(points)))
    return panels
