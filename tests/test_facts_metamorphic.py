"""Metamorphic tests: change the text in one way and the extracted facts change only as they should.

Every base sentence is invented. Relations: rename the entity, make a rival the subject, insert a
negation, put an adverb between subject and verb, switch the tense, add an unrelated later year,
translate between French and English.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from watcher.facts import extract_facts
from watcher.models import Fact

EN = [
    "Tindra raised $40 million in a Series B led by Accel.",
    "Tindra has closed a $12 million seed round.",
    "Tindra secured €25 million from Partech and Balderton.",
    "Tindra is valued at $900 million after the round.",
]
FR = [
    "Tindra a levé 40 millions d'euros en série B auprès de Partech.",
    "Tindra a bouclé un tour de table de 12 millions d'euros.",
    "Tindra a obtenu 25 millions d'euros auprès de ses investisseurs.",
    "Tindra est valorisée 900 millions d'euros après l'opération.",
]


def key(facts: list[Fact]) -> set[tuple[str, Decimal, str, str]]:
    return {
        (f.kind, f.amount, f.currency, f.status) for f in facts if f.kind in ("funding_round", "valuation")
    }


def test_bases_have_one_fact() -> None:
    for text in EN + FR:
        assert len(key(extract_facts(text, "Tindra"))) == 1, text


@pytest.mark.parametrize("text", EN + FR)
@pytest.mark.parametrize("name", ["Kovalo Systems", "Brume", "Nordlys AI", "Équinoxe"])
def test_rename_entity(text: str, name: str) -> None:
    assert key(extract_facts(text.replace("Tindra", name), name)) == key(extract_facts(text, "Tindra"))


@pytest.mark.parametrize("text", EN)
@pytest.mark.parametrize("rival", ["Its rival Pelvo", "A rival firm", "Competitor Pelvo", "Another startup"])
def test_rival_as_subject_en(text: str, rival: str) -> None:
    assert key(extract_facts("Tindra builds robots. " + text.replace("Tindra", rival), "Tindra")) == set()


@pytest.mark.parametrize("text", FR)
@pytest.mark.parametrize(
    "rival", ["Son concurrent Pelvo", "Un concurrent", "Le rival Pelvo", "Une autre start-up"]
)
def test_rival_as_subject_fr(text: str, rival: str) -> None:
    assert (
        key(extract_facts("Tindra fabrique des robots. " + text.replace("Tindra", rival), "Tindra")) == set()
    )


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Tindra raised $40 million.", "Tindra did not raise $40 million."),
        ("Tindra has raised $40 million.", "Tindra has not raised $40 million."),
        ("Tindra raised $40 million.", "Tindra denied it had raised $40 million."),
        ("Tindra was valued at $900 million.", "Tindra was never valued at $900 million."),
        ("Tindra a levé 40 millions d'euros.", "Tindra n'a pas levé 40 millions d'euros."),
        ("Tindra a levé 40 millions d'euros.", "Tindra dément avoir levé 40 millions d'euros."),
        (
            "Tindra a été valorisée 900 millions d'euros.",
            "Tindra n'a jamais été valorisée 900 millions d'euros.",
        ),
    ],
)
def test_insert_negation(text: str, negated: str) -> None:
    assert key(extract_facts(text, "Tindra"))
    assert key(extract_facts(negated, "Tindra")) == set()


@pytest.mark.parametrize(
    ("text", "adverbed"),
    [
        ("Tindra raised $40 million.", "Tindra quietly raised $40 million."),
        ("Tindra raised $40 million.", "Tindra last week raised $40 million."),
        ("Tindra closed a $40 million round.", "Tindra on Monday closed a $40 million round."),
        ("Tindra a levé 40 millions d'euros.", "Tindra a récemment levé 40 millions d'euros."),
        ("Tindra a levé 40 millions d'euros.", "Tindra a discrètement levé 40 millions d'euros."),
        ("Tindra a levé 40 millions d'euros.", "Tindra a finalement levé 40 millions d'euros."),
    ],
)
def test_adverb_between_subject_and_verb(text: str, adverbed: str) -> None:
    assert key(extract_facts(adverbed, "Tindra")) == key(extract_facts(text, "Tindra"))


@pytest.mark.parametrize(
    ("past", "present"),
    [
        ("Tindra raised $40 million.", "Tindra raises $40 million."),
        ("Tindra raised $40 million.", "Tindra has raised $40 million."),
        ("Tindra secured $40 million.", "Tindra secures $40 million."),
        ("Tindra a levé 40 millions d'euros.", "Tindra lève 40 millions d'euros."),
        (
            "Tindra a bouclé une levée de 40 millions d'euros.",
            "Tindra boucle une levée de 40 millions d'euros.",
        ),
        ("Tindra a obtenu 40 millions d'euros.", "Tindra obtient 40 millions d'euros."),
    ],
)
def test_tense_switch_keeps_an_announced_fact(past: str, present: str) -> None:
    assert key(extract_facts(present, "Tindra")) == key(extract_facts(past, "Tindra"))


@pytest.mark.parametrize("text", EN + FR)
def test_unrelated_later_year(text: str) -> None:
    later = " The company also plans to open an office in Madrid in 2031."
    if text in FR:
        later = " La société prévoit aussi d'ouvrir un bureau à Madrid en 2031."
    before = extract_facts(text, "Tindra")
    after = extract_facts(text + later, "Tindra")
    assert key(after) == key(before)
    assert [f.context for f in after] == [f.context for f in before]


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        ("Tindra raised €40 million in a Series B.", "Tindra a levé 40 millions d'euros en série B."),
        (
            "Tindra is in talks to raise €40 million.",
            "Tindra serait en discussions pour lever 40 millions d'euros.",
        ),
        ("Tindra is valued at €900 million.", "Tindra est valorisée 900 millions d'euros."),
        (
            "Tindra raised €40 million, according to Les Echos.",
            "Tindra a levé 40 millions d'euros, selon Les Echos.",
        ),
        ("A rival firm raised €40 million.", "Un concurrent a levé 40 millions d'euros."),
        ("Tindra did not raise €40 million.", "Tindra n'a pas levé 40 millions d'euros."),
    ],
)
def test_translation_keeps_the_decision(en: str, fr: str) -> None:
    assert key(extract_facts(en, "Tindra")) == key(extract_facts(fr, "Tindra"))


# Names that do not start as names usually do: lower-case brands, a digit first, a capital outside
# Latin-1. Each must read as "Brume" reads, wherever the sentence puts it.
ODD_NAMES = ["brumly", "42Quanta", "Ÿvora", "eKlaro"]
NAME_IN_CONTEXT = [
    "Le Lyonnais Brume décroche 30 millions d'euros",
    "Drone maker Brume Robotics closed a $55 million round.",
    "Le spécialiste de la logistique Brume annonce une levée de 8 millions d'euros.",
    "Brume, which sells freight software in Denmark, has closed a $14 million Series A led by Pelagos.",
    "Investors back Brume with $6 million seed round",
]


@pytest.mark.parametrize("text", NAME_IN_CONTEXT)
@pytest.mark.parametrize("name", ODD_NAMES)
def test_rename_to_an_odd_name(text: str, name: str) -> None:
    base = key(extract_facts(text, "Brume"))
    assert base
    facts = extract_facts(text.replace("Brume", name), name)
    assert key(facts) == base
    # The evidence quotes the text as written, not as the rules read it.
    assert all(name in f.evidence for f in facts)


@pytest.mark.parametrize(
    ("verb", "lang"),
    [
        ("scoops up", "en"),
        ("obtained", "en"),
        ("takes in", "en"),
        ("reels in", "en"),
        ("glane", "fr"),
    ],
)
def test_more_raising_verbs(verb: str, lang: str) -> None:
    """A verb of getting money, with no round word near it, still makes the sum the company's round."""
    text = (
        f"Tindra {verb} $18 million from Halvard Partners and two angels."
        if lang == "en"
        else f"Tindra {verb} 18 millions d'euros auprès de Halvard Partners et de deux business angels."
    )
    currency = "USD" if lang == "en" else "EUR"
    assert key(extract_facts(text, "Tindra")) == {
        ("funding_round", Decimal("18000000"), currency, "announced")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Tindra clinched a $20 million deal with a carmaker.",
        "Tindra gathered $2 million in donations for flood victims.",
        "Tindra s'offre un nouveau siège de 20 millions d'euros.",
        "Dans le classement, on trouve derrière Tindra, Pelvo (énergie) à 20 millions d'euros.",
    ],
)
def test_verbs_that_do_not_raise(text: str) -> None:
    """Verbs that sometimes say getting money say other things as often: no round of the company."""
    assert key(extract_facts(text, "Tindra")) == set()
