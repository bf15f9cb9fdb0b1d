"""Which language a text is in, French or English, by stopword counts: pure, cheap, no model."""

from __future__ import annotations

import re

__all__ = ["guess_language"]

_FR_WORDS = (
    "le la les un une des du de et est sont dans pour par sur avec pas plus que qui au aux ce cette "
    "ces son sa ses il elle ils elles nous vous leur leurs mais ou donc été être avait ont selon "
    "entre après avant depuis lors fait millions milliards d l qu"
)
_EN_WORDS = (
    "the a an and is are was were in for by on with not more than that which who to of at this these "
    "its his her they we you their but or so been be had has have from after before since said would "
    "will it as million billion"
)
_FR_STOPWORDS = frozenset(_FR_WORDS.split())
_EN_STOPWORDS = frozenset(_EN_WORDS.split())
_WORD = re.compile(r"[a-zà-ÿœæ]+", re.IGNORECASE)


def guess_language(text: str) -> str | None:
    """ "fr" or "en" by stopword counts, None when the text is too short or undecided."""
    words = _WORD.findall(text.lower()[:20_000])
    fr = sum(1 for w in words if w in _FR_STOPWORDS)
    en = sum(1 for w in words if w in _EN_STOPWORDS)
    if max(fr, en) < 3:
        return None
    if fr >= 1.5 * en:
        return "fr"
    if en >= 1.5 * fr:
        return "en"
    return None
