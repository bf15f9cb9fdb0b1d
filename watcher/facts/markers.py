"""Owner markers: every company-like mention of a sentence that a figure could belong to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from watcher.facts.names import _NAME, _is_entity_name, _is_place, _plausible_company
from watcher.facts.patterns import (
    _APPOSITIVE_RE,
    _DESCRIPTOR_RE,
    _GENERIC_CO_RE,
    _INVEST_IN_RE,
    _LEADISH_RE,
    _OF_NAME_RE,
    _POSSESSIVE_RE,
    _PREP_BEFORE_RE,
    _PRONOUN_RE,
    _ROUND_FOR_RE,
    _SUBJECT_VERB_RE,
    _VALUES_GATE_RE,
    _VALUES_OBJECT_RE,
)
from watcher.facts.sentences import fold
from watcher.facts.state import _Owner
from watcher.facts.vocab import _SUBJECT_VERB_GATE_RE, _SUBJECT_VERBS

if TYPE_CHECKING:
    from watcher.facts.state import _Owner


# A roundup line that opens with its company: "• Lumen Agri (agritech, Angers) – 3,2 M€ en amorçage",
# "- Vexon: $8M Series A", "2. Quantaé (informatique quantique) : 100 M€", "Brightclass, $220m Series D".
_LINE_HEAD_RE = re.compile(
    rf"^(?P<bullet>[•*·▪►‣◦–—-]\s*|\d{{1,2}}[.)–-]\s+)?(?P<name>{_NAME})\s*(?:\([^()]{{0,80}}\)\s*)?"
    # ("7. Quaxi, Tunisie, 3 millions de dollars": where the company is, between its name and its sum.)
    r"(?P<sep>[:–—-]|,(?=\s*(?:[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?,\s*)?(?:[$€£]|(?:US|C|A|CA|AU)\$|\d)))\s*"
)
_MONEY_START_RE = re.compile(r"(?:[$€£¥]|(?:US|C|A|CA|AU)\$|\d)")
# The previous sentence ends with the number of the list entry: "1." or "... série C. 2.".
_ENTRY_NUMBER_RE = re.compile(r"(?:^\W{0,3}|\s)\d{1,2}[.)]$")


def _line_head(sent: str, line_start: bool, numbered: bool) -> re.Match[str] | None:
    """The company a roundup line opens with, when the line reads as one entry of a list."""
    if not line_start:
        return None
    m = _LINE_HEAD_RE.match(sent)
    if m is None:
        return None
    name = m.group("name")
    if name.isupper() and len(name) > 4:
        return None  # a dateline: "BERLIN (Reuters) -"
    if not (m.group("bullet") or numbered or _MONEY_START_RE.match(sent, m.end())):
        return None
    return m if _plausible_company(name) else None


_ALUMNI_LEFT_RE = re.compile(
    r"\b(?:anciens?|anciennes?|former|ex|veterans?|alumni|alumnus|ex-employees?|ex-salaries|"
    r"transfuges?|passee?s?\s+par|issue?s?)\s+(?:[\w-]+\s+){0,2}?(?:de\s+|d'|du\s+|of\s+|from\s+|at\s+|chez\s+)"
    r"(?:(?:la|le|l'|the)\s+)?$"
)


def _owner_markers(
    sent: str, low: str, entity_re: re.Pattern[str], head: re.Match[str] | None = None
) -> list[_Owner]:
    """Every mention of sentence ``sent`` that a figure could belong to, in text order."""
    markers = _entity_markers(low, entity_re, head)
    markers += _named_markers(sent, low, entity_re, markers)
    markers += _target_markers(sent, entity_re, markers)
    markers += _topic_opening_marker(sent, markers, entity_re)
    om = _FOUNDED_OPENER_RE.match(sent) if "," in sent else None
    markers += _generic_markers(sent, low, entity_re, markers, om)
    markers += [_Owner("pronoun", "", m.start(), m.end()) for m in _PRONOUN_RE.finditer(low)]
    if _OTHERS_GATE_RE.search(low):
        for m in _OTHERS_RAISE_RE.finditer(low):
            # "Notre concurrent direct vient de lever 50 M€", "Les start-up de l'éducation ont levé 180 M€":
            # an unnamed rival, or a whole sector, is the subject of the raise.
            markers = [o for o in markers if not (o.kind == "generic" and m.start() <= o.start < m.end(1))]
            markers.append(_Owner("other", "<others>", m.start(), m.end(1)))
    if om is not None:
        # "Fondée en 2019 par deux chercheurs de l'Inria, la société avait levé ...": the founders' lab or
        # former employer named in the opening clause is not what "la société" stands for.
        markers = [o for o in markers if not (o.kind in ("other", "generic") and o.end <= om.end())]
    markers.sort(key=lambda o: o.start)
    return _skip_appositives(sent, markers)


# "Chez Quaxi, la croissance continue", "Du côté de Quaxi, ...", "Over at Quaxi, ...": a sentence that
# opens on the company it goes on to speak of; "cette start-up" or "il" next stands for it.
# ("Quant à l'espagnol Quaxi, il a annoncé ...", "As for Quaxi, it ...": what it does may come first.)
_TOPIC_OPENING_RE = re.compile(
    rf"^(?:Chez|Du\s+c[ôo]t[ée]\s+(?:de\s+|d['’])|Over\s+at|(?:Quant\s+(?:à|aux?)|As\s+for)"
    rf"(?:\s+(?:l['’]|la|le|les|the))?(?:\s*[a-zà-ÿ-]+){{0,3}}?)\s*({_NAME})\s*,"
)


def _topic_opening_marker(sent: str, found: list[_Owner], entity_re: re.Pattern[str]) -> list[_Owner]:
    m = _TOPIC_OPENING_RE.match(sent) if sent[:1] in "CDOQA" else None
    if m is None or any(o.start < m.end(1) and m.start(1) < o.end for o in found):
        return []
    name = m.group(1)
    if not _plausible_company(name) or _is_place(name):
        return []
    return [_named(name, entity_re, m.start(1), m.end(1))]


def _named(name: str, entity_re: re.Pattern[str], start: int, end: int, target: bool = False) -> _Owner:
    if _is_entity_name(name, entity_re):
        return _Owner("entity", "entity", start, end, target=target)
    return _Owner("other", fold(name), start, end, target=target)


def _overlaps_entity(markers: list[_Owner], start: int, end: int) -> bool:
    return any(o.start < end and start < o.end for o in markers if o.kind == "entity")


def _entity_markers(low: str, entity_re: re.Pattern[str], head: re.Match[str] | None) -> list[_Owner]:
    """The entity's own mentions, and the company a list entry opens with."""
    markers: list[_Owner] = []
    for m in entity_re.finditer(low):
        if _ALUMNI_LEFT_RE.search(low, max(0, m.start() - 40), m.start()):
            # "founded by three veterans of Pixelforge": the people's former employer owns nothing here.
            continue
        markers.append(_Owner("entity", "entity", m.start(), m.end()))
    if head is not None and not any(
        o.start < head.end("name") and head.start("name") < o.end for o in markers
    ):
        markers.append(_named(head.group("name"), entity_re, head.start("name"), head.end("name")))
    return markers


def _named_markers(sent: str, low: str, entity_re: re.Pattern[str], found: list[_Owner]) -> list[_Owner]:
    """Names in a role that owns money: subject of a raise, possessor, object of "values", "round for X"."""
    # The name-first patterns only run when the words they end with are present (exact shortcuts).
    # (Pairs, not a dict keyed by the patterns: hashing a compiled pattern hashes its whole program.)
    gates = (
        (_DESCRIPTOR_RE, _DESCRIPTOR_GATE_RE.search(low) is not None),
        (_SUBJECT_VERB_RE, _SUBJECT_VERB_GATE_RE.search(sent) is not None),
        (_POSSESSIVE_RE, "'s" in sent or "’s" in sent),
        (_OF_NAME_RE, _OF_NAME_GATE_RE.search(low) is not None),
        (_VALUES_OBJECT_RE, _VALUES_GATE_RE.search(low) is not None),
        (_ROUND_FOR_RE, " for " in low or " pour " in low),
        (_TURN_OF_RE, "au tour" in low),
        (_TURN_OF_EN_RE, "turn" in low),
    )
    markers: list[_Owner] = []
    entities = [o for o in found if o.kind == "entity"]
    for pattern, open_ in gates:
        if not open_:
            continue
        for m in pattern.finditer(sent):
            start, end = m.start(1), m.end(1)
            name = m.group(1)
            elided = _ELIDED_ADJ_RE.match(name)
            if elided:
                # "L'italien Pedalo a levé": the name follows the elided article and its adjective.
                start += elided.end()
                name = name[elided.end() :]
            if _overlaps_entity(entities, start, end) or not _names_an_owner(sent, name, start):
                continue
            if _ORIGIN_LEFT_RE.search(sent, max(0, start - 40), start):
                # "une entreprise issue de l'École Kobalt", "spun out of Kobalt Labs": where it comes from.
                continue
            place = _is_place(name)
            plural = _PLURAL_LEFT_RE.search(sent, max(0, m.start() - 12), m.start())
            if pattern is _DESCRIPTOR_RE and place and not plural:
                # "la société, implantée à Lisbonne": the place the description ends on is no company
                # (but "les start-up de Montréal" stand for many companies, none of them the entity).
                continue
            if place and _where_apposed(sent, start, end):
                # "Quaxi, a Boise, Idaho-based maker of drones that ..., has landed": where the company
                # of the apposition sits.
                continue
            if _is_entity_name(name, entity_re) or not _led_or_founded_by(sent[max(0, start - 45) : start]):
                owner = _named(name, entity_re, start, end)
                markers.append(owner)
                if owner.kind == "entity":
                    entities.append(owner)
    return markers


# "C'est au tour de l'italien Zorblo d'annoncer un tour de 200 M$", "it is now Zorblo's turn to raise": the
# company whose turn it is is the subject of what follows.
_TURN_OF_RE = re.compile(
    r"(?i:\b(?:c['’]est|c['’]etait|c['’]était|ce\s+fut)\s+(?:(?:maintenant|désormais|aujourd['’]hui|donc)\s+)?"
    r"au\s+tour\s+(?:de\s+|d['’]|du\s+)(?:(?:la|le|l['’])\s*)?(?:[a-zà-ÿ-]+\s+){0,3}?)"
    rf"({_NAME})\s+(?:de\s|d['’])"
)
_TURN_OF_EN_RE = re.compile(rf"(?i:\bit(?:['’]s|\s+is|\s+was)\s+(?:now\s+)?)({_NAME})['’]s\s+turn\b")
# Words one of which every _DESCRIPTOR_RE / _OF_NAME_RE match contains (folded): a cheap exact pre-check.
_DESCRIPTOR_GATE_RE = re.compile(
    r"start|compan|firm|rival|competitor|concurrent|societe|entreprise|maker|developer|lab|"
    r"pepite|licorne|unicorn|fabricant|editeur|pousse|scale|pme|eti"
)
_OF_NAME_GATE_RE = re.compile(
    r"celle|celui|ceux|lev|valorisation|valuation|round|tour|revien|ipo|listing|bourse"
)


_ORIGIN_LEFT_RE = re.compile(
    r"(?i:\b(?:issue?s?|n[ée]e?s?|spin-?off|essaim\w*|incub[ée]e?s?|spun\s+(?:out|off)|born|incubated)\s+"
    r"(?:\w+\s+){0,2}?(?:de|du|des|d['’]|of|from|at|à|par|by)\s*(?:la\s+|le\s+|l['’]|the\s+)?)$"
)
# (", a Boise, Idaho-based maker", "a lab based in NJ": where the company of the apposition sits.)
_APPOSITION_OPENS_RE = re.compile(
    r",\s+(?:an?|the|une?|la|le)\s+$|\b(?:based|headquartered|located)\s+in\s+$"
    # ("L'entreprise basée à Lyon est évaluée à ...": where the company sits, in French.)
    r"|(?i:\b(?:bas[ée]|install[ée]|implant[ée]|situ[ée]|domicili[ée])e?s?\s+(?:[àa]|en|au)\s+$)"
)
# ("Quaxi, Tulsa, Okla.-based maker of ...": the place in a "-based" description.)
_BASED_AFTER_RE = re.compile(r"(?:,\s*[\w.]+(?:\s[\w.]+)?)?-(?:based|headquartered)\b")
_PLURAL_LEFT_RE = re.compile(r"(?i:\b(?:les|des|ces|leurs|nos|aux|many|several|these|those)\s+)$")


def _where_apposed(sent: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` says where the company of an apposition sits."""
    return bool(
        _APPOSITION_OPENS_RE.search(sent, max(0, start - 16), start) or _BASED_AFTER_RE.match(sent, end)
    )


def _names_an_owner(sent: str, name: str, start: int) -> bool:
    # "aux 312 M€ d'ACV décroche ...": the word after a figure is what it counts, not a company.
    return _plausible_company(name) and not _FIGURE_NOUN_LEFT_RE.search(sent, max(0, start - 30), start)


def _led_or_founded_by(left: str) -> bool:
    """ "led by X", "fondée par Anne Morel": the name is an investor or a founder, not the company."""
    # ("led by venture capital company DST": the investor's descriptor between "by" and its name.)
    bare = _INVESTOR_DESCRIPTOR_RE.sub("", fold(left).rstrip())
    if _LEADISH_RE.search(bare.removesuffix("par").removesuffix("by").rstrip()):
        return True
    return (" par " in left or " by " in left) and _FOUNDED_BY_LEFT_RE.search(fold(left)) is not None


_INVESTOR_DESCRIPTOR_RE = re.compile(
    r"\s(?:(?:the|le|la|l'|les)\s+)?(?:[\w-]+\s+){0,3}?(?:company|firm|fund|funds|fonds|group|groupe|investor|"
    r"investors|investisseur|investisseurs|societe|bank|banque|giant|geant)$"
)


def _target_markers(sent: str, entity_re: re.Pattern[str], found: list[_Owner]) -> list[_Owner]:
    """What an investor puts money into: "invested $20M in Kettle"."""
    return [
        _named(m.group(1), entity_re, m.start(1), m.end(1), target=True)
        for m in _INVEST_IN_RE.finditer(sent)
        # ("invests $5M in Kenya": a place is where the money goes, not a company it goes to.)
        if not _overlaps_entity(found, m.start(1), m.end(1))
        and _plausible_company(m.group(1))
        and not _is_place(m.group(1))
    ]


def _generic_markers(
    sent: str, low: str, entity_re: re.Pattern[str], found: list[_Owner], om: re.Match[str] | None
) -> list[_Owner]:
    """ "the company", "la start-up", "we": the company named just before in apposition, else generic."""
    markers: list[_Owner] = []
    for m in _GENERIC_CO_RE.finditer(low):
        if _overlaps_entity(found, m.start(), m.end()):
            continue
        # "Mistral AI, le champion français ..., dont la valorisation": the noun names the company before it.
        # (Exact shortcut: a match is a name, then a comma and blanks closing the window.)
        comma = sent[max(0, m.start() - 60) : m.start()].rstrip().endswith(",")
        appos = _APPOSITIVE_RE.search(sent, max(0, m.start() - 60), m.start()) if comma else None
        if (
            appos
            and (om is None or appos.end(1) >= om.end())
            and _plausible_company(appos.group(1))
            and not (appos.start(1) == 0 and _ADJECTIVE_OPENER_RE.fullmatch(appos.group(1)))
            and not _PREP_BEFORE_RE.search(sent, max(0, appos.start() - 12), appos.start())
            # "led by the fund Kobalt, the fintech raised": the investor is no apposition's head.
            and not _led_or_founded_by(sent[max(0, appos.start() - 40) : appos.start()])
        ):
            markers.append(_named(appos.group(1), entity_re, m.start(), m.end()))
            continue
        markers.append(_Owner("generic", "", m.start(), m.end()))
    # "une autre startup de Nairobi a bouclé 40 M$", "another fintech raised": some company, not this one.
    markers += [_Owner("other", "<others>", m.start(), m.end()) for m in _ANOTHER_CO_RE.finditer(low)]
    return markers


_ANOTHER_CO_RE = re.compile(
    r"\b(?:une?\s+autre|another|one\s+other)\s+(?:[a-z-]+\s+)?(?:start-?up|startup|jeune\s+pousse|pepite|societe|"
    r"entreprise|company|firm|fintech|biotech|medtech|healthtech|licorne|unicorn|scale-?up|player|acteur)\b"
    # ("une autre pépite, homonyme de la première": the namesake the text is about.)
    r"(?!\s+(?:du\s+meme\s+nom|homonyme|of\s+the\s+same\s+name|with\s+the\s+same\s+name))"
)


# "Prudente, la jeune pousse a réuni ...": an adjective opening the sentence, no name.
_ADJECTIVE_OPENER_RE = re.compile(
    r"[A-ZÀ-Ý][a-zà-ÿ]+(?:able|ible|euse|eux|ives?|ifs?|antes?|entes?|ée|ées|és)"
)
_FOUNDED_BY_LEFT_RE = re.compile(
    r"\b(?:fondee?s?|cofondee?s?|co-fondee?s?|founded|co-?founded|creee?s?|created|started|launched|lancee?s?|"
    r"dirigee?s?|run|headed)\s+(?:en\s+\d{4}\s+|in\s+\d{4}\s+)?(?:par|by)\s+$"
)
# ("90 MEUR d'ARR", "40 M€ de CA": a currency code or a scale glued to the digits ends the figure too.)
_FIGURE_NOUN_LEFT_RE = re.compile(
    r"(?:\d|[€$£%]|\d\s?(?:[MGk]?(?:EUR|USD|GBP|CHF)|MDH|[MKk]€|[mbk]n?|millions?|milliards?|billions?))\s*"
    r"(?:d['’]\s?|de\s+|of\s+)$"
)
_ELIDED_ADJ_RE = re.compile(r"[LlDd]['’][a-zà-ÿ-]+\s+(?=[A-ZÀ-Ý])")
_FOUNDED_OPENER_RE = re.compile(
    r"\W{0,3}(?:Fond[ée]e?s?|Cr[ée]{2}e?s?|Founded|Created|Launched|Lanc[ée]e?s?|Started|N[ée]e?s?|Issue?s?|"
    r"Spun\s+out|Incub[ée]e?s?)\s+(?:in|en|par|by|at|à|from|de|d'|du|des|dans|on|as|comme|il\s+y\s+a)\b[^,;:]{0,140},"
)
# "Orbitra, the company once hailed as Europe's answer to its rivals, has raised $60mn": the names inside
# an aside between a subject and its verb are not who raised.
_APPOSITIVE_VERB_RE = re.compile(
    r"\s*,\s*(?:the|a|an|la|le|l'|une?|once|long|now|d[ée]sormais|autrefois|jadis|which|qui|fond[ée]e?|"
    r"founded|created|cr[ée]{2}e?|backed|soutenue?|based|bas[ée]e?)\b[^,;:()]{3,160}?,\s*"
    r"(?:(?:has|have|had|a|avait|just|recently|r[ée]cemment|vient|de|d'|also|aussi|d[ée]j[àa]|already|"
    r"now|is|was|est|[ée]tait|said|says|announced|a\s+annonc[ée]|annonce)\s+){0,4}" + _SUBJECT_VERBS
)


def _skip_appositives(sent: str, markers: list[_Owner]) -> list[_Owner]:
    if len(markers) < 2 or "," not in sent:
        return markers
    for marker in markers:
        if marker.kind not in ("entity", "other") or marker.target:
            continue
        m = _APPOSITIVE_VERB_RE.match(sent, marker.end)
        if m is None:
            continue
        end = m.end()
        return [o for o in markers if not marker.end <= o.start < end]
    return markers


_OTHERS_GATE_RE = re.compile(
    r"concurren|competitor|rival|start-?up|startup|pousses|entreprises|companies|firms"
)
_OTHERS_RAISE_RE = re.compile(
    r"\b((?:(?:notre|nos|our|son|ses|leur|leurs|their|its|un|une|a|an|one|another|des)\s+)"
    r"(?:(?:plus\s+)?(?:grand|gros|principal|main|big|biggest|larger|largest|direct|closest|nearest)\s+)?"
    r"(?:concurrents?|competitors?|rivals?)(?:\s+(?:directs?|principaux|principal))?"
    r"|(?:(?:les|ces)\s+(?:[\w-]+\s+)?(?:start-?ups?|startups|jeunes\s+pousses|entreprises|societes)"
    r"|the\s+(?:[\w-]+\s+){0,2}(?:start-?ups|startups|companies|firms))"
    r"(?:\s+[\w'-]+){0,4}?)"
    r"\s+(?:(?:vient|viennent)\s+de\s+lever|(?:ont|avaient)\s+(?:\w+\s+)?(?:leve|recolte|obtenu|attire|reuni)|a\s+leve|"
    r"(?:has|have|had|just|recently|collectively)\s+(?:\w+\s+)?raised|raised)\b"
)
