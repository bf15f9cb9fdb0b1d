"""Context cues: a restated earlier fact is background, reported speech is not. Invented sentences,
three paraphrases per cue and language."""

from __future__ import annotations

import pytest

from watcher.facts import extract_facts


def _contexts(text: str) -> list[str]:
    return [f.context for f in extract_facts(text, "Tindra") if f.kind in ("funding_round", "valuation")]


@pytest.mark.parametrize(
    "text",
    [
        # pluperfect with an adverb
        "Tindra had already raised $30 million from Index.",
        "Tindra had previously raised $30 million in a seed round.",
        "By then Tindra had just closed a $30 million round.",
        # N months after
        "The founders are hiring fast, four months after raising $30 million.",
        "Tindra is expanding just weeks after its $30 million round.",
        "Tindra wants more money two years after raising $30 million.",
        "Tindra recrute, six mois après avoir levé 30 millions d'euros.",
        "Tindra prépare une levée, moins d'un an après une série A de 30 millions d'euros.",
        "Tindra s'étend en Europe deux ans après sa levée de 30 millions d'euros.",
        # a past month, "alors", "datait de"
        "En septembre dernier, Tindra a levé 30 millions d'euros.",
        "En mars dernier, Tindra avait bouclé 30 millions d'euros.",
        "Tindra a levé 30 millions d'euros en janvier dernier.",
        "Tindra était alors valorisée 300 millions d'euros.",
        "Tindra a alors levé 30 millions d'euros auprès de Partech.",
        "La valorisation de Tindra s'élevait alors à 300 millions d'euros.",
        "Sa dernière levée, de 30 millions d'euros, datait de 2022.",
        "La série A de Tindra, 30 millions d'euros, datait de mai.",
        "Le tour de 30 millions d'euros de Tindra datait de l'été.",
        # recently valued, imparfait, "when it was valued", "in its <month> round"
        "Tindra, recently valued at $300 million, is hiring.",
        "Tindra was recently valued at $300 million by its backers.",
        "Tindra, which was recently valued at $300 million, opened an office.",
        "Tindra, récemment valorisée 300 millions d'euros, recrute.",
        "Tindra a été récemment valorisée 300 millions d'euros.",
        "Tindra était valorisée 300 millions d'euros à l'époque.",
        "Tindra raised $30 million in its March round.",
        "Tindra was valued at $300 million in its September round.",
        "Tindra added $30 million in its June extension.",
    ],
)
def test_restated_fact_is_background(text: str) -> None:
    assert _contexts(text) == ["background"], extract_facts(text, "Tindra")


@pytest.mark.parametrize(
    "text",
    [
        "Tindra said on Wednesday it had raised $30 million from Index.",
        "Tindra announced that it had raised $30 million.",
        "Tindra told investors it had closed a $30 million round.",
        "Tindra a indiqué mardi qu'elle avait levé 30 millions d'euros.",
        "Tindra a annoncé qu'elle avait levé 30 millions d'euros.",
        "Tindra a précisé qu'elle avait bouclé 30 millions d'euros auprès de Partech.",
    ],
)
def test_reported_speech_is_the_news(text: str) -> None:
    assert _contexts(text) == ["main"], extract_facts(text, "Tindra")


@pytest.mark.parametrize(
    "text",
    [
        "Tindra is raising new money. Index Ventures and the bank Barclays are also part of the round. "
        "The company raised $30 million.",
        "Tindra is raising new money. Accel and the fund Balderton were also part of the round. "
        "The startup has raised $30 million.",
        "Tindra is raising new money. The venture firm Atomico and Nvidia have also joined. "
        "It raised $30 million.",
        "Tindra lève des fonds. La banque BNP Paribas et Nvidia font également partie du tour de table. "
        "La société a levé 30 millions d'euros.",
        "Tindra lève des fonds. Le fonds Eurazeo et la banque Société Générale font partie du tour. "
        "La start-up a levé 30 millions d'euros.",
        "Tindra lève des fonds. La société de capital-risque Partech et Bpifrance ont également participé. "
        "Elle a levé 30 millions d'euros.",
    ],
)
def test_investors_named_in_passing_do_not_take_the_topic(text: str) -> None:
    assert [f.amount for f in extract_facts(text, "Tindra") if f.kind == "funding_round"] == [30_000_000]


@pytest.mark.parametrize(
    "text",
    [
        "Tindra makes robots for grocers.The company raised $30 million in March.",
        "Pelvo raised $300 million last year.Tindra raised $30 million this week.",
        "Tindra is hiring.Its latest round brought in $30 million.",
        "Tindra fabrique des robots.La société a levé 30 millions d'euros en mars.",
        "Pelvo a levé 300 millions d'euros l'an dernier.Tindra a levé 30 millions d'euros.",
        "Tindra recrute.Elle a levé 30 millions d'euros auprès de Partech.",
    ],
)
def test_glued_sentences_are_split(text: str) -> None:
    assert [f.amount for f in extract_facts(text, "Tindra") if f.kind == "funding_round"] == [30_000_000]
