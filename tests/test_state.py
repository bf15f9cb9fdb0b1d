"""The one current state on plain values (issue 18, item 1): which figure stands for an event.

Among the figures of one event: announced before reported before rumoured, then the number of
sources, then confidence; a pre-money figure never stands when a post-money one exists. A later
event still wins over a better established earlier one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from watcher.history import entity_state, plot_panels, timeline
from watcher.models import Change, Entity, Fact, Money
from watcher.settings import DEFAULT_RATES_PER_EUR, Settings
from watcher.state import KnownFact, contested, current_state, latest_of, same_moment
from watcher.status import collect_status
from watcher.store import NewDocument, Store

B = Decimal("1e9")


def val(amount: str, status: str = "announced", confidence: float = 0.9, basis: str | None = None) -> Fact:
    return Fact(
        kind="valuation",
        amount=Decimal(amount) * B,
        currency="EUR",
        status=status,
        confidence=confidence,
        basis=basis,
        evidence="v",
    )


def rnd(amount: str, status: str = "announced", confidence: float = 0.9) -> Fact:
    return Fact(
        kind="funding_round", amount=Decimal(amount) * B, currency="EUR", status=status, confidence=confidence
    )


def test_announced_stands_before_reported_on_one_date_whatever_the_confidence() -> None:
    known = [
        KnownFact(1, val("10", "reported", confidence=0.95), "2025-09-09"),
        KnownFact(2, val("11.7", "announced", confidence=0.6), "2025-09-09"),
    ]
    assert current_state(known).valuation == known[1]


def test_announced_stands_before_a_press_figure_a_few_days_later() -> None:
    announced = KnownFact(1, val("11.7", "announced"), "2025-09-09")
    later_report = KnownFact(2, val("12", "reported", confidence=0.95), "2025-09-12")
    assert current_state([announced, later_report]).valuation == announced
    assert same_moment(announced, later_report)


def test_reported_stands_before_rumoured_among_all_figures() -> None:
    known = [
        KnownFact(1, rnd("2", "rumoured", confidence=0.99), "2025-09-01"),
        KnownFact(2, rnd("1.7", "reported", confidence=0.5), "2025-09-01"),
    ]
    assert latest_of(known, "funding_round", confirmed=False) == known[1]


def test_more_sources_stand_before_more_confidence() -> None:
    one = KnownFact(1, val("10", "announced", confidence=0.99), "2025-09-09", sources=1)
    many = KnownFact(2, val("11.7", "announced", confidence=0.7), "2025-09-09", sources=11)
    assert current_state([one, many]).valuation == many
    assert current_state([many, one]).valuation == many


def test_confidence_decides_between_equally_sourced_figures() -> None:
    sure = KnownFact(1, val("11.7", confidence=0.9), "2025-09-09", sources=3)
    unsure = KnownFact(2, val("10", confidence=0.6), "2025-09-09", sources=3)
    assert current_state([unsure, sure]).valuation == sure


def test_a_pre_money_figure_never_stands_when_a_post_money_one_exists() -> None:
    pre = KnownFact(1, val("10", "announced", confidence=0.99, basis="pre_money"), "2025-09-09", sources=9)
    post = KnownFact(2, val("11.7", "reported", confidence=0.6), "2025-09-10", sources=1)
    assert current_state([pre, post]).valuation == post
    # Alone, a pre-money figure is what is known.
    assert current_state([pre]).valuation == pre


def test_the_issue_case_the_announced_post_money_figure_with_eleven_sources() -> None:
    """Mistral AI, September 2025: "EUR 10bn, reported, 1 source" stood for the valuation."""
    previous = KnownFact(1, val("5.8"), "2024-06")
    pre = KnownFact(2, val("10", "reported", confidence=0.95, basis="pre_money"), "2025-09-09", sources=1)
    post = KnownFact(3, val("11.7", "announced", confidence=0.8), "2025-09-09", sources=11)
    state = current_state([previous, pre, post])
    assert state.valuation == post
    assert contested([previous, pre, post]) == []  # the pre-money figure is out of the running


def test_a_later_event_stands_even_if_the_earlier_is_better_established() -> None:
    old = KnownFact(1, val("11.7", "announced"), "2025-09-09", sources=30)
    new = KnownFact(2, val("14", "reported", confidence=0.6), "2026-03-01", sources=1)
    assert current_state([old, new]).valuation == new
    assert contested([old, new]) == []


def test_contested_names_the_figures_of_the_latest_event_only() -> None:
    known = [
        KnownFact(1, val("5.8"), "2024-06"),
        KnownFact(2, val("5.9"), "2024-06"),
        KnownFact(3, val("11.7"), "2025-09-09"),
        KnownFact(4, val("12", "reported"), "2025-09-20"),
        KnownFact(5, rnd("1.7"), "2025-09-09"),
    ]
    assert contested(known) == [3, 4]


def test_a_rumour_stays_open_until_a_confirmed_event_after_it() -> None:
    confirmed = KnownFact(1, val("11.7"), "2025-09-09")
    press = KnownFact(2, val("12", "reported"), "2025-09-20")
    rumour_between = KnownFact(3, val("20", "rumoured"), "2025-09-15")
    rumour_after = KnownFact(4, val("20", "rumoured"), "2026-06-01")
    state = current_state([confirmed, press, rumour_between, rumour_after])
    # The event's last figure closes the rumours before it, whichever figure stands for it.
    assert state.valuation == confirmed and state.rumours == (rumour_after,)


def test_status_history_and_plot_show_the_state_computed_from_a_real_store(tmp_path: Path) -> None:
    """One function reads the state from the store; status, history and the plot show it."""
    settings = Settings(
        config_path=tmp_path / "config.toml",
        db=tmp_path / "w.db",
        interval=900.0,
        base_currency="EUR",
        min_change=Decimal("0.10"),
        entities=(Entity("Mistral AI"),),
        feeds=(),
        rates=dict(DEFAULT_RATES_PER_EUR),
    )
    now = datetime(2025, 9, 12, tzinfo=UTC)
    with Store(settings.db) as store:
        entity = store.ensure_entity(Entity("Mistral AI"))

        def doc(n: int) -> int:
            url = f"https://news{n}.example/a"
            return store.add_document(NewDocument(url, f"t{n}", "2025-09-09", f"h{n}", "en", "feed"), now)

        pre = val("10", "reported", confidence=0.95, basis="pre_money")
        store.add_fact(entity, doc(1), pre, period="2025-09-09", baseline=False, now=now)
        post = val("11.7", "announced", confidence=0.7)
        head = store.add_fact(entity, doc(2), post, period="2025-09-09", baseline=False, now=now)
        for n in (3, 4):
            store.add_fact(
                entity, doc(n), post, period="2025-09-09", baseline=False, now=now, corroborates=head
            )
        state, by_id = entity_state(store, "Mistral AI")
        assert state.valuation is not None and state.valuation.id == head
        assert by_id[head].sources == 3
        [view] = collect_status(settings, store, now).entities
        assert view.latest_valuation is not None
        assert (view.latest_valuation.amount, view.latest_valuation.sources) == (Decimal("11.7") * B, 3)
        rows = timeline(settings, store, None, "valuation")
        assert [(r.fact.amount, r.current) for r in rows] == [
            (Decimal(10) * B, False),
            (Decimal("11.7") * B, True),
        ]
        [panel] = plot_panels(settings, rows, None, ("valuation",))
        assert [p.current for p in panel.points] == [False, True]


def test_status_shows_an_event_as_its_alert_stated_it_not_its_first_mention(tmp_path: Path) -> None:
    """The first article read gave the Series C in dollars; the alert (the figure most sources give,
    in the base currency) said EUR 11.7bn: status and history say what the alert said."""
    settings = Settings(
        config_path=tmp_path / "config.toml",
        db=tmp_path / "w.db",
        interval=900.0,
        base_currency="EUR",
        min_change=Decimal("0.10"),
        entities=(Entity("Mistral AI"),),
        feeds=(),
        rates=dict(DEFAULT_RATES_PER_EUR),
    )
    now = datetime(2025, 9, 12, tzinfo=UTC)
    with Store(settings.db) as store:
        entity = store.ensure_entity(Entity("Mistral AI"))
        doc = store.add_document(
            NewDocument("https://n.example/a", "t", "2025-09-09", "h", "en", "feed"), now
        )
        dollars = Fact(kind="valuation", amount=Decimal(14) * B, currency="USD", evidence="usd")
        head = store.add_fact(entity, doc, dollars, period="2025-09-09", baseline=False, now=now)
        said = Change(
            entity="Mistral AI",
            kind="valuation_change",
            status="announced",
            new=Money(Decimal("11.7") * B, "EUR"),
            round="series_c",
            detected_at=now,
            url="https://n.example/b",
            title="Series C",
        )
        change_id = store.add_change(entity, head, said, "EUR")
        [view] = collect_status(settings, store, now).entities
        assert view.latest_valuation is not None
        assert (view.latest_valuation.amount, view.latest_valuation.currency) == (Decimal("11.7") * B, "EUR")
        assert view.latest_valuation.round == "series_c" and view.latest_valuation.source == "Series C"
        [row] = timeline(settings, store, None, "valuation")
        assert row.fact.money == Money(Decimal("11.7") * B, "EUR") and row.current
        # A rejected alert said nothing: the fact is shown as read.
        store.reject_change(change_id, "wrong")
        [view] = collect_status(settings, store, now).entities
        assert view.latest_valuation is not None and view.latest_valuation.currency == "USD"
