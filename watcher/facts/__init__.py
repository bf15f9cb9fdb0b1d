"""Fact extraction: funding rounds, valuations and totals a news text attributes to a company.

The names below are loaded on first use: importing a light submodule (``watcher.facts.language``,
which the article fetcher needs) must not compile the extractor's patterns, which a poll with
nothing new never uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from watcher.facts.extract import entity_variants, extract_facts
    from watcher.facts.numbers import (
        MoneyMention,
        find_money,
        parse_amount,
        parse_decimal,
        parse_number_words,
    )

__all__ = [
    "MoneyMention",
    "entity_variants",
    "extract_facts",
    "find_money",
    "parse_amount",
    "parse_decimal",
    "parse_number_words",
]

_HOME = {
    "entity_variants": "watcher.facts.extract",
    "extract_facts": "watcher.facts.extract",
    "MoneyMention": "watcher.facts.numbers",
    "find_money": "watcher.facts.numbers",
    "parse_amount": "watcher.facts.numbers",
    "parse_decimal": "watcher.facts.numbers",
    "parse_number_words": "watcher.facts.numbers",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value
