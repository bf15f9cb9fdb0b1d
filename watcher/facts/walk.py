"""Per-sentence work done lazily, at most once: owner markers, round names, topic updates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from watcher.facts.markers import _ENTRY_NUMBER_RE, _line_head, _owner_markers
from watcher.facts.rounds import _find_round
from watcher.facts.topic import _update_topic

if TYPE_CHECKING:
    from watcher.facts.state import _Doc, _Owner


class _Walk:
    """Per-sentence work done only for the sentences that need it, each at most once.

    Owner markers and round names of a sentence are computed on demand; the running topic
    (``doc.company_topic``/``doc.subject``) is brought up to date only when an owner is resolved.
    """

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.texts = [s.text.replace("’", "'") for s in doc.sentences]
        self._markers: dict[int, list[_Owner]] = {}
        self._rounds: dict[int, list[tuple[int, int, str]]] = {}
        self._topic_done = 0
        self._heads: dict[int, re.Match[str] | None] = {}

    def head(self, idx: int) -> re.Match[str] | None:
        """The company sentence ``idx`` opens with as an entry of a list, if it is one."""
        if idx in self._heads:
            return self._heads[idx]
        sents = self.doc.sentences
        # (A match spans at most the last seven characters, or the whole of a text that short: the search
        # starts there, not at every character of the sentence.)
        before = sents[idx - 1].text if idx > 0 else ""
        numbered = idx > 0 and bool(_ENTRY_NUMBER_RE.search(before, max(0, len(before) - 8)))
        line_start = idx == 0 or sents[idx - 1].paragraph != sents[idx].paragraph or numbered
        found = self._heads[idx] = _line_head(self.texts[idx], line_start, numbered)
        return found

    def markers(self, idx: int) -> list[_Owner]:
        found = self._markers.get(idx)
        if found is None:
            found = self._markers[idx] = _owner_markers(
                self.texts[idx], self.doc.folded[idx], self.doc.entity_re, self.head(idx)
            )
        return found

    def rounds(self, idx: int) -> list[tuple[int, int, str]]:
        found = self._rounds.get(idx)
        if found is None:
            found = self._rounds[idx] = _find_round(self.doc.folded[idx])
        return found

    def topic_before(self, idx: int) -> None:
        """Apply the topic updates of every sentence before ``idx`` not applied yet."""
        while self._topic_done < idx:
            j = self._topic_done
            # Kept after the topic moves on: the fitted decisions read them again (``candidates``).
            markers = self.markers(j)
            if not self._furniture(j, markers):
                _update_topic(self.doc, markers, self.texts[j])
            self._topic_done += 1

    def _furniture(self, idx: int, markers: list[_Owner]) -> bool:
        """A short line of page furniture ("Sign up for our newsletter", "Image credit: ..."): no figure, no
        company named, words that make no heading; it moves no topic."""
        sent = self.doc.sentences[idx]
        words = sent.text.split()
        return (
            sent.headline
            and idx > 0
            and len(words) <= 6
            and not (idx < len(self.doc.has_money) and self.doc.has_money[idx])
            and not any(m.kind in ("entity", "other") for m in markers)
            and len(words) > 1
            and words[1][:1].islower()
        )
