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
from collections.abc import Iterable, Iterator, Sequence
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
    # The marks are looked up once per distinct character, not once per character of an article,
    # and dropped by one pattern of them (str.translate looks every character up in a dict).
    marks = sorted(c for c in set(decomposed) if unicodedata.combining(c))
    if not marks:
        return decomposed.casefold()
    return re.sub("[" + "".join(map(re.escape, marks)) + "]", "", decomposed).casefold()


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
    if lower.isascii():
        return lower
    loose = lower.upper().lower()
    if len(loose) == len(text):
        return loose
    # A few letters become a letter and a mark ("İ" lowers to "i" and a dot above): the mark
    # would split the word, where ``re`` takes the letter for "i". Those letters lose the mark.
    return "".join(map(_loose_letter, text))


@lru_cache(maxsize=4096)
def _loose_letter(char: str) -> str:
    loose = char.lower().upper().lower()
    if len(loose) == 1:
        return loose
    return "".join(c for c in unicodedata.normalize("NFD", loose) if not unicodedata.combining(c))


class _View:
    """One spelling of a text the patterns are tried on, with its words and where they are."""

    def __init__(self, text: str):
        self.text = text
        loose = _loose(text)
        self.words = _WORD.findall(loose)
        # Word positions are those of the text itself only when the loose spelling kept every
        # letter one letter ("ß" becomes "ss"); otherwise the patterns search the whole text.
        self._loose = loose if len(loose) == len(text) else None
        # (Read as far as the words asked for: the name is usually found near the top.)
        self._spans: list[tuple[int, int]] = []
        self._more: Iterator[re.Match[str]] | None = None

    def span(self, first: int, count: int) -> tuple[int, int] | None:
        """Where words ``first`` to ``first + count - 1`` are in the text; None when not known."""
        if self._loose is None:
            return None
        if self._more is None:
            self._more = _WORD.finditer(self._loose)
        while len(self._spans) < first + count:
            self._spans.append(next(self._more).span())
        return self._spans[first][0], self._spans[first + count - 1][1]


def _search_near(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether ``pattern`` matches ``text`` somewhere in ``start:end``, judged on the whole text.

    ``re`` looks behind ``start`` but takes ``end`` for the end of the text: a match that ends
    there is tried again on the whole text before it counts.
    """
    pos = start
    while (m := pattern.search(text, pos, end)) is not None:
        if m.end() < end or end == len(text) or pattern.match(text, m.start()) is not None:
            return True
        pos = m.start() + 1
    return False


class EntityMatcher:
    """Which of many entities a text names, with the rules of ``mentions``; built once per configuration."""

    def __init__(self, entities: Sequence[Entity]):
        self.entities = tuple(entities)
        # Every name is filed under its first word, with all its words: a name the text spells
        # has its words one after another in the text (only separators and the name's own
        # signs between them). The pattern then only has to be tried where they are.
        self._index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        # Names without a letter or digit ("&&") cannot be filed: their patterns are always tried.
        self._always: list[int] = []
        # How far a match can reach beyond its words (signs such as "(" or "'s" in the name).
        self._reach: dict[int, int] = {}
        for i, entity in enumerate(self.entities):
            for name in entity.names:
                tokens = fold(name).split()
                if not tokens:
                    continue  # never matches (see names_pattern)
                joined = " ".join(tokens)
                words = tuple(_WORD.findall(_loose(joined)))
                if not words:
                    self._always.append(i)
                    continue
                self._reach[i] = max(self._reach.get(i, 0), 2 * len(joined) + 2)
                self._index.setdefault(words[0], []).append((i, words))
        self._patterns: dict[int, re.Pattern[str] | None] = {}

    def _pattern(self, i: int) -> re.Pattern[str] | None:
        # Compiled at the first text that may name the company, then kept for the configuration.
        if i not in self._patterns:
            self._patterns[i] = names_pattern(self.entities[i].names)
        return self._patterns[i]

    def _places(self, views: Sequence[_View]) -> dict[int, list[tuple[_View, int, int]]]:
        """Per entity, where one of its names has all its words in a row: (view, first word, count)."""
        places: dict[int, list[tuple[_View, int, int]]] = {}
        index = self._index
        for view in views:
            words = view.words
            for j in [j for j, word in enumerate(words) if word in index]:
                for i, name in index[words[j]]:
                    if len(name) == 1 or tuple(words[j : j + len(name)]) == name:
                        places.setdefault(i, []).append((view, j, len(name)))
        return places

    def _named(self, i: int, spots: Sequence[tuple[_View, int, int]]) -> bool:
        pattern = self._pattern(i)
        if pattern is None:
            return False
        reach = self._reach[i]
        for view, first, count in spots:
            span = view.span(first, count)
            if span is None:
                if pattern.search(view.text) is not None:
                    return True
                continue
            start, end = span
            if _search_near(pattern, view.text, max(0, start - reach), min(len(view.text), end + reach)):
                return True
        return False

    def find(self, text: str) -> list[Entity]:
        """The entities ``text`` names, in configuration order."""
        folded = fold(text)
        # The patterns are tried on the folded text and, as ``mentions`` does, on the text as
        # written, where a mark or a sign ("™") ends a word that folding glues to the next.
        # For ASCII text, trying the folded one is the same. An entity is named if any of its
        # places in either text is: the text as written (its words, a third of the cost) is
        # only read when the folded one left an entity unnamed, which with one company is rare.
        found = {i for i, spots in self._places([_View(folded)]).items() if self._named(i, spots)}
        if not text.isascii() and len(found) < len(self.entities):
            places = self._places([_View(text)])
            found.update(i for i, spots in places.items() if i not in found and self._named(i, spots))
        for i in self._always:
            if i not in found:
                pattern = self._pattern(i)
                if pattern is not None and _search(pattern, text, folded):
                    found.add(i)
        return [self.entities[i] for i in sorted(found)]


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
