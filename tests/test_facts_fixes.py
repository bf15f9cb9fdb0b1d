"""Drills for failure patterns found on newsroom-style text, each with FR and EN variants.

Invented sentences (companies, investors, figures): employee share sales, grants and repayable
advances, fund sizes, goods "worth" an amount, first-person quotes, equity alongside debt, valuations
stated with "valued at ... in a round", totals since founding, and Indian crore/lakh amounts.
"""

from __future__ import annotations

import pytest

from tests.test_facts_categories import _check

CASES: list[tuple[str, str, str, list[str]]] = [
    # ------------------------------------------------------------------ secondary sales, tenders
    (
        "tender_staff_sell",
        "Korvex",
        "Korvex will let employees sell up to $200 million of stock to Marlin Growth in a tender offer.",
        [],
    ),
    (
        "secondary_sale_noun",
        "Pellagra",
        "Pellagra has raised $30 million in new funding and organised a $15 million secondary sale "
        "for its first engineers.",
        ["R 30M USD"],
    ),
    (
        "salaries_cedent_actions",
        "Ombrine",
        "Les salariés d'Ombrine pourront céder jusqu'à 40 millions d'euros d'actions à des fonds.",
        [],
    ),
    (
        "company_sells_equity_is_a_raise",
        "Talvio",
        "Talvio sold $18 million in equity to a group of investors, a filing shows.",
        ["R 18M USD"],
    ),
    # ------------------------------------------------------------------ grants and repayable advances
    (
        "avances_remboursables",
        "Ostrea",
        "Ostrea a obtenu 3 millions d'euros d'avances remboursables de la région Bretagne.",
        [],
    ),
    (
        "repayable_advance_en",
        "Ostrea",
        "Ostrea also received a €2 million repayable advance from the regional government.",
        [],
    ),
    (
        "sous_forme_de_subventions",
        "Ostrea",
        "Ostrea lève 6 millions d'euros auprès de Nacelle Ventures. Elle a aussi obtenu un financement "
        "de 2 millions d'euros de la région sous forme de subventions.",
        ["R 6M EUR"],
    ),
    (
        "in_the_form_of_grants",
        "Ostrea",
        "Ostrea has secured €4 million from the EU in the form of grants and loans.",
        [],
    ),
    # ------------------------------------------------------------------ an investor's fund size
    (
        "fonds_cloture_a",
        "Vellum",
        "Cobalt Partners clôture son troisième fonds à 250 millions d'euros.",
        [],
    ),
    (
        "fund_closed_at",
        "Vellum",
        "Ashgrove Ventures closed its second fund at $180 million, the firm said.",
        [],
    ),
    # ------------------------------------------------------------------ goods worth an amount
    (
        "worth_of_goods",
        "Helion Forge",
        "Helion Forge raised $20 million in a Series A. Utilities have ordered $35 million worth of "
        "its transformers.",
        ["R 20M USD"],
    ),
    # ------------------------------------------------------------------ first-person quotes
    (
        "we_raised_quote",
        "Brindle",
        'Brindle sells payroll software. "We raised $12 million in our seed round and we are profitable," '
        "its founder said.",
        ["R 12M USD"],
    ),
    (
        "nous_avons_leve",
        "Brindle",
        "Brindle édite un logiciel de paie. « Nous avons levé 9 millions d'euros en série A », "
        "explique sa fondatrice.",
        ["R 9M EUR"],
    ),
    # ------------------------------------------------------------------ equity alongside debt
    (
        "alongside_equity",
        "Gravelle",
        "Gravelle secured a $100 million credit facility from Norhaven Bank, alongside a $30 million "
        "equity round led by Quill Capital.",
        ["R 30M USD"],
    ),
    (
        "aux_cotes_de_equity",
        "Gravelle",
        "Gravelle obtient un prêt de 40 millions d'euros, aux côtés d'un tour de table de 12 millions "
        "d'euros mené par Sarcelle Capital.",
        ["R 12M EUR"],
    ),
    # ------------------------------------------------------------------ "valued at ... in a round"
    (
        "valued_at_in_round",
        "Quorra",
        "Quorra was valued at $800 million in a funding round last year.",
        ["V 800M USD"],
    ),
    (
        "valorisee_a_lors_dun_tour",
        "Quorra",
        "Quorra avait été valorisée à 300 millions d'euros lors d'un tour de table en 2023.",
        ["V 300M EUR"],
    ),
    # ------------------------------------------------------------------ totals since founding
    (
        "since_it_was_founded",
        "Larkspur",
        "Larkspur raised $10 million in a Series A. It has raised $22 million since it was founded.",
        ["R 10M USD"],
    ),
    (
        "depuis_sa_creation",
        "Larkspur",
        "Larkspur a levé 6 millions d'euros en série A. La société a levé 11 millions d'euros depuis "
        "sa création.",
        ["R 6M EUR"],
    ),
    # ------------------------------------------------------------------ short name of the company
    (
        "short_first_word_en",
        "Halden Robotics",
        "Halden Robotics makes welding arms. Halden raised $14 million in a Series A in 2023.",
        ["R 14M USD"],
    ),
    (
        "short_first_word_fr",
        "Corbière Énergie",
        "Corbière Énergie installe des pompes à chaleur. Corbière a levé 7 millions d'euros en 2024.",
        ["R 7M EUR"],
    ),
    (
        "first_word_common_in_lower_case",
        "General Fission",
        "General Fission builds reactors. The general trend is clear: Atomwise raised $50 million.",
        [],
    ),
    # ------------------------------------------------------------------ debt words in an aside
    (
        "loans_in_company_description",
        "Sarvam Credit",
        "Sarvam Credit, which offers loans to farmers, has raised $25 million in a Series B.",
        ["R 25M USD"],
    ),
    (
        "prets_dans_la_description",
        "Crédimo",
        "Crédimo, qui propose des prêts aux artisans, a levé 8 millions d'euros en série A.",
        ["R 8M EUR"],
    ),
    # ------------------------------------------------------------------ crore and lakh
    (
        "crore_with_equivalent",
        "Vayu Grid",
        "Vayu Grid has raised ₹150 crore ($18 million) in a Series A led by Neem Capital.",
        ["R 1.5B INR"],
    ),
    (
        "lakh_seed",
        "Tiffin Labs",
        "Tiffin Labs raised Rs 75 lakh in a seed round from angel investors.",
        ["R 7.5M INR"],
    ),
]


@pytest.mark.parametrize(("category", "entity", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fix(category: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)
