"""Company names: the entity's spellings, name-shaped spans of text, what can be a company, investor lists."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from watcher.facts import lexicon
from watcher.facts.sentences import fold

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
        # A sector word ending a name: the text often writes the first word alone ("Zorblo" for
        # Zorblo Robotics).
        "robotics",
        "therapeutics",
        "biosciences",
        "bioscience",
        "biotherapeutics",
        "pharmaceuticals",
        "pharma",
        "biotech",
        "bio",
        "health",
        "healthcare",
        "medical",
        "diagnostics",
        "genomics",
        "energy",
        "analytics",
        "security",
        "networks",
        "solutions",
        "motors",
        "aerospace",
        "foods",
        "games",
        "studios",
        "semiconductors",
        "materials",
        "mobility",
        "payments",
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
    # A name of several words may also be written as one ("Zorblo Health", "ZorbloHealth").
    # "(?<![\w@/.-])" is checked after each name's first character, as "(?<![\w@/.-]c)" (what stands
    # before that character): the same matches, but a pattern that opens on a literal lets re skip
    # straight to where that character occurs instead of trying the lookbehind at every position (the
    # entity's pattern is searched in every sentence, several times).
    alt = "|".join(
        re.escape(v[0]) + rf"(?<![\w@/.-]{re.escape(v[0])})" + re.escape(v[1:]).replace(r"\ ", r"[\s-]*")
        for v in variants
    )
    if not variants:  # (no name: the empty alternative, kept as it was)
        return re.compile(r"(?<![\w@/.-])(?:)(?![\w]|-\w)")
    # ("Quaxi- which ...": a dash a space follows is punctuation, not a compound's joint.)
    return re.compile(rf"(?:{alt})(?![\w]|-\w)")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Names start at a word boundary and span at most seven words, so a page of capitalised words
# cannot make the name patterns quadratic (each start position would otherwise scan to the end).
# Words join on a space only: a token already spans "Île-de-France" or "Orion-Kestrel", and letting a
# dash also join two tokens gave every hyphenated run 2^n ways to cut it, which a failing match tried
# all of (26 s on 500 characters of "Orion-Kestrel-..."). The name's possible ends are the same
# unless one hyphenated word is longer than a token (42 characters).
_NAME_TOKEN = r"(?:[A-ZÀ-ÝÉŸŒ][\w&’'.-]{0,40}[\w]|[A-Z]|[a-z]{1,12}[A-Z][\w-]{0,30}|a16z)"
# ("Cross the Ages", "Save the Children": "the" inside a name, before another capitalised word.)
_NAME_JOINER = r"&|de|of|du|des|the(?= [A-ZÀ-Ý])"
# ("Pelican Bio Inc. landed", "Quaxi Co. Ltd. raised": a legal form's full stop ends the name.)
_LEGAL_FORM_DOT = (
    r"(?:(?:(?<=Inc)|(?<=Corp)|(?<=Co)|(?<=Ltd)|(?<=Cie)|(?<=Plc))\."
    r"(?:[ ](?:Ltd|Inc|Limited|LLC)\.?)?(?=[ ,]))?"
)
_NAME = (
    rf"(?<![\w&.-]){_NAME_TOKEN}(?:[ ](?:{_NAME_TOKEN}|{_NAME_JOINER})(?=[ -]?[A-ZÀ-ÝŸŒ&]|\b)){{0,6}}"
    + _LEGAL_FORM_DOT
)
_NAME_RE = re.compile(_NAME)
# Capitalised words that are never the company a figure belongs to.
_NOT_COMPANIES = _wordset(
    # (a legal form alone, "La SASU a annoncé", is the company spoken of, not another one)
    "sasu sarl eurl sca gmbh llc plc inc corp ltd ltée cie "
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
    "french tech startup start-up we you i nous vous je our notre they ils following despite unlike "
    "amid among amongst malgré grâce suite from of into during within through across throughout de du "
    "dès durant pendant chez entre between "
    # Currency codes before a figure ("valued at CHF 90m") are not names.
    "chf eur usd gbp cad aud jpy cny inr sek nok dkk sgd hkd brl mxn zar nzd ils aed sar krw "
    "pln kes ngn rs ksh "
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
# Words that open a sentence with a capital and never name a company ("Parmi elles, ...", "Among them").
_OPENERS = _wordset(
    "parmi among amongst avec with sans without chez dans sous sur vers entre between durant during "
    "pendant malgré despite grâce outre lors ainsi aussi cependant pourtant toutefois néanmoins enfin "
    "donc ensuite désormais however meanwhile moreover furthermore although though within under "
    "through amid amidst besides instead indeed thus hence therefore où where comme like "
    # Sentence adverbs: "Luckily, ...", "Parallèlement, ...".
    "fortunately unfortunately luckily unluckily interestingly notably importantly separately similarly "
    "additionally ultimately finally initially recently previously currently originally eventually "
    "clearly specifically crucially surprisingly unsurprisingly admittedly overall elsewhere likewise "
    "heureusement malheureusement parallèlement actuellement récemment notamment également finalement "
    "initialement concrètement auparavant précédemment dernièrement "
)


# "Berlin-based", "New York-headquartered": where the company sits, said before its name; "la Spacetech
# Quaxi", "Fintech Quaxi": its sector, capitalised like a name.
_BASED_PREFIX_RE = re.compile(
    r"^(?:(?:[\w'.&-]+\s+){0,3}?[\w'.&]+-(?:based|headquartered|born)\s+|"
    r"(?:la\s+|le\s+|l'|the\s+)?[a-z]*tech\s+)"
)


def _is_entity_name(name: str, entity_re: re.Pattern[str]) -> bool:
    folded = _BASED_PREFIX_RE.sub("", fold(name))
    m = entity_re.search(folded)
    if m is not None and m.start() == 0:
        return True
    # ("la start-up IT Quaxi", "la PME BTP Quaxi": a sector's acronym before the name.)
    words = name.split()
    if len(words) > 1 and words[0].isupper() and len(words[0]) <= 4:
        rest = entity_re.match(fold(" ".join(words[1:])))
        return rest is not None
    return False


# The small words _NAME lets join two capitalised words; a name never ends on one.
JOINER_WORDS = ("de", "of", "du", "des")


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]{3,}")


def title_case(sent: str) -> bool:
    """A headline in Title Case ("Tindra Raises $40 Million to Expand"): capitals say nothing of names."""
    words = _WORD_RE.findall(sent)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


_SECTOR_WORD_RE = re.compile(
    r"(?:ed|fin|deep|health|med|bio|food|agri|clean|green|prop|insur|legal|climate|gov|reg|hr|sport|fem|retail|"
    r"ad|travel|auto|mar|construc|silver|sex|cyber|space|wealth|pay|real|music|media|fashion|beauty|pet)techs?"
)


_ELIDED_RE = re.compile(r"^(?:l|d|qu|j|n|s|c)['’]")
_ELIDED_NAME_RE = re.compile(r"^[LD]['’][A-ZÀ-Ý]")
_WHERE_FROM_RE = re.compile(r"-(?:based|headquartered|born|backed)$")
# A raise's verb or noun in a Title Case headline ("Quaxi, A Payroll Startup, Lands $15 Million",
# "Now Valued At $90 Million", "Valuation Triples To $1B") heads no name.
_RAISE_VERB_WORDS = frozenset(
    {v for v in lexicon.load("en")["raise_verbs_surface"] if v.isalpha()}
    | {"valued", "valuing", "now", "led", "valuation"}
    | {"doubles", "triples", "soars", "jumps", "climbs", "tops", "surges", "rises", "grows"}
)


def _plausible_company(name: str) -> bool:
    words = fold(name).split()
    while words and (words[-1] in JOINER_WORDS or words[-1] == "&"):
        # "in May of that year": a joiner ends no name; what stands before it is judged alone.
        words.pop()
    if not words or (_ELIDED_RE.match(words[0]) and not _ELIDED_NAME_RE.match(name.strip())):
        # "l'entreprise", "d'investissement": an elided article or preposition, not a name; but "L'Addition"
        # or "L'Occitane", a capital after the apostrophe, is one.
        return False
    if words[0] in ("series", "serie", "seed", "round", "tour", "pre-seed", "extension", "bridge"):
        return False
    if len(words) == 1 and _SECTOR_WORD_RE.fullmatch(words[0]):
        # "le secteur EdTech", "la FinTech": a sector, not a company.
        return False
    if _WHERE_FROM_RE.search(words[-1]):
        # "the Boston, Mass.-based company": where a company sits or who backs it, an adjective.
        return False
    if any(w in ("round", "rounds") or w in _RAISE_VERB_WORDS for w in words):
        # A subheading in Title Case ("A Fresh Round of Funding"), not a company.
        return False
    if all(w.strip(".,'’") in _NOT_COMPANIES or w in _OPENERS for w in words):
        return False
    if len(words) > 1 and words[0] in _OPENERS and words[1] in ("the", "la", "le", "les", "a", "an"):
        # "With the Euro-7 rules looming, ...": an opening phrase, not a name.
        return False
    return not (len(words) == 1 and words[0] in _NOT_COMPANIES)


@functools.cache
def _places() -> frozenset[str]:
    return frozenset(lexicon.load("places")["places"])


_ARTICLE_RE = re.compile(r"^(?:(?:the|la|le)\s+|l['’]\s*)")


def _is_place(name: str) -> bool:
    """A country, region or city (``lexicons/places.json``): where money goes or is spent, never whom it
    goes to ("raises $3M to expand in Kenya")."""
    folded = fold(name).strip().replace("’", "'").removesuffix("'s")
    return folded in _places() or _ARTICLE_RE.sub("", folded) in _places()


_BRACKETS_RE = re.compile(r"\s*\([^)]*\)")
_LEADING_ARTICLE_RE = re.compile(r"^(?:d[eu]s?|l['’]|la|le|les|the|a|an|of)\s+", re.IGNORECASE)
_POSSESSOR_PREFIX_RE = re.compile(r"^.*['’]s\s+(?=[A-Z])")
_CAPITALISED_RE = re.compile(r"^(?:[A-ZÀ-ÝŸŒ0-9]|[a-z]+[A-Z]|a16z)")


def _clean_name(item: str) -> str | None:
    item = _BRACKETS_RE.sub("", item).strip(" .,'’\"«»")
    item = _LEADING_ARTICLE_RE.sub("", item)
    item = _POSSESSOR_PREFIX_RE.sub("", item)
    tokens = item.split()
    runs: list[list[str]] = []
    current: list[str] = []
    for tok in tokens:
        bare = tok.strip(".,")
        is_cap = bool(_CAPITALISED_RE.match(bare))
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


_RENAME_AFTER_RE = re.compile(
    r"\s*[,(]\s*(?:formerly|previously|once|anciennement|auparavant|ex-|ex\s)\s*(?:known\s+as|called|named|"
    r"appel[ée]e?|nomm[ée]e?|baptis[ée]e?)?\s*([A-ZÀ-Ý][\w&'’.-]{0,40}[\w](?:\s[A-ZÀ-Ý][\w&'’.-]{0,40}[\w]){0,3})"
)
_RENAME_BEFORE_RE = re.compile(
    rf"({_NAME})\s*[,(]\s*(?:now|since\s+renamed|renamed|rebranded\s+as|d[ée]sormais|devenue?|rebaptis[ée]e?|"
    rf"renomm[ée]e?)\s*(?:known\s+as|called|named|appel[ée]e?)?\s*$"
)
_RENAME_BEFORE_GATE_RE = re.compile(
    r"\b(?:now|renamed|rebranded|desormais|devenue?|rebaptise\w*|renomme\w*)\b"
)
_RENAME_CUE_RE = re.compile(
    r"\b(?:formerly|previously|once|anciennement|auparavant|ex|now|renamed|rebranded|desormais|devenue?|"
    r"rebaptise\w*|renomme\w*)\b"
)


def _former_names(text: str, entity_re: re.Pattern[str], low: str | None = None) -> list[str]:
    """Other names the text gives the entity: "Kaldera (ex-Brightcell)", "Brightcell, now called Kaldera".

    ``low`` is ``fold(text)`` when the caller already has it (same length, character for character)."""
    names: list[str] = []
    low = fold(text) if low is None else low
    if not _RENAME_CUE_RE.search(low):
        return names
    for m in entity_re.finditer(low):
        after = _RENAME_AFTER_RE.match(text, m.end())
        if after and _plausible_company(after.group(1)):
            names.append(after.group(1))
        # The name-first pattern is costly to search: only where a renaming word stands just before.
        gate = _RENAME_BEFORE_GATE_RE.search(low, max(0, m.start() - 40), m.start())
        before = _RENAME_BEFORE_RE.search(text, max(0, m.start() - 80), m.start()) if gate else None
        if before and _plausible_company(before.group(1)):
            names.append(before.group(1))
    return names


# The initials a text gives a company right after its name: "The Kobalt Experience (TKE)".
_ACRONYM_AFTER_RE = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,7})\)")


def _acronyms(text: str, entity_re: re.Pattern[str], low: str) -> list[str]:
    """Initials the text introduces for the company, in brackets after its name, and then uses alone.

    ``low`` is the folded ``text`` (same length, character for character)."""
    found = []
    for m in entity_re.finditer(low):
        after = _ACRONYM_AFTER_RE.match(text, m.end())
        if after and fold(after.group(1)) not in _NOT_COMPANIES:
            found.append(after.group(1))
    return found


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


_FUND_WORD_RE = re.compile(r"\b(?:funds?|fonds|limited\s+partners|lps|souscripteurs)\b")
_NOT_APPOSED = (
    r"(?:comme|like|such|as|including|dont|notamment|chez|dans|in|into|for|pour|de|du|des|avec|with|et|and|ou|"
    r"or|par|by|from|aupres|backed|soutenue?s?)\b"
)


@functools.cache
def _investor_firm_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The investor firm's name ending, and its description before and after the name (compiled once)."""
    tails = lexicon.alternation("investor_firm_tails", None)
    descriptors = lexicon.alternation("investor_firm_descriptors", None)
    # (An adjective or a place may stand between; "des investisseurs en capital-risque tels que Quaxi" says
    # no such.)
    before = re.compile(rf"\b(?:{descriptors})\s+(?:(?!{_NOT_APPOSED})[\w'-]+\s+){{0,2}}$")
    after = re.compile(rf"\s*,\s*(?:an?|the|une?|la|le|l')\s*(?:[\w'-]+\s+){{0,3}}?(?:{descriptors})\b")
    return re.compile(rf"\s(?:{tails})$"), before, after


def is_investor_firm(entity: str, folded_text: str, entity_re: re.Pattern[str]) -> bool:
    """Whether the tracked company is itself an investor: its name ends as a fund manager's does ("Kestrel
    Ventures", "Orion Capital") in a text that speaks of a fund, or the text calls it one ("venture capital
    firm Quaxi", "Quaxi, une société de capital-risque"). The money such a company raises is a fund, not a
    round of its own."""
    tail_re, before_re, after_re = _investor_firm_res()
    if tail_re.search(fold(entity).strip()) and _FUND_WORD_RE.search(folded_text):
        # (By its name, only where the text speaks of a fund: "Zorblo Capital has raised $45 million".)
        return True
    return any(
        before_re.search(folded_text, max(0, m.start() - 80), m.start())
        or after_re.match(folded_text, m.end())
        for m in entity_re.finditer(folded_text)
    )
