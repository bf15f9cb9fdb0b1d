"""The matcher of all tracked names (issue 18) answers exactly as asking ``mentions`` of each
company in turn did, whatever the spelling, and does not grow with the number of companies."""

from __future__ import annotations

import pickle
import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.models import Entity
from watcher.names import EntityMatcher, Roster, fold, matcher_for, mentions, roster_for


def one_by_one(entities: list[Entity], text: str) -> list[Entity]:
    """What the relevance check did before the matcher: each company's pattern in turn."""
    return [e for e in entities if mentions(text, list(e.names))]


ENTITIES = [
    Entity("Mistral AI", aliases=("Mistral",)),
    Entity("Hugging Face"),
    Entity("Mistrál Labs"),
    Entity("C3.ai"),
    Entity("Moody's"),
    Entity("AT&T"),
    Entity("Ｋelvin"),
    Entity("Straße Bank"),
    Entity("Acme", aliases=("Acme Corp", "ACME-X")),
    Entity("Île Robotics"),
    Entity("Ab"),
    Entity("&&"),
    Entity("(Paren) Labs", aliases=("-Dash-",)),
    Entity("  "),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mistral AI lève 600 millions", ["Mistral AI"]),
        ("MISTRÁL labs raises", ["Mistral AI", "Mistrál Labs"]),
        ("Mistral-AI and hugging\nface", ["Mistral AI", "Hugging Face"]),
        ("Mistral_AI closes", ["Mistral AI"]),
        ("foo_Mistral closes", []),  # "_" is a word character before a name
        ("Mistralai is a typo", []),
        ("Mistral's new model", ["Mistral AI"]),
        ("C3.ai and Moody's and AT&T", ["C3.ai", "Moody's", "AT&T"]),
        ("c3 ai", []),
        ("kelvin and strasse bank", ["Ｋelvin", "Straße Bank"]),
        ("Acme™ raises", ["Acme"]),  # the sign ends the word as written
        ("™MİSTRAL", ["Mistral AI"]),  # "İ" is "i" to ``re``: its dot above splits no word
        ("acme-x and ile robotics", ["Acme", "Île Robotics"]),
        ("a && b", ["&&"]),
        ("the (paren)  labs team", ["(Paren) Labs"]),  # the name's own signs reach past its words
        ("a -dash- b", ["(Paren) Labs"]),
        ("a-dash- b", []),
        ("nothing here", []),
    ],
)
def test_examples(text: str, expected: list[str]) -> None:
    found = [e.name for e in EntityMatcher(ENTITIES).find(text)]
    assert found == expected
    assert found == [e.name for e in one_by_one(ENTITIES, text)]


# Pieces chosen to hit the rules' edges: accents, marks, signs, separators, case pairs
# that ``re`` treats as one letter, and the names' own words.
_WORDS = ["mistral", "MISTRAL", "Mistrál", "ai", "AI", "labs", "hugging", "face", "c3", "moody", "acme"]
_MARKS = [".", "'s", "&", "t", "x", "™", "_", "-", "é", "ß", "strasse", "bank", "ı", "I", "İ", "ſ", "s"]
_MORE = ["K", "k", "elvin", "île", "ile", "robotics", "ab", "(", ")", "²", "0", " ", "  ", "\n", "\u0301"]
_PIECES = [*_WORDS, *_MARKS, *_MORE]
_NAME_PIECES = ["Mistral", "AI", "Labs", "hugging", "face", "C3.ai", "Moody's", "AT&T", "Kelvin", "Straße"]
_NAME_PIECES += ["ıI", "Île", "ab", "x", "-", "_", "&&", "é", "ſ"]


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(
        st.lists(st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=3), min_size=1, max_size=2),
        min_size=1,
        max_size=6,
    ),
    text=st.lists(st.sampled_from(_PIECES), max_size=30),
)
def test_same_answers_as_one_company_at_a_time(names: list[list[list[str]]], text: list[str]) -> None:
    entities = [
        Entity(f"{i}", aliases=tuple(" ".join(words) for words in spelled)) for i, spelled in enumerate(names)
    ]
    joined = "".join(text)
    assert EntityMatcher(entities).find(joined) == one_by_one(entities, joined)


_ASCII_PIECES = [p for p in _PIECES if p.isascii()]


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(
        st.lists(st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=3), min_size=1, max_size=2),
        min_size=1,
        max_size=6,
    ),
    text=st.lists(st.sampled_from(_ASCII_PIECES), max_size=30),
)
def test_ascii_texts_too(names: list[list[list[str]]], text: list[str]) -> None:
    """ASCII text is only tried folded: names spelled with "ı", "ſ", "K" still match as before."""
    entities = [
        Entity(f"{i}", aliases=tuple(" ".join(words) for words in spelled)) for i, spelled in enumerate(names)
    ]
    joined = "".join(text)
    assert EntityMatcher(entities).find(joined) == one_by_one(entities, joined)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=3), min_size=1, max_size=8),
    text=st.lists(st.sampled_from(_PIECES), min_size=100, max_size=400),
)
def test_long_texts(names: list[list[str]], text: list[str]) -> None:
    """Articles: the patterns are tried near the names' words only, with the same answers."""
    entities = [Entity(f"{i}", aliases=(" ".join(words),)) for i, words in enumerate(names)]
    joined = "".join(text)
    assert EntityMatcher(entities).find(joined) == one_by_one(entities, joined)


def test_one_matcher_per_set_of_entities() -> None:
    entities = tuple(ENTITIES)
    assert matcher_for(entities) is matcher_for(tuple(ENTITIES))


def test_many_companies_one_pass() -> None:
    """10,000 invented companies: only the named ones come back, and only their patterns are built."""
    rng = random.Random(18)
    syllables = ["ka", "lo", "mi", "ra", "tes", "vo", "ne", "sul", "dra", "phi", "on", "ex"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(3)).capitalize()

    names = sorted({f"{word()} {word()}" for _ in range(12_000)})[:10_000]
    entities = [Entity(n, aliases=(" ".join(reversed(n.split())),)) for n in names]
    matcher = EntityMatcher(entities)
    alias = " ".join(reversed(names[5_000].split()))
    text = f"{names[17]} raised money; {names[9_000].upper()} did not. {alias} too."
    assert [e.name for e in matcher.find(text)] == [names[17], names[5_000], names[9_000]]
    assert len(matcher._patterns) < 20  # a pattern per candidate, not per company


def test_a_roster_crosses_to_a_worker_once() -> None:
    """A job's companies are pickled with every article; the worker keeps the roster it was sent."""
    roster = Roster(ENTITIES)
    first = pickle.loads(pickle.dumps(roster))
    again = pickle.loads(pickle.dumps(roster))
    assert first is again  # the same digest: the roster (and matcher) already there
    assert first.entities == roster.entities
    assert [e.name for e in again.find("Hugging Face and AT&T")] == ["Hugging Face", "AT&T"]
    other = pickle.loads(pickle.dumps(Roster(ENTITIES[:2])))
    assert other is not first and [e.name for e in other.find("Hugging Face")] == ["Hugging Face"]


def test_roster_for_the_same_tuple_is_found_by_identity() -> None:
    entities = tuple(ENTITIES)
    assert roster_for(entities) is roster_for(entities)
    assert roster_for(entities) is roster_for(tuple(list(ENTITIES)))  # an equal tuple: the same roster


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fold_drops_every_mark(text: str) -> None:
    """``fold`` looks each character up once per text; the same as one lookup per character."""
    decomposed = unicodedata.normalize("NFKD", text)
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
