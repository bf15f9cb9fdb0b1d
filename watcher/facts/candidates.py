"""Every money mention of a text as a candidate fact, with the features the fitted decisions read.

The rules (``extract``) still read each figure; their verdicts become features here, beside what the
rules never weigh together: the words on either side of the figure, where the tracked company and other
organisations stand in the sentence, the dates around it, how large the figure is next to the others.
The weights that turn these features into decisions are fitted on real labelled text
(``benchmarks/train_extractor.py``) and live in ``model/extractor.json``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from watcher.facts.lexicon import eur_value
from watcher.facts.numbers import MoneyMention
from watcher.facts.state import _Cand, _Doc
from watcher.facts.status import _FOUNDED_RE, FOUNDED_REACH
from watcher.facts.vocab import _YEAR_RE
from watcher.facts.walk import _Walk

__all__ = ["Candidate", "candidates"]

_TOKEN_RE = re.compile(r"[a-z]+|\d+|[$€£¥%?]")
_WINDOW_CHARS = 70  # how far either side of a figure its words are read
_WINDOW_TOKENS = 6


@dataclass(frozen=True)
class Candidate:
    """One figure of the text that could be a fact of the tracked company."""

    sent_index: int
    mention: MoneyMention  # the currency carried from an earlier figure when the text gives none
    carried: bool
    rule: _Cand | None  # how the rules read it (any owner), if they kept it as a candidate
    kept: _Cand | None  # the rules' final reading, when it survived as the company's fact
    features: tuple[str, ...]


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def _lexical(low: str, mention: MoneyMention, own: frozenset[str], sentence: list[str]) -> list[str]:
    """The words around the figure, then ``sentence``, the words of its sentence (``_sentence_words``)."""
    left = _anonymous(_tokens(low[max(0, mention.start - _WINDOW_CHARS) : mention.start]), own)[
        -_WINDOW_TOKENS:
    ]
    right = _anonymous(_tokens(low[mention.end : mention.end + _WINDOW_CHARS]), own)[:_WINDOW_TOKENS]
    out = [f"L:{t}" for t in left] + [f"R:{t}" for t in right]
    out += [f"L1:{t}" for t in left[-1:]] + [f"L2:{t}" for t in left[-2:-1]]
    out += [f"R1:{t}" for t in right[:1]] + [f"R2:{t}" for t in right[1:2]]
    out += [f"LL:{a}_{b}" for a, b in itertools.pairwise(left)]
    out += [f"RR:{a}_{b}" for a, b in itertools.pairwise(right)]
    out += [f"M:{t}" for t in _tokens(low[mention.start : mention.end]) if not t.isdigit()]
    out += sentence
    return out


def _sentence_words(low: str, own: frozenset[str]) -> list[str]:
    return [f"S:{t}" for t in sorted(set(_anonymous(_tokens(low), own))) if len(t) > 3]


def _anonymous(tokens: list[str], own: frozenset[str]) -> list[str]:
    """The words of the company's own name as one placeholder: weights fitted on real text must not
    learn which companies it spoke of."""
    return [("ownname" if t in own else t) for t in tokens] if own else tokens


def _own_words(doc: _Doc) -> frozenset[str]:
    # (Only the sentences that name the company: the others hold no match.)
    named = doc.named_in()
    return frozenset(
        t
        for low, here in zip(doc.folded, named, strict=True)
        if here
        for m in doc.entity_re.finditer(low)
        for t in _tokens(m.group())
    )


def _entity(doc: _Doc, walk: _Walk, idx: int, mention: MoneyMention) -> list[str]:
    low = doc.folded[idx]
    spans = [(m.start(), m.end()) for m in doc.entity_re.finditer(low)]
    out: list[str] = []
    if not spans:
        out.append("ent:none")
        near_prev = idx > 0 and doc.entity_re.search(doc.folded[idx - 1]) is not None
        out.append(f"ent:prev={near_prev}")
    left = [mention.start - e for s, e in spans if e <= mention.start]
    right = [s - mention.end for s, e in spans if s >= mention.end]
    if left:
        out.append("ent:left=" + _bucket(min(left), (5, 20, 50, 100)))
    if right:
        out.append("ent:right=" + _bucket(min(right), (5, 20, 50, 100)))
    markers = walk.markers(idx)
    before = [m for m in markers if m.end <= mention.start]
    after = [m for m in markers if m.start >= mention.end]
    out.append("mk:left=" + (before[-1].kind if before else "none"))
    out.append("mk:right=" + (after[0].kind if after else "none"))
    if before and after:
        out.append(f"mk:around={before[-1].kind}_{after[0].kind}")
    others = sum(1 for m in markers if m.kind == "other")
    out.append("mk:others=" + _bucket(others, (0, 1, 2)))
    named = [m for m in markers if m.kind in ("entity", "other")]
    if named:
        # The closest named organisation on either side: whose figure a reader takes it for first.
        near = min(named, key=lambda m: min(abs(m.start - mention.end), abs(mention.start - m.end)))
        out.append(f"mk:closest={near.kind}")
    return out


def _last_named(doc: _Doc, idx: int) -> list[str]:
    """Where the company was last named before this sentence: how many sentences back, and whether in
    this paragraph (a roundup moves on to the next company with each paragraph)."""
    named_in = doc.named_in()
    last = next((j for j in range(idx, -1, -1) if named_in[j]), None)
    if last is None:
        return ["last:never"]
    same = doc.sentences[last].paragraph == doc.sentences[idx].paragraph
    return [f"last:gap={_bucket(idx - last, (0, 1, 2, 4))}", f"last:para={same}"]


def _prominence(doc: _Doc) -> list[str]:
    named_in = doc.named_in()
    return [f"ent:sents={_bucket(sum(named_in), (0, 1, 3))}", f"ent:first={bool(named_in) and named_in[0]}"]


def _dates(doc: _Doc, idx: int) -> list[str]:
    low = doc.folded[idx]
    years: set[int] = set()
    founded = False
    for m in _YEAR_RE.finditer(low):
        # "fondée en 2019", "founded in 2016": the year dates the company, not the figure.
        if _FOUNDED_RE.search(low, max(0, m.start() - FOUNDED_REACH), m.start()):
            founded = True
        else:
            years.add(int(m.group()))
    out = ["year:founded"] if founded else []
    if not years:
        return [*out, "year:none"]
    latest = doc.latest_year
    return out + ["year:old" if y < latest else "year:same" if y == latest else "year:later" for y in years]


def _amount(mention: MoneyMention, eur: float, doc_max: float, sent: Sequence[MoneyMention]) -> list[str]:
    out = [f"mag:{int(math.log10(max(eur, 1.0)))}"]
    if mention.bound:
        out.append(f"bound:{mention.bound}")
    if mention.approx:
        out.append("approx")
    if mention.amount_max is not None:
        out.append("range")
    if mention.equivalent is not None:
        out.append("equivalent")
    out.append("doc_max" if eur >= doc_max else "doc_ratio=" + _bucket(int(doc_max / max(eur, 1.0)), (2, 10)))
    position = next((i for i, m in enumerate(sent) if m.start == mention.start), 0)
    out.append(f"pos:{min(position, 3)}/{min(len(sent), 4)}")
    return out


def _rule(rule: _Cand | None, kept: _Cand | None, verdict: str) -> list[str]:
    out = [f"rule:cat={verdict}"]
    if rule is None:
        out.append("rule:none")
        return out
    out.append("rule:owner=" + ("entity" if rule.owner == "entity" else "other"))
    how = next((r for r in rule.reasons if r.startswith("owner:")), "owner: ?")
    out.append("rule:how=" + "_".join(_tokens(how.split("(")[0])[1:5]))
    out.append(f"rule:kind={rule.kind}")
    if kept is None:
        out.append("rule:dropped")
        return out
    out += [
        f"kept:{kept.kind}",
        f"kept:status={kept.status}",
        f"kept:context={kept.context}",
        f"kept:conf={int(kept.confidence * 4)}",
    ]
    if kept.ticket:
        out.append("kept:ticket")
    if kept.round:
        out.append("kept:round_named")
    return out


def candidates(
    doc: _Doc,
    walk: _Walk,
    sentence_money: Sequence[Sequence[MoneyMention]],
    rule_cands: Sequence[_Cand],
    kept: Sequence[_Cand],
    verdicts: dict[tuple[int, int], str],
    doc_currency: str | None,
    *,
    every: bool = True,
) -> list[Candidate]:
    """Every figure with a currency (its own, the one before it in the sentence, or the text's only one);
    with ``every`` False, only those the rules kept as the company's facts (when nothing else could be
    brought in, the others need no features)."""
    rules = {(c.sent_index, c.mention.start): c for c in rule_cands}
    finals = {(c.sent_index, c.mention.start): c for c in kept}
    resolved: list[tuple[int, MoneyMention, bool]] = []
    first = next((m.currency for ms in sentence_money for m in ms if m.currency is not None), None)
    currency: str | None = None  # the latest currency the text gave
    for idx, mentions in enumerate(sentence_money):
        for m in mentions:
            carried = m.currency is None
            if carried:
                # "plus d'un milliard", "40 millions": the currency of the figure before, else the text's.
                currency = currency or doc_currency or first
                if currency is None:
                    continue
                m = m.with_currency(currency)
            currency = m.currency
            resolved.append((idx, m, carried))
    values = [float(eur_value(m.amount, m.currency)) for _i, m, _c in resolved]
    doc_max = max(values, default=1.0)
    seen: dict[str, int] = {}
    out: list[Candidate] = []
    n_sent = len(doc.sentences)
    kept_amounts = {(c.mention.currency, c.mention.amount): c.kind for c in kept}
    own = _own_words(doc)
    prominence: list[str] = []  # how much of the text names the company: read once, when first needed
    words: dict[int, list[str]] = {}  # each sentence's words, read once for all its figures
    for (idx, m, carried), eur in zip(resolved, values, strict=True):
        key = (idx, m.start)
        rule, final = rules.get(key), finals.get(key)
        low = doc.folded[idx]
        amount_key = f"{m.currency}:{m.amount.normalize()}"
        seen[amount_key] = seen.get(amount_key, 0) + 1
        if final is None and not every:
            continue
        features = [
            "bias",
            f"lang:{doc.lang or 'xx'}",
            "sent:" + _bucket(idx, (0, 1, 2, 5)),
            f"headline:{doc.sentences[idx].headline}",
            "sents:" + _bucket(n_sent, (1, 3, 10)),
            f"repeat:{min(seen[amount_key], 3)}",
        ]
        if carried:
            features.append("carried")
        if not prominence:
            prominence = _prominence(doc)
        features += prominence
        twin = kept_amounts.get((m.currency, m.amount))
        if twin is not None and final is None:
            features.append(f"twin_kept:{twin}")
        features += _rule(rule, final, verdicts.get(key, "none"))
        features += _amount(m, eur, doc_max, sentence_money[idx])
        features += _entity(doc, walk, idx, m)
        features += _last_named(doc, idx)
        features += _dates(doc, idx)
        if idx not in words:
            words[idx] = _sentence_words(low, own)
        features += _lexical(low, m, own, words[idx])
        out.append(Candidate(idx, m, carried, rule, final, tuple(features)))
    return out
