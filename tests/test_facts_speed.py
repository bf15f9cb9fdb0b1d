"""Non-timing checks of the extractor's shortcuts: every fast path must give what the slow one gives."""

from __future__ import annotations

import pytest

from watcher.facts import extract_facts, find_money
from watcher.facts import numbers as nu
from watcher.facts import prepare as pr
from watcher.facts import rounds as ro
from watcher.facts import sentences as se

TRICKY = [
    "Mistral AI a levé 600 mıllions d'euros.",  # dotless i still matches "million" case-insensitively
    "Mistral AI raised $6 bİllion.",
    "Mistral AI a levé deux MILLIARDS d'euros lors d'une série B.",
    "Mistral AI raised six m&imath;llion dollars.",  # an entity that decodes to a letter of a scale word
    "Mistral AI a levé &#54;00 M€.",  # an entity that decodes to a digit
    "Mistral AI a levé six mil<b></b>lions d'euros.",  # a tag splitting a scale word
    "Mistral AI raised \u0663\u0660 million dollars.",  # non-ASCII digits
    "Mistral AI a levé une trentaine de MILLIONS d'euros.",
    "Mistral AI a levé  600\u00a0M€ lors\u200bd'un tour. […] Autre phrase.",
    "Le marché compte des millions d'utilisateurs, dit-il.",
    "No figure here at all, only words.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_money_gate_never_hides_a_mention(text: str) -> None:
    clean = se.strip_markup(text)
    for piece in [clean, *(s.text for s in se.split_clean(clean))]:
        if find_money(piece):
            assert nu.may_hold_money(piece)
    assert se.split_sentences(text) == se.split_clean(se.strip_markup(text))


def test_scale_word_gate_matches_the_regex() -> None:
    for word in ("million", "MILLIARD", "bİllion", "trıllion", "Billion", "mil lion", "mill", "bilion"):
        assert nu._has_scale_word(word) == (nu._SCALE_WORD_RE.search(word) is not None)


def test_facts_do_not_depend_on_the_text_cache() -> None:
    text = (
        "Mistral AI a levé 600 millions d'euros lors d'une série B menée par General Catalyst. "
        "Son rival Zephyr AI a obtenu 100 millions de dollars."
    )
    pr._prepared.cache_clear()
    fresh = {e: extract_facts(text, e) for e in ("Mistral AI", "Zephyr AI")}
    again = {e: extract_facts(text, e) for e in ("Zephyr AI", "Mistral AI")}
    assert fresh == again
    assert fresh["Mistral AI"] and fresh["Zephyr AI"]
    assert extract_facts("Aucune somme ici, seulement des mots.", "Mistral AI") == []


def _find_round_ungated(low: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, template in ro._ROUND_PATTERNS:
        for m in pattern.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            name = template.format(m.group(1)) if "{}" in template else template
            found.append((m.start(), m.end(), name))
            taken.append((m.start(), m.end()))
    return found


@pytest.mark.parametrize(
    "low",
    [
        "extension de la serie b",
        "series a extension",
        "un tour de pre-amorcage",
        "pre-seed round",
        "seed extension",
        "tour de financement initial",
        "financement initial",
        "serie c",
        "tour de serie b",
        "b round",
        "a bridge round",
        "tour relais",
        "growth equity",
        "tour de croissance",
        "une extension",
        "trois mois apres sa creation",
        "six weeks after its launch",
        "nothing to see here",
    ],
)
def test_round_needles_are_exact(low: str) -> None:
    assert len(ro._ROUND_NEEDLES) == len(ro._ROUND_PATTERNS)
    assert ro._find_round(low) == _find_round_ungated(low)
    assert ro._find_round(low) or low == "nothing to see here"


def test_boundary_fast_path_matches_full_pattern() -> None:
    line = 'Il a dit « oui ». Puis M. Dupont est parti! "Encore?" Oui… 2025 fut calme. $5 ont suffi.'
    full = [m.span() for m in se._BOUNDARY_RE.finditer(line)]
    fast = [m.span() for m in se._PUNCT_BOUNDARY_RE.finditer(line)]
    assert full == fast
