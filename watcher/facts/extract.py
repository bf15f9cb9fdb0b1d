"""Funding facts (rounds, valuations, totals) that a French or English text attributes to one company.

The pipeline is deliberately rule-based and explainable: sentences -> money mentions -> for each
mention, who it belongs to (entity, another company, nobody), what it measures (round, valuation,
total, or something that is not funding at all), how sure the text is (status), and whether it is
the news or a restated past fact (context). Facts stated twice are merged at the end.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from watcher.facts import lexicon
from watcher.facts.language import guess_language
from watcher.facts.lexicon import eur_value, min_deal_eur
from watcher.facts.numbers import BARE_FRANC, MoneyMention, find_money, may_hold_money
from watcher.facts.sentences import Sentence, fold, split_clean, strip_markup
from watcher.models import Fact, Money

__all__ = ["LANGS", "entity_variants", "extract_facts"]

# Languages with a lexicon; a text in neither is read with all of them.
LANGS: tuple[str, ...] = ("en", "fr")

# --------------------------------------------------------------------------- entity names

_GENERIC_SUFFIXES = frozenset(
    {
        "ai",
        "a.i.",
        "inc",
        "inc.",
        "sas",
        "sa",
        "ltd",
        "ltd.",
        "limited",
        "labs",
        "lab",
        "technologies",
        "technology",
        "gmbh",
        "corp",
        "corp.",
        "corporation",
        "llc",
        "plc",
        "ag",
        "bv",
        "nv",
        "sarl",
        "co",
        "co.",
        "hq",
        "io",
        "app",
        "systems",
        "software",
        "group",
        "holdings",
    }
)
_PAREN_RE = re.compile(r"\(([^)]*)\)")
_ALIAS_LEAD_RE = re.compile(
    r"^(?:later|formerly|now|previously|ex-|aka|anciennement|devenue?|d[ée]sormais)\s*", re.IGNORECASE
)


def entity_variants(entity: str, aliases: Sequence[str] = ()) -> list[str]:
    """Folded spellings that denote the entity: "Mistral AI" also answers to "Mistral"."""
    names: list[str] = []
    for name in (entity, *aliases):
        for inner in _PAREN_RE.findall(name):
            names.append(_ALIAS_LEAD_RE.sub("", inner.strip()))
        names.append(_PAREN_RE.sub(" ", name))
    variants: set[str] = set()
    for name in names:
        words = fold(name).replace("’", "'").split()
        if not words:
            continue
        variants.add(" ".join(words))
        while len(words) > 1 and words[-1].strip(",") in _GENERIC_SUFFIXES:
            words = words[:-1]
            variants.add(" ".join(words))
        if len(words) > 1 and words[0] == "the":
            variants.add(" ".join(words[1:]))
    return sorted((v for v in variants if len(v) >= 2), key=len, reverse=True)


def _entity_regex(variants: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(v).replace(r"\ ", r"[\s-]+") for v in variants)
    return re.compile(rf"(?<![\w@/.-])(?:{alt})(?![\w-])")


# --------------------------------------------------------------------------- vocabulary


def _wordset(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Names start at a word boundary and span at most seven words, so a page of capitalised words
# cannot make the name patterns quadratic (each start position would otherwise scan to the end).
_NAME_TOKEN = r"(?:[A-ZÀ-ÝÉ][\w&’'.-]{0,40}[\w]|[A-Z]|[a-z]{1,12}[A-Z][\w-]{0,30}|a16z)"
_NAME = rf"(?<![\w&.-]){_NAME_TOKEN}(?:[ -](?:{_NAME_TOKEN}|&|de|of|du|des)(?=[ -]?[A-ZÀ-Ý&]|\b)){{0,6}}"
_NAME_RE = re.compile(_NAME)

# Capitalised words that are never the company a figure belongs to.
_NOT_COMPANIES = _wordset(
    "the le la les l un une des in en on at for pour par by selon according d'après but mais "
    "and et this that ce cette ces it elle il its his her their son sa ses leur last dernier "
    "then puis also since depuis after après before avant when quand while alors hier "
    "yesterday today aujourd'hui january february march april may june july august september "
    "october november december janvier février mars avril mai juin juillet août septembre "
    "octobre novembre décembre monday tuesday wednesday thursday friday saturday sunday lundi "
    "mardi mercredi jeudi vendredi bloomberg reuters ft financial times techcrunch cnbc "
    "information sifted axios afp wsj journal europe european france french paris london us "
    "u.s. uk usa america american germany german canada canadian china chinese japan italy "
    "spain sweden silicon valley emirats dubai ceo pdg cto cfo président president founder "
    "fondateur co-founder cofondateur series série seed round tour ia ai intelligence "
    "artificielle artificial intelligence gpu api source sources news business insider tech "
    "french tech startup start-up we you i nous vous je our notre they ils "
    # Currency codes before a figure ("valued at CHF 90m") are not names.
    "chf eur usd gbp cad aud jpy cny inr sek nok dkk sgd hkd brl mxn zar nzd ils aed sar krw "
    "pln kes ngn rs ksh "
)

_GENERIC_CO_RE = re.compile(
    r"\b(?:la\s+(?:jeune\s+)?(?:start-?up|startup|pousse|pepite|societe|firme|licorne|scale-?up|compagnie)|"
    r"l'entreprise|l['’]entreprise|le\s+(?:groupe|champion)|"
    r"the\s+(?:ai\s+)?(?:company|start-?up|firm|business|group|unicorn|lab)|"
    r"(?:paris|london|munich|berlin)-based\s+(?:start-?up|firm|company)|"
    # First person in a founder's quote: "We raised $20 million in our Series A".
    r"we|our|nous|notre)\b"
)
_PRONOUN_RE = re.compile(r"(?<![\w'’-])(?:it|elle|it's|its)(?![\w'’-])")
_DESCRIPTOR_RE = re.compile(
    rf"\b(?:start-?ups?|startup|company|firm|rival|competitor|concurrent|soci[ée]t[ée]|entreprise|"
    rf"maker|developer|lab|laboratoire|p[ée]pite|licorne|unicorn|fabricant|[ée]diteur|firme|"
    # "the lab behind the Corvid models", "the maker of the Aria chatbot": a product, not a company.
    rf"jeune\s+pousse|scale-?up)(?:\s+(?!by\b|par\b|behind\b|of\b|for\b|with\b|that\b|which\b)[a-zà-ÿ-]+)"
    rf"{{0,3}}?\s+({_NAME})"
)
_SUBJECT_VERBS = (
    "(?:"
    + "|".join(dict.fromkeys(v for code in LANGS for v in lexicon.load(code)["raise_verbs_surface"]))
    + r")\b"
)
_SUBJECT_VERB_RE = re.compile(
    rf"({_NAME})(?:['’]s)?\s*(?:,[^,]{{1,90}},\s*)?"
    r"(?:(?:has|have|had|a|avait|qui|also|just|recently|récemment|vient|de|d['’]|then|aussi|déjà|already"
    r"|était|est|was|is|n['’]a|previously|earlier|initially|first|précédemment|auparavant|été|been)\s+){0,4}"
    # "Anthropic last week closed", "OpenAI au printemps a levé": a time or manner adverbial between
    # subject and verb (``adverbials_surface`` of the lexicons), never an arbitrary phrase.
    r"(?:,?\s*(?:"
    + "|".join(a for code in LANGS for a in lexicon.load(code)["adverbials_surface"])
    + r"),?\s+){0,2}"
    r"(?:(?:has|have|had|a|avait|est|was|is|a\s+été|has\s+been|été)\s+)?" + _SUBJECT_VERBS
)
# Every _SUBJECT_VERB_RE match ends with one of the verbs: without one, the costly name scan is skipped.
_SUBJECT_VERB_GATE_RE = re.compile(_SUBJECT_VERBS)
_TARGET_RE = re.compile(
    rf"\b(?:dans|in|into|chez|to)\s+(?:(?:la|le|l['’]|the)\s+)?(?:(?:start-?up|startup|soci[ée]t[ée]|"
    rf"company|firm|entreprise|jeune\s+pousse)\s+(?:[a-zà-ÿ-]+\s+){{0,2}})?({_NAME})"
)
_POSSESSIVE_RE = re.compile(rf"({_NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}(?:round|raise|funding|valuation|deal)")
_OF_NAME_RE = re.compile(
    rf"\b(?:celle|celui|ceux|levée|lev[ée]e|valorisation|valuation|round|tour\s+de\s+table)\s+"
    rf"(?:d['’]\s?|de\s+|of\s+)({_NAME})"
)
# "The round values Bellwright at $450M", "l'opération valorise implicitement Ludo à 200 M€": the object
# of "values" is the company whose worth the figure is.
_VALUES_OBJECT_RE = re.compile(
    r"(?i:\b(?:values|valued|valuing|valorise|valorisent|valorisait|valorisant|valoriserait|evalue|évalue)\s+"
    r"(?:(?:implicitement|implicitly|d[ée]sormais|now|also|aussi|ainsi|thus)\s+)?)"
    rf"({_NAME})"
)
_VALUES_GATE_RE = re.compile(r"(?i:valu|valoris|[ée]valu)")
# "a $65 million Series C round for Kettle", "le tour de table pour Kettle": whose round it is.
_ROUND_FOR_RE = re.compile(
    r"(?i:\b(?:round|funding|financing|raise|investment|series\s+[a-h]|s[ée]rie\s+[a-h]|seed|"
    r"tour(?:\s+de\s+table)?|lev[ée]e(?:\s+de\s+fonds)?|financement|amor[çc]age)\s+(?:for|pour)\s+)"
    rf"({_NAME})"
)
_INVEST_IN_RE = re.compile(
    rf"\b(?:invest\w*|investissements?|stakes?|participation|bet|pari)\b[^.;]{{0,60}}?\b(?:dans|in|into)\s+({_NAME})"
)
_APPOSITIVE_RE = re.compile(rf"({_NAME}),\s*$")
# "Avant son entrée en Bourse, la société ...": a name ending a prepositional phrase is no appositive.
_PREP_BEFORE_RE = re.compile(r"\b(?:en|in|at|on|à|a|au|aux|sur|dans|vers|to|into)\s+$")
# Other companies introduced in passing: "Corvane, valorisée 6 Md€", "Gridmoor (valued at $30bn)",
# "Quarrel, which had raised $8m", "Quarrel, a start-up that had raised $8m".
_PASSING_NAME_RE = re.compile(
    rf"({_NAME})\s*(?:,\s*|\(\s*)(?:(?:which\s+is|qui\s+est|now|desormais|désormais|already|déjà|"
    rf"itself|elle-même|lui-même|recently|récemment)\s+)?"
    rf"(?:valued|valorisée?s?|évaluée?s?|worth|estimated|estimée?s?)\b"
    rf"|({_NAME}),\s+(?:which|who|qui)\s+(?:(?:had|has|a|avait)\s+)?(?:\w+\s+)?"
    rf"(?:raised|secured|closed|landed|levé|obtenu|récolté|bouclé)\b"
    rf"|({_NAME})\s*\((?=\s*(?:[$€£¥₩]|[A-Z]{{3}}\s?)?\d)"
    rf"|({_NAME}),\s+(?:a|an|une?|the|la|le)\s+(?:[\w-]+\s+){{0,4}}?(?:start-?up|startup|company|firm|"
    rf"société|entreprise|jeune\s+pousse|rival|competitor|concurrent)\s+(?:that|which|qui)\b"
)
_VENTURE_NOUN = (
    r"(?:(?:new|nouvelle|nouveau|own|propre|jeune|young|ai|ia)\s+){0,2}"
    r"(?:start-?up|company|venture|firm|soci[ée]t[ée]|entreprise|jeune\s+pousse|lab|laboratoire|p[ée]pite)"
)
_BY_NAME_RE = re.compile(
    r"^\W{0,3}(?:(?:lev[ée]e?s?|raised|r[ée]colt[ée]e?s?|obtenue?s?|secured|re[çc]u(?:e|s|es)?|received)\s+)?"
    # "$65 million Series C round for Kettle": the round's own words may come first.
    r"(?i:(?:(?:series|s[ée]rie)\s+[a-h]\s+|(?:pre-?)?seed\s+|growth\s+|equity\s+)?"
    r"(?:(?:funding|financing|investment|venture)\s+)?(?:round|tour(?:\s+de\s+table)?|raise|funding|financing|"
    r"lev[ée]e(?:\s+de\s+fonds)?)\s+(?=for\b|pour\b))?"
    rf"(?:par|by|pour|for)\s+(?:(?:sa|son|his|her|its|their|leur)\s+(?:{_VENTURE_NOUN}\s*,?\s*)?)?({_NAME})"
)
# "the $500 million rival Ombrel landed", "les 200 M€ qu'Ombrel a levés": the figure is the object of
# another company's raise.
_OBJECT_REL_RE = re.compile(
    r"^[ \u00a0]*(?:(?:round|raise|funding|tour|lev[ée]e)\s+)?(?:that|which|qu['’]|que\s+)?\s*"
    r"(?:(?:its|their|son|sa|leur)\s+)?(?:(?:rival|competitor|concurrent|peer)\s+)?"
    rf"({_NAME})\s+(?:(?:has|had|have|a|avait|just|recently|vient\s+de|also|aussi)\s+)*"
    r"(?:raised|landed|secured|closed|bagged|pulled\s+in|lev[ée]s?|lever|obtenus?|r[ée]colt[ée]s?|boucl[ée]s?)\b"
)
# "raised $2bn for her new startup, Lumio": the money belongs to the venture, not to its founder.
_FOR_VENTURE_RE = re.compile(
    rf"\b(?:for|pour)\s+(?:sa|son|his|her|their|leur)\s+{_VENTURE_NOUN}\s*,?\s*({_NAME})"
)
_PERSON_TITLE_RE = re.compile(
    r"(?:\b(?:ceo|founder|co-?founder|cofondat\w+|fondat\w+|former|ancien\w*|dirigeant\w*|executive|"
    r"chief|patron\w*|pdg|directeur|directrice|pr[ée]sident\w*|chairman|chairwoman|billionaire|"
    r"milliardaire|entrepreneur\w*|m\.|mme|mr\.?|mrs\.?|ms\.?|dr\.?)"
    r"(?:\s+(?:of|de|d'|du|at|chez)?\s*[A-Z][\w&.-]*){0,3}\s*,?\s*)$",
    re.IGNORECASE,
)
_GENDERED_RE = re.compile(r"\b(?:she|he|her|his|him)\b")
_LEADISH_RE = re.compile(
    r"(?:led|men[ée]e?|dirig[ée]e?|orchestr[ée]e?|pilot[ée]e?|soutenue?|backed|advised|conseill[ée]e?)\s*$"
)
# "Altheon, qui revendique ..., avait racheté Boxeo": the subject is the name before the relative clause.
_SENT_SUBJECT_RE = re.compile(
    # "De son côté OpenAI ...", "By contrast, Pelvo ...": a contrast opener hands the topic to that name.
    r"^(?P<contrast>(?i:de\s+son\s+c[ôo]t[ée]|pour\s+sa\s+part|quant\s+[àa]\s+elle|meanwhile|for\s+its\s+part|"
    r"en\s+revanche|by\s+contrast|in\s+contrast|par\s+contraste|[àa]\s+l['’]inverse|par\s+comparaison|"
    r"by\s+comparison),?\s+)?"
    rf"(?:[^,]{{0,40}},\s*)?(?P<subj>{_NAME})(?:\s*,\s*(?:qui|which|who)\s[^,;:()]{{3,140}},)?\s+(?=[a-zà-ÿ])"
)

# Kind vocabulary, matched on folded (lower-case, accent-free) text.
_KW_VALUATION = (
    r"valoris\w*|valuations?|valued|values|value|valuing|valeur|worth|vaut|valait|vaudrai\w*|evalue\w*|"
    r"post-money|pre-money"
    r"|decacorne"
)
# Raise cues every language shares; the others come from the language's lexicon (``lexicons/<lang>.json``)
# so that a French noun ("tour", "cycle") never reads an English "concert tour" or "upgrade cycle" as a raise.
_KW_ROUND_SHARED = (
    r"series\s+[a-h]|serie\s+[a-h]|seed|extension|convertibles?|closing|first\s+close|"
    r"crowdfunding|crowd-?equity|equity\s+crowdfunding"
)


def _alternation(key: str, lang: str | None) -> str:
    langs = (lang,) if lang in LANGS else LANGS
    return "|".join(dict.fromkeys(w for code in langs for w in lexicon.load(code)[key]))


_KW_TOTAL = (
    r"au\s+total|in\s+total|to\s+date|a\s+ce\s+jour|jusqu'ici|jusqu'a\s+present|so\s+far|en\s+tout|"
    r"depuis\s+sa\s+(?:creation|fondation|naissance)|depuis\s+son\s+lancement|since\s+(?:its\s+)?"
    r"(?:founding|inception|launch|creation|start)|since\s+(?:it\s+was\s+|being\s+)?(?:founded|launched|created)|"
    r"depuis\s+(?:sa|son)\s+(?:creation|fondation|lancement|debuts?)|total|cumul\w*|overall|altogether|in\s+all|"
    r"pour\s+l'instant|pour\s+le\s+moment|a\s+ce\s+stade|thus\s+far|until\s+now|jusqu'a\s+maintenant"
)
_KW_NONFUNDING = (
    r"chiffre\s+d'affaires|revenu\w*|revenue\w*|arr|acv|mrr|sales|ventes|benefices?|profits?|pertes?|"
    r"losses|loss|depens\w*|spend\w*|spent|couts?|costs?|budgets?|factures?|bills?|parametres|parameters|"
    r"capex|capital\s+(?:expenditures?|spending)|depenses\s+d'investissement|data\s+cent(?:er|re)s?|datacenters?|centres?\s+de\s+donnees|salaires?|salary|salaries|prix|"
    r"price\w*|market\s+(?:size|cap\w*)|taille\s+du\s+marche|marche|acquisition\w*|acquir\w+|rachat|"
    r"rachete\w*|buyout|stakes?|subventions?|grants?|programme|program|strategy|strategie|amendes?|fines?|"
    r"penalty|contrat|contract|commandes?|orders?|employees|salaries|users|utilisateurs|gpus?|"
    r"capitalisation\s+boursiere|chiffre|turnover|ebitda|deficit|burn|manages|managing|gere|gerant|"
    r"sous\s+gestion|under\s+management|actifs|assets|aum|fund|aides?|subsid(?:y|ies|ised|ized)|targets?|"
    r"capitalisation|capitalization|market\s+value|gross\s+(?:merchandise|transaction|booking)s?\s+"
    r"(?:value|volume)|gmv|gtv|volume\s+d'affaires"
)
_KW_DEBT = (
    r"dettes?|debt|emprunts?|loans?|prets?(?!\s+a\b)|credit\s+facility|credit\s+lines?|lines?\s+of\s+credit|"
    r"facilit(?:y|ies)|"
    r"lignes?\s+de\s+credit|obligations?(?!\s+convertibles?)|bonds?|financements?\s+par\s+emprunt|revolving|"
    r"non[\s-]dilutif\w*|non[\s-]dilutive|avances?\s+remboursables?|repayable\s+advances?"
)


@functools.cache
def _kind_re(lang: str | None) -> re.Pattern[str]:
    """What a figure measures, from the words around it, in the lexicon of ``lang`` (None: every lexicon)."""
    return re.compile(
        rf"(?<![\w-])(?:(?P<val>{_KW_VALUATION})|(?P<debt>{_KW_DEBT})|(?P<non>{_KW_NONFUNDING})|"
        rf"(?P<inv>{_alternation('invest_verbs', lang)})|"
        rf"(?P<round>{_KW_ROUND_SHARED}|{_alternation('raise_cues', lang)}))(?![\w'])"
    )


@functools.cache
def _invested_left_re(lang: str | None) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation('invest_verbs', lang)})\s+(?:[\w'-]+\s+){{0,3}}$")


_TOTAL_RE = re.compile(rf"(?<![\w])(?:{_KW_TOTAL})(?![\w'])")
_ALREADY_RE = re.compile(r"\b(?:deja|already)\b")
_COMPONENT_RE = re.compile(
    r"^[\s,;(]*(?:dont|of\s+which|including|among\s+which|parmi\s+lesquels|y\s+compris)\s*[^\w]*$"
)
_ROUNDISH_RE = re.compile(r"\b(?:tour|round|levee|serie|series|seed|amorcage|cycle|financement|funding)\b")

_RUMOUR_RE = re.compile(
    r"\b(?:in\s+(?:early\s+|advanced\s+|preliminary\s+)?(?:talks|discussions|negotiations)|"
    r"(?:is|are|was|were)\s+(?:seeking|raising|looking\s+to|planning\s+to|aiming\s+to|poised\s+to|set\s+to|expected\s+to|"
    r"in\s+the\s+process)|seeks\s+to|looking\s+to\s+raise|plans\s+to\s+raise|aims\s+to\s+raise|"
    r"would|could|might|may\s+(?:raise|value)|rumou?r\w*|slated\s+to|"
    r"en\s+(?:pleine\s+)?(?:discussions?|negociations?|pourparlers)|sur\s+le\s+point\s+d(?:e|')|"
    r"envisag\w+|devrai\w+|pourrai\w+|serai\w+|aurai\w+|s'appret\w+|projette|cherche\s+a\s+lever|"
    r"negoci(?:e|ent|ait|aient|er)|aiming\s+to|aims\s+to|hop(?:es|ing)\s+to\s+raise|eyeing|targeting\s+a|"
    r"in\s+the\s+market\s+for|(?:is|are)\s+said\s+to\s+be|discuss(?:es|ing)\s+(?:a|an|raising)|"
    r"cherch\w+\s+a\s+(?:lever|obtenir|recolter)|vis(?:e|ent|ait)\s+(?:une|a\s+lever)|"
    r"compte\s+lever|prevoit\s+de\s+lever|\w+erai(?:t|ent)|\w+irai(?:t|ent)|"
    # "is lining up investors for a round", "sonde des investisseurs": a raise being put together.
    r"(?:is|are)\s+(?:lining\s+up|courting|sounding\s+out|canvassing|approaching|tapping)\s+"
    r"(?:\w+\s+)?(?:investors|backers|funds)|(?:sonde|demarche|courtise)\w*\s+(?:des|de)\s+"
    r"(?:\w+\s+)?(?:investisseurs|fonds))\b"
)
_REPORTED_RE = re.compile(
    r"\b(?:selon|d'apres|according\s+to|citee?s?\s+par|reported\w*|reports|rapporte\w*|revel\w+|"
    # "open-source", "open source", "single-source" describe software or supply, not an informant.
    r"(?<![\w-])(?<!open\s)sources?(?!-)|people\s+(?:familiar|with\s+knowledge|close)|familiar\s+with|knowledge\s+of|"
    r"said\s+to|estime\w*|estimates?|reportedly|affirme\s+le|indique\s+le\s+(?:ft|journal)|"
    r"(?:the|these|those|two|three|several)\s+(?:people|persons|sources)\s+(?:said|say|added|told)|"
    r"(?:has|have|had)\s+learn[td]|(?:a|ont|avait)\s+appris|seen\s+by|consult\w+\s+par)\b"
)
_OFFICIAL_SOURCE_RE = re.compile(
    r"\b(?:according\s+to|selon|d'apres)\s+(?:a|the|its|un|une|le|la|son|sa)?\s*"
    r"(?:regulatory\s+)?(?:filing|statement|press\s+release|communique|announcement|company|societe|"
    r"entreprise|document(?!s?\s+(?:seen|obtained|reviewed|viewed|consult\w+|obtenu\w*|examin\w+)\b))"
)
_BACKGROUND_RE = re.compile(
    r"\b(?:avai(?:t|ent)|had\s+(?:raised|been|secured|closed|received)|previously|precedemment|"
    r"auparavant|last\s+(?:year|month|week|spring|summer|fall|autumn|winter|january|february|march|april|"
    r"may|june|july|august|september|october|november|december)|l'(?:an|annee)\s+derniere?|"
    r"(?:printemps|ete|automne|hiver|mois)\s+dernier|earlier\s+this\s+year|a\s+l'epoque|at\s+the\s+time|"
    r"il\s+y\s+a|ago|last\s+raised|apres\s+(?:son|sa|les?)\s+(?:dernier|derniere|precedent)|precede\w*|"
    r"lors\s+de\s+(?:sa|son)\s+(?:precedent|derniere?\s+(?:levee|tour))|"
    r"its\s+(?:previous|last|prior)|(?:previous|prior|earlier)\s+(?:round|valuation|raise|funding)|"
    r"(?:following|after|apres|suite\s+a)\s+(?:its|their|son|sa|ses|leur)|"
    r"from\s+the\s+company's\s+tender|separate)\b"
)
# A dated figure is old news when the text also speaks of a later year ("en 2023" in a 2025 article).
_DATED_RE = re.compile(
    r"\b(?:in|en|fin|debut|early|late|mid|end\s+of)\s+(?:(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
    r"septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+)?((?:19|20)\d\d)\b"
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# The right side of a figure stops where another clause starts: ", following its Series A in March".
_CLAUSE_END_RE = re.compile(
    r"[,;(]|\s[-–—]\s|\b(?:after|following|apres|suite\s+a|since|depuis|which|qui|when|while|alors|but|mais)\b"
)

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
    rf"(?P<names>{_NAME}(?:\s*\([^)]*\))?(?:\s*(?:,|and|et|&)\s*{_NAME}){{0,8}})\s+(?:(?:a|ont|has|have|which|qui)\s+)?"
    r"(?:led|co-led|leads|menant|mène|a\s+mené|ont\s+mené|en\s+t[êe]te|à\s+la\s+t[êe]te)\b"
)
_PARTICIPANT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:with\s+participation\s+(?:from|of)|participation\s+de|aux\s+côtés\s+d[e'’]|alongside|"
        r"including|incluant|notamment|investors?\s+(?:also\s+)?(?:include|includes|included|are|were)|"
        r"investisseurs\s+(?:comprennent|incluent|sont)|tels?\s+qu[e'’]|telles?\s+qu[e'’]|such\s+as|like|comme|"
        r"parmi\s+lesquels|among\s+them|auprès\s+d(?:es\s+fonds|e|'|’|u\s+fonds)|from\s+(?:investors\s+)?"
        r"(?:including\s+)?|avec\s+la\s+(?:contribution|participation)\s+de|figurent|figure|"
        r"joined\s+by|rassemble|réunit|backed\s+by|soutenue?\s+par)\s*(?P<names>.+)",
        re.IGNORECASE,
    ),
)
_PARTICIPANT_BEFORE_RE = re.compile(
    rf"(?P<names>{_NAME}(?:\s*(?:,|and|et|&|ainsi\s+que)\s*{_NAME}){{0,8}})\s+(?:(?:have|has|ont|a)\s+)?"
    r"(?:also\s+|également\s+|aussi\s+)?(?:participated|participé|joined|took\s+part|pris\s+part)"
)
_NAME_STOP_RE = re.compile(
    r"\s(?:to|pour|afin|which|who|qui|that|in\s+(?:a|the)\s|dans\s+le|lors|after|après|at\s+a|à\s+une|"
    r"for|with|avec|aux\s+côtés|alongside|including|incluant|notamment|in\s+(?:19|20)\d\d|en\s+(?:19|20)\d\d|"
    r"from\s+(?:germany|italy|belgium|france|the|spain)|et\s+d['’]investisseurs|"
    r"portant|propulsant|giving|bringing|valuing|at\s+\$|indique|said|a\s+déclaré)\b|[;:!?»«\"“]",
    re.IGNORECASE,
)
_LIST_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|\bet\b|\bou\s+encore\b|\bou\b|\bor\b|\bainsi\s+que\b)\s*")
_TITLE_WORDS = _wordset(
    "ceo cto cfo coo pdg président president chairman founder fondateur co-founder cofondateur "
    "former ancien ex patron directeur head boss billionaire milliardaire "
)
_NATIONALITY = _wordset(
    "french française français american américain américaine german allemand allemande british "
    "britannique italian italien belgian belge dutch néerlandais japanese japonais chinese "
    "chinois european européen européenne us u.s. uk state-backed "
)


# --------------------------------------------------------------------------- per-document state


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
    text: str = ""
    lang: str | None = None
    has_money: list[bool] = field(default_factory=list)
    company_topic: str = "entity"
    subject: str = "entity"
    lead: str | None = None  # the first company the text speaks of
    _described: set[str] | None = None
    _latest_year: int | None = None
    _reported: dict[int, bool] = field(default_factory=dict)
    _official: dict[int, bool] = field(default_factory=dict)

    @property
    def latest_year(self) -> int:
        """The latest year the raw text mentions (0 if none); computed on first use."""
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

    def descriptor_named(self, name: str) -> bool:
        """Whether the text calls ``name`` a company somewhere ("rival Corvane", "la start-up X")."""
        if self._described is None:
            self._described = {
                fold(m.group(1)) for s in self.sentences for m in _DESCRIPTOR_RE.finditer(s.text)
            }
        return name in self._described


def _is_entity_name(name: str, entity_re: re.Pattern[str]) -> bool:
    folded = fold(name)
    m = entity_re.search(folded)
    return m is not None and m.start() == 0


def _plausible_company(name: str) -> bool:
    words = fold(name).split()
    if not words or re.match(r"^(?:l|d|qu|j|n|s|c)['’]", words[0]):
        return False
    if words[0] in ("series", "serie", "seed", "round", "tour", "pre-seed", "extension", "bridge"):
        return False
    if all(w.strip(".,'’") in _NOT_COMPANIES for w in words):
        return False
    return not (len(words) == 1 and words[0] in _NOT_COMPANIES)


# A roundup line that opens with its company: "• Lumen Agri (agritech, Angers) – 3,2 M€ en amorçage",
# "- Vexon: $8M Series A", "2. Quantaé (informatique quantique) : 100 M€", "Brightclass, $220m Series D".
_LINE_HEAD_RE = re.compile(
    rf"^(?P<bullet>[•*·▪►‣◦–—-]\s*|\d{{1,2}}[.)]\s+)?(?P<name>{_NAME})\s*(?:\([^()]{{0,80}}\)\s*)?"
    r"(?P<sep>[:–—-]|,(?=\s*(?:[$€£]|(?:US|C|A|CA|AU)\$|\d)))\s*"
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
    markers: list[_Owner] = []
    for m in entity_re.finditer(low):
        if _ALUMNI_LEFT_RE.search(low, max(0, m.start() - 40), m.start()):
            # "founded by three veterans of Pixelforge": the people's former employer owns nothing here.
            continue
        markers.append(_Owner("entity", "entity", m.start(), m.end()))
    if head is not None and not any(
        o.start < head.end("name") and head.start("name") < o.end for o in markers
    ):
        name = head.group("name")
        owner = "entity" if _is_entity_name(name, entity_re) else "other"
        markers.append(
            _Owner(owner, "entity" if owner == "entity" else fold(name), head.start("name"), head.end("name"))
        )

    def overlaps(start: int, end: int) -> bool:
        return any(o.start < end and start < o.end for o in markers if o.kind == "entity")

    # The name-first patterns only run when the words they end with are present (exact shortcuts).
    has_verb = _SUBJECT_VERB_GATE_RE.search(sent) is not None
    has_possessive = "'s" in sent or "’s" in sent
    has_values = _VALUES_GATE_RE.search(low) is not None
    has_for = " for " in low or " pour " in low
    for pattern in (
        _DESCRIPTOR_RE,
        _SUBJECT_VERB_RE,
        _POSSESSIVE_RE,
        _OF_NAME_RE,
        _VALUES_OBJECT_RE,
        _ROUND_FOR_RE,
    ):
        if (
            (pattern is _SUBJECT_VERB_RE and not has_verb)
            or (pattern is _POSSESSIVE_RE and not has_possessive)
            or (pattern is _VALUES_OBJECT_RE and not has_values)
            or (pattern is _ROUND_FOR_RE and not has_for)
        ):
            continue
        for m in pattern.finditer(sent):
            start, end = m.start(1), m.end(1)
            name = m.group(1)
            elided = _ELIDED_ADJ_RE.match(name)
            if elided:
                # "L'italien Pedalo a levé": the name follows the elided article and its adjective.
                start += elided.end()
                name = name[elided.end() :]
            if overlaps(start, end) or not _plausible_company(name):
                continue
            if _FIGURE_NOUN_LEFT_RE.search(sent, max(0, start - 30), start):
                # "aux 312 M€ d'ACV décroche ...": the word after a figure is what it counts, not a company.
                continue
            if _is_entity_name(name, entity_re):
                markers.append(_Owner("entity", "entity", start, end))
                continue
            left = sent[max(0, start - 30) : start]
            if _LEADISH_RE.search(fold(left).rstrip().removesuffix("par").removesuffix("by").rstrip()):
                continue
            if _FOUNDED_BY_LEFT_RE.search(fold(left)):
                # "La legaltech fondée par Anne Morel a été valorisée ...": the founder is not the company.
                continue
            markers.append(_Owner("other", fold(name), start, end))
    for m in _INVEST_IN_RE.finditer(sent):
        name = m.group(1)
        if overlaps(m.start(1), m.end(1)) or not _plausible_company(name):
            continue
        owner = "entity" if _is_entity_name(name, entity_re) else "other"
        markers.append(
            _Owner(owner, "entity" if owner == "entity" else fold(name), m.start(1), m.end(1), target=True)
        )
    om = _FOUNDED_OPENER_RE.match(sent) if "," in sent else None
    for m in _GENERIC_CO_RE.finditer(low):
        if overlaps(m.start(), m.end()):
            continue
        # "Mistral AI, le champion français ..., dont la valorisation": the noun names the company before it.
        appos = _APPOSITIVE_RE.search(sent, max(0, m.start() - 60), m.start())
        if (
            appos
            and (om is None or appos.end(1) >= om.end())
            and _plausible_company(appos.group(1))
            and not _PREP_BEFORE_RE.search(sent, max(0, appos.start() - 12), appos.start())
        ):
            name = appos.group(1)
            owner = "entity" if _is_entity_name(name, entity_re) else "other"
            markers.append(_Owner(owner, "entity" if owner == "entity" else fold(name), m.start(), m.end()))
            continue
        markers.append(_Owner("generic", "", m.start(), m.end()))
    for m in _PRONOUN_RE.finditer(low):
        markers.append(_Owner("pronoun", "", m.start(), m.end()))
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


_FOUNDED_BY_LEFT_RE = re.compile(
    r"\b(?:fondee?s?|cofondee?s?|co-fondee?s?|founded|co-?founded|creee?s?|created|started|launched|lancee?s?|"
    r"dirigee?s?|run|headed)\s+(?:en\s+\d{4}\s+|in\s+\d{4}\s+)?(?:par|by)\s+$"
)
_FIGURE_NOUN_LEFT_RE = re.compile(r"(?:\d|[€$£%])\s*(?:d['’]\s?|de\s+|of\s+)$")
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
    r"\s+(?:(?:vient|viennent)\s+de\s+lever|ont\s+(?:\w+\s+)?(?:leve|recolte|obtenu|attire)|a\s+leve|"
    r"(?:has|have|had|just|recently|collectively)\s+(?:\w+\s+)?raised|raised)\b"
)


def _resolve(marker: _Owner, doc: _Doc, earlier: Sequence[_Owner] = ()) -> str:
    """Who a marker denotes; "the company"/"it" is the last company named earlier in the sentence,
    else the topic (generic noun) or the previous subject (pronoun)."""
    if marker.kind == "entity":
        return "entity"
    if marker.kind == "other":
        return marker.name
    for prior in reversed(earlier):
        if prior.kind == "entity":
            return "entity"
        if prior.kind == "other":
            return prior.name
        if prior.kind == "generic" and marker.kind == "pronoun":
            # "The company was valued at ... when it raised ...": "it" is the company just spoken of.
            return doc.company_topic
    if marker.kind == "generic":
        return doc.company_topic
    return doc.subject


_COORDINATION_RE = re.compile(r"[,;]|\b(?:and|et|as\s+well\s+as|ainsi\s+que|puis|then)\b")


def _invest_target(sent: str, low: str, mention: MoneyMention, doc: _Doc) -> str | None:
    """Owner named right after an investor's ticket: "invests €15M in the start-up"."""
    right = sent[mention.end : mention.end + 90]
    m = _TARGET_RE.search(right)
    if m and m.start() < 45 and not _COORDINATION_RE.search(right, 0, m.start()):
        name = m.group(1)
        if _is_entity_name(name, doc.entity_re):
            return "entity"
        if _plausible_company(name) and fold(name) not in ("it", "elle"):
            return fold(name)
    low_right = low[mention.end : mention.end + 60]
    if m is not None and m.start() < 45:
        # "... lors de sa série A de 15 M€ en 2024, et dans Corail": the next conjunct's target.
        return None
    gm = re.match(
        r"^[^,.;]{0,40}?\b(?:dans|in|into|to|chez)\s+(?:(?:la|le|l'|the|cette|this)\s+)?"
        r"(?:(?:jeune\s+)?(?:start-?up|startup|pousse|societe|company|firm|entreprise|pepite)|it|elle|them)\b",
        low_right,
    )
    if gm:
        return doc.company_topic if "it" not in gm.group(0).split() else doc.subject
    return None


def _kind_of(
    low: str, mention: MoneyMention, prev_end: int, next_start: int, lang: str | None = None
) -> tuple[str | None, str]:
    """(category, keyword) deciding what a figure measures; category None when nothing says."""
    right_limit = min(next_start, mention.end + 40)
    right = low[mention.end : right_limit]
    raw_right = " ".join(right.split())
    cut = re.search(
        r"[,;.:()\]—–]|\s-\s|\b(?:aupres|apres|after|avant|before|following|suite|lors|when|quand|sur|at|avec|with|et|and|"
        r"from|by|par|pour|for|including|y\s+compris|excluding|hors|which|qui|that|not)\b",
        right,
    )
    if cut:
        right = right[: cut.start()]
    # Only the words right after the figure qualify it ("a $235-million funding round").
    right = " ".join(right.split()[:4])
    left = low[prev_end : mention.start]
    near_left = left[-50:]
    if _NOT_PRIVATE_RIGHT_RE.match(raw_right) or _COMBINED_RE.search(near_left):
        # "raised $180 million in an initial public offering", "$1.4 billion below the 2021 mark",
        # "a deal that values the combined company at $2.4 billion": not a private round or valuation.
        return "non", ""
    if _CLASS_VALUED_RE.search(near_left):
        # "le club des start-up valorisées plus d'un milliard", "startups valued at over $1bn": a threshold
        # that defines a class of companies, not one company's valuation.
        return "non", ""
    if _THIS_ROUND_RIGHT_RE.match(low, mention.end):
        # "Soit un total de 16 M€ pour cette série A": the sum of a round's steps is the round.
        return "round", ""
    hm = _NON_HEAD_RE.search(near_left) or _RESEARCH_RIGHT_RE.match(low, mention.end, mention.end + 90)
    if hm:
        # "une aide de 10 M€ obtenue", "son objectif initial de 500 000 euros", "a grant of $2m",
        # "l'usine représente un investissement de 150 M€": the figure measures a grant, a target or capex.
        return "non", hm.group(0)
    vm = _VALUED_AT_RE.search(near_left)
    if (
        vm
        and vm.group(0).startswith(("valued ", "evalue ", "evaluee "))
        and _DEAL_VALUED_RE.search(near_left, 0, vm.start())
    ):
        # "a deal with Meta reportedly valued at over $100 million": the worth of an agreement.
        return "non", vm.group(0)
    if vm:
        # "was valued at $2.5 billion in a funding round": the figure is the valuation, not the round.
        return "val", vm.group(0)
    if _WORTH_OF_RE.match(right):
        # "orders for $60 million worth of boilers": an amount of goods, not what a company is worth.
        return "non", "worth of"
    kind_re = _kind_re(lang)
    rm = kind_re.search(right)
    if rm and rm.lastgroup is not None:
        if rm.lastgroup in ("round", "inv") and _secondary(near_left, right):
            return "non", rm.group(0)
        return rm.lastgroup, rm.group(0)
    if _secondary(near_left, right) or _FUND_SIZE_RE.search(near_left):
        # "let staff sell up to $500 million of stock", "clôture son deuxième fonds à 300 M€".
        return "non", ""
    best: re.Match[str] | None = None
    for lm in kind_re.finditer(left):
        best = lm
    if best is not None and best.lastgroup is not None:
        before = left[max(0, best.start() - 60) : best.start()]
        if best.lastgroup == "round" and _FUND_SUBJECT_RE.search(before):
            # "whose last fund raised $1.2bn", "le fonds a levé 300 M€": an investor's own fund.
            return "non", best.group(0)
        if best.lastgroup == "round" and _BASIS_WORD_RE.search(before):
            # "une valorisation avant investissement de 400 M€": the raise only qualifies the valuation.
            return "val", best.group(0)
        thing_value = best.lastgroup == "val" and best.group(0) in ("valeur", "value", "worth")
        if thing_value and _round_noun_re(lang).search(before):
            # "a funding round worth $50 million", "une levée d'une valeur de 12 M€": the size of the round.
            return "round", best.group(0)
        if thing_value and (_PROJECT_RE.search(before) or _DEAL_RE.search(before)):
            # "un campus d'une valeur de 1,5 Md€" is the price of a thing, not of the company.
            return "non", best.group(0)
        if best.group(0) in ("worth", "vaut", "valait") and _thing_subject(before, lang):
            # "the upgrade cycle to be worth $900 million": what is worth it is a thing, not a company.
            return "non", best.group(0)
        return best.lastgroup, best.group(0)
    return None, ""


_VALUED_AT_RE = re.compile(
    r"\b(?:valued|valuing|values|valoris\w*|evalue\w*|valuation|valorisation)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:at|a|of|de|d')\s*(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|environ|pres\s+de|"
    r"plus\s+de|quelque|autour\s+de)\s+)?$"
)
# The agreement itself is what is valued: "a deal with Meta reportedly valued at", "un contrat évalué à".
_DEAL_VALUED_RE = re.compile(
    r"\b(?:deals?|agreements?|contracts?|partnerships?|orders?|accords?|contrats?|partenariats?|commandes?|"
    r"acquisitions?|rachats?)(?:\s+(?:with|avec)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)?"
    r"\s+(?:(?:reportedly|said\s+to\s+be|estimated|is|was|est|etait|a\s+ete|serait)\s+)?$"
)
_CLASS_VALUED_RE = re.compile(
    r"\b(?:(?:start-?ups?|entreprises|societes|licornes|pousses|scale-?ups|acteurs)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:valorise(?:e)?s|evalue(?:e)?s)|(?:start-?ups|startups|companies|firms|unicorns|scale-?ups|players)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:valued|worth))\s+(?:at\s+|a\s+)?(?:plus\s+d'|plus\s+de|more\s+than|over|above|"
    r"au\s+moins|at\s+least|upwards\s+of)\s*(?:un\s+|une\s+|a\s+|an\s+)?$"
)
_THIS_ROUND_RIGHT_RE = re.compile(
    r"\s*(?:pour|for|in|dans)\s+(?:cette|ce|cet|this|its|sa|son)\s+(?:(?:nouvelle?|new|latest|derniere?)\s+)?"
    r"(?:serie|series|tour|levee|round|operation|financement|funding|seed|amorcage)\b"
)
_NON_HEAD_RE = re.compile(
    r"\b(?:(?:aides?|subventions?|dotations?|grants?|objectifs?|targets?|goals?)(?:\s+[\w-]+){0,2}?|"
    r"(?:represente\w*|represent(?:s|ed|ing)?|necessit\w+|requiert|require[sd]?|cout\w*|cost(?:s|ing)?)\s+"
    r"(?:un|an)\s+(?:investissement|investment)(?:\s+(?:total|global|industriel|overall|total))?)"
    r"\s+(?:de|d'|of)\s*(?:(?:about|around|nearly|almost|more\s+than|over|environ|pres\s+de|plus\s+de)\s+)?$"
)
# "a obtenu 2,5 millions de francs d'Innosuisse pour un projet de recherche": research funding, a grant.
_RESEARCH_RIGHT_RE = re.compile(
    r"[^.;:]{0,50}?\b(?:pour|dans\s+le\s+cadre\s+d'|for|under)\s*(?:un|une|des|son|ses|sa|le|la|a|an|its|the)\s+"
    r"(?:(?:programme|projet|consortium|program|project)s?\s+(?:\w+\s+)?(?:de\s+)?(?:recherche|r&d)|"
    r"research\s+(?:project|program|programme|consortium)s?)\b"
)
_WORTH_OF_RE = re.compile(r"^worth\s+of\b")
_NOT_PRIVATE_RIGHT_RE = re.compile(
    r"(?:in\s+(?:an|its|the|their)\s+(?:initial\s+public\s+offering|ipo|stock\s+market\s+listing|"
    r"public\s+offering|flotation)|(?:lors\s+de|dans\s+le\s+cadre\s+de)\s+(?:son|l')\s*introduction|"
    r"en\s+bourse|below|above|short\s+of|(?:less|more|lower|higher|fewer)\s+than|de\s+(?:moins|plus)\s+qu(?:e|')|"
    r"en\s+dessous|au-dessus|(?:inferieure?s?|superieure?s?)\s+a)\b"
)
_COMBINED_RE = re.compile(
    r"\b(?:combined\s+(?:company|entity|group|business)|(?:entite|societe|groupe)\s+combine\w*|"
    r"blank-check|spac)\b"
)
# Shares changing hands without new money for the company: employee tenders, secondary sales.
_SECONDARY_RE = re.compile(
    r"\b(?:secondary|secondaires?|tender|buy-?backs?|rachats?\s+d'actions|share\s+sales?|"
    r"(?:ventes?|cessions?)\s+d'actions)\b"
)
_SELL_LEFT_RE = re.compile(
    r"\b(?:employees?|staff|salaries|workers|founders?|fondateurs?|(?:early|existing)\s+(?:investors?|backers)|"
    r"shareholders?|actionnaires?|insiders?|holders?)\b[^.;]{0,40}\b(?:sell|sells|selling|sold|vendre|vendent|"
    r"vendu\w*|ceder|cede\w*|cash\s+out)\b(?:\s+(?:[\w'-]+\s+){0,3}$|[^.;]*$)"
)


def _secondary(near_left: str, right: str) -> bool:
    """Shares sold by holders (employees, early investors): no new money reaches the company."""
    return bool(_SECONDARY_RE.search(near_left[-30:] + " " + right) or _SELL_LEFT_RE.search(near_left))


# A fund's own size: "clôture son deuxième fonds à 300 M€", "closed its third fund at $400 million".
_FUND_SIZE_RE = re.compile(
    r"(?<!de )(?<!d')\b(?:fonds|fund|vehicule|vehicle)\b(?!\s+propres)(?:\s+[\w-]+){0,2}?,?\s+"
    r"(?:(?:dote|dotee|endowed|sized|capped)\s+)?(?:at|of|a|de|d'|totaling|totalling|worth)\s*$"
)
_ROUND_NOUNS = {
    "en": r"round|raise|funding|financing|investment",
    "fr": r"tour(?:\s+de\s+table)?|levee(?:\s+de\s+fonds)?|financement|investissement",
}


@functools.cache
def _round_noun_re(lang: str | None) -> re.Pattern[str]:
    nouns = _ROUND_NOUNS[lang] if lang in _ROUND_NOUNS else "|".join(_ROUND_NOUNS.values())
    return re.compile(rf"\b(?:{nouns})\s+(?:d'une\s+|of\s+)?$")


@functools.cache
def _thing_subject_re(lang: str | None) -> re.Pattern[str]:
    langs = (lang,) if lang in LANGS else LANGS
    data = [lexicon.load(code) for code in langs]
    determiners = "|".join(w for d in data for w in (*d["determiners"], *d["indefinite_determiners"]))
    aux = "|".join(w for d in data for w in d["auxiliaries"])
    return re.compile(rf"\b(?:{determiners})\s+(?:[\w-]+\s+){{0,2}}?([\w-]+)\s+(?:(?:{aux})\s+){{0,3}}$")


@functools.cache
def _company_noun_re(lang: str | None) -> re.Pattern[str]:
    langs = (lang,) if lang in LANGS else LANGS
    nouns = "|".join(w for code in langs for w in lexicon.load(code)["company_nouns"])
    return re.compile(rf"(?:{nouns})|\w*(?:tech|maker|corn)s?")


def _thing_subject(before: str, lang: str | None) -> bool:
    """ "the upgrade cycle to be worth $900M": the subject of "worth" is a thing, not a company."""
    m = _thing_subject_re(lang).search(before)
    return m is not None and _company_noun_re(lang).fullmatch(m.group(1)) is None


_FUND_SUBJECT_RE = re.compile(
    r"\b(?:fund|(?<!de )(?<!d')fonds)\s+(?:(?:has|had|a|avait|just|recently|vient\s+de)\s+)*$"
)
_BASIS_WORD_RE = re.compile(
    r"\b(?:valoris\w*|valuation)\s+(?:\w+\s+){0,2}(?:avant|apres|pre|post)[\s-]*(?:l'|la\s+|le\s+)?$"
)
# "a multiyear cloud deal worth $10 billion": the value of an agreement, not of the company.
_DEAL_RE = re.compile(
    r"\b(?:deals?|agreements?|accords?|orders?|commandes?|partnerships?|partenariats?)\s+(?:d'une\s+)?$"
)
_PROJECT_RE = re.compile(
    r"\b(?:projets?|projects?|campus|usines?|factor(?:y|ies)|plants?|sites?|gigafactor\w+|infrastructures?|"
    r"batiments?|buildings?|contrats?|contracts?|programmes?|programs?|portefeuilles?|portfolios?|"
    r"sales?|ventes?|cessions?|tender|secondary|secondaires?|shares|actions|stakes?|markets?|marches?|"
    r"industry|industrie|secteurs?|sectors?)\b"
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
        dist += 100 * len(re.findall(r"[,;(]|\bapres\b|\bafter\b|\bthen\b", between))
        if best is None or dist < best[0]:
            best = (dist, name)
    return best[1] if best is not None else None


# A definite past raise between a rumour cue and the figure: "X, qui serait valorisée ..., a levé 70 M€".
_DEFINITE_PAST_RE = re.compile(
    r"\b(?:raised|secured|closed|obtained|received|landed|bagged|(?:a|ont|avait|avaient)\s+(?:deja\s+)?"
    r"(?:leve|boucle|obtenu|recolte|recueilli|securise)|qui\s+avait|which\s+had)\b"
)
# Cues that still qualify a figure when they follow it (conditionals after it belong to the next clause).
_RUMOUR_RIGHT_RE = re.compile(
    r"^[^.;,]{0,60}?\b(?:in\s+(?:the\s+)?(?:talks|discussions|negotiations)|under\s+discussion|"
    r"en\s+(?:cours\s+de\s+)?(?:discussions?|negociations?)|not\s+(?:yet\s+)?(?:final\w*|closed|completed)|"
    r"pas\s+(?:encore\s+)?(?:finalis\w+|boucl\w+)|(?:terms|talks|details)\s+(?:could|may|might)\s+change|"
    r"(?:is|are)\s+(?:slated|set|expected|poised)\s+to\s+(?:be\s+)?(?:led|close|lead)|"
    r"devrai(?:t|ent)\s+etre\s+(?:mene|boucle|finalise)\w*)\b"
)
_LEADING_SOURCE_RE = re.compile(r"^\W{0,3}(?:according\s+to|selon|d'apres|as\s+reported\s+by)\b")


def _sentence_reported(low: str) -> bool:
    return bool(_REPORTED_RE.search(low)) and not _OFFICIAL_SOURCE_RE.search(low)


def _status(doc: _Doc, idx: int, low: str, mention: MoneyMention) -> tuple[str, str]:
    """(status, why): rumoured when a conditional or a "talks" cue governs the figure, reported when a
    third party is cited, else announced."""
    left = _governing_left(low, mention)
    cues = list(_RUMOUR_RE.finditer(left))
    cue = cues[-1] if cues else None
    if cue is not None and not _DEFINITE_PAST_RE.search(left, cue.end()):
        return "rumoured", f"status: '{cue.group(0)}' governs the figure"
    if doc.sentences[idx].headline:
        hm = _headline_rumour_re(doc.lang).search(left)
        if hm is not None:
            return "rumoured", f"status: headline verb '{hm.group(0)}'"
    rm = _RUMOUR_RIGHT_RE.search(low[mention.end : mention.end + 100])
    if rm:
        return "rumoured", "status: the deal is still being discussed (after the figure)"
    if doc.reported(idx):
        return "reported", "status: a third party is cited"
    if doc.official(idx):
        return "announced", "status: an official source is cited"
    # The attribution may sit in the sentence before ("According to the FT, ...") or after
    # ("..., the people said").
    # Only a sentence with no figure of its own lends its source to a neighbour.
    before, after = idx - 1, idx + 1
    if (
        before >= 0
        and not doc.has_money[before]
        and doc.reported(before)
        and _LEADING_SOURCE_RE.match(doc.folded[before])
    ):
        return "reported", "status: the sentence before cites a third party"
    if (
        after < len(doc.folded)
        and not doc.has_money[after]
        and doc.reported(after)
        and _NEXT_SOURCE_RE.search(doc.folded[after])
    ):
        return "reported", "status: the sentence after cites a third party"
    if doc.sentences[idx].headline:
        return "announced", "status: headline in the present or past tense, no hedge"
    return "announced", "status: stated as done, no hedge or source"


# Where the figure's own clause starts: after a semicolon, or a "but"/"while"/"mais" that opens a new
# clause. A conditional before that belongs to another clause ("The market could double; X raised $40M").
_CLAUSE_START_RE = re.compile(
    r";|:\s|,?\s(?:but|yet|while|whereas|mais|tandis\s+que|alors\s+que|pourtant|cependant|nonetheless|"
    r"neanmoins|toutefois)\s"
)


def _governing_left(low: str, mention: MoneyMention) -> str:
    left = low[max(0, mention.start - 160) : mention.start]
    starts = list(_CLAUSE_START_RE.finditer(left))
    if starts:
        left = left[starts[-1].end() :]
    aside = _CLOSED_ASIDE_RE.search(left)
    if aside is not None:
        # "X, whose robots could one day replace pickers, raised $40M": the aside's mood is not the verb's.
        left = left[: aside.start()] + " " * (aside.end() - aside.start()) + left[aside.end() :]
    return left


# A relative or concessive aside closed by a comma before the figure's verb.
_CLOSED_ASIDE_RE = re.compile(
    r",\s*(?:whose|which|who|where|dont|qui|ou|even\s+if|even\s+though|although|meme\s+si|bien\s+que)\b"
    r"[^,;]{3,140},|^\s*(?:even\s+if|even\s+though|although|while|meme\s+si|bien\s+que|si)\b[^,;]{3,140},"
)


@functools.cache
def _headline_rumour_re(lang: str | None) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{_alternation('headline_rumour', lang)})(?![\w'])")


# "Ledgerwise confirmed the raise", "la société a confirmé la levée": the company itself vouches for it.
_CONFIRMED_RE = re.compile(
    r"\b(?:the\s+(?:company|start-?up|firm)|la\s+(?:societe|start-?up|jeune\s+pousse)|l'entreprise|"
    r"it|elle|(?P<name>[\w&'.-]+(?:\s+[\w&'.-]+){0,2}))\s+(?:has\s+|a\s+|also\s+|aussi\s+)*"
    r"confirm(?:ed|s|e)\s+(?:the|its|this|that|la|le|l'|sa|son|cette|cet)\s*(?:new\s+|nouvelle?\s+)?"
    r"(?:raise|round|funding|financing|investment|deal|levee|operation|tour|financement)\b"
)


def _confirmed_rounds(cands: list[_Cand], doc: _Doc) -> None:
    """A reported round the company confirms in the next sentences is announced."""
    for cand in cands:
        if cand.kind != "funding_round" or cand.status != "reported":
            continue
        for j in range(cand.sent_index, min(len(doc.folded), cand.sent_index + 3)):
            for m in _CONFIRMED_RE.finditer(doc.folded[j]):
                name = m.group("name")
                if name is None or doc.entity_re.search(name):
                    cand.status = "announced"
                    break
            if cand.status == "announced":
                break


_NEXT_SOURCE_RE = re.compile(
    r"\b(?:people|persons)\b|(?<![\w-])(?<!open\s)sources?(?![\w-])|\b(?:according\s+to|selon|d'apres)\b|reportedly|\breported\b"
)


def _clean_name(item: str) -> str | None:
    item = re.sub(r"\s*\([^)]*\)", "", item).strip(" .,'’\"«»")
    item = re.sub(r"^(?:d[eu]s?|l['’]|la|le|les|the|a|an|of)\s+", "", item, flags=re.IGNORECASE)
    item = re.sub(r"^.*['’]s\s+(?=[A-Z])", "", item)
    tokens = item.split()
    runs: list[list[str]] = []
    current: list[str] = []
    for tok in tokens:
        bare = tok.strip(".,")
        is_cap = bool(re.match(r"^(?:[A-ZÀ-Ý0-9]|[a-z]+[A-Z]|a16z)", bare))
        connector = bare in ("&", "de", "of", "du", "des") and current
        if (is_cap or connector) and fold(bare) not in _TITLE_WORDS and fold(bare) not in _NATIONALITY:
            current.append(bare)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    runs = [[t for t in r] for r in runs]
    for run in runs:
        while run and run[-1] in ("&", "de", "of", "du", "des"):
            run.pop()
    runs = [r for r in runs if r]
    if not runs:
        return None
    name = " ".join(runs[-1])
    if not _plausible_company(name) or len(name) < 2:
        return None
    return name


def _names(blob: str) -> list[str]:
    stop = _NAME_STOP_RE.search(blob)
    if stop:
        blob = blob[: stop.start()]
    out: list[str] = []
    for item in _LIST_SPLIT_RE.split(blob):
        name = _clean_name(item)
        if name and name not in out:
            out.append(name)
    return out


_PERSON_LEAD_RE = re.compile(
    r"(?:(?:its|their|his|her|son|sa|leur|the|le|la|l['’])\s+)?(?:(?:co-?)?founders?|(?:co-?)?fondat\w+|"
    r"ceo|pdg|chief\s+executive|directeur|directrice|dirigeant\w*|pr[ée]sident\w*|chairman|chairwoman|"
    r"managing\s+director|boss|patron\w*|former|ancien\w*)\b",
    re.IGNORECASE,
)


def _investors(sent: str, entity_re: re.Pattern[str]) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    part: list[str] = []
    if re.search(r"\b(?:n['’]a\s+pas|did\s+not|didn['’]t|abstenu|declined)\b", sent):
        return lead, part
    for pattern in _LEAD_PATTERNS:
        for m in pattern.finditer(sent):
            if _PERSON_LEAD_RE.match(m.group("names")):
                # "Led by chief executive Mara Lind, ...": a manager running the company, not an investor.
                continue
            lead.extend(_names(m.group("names")))
    for m in _LEAD_BEFORE_RE.finditer(sent):
        lead.extend(_names(m.group("names")))
    for pattern in _PARTICIPANT_PATTERNS:
        for m in pattern.finditer(sent):
            part.extend(_names(m.group("names")))
    for m in _PARTICIPANT_BEFORE_RE.finditer(sent):
        part.extend(_names(m.group("names")))

    def keep(name: str) -> bool:
        return not _is_entity_name(name, entity_re)

    lead = list(dict.fromkeys(n for n in lead if keep(n)))
    part = list(dict.fromkeys(n for n in part if keep(n) and n not in lead))
    return lead, part


# --------------------------------------------------------------------------- main entry


_RENAME_AFTER_RE = re.compile(
    r"\s*[,(]\s*(?:formerly|previously|once|anciennement|auparavant|ex-|ex\s)\s*(?:known\s+as|called|named|"
    r"appel[ée]e?|nomm[ée]e?|baptis[ée]e?)?\s*([A-ZÀ-Ý][\w&'’.-]{0,40}[\w](?:\s[A-ZÀ-Ý][\w&'’.-]{0,40}[\w]){0,3})"
)
_RENAME_BEFORE_RE = re.compile(
    rf"({_NAME})\s*[,(]\s*(?:now|since\s+renamed|renamed|rebranded\s+as|d[ée]sormais|devenue?|rebaptis[ée]e?|"
    rf"renomm[ée]e?)\s*(?:known\s+as|called|named|appel[ée]e?)?\s*$"
)


_RENAME_CUE_RE = re.compile(
    r"\b(?:formerly|previously|once|anciennement|auparavant|ex|now|renamed|rebranded|desormais|devenue?|"
    r"rebaptise\w*|renomme\w*)\b"
)


def _former_names(text: str, entity_re: re.Pattern[str]) -> list[str]:
    """Other names the text gives the entity: "Kaldera (ex-Brightcell)", "Brightcell, now called Kaldera"."""
    names: list[str] = []
    low = fold(text)
    if not _RENAME_CUE_RE.search(low):
        return names
    for m in entity_re.finditer(low):
        after = _RENAME_AFTER_RE.match(text, m.end())
        if after and _plausible_company(after.group(1)):
            names.append(after.group(1))
        before = _RENAME_BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
        if before and _plausible_company(before.group(1)):
            names.append(before.group(1))
    return names


def _short_name(entity: str, aliases: Sequence[str], text: str) -> list[str]:
    """The first word of a multi-word name when the text uses it alone: "Drax" for "Drax Robotics".

    Only a distinctive word (four letters or more, never written in lower case in the text) qualifies,
    so "General" of "General Fusion" is not taken when the text speaks of "general" things.
    """
    if any(len(a.split()) == 1 for a in aliases):
        return []
    words = _PAREN_RE.sub(" ", entity).split()
    if len(words) < 2 or words[0].lower() == "the":
        return []
    first = words[0]
    if len(first) < 4 or not first[0].isupper() or fold(first) in _NOT_COMPANIES:
        return []
    uses = re.findall(rf"(?<![\w-]){re.escape(first)}(?![\w-])", text, re.IGNORECASE)
    if not uses or any(u != first for u in uses):
        return []
    # Used alone at least once: followed by something other than the rest of the name.
    alone = re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])(?!\s+{re.escape(words[1])})", text)
    return [first] if alone else []


def _guess_language(sentences: Sequence[Sentence], money: Sequence[Sequence[MoneyMention]]) -> str | None:
    """The language of the sentences that hold figures: a few hundred characters tell French from
    English as well as the whole page does, for a fraction of the cost."""
    sample: list[str] = []
    size = 0
    for sent, found in zip(sentences, money, strict=True):
        if found:
            sample.append(sent.text)
            size += len(sent.text)
            if size > 500:
                break
    return guess_language(" ".join(sample))


@functools.lru_cache(maxsize=8)
def _prepared(text: str) -> tuple[tuple[Sentence, ...], tuple[tuple[MoneyMention, ...], ...]]:
    """Sentences of ``text`` and the money mentions of each; nothing when no sentence can hold any.

    Independent of the entity, so a page checked for several companies is read once.
    """
    clean = strip_markup(text)
    if not may_hold_money(clean):
        return (), ()
    sentences = tuple(split_clean(clean))
    money = tuple(tuple(find_money(s.text)) for s in sentences)
    if any(m.currency == BARE_FRANC for ms in money for m in ms):
        money = _resolve_francs(clean, money)
    if _CANADIAN_RE.search(clean) and any(m.currency == "USD" for ms in money for m in ms):
        money = _resolve_dollars(sentences, money)
    return sentences, money


# In a story that speaks of Canadian dollars, a bare French "12 millions de dollars" or "45 M$" (Québec
# notation) is Canadian too; "dollars américains", "US$" and "$ US" keep saying USD.
_CANADIAN_RE = re.compile(r"(?i:dollars?\s+canadiens|canadian\s+dollars?)|\bC\$|\bCA\$|\bCAD\b")
_BARE_DOLLAR_RE = re.compile(r"(?:\bdollars?|\d\s?(?:[MGk]|milli\w+|milliards?)?\s?\$)$")


def _resolve_dollars(
    sentences: tuple[Sentence, ...], money: tuple[tuple[MoneyMention, ...], ...]
) -> tuple[tuple[MoneyMention, ...], ...]:
    return tuple(
        tuple(
            m.with_currency("CAD")
            if m.currency == "USD" and _BARE_DOLLAR_RE.search(sent.text[m.start : m.end])
            else m
            for m in ms
        )
        for sent, ms in zip(sentences, money, strict=True)
    )


# "7 millions de francs" is Swiss money in a Swiss story (Genève, Lausanne, "suisse", EPFL...).
_SWISS_RE = re.compile(
    r"(?i:\b(?:suisses?|swiss|switzerland|gen[eè]ve|geneva|lausann\w*|zurich\w*|z[üu]rich\w*|b[âa]le|basel|"
    r"berne|bern|lugano|neuch[âa]tel\w*|fribourg\w*|valais\w*|vaudois\w*|vaud|zoug|zug|tessin|epfl|eth|"
    r"helv[ée]t\w*|conf[ée]d[ée]ration|cantonale?s?|romand\w*|chf)\b)"
)


def _resolve_francs(
    text: str, money: tuple[tuple[MoneyMention, ...], ...]
) -> tuple[tuple[MoneyMention, ...], ...]:
    if _SWISS_RE.search(text) is None:
        return tuple(tuple(m for m in ms if m.currency != BARE_FRANC) for ms in money)
    return tuple(tuple(m.with_currency("CHF") if m.currency == BARE_FRANC else m for m in ms) for ms in money)


class _Walk:
    """Per-sentence work done only for the sentences that need it, each at most once.

    Owner markers and round names of a sentence are computed on demand; the running topic
    (``doc.company_topic``/``doc.subject``) is brought up to date only when an owner is resolved.
    """

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.texts = [s.text.replace("’", "'") for s in doc.sentences]
        self._markers: dict[int, list[_Owner]] = {}
        self._rounds: dict[int, list[tuple[int, int, str]]] = {}
        self._topic_done = 0
        self._heads: dict[int, re.Match[str] | None] = {}

    def head(self, idx: int) -> re.Match[str] | None:
        """The company sentence ``idx`` opens with as an entry of a list, if it is one."""
        if idx in self._heads:
            return self._heads[idx]
        sents = self.doc.sentences
        numbered = idx > 0 and bool(_ENTRY_NUMBER_RE.search(sents[idx - 1].text))
        line_start = idx == 0 or sents[idx - 1].paragraph != sents[idx].paragraph or numbered
        found = self._heads[idx] = _line_head(self.texts[idx], line_start, numbered)
        return found

    def markers(self, idx: int) -> list[_Owner]:
        found = self._markers.get(idx)
        if found is None:
            found = self._markers[idx] = _owner_markers(
                self.texts[idx], self.doc.folded[idx], self.doc.entity_re, self.head(idx)
            )
        return found

    def rounds(self, idx: int) -> list[tuple[int, int, str]]:
        found = self._rounds.get(idx)
        if found is None:
            found = self._rounds[idx] = _find_round(self.doc.folded[idx])
        return found

    def topic_before(self, idx: int) -> None:
        """Apply the topic updates of every sentence before ``idx`` not applied yet."""
        while self._topic_done < idx:
            j = self._topic_done
            _update_topic(self.doc, self.markers(j), self.texts[j])
            self._markers.pop(j, None)
            self._topic_done += 1


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


# "With nearly €2.8 billion raised, ...", "Avec 40 M€ levés": what has been raised so far, a total.
_WITH_LEFT_RE = re.compile(
    r"\b(?:avec|with)\s+(?:(?:pres\s+de|plus\s+de|about|around|nearly|over|more\s+than)\s+)?$"
)
_RAISED_RIGHT_RE = re.compile(
    r"\s*(?:leve(?:e|s|es)?|raised|recolte(?:e|s|es)?|collecte(?:e|s|es)?|secured)\b"
)
# "un tour de table d'un million d'euros, dont 400 k€ apportés par le fonds French Tech Seed": the first
# figure is named as the round, so what follows "dont" is a ticket within it, not the latest round.
_ROUND_BEFORE_RE = re.compile(
    r"\b(?:tour(?:\s+de\s+table)?|round|levee(?:\s+de\s+fonds)?|serie\s+[a-h]|series\s+[a-h])\s+"
    r"(?:de\s+|d'|of\s+)?(?:(?:un|une|about|around|environ|pres\s+de|plus\s+de)\s+)?$"
)
# A bare scaled figure right after a raise verb ("avons levé 50 millions", "raised 20 million").
_BARE_RAISE_LEFT_RE = re.compile(
    r"\b(?:leve|levons|levions|raised|raise|recolte|obtenu|boucle|amasse|secured)\s+(?:(?:plus\s+de|pres\s+de|"
    r"environ|about|around|more\s+than|over|nearly)\s+)?$"
)
_STATED_TOTAL_LEFT_RE = re.compile(r"\b(?:total|soit|au\s+total|in\s+all|altogether)\b[^.;]{0,20}$")


# "the funding consists of €468mn equity and €132mn debt": the parts of a stated whole.
_PARTS_LEFT_RE = re.compile(
    r"\b(?:consists?\s+of|consisting\s+of|made\s+up\s+of|split\s+(?:between|into)|se\s+compose\s+d[e']|"
    r"composee?\s+d[e']|se\s+repartit\s+(?:entre|en))\s+(?:[\w'-]+\s+){0,3}$"
)


def _drop_parts_of_round(mine: list[_Cand], doc: _Doc) -> list[_Cand]:
    """The equity part of a round the text states as a whole elsewhere is not a round of its own."""
    rounds = [c for c in mine if c.kind == "funding_round"]
    return [
        c
        for c in mine
        if not (
            c.kind == "funding_round"
            and _PARTS_LEFT_RE.search(doc.folded[c.sent_index], 0, c.mention.start)
            and any(
                r is not c
                and r.mention.currency == c.mention.currency
                and r.mention.amount > c.mention.amount
                for r in rounds
            )
        )
    ]


def _drop_implied_bounds(mine: list[_Cand]) -> list[_Cand]:
    """ "valued at €2 billion ... making it a unicorn, with a valuation of over one billion": a lower bound
    that an exact valuation of the same text already satisfies says nothing new."""
    exact = [c for c in mine if c.kind == "valuation" and c.mention.bound is None]
    return [
        c
        for c in mine
        if not (
            c.kind == "valuation"
            and c.mention.bound == "lower"
            and any(
                e.mention.currency == c.mention.currency
                and e.mention.amount > c.mention.amount
                and e.context == c.context
                and e.sent_index == c.sent_index
                for e in exact
            )
        )
    ]


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


_PACKAGE_RIGHT_RE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:package|enveloppe)\b")
_PACKAGE_LEFT_RE = re.compile(r"\b(?:package|enveloppe)\s+(?:[\w-]+\s+){0,2}?(?:de|of|d')\s*$")
_TRANCHE_LEFT_RE = re.compile(r"\btranches?\b")


# "Les 30 milliards restants", "the remaining $30 billion": the unpaid part of a larger sum.
_REMAINING_RE = re.compile(r"\s*(?:restants?|restantes?|remaining|left\s+to\s+(?:raise|come))\b")


def _package_or_tranche(doc: _Doc, idx: int, low: str, mention: MoneyMention, prev_end: int) -> bool:
    """A package mixing equity and debt ("a €250 million financing package ... a €200 million debt
    facility"), or the tranches a stated financing is paid in ("in two tranches: $40 million at closing"):
    neither is one funding round."""
    if _TRANCHE_LEFT_RE.search(low[: mention.start]) or _REMAINING_RE.match(low, mention.end):
        return True
    if not (
        _PACKAGE_RIGHT_RE.match(low, mention.end)
        or _PACKAGE_LEFT_RE.search(low[max(prev_end, mention.start - 40) : mention.start])
    ):
        return False
    return any(_DEBT_RE.search(f) for f in doc.folded[idx : idx + 3])


# An investor buying a minority stake in a company for an amount: "prend une participation minoritaire de
# 15 % dans Ludo ... pour 30 M€", "took a 10% stake in Kettle for $30 million".
_STAKE_BUY_RE = re.compile(
    r"(?i:\b(?:prend\w*|pris\w*|acqui\w+|entre|tak(?:es?|en|ing)|took|acquires?|acquired|buys?|bought|buying)\s+"
    r"(?:(?:une|a|an)\s+)?(?:(?:minority|small|\d{1,2}(?:[.,]\d+)?\s?(?:%|per\s?cent|percent))\s+)?"
    r"(?:participation|stake)(?:\s+minoritaire)?(?:\s+(?:de|of)\s+\d{1,2}(?:[.,]\d+)?\s?%)?\s+"
    r"(?:dans|in|au\s+capital\s+d[e'’]))\s*"
    rf"({_NAME})[^.;]{{0,120}}?(?i:\b(?:pour|for))\s*$"
)
_MINORITY_RE = re.compile(r"(?i:minorit|\d{1,2}(?:[.,]\d+)?\s?(?:%|per\s?cent|percent))")


def _stake_buyer_target(sent: str, mention: MoneyMention, prev_end: int, doc: _Doc) -> str | None:
    """The company an investor buys a minority stake in, when the figure is the price paid."""
    m = _STAKE_BUY_RE.search(sent, prev_end, mention.start)
    if m is None or not _MINORITY_RE.search(m.group(0)) or not _plausible_company(m.group(1)):
        return None
    name = m.group(1)
    return "entity" if _is_entity_name(name, doc.entity_re) else fold(name)


_TOP_UP_RE = re.compile(
    r"\s*(?:(?:supplementaires?|additionnels?|additional|more|de\s+plus|extra)\s+)?(?:a|to)\s+"
    r"(?:la|sa|son|its|their|the|leur|this|cette)\s+(?:serie|series|tour|round|levee|seed|amorcage)\b"
)
_RESPECTIVE_RE = re.compile(r"\brespectiv(?:ely|ement)\b")
_LIST_JOIN_RE = re.compile(r"\s*(?:,|(?:,\s*)?(?:and|et))\s*")
_LIST_MEMBER_AFTER_RE = re.compile(r"\s*(?:,|\(|&|and\b|et\b)")
_LIST_MEMBER_BEFORE_RE = re.compile(r"(?:,|&|\band|\bet)\s*$")
_INVESTOR_BEFORE_RE = re.compile(r"(?i:\b(?:by|par|from|aupr[èe]s\s+d[eu]s?|with|avec|via)\s+(?:the\s+)?)$")


def _respective_owners(sent: str, low: str, mentions: Sequence[MoneyMention], doc: _Doc) -> dict[int, str]:
    """ "Aldous and Breck raised $12M and $20M respectively": the n-th figure is the n-th company's."""
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
            names = [
                m.group(0)
                for m in _NAME_RE.finditer(sent, 0, mentions[j].start)
                if _plausible_company(m.group(0))
                and not _INVESTOR_BEFORE_RE.search(sent[max(0, m.start() - 14) : m.start()])
                # A member of the list of companies: next to a comma or "and"/"et".
                and (
                    _LIST_MEMBER_AFTER_RE.match(sent, m.end())
                    or _LIST_MEMBER_BEFORE_RE.search(sent[max(0, m.start() - 8) : m.start()])
                )
            ]
            if len(names) >= count:
                for offset, name in enumerate(names[-count:]):
                    out[j + offset] = "entity" if _is_entity_name(name, doc.entity_re) else fold(name)
        j = k + 1
    return out


_DEBT_RE = re.compile(rf"(?<![\w-])(?:{_KW_DEBT})(?![\w'])")
_COMPONENT_LEFT_RE = re.compile(
    r"\b(?:comprenant|comprising|incluant|includes|included|including|inclut|comprend|y\s+compris|of\s+which|"
    r"dont)\s+"
    r"(?!(?:la|le|les|l'|sa|son|ses|leur|leurs|the|its)\b)(?:[\w'-]+\s+){0,3}$"
)
_PROPER_AFTER_RE = re.compile(
    r"[ \u00a0]+(?!(?:Series|Série|Serie|Seed|Round|Funding|Pre|Post)\b)[A-Z][a-z]+[ \u00a0]+[A-Z][a-z]+"
)


_NON_EQUITY_FORM_RE = re.compile(
    r"[^.;]{0,40}?\b(?:sous\s+(?:la\s+)?forme\s+d(?:e\s+|')|in\s+the\s+form\s+of\s+)(?:[\w'-]+\s+){0,2}?"
    r"(?:subventions?|avances?|prets?|dettes?|grants?|loans?|debt|repayable|non-dilutive)\b"
)
_CONJUNCT_RE = re.compile(
    r"\b(?:and|et|plus|as\s+well\s+as|ainsi\s+que|while|whereas|tandis\s+que|alors\s+que|alongside|"
    r"along\s+with|in\s+addition\s+to|aux\s+cotes\s+d|en\s+plus\s+d|outre)\b|;"
)


_EQUITY_WORD_RE = re.compile(
    r"\b(?:lev\w+|raise\w*|raising|round|tour|serie|series|seed|amorcage|equity|capital|fonds\s+propres|"
    r"valoris\w*|valu\w+|investors?|investisseurs?)\b"
)


def _drop_rounds_stated_as_debt(cands: list[_Cand], debts: list[tuple[int, MoneyMention]], doc: _Doc) -> None:
    """ "Sorgho obtient 20 M€ de la BEI", then "un prêt de 20 M€ à Sorgho": the headline's money is a loan."""
    if not debts:
        return
    for c in [c for c in cands if c.kind == "funding_round"]:
        if (
            c.round is None
            and not _EQUITY_WORD_RE.search(doc.folded[c.sent_index])
            and any(i != c.sent_index and _same_money(c.mention, d) for i, d in debts)
        ):
            cands.remove(c)


_CONSEQUENCE_RE = re.compile(
    r",\s*(?:ce\s+qui|which\s+(?:allowed|enabled|let|helped)|allowing|enabling|permettant|lui\s+permettant|"
    r"avant\s+de|before)\b"
)


def _drops_figure(sent: str, low: str, mention: MoneyMention, prev_end: int, next_start: int) -> str | None:
    """Figures that look like funding but are debt, a slice of a deal, or a named programme's size."""
    left = low[prev_end : mention.start]
    # "a €50m loan from the EIB and €20m in equity": the debt belongs to the earlier conjunct.
    joins = list(_CONJUNCT_RE.finditer(left))
    if joins:
        left = left[joins[-1].end() :]
    # "Chakra, which offers loans to retailers, has raised ₹200 crore": the aside is about its business.
    restarts = list(_NEW_CLAUSE_RE.finditer(left))
    if restarts:
        left = left[restarts[-1].start() :]
    right = low[mention.start : min(next_start, mention.end + 60)]
    consequence = _CONSEQUENCE_RE.search(right)
    if consequence:
        # "a levé 6,6 Md$, ce qui lui a permis d'ouvrir une ligne de crédit": what followed is another deal.
        right = right[: consequence.start()]
    clause = left + right
    if _DEBT_RE.search(clause):
        return "debt"
    if _NON_EQUITY_FORM_RE.match(low, mention.end, min(len(low), mention.end + 80)):
        # "un financement de 5 M€ de Bpifrance sous forme de subventions": grants, not equity.
        return "grant"
    if _COMPONENT_LEFT_RE.search(low[max(prev_end, mention.start - 40) : mention.start]):
        return "component"
    return "named" if _PROPER_AFTER_RE.match(sent, mention.end) else None


# "X a réussi son introduction en Bourse. Le spécialiste ... a levé 45 M€": the money of a listing.
_IPO_CUE_RE = re.compile(
    r"\b(?:introduction\s+en\s+bourse|entree\s+en\s+bourse|ipo|initial\s+public\s+offering|"
    r"stock\s+market\s+(?:debut|listing|flotation)|went\s+public|s'est\s+introduite?\s+en\s+bourse)\b"
)
_IPO_NOT_DONE_RE = re.compile(
    r"\b(?:avant|before|prior\s+to|ahead\s+of|pre-ipo|prepar\w*|plan\w*|envisag\w*|project\w*|"
    r"consider\w*|future|futur\w*|prochaine?|next|eventuel\w*|potential|possible|would|could|pourrai\w*|"
    r"vise\w*|report\w*|postpon\w*|renonc\w*|abandon\w*|shelved|avait|had|since|depuis)\b"
)


def _ipo_proceeds(doc: _Doc, idx: int, low: str, mention: MoneyMention) -> bool:
    left = low[: mention.start]
    if _IPO_NOT_DONE_RE.search(left):
        return False
    if _IPO_CUE_RE.search(left):
        return True
    if idx == 0 or doc.sentences[idx - 1].paragraph != doc.sentences[idx].paragraph:
        return False
    prev = doc.folded[idx - 1]
    cue = _IPO_CUE_RE.search(prev)
    return cue is not None and not _IPO_NOT_DONE_RE.search(prev) and not _ROUNDISH_RE.search(left)


_NEW_CLAUSE_RE = re.compile(
    r",\s*(?:and\s+|et\s+)?(?:is|are|has|have|now|today|will|est|sont|a|ont|va|vient|desormais|aujourd'hui)\b"
)


def _invested_just_before(low: str, mention: MoneyMention, prev_end: int, lang: str | None) -> bool:
    return bool(_invested_left_re(lang).search(low[max(prev_end, mention.start - 50) : mention.start]))


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


def _tickets_to_rounds(cands: list[_Cand], doc: _Doc) -> None:
    """A named investor's ticket stays an ``investment`` only when the text ties it to a round ("as part of
    its Series C", a larger round in the same sentence); alone, one investor's deal is the round itself."""
    for c in cands:
        if c.kind != "investment" or any("investor's" in r for r in c.reasons):
            continue
        if _PART_OF_ROUND_RE.search(doc.folded[c.sent_index]):
            c.reasons.append("kind: one investor's ticket within a round ('as part of')")
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
    r"financing|raise)\b"
)


def _drop_tickets_part_of_next(cands: list[_Cand], doc: _Doc) -> None:
    """ "X invested $10M in Pimento. The investment is part of a $40M round": the ticket is a slice."""
    for c in [c for c in cands if c.ticket and c.kind in ("funding_round", "investment")]:
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


def _clause(low: str, mention: MoneyMention, before: int, after: int) -> str:
    left = low[before : mention.start]
    # "X, which raised $1bn last year, is now raising $3bn": the new clause starts at ", is".
    restarts = list(_NEW_CLAUSE_RE.finditer(left))
    if restarts:
        left = left[restarts[-1].start() :]
    right = low[mention.end : min(after, mention.end + 140)]
    cut = _CLAUSE_END_RE.search(right)
    if cut:
        right = right[: cut.start()]
    # Only the current clause of the left side: "..., elle-même précédée d'un tour de X".
    return left[-90:] + low[mention.start : mention.end] + right


def _context(doc: _Doc, clause: str) -> str:
    if _BACKGROUND_RE.search(clause):
        return "background"
    for m in _DATED_RE.finditer(clause):
        if int(m.group(1)) < doc.latest_year:
            return "background"
    return "main"


_PRE_MONEY_RE = re.compile(
    r"pre-?money|pre-investment|avant\s+(?:l'|la\s+)?(?:investissement|levee|augmentation)|"
    r"doesn't\s+include\s+the\s+money|not\s+including\s+(?:the\s+)?(?:dollars|money|cash)"
)
_POST_MONEY_RE = re.compile(
    r"post-?money|including\s+(?:the\s+)?(?:cash|money|dollars)\s+raised|"
    r"apres\s+(?:l'|la\s+)(?:investissement|levee|augmentation)"
)
_SEPARATE_DEAL_RE = re.compile(r"\b(?:separate|distinct|another|un\s+autre|une\s+autre)\b")


def _basis(low: str, mention: MoneyMention) -> str | None:
    window = low[max(0, mention.start - 60) : mention.end + 60]
    if re.search(
        r"pre-?money|pre-investment|avant\s+(?:l'|la\s+)?(?:investissement|levee|augmentation)|"
        r"doesn't\s+include\s+the\s+money|not\s+including\s+(?:the\s+)?(?:dollars|money|cash)",
        window,
    ):
        return "pre_money"
    if re.search(
        r"post-?money|including\s+(?:the\s+)?(?:cash|money|dollars)\s+raised|apres\s+(?:l'|la\s+)"
        r"(?:investissement|levee|augmentation)",
        window,
    ):
        return "post_money"
    return None


def _passing_owner(sent: str, mention: MoneyMention, doc: _Doc) -> str | None:
    """The company a figure describes inside an aside about it: "Corvane, valorisée 6 Md€"."""
    window_start = max(0, mention.start - 160)
    last: re.Match[str] | None = None
    for m in _PASSING_NAME_RE.finditer(sent, window_start, min(len(sent), mention.start + 8)):
        if m.end() <= mention.start:
            last = m
    if last is None or re.search(r"[,;)]", sent[last.end() : mention.start]):
        return None
    name = next(g for g in last.groups() if g is not None)
    if not _plausible_company(name):
        return None
    return "entity" if _is_entity_name(name, doc.entity_re) else fold(name)


def _owner_for(
    sent: str, low: str, mention: MoneyMention, markers: list[_Owner], doc: _Doc, invest_verb: bool, idx: int
) -> tuple[str | None, str]:
    """Who the figure belongs to ("entity", another company's folded name, None) and how that was seen."""
    target = _invest_target(sent, low, mention, doc)
    if target is not None:
        return target, "named as what the money goes into"
    passing = _passing_owner(sent, mention, doc)
    if passing is not None:
        return passing, "named in an aside about it"
    right = sent[mention.end : mention.end + 60]
    bm = _BY_NAME_RE.match(right)
    if bm and _plausible_company(bm.group(1)):
        name = bm.group(1)
        return ("entity" if _is_entity_name(name, doc.entity_re) else fold(name)), "named as who raised it"
    om = _OBJECT_REL_RE.match(right)
    if om and _plausible_company(om.group(1)):
        name = om.group(1)
        return ("entity" if _is_entity_name(name, doc.entity_re) else fold(name)), "named as who raised it"
    if invest_verb:
        # Someone investing without saying in whom: a ticket within a round, or the entity spending.
        return None, ""
    before = [m for m in markers if m.end <= mention.start]
    unknown = _unknown_subject(low, mention, doc.lang, lede=idx == 0)
    if unknown is not None and not any(m.start >= unknown for m in before):
        # "A rival firm raised $60 million", "Le secteur a levé 600 M€": a subject that is not the entity
        # and names nobody; such money is never the tracked company's.
        return None, ""
    if before:
        last = before[-1]
        owner = _resolve(last, doc, before[:-1])
        if owner != "entity" and _is_person(owner, sent, doc, idx):
            return _person_company(owner, sent, doc, idx), "a person's company"
        how = {
            "entity": "named in the sentence",
            "other": "named in the sentence",
            "generic": "a noun standing for the company (coreference)",
            "pronoun": "a pronoun (coreference)",
        }[last.kind]
        return owner, how
    return doc.company_topic, "the company the text is about (no owner in the sentence)"


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
    return re.compile(
        rf"(?<![\w'])(?:(?P<indefinite>{indefinite})\s+(?:[\w'-]+\s+){{0,2}}?(?:{company}|(?P<rival>{rivals})|{collectives})"
        rf"|(?:(?:{determiners})\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{rivals}|{collectives}))"
        rf"(?:\s+[\w'-]+){{0,3}}?\s+(?:(?:{aux})\s+){{0,3}}(?:{verbs})(?![\w'])[^,;:]*$"
    )


def _unknown_subject(low: str, mention: MoneyMention, lang: str | None, lede: bool = False) -> int | None:
    """Where a subject that denotes no particular known company starts, when it governs the figure.

    In the first sentence (a headline or lede) "a French start-up raises ..." introduces the article's own
    subject, so there only rivals and collectives count as unknown."""
    m = _unknown_subject_re(lang).search(low, max(0, mention.start - 120), mention.start)
    if m is None or _APPOSED_RE.search(low, max(0, m.start() - 50), m.start()):
        # "Tindra, a start-up that raised ...": an apposition describes the name before it.
        return None
    if lede and m.group("indefinite") and not m.group("rival"):
        return None
    return m.start()


# A name then a comma, or a copula: what follows describes the company named before ("X is a start-up that").
_APPOSED_RE = re.compile(
    r"(?:[\w)]\s*,|\b(?:is|was|remains|becomes|became|est|etait|reste|devient|est\s+devenue?))\s*$"
)
_NEGATED_VERBS = (
    r"rais(?:e|ed|es|ing)|secur(?:e|ed|es|ing)|clos(?:e|ed|es|ing)|land(?:ed|s)?|receiv(?:e|ed|es)|got|get|"
    r"valu(?:e|ed|es|ing)|worth|invest(?:ed|s|ing)?|lev(?:e|ee|ees|es|er|ait)|obten\w*|obtenu|recolt(?:e|ee|er)|"
    r"boucl(?:e|ee|er)|valoris(?:e|ee|ees|es|er)|evalu(?:e|ee|ees)|decroch\w*|empoch\w*|investi"
)


@functools.cache
def _negation_re(lang: str | None) -> re.Pattern[str]:
    """A negation, at most four words, then a raise or value verb, in the figure's own clause."""
    return re.compile(
        rf"(?<![\w'])(?:{_alternation('negation', lang)})(?![\w'])(?:\s+[\w'-]+){{0,4}}?\s+"
        rf"(?:{_NEGATED_VERBS})(?![\w'])[^,;:]*$"
    )


def _negated(low: str, mention: MoneyMention, prev_end: int, lang: str | None) -> bool:
    return _negation_re(lang).search(low, max(prev_end, mention.start - 100), mention.start) is not None


# A figure glued to a fragment and an ellipsis, or to a word cut at the very end: a truncated summary.
_CUT_RE = re.compile(r"\s?[^\W\d_]{1,4}(?:…|\.\.\.|\s*$)|(?:…|\.\.\.)")


def _cut_off(sent: str, mention: MoneyMention, last: bool) -> bool:
    """ "about $3.5 b", "environ 1,2 mi…" at the end of a feed summary: the figure's scale is lost."""
    if not last:
        return False
    m = _CUT_RE.match(sent, mention.end)
    if m is None:
        return False
    return not mention.scaled or m.group(0).strip() not in ("", "…", "...")


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


# "Kenyan agritech Shamba Link has closed ...": a nationality adjective, then the company.
_DEMONYM_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:an|ian|ese|ish|ic|ch|i|ais|aise|ois|oise)")
_LOWER_WORDS_RE = re.compile(r"(?:\s+[a-zà-ÿ-]+){1,3}\s+")


def _demonym_opener(sent: str, sm: re.Match[str], markers: list[_Owner]) -> bool:
    if not _DEMONYM_RE.fullmatch(sm.group("subj")):
        return False
    gap = _LOWER_WORDS_RE.match(sent, sm.end("subj"))
    return gap is not None and any(o.start == gap.end() and o.kind in ("entity", "other") for o in markers)


_CORRECTION_RE = re.compile(
    r"\b(?:(?:earlier|previous|prior)\s+version\s+of\s+this\s+(?:article|story|post|report)|misstated|"
    r"(?:incorrectly|wrongly|erroneously)\s+(?:stated|said|reported|gave|put)|"
    r"(?:version\s+precedente|precedente\s+version)\s+de\s+cet\s+article|indiquait\s+par\s+erreur)"
)
_CORRECTED_RE = re.compile(
    r"\b(?:rather\s+than|instead\s+of|au\s+lieu\s+d[e'’]|et\s+non(?:\s+pas)?)\s+\S*\s*$"
)


def _update_topic(doc: _Doc, markers: list[_Owner], sent: str) -> None:
    previous = doc.subject
    rank = _RANK_HEAD_RE.match(sent) if sent[:1] in "N#R" else None
    if rank and _plausible_company(rank.group(1)):
        # Each entry of a ranking owns the figures that follow its heading.
        name = rank.group(1)
        doc.company_topic = doc.subject = "entity" if _is_entity_name(name, doc.entity_re) else fold(name)
        return
    for i, marker in enumerate(markers):
        if marker.kind in ("entity", "other"):
            doc.company_topic = _resolve(marker, doc)
            doc.subject = doc.company_topic
            if doc.lead is None:
                doc.lead = doc.company_topic
        elif marker.kind == "generic":
            doc.subject = _resolve(marker, doc, markers[:i])
    sm = _SENT_SUBJECT_RE.match(sent)
    if sm and _NOT_SUBJECT_RE.match(sent, sm.start("subj")):
        # "Founded in 2020 by ..., it built ...": the subject carries over from the sentence before.
        if _PARTICIPLE_OPENER_RE.match(sent):
            doc.subject = previous
    elif sm and _plausible_company(sm.group("subj")) and not _demonym_opener(sent, sm, markers):
        name = sm.group("subj")
        doc.subject = "entity" if _is_entity_name(name, doc.entity_re) else fold(name)
        targets = [m for m in markers if m.target and m.kind == "other" and m.start > sm.end("subj")]
        if targets and doc.subject == "entity":
            # "Orbis Bank has invested $20M in Kettle": the start-up spoken of next is Kettle.
            doc.company_topic = targets[-1].name
        elif doc.subject == "entity":
            doc.company_topic = "entity"
        elif doc.subject == doc.lead or sm.group("contrast"):
            # "Sur ce marché, Holdtrust affronte Sécuria": the company the article is about stays the topic;
            # "De son côté, OpenAI ...": the text turns to another company, which its next figures are about.
            doc.company_topic = doc.subject


_TRANCHE_RE = re.compile(r"\b(?:closing|first\s+close|tranche)\b")


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


_INVESTOR_SUBJECT_RE = re.compile(
    rf"({_NAME})\s+(?:(?:a|has|have|had|also|then|will|va|s['’]est\s+engagé\s+à|a\s+décidé\s+d['’])\s+)*"
    r"(?:investit|invests|invested|investi|investira|committed|commits|injecte|a\s+injecté|versé|verse|put|poured)\b"
)
_INVESTOR_CONTEXT_RE = re.compile(
    r"\b(?:investisseur\w*|investor\w*|fonds|funds?|vc|venture|capital|particip\w+|round|tour|levee|"
    r"backers?|soutiens?|joined|led|mene\w*|en\s+tete)\b"
)


# How much each way of reaching a decision is worth (``lexicons/confidence.json``).
@functools.cache
def _weights(table: str) -> tuple[tuple[str, float], ...]:
    return tuple(lexicon.load("confidence")[table].items())


def _weight(table: str, key: str) -> float:
    weights = _weights(table)
    return next((w for cue, w in weights if cue in key), dict(weights)["*"])


@functools.lru_cache(maxsize=512)
def _confidence(owner_how: str, kind_how: str, status_how: str, keyword: str, headline: bool) -> float:
    """0..1: a named subject, a clear raise or value word and an explicit amount score high; an owner found
    by coreference or by the article's topic, a weak or carried kind cue, an ambiguous mood score lower."""
    kind_key = f"weak cue {keyword}" if keyword in lexicon.load("confidence")["weak_kind_cues"] else kind_how
    value = (
        _weight("owner", owner_how)
        * _weight("kind", kind_key)
        * _weight("status", status_how)
        * (_weight("form", "headline") if headline else 1.0)
    )
    return round(min(1.0, max(0.0, value)), 2)


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


def _same_fact(a: _Cand, b: _Cand, sentences: list[Sentence]) -> bool:
    if a.kind != b.kind or not _same_money(a.mention, b.mention):
        return False
    if (
        a.kind == "funding_round"
        and a.round
        and b.round
        and not (a.round.startswith(b.round) or b.round.startswith(a.round))
    ):
        # "$100M in a Series B ... had also raised $100M in a Series A": two deals of the same size.
        return False
    if a.context != b.context:
        later = b if b.sent_index >= a.sent_index else a
        # "a separate $6 billion round in May": same figure, different deal.
        if re.search(
            r"\b(?:separate|distinct|another|un\s+autre|une\s+autre)\b",
            fold(sentences[later.sent_index].text),
        ):
            return False
    return True


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
    if re.search(
        rf"\b{re.escape(owner)}\s*,\s*(?:who|qui)\s+(?:founded|a\s+fonde|cofounded|co-founded)", low_sent
    ):
        return True
    if doc.descriptor_named(owner):
        return False
    nxt = doc.folded[idx + 1] if idx + 1 < len(doc.folded) else ""
    return bool(_GENDERED_RE.search(low_sent[pos:]) or _GENDERED_RE.search(nxt))


_ROLE_OF_RE = re.compile(
    rf"\b(?:ceo|founder|co-?founder|cofondat\w+|fondat\w+|dirigeant\w*|patron\w*|pdg|boss|chief\s+\w+|"
    rf"directeur\s+g[ée]n[ée]ral|pr[ée]sident\w*)\s+(?:of|de|d'|du|at|chez)\s*(?:(?:rival|the|la|le|l')\s*)?({_NAME})",
    re.IGNORECASE,
)


_ROLE_POSSESSIVE_RE = re.compile(
    rf"({_NAME})['’]s\s+(?:\w+\s+)?(?:co-?founder|founder|ceo|chief\s+executive|boss|chairman|president)\s*,?\s*$",
    re.IGNORECASE,
)


def _person_company(person: str, sent: str, doc: _Doc, idx: int) -> str | None:
    """The company a person's raise is for: "for her startup X", the company the person runs,
    else the entity when it is named within two sentences."""
    m = _FOR_VENTURE_RE.search(sent)
    if m:
        return "entity" if _is_entity_name(m.group(1), doc.entity_re) else fold(m.group(1))
    pos = fold(sent).find(person)
    role = _ROLE_OF_RE.search(sent, max(0, pos - 60), min(len(sent), pos + len(person) + 60))
    if role is None:
        role = _ROLE_POSSESSIVE_RE.search(sent[max(0, pos - 60) : pos]) if pos >= 0 else None
    if role and _plausible_company(role.group(1)):
        return "entity" if _is_entity_name(role.group(1), doc.entity_re) else fold(role.group(1))
    for j in (idx, idx - 1, idx + 1, idx + 2):
        if 0 <= j < len(doc.folded) and doc.entity_re.search(doc.folded[j]):
            return "entity"
    return None
