"""Decide what freshly extracted facts mean against what is known (pure logic).

The rules, in the words of a careful analyst:
- an implausible figure (below EUR 10,000, beyond any real company, a valuation below the
  round it comes with) is rejected with its reason, never alerted, never a crash;
- one investor's ticket is evidence that a round exists, not its size; a total raised to
  date is context: neither ever becomes an alert;
- facts that agree on the round name, or on the amount within tolerance (after currency
  conversion) and fall in the same period, are mentions of one *event*: a re-report
  corroborates it, a confirmation of a rumour is a ``status_change``, and a same-name
  round with a materially different amount is a conflict, never a silent corroboration;
- anything else is compared with the entity's *current state* (``watcher.state``): a
  valuation that moves by ``min_change`` of the current value or more is a
  ``valuation_change``, an unknown round a ``new_round``; a fact restated as background,
  dated before the latest known fact, or a rumour not newer than the confirmed figure of its
  kind is history.

An event's figure is the best supported of its mentions (``event_figure``), not the first
one read; when later sources move an alerted figure materially, ``correction`` says so once.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Literal

from watcher.models import Change, Fact, Money
from watcher.state import (
    SAME_EVENT_DAYS,
    EntityState,
    KnownFact,
    current_state,
    days_apart,
    happened,
    not_after,
    period_before,
)

__all__ = [
    "Decision",
    "KnownFact",
    "convert",
    "correction",
    "diff_against_known",
    "event_figure",
    "period_before",
]

# Two reports of one round rarely agree to the euro (conversions, rounding, "more than").
ROUND_TOLERANCE = Decimal("0.12")
# Mentions of one valuation fall within a year of each other; a restatement matches at any age.
EVENT_WINDOW_DAYS = 365
# How close a restatement of an older figure is to it (amounts as written are rounded by a few per cent
# at most; the judges of the labelled sets use the same 2 %).
RESTATED_GAP = Decimal("0.02")
# A round named like a known one but with another amount is a correction of it only this close
# in time; later, it is a new round the text misnamed (a "Series C" rumour a year on).
CORRECTION_WINDOW_DAYS = 60
# Bounds of a real company's round or valuation, in EUR.
MIN_AMOUNT_EUR = Decimal(10_000)
MAX_AMOUNT_EUR = Decimal(10) ** 13
_STATUS_RANK = {"rumoured": 0, "reported": 1, "announced": 2}
_CHANGE_KIND = {"valuation": "valuation_change", "funding_round": "new_round"}
_ALERTED_KINDS = frozenset(_CHANGE_KIND)

Outcome = Literal[
    "change",
    "confirmation",
    "corroborates",
    "conflict",
    "history",
    "duplicate",
    "implausible",
    "context",
    "evidence",
]


@dataclass(frozen=True)
class Decision:
    """What to do with one new fact, and why.

    ``corroborates``: id of the known event head it re-reports. ``change``: the change to alert
    on, if any. ``duplicate``: it repeats a fact of the same document (not recorded).
    ``outcome`` names the rule that decided; ``note`` says it for people. ``held``: why the change
    waits for corroboration, as the caller's ``held`` said (None: it stands).
    """

    fact: Fact
    outcome: Outcome = "history"
    corroborates: int | None = None
    change: Change | None = None
    note: str = ""
    held: str | None = None

    @property
    def duplicate(self) -> bool:
        return self.outcome == "duplicate"

    @property
    def implausible(self) -> bool:
        return self.outcome == "implausible"


def convert(money: Money, currency: str, rates: Mapping[str, Decimal]) -> Decimal | None:
    """Amount of ``money`` in ``currency`` using rates expressed per 1 EUR; None if a rate is missing."""
    if money.currency == currency:
        return money.amount
    src, dst = rates.get(money.currency), rates.get(currency)
    if src is None or dst is None:
        return None
    try:
        return money.amount / src * dst
    except decimal.DecimalException:
        return None


def _relative_gap(a: Decimal, b: Decimal) -> Decimal:
    if a == b:
        return Decimal(0)
    bigger = max(abs(a), abs(b))
    return abs(a - b) / bigger


def _direct_gap(a: Fact, b: Fact) -> Decimal | None:
    """Relative difference of two amounts in one currency (or one stating the other's as its
    equivalent); None when only a conversion compares them."""
    amounts = _in_one_currency(a, b)
    return _relative_gap(*amounts) if amounts is not None else None


def _in_one_currency(a: Fact, b: Fact) -> tuple[Decimal, Decimal] | None:
    """The two amounts in one currency, as written or as one states the other's equivalent; None when
    only a conversion compares them."""
    if a.currency == b.currency:
        return a.amount, b.amount
    if a.equivalent is not None and a.equivalent.currency == b.currency:
        return a.equivalent.amount, b.amount
    if b.equivalent is not None and b.equivalent.currency == a.currency:
        return a.amount, b.equivalent.amount
    return None


def _stale_rumour(new: Fact, old: Fact, apart: int | None) -> bool:
    """Talk of a raise looks ahead: the same amount rumoured more than a year after an earlier rumour or
    round ("plans to raise EUR 40M" in 2021, after the 2019 rumour and the 2019 round of about that
    size) is talk of a new deal, not a re-report of the old one."""
    return (
        new.status == "rumoured" and new.context == "main" and apart is not None and apart > EVENT_WINDOW_DAYS
    )


def _another_round_later(new: Fact, old: Fact, apart: int | None) -> bool:
    """``new`` is told as the news more than a year after ``old``, both as exact figures that one currency
    shows to differ by more than rounding (``RESTATED_GAP``): two rounds, not a recap of one."""
    if new.context != "main" or apart is None or apart <= EVENT_WINDOW_DAYS:
        return False
    if any(f.approx or f.bound is not None for f in (new, old)):
        return False
    gap = _direct_gap(new, old)
    return gap is not None and gap > RESTATED_GAP


class _Comparer:
    def __init__(self, base_currency: str, rates: Mapping[str, Decimal], min_change: Decimal):
        self.base = base_currency
        self.rates = rates
        self.min_change = min_change

    def base_amount(self, fact: Fact) -> Decimal | None:
        return convert(fact.money, self.base, self.rates)

    def gap(self, a: Fact, b: Fact) -> Decimal | None:
        """Relative difference of two amounts, using a stated equivalent when it avoids a conversion."""
        direct = _direct_gap(a, b)
        if direct is not None:
            return direct
        ax, bx = self.base_amount(a), self.base_amount(b)
        if ax is None or bx is None:
            return None
        return _relative_gap(ax, bx)

    def tolerance(self, kind: str) -> Decimal:
        return ROUND_TOLERANCE if kind == "funding_round" else max(self.min_change, Decimal("0.02"))

    def larger(self, a: Fact, b: Fact) -> bool:
        """``a`` is materially larger than ``b`` (beyond the tolerance of its kind)."""
        x, y = self.base_amount(a), self.base_amount(b)
        return x is not None and y is not None and x > y * (1 + self.tolerance(a.kind))

    def moved_less(self, new: Fact, current: Fact) -> bool:
        """Whether the valuation ``new`` moved less than ``min_change`` from ``current``, measured as a part
        of the current value (10 to 11 is a 10 % rise), in one currency where the facts allow it."""
        amounts = _in_one_currency(new, current) or (self.base_amount(new), self.base_amount(current))
        x, y = amounts
        if x is None or y is None or y <= 0:
            return False
        return abs(x - y) < self.tolerance(new.kind) * y

    def close(self, a: Fact, b: Fact) -> bool:
        gap = self.gap(a, b)
        return gap is not None and gap <= self.tolerance(a.kind)

    def same_figure(self, a: Fact, b: Fact) -> bool:
        """``a`` states ``b``'s figure again: equal within 2 % when both are in one currency (or one gives
        the other's as its equivalent); across a conversion, within the kind's tolerance."""
        direct = _direct_gap(a, b)
        if direct is not None:
            return direct <= RESTATED_GAP
        gap = self.gap(a, b)
        return gap is not None and gap <= self.tolerance(a.kind)

    def same_event(self, new: Fact, period: str | None, known: KnownFact) -> bool:
        old = known.fact
        if old.kind != new.kind:
            return False
        apart = days_apart(period, known.period)
        if new.kind == "funding_round" and new.round and old.round:
            if new.round != old.round:
                return False
            # One company has one "Series C": the same name and amount is the same round at any age.
            if self.close(new, old):
                return True
            return apart is not None and apart <= CORRECTION_WINDOW_DAYS
        if new.kind == "funding_round" and _stale_rumour(new, old, apart):
            return False
        if new.kind == "funding_round":
            # No window for a round's amount: a recap restating an old round is far more common
            # than two rounds of the same size, and a round's own date is rarely in the text. But a
            # recap states the figure as it was told; an exact figure in the same currency that differs
            # from it, read as the news over a year later, is another round ($90M two years after
            # $80M).
            return self.close(new, old) and not _another_round_later(new, old, apart)
        # A valuation is a point in time: equal figures years apart are two facts. A restatement matches
        # the figure it restates at any age; a figure only ever restated is no match for news years on
        # (a tender offer three years on is not the talks a recap once recalled at a close figure).
        recent = apart is None or apart <= EVENT_WINDOW_DAYS
        return self.close(new, old) and (new.context == "background" or recent)

    def implausible(self, fact: Fact, document: Sequence[Fact]) -> str | None:
        if fact.kind not in _ALERTED_KINDS and fact.kind != "total_raised":
            return None
        amount = self.base_amount(fact)
        if amount is None:
            amount = fact.amount
        if amount < MIN_AMOUNT_EUR:
            return f"{fact.amount} {fact.currency} is below the equivalent of EUR 10,000"
        if amount > MAX_AMOUNT_EUR:
            return f"{fact.amount:.3E} {fact.currency} is beyond any real company"
        if fact.kind == "valuation" and fact.context == "main":
            for other in document:
                if other.kind != "funding_round" or other.context != "main" or other.status != fact.status:
                    continue
                round_amount = self.base_amount(other)
                if round_amount is not None and round_amount > amount * Decimal("1.02"):
                    return f"valuation {fact.amount} {fact.currency} is below the round it comes with"
        return None


def _best(matches: Sequence[KnownFact]) -> KnownFact:
    """The event head a new mention belongs to: confirmed over rumoured, then the latest, best supported."""
    confirmed = [m for m in matches if m.fact.status != "rumoured"]
    return max(confirmed or matches, key=lambda k: (happened(k), k.sources, k.id or 0))


def _recalled_before_told(fact: Fact, period: str | None, known: KnownFact) -> bool:
    """A figure first read as a recap the days the news came out ("its last round, in March, of
    $35M" beside "Quaxi raised $35M") is not yet known as news: the news is still a change, as it
    is when it happens to be read first. Recaps in the seeds are known."""
    if fact.context != "main" or known.fact.context != "background" or known.baseline:
        return False
    apart = days_apart(period, known.period)
    return apart is not None and apart <= SAME_EVENT_DAYS


def _history_reason(cmp: _Comparer, fact: Fact, period: str | None, latest: KnownFact | None) -> str | None:
    if fact.context == "background":
        return "restates an earlier fact (background)"
    if latest is None:
        return None
    if period_before(period, happened(latest)):
        return f"dated {period}, before the latest known {fact.kind} ({latest.period})"
    # A rumour from the day of an announcement is talk of that deal unless it is materially bigger.
    rumour = fact.status == "rumoured"
    if rumour and not_after(period, happened(latest)) and not cmp.larger(fact, latest.fact):
        return f"a rumour not newer than the confirmed {fact.kind} of {latest.period}"
    return None


def _decide_one(
    cmp: _Comparer,
    fact: Fact,
    pool: Sequence[KnownFact],
    period: str | None,
    document: Sequence[Fact],
    state_of: Callable[[], EntityState],
) -> tuple[Outcome, KnownFact | None, str]:
    """The rule that applies to one fact: (outcome, the known fact it relates to, why).
    ``state_of`` gives ``current_state(pool)``, computed once for as long as the pool is unchanged."""
    why = cmp.implausible(fact, document)
    if why is not None:
        return "implausible", None, why
    if fact.kind == "investment":
        return "evidence", None, "one investor's ticket: evidence of a round, not its size"
    state = state_of()
    # A rumour that a later confirmed figure overtook is closed: confirming it is no news.
    closed = {id(k) for k in pool if k.fact.status == "rumoured"} - {id(r) for r in state.rumours}
    latest_kind = state.latest(fact.kind)
    # A rumour dated after the deal that closed an earlier rumour of the same size is talk of a new deal:
    # "plans to raise EUR 40M" in 2021 is not the 2019 rumour that the 2019 round overtook.
    talk_after_close = (
        fact.status == "rumoured"
        and latest_kind is not None
        and period is not None
        and bool(happened(latest_kind))
        and not not_after(period, happened(latest_kind))
    )
    matches = [
        k
        for k in pool
        if cmp.same_event(fact, period, k)
        and not (id(k) in closed and (fact.status != "rumoured" or talk_after_close))
        and not _recalled_before_told(fact, period, k)
    ]
    if matches:
        best = _best(matches)
        if best.id is None:
            return "duplicate", best, "repeats a fact of the same document"
        latest = state.latest(fact.kind)
        if (
            fact.kind in _ALERTED_KINDS
            and fact.status != "rumoured"
            and best.fact.status == "rumoured"
            # A rumour only ever recalled ("up from the value it was said to have") was no news:
            # confirming it is none either.
            and best.fact.context == "main"
            and not (latest is not None and period_before(period, happened(latest)))
        ):
            return "confirmation", best, f"confirms the rumour #{best.id}"
        if not cmp.close(fact, best.fact):
            return "conflict", best, f"same round as fact #{best.id} with a materially different amount"
        return "corroborates", best, f"re-reports fact #{best.id}"
    if fact.kind == "total_raised":
        return "context", None, "a total raised to date is context, never an alert"
    latest = state.latest(fact.kind)
    history = _history_reason(cmp, fact, period, latest)
    if history is not None:
        return "history", latest, history
    if fact.kind == "valuation" and latest is not None and cmp.moved_less(fact, latest.fact):
        return "corroborates", latest, f"within {cmp.min_change:.0%} of the current valuation"
    if fact.kind == "valuation" and latest is not None and not cmp.larger(fact, latest.fact):
        # Below the current value and equal to an older one: an unmarked recap, not a down round.
        # Only the same figure: "valued at EUR 2.1bn" four years after "EUR 2bn" is a new, lower value.
        older = [
            k
            for k in pool
            if k.fact.kind == "valuation" and k.id is not None and cmp.same_figure(fact, k.fact)
        ]
        if older:
            return "history", older[-1], f"restates the older valuation #{older[-1].id}, below the current"
    return "change", latest, "new to what is known"


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
    held: Callable[[Change], str | None] | None = None,
) -> list[Decision]:
    """Decide, for each fact of one document, in order, what it means against ``known``.

    ``known`` must hold the entity's event heads that a decision can need: the current
    state's facts and every head a new fact may match (same kind, close amount or name).
    ``held`` says why a change will wait for corroboration (None when it stands): such a fact is
    no measure for the document's next facts, as it is none for the next documents'.
    """
    cmp = _Comparer(base_currency, rates, min_change)
    pool = list(known)
    decisions: list[Decision] = []
    states: dict[int, EntityState] = {}  # the pool's state, by the pool's size (it only grows)

    def state_of() -> EntityState:
        size = len(pool)
        if size not in states:
            states.clear()
            states[size] = current_state(pool)
        return states[size]

    for fact in facts:
        outcome, related, note = _decide_one(cmp, fact, pool, period, facts, state_of)
        change: Change | None = None
        corroborates = related.id if outcome in ("corroborates", "conflict") and related else None
        if outcome in ("change", "confirmation"):
            kind = "status_change" if outcome == "confirmation" else _CHANGE_KIND[fact.kind]
            change = _change(cmp, kind, fact, related, entity, period, url, title, now)
        why_held = held(change) if change is not None and held is not None else None
        decisions.append(Decision(fact, outcome, corroborates, change, note, why_held))
        if outcome in ("change", "confirmation", "history", "context") and why_held is None:
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
        if amount is None:
            return None
        try:
            return Money(amount.quantize(Decimal(1)), cmp.base, f.approx)
        except decimal.DecimalException:
            return None

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


# -- events: the figure most sources give ------------------------------------------


@dataclass(frozen=True)
class Mention:
    """One report of an event: the fact and where it was read."""

    fact: Fact
    period: str | None
    url: str
    title: str


def event_figure(
    mentions: Sequence[Mention], *, base_currency: str, rates: Mapping[str, Decimal], min_change: Decimal
) -> Mention:
    """The best supported figure among an event's mentions, whatever order they were read in.

    Mentions within tolerance of each other form a cluster; the cluster reported by the most
    documents wins, then the most confident. Inside it, a mention in the base currency, then the
    most confident, naming the round and its leads, is the representative. Ties fall to content,
    never to order.
    """
    cmp = _Comparer(base_currency, rates, min_change)
    # An event read hundreds of times states a handful of figures: cluster once per figure.
    figures: dict[tuple[object, ...], tuple[int, float]] = {}

    def support(m: Mention) -> tuple[int, float]:
        f = m.fact
        key = (f.kind, f.amount, f.currency, f.equivalent)
        if key not in figures:
            peers = [o for o in mentions if cmp.close(f, o.fact)]
            figures[key] = (len({o.url for o in peers}), max(o.fact.confidence for o in peers))
        return figures[key]

    def completeness(m: Mention) -> tuple[bool, bool, float, bool, int, bool, str, str]:
        f = m.fact
        # The news over a recap of it: an alert points to the article that told it, not to one that
        # recalled it months later. Then the base currency: within one figure it is presentation, and
        # it keeps the figure the same whichever of its mentions a cycle happened to have read.
        return (
            f.context == "main",
            f.currency == base_currency,
            f.confidence,
            f.round is not None,
            len(f.lead_investors) + len(f.investors),
            not f.approx,
            f.evidence,
            m.url,
        )

    best_support = max(support(m) for m in mentions)
    return max((m for m in mentions if support(m) == best_support), key=completeness)


def correction(
    alerted: Change,
    figure: Mention,
    *,
    base_currency: str,
    rates: Mapping[str, Decimal],
    min_change: Decimal,
    now: datetime,
) -> Change | None:
    """A correction of ``alerted`` when the event's best supported figure moved materially from it."""
    cmp = _Comparer(base_currency, rates, min_change)
    shown = Fact(kind=alerted.fact_kind, amount=alerted.new.amount, currency=alerted.new.currency)
    if cmp.close(figure.fact, shown):
        return None
    assert alerted.id is not None
    fixed = _change(
        cmp,
        "correction",
        figure.fact,
        KnownFact(None, shown, alerted.new_date),
        alerted.entity,
        figure.period,
        figure.url,
        figure.title,
        now,
    )
    return replace(fixed, status=figure.fact.status, corrects=alerted.id)
