"""Fact extraction: funding rounds, valuations and totals a news text attributes to a company."""

from watcher.facts.extract import entity_variants, extract_facts
from watcher.facts.numbers import MoneyMention, find_money, parse_amount, parse_decimal, parse_number_words

__all__ = [
    "MoneyMention",
    "entity_variants",
    "extract_facts",
    "find_money",
    "parse_amount",
    "parse_decimal",
    "parse_number_words",
]
