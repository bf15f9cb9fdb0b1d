"""The diff rules on plain values: what is a change, a re-report, or history."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from watcher.diff import KnownFact, convert, diff_against_known, period_before
from watcher.models import Fact, Money
from watcher.settings import DEFAULT_RATES_PER_EUR

NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
B = Decimal("1e9")
M = Decimal("1e6")


def val(amount: Decimal, currency: str = "EUR", **kw: object) -> Fact:
    return Fact(kind="valuation", amount=amount, currency=currency, evidence="v", **kw)  # type: ignore[arg-type]


def rnd(amount: Decimal, currency: str = "EUR", round_: str | None = None, **kw: object) -> Fact:
    return Fact(kind="funding_round", amount=amount, currency=currency, round=round_, evidence="r", **kw)  # type: ignore[arg-type]


# What the seeds establish for Mistral AI, in short.
BASELINE = [
    KnownFact(1, rnd(Decimal(112) * M, "USD", "seed"), "2023-06"),
    KnownFact(2, rnd(Decimal(385) * M, "EUR", "series_a"), "2023-12"),
    KnownFact(3, val(Decimal(2) * B, "USD", approx=True), "2023-12"),
    KnownFact(4, rnd(Decimal(600) * M, "EUR"), "2024-06"),
    KnownFact(5, val(Decimal("6.2") * B, "USD"), "2024-06"),
]


def decide(facts: list[Fact], period: str | None = "2025-09-09", known: list[KnownFact] | None = None):  # type: ignore[no-untyped-def]
    return diff_against_known(
        facts,
        BASELINE if known is None else known,
        entity="Mistral AI",
        period=period,
        url="https://news.example/a",
        title="A title",
        now=NOW,
        base_currency="EUR",
        rates=DEFAULT_RATES_PER_EUR,
        min_change=Decimal("0.10"),
    )


def test_new_valuation_is_a_change_with_old_and_base_values() -> None:
    [d] = decide([val(Decimal("11.7") * B)])
    assert d.change is not None
    assert d.change.kind == "valuation_change"
    assert d.change.old == Money(Decimal("6.2") * B, "USD")
    assert d.change.old_date == "2024-06"
    assert d.change.new == Money(Decimal("11.7") * B, "EUR")
    assert d.change.new_base is not None and d.change.new_base.amount == Decimal("11.7") * B
    assert d.change.old_base is not None and d.change.old_base.currency == "EUR"
    assert d.change.old_base.amount < Decimal("6.2") * B  # dollars are worth less than euros here
    assert d.change.url == "https://news.example/a"


def test_new_round_is_a_change() -> None:
    [d] = decide([rnd(Decimal("1.7") * B, "EUR", "series_c", lead_investors=("ASML",))])
    assert d.change is not None and d.change.kind == "new_round"
    assert d.change.round == "series_c"
    assert d.change.lead_investors == ("ASML",)
    assert d.corroborates is None


@pytest.mark.parametrize(
    "fact",
    [
        val(Decimal("6.2") * B, "USD"),  # same figure, same currency
        val(Decimal("6") * B, "EUR", approx=True),  # the same valuation reported in euros
        val(Decimal("5.8") * B, "EUR"),  # a conversion at another rate
        rnd(Decimal(600) * M, "EUR"),
        rnd(Decimal(640) * M, "USD"),  # the 600 M EUR round reported in dollars
        rnd(Decimal(385) * M, "EUR", "series_a"),
        rnd(Decimal(415) * M, "USD", "series_a"),
    ],
)
def test_re_reports_corroborate_and_do_not_change(fact: Fact) -> None:
    [d] = decide([fact])
    assert d.change is None
    assert d.corroborates is not None


def test_recap_of_old_valuation_marked_background_corroborates_the_old_fact() -> None:
    [d] = decide([val(Decimal(2) * B, "USD", context="background")], period="2025-09-01")
    assert d.change is None and d.corroborates == 3


def test_unmarked_recap_of_an_older_lower_valuation_is_history_not_a_drop() -> None:
    [d] = decide([val(Decimal(2) * B, "USD")], period="2025-09-01")
    assert d.change is None and d.outcome == "history"


def test_valuation_years_later_is_compared_with_the_current_state_not_an_old_match() -> None:
    # 2bn (2023), then 6.2bn (2024); a 2026 figure of 6.3bn is the current value (no change), and a
    # 2026 figure equal to 2023's earlier 9bn is news even though such a figure was once known.
    known = [*BASELINE, KnownFact(8, val(Decimal(9) * B, "USD"), "2022-01")]
    [same] = decide([val(Decimal("6.3") * B, "USD")], period="2026-03-01", known=known)
    assert same.change is None and same.corroborates == 5
    [up] = decide([val(Decimal(9) * B, "USD")], period="2026-03-01", known=known)
    assert up.change is not None and up.change.kind == "valuation_change"
    assert up.change.old == Money(Decimal("6.2") * B, "USD")


def test_small_valuation_move_below_threshold_is_not_a_change() -> None:
    [d] = decide([val(Decimal("6.5") * B, "USD")])
    assert d.change is None and d.corroborates == 5


def test_rumour_is_a_change_then_confirmation_is_a_status_change() -> None:
    [d1] = decide([val(Decimal(14) * B, "USD", status="rumoured")])
    assert d1.change is not None and d1.change.status == "rumoured"
    known = [*BASELINE, KnownFact(10, d1.fact, "2025-09-09")]
    [d2] = decide([val(Decimal(14) * B, "USD", status="announced")], period="2025-09-20", known=known)
    assert d2.change is not None
    assert d2.change.kind == "status_change"
    assert d2.change.old_status == "rumoured" and d2.change.status == "announced"
    # A second rumour of the same figure is only a corroboration.
    [d3] = decide([val(Decimal(14) * B, "USD", status="rumoured")], known=known)
    assert d3.change is None and d3.corroborates == 10


def test_announced_then_rumoured_same_figure_is_not_a_change() -> None:
    known = [*BASELINE, KnownFact(10, val(Decimal(14) * B, "USD"), "2025-09-01")]
    [d] = decide([val(Decimal(14) * B, "USD", status="rumoured")], known=known)
    assert d.change is None and d.corroborates == 10


def test_older_document_never_becomes_current_value() -> None:
    [d] = decide([val(Decimal(1) * B, "USD")], period="2023-09")
    assert d.change is None and d.corroborates is None


def test_background_fact_not_larger_than_known_is_history() -> None:
    [d] = decide([rnd(Decimal(105) * M, "EUR", "pre_seed", context="background")])
    assert d.change is None


def test_background_fact_is_never_alerted_even_when_larger() -> None:
    # Issue 8: a restated earlier fact is history; alerting it would be a false alert on old news.
    [d] = decide([val(Decimal(11) * B, "EUR", context="background")])
    assert d.change is None and d.outcome == "history"


def test_same_fact_twice_in_one_document_is_one_change() -> None:
    d1, d2 = decide([val(Decimal("11.7") * B), val(Decimal("11.7") * B)])
    assert d1.change is not None
    assert d2.duplicate and d2.change is None


def test_rounds_with_different_names_are_different() -> None:
    known = [k for k in BASELINE if k.id != 4] + [
        KnownFact(9, rnd(Decimal(600) * M, "EUR", "series_b"), "2024-06")
    ]
    [d] = decide([rnd(Decimal(600) * M, "EUR", "series_c")], known=known)
    assert d.change is not None and d.change.kind == "new_round"


def test_old_round_restated_a_year_later_is_a_re_report() -> None:
    [d] = decide([rnd(Decimal(600) * M, "EUR")], period="2026-06-01")
    assert d.change is None and d.corroborates == 4


def test_first_fact_ever_has_no_old_value() -> None:
    [d] = decide([val(Decimal(2) * B, "USD")], known=[])
    assert d.change is not None and d.change.old is None


def test_equivalent_avoids_conversion_error() -> None:
    known = [KnownFact(1, rnd(Decimal(415) * M, "USD"), "2023-12")]
    fact = rnd(Decimal(385) * M, "EUR", equivalent=Money(Decimal(415) * M, "USD"))
    [d] = decide([fact], period="2023-12", known=known)
    assert d.corroborates == 1


@pytest.mark.parametrize(
    ("a", "b", "before"),
    [
        ("2023-12", "2024-06", True),
        ("2024-06-11", "2024-06", False),
        ("2024-05-30", "2024-06", True),
        (None, "2024-06", False),
        ("2025", "2024-06", False),
    ],
)
def test_period_before(a: str | None, b: str | None, before: bool) -> None:
    assert period_before(a, b) is before


def test_convert() -> None:
    rates = {"EUR": Decimal(1), "USD": Decimal("1.25")}
    assert convert(Money(Decimal(125), "USD"), "EUR", rates) == Decimal(100)
    assert convert(Money(Decimal(100), "EUR"), "USD", rates) == Decimal(125)
    assert convert(Money(Decimal(1), "XYZ"), "EUR", rates) is None


def test_announcement_is_compared_with_last_confirmed_value_not_a_rumour() -> None:
    rumour = KnownFact(10, val(Decimal(20) * B, "EUR", status="rumoured"), "2025-08-01")
    [d] = decide([val(Decimal("11.7") * B, "EUR")], known=[*BASELINE, rumour])
    assert d.change is not None and d.change.kind == "valuation_change"
    assert d.change.old == Money(Decimal("6.2") * B, "USD")


# --------------------------------------------------------------------------- restatements and stale talk
# A company's valuation history for the cases below (invented): EUR 2bn in 2019, EUR 2.6bn in 2022.
LISTED = [
    KnownFact(1, val(Decimal(2) * B), "2019-05"),
    KnownFact(2, val(Decimal("2.6") * B), "2022-03"),
]


@pytest.mark.parametrize(
    ("amount", "outcome"),
    [
        (Decimal("2.1") * B, "change"),  # 5 % off the 2019 figure: a new, lower value
        (Decimal("2.02") * B, "history"),  # the 2019 figure again, rounded: a recap
        (Decimal(2) * B, "history"),
    ],
)
def test_a_lower_valuation_is_a_recap_only_when_it_states_an_older_figure(
    amount: Decimal, outcome: str
) -> None:
    [d] = decide([val(amount)], period="2023-10", known=LISTED)
    assert d.outcome == outcome, d.note


def test_a_recap_in_another_currency_keeps_the_kinds_tolerance() -> None:
    # USD 2.2bn is about EUR 2bn: without a stated equivalent the conversion itself is a few per cent off.
    [d] = decide([val(Decimal("2.2") * B, "USD")], period="2023-10", known=LISTED)
    assert d.outcome == "history", d.note


ROUND_2019 = [KnownFact(1, rnd(Decimal(40) * M, "USD"), "2019-03")]


def test_a_rumour_years_after_a_round_of_about_its_size_is_new_talk() -> None:
    [d] = decide([rnd(Decimal(40) * M, status="rumoured")], period="2021-09", known=ROUND_2019)
    assert d.outcome == "change", d.note
    assert d.change is not None and d.change.status == "rumoured"


@pytest.mark.parametrize(
    ("status", "context", "period"),
    [
        ("announced", "main", "2021-09"),  # a round of that size stated as done: the old round again
        ("rumoured", "background", "2021-09"),  # a recap of old talk
        ("rumoured", "main", "2019-11"),  # within a year: talk of the same deal
    ],
)
def test_the_same_size_round_otherwise_re_reports_the_known_one(
    status: str, context: str, period: str
) -> None:
    fact = rnd(Decimal(40) * M, status=status, context=context)
    [d] = decide([fact], period=period, known=ROUND_2019)
    assert d.outcome in ("corroborates", "history"), d.note
    assert d.change is None


@pytest.mark.parametrize(
    ("amount", "approx", "period", "outcome"),
    [
        (Decimal(36), False, "2021-09", "change"),  # exact, 10 % off, two years on: another round
        (Decimal(36), True, "2021-09", "corroborates"),  # "about $36M": may be the old round, rounded
        (Decimal("40.5"), False, "2021-09", "corroborates"),  # within rounding of the old figure
        (Decimal(36), False, "2019-11", "corroborates"),  # within a year: the same round, told otherwise
    ],
)
def test_an_exact_round_years_after_a_known_one_of_another_size_is_a_new_round(
    amount: Decimal, approx: bool, period: str, outcome: str
) -> None:
    fact = rnd(amount * M, "USD", approx=approx)
    [d] = decide([fact], period=period, known=ROUND_2019)
    assert d.outcome == outcome, d.note
