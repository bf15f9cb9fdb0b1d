"""Property tests: money written in the French and English ways reads back as the amount written."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.facts import find_money, parse_number_words

SCALES = {"million": 10**6, "billion": 10**9}
FR_SCALES = {"millions": 10**6, "milliards": 10**9}


def _fr_decimal(value: Decimal) -> str:
    return str(value).replace(".", ",")


amounts = st.decimals(min_value=Decimal("1.0"), max_value=Decimal("999.9"), places=1)


@settings(max_examples=150, deadline=None)
@given(amounts, st.sampled_from(sorted(SCALES)), st.sampled_from(["$", "€", "£"]))
def test_english_symbol_and_scale_word(value: Decimal, scale: str, symbol: str) -> None:
    (m,) = find_money(f"It raised {symbol}{value} {scale} last year.")
    assert m.amount == value * SCALES[scale]
    assert m.currency == {"$": "USD", "€": "EUR", "£": "GBP"}[symbol]


@settings(max_examples=150, deadline=None)
@given(amounts, st.sampled_from(["m", "M", "mn", "bn", "B"]), st.sampled_from(["$", "€"]))
def test_english_short_scales(value: Decimal, scale: str, symbol: str) -> None:
    (m,) = find_money(f"a {symbol}{value}{scale} round")
    factor = 10**9 if scale.lower().startswith("b") else 10**6
    assert m.amount == value * factor


@settings(max_examples=150, deadline=None)
@given(amounts, st.sampled_from(sorted(FR_SCALES)), st.sampled_from(["d'euros", "de dollars"]))
def test_french_decimal_comma_and_scale_word(value: Decimal, scale: str, unit: str) -> None:
    (m,) = find_money(f"La société a levé {_fr_decimal(value)} {scale} {unit}.")
    assert m.amount == value * FR_SCALES[scale]
    assert m.currency == ("EUR" if "euro" in unit else "USD")


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10_000, max_value=999_999_999))
def test_grouped_digits_both_ways(value: int) -> None:
    english = f"{value:,}"
    french = english.replace(",", "\u202f")
    (en,) = find_money(f"It raised ${english} in total.")
    (fr,) = find_money(f"Elle a levé {french} euros au total.")
    assert en.amount == value and en.currency == "USD"
    assert fr.amount == value and fr.currency == "EUR"


FR_TENS = ["vingt", "trente", "quarante", "cinquante", "soixante"]
FR_UNITS = ["", "-deux", "-trois", "-quatre", "-cinq", "-six", "-sept", "-huit", "-neuf"]


@given(st.integers(min_value=2, max_value=99))
def test_french_number_words(n: int) -> None:
    words = _french(n)
    assert parse_number_words(words) == n, words


def _french(n: int) -> str:
    small = [
        "",
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "dix-sept",
        "dix-huit",
        "dix-neuf",
    ]
    if n < 20:
        return small[n]
    if n < 70:
        tens, unit = divmod(n, 10)
        base = FR_TENS[tens - 2]
        return base + (" et un" if unit == 1 else "-" + small[unit] if unit else "")
    if n < 80:
        return "soixante" + (" et onze" if n == 71 else "-" + small[n - 60])
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + small[n - 80]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=99), st.sampled_from(["millions d'euros", "milliards de dollars"]))
def test_french_number_words_in_money(n: int, unit: str) -> None:
    (m,) = find_money(f"Elle a levé {_french(n)} {unit}.")
    assert m.amount == n * (10**6 if unit.startswith("millions") else 10**9)
