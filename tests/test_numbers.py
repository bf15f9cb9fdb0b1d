"""Amount parsing: digits, separators, number words, scales, currencies, hedges, equivalents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from watcher.facts.numbers import find_money, parse_amount, parse_decimal, parse_number_words
from watcher.models import Money


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("6,2", "6.2"),
        ("1 000", "1000"),
        ("1\u00a0000", "1000"),
        ("1\u202f250\u202f000", "1250000"),
        ("1,500,000", "1500000"),
        ("102,5", "102.5"),
        ("1.5", "1.5"),
        ("2.000.000", "2000000"),
        ("12,345.67", "12345.67"),
    ],
)
def test_parse_decimal(token: str, expected: str) -> None:
    assert parse_decimal(token) == Decimal(expected)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("deux", 2),
        ("quinze", 15),
        ("vingt-cinq", 25),
        ("trois cents", 300),
        ("twelve", 12),
        ("two hundred", 200),
        ("a", 1),
        ("half", Decimal("0.5")),
        ("dix", 10),
    ],
)
def test_parse_number_words(words: str, expected: int | Decimal) -> None:
    assert parse_number_words(words) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("une enveloppe de 4,5 milliards de dollars", "4500000000", "USD"),
        ("un ticket de 230 millions d'euros", "230000000", "EUR"),
        ("Acme collects $7.5bn", "7500000000", "USD"),
        ("Acme collects €450M", "450000000", "EUR"),
        ("une levée de 120 M€", "120000000", "EUR"),
        ("une levée de 2,3 Md€", "2300000000", "EUR"),
        ("a USD 3 billion facility", "3000000000", "USD"),
        ("a £75m round", "75000000", "GBP"),
        ("a €42mn round", "42000000", "EUR"),
        ("a check of $2,750,000", "2750000", "USD"),
        ("2.5bn euros were pledged", "2500000000", "EUR"),
        ("3 Mrd € zugesagt", "3000000000", "EUR"),
        ("CHF 80 millions levés", "80000000", "CHF"),
        ("une levée de 40 millions de francs suisses", "40000000", "CHF"),
        ("a ¥10 billion round", "10000000000", "JPY"),
        ("a C$90m round", "90000000", "CAD"),
        ("an A$25m round", "25000000", "AUD"),
        ("trois milliards d'euros", "3000000000", "EUR"),
        ("un milliard de dollars", "1000000000", "USD"),
        ("one billion dollars", "1000000000", "USD"),
        ("a billion dollars", "1000000000", "USD"),
        ("half a billion dollars", "500000000", "USD"),
        ("un milliard et demi d'euros", "1500000000", "EUR"),
        ("vingt millions d'euros", "20000000", "EUR"),
        ("a $640-million round", "640000000", "USD"),
        ("1 200 millions d'euros", "1200000000", "EUR"),
        ("850 millions $", "850000000", "USD"),
        ("75 millions €", "75000000", "EUR"),
        ("9 milliards de d'euros", "9000000000", "EUR"),
        ("une levée d'1,2 Md€", "1200000000", "EUR"),
        ("$4 bilion", "4000000000", "USD"),
        ("80bn won", "80000000000", "KRW"),
        # Before French scale words a comma is decimal; English groups thousands with it.
        ("une enveloppe de 6,250 millions d'euros", "6250000", "EUR"),
        ("1,200 milliards de dollars", "1200000000", "USD"),
        ("a $1,500 million facility", "1500000000", "USD"),
        # No currency has a thousandth: one dot group before a currency groups thousands.
        ("un ticket de 750.000 €", "750000", "EUR"),
        ("a XOF 900 million round", "900000000", "XOF"),
        # A lone scale letter, then the currency's word.
        ("une biotech nantaise, 14 M euros", "14000000", "EUR"),
        ("un tour de 3,5 M dollars", "3500000", "USD"),
    ],
)
def test_amount_formats(text: str, amount: str, currency: str) -> None:
    assert parse_amount(text) == Money(Decimal(amount), currency)


@pytest.mark.parametrize(
    "text",
    [
        "un modèle de 13 milliards de paramètres",
        "plus de 2 000 serveurs",
        "quelques dizaines de millions d'euros",
        "plusieurs centaines de millions d'euros",
        "a multibillion-dollar campus",
        "en 2024, 300 salariés",
    ],
)
def test_not_money(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("text", "approx", "bound"),
    [
        ("près de 300 millions d'euros", True, None),
        ("environ 40 millions d'euros", True, None),
        ("quelque 12 millions d'euros", True, None),
        ("autour de 8 millions d'euros", True, None),
        ("quasiment 9 millions d'euros", True, None),
        ("aux alentours de 3 milliards d'euros", True, None),
        ("plus de 200 millions d'euros", True, "lower"),
        ("un peu plus de 50 millions d'euros", True, "lower"),
        ("jusqu'à 900 millions d'euros", False, "upper"),
        ("about $30 million", True, None),
        ("around $30 million", True, None),
        ("nearly $30 million", True, None),
        ("almost $30 million", True, None),
        ("roughly $30 million", True, None),
        ("approximately $30 million", True, None),
        ("some $30 million", True, None),
        ("~$30 million", True, None),
        ("more than $30 million", True, "lower"),
        ("over $30 million", True, "lower"),
        ("up to $30 million", False, "upper"),
        ("exactly $30 million", False, None),
    ],
)
def test_hedges(text: str, approx: bool, bound: str | None) -> None:
    (mention,) = find_money(text)
    assert mention.approx is approx
    assert mention.bound == bound


@pytest.mark.parametrize(
    ("text", "amount", "currency", "eq_amount", "eq_currency"),
    [
        ("240 millions d'euros (environ 260 millions de dollars)", "240000000", "EUR", "260000000", "USD"),
        ("€90mn ($97mn)", "90000000", "EUR", "97000000", "USD"),
        ("70 millions d'euros, soit 76 millions de dollars", "70000000", "EUR", "76000000", "USD"),
        ("£40m ($50m)", "40000000", "GBP", "50000000", "USD"),
        ("12 millions d'euros (13 millions de dollars au taux actuel)", "12000000", "EUR", "13000000", "USD"),
        # The quote closing on the figure comes before the apposition.
        (
            "« Il manque 9 millions d'euros », soit 10 millions de dollars",
            "9000000",
            "EUR",
            "10000000",
            "USD",
        ),
    ],
)
def test_equivalent_is_merged(
    text: str, amount: str, currency: str, eq_amount: str, eq_currency: str
) -> None:
    (mention,) = find_money(text)
    assert (mention.amount, mention.currency) == (Decimal(amount), currency)
    assert mention.equivalent is not None
    assert (mention.equivalent.amount, mention.equivalent.currency) == (Decimal(eq_amount), eq_currency)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between $3 billion to $4 billion", "3000000000", "4000000000"),
        ("$3-4 billion", "3000000000", "4000000000"),
        ("3 à 4 milliards d'euros", "3000000000", "4000000000"),
    ],
)
def test_ranges(text: str, low: str, high: str) -> None:
    (mention,) = find_money(text)
    assert mention.amount == Decimal(low)
    assert mention.amount_max == Decimal(high)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # Whose the bare sum is: an article or a name after "de".
        ("les 9 millions de la start-up Zorblo", ["9000000"]),
        ("les 25 millions de Plimo", ["25000000"]),
        ("plus de 7 millions de plus", ["7000000"]),
        # What it counts: a noun, or a people in the plural.
        ("un modèle de 13 milliards de paramètres", []),
        ("près de 12 millions de Belges", []),
    ],
)
def test_bare_scale_then_de(text: str, figures: list[str]) -> None:
    assert [str(m.amount) for m in find_money(text)] == figures


def test_bare_figure_keeps_no_currency() -> None:
    first, second = find_money("plus de 2 milliards d'euros, dont 500 millions cette année")
    assert first.currency == "EUR"
    assert second.currency is None
    assert second.amount == Decimal("500000000")


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        # French newsroom shorthand and Québec's billions.
        ("Orvane boucle un tour de 38,5 ME auprès de ses actionnaires.", "38500000", "EUR"),
        ("La plateforme serait valorisée 4 G$.", "4000000000", "USD"),
        # The country after the scale word, as the Québec press writes it.
        ("Tavelo empoche 60 millions US de plus.", "60000000", "USD"),
        ("une valeur estimée à 2,5 milliards US, selon", "2500000000", "USD"),
        # Scale and code as one word, as press releases and the Maghreb's press write them.
        ("Quillmoor annonce un tour de 12 MEUR mené par Ardent.", "12000000", "EUR"),
        ("Quillmoor closed a 7.5 MEUR round.", "7500000", "EUR"),
        ("un premier tour de 850 kEUR", "850000", "EUR"),
        ("Quillmoor lève 4 MCHF pour son usine.", "4000000", "CHF"),
        ("Quillmoor boucle une levée de 30 MDH.", "30000000", "MAD"),
        ("Quillmoor lève 1,2 G€ auprès de fonds souverains.", "1200000000", "EUR"),
        ("Quillmoor lève 30 millions de dirhams.", "30000000", "MAD"),
        ("Quillmoor raised 40 million UAE dirhams.", "40000000", "AED"),
        ("Quillmoor raised AED40m from local investors.", "40000000", "AED"),
        ("Quillmoor raised 90 million kronor.", "90000000", "SEK"),
        ("a valuation near CAD$2 billion", "2000000000", "CAD"),
    ],
)
def test_shorthand_and_country_after_the_scale(text: str, amount: str, currency: str) -> None:
    (mention,) = find_money(text)
    assert (mention.amount, mention.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    "text", ["The group ME reported 12 users.", "Tavelo a 60 millions US users", "Its 3 MEURO units ship."]
)
def test_shorthand_needs_a_figure_right_before(text: str) -> None:
    assert all(m.currency is None for m in find_money(text))


def test_dollars_marked_us_make_the_bare_ones_australian() -> None:
    # Who writes American dollars "$US" writes their own dollars bare, often as the equivalent beside them.
    (mention,) = find_money("Tavelo was valued at $US12 billion ($18.5 billion) in the share sale.")
    assert (mention.amount, mention.currency) == (Decimal("12000000000"), "USD")
    assert mention.equivalent == Money(Decimal("18500000000"), "AUD")
    # Without "$US" in the text, a bare dollar stays American.
    (plain,) = find_money("Tavelo was valued at $18.5 billion in the share sale.")
    assert plain.currency == "USD"
