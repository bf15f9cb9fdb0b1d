"""How sure each decision is: weights from ``lexicons/confidence.json`` combined into Fact.confidence."""

from __future__ import annotations

import functools

from watcher.facts import lexicon


# How much each way of reaching a decision is worth (``lexicons/confidence.json``).
@functools.cache
def _weights(table: str) -> tuple[tuple[str, float], ...]:
    return tuple(lexicon.load("confidence")[table].items())


def _weight(table: str, key: str) -> float:
    weights = _weights(table)
    return next((w for cue, w in weights if cue in key), dict(weights)["*"])


@functools.lru_cache(maxsize=512)
def _confidence(owner_how: str, kind_how: str, status_how: str, keyword: str, headline: bool) -> float:
    """0..1: a named subject, a clear raise or value word and an explicit amount score high; an owner found
    by coreference or by the article's topic, a weak or carried kind cue, an ambiguous mood score lower."""
    kind_key = f"weak cue {keyword}" if keyword in lexicon.load("confidence")["weak_kind_cues"] else kind_how
    value = (
        _weight("owner", owner_how)
        * _weight("kind", kind_key)
        * _weight("status", status_how)
        * (_weight("form", "headline") if headline else 1.0)
    )
    return round(min(1.0, max(0.0, value)), 2)
