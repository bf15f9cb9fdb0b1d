"""Funding facts (rounds, valuations, totals) that a French or English text attributes to one company.

The pipeline is deliberately rule-based and explainable: sentences -> money mentions -> for each
mention, who it belongs to (entity, another company, nobody), what it measures (round, valuation,
total, or something that is not funding at all), how sure the text is (status), and whether it is
the news or a restated past fact (context). Facts stated twice are merged at the end.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from watcher.facts.candidates import Candidate, candidates
from watcher.facts.confidence import _confidence
from watcher.facts.decide import base_reading, decide, second_features
from watcher.facts.fitted import Model, packaged_model
from watcher.facts.kinds import (
    _BARE_RAISE_LEFT_RE,
    _BARE_RAISE_RIGHT_RE,
    _CORRECTED_RE,
    _CORRECTION_RE,
    _CORRECTION_WORDS,
    _NAMED_ROUND_RIGHT_RE,
    _RAISED_RIGHT_RE,
    _ROUND_BEFORE_RE,
    _THIS_ROUND_RIGHT_RE,
    _TOP_UP_RE,
    _WITH_LEFT_RE,
    _cut_off,
    _drops_figure,
    _invested_just_before,
    _kind_of,
    _package_or_remainder,
    _round_reread,
    _spac_own_listing,
)
from watcher.facts.lexicon import LANGS, eur_value, min_deal_eur
from watcher.facts.names import (
    _NAME,
    _acronyms,
    _entity_regex,
    _former_names,
    _is_place,
    _short_name,
    entity_variants,
    is_investor_firm,
)
from watcher.facts.numbers import MONTHS_EN, MONTHS_FR, MoneyMention
from watcher.facts.owners import (
    _named_investor,
    _owner_for,
    _respective_owners,
    _stake_buyer_target,
    list_entry_name,
)
from watcher.facts.patterns import _FIELD, _NAME_PAREN_LEFT_RE
from watcher.facts.prepare import _guess_language, _prepared
from watcher.facts.resolve import (
    HEADLINE_DEAL_HOW,
    _context_from_round,
    _drop_implied_bounds,
    _drop_parts_of_round,
    _drop_parts_summing_to_round,
    _drop_rounds_stated_as_debt,
    _drop_steps_of_total,
    _drop_tickets_part_of_next,
    _drop_tickets_within_round,
    _fill_investors,
    _fill_rounds_from_neighbours,
    _merge,
    _stake_tickets_to_investments,
    _tickets_to_rounds,
)
from watcher.facts.rounds import _round_for
from watcher.facts.sentences import Sentence, fold
from watcher.facts.state import _Cand, _Doc
from watcher.facts.status import (
    _basis,
    _confirmed_rounds,
    _figure_context,
    _negated,
    _status,
    _values_share_their_rounds_time,
)
from watcher.facts.vocab import (
    _ALREADY_RE,
    _COMPONENT_RE,
    _DESCRIBED,
    _ROUNDISH_RE,
    _SINCE_YEAR_AFTER_RE,
    _SINCE_YEAR_OPENER_RE,
    _TOTAL_RE,
    _YEAR_RE,
)
from watcher.facts.walk import _Walk
from watcher.models import Fact

__all__ = ["LANGS", "entity_variants", "extract_facts", "readings"]


def extract_facts(
    text: str,
    entity: str,
    aliases: Sequence[str] = (),
    *,
    lang: str | None = None,
    published: str | None = None,
    model: Model | Literal["rules"] | None = None,
) -> list[Fact]:
    """Funding facts that ``text`` attributes to ``entity`` (or one of ``aliases``).

    ``lang`` ("fr", "en") chooses the lexicon; when None it is guessed from the text, and a text in
    neither language (or too short to tell) is read with every lexicon. ``published`` (ISO date, e.g.
    "2025-06-11") dates the text: a figure dated in an earlier year is background. Without it the
    latest year the text mentions stands in for the publication year.

    ``model`` holds the fitted decisions (None: the packaged weights); ``"rules"`` keeps the rules'
    own verdicts, for comparing the two on the same folds.
    """
    fitted = None if model == "rules" else model or packaged_model()
    # A figure the rules left out can only come in when the kind decision may add one.
    read = _read_text(text, entity, aliases, lang, published, every=fitted is not None and fitted.add <= 1)
    if read is None:
        return []
    doc, walk, kept, cands = read
    if fitted is None:
        return _merge(_context_from_round(kept, doc), doc.quoted)
    chosen = decide(cands, doc, walk, fitted)
    if doc.investor_firm:
        # (What the fitted decision brings in is no round of an investor either: see _resolve_document.)
        chosen = [c for c in chosen if c.kind not in ("funding_round", "total_raised")]
    return _merge(_context_from_round(chosen, doc), doc.quoted)


def readings(
    text: str,
    entity: str,
    aliases: Sequence[str] = (),
    *,
    lang: str | None = None,
    published: str | None = None,
) -> list[tuple[Candidate, _Cand, tuple[str, ...]]]:
    """Every candidate figure with the rules' reading of it and the features of the second decisions:
    what ``benchmarks/train_extractor.py`` fits on."""
    read = _read_text(text, entity, aliases, lang, published, every=True)
    if read is None:
        return []
    doc, walk, _kept, cands = read
    out = []
    for cand in cands:
        reading = base_reading(cand, doc, walk)
        out.append((cand, reading, second_features(cand, reading)))
    return out


def _read_text(
    text: str, entity: str, aliases: Sequence[str], lang: str | None, published: str | None, *, every: bool
) -> tuple[_Doc, _Walk, list[_Cand], list[Candidate]] | None:
    """The rules' pass over the text: their surviving readings, and every figure as a candidate."""
    prepared, sentence_money = _prepared(text)
    if not any(sentence_money):
        # No money mention anywhere: no candidate can arise, whoever the entity is.
        return None
    doc = _document(text, list(prepared), sentence_money, entity, aliases, lang)
    year = published[:4] if published else ""
    if year.isdigit():
        doc.published_year = int(year)
        month = published[5:7] if published else ""
        doc.published_month = int(month) if month.isdigit() else None
    doc_currency = _main_currency(sentence_money)
    walk = _Walk(doc)
    cands: list[_Cand] = []
    debts: list[tuple[int, MoneyMention]] = []  # the entity's loans and other debt
    near_currency: str | None = None  # the last currency written earlier in the paragraph
    for idx in range(len(doc.sentences)):
        if idx and doc.sentences[idx].paragraph != doc.sentences[idx - 1].paragraph:
            near_currency = None
        mentions = _sentence_mentions(walk, idx, sentence_money[idx])
        if mentions:
            # (A text in several currencies: a bare "130 millions" after a raise's noun takes the one its
            # paragraph was just speaking in.)
            _SentenceReader(walk, idx, mentions, doc_currency or near_currency, cands, debts).run()
            _drop_tickets_within_round(cands, idx)
        near_currency = next(
            (m.currency for m in reversed(sentence_money[idx]) if m.currency is not None), near_currency
        )
    read = list(cands)  # every figure the rules read, before resolution drops some
    kept = _resolve_document(cands, debts, walk, sentence_money)
    found = candidates(doc, walk, sentence_money, read, kept, doc.verdicts, doc_currency, every=every)
    return doc, walk, kept, found


def _main_currency(sentence_money: Sequence[Sequence[MoneyMention]]) -> str | None:
    """The currency a text counts in: its only one, or one that two in three of its marked figures use
    ("42 millions" in a Rennes story that also quotes one rival's round in dollars)."""
    counts = Counter(m.currency for ms in sentence_money for m in ms if m.currency is not None)
    if not counts:
        return None
    (code, n), *rest = counts.most_common()
    return code if not rest or n >= 2 * sum(k for _, k in rest) else None


def _document(
    text: str,
    sentences: list[Sentence],
    sentence_money: Sequence[Sequence[MoneyMention]],
    entity: str,
    aliases: Sequence[str],
    lang: str | None,
) -> _Doc:
    """The document as the deciders see it: folded sentences, the entity's spellings, the language."""
    entity_re = _entity_regex(entity_variants(entity, aliases))
    joined = "\n".join(s.text for s in sentences)
    folded = [fold(s.text).replace("’", "'") for s in sentences]
    folded_joined = "\n".join(folded)
    renamed = _former_names(joined, entity_re, folded_joined)
    renamed += _acronyms(joined, entity_re, folded_joined) if "(" in joined else []
    short = _short_name(entity, aliases, joined)
    if renamed or short:
        entity_re = _entity_regex(entity_variants(entity, (*aliases, *renamed, *short)))
    quoted = sentences
    sentences, written = _names_capitalised(sentences, folded, entity_re)
    if written:
        # A name written with a digit first is read with a letter there: its spelling answers too.
        folded = [fold(s.text).replace("’", "'") for s in sentences]
        entity_re = _entity_regex(entity_variants(entity, (*aliases, *renamed, *short, *written)))
    doc = _Doc(
        sentences=sentences,
        quoted=quoted,
        folded=folded,
        entity_re=entity_re,
        text=text,
        lang=lang if lang in LANGS else _guess_language(sentences, sentence_money),
    )
    doc.has_money = [bool(m) for m in sentence_money]
    doc.investor_firm = is_investor_firm(entity, "\n".join(folded), entity_re)
    return doc


# How a name starts, for the name patterns (``names._NAME_TOKEN``).
_NAME_INITIAL_RE = re.compile(r"[A-ZÀ-Ý]")


def _name_initial(text: str) -> str:
    """The company's name as the name patterns read names, capitalised, one character for one, so
    that every offset holds: "iziwork" -> "Iziwork", "Ÿnsect" -> "Ynsect", "360Learning" ->
    "Q60Learning"."""
    first = text[0].upper()
    if not _NAME_INITIAL_RE.match(first):
        first = fold(text[0]).upper()
        if not _NAME_INITIAL_RE.match(first):
            first = "Q"
    return first + text[1:]


def _names_capitalised(
    sentences: list[Sentence], folded: list[str], entity_re: re.Pattern[str]
) -> tuple[list[Sentence], list[str]]:
    """The sentences with each mention of the company that does not start as names do ("iziwork",
    "360Learning", "Ÿnsect") capitalised, so that the rules which find who raised a sum by the shape
    of names see it as they see "Zorblo"; and the new spellings of names written with a digit first.
    The sentences as written stay the facts' evidence."""
    out: list[Sentence] = []
    written: set[str] = set()
    for sent, low in zip(sentences, folded, strict=True):
        text = sent.text
        for m in entity_re.finditer(low):
            if _NAME_INITIAL_RE.match(text, m.start()):
                continue
            name = _name_initial(text[m.start() : m.end()])
            if fold(name) != fold(text[m.start() : m.end()]):
                written.add(name)
            text = text[: m.start()] + name + text[m.end() :]
        out.append(sent if text == sent.text else replace(sent, text=text))
    return out, sorted(written)


def _sentence_mentions(walk: _Walk, idx: int, mentions: Sequence[MoneyMention]) -> Sequence[MoneyMention]:
    """The figures of sentence ``idx`` worth deciding on."""
    if not mentions:
        # Such a sentence only moves the topic, which ``walk.topic_before`` applies when needed.
        return ()
    doc = walk.doc
    if doc.sentences[idx].headline and idx > 0 and not any(m.kind == "entity" for m in walk.markers(idx)):
        return ()
    low = doc.folded[idx]
    fix = _CORRECTION_RE.search(low) if any(w in low for w in _CORRECTION_WORDS) else None
    if fix:
        # "An earlier version of this article misstated the round as €84 million": after the correction
        # marker, only the figure given as the right one ("rather than €48 million") stands.
        return tuple(
            m
            for m in mentions
            if m.start < fix.start() or _CORRECTED_RE.search(low, max(0, m.start - 25), m.start)
        )
    return mentions


def _resolve_document(
    cands: list[_Cand],
    debts: list[tuple[int, MoneyMention]],
    walk: _Walk,
    sentence_money: Sequence[Sequence[MoneyMention]],
) -> list[_Cand]:
    """Document-level resolution of the entity's candidates: the ones that stand as its facts."""
    doc = walk.doc
    mine = [c for c in cands if c.owner == "entity"]
    first = doc.first_named()
    if (first is None or first > 2) and sum(c.owner != "entity" for c in cands) >= _ROUNDUP_OTHERS:
        # A roundup: a text that does not open on the company, where other companies own three figures or
        # more. A figure that names no owner there is as likely anyone's as the company's (on real
        # roundups, wrong twice as often as right), so only figures something ties to the company stand.
        mine = [c for c in mine if _DEFAULT_OWNER_REASON not in c.reasons or _own_round_before(doc, c)]
    if doc.investor_firm:
        # "Kestrel Ventures closes its third fund at $300M": an investor's fund, not a round of its own.
        mine = [c for c in mine if c.kind not in ("funding_round", "total_raised")]
    mine = _drop_implied_bounds(mine, doc)
    mine = _drop_parts_of_round(mine, doc)
    mine = _drop_parts_summing_to_round(mine, doc, sentence_money)
    mine = _stake_tickets_to_investments(mine, doc)
    mine = _drop_steps_of_total(mine, doc)
    _confirmed_rounds(mine, doc)
    _values_share_their_rounds_time(mine, doc)
    _drop_tickets_part_of_next(mine, doc)
    _tickets_to_rounds(mine, doc)
    _drop_rounds_stated_as_debt(mine, debts, doc, sentence_money)
    _fill_rounds_from_neighbours(mine, walk, sentence_money)
    _fill_investors(mine, doc, sentence_money)
    return mine


_ROUNDUP_OTHERS = 3
# "sa précédente augmentation de capital de 45 M€", "its last round of $8M": the round of the company
# spoken of, told by its possessive.
_OWN_ROUND_BEFORE_RE = re.compile(
    r"\b(?:sa|son|ses|its|their|leur)\s+(?:[\w-]+\s+){0,2}?(?:augmentation\s+de\s+capital|levee(?:\s+de\s+fonds)?|"
    r"tour(?:\s+de\s+table)?|serie\s+[a-h]|series\s+[a-h]|round|raise|funding|financement|valorisation|valuation)"
    r"\b[^.;]{0,40}$"
)


def _own_round_before(doc: _Doc, cand: _Cand) -> bool:
    """Whether something ties an unowned figure of a roundup to the company: its possessive round, or the
    company named earlier in the same paragraph (a ranking's entry, "Numéro 4 : Quaxi. ... valorisée")."""
    low = doc.folded[cand.sent_index]
    if _OWN_ROUND_BEFORE_RE.search(low, max(0, cand.mention.start - 100), cand.mention.start) is not None:
        return True
    paragraph = doc.sentences[cand.sent_index].paragraph
    named = doc.named_in()
    j = cand.sent_index - 1
    while j >= 0 and doc.sentences[j].paragraph == paragraph:
        if named[j]:
            return True
        j -= 1
    return False


_DEFAULT_OWNER_REASON = "owner: the company the text is about (no owner in the sentence)"


# What stands between a valuation and the next figure when that figure is another value of the company:
# "valued at $5bn, up from $3bn", "7 Md€, contre 4 milliards", "$1bn or $1.2bn". Shares bought, a
# tranche or a stake between them make the next figure a sum of money, not a value.
_VALUE_GAP_RE = re.compile(
    r"\b(?:up|down|rising|falling|compared|than|from|versus|vs|contre|apres|after|ou|or|et|and|puis|then)\b"
)
_COMPARED_END_RE = re.compile(
    r"\b(?:from|than|contre|versus|vs\.?|compared\s+(?:with|to)|par\s+rapport\s+a)\s*$"
)
_NOT_VALUE_GAP_RE = re.compile(
    r"\b(?:shares?|stock|stake|tranche|purchas\w*|bought|buy\w*|sold|sell\w*|actions|titres|parts|"
    r"achet\w*|vend\w*|cede\w*|cession|rachat\w*)\b"
)


# A fund marking its stake: "after its writedown, the fund carries the firm at $3bn", "a réévalué sa
# participation": the fund's book value, not a valuation set by a deal.
_FUND_MARK_RE = re.compile(
    r"\b(?:write-?downs?|wr(?:ote|ites|itten)\s+down|mark(?:ed|s)?\s+(?:down|up)|mark-?downs?|mark-?ups?|"
    r"revaluations?|revalued|reevalu\w*|deprecia\w*|(?:cut|slashed|trimmed|reduced)\s+the\s+value\s+of\s+its)\b"
)

_ROUND_VALUED_LEFT_RE = re.compile(
    r"\b(?:round|series\s+\w+|tour(?:\s+de\s+table)?|serie\s+\w+)\s*,?\s+(?:which|that|qui)\s+"
    r"(?:valued|valorisait|a\s+valorise)\s+(?:[\w.'-]+\s+){0,3}?(?:at\s+|a\s+)?$"
)
# "la valeur de ses capitaux propres était estimée à", "its net asset value": the accounts' equity, which
# no deal priced.
_BOOK_VALUE_RE = re.compile(
    # (the level of the equity, not money added to it: "renforce ses capitaux propres de 5 M€" is a raise)
    r"\b(?:valeur\s+des\s+capitaux\s+propres|capitaux\s+propres\s+(?:[\w'-]+\s+){0,3}?(?:s'elev\w+|"
    r"atteign\w+|atteint|etai\w+|sont|est|evalu\w+|estim\w+)|actif\s+net(?:\s+reevalue)?|book\s+value|net\s+asset\s+value|"
    r"shareholders['’]?\s+equity)\b[^.;]{0,60}$"
)
_WHOLE_TO_LEFT_RE = re.compile(
    r"\b(?:port\w*\s+le\s+(?:tout|total)|bring\w*\s+the\s+(?:total|whole)(?:\s+amount)?)\s+(?:a|to)\s+"
    r"(?:(?:pres\s+de|plus\s+de|environ|about|nearly|over|more\s+than)\s+)?$"
)
_BROUGHT_TO_LEFT_RE = re.compile(r"\bport\w*\s+(?:ainsi\s+)?a\s+(?:(?:pres\s+de|plus\s+de|environ)\s+)?$")
# (not "le montant total du tour", the round's own size after a second closing)
_RAISED_SO_FAR_RIGHT_RE = re.compile(
    r"\s*(?:le|son|sa)\s+(?:(?:montant|somme)\s+(?:total\s+)?|total\s+)?(?:leve|levee?s|obtenu|recolte|collecte)\b"
    r"|\s*(?:le|son)\s+total\b(?!\s+(?:du|de\s+(?:la|sa|son)|des?)\s+(?:tour|serie|round|levee|operation))"
)
_FROM_NAMED_RE = re.compile(r"\s*(?:from|led\s+by)\s+(?:[\w-]+\s+){0,3}?including\b")
# ("which previously raised $118 million": the relative clause of a company described, too.)
_PREVIOUSLY_RAISED_RE = re.compile(
    r"\b(?:has|have|had|which|that|who)\s+previously\s+raised\s+(?:[\w-]+\s+){0,2}$"
)
_YEARS_SPAN_RE = re.compile(r"\b(?:entre|between)\s+(?:19|20)\d\d\s+(?:et|and)\s+(?:19|20)\d\d\b")
_ROUGHLY_RAISED_LEFT_RE = re.compile(
    r"\b(?:(?:had|has|have|previously|already)\s+(?:(?:previously|already)\s+)?raised|despite\s+raising)\s+"
    r"(?:over|more\s+than|roughly|about|around|nearly|almost|some|upwards\s+of|close\s+to)\s+$"
)
# ("Plimo, après avoir levé près de 30 M€", "qui avait déjà réuni environ 5 M€": all it gathered before;
# not "a levé plus de" nor "dit avoir levé environ", the news; nor a dated one, "fin 2019", a round.)
_ROUGHLY_RAISED_FR_LEFT_RE = re.compile(
    r"\b(?:avait|avaient|apres\s+avoir|ayant|a\s+deja|ont\s+deja)\s+(?:deja\s+)?(?:leve|recolte|reuni|collecte)\s+"
    r"(?:plus\s+de|pres\s+de|environ|quelque|au\s+moins)\s+$"
)
_BACKERS_RIGHT_RE = re.compile(r"\b(?:aupres|from|led\s+by|menee?s?\s+par)\b")
# "over", "environ": how roughly a raised sum is stated, right before it.
_ROUGH_WORDS = r"over|more\s+than|about|around|nearly|some|plus\s+de|pres\s+de|environ"
_ROUGHLY = rf"(?:(?:{_ROUGH_WORDS})\s+)?$"
_SINCE_THEN_RAISED_RE = re.compile(
    r"[\s\W]*(?:since|depuis)\s[^,;.]{3,80},\s*(?:[\w'’.&-]+\s+){1,4}?(?:has|have|a|ont)\s+"
    r"(?:(?:also|now|already|aussi|deja|desormais)\s+)?(?:raised|secured|collected|leve|recolte|reuni)\s+"
    + _ROUGHLY
)
_HAS_SINCE_RAISED_RE = re.compile(
    r"\b(?:has|have|had|a|ont|avait)\s+(?:since|depuis)\s+(?:then\s+|lors\s+)?(?:raised|secured|collected|received|"
    r"leve|recolte|reuni|obtenu)\s+" + _ROUGHLY
)
_SPAN_OPENER_RE = re.compile(
    # ("Over the following four years, Quaxi took in ...": what it raised across those years.)
    r"[\s\W]{0,4}(?:in|within|en|over\s+the\s+(?:next|following|past|last)|au\s+cours\s+des)\s+"
    r"(?:just\s+|only\s+|seulement\s+|a\s+peine\s+)?(?:\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:years|ans|annees)\b[^,;.]{0,40},"
)
# "Quaxi has so far raised about $90 million", "valued at $2bn, having raised more than $300m": all it
# raised up to then, roughly.
_HAS_NOW_RAISED_OVER_RE = re.compile(
    r"\b(?:(?:has|have|a|ont)\s+(?:now|so\s+far|to\s+date|desormais|jusqu'ici)|having|ayant)\s+"
    r"(?:(?:already|deja)\s+)?(?:raised|secured|collected|"
    rf"received|leve|recolte|reuni|obtenu)\s+(?:{_ROUGH_WORDS}|almost)\s+$"
)
_ALREADY_BEFORE_RE = re.compile(
    r"\b(?:deja|already)\s+(?:(?:plus\s+de|pres\s+de|environ|more\s+than|over|about|some|nearly)\s+)?$"
)
# Month names, folded, French (then English, in ``_MONTHS``).
_MONTHS_FR = "|".join(MONTHS_FR)
_DATE_WORDS_RE = re.compile(
    rf"(?<!\d)(?:19|20)\d\d(?!\d)|\bil\s+y\s+a\b|\bderni[eè]re?\b|\b(?:{_MONTHS_FR}|printemps|automne|hiver)\b"
)
_ROUND_NAMED_RIGHT_RE = re.compile(r"\b(?:series|round|seed|tranche|extension|ipo|listing|offering)\b")
_INTO_RIGHT_RE = re.compile(r"\s+(?:dans(?!\s+(?:le\s+cas|celui))|into|in(?!\s+the\s+case)|chez)\s")
_ITS_LEFT_RE = re.compile(r"\b(?:its|their|the\s+company's)\s+$")
_IN_FUNDING_RIGHT_RE = re.compile(r"\s+in\s+(?:(?:venture|outside|vc|equity)\s+)?(?:funding|financing)\b")
_A_ROUND_OF_LEFT_RE = re.compile(
    r"\b(?:une|un|a|an)\s+(?:(?:nouvelle|nouveau|new|fresh)\s+)?(?:levee(?:\s+de\s+fonds)?|tour\s+de\s+table|"
    r"augmentation\s+de\s+capital|serie\s+[a-h]|series\s+[a-h]\s+round|funding\s+round|round)\s+(?:de|d'|of)\s*$"
)
_STAKE_VALUED_RE = re.compile(
    r"\b(?:stake|holding|shareholding|participation)\s+(?:(?:de|of)\s+[\w'&.-]+\s+)?(?:in|dans)\s+[\w'&.-]+"
    r"(?:\s+[\w'&.-]+)?\s+(?:is|was|est|etait|a\s+ete|has\s+been)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:worth|valued\s+at|valoris\w+|evalu\w+\s+a|estim\w+\s+a|a\s+la\s+valeur\s+de)\s+"
    r"(?:(?:about|some|around|environ|pres\s+de)\s+)?$"
)
# "12 million shares, valued at $48 million": what a block of shares is worth, not the company.
_SHARES_VALUED_RE = re.compile(
    r"\b(?:shares|actions|titres)\b,?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:valued\s+at|worth|valorise\w*\s+a|d'une\s+valeur\s+de|evalue\w*\s+a)\s+"
    r"(?:(?:about|some|around|roughly|environ|pres\s+de)\s+)?$"
)
# "Le coût de la constellation est évalué entre 100 et 130 M€", "the project's cost is estimated at $2bn":
# what something costs, estimated, not what a company is worth.
_COST_VALUED_RE = re.compile(
    r"\b(?:cout|couts|budget|cost|costs|prix|price|facture|bill)\b[^.;]{0,80}?"
    r"\b(?:est|sont|etait|is|was|are|were|a\s+ete|will\s+be|sera)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:evalue\w*|estime\w*|valued|estimated|chiffre\w*)\s+(?:(?:a|at|entre|between|to\s+be)\s+)?"
    r"(?:(?:about|around|environ|pres\s+de|plus\s+de|more\s+than)\s+)?[\"«“]?\s*$"
)
_OF_VALUE_RIGHT_RE = re.compile(
    r"\s+(?:of|de\s+la|de|d')\s*(?:(?:shareholder|market|boursiere)\s+)?(?:value|valeur)\b"
)
_SEEKS_TO_RAISE_RE = re.compile(
    r"\b(?:cherch\w*|vis\w*|souhait\w*|envisag\w*|prevoi\w*|compt\w*|ambitionn\w*|seek\w*|plan\w*|aim\w*|"
    # (« une opération censée permettre à Zorblo de réunir en tout 25 M€ »: what the raise would bring.)
    r"hop\w*|look\w*|intend\w*|talks|permett\w*|permet)\s+(?:(?:a|au|aux)\s+(?:[\w'-]+\s+){1,3}?)?"
    r"(?:a\s+|to\s+|de\s+|d')?(?:lever|recolter|collecter|degager|reunir|raise|secure)\b[^.;]{0,40}$"
)
_BACKERS_HAVE_PUT_RE = re.compile(
    r"\b(?:investors|backers|shareholders|vcs|venture\s+capitalists|investisseurs|actionnaires)\b[^.;]{0,80}?"
    r"\b(?:have|ont)\s+(?:(?:already|collectively|together|so\s+far|deja)\s+)?"
    r"(?:poured|invested|pumped|put|plowed|ploughed|injected|sunk|investi|injecte|mis)\s+"
    r"(?:(?:more\s+than|over|nearly|about|some|a\s+total\s+of|upwards\s+of|plus\s+de|pres\s+de)\s+)?$"
)
# "led a $10 million round": one round, whatever a clause before it said of anyone's money so far.
_AN_LEFT_RE = re.compile(r"\b(?:a|an)\s*$")
_ROUND_NOUN_RIGHT_RE = re.compile(
    r"[\s-]*(?:(?:seed|funding|growth|venture|equity|series\s+[a-h])\s+)?(?:funding\s+)?round\b"
)
_ROUND_SIZE_LEFT_RE = re.compile(
    r"\b(?:levee|lever|tour|round|operation|augmentation\s+de\s+capital|placement|raise|financing)\s+"
    # ("une levée d'un montant net total de 18 M€": the net size of this raise.)
    r"(?:des?\s+fonds\s+)?(?:[\w'–-]+\s+){0,3}?(?:d'un\s+|of\s+an?\s+|with\s+an?\s+)?(?:montant|amount)\s+"
    r"(?:net\s+)?total\w*\s+(?:brut\s+|gross\s+|net\s+)?"
    r"(?:de|d'|of)\s*(?:(?:environ|about|around|pres\s+de|some)\s+)?$"
    # ("Closes Seed Funding of Total $6 Million": the round's whole, said shortly.)
    r"|\b(?:round|financing|funding|raise)\s+of\s+(?:a\s+)?total\s+(?:of\s+)?$"
)
# "the biggest agritech deal in Portugal to date", "le plus gros tour de la filière à ce jour": a record,
# not a total.
_RECORD_SO_FAR_RE = re.compile(
    r"\b(?:largest|biggest|highest|largest-ever|biggest-ever|record|plus\s+(?:grand|gros|important)\w*|"
    r"(?:premier|premiere|first)\s+(?:de\s+cette\s+taille|of\s+its\s+size))\b[^,;.]{0,60}?"
    r"\b(?:to\s+date|so\s+far|thus\s+far|a\s+ce\s+jour|jusqu'ici|jusqu'a\s+present)\b"
)
_BRINGS_TOTAL_RE = re.compile(
    r"\b(?:bring\w*|taking|takes|took|port(?:e|ant|ent|ait|era))\s+(?:its\s+|the\s+|son\s+|le\s+(?:tout\s+)?)?"
)
_MONTHS = _MONTHS_FR + "|" + "|".join(MONTHS_EN)
_DATED_RE = re.compile(
    r"\s*(?:,\s*)?(?:en|in|au|on|le|lors\s+de|during)\s+(?:(?:debut|fin|mi-|early|late|mid-?)\s*)?"
    rf"(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d\b"
)
# The names of the classes of companies worth a billion (or ten): their threshold is no company's value.
_CLASS_NOUN_RE = re.compile(r"\b(?:licornes?|unicorns?|decacornes?|decacorns?|club|cercle)\b")
_CLASS_THRESHOLDS = (Decimal(10) ** 9, Decimal(10) ** 10)
_ANY_COMPANY_WHOSE_RE = re.compile(
    r"\b(?:une|any|toute|n'importe\s+quelle)\s+(?:jeune\s+)?(?:start-?up|startup|entreprise|societe|company|"
    r"jeune\s+pousse|firm)\b(?:\s+[\w'-]+){0,5}?\s+(?:dont\s+la\s+(?:valorisation|valeur)|whose\s+(?:valuation|value)|"
    r"valued|valorisee?|with\s+a\s+valuation)\b[^.;]{0,40}?\b(?:au\s+moins|at\s+least|plus\s+d['e]|more\s+than|"
    r"over|above|north\s+of|superieure?\s+a|exceeding|depassant)\s*$"
)


def _class_threshold(low: str, mention: MoneyMention, entity_re: re.Pattern[str]) -> bool:
    """ "devenue licorne (le nom des sociétés valant plus d'un milliard)", "became a unicorn, a valuation
    above one billion": the class is named between the company and the figure, so the figure defines the
    class; "X est valorisé à plus d'un milliard et rejoint les licornes" keeps its value."""
    if mention.amount not in _CLASS_THRESHOLDS:
        return False
    generic = _ANY_COMPANY_WHOSE_RE.search(low, max(0, mention.start - 160), mention.start)
    if generic and entity_re.search(low, generic.start(), mention.start) is None:
        # "désigne une start-up dont la valorisation atteint au moins un milliard", "any startup valued at
        # over $1 billion": a definition, any company's worth, none's in particular.
        return True
    nouns = [m.end() for m in _CLASS_NOUN_RE.finditer(low, 0, mention.start)]
    if not nouns:
        return False
    names = [m.end() for m in entity_re.finditer(low, 0, mention.start)]
    if names and _OWN_VALUE_RE.search(low, nouns[-1], mention.start):
        # "Zorblo joined the unicorns; its valuation now tops $1 billion": its own worth, stated.
        return False
    return not names or names[-1] < nouns[-1]


_OWN_VALUE_RE = re.compile(r"\b(?:its|sa|son|their|leur)\s+(?:valuation|value|valorisation|valeur)\b")


def _carries_value(gap: str) -> bool:
    """Whether the kind "valuation" carries over ``gap`` to the figure after it."""
    if _NOT_VALUE_GAP_RE.search(gap):
        return False
    if _COMPARED_END_RE.search(gap):
        return True  # "..., according to people familiar with the terms, up from £1.5bn"
    words = len(gap.split())
    return words <= 3 or (words <= 6 and _VALUE_GAP_RE.search(gap) is not None)


# "... in AI firm Zephyr", "in drone maker Zephyr", "dans la start-up Zephyr": up to the name.
_IN_COMPANY_RE = re.compile(r"\s+(?:in|into|dans|chez)\s+")
_FOR_DESCRIBED_RE = re.compile(r"\s+(?:for|pour)\s+")
# "Kobalt pays $640m for Zorblo": a price paid for the company (or its shares), not money it raises.
_PRICE_LEFT_RE = re.compile(
    r"\b(?:pa(?:y|ys|id|ying)|offer\w*|bid\w*|bought|buy\w*|acqui\w+|purchas\w*|sold|sell\w*|"
    r"paie\w*|pay[ée]\w*|offr\w*|rach[eè]t\w*|vend\w*|c[eè]d\w*)\b"
)
_BOUGHT_FOR_RE = re.compile(
    r"\b(?:acquired?|acquires|acquiring|bought|buys?|buying|purchased?|purchases|rach[eè]t\w*|acquiert|"
    # ("l'acquisition par Quaxi de 60 % de Kobalt, pour un montant de 35 M€", "va acquérir".)
    r"a\s+acquis|acqu[eé]rir|acquisition\s+(?:par\s+[^,;.]{1,40}?\s+)?(?:de|d'|of)|s'offre|s'est\s+offert)"
    r"\s+[^,;.]{0,80}?\s(?:for|pour)\s*(?:(?:un\s+montant|a\s+total|a\s+sum)\s+(?:total\s+)?(?:de|d'|of)\s*)?"
    r"(?:(?:about|around|some|nearly|roughly|environ|pr[eè]s\s+de|quelque)\s+)?$"
)
# A stake bought is an investment in the company, not the company bought.
_STAKE_WORDS_RE = re.compile(r"\b(?:stakes?|participations?|shares|actions|parts|equity|capital)\b")
_CLAUSE_PUNCT_RE = re.compile(r"[,.;:!?()]")
# Listed shares moving: the value that follows is the market's ("priced at $21" alone is the listing's own).
_STOCK_MOVED_RE = re.compile(
    # (Not "cours": "au cours de l'année" is no share price.)
    r"\b(?:shares?|stock|actions?|titres?)\b[^.;]{0,120}?\b(?:surg(?:ed|ing)|soar(?:ed|ing)|jump(?:ed|ing)|"
    r"rose|rising|fell|falling|climb(?:ed|ing)|clos(?:ed|ing)\s+(?:at|up|down)|skyrocket\w*|tumbl\w+|slid|"
    r"plung\w+|bondi\w*|chut\w+|grimp\w+|s'envol\w+|recul\w+)\b"
)
# A listing through a blank-check company: the cash the merger brings is the company's new money.
_SPAC_RE = re.compile(
    r"\b(?:spacs?|blank[- ]check|special[- ]purpose\s+acquisition|business\s+combination|"
    r"soci[eé]t[eé]\s+d['’]acquisition\s+(?:ad\s+hoc|sp[eé]cialis[eé]e))\b",
    re.IGNORECASE,
)
_PROCEEDS_LEFT_RE = re.compile(
    r"\b(?:bring|give|provide|deliver|receive|generate|apporter|procurer)(?:s|ed|ing|ait|ont|era|eront)?\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:(?:about|approximately|around|roughly|some|up\s+to|nearly|more\s+than|over|"
    r"environ|jusqu['’]a|pres\s+de|plus\s+de)\s+)?$"
)
_PROCEEDS_RIGHT_RE = re.compile(
    r"\s*(?:in\s+)?(?:(?:gross|net|cash)\s+)*(?:proceeds|de\s+(?:produit|tresorerie))|"
    r"\s*(?:in\s+cash\s+)?from\s+the\s+(?:deal|merger|transaction|business\s+combination)"
)
# "Quaxi (12 M€ pour accélérer en Europe), Plimo (4 M€ pour recruter)": a roundup's entry, a sum the
# company named before the parenthesis got for a purpose.
_NAME_PAREN_SUM_RE = re.compile(
    rf"{_NAME}{_FIELD}\s*\(\s*(?:[$€£]|(?:US|C|CA)\$)?\s*\d[\d,.\s]*(?:[MmKk]|G\$|M\$|M€|mil|Md|bn)"
)
# The deals a list of "Name (sum)" entries is about: two entries suffice where the sentence says so.
_JOINED_ENTRY_RE = re.compile(r"(?:\band|\bet|,)\s+[^,;()]{0,70}\(\s*$")
_DEALS_RE = re.compile(r"\b(?:levees|tours|operations|financements|rounds|deals|raises|fundraises)\b")
# "Sur les 50 M€ levés, 10 M€ ...", "Of the $50 million raised, $10 million ...": a whole, then a share of it.
_OF_THE_WHOLE_LEFT_RE = re.compile(r"(?:^|[^\w'])(?:sur|of|parmi|out\s+of)\s+(?:les|the|ces|these|this)\s+$")
_TO_ITS_SHARE_RE = re.compile(r"[^.;,]{0,40},\s*")
# A list's lead that announces companies' values: "this year's crop of unicorns:", "les licornes
# françaises et leur valorisation :".
_VALUES_LEAD_RE = re.compile(
    r"\b(?:unicorns?|licornes?|decacorns?|decacornes?|valuations?|valorisations?|valued|valorisees?|worth)\b"
)
# Two "Name (sum)" entries are deals where the sentence speaks of one or of those who make them: "the
# two largest fundraisers, Quaxi (40 million) and Plimo (25 million)", "l'opération de Quaxi (40 millions)".
_DEAL_WORDS_RE = re.compile(
    r"\b(?:levees?|tours?\s+de\s+table|operations?|financements?|rounds?|deals?|raises|fundrais(?:es|ers?|ing))\b"
)
_FROM_INVESTORS_RIGHT_RE = re.compile(r"\s+(?:aupres\s+d|from\s+)")
_FOR_PURPOSE_RIGHT_RE = re.compile(r"\s+(?:pour|afin\s+de|to)\s+(?:[a-zà-ÿ]+\s+)?[a-zà-ÿ]+(?:er|ir|re)\b")
# "ses deux levées, en 2019 (3 M€) puis en 2021 (6 M€)": each dated sum in
# brackets of a raise is one of its rounds.
_DATED_PAREN_LEFT_RE = re.compile(
    rf"(?:\b(?:19|20)\d\d|\b(?:{_MONTHS}|printemps|ete|automne|hiver|spring|summer|autumn|fall|winter))\s*\(\s*$"
)
_RAISED_BEFORE_RE = re.compile(
    r"\b(?:lev(?:e|ee|es|ees|er|ait)|raised|raising|raises|rounds|tours(?:\s+de\s+table)?|levees(?:\s+de\s+fonds)?)\b"
)
# "will acquire a 60% stake in Quaxi for €300 million": control of the company, its price.
_MAJORITY_RE = re.compile(r"(?i:majorit|(?<![\d.,])(?:[5-9]\d|100)(?:[.,]\d+)?\s?(?:%|per\s?cent|percent))")
# "The deal will provide Quaxi with $12m": what a deal or an investor hands the company.
_PROVIDES_WITH_RE = re.compile(
    r"\b(?:provid(?:e|es|ed|ing)|equip(?:s|ped)?)\s+(?:[\w'’.-]+\s+){1,4}?with\s+"
    r"(?:(?:a|an|some|about|nearly|over|more\s+than)\s+)?$"
)
# ("The sale of its unit should provide Quaxi with $240 million in proceeds": the price of a sale.)
_SALE_WORDS_RE = re.compile(r"\b(?:sale|sold|selling|vente|vendu\w*|cession|proceeds|produit\s+de\s+la)\b")
_FOR_COMPANY_RE = re.compile(
    # ("3 M€ pour aider Quaxi à recruter", "$5M to help Quaxi hire": the company the sum enables.)
    rf"\s+(?:(?:for|pour)\s+(?:(?:permettre\s+[àa]|aider|accompagner)\s+)?|to\s+(?:help|allow|enable)\s+)"
    rf"(?:{_DESCRIBED}|(?:the|la|le|l['’])\s*)?"
    rf"{_NAME}"
)


@dataclass
class _Figure:
    """One money mention being decided, with where its clause starts and ends."""

    j: int
    mention: MoneyMention
    next_start: int  # where the next figure of the sentence starts
    prev_end: int  # where the previous figure (read or skipped) ends
    prev_end_clause: int  # where the previous figure of the sentence ends
    carried: bool  # its currency comes from an earlier figure
    category: str | None = None  # "round", "val", "inv", "debt", "non" or None
    keyword: str = ""
    kind_how: str = ""
    stake_owner: str | None = None
    debt: bool = False


# A plant, a site or jobs the money builds, in a sentence that names no raise, no investor and no round.
_CAPEX_RE = re.compile(
    r"\b(?:construire|construction|usines?|site\s+de\s+production|sites?\s+industriels?|emplois|"
    r"build(?:s|ing)?|factor(?:y|ies)|plants?|jobs)\b"
)
_RAISE_OR_INVESTOR_RE = re.compile(
    r"\b(?:lev\w+|raise[sd]?|raising|tour|round|series|serie|fonds|fund|investisseurs?|investors?|"
    r"investi|invested|invests|capital|actionnaires?|shareholders?)\b"
)


def _capex(low: str, keyword: str) -> bool:
    return (
        keyword.strip().startswith(("investissement", "investment"))
        and _CAPEX_RE.search(low) is not None
        and _RAISE_OR_INVESTOR_RE.search(low) is None
    )


_TAKE_PRIVATE_RE = re.compile(
    r"\btak(?:e|es|ing|en)\s+(?:[\w'-]+\s+){1,4}?private\b|\bretrait\s+de\s+la\s+cote\b"
)
# "une offre de rachat de Kobalt, qui valorisait Quaxi 90 M€", "a takeover bid valuing Quaxi at": a buyer's
# price.
# (Not a tender offer to staff or a share offering: those value the company, as rounds do.)
_BID_VALUES_RE = re.compile(
    r"(?<!tender )(?<!public )(?<!share )\b(?:offre|offer|bid)\b"
    r"(?!\s+(?:publique|price|to\s+(?:staff|employees)))[^.;]{0,80}?\b(?:valoris\w+|valu(?:ed|ing|es))\b"
)
# ("les salariés céderont leurs actions lors d'une offre de rachat valorisant Quaxi": a tender offer.)
_STAFF_RE = re.compile(r"\b(?:salaries|employes|employees|staff|personnel)\b")
# (The company itself as what is valued: "valuing the young group at".)
_VALUED_VERB_LEFT_RE = re.compile(
    r"\b(?:valu(?:e|es|ed|ing)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:company|start-?up|firm|business|group)|it)\s+at|"
    r"valoris\w+\s+(?:la\s+(?:[\w-]+\s+)?(?:societe|start-?up|jeune\s+pousse)|l'entreprise)(?:\s+a)?)\s+"
    r"(?:(?:around|about|roughly|some|environ|pres\s+de|quelque)\s+)?$"
)
_DEBT_WORD_RE = re.compile(r"\b(?:debt|dette|loans?|prets?|borrowings?)\b")
_AT_GAP_RE = re.compile(r"\s+at\s+(?:an?\s+)?")
# What a bare "6.7 million" counts when it is no money: shares, people, things.
_COUNTED_RIGHT_RE = re.compile(
    r"\s+(?:(?:new|nouvelles?|ordinary|common|preferred|additional)\s+)?(?:shares|actions|titres|users|"
    r"utilisateurs|customers|clients|subscribers|abonnes|employees|salaries|downloads|telechargements|"
    r"visitors|visiteurs|people|personnes|units|unites|vehicles|vehicules|tonnes|tons|patients|members|"
    r"membres|followers|devices|appareils)\b"
)


# A raise word that is part of an investor's name: "Kobalt Capital", "Z Capital", "Investissement Kobalt".
_FIRM_WORD_RE = re.compile(r"\b[A-Z0-9][\w&.'’-]*\s+(Capital)\b|\b(Investissement)\s+[A-ZÀ-Ý]")


def _mask_firm_words(text: str, low: str) -> str:
    """``low`` with the raise words of investors' names in ``text`` blanked (folding keeps offsets), where
    the investor is a clause's subject; named as where money came from, the word still says a round's."""
    for m in _FIRM_WORD_RE.finditer(text):
        start, end = m.span(m.lastindex or 0)
        if _SUBJECT_FIRM_LEFT_RE.search(text, max(0, m.start() - 60), m.start()):
            low = low[:start] + "x" * (end - start) + low[end:]
    return low


# The investor's name opens the sentence or a list's conjunct: "Z Capital put in", ", Kobalt Capital about".
_SUBJECT_FIRM_LEFT_RE = re.compile(r"(?:^|[,;:]\s*|\b(?:and|et)\s+)(?:[A-Z0-9][\w&.'’-]*\s+){0,4}$")


class _SentenceReader:
    """Decides each figure of one sentence in turn: a figure's reading may lean on the one before."""

    def __init__(
        self,
        walk: _Walk,
        idx: int,
        mentions: Sequence[MoneyMention],
        doc_currency: str | None,
        cands: list[_Cand],
        debts: list[tuple[int, MoneyMention]],
    ) -> None:
        self.walk, self.doc, self.idx = walk, walk.doc, idx
        self.mentions = mentions
        self.doc_currency = doc_currency
        self.cands, self.debts = cands, debts
        self.text = walk.texts[idx]
        self.low = self.doc.folded[idx]
        # The company's own name says nothing of a figure: "Zorblo Capital for $3.7 billion" has no cue
        # "capital". Masked letter for letter, so every offset stays; once per sentence, not per figure.
        self.unnamed = self.doc.entity_re.sub(lambda m: "x" * len(m.group(0)), self.low)
        if "Capital" in self.text or "Investissement " in self.text:
            # Nor does an investor's: "Kobalt Capital put in $7M", "Investissement Kobalt prête 2 M$ à ...".
            self.unnamed = _mask_firm_words(self.text, self.unnamed)
        self.prev_end = 0
        self.prev_currency: str | None = None
        self.prev_kind: str | None = None
        self.prev_unowned = False
        self.prev_cand: _Cand | None = None
        self.respective = (
            _respective_owners(self.text, self.low, mentions, self.doc, walk.texts[idx - 1] if idx else "")
            if "respectiv" in self.low
            else {}
        )

    def run(self) -> None:
        for j, mention in enumerate(self.mentions):
            fig = self._figure(j, mention)
            if fig is not None:
                self._read(fig)

    def _figure(self, j: int, mention: MoneyMention) -> _Figure | None:
        """The figure with its currency (carried over when the text gives none), or None without one."""
        carried = mention.currency is None
        if carried and _COUNTED_RIGHT_RE.match(self.low, mention.end):
            # "took in $88 million by selling 5.5 million shares at $16 each": a count, not a sum.
            self.prev_end = mention.end
            return None
        if carried:
            listed = self._list_currency() if self.prev_currency is None and mention.scaled else None
            if listed is not None:
                # "Kobalt (3 millions), Zorblo (2,5 millions), Plimo (800 000 euros)": a list states its
                # currency once, further on.
                self.prev_currency = listed
            if (
                self.prev_currency is None
                and self.doc_currency is not None
                and mention.scaled
                and (
                    (
                        _BARE_RAISE_LEFT_RE.search(self.low, max(0, mention.start - 30), mention.start)
                        # (Not "un apport de 30 millions dans la plateforme Kobalt": someone else's.)
                        and not _INTO_RIGHT_RE.match(self.low, mention.end)
                    )
                    or _BARE_RAISE_RIGHT_RE.match(self.low, mention.end)
                    # "the two largest fundraisers, Quaxi (40 million) and Plimo (25 million)".
                    or self._paren_entry(mention) is not None
                )
            ):
                # « Nous avons levé 50 millions l'an dernier » in a story told in euros.
                self.prev_currency = self.doc_currency
            if self.prev_currency is None:
                self.prev_end = mention.end
                return None
            mention = mention.with_currency(self.prev_currency)
        self.prev_currency = mention.currency
        mentions = self.mentions
        return _Figure(
            j=j,
            mention=mention,
            next_start=mentions[j + 1].start if j + 1 < len(mentions) else len(self.low),
            prev_end=self.prev_end,
            prev_end_clause=mentions[j - 1].end if j > 0 else 0,
            carried=carried,
        )

    def _list_currency(self) -> str | None:
        """The one currency a sentence listing several companies' sums states (None: none or several)."""
        if self._listed_sums < 3:
            return None
        found = {m.currency for m in self.mentions if m.currency is not None}
        return next(iter(found)) if len(found) == 1 else None

    def _read(self, fig: _Figure) -> None:
        self._categorise(fig)
        self._veto(fig)
        self.doc.verdicts[(self.idx, fig.mention.start)] = fig.category or "none"
        component = self.prev_cand is not None and (
            bool(_COMPONENT_RE.match(self.low[fig.prev_end : fig.mention.start]))
            or self._share_of_the_whole(fig)
        )
        self.prev_end = fig.mention.end
        if component and not self._component_is_a_round(fig):
            # "une levée de 90 M€, dont 60 M€ apportés par Kobalt": one investor's share of the round.
            return
        self.prev_kind = fig.category if fig.category in ("val", "round", "inv") else None
        if fig.category in (None, "non", "debt"):
            if fig.debt:
                self.walk.topic_before(self.idx)
                owner, _how = _owner_for(
                    self.text, self.low, fig.mention, self.walk.markers(self.idx), self.doc, False, self.idx
                )
                if owner == "entity":
                    self.debts.append((self.idx, fig.mention))
            return
        owner, owner_how = self._owner(fig)
        self.prev_unowned = owner is None
        if owner is None or not self._stands(fig):
            return
        cand = self._candidate(fig, owner, owner_how)
        self.cands.append(cand)
        self.prev_cand = cand

    def _categorise(self, fig: _Figure) -> None:
        """What the figure measures, from the words around it."""
        low, mention, unnamed = self.low, fig.mention, self.unnamed
        fig.category, fig.keyword = _kind_of(unnamed, mention, fig.prev_end, fig.next_start, self.doc.lang)
        fig.kind_how = f"'{fig.keyword}' next to the figure" if fig.keyword else "the words around the figure"
        bought = _BOUGHT_FOR_RE.search(unnamed, max(fig.prev_end, mention.start - 120), mention.start)
        if bought and (not _STAKE_WORDS_RE.search(bought.group(0)) or _MAJORITY_RE.search(bought.group(0))):
            # "Kobalt acquired the investment firm Zorblo Capital for $3.7 billion": a price paid for a
            # company, whatever words its description carries.
            fig.category, fig.kind_how = "non", "the price paid for a company"
        if fig.category == "val" and (not_a_value := self._no_company_value(mention)) is not None:
            fig.category, fig.kind_how = "non", not_a_value
        if fig.category in ("val", "round") and _BOOK_VALUE_RE.search(
            low, max(0, mention.start - 80), mention.start
        ):
            fig.category, fig.kind_how = "non", "book equity, not a deal's valuation"
        if fig.category in (None, "non") and ("stake" in low or "participation" in low):
            fig.stake_owner = _stake_buyer_target(self.text, mention, fig.prev_end, self.doc)
            if fig.stake_owner is not None:
                fig.category, fig.kind_how = "round", "the price of a minority stake an investor buys"
        if fig.category in ("round", "inv") and _capex(low, fig.keyword):
            # "Quaxi bâtira à Dijon une usine de 70 M€ et 200 postes": what the company spends on a plant,
            # no raise.
            fig.category, fig.kind_how = "non", "an investment in a plant or a site"
        if fig.category == "round" and (reread := _round_reread(low, mention, fig.prev_end, self.doc.lang)):
            fig.category, fig.kind_how = reread
        if fig.category == "inv" and self._headline_deal_in_company(fig):
            # "Orion to invest $1bn in AI firm Zephyr", "Three funds invest $50M in drone maker
            # Zephyr": a headline names the deal by its investor; the sum is the company's round.
            fig.category, fig.kind_how = "round", HEADLINE_DEAL_HOW
        if fig.category == "inv" and _TOP_UP_RE.match(low, mention.end):
            # "apporte 8 M€ supplémentaires à la série A": an investor's top-up of the company's round.
            fig.category, fig.kind_how = "round", "an investor's top-up of the round"
        if fig.category in (None, "inv", "non") and self._spac_proceeds(mention):
            # "The merger is expected to bring Skyhaul about $350 million in gross proceeds".
            fig.category, fig.kind_how = "round", "the cash a listing through a blank-check company brings"
        if fig.category is None:
            self._uncued(fig)

    def _no_company_value(self, mention: MoneyMention) -> str | None:
        """Why a figure worded as a value is no company's valuation (None: it is one)."""
        low = self.low
        if _TAKE_PRIVATE_RE.search(low) or (_BID_VALUES_RE.search(low) and not _STAFF_RE.search(low)):
            # "Kobalt will take Quaxi private at $3.4bn": a buyout's price, no round's valuation.
            return "the price of a take-private"
        if _class_threshold(low, mention, self.doc.entity_re):
            return "the threshold of a class of companies (unicorns)"
        if _FUND_MARK_RE.search(low) and not _ROUND_VALUED_LEFT_RE.search(
            low, max(0, mention.start - 80), mention.start
        ):
            # (But "the fund marked Quaxi down after its Series E, which valued Quaxi at $7bn": the round's.)
            return "a fund's mark of its stake, not a deal's valuation"
        if _STAKE_VALUED_RE.search(
            low, max(0, mention.start - 160), mention.start
        ) or _SHARES_VALUED_RE.search(low, max(0, mention.start - 80), mention.start):
            # "Kobalt's stake in Quaxi was valued at $80 million": what a holder's shares are worth.
            return "the value of a holder's stake, not the company's"
        if _COST_VALUED_RE.search(low, max(0, mention.start - 160), mention.start):
            return "the estimated cost of something, not a valuation"
        if _OF_VALUE_RIGHT_RE.match(low, mention.end):
            # "sellers handed buyers $2 billion of value": value moved, no company's worth.
            return "an amount of value created or handed over, not a valuation"
        if _STOCK_MOVED_RE.search(low, max(0, mention.start - 200), mention.start):
            # "Quaxi's stock climbed 80% in its first week of trading, lifting the valuation to $14 billion":
            # what the stock market says the company is worth that day, no deal's valuation.
            return "a value the stock market gives, not a deal's"
        return None

    def _uncued(self, fig: _Figure) -> None:
        """A figure no cue word qualifies: a sum for a company, or an entry of a list of rounds."""
        low, mention = self.low, fig.mention
        priced = _PRICE_LEFT_RE.search(low, fig.prev_end, mention.start) is not None
        if not priced and self._headline_sum_for_company(fig):
            # "$640m for grid battery maker Zorblo": a headline's sum for the company it describes.
            fig.category, fig.kind_how = "round", "a sum 'for' the company, in a headline (weak)"
        elif not priced and _FOR_COMPANY_RE.match(self.text, mention.end):
            # "$40M for Tindra to bring robots to grocers", "40 M€ pour Volune": a sum given to a company.
            fig.category, fig.kind_how = "round", "a sum 'for' a named company (weak)"
        elif (
            not priced
            and _PROVIDES_WITH_RE.search(low, max(0, mention.start - 80), mention.start)
            and not _SALE_WORDS_RE.search(low)
        ):
            fig.category, fig.kind_how = (
                "round",
                "what a deal or an investor provides the company with (weak)",
            )
        elif not priced and (entry := self._paren_entry(mention)) is not None:
            fig.category, fig.kind_how = "round", entry
        elif (
            not priced
            and _DEALS_RE.search(low)
            and (name := list_entry_name(self.text, mention)) is not None
            and not _is_place(name)
        ):
            # "deals closed this month (Quaxi $21M, Plimo $14M and Zorblo $9M)": each entry's round.
            fig.category, fig.kind_how = "round", "an entry 'Name $N' of a list of deals (weak)"
        elif (
            _DATED_PAREN_LEFT_RE.search(low, max(0, mention.start - 40), mention.start)
            and low[mention.end : mention.end + 1] == ")"
            and _RAISED_BEFORE_RE.search(low, 0, mention.start)
        ):
            fig.category, fig.kind_how = "round", "a dated sum in brackets of a raise (weak)"
        elif fig.j == 0:
            head = self.walk.head(self.idx)
            # ("7. Quaxi, Tunisie, 3 millions de dollars": where the company is may stand before its sum.)
            between = self.text[head.end() : mention.start].strip().rstrip(",").strip() if head else ""
            if head is not None and (not between or _is_place(between)):
                # "Nanolys (semi-conducteurs) : 80 M€.": an entry of a list of rounds; of valuations where
                # the list's lead speaks of them ("Les nouvelles licornes : - Quaxi, 1,2 Md$").
                fig.category, fig.kind_how = (
                    ("val", "an entry of a list of companies' valuations")
                    if self._lead_speaks_of_values()
                    else ("round", "an entry of a list of rounds")
                )

    def _lead_speaks_of_values(self) -> bool:
        """Whether the sentence leading into this list (the last before its entries) names valuations or
        unicorns, and no raise."""
        j = self.idx - 1
        while j >= 0 and self.walk.head(j) is not None:
            j -= 1
        if j < 0:
            return False
        lead = self.doc.folded[j]
        return _VALUES_LEAD_RE.search(lead) is not None and _RAISED_BEFORE_RE.search(lead) is None

    def _paren_entry(self, mention: MoneyMention) -> str | None:
        """How a sum in parentheses right after a company's name reads as a roundup's entry (None: not)."""
        # (Exact shortcut: a match ends on "(" and blanks, the name scan before it being the costly part.)
        left = self.text[max(0, mention.start - 60) : mention.start]
        if not left.rstrip().endswith("(") or not _NAME_PAREN_LEFT_RE.search(
            self.text, max(0, mention.start - 60), mention.start
        ):
            return None
        if _FOR_PURPOSE_RIGHT_RE.match(self.low, mention.end):
            return "a roundup's entry: a sum for a purpose (weak)"
        if _FROM_INVESTORS_RIGHT_RE.match(self.low, mention.end):
            # "Quaxi (25 M€ auprès de Kobalt et Orion)": the entry's sum and who put it in.
            return "a roundup's entry: a sum raised from investors (weak)"
        if self.prev_kind == "round" and _JOINED_ENTRY_RE.search(
            self.low, max(0, mention.start - 90), mention.start
        ):
            # "... drew a cash injection of €610 million, and the Lyon robot maker Zorblo (320 million)": the
            # next entry of the same ranking.
            return "a roundup's entry after a round (weak)"
        deals_named = _DEAL_WORDS_RE.search(self.low) or (
            # ("Puis Quaxi (2,2 M€ - Brest), Plimo (1,8 M€ - Vannes)": the ranking the sentence before
            # opened.)
            self.idx > 0 and _DEAL_WORDS_RE.search(self.doc.folded[self.idx - 1])
        )
        if self._listed_sums >= 3 or (self._listed_sums == 2 and deals_named):
            # "Quaxi (22 millions $), Plimo (9 millions $), Zorblo (4 millions $)": a roundup of deals;
            # "les deux plus grosses levées : Zorblo (65 M€) et Quaxi (40 M€)".
            return "a roundup's entry: a list of companies' sums (weak)"
        return None

    @functools.cached_property
    def _listed_sums(self) -> int:
        """How many "Name (sum" entries the sentence lists; read once per sentence, on first need."""
        return len(_NAME_PAREN_SUM_RE.findall(self.text))

    def _spac_proceeds(self, mention: MoneyMention) -> bool:
        low = self.low
        near = _PROCEEDS_LEFT_RE.search(low, max(0, mention.start - 80), mention.start)
        said = near is not None or _PROCEEDS_RIGHT_RE.match(low, mention.end) is not None
        return said and _SPAC_RE.search(self.doc.text) is not None

    def _headline_sum_for_company(self, fig: _Figure) -> bool:
        return self._headline_deal_in_company(fig, _FOR_DESCRIBED_RE)

    def _headline_deal_in_company(self, fig: _Figure, joint: re.Pattern[str] = _IN_COMPANY_RE) -> bool:
        if not self.doc.sentences[self.idx].headline:
            return False
        m = joint.match(self.low, fig.mention.end)
        if m is None:
            return False
        name = self.doc.entity_re.search(self.low, m.end(), m.end() + 60)
        between = self.low[m.end() : name.start()] if name is not None else ""
        return name is not None and len(between.split()) <= 5 and not _CLAUSE_PUNCT_RE.search(between)

    def _veto(self, fig: _Figure) -> None:
        """Carry the kind of the figure before, and drop packages, tranches, debt and IPO money."""
        low, mention = self.low, fig.mention
        gap = low[fig.prev_end : mention.start]
        component = self.prev_cand is not None and bool(_COMPONENT_RE.match(gap))
        carries = self.prev_kind != "val" or _carries_value(gap)
        if (
            fig.category is None
            and self.prev_kind == "round"
            and _AT_GAP_RE.fullmatch(gap)
            and mention.amount > self.mentions[fig.j - 1].amount
        ):
            # "Quaxi Lands $300M At $5B": the larger sum a round is raised at is the company's worth.
            fig.category, fig.kind_how = "val", "the sum a round is raised 'at'"
        if fig.category is None and self.prev_kind is not None and not component and carries:
            # "committed $4bn to it, followed by another $2bn from Google": same kind of deal; but after
            # "investors put $115bn into AI startups", "up from $145bn" belongs to nobody named either.
            fig.category = (
                None if self.prev_unowned else "round" if self.prev_kind == "inv" else self.prev_kind
            )
            fig.kind_how = "carried from the figure before (weak)"
        if fig.category in ("round", "inv") and _package_or_remainder(
            self.doc, self.idx, low, mention, fig.prev_end
        ):
            fig.category = None
        fig.debt = fig.category == "debt"
        if fig.category in ("round", "val", "inv"):
            reason = _drops_figure(self.text, low, mention, fig.prev_end, fig.next_start)
            if (
                reason == "debt"
                and fig.category == "val"
                and _VALUED_VERB_LEFT_RE.search(low, max(fig.prev_end, mention.start - 70), mention.start)
                # (But "value it at $3 billion including debt": an enterprise value, the debt its own.)
                and not _DEBT_WORD_RE.search(low, mention.end, min(fig.next_start, mention.end + 40))
            ):
                # "Kobalt eyes a stake in debt-software maker Quaxi, a deal valuing it at $80m": the
                # debt is the business described; what a deal values is the company.
                reason = None
            if reason is not None:
                fig.debt = reason == "debt"
                fig.category = None
        if fig.category == "round" and _spac_own_listing(low, mention):
            fig.category = None
        if fig.category == "round" and any(
            (d.amount, d.currency) == (mention.amount, mention.currency) for _, d in self.debts
        ):
            # "Quaxi a emprunté 41 M$ à deux banques ... ces 41 M$ levés": the same sum again, still debt.
            fig.category, fig.debt = None, True

    def _share_of_the_whole(self, fig: _Figure) -> bool:
        """ "Sur les 50 M€ levés, 10 M€ proviennent de ...", "Of the $50 million raised, $10 million came
        from ...": the figure after the comma is a share of the whole named just before it."""
        prev = self.prev_cand
        assert prev is not None
        if prev.sent_index != self.idx or prev.mention.amount <= fig.mention.amount:
            return False
        low, whole = self.low, prev.mention
        return bool(
            _OF_THE_WHOLE_LEFT_RE.search(low, max(0, whole.start - 20), whole.start)
            and _TO_ITS_SHARE_RE.fullmatch(low, whole.end, fig.mention.start)
        )

    def _component_is_a_round(self, fig: _Figure) -> bool:
        """A figure introduced by "dont"/"including" after a candidate: the latest round of a total, or
        (False) one investor's share of a round."""
        prev = self.prev_cand
        assert prev is not None
        clause = self.low[fig.mention.end : fig.next_start]
        named_round = _ROUND_BEFORE_RE.search(self.low, max(0, prev.mention.start - 40), prev.mention.start)
        if _ROUNDISH_RE.search(clause[:80]) and prev.kind == "funding_round" and not named_round:
            # "plus d'un milliard, dont 600 millions lors de son dernier tour": a total and its round.
            prev.kind = "total_raised"
            fig.category = "round"
            return True
        if prev.kind == "total_raised" and (_ROUNDISH_RE.search(clause[:80]) or _DATED_RE.match(clause)):
            # "$300 million to date, including a $100 million Series C", "plus de 64 M€ au total, dont
            # 25 millions en mars 2025": a dated or named part of a total is one of its rounds.
            fig.category = "round"
            return True
        return False

    def _owner(self, fig: _Figure) -> tuple[str | None, str]:
        self.walk.topic_before(self.idx)
        if fig.stake_owner is not None:
            return fig.stake_owner, "named as the company an investor buys a stake in"
        if fig.j in self.respective:
            return self.respective[fig.j], "the matching name of a 'respectively' list"
        markers = self.walk.markers(self.idx)
        return _owner_for(
            self.text, self.low, fig.mention, markers, self.doc, fig.category == "inv", self.idx
        )

    def _stands(self, fig: _Figure) -> bool:
        """False for a negated figure, one too small to be a deal, or one cut off with its summary."""
        mention = fig.mention
        if _negated(self.low, mention, fig.prev_end_clause, self.doc.lang):
            # "did not raise $100 million", "n'a jamais été valorisée 2 Md€", "denied it had raised".
            return False
        if eur_value(mention.amount, mention.currency) < min_deal_eur():
            # "$3.5 in seed funding", "about $3.5 b" cut off before its scale: no real deal is this small.
            return False
        return not _cut_off(self.text, mention, self.idx == len(self.doc.sentences) - 1)

    def _kind(self, fig: _Figure, investor: str | None) -> str:
        if fig.category == "val":
            return "valuation"
        low, mention = self.low, fig.mention
        right_clause = low[mention.end : min(fig.next_start, mention.end + 60)]
        left_clause = low[max(fig.prev_end_clause, mention.start - 120) : mention.start]
        if fig.category == "inv" and _SINCE_YEAR_AFTER_RE.match(right_clause):
            # "Kobalt has invested $517m in Quaxi since 2011": money put in over years, no one deal.
            return "total_raised"
        if _BACKERS_HAVE_PUT_RE.search(left_clause):
            # "Its backers, Kobalt among them, have pumped over $900 million into Quaxi": what all of them
            # put in over time, whoever is named.
            return "total_raised"
        if investor:
            return "investment"
        if (
            _THIS_ROUND_RIGHT_RE.match(low, mention.end)
            or _NAMED_ROUND_RIGHT_RE.match(low, mention.end)
            or (_AN_LEFT_RE.search(left_clause) and _ROUND_NOUN_RIGHT_RE.match(low, mention.end))
        ):
            # ("$300 million to date, including a $100 million Series C": the part named as a round.)
            return "funding_round"
        if _ROUND_SIZE_LEFT_RE.search(left_clause) or _A_ROUND_OF_LEFT_RE.search(left_clause):
            # "un tour d'un montant total de 11 M€": the whole size of this round; "a
            # bouclé une levée de 4 M€": one new round, whatever the clause said of the company before it.
            return "funding_round"
        right_first = _RECORD_SO_FAR_RE.sub(" ", _BRINGS_TOTAL_RE.split(right_clause.split(",")[0])[0])
        left_clause = _RECORD_SO_FAR_RE.sub(" ", left_clause)
        total = (
            # "raised $25 million, bringing the total to $110 million": the total is the next figure.
            _TOTAL_RE.search(right_first)
            or (
                # ("avec 31 millions récoltés lors de sa série B" is that round.)
                _WITH_LEFT_RE.search(left_clause)
                and _RAISED_RIGHT_RE.match(right_clause)
                and not _ROUNDISH_RE.search(right_clause)
                # ("Avec 9 M€ levés en mars auprès de Kobalt, Quaxi ...": one deal, with its backers.)
                and not _BACKERS_RIGHT_RE.search(right_clause[:40])
            )
            or _TOTAL_RE.search(left_clause)
            or _SINCE_YEAR_AFTER_RE.match(right_clause)
            # "wound down and gave back part of its $41 million in funding": all it got, from every round.
            or (_ITS_LEFT_RE.search(left_clause) and _IN_FUNDING_RIGHT_RE.match(right_clause))
            # « porte à 70 M€ le montant levé »: the raised money so far, named after the figure.
            or (_BROUGHT_TO_LEFT_RE.search(left_clause) and _RAISED_SO_FAR_RIGHT_RE.match(right_clause))
            # « portant le tout à 18 M€ », "bringing the total to $25m": the sum of the parts before.
            or _WHOLE_TO_LEFT_RE.search(left_clause)
            or (
                # "the firm had previously raised $60 million": before, undated and unnamed, a total.
                _PREVIOUSLY_RAISED_RE.search(left_clause)
                and not _ROUNDISH_RE.search(right_clause)
                and not _YEAR_RE.search(right_clause)
                # ("from investors including Kobalt": a deal with its investors named, one round.)
                and not _FROM_NAMED_RE.match(right_clause)
            )
            # "Quaxi had raised about $70 million before its sale", "though it has raised over $1 billion":
            # a rough sum of all it raised before, no round named.
            or (
                _ROUGHLY_RAISED_LEFT_RE.search(left_clause)
                and not _ROUND_NAMED_RIGHT_RE.search(right_clause[:60])
            )
            # "Déjà 12 M€ récoltés", "already $4 million in the bank": all it gathered so far.
            or (
                _ALREADY_BEFORE_RE.search(left_clause)
                and not _ROUNDISH_RE.search(right_clause)
                and not _DATE_WORDS_RE.search(low)
            )
            or (
                _ROUGHLY_RAISED_FR_LEFT_RE.search(left_clause)
                and not _ROUNDISH_RE.search(right_clause)
                and not _DATE_WORDS_RE.search(low)
            )
            # "levé 6 M€ entre 2019 et 2021": a span of years, several rounds (not "a seed round raised
            # between 2019 and 2021", one round named).
            or (_YEARS_SPAN_RE.search(right_first) and not _ROUNDISH_RE.search(right_first))
            or (fig.prev_end_clause >= mention.start - 120 and _SINCE_YEAR_OPENER_RE.match(left_clause))
            # "Since the harbour project started, Quaxi has raised €18 million": all it raised over that time.
            or (_SINCE_THEN_RAISED_RE.match(left_clause) and not _ROUNDISH_RE.search(right_first))
            # "Quaxi has since raised over $60 million", "In five years, Quaxi has hired 90 people and
            # secured $90M": the same, unless a round is named.
            or (
                (
                    _HAS_SINCE_RAISED_RE.search(left_clause)
                    or _HAS_NOW_RAISED_OVER_RE.search(left_clause)
                    or _SPAN_OPENER_RE.match(low)
                )
                and not _ROUND_NAMED_RIGHT_RE.search(right_first)
            )
            or (
                mention.bound == "lower"
                and _ALREADY_RE.search(left_clause)
                and not _ROUNDISH_RE.search(left_clause[-40:])
            )
        )
        # "Au total, Quaxi chercherait à récolter 2,5 Md$": the whole of a raise it seeks is its size.
        return "total_raised" if total and not _SEEKS_TO_RAISE_RE.search(left_clause) else "funding_round"

    def _candidate(self, fig: _Figure, owner: str, owner_how: str) -> _Cand:
        low, mention, doc = self.low, fig.mention, self.doc
        investor = (
            _named_investor(self.text, low, mention, fig.prev_end_clause, doc)
            if fig.category == "inv"
            else None
        )
        kind = self._kind(fig, investor)
        status, status_how = _status(doc, self.idx, low, mention)
        cand = _Cand(
            sent_index=self.idx,
            mention=mention,
            kind=kind,
            owner=owner,
            status=status,
            context=_figure_context(doc, low, mention, fig.prev_end_clause, fig.next_start),
        )
        if kind == "valuation":
            cand.basis = _basis(low, mention)
        cand.round = _round_for(low, mention, self.walk.rounds(self.idx))
        cand.ticket = fig.category == "inv" or _invested_just_before(
            low, mention, fig.prev_end_clause, doc.lang
        )
        if investor is not None:
            cand.investors.append(investor)
        cand.reasons = [f"owner: {owner_how}", f"kind: {fig.kind_how}", status_how]
        headline = doc.sentences[self.idx].headline
        cand.confidence = _confidence(owner_how, fig.kind_how, status_how, fig.keyword, headline)
        if fig.carried:
            cand.reasons.append("amount: currency carried from an earlier figure")
            cand.confidence *= 0.8
        if kind == "total_raised":
            cand.reasons.append("kind: a total to date, not one round")
        return cand
