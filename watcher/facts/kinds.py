"""Kind decision: whether a figure is a round, a valuation, an investor's ticket, or not funding at all."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from watcher.facts import lexicon
from watcher.facts.lexicon import LANGS
from watcher.facts.names import _is_place, title_case
from watcher.facts.numbers import MoneyMention
from watcher.facts.vocab import _DEBT_RE, _INVERTED_RAISE_REL, _invested_left_re, _kind_re

if TYPE_CHECKING:
    from watcher.facts.state import _Doc


_RIGHT_CUT_RE = re.compile(
    r"[,;.:()\]—–]|\s-\s|\b(?:aupres|apres|after|avant|before|following|suite|lors|when|quand|sur|at|avec|with|"
    r"et|and|from|by|par|pour|for|including|y\s+compris|excluding|hors|which|qui|that|not|"
    # ("raised $12 million while orders doubled": another clause, whose nouns say nothing of the figure.)
    r"while|whereas|because|alors\s+que|tandis\s+que|parce\s+que|"
    # "raised €50 million valuing it at €1 billion", "une série B de 50 M€ valorisait Zephyr à": the verb's
    # object is the valuation; the figure before it is what did the valuing (the round).
    r"valu(?:ed|ing|es)|valoris(?:ant|ait|aient|e|ent)|"
    # "un tour de 40 M€ a porté sa valorisation à", "a $40 million round that pushed its valuation to": a
    # verb between the figure and a cue makes the cue its object, not the figure's kind.
    r"(?:a|ont|avait|avaient|has|have|had)\s+(?:\w+\s+)?(?:atteint|porte|propulse|hisse|reached|pushed|lifted)|"
    r"atteignant|portant|propulsant|reaching|pushing|lifting|bringing)\b"
    # "picks up $18m to grow its lending book of loans": what the money is for, not what it is.
    r"|\b(?:to|in\s+order\s+to)\s+(?!(?:date|be|repay|refinance|its|their|the|an?|his|her|this|that|these|those|"
    r"our|us|them|it|investors?|shareholders?|existing|new|series|seed)\b)(?=[a-z])"
    # "une levée de 300 M€ à un prix valorisant la société": the price is the valuation's, not the figure's.
    r"|\b(?:a|at)\s+(?:un|a)\s+(?:prix|price)\s+(?=valu|valoris|implying|impliquant)"
    # "une émission de 6 M€ au prix de 1,50 € l'action": the price of the next figure, not this one's kind.
    r"|\bau\s+prix\s+(?:unitaire\s+|de\s+souscription\s+|d'emission\s+)?(?:de|d')(?=\s*(?:\d|$))"
    # "Quaxi bags $25M as its valuation climbs to $900M": the valuation is the next clause's subject.
    r"|\bas\s+(?:its\s+|the\s+)?valuation\b"
    # "seeks $20m to $30m according to a valuation of": what the next figure is measured by.
    r"|\baccording\s+to\b"
)


def _kind_of(
    low: str, mention: MoneyMention, prev_end: int, next_start: int, lang: str | None = None
) -> tuple[str | None, str]:
    """(category, keyword) deciding what a figure measures; category None when nothing says."""
    right = low[mention.end : min(next_start, mention.end + 40)]
    raw_right = " ".join(right.split())
    cut = _RIGHT_CUT_RE.search(right)
    if cut:
        right = right[: cut.start()]
    # Only the words right after the figure qualify it ("a $235-million funding round").
    right = " ".join(right.split()[:4])
    left = _masked_names_of_kinds(low[prev_end : mention.start])
    near_left = left[-50:]
    framed = (
        _plain_frame(left, near_left, low[mention.end : mention.end + 60])
        or _framed_kind(low, mention, raw_right, near_left)
        or _worth_frame(low, mention)
    )
    if framed is not None:
        return framed
    if _VALUATION_THEN_AT_RE.search(left):
        # "une valorisation en chute de 85 % sur son précédent tour de table, réalisé en 2021, à 45 Md$": the
        # "à" after the valuation's clause gives its figure, whatever round words come between.
        return "val", "valorisation ..., à"
    kind_re = _kind_re(lang)
    # (" ~": the cut words are not the end of the clause, which cues like "mise(?=\s*$)" look for.)
    rm = kind_re.search(right + " ~")
    if rm and rm.lastgroup is not None:
        if rm.lastgroup in ("round", "inv") and _secondary(near_left, right, left):
            return "non", rm.group(0)
        if (
            rm.lastgroup == "inv"
            and _INVESTED_BY_RE.match(raw_right, rm.start())
            and _names_round(kind_re, near_left)
        ):
            # "son tour d'amorçage de 4 millions investi par Kobalt": who put in the round, still the round.
            return "round", rm.group(0)
        return rm.lastgroup, rm.group(0)
    if (
        _secondary(near_left, right, left)
        or _FUND_SIZE_RE.search(near_left)
        or _FUND_HOLDS_RE.search(left, max(0, len(left) - 120))
    ):
        # "let staff sell up to $500 million of stock", "clôture son deuxième fonds à 300 M€".
        return "non", ""
    best: re.Match[str] | None = None
    for lm in kind_re.finditer(left):
        best = lm
    if best is not None and best.lastgroup is not None:
        return _left_cue_kind(best, left, lang)
    if mention.amount_max is None and _FROM_INVESTORS_RIGHT_RE.match(raw_right):
        # "Plimo a rapatrié 8 M€ auprès de ses investisseurs historiques": money from investors, whatever
        # the verb, is a round. (Not a range: "de 7 à 14 M€ auprès des investisseurs", what each is to put
        # into a listing.)
        return "round", "from investors"
    return None, ""


_FROM_INVESTORS_RIGHT_RE = re.compile(
    r"\s*(?:(?:de\s+)?(?:dollars|euros|francs|livres)\s+|d'euros\s+)?(?:\([^()]{1,40}\)\s*)?,?\s*"
    r"(?:aupres\s+d(?:e\s+|es\s+|u\s+|')|from\s+)(?:(?:ses|leurs|its|their|plusieurs|several|new|nouveaux|"
    r"existing|historiques|d'|de)\s+)*(?:[\w-]+\s+){0,2}?"
    r"(?:investisseurs|investors|business\s+angels|angels|actionnaires|shareholders|backers|vcs?)\b"
)


_INVESTED_BY_RE = re.compile(r"(?:investie?s?|invested|apportee?s?|provided)\s+(?:par|by)\b")


def _names_round(kind_re: re.Pattern[str], near_left: str) -> bool:
    """Whether the words right before the figure name a round ("un premier tour de", "a round of")."""
    return any(m.lastgroup == "round" for m in kind_re.finditer(near_left[-25:]))


_WORTH_DESCRIPTOR_RIGHT_RE = re.compile(
    r"[\s-]+(?:(?!(?:for|the|to|in|on|onto|of|an?|from|by|with|into|at|and|its|their|this|that|pour|la|le|les|aux?|"
    r"des?|du|dans|en|sur)\b)"
    r"[a-z][\w-]*+\s+){0,2}?(?:start-?up|startup|company|unicorn|business|fintech|insurtech|"
    r"healthtech|decacorn|"
    # (Not "the $5 billion investment firm": what a fund manages.)
    r"(?<!investment )(?<!venture )(?<!equity )(?<!capital )(?<!management )(?<!asset )(?<!vc )(?<!hedge )"
    r"(?:giant|juggernaut|powerhouse))\b"
    r"(?!\s+(?:funds?|rounds?|deals?|investors?|scene|ecosystem|sector|market)\b)"
)
_MINORITY_STAKE_RIGHT_RE = re.compile(
    r"\s*(?:in\s+cash\s+)?for\s+an?\s+(?:minority\s+|(?:[1-9]|[1-4]\d)(?:[.,]\d+)?\s*(?:%|per\s?cent|percent)\s+)"
    r"(?:equity\s+)?stake\b"
)
_PAY_LEFT_RE = re.compile(
    r"\b(?:pay|pays|paid|paying|payer|paiera|versera)\s+(?:out\s+)?"
    r"(?:(?:some|about|around|nearly|over|more\s+than|environ|pres\s+de|plus\s+de)\s+)?$"
)
_MARKET_FORECAST_RE = re.compile(
    r"\b(?:markets?|marches?|industry|industrie|secteur|sector)\b[^.;]{0,60}?"
    r"\b(?:expected|projected|forecast|set|poised|estimated|anticipated|devrait|pourrait|estime\w*)\s+"
    # ("a freight market that one study forecast to double to $80 billion": who forecasts it may come first.)
    r"(?:(?:by|par)\s+[^.;]{1,40}?\s+)?"
    r"(?:to\s+|a\s+)?(?:reach|hit|grow|exceed|surpass|top|be\s+worth|double|triple|quadruple|atteindre|depasser|"
    r"peser|valoir|doubler|tripler)\b[^.;]{0,40}$"
)


# A market as the subject of a measure: "le marché européen du vélo pesait environ", "the global drone
# market was worth"; its determiner opens the clause ("Quaxi leads the market and is valued at" is no such).
_MARKET_SIZE_RE = re.compile(
    r"(?:^|[,;:(–—]\s*|\s-\s|\b(?:que|that|where|ou|car|as|since|while)\s+)(?:le|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:marche|market)(?:\s+[\w-]+){0,4}?\s+(?:(?:etait|est|was|is|has\s+been)\s+)?"
    r"(?:valait|vaut|pes\w+|represent\w+|s'elev\w+\s+a|atteign\w+|atteint|totalis\w+|worth|valued\s+at|"
    r"estimated\s+at|estimee?\s+a|evaluee?\s+a|sized\s+at|totall?ed|amounted\s+to)\s+"
    r"(?:(?:pres\s+de|plus\s+de|environ|quelque|about|around|nearly|over|some|more\s+than|roughly)\s+)?$"
)
_DEAL_OR_SECTOR_GATE_RE = re.compile(
    r"transaction|deal|acquisition|rachat|merger|fusion|takeover|sect|industr"
)
_DEAL_OR_SECTOR_WORTH_RE = re.compile(
    r"\b(?:la|le|l'|the|this|that|cette|ce|cet|du|au)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:transaction|deal|acquisition|rachat|merger|fusion|takeover|secteur|sector|industry|industrie)\b"
    r"[^.;]{0,90}?\b(?:(?:etait|est|was|is|has\s+been|a\s+ete|will\s+be|sera)\s+)?"
    r"(?:evaluee?s?|valued|estimee?s?|worth|pes\w+|vaut|valant)\s+(?:(?:a|at)\s+)?"
    r"(?:(?:pres\s+de|plus\s+de|environ|quelque|about|around|nearly|over|some|more\s+than|roughly)\s+)?$"
)
_CRITERION_SET_RE = re.compile(
    r"\b(?:plafond|plancher|seuil|minimum|critere|threshold|floor|cut-?off)\b[^.;]{0,60}?\b(?:fixee?|etablie?|"
    r"relevee?|abaissee?|porte|set|raised|lowered)\s+(?:a|to|at)\s+(?:(?:plus\s+de|more\s+than)\s+)?$"
)
# The figure is of a business measure named right before it: "a revenue of", "un chiffre d'affaires de".
_METRIC_OF_RE = re.compile(
    r"\b(?:chiffre\s+d'affaires|revenues?|sales|turnover|ventes|benefices?|profits?|pertes?|losses|ebitda)"
    r"(?:\s+(?:annuel(?:le)?s?|annual|yearly|recurrent|recurring|consolidee?s?|nets?|nette?s?|brut|total))?"
    r"\s+(?:de|d'|of)\s*(?:(?:plus\s+de|pres\s+de|environ|about|around|over|more\s+than|nearly|some)\s+)?$"
)
_METRIC_GROWN_RE = re.compile(
    r"\b(?:grow\w*|grew|increas\w*|boost\w*|doubl\w*|tripl\w*|lift\w*|push\w*|expand\w*)\s+"
    # (Not a raise: "grew its seed round to $11 million" gives the round's new size.)
    r"(?:its|their|the\s+company's)\s+(?!(?:[\w'-]++\s+){0,3}?(?:total|funding|financing|valuation|capital|"
    r"war\s+chest|fundraising|cash|round|raise|series|seed)\b)(?:[\w'-]+\s+){1,4}?to\s+"
    r"(?:(?:about|around|over|more\s+than|nearly|some|roughly)\s+)?$"
)


def _plain_frame(left: str, near_left: str, right: str = "") -> tuple[str, str] | None:
    """No deal, said by words that outweigh any cue around the figure (None: they do not say)."""
    if _PAY_LEFT_RE.search(near_left) and _MINORITY_STAKE_RIGHT_RE.match(right):
        # "Kobalt pays $12m for a 3 per cent stake in Quaxi": buying into the company.
        return "round", "the price of a minority stake"
    if _PAY_LEFT_RE.search(near_left):
        # "must pay about $300 million to its lenders when the sale completes": a payment, whatever follows.
        return "non", "a payment"
    if _MARKET_FORECAST_RE.search(left, max(0, len(left) - 160)):
        # "the telematics market is forecast to reach $12 billion by 2031".
        return "non", "a market's forecast"
    window = max(0, len(left) - 160)
    # (Exact shortcut: every match holds one of the gate's words; the full pattern is slow to fail.)
    if _DEAL_OR_SECTOR_GATE_RE.search(left, window) and _DEAL_OR_SECTOR_WORTH_RE.search(left, window):
        # "Le rachat de Plimo, signé l'été dernier, était estimé à 2 Md€", "a sector worth $40 billion":
        # what a deal or a whole sector is worth, no company's valuation.
        return "non", "what a deal or a sector is worth"
    if _MARKET_SIZE_RE.search(left, max(0, len(left) - 140)):
        # "le marché européen du vélo pesait environ 20 milliards d'euros": what a market weighs.
        return "non", "a market's size"
    if _CRITERION_SET_RE.search(left, max(0, len(left) - 120)):
        # "le seuil d'entrée du classement est relevé à 30 M€": a criterion, no deal.
        return "non", "a criterion set at the figure"
    if _METRIC_GROWN_RE.search(near_left):
        # "after doubling its annual bookings to $90 million": a business measure, not a deal.
        return "non", "a business measure grown to the figure"
    if _METRIC_OF_RE.search(near_left):
        # "Plimo affiche des ventes de 31 M€ à la clôture": the measure the figure is of, whatever cue
        # follows it.
        return "non", "a business measure"
    return _sum_frame(near_left, right)


def _sum_frame(near_left: str, right: str) -> tuple[str, str] | None:
    """What the words right around a sum say it is: a change, money held, a price a round is raised at, an
    earlier raise (None: they do not say)."""
    if _CHANGED_BY_RE.search(near_left):
        # "Quaxi cuts its internal valuation by $6bn": how much a value moved, not a value.
        return "non", "the size of a change"
    if _HELD_IN_RIGHT_RE.match(right):
        # "Quaxi now holds $70 million of deposits", "$40 million in cash": money held, not money raised.
        return "non", "money held or paid, not raised"
    if ADDED_TO_LEFT_RE.search(near_left) and _RAISED_BEFORE_RIGHT_RE.match(right):
        # "Ce montant s'ajoute aux 30 M€ déjà annoncés", "on top of the $20 million it secured in May":
        # the earlier raise the new money adds to.
        return "round", "an earlier raise the new money adds to"
    if _ROUND_AT_LEFT_RE.search(near_left):
        # "Quaxi took in $60 million in a down round at $900 million": what a round is priced at is the worth.
        return "val", "the sum a round is raised 'at'"
    return None


# "s'ajoute aux 30 M€", "on top of the $20 million", "in addition to the $8M": a sum the news adds to.
ADDED_TO_LEFT_RE = re.compile(
    r"\b(?:s'ajout\w*\s+(?:a|aux?)|vient\s+s'ajouter\s+(?:a|aux?)|on\s+top\s+of|in\s+addition\s+to|"
    r"en\s+complement\s+(?:de|des|du))\s+(?:(?:the|its|les|la|le|l'|ses|sa|son)\s*)?(?:[\w-]+\s+){0,2}?$"
)
# (What says the sum was raised before: "déjà annoncés", "it secured", "levés en mars".)
_RAISED_BEFORE_RIGHT_RE = re.compile(
    r"[^.;]{0,30}?\b(?:raised|secured|obtained|received|closed|announced|leve\w*|deja|already|annonce\w*|"
    r"securise\w*|obtenu\w*|recolte\w*|rendus?\s+publics?|boucle\w*)\b"
)
# "cuts its valuation by $6bn", "lifted its valuation by $3 billion", "en baisse de 4 Md€": a change.
_CHANGED_BY_RE = re.compile(
    r"\b(?:cut|cuts|cutting|slash\w*|lower\w*|reduc\w+|rais\w+|boost\w*|increas\w+|decreas\w+|"
    r"marked\s+(?:down|up)|mark\w*\s+(?:down|up)|wrote\s+down|writ\w+\s+down|drop\w*|fell|rose|grew|"
    r"jump\w*|shrank|shrunk|wiped\s+out)\b[^.;$€£\d]{0,50}?\bby\s+(?:(?:about|around|some|nearly|almost|"
    r"more\s+than|over|roughly|an\s+estimated)\s+)?$"
    r"|\ben\s+(?:baisse|hausse|recul|chute)\s+de\s+(?:(?:pres\s+de|plus\s+de|environ)\s+)?$"
)
# "$70 million of deposits", "$200 million in cash", "$1bn in cash and stock": money held or paid, not
# raised.
_HELD_IN_RIGHT_RE = re.compile(
    r"\s*(?:in|of)\s+(?:customer\s+|client\s+|user\s+)?deposits\b|\s*de\s+depots\b|"
    r"\s*(?:in\s+cash|of\s+cash|de\s+tresorerie|en\s+caisse)\b"
)
# "a down round at $900 million": the sum a round is priced at.
# (Only a round named by how its price compares: "pegged the round at $8 million" gives its size.)
_ROUND_AT_LEFT_RE = re.compile(
    r"\b(?:flat|down|up)[- ]round\s+at\s+(?:(?:about|around|roughly|some|nearly)\s+)?$"
)


def _worth_frame(low: str, mention: MoneyMention) -> tuple[str, str] | None:
    """ "the $3 billion robotics startup Quaxi", "Inside the $1b start-up Quaxi": what a company is worth."""
    if mention.scaled and _WORTH_DESCRIPTOR_RIGHT_RE.match(low, mention.end):
        return "val", "a company described by its worth"
    return None


# "valorisation" in its other French sense, bringing research to market ("la filiale de valorisation du
# CNRS", "valorisation de la recherche"): no company's worth. Blanked before the cues are read.
_TRANSFER_SENSE_RE = re.compile(
    r"\b(?:(?:filiale|cellule|societe|bureau|service|pole|structure|office|direction)\s+(?:de\s+)?valorisation|"
    r"valorisation\s+(?:de\s+la\s+recherche|des\s+(?:travaux|brevets|resultats|technologies)|de\s+brevets|"
    r"du\s+cnrs|de\s+l'inria|de\s+l'inserm|du\s+cea|industrielle|technologique|de\s+la\s+propriete))\b"
)


def _masked_names_of_kinds(left: str) -> str:
    """``left`` with the words that name a kind of office or firm, not a deal, blanked out."""
    if "valorisation" in left:
        left = _TRANSFER_SENSE_RE.sub(lambda m: " " * len(m.group(0)), left)
    if "investi" in left or "investment" in left:
        left = _INVESTOR_KIND_RE.sub(lambda m: " " * len(m.group(0)), left)
    return left


# What kind of investor a firm is ("the public investment bank", "le fonds d'investissement") names no deal.
_INVESTOR_KIND_RE = re.compile(
    r"\binvestment\s+(?:banks?|bankers?|firms?|funds?|company|companies|arm|managers?|vehicles?|house|group|"
    r"trust|office|boutique|platform)\b|"
    r"\b(?:banques?|fonds|societes?|fonds\s+souverains?|holdings?)\s+(?:publique?s?\s+)?d'investissement\b"
)
# The digit-less billion of numbers._MARK_RE, and what may follow it.
_MARK_MENTION_RE = re.compile(r"\b(?:barre|cap)\s+d|billion-(?:dollar|euro)|billion\s+(?:dollar|euro)\b")
_MARK_RIGHT_RE = re.compile(
    r"\s*(?:$|[,.;:]|\s*(?:mark|threshold|barrier|company|start-?up|business|firm)\b)"
)
# "paiements d'étape ... jusqu'à 225 M€", "earn-out of up to $50m": money a seller may get later.
_EARN_OUT_RE = re.compile(
    r"\b(?:paiements?\s+(?:d'etape|complementaires?|differes?|conditionnels?)|earn-?outs?|"
    r"milestone\s+payments?|complements?\s+de\s+prix)\b[^.;]{0,100}$"
)

# "3 M€ perçus au titre d'un accord de licence", "an upfront payment of $15 million": what a partner pays
# for rights, not a round.
_LICENCE_RIGHT_RE = re.compile(
    r"[^.;]{0,60}?\b(?:dans\s+le\s+cadre\s+d['e]\s*|as\s+part\s+of|under|through|via|au\s+titre\s+d['e]\s*)"
    r"[^.;,]{0,40}?\b(?:licen[cs]\w*|option\s+agreement|accord\s+d'option)"
)
_LICENCE_LEFT_RE = re.compile(
    r"\b(?:upfront|up-front|licen[cs]ing|licen[cs]e)\s+(?:payments?|fees?)\s+(?:of\s+)?(?:[\w-]++\s+){0,2}$"
    r"|\b(?:paiement|versement)\s+initial\s+(?:de\s+|d')?(?:[\w-]++\s+){0,2}$"
)
# "des engagements de souscription à hauteur de 18 M€", "cornerstone commitments of $40m": what investors
# promised to take of a listing, before it prices.
_COMMITMENTS_LEFT_RE = re.compile(
    r"\b(?:engagements?\s+de\s+souscriptions?|subscription\s+commitments?|cornerstone\s+(?:investors?|"
    r"commitments?))\b[^.;]{0,30}$"
)


_VALUATION_DELTA_LEFT_RE = re.compile(
    r"\b(?:valuation|valorisation)\s+(?:[\w-]+\s+){0,2}?(?:down|up|lower|higher|en\s+baisse\s+de|en\s+hausse\s+de)\s+"
    r"(?:(?:about|around|nearly|some|more\s+than|over|environ|pres\s+de|plus\s+de)\s+)?$"
)


def _no_deal_frame(raw_right: str, near_left: str) -> bool:
    """A frame that says the figure is no company's round or valuation, whatever cue word it has."""
    if _VALUATION_DELTA_LEFT_RE.search(near_left):
        # "came at a valuation down $40 million from 2021": the fall, not the value.
        return True
    if _NOT_PRIVATE_RIGHT_RE.match(raw_right):
        # "$1.4 billion below the 2021 mark", "less than $2bn": not a round or a valuation. (A SPAC
        # merger's value for "the combined company" and the cash it brings are the company's valuation
        # and round: so the labelled real coverage reads them.)
        return True
    if _DELTA_RIGHT_RE.match(raw_right) and (
        _DELTA_LEFT_RE.search(near_left) or "valuable" in raw_right[:40]
    ):
        # "worth $3.3bn, up some $700 million from the spring", "en hausse de 5 M€ sur un an": the gap between
        # two figures, not a figure of its own.
        return True
    if _GAP_RIGHT_RE.match(raw_right):
        # "around $1 billion more than at the earlier round", "cutting $2bn off its valuation", "$440
        # million of cash on hand": a gap between two figures, or the cash a company holds, not a deal.
        return True
    if _UPSIZE_LEFT_RE.search(near_left) or _UPSIZE_RIGHT_RE.match(raw_right):
        # "pouvant être portée à 145 M€ en cas d'exercice de la clause d'extension", "could be upsized to
        # $300 million": the most an offering may reach if its options are used, not what it raised.
        return True
    if _NEEDS_LEFT_RE.search(near_left):
        # "chiffre ses besoins de trésorerie à 7 M€", "funding needs of $30m": what it lacks, no deal.
        return True
    if _WEALTH_LEFT_RE.search(near_left):
        # "lifted the net worth of its two founders to about $2.9 billion each": a person's fortune.
        return True
    if _SOUGHT_RIGHT_RE.match(raw_right):
        # "the $200 million it had initially sought": what it aimed for, not what it got.
        return True
    if _RATE_RIGHT_RE.match(raw_right):
        # "$600 million per day", "2 M€ par mois": a flow (volume, revenue, burn), not a deal.
        return True
    if _ROUNDS_ABOVE_RE.search(near_left):
        # "joined four deals over $250 million since June": a class of rounds, no round.
        return True
    # "le club des start-up valorisées plus d'un milliard", "startups valued at over $1bn": a threshold
    # that defines a class of companies, not one company's valuation.
    return _CLASS_VALUED_RE.search(near_left) is not None


# "Quaxi compte 60 000 euros promis sur les 150 000 euros visés", "$4m out of the $10m it targets":
# the progress towards a sum, no round of its own.
_PROGRESS_RIGHT_RE = re.compile(
    r"\s*(?:en\s+(?:capital|fonds\s+propres)\s+)?(?:sur|out\s+of)\s+(?:les|the|un\s+(?:objectif|total)\s+de|"
    r"a\s+(?:target|total)\s+of)\s+(?:[a-z'-]+\s+)?[$€£]?\d"
)


# ... and the sum sought itself, in that frame: "sur les 150 000 euros qu'il vise".
_OUT_OF_LEFT_RE = re.compile(r"\b(?:sur|out\s+of)\s+(?:les|the)\s*$")
_SOUGHT_AFTER_RE = re.compile(
    r"\s*(?:qu['’]\s*(?:elle|il|elles|ils|on)\s+(?:cherche|vise|recherche|espere|souhaite)\w*|"
    r"(?:it|they)\s+(?:seeks|targets|is\s+seeking|hopes)|sought|recherches|vises)\b"
)


# "$500-million-plus startups are getting common": the bound of a class of companies or deals.
_CLASS_PLUS_RIGHT_RE = re.compile(r"\s*-?\s*plus\s+(?:start-?ups|companies|firms|unicorns|rounds|deals)\b")
# "Brumwick Capital, a $4 billion investment firm": what an investor manages.
_INVESTOR_SIZE_RIGHT_RE = re.compile(
    r"[\s-]+(?:(?!(?:from|by|with|of|in|into|to|for|de|du|des|par|aupres|chez)\b)[a-z][\w-]*\s+){0,2}?"
    r"(?:investment|venture(?:\s+capital)?|vc|private\s+equity|asset\s+management|"
    r"growth\s+equity|hedge)\s+(?:firm|fund|manager|investor|house|group)\b"
)
_FRONTED_LEFT_RE = re.compile(r"(?:^|[.:;]\s*)(?:a|avec|with|at)\s*$")
_FRONTED_ROUND_RIGHT_RE = re.compile(
    r"\s*,\s*(?:le|la|l'|ce|cette|its|the)\s*(?:[\w-]+\s+)?(?:tour(?:\s+de\s+table)?|levee(?:\s+de\s+fonds)?|"
    r"round|operation)\b"
)
# "des tickets de 1 M€ par tour", "$5 million per round": a rate, no deal.
_PER_ROUND_RIGHT_RE = re.compile(r"\s*(?:par\s+(?:levee|tour|operation)|per\s+(?:round|deal))\b")
# "loin des 12 millions visés", "below the $9m it had targeted": the sum aimed at.
_TARGETED_RIGHT_RE = re.compile(
    # (Not the verb "vise à": "le tour de 3 M€ vise à ouvrir deux usines" says what the round is for.)
    r"\s*(?:(?:initialement|au\s+depart|originally|initially)\s+)?(?:vises|visees?|vise(?!\s+a\b)|esperes|espere|"
    r"escomptee?s?|"
    r"(?:(?:it|they)\s+(?:had\s+)?)?(?:targeted|sought|hoped\s+for))\b"
)


def _payment_frame(low: str, mention: MoneyMention, near_left: str) -> str | None:
    """Money paid or promised under another kind of deal: an earn-out, a licence, an offering's
    commitments."""
    if _EARN_OUT_RE.search(low, max(0, mention.start - 150), mention.start):
        return "a seller's later payments"
    if _LICENCE_RIGHT_RE.match(low, mention.end, mention.end + 140) or _LICENCE_LEFT_RE.search(near_left):
        return "a licence's payment"
    if _COMMITMENTS_LEFT_RE.search(near_left):
        return "an offering's subscription commitments"
    return None


def _round_frame(low: str, mention: MoneyMention, near_left: str) -> str | None:
    """How the words around the figure frame it as a round's size (None: they do not)."""
    if _THIS_ROUND_RIGHT_RE.match(low, mention.end) and not _VALUED_AT_RE.search(near_left):
        # "Soit un total de 16 M€ pour cette série A": the sum of a round's steps is the round (but
        # "valued at $3bn in its new round" is the valuation the round sets).
        return ""
    if _FRONTED_LEFT_RE.search(near_left) and _FRONTED_ROUND_RIGHT_RE.match(low, mention.end):
        # "À 12 M€, le tour de table de Quaxi est le plus gros du trimestre": the sum put first.
        return "a sum put before the round it sizes"
    if _CLEFT_RAISE_RE.match(low, mention.end, mention.end + 130):
        # The figure is what the verb after "que" raised, whatever aside comes between.
        return "que ... lever"
    return None


def _framed_kind(
    low: str, mention: MoneyMention, raw_right: str, near_left: str
) -> tuple[str | None, str] | None:
    """A frame around the figure that settles its kind before any cue word: a listing, a class threshold,
    "for this round", a grant or target, "valued at", goods "worth of"."""
    if _no_deal_frame(raw_right, near_left):
        return "non", ""
    payment = _payment_frame(low, mention, near_left)
    if payment is not None:
        return "non", payment
    if _MARK_MENTION_RE.search(low, mention.start, mention.end) and _MARK_RIGHT_RE.match(low, mention.end):
        # "franchit la barre du milliard de dollars", "crosses the billion-dollar mark", "a billion-dollar
        # company": the billion a company's worth passes.
        return "val", "a billion-dollar mark"
    round_frame = _round_frame(low, mention, near_left)
    if round_frame is not None:
        return "round", round_frame
    hm = (
        _NON_HEAD_RE.search(near_left)
        or _GRANTED_LEFT_RE.search(near_left)
        or _RESEARCH_RIGHT_RE.match(low, mention.end, mention.end + 90)
        or _PUBLIC_FUNDER_RIGHT_RE.match(low, mention.end, mention.end + 70)
        or _PROGRESS_RIGHT_RE.match(low, mention.end, mention.end + 50)
        or (_OUT_OF_LEFT_RE.search(near_left) and _SOUGHT_AFTER_RE.match(low, mention.end, mention.end + 50))
        or _TARGETED_RIGHT_RE.match(low, mention.end)
        or _PER_ROUND_RIGHT_RE.match(low, mention.end)
        or _CLASS_PLUS_RIGHT_RE.match(low, mention.end)
        or _INVESTOR_SIZE_RIGHT_RE.match(low, mention.end)
    )
    if hm:
        # "une aide de 10 M€ obtenue", "son objectif initial de 500 000 euros", "a grant of $2m",
        # "l'usine représente un investissement de 150 M€", "€2.5 million from the EU's Horizon Europe
        # programme": the figure measures a grant, a target or capex.
        return "non", hm.group(0)
    if _A_COMPANY_LEFT_RE.search(near_left) and _A_COMPANY_RIGHT_RE.match(raw_right):
        # "is poised to become a $4 billion company": what the company is worth.
        return "val", "company"
    if _NOTIONAL_LEFT_RE.search(near_left):
        # "puts a notional value of around $2bn on Quaxi", "une valeur théorique de 2 Md€": a writer's
        # back-of-the-envelope figure, no deal's valuation.
        return "non", ""
    if _LEADS_WITH_RE.search(near_left):
        # "Kobalt will lead the round with a $50m investment": the lead's own ticket, not the round.
        return "inv", "leads the round with"
    vm = _VALUED_AT_RE.search(near_left)
    if vm:
        deal = (
            vm.group(0).startswith(("valued ", "evalue ", "evaluee "))
            and _DEAL_VALUED_RE.search(near_left, 0, vm.start())
            # ("The deal valued Quaxi at $5.1 billion": the deal as the subject that values a company.)
            and not _VALUED_OBJECT_RE.match(vm.group(0))
        )
        # "a deal with Meta reportedly valued at over $100 million" is the worth of an agreement;
        # "was valued at $2.5 billion in a funding round", "doubles its valuation to $4bn in new funding":
        # the figure is the valuation, not the round.
        return ("non" if deal else "val"), vm.group(0)
    right = low[mention.end : mention.end + 12].lstrip()
    if _WORTH_OF_RE.match(right):
        # "orders for $60 million worth of boilers": an amount of goods, not what a company is worth.
        return "non", "worth of"
    return None


def _left_cue_kind(best: re.Match[str], left: str, lang: str | None) -> tuple[str | None, str]:
    """The kind the last cue word before the figure gives, unless what stands before that cue says
    the raise is a fund's, the value a thing's or the round's own size."""
    before = left[max(0, best.start() - 60) : best.start()]
    word = best.group(0)
    if best.lastgroup == "round" and _FUND_SUBJECT_RE.search(before):
        # "whose last fund raised $1.2bn", "le fonds a levé 300 M€": an investor's own fund.
        return "non", word
    if best.lastgroup == "round" and _BASIS_WORD_RE.search(before):
        # "une valorisation avant investissement de 400 M€": the raise only qualifies the valuation.
        return "val", word
    thing_value = best.lastgroup == "val" and word in ("valeur", "value", "worth")
    if thing_value and _round_noun_re(lang).search(before):
        # "a funding round worth $50 million", "une levée d'une valeur de 12 M€": the size of the round.
        return "round", word
    if thing_value and (_PROJECT_RE.search(before) or _DEAL_RE.search(before)):
        # "un campus d'une valeur de 1,5 Md€" is the price of a thing, not of the company.
        return "non", word
    if word == "worth" and _SECURITIES_WORTH_RE.search(before):
        # "additional stock options worth about $8 million": what securities are worth, no company's value.
        return "non", word
    if word in ("worth", "vaut", "valait") and _thing_subject(before, lang):
        # "the upgrade cycle to be worth $900 million": what is worth it is a thing, not a company.
        return "non", word
    if word == "ticket" and _RECEIVED_TICKET_RE.search(before):
        # "Quaxi obtient de Kobalt un ticket de 8 M$": the one cheque a company receives is its round.
        return "round", word
    return best.lastgroup, word


_RECEIVED_TICKET_RE = re.compile(
    r"\b(?:recu|recoit|obtenu|obtient|decroche|received|receives|got|gets|secured|landed)\b[^.;]*\b(?:un|a)\s+$"
)


_A_COMPANY_LEFT_RE = re.compile(r"\b(?:becom\w*|became|is|was|be|now|into)\s+(?:a|an)\s+$")
_A_COMPANY_RIGHT_RE = re.compile(r"(?:[\w-]{1,30}+\s+)?(?:company|startup|start-up|business|firm)\b")
_ROUNDS_ABOVE_RE = re.compile(
    r"\b(?:rounds|deals|tours(?:\s+de\s+table)?|levees(?:\s+de\s+fonds)?|operations)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:above|over|exceeding|of\s+more\s+than|of\s+at\s+least|topping|de\s+plus\s+de|superieure?s?\s+a|"
    r"depassant|d'au\s+moins|a\s+plus\s+de)\s*$"
    # "sans aucune levée à plus de 10 M€", "no deal above $50 million": no round at all.
    r"|\b(?:aucune?|no|any)\s+(?:levee|tour|round|deal|operation)s?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:above|over|exceeding|of\s+more\s+than|de\s+plus\s+de|superieure?s?\s+a|a\s+plus\s+de)\s*$"
)
_SOUGHT_RIGHT_RE = re.compile(
    r"\s*(?:(?:it|the\s+company|they)\s+)?(?:(?:had\s+)?(?:initially|originally|first|once)\s+)(?:sought|targeted|hoped\s+for|"
    r"aimed\s+for|planned)\b|\s*(?:initialement|d'abord|au\s+depart)\s+(?:vises?|esperes?|recherches?|prevus?)\b"
)
_NEEDS_LEFT_RE = re.compile(
    r"\b(?:besoins?\s+de\s+(?:financement|tresorerie|fonds)|(?:funding|financing|cash|capital)\s+needs?|"
    r"(?:funding|financing)\s+requirements?)\b[^.;]{0,40}$"
)
_WEALTH_LEFT_RE = re.compile(r"\b(?:net\s+worth|fortunes?|patrimoine|wealth|richesse)\b[^,;.]{0,40}$")
_DELTA_LEFT_RE = re.compile(
    # A bare "up"/"down" opens an aside or follows a copula: "picks up $40 million from" is a verb.
    r"(?:(?:^|[,;(—–-])\s*(?:up|down)|\b(?:is|was|are|were|been|be)\s+(?:up|down)|\b(?:an?\s+)?(?:increase|rise|jump|drop|decline|gain|fall)\s+of|"
    r"\ben\s+(?:hausse|baisse|progression|recul)\s+de|\b(?:une|d'une)\s+(?:hausse|baisse|progression)\s+de)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|environ|pres\s+de|plus\s+de)\s+)?$"
)
_DELTA_RIGHT_RE = re.compile(
    # "making it $45 billion (or 33%) more valuable": the gain, not the value.
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:or\s+\d+(?:[.,]\d+)?\s?%\s+)?(?:more|less)\s+valuable\b|"
    r"\s*(?:from|since|over|on|compared|versus|vs\b|par\s+rapport|sur|depuis|en\s+un\s+an|"
    r"year[- ]on[- ]year)\b"
)
_VALUATION_THEN_AT_RE = re.compile(
    r"\bvalorisation\b(?:(?!\bmillions?\b|\bmilliards?\b|[$€£])[^.;]){0,160}?,\s*a\s*"
    r"(?:(?:environ|pres\s+de|plus\s+de|quelque)\s+)?$"
)
_GAP_RIGHT_RE = re.compile(
    r"\s*(?:(?:more|less|higher|lower)\s+(?:than|since)\b|de\s+(?:plus|moins)\s+(?:que|qu'|depuis)|"
    r"off\s+(?:the|its|their|his|her)\s+(?:[\w'-]+\s+){0,2}?(?:valuation|value|worth|market\s+cap)|"
    r"(?:of|in)\s+(?:cash|liquidity)\s+(?:on\s+hand|reserves?|in\s+the\s+bank)|"
    r"de\s+(?:tresorerie|liquidites)\s+(?:disponibles?|en\s+caisse|a\s+la\s+banque))"
)
_UPSIZE_LEFT_RE = re.compile(
    r"\b(?:pouvant\s+etre\s+portee?s?|susceptibles?\s+d'etre\s+portee?s?|could\s+be\s+(?:increased|raised|upsized)|"
    r"may\s+be\s+(?:increased|upsized))\s+(?:a|to)\s+(?:un\s+maximum\s+d'|a\s+maximum\s+of\s+)?"
    r"(?:(?:environ|about|approximately|around)\s+)?$"
)
_UPSIZE_RIGHT_RE = re.compile(
    r"\s*(?:en\s+cas\s+d'exercice|if\s+(?:the\s+)?(?:over-?allotment|greenshoe)|including\s+the\s+(?:over-?allotment|greenshoe))"
)
_RATE_RIGHT_RE = re.compile(
    r"\s*(?:(?:per|a|each|every|par|chaque)\s+(?:day|week|month|quarter|year|jour|semaine|mois|trimestre|an|annee)"
    r"(?!\s+(?:ago|earlier|before|later|after|plus\s+tot|auparavant))\b|(?:daily|weekly|monthly|annually|yearly)\b)"
)
_VALUED_AT_RE = re.compile(
    # ("a $6bn valuation following a $150 million round": "a" after other words is no French "à".)
    r"\b(?:valued|valuing|values|valoris\w*|evalu\w*|valuation|valorisation|"
    # ("deals value the company at": the verb in the plural, with its object.)
    r"value(?=\s+(?:the\s+(?:company|firm|startup|start-up|business|group)|it|them)\s))\s+"
    r"(?:(?!following|after|before|thanks|with|from|alongside)[\w-]+\s+){0,2}?"
    r"(?:at|a|of|de|d'|to)\s*(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|environ|pres\s+de|"
    r"plus\s+de|quelque|autour\s+de|approximately|an\s+estimated|close\s+to|up\s+to|jusqu'a|"
    r"an?\s+(?:astonishing|staggering|whopping|eye-watering|impressive|record|reported))\s+)?$"
)
# "valued Quaxi at", "valued the company at", "valued it at": a verb with the company as its object.
_VALUED_OBJECT_RE = re.compile(
    r"(?:valued|evaluee?)\s+(?!(?:at|a|about|around|some)\b)[\w'-]+(?:\s+[\w'-]+){0,2}?\s+(?:at|a)\b"
)
# The agreement itself is what is valued: "a deal with Meta reportedly valued at", "un contrat évalué à".
_DEAL_VALUED_RE = re.compile(
    r"\b(?:deals?|agreements?|contracts?|partnerships?|orders?|accords?|contrats?|partenariats?|commandes?|"
    r"acquisitions?|rachats?|projets?|projects?|usines?|chantiers?)(?:\s+(?:with|avec)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)?"
    # "the deal, valued at about €900 million": an aside after the deal.
    r"\s*,?\s+(?:(?:reportedly|said\s+to\s+be|estimated|is|was|est|etait|a\s+ete|serait)\s+)?$"
)
_CLASS_VALUED_RE = re.compile(
    r"\b(?:(?:start-?ups?|entreprises|societes|licornes|pousses|scale-?ups|acteurs)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:valorise(?:e)?s|evalue(?:e)?s)|(?:start-?ups|startups|companies|firms|unicorns|scale-?ups|players)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:valued|worth))\s+(?:at\s+|a\s+)?(?:plus\s+d'|plus\s+de|more\s+than|over|above|"
    r"au\s+moins|at\s+least|upwards\s+of)\s*(?:un\s+|une\s+|a\s+|an\s+)?$"
)
_THIS_ROUND_RIGHT_RE = re.compile(
    r"\s*(?:pour|for|in|dans)\s+(?:cette|ce|cet|this|its|sa|son)\s+(?:(?:nouvelle?|new|latest|derniere?)\s+)?"
    r"(?:serie|series|tour|levee|round|operation|financement|funding|seed|amorcage)\b"
)
# "C'est un chèque de 8 M€, son troisième en quatre ans, qu'a obtenu Kobalt": the figure
# is what the verb after "que" raised.
_CLEFT_RAISE_RE = re.compile(r"\s*" + _INVERTED_RAISE_REL)
_NON_HEAD_RE = re.compile(
    r"\b(?:(?:aides?|subventions?|dotations?|grants?|objectifs?|targets?|goals?|besoins?)(?:\s+[\w-]+){0,2}?|"
    # an offering's over-allotment: « une option de surallocation de 9 M€ », "a greenshoe of $20m"
    r"(?:reserve|option|tranche|clause)\s+de\s+surallocation|over-?allotment(?:\s+option)?|greenshoe(?:\s+option)?|"
    r"(?:represente\w*|represent(?:s|ed|ing)?|necessit\w+|requiert|require[sd]?|cout\w*|cost(?:s|ing)?)\s+"
    r"(?:un|an)\s+(?:investissement|investment)(?:\s+(?:total|global|industriel|overall|total))?)"
    r"\s+(?:de|d'|of)\s*(?:(?:about|around|nearly|almost|more\s+than|over|environ|pres\s+de|plus\s+de)\s+)?$"
)
# « le ministère a octroyé un montant de 1,2 M$ », « a consenti un prêt de 2 M€ »: French grants and lends
# money this way, it never buys shares so.
_GRANTED_LEFT_RE = re.compile(r"\b(?:octroy\w*|consenti\w*)\b(?:\s+[\w'-]+){0,5}?\s*$")
# "a obtenu 2,5 millions de francs d'Innosuisse pour un projet de recherche": research funding, a grant.
_RESEARCH_RIGHT_RE = re.compile(
    r"[^.;:]{0,50}?\b(?:pour|dans\s+le\s+cadre\s+d'|for|under)\s*(?:un|une|des|son|ses|sa|le|la|a|an|its|the)\s+"
    r"(?:(?:programme|projet|consortium|program|project)s?\s+(?:\w+\s+)?(?:de\s+)?(?:recherche|r&d)|"
    r"research\s+(?:project|program|programme|consortium)s?)\b"
)
# Public money: "from the EU's Horizon Europe programme", "from Innovate UK", "du programme France 2030",
# "de l'Union européenne", "du Conseil européen de l'innovation": a grant, not a round.
_PUBLIC_FUNDER_RIGHT_RE = re.compile(
    r"\s*(?:from|du|de\s+la|de\s+l'|des|de)\s+(?:the\s+|l'|la\s+)?(?:[\w'&-]+\s+){0,4}?"
    # ("de la municipalité de Sherbrooke", "from the City of Leeds": a town hall, a ministry, a region.)
    r"(?:ville\s+de|municipalite|ministere|ministry|conseil\s+(?:regional|departemental)|city\s+(?:of|council)|"
    r"programmes?|programs?|horizon\s+europe|innovate\s+uk|european\s+(?:union|commission|innovation\s+council)|"
    r"eu(?![\w-])|eic\b|france\s+2030|union\s+europeenne|commission\s+europeenne|"
    r"conseil\s+europeen\s+de\s+l'innovation)"
)
_WORTH_OF_RE = re.compile(r"^worth\s+of\b")
# (Money raised in a listing is a round, named "ipo", as the labelled real coverage reads it.)
_NOT_PRIVATE_RIGHT_RE = re.compile(
    r"(?:below|above|short\s+of|(?:less|more|lower|higher|fewer)\s+than|de\s+(?:moins|plus)\s+qu(?:e|')|"
    r"en\s+dessous|au-dessus|(?:inferieure?s?|superieure?s?)\s+a)\b"
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


# A holder selling its stake, whoever it is: "a vendu sa participation dans X, 4 % du capital, pour 25 M€",
# "sold its 6% of X's capital for €40 million". Not when a raise or a valuation follows: "sold a stake...,
# raised $50M", "sell shares in a tender that values it at $6.5bn" (that valuation is a fact).
_STAKE_SALE_RE = re.compile(
    r"\b(?:sell|sells|selling|sold|offload\w*|divest\w*|vend\w*|ced\w*|cession)\b[^.;]{0,50}?"
    r"(?:\b(?:participations?|stakes?|holdings?|parts|actions|shares|pour\s*cent|per\s*cent)\b|%)"
    r"(?![^.;]*\b(?:rais\w*|lev[eé]\w*|secur\w*|clos\w*|boucl\w*|annonc\w*|announc\w*|valu\w*|valoris\w*)\b)"
    r"[^.;]*$"
)


def _secondary(near_left: str, right: str, left: str = "") -> bool:
    """Shares sold by holders (employees, early investors, a fund leaving): no new money for the company."""
    return bool(
        _SECONDARY_RE.search(near_left[-30:] + " " + right)
        or _SELL_LEFT_RE.search(near_left)
        or _STAKE_SALE_RE.search(left)
    )


# A fund's own size: "clôture son deuxième fonds à 300 M€", "closed its third fund at $400 million".
# ("un fonds de capital de risque de 60 M€": a fund named by its kind, in four words.)
_FUND_SIZE_RE = re.compile(
    r"(?<!de )(?<!d')\b(?:fonds|fund|vehicule|vehicle)\b(?!\s+propres)(?:(?:\s+[\w-]+){0,2}?|\s+de\s+capital"
    r"(?:\s+de\s+|-)risque|\s+d'amorcage)?,?\s+"
    r"(?:(?:dote|dotee|endowed|sized|capped)\s+)?(?:at|of|a|de|d'|totaling|totalling|worth)\s*$"
)
# What a fund has to invest, said at more length: "le fonds régional Kobalt, qui cible la santé, dispose
# de 40 M€".
_FUND_HOLDS_RE = re.compile(
    r"(?<!de )(?<!d')\bfonds\b(?!\s+propres)[^.;:]{0,80}?\bdispos(?:e|era|erait|ait)\s+(?:de\s+|d')$"
)
_ROUND_NOUNS = {
    "en": r"round|raise|funding|financing|investment|placement",
    "fr": r"tour(?:\s+de\s+table)?|levee(?:\s+de\s+fonds)?|financement|investissement|placement\s+prive|"
    r"augmentation\s+de\s+capital",
}


@functools.cache
def _round_noun_re(lang: str | None) -> re.Pattern[str]:
    nouns = _ROUND_NOUNS[lang] if lang in _ROUND_NOUNS else "|".join(_ROUND_NOUNS.values())
    # ("un placement privé réservé d'une valeur de": an adjective or two may stand between.)
    adjective = r"(?:\s+(?!(?:dans|de|du|des|pour|a|au|aux|une?|avec|sur|par)\b)[a-z-]+){1,2}?"
    return re.compile(rf"\b(?:{nouns})(?:\s+(?:d'une\s+|of\s+)?|{adjective}\s+d'une\s+)$")


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


_SECURITIES_WORTH_RE = re.compile(r"\b(?:options?|shares?|stocks?|warrants?|securities|units?)\s+$")


def _thing_subject(before: str, lang: str | None) -> bool:
    """ "the upgrade cycle to be worth $900M": the subject of "worth" is a thing, not a company."""
    m = _thing_subject_re(lang).search(before)
    return m is not None and _company_noun_re(lang).fullmatch(m.group(1)) is None


_FUND_SUBJECT_RE = re.compile(
    r"\b(?:fund|(?<!de )(?<!d')fonds)\s+(?:(?:has|had|a|avait|just|recently|vient\s+de|also|aussi|announced|"
    r"annonce|said|is|was|itself|lui-meme|elle-meme)\s+)*$"
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
    r"\b(?:leve|levons|levions|raised|raise|recolte|obtenu|boucle|amasse|secured|"
    # (« a réussi à amasser 65 millions de fonds »: the infinitive too.)
    r"lever|amasser|recolter|obtenir|boucler|reunir|collecter|mobiliser|"
    # « Kobalt a récolté un montant total de 45 millions »
    r"(?:leve|recolte|obtenu|boucle)\s+(?:le|un)\s+montant\s+(?:record\s+|total\s+)?(?:de|d')|"
    # « une levée de fonds de 9 millions », « un tour de table de 8 millions »: the raise's noun.
    # (« a clos un tour de table à 14 millions »: the size after "à".)
    # (« annonce un financement de 7 millions »: the same.)
    r"(?:levee(?:\s+de\s+(?:fonds|capitaux))?|tour\s+de\s+table|tour|serie\s+[a-h]|round|funding|"
    r"investissement|financement|augmentation\s+de\s+capital)\s+"
    r"(?:d'un\s+montant\s+)?(?:de|d'|of|a))\s*(?:(?:plus\s+de|pres\s+de|"
    r"environ|about|around|more\s+than|over|nearly)\s+)?$"
)
# « Zorblo arrive en tête avec 31 millions récoltés »: the participle after the bare figure.
_BARE_RAISE_RIGHT_RE = re.compile(
    r"\s+(?:leves|obtenus|recoltes|raised|secured|de\s+fonds(?!\s+propres)|in\s+funding)\b"
)
_PACKAGE_RIGHT_RE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:package|enveloppe)\b")
_PACKAGE_LEFT_RE = re.compile(r"\b(?:package|enveloppe)\s+(?:[\w-]+\s+){0,2}?(?:de|of|d')\s*$")
_TRANCHE_LEFT_RE = re.compile(r"\btranches?\b")
# "Les 30 milliards restants", "the remaining $30 billion": the unpaid part of a larger sum.
REMAINING_WORDS = r"restants?|restantes?|remaining|left\s+to\s+(?:raise|come)"
_REMAINING_RE = re.compile(rf"\s*(?:{REMAINING_WORDS})\b")


def _package_or_remainder(doc: _Doc, idx: int, low: str, mention: MoneyMention, prev_end: int) -> bool:
    """A package mixing equity and debt ("a €250 million financing package ... a €200 million debt
    facility"), or what remains to be paid of a stated financing ("the remaining $12 million"): neither
    is one funding round. (A tranche is decided with the whole document: ``resolve._drop_parts_of_round``.)"""
    if _REMAINING_RE.match(low, mention.end):
        return True
    if not (
        _PACKAGE_RIGHT_RE.match(low, mention.end)
        or _PACKAGE_LEFT_RE.search(low[max(prev_end, mention.start - 40) : mention.start])
    ):
        return False
    return any(_DEBT_RE.search(f) for f in doc.folded[idx : idx + 3])


_NOTIONAL_LEFT_RE = re.compile(
    r"\b(?:notional|theoretical|hypothetical|back-of-the-envelope|theorique|hypothetique|fictive)\s+"
    r"(?:value|valuation|worth|valeur|valorisation)\b[^.;:]{0,30}$"
)
_LEADS_WITH_RE = re.compile(
    r"\b(?:lead|leads|led|leading|mene|menera|mener)\s+(?:the|this|its|a|le|ce|son|un)\s+"
    r"(?:round|raise|tour(?:\s+de\s+table)?|financement)\s+(?:with|avec)\s+(?:a|an|un|une)\s+"
    r"(?:(?:[\w-]+\s+){0,2}?(?:investment|cheque|check|ticket|commitment|apport|investissement)\s+of\s+)?$"
)
_TOP_UP_RE = re.compile(
    r"\s*(?:(?:supplementaires?|additionnels?|additional|more|de\s+plus|extra)\s+)?(?:a|to)\s+"
    r"(?:la|sa|son|its|their|the|leur|this|cette)\s+(?:serie|series|tour|round|levee|seed|amorcage)\b"
)
_COMPONENT_LEFT_RE = re.compile(
    r"\b(?:comprenant|comprising|comprises|consists\s+of|incluant|includes|included|including|inclut|comprend|"
    r"y\s+compris|of\s+which|"
    r"dont)\s+"
    # ("including a direct equity cheque of $9 million from Kobalt": four words.)
    r"(?!(?:la|le|les|l'|sa|son|ses|leur|leurs|the|its)\b)(?:[\w'-]+\s+){0,4}$"
)
# "17 M€, dont une part de dette", "including some debt": the whole is still the round.
# "$2.1bn of the $2.8bn raised": a share of the next figure.
_PART_OF_NEXT_RE = re.compile(r"\s*\)?\s*(?:of|des|du|sur)\s+(?:the|les|le|la)\s+(?:[$€£]|\d)")
_PART_DEBT_RE = re.compile(
    r"\(?\b(?:dont|including|incl\.?|y\s+compris)\s+(?:une\s+part(?:ie)?\s+de|some|a\s+portion\s+of|part)\s+"
    r"(?:dette|debt|venture\s+debt)\)?"
)
# "En détail : 30 M€ viennent d'une banque publique ...", "complétés par 18 M€": a round's
# breakdown, its parts.
_BREAKDOWN_LEFT_RE = re.compile(
    r"(?:\b(?:dans\s+le\s+detail|en\s+detail|in\s+detail|broken\s+down|breakdown)\b[^.;]{0,80}|"
    r"\b(?:complete\w*|completed|topped\s+up|supplemented)\s+(?:par|by)\s+)$"
)
_COMPONENT_LIST_RE = re.compile(
    r"\b(?:dont|including|of\s+which|comprenant|incluant)\s+[^.;()]{0,40}?(?:\d|[$€£])[^.;()]{0,80}?"
    r"(?:,|\bet\b|\band\b)\s*$"
)
# "Other large rounds included $478 million for Zorblo": each item of a list of rounds is a round, not a
# component of one.
_ROUNDS_INCLUDED_RE = re.compile(
    r"\b(?:rounds|deals|raises|financings|levees|operations|tours\s+de\s+table)\s+(?:also\s+)?"
    r"(?:included|includes|include|comprenaient|comprennent|incluaient|incluent)\b"
)
# "its early funding included a $12 million Series A": a part named as a round is one of the rounds.
_NAMED_ROUND_RIGHT_RE = re.compile(r"[\s-]*(?:series|serie)\s+[a-h]\b|[\s-]*(?:pre-?)?seed\s+round\b")
# (Not a Title Case headline's next words: "Quaxi Gets $30M To Hire", "$12M In Seed Funding".)
_PROPER_AFTER_RE = re.compile(
    r"[ \u00a0]+(?!(?:Series|Série|Serie|Seed|Round|Funding|Pre|Post|To|For|In|Into|From|With|As|At|On|Of|"
    r"By|And|After|Amid|Led|Via|Including|Despite|Following|Ahead|Backed|Pour|Dans|Avec|Et|En|Au|Aux|"
    r"Du|Des|De|Le|La|Les|Sur|Par)\b)[A-Z][a-z]+[ \u00a0]+[A-Z][a-z]+"
)
_NON_EQUITY_FORM_RE = re.compile(
    r"(?:[^.;]{0,40}?\b(?:sous\s+(?:la\s+)?forme\s+d(?:e\s+|')|in\s+the\s+form\s+of\s+)"
    # ("5 M€ en incluant les aides de la région", "$5m including grants": a whole with public money in it.)
    r"|\s*(?:(?:de\s+)?(?:dollars|euros|francs)\s+|d'euros\s+)?,?\s*(?:en\s+comptant|en\s+incluant|including|counting)\s+"
    r"(?:notamment\s+|also\s+)?)(?:[\w'-]+\s+){0,2}?"
    r"(?:subventions?|avances?|prets?|dettes?|grants?|loans?|debt|repayable|non-dilutive)\b"
)
_CONJUNCT_RE = re.compile(
    r"\b(?:and|et|plus|as\s+well\s+as|ainsi\s+que|while|whereas|tandis\s+que|alors\s+que|alongside|"
    r"along\s+with|in\s+addition\s+to|aux\s+cotes\s+d|en\s+plus\s+d|outre)\b|;"
)
# What the money is for, an infinitive after it (not "to repay", "pour rembourser": debt is its purpose).
_PURPOSE_RE = re.compile(
    r"\s(?:(?:to|in\s+order\s+to)\s+(?!(?:an?|the|its|their|be|repay|refinance|pay)\b)[a-z]+"
    r"|(?:afin\s+d(?:e\s+|')|pour\s+)(?!(?:rembourser|refinancer|payer)\b)[a-z]+(?:er|ir|re))\b"
)
_CONSEQUENCE_RE = re.compile(
    r",\s*(?:ce\s+qui|which\s+(?:allowed|enabled|let|helped)|allowing|enabling|permettant|lui\s+permettant|"
    r"avant\s+de|before)\b"
    # ("9 M€, complétés par un prêt bancaire de 3 M€": what completes it is another deal.)
    r"|,?\s*(?:qui\s+sera\s+)?(?:complete\w*|completed|topped\s+up|supplemented)\b"
)


_DEAL_CLASS_RIGHT_RE = re.compile(
    r"(?:-plus|\+|\s+(?:or|and)\s+(?:less|more|above|under|over|below|up|bigger|larger|smaller))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:rounds|deals|financings|raises|transactions|fundraises|mega-?rounds)\b"
)


# "$510M raised across 14 venture rounds", "900 M€ levés en 75 opérations": many deals' sum
# (a company's own "$30M across three rounds" is its total: few rounds, see vocab._KW_TOTAL).
_ACROSS_DEALS_RIGHT_RE = re.compile(
    r"\s+(?:(?:raised|leve(?:e?s)?|invested|investis)\s+)?(?:across|in|over|through|en|sur)\s+"
    r"(?:(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|hundreds\s+of|plusieurs|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:[\w-]+\s+){0,3}?(?:deals|transactions|operations|"
    r"companies|startups|start-ups|entreprises|societes|investments|investissements)|"
    r"(?:[6-9]|\d{2,4}|dozens\s+of|hundreds\s+of)\s+(?:[\w-]+\s+){0,3}?(?:rounds|tours|levees|financings))\b"
    # "$600m in funding for Danish startups this spring".
    r"|\s+in\s+(?:[\w-]+\s+){1,2}?(?:for|into|across)\s+(?:[\w-]+\s+){0,2}?(?:startups|start-ups|companies|firms)\b"
)
# (A count of them before the figure: "Quaxi and Plimo both close $50m+ rounds" are their own rounds.)
_DEAL_COUNT_LEFT_RE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|several|many|multiple|"
    r"numerous|few)\s+$"
)


_PROCEEDS_ALLOCATED_RE = re.compile(
    r"\b(?:(?:ce|le)\s+produit(?:\s+net)?(?:\s+de\s+l'(?:operation|emission|augmentation\s+de\s+capital))?\s+"
    r"sera\s+(?:affecte|utilise|alloue)|(?:the|its)\s+(?:net\s+)?proceeds\s+will\s+be\s+(?:used|allocated))\b"
)
_EXTENSIBLE_TO_RE = re.compile(
    r"(?:\b(?:pouvant|pourra|pourrait|susceptible\s+d')\s*(?:etre\s+)?(?:portee?s?|etendue?s?|augmentee?s?|"
    r"relevee?s?|elargie?s?)|\bpourrait\s+atteindre|\b(?:could|may|might)\s+(?:be\s+(?:expanded|increased|extended|"
    r"upsized|boosted)|reach|rise))\s+(?:a\s+|to\s+)?(?:un\s+maximum\s+de\s+|jusqu'a\s+|up\s+to\s+|"
    r"as\s+much\s+as\s+)?$"
)


def _drops_figure(sent: str, low: str, mention: MoneyMention, prev_end: int, next_start: int) -> str | None:
    """Figures that look like funding but are debt, a slice of a deal, or a named programme's size."""
    left = low[prev_end : mention.start]
    # "a €50m loan from the EIB and €20m in equity": the debt belongs to the earlier conjunct.
    joins = list(_CONJUNCT_RE.finditer(left))
    if joins:
        left = left[joins[-1].end() :]
    # "Chakra, which offers loans to retailers, has raised ₹200 crore": the aside is about its business.
    restarts = [*_NEW_CLAUSE_RE.finditer(left), *_NEW_RELATIVE_RE.finditer(left)]
    if restarts:
        left = left[max(r.start() for r in restarts) :]
    right = low[mention.start : min(next_start, mention.end + 60)]
    # "a £9m equity round and a £4m venture loan": the debt is the next conjunct's, not the round's.
    after = _CONJUNCT_RE.search(right, mention.end - mention.start)
    if after is not None:
        right = right[: after.start()]
    consequence = _CONSEQUENCE_RE.search(right) or _PURPOSE_RE.search(right)
    if consequence:
        # "a levé 9 M€, ce qui lui vaut ensuite un prêt bancaire": what followed is another deal;
        # "took in $14 million to offer loans to farmers": what the money is for is not what it is.
        right = right[: consequence.start()]
    clause = left + right
    if _DEBT_RE.search(_PART_DEBT_RE.sub(" ", clause)):
        return "debt"
    if (
        _NON_EQUITY_FORM_RE.match(low, mention.end, min(len(low), mention.end + 80))
        or _SUPPORT_LEFT_RE.search(low, max(prev_end, mention.start - 60), mention.start)
        or _PROJECT_FRAME_RE.search(low, max(0, mention.start - 90), min(len(low), mention.end + 60))
    ):
        # "un financement de 5 M€ de Bpifrance sous forme de subventions", "une aide financière de 900 000
        # euros", "dans le cadre d'un projet régional": grants, or a project's funding, not equity.
        return "grant"
    component = (
        _PART_OF_NEXT_RE.match(low, mention.end)
        or _COMPONENT_LEFT_RE.search(low, max(prev_end, mention.start - 40), mention.start)
        or _BREAKDOWN_LEFT_RE.search(low, max(0, mention.start - 120), mention.start)
        # "dont 36,5 M€ auprès de fonds et 4,1 M€ de particuliers": the next part of the same list.
        or _COMPONENT_LIST_RE.search(low, max(0, mention.start - 160), mention.start)
    )
    if (
        component
        and not _ROUNDS_INCLUDED_RE.search(low, max(0, component.start() - 40), component.end())
        and not _NAMED_ROUND_RIGHT_RE.match(low, mention.end)
    ):
        return "component"
    tally_or_aside = _tally_or_set_aside(sent, low, mention, prev_end)
    if tally_or_aside is not None:
        return tally_or_aside
    return _no_deal_said(sent, low, mention, prev_end)


_MULTIPLE_RIGHT_RE = re.compile(r"\s*(?:at|a|with|soit)\s+(?:an?\s+|un\s+)?\d+(?:[.,]\d+)?\s?x\b")
_SCENARIO_LEFT_RE = re.compile(r"\b(?:scenario|multiple\s+of|multiple\s+de)\b[^.;]{0,50}$")


def _no_deal_said(sent: str, low: str, mention: MoneyMention, prev_end: int) -> str | None:
    """A figure the words around say is no deal: a ceiling, a hypothesis, share capital, an endowment,
    a question, a named programme."""
    if _PROCEEDS_ALLOCATED_RE.search(low, 0, mention.start):
        # "Le produit de l'émission sera affecté à hauteur de 3 M€ à ...", "the proceeds will be used, $5m
        # of them for ...": how the money raised is spent, not a raise.
        return "allocation"
    if prev_end and _EXTENSIBLE_TO_RE.search(low, max(prev_end, mention.start - 80), mention.start):
        # "une levée de 2 M€, extensible à 3 M€", "a $10 million round that may be upsized to $15 million":
        # the ceiling a deal may reach, not the deal.
        return "hypothetical"
    if _HYPOTHETICAL_YOU_RE.search(low, 0, mention.start):
        # "You could raise $4 million in Lyon and $5 million in Paris with the same deck": a
        # hypothetical, nobody's deal.
        return "hypothetical"
    if _MULTIPLE_RIGHT_RE.match(low, mention.end) or _SCENARIO_LEFT_RE.search(
        low, max(prev_end, mention.start - 60), mention.start
    ):
        # "worth $400M at 2x sales and $2B at 10x", "a bear scenario puts it at a $1B valuation": an
        # analyst's arithmetic on a multiple, no deal.
        return "hypothetical"
    if _SHARE_CAPITAL_LEFT_RE.search(low, max(0, mention.start - 70), mention.start):
        # "société par actions simplifiée au capital de 41 200 euros": the legal share capital, no raise.
        return "share capital"
    if _ENDOWED_LEFT_RE.search(low, max(0, mention.start - 40), mention.start) or _fund_size(low, mention):
        # "le programme Kobalt Impulsion, doté de 75 M€", "un fonds doté de 120 M€": a fund's or a
        # programme's endowment, not a company's raise.
        return "endowment"
    if _ASKED_RE.match(low, mention.end) and not _RHETORICAL_RE.search(low, 0, mention.start):
        # "Could Zephyr be worth $1bn?": a question states nothing (but
        # "n'est-elle pas en train de devenir un géant évalué à 2 milliards ?" asserts it).
        return "asked"
    # ("The $3 Billion Robotics Startup Quaxi": a Title Case headline's words, not a programme's name.)
    # (In a Title Case headline every word after the figure looks like a name: "Quaxi Nabs $20M At A $300M
    # Valuation Ahead Of Launch".)
    named = (
        _PROPER_AFTER_RE.match(sent, mention.end)
        and not _WORTH_DESCRIPTOR_RIGHT_RE.match(low, mention.end)
        and not title_case(sent)
    )
    return "named" if named else None


def _tally_or_set_aside(sent: str, low: str, mention: MoneyMention, prev_end: int) -> str | None:
    """Many companies' money ("aggregate"), or a figure the text sets aside ("corrected")."""
    if (
        _counted_set(low, mention, prev_end)
        or _market_tally(sent, low, mention, prev_end)
        or _sector_entry(sent, low, mention)
        or _STATISTIC_LEFT_RE.search(low, max(prev_end, mention.start - 80), mention.start)
        or _STATISTIC_RIGHT_RE.match(low, mention.end)
        or _raised_by_many(low, mention)
        or _COLLECTIVE_PAREN_LEFT_RE.search(low, max(0, mention.start - 90), mention.start)
        or _COUNTED_BY_SOURCE_RE.search(low, max(0, mention.start - 140), mention.start)
        or _COLLECTIVELY_RAISED_RE.search(low, max(prev_end, mention.start - 70), mention.start)
        or _FUNDING_MOVED_RE.search(low, max(0, mention.start - 100), mention.start)
        or (
            _PERIOD_POSSESSIVE_LEFT_RE.search(low, max(0, mention.start - 40), mention.start)
            and not _ROUND_WORDS_RIGHT_RE.match(low, mention.end)
        )
        or _ACROSS_DEALS_RIGHT_RE.match(low, mention.end)
        # "nine $50m-plus rounds", "four $5m or less seed deals": a bracket of deals.
        or (
            _DEAL_CLASS_RIGHT_RE.match(low, mention.end)
            and _DEAL_COUNT_LEFT_RE.search(low, max(0, mention.start - 20), mention.start)
        )
    ):
        return "aggregate"
    if (
        _CORRECTED_RE.search(low, max(prev_end, mention.start - 25), mention.start)
        or _NOT_BEFORE_RE.search(low, max(prev_end, mention.start - 12), mention.start)
    ) and not _CORRECTION_RE.search(low):
        # "came to $640,000, not $6.4 million", "1,2 M€ (et non 12 M€)": the figure the text sets
        # aside. (A correction notice says it the other way round: see ``_CORRECTION_RE``.)
        return "corrected"
    return None


# "startups, which collectively secured about $48 million", "Vornix et Halvane, qui ont levé ensemble
# 22 M€": what several raised together, not one company's round.
_COLLECTIVELY_RAISED_RE = re.compile(
    r"\b(?:collectively|jointly|together|between\s+them|collectivement|ensemble)\s+(?:[\w-]++\s+)?"
    r"(?:raised|raising|harvested|harvesting|secured|securing|pulled\s+in|attracted|drew|bagged|netted|"
    r"leve|levant|recolte|obtenu)\s+(?:[\w-]++\s+){0,3}?$"
    r"|\b(?:ont\s+)?(?:leve|recolte|obtenu)\s+(?:collectivement|ensemble)\s+(?:[\w-]++\s+){0,3}?$"
)
# "monthly funding fell back to $610 million", "les investissements en capital-risque ont reculé à": a
# period's or a market's funding, moving; no deal.
_FUNDING_MOVED_RE = re.compile(
    # ("proptech funding climbed to 310 deals and $7 billion": a sector's funding too.)
    r"\b(?:(?:quarterly|monthly|annual|yearly|weekly|overall|startup|start-up|vc|venture(?:\s+capital)?|"
    r"[a-z]+tech)\s+"
    r"(?:funding|investments?)|investissements\s+(?:en\s+)?(?:capital[- ]risque|venture))\s+"
    r"(?:[\w'-]++\s+){0,8}?(?:peaked|fell|rose|dropped|declined|jumped|surged|climbed|reached|totalled|totaled|"
    r"stood|hit|grew|plunged|slumped|amounted|ont\s+(?:recule|chute|progresse|atteint|bondi))\b[^.;]*$"
)
# "could top last year's $900M raised", "this quarter's $170 million": a period's tally (but "last year's
# $6 million seed round" is a round, the company's).
_PERIOD_POSSESSIVE_LEFT_RE = re.compile(
    r"\b(?:last|this|next|the\s+(?:previous|past))\s+(?:year|quarter|month|week|half)['’]s\s+(?:total\s+(?:of\s+)?)?$"
)
_ROUND_WORDS_RIGHT_RE = re.compile(
    r"\s*+(?<![\w-])(?:[\w-]++\s+){0,2}?(?:rounds?|seed|series|raise|fundraise|fundraising|financing|investment|deal)\b"
)
# A correction notice ("An earlier version of this article misstated the round as ..."): after it, only
# the figure given as the right one, after "rather than", stands.
_CORRECTION_RE = re.compile(
    r"\b(?:(?:earlier|previous|prior)\s+version\s+of\s+this\s+(?:article|story|post|report)|misstated|"
    r"(?:incorrectly|wrongly|erroneously)\s+(?:stated|said|reported|gave|put)|"
    r"(?:version\s+precedente|precedente\s+version)\s+de\s+cet\s+article|indiquait\s+par\s+erreur)"
)
# Every _CORRECTION_RE match holds one of these: an exact shortcut before its search.
_CORRECTION_WORDS = ("version", "misstated", "incorrectly", "wrongly", "erroneously", "erreur")
_CORRECTED_RE = re.compile(
    r"\b(?:rather\s+than|instead\s+of|au\s+lieu\s+d[e'’]|et\s+non(?:\s+pas)?)\s+\S*\s*$"
)
_NOT_BEFORE_RE = re.compile(r"[,(]\s*not\s+(?:the\s+)?$")
_SUPPORT_LEFT_RE = re.compile(
    r"\b(?:soutien|aide|appui)\s+financier\w*\s+(?:(?:gouvernemental\w*|public\w*|de\s+l'etat)\s+)?"
    r"(?:de\s+|d')?(?:(?:plus\s+de|pres\s+de|environ)\s+)?$"
)
_PROJECT_FRAME_RE = re.compile(r"\bdans\s+le\s+cadre\s+(?:du|de\s+ce|d'un)\s+projet\b")
_HYPOTHETICAL_YOU_RE = re.compile(
    r"\b(?:if|when|should)\s+you\b|\byou\s+(?:could|would|can|might|may|will|'d|should)\b|"
    r"\bsi\s+vous\b|\bvous\s+(?:pourriez|pouvez|pourrez)\b"
)
# "les start-up allemandes du secteur restent devant (2,3 milliards d'euros)": many companies' sum in
# brackets.
_COLLECTIVE_PAREN_LEFT_RE = re.compile(
    r"\b(?:des|les|of\s+the|of)\s+(?:start-?ups?|startups|entreprises|societes|jeunes\s+pousses|companies|firms|"
    r"scale-?ups)\b[^().;]{0,60}\(\s*(?:environ\s+|about\s+|around\s+|pres\s+de\s+)?$"
)
# "le rapport annuel de Kobalt recense 2,2 milliards d'euros de fonds levés": what a study counts, a tally.
_COUNTED_BY_SOURCE_RE = re.compile(
    r"\b(?:barometre|etude|rapport|report|study|survey|observatoire|classement|ranking|index|indice|pitchbook|"
    r"crunchbase|dealroom|cb\s+insights)\b[^.;]{0,60}?\b(?:comptabilis\w+|recens\w+|counted|tallied|recorded|"
    r"faisait\s+etat\s+de|fait\s+etat\s+de)\s+(?:(?:pres\s+de|plus\s+de|environ|about|nearly|over|some)\s+)?$"
)
_ASKED_RE = re.compile(r"[^.!?;:]{0,40}\?")
# "Terrana, un fonds d'investissement de 90 M€", "Terrana, a $90 million fund":
# the size of a fund, not a raise.
# "Kobalt a créé un fonds pour mobiliser 900 M€": its target size.
_FUND_RAISES_LEFT_RE = re.compile(
    r"\b(?:(?:le|un|du|son|ce|nouveau)\s+(?:fonds|vehicule)|(?:a|the|its|new)\s+(?:fund|vehicle))\b[^.;]{0,100}?"
    r"\b(?:pour|to)\s+(?:mobiliser|lever|collecter|reunir|raise|"
    r"mobilise|mobilize)\s+(?:(?:pres\s+de|plus\s+de|environ|about|up\s+to|jusqu'a)\s+)?$"
)
_FUND_SIZE_LEFT_RE = re.compile(
    r"\b(?:un|une|le|son|leur|d'un|nouveau|premier|deuxieme|second|troisieme)\s+(?:nouveau\s+)?"
    r"fonds(?:\s+d'investissement|\s+de\s+capital[\w-]*|\s+d'amorcage)?(?:\s+[a-z]\w*)?\s+"
    r"(?:de|d'un\s+montant\s+de|d'une\s+taille\s+de)\s*$"
)
_FUND_SIZE_RIGHT_RE = re.compile(
    # (Not the verb: "a fresh $40 million to fund its hiring".)
    r"\s*(?<![\w-])(?:(?!to\s)[\w-]++\s+){0,2}?funds?\b(?!\s+(?:round|raise|from|for\s+the))"
)
_FUND_ARTICLE_LEFT_RE = re.compile(r"\b(?:a|an|its|their|the|new)\s+$")


def _fund_size(low: str, mention: MoneyMention) -> bool:
    if _FUND_SIZE_LEFT_RE.search(
        low, max(0, mention.start - 70), mention.start
    ) or _FUND_RAISES_LEFT_RE.search(low, max(0, mention.start - 140), mention.start):
        return True
    return bool(
        _FUND_ARTICLE_LEFT_RE.search(low, max(0, mention.start - 8), mention.start)
        and _FUND_SIZE_RIGHT_RE.match(low, mention.end)
    )


# An average or a median over many deals: "the average Series A is €11m", "le ticket moyen atteint
# 2 M€", "each raised $4m on average": a statistic, nobody's round.
_STATISTIC_LEFT_RE = re.compile(
    # (Not "une PME de taille moyenne", "le Moyen-Orient", "les moyens de": a size, a region, the means.)
    r"\b(?:average|median|averag(?:ed|ing)|la\s+moyenne|moyenne\s+des?|en\s+moyenne|medianes?|"
    r"(?:ticket|montant|tour|chiffre|taille)s?\s+(?:moyen|median)s?(?!-))\b[^,;:()]{0,60}$"
)
_STATISTIC_RIGHT_RE = re.compile(r"\s*(?:en\s+moyenne|on\s+average)\b")


# "1,3 Md€ levés par les pépites du secteur", "$640m raised in Peru", "400 M€ investis en
# Wallonie": money raised by many companies or in a whole place, a tally.
_RAISED_BY_MANY_RE = re.compile(
    r"\s*(?:(?:d'euros|de\s+dollars|d'investissements?)\s+)?(?:leves|levees|investis|injectes|collecte(?:e?s)?|"
    r"recolte(?:e?s)?|mobilise(?:e?s)?|raised|invested|secured|attracted|collected)\s+"
    # ("$41m raised between 3 and 9 May by Indian startups": a span of dates before the agent.)
    r"(?:(?:between|entre|from|du|over|sur)\s[^.;:]{0,50}?\s"
    # ("90 M€ levés l'an passé par les jeunes pousses du canton": when, before by whom.)
    r"|(?:l'an\s+(?:dernier|passe)|l'annee\s+(?:derniere|passee)|last\s+year|this\s+year|cette\s+annee|"
    r"(?:en|in)\s+(?:19|20)\d\d)\s+)?"
    r"(?:(?:par|by)\s+(?:les\s+|des\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:start-?ups|startups|(?<=les\s)start-?up|"
    r"entreprises|societes|"
    r"companies|firms|jeunes\s+pousses|pepites|scale-?ups)\b"
    r"|(?:en|in|au|aux|across)\s+(?P<where>[\w' -]{2,40}))"
)


def _raised_by_many(low: str, mention: MoneyMention) -> bool:
    m = _RAISED_BY_MANY_RE.match(low, mention.end)
    if m is None:
        return False
    if m.group("where") is None:
        return True
    if _YEAR_ONLY_RE.match(m.group("where")):
        # "the $2.8bn raised in 2022": a year's tally, unless someone's own ("its $50M").
        return not _OWN_BEFORE_RE.search(low, max(0, mention.start - 12), mention.start)
    words = m.group("where").split()
    return any(_is_place(" ".join(words[:n])) for n in (1, 2, 3))


_YEAR_ONLY_RE = re.compile(r"(?:19|20)\d\d\b")
_OWN_BEFORE_RE = re.compile(r"\b(?:its|their|his|her|sa|son|ses|leur|leurs)\s+$")


# "seules trois sociétés franchissent la barre des 20 M€", "above the $50m mark": a threshold that raises are
# measured against, never a raise (a valuation passing a mark is still the company's worth).
_THRESHOLD_LEFT_RE = re.compile(
    r"\b(?:(?:le\s+)?cap|(?:la\s+)?barre|(?:le\s+)?seuil|(?:the\s+)?(?:threshold|mark))\s+(?:des|de|du|d'|of)\s*"
    r"(?:(?:plus\s+de|pres\s+de|more\s+than)\s+)?$"
    # "deals of this size (over $100M)", "des tours (de plus de 50 M€)": the criterion in brackets.
    r"|\(\s*(?:above|over|more\s+than|plus\s+de|de\s+plus\s+de|au-dessus\s+de|superieure?s?\s+a)\s*$"
    # "growth rounds (investments between €40 million and €90 million)": a class's bounds.
    r"|\b(?:rounds|investments|deals|tickets|tours|levees|operations)\s*(?:[,—–-]\s*)?(?:of\s+|de\s+)?"
    r"(?:between|entre)\s*$"
    # "seed rounds ranging from €0.5 million to €8 million": a class's spread.
    r"|\b(?:rounds|investments|deals|tickets|tours|levees)\s+(?:going|ranging|allant|range|vary\w*|fluctuat\w*)\s+"
    r"(?:from|de|between|entre)\s*$"
)


# "des tours de 3 M€ ou plus", "rounds of $5 million or more": the bar a definition or
# a count sets.
_THRESHOLD_RIGHT_RE = re.compile(
    r"\s*(?:ou\s+plus|et\s+plus|ou\s+davantage|(?:or|and)\s+(?:more|above|over))\b"
)


# "le total des montants levés en région (52 M€)", "les levées des start-up bretonnes ont atteint 210 M€",
# "funding rounds of Nordic startups reached $2B": the money of many deals or companies, a tally.
_TALLY_LEFT_RE = re.compile(
    r"\b(?:(?:montants|sommes)\s+(?:leve|levee|collecte|investi|recolte)e?s|amounts\s+raised|"
    # "the capital raised by robotics startups in 2022 came to $610 million"
    r"(?:capital|money|funding|cash|montants?|sommes?|capitaux|fonds)\s+(?:raised|leve\w*)\s+(?:by|par)\s+"
    r"(?:(?:the\s+|les\s+|des\s+)?(?:[\w-]+\s+){0,3}?(?:start-?ups|startups|companies|firms|scale-?ups|"
    r"entreprises|societes|jeunes\s+pousses)|(?:les|des)\s+start-?up)\b|"
    r"(?:tours|levees|rounds|financements|deals)\s+(?:de\s+(?:table|fonds)\s+)?(?:des|of)\s+(?:[\w-]+\s+)?"
    r"(?:start-?ups?|startups|entreprises|jeunes\s+pousses|societes|companies|firms|scale-?ups))"
    r"[^.;:]{0,60}$"
)


def _round_reread(low: str, mention: MoneyMention, prev_end: int, lang: str | None) -> tuple[str, str] | None:
    """What a figure read as a round is instead, from the words right before it or the bar after it (None:
    a round)."""
    if _THRESHOLD_LEFT_RE.search(low, max(0, mention.start - 30), mention.start) or _THRESHOLD_RIGHT_RE.match(
        low, mention.end
    ):
        return "non", "a threshold raises are measured against"
    if _TALLY_LEFT_RE.search(low, max(prev_end, mention.start - 140), mention.start) or _DEALS_RIGHT_RE.match(
        low, mention.end
    ):
        return "non", "a tally of many companies' deals"
    if _VALUATION_IS_LEFT_RE.search(low, max(prev_end, mention.start - 120), mention.start):
        # "the post-money valuation of Quaxi in this deal is €40 million": what the valuation is.
        return "val", "the valuation the sentence says the figure is"
    if _invested_just_before(low, mention, prev_end, lang):
        # "Kobalt, which plans to put €80 million into the round": the investor's own ticket.
        return "inv", "an investor's verb right before the figure"
    return None


# "plus de 40 M€ de deals recensés", "$90 million in deals": the sum of several deals.
_DEALS_RIGHT_RE = re.compile(r"\s+(?:de|d'|of|in|en)\s+(?:deals|transactions|operations)\b")
_VALUATION_IS_LEFT_RE = re.compile(
    r"\b(?:the|la|sa|its|their|leur)\s+(?:(?:pre|post)-?money\s+|implied\s+|current\s+|actuelle\s+)?"
    r"(?:valuation|valorisation)\b[^.;]{0,60}?\b(?:is|was|est|etait|stands\s+at|stood\s+at|s'eleve\s+a|atteint)\s+"
    r"(?:(?:about|around|some|nearly|roughly|environ|pres\s+de|de|a)\s+)?$"
)


# Money summed over a counted set of deals or companies: "64 M€ répartis sur neuf opérations", "levés par
# douze sociétés", "41 entreprises bretonnes ont levé 230 M€": nobody's own. Numbers and nouns: lexicons.
@functools.cache
def _counted_res(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    count = rf"(?:\d+|{lexicon.alternation('count_words', lang)})"
    counted = f"(?:{lexicon.alternation('counted_nouns', lang)})"
    right = re.compile(
        rf"[^.;:,]{{0,30}}?(?:\b(?:en|dans|sur|par|across|in|over|from|by|a\s+la\s+faveur\s+de|au\s+fil\s+de|"
        rf"lors\s+de)\s+|\bd')(?:seulement\s+|only\s+|just\s+)?"
        # (« une quinzaine d'entreprises »: the count's "de" glued to the noun)
        rf"{count}\s+(?:d'|de\s+)?(?:[\w-]+\s+)?{counted}\b"
    )
    left = re.compile(
        rf"\b{count}\s+(?:d'|de\s+)?(?:[\w-]+\s+){{0,2}}?{counted}\b(?:\s+[\w'-]+){{0,5}}?\s+(?:\((?:pour|for|soit)\s+)?(?:[\w'-]+\s+){{0,2}}$"
    )
    return right, left


def _counted_set(low: str, mention: MoneyMention, prev_end: int) -> bool:
    # Every language's words: a French roundup counts its deals in English words as often as not.
    right, left = _counted_res(None)
    if right.match(low, mention.end):
        return True
    start = max(prev_end, mention.start - 90, *(low.rfind(c, 0, mention.start) + 1 for c in ",;:"))
    return left.search(low, start, mention.start) is not None


# "Les financements de la medtech ont totalisé 610 M€", "VC funding into Baltic startups fell to
# $2bn": money as a market's measure (its subject the investment itself, its verb a level reached or a
# change), nobody's round. A named company in the complement ("investments in Kobalt") keeps it.
_MARKET_TALLY_LEFT_RE = re.compile(
    r"\b(?:investissements?|financements?|montants?\s+leves|fonds\s+leves|levees\s+de\s+fonds|funding|"
    r"investments?|venture\s+(?:capital|funding|investment)|vc\s+(?:funding|investment|money|dollars)|"
    r"capital\s+raised|sommes\s+levees|"
    # (« Le total grimpe à 140 M€ », « le dernier semestre avait cumulé 95 M€ »: a period
    # or a counter as the subject.)
    r"compteur|cumul|trimestres?|semestres?)"
    r"(?:\s+(?:dans|en|in|into|to|for|pour|des|du|de|de\s+la|of|across)\s+(?:[\w'-]+\s+){0,4}?)?"
    r"\s*(?:(?:ont|a|avaient|avait|est|sont|etait|have|has|had|is|was|were|ont\s+deja|have\s+already)\s+)?"
    r"(?:atteint|atteignent|atteignaient|totalis\w+|cumul\w+|s'elev\w+\s+a|reached|reach|totall?ed|"
    r"amounted\s+to|fell|fall|rose|dropped|declined|climbed|jumped|grew|hit|surged|plunged|slumped|"
    r"soared|slipped|slid|shrank|decreased|increased|came\s+(?:in\s+)?(?:to|at)|stood\s+at|"
    r"represent\w*|recule\w*|progress\w*|bondi\w*|chute\w*|grimpe\w*|tombee?s?|baiss\w+|diminu\w+|"
    r"augment\w+|s'etablit\s+a|s'est\s+etabli\w*\s+a)\b"
    # ("funding jumped 50% to ...": the change before the level.)
    r"(?:\s+(?:by\s+|de\s+)?\d+(?:[.,]\d+)?\s?(?:%|per\s?cent))?"
    r"(?:\s+(?:from|de|to|a|jusqu'a|around|about|environ|pres\s+de|plus\s+de|more\s+than|some|nearly|"
    r"almost|only|just|seulement|un\s+record\s+de|a\s+record|un\s+montant\s+de|quelque)){0,3}\s*$"
)


def _market_tally(sent: str, low: str, mention: MoneyMention, prev_end: int) -> bool:
    m = _MARKET_TALLY_LEFT_RE.search(low, max(prev_end, mention.start - 140), mention.start)
    if m is None:
        return False
    # Low and original text align character for character: a capitalised word after the subject's first
    # word is a name ("les investissements dans Kobalt"), unless it qualifies a collective noun
    # ("funding into Nordic startups").
    # A place is no company: "funding in Europe fell to ...".
    names = [n for n in re.findall(r"(?<=\s)[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*", sent[m.start() : m.end()])]
    return all(_is_place(n) for n in names) or bool(_collective_re().search(low, m.start(), m.end()))


# "the busiest verticals were robotics (€410 million) and insurance (€250 million)": each entry in
# parentheses after a lower-case sector is that sector's tally.
_SECTOR_WORDS_RE = re.compile(
    r"\b(?:sectors?|secteurs?|verticals?|industries|categories|segments?|filieres?)\b"
)
_SECTOR_ENTRY_LEFT_RE = re.compile(
    r"(?:^|[,;:]|\band\s|\bet\s|\bincluded\s|\bincluding\s|\bnotamment\s|\bwere\s|\bsont\s)\s*"
    r"[a-z][a-z/&' -]{1,40}?\s*\(\s*$"
)


def _sector_entry(sent: str, low: str, mention: MoneyMention) -> bool:
    return _SECTOR_WORDS_RE.search(low, 0, mention.start) is not None and bool(
        _SECTOR_ENTRY_LEFT_RE.search(sent, max(0, mention.start - 50), mention.start)
    )


@functools.cache
def _collective_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lexicon.alternation('collective_subjects', None)})\b")


_ENDOWED_LEFT_RE = re.compile(
    r"\b(?:dote[es]{0,2}|dotation)\s+(?:(?:initiale|globale|totale|de\s+depart)\s+)?(?:de\s+|d')"
    r"(?:(?:plus\s+de|pres\s+de|environ|quelque)\s+)?$|\bendowed\s+with\s+$"
)
_SHARE_CAPITAL_LEFT_RE = re.compile(
    r"\b(?:au\s+capital(?:\s+social)?\s+de|(?:a|with)\s+share\s+capital\s+of)\s+$"
    # « le capital social, désormais porté à 41 200 € »: the capital's new level.
    r"|\bcapital\b[^.;]{0,40}?\bport[ée]e?s?\s+a\s+$|\bporte\w*\s+(?:son|sa|le|leur)\s+capital(?:\s+social)?\s+a\s+$"
)
_RHETORICAL_RE = re.compile(r"\b(?:pas|not|n't|isn't|aren't|wasn't|won't|don't|doesn't)\b|n't\b")


_SPAC_RE = re.compile(
    r"\b(?:spacs?|vehicules?\s+d'acquisition|blank[- ]check\s+compan\w+|special\s+purpose\s+acquisition)\b"
    r"[^.;]{0,100}\b(?:lever|leve|levera|raise|raises|raising|seeks|cherche)\b"
)
_MERGER_RE = re.compile(
    r"\b(?:fusion\w*|merg\w*|combin\w*|rapproch\w*|brings?|apporter\w*|proceeds|give|gives|donner\w*|"
    r"provide\w*|offrir\w*)\b"
)


def _spac_own_listing(low: str, mention: MoneyMention) -> bool:
    """ "Zorblo, un Spac coté à Paris, compte lever 120 M€": a blank-check company's own listing, no round
    (but "the merger with the SPAC brings Quaxi $350M" is the target's money)."""
    return bool(_SPAC_RE.search(low[: mention.start])) and not _MERGER_RE.search(low)


_NEW_CLAUSE_RE = re.compile(
    r",\s*(?:and\s+|et\s+)?(?:is|are|has|have|now|today|will|est|sont|a|ont|va|vient|desormais|aujourd'hui)\b"
)
# ("Quaxi, a tool for lenders chasing unpaid debt, that doubled its worth to": a relative clause after
# the description also restarts what qualifies the figure.)
# ("$40m in debt and equity, taking its Series B to $90m": a participle clause too.)
_NEW_RELATIVE_RE = re.compile(r",\s*(?:that|which|qui|bringing|taking|pushing|lifting|portant)\b")


def _invested_just_before(low: str, mention: MoneyMention, prev_end: int, lang: str | None) -> bool:
    left = low[max(prev_end, mention.start - 50) : mention.start]
    # ("invests in Zorblo's $25m round": the figure is the round the investor joins, the company's own.)
    return bool(_invested_left_re(lang).search(left)) and not _POSSESSIVE_JUST_BEFORE_RE.search(left)


_POSSESSIVE_JUST_BEFORE_RE = re.compile(r"\b(?:in|into)\s+(?:\S+\s+){0,3}?\S+'s\s+$")


# A figure glued to a fragment and an ellipsis, or to a word cut at the very end: a truncated summary.
_CUT_RE = re.compile(r"\s?[^\W\d_]{1,4}(?:…|\.\.\.|\s*$)|(?:…|\.\.\.)")


def _cut_off(sent: str, mention: MoneyMention, last: bool) -> bool:
    """ "about $3.5 b", "environ 1,2 mi…" at the end of a feed summary: the figure's scale is lost."""
    if not last:
        return False
    m = _CUT_RE.match(sent, mention.end)
    if m is None:
        return False
    if not mention.scaled:
        return True
    # A scaled figure keeps a whole word after it ("closes $12M seed"); only a fragment glued to an
    # ellipsis ("$40 million in Seri…") says the summary was cut inside the phrase.
    tail = m.group(0).strip()
    return tail not in ("", "…", "...") and tail.endswith(("…", "..."))
