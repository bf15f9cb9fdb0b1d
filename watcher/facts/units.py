"""The words a money figure is written in: digits the French or English way, number words, scales,
currency symbols, codes and names, hedges; and reading one figure's number, scale and currency.

Pure, one string at a time; ``numbers`` finds the figures of a text with these.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

_SPACES = " \u00a0\u202f\u2009"

# Thousands groups may be separated by any of the spaces French typesetting uses; the first group
# has at most three digits so a year followed by a number ("2023 385") is not glued together.
_NUM_RE = re.compile(
    r"(?:(?<![\w.,])|(?<=USD|EUR|GBP|CHF|JPY|CAD|AUD|CNY|RMB|INR|SEK|KRW|NOK|DKK|PLN|KES|NGN|BRL|ZAR|MXN|MAD|AED|ILS|SGD|HKD|NZD|\$US))"
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
    # ("$50mm": the finance desks' million, glued to the digits only, never "50 mm" thick.)
    "mm": 10**6,
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
    r"milions?|mn|mln|mio|thousand|mille|crores?|lakhs?|mm|[bmk])"
    r"(?![\w])",
    re.IGNORECASE,
)
# "600 M EUR", "20 M €": a lone scale letter followed by a currency is a scale after all.
# "3,5 M d'euros", "12 M de dollars", "22 M euros" too.
_SCALE_CURRENCY_RE = re.compile(
    # ("18 M de $": the symbol where the word would stand, as after "millions".)
    r"[ \u00a0\u202f]?(?:(?:d['’][ \u00a0]?|de[ \u00a0]+)?(?:€|\$|£)(?![ \u00a0\u202f]?\d)|"
    r"(?:EUR|USD|GBP|CHF)(?![A-Za-z])|"
    r"(?i:(?:de[ \u00a0]+|d['’][ \u00a0]?)?(?:euros?|dollars?|livres|francs))(?![\w]))"
)
# French newsroom shorthand: "145,5 ME" (millions d'euros), Québec's "10 G$" (milliards de dollars).
# Press releases and the Maghreb's press write the scale and the code as one word: "12 MEUR",
# "800 kEUR", "4 MCHF", "20 MDH" (millions de dirhams), "1,5 G€".
_COMPOUNDS = {
    "ME": (10**6, "EUR"),
    "G$": (10**9, "USD"),
    "G€": (10**9, "EUR"),
    "MEUR": (10**6, "EUR"),
    "MEuros": (10**6, "EUR"),
    "Meuros": (10**6, "EUR"),
    "Meur": (10**6, "EUR"),
    "kEUR": (10**3, "EUR"),
    "KEUR": (10**3, "EUR"),
    "MUSD": (10**6, "USD"),
    "MCHF": (10**6, "CHF"),
    "MDH": (10**6, "MAD"),
    "MMAD": (10**6, "MAD"),
}
_COMPOUND_RE = re.compile(
    r"[ \u00a0\u202f]?("
    + "|".join(re.escape(k) for k in sorted(_COMPOUNDS, key=len, reverse=True))
    + r")(?![\w$€])"
)
_HALF_RE = re.compile(r"\s+(?:et\s+demi|and\s+a\s+half)\b", re.IGNORECASE)

# (pattern, ISO code); order matters: longer symbols first.
_PREFIX_CURRENCIES: tuple[tuple[str, str], ...] = (
    ("CAD$", "CAD"),
    ("AUD$", "AUD"),
    ("SGD$", "SGD"),
    ("NZD$", "NZD"),
    ("USD$", "USD"),
    ("US$", "USD"),
    ("$US", "USD"),  # the Australian press: "$US26 billion ($39.4 billion)"
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
    ("XOF", "XOF"),
    ("XAF", "XAF"),
    ("MAD", "MAD"),
    ("AED", "AED"),
    ("ILS", "ILS"),
    ("SGD", "SGD"),
    ("HKD", "HKD"),
    ("NZD", "NZD"),
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
CFA_FRANC = "XCF"  # placeholder of "FCFA": West (XOF) or Central (XAF) African, resolved from the text

_SUFFIX_WORDS: tuple[tuple[str, str], ...] = (
    (r"dollars?\s+(?:am[ée]ricains|US|us)", "USD"),
    (r"dollars?\s+(?:CA|CAN)(?![\w])", "CAD"),
    (r"dollars?\s+canadiens", "CAD"),
    (r"dollars?\s+australiens", "AUD"),
    (r"(?:US|U\.S\.|american)\s+dollars?", "USD"),
    (r"canadian\s+dollars?", "CAD"),
    # Québec press: "175 millions US de plus", "3,5 milliards US." (the scale word, then the country).
    (r"US(?=\s*(?:[.,;:)]|$|de\s|d'|pour\s|en\s|lors\s|aupr))", "USD"),
    (r"australian\s+dollars?", "AUD"),
    # "900 millions de dollars hongkongais", "12 million Singapore dollars": other dollars, named after it.
    (r"dollars?\s+(?:hongkongais|de\s+hong\s+kong)", "HKD"),
    (r"dollars?\s+(?:singapouriens|de\s+singapour)", "SGD"),
    (r"dollars?\s+n[ée]o-z[ée]landais", "NZD"),
    (r"hong\s+kong\s+dollars?", "HKD"),
    (r"singapore(?:an)?\s+dollars?", "SGD"),
    (r"new\s+zealand\s+dollars?", "NZD"),
    (r"dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"livres?(?:\s+sterling|\s+britanniques?)?", "GBP"),
    (r"pounds?(?:\s+sterling)?", "GBP"),
    (r"sterling", "GBP"),
    # (Wire copy: "a 40 mln stg deal".)
    (r"stg(?![\w.])", "GBP"),
    (r"(?:francs?\s+)?(?:f\.?\s?)?cfa(?:\s+(?:beac|bceao|uemoa|cemac))?", CFA_FRANC),
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
    (r"(?:swedish\s+kron(?:a|or)|couronnes?\s+su[ée]doises?|kronor)", "SEK"),
    (r"(?:UAE\s+|emirati\s+)dirhams?|dirhams?\s+(?:[ée]miratis|des\s+[ée]mirats)", "AED"),
    # The francophone press that counts in dirhams is Morocco's.
    (r"dirhams?(?:\s+marocains)?", "MAD"),
    # ("95 millions de DH": the Moroccan press's abbreviation, in capitals only.)
    (r"(?-i:DH)", "MAD"),
    (r"(?:brazilian\s+)?reais|r[ée]ais\s+br[ée]siliens", "BRL"),
    (r"south\s+african\s+rand|rands?\s+sud-africains", "ZAR"),
)
# Each word above is tried in turn: one pattern holds them all, each as a group of its own (the same text,
# the same flags), so a single match at the figure's end tries them in the same order, and the group
# that matched (``lastindex``) says which one, instead of some thirty calls of match().
_SUFFIX_ANY_RE = re.compile("|".join(f"({pat}(?![\\w]))" for pat, _ in _SUFFIX_WORDS), re.IGNORECASE)
_SUFFIX_ANY_CODES = tuple(code for _, code in _SUFFIX_WORDS)
# French puts "de"/"d'" between the scale and the currency, sometimes twice by mistake ("de d'euros").
_SUFFIX_LEAD_RE = re.compile(r"[ \u00a0\u202f]*(?:(?:de|of)[ \u00a0]+|d['’][ \u00a0]?)*", re.IGNORECASE)
# A symbol right before a digit opens the next figure ("In 2026 $640m went to"), it ends none.
# ("1,8 million d'€", "2 millions de $": the symbol written where the word would stand.)
_SUFFIX_SYMBOL_RE = re.compile(
    r"[ \u00a0\u202f]?(?:d['’][ \u00a0]?|de[ \u00a0]+)?(€|\$|£|¥|₩|₦)(?![ \u00a0\u202f]?\d)"
)
_SUFFIX_CODE_RE = re.compile(
    r"[ \u00a0\u202f]?(USD|EUR|GBP|CHF|JPY|CAD|AUD|CNY|KRW|SEK|NOK|DKK|PLN|KES|NGN|BRL|ZAR|MXN|XOF|XAF|"
    r"MAD|AED|ILS|SGD|HKD|NZD)"
    r"(?![A-Za-z])"
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
    r"d[ée]passant|sup[ée]rieure?s?\s+[àa]|"
    # a mark passed: "franchit le cap du milliard", "crosses the billion-dollar mark"
    r"d[ée]pass\w*|franchi\w*|cross(?:es|ed|ing)?|surpass\w*|tops|topped|exceed\w*|breaks?|broke)"
    r"[ \u00a0]*[«\"“]?[ \u00a0]*$",
    re.IGNORECASE,
)
_UPPER_RE = re.compile(
    r"\b(?:jusqu['’][àa]|up\s+to|as\s+much\s+as|as\s+many\s+as|au\s+maximum|at\s+most|"
    r"no\s+more\s+than|moins\s+d[e'’]|less\s+than|under|below)[ \u00a0]*[«\"“]?[ \u00a0]*$",
    re.IGNORECASE,
)
_RANGE_JOIN_RE = re.compile(r"[ \u00a0]*(?:-|–|—|to|à|and|et)[ \u00a0]*$", re.IGNORECASE)


def _tidy(value: Decimal) -> Decimal:
    """Drop a spurious exponent/fraction so 6.2 billion compares and prints as 6200000000."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


_DOT_GROUPS_RE = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_COMMA_GROUPS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")


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
    if _DOT_GROUPS_RE.fullmatch(raw):
        raw = raw.replace(".", "")
    elif ("," in raw and "." in raw) or _COMMA_GROUPS_RE.fullmatch(raw):
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
    last: int | None = None
    for tok in tokens:
        key = tok if tok in _UNITS else _strip_accents(tok)
        if key in _UNITS:
            if last is not None and last < 20:
                # "entre trois et quatre millions", "between two and three million": two numbers, a range, not
                # their sum (only a ten or a hundred takes a unit after it: "vingt et un", "cent deux").
                return None
            current += _UNITS[key]
            last = _UNITS[key]
            seen = True
        elif key in _HUNDREDS:
            current = (current or 1) * 100
            last = 100
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
    m = _SUFFIX_ANY_RE.match(text, start)
    if m and m.lastindex is not None:
        return _SUFFIX_ANY_CODES[m.lastindex - 1], m.end()
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


_COLLECTIVES = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    # Belgian and Swiss French: "une septantaine de millions".
    "septantaine": 70,
    "huitantaine": 80,
    "octantaine": 80,
    "nonantaine": 90,
    "centaine": 100,
}
_COLLECTIVE_RE = re.compile(
    rf"(?<![\w-])(?:(une?|{_WORD_ALT})[ \u00a0]+)({'|'.join(_COLLECTIVES)})s?[ \u00a0]+(?:de[ \u00a0]+|d['’])"
    r"(?=millions?\b|milliards?\b)",
    re.IGNORECASE,
)


def _read_tail(text: str, value: Decimal, pos: int) -> tuple[Decimal, int, bool, str | None]:
    """Scale word, "et demi", then an optional currency after a number that ends at ``pos``."""
    compound = _COMPOUND_RE.match(text, pos)
    if compound:
        factor, code = _COMPOUNDS[compound.group(1)]
        return value * factor, compound.end(), True, code
    scaled = False
    m = _SCALE_RE.match(text, pos)
    if m:
        word = m.group(1)
        # A lone "m"/"b"/"k" only counts glued to the digits ("€600M", "$6b"), never "5 m de haut".
        glued = m.start(1) == pos or bool(_SCALE_CURRENCY_RE.match(text, m.end(1)))
        if not ((len(word) == 1 or word.lower() == "mm") and not glued):
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
