"""Fact extraction on short hand-written French and English snippets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from watcher.facts import entity_variants, extract_facts
from watcher.models import Fact

E = "Zephyr AI"


def kinds(facts: list[Fact]) -> set[tuple[str, Decimal, str]]:
    return {(f.kind, f.amount, f.currency) for f in facts}


def only(facts: list[Fact], kind: str) -> Fact:
    found = [f for f in facts if f.kind == kind]
    assert len(found) == 1, facts
    return found[0]


# --------------------------------------------------------------------------- kinds and amounts


@pytest.mark.parametrize(
    ("text", "kind", "amount", "currency"),
    [
        ("Zephyr AI lève 45 millions d'euros pour accélérer.", "funding_round", "45000000", "EUR"),
        ("Zephyr a levé 45 millions d'euros auprès de fonds européens.", "funding_round", "45000000", "EUR"),
        ("Zephyr AI raised $80 million in new funding.", "funding_round", "80000000", "USD"),
        ("Zephyr AI raises €30M to expand in Germany.", "funding_round", "30000000", "EUR"),
        ("Zephyr AI secures £12m for its robots.", "funding_round", "12000000", "GBP"),
        ("Zephyr AI annonce une levée de fonds de 18 M€.", "funding_round", "18000000", "EUR"),
        ("Zephyr AI boucle un tour de table de 60 millions d'euros.", "funding_round", "60000000", "EUR"),
        ("Zephyr AI est désormais valorisée à 1,2 milliard d'euros.", "valuation", "1200000000", "EUR"),
        ("Zephyr AI is now valued at $3.4bn.", "valuation", "3400000000", "USD"),
        ("The deal gives Zephyr AI a valuation of $900 million.", "valuation", "900000000", "USD"),
        ("Zephyr AI is worth $2 billion after the deal.", "valuation", "2000000000", "USD"),
        ("La valorisation de Zephyr atteint trois milliards d'euros.", "valuation", "3000000000", "EUR"),
        ("Zephyr AI a levé au total 210 millions d'euros.", "total_raised", "210000000", "EUR"),
        ("Zephyr AI has raised $500 million to date.", "total_raised", "500000000", "USD"),
        ("Depuis sa création, Zephyr a levé 95 millions d'euros.", "total_raised", "95000000", "EUR"),
        ("Zephyr AI closes a $250-million Series C round.", "funding_round", "250000000", "USD"),
    ],
)
def test_kind_and_amount(text: str, kind: str, amount: str, currency: str) -> None:
    facts = extract_facts(text, E)
    assert (kind, Decimal(amount), currency) in kinds(facts)
    assert len(facts) == 1


def test_round_and_valuation_in_one_sentence() -> None:
    facts = extract_facts(
        "Zephyr AI lève 70 millions d'euros, ce qui porte sa valorisation à 700 millions.", E
    )
    assert kinds(facts) == {
        ("funding_round", Decimal("70000000"), "EUR"),
        ("valuation", Decimal("700000000"), "EUR"),
    }


def test_valuation_first_then_round() -> None:
    facts = extract_facts(
        "Zephyr AI valorisée à 4 milliards de dollars après une levée de 500 millions d'euros.", E
    )
    assert kinds(facts) == {
        ("valuation", Decimal("4000000000"), "USD"),
        ("funding_round", Decimal("500000000"), "EUR"),
    }


def test_total_with_dont_and_carried_currency() -> None:
    text = (
        "La jeune pousse Zephyr a levé plus de 300 millions d'euros, dont 120 millions lors du dernier tour."
    )
    facts = extract_facts(text, E)
    total = only(facts, "total_raised")
    assert (total.amount, total.currency, total.approx, total.bound) == (
        Decimal("300000000"),
        "EUR",
        True,
        "lower",
    )
    rnd = only(facts, "funding_round")
    assert (rnd.amount, rnd.currency) == (Decimal("120000000"), "EUR")


def test_component_ticket_is_not_a_second_round() -> None:
    text = "Zephyr AI réalise une levée de 900 M€, dont 400 M€ apportés par le fonds Orion."
    facts = extract_facts(text, E)
    assert kinds(facts) == {("funding_round", Decimal("900000000"), "EUR")}


def test_pre_and_post_money() -> None:
    pre = extract_facts("Zephyr AI raised $40 million at a $300 million pre-money valuation.", E)
    assert only(pre, "valuation").basis == "pre_money"
    post = extract_facts(
        "Zephyr AI lève 40 millions d'euros sur une valorisation post-money de 300 millions.", E
    )
    assert only(post, "valuation").basis == "post_money"


def test_range_valuation() -> None:
    facts = extract_facts("The round could value Zephyr AI at $4 billion to $6 billion.", E)
    val = only(facts, "valuation")
    assert (val.amount, val.amount_max, val.status) == (
        Decimal("4000000000"),
        Decimal("6000000000"),
        "rumoured",
    )


# --------------------------------------------------------------------------- approx, bounds, equivalents


@pytest.mark.parametrize(
    ("text", "approx", "bound"),
    [
        ("Zephyr AI a levé près de 50 millions d'euros.", True, None),
        ("Zephyr AI a levé environ 50 millions d'euros.", True, None),
        ("Zephyr AI a levé plus de 50 millions d'euros.", True, "lower"),
        ("Zephyr AI raised about $50 million.", True, None),
        ("Zephyr AI raised more than $50 million.", True, "lower"),
        ("Zephyr AI is seeking up to $50 million.", False, "upper"),
        ("Zephyr AI cherche à lever jusqu'à 50 millions d'euros.", False, "upper"),
        ("Zephyr AI raised $50 million.", False, None),
    ],
)
def test_approx_and_bound(text: str, approx: bool, bound: str | None) -> None:
    fact = only(extract_facts(text, E), "funding_round")
    assert (fact.approx, fact.bound) == (approx, bound)


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI lève 60 millions d'euros (environ 65 millions de dollars).",
        "Zephyr AI raised €60mn ($65mn) from investors.",
        "Zephyr AI lève 60 millions d'euros, soit 65 millions de dollars.",
    ],
)
def test_equivalent_attached_not_second_fact(text: str) -> None:
    facts = extract_facts(text, E)
    assert len(facts) == 1
    fact = facts[0]
    assert (fact.amount, fact.currency) == (Decimal("60000000"), "EUR")
    assert fact.equivalent is not None
    assert (fact.equivalent.amount, fact.equivalent.currency) == (Decimal("65000000"), "USD")


# --------------------------------------------------------------------------- rounds


@pytest.mark.parametrize(
    ("text", "round_name"),
    [
        ("Zephyr AI lève 5 millions d'euros en amorçage.", "seed"),
        ("Zephyr AI raised a $4 million seed round.", "seed"),
        ("Zephyr AI raised $1 million in pre-seed funding.", "pre_seed"),
        ("Zephyr AI boucle une série A de 20 millions d'euros.", "series_a"),
        ("Zephyr AI closes $60 million Series B.", "series_b"),
        ("Zephyr AI raised a $90 million C round.", "series_c"),
        (
            "Zephyr AI lève 10 millions d'euros dans le cadre d'une extension de série A.",
            "series_a_extension",
        ),
        ("Zephyr AI raised a $15 million bridge round.", "bridge"),
        ("Zephyr AI lève 30 millions d'euros lors d'un tour initial.", "seed"),
        ("Zephyr AI lève 30 millions d'euros.", None),
    ],
)
def test_round_names(text: str, round_name: str | None) -> None:
    assert only(extract_facts(text, E), "funding_round").round == round_name


def test_round_named_in_adjacent_sentence() -> None:
    text = "Zephyr AI boucle sa série B. Le tour de table s'élève à 75 millions d'euros."
    assert only(extract_facts(text, E), "funding_round").round == "series_b"


def test_two_rounds_two_names() -> None:
    text = "Zephyr lève 40 millions d'euros pour sa série A, après 6 millions levés en amorçage l'an dernier."
    facts = {f.amount: f for f in extract_facts(text, E)}
    assert facts[Decimal("40000000")].round == "series_a"
    assert facts[Decimal("6000000")].round == "seed"
    assert facts[Decimal("6000000")].context == "background"


# --------------------------------------------------------------------------- investors


def test_led_by_and_participants() -> None:
    text = (
        "Zephyr AI raised $70 million in a round led by Northwind Capital, "
        "with participation from Blue Harbor and Tallis Ventures."
    )
    fact = only(extract_facts(text, E), "funding_round")
    assert fact.lead_investors == ("Northwind Capital",)
    assert set(fact.investors) == {"Blue Harbor", "Tallis Ventures"}


def test_mene_par_and_aux_cotes() -> None:
    text = (
        "Zephyr lève 25 millions d'euros lors d'un tour mené par Fonds Alto, aux côtés de Bpifrance et Kima."
    )
    fact = only(extract_facts(text, E), "funding_round")
    assert fact.lead_investors == ("Fonds Alto",)
    assert {"Bpifrance", "Kima"} <= set(fact.investors)


def test_investors_in_following_sentences() -> None:
    text = (
        "Zephyr AI a levé 90 millions d'euros. "
        "Le tour a été mené par Orion Partners. "
        "Les investisseurs historiques tels que Kestrel et Marlow Capital ont également participé."
    )
    fact = only(extract_facts(text, E), "funding_round")
    assert fact.lead_investors == ("Orion Partners",)
    assert {"Kestrel", "Marlow Capital"} <= set(fact.investors)


def test_x_led_the_round_and_parenthetical_stripped() -> None:
    text = "Zephyr AI raised $35 million. Quarry Ventures (QV) led the round."
    fact = only(extract_facts(text, E), "funding_round")
    assert fact.lead_investors == ("Quarry Ventures",)


def test_investor_ticket_into_entity() -> None:
    text = "Dans le cadre du partenariat, Globex investit 20 millions d'euros dans la start-up Zephyr AI."
    fact = only(extract_facts(text, E), "funding_round")
    assert fact.amount == Decimal("20000000")
    assert "Globex" in fact.investors


def test_negated_investor_is_not_listed() -> None:
    text = (
        "Zephyr AI a levé 50 millions d'euros. Globex n'a pas participé à ce tour, contrairement à Kestrel."
    )
    fact = only(extract_facts(text, E), "funding_round")
    assert "Globex" not in fact.investors


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Zephyr AI a levé 40 millions d'euros.", "announced"),
        ("Zephyr AI announces it has closed a $40 million round.", "announced"),
        ("Selon Les Echos, Zephyr AI a levé 40 millions d'euros.", "reported"),
        ("Zephyr AI raised $40 million, according to people familiar with the matter.", "reported"),
        ("Zephyr AI has reportedly raised $40 million.", "reported"),
        ("Zephyr AI has raised $40 million, according to a regulatory filing.", "announced"),
        ("Zephyr AI is in talks to raise $40 million.", "rumoured"),
        ("Zephyr AI is seeking $40 million from investors.", "rumoured"),
        ("Zephyr AI lèverait 40 millions d'euros.", "rumoured"),
        ("Zephyr AI serait en discussions pour lever 40 millions d'euros.", "rumoured"),
        ("Zephyr AI pourrait lever 40 millions d'euros.", "rumoured"),
        ("Zephyr AI est sur le point de lever 40 millions d'euros.", "rumoured"),
    ],
)
def test_status(text: str, status: str) -> None:
    assert only(extract_facts(text, E), "funding_round").status == status


def test_would_value_is_rumoured() -> None:
    fact = only(extract_facts("The deal would value Zephyr AI at $1 billion.", E), "valuation")
    assert fact.status == "rumoured"


# --------------------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI a levé 40 millions d'euros. Son rival Borealis a levé 300 millions d'euros.",
        "Zephyr AI raised $40 million. Rival startup Borealis raised $300 million last month.",
        "Zephyr AI a levé 40 millions d'euros, loin des 300 millions d'euros levés par Borealis.",
        "Zephyr a levé 40 millions d'euros. Jean Dupont a levé 300 millions d'euros pour sa startup Borealis",
        "Zephyr a levé 40 millions d'euros. Borealis, soutenu par Globex, a recueilli 300 millions d'euros.",
        "Zephyr AI raised $40 million. Meanwhile Globex has invested $300 million in Borealis.",
    ],
)
def test_competitor_figures_are_not_ours(text: str) -> None:
    facts = extract_facts(text, E)
    assert [f.amount for f in facts] == [Decimal("40000000")]


def test_pronoun_inherits_entity() -> None:
    text = "Zephyr AI conçoit des puces. La start-up a levé 40 millions d'euros. Elle vise l'Asie."
    assert kinds(extract_facts(text, E)) == {("funding_round", Decimal("40000000"), "EUR")}


def test_company_back_to_entity_after_competitor() -> None:
    text = (
        "Borealis a levé 300 millions d'euros en mars. "
        "De son côté, Zephyr AI prépare sa croissance. La société a levé 40 millions d'euros."
    )
    assert kinds(extract_facts(text, E)) == {("funding_round", Decimal("40000000"), "EUR")}


def test_unnamed_subject_defaults_to_entity() -> None:
    text = "The Lyon-based startup raised $12 million in a seed round."
    assert kinds(extract_facts(text, E)) == {("funding_round", Decimal("12000000"), "USD")}


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI réalise un chiffre d'affaires de 30 millions d'euros.",
        "Zephyr AI has $30 million in annual recurring revenue.",
        "Zephyr AI a dépensé 30 millions d'euros en calcul.",
        "Zephyr AI spent $30 million on compute last year.",
        "Zephyr AI a entraîné un modèle de 30 milliards de paramètres.",
        "Zephyr AI a contracté un emprunt de 30 millions d'euros.",
        "Zephyr AI raised $30 million in debt from banks.",
        "Zephyr AI will invest $30 million in a new data center.",
        "Zephyr AI a annoncé l'acquisition de Tessel pour 30 millions d'euros.",
        "Zephyr AI détient 30 % du marché.",
        "Zephyr AI utilise plus de 3 000 GPU.",
        "Zephyr AI vise un marché de 30 milliards d'euros.",
    ],
)
def test_non_funding_figures(text: str) -> None:
    assert extract_facts(text, E) == []


def test_entity_name_variants() -> None:
    assert "zephyr" in entity_variants("Zephyr AI")
    assert "nimbus" in entity_variants("Nimbus Labs")
    assert "cirrus" in entity_variants("Cirrus SAS")
    assert "stratus" in entity_variants("Acme (later Stratus)")
    facts = extract_facts("ZÉPHYR a levé 10 millions d'euros.", E)
    assert kinds(facts) == {("funding_round", Decimal("10000000"), "EUR")}


# --------------------------------------------------------------------------- context and dedup


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Zephyr AI lève 80 millions d'euros.", "main"),
        ("Zephyr AI avait levé 80 millions d'euros.", "background"),
        ("Zephyr AI had raised $80 million last year.", "background"),
        ("Zephyr AI previously raised $80 million.", "background"),
        ("Zephyr AI a levé 80 millions d'euros en décembre 2023. En 2025, elle vise l'Asie.", "background"),
        pytest.param(
            "Zephyr AI a levé 80 millions d'euros en décembre 2025.",
            "main",
            # The fitted context decision reads a lone raise dated to the month at about its threshold
            # (p(background) 0.72 before the last refit, 0.77 after, against 0.75): a refit on unchanged
            # data keeps or overturns the rules' "main" by chance, so the xfail is not strict.
            marks=pytest.mark.xfail(strict=False, reason="fitted context at about its threshold"),
        ),
    ],
)
def test_context(text: str, context: str) -> None:
    assert only(extract_facts(text, E), "funding_round").context == context


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI, fondée en 2017, affiche une valorisation de 900 millions d'euros.",
        "Founded in 2016, Zephyr AI is now valued at $900 million.",
        "Zephyr AI, créée en 2015, vaut désormais 900 millions d'euros.",
    ],
)
def test_the_year_a_company_was_founded_does_not_date_its_figure(text: str) -> None:
    fact = only(extract_facts(text, E, published="2025-06-11"), "valuation")
    assert fact.context == "main"


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI raised €50 million valuing it at €1 billion.",
        "Zephyr AI's €50 million Series B valued it at €1 billion.",
        "La série B de 50 millions d'euros valorisait Zephyr AI à 1 milliard d'euros.",
        "Zephyr AI a levé 50 millions d'euros valorisant la société à 1 milliard d'euros.",
    ],
)
def test_the_figure_that_does_the_valuing_is_the_round(text: str) -> None:
    facts = extract_facts(text, E)
    assert only(facts, "funding_round").amount == Decimal("50000000")
    assert only(facts, "valuation").amount == Decimal("1000000000")


def test_duplicate_statement_merged() -> None:
    text = (
        "Zephyr AI lève 80 millions d'euros. "
        "Cette levée de 80 millions d'euros a été menée par Orion Partners. "
        "La valorisation atteint 500 millions d'euros."
    )
    facts = extract_facts(text, E)
    assert len([f for f in facts if f.kind == "funding_round"]) == 1
    assert only(facts, "funding_round").lead_investors == ("Orion Partners",)


def test_separate_round_same_amount_kept() -> None:
    text = "Zephyr AI raised $100 million this week. The company closed a separate $100 million round in May."
    assert len([f for f in extract_facts(text, E) if f.kind == "funding_round"]) == 2


def test_evidence_is_the_sentence() -> None:
    fact = only(extract_facts("Intro.  Zephyr AI   lève 8 millions d'euros.\nFin.", E), "funding_round")
    assert fact.evidence == "Zephyr AI lève 8 millions d'euros."


# --------------------------------------------------------------------------- furniture and markup


def test_furniture_after_read_more_is_ignored() -> None:
    text = (
        "Zephyr AI lève 15 millions d'euros.\n"
        "À regarder\n-\nUne start-up lève 200 millions d'euros\n-\nLa bourse recule\n"
        "Read more\nAnother startup raises $90 million\n"
    )
    assert kinds(extract_facts(text, E)) == {("funding_round", Decimal("15000000"), "EUR")}


def test_html_markup_is_stripped() -> None:
    text = '<p>Zephyr AI <a href="https://example.org/x">raised</a> &euro;20M in a seed round.</p>'
    assert kinds(extract_facts(text, E)) == {("funding_round", Decimal("20000000"), "EUR")}


def test_empty_text() -> None:
    assert extract_facts("", E) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A value before and after a change: two values, not a range; the first is the earlier one.
        (
            "Zephyr AI's valuation rose from $2.6 billion to $4.2 billion.",
            [("2600000000", "background"), ("4200000000", "main")],
        ),
        (
            "La valorisation de Zephyr AI est passée de 2,6 milliards d'euros à 4,2 milliards d'euros.",
            [("2600000000", "background"), ("4200000000", "main")],
        ),
        (
            "Zephyr AI is now valued at $4.2 billion, up from $2.6 billion.",
            [("4200000000", "main"), ("2600000000", "background")],
        ),
        (
            "Zephyr AI est valorisée 4,2 milliards de dollars, contre 2,6 milliards un an plus tôt.",
            [("4200000000", "main"), ("2600000000", "background")],
        ),
    ],
)
def test_a_value_before_a_change_is_background(text: str, expected: list[tuple[str, str]]) -> None:
    facts = [f for f in extract_facts(text, E, published="2025-06-11") if f.kind == "valuation"]
    assert [(str(int(f.amount)), f.context) for f in facts] == expected


def test_a_range_to_raise_stays_a_range() -> None:
    fact = only(extract_facts("Zephyr AI veut lever de 40 à 50 millions d'euros.", E), "funding_round")
    assert (fact.amount, fact.amount_max) == (Decimal("40000000"), Decimal("50000000"))


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI's last round valued it at $9 billion, and early staff sold $1.2 billion of shares.",
        "Zephyr AI has been valued at $9 billion, which puts its chief executive's stake at $3.1 billion.",
    ],
)
def test_a_valuation_does_not_carry_to_a_sum_of_shares(text: str) -> None:
    facts = extract_facts(text, E)
    assert [(f.kind, f.amount) for f in facts] == [("valuation", Decimal("9000000000"))]


@pytest.mark.parametrize(
    "text",
    [
        "After a writedown, Orion Funds now carries Zephyr AI at a $3.2 billion valuation.",
        "Orion Funds marked down its stake, implying Zephyr AI is worth $3.2 billion.",
        "Le fonds Orion a réévalué sa participation, valorisant Zephyr AI à 3,2 milliards de dollars.",
    ],
)
def test_a_funds_mark_of_its_stake_is_no_valuation(text: str) -> None:
    assert [f for f in extract_facts(text, E) if f.kind == "valuation"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI is exploring a share sale for employees at a $9 billion valuation.",
        "Zephyr AI is considering a new round at a $9 billion valuation.",
    ],
)
def test_a_deal_being_considered_is_rumoured(text: str) -> None:
    assert only(extract_facts(text, E), "valuation").status == "rumoured"


def test_a_story_marking_american_and_australian_dollars_writes_its_own_bare() -> None:
    text = (
        "Brisbane-based Zephyr AI was valued at $56 billion in its latest tender. "
        "Buyers paid US$50 million for shares, about A$76 million."
    )
    values = {(f.amount, f.currency) for f in extract_facts(text, E) if f.kind == "valuation"}
    assert values == {(Decimal("56000000000"), "AUD")}


def test_a_bare_dollar_stays_american_without_australian_marks() -> None:
    facts = extract_facts("Zephyr AI is valued at $56 billion, up from US$37 billion.", E)
    assert [(f.amount, f.currency) for f in facts if f.context == "main"] == [(Decimal("56000000000"), "USD")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Could Zephyr AI be worth a billion dollars?", False),
        ("Zephyr AI to raise $1bn?", False),
        ("Zephyr AI ne vaut-elle pas déjà 2 milliards de dollars ?", True),
        ("Had the listing gone ahead, Zephyr AI would have raised €300 million.", False),
    ],
)
def test_a_question_or_a_counterfactual_states_no_fact(text: str, kept: bool) -> None:
    assert bool([f for f in extract_facts(text, E) if f.kind in ("valuation", "funding_round")]) == kept


def test_a_listing_that_was_to_happen_is_talk() -> None:
    text = "La cotation de Zephyr AI, qui devait la valoriser 1,1 milliard d'euros, a été repoussée."
    assert only(extract_facts(text, E), "valuation").status == "rumoured"


@pytest.mark.parametrize(
    "text",
    [
        "Orion Capital to invest $150M in drone maker Zephyr AI",
        "Three funds invest $150M in Zephyr AI",
    ],
)
def test_a_headline_naming_the_investor_gives_the_companys_round(text: str) -> None:
    assert only(extract_facts(text, E), "funding_round").amount == Decimal("150000000")


def test_an_investor_ticket_in_a_body_sentence_stays_a_ticket() -> None:
    text = (
        "Zephyr AI raised $40 million. Orion Capital invested $5 million in Zephyr AI as part of the round."
    )
    assert [f.amount for f in extract_facts(text, E) if f.kind == "funding_round"] == [Decimal("40000000")]


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr AI annonce une ronde de 70 M$ US",  # Québec French: "ronde" is a round
        "Défense : 70 millions de dollars pour l'Allemand Zephyr AI",
    ],
)
def test_more_ways_french_headlines_give_a_round(text: str) -> None:
    assert only(extract_facts(text, E), "funding_round").amount == Decimal("70000000")
