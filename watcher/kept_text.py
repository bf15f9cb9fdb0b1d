"""The text a stored document keeps of its article, and the part of it a change page quotes.

Why a cap of 200 KB (of UTF-8): a news article's extracted text is 2 to 30 KB, a long read
rarely 100 KB, so 200 KB keeps every real article whole; what goes past it is a page that is
not an article (a whole report, a comment thread, a log) extracted as text. Each stored
document carries its text for good, so the cap bounds the database's growth by what a cycle
reads rather than by what a site serves (a page may be 5 MB, ``[http] max_bytes``), and it
keeps the review page's article view under its 300 KB budget. The cut falls at the end of a
sentence, so the text shown never stops mid-word; the facts were read from the whole text
(the document's ``text_hash`` is the whole text's), so a cut text only shows less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from watcher.seeds import text_hash

TEXT_CAP_BYTES = 200_000
# A sentence ends at . ! ? … or a CJK full stop followed by a space, or at a line's end.
_SENTENCE_END = re.compile(r"[.!?…。](?=\s)|\n")
# The change page quotes this much of the text on either side of the evidence (the whole text
# is the article view's): enough for the paragraph around it, small for a dense page.
AROUND = 600


def kept_text(text: str, cap: int = TEXT_CAP_BYTES) -> str:
    """``text`` as a document keeps it: whole if it fits in ``cap`` bytes of UTF-8, else cut
    after the last sentence that fits (at the last space if no sentence ends in it)."""
    data = text.encode("utf-8")
    if len(data) <= cap:
        return text
    head = data[:cap].decode("utf-8", errors="ignore")  # a character cut in two is dropped
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends:
        return head[: ends[-1]].rstrip()
    space = head.rfind(" ")
    return head[:space] if space > 0 else head


def is_whole(text: str, whole_hash: str) -> bool:
    """The kept ``text`` is all of the text whose hash the document records (not cut)."""
    return not whole_hash or text_hash(text) == whole_hash


@dataclass(frozen=True)
class Excerpt:
    """A change's evidence inside the text around it: before, the evidence, after, and
    whether the text goes on past either side."""

    before: str
    at: str
    after: str
    more_before: bool
    more_after: bool


def excerpt(parts: tuple[str, str, str], around: int = AROUND) -> Excerpt:
    """Of the text cut around its evidence (``review.evidence_in``), the sentences within
    ``around`` characters on each side: the paragraph a person reads the figure in."""
    before, at, after = parts
    start = 0
    if len(before) > around:
        # Begin at the first sentence that starts within reach.
        window = before[-around:]
        found = _SENTENCE_END.search(window)
        start = len(before) - around + (found.end() if found else 0)
    end = len(after)
    if len(after) > around:
        ends = [m.end() for m in _SENTENCE_END.finditer(after[:around])]
        end = ends[-1] if ends else around
    return Excerpt(before[start:].lstrip(), at, after[:end].rstrip(), start > 0, end < len(after))
