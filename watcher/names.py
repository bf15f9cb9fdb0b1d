"""Does a text name a tracked company? Whole words, ignoring case and accents, aliases too.

``mentions`` answers for one company's names. ``EntityMatcher`` answers for every tracked
company at once: built once per configuration, it costs about the same per text whether 10
or 10,000 companies are tracked (issue 18), where asking ``mentions`` of each company in turn
grew with their number (211 ms per feed entry at 1,000 companies).

The matcher gives exactly the answers ``mentions`` gives, by construction: an index of words
picks the few companies whose every word the text contains (a cheap test that can only say
too much), and each of those is then checked with its own ``mentions`` pattern. Pure logic:
values in, values out.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from watcher.models import Entity

# Runs of letters and digits: "_" is a word character for the regex boundaries, but the
# patterns below also take it as a separator between a name's words ("Mistral_AI").
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` (NFKD, marks dropped, casefolded)."""
    if text.isascii():
        # Most English text: no accents to drop, and NFKD over a whole article is costly.
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One company's names as whole words, in folded form; None when no name has a word."""
    alternatives = []
    for name in names:
        tokens = fold(name).split()
        if tokens:
            # "Mistral AI" should also match "Mistral-AI" and line-wrapped "Mistral\nAI".
            alternatives.append(r"[\s\-_]+".join(re.escape(t) for t in tokens))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _search(pattern: re.Pattern[str], text: str, folded: str) -> bool:
    # Most texts that name the company spell it plainly: the folded text is the second try.
    return pattern.search(text) is not None or pattern.search(folded) is not None


@lru_cache(maxsize=256)
def _cached_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    return names_pattern(names)


def mentions(text: str, names: Sequence[str]) -> bool:
    """Whether ``text`` names any of ``names`` as whole words, ignoring case and accents."""
    pattern = _cached_pattern(tuple(names))
    if pattern is None:
        return False
    return pattern.search(text) is not None or pattern.search(fold(text)) is not None


def _loose(text: str) -> str:
    """One spelling per letter for the word index, whatever the case.

    The patterns match ignoring case the way ``re`` does, where "ı" and "I", "ſ" and "S",
    "µ" and "Μ" are the same letter; lower, upper, lower again maps each such set to one
    letter. ASCII needs the first step only.
    """
    lower = text.lower()
    return lower if lower.isascii() else lower.upper().lower()


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text))


class EntityMatcher:
    """Which of many entities a text names, with the rules of ``mentions``; built once per configuration."""

    def __init__(self, entities: Sequence[Entity]):
        self.entities = tuple(entities)
        # Each company is filed under its names' longest word (the rarest, most likely); the
        # name's other words must be in the text too before its pattern is tried.
        self._index: dict[str, list[tuple[int, frozenset[str]]]] = {}
        # Names without a letter or digit ("&&") cannot be filed: their patterns are always tried.
        self._always: list[int] = []
        for i, entity in enumerate(self.entities):
            for name in entity.names:
                tokens = fold(name).split()
                if not tokens:
                    continue  # never matches (see names_pattern)
                words = _WORD.findall(_loose(" ".join(tokens)))
                if not words:
                    self._always.append(i)
                    continue
                key = max(words, key=len)
                self._index.setdefault(key, []).append((i, frozenset(words)))
        self._patterns: dict[int, re.Pattern[str] | None] = {}

    def _pattern(self, i: int) -> re.Pattern[str] | None:
        # Compiled at the first text that may name the company, then kept for the configuration.
        if i not in self._patterns:
            self._patterns[i] = names_pattern(self.entities[i].names)
        return self._patterns[i]

    def candidates(self, text: str, folded: str) -> list[int]:
        """Indexes of the entities whose every word of some name is in the text: a superset."""
        words = _words(_loose(folded))
        if not text.isascii():
            # The patterns are also tried on the text as written, where a mark or a sign ("™")
            # ends a word that folding would have glued to the next.
            words |= _words(_loose(text))
        found = set(self._always)
        for word in words:
            for i, others in self._index.get(word, ()):
                if others <= words:
                    found.add(i)
        return sorted(found)

    def find(self, text: str) -> list[Entity]:
        """The entities ``text`` names, in configuration order."""
        folded = fold(text)
        out = []
        for i in self.candidates(text, folded):
            pattern = self._pattern(i)
            if pattern is not None and _search(pattern, text, folded):
                out.append(self.entities[i])
        return out


class Roster:
    """A set of entities and their matcher, that crosses to a worker process cheaply.

    A job's entities go to an extraction worker with every article: pickled as dataclasses,
    10,000 companies took 29 ms per article, and the worker then had to find their matcher
    again. A roster is pickled once, travels as those bytes and their digest, and a worker
    that has seen the digest takes the roster it already has, matcher built and all.
    """

    def __init__(self, entities: Sequence[Entity]):
        self.entities = tuple(entities)
        self._matcher: EntityMatcher | None = None
        self._pickled: tuple[str, bytes] | None = None

    def matcher(self) -> EntityMatcher:
        if self._matcher is None:
            self._matcher = EntityMatcher(self.entities)
        return self._matcher

    def find(self, text: str) -> list[Entity]:
        """The entities ``text`` names, in their order (see ``EntityMatcher.find``)."""
        return self.matcher().find(text)

    def __reduce__(self) -> tuple[object, tuple[str, bytes]]:
        if self._pickled is None:
            blob = pickle.dumps(self.entities, protocol=pickle.HIGHEST_PROTOCOL)
            self._pickled = (hashlib.sha256(blob).hexdigest(), blob)
        return (_unpickled_roster, self._pickled)


# The rosters a worker process has been sent, by digest; a configuration uses a few.
_RECEIVED: dict[str, Roster] = {}
_RECEIVED_KEPT = 8


def _unpickled_roster(digest: str, blob: bytes) -> Roster:
    roster = _RECEIVED.get(digest)
    if roster is None:
        if len(_RECEIVED) >= _RECEIVED_KEPT:
            _RECEIVED.pop(next(iter(_RECEIVED)))
        # Bytes this process's parent pickled a moment ago (the same trust as the job around them).
        roster = _RECEIVED[digest] = Roster(pickle.loads(blob))
    return roster


@lru_cache(maxsize=8)
def _roster_of(entities: tuple[Entity, ...]) -> Roster:
    return Roster(entities)


# The last tuples asked for, held (so their ids stay theirs) and found by identity: hashing
# 10,000 entities to find their roster again costs 4 ms, asked once per article.
_RECENT: list[tuple[tuple[Entity, ...], Roster]] = []


def roster_for(entities: tuple[Entity, ...]) -> Roster:
    """The roster of these entities, made at its first use (a configuration uses a few sets)."""
    for held, roster in _RECENT:
        if held is entities:
            return roster
    roster = _roster_of(entities)
    _RECENT.insert(0, (entities, roster))
    del _RECENT[8:]
    return roster


def matcher_for(entities: tuple[Entity, ...]) -> EntityMatcher:
    """The matcher of these entities, built at its first use and kept."""
    return roster_for(entities).matcher()
