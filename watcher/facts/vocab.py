"""Cue vocabulary shared by the deciders: what a figure measures, totals, debt, sources, raise verbs."""

from __future__ import annotations

import functools
import re

from watcher.facts import lexicon
from watcher.facts.lexicon import LANGS, alternation

# A subject who means to raise ("Quaxi plans to raise", "Quaxi prévoit de lever") owns the figure after
# it as surely as one who raised: the intent, then the raise verb's infinitive.
_INTENT_TO_RAISE = (
    "(?:"
    + "|".join(dict.fromkeys(v for code in LANGS for v in lexicon.load(code)["intent_verbs_surface"]))
    + r")\s+(?:"
    + "|".join(dict.fromkeys(v for code in LANGS for v in lexicon.load(code)["raise_infinitives_surface"]))
    + ")"
)
_SUBJECT_VERBS = (
    "(?:"
    + "|".join(dict.fromkeys(v for code in LANGS for v in lexicon.load(code)["raise_verbs_surface"]))
    + "|"
    + _INTENT_TO_RAISE
    + r")\b"
)
# Every _SUBJECT_VERB_RE match ends with one of the verbs: without one, the costly name scan is skipped.
_SUBJECT_VERB_GATE_RE = re.compile(r"(?<![\w-])" + _SUBJECT_VERBS)
# What a company is called right before its name: "for payments firm Zorblo", "pour la fintech Zorblo".
_DESCRIPTOR_NOUN = (
    r"(?:firm|company|start-?up|startup|unicorn|scale-?up|maker|platform|provider|developer|specialist|"
    r"fintech|insurtech|proptech|biotech|medtech|healthtech|edtech|foodtech|legaltech|licorne|pépite|"
    r"jeune\s+pousse|société|entreprise|app|application|group|groupe|marketplace|neobank|néobanque|lender|"
    r"insurer|assureur|operator|opérateur|retailer|site|marque|enseigne|brand|chain|géant|giant|acteur|pionnier|pioneer|spécialiste|fabricant|éditeur|développeur|plateforme|PME|ETI)"
)
# The same, after its article and a few lower-case words: "the payments firm ", "la fintech ".
# ("B2B invoicing platform", "smart label packaging provider": an acronym, three words.)
_DESCRIBED = (
    rf"(?:(?:le|la|l['’]|the)\s*)?(?:(?:[a-zà-ÿ-]+|[A-Z][A-Z0-9]{{1,4}})\s+){{0,3}}?{_DESCRIPTOR_NOUN}\s+"
)
# A French object relative after a figure, the subject put after its verb: "(les 125 M€) que vient de lever",
# "qu'a obtenus", "que viennent de boucler", an aside in commas allowed first ("8 M€, son deuxième tour en
# trois ans, qu'a obtenus"). Accents optional: it reads folded and original text.
_INVERTED_RAISE_REL = (
    r"(?:,[^,.;:!?()]{1,70},\s*)?(?:que\s+|qu['’]\s*)(?:vien(?:t|nent)\s+d(?:e\s+|['’])|"
    r"(?:a|ont|avait|avaient|va|vont)\s+(?:\w+\s+)?)?"
    r"(?:lever|l[eèé]ve|lev[ée]e?s?|obtenir|obtient|obtenue?s?|r[ée]colt\w+|boucl\w+|r[ée]uni[rset]?|"
    r"collect\w+|empoch\w+|d[ée]croch\w+|engrang\w+|amass\w+)\s+"
)
_VENTURE_NOUN = (
    r"(?:(?:new|nouvelle|nouveau|own|propre|jeune|young|ai|ia)\s+){0,2}"
    r"(?:start-?up|company|venture|firm|soci[ée]t[ée]|entreprise|jeune\s+pousse|lab|laboratoire|p[ée]pite)"
)
# Kind vocabulary, matched on folded (lower-case, accent-free) text.
_KW_VALUATION = (
    # ("la société est estimée à 2 milliards": valued at; "estime que" stays a source's word.)
    r"(?:(?<=est\s)|(?<=soit\s)|(?<=deja\s)|(?<=etait\s)|(?<=serait\s)|(?<=desormais\s))"
    r"estimee?s?(?=\s+(?:a|aujourd'hui\s+a|desormais\s+a)\s)|"
    r"valoris\w*|valuations?|valued|values|value|valuing|valeur|worth|vaut|valait|vaudrai\w*|evalu(?:e|ee|ees|es|ait|aient|ant|ent|era|erait)\b|"
    r"post-money|pre-money"
    r"|decacorne"
)
# Raise cues every language shares; the others come from the language's lexicon (``lexicons/<lang>.json``)
# so that a French noun ("tour", "cycle") never reads an English "concert tour" or "upgrade cycle" as a raise.
_KW_ROUND_SHARED = (
    r"series\s+[a-h]|serie\s+[a-h]|seed|extension|add-?ons?|top-?ups?|convertibles?|closing|first\s+close|"
    r"crowdfunding|crowd-?equity|equity\s+crowdfunding"
)
_KW_TOTAL = (
    r"au\s+total|in\s+total|to\s+date|a\s+ce\s+jour|jusqu'ici|jusqu'a\s+present|so\s+far|en\s+tout|"
    r"depuis\s+sa\s+(?:creation|fondation|naissance)|depuis\s+son\s+lancement|since\s+(?:its\s+)?"
    r"(?:founding|foundation|inception|launch|creation|start)|since\s+(?:it\s+was\s+|being\s+)?(?:founded|launched|created)|"
    r"depuis\s+(?:sa|son)\s+(?:creation|fondation|lancement|debuts?)|total|cumul\w*|overall|altogether|in\s+all|"
    r"pour\s+l'instant|pour\s+le\s+moment|a\s+ce\s+stade|thus\s+far|until\s+now|jusqu'a\s+maintenant|"
    # "Over the years, Quaxi has raised ...": every round of its life.
    r"(?:over|through)\s+the\s+years|au\s+fil\s+des\s+(?:ans|annees)|over\s+(?:its|their)\s+(?:lifetime|history)|"
    # "aura réussi à collecter", "en six années d'existence": what the company has gathered by now.
    r"aura\s+reussi\s+a\s+(?:collecter|lever|recolter)|"
    r"(?:annees?|ans|years)\s+d'existence|years\s+of\s+existence|"
    # "its $20 million in prior funding": what came before, all of it, is a total.
    r"in\s+(?:previous|prior|earlier)\s+funding|"
    # "8 M€ au cours de ses deux premiers tours", "$30 million across three rounds": several rounds' sum.
    r"(?:lors|au\s+cours)\s+(?:des|de\s+ses)\s+(?:deux|trois|quatre|cinq|\d)\s+(?:(?:precedents|premiers|derniers)\s+)?"
    r"(?:tours|levees|operations)|(?:over|across)\s+(?:its\s+|the\s+|their\s+)?(?:two|three|four|five|\d)\s+"
    r"(?:(?:previous|prior|earlier|first|separate|funding)\s+)?(?:rounds|raises)|"
    # Money gathered over a span of time: "over the past three years", "en cinq ans".
    r"(?:in|within|over|en|sur)\s+(?:(?:just|only|seulement|moins\s+de|less\s+than|the\s+(?:past|last)|les|"
    r"quelque)\s+)?(?:\d+|a\s+few|few|several|two|three|four|five|six|seven|eight|nine|ten|quelques|deux|trois|"
    r"quatre|cinq|six|sept|huit|neuf|dix)\s+(?:(?:short|courts?|petites?)\s+)?(?:months|years|mois|ans|annees)"
    r"(?!\s+(?:after|before|later|earlier|ago|apres|avant|plus\s+tard|plus\s+tot))"
)
_KW_NONFUNDING = (
    # An investor's usual cheque ("des tickets de 30 à 100 M€", "writes checks of $5M"): no one's round.
    # (One investor's "ticket de 15 M€" for its stake is the round it makes; "des tickets de" are a habit.)
    r"(?<!gros\s)(?<!big\s)(?<!large\s)(?<!grands\s)tickets|(?<!un\s)(?<!son\s)(?<!a\s)(?<!gros\s)ticket|ticket\s+sizes?|cheques?\s+of|checks?\s+of|check\s+sizes?|"
    # A company's spending plan: "the board approved a planned investment of $45M for two plants".
    r"planned\s+investments?|projected\s+investments?|investissements?\s+prevus?|"
    r"plans?\s+d'investissements?|investment\s+plans?|"
    # An offering's over-allotment ("plus a greenshoe of $30M"); a fund's last close ("the final close came
    # at €90 million", "le closing final du fonds, à 80 M€").
    r"greenshoe|over-?allotment|surallocation|final\s+close|closing\s+final|"
    r"chiffre\s+d'affaires|revenu\w*|revenue\w*|arr|acv|mrr|sales|ventes|benefices?|profits?|pertes?|"
    r"losses|loss|depens\w*|spend\w*|spent|couts?|costs?|budgets?|factures?|bills?|parametres|parameters|"
    r"capex|capital\s+(?:expenditures?|spending)|depenses\s+d'investissement|data\s+cent(?:er|re)s?|datacenters?|centres?\s+de\s+donnees|salaires?|salary|salaries|prix|"
    r"price\w*|market\s+(?:size|cap\w*)|taille\s+du\s+marche|marche|acquisition\w*|acquir\w+|rachat|"
    r"rachete\w*|buyout|stakes?|subventions?|grants?|programme|program|strategy|strategie|amendes?|fines?|"
    r"penalty|contrat|contract|commandes?|orders?|employees|salaries|users|utilisateurs|gpus?|"
    # "une bourse French Tech de 30 000 euros": a grant ("la Bourse" is the stock exchange).
    r"(?<=une\s)bourse|(?<=d'une\s)bourse|"
    r"capitalisation\s+boursiere|chiffre|turnover|ebitda|deficit|burn|manages|managing|gere|gerant|"
    # ("raised €14m to fund hiring": the verb, what the money is for; not a fund's size.)
    r"sous\s+gestion|under\s+management|actifs|assets|aum|capital\s+commitments|"
    # "a $30m add-on option": what a round may grow by, not the round.
    r"add-on\s+option|extension\s+option|option\s+d'extension|"
    r"(?<!to\s)(?<!help\s)(?<!will\s)(?<!further\s)(?<!also\s)fund|aides?|subsid(?:y|ies|ised|ized)|targets?|targeted(?=\s*$)|objectifs?|"
    # An employee share scheme's size: "$9 million set aside for its ESOP pool".
    r"esops?|stock\s+options?|option\s+pools?|bspce|"
    # A pharma deal's size ("a $1.2 billion biobucks arrangement"), a listing's enterprise value.
    r"biobucks|milestone\s+payments?|upfront\s+payments?|enterprise\s+value|valeur\s+d'entreprise|"
    # Cash held, not raised: "now holds $900 million on its balance sheet".
    r"balance\s+sheet|tresorerie|cash\s+(?:on\s+hand|reserves?|position|pile)|runway|"
    r"pay\s+out|paying\s+out|paid\s+out|payouts?|"
    # ("a fully diluted value of $9 billion" as its shares trade: what the stock says.)
    r"capitalisation|capitalization|market\s+value|fully\s+diluted\s+value|gross\s+(?:merchandise|transaction|booking)s?\s+"
    r"(?:value|volume)|gmv|gtv|volume\s+d'affaires"
)
_KW_DEBT = (
    # ("car loan provider Quaxi raised": the business it is in, not its money.)
    # Money lent against the assets it buys: "un financement de la flotte", "fleet financing".
    r"financements?\s+(?:de\s+(?:la|sa)\s+)?flotte|fleet\s+financing|asset[\s-]+(?:based\s+)?financing|"
    r"financements?\s+d'actifs|"
    r"dettes?|debt|emprunts?|loans?(?!\s+(?:providers?|platforms?|apps?|marketplaces?|compan(?:y|ies)|start-?ups?|"
    r"businesses|business|fintechs?|specialists?|servicers?|brokers?)\b)|"
    r"(?<!plateforme\sde\s)(?<!specialiste\sdu\s)prets?(?!\s+a\b)|credit\s+facility|credit\s+lines?|lines?\s+of\s+credit|"
    # ("for a commercial facility": a plant, not a loan.)
    r"(?<!commercial\s)(?<!manufacturing\s)(?<!production\s)(?<!research\s)(?<!industrial\s)(?<!pilot\s)"
    r"(?<!storage\s)(?<!processing\s)(?<!recycling\s)(?<!test\s)(?<!new\s)facilit(?:y|ies)|facilites?\s+de\s+credit|credits?\s+renouvelables?|"
    r"lignes?\s+de\s+credit|obligations?(?!\s+convertibles?)|bonds?|financements?\s+par\s+emprunt|revolving|"
    r"non[\s-]dilutif\w*|non[\s-]dilutive|avances?\s+remboursables?|repayable\s+advances?|"
    # Money from lenders (a company may itself be "a lender": only the source of the money counts).
    r"(?:from|by|aupres\s+d(?:e|es|u|')\s*)\s*(?:a\s+(?:group|consortium|syndicate)\s+of\s+|"
    r"(?:un|d'un)\s+(?:groupe|pool|consortium)\s+de\s+)?(?:\w+\s+)?(?:lenders|preteurs)|asset-backed"
)


@functools.cache
def _kind_re(lang: str | None) -> re.Pattern[str]:
    """What a figure measures, from the words around it, in the lexicon of ``lang`` (None: every lexicon)."""
    return re.compile(
        # ("sa méga-levée", "a mega-round": a size prefix before the cue word.)
        rf"(?<![\w-])(?:(?:mega|maxi|super)-)?(?:(?P<val>{_KW_VALUATION})|(?P<debt>{_KW_DEBT})|(?P<non>{_KW_NONFUNDING})|"
        rf"(?P<inv>{alternation('invest_verbs', lang)})|"
        rf"(?P<round>{_KW_ROUND_SHARED}|{alternation('raise_cues', lang)}))(?![\w'])"
    )


@functools.cache
def _invested_left_re(lang: str | None) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation('invest_verbs', lang)})\s+(?:[\w'-]+\s+){{0,3}}$")


_TOTAL_RE = re.compile(rf"(?<![\w])(?:{_KW_TOTAL})(?![\w'])")
# "Since 2019, X has raised...", "X a levé 120 M€ depuis 2018": money raised over years is a total.
# Only as the clause's opener or right after the figure: "growing since 2019, raised $50M" is a round.
_SINCE_YEAR = r"(?:depuis|since)\s+(?:l'an(?:nee)?\s+)?(?:19|20)\d\d\b"
_SINCE_YEAR_OPENER_RE = re.compile(rf"[\s\W]*{_SINCE_YEAR}\s*,")
# ("$80 million in funding since 2016", "50 M€ d'investissements depuis 2015": the money named first.)
_SINCE_YEAR_AFTER_RE = re.compile(
    r"\s*(?:(?:in\s+)?(?:funding|financing|investments?|capital|venture\s+(?:capital|funding))\s+|"
    r"d'investissements?\s+|de\s+(?:financements?|capitaux|fonds\s+propres|fonds)\s+)?"
    # ("has invested $517m in Quaxi since 2011": an investor's money over the years, through its target.)
    r"(?:(?:in|into|dans|chez)\s+(?:[\w.'&-]+\s+){1,3}?)?"
    # ("les 9 M€ ont été récoltés depuis 2021": the passive verb between.)
    r"(?:(?:ont|a|have|has)\s+(?:ete|been)\s+(?:leve(?:e|s|es)?|recolte(?:e|s|es)?|raised)\s+)?"
    rf"{_SINCE_YEAR}"
)
_ALREADY_RE = re.compile(r"\b(?:deja|already)\b")
_COMPONENT_RE = re.compile(
    r"^[\s,;(]*(?:dont|of\s+which|including|among\s+which|parmi\s+lesquels|y\s+compris)\s*[^\w]*$"
)
_ROUNDISH_RE = re.compile(r"\b(?:tour|round|levee|serie|series|seed|amorcage|cycle|financement|funding)\b")
_REPORTED_RE = re.compile(
    r"\b(?:selon|d'apres|according\s+to|citee?s?\s+par|reported\w*|reports|rapporte\w*|revel\w+|"
    # "open-source", "open source", "single-source" describe software or supply, not an informant.
    r"(?<![\w-])(?<!open\s)sources?(?!-)|people\s+(?:familiar|with\s+knowledge|close)|familiar\s+with|knowledge\s+of|"
    r"said\s+to|estime\w*|estimates?|reportedly|affirme\s+le|indique\s+le\s+(?:ft|journal)|"
    r"(?:the|these|those|two|three|several)\s+(?:people|persons|sources)\s+(?:said|say|added|told)|"
    r"(?:deux|trois|plusieurs|des|ces)\s+(?:personnes|sources)\s+(?:ont\s+|a\s+)?(?:declare|dit|indique|affirme|"
    r"confie|precise)|"
    r"(?:has|have|had)\s+learn[td]|(?:a|ont|avait)\s+appris|seen\s+by|consult\w+\s+par)\b"
)
_OFFICIAL_SOURCE_RE = re.compile(
    r"\b(?:according\s+to|selon|d'apres)\s+(?:a|the|its|un|une|le|la|son|sa)?\s*"
    r"(?:regulatory\s+)?(?:filing|statement|press\s+release|communique|announcement|company|societe|"
    r"entreprise|document(?!s?\s+(?:seen|obtained|reviewed|viewed|consult\w+|obtenu\w*|examin\w+)\b))"
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _sentence_reported(low: str) -> bool:
    return bool(_REPORTED_RE.search(low)) and not _OFFICIAL_SOURCE_RE.search(low)


_DEBT_RE = re.compile(rf"(?<![\w-])(?:{_KW_DEBT})(?![\w'])")
