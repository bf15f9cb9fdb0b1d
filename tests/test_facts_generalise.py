"""Held-out style cases: coreference, founders, status, context, amounts and investors.

Every sentence is invented (made-up companies and people) and each rule gets several phrasings
in both languages, positives and negatives.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from watcher.facts import extract_facts, find_money
from watcher.models import Fact

E = "Lumio"


def triples(facts: list[Fact]) -> set[tuple[str, Decimal, str]]:
    return {(f.kind, f.amount, f.currency) for f in facts}


def one(facts: list[Fact], kind: str) -> Fact:
    found = [f for f in facts if f.kind == kind]
    assert len(found) == 1, facts
    return found[0]


# --------------------------------------------------------------------------- 1. coreference


@pytest.mark.parametrize(
    "text",
    [
        "Corvane has raised $900 million in a Series D led by Halbrook, valuing the company at $12 billion. "
        "Lumio, a smaller rival, is also courting investors.",
        "Corvane a levé 900 millions de dollars lors d'une série D, ce qui valorise la société "
        "à 12 milliards de dollars. Lumio n'a pas commenté.",
        "Corvane closed a $900 million round, which values the startup at $12 billion. Lumio declined to "
        "comment.",
        "Corvane a bouclé un tour de 900 millions de dollars qui valorise l'entreprise à 12 milliards de "
        "dollars. De son côté, Lumio prépare une levée.",
        "Lumio builds chips. Corvane, its main competitor, raised $900 million last week. "
        "The deal values the company at $12 billion.",
        "Lumio builds chips. Corvane raised $900 million on Monday. It is now valued at $12 billion.",
    ],
)
def test_generic_reference_goes_to_other_named_company(text: str) -> None:
    assert extract_facts(text, E) == []


@pytest.mark.parametrize(
    "text",
    [
        "Corvane raised $900 million last month. Lumio, meanwhile, has raised $50 million, "
        "valuing the company at $400 million.",
        "Corvane a levé 900 millions de dollars. Lumio a quant à elle levé 50 millions de dollars, ce qui "
        "valorise la société à 400 millions de dollars.",
        "Corvane raised $900 million last month. Lumio said on Tuesday it raised $50 million. "
        "The round values the company at $400 million.",
    ],
)
def test_generic_reference_goes_to_entity_when_it_is_the_subject(text: str) -> None:
    assert triples(extract_facts(text, E)) == {
        ("funding_round", Decimal("50000000"), "USD"),
        ("valuation", Decimal("400000000"), "USD"),
    }


# --------------------------------------------------------------------------- 2. founders


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Okafor raised $300 million for her new startup, Lumio Labs, at a $2 billion valuation.", "Lumio"),
        ("Jane Okafor raised $300 million for her startup Lumio at a $2 billion valuation.", "Lumio"),
        (
            "Former Globex executive Jane Okafor has raised $300 million for Lumio, valuing it at $2bn.",
            "Lumio",
        ),
        (
            "L'ancienne dirigeante Jeanne Morel a levé 300 millions de dollars pour sa start-up Lumio, "
            "valorisée 2 milliards de dollars.",
            "Lumio",
        ),
        (
            "Okafor raised $300 million at a $2 billion valuation, and investors gave her a board veto. "
            "(Lumio rents its servers.)",
            "Lumio",
        ),
        (
            "Lumio, the company founded by Jane Okafor, raised $300 million at a $2 billion valuation.",
            "Lumio",
        ),
    ],
)
def test_founder_as_subject(text: str, entity: str) -> None:
    assert triples(extract_facts(text, entity)) == {
        ("funding_round", Decimal("300000000"), "USD"),
        ("valuation", Decimal("2000000000"), "USD"),
    }


def test_founder_raising_for_other_company_is_not_ours() -> None:
    text = "Lumio makes sensors. Jane Okafor raised $300 million for her new startup, Corvane."
    assert extract_facts(text, E) == []


# --------------------------------------------------------------------------- 3. status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("According to the Financial Times, the deal is done. Lumio raised $70 million.", "reported"),
        ("Lumio raised $70 million. The people said the round closed last week.", "reported"),
        ("Lumio raised $70 million. That is according to people familiar with the matter.", "reported"),
        ("Selon Les Echos, l'opération est bouclée. Lumio a levé 70 millions d'euros.", "reported"),
        ("Lumio is in discussions to raise $70 million.", "rumoured"),
        ("Lumio is looking to raise $70 million.", "rumoured"),
        ("Lumio is aiming to raise $70 million this year.", "rumoured"),
        ("Lumio envisage de lever 70 millions d'euros.", "rumoured"),
        ("Lumio devrait lever 70 millions d'euros d'ici l'été.", "rumoured"),
        ("Lumio cherche à lever 70 millions d'euros.", "rumoured"),
        ("Lumio négocie une levée de 70 millions d'euros.", "rumoured"),
        ("Lumio est en discussions avec des fonds pour lever 70 millions d'euros.", "rumoured"),
        ("Lumio a levé 70 millions d'euros.", "announced"),
        ("Lumio raised $70 million, the company said in a statement.", "announced"),
    ],
)
def test_status_variants(text: str, status: str) -> None:
    assert one(extract_facts(text, E), "funding_round").status == status


def test_could_value_is_rumoured() -> None:
    assert one(extract_facts("A new round could value Lumio at $5 billion.", E), "valuation").status == (
        "rumoured"
    )


def test_conditional_in_relative_clause_does_not_make_old_fact_rumoured() -> None:
    text = (
        "Lumio, qui avait levé 70 millions d'euros en 2022, un tour qui lui permettrait de recruter, "
        "prépare sa suite."
    )
    assert one(extract_facts(text, E), "funding_round").status == "announced"


# --------------------------------------------------------------------------- 4. context


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Lumio raised $70 million in September, the company said on Tuesday.", "main"),
        ("Lumio a levé 70 millions d'euros en septembre, a annoncé la société mardi.", "main"),
        ("Lumio announced on Tuesday a $70 million Series B, its first raise since 2021.", "main"),
        ("Lumio had raised $70 million in a Series A.", "background"),
        ("Lumio raised $70 million in 2023. It now plans to hire 50 people in 2025.", "background"),
        ("Lumio raised $70 million in 2025. It now plans to hire 50 people this year.", "main"),
        (
            "Lumio announced on Tuesday a $70 million round, its first since 2021. Revenue doubled in 2024.",
            "main",
        ),
        ("Lumio, qui avait levé 70 millions d'euros lors de sa précédente levée, revient.", "background"),
        ("Lumio raised $70 million last year.", "background"),
    ],
)
def test_context_variants(text: str, context: str) -> None:
    assert one(extract_facts(text, E), "funding_round").context == context


def test_following_earlier_round_is_background() -> None:
    text = "Lumio raised $200 million, following its $70 million Series A in March."
    facts = {f.amount: f for f in extract_facts(text, E) if f.kind == "funding_round"}
    assert facts[Decimal("200000000")].context == "main"
    assert facts[Decimal("70000000")].context == "background"


# --------------------------------------------------------------------------- 5. amounts and kinds


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Lumio raised $1.5B in new funding.", "1500000000", "USD"),
        ("Lumio lève 1,5 Md$ auprès de ses actionnaires.", "1500000000", "USD"),
        ("Lumio raised USD1.5bn from investors.", "1500000000", "USD"),
        ("Lumio raised EUR 600m from investors.", "600000000", "EUR"),
        ("Lumio a levé 600 M EUR auprès de fonds.", "600000000", "EUR"),
        ("Lumio raised £40 million in a Series B.", "40000000", "GBP"),
        ("Lumio raised CHF 20 Mio in its seed round.", "20000000", "CHF"),
        ("Lumio a levé 20 millions de francs suisses.", "20000000", "CHF"),
        ("Lumio raised ₹800 million in a seed round.", "800000000", "INR"),
        ("Lumio raised ¥3 billion in a Series C.", "3000000000", "JPY"),
        ("Lumio closed a $2 billion round.", "2000000000", "USD"),
        ("Lumio closed a funding round of $2 billion.", "2000000000", "USD"),
        ("Lumio completed a €500 million raise.", "500000000", "EUR"),
        ("Lumio annonce une levée de 500 millions d'euros.", "500000000", "EUR"),
    ],
)
def test_amount_formats(text: str, amount: str, currency: str) -> None:
    facts = [f for f in extract_facts(text, E) if f.kind == "funding_round"]
    assert [(f.amount, f.currency) for f in facts] == [(Decimal(amount), currency)]


@pytest.mark.parametrize(
    "text",
    [
        "Lumio is seeking between $1bn and $1.5bn in new funding.",
        "Lumio cherche à lever entre 1 et 1,5 milliard de dollars.",
        "Lumio is raising $1 billion to $1.5 billion.",
    ],
)
def test_range_low_and_high(text: str) -> None:
    fact = one(extract_facts(text, E), "funding_round")
    assert (fact.amount, fact.amount_max, fact.currency) == (
        Decimal("1000000000"),
        Decimal("1500000000"),
        "USD",
    )


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Lumio raised $100 million at a post-money valuation of $1 billion.", "post_money"),
        ("Lumio raised $100 million at a pre-money valuation of $900 million.", "pre_money"),
        ("Lumio lève 100 millions d'euros, sur une valorisation pre-money de 900 millions.", "pre_money"),
    ],
)
def test_basis_variants(text: str, basis: str) -> None:
    assert one(extract_facts(text, E), "valuation").basis == basis


@pytest.mark.parametrize(
    "text",
    [
        "Lumio raised $100 million, doubling its valuation to $2 billion.",
        "Lumio raised $100 million, which tripled its valuation to $2 billion.",
        "Lumio lève 100 millions de dollars et double sa valorisation, à 2 milliards de dollars.",
    ],
)
def test_valuation_growth_verbs(text: str) -> None:
    assert triples(extract_facts(text, E)) == {
        ("funding_round", Decimal("100000000"), "USD"),
        ("valuation", Decimal("2000000000"), "USD"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Lumio raised $100 million, which brings its total funding to $340 million.",
        "Lumio lève 100 millions de dollars, ce qui porte le total levé à 340 millions de dollars.",
        "The round brings Lumio's total funding to $340 million after it raised $100 million.",
    ],
)
def test_brings_total_is_not_a_round(text: str) -> None:
    facts = extract_facts(text, E)
    assert ("funding_round", Decimal("340000000"), "USD") not in triples(facts)
    assert ("funding_round", Decimal("100000000"), "USD") in triples(facts)


@pytest.mark.parametrize(
    "text",
    [
        "Lumio secured a $100 million credit facility from banks.",
        "Lumio took a $100 million loan from a state bank.",
        "Lumio obtient un prêt de 100 millions d'euros.",
        "Lumio a levé 100 millions d'euros de dette.",
        "Lumio generated $100 million in revenue last year.",
        "Lumio expects $100 million in revenue.",
        "Lumio a réalisé un chiffre d'affaires de 100 millions d'euros.",
        "Lumio's ARR reached $100 million.",
        "Lumio targets a $10 billion market.",
        "Lumio vise un marché de 10 milliards d'euros.",
        "Lumio est devenue une licorne.",
        "Lumio became a unicorn this week.",
    ],
)
def test_never_funding(text: str) -> None:
    assert [f for f in extract_facts(text, E) if f.kind in ("funding_round", "valuation")] == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Lumio is now worth $3 billion.", "3000000000"),
        ("Lumio est valorisée à hauteur de 3 milliards de dollars.", "3000000000"),
        ("Lumio affiche une valorisation de 3 milliards de dollars.", "3000000000"),
        ("Lumio is valued at about $3 billion.", "3000000000"),
    ],
)
def test_valuation_phrasings(text: str, amount: str) -> None:
    fact = one(extract_facts(text, E), "valuation")
    assert (fact.amount, fact.currency) == (Decimal(amount), "USD")


def test_up_to_is_upper_bound() -> None:
    fact = one(extract_facts("Lumio is raising up to €80 million.", E), "funding_round")
    assert fact.bound == "upper"


# --------------------------------------------------------------------------- 6. investors


@pytest.mark.parametrize(
    ("text", "lead", "others"),
    [
        (
            "Lumio raised $60 million in a round led by Halbrook Capital and Verano Partners.",
            {"Halbrook Capital", "Verano Partners"},
            set(),
        ),
        (
            "Lumio raised $60 million in a round co-led by Halbrook Capital and Verano Partners, with "
            "participation from Tessaly, Orwin Ventures and Pike Fund.",
            {"Halbrook Capital", "Verano Partners"},
            {"Tessaly", "Orwin Ventures", "Pike Fund"},
        ),
        (
            "Lumio lève 60 millions d'euros lors d'un tour emmené par Halbrook Capital, avec la "
            "participation de Tessaly et Orwin Ventures.",
            {"Halbrook Capital"},
            {"Tessaly", "Orwin Ventures"},
        ),
        (
            "Lumio lève 60 millions d'euros lors d'un tour piloté par le fonds Halbrook Capital, aux côtés "
            "de Tessaly, entre autres.",
            {"Halbrook Capital"},
            {"Tessaly"},
        ),
        (
            "Lumio raised $60 million led by the venture firm Halbrook Capital. Existing investors Tessaly "
            "and Orwin Ventures also participated.",
            {"Halbrook Capital"},
            {"Tessaly", "Orwin Ventures"},
        ),
        (
            "Lumio raised $60 million led by Halbrook Capital. New investors include Tessaly and "
            "former Globex CEO Mark Dunne.",
            {"Halbrook Capital"},
            {"Tessaly", "Mark Dunne"},
        ),
        (
            "Lumio raised $60 million from Halbrook Capital, Tessaly and Orwin Ventures, among others.",
            set(),
            {"Halbrook Capital", "Tessaly", "Orwin Ventures"},
        ),
    ],
)
def test_investor_lists(text: str, lead: set[str], others: set[str]) -> None:
    fact = one(extract_facts(text, E), "funding_round")
    assert set(fact.lead_investors) == lead
    assert others <= set(fact.investors)
    assert not any("among" in n or "autres" in n or "existing" in n.lower() for n in fact.investors)


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "blob",
    [
        "1," * 25_000,
        "9" * 50_000,
        "de " * 17_000,
        "1 000 " * 8_000,
        ("$1,000,000 de " * 4_000),
        "Lumio " + "A " * 25_000 + "raised",
    ],
)
def test_adversarial_text_completes(blob: str) -> None:
    extract_facts(blob, E)
    find_money(blob)


def test_adversarial_mixed_text_completes() -> None:
    text = ("Lumio a levé 1,2,3,4,5 de de de 000 000 millions d'euros, " * 1000)[:50_000]
    start = time.perf_counter()
    extract_facts(text, E)
    assert time.perf_counter() - start >= 0


@pytest.mark.parametrize(
    "text",
    [
        "Jane Okafor, the chief executive of rival Corvane, raised $300 million. Lumio declined to comment.",
        "Corvane's founder Jane Okafor has raised $300 million for her startup. Lumio has not raised since.",
        "L'ancienne dirigeante Jeanne Morel a levé 300 millions pour sa start-up Corvane. Lumio se tait.",
    ],
)
def test_person_running_another_company_is_not_ours(text: str) -> None:
    assert [f for f in extract_facts(text, E) if f.kind == "funding_round"] == []


def test_founder_with_company_two_sentences_later() -> None:
    text = (
        "Okafor raised $300 million in funding at a $2 billion valuation. Investors gave her a veto. "
        "(Lumio rents its servers from a cloud provider.)"
    )
    assert triples(extract_facts(text, E)) == {
        ("funding_round", Decimal("300000000"), "USD"),
        ("valuation", Decimal("2000000000"), "USD"),
    }


def test_old_fact_then_rumour_in_one_sentence() -> None:
    text = (
        "Lumio, which raised $100 million last year, is in talks to raise $300 million "
        "that would value it at $2 billion."
    )
    facts = {(f.kind, f.amount): f for f in extract_facts(text, E)}
    old = facts[("funding_round", Decimal("100000000"))]
    new = facts[("funding_round", Decimal("300000000"))]
    assert (old.status, old.context) == ("announced", "background")
    assert (new.status, new.context) == ("rumoured", "main")
    assert facts[("valuation", Decimal("2000000000"))].status == "rumoured"


@pytest.mark.parametrize(
    "text",
    [
        "Lumio a levé 100 millions d'euros. Selon Les Echos, Corvane pourrait lever 1 milliard.",
        "Lumio raised $100 million. According to Bloomberg, Corvane raised $900 million.",
    ],
)
def test_neighbour_source_about_another_figure_is_not_carried(text: str) -> None:
    assert one(extract_facts(text, E), "funding_round").status == "announced"


@pytest.mark.parametrize(
    "text",
    [
        "Lumio raised $50 million and is now valued at $400 million.",
        "Lumio a levé 50 millions de dollars et est désormais valorisée 400 millions de dollars.",
        "Nvidia invested in Lumio, which raised $50 million, valuing the company at $400 million.",
        "Lumio, which competes with Corvane, raised $50 million. The startup is valued at $400 million.",
    ],
)
def test_round_and_valuation_still_ours(text: str) -> None:
    assert triples(extract_facts(text, E)) == {
        ("funding_round", Decimal("50000000"), "USD"),
        ("valuation", Decimal("400000000"), "USD"),
    }
