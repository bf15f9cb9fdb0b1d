"""Status cues: a deal still ahead is rumoured; people quoted without a name make it reported.
Invented sentences, three paraphrases per cue and language."""

from __future__ import annotations

import pytest

from watcher.facts import extract_facts


def _statuses(text: str) -> list[str]:
    return [f.status for f in extract_facts(text, "Tindra") if f.kind in ("funding_round", "valuation")]


@pytest.mark.parametrize(
    "text",
    [
        "Tindra is in the final stages of raising $40 million.",
        "Tindra is in the late stages of talks over a $40 million round.",
        "Tindra is in the early stages of a $40 million raise.",
        "Tindra will raise $40 million next month.",
        "Tindra will be valued at $400 million after the deal.",
        "Tindra will close a $40 million round in June.",
        "Tindra va lever 40 millions d'euros.",
        "Tindra va boucler un tour de 40 millions d'euros.",
        "Cette levée valorisera Tindra 400 millions d'euros.",
        "Tindra lèvera 40 millions d'euros cet automne.",
        "Tindra bouclera une série B de 40 millions d'euros en juin.",
        "Le tour de 40 millions d'euros de Tindra devrait être clôturé en mai.",
        "Partech prévoit d'investir 40 millions d'euros dans Tindra.",
        "Eurazeo s'engage à investir 40 millions d'euros dans Tindra.",
        "Index plans to invest $40 million in Tindra.",
    ],
)
def test_deal_still_ahead_is_rumoured(text: str) -> None:
    assert _statuses(text) == ["rumoured"], extract_facts(text, "Tindra")


@pytest.mark.parametrize(
    "text",
    [
        "Deux personnes ont déclaré que Tindra a levé 40 millions d'euros.",
        "Plusieurs sources ont indiqué que Tindra a levé 40 millions d'euros.",
        "Trois personnes ont confié que Tindra a bouclé 40 millions d'euros.",
        "Two people said Tindra raised $40 million.",
        "Several sources said Tindra closed a $40 million round.",
        "Three people told reporters Tindra raised $40 million.",
    ],
)
def test_unnamed_people_make_it_reported(text: str) -> None:
    assert _statuses(text) == ["reported"], extract_facts(text, "Tindra")
