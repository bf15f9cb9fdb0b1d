"""Compare freshly extracted facts with what is known about an entity (pure logic).

The rules, in the words of a careful analyst:
- a figure that matches a known fact (same round, or an amount within tolerance) is a
  re-report: it corroborates the known fact, unless it upgrades a rumour, which is a
  ``status_change``;
- a valuation that moves more than ``min_change`` from the latest known one is a
  ``valuation_change``; a round nobody knew is a ``new_round``;
- a figure from a document older than the latest known fact of its kind, or restated
  as background and not larger than what is known, is history: recorded, never alerted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from watcher.models import Change, Fact, Money

# Two reports of one round rarely agree to the euro (conversions, rounding, "more than").
ROUND_TOLERANCE = Decimal("0.12")
_STATUS_RANK = {"rumoured": 0, "reported": 1, "announced": 2}
_CHANGE_KIND = {
    "valuation": "valuation_change",
    "funding_round": "new_round",
    "total_raised": "total_raised_change",
}


@dataclass(frozen=True)
class KnownFact:
    """A fact already known for the entity; ``id`` is the store's, or None for one of this batch."""

    id: int | None
    fact: Fact
    period: str | None


@dataclass(frozen=True)
class Decision:
    """What to do with one new fact.

    ``corroborates``: id of the known fact it re-reports (None if new or a batch duplicate).
    ``change``: the change to alert on, if any. ``duplicate``: it repeats a fact of this batch.
    """

    fact: Fact
    corroborates: int | None = None
    change: Change | None = None
    duplicate: bool = False


def convert(money: Money, currency: str, rates: Mapping[str, Decimal]) -> Decimal | None:
    """Amount of ``money`` in ``currency`` using rates expressed per 1 EUR; None if a rate is missing."""
    if money.currency == currency:
        return money.amount
    src, dst = rates.get(money.currency), rates.get(currency)
    if src is None or dst is None:
        return None
    return money.amount / src * dst


def _relative_gap(a: Decimal, b: Decimal) -> Decimal:
    if a == b:
        return Decimal(0)
    bigger = max(abs(a), abs(b))
    return abs(a - b) / bigger


def period_before(a: str | None, b: str | None) -> bool:
    """True when period ``a`` is strictly earlier than ``b`` at their common precision."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] < b[:n]


class _Comparer:
    def __init__(self, base_currency: str, rates: Mapping[str, Decimal], min_change: Decimal):
        self.base = base_currency
        self.rates = rates
        self.min_change = min_change

    def base_amount(self, fact: Fact) -> Decimal | None:
        return convert(fact.money, self.base, self.rates)

    def gap(self, a: Fact, b: Fact) -> Decimal | None:
        """Relative difference of two amounts, using a stated equivalent when it avoids a conversion."""
        for x, y in ((a, b), (b, a)):
            if x.currency == y.currency:
                return _relative_gap(x.amount, y.amount)
            if x.equivalent is not None and x.equivalent.currency == y.currency:
                return _relative_gap(x.equivalent.amount, y.amount)
        ax, bx = self.base_amount(a), self.base_amount(b)
        if ax is None or bx is None:
            return None
        return _relative_gap(ax, bx)

    def same_fact(self, new: Fact, known: KnownFact) -> bool:
        old = known.fact
        if old.kind != new.kind:
            return False
        gap = self.gap(new, old)
        if new.kind == "funding_round":
            if new.round and old.round:
                return new.round == old.round
            # No date window: a recap restating an old round is far more common than two
            # rounds of the same size, and the round's own date is rarely in the text.
            return gap is not None and gap <= ROUND_TOLERANCE
        return gap is not None and gap <= max(self.min_change, Decimal("0.02"))

    def larger(self, new: Fact, old: Fact) -> bool:
        a, b = self.base_amount(new), self.base_amount(old)
        return a is not None and b is not None and a > b


def _latest(known: Sequence[KnownFact], kind: str) -> KnownFact | None:
    """The most recent known fact of a kind; later periods win, then later insertion.

    Confirmed facts come first: a rumour is only the reference when nothing else is known,
    so an announcement is compared with the last confirmed value, not with gossip.
    """
    best: KnownFact | None = None
    for confirmed in (True, False):
        for k in known:
            if k.fact.kind != kind or (confirmed and k.fact.status == "rumoured"):
                continue
            if best is None or not period_before(k.period, best.period):
                best = k
        if best is not None:
            return best
    return best


def diff_against_known(
    facts: Sequence[Fact],
    known: Sequence[KnownFact],
    *,
    entity: str,
    period: str | None,
    url: str,
    title: str,
    now: datetime,
    base_currency: str,
    rates: Mapping[str, Decimal],
    min_change: Decimal,
) -> list[Decision]:
    """Decide, for each fact of one document, whether it is a change, a re-report or history."""
    cmp = _Comparer(base_currency, rates, min_change)
    pool = list(known)
    decisions: list[Decision] = []
    for fact in facts:
        matches = [k for k in pool if cmp.same_fact(fact, k)]
        if matches:
            # Prefer the most recent matching fact: a recap re-reports the latest state it knew.
            match = matches[-1]
            for m in matches:
                if not period_before(m.period, match.period):
                    match = m
            if match.id is None:
                decisions.append(Decision(fact, duplicate=True))
                continue
            upgraded = _STATUS_RANK.get(fact.status, 2) > _STATUS_RANK.get(match.fact.status, 2)
            if upgraded and match.fact.status == "rumoured":
                upgrade = _change(cmp, "status_change", fact, match, entity, period, url, title, now)
                decisions.append(Decision(fact, change=upgrade))
                pool.append(KnownFact(None, fact, period))
            else:
                decisions.append(Decision(fact, corroborates=match.id))
            continue

        latest = _latest(pool, fact.kind)
        history = latest is not None and (
            period_before(period, latest.period)
            or (fact.context == "background" and not cmp.larger(fact, latest.fact))
        )
        change: Change | None = None
        if not history:
            change = _change(cmp, _CHANGE_KIND[fact.kind], fact, latest, entity, period, url, title, now)
        decisions.append(Decision(fact, change=change))
        pool.append(KnownFact(None, fact, period))
    return decisions


def _change(
    cmp: _Comparer,
    kind: str,
    fact: Fact,
    old: KnownFact | None,
    entity: str,
    period: str | None,
    url: str,
    title: str,
    now: datetime,
) -> Change:
    def base(f: Fact) -> Money | None:
        amount = cmp.base_amount(f)
        return None if amount is None else Money(amount.quantize(Decimal(1)), cmp.base, f.approx)

    return Change(
        entity=entity,
        kind=kind,
        fact_kind=fact.kind,
        status=fact.status,
        old_status=old.fact.status if old and kind == "status_change" else None,
        round=fact.round,
        new=fact.money,
        new_date=period,
        new_base=base(fact),
        old=old.fact.money if old else None,
        old_date=old.period if old else None,
        old_base=base(old.fact) if old else None,
        url=url,
        title=title,
        evidence=fact.evidence,
        lead_investors=fact.lead_investors,
        investors=fact.investors,
        detected_at=now,
    )


def with_sources(change: Change, sources: int) -> Change:
    return replace(change, sources=sources)
