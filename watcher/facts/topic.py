"""The running topic: which company the text is about as it moves from sentence to sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from watcher.facts.names import _NAME, _is_entity_name, _plausible_company
from watcher.facts.owners import _SUBJECT_OPENING_RE, _resolve
from watcher.facts.patterns import _SENT_SUBJECT_RE
from watcher.facts.rounds import _investors
from watcher.facts.sentences import fold

if TYPE_CHECKING:
    from watcher.facts.state import _Doc, _Owner


# Sentence openers that look like names: "Few companies ...", "Founded in Berlin in 2018, ...",
# "Créée en 2017, la marque ...".
_PARTICIPLE_OPENER_RE = re.compile(
    r"[A-ZÀ-Ý][a-zà-ÿ]+(?:ed|ée|é|ées|és)\s+(?:in|en|par|by|at|à|from|de|dans|on|as|comme)\s[^,]{0,60},\s*"
    r"(?!(?:[A-ZÀ-Ý]))"
)
_NOT_SUBJECT_RE = re.compile(
    r"(?:Few|Many|Most|Some|Several|Plusieurs|Peu|Quelques|Beaucoup)\s"
    r"|[A-ZÀ-Ý][a-zà-ÿ]+(?:ed|ée|é|ées|és)\s+(?:in|en|par|by|at|à|from|de|dans|on|as|comme)\s"
)
# The heading of a ranked entry: "Numéro 5 : Ondalys.", "No. 3: Brightclass", "#2 — Vexon".
_RANK_HEAD_RE = re.compile(
    rf"^\W{{0,3}}(?:Num[ée]ro|N°|No\.?|Number|Rank|#)\s*\d{{1,3}}\s*[:.–—-]?\s*({_NAME})\s*(?:[.:–—-]|$)"
)
# A ranked entry with its subject after the verb: "À la troisième place figure Plimo", "In third place is
# Plimo": the company the figures that follow belong to.
_INVERTED_RANK_RE = re.compile(
    r"^\W{0,3}(?:(?:Au|À\s+la|A\s+la|En)\s+[\w-]+\s+(?:rang|place|position)\s*,?\s+"
    r"(?:se\s+(?:trouve|place|classe|hisse)|figure|arrive|vient|on\s+trouve)"
    r"|In\s+[\w-]+\s+place\s*,?\s+(?:is|was|comes|came|sits))\s+"
    r"(?:(?:la|le|l['’]|the)\s*(?:[a-zà-ÿ-]+\s+){0,3}?)?"
    rf"({_NAME})"
)
# "Kenyan agritech Shamba Link has closed ...": a nationality adjective, then the company.
_DEMONYM_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:an|ian|ese|ish|ic|ch|i|ais|aise|ois|oise)")
_LOWER_WORDS_RE = re.compile(r"(?:\s+[a-zà-ÿ-]+){1,3}\s+")


def _demonym_opener(sent: str, sm: re.Match[str], markers: list[_Owner]) -> bool:
    if not _DEMONYM_RE.fullmatch(sm.group("subj")):
        return False
    gap = _LOWER_WORDS_RE.match(sent, sm.end("subj"))
    return gap is not None and any(o.start == gap.end() and o.kind in ("entity", "other") for o in markers)


def _investor_names(sent: str, markers: list[_Owner], doc: _Doc) -> set[str]:
    if not any(m.kind == "other" for m in markers):
        return set()
    lead, part = _investors(sent, doc.entity_re)
    return {fold(n) for n in (*lead, *part)}


def _update_topic(doc: _Doc, markers: list[_Owner], sent: str) -> None:
    """Bring the running topic and subject (``doc.company_topic``, ``doc.subject``) past ``sent``."""
    previous = doc.subject
    rank = _RANK_HEAD_RE.match(sent) if sent[:1] in "N#R" else None
    if rank is None and sent[:3] in ("Au ", "À l", "A l", "En ", "In "):
        rank = _INVERTED_RANK_RE.match(sent)
    if rank and _plausible_company(rank.group(1)):
        # Each entry of a ranking owns the figures that follow its heading.
        name = rank.group(1)
        doc.company_topic = doc.subject = "entity" if _is_entity_name(name, doc.entity_re) else fold(name)
        return
    _topic_from_markers(doc, markers, sent)
    sm = _SENT_SUBJECT_RE.match(sent)
    if sm and _NOT_SUBJECT_RE.match(sent, sm.start("subj")):
        # "Founded in 2020 by ..., it built ...": the subject carries over from the sentence before.
        if _PARTICIPLE_OPENER_RE.match(sent):
            doc.subject = previous
    elif sm and _descriptor_opener(sent, sm, markers):
        # "Payroll app Quaxi said ...": a capitalised descriptor, then the name that is the subject.
        pass
    elif sm and _plausible_company(sm.group("subj")) and not _demonym_opener(sent, sm, markers):
        _topic_from_subject(doc, markers, sm)
    elif sm is None and (am := _SUBJECT_OPENING_RE.match(sent)) and am.start(3) == 0:
        # "Quaxi, the payments company, is growing fast. It raised ...": the name before its apposition
        # is the subject "it" goes on to stand for.
        # (Not when the sentence names another company: "Kobalt, the courier group, takes a stake in
        # Quaxi" speaks of Quaxi next.)
        name = am.group(3)
        if _plausible_company(name) and not any(o.kind in ("entity", "other") for o in markers):
            doc.subject = "entity" if _is_entity_name(name, doc.entity_re) else fold(name)


_LOWER_WORDS_RE = re.compile(r"\s+(?:[a-z][a-z-]*\s+){1,3}$")


def _descriptor_opener(sent: str, sm: re.Match[str], markers: list[_Owner]) -> bool:
    """Whether the one capitalised word opening the sentence describes the name a few lower-case words on
    ("Lending app Quaxi", "Drone maker Quaxi"), which ``_topic_from_markers`` already took as the subject."""
    if sm.start("subj") != 0 or " " in sm.group("subj").strip():
        return False
    first = next((m for m in markers if m.kind in ("entity", "other")), None)
    return first is not None and bool(_LOWER_WORDS_RE.fullmatch(sent, sm.end("subj"), first.start))


def _topic_from_markers(doc: _Doc, markers: list[_Owner], sent: str) -> None:
    investors = _investor_names(sent, markers, doc)
    named = [m for m in markers if m.kind in ("entity", "other") and m.name not in investors]
    if named and named[0].kind == "entity" and _ORIGIN_BEFORE_RE.search(sent, 0, named[-1].start):
        # "Quaxi, issue du studio Kobalt, fabrique ...": where the company comes from is no topic.
        markers = [m for m in markers if m.kind != "other"]
    for i, marker in enumerate(markers):
        if marker.kind == "other" and (
            marker.name in investors
            or _BACKER_BEFORE_RE.search(sent, max(0, marker.start - 70), marker.start)
        ):
            # "Nvidia et General Catalyst font partie du tour de table", "it drew interest from a Lyon
            # incubator, Ostra": investors and backers are not what the text goes on to speak about.
            continue
        if marker.kind in ("entity", "other"):
            doc.company_topic = _resolve(marker, doc)
            doc.subject = doc.company_topic
            if doc.lead is None:
                doc.lead = doc.company_topic
        elif marker.kind == "generic":
            doc.subject = _resolve(marker, doc, markers[:i])


# A name the sentence gives as where money or support came from: "backing from Ostra", "funding from a
# Lyon incubator, Ostra", "soutenue par le fonds Ostra".
_BACKER_BEFORE_RE = re.compile(
    r"(?i:\b(?:(?:support|backing|funding|investment|money|capital|financing)\s+from|backed\s+by|funded\s+by|"
    r"soutenue?s?\s+par|financee?s?\s+par|financée?s?\s+par|aupres\s+d[eu]|auprès\s+d[eu]|de\s+la\s+part\s+d[eu])"
    r"\s+(?:(?:the|an?|le|la|l['’]|les|une?|son|sa|ses|its|their)\s*)?(?:[\w-]++\s+){0,3}?(?:[\w-]++,\s+)?)$"
)
_ORIGIN_BEFORE_RE = re.compile(
    r"\b(?:n[ée]e?s?|issue?s?|incub[ée]e?s?|spin-?off|essaimage|sortie?s?|created|born|spun\s+out|incubated)"
    r"\s+(?:\w+\s+){0,3}?(?:au\s+sein|de|du|des|d['’]|chez|par|at|in|from|by|within)\b[^.;:]{0,60}$"
)


def _topic_from_subject(doc: _Doc, markers: list[_Owner], sm: re.Match[str]) -> None:
    name = sm.group("subj")
    doc.subject = "entity" if _is_entity_name(name, doc.entity_re) else fold(name)
    targets = [m for m in markers if m.target and m.kind == "other" and m.start > sm.end("subj")]
    if targets and doc.subject == "entity":
        # "Orbis Bank has invested $20M in Kettle": the start-up spoken of next is Kettle.
        doc.company_topic = targets[-1].name
    elif doc.subject == "entity":
        doc.company_topic = "entity"
    elif doc.subject == doc.lead or sm.group("contrast") or sm.group("aside_contrast"):
        # "Sur ce marché, Holdtrust affronte Sécuria": the company the article is about stays the topic;
        # "De son côté, OpenAI ...": the text turns to another company, which its next figures are about.
        doc.company_topic = doc.subject
