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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "En 2023, Kobalt, fabricant de fours solaires, affichait au compteur une valorisation "
            "d'environ 12 milliards d'euros.",
            "2026-02-10",
            "background",
        ),
        (
            "Last summer, Kobalt raised $65M in a Series C, valued at $900M by its new investors.",
            None,
            "background",
        ),
        ("L'an dernier, Kobalt a réuni 7,5 M€ pour ses robots de cuisine.", None, "background"),
        (
            "En mars 2011, Kobalt a bouclé un tour de 6 M€ pour ouvrir une usine à Nantes.",
            "2011-09-14",
            "background",
        ),
        # The year the text is published is no earlier time.
        ("En 2026, Kobalt a bouclé un tour de 6 M€ pour son usine nantaise.", "2026-03-01", "main"),
        # Set off by no comma, the time is the figure's own, read as before.
        ("Kobalt, which plans a listing in 2027, raised $65M in a Series C led by Quaxi.", None, "main"),
    ],
)
def test_a_time_that_opens_the_sentence_dates_all_of_it(
    text: str, published: str | None, expected: str
) -> None:
    facts = [f for f in extract_facts(text, "Kobalt", published=published) if f.kind != "total_raised"]
    assert facts and {f.context for f in facts} == {expected}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A month later than the text's own, with no year, was last year's.
        ("Kobalt has grown fast, reaching a $3 billion valuation in October.", "2025-04-10", "background"),
        ("Kobalt avait levé 12 M€ en novembre dernier pour ses fours.", "2024-02-01", "background"),
        # Its own month or an earlier one, a planned date, or no publication date: read as before.
        ("Kobalt reached a $3 billion valuation in October.", "2025-10-28", "main"),
        ("Kobalt will close a $40 million round in October, its chief said.", "2025-04-10", "main"),
        ("Kobalt has grown fast, reaching a $3 billion valuation in October.", None, "main"),
        # Two months or more before the text's own month, in its year: a round the text recalls.
        ("Since then Kobalt raised $40 million in March, its chief said.", "2025-09-02", "background"),
        ("Kobalt a levé 12 M€ en février pour ses fours.", "2024-06-20", "background"),
        # The month before is still told as news.
        ("Kobalt raised $40 million in August, its chief said.", "2025-09-02", "main"),
        # A plan as it once was.
        ("At first, Kobalt had planned to raise as much as €25 million.", "2025-09-02", "background"),
        # A month opening the sentence dates all of it the same way.
        ("En mars, Kobalt a levé 12 M€ pour ses fours.", "2024-06-20", "background"),
        ("En mai, Kobalt a levé 12 M€ pour ses fours.", "2024-06-20", "main"),
        # So does the start of the year, once spring has come.
        (
            "En début d'année, Kobalt a mandaté la banque Orion en vue d'une levée de fonds de 40 M€.",
            "2024-07-06",
            "background",
        ),
        (
            "En début d'année, Kobalt a mandaté la banque Orion en vue d'une levée de 40 M€.",
            "2024-02-06",
            "main",
        ),
    ],
)
def test_a_month_told_without_a_year_dates_the_figure(
    text: str, published: str | None, expected: str
) -> None:
    facts = [f for f in extract_facts(text, "Kobalt", published=published) if f.kind != "total_raised"]
    assert facts and {f.context for f in facts} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The value a recalled round was raised at is recalled with it.
        (
            "The buyback follows a prior fundraise in April, when Kobalt took in €45m at a €300m valuation.",
            {("funding_round", "background"), ("valuation", "background")},
        ),
        (
            "Kobalt's earlier financing, when it raised $80m at a $600m valuation, was led by Quaxi.",
            {("funding_round", "background"), ("valuation", "background")},
        ),
        # The news, and its value, stay the news.
        (
            "Kobalt took in €45m at a €300m valuation, its first deal since a previous fundraise in 2021.",
            {("funding_round", "main"), ("valuation", "main")},
        ),
    ],
)
def test_a_recalled_round_and_the_value_it_was_raised_at(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(f.kind, f.context) for f in extract_facts(text, "Kobalt", published="2024-10-01")} == expected


@pytest.mark.parametrize(
    "line",
    [
        "Related: Kobalt nears a $40 million round",
        "Lire aussi : Kobalt lève 40 millions de dollars",
        "À lire aussi - Kobalt lève 40 millions de dollars",
    ],
)
def test_a_link_to_another_story_is_background(line: str) -> None:
    text = f"Kobalt hires a new chief.\n\n{line}\n\nKobalt now has 80 staff."
    facts = extract_facts(text, "Kobalt", published="2025-09-02")
    assert facts and {f.context for f in facts} == {"background"}


@pytest.mark.parametrize(
    ("text", "news", "earlier"),
    [
        (
            "Kobalt a levé 12 millions d'euros, qui s'ajoutent aux 30 millions d'euros déjà annoncés.",
            12,
            30,
        ),
        (
            "Kobalt announced $50 million in new funding, on top of the $20 million it secured last week.",
            50,
            20,
        ),
    ],
)
def test_the_earlier_raise_the_news_adds_to_is_background(text: str, news: int, earlier: int) -> None:
    contexts = {f.amount: f.context for f in extract_facts(text, "Kobalt", published="2025-09-02")}
    assert contexts == {news * 1_000_000: "main", earlier * 1_000_000: "background"}


def test_what_an_investor_had_invested_is_recalled() -> None:
    [fact] = extract_facts(
        "Back in its seed days, Quaxi Ventures had invested $7 million in Kobalt, a bet now worth far more.",
        "Kobalt",
    )
    assert fact.context == "background"
