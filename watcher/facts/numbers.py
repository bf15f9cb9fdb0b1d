"""Money mentions in French and English prose: digits, number words, scales, currencies, hedges.

Everything here is pure and works on one string; attribution and meaning live in ``extract``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

from watcher.facts.lexicon import eur_value, max_eur
from watcher.models import Money

__all__ = [
    "MoneyMention",
    "find_money",
    "parse_amount",
    "parse_decimal",
    "parse_number_words",
]

_SPACES = " \u00a0\u202f\u2009"

# Thousands groups may be separated by any of the spaces French typesetting uses; the first group
# has at most three digits so a year followed by a number ("2023 385") is not glued together.
_NUM_RE = re.compile(
    r"(?:(?<![\w.,])|(?<=USD|EUR|GBP|CHF|JPY|CAD|AUD|CNY|RMB|INR|SEK|KRW|NOK|DKK|PLN|KES|NGN|BRL|ZAR|MXN))"
    r"(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3}){2,}(?!\d)"
    r"|\d+(?:[.,]\d+)?)"
)

_UNITS: dict[str, int] = {
    "zero": 0,
    "zéro": 0,
    "un": 1,
    "une": 1,
    "a": 1,
    "an": 1,
    "one": 1,
    "deux": 2,
    "two": 2,
    "trois": 3,
    "three": 3,
    "quatre": 4,
    "four": 4,
    "cinq": 5,
    "five": 5,
    "six": 6,
    "sept": 7,
    "seven": 7,
    "huit": 8,
    "eight": 8,
    "neuf": 9,
    "nine": 9,
    "dix": 10,
    "ten": 10,
    "onze": 11,
    "eleven": 11,
    "douze": 12,
    "twelve": 12,
    "treize": 13,
    "thirteen": 13,
    "quatorze": 14,
    "fourteen": 14,
    "quinze": 15,
    "fifteen": 15,
    "seize": 16,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "vingt": 20,
    "vingts": 20,
    "twenty": 20,
    "trente": 30,
    "thirty": 30,
    "quarante": 40,
    "forty": 40,
    "cinquante": 50,
    "fifty": 50,
    "soixante": 60,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_HUNDREDS = {"cent", "cents", "hundred"}
_FRACTIONS = {"half": Decimal("0.5"), "demi": Decimal("0.5"), "quarter": Decimal("0.25")}

_WORD_ALT = "|".join(sorted([*_UNITS, *_HUNDREDS, "half", "et", "and"], key=len, reverse=True))
# A run of number words; it only counts as money when a scale word follows ("deux milliards").
_WORDS_RE = re.compile(
    rf"(?<![\w-])(?:(?:a[ \u00a0]+)?(?:quarter|half)[ \u00a0]+of[ \u00a0]+a|half[ -]a|(?:un[ \u00a0]+)?demi|"
    rf"(?:{_WORD_ALT}))(?:[ \-]+(?:{_WORD_ALT})){{0,7}}"
    r"(?=[ \u00a0-]+(?:milliards?|millions?|billions?|trillions?)\b)",
    re.IGNORECASE,
)

_SCALES: dict[str, int] = {
    "trillion": 10**12,
    "trillions": 10**12,
    "tn": 10**12,
    "billion": 10**9,
    "billions": 10**9,
    "bilion": 10**9,
    "bilions": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "b": 10**9,
    "milliard": 10**9,
    "milliards": 10**9,
    "milliars": 10**9,
    "miliard": 10**9,
    "miliards": 10**9,
    "millards": 10**9,
    "millard": 10**9,
    "milion": 10**6,
    "milions": 10**6,
    "md": 10**9,
    "mds": 10**9,
    "mrd": 10**9,
    "mrds": 10**9,
    "mld": 10**9,
    "million": 10**6,
    "millions": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "mio": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "mille": 10**3,
    "k": 10**3,
    "crore": 10**7,
    "crores": 10**7,
    "lakh": 10**5,
    "lakhs": 10**5,
}
_SCALE_RE = re.compile(
    r"[ \u00a0\u202f]?-?[ \u00a0]?"
    r"(trillions?|tn|billions?|bilions?|bn|bln|milliards?|milliars|miliards?|millards?|mds?|mrds?|mld|millions?|"
    r"milions?|mn|mln|mio|thousand|mille|crores?|lakhs?|[bmk])"
    r"(?![\w])",
    re.IGNORECASE,
)
# "600 M EUR", "20 M €": a lone scale letter followed by a currency is a scale after all.
# "3,5 M d'euros", "12 M de dollars" too.
_SCALE_CURRENCY_RE = re.compile(
    r"[ \u00a0\u202f]?(?:€|\$|£|(?:EUR|USD|GBP|CHF)(?![A-Za-z])|"
    r"(?i:(?:de[ \u00a0]+|d['’][ \u00a0]?)(?:euros?|dollars?|livres|francs))(?![\w]))"
)
_HALF_RE = re.compile(r"\s+(?:et\s+demi|and\s+a\s+half)\b", re.IGNORECASE)

# (pattern, ISO code); order matters: longer symbols first.
_PREFIX_CURRENCIES: tuple[tuple[str, str], ...] = (
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₦", "NGN"),
    ("KSh", "KES"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CHF", "CHF"),
    ("JPY", "JPY"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("KRW", "KRW"),
    ("INR", "INR"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("PLN", "PLN"),
    ("KES", "KES"),
    ("NGN", "NGN"),
    ("BRL", "BRL"),
    ("ZAR", "ZAR"),
    ("MXN", "MXN"),
)
_PREFIX_RE = re.compile(
    "(?:"
    + "|".join(
        (
            (r"(?<![A-Za-z])" if sym.startswith("Rs") else "")
            + re.escape(sym)
            + (r"(?<![A-Z]{4})" if sym.isalpha() else "")
        )
        for sym, _ in _PREFIX_CURRENCIES
    )
    + r")[ \u00a0\u202f]?$"
)
_PREFIX_CODES = dict(_PREFIX_CURRENCIES)

BARE_FRANC = "XFR"  # placeholder currency of a bare "francs", resolved from the text's context

_SUFFIX_WORDS: tuple[tuple[str, str], ...] = (
    (r"dollars?\s+(?:am[ée]ricains|US|us)", "USD"),
    (r"dollars?\s+(?:CA|CAN)(?![\w])", "CAD"),
    (r"dollars?\s+canadiens", "CAD"),
    (r"dollars?\s+australiens", "AUD"),
    (r"(?:US|U\.S\.|american)\s+dollars?", "USD"),
    (r"canadian\s+dollars?", "CAD"),
    (r"australian\s+dollars?", "AUD"),
    (r"dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"livres?(?:\s+sterling)?", "GBP"),
    (r"pounds?(?:\s+sterling)?", "GBP"),
    (r"sterling", "GBP"),
    (r"francs?\s+suisses", "CHF"),
    (r"swiss\s+francs?", "CHF"),
    # Bare "francs": Swiss francs when the text is Swiss (decided by the caller), else nothing.
    (
        r"francs?(?!\s+(?:cfa|pacifique|belges?|fran[çc]ais|luxembourgeois|rwandais|guin[ée]ens|congolais))",
        BARE_FRANC,
    ),
    (r"yens?", "JPY"),
    (r"yuans?", "CNY"),
    (r"renminbi", "CNY"),
    (r"(?:south\s+)?korean\s+wons?", "KRW"),
    (r"wons?(?:\s+sud-cor[ée]ens)?", "KRW"),
    (r"roupies", "INR"),
    (r"rupees", "INR"),
    (r"z[lł]otys?|zł", "PLN"),
    (r"nairas?", "NGN"),
    (r"kenyan\s+shillings?|shillings?\s+k[ée]nyans", "KES"),
    (r"(?:norwegian\s+kron(?:e|er)|couronnes?\s+norv[ée]giennes?)", "NOK"),
    (r"(?:danish\s+kron(?:e|er)|couronnes?\s+danoises?)", "DKK"),
    (r"(?:swedish\s+kron(?:a|or)|couronnes?\s+su[ée]doises?)", "SEK"),
    (r"(?:brazilian\s+)?reais|r[ée]ais\s+br[ée]siliens", "BRL"),
    (r"south\s+african\s+rand|rands?\s+sud-africains", "ZAR"),
)
_SUFFIX_CODES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pat + r"(?![\w])", re.IGNORECASE), code) for pat, code in _SUFFIX_WORDS
)
# French puts "de"/"d'" between the scale and the currency, sometimes twice by mistake ("de d'euros").
_SUFFIX_LEAD_RE = re.compile(r"[ \u00a0\u202f]*(?:(?:de|of)[ \u00a0]+|d['’][ \u00a0]?)*", re.IGNORECASE)
_SUFFIX_SYMBOL_RE = re.compile(r"[ \u00a0\u202f]?(€|\$|£|¥|₩|₦)")
_SUFFIX_CODE_RE = re.compile(
    r"[ \u00a0\u202f]?(USD|EUR|GBP|CHF|JPY|CAD|AUD|CNY|KRW|SEK|NOK|DKK|PLN|KES|NGN|BRL|ZAR|MXN)(?![A-Za-z])"
)
_SYMBOL_CODES = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₩": "KRW", "₦": "NGN"}

_HEDGE_RE = re.compile(
    r"(?:\b(?:pr[eè]s\s+d[e'’]|presque|environ|quelque|autour\s+d[e'’]|aux\s+alentours\s+d[e'’]|"
    r"approximativement|quasiment|quasi|grosso\s+modo|"
    r"about|around|nearly|almost|roughly|some|approximately|circa|an\s+estimated|estimated\s+at|"
    r"close\s+to|just\s+(?:over|under)|c\.)"
    r"|~|≈)[ \u00a0]*[«\"“]?[ \u00a0]*$",
    re.IGNORECASE,
)
_LOWER_RE = re.compile(
    r"\b(?:(?:un\s+peu\s+)?(?:de\s+)?plus\s+d[e'’]|au\s+moins|pas\s+moins\s+d[e'’]|"
    r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|north\s+of|above|exceeding|"
    r"d[ée]passant|sup[ée]rieure?s?\s+[àa])[ \u00a0]*[«\"“]?[ \u00a0]*$",
    re.IGNORECASE,
)
_UPPER_RE = re.compile(
    r"\b(?:jusqu['’][àa]|up\s+to|as\s+much\s+as|as\s+many\s+as|au\s+maximum|at\s+most|"
    r"no\s+more\s+than|moins\s+d[e'’]|less\s+than|under|below)[ \u00a0]*[«\"“]?[ \u00a0]*$",
    re.IGNORECASE,
)
_RANGE_JOIN_RE = re.compile(r"[ \u00a0]*(?:-|–|—|to|à|and|et)[ \u00a0]*$", re.IGNORECASE)


@dataclass(frozen=True)
class MoneyMention:
    """One amount found in a string; ``currency`` is None for a bare "600 millions"."""

    start: int
    end: int
    amount: Decimal
    currency: str | None
    approx: bool = False
    bound: str | None = None
    amount_max: Decimal | None = None
    equivalent: Money | None = None
    scaled: bool = False

    def with_currency(self, currency: str) -> MoneyMention:
        return MoneyMention(
            self.start,
            self.end,
            self.amount,
            currency,
            self.approx,
            self.bound,
            self.amount_max,
            self.equivalent,
            self.scaled,
        )


def _tidy(value: Decimal) -> Decimal:
    """Drop a spurious exponent/fraction so 6.2 billion compares and prints as 6200000000."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def parse_decimal(token: str) -> Decimal | None:
    """Read digits written the French or the English way.

    A comma followed by exactly three digits is a thousands separator ("1,500,000"); otherwise
    it is the French decimal comma ("6,2").
    """
    raw = token.strip()
    for space in _SPACES:
        raw = raw.replace(space, "")
    if not raw:
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", raw):
        raw = raw.replace(".", "")
    elif ("," in raw and "." in raw) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def parse_number_words(words: str) -> Decimal | None:
    """Value of a run of French or English number words ("vingt-cinq", "quatre-vingts", "half a").

    Cardinals go to text2num, which knows the French vigesimal forms ("quatre-vingt-dix" is 90, not
    4 + 20 + 10); fractions ("half a", "un demi") and the article "a"/"un" it does not read stay here.
    """
    tokens = [t for t in re.split(r"[\s\-]+", _strip_accents(words.lower())) if t and t not in ("et", "and")]
    if not tokens:
        return None
    fractions = [t for t in tokens if t in _FRACTIONS]
    if fractions and all(t in _FRACTIONS or t in ("a", "of", "un", "une") for t in tokens):
        # "half a", "a quarter of a", "un demi": a fraction of the scale that follows.
        return _FRACTIONS[fractions[0]]
    phrase = " ".join(words.lower().split())
    for lang in ("fr", "en"):
        try:
            return Decimal(text2num(phrase, lang))
        except ValueError:
            continue
    return _sum_number_words(tokens)


def _sum_number_words(tokens: list[str]) -> Decimal | None:
    """Fallback for what text2num refuses ("a hundred", "un"): units add up, "hundred" multiplies."""
    current = 0
    seen = False
    for tok in tokens:
        key = tok if tok in _UNITS else _strip_accents(tok)
        if key in _UNITS:
            current += _UNITS[key]
            seen = True
        elif key in _HUNDREDS:
            current = (current or 1) * 100
            seen = True
        else:
            return None
    return Decimal(current) if seen else None


def _scale_value(word: str) -> int | None:
    return _SCALES.get(word.lower())


_DOLLAR_COUNTRY_RE = re.compile(r"[ \u00a0]?(CA|CAN|US|AU|AUS)(?![\w])")
_DOLLAR_COUNTRY = {"CA": "CAD", "CAN": "CAD", "US": "USD", "AU": "AUD", "AUS": "AUD"}


def _currency_after(text: str, pos: int) -> tuple[str, int] | None:
    m = _SUFFIX_SYMBOL_RE.match(text, pos)
    if m:
        if m.group(1) == "$":
            # "40 M$ CA", "12 $ US": the country after the dollar sign says which dollar.
            country = _DOLLAR_COUNTRY_RE.match(text, m.end())
            if country:
                return _DOLLAR_COUNTRY[country.group(1)], country.end()
        return _SYMBOL_CODES[m.group(1)], m.end()
    m = _SUFFIX_CODE_RE.match(text, pos)
    if m:
        return m.group(1), m.end()
    lead = _SUFFIX_LEAD_RE.match(text, pos)
    start = lead.end() if lead else pos
    if start == pos and pos < len(text) and not text[pos].isspace():
        # "5billion dollars" is not a thing, but "€" glued to digits is handled above.
        return None
    for pattern, code in _SUFFIX_CODES:
        m = pattern.match(text, start)
        if m:
            return code, m.end()
    return None


def _prefix_before(text: str, pos: int) -> tuple[str, int] | None:
    window_start = max(0, pos - 6)
    m = _PREFIX_RE.search(text, window_start, pos)
    if not m:
        return None
    symbol = m.group(0).rstrip(_SPACES)
    code = _PREFIX_CODES.get(symbol)
    if code is None:
        return None
    if symbol.isalpha() and m.start() > 0 and text[m.start() - 1].isalnum():
        return None
    return code, m.start()


@dataclass
class _Raw:
    start: int
    end: int
    amount: Decimal
    currency: str | None
    scaled: bool
    approx: bool = False
    unit: Decimal = Decimal(1)  # what the scale word multiplied the digits by


_URL_RE = re.compile(r"(?:https?://|www\.)[^\s)\]>\"]+|\]\([^)\s]{1,500}\)", re.IGNORECASE)
# "une trentaine de millions d'euros", "deux douzaines de millions": approximate collective numerals.
_COLLECTIVES = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
}
_COLLECTIVE_RE = re.compile(
    rf"(?<![\w-])(?:(une?|{_WORD_ALT})[ \u00a0]+)(dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|"
    r"cinquantaine|soixantaine|centaine)s?[ \u00a0]+(?:de[ \u00a0]+|d['’])(?=millions?\b|milliards?\b)",
    re.IGNORECASE,
)


def _read_tail(text: str, value: Decimal, pos: int) -> tuple[Decimal, int, bool, str | None]:
    """Scale word, "et demi", then an optional currency after a number that ends at ``pos``."""
    scaled = False
    m = _SCALE_RE.match(text, pos)
    if m:
        word = m.group(1)
        # A lone "m"/"b"/"k" only counts glued to the digits ("€600M", "$6b"), never "5 m de haut".
        glued = m.start(1) == pos or bool(_SCALE_CURRENCY_RE.match(text, m.end(1)))
        if not (len(word) == 1 and not glued):
            scale = _scale_value(word)
            if scale is not None:
                value *= scale
                pos = m.end()
                scaled = True
                half = _HALF_RE.match(text, pos)
                if half:
                    value += Decimal(scale) / 2
                    pos = half.end()
    currency = None
    cur = _currency_after(text, pos)
    if cur is not None:
        currency, pos = cur
    return value, pos, scaled, currency


_HYPHEN_UNIT_RE = re.compile(r"-(dollars?|euros?|pounds?)(?![\w])", re.IGNORECASE)
_HYPHEN_CODES = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
}


# Cheap gates: every _NUM_RE match starts with a digit, and _WORDS_RE/_COLLECTIVE_RE only match before
# a scale word (same IGNORECASE semantics), so text lacking both cannot hold any mention.
_DIGIT_RE = re.compile(r"\d")
_SCALE_WORD_RE = re.compile(r"milliard|million|billion|trillion", re.IGNORECASE)


def _has_scale_word(text: str) -> bool:
    # Every scale word has "ll", and under IGNORECASE "l" matches only "l" and "L": a quick substring
    # test rules most text out before the (slower) case-insensitive search.
    if "ll" not in text and "LL" not in text and "lL" not in text and "Ll" not in text:
        return False
    return _SCALE_WORD_RE.search(text) is not None


def may_hold_money(text: str) -> bool:
    """False only when ``find_money(text)`` is certainly empty (no digit and no scale word)."""
    return _DIGIT_RE.search(text) is not None or _has_scale_word(text)


def _raw_mentions(text: str, listing: bool = False) -> list[_Raw]:
    found: list[_Raw] = []
    has_digit = _DIGIT_RE.search(text) is not None
    has_scale_word = _has_scale_word(text)
    if not has_digit and not has_scale_word:
        return found
    collectives = (
        _COLLECTIVE_RE.finditer(text) if has_scale_word and ("aine" in text or "AINE" in text) else ()
    )
    for m in collectives:
        count = parse_number_words(m.group(1)) or Decimal(1)
        amount, end, scaled, currency = _read_tail(text, count * _COLLECTIVES[m.group(2).lower()], m.end())
        if scaled:
            found.append(_Raw(m.start(), end, _tidy(amount), currency, scaled, approx=True))
    for m in _NUM_RE.finditer(text) if has_digit else ():
        value = parse_decimal(m.group(0))
        if value is None:
            continue
        start = m.start()
        prefix = _prefix_before(text, start)
        amount, end, scaled, currency = _read_tail(text, value, m.end())
        if prefix is not None:
            currency = currency or prefix[0]
            start = prefix[1]
        if (
            currency is None
            and not scaled
            and not _range_start(text, start, end)
            and not (listing and _LIST_NEXT_RE.match(text, end))
        ):
            continue
        # "a 50-million-euro raise", "a 300-million-dollar round": the hyphenated adjective names the unit.
        hyphen = _HYPHEN_UNIT_RE.match(text, end)
        if hyphen is not None:
            if not scaled or (currency is not None and currency != _HYPHEN_CODES[hyphen.group(1).lower()]):
                continue
            currency = _HYPHEN_CODES[hyphen.group(1).lower()]
            end = hyphen.end()
        unit = amount / value if scaled and value else Decimal(1)
        found.append(_Raw(start, end, _tidy(amount), currency, scaled, unit=unit))
    for m in _WORDS_RE.finditer(text) if has_scale_word else ():
        value = parse_number_words(m.group(0))
        if value is None:
            continue
        amount, end, scaled, currency = _read_tail(text, value, m.end())
        if not scaled:
            continue
        hyphen = _HYPHEN_UNIT_RE.match(text, end)
        if hyphen is not None:
            currency = currency or _HYPHEN_CODES[hyphen.group(1).lower()]
            end = hyphen.end()
        found.append(_Raw(m.start(), end, _tidy(amount), currency, scaled))
    found.sort(key=lambda r: r.start)
    # Figures inside a link target ("https://site/raises-45m") are page furniture, not prose.
    urls = [(u.start(), u.end()) for u in _URL_RE.finditer(text)] if ("://" in text or "www." in text) else []
    # Drop overlaps (a digit inside a longer match) keeping the earliest, longest.
    kept: list[_Raw] = []
    for raw in found:
        if kept and raw.start < kept[-1].end:
            continue
        if any(s <= raw.start < e for s, e in urls):
            continue
        kept.append(raw)
    return kept


# "A and B raised $12M and $20M respectively", "ont levé respectivement 10 et 20 M€": a list, not a range.
_RESPECTIVE_RE = re.compile(r"\brespectiv(?:ely|ement)\b", re.IGNORECASE)
_LIST_NEXT_RE = re.compile(r"[ \u00a0]*(?:,|(?:,[ \u00a0]*)?(?:and|et))[ \u00a0]*[$€£]?\d", re.IGNORECASE)
_LIST_JOIN_RE = re.compile(r"[ \u00a0]*(?:,|(?:,[ \u00a0]*)?(?:and|et))[ \u00a0]*", re.IGNORECASE)


def _spread_list(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Members of "10, 12 et 20 M€" take the scale and currency the last one states."""
    groups: list[list[_Raw]] = []
    for raw in raws:
        if groups and _LIST_JOIN_RE.fullmatch(text[groups[-1][-1].end : raw.start]):
            groups[-1].append(raw)
        else:
            groups.append([raw])
    out: list[_Raw] = []
    for group in groups:
        if len(group) > 1 and not _BETWEEN_RE.search(text, max(0, group[0].start - 12), group[0].start):
            unit = next((r.unit for r in reversed(group) if r.scaled), None)
            currency = next((r.currency for r in reversed(group) if r.currency), None)
            for r in group:
                if not r.scaled and unit is not None:
                    r = replace(r, amount=_tidy(r.amount * unit), scaled=True, unit=unit)
                if r.currency is None:
                    r = replace(r, currency=currency)
                out.append(r)
        else:
            out.extend(group)
    return out


_RANGE_NEXT_RE = re.compile(r"[ \u00a0]*(?:-|–|à|to)[ \u00a0]*[$€£]?\d")
_BETWEEN_NEXT_RE = re.compile(r"[ \u00a0]*(?:and|et)[ \u00a0]*[$€£]?\d", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\b(?:between|entre)[ \u00a0]*$", re.IGNORECASE)


def _range_start(text: str, start: int, end: int) -> bool:
    """A bare number opening a range: "5 à 7 milliards", "entre 1 et 1,5 milliard"."""
    if _RANGE_NEXT_RE.match(text, end):
        return True
    return bool(_BETWEEN_NEXT_RE.match(text, end) and _BETWEEN_RE.search(text, max(0, start - 12), start))


_BARE_NOUN_RE = re.compile(r"[ \u00a0]*(?:de|d['’]|of)[ \u00a0]*([^\W\d_]+)", re.IGNORECASE)
_PAREN_OPEN_RE = re.compile(r"^[ \u00a0]*[(\[][ \u00a0]*$")
_APPOSITION_RE = re.compile(
    r"^[ \u00a0]*,?[ \u00a0]*(?:soit|or|i\.e\.|c['’]est-[àa]-dire|ou|équivalant\s+à|equivalent\s+to)"
    r"[ \u00a0]+$",
    re.IGNORECASE,
)
_HEDGED_ASIDE_RE = re.compile(
    r"[ \u00a0]*(?:,|[–—]|-)[ \u00a0]*(?:roughly|about|around|approximately|some|nearly|or\s+about|"
    r"environ|soit\s+environ|près\s+de|quelque)[ \u00a0]*",
    re.IGNORECASE,
)
_ASIDE_END_RE = re.compile(r"[ \u00a0]*(?:[,;.)–—]|$)")
_PAREN_CLOSE_RE = re.compile(r"[ \u00a0]*(?:au\s+taux[^)]{0,40}|at\s+current[^)]{0,40})?[)\]]", re.IGNORECASE)


def _hedge(text: str, start: int) -> tuple[bool, str | None]:
    left = text[max(0, start - 40) : start]
    if _UPPER_RE.search(left):
        return False, "upper"
    if _LOWER_RE.search(left):
        return True, "lower"
    if _HEDGE_RE.search(left):
        return True, None
    return False, None


def find_money(text: str) -> list[MoneyMention]:
    """Every amount in ``text`` with its currency, hedge, range and equivalent merged in.

    Figures without a unit currency keep ``currency=None`` so the caller can carry one over;
    a bare number with no scale and no currency ("1 000 accélérateurs") is not money at all.
    """
    listing = "spectiv" in text and _RESPECTIVE_RE.search(text) is not None
    raws = _raw_mentions(text, listing)
    if listing:
        raws = _spread_list(text, raws)
    # Bare "7 milliards de paramètres": a scale followed by a noun that is not a currency is a count.
    cleaned: list[_Raw] = []
    for raw in raws:
        if raw.currency is None:
            nm = _BARE_NOUN_RE.match(text, raw.end)
            if nm and nm.group(1).lower() not in ("plus", "moins"):
                continue
        cleaned.append(raw)
    mentions: list[MoneyMention] = []
    i = 0
    while i < len(cleaned):
        raw = cleaned[i]
        approx, bound = _hedge(text, raw.start)
        approx = approx or raw.approx
        amount_max: Decimal | None = None
        end = raw.end
        currency = raw.currency
        nxt = cleaned[i + 1] if i + 1 < len(cleaned) else None
        # Ranges: "$5 billion to $7 billion", "5 à 7 milliards", "between 1 and 2 million".
        if nxt is not None and _RANGE_JOIN_RE.fullmatch(text[raw.end : nxt.start]):
            joiner = text[raw.end : nxt.start]
            listed = (
                listing
                and _LIST_JOIN_RE.fullmatch(joiner)
                and not _BETWEEN_RE.search(text, max(0, raw.start - 12), raw.start)
            )
            if joiner.strip() and not listed and (nxt.currency in (None, currency) or currency is None):
                amount_max = nxt.amount
                currency = currency or nxt.currency
                end = nxt.end
                i += 1
        if currency is None and not raw.scaled and amount_max is None:
            i += 1
            continue
        if eur_value(max(raw.amount, amount_max or Decimal(0)), currency) > max_eur():
            # More than any company has ever raised or been worth: a typo, a parody or not money at all.
            # Dropped here so no later step ever does arithmetic on it.
            i += 1
            continue
        mentions.append(
            MoneyMention(raw.start, end, raw.amount, currency, approx, bound, amount_max, None, raw.scaled)
        )
        i += 1
    # Unscaled first half of a range written "5 à 7 milliards" / "$5-7 billion" takes the second's scale.
    fixed: list[MoneyMention] = []
    for m in mentions:
        if m.amount_max is not None and m.amount_max > 0 and m.amount > 0 and m.amount < m.amount_max / 1000:
            scale = Decimal(10) ** (len(str(int(m.amount_max))) - len(str(int(m.amount))) - 1)
            while m.amount * scale * 10 <= m.amount_max:
                scale *= 10
            m = MoneyMention(
                m.start,
                m.end,
                _tidy(m.amount * scale),
                m.currency,
                m.approx,
                m.bound,
                m.amount_max,
                None,
                True,
            )
        fixed.append(m)
    return _attach_equivalents(text, fixed)


def _attach_equivalents(text: str, mentions: list[MoneyMention]) -> list[MoneyMention]:
    out: list[MoneyMention] = []
    skip: set[int] = set()
    for idx, m in enumerate(mentions):
        if idx in skip:
            continue
        if idx + 1 < len(mentions):
            n = mentions[idx + 1]
            between = text[m.end : n.start]
            paren = _PAREN_OPEN_RE.match(_strip_hedge_tail(between)) and _PAREN_CLOSE_RE.match(text, n.end)
            appos = _APPOSITION_RE.match(_strip_hedge_tail(between)) or (
                # "1 billion euros, roughly $1.1 billion,": a hedged aside in another currency.
                _HEDGED_ASIDE_RE.fullmatch(between) and _ASIDE_END_RE.match(text, n.end)
            )
            if (paren or appos) and n.currency and n.currency != m.currency:
                eq = Money(n.amount, n.currency, n.approx)
                close = _PAREN_CLOSE_RE.match(text, n.end) if paren else None
                end = close.end() if close else n.end
                m = MoneyMention(
                    m.start, end, m.amount, m.currency, m.approx, m.bound, m.amount_max, eq, m.scaled
                )
                skip.add(idx + 1)
        out.append(m)
    return out


_HEDGE_TAIL_RE = re.compile(
    r"(?:environ|about|around|approximately|roughly|some|nearly|près\s+de|soit\s+environ|~|≈|ou\s+environ)"
    r"[ \u00a0]*$",
    re.IGNORECASE,
)


def _strip_hedge_tail(between: str) -> str:
    return _HEDGE_TAIL_RE.sub(" ", between)


def parse_amount(text: str) -> Money | None:
    """The first amount in ``text`` that carries a currency, or None."""
    for m in find_money(text):
        if m.currency is not None:
            return Money(m.amount, m.currency, m.approx)
    return None
