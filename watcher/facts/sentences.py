"""Turning an article into sentences: markup removal, page furniture, sentence boundaries."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Sentence", "fold", "split_sentences"]

_TAG_RE = re.compile(r"<(?:script|style)\b.*?</(?:script|style)>|<[^>]{1,2000}>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG_RE = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article)\b[^>]*>", re.IGNORECASE)
_WS_RE = re.compile(r"[ \t\u00a0\u202f\u2009\u200b]+")

# Headings after which a page lists other stories; everything until the next real paragraph
# is someone else's news.
# A short line of page chrome: a sign-up call, a picture's credit, an advert's label, a copyright.
_CHROME_LINE_RE = re.compile(
    r"^\s*(?:(?:sign\s+up|subscribe|inscrivez-vous|abonnez-vous)\b[^.!?]{0,60}|"
    r"(?:photo|image|picture|illustration|cr[ée]dit(?:\s+photo)?|credits?)\s*(?:credit)?\s*:\s*[^.!?\d]{0,50}|"
    r"(?:image|photo|picture)\s+(?:courtesy|credit)\b[^.!?\d]{0,50}|"
    r"advertisement|publicit[ée]|sponsored|annonce|©\s*[^.!?\d]{0,40})\s*$",
    re.IGNORECASE,
)
# The words that lead into a link to other stories ("Lire aussi", "Related"), alone on a line over a list
# of them, or before one story's headline ("Related: Quaxi nears a $40M round").
RELATED_LEADS = (
    r"[àa]\s+lire\s+aussi|lire\s+(?:aussi|[ée]galement)|[àa]\s+voir\s+aussi|voir\s+aussi|"
    r"sur\s+le\s+m[êe]me\s+sujet|read\s+(?:more|also)|related|see\s+also|also\s+read"
)
_FURNITURE_RE = re.compile(
    rf"^\s*(?:[àa]\s+regarder|{RELATED_LEADS}|"
    r"les\s+plus\s+lus|articles?\s+li[ée]s|dans\s+la\s+m[êe]me\s+rubrique|"
    r"nos\s+derniers\s+articles|derni[èe]res\s+actualit[ée]s|commentaires|newsletter|"
    r"related\s+(?:articles|stories|news|posts)|more\s+from|most\s+popular|"
    r"most\s+read|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|"
    r"trending|latest\s+news|more\s+stories|popular\s+stories|comments)\s*:?\s*$",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    {
        "corp",
        "inc",
        "ltd",
        "co",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "vs",
        "etc",
        "jr",
        "sr",
        "m",
        "mme",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "p",
        "e.g",
        "i.e",
    }
)
# Extracted pages sometimes glue paragraphs: "...au monde.La société ..." (a lower-case word, a full
# stop, then a capitalised word) is a boundary too.
_GLUED = r"|(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])"
# "(?<!\s)": a cut "[…]" is looked for from the first blank of a run only (else split() is quadratic in it).
_BOUNDARY_RE = re.compile(
    r"(?<=[.!?…])[\"»”’)]?\s+(?=[«\"“(\[]?[A-ZÀ-ÝÉ0-9$€£])|(?<!\s)\s*\[(?:…|\.\.\.)\]\s*"
)
# The same without the "[…]" alternative, which cannot match a line with no "[": much faster to scan.
_PUNCT_BOUNDARY_RE = re.compile(r"(?<=[.!?…])[\"»”’)]?\s+(?=[«\"“(\[]?[A-ZÀ-ÝÉ0-9$€£])")
# The same with glued boundaries, used only on the rare lines that have one (the lookbehind is costly).
_GLUED_BOUNDARY_RE = re.compile(_BOUNDARY_RE.pattern + _GLUED)
_GLUED_GATE_RE = re.compile(r"\.(?=[A-ZÀ-Ý][a-zà-ÿ])(?<=[a-zà-ÿ]\.)")
# Lines without these need no whitespace collapsing (every run is already one plain space).
_ODD_SPACES = ("  ", "\t", "\u00a0", "\u202f", "\u2009", "\u200b")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)[.]$")
# "in a Series A. Meanwhile ...": the letter of a round or class ends the sentence; it is no initial.
_ROUND_LETTER_RE = re.compile(r"(?i:\b(?:series|s[ée]rie|round|tour|class|classe|type)\s+[a-z][.]$)")


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int
    headline: bool = False


class _FoldTable(dict[int, str]):
    """Per-character fold computed once per distinct character; ``str.translate`` does the rest."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0] if code > 127 else ch
        low = base.lower()
        folded = low if len(low) == 1 else base
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one output character per input character."""
    # (The table maps every ASCII character to its lower case: str.lower does that far faster.)
    return text.lower() if text.isascii() else text.translate(_FOLD_TABLE)


def _strip_markup(text: str) -> str:
    if "<" in text and ">" in text:
        text = _BLOCK_TAG_RE.sub("\n", text)
        text = _TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "**" in text:
        # Markdown bold in feed text ("– **Quaxi**, a lender, received ..."): the stars hide the name.
        text = text.replace("**", "")
    if _EMOJI_GATE_RE.search(text):
        # Newsletters flag a company's country or a topic with emoji ("Quaxi 🇰🇪 closed"): they stand
        # between a name and its verb.
        text = _EMOJI_RE.sub("", text)
    return text


# Pictographs, dingbats and flags (regional indicators), with the joiners and selectors that build them.
_EMOJI_GATE_RE = re.compile("[\u2600-\u27bf\U0001f1e6-\U0001faff]")
_EMOJI_RE = re.compile("[\u2600-\u27bf\U0001f1e6-\U0001faff\ufe0f\u200d]+ ?")


def _is_headline(line: str) -> bool:
    words = line.split()
    return len(words) <= 14 and not line.rstrip().endswith((".", "!", "?", "»", '"', ":", "…"))


# Short words that open a sentence: after a glued full stop they start a new paragraph ("Bpifrance.La").
_OPENER_WORDS = frozenset(
    {"la", "le", "les", "il", "elle", "on", "un", "une", "ce", "cet", "cette", "en"}
    | {"the", "it", "in", "a", "an", "this", "its", "we", "our"}
)
_WORD_AT_RE = re.compile(r"[A-Za-zÀ-ÿ]+")


def _dotted_brand(line: str, at: int) -> bool:
    """A glued boundary inside a dotted brand ("Quaxi.Io", "Plimo.Ai"): a capitalised word, then a short
    word that opens no sentence; not two paragraphs run together ("au monde.La société", "Partech.Kobalt")."""
    if not line[line.rfind(" ", 0, at) + 1 : at][:1].isupper():
        return False
    word = _WORD_AT_RE.match(line, at)
    return word is not None and len(word.group(0)) <= 4 and word.group(0).lower() not in _OPENER_WORDS


def _split_line(line: str, glued: bool = False) -> list[str]:
    parts: list[str] = []
    start = 0
    if glued and _GLUED_GATE_RE.search(line):
        boundary = _GLUED_BOUNDARY_RE
    else:
        boundary = _BOUNDARY_RE if "[" in line else _PUNCT_BOUNDARY_RE
    for m in boundary.finditer(line):
        chunk = line[start : m.start()]
        if m.group(0).strip().startswith("["):
            parts.append(chunk)
            start = m.end()
            continue
        if not m.group(0) and _dotted_brand(line, m.start()):
            continue
        # Only a short window before the boundary: searching from 0 would be quadratic on long lines.
        window = line[max(0, m.start() - 40) : m.start()]
        # (The match, blank-free and ending the window, starts after its last blank: searched from there.)
        wb = _WORD_BEFORE_RE.search(window, window.rfind(" ") + 1) if window.endswith(".") else None
        if wb is not None:
            word = wb.group(1).lower().rstrip(".")
            # "Microsoft Corp., ..." or "U.S. investors" are not sentence ends.
            initial = len(word) == 1 and word.isalpha() and not _ROUND_LETTER_RE.search(window)
            # ("Plimo.ai. The start-up ..." ends there: a dotted word is initials only in short parts.)
            dotted = "." in word and all(len(part) <= 2 for part in word.split("."))
            if word in _ABBREVIATIONS or initial or dotted:
                continue
        parts.append(chunk)
        start = m.end()
    parts.append(line[start:])
    return [p.strip() for p in parts if p.strip()]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the article body; page furniture after a "Read more"-style heading is dropped."""
    return split_clean(strip_markup(text))


def strip_markup(text: str) -> str:
    """The text ``split_sentences`` cuts up: tags removed, entities decoded.

    Every sentence is a piece of it with whitespace runs collapsed to one space, so a word or digit
    that no sentence contains is not in it either."""
    return _strip_markup(text)


_LINE_ENDS = (".", "!", "?", "…", ":", ";", "»", '"', "”", ")")


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines with hard-wrapped sentences joined: wire copy breaks lines mid-sentence ("valued the firm at
    $2.3 billion in" / "a round that closed ..."); a line that ends without a stop and a next line that
    opens in lower case are one sentence, not a headline and a paragraph."""
    out: list[str] = []
    for line in lines:
        bare = line.strip()
        if out and bare[:1].islower() and out[-1] and not out[-1].rstrip().endswith(_LINE_ENDS):
            out[-1] = out[-1].rstrip() + " " + bare
        else:
            out.append(line)
    return out


def split_clean(clean: str) -> list[Sentence]:
    """``split_sentences`` of a text already passed through ``strip_markup``."""
    glued = _GLUED_GATE_RE.search(clean) is not None  # one test per text, not one per line
    out: list[Sentence] = []
    in_furniture = False
    paragraph = 0
    for raw_line in _unwrapped(clean.splitlines()):
        line = (_WS_RE.sub(" ", raw_line) if any(c in raw_line for c in _ODD_SPACES) else raw_line).strip()
        if not line or line in ("-", "–", "—", "•", "*"):
            continue
        if _FURNITURE_RE.match(line):
            in_furniture = True
            continue
        if _CHROME_LINE_RE.match(line):
            # A line of page chrome between paragraphs: no sentence, no paragraph.
            continue
        headline = _is_headline(line)
        if in_furniture:
            # A real paragraph (long, punctuated) ends the list of other stories.
            if headline or len(line.split()) < 25:
                continue
            in_furniture = False
        paragraph += 1
        for sent in _split_line(line, glued):
            out.append(Sentence(sent, paragraph, headline))
    return out
