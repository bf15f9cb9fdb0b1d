"""Name-anchored patterns: a company as subject, possessor, object of "values", target of an investment."""

from __future__ import annotations

import re

from watcher.facts import lexicon
from watcher.facts.lexicon import LANGS
from watcher.facts.names import _NAME
from watcher.facts.vocab import _DESCRIBED, _DESCRIPTOR_NOUN, _SUBJECT_VERBS, _VENTURE_NOUN

_ADVERBIALS = "|".join(a for code in LANGS for a in lexicon.load(code)["adverbials_surface"])
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
    rf"maker|developer|lab|laboratoire|p[ée]pite|licorne|unicorn|fabricant|[ée]diteur|firme|PME|ETI|"
    # "the lab behind the Corvid models", "the maker of the Aria chatbot": a product, not a company.
    # ("une start-up cofondée avec Anne Morel": who it was founded with is no company.)
    rf"jeune\s+pousse|scale-?up)(?:\s+(?!by\b|par\b|behind\b|of\b|for\b|with\b|avec\b|that\b|which\b)"
    # ("le fabricant d'écrans 8K Quaxi": an elided article, a figure-like word in the descriptor.)
    # ("la société d'investissement Kobalt" is an investor.)
    # ("a company developing drug-switch T-cell engagers": what it makes, after a verb, is no name.)
    rf"(?![dl]['’](?:investissement|capital|gestion)\b)(?![a-z]+ing\b|[a-zà-ÿ]+ant\b)(?:[dl]['’])?(?:[a-zà-ÿ-]+|\d[A-Z]))"
    # ("la société de Namur", "la start-up de Julie Morel": a place or a founder after "de", no name.)
    rf"{{0,3}}?\s+(?<!soci[ée]t[ée]\sde\s)(?<!entreprise\sde\s)(?<!start-up\sde\s)(?<!startup\sde\s)({_NAME})"
)
_SUBJECT_VERB_RE = re.compile(
    # ("« Quaxi » qui a pu récolter": a name in quotes.)
    # ("Pelvora (which recently raised $90M)": a relative clause in brackets.)
    # ("Quaxi (NASDAQ: QXI) raised", "Quaxi (FR0011234567), medtech ..., lève": a ticker or code in brackets.)
    rf"({_NAME})(?:['’]s)?\s*[»”\"]?\s*(?:\([^()]{{1,40}}\)\s*)?(?:,[^,]{{1,140}},\s*|[,(]\s*(?=qui\s|which\s|who\s))?"
    r"(?:(?:has|have|had|a|avait|qui|who|which|that|also|just|recently|récemment|vient|de|d['’]|then|aussi|déjà|already"
    r"|était|est|was|is|n['’]a|previously|earlier|initially|first|précédemment|auparavant|été|been"
    # Plural subjects: "Adionics et Quaxi, qui ont chacun levé", "both have raised".
    r"|ont|avaient|sont|étaient|viennent|chacun|chacune|each|both|all|tous|toutes)\s+){0,4}"
    # "Anthropic last week closed", "OpenAI au printemps a levé": a time or manner adverbial between
    # subject and verb (``adverbials_surface`` of the lexicons), never an arbitrary phrase.
    r"(?:,?\s*(?:" + _ADVERBIALS + r"),?\s+){0,2}"
    r"(?:(?:has|have|had|a|avait|est|was|is|a\s+été|has\s+been|été)\s+)?" + _SUBJECT_VERBS
)
_TARGET_RE = re.compile(
    # ("dans le capital de Zorblo": into its capital.)
    # ("to buy drone maker Zorblo": what the money is for, an infinitive, not whom it goes to.)
    rf"\b(?:dans|in|into|chez|to(?!\s+(?:buy|acquire|purchase|take\s+over|fund|finance|expand|build|hire|grow|"
    rf"scale|launch|develop|help|support|accelerate|open|challenge|compete|rival|fight|take\s+on)\b))\s+"
    rf"(?:(?:la|le|l['’]|the)\s+)?(?:capital(?:-actions)?\s+(?:de\s+|d['’]))?"
    rf"(?:(?:start-?up|startup|soci[ée]t[ée]|"
    rf"company|firm|entreprise|jeune\s+pousse)\s+(?:[a-zà-ÿ-]+\s+){{0,2}}"
    # "in British self-driving car startup Zorblo": the descriptor after its adjectives.
    rf"|(?:[\w-]+\s+){{1,4}}?{_DESCRIPTOR_NOUN}\s+)?({_NAME})"
)
_POSSESSIVE_RE = re.compile(rf"({_NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}(?:round|raise|funding|valuation|deal)")
_OF_NAME_RE = re.compile(
    # ("the IPO of Plimo, priced at a valuation of ...": a listing's figures are the listed company's.)
    rf"\b(?:(?:celle|celui|ceux|levée|lev[ée]e|valorisation|valuation|round|tour\s+de\s+table|IPO|listing|"
    rf"introduction\s+en\s+[Bb]ourse|entrée\s+en\s+[Bb]ourse)\s+"
    rf"(?:d['’]\s?|de\s+|of\s+)"
    # « La plus grosse levée du mois revient à Plimo »: whose the deal spoken of is.
    rf"|\brevien(?:t|nent)\s+[àa]\s+)({_NAME})"
)
# "The round values Bellwright at $450M", "l'opération valorise implicitement Ludo à 200 M€": the object
# of "values" is the company whose worth the figure is.
_VALUES_OBJECT_RE = re.compile(
    r"(?i:\b(?:values|valued|valuing|valorise|valorisent|valorisait|valorisant|valoriserait|evalue|évalue|evaluait|évaluait|evaluant|évaluant)\s+"
    r"(?:(?:implicitement|implicitly|d[ée]sormais|now|also|aussi|ainsi|thus)\s+)?)"
    rf"({_NAME})"
)
_VALUES_GATE_RE = re.compile(r"(?i:valu|valoris|[ée]valu)")
# "a $65 million Series C round for Kettle", "le tour de table pour Kettle": whose round it is.
_ROUND_FOR_RE = re.compile(
    r"(?i:\b(?:round|funding|financing|raise|fundraise|fundraising|investment|series\s+[a-h]|s[ée]rie\s+[a-h]|seed|"
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
    # ("Kobalt, which was valued at $2bn in 2022": the past tense too.)
    rf"({_NAME})\s*(?:,\s*|\(\s*)(?:(?:which\s+(?:is|was|had\s+been|has\s+been)|qui\s+(?:est|était|a\s+été|avait\s+été)"
    rf"|now|desormais|désormais|already|déjà|"
    rf"itself|elle-même|lui-même|recently|récemment)\s+)?"
    rf"(?:valued|valorisée?s?|évaluée?s?|worth|estimated|estimée?s?)\b"
    # ("Quaxi, which was at a valuation of $1.1bn", "Quaxi, recently at a valuation of": a state said of
    # the name; not "led by Kobalt, at a valuation of", the round's own terms.)
    rf"|({_NAME})\s*,\s*(?:which\s+(?:is|was)|now|recently|currently|d[ée]sormais|r[ée]cemment)\s+"
    rf"(?:at\s+a\s+valuation\s+of|[àa]\s+une\s+valorisation\s+de)\b"
    # ("Pelican (insurtech), which landed $75 million": a short parenthesis after the name.)
    rf"|({_NAME})(?:\s*\([^()]{{1,40}}\))?,\s+(?:which|who|qui)\s+"
    # ("Quarrel, which announced it had raised $8m": what the name said it raised.)
    rf"(?:(?:announced|said|confirmed|reported|a\s+annoncé|annonce)\s+(?:that\s+)?(?:it\s+|avoir\s+)?)?"
    rf"(?:(?:had|has|a|avait)\s+)?(?:\w+\s+)?"
    rf"(?:raised|secured|closed|landed|levé|obtenu|récolté|bouclé)\b"
    rf"|({_NAME})\s*\((?=\s*(?:[$€£¥₩]|[A-Z]{{3}}\s?)?\d)"
    # ("Plimo, a Denver-based tutoring marketplace that closed": any word that describes a company.)
    rf"|({_NAME}),\s+(?:a|an|une?|the|la|le)\s+(?:[\w.-]+\s+){{0,4}}?(?:{_DESCRIPTOR_NOUN}|"
    rf"rival|competitor|concurrent)(?:\s+[\w-]+){{0,6}}?\s+(?:that|which|qui)\b"
)
_RAISED_PARTICIPLES = (
    r"(?:lev[ée]e?s?|raised|r[ée]colt[ée]e?s?|obtenue?s?|secured|re[çc]u(?:e|s|es)?|received|"
    # "la levée de 580 M€ annoncée mardi par Quaxi": who announced a raise is who made it.
    r"annonc[ée]e?s?|announced|r[ée]alis[ée]e?s?|boucl[ée]e?s?|garnered|pocketed|landed|amassed|attracted|"
    r"collected|obtained|attir[ée]e?s?|empoch[ée]e?s?|effectu[ée]e?s?|completed|closed|finali[sz]ed|finalis[ée]e?s?)\s+"
    r"(?:(?:" + _ADVERBIALS + r"),?\s+)?"
)
_BY_NAME_RE = re.compile(
    r"^\W{0,3}(?:"
    # "the $400 million garnered by Brazilian firm Quaxi": after a raise participle, "by" + a descriptor.
    + _RAISED_PARTICIPLES
    + rf"(?:par|by)\s+{_DESCRIBED}"
    # ("par la start-up gantoise Quaxi": French adjectives after the descriptor.)
    + r"(?:[a-zà-ÿ-]+\s+){0,2}?|"
    # ("a seed round closed by Halvane", "a €9 million round completed by Corvid": the round's words, then
    # who made it.)
    + r"(?:(?i:(?:(?:series|s[ée]rie)\s+[a-h]\s+|(?:pre-?)?seed\s+)?(?:(?:funding|financing|investment)\s+)?"
    + r"(?:round|tour(?:\s+de\s+table)?|lev[ée]e(?:\s+de\s+fonds)?)\s+"
    + r"(?:(?:was|has\s+been|a\s+[ée]t[ée])\s+)?)?"
    + _RAISED_PARTICIPLES
    + ")?"
    # "$65 million Series C round for Kettle": the round's own words may come first.
    r"(?i:(?:(?:series|s[ée]rie)\s+[a-h]\s+|(?:pre-?)?seed\s+|growth\s+|equity\s+)?"
    r"(?:(?:funding|financing|investment|venture)\s+)?(?:round|tour(?:\s+de\s+table)?|raise|funding|financing|"
    r"lev[ée]e(?:\s+de\s+fonds)?)\s+(?=for\b|pour\b))?"
    # "70 M$ pour l'Allemand Zephyr": "for the" + the company, its descriptor first; "$478 million for
    # payments firm Zephyr", "pour la fintech Zephyr": a descriptor noun ends the words before the name.
    # ("8 M€ pour permettre à Quaxi de recruter", "$5M to help Quaxi hire": the company the sum enables.)
    rf"(?:(?:par|by|pour|for)\s+|(?:pour|for)\s+(?:le|la|l['’]|the)\s*"
    rf"|(?:pour|for)\s+(?:permettre\s+[àa]|aider|accompagner)\s+|to\s+(?:help|allow|enable)\s+"
    rf"|(?:pour|for)\s+{_DESCRIBED}"
    # ("$90 million raised by X, $40 million by the drone maker Quaxi": a list's entry, by + descriptor.)
    # (Not the agent of an estimate: "estimated at €1 billion by the data provider X".)
    rf"|(?:par|by)\s+(?!(?:the\s+|le\s+|la\s+|l['’])?(?:data|research|market|rating|analytics|donnees|cabinet)\b)"
    rf"{_DESCRIBED}))"
    rf"(?:(?:sa|son|his|her|its|their|leur)\s+(?:{_VENTURE_NOUN}\s*,?\s*)?)?({_NAME})"
)
# "the $500 million rival Ombrel landed", "les 200 M€ qu'Ombrel a levés": the figure is the object of
# another company's raise.
_OBJECT_REL_RE = re.compile(
    r"^[ \u00a0]*(?:(?:round|raise|funding|tour|lev[ée]e)(?:\s+of\s+funding|\s+de\s+(?:table|fonds))?\s+)?"
    r"(?:that|which|qu['’]|que\s+)?\s*"
    r"(?:(?:its|their|son|sa|leur)\s+)?(?:(?:rival|competitor|concurrent|peer)\s+)?"
    # ("that Quaxi, a rival app, announced in May": an apposition between the name and its verb.)
    rf"({_NAME})(?:\s*,\s*[^,;:()]{{3,60}},)?\s+(?:(?:has|had|have|a|avait|just|recently|vient\s+de|also|aussi)\s+)*"
    r"(?:raised|landed|secured|closed|bagged|pulled\s+in|reported|announced|unveiled|completed|"
    r"lev[ée]s?|lever|obtenus?|r[ée]colt[ée]s?|boucl[ée]s?|annonc[ée]e?s?)\b"
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
    rf"(?:[^,]{{0,40}},\s*)?(?P<subj>{_NAME})(?:\s*,\s*(?:qui|which|who)\s[^,;:()]{{3,140}},)?"
    # "Klarna, par exemple, ...", "Kobalt, for its part, ...": the same hand-over after the name.
    r"(?P<aside_contrast>\s*,\s*(?i:par\s+exemple|for\s+example|for\s+instance|de\s+son\s+c[ôo]t[ée]|pour\s+sa\s+part|"
    r"quant\s+[àa]\s+(?:elle|lui)|for\s+its\s+part|meanwhile|en\s+revanche|lui|elle),)?\s+(?=[a-zà-ÿ])"
)
# A roundup's entry, the company then its sum in brackets: "Quaxi (12 M€", "Zorblo dans le fret (65
# millions" (the company's field may stand between its name and the sum).
_FIELD = r"(?:\s+(?:dans|en|in)\s+(?:(?:le|la|les|the)\s+|l['’])?[\w-]+(?:\s+[\w-]+)?)?"
_NAME_PAREN_LEFT_RE = re.compile(rf"({_NAME}){_FIELD}\s*\(\s*$")
