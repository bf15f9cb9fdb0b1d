"""The extractor's data files (``lexicons/*.json``), loaded once: word lists and weights are data."""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from importlib import resources
from typing import Any

__all__ = ["LANGS", "alternation", "eur_value", "load", "max_eur", "min_deal_eur", "suspect_above"]

# Languages with a lexicon; a text in neither is read with all of them.
LANGS: tuple[str, ...] = ("en", "fr")


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The JSON object in ``watcher/facts/lexicons/<name>.json``."""
    text = resources.files("watcher.facts").joinpath("lexicons", f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def _rates() -> dict[str, Decimal]:
    return {code: Decimal(str(rate)) for code, rate in load("money")["eur_per_unit"].items()}


def eur_value(amount: Decimal, currency: str | None) -> Decimal:
    """Order-of-magnitude value in euros, for plausibility checks only (unknown currencies count 1:1)."""
    return amount * _rates().get(currency or "EUR", Decimal(1))


@functools.cache
def suspect_above() -> Decimal:
    """No amount at or below this can exceed ``max_eur`` in any known currency: a cheap first test."""
    return max_eur() * min(_rates().values())


@functools.cache
def max_eur() -> Decimal:
    return Decimal(str(load("money")["max_eur"]))


@functools.cache
def min_deal_eur() -> Decimal:
    return Decimal(str(load("money")["min_deal_eur"]))


def alternation(key: str, lang: str | None) -> str:
    """The regex alternation of the ``key`` cues of ``lang``'s lexicon (of every lexicon when None)."""
    langs = (lang,) if lang in LANGS else LANGS
    return "|".join(dict.fromkeys(w for code in langs for w in load(code)[key]))
