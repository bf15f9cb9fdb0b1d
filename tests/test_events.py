"""One message per event, updates threaded (issue 18, item 2), on plain values.

Talks about one upcoming round are one event whatever figures the sources float; a round and
its valuation are one message; later news of an event is an update only when it moves the
figures materially; a round name never comes from the previous round.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from watcher.events import Placed, alert_for, closed_rounds, event_round, follows, moves, place
from watcher.models import Change, EventAlert, Money
from watcher.render import render, talks_summary

B = Decimal("1e9")
NOW = datetime(2025, 9, 10, tzinfo=UTC)


def ch(
    id: int,
    kind: str,
    amount: str,
    status: str,
    when: str,
    *,
    thread: int | None = None,
    corrects: int | None = None,
    currency: str = "EUR",
) -> Change:
    fact_kind = {"new_round": "funding_round", "valuation_change": "valuation"}.get(kind, "valuation")
    money = Money(Decimal(amount) * B, currency)
    return Change(
        entity="Mistral AI",
        kind=kind,
        status=status,
        new=money,
        new_base=Money(money.amount, "EUR"),
        fact_kind=fact_kind,
        new_date=when,
        detected_at=NOW,
        id=id,
        thread=thread,
        corrects=corrects,
    )


def test_six_rumours_about_one_round_are_one_message_then_silent() -> None:
    """The issue's case: EUR 1bn, 2bn, 1.7bn, 1.3bn and two valuations about one round."""
    first = [
        ch(1, "new_round", "1", "rumoured", "2025-06-10"),
        ch(2, "valuation_change", "10", "rumoured", "2025-06-10"),
    ]
    placed = place([], first)
    assert placed == [Placed(1, 1, 1), Placed(2, 1, 1)]  # one message carries both
    previous = [
        ch(1, "new_round", "1", "rumoured", "2025-06-10", thread=1),
        ch(2, "valuation_change", "10", "rumoured", "2025-06-10", thread=1),
    ]
    # A later cycle widens the range (EUR 2bn): one update, threaded under the first message.
    later = [ch(3, "new_round", "2", "rumoured", "2025-07-01")]
    assert place(previous, later) == [Placed(3, 1, 3)]
    previous.append(ch(3, "new_round", "2", "rumoured", "2025-07-01", thread=1))
    # Figures inside the range known so far move nothing: in no message.
    inside = [
        ch(4, "new_round", "1.7", "rumoured", "2025-08-01"),
        ch(5, "new_round", "1.3", "rumoured", "2025-08-02"),
        ch(6, "valuation_change", "10.5", "rumoured", "2025-08-02"),
    ]
    assert place(previous, inside) == [Placed(4, 1, None), Placed(5, 1, None), Placed(6, 1, None)]


def test_a_confirmed_round_ends_the_talks_and_is_one_message_with_its_valuation() -> None:
    talks = [ch(1, "new_round", "1", "rumoured", "2025-06-10", thread=1)]
    series_c = [
        ch(2, "new_round", "1.7", "announced", "2025-09-09"),
        ch(3, "valuation_change", "11.7", "announced", "2025-09-09"),
    ]
    assert place(talks, series_c) == [Placed(2, 2, 2), Placed(3, 2, 2)]
    done = [
        *talks,
        *(
            ch(c.id or 0, c.kind, str(c.new.amount / B), c.status, c.new_date or "", thread=2)
            for c in series_c
        ),
    ]
    # Rumours after the round are new talks (a new event, a new message), however close in amount.
    next_talks = [ch(4, "new_round", "1.1", "rumoured", "2025-10-01")]
    assert place(done, next_talks) == [Placed(4, 4, 4)]
    # A press figure of the round a week later, within tolerance: in no message.
    echo = [ch(5, "valuation_change", "12", "reported", "2025-09-16")]
    assert place(done, echo) == [Placed(5, 2, None)]


def test_talks_months_apart_are_two_events() -> None:
    old = [ch(1, "new_round", "1", "rumoured", "2025-01-10", thread=1)]
    assert place(old, [ch(2, "new_round", "1", "rumoured", "2025-12-01")]) == [Placed(2, 2, 2)]


def test_a_correction_updates_its_event() -> None:
    previous = [
        ch(1, "new_round", "1.7", "announced", "2025-09-09", thread=1),
        ch(2, "valuation_change", "11.7", "announced", "2025-09-09", thread=1),
    ]
    fix = ch(3, "correction", "2", "announced", "2025-09-12", corrects=2)
    [placed] = place(previous, [fix])
    assert placed == Placed(3, 1, 3)
    assert follows(ch(3, "correction", "2", "announced", "2025-09-12", corrects=2, thread=1)) == 1


def test_group_cycle_is_one_message_per_company_per_cycle() -> None:
    new = [
        ch(1, "new_round", "1.7", "announced", "2025-09-09"),
        ch(2, "valuation_change", "11.7", "announced", "2025-09-09"),
        ch(3, "new_round", "3", "rumoured", "2025-09-10"),
    ]
    assert [p.message for p in place([], new, group="cycle")] == [1, 1, 1]
    assert [p.message for p in place([], new, group="event")] == [1, 1, 3]


def test_moves_means_beyond_the_tolerance_of_the_range_or_a_new_kind_of_figure() -> None:
    event = [
        ch(1, "new_round", "1", "rumoured", "2025-06-01"),
        ch(2, "new_round", "2", "rumoured", "2025-06-02"),
    ]
    assert not moves(event, ch(3, "new_round", "2.2", "rumoured", "2025-06-03"), Decimal("0.1"))
    assert moves(event, ch(3, "new_round", "2.5", "rumoured", "2025-06-03"), Decimal("0.1"))
    assert moves(event, ch(3, "new_round", "0.8", "rumoured", "2025-06-03"), Decimal("0.1"))
    assert moves(event, ch(3, "valuation_change", "10", "rumoured", "2025-06-03"), Decimal("0.1"))


def test_the_round_name_is_the_events_or_none() -> None:
    closed = {"series_b": "2024-06", "series_c": "2025-09-09"}
    assert event_round("series_b", "2025-08-01", closed) is None  # talks recapping the last round
    assert event_round("series_c", "2026-06-01", closed) is None
    assert event_round("series_c", "2025-09-12", closed) == "series_c"  # the round's own news
    assert event_round("series_d", "2026-06-01", closed) == "series_d"
    assert event_round(None, "2026-06-01", closed) is None


def test_the_talks_message_says_the_range_once() -> None:
    event = [
        ch(1, "new_round", "1", "rumoured", "2025-06-10", thread=1),
        ch(2, "new_round", "2", "rumoured", "2025-07-01", thread=1),
        ch(3, "valuation_change", "10", "rumoured", "2025-07-01", thread=1),
    ]
    assert talks_summary(event) == "talks: EUR 1bn–2bn at about EUR 10bn"
    assert talks_summary(event[:1]) == "talks: EUR 1bn"
    # As the sources state it when they agree on the currency; else in the base currency.
    dollars = ch(5, "valuation_change", "10", "rumoured", "2025-07-01", currency="USD")
    dollars = replace(dollars, new_base=Money(Decimal("9.26") * B, "EUR"))
    assert talks_summary([event[0], dollars]) == "talks: EUR 1bn at about USD 10bn"
    assert talks_summary([event[0], event[2], dollars]) == "talks: EUR 1bn at about EUR 9.26bn–10bn"
    assert talks_summary(event, "fr") == "discussions : 1 Md–2 Md EUR, valorisation d'environ 10 Md EUR"
    # The update that widened the range threads under the first message.
    update = alert_for(event[1], event[1:], event)
    assert isinstance(update, EventAlert) and update.follows == 1
    message = render(update)
    assert message.subject == "[watcher] Mistral AI: update: talks: EUR 1bn–2bn at about EUR 10bn"
    assert message.replying_to(7, update=True).slack_text.startswith("update of alert #7: ")
    # A lone confirmed change reads as before.
    alone = ch(4, "new_round", "1.7", "announced", "2025-09-09", thread=4)
    assert alert_for(alone, [alone], [alone]) is alone


def test_an_unnamed_round_after_a_series_is_the_next_letter_for_talks() -> None:
    history = [
        ("seed", "2023-06"),
        ("series_a", "2023-12"),
        ("series_a_extension", "2024-02"),
        (None, "2024-06"),  # the press never named it: the Series B
        (None, "2024-06-20"),  # another figure of the same round
    ]
    assert closed_rounds(history) == {
        "seed": "2023-06",
        "series_a": "2023-12",
        "series_a_extension": "2024-02",
    }
    implied = closed_rounds(history, implied=True)
    assert implied["series_b"] == "2024-06" and "series_c" not in implied
    # Talks in August 2025 labelled "Series B" recap the last round: no name rather than a wrong one.
    assert event_round("series_b", "2025-08-04", implied) is None
    assert event_round("series_c", "2025-08-04", implied) == "series_c"
