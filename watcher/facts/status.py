"""Status and context decisions: announced, reported or rumoured; the news or a restated past fact."""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from watcher.facts.kinds import _NEW_CLAUSE_RE, ADDED_TO_LEFT_RE
from watcher.facts.lexicon import alternation
from watcher.facts.numbers import CHANGED_FROM_RE, MONTHS_EN, MONTHS_FR, MoneyMention
from watcher.facts.sentences import RELATED_LEADS

if TYPE_CHECKING:
    from watcher.facts.state import _Cand, _Doc


_RUMOUR_RE = re.compile(
    r"\b(?:in\s+(?:early\s+|advanced\s+|preliminary\s+)?(?:talks|discussions|negotiations)|"
    # A deal still ahead: "in the final stages of raising", "will raise", "va lever", "valorisera",
    # "prévoit d'investir", "s'engage à investir".
    r"in\s+the\s+(?:final|last|early|late|advanced)\s+stages?\s+of|will\s+(?:raise|be\s+valued|value|close|secure|"
    r"receive|invest)|va\s+(?:lever|boucler|obtenir|etre\s+valorise\w*)|vont\s+(?:lever|investir)|"
    r"(?:levera|leveront|bouclera|boucleront|obtiendra|obtiendront|valorisera|valoriseront|atteindra|"
    r"atteindront|recoltera|finalisera|cloturera|investira|investiront)|prevoi\w+\s+d'(?:investir|injecter|apporter|lever)|"
    r"s'engage\w*\s+a\s+(?:investir|injecter|apporter)|plans\s+to\s+invest|"
    r"(?:is|are|was|were)\s+(?:(?:currently|now|still|also|already)\s+)?(?:seeking|raising|looking\s+to|planning\s+to|aiming\s+to|poised\s+to|set\s+to|expected\s+to|"
    r"in\s+the\s+process|considering|exploring|weighing|mulling|contemplating|(?:taking\s+a\s+)?look(?:ing)?\s+at)|"
    r"(?:weighs|mulls|explores|considers)\s+(?:a|an)\b|seeks\s+to|looking\s+to\s+raise|plans?\s+to\s+(?:raise|close|secure)|aims\s+to\s+raise|"
    r"would|could|might|may\s+(?:raise|value)|rumou?r\w*|slated\s+to|"
    r"en\s+(?:pleine\s+)?(?:discussions?|negociations?|pourparlers)|sur\s+le\s+point\s+d(?:e|')|"
    r"envisag\w+|devrai\w+|devai(?:t|ent)|pourrai\w+|serai\w+|aurai\w+|s'appret\w+|projette|cherche\s+a\s+lever|"
    r"negoci(?:e|ent|ait|aient|er)|aiming\s+to|aims\s+to|hop(?:es|ing)\s+to\s+raise|eyeing|targeting\s+a|"
    r"in\s+the\s+market\s+(?:for|seeking|looking)|(?:is|are)\s+said\s+to\s+be|discuss(?:es|ing)\s+(?:a|an|raising)|"
    r"cherch\w+\s+a\s+(?:lever|obtenir|recolter)|vis(?:e|ent|ait)\s+(?:une|a\s+lever)|"
    r"compte\s+lever|prevoit\s+de\s+lever|souhait\w*\s+lever|veu(?:t|lent)\s+lever|wants?\s+to\s+raise|"
    # "prépare une levée de 5 M€", "prépare son tour de table": a raise still being put together.
    r"prepar(?:e|ent|ait|aient)\s+(?:une?|sa|son|leur|la|le)\s+(?:nouve\w+\s+|prochaine?\s+)?"
    r"(?:tour|levee|augmentation|serie|financement|round)|\w+erai(?:t|ent)|\w+irai(?:t|ent)|"
    # "is lining up investors for a round", "sonde des investisseurs": a raise being put together.
    r"(?:is|are)\s+(?:lining\s+up|courting|sounding\s+out|canvassing|approaching|tapping)\s+"
    r"(?:\w+\s+)?(?:investors|backers|funds)|(?:sonde|demarche|courtise)\w*\s+(?:des|de)\s+"
    r"(?:\w+\s+)?(?:investisseurs|fonds))\b"
)
_FR_MONTH = "|".join(MONTHS_FR)
_EN_MONTH = "|".join(MONTHS_EN)
# What may come before a year that dates a figure: "en", "fin", "early", "end of".
_DATE_LEAD = r"(?:in|en|fin|debut|early|late|mid|end\s+of)"
_BACKGROUND_RE = re.compile(
    r"\b(?:avai(?:t|ent)|had\s+(?:already\s+|previously\s+|just\s+|also\s+)?"
    r"(?:raised|been|secured|closed|received|invested|said|announced|planned|wanted|hoped|aimed)|"
    # ("At first Quaxi had planned a €25 million raise": the plan as it once was.)
    r"initially|initialement|"
    r"previously|precedemment|"
    # "four months after raising", "just weeks after its round", "moins d'un an après une série C".
    r"(?:months?|weeks?|years?|mois|ans?|annee|semaines?)\s+(?:after|apres)|"
    # "en septembre dernier", "datait de mai 2022", "s'élevait alors", "recently valued".
    rf"(?:{_FR_MONTH})\s+dernier|"
    r"datai(?:t|ent)\s+de|alors(?!\s+que)|recently\s+valued|recemment\s+valorisee?|"
    r"(?:etait|etaient)\s+(?:valorisee?s?|evaluee?s?)|when\s+(?:it|the\s+company)\s+was\s+valued|"
    rf"in\s+its\s+(?:{_EN_MONTH})|"
    rf"auparavant|last\s+(?:year|month|week|spring|summer|fall|autumn|winter|{_EN_MONTH})|l'(?:an|annee)\s+derniere?|"
    r"(?:printemps|ete|automne|hiver|mois)\s+dernier|earlier\s+this\s+year|a\s+l'epoque|at\s+the\s+time|"
    r"il\s+y\s+a|ago|last\s+raised|apres\s+(?:son|sa|les?)\s+(?:dernier|derniere|precedent)|precede\w*|"
    r"lors\s+de\s+(?:sa|son)\s+(?:precedent|derniere?\s+(?:levee|tour))|"
    r"its\s+(?:previous|last|prior)|"
    r"(?:previous|prior|earlier)\s+(?:round|valuation|raise|funding|fundraise|fundraising|financing)|"
    r"(?:following|after|apres|suite\s+a)\s+(?:its|their|son|sa|ses|leur)|"
    r"from\s+the\s+company's\s+tender|separate)\b"
)
# A dated figure is old news when the text also speaks of a later year ("en 2023" in a 2025 article).
_DATED_RE = re.compile(rf"\b{_DATE_LEAD}\s+(?:(?:{_FR_MONTH}|{_EN_MONTH})\s+)?((?:19|20)\d\d)\b")
# The right side of a figure stops where another clause starts: ", following its Series A in March".
_CLAUSE_END_RE = re.compile(
    r"[,;(]|\s[-–—]\s|\b(?:after|following|apres|suite\s+a|since|depuis|which|qui|when|while|alors|but|mais)\b"
    # ("... at $3 billion (€2.8 billion) and was far below its peak value": a second predicate.)
    r"|\b(?:and|et)\s+(?:is|was|are|were|has|had|est|etait|a\s+ete)\b"
)
# A definite past raise between a rumour cue and the figure: "X, qui serait valorisée ..., a levé 70 M€".
_DEFINITE_PAST_RE = re.compile(
    r"\b(?:raised|secured|closed|obtained|received|landed|bagged|(?:a|ont|avait|avaient)\s+(?:deja\s+)?"
    r"(?:leve|boucle|obtenu|recolte|recueilli|securise)|qui\s+avait|which\s+had)\b"
)
# Cues that still qualify a figure when they follow it (conditionals after it belong to the next clause).
_RUMOUR_RIGHT_RE = re.compile(
    r"^[^.;,]{0,60}?\b(?:in\s+(?:(?:the|new|early|late|advanced|funding|fundraising)\s+){0,2}"
    r"(?:talks|discussions|negotiations)|under\s+discussion|"
    r"en\s+(?:cours\s+de\s+)?(?:discussions?|negociations?)|not\s+(?:yet\s+)?(?:final\w*|closed|completed)|"
    r"pas\s+(?:encore\s+)?(?:finalis\w+|boucl\w+)|(?:terms|talks|details)\s+(?:could|may|might)\s+change|"
    r"(?:is|are)\s+(?:slated|set|expected|poised)\s+to\s+(?:be\s+)?(?:led|close|lead)|"
    r"devrai(?:t|ent)\s+etre\s+(?:mene|boucle|finalise|cloture|signe)\w*)\b"
)
_LEADING_SOURCE_RE = re.compile(r"^\W{0,3}(?:according\s+to|selon|d'apres|as\s+reported\s+by)\b")


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
    aside = _CLOSED_ASIDE_RE.search(left) if "," in left else None
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
    return re.compile(rf"(?<![\w'])(?:{alternation('headline_rumour', lang)})(?![\w'])")


# "Ledgerwise confirmed the raise", "la société a confirmé la levée": the company itself vouches for it.
_CONFIRMED_RE = re.compile(
    r"\b(?:the\s+(?:company|start-?up|firm)|la\s+(?:societe|start-?up|jeune\s+pousse)|l'entreprise|"
    # A name starts where its word does: a start inside "A-B-C" succeeds only where the word's own start
    # does, and trying each one made a long hyphenated run quadratic.
    r"it|elle|(?P<name>(?<![\w&'.-])[\w&'.-]++(?:\s+[\w&'.-]++){0,2}))\s+(?:has\s+|a\s+|also\s+|aussi\s+)*"
    r"confirm(?:ed|s|e)\s+(?:the|its|this|that|la|le|l'|sa|son|cette|cet)\s*(?:new\s+|nouvelle?\s+)?"
    r"(?:raise|round|funding|financing|investment|deal|levee|operation|tour|financement)\b"
)


# "took in €45m at a €300m valuation", "a réuni 7 M€ sur une valorisation de 40 M€":
# the value the round was raised at, between the two figures.
_AT_ITS_VALUE_RE = re.compile(
    r"^[^,;.]{0,30}?\b(?:at|a|sur\s+(?:la\s+)?base\s+d'|sur)\s+(?:a|an|une)?\s*"
    r"(?:(?:post-?money|pre-?money|reported|implied)\s+)?(?:valuation\s+of|valorisation\s+de)?\s*$"
)


def _values_share_their_rounds_time(cands: list[_Cand], doc: _Doc) -> None:
    """The valuation a round was raised at is as old as the round: "a prior fundraise in April, when Quaxi
    took in €45m at a €300m valuation" recalls both."""
    for round_, value in itertools.pairwise(cands):
        if (
            round_.kind == "funding_round"
            and value.kind == "valuation"
            and round_.sent_index == value.sent_index
            and round_.context == "background"
            and value.context == "main"
            and value.mention.start > round_.mention.end
            and _AT_ITS_VALUE_RE.match(doc.folded[value.sent_index][round_.mention.end : value.mention.start])
        ):
            value.context = "background"


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


_APPOSED_FIGURE_RE = re.compile(r",\s*(?:de\s+|d'|of\s+)?$")


def _clause(low: str, mention: MoneyMention, before: int, after: int) -> str:
    left = low[before : mention.start]
    # "X, which raised $1bn last year, is now raising $3bn": the new clause starts at ", is".
    restarts = list(_NEW_CLAUSE_RE.finditer(left))
    if restarts:
        left = left[restarts[-1].start() :]
    right = low[mention.end : min(after, mention.end + 140)]
    # "Sa dernière levée, de 30 M€, datait de 2022": a figure set off by commas belongs to the clause
    # that goes on after the closing comma.
    skip = right.find(",") + 1 if _APPOSED_FIGURE_RE.search(left) else 0
    cut = _CLAUSE_END_RE.search(right, skip)
    if cut:
        right = right[: cut.start()]
    # Only the current clause of the left side: "..., elle-même précédée d'un tour de X".
    return left[-90:] + low[mention.start : mention.end] + right


# Reported speech shifts tenses back: "said on Wednesday it had raised", "a indiqué qu'elle avait levé"
# state the news, not an earlier fact.
_BACKSHIFT_RE = re.compile(
    r"\b(?:said|says|announced|told|confirmed|disclosed|revealed|stated|added|a\s+(?:indique|annonce|declare|"
    r"precise|confirme|affirme|fait\s+savoir)|ont\s+(?:indique|annonce|declare|precise|confirme))\b"
    # "said on Wednesday", "told investors", "a indiqué mardi": a few words may stand before "that/it".
    r"(?:\s+[\w']+){0,3}?\s+(?:that\s+|qu['e]\s*)?"
    r"(?:it|they|the\s+(?:company|startup|firm)|elle|ils|la\s+(?:societe|start-?up))\s+$"
)


# "la société, fondée en 2019, vaut", "founded in 2016, it raised": the year dates the company, not
# the figure.
_FOUNDED_RE = re.compile(
    r"\b(?:nee|fondee?|creee?|lancee?|founded|established|launched|created|started|since|depuis)"
    # ("fondée à Lausanne en 2004": where, then when.)
    r"(?:\s+(?:a|in|at)\s+[\w'-]+(?:\s+[\w'-]+)?)?"
    r"(?:\s+(?:in|en))?\s*$"
)
# How far before a year its founding word may stand ("founded in Boise, Idaho in 2019").
FOUNDED_REACH = 45


# "..., up from $3bn", "contre 4 milliards un an plus tôt": the value the new one is compared with.
_OLD_VALUE_LEFT_RE = re.compile(
    r"\b(?:(?:up|down|rising|falling|increase|decrease|jump|rise|drop)\s+from|contre|compared\s+(?:with|to)|"
    r"versus|vs\.?|par\s+rapport\s+a)\s*$"
)
# "... de 8 milliards à 5 milliards", "from $8bn to $5bn": the first figure is the value before.
_CHANGED_TO_RE = re.compile(r"\s*(?:to|a|jusqu'a)\s+(?:[$€£]|us\$|\d)")


# "En 2024, Quaxi était valorisée ...", "Last summer, it raised ...": a time that opens the sentence, set
# off by its comma, dates all of it, however far the figure is.
_OPENING_DATE_RE = re.compile(
    rf"\s*(?:(?:{_DATE_LEAD}\s+)?(?:(?P<month>{_FR_MONTH}|{_EN_MONTH})\s+)?(?P<year>(?:19|20)\d\d)|"
    r"(?P<past>last\s+(?:year|spring|summer|fall|autumn|winter)|l'(?:an|annee)\s+derniere?|"
    r"(?:au|a\s+l')\s*(?:printemps|ete|automne|hiver)\s+dernier)|"
    # ("En début d'année, Quaxi avait confié ...": the start of the text's year, past by spring.)
    r"(?P<early>(?:en|au)\s+debut\s+d'annee|plus\s+tot\s+(?:cette|dans\s+l')\s*annee|"
    r"earlier\s+(?:this|in\s+the)\s+year|at\s+the\s+(?:start|beginning)\s+of\s+the\s+year)|"
    # (« En février, Quaxi a bouclé ... »: a month with no year, dated against the text's own.)
    rf"(?:en|in)\s+(?P<bare_month>{_FR_MONTH}|{_EN_MONTH}))\s*,"
)
# From which month of the text's year its start is past: "en début d'année" in April is old news.
_START_OF_YEAR_PAST_MONTH = 4


_RELATED_LINK_RE = re.compile(rf"\W*(?:{RELATED_LEADS})\s*[:|–—-]")
_MONTH_NUMBERS = {name: i + 1 for names in (MONTHS_FR, MONTHS_EN) for i, name in enumerate(names)}


def _earlier_than_text(doc: _Doc, opening: re.Match[str]) -> bool:
    """Whether the time opening a sentence is before the text: an earlier year, or an earlier month of
    the year the text was published ("En mars 2011," in an article of September 2011)."""
    if opening.group("early") is not None:
        return doc.published_month is not None and doc.published_month >= _START_OF_YEAR_PAST_MONTH
    if (bare := opening.group("bare_month")) is not None:
        return doc.published_month is not None and _month_past(_MONTH_NUMBERS[bare], doc.published_month)
    year = opening.group("year")
    if year is None:
        return True  # "last summer", "l'an dernier"
    if int(year) < doc.latest_year:
        return True
    month = opening.group("month")
    return (
        month is not None
        and doc.published_month is not None
        and int(year) == doc.published_year
        and _MONTH_NUMBERS[month] < doc.published_month
    )


# "valued at $3 billion in October", in an article of April: a month after the text's own,
# with no year, was last year's. (Not what is planned for it: "will close in September".)
_LATER_MONTH_RIGHT_RE = re.compile(
    rf"[^.;]{{0,50}}?\b(?:in|en)\s+(?P<month>{_FR_MONTH}|{_EN_MONTH})\b(?!\s+(?:de\s+)?(?:19|20)\d\d)"
)
_AHEAD_RE = re.compile(
    r"\b(?:will|would|could|plans?|planning|expects?|expected|aims?|hopes?|va|vont|devrait|devraient|"
    r"pourrait|prevoit|compte|espere|vise|d'ici)\b"
)


def _last_years_month(doc: _Doc, low: str, mention: MoneyMention) -> bool:
    """A month with no year told right after the figure that is past as of the text's date: later in the
    year than the text's own month (last year's), or two months or more before it ("raised $45 million
    in July", in October: a round the text recalls; news is told as this week's or last month's)."""
    month = _LATER_MONTH_RIGHT_RE.match(low, mention.end)
    if month is None or doc.published_month is None or _AHEAD_RE.search(low) is not None:
        return False
    # (Only when no other figure stands between: "€3bn, against €150M at its seed in May" dates the second.)
    return _month_past(_MONTH_NUMBERS[month.group("month")], doc.published_month) and not any(
        c.isdigit() for c in low[mention.end : month.start("month")]
    )


def _month_past(month: int, published_month: int) -> bool:
    """A month told without a year is past as of the text's month: later in the year (last year's), or
    two months or more before it."""
    return month > published_month or month <= published_month - _RECALLED_MONTHS


_RECALLED_MONTHS = 2


def _figure_context(doc: _Doc, low: str, mention: MoneyMention, before: int, after: int) -> str:
    """Main or background, for the figure ``mention`` of the folded sentence ``low``."""
    if ADDED_TO_LEFT_RE.search(low, max(before, mention.start - 60), mention.start):
        # "... s'ajoute aux 30 M€ déjà annoncés": the earlier sum the news adds to.
        return "background"
    if _RELATED_LINK_RE.match(low):
        # "Lire aussi : Quaxi lève 12 M€", "Related: Quaxi nears a $40M round": the headline of another,
        # earlier story the page links to.
        return "background"
    opening = _OPENING_DATE_RE.match(low)
    if opening and opening.end() <= mention.start and _earlier_than_text(doc, opening):
        return "background"
    if _last_years_month(doc, low, mention):
        return "background"
    if CHANGED_FROM_RE.search(low, max(0, mention.start - 80), mention.start) and _CHANGED_TO_RE.match(
        low, mention.end
    ):
        return "background"
    if _OLD_VALUE_LEFT_RE.search(low, max(0, mention.start - 40), mention.start):
        return "background"
    return _context(doc, _clause(low, mention, before, after))


def _context(doc: _Doc, clause: str) -> str:
    bg = _BACKGROUND_RE.search(clause)
    if bg and not _BACKSHIFT_RE.search(clause, 0, bg.start()):
        return "background"
    for m in _DATED_RE.finditer(clause):
        if int(m.group(1)) < doc.latest_year and not _FOUNDED_RE.search(
            clause, max(0, m.start() - FOUNDED_REACH), m.start()
        ):
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
    # (The two patterns above, compiled once, rather than their text looked up in re's cache.)
    if _PRE_MONEY_RE.search(window):
        return "pre_money"
    if _POST_MONEY_RE.search(window):
        return "post_money"
    return None


_NEGATED_VERBS = (
    r"rais(?:e|ed|es|ing)|secur(?:e|ed|es|ing)|clos(?:e|ed|es|ing)|land(?:ed|s)?|receiv(?:e|ed|es)|got|get|"
    r"valu(?:e|ed|es|ing)|worth|invest(?:ed|s|ing)?|lev(?:e|ee|ees|es|er|ait)|obten\w*|obtenu|recolt(?:e|ee|er)|"
    r"boucl(?:e|ee|er)|valoris(?:e|ee|ees|es|er)|evalu(?:e|ee|ees)|decroch\w*|empoch\w*|investi"
)


@functools.cache
def _negation_re(lang: str | None) -> re.Pattern[str]:
    """A negation, at most four words, then a raise or value verb, in the figure's own clause."""
    return re.compile(
        rf"(?<![\w'])(?:{alternation('negation', lang)})(?![\w'])(?:\s+[\w'-]+){{0,4}}?\s+"
        rf"(?:{_NEGATED_VERBS})(?![\w'])[^,;:]*$"
    )


def _negated(low: str, mention: MoneyMention, prev_end: int, lang: str | None) -> bool:
    return (
        _negation_re(lang).search(low, max(prev_end, mention.start - 100), mention.start) is not None
        or _FAILED_PLAN_RE.match(low, mention.end) is not None
    )


# A plan for the figure that the clause says failed: "a hoped-for $30M round came up short",
# "le projet de lever 20 M€ n'a pas abouti".
_FAILED_PLAN_RE = re.compile(
    r"[^.;,]{0,40}?\b(?:came\s+up\s+short|fell\s+(?:through|apart)|collapsed|(?:was|were)\s+(?:called\s+off|scrapped|"
    r"abandoned|shelved)|n'a\s+pas\s+abouti|n'ont\s+pas\s+abouti|a\s+echoue|ont\s+echoue|a\s+capote|"
    r"(?:a|ont)\s+ete\s+abandonnee?s?)\b"
)
