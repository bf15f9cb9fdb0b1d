"""Funding facts (rounds, valuations, totals) that a French or English text attributes to one company.

The pipeline is deliberately rule-based and explainable: sentences -> money mentions -> for each
mention, who it belongs to (entity, another company, nobody), what it measures (round, valuation,
total, or something that is not funding at all), how sure the text is (status), and whether it is
the news or a restated past fact (context). Facts stated twice are merged at the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from watcher.facts.confidence import _confidence
from watcher.facts.kinds import (
    _BARE_RAISE_LEFT_RE,
    _RAISED_RIGHT_RE,
    _ROUND_BEFORE_RE,
    _THIS_ROUND_RIGHT_RE,
    _TOP_UP_RE,
    _WITH_LEFT_RE,
    _cut_off,
    _drops_figure,
    _invested_just_before,
    _ipo_proceeds,
    _kind_of,
    _package_or_tranche,
)
from watcher.facts.lexicon import LANGS, eur_value, min_deal_eur
from watcher.facts.names import _entity_regex, _former_names, _short_name, entity_variants
from watcher.facts.numbers import MoneyMention
from watcher.facts.owners import _named_investor, _owner_for, _respective_owners, _stake_buyer_target
from watcher.facts.prepare import _guess_language, _prepared
from watcher.facts.resolve import (
    _drop_implied_bounds,
    _drop_parts_of_round,
    _drop_rounds_stated_as_debt,
    _drop_steps_of_total,
    _drop_tickets_part_of_next,
    _drop_tickets_within_round,
    _fill_investors,
    _fill_rounds_from_neighbours,
    _merge,
    _tickets_to_rounds,
)
from watcher.facts.rounds import _round_for
from watcher.facts.sentences import fold
from watcher.facts.state import _Cand, _Doc
from watcher.facts.status import (
    _CORRECTED_RE,
    _CORRECTION_RE,
    _basis,
    _clause,
    _confirmed_rounds,
    _context,
    _negated,
    _status,
)
from watcher.facts.vocab import _ALREADY_RE, _COMPONENT_RE, _ROUNDISH_RE, _TOTAL_RE
from watcher.facts.walk import _Walk
from watcher.models import Fact

__all__ = ["LANGS", "entity_variants", "extract_facts"]


def extract_facts(
    text: str, entity: str, aliases: Sequence[str] = (), *, lang: str | None = None
) -> list[Fact]:
    """Funding facts that ``text`` attributes to ``entity`` (or one of ``aliases``).

    ``lang`` ("fr", "en") chooses the lexicon; when None it is guessed from the text, and a text in
    neither language (or too short to tell) is read with every lexicon.
    """
    prepared, prepared_money = _prepared(text)
    if not any(prepared_money):
        # No money mention anywhere: no candidate can arise, whoever the entity is.
        return []
    sentences = list(prepared)
    sentence_money = prepared_money
    entity_re = _entity_regex(entity_variants(entity, aliases))
    renamed = _former_names("\n".join(s.text for s in sentences), entity_re)
    short = _short_name(entity, aliases, "\n".join(s.text for s in sentences))
    if renamed or short:
        entity_re = _entity_regex(entity_variants(entity, (*aliases, *renamed, *short)))
    doc = _Doc(
        sentences=sentences,
        folded=[fold(s.text).replace("’", "'") for s in sentences],
        entity_re=entity_re,
        text=text,
        lang=lang if lang in LANGS else _guess_language(sentences, sentence_money),
    )
    doc.has_money = [bool(m) for m in sentence_money]
    currencies = {m.currency for ms in sentence_money for m in ms if m.currency is not None}
    doc_currency = next(iter(currencies)) if len(currencies) == 1 else None
    walk = _Walk(doc)
    cands: list[_Cand] = []
    debts: list[tuple[int, MoneyMention]] = []  # the entity's loans and other debt

    for idx, sent in enumerate(sentences):
        mentions = sentence_money[idx]
        if not mentions:
            # Such a sentence only moves the topic, which ``walk.topic_before`` applies when needed.
            continue
        text_s = walk.texts[idx]
        low = doc.folded[idx]
        if sent.headline and idx > 0 and not any(m.kind == "entity" for m in walk.markers(idx)):
            continue
        fix = _CORRECTION_RE.search(low)
        if fix:
            # "An earlier version of this article misstated the round as €84 million": after the correction
            # marker, only the figure given as the right one ("rather than €48 million") stands.
            mentions = tuple(
                m
                for m in mentions
                if m.start < fix.start() or _CORRECTED_RE.search(low, max(0, m.start - 25), m.start)
            )
            if not mentions:
                continue
        prev_end = 0
        prev_currency: str | None = None
        prev_kind: str | None = None
        prev_unowned = False
        prev_cand: _Cand | None = None
        respective = _respective_owners(text_s, low, mentions, doc) if "respectiv" in low else {}
        for j, mention in enumerate(mentions):
            next_start = mentions[j + 1].start if j + 1 < len(mentions) else len(low)
            carried = mention.currency is None
            if mention.currency is None:
                if (
                    prev_currency is None
                    and doc_currency is not None
                    and mention.scaled
                    and _BARE_RAISE_LEFT_RE.search(low, max(0, mention.start - 30), mention.start)
                ):
                    # « Nous avons levé 50 millions l'an dernier » in a story told in euros.
                    prev_currency = doc_currency
                if prev_currency is None:
                    prev_end = mention.end
                    continue
                mention = mention.with_currency(prev_currency)
            prev_currency = mention.currency
            prev_end_clause = mentions[j - 1].end if j > 0 else 0
            between = low[prev_end : mention.start]
            category, keyword = _kind_of(low, mention, prev_end, next_start, doc.lang)
            kind_how = f"'{keyword}' next to the figure" if keyword else "the words around the figure"
            stake_owner = None
            if category in (None, "non") and ("stake" in low or "participation" in low):
                stake_owner = _stake_buyer_target(text_s, mention, prev_end, doc)
                if stake_owner is not None:
                    category = "round"
                    kind_how = "the price of a minority stake an investor buys"
            if category == "round" and _invested_just_before(low, mention, prev_end, doc.lang):
                # "which is in talks to invest €200 million in funding": the investor's own ticket.
                category = "inv"
                kind_how = "an investor's verb right before the figure"
            if category == "inv" and _TOP_UP_RE.match(low, mention.end):
                # "apporte 8 M€ supplémentaires à la série A": an investor's top-up of the company's round.
                category = "round"
                kind_how = "an investor's top-up of the round"
            if category is None and j == 0:
                head = walk.head(idx)
                if head is not None and not text_s[head.end() : mention.start].strip():
                    # "Nanolys (semi-conducteurs) : 80 M€.": an entry of a list of rounds.
                    category = "round"
                    kind_how = "an entry of a list of rounds"
            component = prev_cand is not None and bool(_COMPONENT_RE.match(between))
            if category is None and prev_kind is not None and not component:
                # "committed $4bn to it, followed by another $2bn from Google": same kind of deal.
                category = "round" if prev_kind == "inv" else prev_kind
                kind_how = "carried from the figure before (weak)"
                if prev_unowned:
                    # "investors put $115bn into AI startups, up from $145bn": the figure it follows
                    # belongs to nobody named, and so does this one.
                    category = None
            if category in ("round", "inv") and _package_or_tranche(doc, idx, low, mention, prev_end):
                category = None
            debt = category == "debt"
            if category in ("round", "val", "inv"):
                reason = _drops_figure(text_s, low, mention, prev_end, next_start)
                if reason is not None:
                    debt = reason == "debt"
                    category = None
            if category == "round" and _ipo_proceeds(doc, idx, low, mention):
                category = None
            prev_end = mention.end
            if component and prev_cand is not None:
                clause = low[mention.end : next_start]
                named_round = _ROUND_BEFORE_RE.search(
                    low, max(0, prev_cand.mention.start - 40), prev_cand.mention.start
                )
                if _ROUNDISH_RE.search(clause[:80]) and prev_cand.kind == "funding_round" and not named_round:
                    # "plus d'un milliard, dont 600 millions lors de son dernier tour": a total and its round.
                    prev_cand.kind = "total_raised"
                    category = "round"
                elif prev_cand.kind == "total_raised" and _ROUNDISH_RE.search(clause[:80]):
                    # "$300 million to date, including a $100 million Series C": the total's latest round.
                    category = "round"
                else:
                    # "une levée d'1,7 Md€, dont 1,3 Md€ apporté par X": one investor's share of the round.
                    continue
            prev_kind = category if category in ("val", "round", "inv") else None
            if category in (None, "non", "debt"):
                if debt:
                    walk.topic_before(idx)
                    if _owner_for(text_s, low, mention, walk.markers(idx), doc, False, idx)[0] == "entity":
                        debts.append((idx, mention))
                continue
            walk.topic_before(idx)
            owner: str | None
            if stake_owner is not None:
                owner, owner_how = stake_owner, "named as the company an investor buys a stake in"
            elif j in respective:
                owner, owner_how = respective[j], "the matching name of a 'respectively' list"
            else:
                owner, owner_how = _owner_for(
                    text_s, low, mention, walk.markers(idx), doc, category == "inv", idx
                )
            prev_unowned = owner is None
            if owner is None:
                continue
            if _negated(low, mention, prev_end_clause, doc.lang):
                # "did not raise $100 million", "n'a jamais été valorisée 2 Md€", "denied it had raised".
                continue
            if (
                category in ("round", "val", "inv")
                and eur_value(mention.amount, mention.currency) < min_deal_eur()
            ):
                # "$3.5 in seed funding", "about $3.5 b" cut off before its scale: no real deal is this small.
                continue
            if _cut_off(text_s, mention, idx == len(sentences) - 1):
                continue
            investor = (
                _named_investor(text_s, low, mention, prev_end_clause, doc) if category == "inv" else None
            )
            kind = "valuation" if category == "val" else "investment" if investor else "funding_round"
            if kind == "funding_round":
                right_clause = low[mention.end : min(next_start, mention.end + 60)]
                last_money_before = prev_end_clause
                left_clause = low[max(last_money_before, mention.start - 120) : mention.start]
                if not _THIS_ROUND_RIGHT_RE.match(low, mention.end) and (
                    _TOTAL_RE.search(right_clause.split(",")[0])
                    or (_WITH_LEFT_RE.search(left_clause) and _RAISED_RIGHT_RE.match(right_clause))
                    or _TOTAL_RE.search(left_clause)
                    or (
                        mention.bound == "lower"
                        and _ALREADY_RE.search(left_clause)
                        and not _ROUNDISH_RE.search(left_clause[-40:])
                    )
                ):
                    kind = "total_raised"
            status, status_how = _status(doc, idx, low, mention)
            cand = _Cand(
                sent_index=idx,
                mention=mention,
                kind=kind,
                owner=owner,
                status=status,
                context=_context(doc, _clause(low, mention, prev_end_clause, next_start)),
            )
            if kind == "valuation":
                cand.basis = _basis(low, mention)
            cand.round = _round_for(low, mention, walk.rounds(idx))
            cand.ticket = category == "inv" or _invested_just_before(low, mention, prev_end_clause, doc.lang)
            if investor is not None:
                cand.investors.append(investor)
            cand.reasons = [f"owner: {owner_how}", f"kind: {kind_how}", status_how]
            cand.confidence = _confidence(owner_how, kind_how, status_how, keyword, sent.headline)
            if carried:
                cand.reasons.append("amount: currency carried from an earlier figure")
                cand.confidence *= 0.8
            if kind == "total_raised":
                cand.reasons.append("kind: a total to date, not one round")
            cands.append(cand)
            prev_cand = cand
        _drop_tickets_within_round(cands, idx)

    mine = [c for c in cands if c.owner == "entity"]
    mine = _drop_implied_bounds(mine)
    mine = _drop_parts_of_round(mine, doc)
    mine = _drop_steps_of_total(mine, doc)
    _confirmed_rounds(mine, doc)
    _drop_tickets_part_of_next(mine, doc)
    _tickets_to_rounds(mine, doc)
    _drop_rounds_stated_as_debt(mine, debts, doc)
    _fill_rounds_from_neighbours(mine, walk, sentence_money)
    _fill_investors(mine, doc, sentence_money)
    return _merge(mine, sentences)
