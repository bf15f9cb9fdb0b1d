from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from watcher.models import Change, FeedHealth, Money
from watcher.render import SUBJECT_MAX, format_money, format_round, one_line, render

WHEN = datetime(2025, 9, 9, 10, 30, tzinfo=UTC)


def eur(amount: str, approx: bool = False) -> Money:
    return Money(Decimal(amount), "EUR", approx)


def change(**kw: Any) -> Change:
    base: dict[str, Any] = {
        "entity": "Mistral AI",
        "kind": "valuation_change",
        "status": "announced",
        "new": eur("11.7e9"),
        "old": eur("5.8e9"),
        "detected_at": WHEN,
        "new_date": "2025-09-09",
        "old_date": "2024-06",
        "url": "https://news.example/mistral",
        "title": "Mistral AI raises EUR 1.7bn",
        "evidence": "ASML led the EUR 1.7bn Series C, valuing Mistral AI at EUR 11.7bn.",
        "sources": 3,
    }
    base.update(kw)
    return Change(**base)


VALUATION = change()
FIRST_VALUATION = change(old=None, old_date=None, status="reported")
NEW_ROUND = change(
    kind="new_round",
    fact_kind="funding_round",
    old=None,
    new=eur("1.7e9"),
    round="series_c",
    lead_investors=("ASML",),
    investors=("Nvidia", "a16z"),
)
TOTAL = change(kind="total_raised_change", fact_kind="total_raised", old=eur("1.2e9"), new=eur("2.9e9"))
CONFIRMED = change(kind="status_change", old_status="rumoured", status="announced")
ROUND_REPORTED = change(
    kind="status_change",
    fact_kind="funding_round",
    round="series_b",
    old_status="rumoured",
    status="reported",
    new=eur("600e6"),
)


@pytest.mark.parametrize(
    ("subject", "language", "expected"),
    [
        (VALUATION, "en", "[watcher] Mistral AI: valuation EUR 5.8bn -> EUR 11.7bn (announced)"),
        (VALUATION, "fr", "[watcher] Mistral AI: valorisation 5,8 Md EUR -> 11,7 Md EUR (annoncé)"),
        (FIRST_VALUATION, "en", "[watcher] Mistral AI: valuation EUR 11.7bn (new, reported)"),
        (FIRST_VALUATION, "fr", "[watcher] Mistral AI: valorisation 11,7 Md EUR (nouveau, rapporté)"),
        (NEW_ROUND, "en", "[watcher] Mistral AI: new funding round EUR 1.7bn (Series C, announced)"),
        (NEW_ROUND, "fr", "[watcher] Mistral AI: nouvelle levée 1,7 Md EUR (Série C, annoncé)"),
        (
            replace(NEW_ROUND, round=None, status="rumoured"),
            "en",
            "[watcher] Mistral AI: new funding round EUR 1.7bn (rumoured)",
        ),
        (
            replace(NEW_ROUND, round=None, status="rumoured"),
            "fr",
            "[watcher] Mistral AI: nouvelle levée 1,7 Md EUR (rumeur)",
        ),
        (TOTAL, "en", "[watcher] Mistral AI: total raised EUR 1.2bn -> EUR 2.9bn (announced)"),
        (TOTAL, "fr", "[watcher] Mistral AI: total levé 1,2 Md EUR -> 2,9 Md EUR (annoncé)"),
        (CONFIRMED, "en", "[watcher] Mistral AI: valuation EUR 11.7bn: rumour confirmed"),
        (CONFIRMED, "fr", "[watcher] Mistral AI: valorisation 11,7 Md EUR: rumeur confirmée"),
        (
            ROUND_REPORTED,
            "en",
            "[watcher] Mistral AI: funding round Series B EUR 600M: rumour now reported by the press",
        ),
        (ROUND_REPORTED, "fr", "[watcher] Mistral AI: levée Série B 600 M EUR: rumeur reprise par la presse"),
        (
            replace(CONFIRMED, old_status="announced", status="rumoured"),
            "en",
            "[watcher] Mistral AI: valuation EUR 11.7bn: status announced -> rumoured",
        ),
    ],
)
def test_subject(subject: Change, language: str, expected: str) -> None:
    assert render(subject, language).subject == expected


def test_unknown_language_falls_back_to_english() -> None:
    assert render(VALUATION, "de").subject == render(VALUATION).subject


@pytest.mark.parametrize(
    ("amount", "approx", "en", "fr"),
    [
        ("11.7e9", False, "EUR 11.7bn", "11,7 Md EUR"),
        ("1.75e9", False, "EUR 1.75bn", "1,75 Md EUR"),
        ("600e6", False, "EUR 600M", "600 M EUR"),
        ("555.55e6", False, "EUR 555.6M", "555,6 M EUR"),
        ("1500", False, "EUR 1.5k", "1,5 k EUR"),
        ("950", False, "EUR 950", "950 EUR"),
        ("999999999", False, "EUR 1bn", "1 Md EUR"),
        ("1.2e12", False, "EUR 1.2tn", "1,2 Bn EUR"),
        ("2e9", True, "~EUR 2bn", "~2 Md EUR"),
        ("-3e6", False, "EUR -3M", "-3 M EUR"),
    ],
)
def test_format_money(amount: str, approx: bool, en: str, fr: str) -> None:
    money = eur(amount, approx)
    assert format_money(money) == en
    assert format_money(money, "fr") == fr


@pytest.mark.parametrize(
    ("code", "en", "fr"),
    [
        ("series_c", "Series C", "Série C"),
        ("series_a_extension", "Series A extension", "Série A extension"),
        ("pre_seed", "Pre-seed", "Pré-amorçage"),
        ("seed", "Seed", "Amorçage"),
        ("growth", "Growth", "Croissance"),
    ],
)
def test_format_round(code: str, en: str, fr: str) -> None:
    assert format_round(code) == en
    assert format_round(code, "fr") == fr


def test_approx_amount_in_subject() -> None:
    msg = render(replace(NEW_ROUND, new=Money(Decimal("2e9"), "USD", approx=True), round=None))
    assert msg.subject == "[watcher] Mistral AI: new funding round ~USD 2bn (announced)"


def test_body_has_every_detail() -> None:
    msg = render(NEW_ROUND)
    for expected in (
        "Mistral AI",
        "EUR 1.7bn, 2025-09-09",
        "announced",
        "Series C",
        "ASML",
        "Nvidia, a16z",
        "3 sources",
        "2025-09-09 10:30 UTC",
        "Mistral AI raises EUR 1.7bn",
        "https://news.example/mistral",
        "“ASML led the EUR 1.7bn Series C, valuing Mistral AI at EUR 11.7bn.”",
    ):
        assert expected in msg.text
        assert expected.replace("“", "").replace("”", "") in msg.html
    assert 'href="https://news.example/mistral"' in msg.html


def test_old_value_and_dates_in_body() -> None:
    text = render(VALUATION).text
    assert "EUR 5.8bn, 2024-06" in text
    assert "EUR 11.7bn, 2025-09-09" in text
    assert "none (first known value)" in render(FIRST_VALUATION).text
    assert "aucune (première valeur connue)" in render(FIRST_VALUATION, "fr").text


def test_status_change_says_what_happened() -> None:
    text = render(CONFIRMED).text
    assert "rumour confirmed (announced)" in text
    assert "rumeur confirmée (annoncé)" in render(CONFIRMED, "fr").text


def test_base_equivalent_shown_only_when_currency_differs() -> None:
    usd = replace(
        VALUATION,
        new=Money(Decimal("6e9"), "USD"),
        new_base=eur("5.55e9"),
        old=Money(Decimal("2e9"), "USD"),
        old_base=eur("1.85e9"),
    )
    msg = render(usd)
    assert "USD 6bn (≈ EUR 5.55bn)" in msg.text
    assert "USD 2bn (≈ EUR 1.85bn)" in msg.text
    assert "USD 6bn (≈ EUR 5.55bn)" in msg.html
    assert any("≈ EUR 5.55bn" in json.dumps(b, ensure_ascii=False) for b in msg.slack_blocks)
    assert "6 Md USD (≈ 5,55 Md EUR)" in render(usd, "fr").text
    # Reported in the base currency already: nothing to add.
    same = render(replace(VALUATION, new_base=eur("11.7e9"), old_base=eur("5.8e9")))
    assert "≈" not in same.text
    # A different base currency makes the EUR figure foreign.
    assert (
        "≈" in render(replace(VALUATION, new_base=Money(Decimal("12.6e9"), "USD")), base_currency="USD").text
    )


@pytest.mark.parametrize(
    "hostile",
    [
        "Mistral\r\nBcc: evil@example.com",
        "Mistral\nBcc: evil@example.com",
        "Mistral\rBcc: evil@example.com",
        "Mistral\x00\x1b[31m\u2028Bcc: evil@example.com\u0085",
        "Mistral\u202eBcc: evil@example.com",
    ],
)
def test_control_characters_never_reach_the_subject(hostile: str) -> None:
    msg = render(replace(VALUATION, entity=hostile, title=hostile, evidence=hostile))
    assert msg.subject.isprintable()
    assert "Bcc: evil@example.com" in msg.subject  # shown, but on the same line
    assert "\x1b" not in msg.text
    assert all(line.isprintable() for line in msg.text.splitlines())
    assert len(msg.text.splitlines()) == len(render(VALUATION).text.splitlines())
    for other in (render(replace(NEW_ROUND, round=hostile)), render(replace(CONFIRMED, old_status=hostile))):
        assert other.subject.isprintable()


def test_subject_is_capped() -> None:
    for long in (replace(VALUATION, entity="Mistral " * 100), replace(NEW_ROUND, round="x_" * 300)):
        msg = render(long)
        assert len(msg.subject) <= SUBJECT_MAX
        assert "…" in msg.subject


def test_one_line() -> None:
    assert one_line("  a\r\n\tb \x07c\u200b d  ") == "a b c d"
    assert one_line("abcdef", 4) == "abc…"


def test_slack_markup_in_title_is_shown_literally() -> None:
    msg = render(
        replace(
            VALUATION,
            title="Click <http://evil.example|here> & <!channel>",
            entity="Mistral <@U123>",
            evidence="<https://evil.example|totally legit>",
        )
    )
    dumped = json.dumps([msg.slack_text, *msg.slack_blocks], ensure_ascii=False)
    assert "<http://evil.example|here>" not in dumped
    assert "<!channel>" not in dumped
    assert "<@U123>" not in msg.slack_text
    assert "Click &lt;http://evil.example|here&gt; &amp; &lt;!channel&gt;" in dumped
    assert "&lt;https://evil.example|totally legit&gt;" in dumped
    # The only live link is the article's own.
    context = next(b for b in msg.slack_blocks if b["type"] == "context")
    link = context["elements"][0]["text"]
    assert link.startswith("<https://news.example/mistral|Click &lt;")


def test_slack_link_cannot_be_hijacked_by_url() -> None:
    msg = render(replace(VALUATION, url="https://ex.example/a?x=1&y=2|<evil>", title="T"))
    context = next(b for b in msg.slack_blocks if b["type"] == "context")
    assert context["elements"][0]["text"] == "<https://ex.example/a?x=1&amp;y=2%7C&lt;evil&gt;|T>"
    assert (
        'href="https://ex.example/a?x=1&amp;y=2|&lt;evil&gt;"'
        in render(replace(VALUATION, url="https://ex.example/a?x=1&y=2|<evil>", title="T")).html
    )


def test_non_http_url_is_not_linked() -> None:
    msg = render(replace(VALUATION, url="javascript:alert(1)"))
    assert "href" not in msg.html
    context = next(b for b in msg.slack_blocks if b["type"] == "context")
    assert not context["elements"][0]["text"].startswith("<")


def test_html_is_escaped() -> None:
    msg = render(
        replace(
            VALUATION,
            entity="<b>Mistral</b>",
            title='<script>alert("x")</script>',
            evidence="Tom & Jerry's <i>round</i>",
            url='https://ex.example/"><script>',
        )
    )
    assert "<script>" not in msg.html
    assert "<b>Mistral" not in msg.html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in msg.html
    assert "Tom &amp; Jerry&#x27;s &lt;i&gt;round&lt;/i&gt;" in msg.html
    assert 'href="https://ex.example/&quot;&gt;&lt;script&gt;"' in msg.html


def test_slack_blocks_shape() -> None:
    msg = render(NEW_ROUND)
    types = [b["type"] for b in msg.slack_blocks]
    assert types == ["header", "section", "section", "context"]
    header = msg.slack_blocks[0]["text"]
    assert header["type"] == "plain_text"
    assert len(header["text"]) <= 150
    fields = msg.slack_blocks[1]["fields"]
    assert 1 <= len(fields) <= 10
    assert all(f["type"] == "mrkdwn" for f in fields)
    assert {"type": "mrkdwn", "text": "*Round*\nSeries C"} in fields
    assert msg.slack_text == "Mistral AI: new funding round EUR 1.7bn (Series C, announced)"
    long = render(replace(NEW_ROUND, entity="M" * 300))
    assert len(long.slack_blocks[0]["text"]["text"]) <= 150


@pytest.mark.parametrize(
    ("health", "en", "fr"),
    [
        (
            FeedHealth("feed_down", "https://feeds.example/rss", WHEN, "TechCrunch", "HTTP 503", 3),
            "[watcher] feed down: TechCrunch",
            "[watcher] flux en panne: TechCrunch",
        ),
        (
            FeedHealth("feed_recovered", "https://feeds.example/rss", WHEN),
            "[watcher] feed recovered: https://feeds.example/rss",
            "[watcher] flux rétabli: https://feeds.example/rss",
        ),
    ],
)
def test_feed_health(health: FeedHealth, en: str, fr: str) -> None:
    msg = render(health)
    assert msg.subject == en
    assert render(health, "fr").subject == fr
    assert "https://feeds.example/rss" in msg.text
    json.dumps(msg.data)
    assert msg.data["kind"] == health.kind
    assert msg.data["event"] == "feed_health"
    if health.kind == "feed_down":
        assert "HTTP 503" in msg.text
        assert "3" in msg.text
        assert "could not fetch" in msg.text


def test_feed_error_is_sanitised() -> None:
    health = FeedHealth("feed_down", "https://f.example/rss", WHEN, "F\r\nBcc: x", "boom\x1b[2J <b>", 4)
    msg = render(health)
    assert msg.subject.isprintable()
    assert "\x1b" not in msg.text
    assert "&lt;b&gt;" in msg.html


@pytest.mark.parametrize("subject", [VALUATION, FIRST_VALUATION, NEW_ROUND, TOTAL, CONFIRMED, ROUND_REPORTED])
def test_data_is_json_serialisable(subject: Change) -> None:
    data = render(subject).data
    again = json.loads(json.dumps(data))
    assert again == data
    assert again["entity"] == "Mistral AI"
    assert again["kind"] == subject.kind
    assert again["detected_at"] == "2025-09-09T10:30:00+00:00"
    assert isinstance(again["new"]["amount"], int | float)


def test_data_content() -> None:
    usd = replace(NEW_ROUND, new=Money(Decimal("1.5e9"), "USD", True), new_base=eur("1.39e9"), id=7)
    data = render(usd).data
    assert data["new"] == {"amount": 1500000000, "currency": "USD", "approx": True, "date": "2025-09-09"}
    assert data["new_base"] == {"amount": 1390000000, "currency": "EUR", "approx": False}
    assert data["old"] is None
    assert data["round"] == "series_c"
    assert data["lead_investors"] == ["ASML"]
    assert data["sources"] == 3
    assert data["id"] == 7
    assert render(replace(VALUATION, new=eur("12.5"))).data["new"]["amount"] == 12.5
