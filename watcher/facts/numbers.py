"""Money mentions in French and English prose: digits, number words, scales, currencies, hedges.

Everything here is pure and works on one string; attribution and meaning live in ``extract``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from watcher.facts.lexicon import eur_value, max_eur, suspect_above
from watcher.facts.units import (
    _COLLECTIVE_RE,
    _COLLECTIVES,
    _HEDGE_RE,
    _HYPHEN_CODES,
    _HYPHEN_UNIT_RE,
    _LOWER_RE,
    _NUM_RE,
    _RANGE_JOIN_RE,
    _UPPER_RE,
    _WORDS_RE,
    BARE_FRANC,
    CFA_FRANC,
    _prefix_before,
    _read_tail,
    _scale_value,
    _tidy,
    parse_decimal,
    parse_number_words,
)
from watcher.models import Money

# Month names, folded, in calendar order: dates in the text ("en mars 2011", "in March").
MONTHS_FR = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
             "novembre", "decembre")  # fmt: skip
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")  # fmt: skip

__all__ = [
    "BARE_FRANC",
    "CFA_FRANC",
    "MONTHS_EN",
    "MONTHS_FR",
    "MoneyMention",
    "find_money",
    "parse_amount",
    "parse_decimal",
    "parse_number_words",
]


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


# Cheap gates: every _NUM_RE match starts with a digit, and _WORDS_RE/_COLLECTIVE_RE only match before
# a scale word (same IGNORECASE semantics), so text lacking both cannot hold any mention.
_DIGIT_RE = re.compile(r"\d")
_SCALE_WORD_RE = re.compile(r"milliard|million|billion|trillion", re.IGNORECASE)


def _has_scale_word(text: str) -> bool:
    # Every scale word has "lli", and under IGNORECASE "l" matches only "l" and "L", "i" only "i", "I",
    # "İ" and "ı": lower-cased, a match holds "lli" ("İ" lowers to "i" and a dot) or "llı". A quick
    # substring test rules most text out before the (slower) case-insensitive search.
    low = text.lower()
    if "lli" not in low and "llı" not in low:
        return False
    return _SCALE_WORD_RE.search(text) is not None


def may_hold_money(text: str) -> bool:
    """False only when ``find_money(text)`` is certainly empty (no digit and no scale word)."""
    return _DIGIT_RE.search(text) is not None or _has_scale_word(text)


def _raw_mentions(text: str, listing: bool = False) -> list[_Raw]:
    digit = _DIGIT_RE.search(text)
    has_digit = digit is not None
    has_scale_word = _has_scale_word(text)
    if not has_digit and not has_scale_word:
        return []
    found: list[_Raw] = []
    if has_scale_word and ("aine" in text or "AINE" in text):
        found += _collective_mentions(text)
    if digit is not None:
        found += _digit_mentions(text, listing, digit.start())
    if has_scale_word:
        found += _word_mentions(text)
        found += _mark_mentions(text)
    found.sort(key=lambda r: r.start)
    return _without_overlaps(text, found)


def _collective_mentions(text: str) -> list[_Raw]:
    """ "une dizaine de millions": an approximate count of a scale."""
    found: list[_Raw] = []
    for m in _COLLECTIVE_RE.finditer(text):
        count = parse_number_words(m.group(1)) or Decimal(1)
        amount, end, scaled, currency = _read_tail(text, count * _COLLECTIVES[m.group(2).lower()], m.end())
        if scaled:
            found.append(_Raw(m.start(), end, _tidy(amount), currency, scaled, approx=True))
    return found


_ONE_COMMA_GROUP_RE = re.compile(r"\d{1,3},\d{3}")
_ONE_DOT_GROUP_RE = re.compile(r"\d{1,3}\.\d{3}")
_FRENCH_SCALE_RE = re.compile(
    r"[ \u00a0\u202f]*(?:milliards?|millions[ \u00a0]+(?:d['’]|de[ \u00a0]))", re.IGNORECASE
)


_SPACED_SCALE_RE = re.compile(r"[ \u00a0](K|M|Mn|MN|B|Bn|BN)(?![\w])")
# "Rs 1,675 cr", "₹50 Cr": Indian press writes crores short, after the rupee only.
_RUPEE_CRORE_RE = re.compile(r"[ \u00a0]?(?:cr|crs|Cr|Crs|CR)\.?(?![\w])")


def _digit_mentions(text: str, listing: bool, first: int = 0) -> list[_Raw]:
    """``first``: where the first digit is (every match starts with one; its lookbehind, tried at every
    position, makes the scan of the words before costly)."""
    found: list[_Raw] = []
    for m in _NUM_RE.finditer(text, first):
        value = parse_decimal(m.group(0))
        if value is None:
            continue
        start = m.start()
        prefix = _prefix_before(text, start)
        amount, end, scaled, currency = _read_tail(text, value, m.end())
        if scaled and _ONE_COMMA_GROUP_RE.fullmatch(m.group(0)) and _FRENCH_SCALE_RE.match(text, m.end()):
            # "6,750 millions d'euros": before French scale words a comma is decimal (French groups
            # thousands with spaces or dots), so 6.75 million, not 6.75 billion.
            value, amount = value / 1000, amount / 1000
        if prefix is not None:
            currency = currency or prefix[0]
            start = prefix[1]
            spaced = None if scaled else _SPACED_SCALE_RE.match(text, end)
            factor = _scale_value(spaced.group(1)) if spaced is not None else None
            if spaced is not None and factor is not None:
                # "USD 47.5 M", "USD 50 K": after a code the scale letter may stand apart.
                amount, end, scaled = amount * factor, spaced.end(), True
            crore = None if scaled or currency != "INR" else _RUPEE_CRORE_RE.match(text, end)
            if crore is not None:
                amount, end, scaled = amount * 10**7, crore.end(), True
        if not scaled and currency is not None and _ONE_DOT_GROUP_RE.fullmatch(m.group(0)):
            # "500.000 euros": no currency has a thousandth, so the dot groups thousands.
            value = amount = value * 1000
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
    return found


# Exact shortcut for _WORDS_RE, slow to search: every match ends on a letter (its number words are all
# letters) that its lookahead's blanks and scale word follow.
_WORDS_GATE_RE = re.compile(
    r"[^\W\d_][ \u00a0-]+(?:milliards?|millions?|billions?|trillions?)\b", re.IGNORECASE
)


def _word_mentions(text: str) -> list[_Raw]:
    """ "deux milliards", "quatre-vingts millions d'euros": number words before a scale."""
    found: list[_Raw] = []
    for m in _WORDS_RE.finditer(text) if _WORDS_GATE_RE.search(text) else ():
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
    return found


# A billion with no digit, as a mark a company's worth passes: "passe le cap du milliard d'euros de
# valorisation", "franchit la barre du milliard de dollars", "crosses the billion-dollar mark", "a
# billion-dollar valuation". The noun after it says what is counted, so only those nouns.
_MARK_RE = re.compile(
    r"\b(?:le|la\s+barre\s+du|le\s+cap\s+du|la\s+barre\s+d['’]un|le\s+cap\s+d['’]un)[ \u00a0]+milliard"
    r"(?:[ \u00a0]+(?P<fr>d['’]euros|de[ \u00a0]+dollars))?"
    r"(?=[ \u00a0]+de[ \u00a0]+valorisation\b|[ \u00a0]*[,.;:]|$)"
    r"|\b(?:a|the)[ \u00a0]+(?:\$1[ \u00a0-]?|one[ \u00a0-])?billion[- ](?P<en>dollar|euro)"
    r"(?=[ \u00a0]+(?:mark|valuation|threshold|barrier|company|start-?up|business|firm)\b)",
    re.IGNORECASE,
)


def _mark_mentions(text: str) -> list[_Raw]:
    found: list[_Raw] = []
    for m in _MARK_RE.finditer(text):
        unit = (m.group("fr") or m.group("en") or "").lower()
        currency = "EUR" if "euro" in unit else "USD" if "dollar" in unit else None
        found.append(_Raw(m.start(), m.end(), Decimal(10) ** 9, currency, scaled=True))
    return found


def _without_overlaps(text: str, found: list[_Raw]) -> list[_Raw]:
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


def _owner_after_bare(word: str) -> bool:
    """Whether the word after a bare "12 millions de" says whose the sum is rather than what it counts:
    "plus", an article ("les 9 millions de la start-up Zorblo") or a name ("les 3 millions de Plimo"),
    not a people in the plural ("10 millions de Français")."""
    low = word.lower()
    if low in ("plus", "moins", "la", "le", "les", "l"):
        return True
    if low in ("fonds", "funding", "financement", "financements", "capitaux", "investissements"):
        # "65 millions de fonds", "10 million of funding": money by another name, not a count.
        return True
    return word[0].isupper() and not word.isupper() and not low.endswith("s")


# ("58 M$ (soit 54 M€)", "(i.e. €9M)", "(l'équivalent de 9 M€)": the same sum, said to be so.)
_PAREN_OPEN_RE = re.compile(
    r"^[ \u00a0]*[(\[][ \u00a0]*"
    r"(?:(?:soit|i\.e\.|equivalent\s+to|l['’]équivalent\s+de|equal\s+to)[ \u00a0]+)?$",
    re.IGNORECASE,
)
_APPOSITION_RE = re.compile(
    # (« il manque 9 millions d'euros », soit 10 millions de dollars: the quote closes before the apposition.)
    r"^[ \u00a0]*[»”\"]?[ \u00a0]*,?[ \u00a0]*"
    r"(?:soit|or|i\.e\.|c['’]est-[àa]-dire|ou|équivalant\s+à|equivalent\s+to)"
    r"[ \u00a0]+$",
    re.IGNORECASE,
)
_HEDGED_ASIDE_RE = re.compile(
    # "$500 million Series C round, roughly CNY 3.6 billion": a few words naming the deal may
    # come between the figure and its converted aside.
    r"(?:[ \u00a0]+[^\W\d]+(?:-[^\W\d]+)?){0,5}?"
    r"[ \u00a0]*(?:,|[–—]|-)[ \u00a0]*(?:roughly|about|around|approximately|some|nearly|or\s+about|"
    r"environ|soit\s+environ|près\s+de|quelque)[ \u00a0]*",
    re.IGNORECASE,
)
_ASIDE_END_RE = re.compile(r"[ \u00a0]*(?:[,;.)–—]|$)")
# ("(some Rs 40 crore at the time)", "(au taux actuel)": the rate the conversion used.)
_PAREN_CLOSE_RE = re.compile(
    r"[ \u00a0]*(?:au\s+taux[^)]{0,40}|at\s+(?:current|the\s+time|today|the\s+then)[^)]{0,40})?[)\]]",
    re.IGNORECASE,
)


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
    if not raws:
        return []  # (what every step below makes of no figure; most sentences have none)
    if listing:
        raws = _spread_list(text, raws)
    # Bare "7 milliards de paramètres": a scale followed by a noun that is not a currency is a count.
    cleaned: list[_Raw] = []
    for raw in raws:
        if raw.currency is None:
            nm = _BARE_NOUN_RE.match(text, raw.end)
            if nm and not _owner_after_bare(nm.group(1)):
                continue
        cleaned.append(raw)
    mentions: list[MoneyMention] = []
    limit = suspect_above()
    i = 0
    while i < len(cleaned):
        raw = cleaned[i]
        nxt = cleaned[i + 1] if i + 1 < len(cleaned) else None
        joined = _range_with(text, raw, nxt, listing) if nxt is not None else None
        i += 2 if joined is not None else 1
        amount_max, currency, end = joined or (None, raw.currency, raw.end)
        if currency is None and not raw.scaled and amount_max is None:
            continue
        top = max(raw.amount, amount_max or raw.amount)
        if top > limit and eur_value(top, currency) > max_eur():
            # More than any company has ever raised or been worth: a typo, a parody or not money at all.
            # Dropped here so no later step ever does arithmetic on it.
            continue
        approx, bound = _hedge(text, raw.start)
        mentions.append(
            MoneyMention(
                raw.start,
                end,
                raw.amount,
                currency,
                approx or raw.approx,
                bound,
                amount_max,
                None,
                raw.scaled,
            )
        )
    # Unscaled first half of a range written "5 à 7 milliards" / "$5-7 billion" takes the second's scale.
    fixed = [m if m.amount_max is None else _scaled_range_start(m) for m in mentions]
    if "$US" in text and US_PREFIX_RE.search(text):
        # "$US26 billion ($39.4 billion)": who marks American dollars "$US" writes their own bare.
        fixed = [
            m.with_currency("AUD") if m.currency == "USD" and BARE_SIGN_RE.match(text, m.start) else m
            for m in fixed
        ]
    return _attach_equivalents(text, _local_before_us(text, _list_scale(text, fixed)))


_IN_BRACKETS_RE = re.compile(r"\(\s*$")


def _list_scale(text: str, mentions: list[MoneyMention]) -> list[MoneyMention]:
    """ "Quaxi ($230), Plimo ($170), Zorblo ($120M)": bracketed sums of one list written without their
    scale take the scale the others state."""
    bracketed = [m for m in mentions if _IN_BRACKETS_RE.search(text, max(0, m.start - 3), m.start)]
    scaled = [m for m in bracketed if m.scaled and m.currency is not None]
    if len(bracketed) < 3 or not scaled:
        return mentions
    number = _NUM_RE.search(text, scaled[0].start, scaled[0].end)
    digits = parse_decimal(number.group(0)) if number else None
    if not digits:
        return mentions
    factor = scaled[0].amount / digits
    if factor not in (Decimal(10**3), Decimal(10**6), Decimal(10**9)):
        return mentions
    return [
        replace(m, amount=m.amount * factor, scaled=True)
        if m in bracketed and not m.scaled and m.currency == scaled[0].currency and m.amount < 1000
        else m
        for m in mentions
    ]


LOCAL_DOLLAR = (
    "XLD"  # placeholder of a bare "$" the text converts into American dollars, resolved from the text
)
_US_MARKED_RE = re.compile(r"US\$|\$US|USD|U\.S\.\s?\$")
_US_AFTER_RE = re.compile(r"\b(?:USD|US)\s*$")


def _local_before_us(text: str, mentions: list[MoneyMention]) -> list[MoneyMention]:
    """ "$12m (US$9m)", "$90 million ($66 million USD)": the bare dollar first is not American."""
    out = list(mentions)
    for i in range(len(out) - 1):
        m, n = out[i], out[i + 1]
        if not (m.currency == "USD" and n.currency == "USD" and BARE_SIGN_RE.match(text, m.start)):
            continue
        between = text[m.end : n.start]
        marked = _US_MARKED_RE.match(text, n.start) or _US_AFTER_RE.search(text, n.start, n.end)
        if marked and _PAREN_OPEN_RE.match(_strip_hedge_tail(between)) and _PAREN_CLOSE_RE.match(text, n.end):
            out[i] = m.with_currency(LOCAL_DOLLAR)
    return out


# The Australian press marks American dollars "$US26 billion": its bare "$39.4 billion" is Australian
# (``prepare`` applies the same to the rest of such a story).
US_PREFIX_RE = re.compile(r"\$US\s?\d")
BARE_SIGN_RE = re.compile(r"\$\s?\d")  # a figure written with a bare dollar sign, read with ``match``


# "sa valorisation est passée de 3 à 5 milliards", "its valuation rose from $3bn to $5bn": a value
# before and after a change, not a range. Read on raw or folded text.
CHANGED_FROM_RE = re.compile(
    r"\b(?:pass\w*|grimp\w*|chut\w*|tomb\w*|bondi\w*|augment\w*|diminu\w*|recul\w*|baiss\w*|"
    r"rose|risen|rising|rises|jump\w*|climb\w*|fell|fallen|falling|falls|drop\w*|increas\w*|decreas\w*|"
    r"grew|grown|growing|soar\w*|surg\w*|plung\w*|slash\w*|mov\w*|went|gone|going|up|down)"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:from|de|d['’])\s*$",
    re.IGNORECASE,
)


_YEAR_ONLY_RE = re.compile(r"(?:19|20)\d\d")


_VALUATION_AFTER_RE = re.compile(r"[ \u00a0]*de[ \u00a0]+valorisation\b", re.IGNORECASE)


def _range_with(
    text: str, raw: _Raw, nxt: _Raw | None, listing: bool
) -> tuple[Decimal, str | None, int] | None:
    """(amount_max, currency, end) when ``raw`` and ``nxt`` form a range: "$5 billion to $7 billion",
    "5 à 7 milliards", "between 1 and 2 million" (but not the members of a "respectively" list, nor the
    two values of a change: "rose from $3bn to $5bn")."""
    if nxt is None or not _RANGE_JOIN_RE.fullmatch(text[raw.end : nxt.start]):
        return None
    if raw.currency is None and not raw.scaled and _YEAR_ONLY_RE.fullmatch(text, raw.start, raw.end):
        # "2 June 2026 – $640m for Zorblo": a date before the figure, not the start of a range.
        return None
    if CHANGED_FROM_RE.search(text, max(0, raw.start - 80), raw.start):
        return None
    if "à" in text[raw.end : nxt.start] and _VALUATION_AFTER_RE.match(text, nxt.end):
        # "lève 8 M€ à 60 M€ de valorisation": a round, then the valuation it was raised at.
        return None
    joiner = text[raw.end : nxt.start]
    listed = (
        listing
        and _LIST_JOIN_RE.fullmatch(joiner)
        and not _BETWEEN_RE.search(text, max(0, raw.start - 12), raw.start)
    )
    currency = raw.currency
    if joiner.strip() and not listed and (nxt.currency in (None, currency) or currency is None):
        return nxt.amount, currency or nxt.currency, nxt.end
    return None


def _scaled_range_start(m: MoneyMention) -> MoneyMention:
    if not (
        m.amount_max is not None and m.amount_max > 0 and m.amount > 0 and m.amount < m.amount_max / 1000
    ):
        return m
    scale = Decimal(10) ** (len(str(int(m.amount_max))) - len(str(int(m.amount))) - 1)
    while m.amount * scale * 10 <= m.amount_max:
        scale *= 10
    return MoneyMention(
        m.start, m.end, _tidy(m.amount * scale), m.currency, m.approx, m.bound, m.amount_max, None, True
    )


def _attach_equivalents(text: str, mentions: list[MoneyMention]) -> list[MoneyMention]:
    out: list[MoneyMention] = []
    skip: set[int] = set()
    for idx, m in enumerate(mentions):
        if idx in skip:
            continue
        if idx + 1 < len(mentions):
            n = mentions[idx + 1]
            between = text[m.end : n.start]
            bare = _strip_hedge_tail(between)  # (once: a search of the whole gap)
            opened = _PAREN_OPEN_RE.match(bare)
            last = _last_of_paren_list(text, mentions, idx + 1, m.currency) if opened else idx + 1
            paren = opened and _PAREN_CLOSE_RE.match(text, mentions[last].end)
            appos = _APPOSITION_RE.match(bare) or (
                # "1 billion euros, roughly $1.1 billion,": a hedged aside in another currency.
                _HEDGED_ASIDE_RE.fullmatch(between) and _ASIDE_END_RE.match(text, n.end)
            )
            if (paren or appos) and n.currency and n.currency != m.currency:
                eq = Money(n.amount, n.currency, n.approx)
                close = _PAREN_CLOSE_RE.match(text, mentions[last].end) if paren else None
                end = close.end() if close else n.end
                if (
                    not paren
                    and between.lstrip(" \u00a0")[:1].isalpha()
                    and not _APPOSITION_RE.match(between)
                ):
                    # Words of the deal stand between: the mention keeps its own end, so they still
                    # qualify it ("Series B round"); only the aside is taken out.
                    end = m.end
                m = MoneyMention(
                    m.start, end, m.amount, m.currency, m.approx, m.bound, m.amount_max, eq, m.scaled
                )
                skip.update(range(idx + 1, (last if paren else idx + 1) + 1))
        out.append(m)
    return out


# "£40m (€46m, $51m)": the same sum in two more currencies, listed in one parenthesis.
_PAREN_LIST_SEP_RE = re.compile(r"[ \u00a0]*[,;/][ \u00a0]*(?:(?:or|soit|ou)[ \u00a0]+)?")


def _last_of_paren_list(text: str, mentions: list[MoneyMention], first: int, currency: str | None) -> int:
    """The index of the last mention of the list of conversions that opens at ``mentions[first]``: each
    one in another currency than ``currency`` and than the ones before, separated by a comma."""
    seen = {currency, mentions[first].currency}
    last = first
    while last + 1 < len(mentions):
        n = mentions[last + 1]
        sep = _PAREN_LIST_SEP_RE.fullmatch(text, mentions[last].end, n.start)
        if sep is None or n.currency is None or n.currency in seen:
            break
        seen.add(n.currency)
        last += 1
    return last


_HEDGE_TAIL_RE = re.compile(
    # ("$1.3B (approx €1.1B)": the same sum, converted.)
    r"(?:environ|about|around|approximately|approx\.?|roughly|some|nearly|près\s+de|soit\s+environ|~|≈|"
    r"ou\s+environ|c(?:a)?\.|"
    # ("over £7m (more than $9m)": a bound converted along with its sum.)
    r"plus\s+de|more\s+than|over|at\s+least|au\s+moins|moins\s+de|less\s+than|under|"
    # ("Rs 900 crore, or a little over $100 million": a conversion rounded for the reader.)
    r"(?:a\s+little|just|slightly)\s+(?:over|under|more\s+than|less\s+than)|un\s+peu\s+(?:plus|moins)\s+de)"
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
