"""Owner decision: whose figure it is (the entity, another company, nobody named) and how that was seen."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from watcher.facts import lexicon
from watcher.facts.lexicon import LANGS
from watcher.facts.names import (
    _NAME,
    _NAME_RE,
    _NOT_COMPANIES,
    JOINER_WORDS,
    _clean_name,
    _is_entity_name,
    _is_place,
    _plausible_company,
    _wordset,
    title_case,
)
from watcher.facts.numbers import MoneyMention
from watcher.facts.patterns import (
    _BY_NAME_RE,
    _FOR_VENTURE_RE,
    _GENDERED_RE,
    _NAME_PAREN_LEFT_RE,
    _OBJECT_REL_RE,
    _PASSING_NAME_RE,
    _PERSON_TITLE_RE,
    _TARGET_RE,
)
from watcher.facts.sentences import fold
from watcher.facts.vocab import _DESCRIPTOR_NOUN, _INVERTED_RAISE_REL, _kind_re

if TYPE_CHECKING:
    from watcher.facts.state import _Doc, _Owner


def _owner_name(name: str, doc: _Doc) -> str:
    """A name as an owner: "entity" when it names the tracked company, else its folded form."""
    if _is_entity_name(name, doc.entity_re):
        return "entity"
    demonym = _DEMONYM_HEAD_RE.match(name)
    if demonym is not None and _is_entity_name(name[demonym.end() :], doc.entity_re):
        # "L'Américain Quaxi, valorisé ...", "Swedish Quaxi": a nationality, then the company's name.
        return "entity"
    return fold(name)


_DEMONYM_HEAD_RE = re.compile(
    r"(?:[LlDd]['’])?[A-ZÀ-Ý][a-zà-ÿ]+(?:ain|aine|ais|aise|ois|oise|ien|ienne|an|ian|ese|ish|ic|ch|i)\s+"
    r"(?=[A-ZÀ-Ý0-9])"
)


def _resolve(marker: _Owner, doc: _Doc, earlier: Sequence[_Owner] = ()) -> str:
    """Who a marker denotes; "the company"/"it" is the last company named earlier in the sentence,
    else the topic (generic noun) or the previous subject (pronoun)."""
    if marker.kind == "entity":
        return "entity"
    if marker.kind == "other":
        return marker.name
    for i in range(len(earlier) - 1, -1, -1):
        prior = earlier[i]
        if prior.kind == "entity":
            return "entity"
        if prior.kind == "other":
            return prior.name
        if prior.kind == "generic" and marker.kind == "pronoun":
            # "The company was valued at ... when it raised ...": "it" is the company just spoken of, the one
            # the noun stands for ("Plimo secured $2M, valuing the company at $7M, below its $9M peak").
            return _resolve(prior, doc, earlier[:i])
    if marker.kind == "generic":
        return doc.company_topic
    if doc.subject != doc.company_topic and _is_place(doc.subject):
        # "Spain's press praised Quaxi after a round. Its valuation ...": a place has no valuation.
        return doc.company_topic
    return doc.subject


_COORDINATION_RE = re.compile(r"[,;]|\b(?:and|et|as\s+well\s+as|ainsi\s+que|puis|then)\b")


def _entity_after_descriptor(name: str, entity_re: re.Pattern[str]) -> bool:
    """A title-case headline puts the descriptor before the name: "Drone Maker Zephyr"."""
    folded = fold(name)
    return any(m.end() == len(folded.rstrip()) and m.start() > 0 for m in entity_re.finditer(folded))


_SUBSIDIARY_TARGET_RE = re.compile(
    r"(?:(?!\b(?:dans|in|into)\b)[^,.;\d]){0,40}?\b(?:dans|in|into|a|to)\s+"
    r"(?:celui\s+de\s+|le\s+capital\S*\s+de\s+|the\s+capital\s+of\s+)?"
    r"(?:sa|son|ses|its|leur|their|une|a)\s+(?:[a-z-]+\s+)?(?:filiales?|subsidiar(?:y|ies))\b"
)


_DESCRIBED_AFTER_PLACE_RE = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?{_DESCRIPTOR_NOUN}\s+({_NAME})")


_INTO_IT_RE = re.compile(
    r"^[^,.;]{0,40}?\b(?:dans|in|into|to|chez)\s+(?:(?:la|le|l'|the|cette|this)\s+)?"
    r"(?:(?:jeune\s+)?(?:start-?up|startup|pousse|societe|company|firm|entreprise|pepite|business)|it|elle|them)\b"
    # "a injecté 35 M€ à son capital": into the capital of the company spoken of. (Not "raised £18m in
    # capital", the form the money takes.)
    r"|^[^,.;]{0,20}?\b(?:(?:a|au|dans|to|into)\s+(?:son\s+|leur\s+|its\s+|their\s+)?|in\s+(?:its|their)\s+)capital\b"
)


def _invest_target(sent: str, low: str, mention: MoneyMention, doc: _Doc) -> str | None:
    """Owner named right after an investor's ticket: "invests €15M in the start-up"."""
    if _SUBSIDIARY_TARGET_RE.match(low, mention.end, mention.end + 90):
        # "30 M€ dans Zorblo et 6 M€ dans sa filiale Zorblo Iberia": the subsidiary's.
        return "<subsidiary>"
    right = sent[mention.end : mention.end + 90]
    m = _TARGET_RE.search(right)
    if m and _is_place(m.group(1)):
        # "to grow in Tanzania": where the money is spent, not whom it goes to; "to the Qatar robotics
        # firm Zorblo" names the firm described after the place.
        m = _DESCRIBED_AFTER_PLACE_RE.match(right, m.end(1))
    if m and m.group(0).startswith("to ") and title_case(sent):
        # "Tindra Secures $12M Seed Round to Automate Warehouses": a capitalised infinitive, not a name.
        m = None
    if m and m.start() < 45 and not _COORDINATION_RE.search(right, 0, m.start()):
        name = m.group(1)
        if _is_entity_name(name, doc.entity_re) or _entity_after_descriptor(name, doc.entity_re):
            return "entity"
        if _plausible_company(name) and fold(name) not in ("it", "elle"):
            return fold(name)
    low_right = low[mention.end : mention.end + 60]
    if m is not None and m.start() < 45:
        # "... lors de sa série A de 15 M€ en 2024, et dans Corail": the next conjunct's target.
        return None
    gm = _INTO_IT_RE.match(low_right)
    if gm:
        return doc.company_topic if "it" not in gm.group(0).split() else doc.subject
    return None


# An investor buying a minority stake in a company for an amount: "prend une participation minoritaire de
# 15 % dans Ludo ... pour 30 M€", "took a 10% stake in Kettle for $30 million".
_STAKE_BUY_RE = re.compile(
    r"(?i:\b(?:prend\w*|pris\w*|acqui\w+|entre|tak(?:es?|en|ing)|took|acquires?|acquired|buys?|bought|buying)\s+"
    r"(?:(?:une|a|an)\s+)?(?:(?:minority|small|\d{1,2}(?:[.,]\d+)?\s?(?:%|per\s?cent|percent))\s+)?"
    r"(?:participation|stake)(?:\s+minoritaire)?(?:\s+(?:de|of)\s+\d{1,2}(?:[.,]\d+)?\s?%)?\s+"
    r"(?:dans|in|au\s+capital\s+d[e'’]))\s*"
    rf"({_NAME})[^.;]{{0,120}}?(?i:\b(?:pour|for))\s*$"
)
# (Under half: "a 51% stake" is control, a purchase of the company.)
_MINORITY_RE = re.compile(r"(?i:minorit|(?<![\d.,])[1-4]?\d(?:[.,]\d+)?\s?(?:%|per\s?cent|percent))")


def _stake_buyer_target(sent: str, mention: MoneyMention, prev_end: int, doc: _Doc) -> str | None:
    """The company an investor buys a minority stake in, when the figure is the price paid."""
    m = _STAKE_BUY_RE.search(sent, prev_end, mention.start)
    if m is None or not _MINORITY_RE.search(m.group(0)) or not _plausible_company(m.group(1)):
        return None
    name = m.group(1)
    return _owner_name(name, doc)


_RESPECTIVE_RE = re.compile(r"\brespectiv(?:ely|ement)\b")
_LIST_JOIN_RE = re.compile(r"\s*(?:,|(?:,\s*)?(?:and|et))\s*")
_LIST_MEMBER_AFTER_RE = re.compile(r"\s*(?:,|\(|&|and\b|et\b)")
_LIST_MEMBER_BEFORE_RE = re.compile(r"(?:,|&|\band|\bet)\s*$")
_INVESTOR_BEFORE_RE = re.compile(r"(?i:\b(?:by|par|from|aupr[èe]s\s+d[eu]s?|with|avec|via)\s+(?:the\s+)?)$")


def _respective_owners(
    sent: str, low: str, mentions: Sequence[MoneyMention], doc: _Doc, previous: str = ""
) -> dict[int, str]:
    """ "Aldous and Breck raised $12M and $20M respectively": the n-th figure is the n-th company's.
    ("Les lauréats sont Aldous, Breck et Corvid. Ils ont respectivement levé ...": the sentence before,
    ``previous``, lists them when a plural pronoun opens this one.)"""
    if not _RESPECTIVE_RE.search(low):
        return {}
    out: dict[int, str] = {}
    j = 0
    while j < len(mentions):
        k = j
        while k + 1 < len(mentions) and _LIST_JOIN_RE.fullmatch(low[mentions[k].end : mentions[k + 1].start]):
            k += 1
        count = k - j + 1
        if count > 1:
            names = _list_members(sent, mentions[j].start)
            if len(names) < count and previous and _PLURAL_PRONOUN_OPENING_RE.match(sent):
                names = _list_members(previous, len(previous))
            if len(names) >= count:
                for offset, name in enumerate(names[-count:]):
                    out[j + offset] = _owner_name(name, doc)
        j = k + 1
    return out


_PLURAL_PRONOUN_OPENING_RE = re.compile(r"(?:Ils|Elles|They|Les\s+trois|The\s+three|Both|Toutes?\s+deux)\b")


def _list_members(sent: str, end: int) -> list[str]:
    """The companies a sentence lists before ``end``: plausible names next to a comma or "and"/"et"."""
    return [
        m.group(0)
        for m in _NAME_RE.finditer(sent, 0, end)
        if _plausible_company(m.group(0))
        and not _INVESTOR_BEFORE_RE.search(sent[max(0, m.start() - 14) : m.start()])
        and (
            _LIST_MEMBER_AFTER_RE.match(sent, m.end())
            or _LIST_MEMBER_BEFORE_RE.search(sent[max(0, m.start() - 8) : m.start()])
        )
    ]


# "pass its rival Quaxi which was last valued at $3 billion": a relative clause on the name, no comma.
_WHICH_VALUED_RE = re.compile(
    rf"({_NAME})(?:\s+(?:which|who|that|qui)\s+(?:(?:was|is|had\s+been|has\s+been|était|est|a\s+été|avait\s+été)\s+)?"
    # ("Kobalt, a lender valued recently at about $4B": an apposition's participle.)
    r"|\s*,\s*(?:the|an?|la|le|l['’]|une?)\s*(?:[\w-]+\s+){0,4}?)"
    r"(?:(?:last|recently|once|then|dernièrement|récemment|alors)\s+)?(?:valued|valorisée?s?|évaluée?s?)\s+"
    r"(?:(?:last|recently|once|dernièrement|récemment)\s+)?"
    r"(?:at\s+|à\s+|a\s+)?(?:(?:about|around|roughly|nearly|over|more\s+than|some|environ|près\s+de|plus\s+de)\s+|~)?$"
)


# "la néobanque Kobalt, qui compte 3 millions de clients et dont la valorisation atteint", "Kobalt, whose
# valuation reached": a relative clause about the name before it gives that company's worth.
_WHOSE_VALUE_RE = re.compile(
    rf"({_NAME})\s*,\s*(?:(?:qui|which|who)\s[^.;]{{0,120}}?\s(?:et|and)\s+)?(?:dont|whose)\s+"
    r"(?:la\s+|l['’]\s*)?(?:valorisation|valeur|valuation|value)\b[^.;,]{0,60}$"
)


def _passing_owner(sent: str, mention: MoneyMention, doc: _Doc) -> str | None:
    """The company a figure describes inside an aside about it: "Corvane, valorisée 6 Md€"."""
    # (Exact shortcut: every match holds one of the participles, and the name scan is the costly part.)
    lo = max(0, mention.start - 120)
    valued = any(sent.find(word, lo, mention.start) >= 0 for word in ("valued", "valoris", "évalué"))
    which = _WHICH_VALUED_RE.search(sent, lo, mention.start) if valued else None
    relative_from = max(0, mention.start - 260)
    before = sent[relative_from : mention.start]
    if which is None and ("dont" in before or "whose" in before):
        # (only where a relative can stand: the name scan from every position is the costly part)
        which = _WHOSE_VALUE_RE.search(sent, relative_from, mention.start)
    if which is not None and _plausible_company(which.group(1)):
        name = which.group(1)
        return _owner_name(name, doc)
    window_start = max(0, mention.start - 160)
    window = sent[window_start : mention.start]
    if "," not in window and "(" not in window:
        # Every such aside opens with a comma or a parenthesis after the name.
        return None
    last: re.Match[str] | None = None
    for m in _PASSING_NAME_RE.finditer(sent, window_start, min(len(sent), mention.start + 8)):
        if m.end() <= mention.start:
            last = m
    if last is None or re.search(r"[,;)]", sent[last.end() : mention.start]):
        return None
    name = next(g for g in last.groups() if g is not None)
    if not _plausible_company(name):
        return None
    if _EACH_RE.search(fold(sent[last.start() : mention.start])) and _entity_joined_before(
        sent, last.start(), doc
    ):
        # "deals included Quaxi and Plimo, which each raised €9m": each of the names owns the figure.
        return "entity"
    return _owner_name(name, doc)


def _entity_joined_before(sent: str, start: int, doc: _Doc) -> bool:
    """Whether the company is named right before ``start``, joined to the name there by "and" or "et"."""
    low = fold(sent[max(0, start - 90) : start])
    return any(_JOINED_TAIL_RE.fullmatch(low, m.end()) for m in doc.entity_re.finditer(low))


# (What may stand between two joined names: "and", "et", a comma, a place or a description in one word.)
_JOINED_TAIL_RE = re.compile(r"\s*(?:,\s*)?(?:and|et|&)\s+(?:[\w'-]+\s+)?")


# "Quaxi's $66 million Series B", "Plimo' €20M round": a name in the possessive right before the figure
# (a few hedges or adjectives between) owns it, whatever company the sentence is about.
_POSSESSOR_RE = re.compile(
    rf"({_NAME})(?:['’]s?)\s+(?:(?:approximately|about|around|roughly|nearly|almost|over|more\s+than|some|"
    rf"a|an|new|latest|recent|fresh|record|reported|planned|proposed|first|second|third|last"
    # ("Kobalt's huge $25M add-on": any other adjective, but no word that starts another role.)
    rf"|(?!(?:of|to|from|for|in|with|and|or|by|at|on|has|had|is|was|were|are|said|says)\s)[a-z][a-z-]{{2,20}})\s+)"
    rf"{{0,3}}$"
)
# What the possessor of such a figure does rather than receives: "Kobalt's $40M investment in Zorblo".
_POSSESSOR_GIVES_RE = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,4}?(?:investment|stake|bet|offer|bid|acquisition|purchase|takeover|buyout|"
    r"deal|injection|commitment|contribution|ticket|fund|loan|grant)s?\b",
    re.IGNORECASE,
)


# "les 125 M€ que vient de lever Quaxi", "8 M€, son deuxième tour en trois ans, qu'a obtenus Quaxi":
# French puts the subject after the verb in an object relative.
_INVERTED_OBJECT_REL_RE = re.compile(
    r"[ \u00a0]*" + _INVERTED_RAISE_REL + rf"(?:(?:la|le|l['’])\s*(?:[a-zà-ÿ-]+\s+){{0,2}}?)?({_NAME})"
)
# "la levée de 5 M€ de Quaxi", "le tour de table de 20 M€ d'Orbital": French names whose raise it is after the
# amount (not after "un financement de 5 M€ de Bpifrance", where the name gives the money).
_RAISE_OF_LEFT_RE = re.compile(
    r"(?i:\b(?:lev[ée]e(?:\s+de\s+fonds)?|tour\s+de\s+table|augmentation\s+de\s+capital|s[ée]rie\s+[A-H]|"
    r"round)\s+(?:record\s+|historique\s+)?(?:de|d['’])\s*(?:(?:plus\s+de|près\s+de|environ)\s+)?"
    # "les 3 millions d'euros de Plimo": the sum a list of deals gives each company.
    r"|(?<![\w'’])les\s+)$"
)
_RAISE_OF_NAME_RE = re.compile(
    # ("la série B de 9 M€ du nantais Zorblo", "du spécialiste du fret Zorblo": "du" and the words that
    # describe the company before its name.)
    rf"^\s*(?:de|d['’]|du|de\s+la|de\s+l['’])\s*(?:[a-zà-ÿ-]+\s+){{0,3}}?({_NAME})"
)
# A roundup's entry: "Quaxi Labs, avec une levée de 6 M€", "Quaxi, with a $6M round".
# "with Quaxi raising $7.1 billion and Plimo securing $2.2 billion": each gerund's subject raised its own.
_WITH_NAME_RAISING_RE = re.compile(
    # ("including loyalty business Quaxi taking in $200 million; payroll provider Plimo obtaining $75
    # million": what each one does may stand before its name.)
    rf"(?:\b(?i:with|avec|and|et|including|notamment)|[,;])\s+(?:[a-z][\w-]*\s+){{0,4}}?({_NAME})\s+"
    r"(?i:raising|securing|bagging|landing|closing|taking\s+in|pulling\s+in|obtaining|getting|drawing|attracting|"
    r"levant|obtenant|r[ée]coltant|bouclant)\s+"
    r"(?i:(?:about|around|nearly|over|some|more\s+than|plus\s+de|pr[èe]s\s+de)\s+)?$"
)
# "Quaxi (drones) à Lyon, avec 60 millions d'euros": a ranking's entry and its sum.
_NAME_WITH_SUM_RE = re.compile(
    rf"({_NAME})\s*\([^()]{{1,100}}\)\s*(?:(?:[àa]|in|at)\s+[A-ZÀ-Ý][\w-]+\s*)?,?\s+(?i:avec|with)\s+"
    r"(?i:(?:plus\s+de|pr[èe]s\s+de|environ|about|around|over|more\s+than|some)\s+)?$"
)
_WITH_WORD_RE = re.compile(r"(?i:avec|with)")
_NAME_WITH_ROUND_RE = re.compile(
    # ("Quaxi arrive troisième avec une levée de 4 M€": a few words of ranking between.)
    rf"({_NAME})\s*,?\s+(?:[a-zà-ÿ'’-]+\s+){{0,4}}?(?i:(?:avec|with)\s+(?:une?|a|an|sa|son|its)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:lev[ée]e(?:\s+de\s+fonds)?|tour\s+de\s+table|round|raise|op[ée]ration)\s+(?:de|d['’]|of)\s*"
    r"(?:(?:plus\s+de|près\s+de|environ|about|around|over|more\s+than|some)\s+)?)$"
)


# What a possessor buys is its own deal, never a round of the company spoken of: "Quaxi's $20B takeover".
_POSSESSOR_BUYS_RE = re.compile(r"(?i:acqui|purchase|takeover|buyout|offer|bid)")


def _possessor(sent: str, mention: MoneyMention, doc: _Doc) -> str | None:
    """The company named in the possessive right before the figure, when the figure is its own."""
    lo = max(0, mention.start - 90)
    # (Exact shortcut: every match holds an apostrophe.)
    apostrophe = sent.find("'", lo, mention.start) >= 0 or sent.find("’", lo, mention.start) >= 0
    m = _POSSESSOR_RE.search(sent, lo, mention.start) if apostrophe else None
    if m is None:
        return None
    gives = _POSSESSOR_GIVES_RE.match(sent, mention.end, mention.end + 60)
    if gives and not _POSSESSOR_BUYS_RE.search(gives.group(0)):
        return None
    name = m.group(1)
    first, _, rest = name.partition(" ")
    if rest and fold(first) in _NOT_COMPANIES:
        # "After Kobalt's $27M round": the capitalised word opening the sentence is no part of the name.
        name = rest
    if not _plausible_company(name) or _is_place(name):
        # ("Spain's press praised a $60m round for Quaxi": a place's people, not its money.)
        return None
    return _owner_name(name, doc)


# How many characters of text, from a figure's sentence to the first sentence naming the company, make the
# figure stand too far before it to be the company's by default.
_FAR_BEFORE_NAMED = 300


_INVESTED_IN_WHICH_RE = re.compile(
    rf"({_NAME})\s*,?\s+(?i:dans\s+(?:lequel|laquelle|lesquels|lesquelles)|in(?:to)?\s+which)\s+[^,;.]{{0,80}}$"
)


# "inject £113m into (the) lender", "investit 5 M€ dans la jeune pousse": the company, by a common noun.
_INTO_THE_COMPANY_RE = re.compile(
    r"\s+(?:into|in|dans)\s+(?:(?:the|this|la|le|cette|ce)\s+|l')?(?:[a-z-]+\s+)?(?:company|start-?up|firm|lender|"
    r"bank|business|societe|entreprise|jeune\s+pousse|pepite|platform|plateforme)\b"
    # (The noun ends its phrase: "in Seoul's startup scene" names no company.)
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:to|for|as|with|and|pour|afin|avec|et|qui|which|that|in|en|a)\b)"
)


def _invested_owner(
    sent: str, low: str, mention: MoneyMention, markers: list[_Owner], doc: _Doc, idx: int
) -> tuple[str | None, str] | None:
    """The owner of a figure an investor's verb governs: the company it goes into, if the text says (None:
    a passive, "30 M$ investis par Kobalt", read as any other figure)."""
    into = _INVESTED_IN_WHICH_RE.search(sent, max(0, mention.start - 160), mention.start)
    if into is not None and _plausible_company(into.group(1)) and not _is_place(into.group(1)):
        # "le projet Quaxi, dans lequel le gouvernement a investi 30 M$": the antecedent receives it.
        return _owner_name(into.group(1), doc), "named as what the money goes into"
    if _PASSIVE_INVESTED_RE.match(low, mention.end, mention.end + 120):
        return None
    if _described_target_is_entity(low, mention, doc):
        return "entity", "named, after its description, as what the money goes into"
    if _entity_receives(low, mention, markers):
        return "entity", "named as who receives the investment"
    if _DATIVE_INVEST_RE.search(low, max(0, mention.start - 60), mention.start) or _INTO_THE_COMPANY_RE.match(
        low, mention.end
    ):
        # "deux fonds ont accepté de lui apporter 17 M€", "Kobalt lui a avancé 5 M€", "backers inject £113m
        # into the lender": given to the company spoken of, the sentence's own or the topic.
        first = next((m for m in markers if m.kind in ("entity", "generic")), None)
        return (
            _resolve(first, doc) if first is not None else doc.company_topic,
            "a pronoun (coreference): who the investors give it to",
        )
    introduced = _own_investors(low, mention, doc) or _introduced_investor(sent, low, mention, doc, idx)
    if introduced is not None:
        return introduced, "an investor named just before as the company's"
    valuing = _VALUING_NAME_RE.match(sent, mention.end)
    if valuing is not None and _plausible_company(valuing.group(1)):
        # "Kobalt entre au capital avec un ticket de 15 M€, valorisant Quaxi 60 M€": the company it
        # values.
        return _owner_name(valuing.group(1), doc), "named as the company the ticket values"
    if doc.company_topic == "entity" and _AT_A_VALUATION_RIGHT_RE.match(low, mention.end):
        # "Kobalt put in $30M at a $900M valuation": money that prices a company, in a text about the
        # company, is put into it.
        return "entity", "the company the text is about, which the investment values"
    # Someone investing without saying in whom: a ticket within a round, or the entity spending.
    return None, ""


_AT_A_VALUATION_RIGHT_RE = re.compile(
    r"\s*(?:at|a|sur\s+la\s+base\s+d')\s*(?:a|an|une)\s+(?:[\w$€£.,-]+\s+){0,4}?(?:valuation|valorisation)\b"
)


def _owner_for(
    sent: str, low: str, mention: MoneyMention, markers: list[_Owner], doc: _Doc, invest_verb: bool, idx: int
) -> tuple[str | None, str]:
    """Who the figure belongs to ("entity", another company's folded name, None) and how that was seen."""
    named = _named_owner(sent, low, mention, doc)
    if named is not None:
        return named
    invested = _invested_owner(sent, low, mention, markers, doc, idx) if invest_verb else None
    if invested is not None:
        return invested
    before = [m for m in markers if m.end <= mention.start]
    unknown = _unknown_subject(low, mention, doc.lang, lede=idx == 0)
    if unknown is not None and not any(m.start >= unknown for m in before):
        # "A rival firm raised $60 million", "Le secteur a levé 600 M€": a subject that is not the entity
        # and names nobody; such money is never the tracked company's.
        return None, ""
    if before:
        return _owner_marked(before, sent, doc, idx, mention.start)
    opening = _PARTICIPLE_CLAUSE_RE.match(sent)
    if (
        opening is not None
        and mention.end <= opening.end()
        and _COLLECTIVE_OPENING_RE.match(low, opening.end())
    ):
        # "Après avoir réuni 90 M€ l'an passé, les jeunes pousses du canton ...": the opening clause's
        # subject is the main clause's, many companies.
        return None, ""
    # (With names or pronouns only after the figure, "Quaxi, a lender from Porto, carries a $9B price tag
    # because it raised ...", only a name opening the sentence is its subject.)
    subject = _sentence_subject(sent, doc, idx, opening_only=bool(markers))
    if subject is not None:
        return subject, "the sentence's subject, another company"
    return _unmarked_owner(sent, doc, idx, markers, mention.start)


# Deals in the plural, or a total of them: "les opérations sous 3 M€", "les tours avaient culminé à",
# "rounds of more than $40M", "le montant global des douze derniers mois".
_PLURAL_DEALS_RE = re.compile(
    r"\b(?:(?:les|des|ces|leurs|d')\s*(?:[\w-]++\s+){0,2}?(?:levees|tours|operations|investissements|financements|"
    r"transactions|deals)|rounds|deals|investments|fundraisings|financings"
    r"|(?:somme|montant)\s+(?:global|globale|total|totale|cumule))\b"
)

# A market's trend, measured against another period or a whole: "up 18pc on the half", "en hausse, à 90 M€
# contre 70 M€ en 2019", "a third of the year's total", "ont chuté". A sum in such a sentence that names no
# company is a sector's or a region's tally. (A valuation moves with its company: "sa valorisation chute de
# moitié" stays the company's.)
_TREND_RE = re.compile(
    r"\b(?:up|down)\s+(?:by\s+)?(?:\d|more|nearly|almost|about)|\d\s?(?:%|pc|percent|per\s?cent)\s+"
    r"(?:increase|decrease|rise|drop|jump|decline|fall|growth|hausse|baisse|augmentation|recul)"
    r"|\ben\s+(?:hausse|baisse|recul|progression)\b|\+\s?\d+\s?%|\b(?:hausse|baisse|recul|progression)\s+de\s+\d"
    r"|\bof\s+the\s+(?:\w+['’]s\s+)?total|\bcontre\s+[^.;]{0,40}\ben\s+20\d\d|\bvs\.?\s+(?:20\d\d|last)"
    r"|\bcompared\s+(?:with|to)|\byear[- ]on[- ]year|\bfrom\s+last\s+year|\bchut\w+"
    r"|\b(?:fell|dropped|declined|grew|jumped|surged|plunged|slumped)\b"
)
_VALUE_WORD_RE = re.compile(r"valu|valoris|worth")

# (Read in the sentence as written: a folded "à" would pass for the article "a".)
_ONE_OF_THE_DEALS_RE = re.compile(
    r"(?i)\b(?:include[sd]?|including|dont|notamment|such\s+as|comme)\b|\b(?:a|an|un|une)\s+(?:[\w-]+\s+)?$"
)


def _unmarked_owner(
    sent: str, doc: _Doc, idx: int, markers: list[_Owner], figure: int
) -> tuple[str | None, str]:
    """The owner of a figure that no mention before it, nor the sentence's opening name, gives: the
    company the text is about, unless the sentence or the text says it speaks of something else."""
    if _place_subject(sent):
        # "Behind it, Porto drew $41M in funding": a place's tally.
        return None, ""
    low = doc.folded[idx]
    deals = _PLURAL_DEALS_RE.search(low, max(0, figure - 90), figure)
    if deals is not None and not _ONE_OF_THE_DEALS_RE.search(sent, deals.end(), figure):
        # A sentence about deals in the plural that names no company: a tally, or the size of a bracket
        # of deals ("les tours compris entre 3 et 15 M€"), not one round of the company. ("Its previous
        # rounds include a $22 million Series B": one of them, the company's.)
        return None, ""
    if _TREND_RE.search(low) and not _VALUE_WORD_RE.search(low):
        # "Early-stage funding rose 18pc on the half to €21m": a market's trend, no company's money.
        return None, ""
    if doc.company_topic == "entity" and not markers and _long_before_named(doc, idx):
        # A figure well before the text first names the company, in a sentence that speaks of no company
        # at all: a sector's or a region's tally, what a roundup's lede is about; not the company's. ("for
        # the Californian start-up" after the figure still speaks of one, by description.)
        return None, ""
    if doc.company_topic == "entity" and _named_paragraphs_ago(doc, idx):
        # A text that does not open on the company, and last named it two paragraphs or more before a
        # sentence that names nobody: a roundup that has moved on to other companies, or to the market.
        # (An article that opens on the company goes on speaking of it, bylines and all.)
        return None, ""
    return doc.company_topic, "the company the text is about (no owner in the sentence)"


def _owner_marked(
    before: list[_Owner], sent: str, doc: _Doc, idx: int, figure: int
) -> tuple[str | None, str]:
    """The owner the last mention before the figure gives."""
    last = before[-1]
    owner = _resolve(last, doc, before[:-1])
    possessive = last.kind == "generic" and sent[last.end : last.end + 2] in ("'s", "’s")
    # ("En avril, Plimo a surpris : la biotech nantaise a obtenu 40 millions": the noun after a colon
    # stands for the subject of the clause before it, whatever opens the sentence.)
    after_colon = last.kind == "generic" and ":" in sent[: last.start]
    alone = (
        len(before) == 1
        if last.kind == "pronoun"
        else (possessive or after_colon) and all(m.kind == "generic" for m in before)
    )
    if alone:
        # "Quaxi, a lender from Porto, carries a $9B price tag because it raised $310M": "it" is the name
        # the sentence opens with; so is "the company's" in "Quaxi, a rival, sold shares at the company's
        # last price".
        owner = _sentence_subject(sent, doc, idx, opening_only=not after_colon) or owner
    if owner != "entity" and _is_person(owner, sent, doc, idx):
        return _person_company(owner, sent, doc, idx), "a person's company"
    joint = _joint_owner(last, sent, figure, doc.folded[idx], doc)
    if joint is not None:
        return joint
    how = {
        "entity": "named in the sentence",
        "other": "named in the sentence",
        "generic": "a noun standing for the company (coreference)",
        "pronoun": "a pronoun (coreference)",
    }[last.kind]
    return owner, how


# Names joined into one subject: "Quaxi, Plimo et Zorblo", "Quaxi and Zorblo". Atomic groups: a list that
# fails to end where needed must not be retried cut at every other comma.
_NAME_LIST_RE = re.compile(
    rf"(?>{_NAME}(?:\s*,\s*{_NAME}){{0,8}})\s*,?\s*(?:\bet\b|\band\b|&)\s*{_NAME}"
    r"(?=\s+[a-zà-ÿ])"
)
# "each raised", "both raise", "ont levé chacune": each of the names owns the figure; "respectivement"
# pairs them off; "dans/in": they are who invests.
_EACH_RE = re.compile(r"\b(?:chacune?|each|both|(?:tou(?:te)?s\s+(?:les\s+)?deux))\b")
# (Only the amount, its scale and its currency between the figure and "each".)
_EACH_AFTER_RE = re.compile(
    r"(?i:[$€£]|US\$)?\s*[\d.,\s]*+(?i:millions?|milliards?|billions?|bn|mn|m|k)?\s*"
    r"(?i:de\s+dollars|d['’]euros|de\s+francs|dollars|euros|€|\$|usd|eur|chf)?\s*(?:chacune?|each)\b"
)
_NOT_JOINT_RE = re.compile(r"\b(?:respectivement|respectively|dans|in|into|chez)\b")


def _joint_owner(last: _Owner, sent: str, figure: int, low: str, doc: _Doc) -> tuple[str | None, str] | None:
    """The owner where the last mention before the figure is one of names joined into one subject: none
    for what they raised between them ("Ensemble, Plimo et Zorblo ont levé 300 M€", "Quaxi and Zorblo
    together raised $30M"), the company itself where each raised it ("Plimo et Zorblo ont chacune bouclé
    un tour de 3 M€"). None: no such subject."""
    if last.kind not in ("entity", "other"):
        return None
    for m in _NAME_LIST_RE.finditer(sent, max(0, last.start - 200), figure):
        if not (m.start() <= last.start and last.end <= m.end()):
            continue
        if _NOT_JOINT_RE.search(sent, m.end(), figure):
            return None
        # ("Plimo et Zorblo ont amassé 20 M$ chacune": "each" may follow the figure in its clause.)
        if not (_EACH_RE.search(sent, m.end(), figure) or _EACH_AFTER_RE.match(sent, figure)):
            return None, ""
        if doc.entity_re.search(low[m.start() : m.end()]):
            return "entity", "one of the names that each raised it"
        return None
    return None


def _named_paragraphs_ago(doc: _Doc, idx: int) -> bool:
    """Whether the text, which does not open on the company, named it before sentence ``idx`` but
    neither in its paragraph nor in the one before."""
    first = doc.first_named()
    if first is None or first <= 1:
        return False
    near = doc.sentences[idx].paragraph - 1
    named_in = doc.named_in()
    last = next((j for j in range(idx, -1, -1) if named_in[j]), None)
    return last is not None and doc.sentences[last].paragraph < near


def _long_before_named(doc: _Doc, idx: int) -> bool:
    first = doc.first_named()
    if first is None or first <= idx:
        return False
    between = sum(len(s.text) + 1 for s in doc.sentences[idx:first])
    return between >= _FAR_BEFORE_NAMED


# A sentence that opens (after an opening phrase) with another company as its subject, whatever its verb:
# "Quaxi Robotics prolonge sa série B jusqu'à 64 M€", "Installée à Lille, Plimo a, de son côté, finalisé
# une augmentation de capital de 21 M€", "L'assureur néerlandais Kobalt a annoncé un financement de 48 M€".
_SUBJECT_OPENING_ALT1 = (
    # ("Later that day, marketplace platform Kobalt unveiled": English press drops the article.)
    # ("Online tea platform Pelican reached": the sentence's first word may be a capitalised adjective.)
    rf"^(?:[^,;:]{{0,140}},\s*)?(?:(?i:(?:la|le|l['’]|les|the)\s*)?(?:[A-Za-zÀ-Ýà-ÿ][a-zà-ÿ-]*\s+){{0,2}}?"
    rf"{_DESCRIPTOR_NOUN}\s+(?:(?!(?:par|by|de|du|des|of|pour|for|avec|with)\s)[a-zà-ÿ-]+\s+){{0,2}}?"
    # ("Earlier this year, the fast-growing Kobalt sold": an article and an adjective or two.)
    r"|(?i:the)\s+(?:[a-z][a-z-]*\s+){1,2}?)?"
    # (A connective opening the sentence is no name: "Puis, Quaxi, une ..." is read below.)
    r"(?!(?:Et|Mais|Puis|Enfin|Ainsi|Donc|Or|And|But|Then|Finally|So|Also|Meanwhile|However|Yet)\s)"
    # ("Brivex (Brx) réalise", "Quaxi (formerly Plimo) is": an alias or ticker in brackets after it.)
    rf"({_NAME})(?:\s+\([^()]{{1,40}}\))?\s+(?=[a-zà-ÿ])"
)
_SUBJECT_OPENING_LATER = (
    # "À Berlin, le fabricant de vélos cargo pour livreurs, Rollwerk.de, obtient": the name in commas
    # after a longer description.
    rf"^(?:[^,;:]{{0,140}},\s*)?(?i:(?:la|le|l['’]|the)\s*)(?:[a-zà-ÿ-]+\s+){{0,2}}?{_DESCRIPTOR_NOUN}"
    rf"(?:\s+[a-zà-ÿ'’-]+){{0,10}}?\s*,\s*({_NAME})\s*,\s*(?=[a-zà-ÿ])"
    # "Quaxi, a lender from Porto, carries ...": the name, then its apposition.
    # ("Puis, Quaxi, une plateforme lancée en 2019, installée à Lille, a bouclé": after a short opener,
    # and through an apposition of two or three parts.)
    # ("Plimo, qui vend des bougies, se classe deuxième": a relative clause as the apposition too.)
    # ("Halvane Corp., of Raleigh, N.C., said it closed": where it is based, the trade press's way.)
    rf"|^(?:[^,;:]{{0,40}},\s*)?({_NAME})(?:,\s+(?i:the|an?|la|le|l['’]|une?|qui\s|which\s|who\s|of\s|based\s)"
    r"\s*[^,;:()]{0,160}+"
    # ("Quaxi, a Porto, Portugal-headquartered chain of clinics backed by ..., is": a long part.)
    rf"(?:,\s*[^,;:()]{{1,160}}+){{0,2}},\s+"
    # ("Zorblo—a billing software maker—based in Denver, raised": the apposition between dashes.)
    r"|\s*[—–]\s*(?i:the|an?|la|le|l['’]|une?)\s[^—–;:()]{0,160}[—–]\s*)(?=[a-zà-ÿ])"
    # "Le fabricant lyonnais de capteurs pour vignes Zorblo, installé à Villeurbanne, a bouclé": a longer
    # description, in lower-case words, right before the name.
    rf"|^(?:[^,;:]{{0,140}},\s*)?(?i:(?:la|le|l['’]|the)\s*)(?:[a-zà-ÿ-]+\s+){{0,2}}?{_DESCRIPTOR_NOUN}"
    # (Not a name after "par"/"by": a founder or an investor.)
    rf"(?:\s+(?!(?:par|by|with|avec|chez|at)\s)[a-zà-ÿ'’-]+){{1,10}}?\s+({_NAME})(?:\s+|\s*,\s*)(?=[a-zà-ÿ])"
)
_SUBJECT_OPENING_RE = re.compile(_SUBJECT_OPENING_ALT1 + "|" + _SUBJECT_OPENING_LATER)
# The same without the first form, for a sentence whose capitalised first word is no name ("Le ...",
# "En annonçant ..."): its group 1 never takes part.
_SUBJECT_OPENING_LATER_RE = re.compile("(?!)()|" + _SUBJECT_OPENING_LATER)


# An investor as the subject speaks of the company's round: "Kobalt Ventures mène l'opération de 5 M€".
# Its name's words and its verbs: lexicons.
@functools.cache
def _investor_res(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = re.compile(rf"(?i:\b(?:{lexicon.alternation('investor_name_words', lang)})\b)")
    verb = re.compile(rf"\b(?:{lexicon.alternation('investor_role_verbs', lang)})\b")
    return name, verb


def _place_subject(sent: str) -> bool:
    """Whether the sentence opens (after an opening phrase) with a place as its subject."""
    m = _SUBJECT_OPENING_RE.match(sent)
    if m is not None and m.group(1) is not None and _is_place(m.group(1)):
        # (Not "la société fondée à Lausanne": where the company the sentence speaks of sits.)
        return not _located_before(sent, m.start(1)) and not _PLACE_ADJECTIVE_RE.match(sent, m.end(1))
    # "D'après l'étude, la Wallonie a attiré ...", "In 2024, the Nordics drew ...": a place with
    # its article, after an opening phrase.
    article = _PLACE_OPENING_RE.match(sent)
    return (
        article is not None
        and _is_place(article.group(1))
        and not _PLACE_ADJECTIVE_RE.match(sent, article.end(1))
    )


# ("The Dutch bike maker is now valued at": the place describes the company the sentence is about.)
_PLACE_ADJECTIVE_RE = re.compile(rf"\s+(?:[a-zà-ÿ-]+\s+){{0,3}}?{_DESCRIPTOR_NOUN}\b")


_PLACE_OPENING_RE = re.compile(
    rf"^(?:[^,;:]{{0,80}},\s*)?(?i:(?:la|le|les|l['’]|the)\s*)({_NAME})\s+(?=[a-zà-ÿ])"
)


def _investor_verb_after(low: str, end: int) -> bool:
    """Whether the sentence's subject goes on to act as an investor ("Kobalt, a fund, led the round",
    "Kobalt a aussi participé"): its own verb, a word or two on; not "a round led by" further along, nor
    "led the pack"."""
    aux = _AUX_RE.match(low, end)
    verb = _investor_res(None)[1].match(low, aux.end() if aux else end)
    return verb is not None and not _NOT_INVESTING_RE.match(low, verb.end())


_AUX_RE = re.compile(r"(?:(?:has|have|had|also|a|ont|aussi|egalement|then|will|va|vont)\s+){1,3}")
# "led the pack", "led by", "menée par": no investment made by the subject.
_NOT_INVESTING_RE = re.compile(
    r"\s+(?:the\s+(?:pack|way|charge|list|ranking|table)|by\b|par\b|le\s+classement)"
)


# A raise verb right after a capitalised opening word makes it a subject, so a name ("Kobalt vient de lever",
# "Kobalt raised"), even where the text never writes it inside a sentence.
_RAISES_AFTER_RE = re.compile(
    r"\s+(?:vien(?:t|nent)\s+de\s+lever|l[eè]ve|boucle|empoche|d[ée]croche|a\s+(?:lev[ée]|r[ée]colt[ée]|"
    r"obtenu|boucl[ée]|r[ée]uni|empoch[ée]|d[ée]croch[ée]|s[ée]curis[ée]|mobilis[ée])|raise[sd]|has\s+raised|"
    r"secure[sd]|close[sd]|lands|landed|bag(?:s|ged)|nab(?:s|bed)|snag(?:s|ged)|a\s+finalis[ée]|"
    # "Quaxi a annoncé, mercredi 4 juin, avoir levé", "Quaxi said on Monday it had raised".
    r"(?:a\s+annonc[ée]|annonce|announced|said|says)(?:\s*,[^,;.]{1,40},|\s+on\s+\w+)?\s+"
    r"(?:avoir\s+(?:lev[ée]|boucl[ée]|obtenu|r[ée]colt[ée]|s[ée]curis[ée]|finalis[ée])|"
    r"(?:that\s+)?it\s+(?:had\s+|has\s+)?(?:raised|secured|closed)))\b"
)


_BRAND_SHAPE_RE = re.compile(r"[a-z][A-Z]|\w\.\w")


def _capitalised_mid_sentence(name: str, doc: _Doc) -> bool:
    if not any(sentence.text.find(name, 1) >= 0 for sentence in doc.sentences):
        return False  # (no match can start past a sentence's first character: no pattern to compile)
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return any(m.start() > 0 for sentence in doc.sentences for m in pattern.finditer(sentence.text))


# A sentence opening on a clause with no subject of its own ("Forte de sa levée, ...", "After
# raising $20M, ..."): the subject of the main clause after it is that clause's too.
_PARTICIPLE_CLAUSE_RE = re.compile(
    r"(?:(?:En\s+[a-zà-ÿ]+ant|Après\s+avoir|After|Before|Having|Following|Founded|Launched|Created|Established|"
    r"Fondée?s?|Créée?s?|Lancée?s?|Née?s?)\s|Fort(?:e|s|es)?\s+d(?:e\s|['’]))"
    r"[^,;:]{0,140},"
)


def _no_opening_name(sent: str, m: re.Match[str], doc: _Doc) -> bool:
    """Whether the capitalised word(s) opening the sentence (group 1) are no name: a function word, or one
    word the text never writes with a capital inside a sentence and no raise verb follows."""
    name = m.group(1)
    return fold(name.split()[0]) in _NOT_COMPANIES or (
        " " not in name
        # ("BrivexHome relocated ...", "Plimo.ai said": a capital or a dot inside the word makes a name.)
        and not _BRAND_SHAPE_RE.search(name)
        and not _RAISES_AFTER_RE.match(sent, m.end(1))
        and not _capitalised_mid_sentence(name, doc)
    )


def _opens_sentence(sent: str, m: re.Match[str], name: str, doc: _Doc) -> bool:
    start = m.start(1)
    if start > 0 and _SHORT_OPENER_RE.fullmatch(sent, 0, start):
        # "Last year, Zorblo turned into a unicorn after a round in which it raised ...": a few words
        # setting the time or place before the subject.
        return True
    if start < 0 or "," in sent[:start]:
        return False
    # (One word opening the sentence is a name where a raise verb follows it, as for _no_opening_name.)
    return (
        start > 0
        or _capitalised_mid_sentence(name, doc)
        or _RAISES_AFTER_RE.match(sent, m.end(1)) is not None
    )


_CONNECTIVE_OPENER_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+,\s*")
_SHORT_OPENER_RE = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,3},\s*")


# A wire or trade-press dateline before the sentence proper: "LONDON –", "SAN DIEGO (Reuters) -",
# "PARIS, France —".
_DATELINE_RE = re.compile(
    r"[A-ZÀ-Ý][A-ZÀ-Ý.'’-]{2,}(?:\s[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+){0,3}(?:,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"
    r"(?:\s?\([^()]{1,30}\))?\s?[–—-]{1,2}\s+(?=[A-ZÀ-Ý])"
)


_LOCATED_AT_RE = re.compile(
    r"\b(?:fondee?|basee?|installee?|implantee?|nee|creee?|founded|based|headquartered|located)\s+"
    r"(?:a|in|at)\s+$"
)


def _located_before(sent: str, start: int) -> bool:
    """Whether the name at ``start`` is where a company sits or was founded ("fondée à Lyon")."""
    return _LOCATED_AT_RE.search(fold(sent[max(0, start - 40) : start])) is not None


def _sentence_subject(sent: str, doc: _Doc, idx: int, opening_only: bool = False) -> str | None:
    """Another company opening the sentence as its subject, in a sentence that never names the entity
    (``opening_only``: its first word)."""
    low = doc.folded[idx]
    dateline = _DATELINE_RE.match(sent)
    if dateline is not None:
        # (The subject opens the sentence after its dateline; folding keeps every offset.)
        sent, low = sent[dateline.end() :], low[dateline.end() :]
    m = _SUBJECT_OPENING_RE.match(sent)
    if m is not None and m.group(1) is not None and m.start(1) == 0 and _no_opening_name(sent, m, doc):
        m = _SUBJECT_OPENING_LATER_RE.match(sent) or m
    if m is None:
        return None
    group = next(g for g in (1, 2, 3, 4) if m.group(g) is not None)
    name, start = m.group(group), m.start(group)
    if name.split()[-1] in JOINER_WORDS:
        # "Lors de ...", "Qualifiée de ...": a capitalised opener and a preposition, no name.
        return None
    participle = (m.group(2) or m.group(4)) is not None and _PARTICIPLE_CLAUSE_RE.match(sent) is not None
    # ("Meanwhile, Plimo, which ...": a one-word connective before the name still opens on it.)
    opens = m.start(3) == 0 or (m.start(3) > 0 and _CONNECTIVE_OPENER_RE.fullmatch(sent, 0, m.start(3)))
    if opening_only and not (opens or participle or _opens_sentence(sent, m, name, doc)):
        # Only a name that opens the sentence: with its apposition, after its descriptor ("Online tea
        # platform Pelican reached ..."), or written so elsewhere in the text.
        return None
    if m.start(1) == 0 and _no_opening_name(sent, m, doc):
        # "Résultat : une valorisation ...", "Trois fonds ont suivi ...": any word opens a sentence with a
        # capital; one word is a name only where the text also writes it so inside a sentence.
        return None
    if (
        not _plausible_company(name)
        # ("En levant 30 M€, la société fondée à Lyon en 2004 ...": where it was founded is no company.)
        or (_is_place(name) and _located_before(sent, start))
        or _is_entity_name(name, doc.entity_re)
        or doc.entity_re.search(low) is not None
        # "Quaxi" for Quaxi Robotics: the first word of the company's own name, as the text writes it.
        or any(
            hit.group(0).startswith(fold(name) + " ") for f in doc.folded for hit in doc.entity_re.finditer(f)
        )
        # (every language's words: investors keep their English names in French text)
        or _investor_res(None)[0].search(name)
        or _investor_verb_after(low, m.end())
    ):
        return None
    owner = fold(name)
    return None if _is_person(owner, sent, doc, idx) else owner


# "investi 90 M$ dans la plateforme de covoiturage rural et solidaire belge Zorblo": the target's
# description, in lower-case words only, before its name; no word that would start another role.
_DESCRIBED_TARGET_RE = re.compile(
    r"[^,.;:()]{0,40}?\b(?:dans|in|into|chez)\s+"
    r"(?:(?!(?:avec|with|aupres|par|by|pour|for|from)\b)[a-z'-]+\s+){1,10}"
    # ("dans l'expansion de Zorblo": what the money is spent on, of the company.)
    r"(?<!\bde\s)(?<!\bdu\s)(?<!\bdes\s)(?<!\bof\s)$"
)


_IN_THE_CASE_OF_RE = re.compile(
    rf"\s*(?:dans\s+(?:le\s+cas|celui)|in\s+the\s+case)\s+(?:de\s+|d['’]|du\s+|of\s+)({_NAME})"
)
# ("Plimo (4 millions), Quaxi (2 millions)", "(Zorblo, 12 M€ levés)": the entry in parentheses too.)
# ("..., le fabricant de capteurs Zorblo 9 millions": what the company does may stand before its name.)
_LIST_ENTRY_RE = re.compile(
    rf"(?:^(?:\d{{1,2}}[.)–-]\s*)?|[,;:(]\s*|\s(?:et|and)\s+)(?:(?:l['’]|le\s+|la\s+|the\s+)[a-zà-ÿ-]+(?:\s+[a-zà-ÿ'’-]+){{0,4}}?\s+"
    # ("Insurtech firms Quaxi $14M": a sector and its plural noun before the entry's name.)
    r"|[A-Za-z][a-z-]+\s+(?:companies|firms|start-?ups|startups|scale-?ups|players)\s+)?"
    # ("Quaxi — $1.4B": a dash between the name and its sum.)
    # ("Corvid, (18 millions)": a stray comma before the bracket.)
    # ("Plimo (capteurs de serre) 12 millions": what the company does, in brackets after its name.)
    # ("..., Zorblo at $700mm, and Plimo at $250mm": the sum each is valued at.)
    rf"({_NAME})(?:\s*\([^()]{{1,80}}\))?\s*(?:,\s*\(|[,(—–]|\s(?:at|à))?\s*$"
)
# The entry ends the list or another entry follows: a comma, "et", a parenthesis, the end of the sentence.
_LIST_NEXT_RE = re.compile(r"\s*(?:(?:lev[ée]e?s|raised)\s*)?(?:,|;|\)|\s(?:et|and)\s|[.…]|$)")


def list_entry_name(sent: str, mention: MoneyMention) -> str | None:
    """The name heading a list entry "Name $N" / "Name, N" that the figure ends (None: no such entry)."""
    entry = _LIST_ENTRY_RE.search(sent, max(0, mention.start - 130), mention.start)
    if entry is None or not _LIST_NEXT_RE.match(sent, mention.end) or not _plausible_company(entry.group(1)):
        return None
    return entry.group(1)


def _described_target_is_entity(low: str, mention: MoneyMention, doc: _Doc) -> bool:
    name = doc.entity_re.search(low, mention.end, mention.end + 160)
    return name is not None and _DESCRIBED_TARGET_RE.fullmatch(low, mention.end, name.start()) is not None


# An investor backing a company with a sum, or betting a sum on it: "Kobalt backs Zorblo with $20M",
# "Kobalt soutient Zorblo à hauteur de 6 M€", "Kobalt bets $250M on Zorblo".
_BACKS_WITH_RE = re.compile(
    r"(?i:\b(?:backs?|backed|backing|bets?\s+on|doubles?\s+down\s+on|soutien(?:t|nent)|soutenu|"
    r"provid(?:e|es|ed|ing)|equip(?:s|ped)?|"
    r"mise(?:nt)?\s+sur|parie(?:nt)?\s+sur)\s+)"
    rf"({_NAME})\s+(?i:with|avec|[àa]\s+hauteur\s+de|pour)\s+"
    r"(?i:(?:a|an|une?|plus\s+de|pr[èe]s\s+de|some|about|over|nearly|almost)\s+)?$"
)
_BET_RE = re.compile(r"(?i:\b(?:bets?|betting|mise(?:nt)?|parie(?:nt)?)\s+)$")
_BET_ON_RE = re.compile(rf"\s*(?i:on|sur)\s+({_NAME})")


# "Most money went to the Graz drone maker Quaxi with 38 million euros".
_AWARDED_TO_RE = re.compile(
    r"(?i:\b(?:awarded|went|goes|go|granted|allou[ée]e?s?|attribu[ée]e?s?|revien(?:t|nent)|revenant)\s+(?:to|[àa]|au)\s+"
    r"(?:(?:the|la|le|l['’])\s*)?)(?:(?:[a-zà-ÿ-]+|[A-Z][a-zà-ÿ-]+)\s+){0,5}?"
    rf"({_NAME})\s+(?i:with|avec|for|pour)\s+(?i:(?:a|an|une?|some|about|nearly|over|plus\s+de)\s+)?$"
)


def _backed_owner(sent: str, mention: MoneyMention) -> str | None:
    """The company an investor backs with the figure, or bets it on, or a ranking's money goes to."""
    m = _BACKS_WITH_RE.search(sent, max(0, mention.start - 90), mention.start) or _AWARDED_TO_RE.search(
        sent, max(0, mention.start - 110), mention.start
    )
    if m is not None:
        return m.group(1)
    if _BET_RE.search(sent, max(0, mention.start - 12), mention.start):
        on = _BET_ON_RE.match(sent, mention.end, mention.end + 60)
        return on.group(1) if on else None
    return None


_SUM_FOR_DESCRIBED_RE = re.compile(
    rf"\s*(?:(?<![\w-])[\w-]++\s+){{0,2}}?(?i:pour|for)\s+(?i:(?:la|le|l['’]|the)\s*)?"
    rf"(?:(?<![\w-])[a-zà-ÿ-]++\s+){{0,3}}?"
    rf"{_DESCRIPTOR_NOUN}\s+({_NAME})"
)
_ROUND_FOR_RIGHT_RE = re.compile(
    r"\s*(?i:(?:[\w-]{1,25}\s+){0,2}?(?:round|series\s+[a-h]|seed|funding|financing|raise|tour(?:\s+de\s+table)?|"
    r"lev[ée]e(?:\s+de\s+fonds)?|s[ée]rie\s+[a-h]|(?:cash\s+)?injection|infusion)\s+"
    # ("a $9 million injection in March for Quaxi": the month it came in, between.)
    r"(?:(?:in|en)\s+(?:[a-zéû]+\s+)?(?:\d{4}\s+)?)?(?:for|pour)\s+)"
    rf"({_NAME})"
)


# A relative clause inside the brackets, before the figure: "(ex-Kolda, a drone start-up which raised ...".
_RELATIVE_RE = re.compile(r"\b(?:qui|which|who|that)\b")


def _bracketed_aside_owner(sent: str, low: str, mention: MoneyMention, doc: _Doc) -> str | None:
    """The company named right before brackets whose relative clause states the figure: "Après Plimo
    (ex-Kolda, une medtech qui a levé 9 M€ en 2022), Zorblo ouvre son capital ..."."""
    opened = sent.rfind("(", max(0, mention.start - 200), mention.start)
    if opened < 0 or ")" in sent[opened : mention.start]:
        return None
    if not _RELATIVE_RE.search(low, opened, mention.start) or doc.entity_re.search(
        low, opened, mention.start
    ):
        return None
    entry = _NAME_PAREN_LEFT_RE.search(sent, max(0, opened - 80), opened + 1)
    if entry is None or not _plausible_company(entry.group(1)) or _is_place(entry.group(1)):
        return None
    if doc.entity_re.search(low, entry.start(1), opened):
        # ("Après Quaxi (...)": a capitalised opening word may run into the name.)
        return "entity"
    return _owner_name(entry.group(1), doc)


def _named_owner(sent: str, low: str, mention: MoneyMention, doc: _Doc) -> tuple[str, str] | None:
    """The owner a name in a fixed role around the figure gives: the target of the money, a possessor,
    an aside, who raised it (by, of, object relative, a roundup entry)."""
    # (Exact shortcut: a match ends on "(" and blanks; most figures have no bracket just before them.)
    opens = sent[max(0, mention.start - 80) : mention.start].rstrip().endswith("(")
    entry = _NAME_PAREN_LEFT_RE.search(sent, max(0, mention.start - 80), mention.start) if opens else None
    if entry is not None and _plausible_company(entry.group(1)) and not _is_place(entry.group(1)):
        # "Quaxi (12 M€), Zorblo dans le fret (9 M€)": the sum in brackets is the entry's company's.
        return _owner_name(entry.group(1), doc), "the name heading its entry in a list"
    aside = _bracketed_aside_owner(sent, low, mention, doc)
    if aside is not None:
        return aside, "named before the brackets that speak of it"
    target = _invest_target(sent, low, mention, doc)
    if target is not None:
        return target, "named as what the money goes into"
    backed = _backed_owner(sent, mention)
    if backed is not None and _plausible_company(backed) and not _is_place(backed):
        return _owner_name(backed, doc), "named as whom an investor backs with it"
    possessor = _possessor(sent, mention, doc)
    if possessor is not None:
        return possessor, "named in the possessive before it"
    passing = _passing_owner(sent, mention, doc)
    if passing is not None:
        return passing, "named in an aside about it"
    return _named_around(sent, mention, doc)


def _named_around(sent: str, mention: MoneyMention, doc: _Doc) -> tuple[str, str] | None:
    """The owner a name gives from a role after the figure (by, of, an object relative, the round for it)
    or from a roundup's entry around it."""
    right = sent[mention.end : mention.end + 60]
    bm = _BY_NAME_RE.match(right)
    if bm and _plausible_company(bm.group(1)):
        name = bm.group(1)
        own = _is_entity_name(name, doc.entity_re) or _entity_after_descriptor(name, doc.entity_re)
        return ("entity" if own else fold(name)), "named as who raised it"
    gm = (
        _RAISE_OF_NAME_RE.match(right)
        if _RAISE_OF_LEFT_RE.search(sent, max(0, mention.start - 40), mention.start)
        else None
    )
    if gm and _plausible_company(gm.group(1)):
        # "la levée de 5 M€ de Quaxi": the raise of the company named after its amount.
        return _owner_name(gm.group(1), doc), "named as whose raise it is"
    om = _OBJECT_REL_RE.match(right) or _INVERTED_OBJECT_REL_RE.match(sent, mention.end, mention.end + 160)
    if om and _plausible_company(om.group(1)):
        name = om.group(1)
        return _owner_name(name, doc), "named as who raised it"
    described = _SUM_FOR_DESCRIBED_RE.match(right)
    if described and _plausible_company(described.group(1)) and not _is_place(described.group(1)):
        # "35 M€ en cours de bouclage pour la medtech Quaxi": the sum for the company its description names.
        return _owner_name(described.group(1), doc), "named, after its description, as whose sum it is"
    rf_ = _ROUND_FOR_RIGHT_RE.match(right)
    if rf_ and _plausible_company(rf_.group(1)) and not _is_place(rf_.group(1)):
        # "joined a $200 million Series F for Pelican": the round named right after the sum is Pelican's.
        return _owner_name(rf_.group(1), doc), "named as whose round it is"
    case = _IN_THE_CASE_OF_RE.match(right)
    if case and _plausible_company(case.group(1)):
        # "40 millions dans le cas de Quaxi, 25 millions dans celui de Zorblo".
        return _owner_name(case.group(1), doc), "named as whose case the figure is"
    entry = _LIST_ENTRY_RE.search(sent, max(0, mention.start - 130), mention.start)
    if entry and _is_place(entry.group(1)):
        # "Quaxi, Tunisie, 3 millions de dollars": the name before where the company is heads the entry.
        entry = _LIST_ENTRY_RE.search(sent, max(0, entry.start(1) - 130), entry.start(1)) or entry
    if (
        entry
        and _plausible_company(entry.group(1))
        # ("A 20 M€, le tour de Plimo ...": the preposition "à" without its accent, no entry's name.)
        and entry.group(1) not in ("A", "À")
        and _LIST_NEXT_RE.match(sent, mention.end)
    ):
        # "Quaxi, 22 millions d'euros, Plimo, 9 millions, Zorblo 4 millions": each entry's name owns the
        # figure right after it.
        return _owner_name(entry.group(1), doc), "the name heading its entry in a list"
    raising = _WITH_NAME_RAISING_RE.search(sent, max(0, mention.start - 80), mention.start)
    if raising and _plausible_company(raising.group(1)):
        return _owner_name(raising.group(1), doc), "named as who raised it"
    # (Exact shortcuts: a match of either holds "avec" or "with", in any case, and one of the first a ")".)
    lo = max(0, mention.start - 160)
    with_word = _WITH_WORD_RE.search(sent, lo, mention.start) is not None
    with_sum = (
        _NAME_WITH_SUM_RE.search(sent, lo, mention.start)
        if with_word and sent.find(")", lo, mention.start) >= 0
        else None
    )
    if with_sum and _plausible_company(with_sum.group(1)):
        return _owner_name(with_sum.group(1), doc), "the name heading its entry in a list"
    with_round = (
        _NAME_WITH_ROUND_RE.search(sent, max(0, mention.start - 120), mention.start) if with_word else None
    )
    if with_round and _plausible_company(with_round.group(1)):
        return _owner_name(with_round.group(1), doc), "named as who raised it"
    return None


@functools.cache
def _unknown_subject_re(lang: str | None) -> re.Pattern[str]:
    langs = (lang,) if lang in LANGS else LANGS
    data = [lexicon.load(code) for code in langs]
    indefinite = "|".join(w for d in data for w in d["indefinite_determiners"])
    determiners = "|".join(w for d in data for w in d["determiners"])
    collectives = "|".join(w for d in data for w in d["collective_subjects"])
    rivals = "|".join(w for d in data for w in d["rival_nouns"])
    company = "|".join(w for d in data for w in d["company_nouns"])
    aux = "|".join(w for d in data for w in d["auxiliaries"])
    verbs = "|".join(w for d in data for w in d["raise_or_value_verbs"])
    # Words are possessive (a word followed by a blank is the whole word) and start after a blank or a
    # dash-free boundary: inside "Orion-Kestrel-..." each part restarted a scan of the whole run.
    return re.compile(
        rf"(?<![\w'-])(?:(?P<indefinite>{indefinite})\s+(?:[\w'-]++\s+){{0,2}}?(?:{company}|(?P<rival>{rivals})|{collectives})"
        # ("l'écosystème": the elided article glued to its noun.)
        rf"|(?:(?:{determiners})\s+|l')?(?:[\w'-]++\s+){{0,2}}?(?:(?P<rival_noun>{rivals})|{collectives}))"
        rf"(?:\s+[\w'-]++){{0,3}}?\s+(?:(?:{aux})\s+){{0,3}}(?:{verbs})(?![\w'])[^,;:]*$"
    )


def _unknown_subject(low: str, mention: MoneyMention, lang: str | None, lede: bool = False) -> int | None:
    """Where a subject that denotes no particular known company starts, when it governs the figure.

    In the first sentence (a headline or lede) "a French start-up raises ..." introduces the article's own
    subject, so there only rivals and collectives count as unknown."""
    # The subject must govern the figure within its own clause: only the text after the last , ; : counts.
    start = max(0, mention.start - 120, *(low.rfind(c, 0, mention.start) + 1 for c in ",;:"))
    if _GERUND_RAISE_RE.match(low, start, mention.start):
        # "health startups topped the quarter, raising €410 million": the gerund's subject opens the clause
        # before.
        before = max(0, *(low.rfind(c, 0, start - 1) + 1 for c in ".,;:"))
        opening = _COLLECTIVE_OPENING_RE.match(low, before, start)
        if opening is not None:
            return opening.start(1)
    m = _unknown_subject_re(lang).search(low, start, mention.start)
    collective = not m.group("indefinite") and not m.group("rival_noun") if m is not None else False
    if m is None or (not collective and _APPOSED_RE.search(low, max(0, m.start() - 50), m.start())):
        # "Tindra, a start-up that raised ...": an apposition describes the name before it (a sector or a
        # week is no apposition: "Sur l'ensemble du mois, le secteur a levé 52 M€").
        return None
    if lede and m.group("indefinite") and not m.group("rival"):
        return None
    if _PREPOSITION_RE.match(low, m.start()) or _PREPOSITION_BEFORE_RE.search(
        low, max(0, m.start() - 12), m.start()
    ):
        # "Quaxi is out in the market hoping to raise": a noun after a preposition is no subject.
        return None
    return m.start()


_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|on|at|into|onto|dans|sur)\s+(?:(?:the|le|la|les)\s+|l')?$")
_PREPOSITION_RE = re.compile(r"(?:in|on|at|into|onto|dans|sur)\s")


_VALUING_NAME_RE = re.compile(
    rf"[^.;]{{0,30}}?\b(?i:valorisant|valuing|qui\s+valorise|which\s+values)\s+({_NAME})"
)
_COLLECTIVE_OPENING_RE = re.compile(
    r"\s*(?<![\w-])(?:(?:les|des|the)\s+)?((?:[\w-]++\s+){0,3}?(?:start-?ups|startups|companies|firms|entreprises|"
    r"societes|"
    r"jeunes\s+pousses|scale-?ups|sectors?|secteurs?)\b"
    # ("les start-up du canton": French leaves the borrowed noun unmarked in the plural.)
    r"|(?<=les\s)start-?up\b(?:\s+[\w-]++){0,3})"
)
_GERUND_RAISE_RE = re.compile(
    r"\s*(?:raising|securing|attracting|drawing|levant|totalisant|cumulant|attirant)\s+"
    r"(?:(?:about|around|nearly|over|some|more\s+than|pres\s+de|plus\s+de)\s+)?$"
)


# A name then a comma, or a copula: what follows describes the company named before ("X is a start-up that").
_APPOSED_RE = re.compile(
    r"(?:[\w)]\s*,|\b(?:is|was|remains|becomes|became|est|etait|reste|devient|est\s+devenue?))\s*$"
)


def _named_investor(sent: str, low: str, mention: MoneyMention, prev_end: int, doc: _Doc) -> str | None:
    """The named investor whose own ticket the figure is: "Nvidia put $100 million into X"."""
    start = max(prev_end, mention.start - 120)
    verbs = list(_kind_re(doc.lang).finditer(low, start, mention.start))
    inv = [v for v in verbs if v.lastgroup == "inv"]
    if not inv:
        return None
    names = [
        n.group(0)
        for n in _NAME_RE.finditer(sent, start, inv[-1].start())
        if _plausible_company(n.group(0)) and not re.search(r"[,;]", sent[n.end() : inv[-1].start()])
    ]
    if not names or _is_entity_name(names[-1], doc.entity_re):
        return None
    words = names[-1].split()
    while words and fold(words[0]) in _NOT_COMPANIES:
        words = words[1:]
    name = _clean_name(" ".join(words))
    return name if name and fold(name) not in _COLLECTIVE_INVESTORS else None


# "Investors put $40 million into X": the investors as a whole put in the round, not one ticket.
_COLLECTIVE_INVESTORS = _wordset("investors investisseurs backers shareholders actionnaires vcs funds fonds")
_FOUNDED_BY_RE = re.compile(
    r"\b(?:fondee?s?|cofondee?s?|co-fondee?s?|founded|co-?founded|creee?s?|created|started|launched|lancee?s?)"
    r"\s+(?:en\s+\d{4}\s+|in\s+\d{4}\s+)?(?:par|by)\b"
)


def _is_person(owner: str, sent: str, doc: _Doc, idx: int) -> bool:
    """A founder or executive named as the subject ("Okafor raised ..."), not a company."""
    low_sent = fold(sent)
    pos = low_sent.find(owner)
    if pos < 0:
        return False
    if _FOUNDED_BY_RE.search(low_sent, max(0, pos - 60), pos):
        # "Fondée par deux anciens de Numéria, Quantel lève": what people founded is a company.
        return False
    if _PERSON_TITLE_RE.search(sent[max(0, pos - 60) : pos]):
        return True
    # (The pattern is built for each name, so compiled anew for most: only where its verb stands.)
    if ("founded" in low_sent or "fonde" in low_sent) and re.search(
        rf"\b{re.escape(owner)}\s*,\s*(?:who|qui)\s+(?:founded|a\s+fonde|cofounded|co-founded)", low_sent
    ):
        return True
    if doc.descriptor_named(owner) or _organisation_word_re().search(owner):
        return False
    nxt = doc.folded[idx + 1] if idx + 1 < len(doc.folded) else ""
    # (The next sentence speaks of the same person only when it opens on the pronoun: "She also ...";
    # a "her" further on may be anyone's.)
    # A single word ("Okafor raised ...") is a surname as often as a brand: any pronoun of the next
    # sentence then says which.
    after = _GENDERED_RE.search(nxt) if " " not in owner.strip() else _GENDERED_OPENING_RE.match(nxt)
    return bool(_GENDERED_RE.search(low_sent[pos:]) or after)


_GENDERED_OPENING_RE = re.compile(r"\W{0,3}(?:she|he|her|his|elle|il)\b")


@functools.cache
def _organisation_word_re() -> re.Pattern[str]:
    """A name of two words or more that ends on an organisation's word ("Brightline Labs", "Kovo SAS")."""
    return re.compile(rf"\S\s+(?:{lexicon.alternation('organisation_words', None)})$")


# The role words are case-insensitive, the name is not: under IGNORECASE the name classes match any
# word, so "led by Mistral AI's co-founder" read "led by Mistral AI" as the company, and a window of
# lower-case words cost hundreds of milliseconds in backtracking.
_ROLE_OF_RE = re.compile(
    r"(?i:\b(?:ceo|founder|co-?founder|cofondat\w+|fondat\w+|dirigeant\w*|patron\w*|pdg|boss|chief\s+\w+|"
    r"directeur\s+g[ée]n[ée]ral|pr[ée]sident\w*)\s+(?:of|de|d'|du|at|chez)\s*(?:(?:rival|the|la|le|l')\s*)?)"
    rf"({_NAME})"
)
_ROLE_POSSESSIVE_RE = re.compile(
    rf"({_NAME})"
    r"(?i:['’]s\s+(?:\w+\s+)?(?:co-?founder|founder|ceo|chief\s+executive|boss|chairman|president)\s*,?\s*)$"
)


def _person_company(person: str, sent: str, doc: _Doc, idx: int) -> str | None:
    """The company a person's raise is for: "for her startup X", the company the person runs,
    else the entity when it is named within two sentences."""
    m = _FOR_VENTURE_RE.search(sent)
    if m:
        return _owner_name(m.group(1), doc)
    pos = fold(sent).find(person)
    role = _ROLE_OF_RE.search(sent, max(0, pos - 60), min(len(sent), pos + len(person) + 60))
    if role is None:
        role = _ROLE_POSSESSIVE_RE.search(sent[max(0, pos - 60) : pos]) if pos >= 0 else None
    if role and _plausible_company(role.group(1)):
        return _owner_name(role.group(1), doc)
    for j in (idx, idx - 1, idx + 1, idx + 2):
        if 0 <= j < len(doc.folded) and doc.entity_re.search(doc.folded[j]):
            return "entity"
    if _FOUNDERS_RE.search(fold(sent)) and doc.company_topic == "entity" and _named_before(doc, idx):
        # "les cofondateurs Anne Morel et Paul Brun ont levé ...", further on in a story about the company.
        return "entity"
    return None


_FOUNDERS_RE = re.compile(r"\b(?:co-?fondat(?:eur|rice)s?|fondat(?:eur|rice)s?|co-?founders?|founders?)\b")


def _named_before(doc: _Doc, idx: int) -> bool:
    first = doc.first_named()
    return first is not None and first <= idx


# "Zorblo's existing shareholders invested $100m", "ses actionnaires historiques ont réinjecté 20 M€": the
# company's own investors put money into it.
_OWN_INVESTORS_RE = re.compile(
    r"(?:(?P<poss>['’]s)|\b(?P<pron>its|their|ses|leurs))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:shareholders|investors|backers|actionnaires|investisseurs)\b[^.;:]{0,80}$"
)


def _own_investors(low: str, mention: MoneyMention, doc: _Doc) -> str | None:
    """The company whose own investors (named by a possessive before them) give the figure."""
    start = max(0, mention.start - 160)
    m = _OWN_INVESTORS_RE.search(low, start, mention.start)
    if m is None:
        return None
    if m.group("pron"):
        return doc.company_topic
    before = low[max(0, m.start() - 40) : m.start()]
    named = [e for e in doc.entity_re.finditer(before) if e.end() == len(before)]
    return "entity" if named else None


# "30 M€ apportés par Kobalt", "$50 million invested by Kobalt": the investors named by "par/by" after a
# passive participle gave the money; whose it is, the sentence's company says, as for any raise.
# "Zorblo gets a $40 million injection from Kobalt", "Zorblo reçoit un investissement de 5 M€": the
# company named as the subject that receives the money.
_RECEIVES_LEFT_RE = re.compile(
    r"\b(?:gets?|got|receives?|received|secures?|secured|lands?|landed|obtient|a\s+obtenu|recoit|a\s+recu|"
    r"beneficie\s+d['e]|a\s+beneficie\s+d['e]|decroche|a\s+decroche)\s+(?:[\w'-]+\s+){0,3}?$"
)


# ("Deux fonds y ont investi 18 M€": "y", in it, is the company spoken of too.)
_DATIVE_INVEST_RE = re.compile(
    r"\b(?:lui|leur|y)\s+(?:(?:a|ont|avait|avaient|avoir|ayant)\s+)?(?:deja\s+)?"
    r"(?:apport\w*|inject\w*|vers\w*|accord\w*|fourni\w*|avance\w*|confi\w*|investi\w*|mis|place\w*)\s+"
    r"(?:[\w'-]+\s+){0,2}$"
)


def _entity_receives(low: str, mention: MoneyMention, markers: list[_Owner]) -> bool:
    verb = _RECEIVES_LEFT_RE.search(low, max(0, mention.start - 60), mention.start)
    if verb is None:
        return False
    before = [m for m in markers if m.end <= verb.start()]
    return bool(before) and before[-1].kind == "entity"


_PASSIVE_INVESTED_RE = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:inject\w*|investi\w*|invested|apporte\w*|injected|provided|put\s+in|"
    r"souscrit\w*|subscribed)\s+(?:[\w'-]+\s+){0,6}?(?:par|by)\s"
)
# "X devient le premier investisseur de l'entreprise. X injecte 75 M€": an investor the text has just
# introduced as the company's puts money in without naming it again.
_INVESTOR_ROLE_RE = re.compile(
    r"\b(?:investisseurs?|actionnaires?|investors?|shareholders?|backers?)\b|\bentre\w*\s+au\s+capital\b|"
    r"\b(?:takes?|took|taking)\s+a\s+(?:\w+\s+)?stake\b|\bprend\w*\s+une\s+participation\b"
)
_OF_THE_COMPANY_RE = re.compile(
    r"\b(?:de\s+l'entreprise|de\s+la\s+(?:societe|start-?up|jeune\s+pousse|plateforme)|du\s+groupe|"
    r"(?:in|of)\s+the\s+(?:company|start-?up|firm|platform))\b"
)


def _introduced_investor(sent: str, low: str, mention: MoneyMention, doc: _Doc, idx: int) -> str | None:
    """The company whose investor the subject of an untargeted investment was just introduced as."""
    name = _named_investor(sent, low, mention, 0, doc)
    if name is None or idx == 0:
        return None
    key = fold(name).split()[0]
    for j in (idx - 1, idx - 2):
        if j < 0:
            break
        prev = doc.folded[j]
        at = prev.find(key)
        if at < 0:
            continue
        window = prev[at : at + 220]
        if not _INVESTOR_ROLE_RE.search(window) or doc.has_money[j]:
            # (Introduced with a round's figure, "became the largest shareholder after leading a €1.7bn
            # round", the investment after is its ticket in that round.)
            continue
        if doc.entity_re.search(prev):
            return "entity"
        if _OF_THE_COMPANY_RE.search(window):
            return doc.company_topic
    return None
