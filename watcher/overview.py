"""What the review page's overview shows: one row per company, the state ``status`` shows
(``history.entity_state``), what waits for a person, the last change and the feeds failing.

Reading only; safe while the daemon writes (WAL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from watcher.history import entity_state, entity_states
from watcher.models import Change
from watcher.settings import Settings
from watcher.state import EntityState, KnownFact
from watcher.store import Store, StoredFact


@dataclass(frozen=True)
class CompanyRow:
    name: str
    valuation: StoredFact | None
    round: StoredFact | None
    total_raised: StoredFact | None
    rumours: tuple[StoredFact, ...]
    pending: int
    oldest_pending: datetime | None  # when the longest-waiting fact was read
    last_change: Change | None
    failing_feeds: tuple[str, ...]  # names (or URLs) of the feeds read for it that fail now

    def new_since(self, moment: datetime | None) -> bool:
        """Its last change came after ``moment`` (a person's previous visit); None: never visited."""
        if self.last_change is None:
            return False
        return moment is None or self.last_change.detected_at > moment


def _shown(k: KnownFact | None, by_id: dict[int, StoredFact]) -> StoredFact | None:
    return by_id.get(k.id) if k is not None and k.id is not None else None


def company_row(
    settings: Settings,
    store: Store,
    name: str,
    failing: set[str],
    known: tuple[EntityState, dict[int, StoredFact]] | None = None,
) -> CompanyRow:
    """The company's row; ``known``: its state and heads, when read with every company's."""
    state, by_id = known if known is not None else entity_state(store, name)
    pending = store.pending_facts(name)
    last = store.recent_changes(name, 1, rejected=False)
    return CompanyRow(
        name=name,
        valuation=_shown(state.valuation, by_id),
        round=_shown(state.round, by_id),
        total_raised=_shown(state.total_raised, by_id),
        rumours=tuple(sf for r in state.rumours if (sf := _shown(r, by_id)) is not None),
        pending=len(pending),
        oldest_pending=min((sf.created_at for sf in pending), default=None),
        last_change=last[0] if last else None,
        failing_feeds=tuple(f.name or f.url for f in settings.feeds if f.url in failing and f.serves(name)),
    )


def overview(settings: Settings, store: Store) -> list[CompanyRow]:
    """Every company, the most recently changed first (never changed last, by name)."""
    failing = {r.url for r in store.feeds() if r.failures > 0}
    # Every company's state in one read (a fixed number of queries, not ten per company).
    states = entity_states(store, [e.name for e in settings.entities])
    rows = [company_row(settings, store, e.name, failing, states[e.name]) for e in settings.entities]
    changed = sorted(
        (r for r in rows if r.last_change is not None),
        key=lambda r: r.last_change.detected_at if r.last_change else datetime.min,
        reverse=True,
    )
    return changed + sorted((r for r in rows if r.last_change is None), key=lambda r: r.name)
