"""One misread figure must not decide the figures after it: a fall to a tenth waits at any age, a
held valuation measures nothing, a figure only ever recalled is no event for news years later, and
a recalled rumour is not confirmed."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from watcher.diff import KnownFact, Mention, diff_against_known, event_figure
from watcher.models import Change, Fact, Money
from watcher.plausible import oversized_round, valuation_jump
from watcher.settings import DEFAULT_RATES_PER_EUR

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
B = Decimal("1e9")
M = Decimal("1e6")


def val(amount: Decimal, status: str = "announced", context: str = "main") -> Fact:
    return Fact("valuation", amount, "USD", status=status, context=context, evidence="v")


def rnd(amount: Decimal, status: str = "announced", context: str = "main") -> Fact:
    return Fact("funding_round", amount, "USD", status=status, context=context, evidence="r")


def decide(facts: list[Fact], known: list[KnownFact], period: str, held: bool = False):  # type: ignore[no-untyped-def]
    return diff_against_known(
        facts,
        known,
        entity="Quaxi",
        period=period,
        url="https://news.example/q",
        title="Quaxi",
        now=NOW,
        base_currency="USD",
        rates=DEFAULT_RATES_PER_EUR,
        min_change=Decimal("0.10"),
        held=valuation_jump if held else None,
    )


def _valuation_change(new: Decimal, old: Decimal, new_date: str, old_date: str) -> Change:
    return Change(
        "Quaxi",
        "valuation_change",
        "announced",
        Money(new, "USD"),
        NOW,
        fact_kind="valuation",
        new_date=new_date,
        new_base=Money(new, "USD"),
        old=Money(old, "USD"),
        old_date=old_date,
        old_base=Money(old, "USD"),
    )


@pytest.mark.parametrize(
    ("new", "old", "new_date", "old_date", "held"),
    [
        (Decimal(300) * M, Decimal(40) * B, "2023-01", "2021-03", True),  # a tenth, two years on: still held
        (Decimal(300) * M, Decimal(40) * B, "2021-05", "2021-03", True),
        (Decimal(90) * B, Decimal(6) * B, "2021-05", "2021-03", True),  # fifteen times within a year
        (Decimal(90) * B, Decimal(6) * B, "2024-05", "2021-03", False),  # ... over three years: growth
        (Decimal(1500) * B, Decimal(3) * B, "2024-05", "2020-03", True),  # a hundredfold: at any age
        (Decimal(21) * B, Decimal(40) * B, "2023-03", "2021-03", False),  # a deep down round stands
        (Decimal(12) * B, Decimal(6) * B, "2021-05", "2021-03", False),
    ],
)
def test_a_fall_to_a_tenth_waits_at_any_age_a_rise_within_a_year_or_a_hundredfold(
    new: Decimal, old: Decimal, new_date: str, old_date: str, held: bool
) -> None:
    why = valuation_jump(_valuation_change(new, old, new_date, old_date))
    assert (why is not None) == held
    if why is not None and new < old:
        assert "fall" in why


PEAK = [KnownFact(1, val(Decimal(40) * B), "2021-03")]


def test_a_held_valuation_is_no_measure_for_the_rest_of_its_document() -> None:
    # Millions misread for the value, then the talks of the same article at 28bn.
    misread, talks = val(Decimal(300) * M), val(Decimal(28) * B, status="rumoured")
    first, second = decide([misread, talks], PEAK, "2023-01-15", held=True)
    assert first.change is not None and valuation_jump(first.change) is not None
    assert second.change is not None and second.change.kind == "valuation_change"
    assert second.change.old == Money(Decimal(40) * B, "USD")
    assert valuation_jump(second.change) is None
    # Without the hold, the misread figure would have been the measure of the next one.
    _, measured = decide([misread, talks], PEAK, "2023-01-15")
    assert measured.change is not None and measured.change.old == Money(Decimal(300) * M, "USD")


def test_news_years_after_a_figure_only_recalled_is_measured_against_the_current_value() -> None:
    known = [
        KnownFact(1, val(Decimal(40) * B), "2021-03"),
        KnownFact(2, val(Decimal(28) * B, context="background"), "2021-03"),  # "talks at 28bn" recalled
        KnownFact(3, val(Decimal(21) * B), "2023-03"),
    ]
    [tender] = decide([val(Decimal(26) * B)], known, "2024-02-28")
    assert tender.change is not None and tender.change.old == Money(Decimal(21) * B, "USD")
    # A recap of it stays a recap, at any age.
    [recap] = decide([val(Decimal(28) * B, context="background")], known, "2024-02-28")
    assert recap.change is None and recap.corroborates == 2


def test_a_rumour_only_ever_recalled_is_not_confirmed() -> None:
    recalled = val(Decimal(48) * B, status="rumoured", context="background")
    known = [KnownFact(1, val(Decimal(41) * B), "2025-03"), KnownFact(2, recalled, "2025-12-19")]
    [d] = decide([val(Decimal(48) * B)], known, "2026-02-26")
    assert d.change is None and d.corroborates == 2
    # Recalled the same weeks, it is not known yet: the figure is news, but no confirmation.
    [fresh] = decide([val(Decimal(48) * B)], [known[0], KnownFact(2, recalled, "2026-02-19")], "2026-02-26")
    assert fresh.change is not None and fresh.change.kind == "valuation_change"
    # A rumour that was news is confirmed as before.
    talked = [known[0], KnownFact(2, val(Decimal(48) * B, status="rumoured"), "2026-02-19")]
    [confirmed] = decide([val(Decimal(48) * B)], talked, "2026-02-26")
    assert confirmed.change is not None and confirmed.change.kind == "status_change"


def test_a_rumoured_round_is_not_measured_by_an_announced_value_of_its_document() -> None:
    talks = Change(
        "Quaxi", "new_round", "rumoured", Money(Decimal(2) * B, "USD"), NOW, fact_kind="funding_round"
    )
    document = [
        val(Decimal(300) * M),
        val(Decimal(28) * B, status="rumoured"),
        rnd(Decimal(2) * B, "rumoured"),
    ]
    assert oversized_round(talks, document, PEAK, DEFAULT_RATES_PER_EUR) is None
    alone = [val(Decimal(1) * B, status="rumoured"), rnd(Decimal(2) * B, "rumoured")]
    why = oversized_round(talks, alone, PEAK, DEFAULT_RATES_PER_EUR)
    assert why is not None and "valuation it comes with" in why


def test_news_read_after_its_own_recap_is_still_news() -> None:
    """The recap of a round ("its last round, in March, of $35M") and the news of it come out the
    same weeks: whichever is read first, the round is alerted once."""
    known = [KnownFact(1, rnd(Decimal(12) * M), "2014-01")]
    recap, news = rnd(Decimal(35) * M, context="background"), rnd(Decimal(35) * M)
    [first] = decide([recap], known, "2016-12-10")
    assert first.change is None
    [second] = decide([news], [*known, KnownFact(2, recap, "2016-12-10")], "2016-12-15")
    assert second.change is not None and second.change.kind == "new_round"
    # News first, recap after: the recap re-reports it.
    [again] = decide([recap], [*known, KnownFact(2, news, "2016-12-15")], "2016-12-20")
    assert again.change is None and again.corroborates == 2
    # A recap in the seeds is known, and one read months earlier made the round old news.
    seeded = KnownFact(2, recap, "2016-12-10", baseline=True)
    [from_seeds] = decide([news], [*known, seeded], "2016-12-15")
    assert from_seeds.change is None
    [months_on] = decide([news], [*known, KnownFact(2, recap, "2016-06-10")], "2016-12-15")
    assert months_on.change is None


def test_an_event_is_told_by_its_news_not_by_a_later_recap() -> None:
    """Two mentions of one round, equally supported: the alert points to the article that told it."""
    news = Mention(rnd(Decimal(120) * M), "2024-03-05", "https://news.example/round", "Quaxi raises $120M")
    recap = Mention(
        Fact("funding_round", Decimal(90) * M, "GBP", context="background", evidence="r"),
        "2024-10-15",
        "https://news.example/sale",
        "Quaxi staff sell shares",
    )
    for mentions in ([news, recap], [recap, news]):
        told = event_figure(
            mentions, base_currency="EUR", rates=DEFAULT_RATES_PER_EUR, min_change=Decimal("0.1")
        )
        assert told.url == "https://news.example/round"


@pytest.mark.parametrize(
    ("new", "outcome"),
    [
        (Decimal(11) * B, "change"),  # 10 to 11: a 10 % rise, min_change reached
        (Decimal(9) * B, "change"),  # 10 to 9: a 10 % fall
        (Decimal("10.6") * B, "corroborates"),  # 6 %: the same value, rounded or converted
        (Decimal("9.5") * B, "corroborates"),
    ],
)
def test_min_change_is_measured_against_the_current_value(new: Decimal, outcome: str) -> None:
    current = [KnownFact(1, val(Decimal(10) * B), "2021-10")]
    [decision] = decide([val(new)], current, "2025-12")
    assert decision.outcome == outcome
