"""Preparing a text once for every entity: sentences, money mentions, bare francs and dollars resolved."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Container, Sequence
from decimal import Decimal

from watcher.facts.language import guess_language
from watcher.facts.numbers import (
    BARE_FRANC,
    BARE_SIGN_RE,
    CFA_FRANC,
    LOCAL_DOLLAR,
    US_PREFIX_RE,
    MoneyMention,
    find_money,
    may_hold_money,
)
from watcher.facts.sentences import Sentence, split_clean, strip_markup


def _guess_language(sentences: Sequence[Sentence], money: Sequence[Sequence[MoneyMention]]) -> str | None:
    """The language of the sentences that hold figures: a few hundred characters tell French from
    English as well as the whole page does, for a fraction of the cost."""
    sample: list[str] = []
    size = 0
    for sent, found in zip(sentences, money, strict=True):
        if found:
            sample.append(sent.text)
            size += len(sent.text)
            if size > 300:
                break
    return guess_language(" ".join(sample))


@functools.lru_cache(maxsize=8)
def _prepared(text: str) -> tuple[tuple[Sentence, ...], tuple[tuple[MoneyMention, ...], ...]]:
    """Sentences of ``text`` and the money mentions of each; nothing when no sentence can hold any.

    Independent of the entity, so a page checked for several companies is read once.
    """
    clean = strip_markup(text)
    if not may_hold_money(clean):
        return (), ()
    sentences = tuple(split_clean(clean))
    money = tuple(tuple(find_money(s.text)) for s in sentences)
    if any(m.currency == BARE_FRANC for ms in money for m in ms):
        money = _resolve_francs(clean, sentences, money)
    if any(m.currency == CFA_FRANC for ms in money for m in ms):
        code = "XAF" if _CENTRAL_AFRICA_RE.search(clean) and not _WEST_AFRICA_RE.search(clean) else "XOF"
        money = tuple(
            tuple(m.with_currency(code) if m.currency == CFA_FRANC else m for m in ms) for ms in money
        )
    if _canadian(clean) and any(m.currency == "USD" for ms in money for m in ms):
        money = _resolve_dollars(sentences, money, "CAD", lambda figure: bool(_BARE_DOLLAR_RE.search(figure)))
    elif (
        ("-million" in clean or "-billion" in clean)
        and _CANADIAN_PRESS_RE.search(clean)
        and _CANADA_RE.search(clean)
    ):
        # "$18-million" is the Canadian press's house style: in a story set in Canada, a bare dollar so
        # written is Canadian. "US$18-million" keeps saying American, and so does a bare figure the story
        # also writes in marked American dollars (a headline's short form). (The hyphenated scale words
        # are an exact shortcut: every match of the whole-text search holds one.)
        american = {m.amount for s, ms in zip(sentences, money, strict=True) for m in ms if _marked_us(s, m)}
        money = _resolve_dollars(
            sentences, money, "CAD", lambda fig: bool(_CANADIAN_PRESS_RE.match(fig)), keep=american
        )
    elif ("$US" in clean and US_PREFIX_RE.search(clean)) or _australian(clean):
        # The rest of a story that marks American dollars "$US" (find_money saw only one sentence), or
        # that marks both American and Australian ones ("US$50 million (A$76m)"): its bare "$" is local.
        money = _resolve_dollars(sentences, money, "AUD", lambda figure: bool(BARE_SIGN_RE.match(figure)))
    if any(m.currency == LOCAL_DOLLAR for ms in money for m in ms):
        # "$12m (US$9m)": a bare dollar that the text itself converts into American ones is the local
        # dollar, which the places the story names tell; so are its other bare dollars.
        local = _local_dollar(clean)
        money = tuple(tuple(_local_or_us(m, local) for m in ms) for ms in money)
        if local is not None:
            money = _resolve_dollars(sentences, money, local, lambda figure: bool(BARE_SIGN_RE.match(figure)))
    return sentences, money


_CANADA_RE = re.compile(
    r"(?i:\bcanad\w*|\btoronto\b|\bmontr[ée]al\b|\bvancouver\b|\bcalgary\b|\btsx\b|\bottawa\b|\bwaterloo\b|"
    r"\bontario\b|\bedmonton\b|\bwinnipeg\b|\bhalifax\b)"
)
_DOLLAR_COUNTRIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("SGD", re.compile(r"(?i:\bsingapor\w*|\bsgx\b)")),
    ("AUD", re.compile(r"(?i:\baustralia\w*|\bsydney\b|\bmelbourne\b|\bbrisbane\b|\badelaide\b|\basx\b)")),
    ("CAD", _CANADA_RE),
    ("NZD", re.compile(r"(?i:\bnew\s+zealand\w*|\bauckland\b|\bwellington\b)")),
    ("HKD", re.compile(r"(?i:\bhong\s+kong\b)")),
)


def _local_or_us(mention: MoneyMention, local: str | None) -> MoneyMention:
    """A local-dollar figure in the local currency; with no place, or two, in the American dollars the
    text converts it into (which dollar it is is not known, only that it is not the American one)."""
    if mention.currency != LOCAL_DOLLAR:
        return mention
    if local is not None or mention.equivalent is None:
        return mention.with_currency(local or "USD")
    eq = mention.equivalent
    return dataclasses.replace(
        mention, amount=eq.amount, currency=eq.currency, equivalent=None, amount_max=None
    )


def _local_dollar(clean: str) -> str | None:
    """The dollar of the one country the text names most; None when none or two tie."""
    counts = sorted(((len(pat.findall(clean)), code) for code, pat in _DOLLAR_COUNTRIES), reverse=True)
    if counts[0][0] == 0 or counts[0][0] == counts[1][0]:
        return None
    return counts[0][1]


# "FCFA" is the West African franc (XOF) unless the story is set in Central Africa (XAF) alone.
_CENTRAL_AFRICA_RE = re.compile(
    r"(?i:\b(?:camero\w+|gabon\w*|congo\w*|brazzaville|tchad\w*|chad|centrafri\w+|guin[ée]e\s+[ée]quatoriale|"
    r"douala|yaound[ée]|libreville|n'?djamena|beac|cemac|xaf)\b)"
)
_WEST_AFRICA_RE = re.compile(
    r"(?i:\b(?:s[ée]n[ée]gal\w*|dakar|c[ôo]te\s+d['’]ivoire|ivoirien\w*|abidjan|mali\w*|bamako|burkin\w+|"
    r"ouagadougou|niger(?!ia)\w*|niamey|togo\w*|lom[ée]|b[ée]nin\w*|cotonou|bissau|bceao|uemoa|xof)\b)"
)


# In a story that speaks of Canadian dollars, a bare French "12 millions de dollars" or "45 M$" (Québec
# notation) is Canadian too; "dollars américains", "US$" and "$ US" keep saying USD.
_CANADIAN_RE = re.compile(r"(?i:dollars?\s+canadiens|canadian\s+dollars?)|\bC\$|\bCA\$|\bCAD\b")
# Québec's own press writes Canadian dollars as plain "dollars" / "M$": in a French story set in Montréal
# or Québec, the dollars not marked as American are Canadian. (Canada alone is not enough: a Paris paper's
# story on a Swedish fintech's Canadian launch still counts in American dollars.)
_QUEBEC_RE = re.compile(r"(?i:montr[ée]al|qu[ée]b[ée]c)")  # "Québécois" too
# ("250 000 $": Québec's notation below a million too.)
_FRENCH_DOLLARS_RE = re.compile(
    r"(?i:\bde\s+dollars\b|\d\s?(?:M|G|k|millions?|milliards?)\s?\$|\d{1,3}(?:[ \u00a0\u202f]\d{3})+\s?\$)"
)
_US_DOLLAR_RE = re.compile(
    r"\$\s?US|US\s?\$|(?i:dollars?\s+am[ée]ricains)|\b(?:millions?|milliards?)\s+US\b|\bUSD\b"
)


_AUSTRALIAN_RE = re.compile(r"\bA\$|\bAU\$|\bAUD\b|(?i:australian\s+dollars?|dollars?\s+australiens)")


def _australian(clean: str) -> bool:
    """A story that writes some dollars as Australian and some as American."""
    # (Exact shortcut, as in ``_canadian``: a match of _AUSTRALIAN_RE holds "A$", "U$", "AUD" or "ustral",
    # whose "s" may also be the long "ſ" under IGNORECASE.)
    low = clean.lower()
    gate = "A$" in clean or "U$" in clean or "AUD" in clean or "ustral" in low or "uſtral" in low
    return "$" in clean and gate and bool(_AUSTRALIAN_RE.search(clean)) and bool(_US_DOLLAR_RE.search(clean))


def _canadian(clean: str) -> bool:
    # Exact shortcuts before each search of the whole text (slow: the IGNORECASE parts leave re no
    # literal to skip to): every match holds one of the strings tested, in ``clean`` or, for the
    # IGNORECASE parts, in ``clean.lower()``, their letters being ones that IGNORECASE matches only in
    # their two ASCII cases ("é" in its two cases).
    low = clean.lower()
    if ("C$" in clean or "A$" in clean or "CAD" in clean or "canad" in low) and _CANADIAN_RE.search(clean):
        return True
    # (Québec's press marks American dollars "$ US" where it gives them: the dollars it leaves unmarked
    # stay Canadian; ``_resolve_dollars`` converts only those.)
    quebec = "montr" in low or "queb" in low or "québ" in low
    dollars = "$" in clean or "dollar" in low
    return bool(quebec and dollars and _QUEBEC_RE.search(clean) and _FRENCH_DOLLARS_RE.search(clean))


_CANADIAN_PRESS_RE = re.compile(r"(?<![\w$])\$\s?\d[\d.,]*-(?:million|billion)\b")
_BARE_DOLLAR_RE = re.compile(r"(?:\bdollars?|\d\s?(?:[MGk]|milli\w+|milliards?)?\s?\$)$")


def _resolve_dollars(
    sentences: tuple[Sentence, ...],
    money: tuple[tuple[MoneyMention, ...], ...],
    code: str,
    bare: Callable[[str], bool],
    keep: Container[Decimal] = (),
) -> tuple[tuple[MoneyMention, ...], ...]:
    """The dollars whose written figure ``bare`` calls unmarked, read as ``code`` (but for the amounts
    in ``keep``)."""
    return tuple(
        tuple(
            m.with_currency(code)
            if m.currency == "USD" and m.amount not in keep and bare(sent.text[m.start : m.end])
            else m
            for m in ms
        )
        for sent, ms in zip(sentences, money, strict=True)
    )


_MARKED_US_RE = re.compile(r"(?:U\.?S\.?\s?\$|\$\s?US|USD\s?)\s?\d")


def _marked_us(sent: Sentence, mention: MoneyMention) -> bool:
    return mention.currency == "USD" and bool(_MARKED_US_RE.match(sent.text, mention.start))


# "7 millions de francs" is Swiss money in a Swiss story (Genève, Lausanne, "suisse", EPFL...).
_SWISS_RE = re.compile(
    r"(?i:\b(?:suisses?|swiss|switzerland|gen[eè]ve|geneva|lausann\w*|zurich\w*|z[üu]rich\w*|b[âa]le|basel|"
    r"berne|bern|lugano|neuch[âa]tel\w*|fribourg\w*|valais\w*|vaudois\w*|vaud|zoug|zug|tessin|epfl|eth|"
    r"helv[ée]t\w*|conf[ée]d[ée]ration|cantonale?s?|romand\w*|chf)\b)"
)


_BEFORE_EURO_RE = re.compile(r"\b(?:1[89][0-9]{2}|200[01])\b")
# The only other francs a funding story names: the French (gone in 2002), Belgian or CFA ones.
_OTHER_FRANCS_RE = re.compile(
    r"(?i:\b(?:anciens?\s+francs|francs?\s+(?:fran[çc]ais|belges?|cfa)|fcfa|xof|xaf)\b)"
)


def _resolve_francs(
    text: str, sentences: Sequence[Sentence], money: tuple[tuple[MoneyMention, ...], ...]
) -> tuple[tuple[MoneyMention, ...], ...]:
    """Bare francs in a story of today are Swiss francs ("obtient 27 millions de francs"); with no Swiss cue
    in the story, not when it names other francs or the sentence a year before the euro."""
    if _SWISS_RE.search(text) is not None:
        return tuple(
            tuple(m.with_currency("CHF") if m.currency == BARE_FRANC else m for m in ms) for ms in money
        )
    other = _OTHER_FRANCS_RE.search(text) is not None
    return tuple(
        tuple(
            m.with_currency("CHF") if m.currency == BARE_FRANC else m
            for m in ms
            if m.currency != BARE_FRANC or not (other or _BEFORE_EURO_RE.search(sent.text))
        )
        for sent, ms in zip(sentences, money, strict=True)
    )
