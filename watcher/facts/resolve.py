"""Document-level resolution: tickets within rounds, steps and totals, parts of a round, duplicates merged."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from functools import partial
from itertools import combinations
from typing import TYPE_CHECKING

from watcher.facts.kinds import _THIS_ROUND_RIGHT_RE, _TRANCHE_LEFT_RE, REMAINING_WORDS
from watcher.facts.names import _clean_name, _is_entity_name
from watcher.facts.numbers import MoneyMention
from watcher.facts.rounds import _INVESTOR_CONTEXT_RE, _INVESTOR_SUBJECT_RE, _TOP_UP_VERB_RE, _investors
from watcher.facts.sentences import Sentence, fold
from watcher.models import Fact, Money

if TYPE_CHECKING:
    from watcher.facts.state import _Cand, _Doc
    from watcher.facts.walk import _Walk


_STATED_TOTAL_LEFT_RE = re.compile(r"\b(?:total|soit|au\s+total|in\s+all|altogether)\b[^.;]{0,20}$")
# "the package is made up of €70mn equity and €30mn debt": the parts of a stated whole.
_PARTS_LEFT_RE = re.compile(
    r"\b(?:consists?\s+of|consisting\s+of|made\s+up\s+of|split\s+(?:between|into)|se\s+compose\s+d[e']|"
    r"composee?\s+d[e']|se\s+repartit\s+(?:entre|en))\s+(?:[\w'-]+\s+){0,3}$"
)


def _drop_parts_of_round(mine: list[_Cand], doc: _Doc) -> list[_Cand]:
    """The equity part of a round the text states as a whole elsewhere, or one tranche of it ("a first
    tranche of $15 million" of a $50 million round, or of one with more still to be paid: "the remaining
    €35 million"), is not a round of its own. A tranche of no larger round the text gives is the round it
    reports ("a first tranche of €5 million closed")."""
    rounds = [c for c in mine if c.kind == "funding_round"]
    tranches = {
        id(c) for c in rounds if _TRANCHE_LEFT_RE.search(doc.folded[c.sent_index], 0, c.mention.start)
    }
    # (The whole text is read for "remaining" only where a tranche is told.)
    more_to_come = bool(tranches) and any(_STILL_TO_PAY_RE.search(f) for f in doc.folded)

    def part(c: _Cand) -> bool:
        larger = any(
            r is not c and r.mention.currency == c.mention.currency and r.mention.amount > c.mention.amount
            for r in rounds
        )
        if _PARTS_LEFT_RE.search(doc.folded[c.sent_index], 0, c.mention.start):
            return larger
        return id(c) in tranches and (larger or more_to_come)

    return [c for c in mine if not (c.kind == "funding_round" and part(c))]


_STILL_TO_PAY_RE = re.compile(rf"\b(?:{REMAINING_WORDS})\b")


# How many parts a whole may be cut into, and how closely their sum must give it.
_MAX_PARTS = 4
_PARTS_TOLERANCE = Decimal("0.005")
_PART_VERDICTS = ("round", "inv", "none")


def _drop_parts_summing_to_round(
    mine: list[_Cand], doc: _Doc, sentence_money: Sequence[Sequence[MoneyMention]]
) -> list[_Cand]:
    """Figures near a round of the company that add up to it are its parts, not rounds of their own:
    "a réuni 5 M€ en deux fois : 2 M€ au printemps, 3 M€ à l'automne", "20 MCHF : 12 apportés par ... et les
    8 restants".

    Every figure of the round's paragraph that may be money put in counts towards the sum, candidate or
    not (a part nobody reads as a round still completes it).
    """
    rounds = [c for c in mine if c.kind == "funding_round" and c.mention.currency is not None]
    drop: set[int] = set()
    for whole in rounds:
        parts = _parts_of(whole, doc, sentence_money)
        if parts:
            drop.update(
                id(c)
                for c in mine
                if c is not whole
                and c.kind in ("funding_round", "investment")
                and (c.sent_index, c.mention.start) in parts
                # (A part dated apart from its whole in the same sentence still adds up to it.)
                and (c.context == whole.context or c.sent_index == whole.sent_index)
                and (c.round is None or c.round == whole.round)
            )
    return [c for c in mine if id(c) not in drop] if drop else mine


def _parts_of(
    whole: _Cand, doc: _Doc, sentence_money: Sequence[Sequence[MoneyMention]]
) -> set[tuple[int, int]]:
    """(sentence, start) of the figures near ``whole`` that add up to it (empty: none do)."""
    paragraph = doc.sentences[whole.sent_index].paragraph
    near = [
        (i, m)
        for i, ms in enumerate(sentence_money)
        if doc.sentences[i].paragraph == paragraph
        for m in ms
        if m.currency == whole.mention.currency
        and m.amount < whole.mention.amount
        and (i, m.start) != (whole.sent_index, whole.mention.start)
        # (Revenue, a valuation or a loan is no part of a round, whatever it adds up to.)
        and _may_be_part(doc, i, m)
    ]
    found = _adding_up(near, whole.mention.amount) if 2 <= len(near) <= 8 else set()
    if found:
        return found
    # Farther away, a sentence that breaks the round down by itself: « Zorblo a reçu 3 M€ de X, 1 M€ de Y
    # et 5 M€ de Z », paragraphs after « Zorblo boucle un tour de 9 M€ ».
    for i, ms in enumerate(sentence_money):
        if len(ms) < 2 or doc.sentences[i].paragraph == paragraph:
            continue
        found = _adding_up_in_sentence(i, ms, whole.mention, partial(_may_be_part, doc, i))
        if found:
            return found
    return set()


def _may_be_part(doc: _Doc, idx: int, m: MoneyMention) -> bool:
    """Whether the rules read figure ``m`` of sentence ``idx`` as money put in, or as nothing yet."""
    return doc.verdicts.get((idx, m.start), "none") in _PART_VERDICTS


def _adding_up_in_sentence(
    idx: int, ms: Sequence[MoneyMention], whole: MoneyMention, keep: Callable[[MoneyMention], bool]
) -> set[tuple[int, int]]:
    """(sentence, start) of the figures of sentence ``idx`` that add up to ``whole``: each smaller, in its
    currency (a bare one taking the currency of the figure before it), and one ``keep`` accepts; empty
    where none do, or where the sentence holds too few or too many such figures."""
    parts = [
        (idx, m)
        for m, currency in zip(ms, _carried_currencies(ms), strict=True)
        if currency == whole.currency and m.amount < whole.amount and keep(m)
    ]
    return _adding_up(parts, whole.amount) if 2 <= len(parts) <= _MAX_PARTS else set()


def _carried_currencies(ms: Sequence[MoneyMention]) -> list[str | None]:
    """Each figure's currency; a bare one takes the currency of the one before ("6 M€ ..., 2 millions")."""
    out: list[str | None] = []
    last: str | None = None
    for m in ms:
        last = m.currency or last
        out.append(last)
    return out


def _adding_up(near: Sequence[tuple[int, MoneyMention]], target: Decimal) -> set[tuple[int, int]]:
    """(sentence, start) of the smallest group of ``near`` whose amounts add up to ``target``."""
    slack = target * _PARTS_TOLERANCE
    for size in range(2, min(_MAX_PARTS, len(near)) + 1):
        for group in combinations(near, size):
            if abs(sum((m.amount for _i, m in group), Decimal(0)) - target) <= slack:
                return {(i, m.start) for i, m in group}
    return set()


# "Kobalt prend 8 % du capital pour 30 M€", "took a 10% stake for $30 million": the price of a stake.
_STAKE_LEFT_RE = re.compile(
    r"\b(?:participation|stake|\d{1,2}(?:[.,]\d+)?\s?(?:%|pour\s?cent|per\s?cent|percent)\s+"
    r"(?:du|de\s+son|of|of\s+its|of\s+the)\s+(?:capital|company|entreprise|societe|start-?up|shares|equity))"
    r"\b[^.;]{0,80}$"
)


def _stake_tickets_to_investments(mine: list[_Cand], doc: _Doc) -> list[_Cand]:
    """The price of one investor's stake, in a paragraph (or right after sentences) stating a larger round
    of the company, is that investor's share of it ("raised $1bn ... Orion takes 8% for $235m")."""
    rounds = [c for c in mine if c.kind == "funding_round"]
    kept = []
    for c in mine:
        stake = c.kind == "funding_round" and _STAKE_LEFT_RE.search(
            doc.folded[c.sent_index], max(0, c.mention.start - 140), c.mention.start
        )
        if stake and any(_larger_round_nearby(r, c, doc) for r in rounds):
            if not c.investors:
                continue
            c.kind = "investment"
            c.reasons.append("kind: the price of one investor's stake, part of a larger round stated nearby")
        kept.append(c)
    return kept


def _larger_round_nearby(r: _Cand, c: _Cand, doc: _Doc) -> bool:
    """Round ``r`` is larger than ``c`` in the same currency, in its paragraph or the two sentences before."""
    near = doc.sentences[r.sent_index].paragraph == doc.sentences[c.sent_index].paragraph or (
        0 < c.sent_index - r.sent_index < 3
    )
    return (
        r is not c
        and near
        and r.mention.currency == c.mention.currency
        and r.mention.amount > c.mention.amount
    )


def _drop_implied_bounds(mine: list[_Cand], doc: _Doc) -> list[_Cand]:
    """ "valued at €3 billion ... now a unicorn, worth more than a billion": a lower bound that an exact
    valuation of the same sentence already satisfies says nothing new. So for a round's bound that is
    the exact round rounded down ("boucle plus de 8 millions ... un tour de 8,3 millions"), or said of
    several companies at once ("X, Quaxi and Y each took in more than $60m"), where the text gives the
    company's exact round."""
    exact = [c for c in mine if c.kind in ("valuation", "funding_round") and c.mention.bound is None]
    return [c for c in mine if not (c.mention.bound == "lower" and any(_implies(e, c, doc) for e in exact))]


def _implies(exact: _Cand, bound: _Cand, doc: _Doc) -> bool:
    """Whether exact figure ``exact`` meets lower bound ``bound``, so that the bound adds nothing."""
    if (
        exact.kind != bound.kind
        or exact.mention.currency != bound.mention.currency
        or exact.mention.amount <= bound.mention.amount
        or exact.context != bound.context
    ):
        return False
    if bound.kind == "valuation":
        return exact.sent_index == bound.sent_index
    if bound.kind != "funding_round":
        return False
    return exact.mention.amount <= bound.mention.amount * _ROUNDED_DOWN or bool(
        _EACH_RIGHT_RE.match(doc.folded[bound.sent_index], bound.mention.end)
    )


_EACH_RIGHT_RE = re.compile(r"\s*(?:chacune?|each)\b")
# How far above its "more than" bound an exact round may be and still be that bound, rounded down.
_ROUNDED_DOWN = Decimal("1.25")


def _drop_steps_of_total(mine: list[_Cand], doc: _Doc) -> list[_Cand]:
    """« 10 M€ en janvier, puis 6 M€ ce mois-ci. Soit un total de 16 M€ pour cette série A »: the steps
    of a round stated with its total are not rounds of their own."""
    drop: set[int] = set()
    for c in mine:
        low = doc.folded[c.sent_index]
        m = c.mention
        if c.kind != "funding_round" or not _THIS_ROUND_RIGHT_RE.match(low, m.end):
            continue
        if not _STATED_TOTAL_LEFT_RE.search(low, max(0, m.start - 40), m.start):
            continue
        steps = [
            p
            for p in mine
            if p is not c
            and p.kind == "funding_round"
            and p.mention.currency == m.currency
            and c.sent_index - 1 <= p.sent_index <= c.sent_index
            and (p.sent_index, p.mention.start) < (c.sent_index, m.start)
            and p.mention.amount < m.amount
            and p.context == c.context
        ]
        # Some steps may already be gone as one investor's cheque: the rest must fit in the total.
        total = sum((p.mention.amount for p in steps), Decimal(0))
        if steps and total <= m.amount * Decimal("1.02"):
            drop.update(id(p) for p in steps)
    return [c for c in mine if id(c) not in drop] if drop else mine


_EQUITY_WORD_RE = re.compile(
    r"\b(?:lev\w+|raise\w*|raising|round|tour|serie|series|seed|amorcage|equity|capital|fonds\s+propres|"
    r"valoris\w*|valu\w+|investors?|investisseurs?)\b"
)


def _drop_rounds_stated_as_debt(
    cands: list[_Cand],
    debts: list[tuple[int, MoneyMention]],
    doc: _Doc,
    sentence_money: Sequence[Sequence[MoneyMention]],
) -> None:
    """ "Sorgho obtient 20 M€ de la BEI", then "un prêt de 20 M€ à Sorgho": the headline's money is a loan."""
    if not debts:
        return
    for c in [c for c in cands if c.kind == "funding_round"]:
        restated = not _EQUITY_WORD_RE.search(doc.folded[c.sent_index]) and any(
            i != c.sent_index and _same_money(c.mention, d) for i, d in debts
        )
        # (Loans adding up to the round outweigh a word of equity: the press calls a credit line a raise.)
        if c.round is None and (restated or _debts_add_up_to(c, debts, doc, sentence_money)):
            cands.remove(c)


def _debts_add_up_to(
    c: _Cand,
    debts: list[tuple[int, MoneyMention]],
    doc: _Doc,
    sentence_money: Sequence[Sequence[MoneyMention]],
) -> bool:
    """« Zorblo obtient 120 M€ » told elsewhere as « 90 M€ de lignes bancaires et une facilité de 30 M€ »:
    the figures of a sentence about loans adding up to the round make it a loan (not where the sentence
    tells equity beside the debt: "€40mn of shares and €10mn of debt")."""
    for idx in sorted({i for i, _d in debts if i != c.sent_index}):
        if _EQUITY_WORD_RE.search(doc.folded[idx]):
            continue
        if _adding_up_in_sentence(idx, sentence_money[idx], c.mention, lambda _m: True):
            return True
    return False


def _drop_tickets_within_round(cands: list[_Cand], idx: int) -> None:
    """ "X invested €10M in Lumio as part of its €35M Series B": the ticket is a slice of the round."""
    here = [c for c in cands if c.sent_index == idx and c.kind in ("funding_round", "investment")]
    rounds = [c for c in here if not c.ticket and c.kind == "funding_round"]
    for c in here:
        if c.ticket and any(
            r.owner == c.owner
            and r.mention.currency == c.mention.currency
            and r.mention.amount > c.mention.amount
            for r in rounds
        ):
            if c.investors:
                c.kind = "investment"
                c.reasons.append("kind: one investor's share of a larger round in the same sentence")
            else:
                cands.remove(c)


# How the rules tell a headline's investor deal ("Kestrel invests $5M in Quaxi"), which they read as a round.
HEADLINE_DEAL_HOW = "an investor's deal in the company, in a headline"


def _tied_elsewhere(doc: _Doc) -> bool:
    """Whether a sentence names the investment again as part of a round ("Kobalt puts €3M into Quaxi ...
    The investment is one part of a broader round")."""
    return any(
        _THE_INVESTMENT_RE.search(f) is not None and _PART_OF_ROUND_RE.search(f) is not None
        for f in doc.folded
    )


def _tickets_to_rounds(cands: list[_Cand], doc: _Doc) -> None:
    """A named investor's ticket stays an ``investment`` only when the text ties it to a round ("as part of
    its Series C", a larger round in the same sentence); alone, one investor's deal is the round itself."""
    headline_deal = f"kind: {HEADLINE_DEAL_HOW}"
    tied = any(c.kind == "investment" or headline_deal in c.reasons for c in cands) and _tied_elsewhere(doc)
    for c in cands:
        if c.kind == "funding_round" and headline_deal in c.reasons and tied:
            # « Orion met 2 M€ dans Quaxi », over a text that ties the investment to a round: the
            # headline's deal is that investor's ticket too.
            c.kind = "investment"
            c.reasons.append("kind: one investor's ticket, which the text says is part of a round")
            continue
        if c.kind != "investment" or any("investor's" in r for r in c.reasons):
            continue
        if _PART_OF_ROUND_RE.search(doc.folded[c.sent_index]):
            c.reasons.append("kind: one investor's ticket within a round ('as part of')")
            continue
        if tied:
            c.reasons.append("kind: one investor's ticket, which the text says is part of a round")
            continue
        c.kind = "funding_round"
        c.reasons.append("kind: one investor's deal and no round it belongs to, so it is the round")


_PART_OF_RE = re.compile(
    r"\b(?:(?:is|was|forms?|formed)\s+part\s+of|as\s+part\s+of|fait\s+partie\s+d|s'inscri\w+\s+dans|"
    r"dans\s+le\s+cadre\s+d|au\s+sein\s+d)"
)
# "as part of its Series C", "dans le cadre de sa levée de fonds": a round the ticket belongs to.
_PART_OF_ROUND_RE = re.compile(
    _PART_OF_RE.pattern + r"[^.;]{0,40}?\b(?:round|tour|levee|serie|series|seed|amorcage|financement|funding|"
    r"financing|raise|augmentation\s+de\s+capital)\b"
)
# The ticket named again: "cet investissement", "this investment", "l'apport".
_INVESTMENT_WORD_RE = re.compile(r"investissement|apport|investment|injection|contribution")
_THE_INVESTMENT_RE = re.compile(rf"\b(?:cet|cette|l'|this|the|that)\s*(?:{_INVESTMENT_WORD_RE.pattern})\b")


def _drop_tickets_part_of_next(cands: list[_Cand], doc: _Doc) -> None:
    """ "X invested $10M in Pimento. The investment is part of a $40M round": the ticket is a slice. So is
    any sum the next sentence names as the investment (« Orion apporterait 6 M€. Cet apport s'inscrit dans
    un tour de 20 M€ »)."""
    named_again = {
        i - 1
        for i, f in enumerate(doc.folded)
        if i > 0 and _INVESTMENT_WORD_RE.search(f) and _THE_INVESTMENT_RE.match(_LEAD_WORDS_RE.sub("", f))
    }
    for c in [
        c
        for c in cands
        if (c.ticket or c.sent_index in named_again) and c.kind in ("funding_round", "investment")
    ]:
        nxt = c.sent_index + 1
        if any(
            r.sent_index == nxt
            and not r.ticket
            and r.kind == "funding_round"
            and r.mention.currency == c.mention.currency
            and r.mention.amount > c.mention.amount
            for r in cands
        ) and _PART_OF_RE.search(doc.folded[nxt]):
            if c.investors:
                c.kind = "investment"
                c.reasons.append("kind: one investor's ticket, part of the round the next sentence states")
            else:
                cands.remove(c)


_TRANCHE_RE = re.compile(r"\b(?:closing|first\s+close|tranche)\b")
# (What may open a sentence before it names the investment again: "D'après un communiqué, cet ...".)
_LEAD_WORDS_RE = re.compile(r"^\W*(?:(?:selon|d'apres|according\s+to)\b[^,]{0,60},\s*)?")


def _fill_rounds_from_neighbours(
    cands: list[_Cand], walk: _Walk, sentence_money: Sequence[Sequence[MoneyMention]]
) -> None:
    for cand in cands:
        if cand.round is None:
            i = cand.sent_index
            options: list[int] = []
            if i > 0 and (not sentence_money[i - 1] or _TRANCHE_RE.search(walk.doc.folded[i])):
                # "Le premier closing, de 16 M€, ...": a tranche of the round named just before.
                options.append(i - 1)
            if i + 1 < len(sentence_money) and (not sentence_money[i + 1] or cand.kind == "valuation"):
                options.append(i + 1)
            for j in options:
                low_j = walk.doc.folded[j]
                names = [
                    r[2].removesuffix("_extension") if _TOP_UP_VERB_RE.match(low_j, r[0]) else r[2]
                    for r in walk.rounds(j)
                ]
                if names:
                    compound = [n for n in names if n.endswith("_extension")]
                    cand.round = compound[0] if compound else names[-1]
                    break
        if cand.kind == "valuation" and cand.round and cand.round.endswith("_extension"):
            cand.round = cand.round.removesuffix("_extension")
        if cand.kind == "total_raised":
            cand.round = None


def _fill_investors(cands: list[_Cand], doc: _Doc, sentence_money: Sequence[Sequence[MoneyMention]]) -> None:
    rounds = [c for c in cands if c.kind == "funding_round"]
    if not rounds:
        return
    by_sentence: dict[int, list[_Cand]] = {}
    for c in rounds:
        by_sentence.setdefault(c.sent_index, []).append(c)
    latest: _Cand | None = None
    for idx, sent in enumerate(doc.sentences):
        here = by_sentence.get(idx)
        if here:
            # Investors named after a restated old round belong to the news, not to the old round.
            main = [c for c in here if c.context == "main"]
            if latest is None or main or latest.context != "main":
                latest = (main or here)[0]
            lead, part = _investors(sent.text, doc.entity_re)
            target = here[0]
            target.lead.extend(lead)
            target.investors.extend(part)
            for m in _INVESTOR_SUBJECT_RE.finditer(sent.text):
                name = _clean_name(m.group(1))
                if name and not _is_entity_name(name, doc.entity_re):
                    target.investors.append(name)
            continue
        if latest is None or doc.sentences[idx].headline or sentence_money[idx]:
            continue
        if idx - latest.sent_index > 5 or not _INVESTOR_CONTEXT_RE.search(doc.folded[idx]):
            continue
        lead, part = _investors(sent.text, doc.entity_re)
        latest.lead.extend(lead)
        latest.investors.extend(part)


# "a valuation of $9 billion in a $150 million raise in May 2022": the valuation
# was set in the round after it, so the round's date (and with it its context) is the valuation's too.
_SET_IN_ROUND_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:in|with|at|after|following|as\s+part\s+of|lors\s+d['’]|lors\s+de|dans|a\s+l['’]issue\s+d['’])"
    r"\s*(?:a|an|its|the|this|that|une?|sa|son|le|la|cette|ce)\s+(?:[\w-]+\s+){0,2}?$"
)


def _context_from_round(cands: list[_Cand], doc: _Doc) -> list[_Cand]:
    """A valuation read as the news but set in a round the text dates to the past is background too."""
    for val in cands:
        if val.kind != "valuation" or val.context != "main":
            continue
        low = doc.folded[val.sent_index]
        for rnd in cands:
            if (
                rnd.kind == "funding_round"
                and rnd.context == "background"
                and rnd.sent_index == val.sent_index
                and rnd.mention.start > val.mention.end
                and _SET_IN_ROUND_RE.fullmatch(low, val.mention.end, rnd.mention.start)
            ):
                val.context = "background"
                val.reasons.append("context: set in a round the text dates to the past")
                break
    return cands


def _merge(cands: list[_Cand], sentences: list[Sentence]) -> list[Fact]:
    merged: list[_Cand] = []
    for cand in cands:
        twin = next((m for m in merged if _same_fact(m, cand, sentences)), None)
        if twin is None:
            merged.append(cand)
            continue
        twin.lead.extend(n for n in cand.lead if n not in twin.lead)
        twin.investors.extend(n for n in cand.investors if n not in twin.investors)
        if twin.round is None or (cand.round and len(cand.round) > len(twin.round)):
            twin.round = cand.round or twin.round
        if twin.mention.equivalent is None and cand.mention.equivalent is not None:
            twin.mention = replace(twin.mention, equivalent=cand.mention.equivalent)
        if twin.basis is None:
            twin.basis = cand.basis
        if twin.mention.amount_max is None and cand.mention.amount_max is not None:
            if twin.mention.bound == "upper":
                # "up to $14 billion", then "between $13 and $14 billion": the range says it all.
                twin.mention = replace(
                    cand.mention, equivalent=twin.mention.equivalent or cand.mention.equivalent
                )
            else:
                twin.mention = replace(twin.mention, amount_max=cand.mention.amount_max)
        if cand.context == "main":
            twin.context = "main"
        # Stated twice: the better reading stands, and a second statement corroborates it a little.
        best = max(twin.confidence, cand.confidence)
        twin.confidence = min(1.0, best + 0.05 * min(twin.confidence, cand.confidence))
        twin.reasons.extend(r for r in cand.reasons if r not in twin.reasons)
        if "corroboration: stated more than once in the text" not in twin.reasons:
            twin.reasons.append("corroboration: stated more than once in the text")
    facts: list[Fact] = []
    for c in merged:
        m = c.mention
        lead = tuple(dict.fromkeys(c.lead))
        investors = tuple(n for n in dict.fromkeys(c.investors) if n not in lead)
        facts.append(
            Fact(
                kind=c.kind,
                amount=m.amount,
                currency=m.currency or "",
                approx=m.approx,
                round=c.round,
                lead_investors=lead if c.kind == "funding_round" else (),
                investors=investors if c.kind in ("funding_round", "investment") else (),
                status=c.status,
                evidence=sentences[c.sent_index].text,
                equivalent=m.equivalent,
                bound=m.bound,
                basis=c.basis,
                context=c.context,
                amount_max=m.amount_max,
                confidence=round(c.confidence, 2),
                reasons=tuple(dict.fromkeys(c.reasons)),
            )
        )
    return facts


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.02") * max(abs(a), abs(b))


def _same_money(a: MoneyMention, b: MoneyMention) -> bool:
    if a.currency == b.currency and _close(a.amount, b.amount):
        return True
    for x, y in ((a, b), (b, a)):
        eq: Money | None = x.equivalent
        if eq is not None and eq.currency == y.currency and _close(eq.amount, y.amount):
            return True
    return False


def _top_of_range(a: MoneyMention, b: MoneyMention) -> bool:
    """ "up to $14 billion" and "between $13 and $14 billion": the bound is the range's top."""
    return any(
        x.bound == "upper"
        and y.amount_max is not None
        and x.currency == y.currency
        and _close(x.amount, y.amount_max)
        for x, y in ((a, b), (b, a))
    )


def _same_fact(a: _Cand, b: _Cand, sentences: list[Sentence]) -> bool:
    if a.kind != b.kind or not (_same_money(a.mention, b.mention) or _top_of_range(a.mention, b.mention)):
        return False
    if (
        a.kind == "funding_round"
        and a.round
        and b.round
        and not (a.round.startswith(b.round) or b.round.startswith(a.round))
    ):
        # "$100M in a Series B ... had also raised $100M in a Series A": two deals of the same size.
        return False
    if a.sent_index == b.sent_index:
        return True
    later = fold(sentences[(b if b.sent_index >= a.sent_index else a).sent_index].text)
    # "a separate $6 billion round in May": same figure, different deal, whatever tense either is told in;
    # "another" says so only beside a change of tense ("had raised $100M ... another $100M round").
    words = _ANOTHER_RE if a.context != b.context else _SEPARATE_RE
    return words.search(later) is None


_SEPARATE_RE = re.compile(r"\b(?:separate|distinct)\b")
_ANOTHER_RE = re.compile(r"\b(?:separate|distinct|another|un\s+autre|une\s+autre)\b")
