"""Round names (seed, Series B, extension) and the investors a sentence names (lead, participants)."""

from __future__ import annotations

import re

from watcher.facts.names import _NAME, _is_entity_name, _names
from watcher.facts.numbers import MoneyMention

_ROUND_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (  # keep in step with _ROUND_NEEDLES
    # "added C$15 million to its Series A", "apporte 8 M€ supplémentaires à la série A": a top-up.
    (
        re.compile(
            r"\b(?:add(?:s|ed|ing)?|ajout\w*|apport\w*)\b[^,;]{1,60}?\b(?:a|to)\s+"
            r"(?:la|sa|son|its|their|the|leur|this|cette)\s+(?:serie|series)\s+([a-h])\b(?!['’]\w)"
        ),
        "series_{}_extension",
    ),
    (re.compile(r"\bextension\s+(?:de\s+(?:la\s+)?)?(?:serie|series)\s+([a-h])\b"), "series_{}_extension"),
    (re.compile(r"\b(?:serie|series)\s+([a-h])[\s-]+extension\b"), "series_{}_extension"),
    (re.compile(r"\b(?:pre-?seed|pre-?amorcage)\b"), "pre_seed"),
    (re.compile(r"\bseed\s+extension\b"), "seed_extension"),
    (
        re.compile(
            r"\b(?:seed|amorcage|tour\s+(?:de\s+(?:financement|table)\s+)?initial|financement\s+initial)\b"
        ),
        "seed",
    ),
    (re.compile(r"\b(?:serie|series)[\s-]+([a-h])\b(?!['’]\w)"), "series_{}"),
    # "tour B", but not the verb in "le tour a été mené".
    (
        re.compile(
            r"\b(?:round|tour)\s+(?:de\s+(?:serie\s+)?)?([b-h]|a(?=\s*(?:[,.;:)]|$|de\b|d'|of\b|\d)))\b(?!['’]\w)"
        ),
        "series_{}",
    ),
    # "a B round", "an A round", but not the article in "in a round".
    (re.compile(r"\b((?<=\ban\s)a|[b-h])\s+round\b"), "series_{}"),
    (re.compile(r"\bbridge\b|\btour\s+relais\b"), "bridge"),
    (re.compile(r"\bgrowth\s+(?:round|equity|funding)\b|\btour\s+de\s+croissance\b"), "growth"),
    (re.compile(r"\bextension\b"), "extension"),
    (
        re.compile(
            r"\b(?:semaines?|jours?|mois)\s+(?:seulement\s+)?apres\s+sa\s+(?:creation|fondation)|"
            r"\b(?:weeks?|days?|months?)\s+after\s+(?:its\s+)?(?:founding|launch|creation|inception)"
        ),
        "seed",
    ),
)
# For each round pattern, words one of which every match contains: a cheap exact pre-check.
_ROUND_NEEDLES: tuple[tuple[str, ...], ...] = (
    ("add", "ajout", "apport"),
    ("extension",),
    ("extension",),
    ("seed", "amorcage"),
    ("seed",),
    ("seed", "amorcage", "initial"),
    ("serie",),
    ("round", "tour"),
    ("round",),
    ("bridge", "tour"),
    ("growth", "tour"),
    ("extension",),
    ("apres", "after"),
)
_LEAD_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:co-led|led|menée?s?|co-menée?s?|dirigée?s?|orchestrée?s?|pilotée?s?|emmenée?s?)\s+"
        r"(?:par|by)\s+(?P<names>.+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:leading|co-leading)\s+the\s+(?:\w+\s+){0,3}(?:round|deal)\s+(?:was|were)\s+(?P<names>.+)"
    ),
    re.compile(r"\bavec\s+(?:en\s+tête|à\s+sa\s+tête),?\s+(?P<names>.+)", re.IGNORECASE),
)
_LEAD_BEFORE_RE = re.compile(
    # Atomic: what follows the list is a lower-case verb, so no shorter list can match where the longest
    # failed, and backtracking through every way of cutting a list of names ("A & B & C") is exponential.
    rf"(?P<names>(?>{_NAME}(?:\s*\([^)]*\))?(?:\s*(?:,|and|et|&)\s*{_NAME}){{0,8}}))\s+(?:(?:a|ont|has|have|which|qui)\s+)?"
    r"(?:led|co-led|leads|menant|mène|a\s+mené|ont\s+mené|en\s+t[êe]te|à\s+la\s+t[êe]te)\b"
)
_LEAD_BEFORE_WORDS = ("led", "lead", "menant", "mène", "mené", "tête", "tete")
_PARTICIPANT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:with\s+participation\s+(?:from|of)|participation\s+de|aux\s+côtés\s+d[e'’]|alongside|"
        r"including|incluant|notamment|investors?\s+(?:also\s+)?(?:include|includes|included|are|were)|"
        r"investisseurs\s+(?:comprennent|incluent|sont)|tels?\s+qu[e'’]|telles?\s+qu[e'’]|such\s+as|like|comme|"
        r"parmi\s+lesquels|among\s+them|auprès\s+d(?:es\s+fonds|e|'|’|u\s+fonds)|from\s+(?:investors\s+)?"
        r"(?:including\s+)?|avec\s+la\s+(?:contribution|participation)\s+de|figurent|figure|"
        # (\b: "comme" is no cue inside "commentée", nor "like" inside "likely")
        r"joined\s+by|rassemble|réunit|backed\s+by|soutenue?\s+par)\b\s*(?P<names>.+)",
        re.IGNORECASE,
    ),
)
_PARTICIPANT_BEFORE_RE = re.compile(
    rf"(?P<names>(?>{_NAME}(?:\s*(?:,|and|et|&|ainsi\s+que)\s*{_NAME}){{0,8}}))\s+(?:(?:have|has|ont|a)\s+)?"
    r"(?:also\s+|également\s+|aussi\s+)?(?:participated|participé|joined|took\s+part|pris\s+part|"
    # "X et Y font également partie du tour de table", "X and Y are also part of the round".
    r"font\s+(?:\w+\s+)?partie|(?:are|were)\s+(?:\w+\s+)?part\s+of)"
)


def _find_round(low: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for (pattern, template), needles in zip(_ROUND_PATTERNS, _ROUND_NEEDLES, strict=True):
        if not any(n in low for n in needles):
            continue
        for m in pattern.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            name = template.format(m.group(1)) if "{}" in template else template
            found.append((m.start(), m.end(), name))
            taken.append((m.start(), m.end()))
    return found


_TOP_UP_VERB_RE = re.compile(r"add|ajout|apport")
_BREAK_RE = re.compile(r"[,;(]|\bapres\b|\bafter\b|\bthen\b")


def _round_for(low: str, mention: MoneyMention, rounds: list[tuple[int, int, str]]) -> str | None:
    best: tuple[int, str] | None = None
    for start, end, name in rounds:
        if end <= mention.start:
            between = low[end : mention.start]
            dist = len(between)
        elif start >= mention.end:
            between = low[mention.end : start]
            dist = len(between)
        elif start <= mention.start and mention.end <= end:
            # The round's words surround the figure: "adds $8M to its Series A".
            between, dist = "", 0
        else:
            continue
        if dist and _TOP_UP_VERB_RE.match(low, start):
            # "ajoute 4 M€ à sa série A de 12 M€": only the added money is the extension.
            name = name.removesuffix("_extension")
        dist += 100 * len(_BREAK_RE.findall(between))
        if best is None or dist < best[0]:
            best = (dist, name)
    return best[1] if best is not None else None


_PERSON_LEAD_RE = re.compile(
    r"(?:(?:its|their|his|her|son|sa|leur|the|le|la|l['’])\s+)?(?:(?:co-?)?founders?|(?:co-?)?fondat\w+|"
    r"ceo|pdg|chief\s+executive|directeur|directrice|dirigeant\w*|pr[ée]sident\w*|chairman|chairwoman|"
    r"managing\s+director|boss|patron\w*|former|ancien\w*)\b",
    re.IGNORECASE,
)


_ABSTAINED_RE = re.compile(r"\b(?:n['’]a\s+pas|did\s+not|didn['’]t|abstenu|declined)\b")


def _investors(sent: str, entity_re: re.Pattern[str]) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    part: list[str] = []
    if _ABSTAINED_RE.search(sent):
        return lead, part
    for pattern in _LEAD_PATTERNS:
        for m in pattern.finditer(sent):
            if _PERSON_LEAD_RE.match(m.group("names")):
                # "Led by chief executive Mara Lind, ...": a manager running the company, not an investor.
                continue
            lead.extend(_names(m.group("names")))
    # (Exact shortcuts: every match of the two name-first patterns below ends with one of these words,
    # and their scan for names from every position is the costly part.)
    for m in _LEAD_BEFORE_RE.finditer(sent) if any(w in sent for w in _LEAD_BEFORE_WORDS) else ():
        lead.extend(_names(m.group("names")))
    for pattern in _PARTICIPANT_PATTERNS:
        for m in pattern.finditer(sent):
            part.extend(_names(m.group("names")))
    for m in _PARTICIPANT_BEFORE_RE.finditer(sent) if "part" in sent or "joined" in sent else ():
        part.extend(_names(m.group("names")))

    def keep(name: str) -> bool:
        return not _is_entity_name(name, entity_re)

    lead = list(dict.fromkeys(n for n in lead if keep(n)))
    part = list(dict.fromkeys(n for n in part if keep(n) and n not in lead))
    return lead, part


_INVESTOR_SUBJECT_RE = re.compile(
    rf"({_NAME})\s+(?:(?:a|has|have|had|also|then|will|va|s['’]est\s+engagé\s+à|a\s+décidé\s+d['’])\s+)*"
    r"(?:investit|invests|invested|investi|investira|committed|commits|injecte|a\s+injecté|versé|verse|put|poured)\b"
)
_INVESTOR_CONTEXT_RE = re.compile(
    r"\b(?:investisseur\w*|investor\w*|fonds|funds?|vc|venture|capital|particip\w+|round|tour|levee|"
    r"backers?|soutiens?|joined|led|mene\w*|en\s+tete)\b"
)
