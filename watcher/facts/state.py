"""Per-document state: the owners a sentence names, the candidate facts, the document being read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from watcher.facts.numbers import MoneyMention
from watcher.facts.patterns import _DESCRIPTOR_RE
from watcher.facts.sentences import Sentence, fold
from watcher.facts.vocab import _OFFICIAL_SOURCE_RE, _YEAR_RE, _sentence_reported


@dataclass
class _Owner:
    kind: str  # "entity", "other", "generic", "pronoun"
    name: str
    start: int
    end: int
    target: bool = False  # named as what someone invests in ("X invested $20M in Kettle")


@dataclass
class _Cand:
    sent_index: int
    mention: MoneyMention
    kind: str
    owner: str  # "entity" or the other company's folded name
    status: str = "announced"
    context: str = "main"
    round: str | None = None
    basis: str | None = None
    lead: list[str] = field(default_factory=list)
    investors: list[str] = field(default_factory=list)
    ticket: bool = False  # an investor's own cheque ("X invested €10M in ...")
    reasons: list[str] = field(default_factory=list)
    confidence: float = 1.0


@dataclass
class _Doc:
    sentences: list[Sentence]
    folded: list[str]
    entity_re: re.Pattern[str]
    quoted: list[Sentence] = field(default_factory=list)  # the sentences as written: the evidence
    text: str = ""
    lang: str | None = None
    has_money: list[bool] = field(default_factory=list)
    company_topic: str = "entity"
    subject: str = "entity"
    lead: str | None = None  # the first company the text speaks of
    _described: set[str] | None = None
    _named_in: list[bool] | None = None
    _latest_year: int | None = None
    published_year: int | None = None  # the year the text was published, when the caller knows it
    published_month: int | None = None  # and its month (1-12), when known
    _reported: dict[int, bool] = field(default_factory=dict)
    _official: dict[int, bool] = field(default_factory=dict)
    investor_firm: bool = False  # the tracked company is itself an investor (names.is_investor_firm)
    # What the rules made of each figure they read, by (sentence, start): "round", "val", "non"...
    verdicts: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def latest_year(self) -> int:
        """The latest year the raw text mentions (0 if none); computed on first use."""
        if self.published_year is not None:
            return self.published_year
        if self._latest_year is None:
            self._latest_year = max((int(y) for y in _YEAR_RE.findall(self.text)), default=0)
        return self._latest_year

    def reported(self, idx: int) -> bool:
        """Whether sentence ``idx`` attributes what it says to a third-party source."""
        known = self._reported.get(idx)
        if known is None:
            known = self._reported[idx] = _sentence_reported(self.folded[idx])
        return known

    def official(self, idx: int) -> bool:
        """Whether sentence ``idx`` cites the company itself (or another official source)."""
        known = self._official.get(idx)
        if known is None:
            known = self._official[idx] = bool(_OFFICIAL_SOURCE_RE.search(self.folded[idx]))
        return known

    def named_in(self) -> list[bool]:
        """Whether each sentence names the tracked company; computed on first use."""
        if self._named_in is None:
            self._named_in = [self.entity_re.search(low) is not None for low in self.folded]
        return self._named_in

    def first_named(self) -> int | None:
        """The index of the first sentence that names the tracked company (None: none does)."""
        return next((i for i, named in enumerate(self.named_in()) if named), None)

    def descriptor_named(self, name: str) -> bool:
        """Whether the text calls ``name`` a company somewhere ("rival Corvane", "la start-up X")."""
        if self._described is None:
            self._described = {
                fold(m.group(1)) for s in self.sentences for m in _DESCRIPTOR_RE.finditer(s.text)
            }
        return name in self._described
