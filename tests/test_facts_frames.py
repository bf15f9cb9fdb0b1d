"""Figures that belong to another company by a possessive, gaps between two figures, flows, the
unicorn threshold, fortunes, the cash a blank-check merger brings, and converted asides after the
deal's own words: invented cases, each a phenomenon seen in real coverage (not its sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from watcher.facts import extract_facts
from watcher.facts.numbers import find_money

Expected = set[tuple[str, Decimal, str]]


def _facts(text: str, company: str) -> Expected:
    return {
        (f.kind, f.amount, f.currency)
        for f in extract_facts(text, company)
        if f.kind in ("funding_round", "valuation")
    }


def R(amount: str, currency: str = "USD") -> tuple[str, Decimal, str]:
    return ("funding_round", Decimal(amount), currency)


def V(amount: str, currency: str = "USD") -> tuple[str, Decimal, str]:
    return ("valuation", Decimal(amount), currency)


CASES: list[tuple[str, str, str, Expected]] = [
    # Another company's figure, named in the possessive right before it.
    (
        "possessive_rivals_in_a_list",
        "Zorblo",
        "Zorblo raised $40 million in a Series B. Its lead investor also backed Quaxi's $115 million "
        "Series B and Plimo' $153 million Series C this year.",
        {R("40000000")},
    ),
    (
        "possessive_rival_valuation",
        "Zorblo",
        "Zorblo is now valued at $9 billion, overtaking Quaxi's $7 billion valuation.",
        {V("9000000000")},
    ),
    ("possessive_own_round", "Zorblo", "Zorblo's $40 million Series B was led by Kobalt.", {R("40000000")}),
    # The possessor gives the money: the figure is still the company's round.
    (
        "possessive_investor_gives",
        "Zorblo",
        "Kobalt's $40 million investment in Zorblo closed on Monday.",
        {R("40000000")},
    ),
    # The gap between two figures is no figure of its own.
    (
        "delta_up_from",
        "Zorblo",
        "Zorblo is valued at about $4.8 billion in its new round, up roughly $500 million from its "
        "valuation in June.",
        {V("4800000000")},
    ),
    (
        "delta_fr_par_rapport",
        "Zorblo",
        "Zorblo a levé 20 millions d'euros, en hausse de 5 millions d'euros par rapport à son tour "
        "précédent.",
        {R("20000000", "EUR")},
    ),
    # A phrasal verb with "up" is still a raise.
    ("picks_up_is_a_raise", "Zorblo", "Zorblo picks up $40 million from Kobalt.", {R("40000000")}),
    # A flow per day or per month is no deal.
    (
        "rate_per_day",
        "Zorblo",
        "Zorblo, which raised $30 million last week, says its users trade about $14 billion per day.",
        {R("30000000")},
    ),
    ("rate_par_mois", "Zorblo", "Zorblo brûle 2 millions d'euros par mois.", set()),
    # The threshold that defines unicorns is not the company's value.
    (
        "unicorn_threshold_en",
        "Zorblo",
        "Zorblo raised $50 million, making it a unicorn, with a valuation of over one billion euros.",
        {R("50000000")},
    ),
    (
        "unicorn_threshold_fr_aside",
        "Zorblo",
        "Zorblo, une licorne (start-up valorisée plus d'un milliard de dollars), supprime 40 postes.",
        set(),
    ),
    (
        "unicorn_company_valued",
        "Zorblo",
        "Zorblo est valorisée à plus d'un milliard d'euros et rejoint le club des licornes.",
        {V("1000000000", "EUR")},
    ),
    # A person's fortune is no company's value.
    (
        "founders_net_worth",
        "Zorblo",
        "Zorblo is valued at $12 billion, which has grown its founders' combined net worth to an "
        "estimated $3.5 billion.",
        {V("12000000000")},
    ),
    # The cash a listing through a blank-check company brings is the company's new money.
    (
        "spac_merger_proceeds",
        "Zorblo",
        "Zorblo will go public by merging with Halcyon Acquisition Corp, a blank-check company. The deal "
        "should provide Zorblo with about $240 million in gross proceeds.",
        {R("240000000")},
    ),
    # Without a blank-check company, proceeds are not read as a round.
    (
        "proceeds_without_spac",
        "Zorblo",
        "The sale of its printing unit should provide Zorblo with about $240 million in gross proceeds.",
        set(),
    ),
    # Bare francs in a story of today are Swiss francs; before the euro, or beside other francs, no.
    ("bare_francs_today", "Zorblo", "Zorblo vient de lever 46 millions de francs.", {R("46000000", "CHF")}),
    ("bare_francs_before_euro", "Zorblo", "En 1998, Zorblo avait levé 46 millions de francs.", set()),
    (
        "bare_francs_beside_cfa",
        "Zorblo",
        "Zorblo a levé 460 millions de francs CFA. Son rival avait levé 300 millions de francs.",
        set(),
    ),
    # A name of two words written as one.
    (
        "joined_name",
        "Zorblo Health",
        "ZorbloHealth, created in 2015, said on Monday it closed a $189 million Series D round.",
        {R("189000000")},
    ),
    # Money gathered over a span of time is a total; a span that dates something else is not.
    (
        "span_total_en",
        "Zorblo",
        "In just six months, Zorblo has raised nearly $1 billion.",
        set(),
    ),
    (
        "span_total_fr",
        "Zorblo",
        "En quelque 6 années d'existence, Zorblo aura réussi à collecter 311 millions d'euros.",
        set(),
    ),
    (
        "span_dates_the_seed",
        "Zorblo",
        "Zorblo raised $20 million in a Series A led by Kobalt, two years after its seed.",
        {R("20000000")},
    ),
    # A year before the figure is a date, not the start of a range nor an amount in dollars.
    (
        "date_dash_figure",
        "Zorblo",
        "15 March 2026 – $1.9bn for cold storage operator Zorblo",
        {R("1900000000")},
    ),
    (
        "year_then_dollar_figure",
        "Zorblo",
        "In 2026 Zorblo raised $40 million, and in 2027 $90 million in a Series B.",
        {R("40000000"), R("90000000")},
    ),
    # A price paid for the company is not money it raises.
    ("price_for_company", "Zorblo", "Kobalt offers $1.9bn for cold storage operator Zorblo", set()),
    # Another company as the subject of reaching a value.
    (
        "rival_reaches_value_fr",
        "Zorblo",
        "Zorblo a levé 90 millions d'euros. Quaxi devrait atteindre une valorisation de plus de 5 milliards "
        "de dollars.",
        {R("90000000", "EUR")},
    ),
    (
        "rival_reached_value_en",
        "Zorblo",
        "Zorblo raised $90 million. Quaxi reached an $8 billion valuation after raising $400 million.",
        {R("90000000")},
    ),
    (
        "rival_which_was_valued",
        "Zorblo",
        "Zorblo could become the largest bank in Africa, overtaking Quaxi which was last valued at "
        "$2 billion.",
        set(),
    ),
    # The gain in value, and an acquisition's price, are not the company's valuation.
    (
        "more_valuable_by",
        "Zorblo",
        "Zorblo sold shares at a £273 billion valuation, becoming £78 billion ($100 billion) or 40% more "
        "valuable in a short span.",
        {V("273000000000", "GBP")},
    ),
    (
        "deal_valued_aside",
        "Zorblo",
        "Kobalt agreed to acquire Zorblo. The deal, valued at approximately €1.1 billion, closes in May.",
        set(),
    ),
    (
        "club_threshold",
        "Zorblo",
        "Zorblo now joins the club made up of Quaxi and Plimo, companies that have reached a $1 billion "
        "valuation.",
        set(),
    ),
    # What could have been raised, and money from lenders, are no round.
    (
        "aurait_pu",
        "Zorblo",
        "Les dirigeants ont renoncé à la clause d'extension qui aurait pu permettre à Zorblo de lever 16,5 "
        "millions d'euros de plus.",
        set(),
    ),
    (
        "lenders",
        "Zorblo",
        "Zorblo is set to receive at least $1.4 billion in financing from a group of lenders led by Kobalt.",
        set(),
    ),
    # The sum first aimed for is no round.
    (
        "initially_sought",
        "Zorblo",
        "The $675 million raised is a big increase over the $500 million initially sought by Zorblo.",
        {R("675000000")},
    ),
    (
        "initialement_vises",
        "Zorblo",
        "Zorblo a levé 30 millions d'euros, contre 20 millions d'euros initialement visés.",
        {R("30000000", "EUR")},
    ),
    # An investor's money into the company's capital, re-injected or received, is its round.
    (
        "injecte_a_son_capital",
        "Zorblo",
        "Zorblo change de braquet. La banque, via son fonds Kobalt VII, a injecté 200 millions de dollars à "
        "son capital.",
        {R("200000000")},
    ),
    (
        "vient_de_recevoir",
        "Zorblo",
        "Zorblo vient de recevoir 4,5 millions d'euros de Kobalt.",
        {R("4500000", "EUR")},
    ),
    (
        "reinjecte_dans",
        "Zorblo",
        "L'État réinjecte 9 millions d'euros dans Zorblo, une entreprise lyonnaise.",
        {R("9000000", "EUR")},
    ),
    # A dated part of a total is one of its rounds.
    (
        "dated_part_of_total",
        "Zorblo",
        "Zorblo a levé au total plus de 40 millions d'euros, dont 30 millions en décembre 2022.",
        {R("30000000", "EUR")},
    ),
    # A round's own total size is the round; the total it brings the company to is not.
    (
        "levee_montant_total",
        "Zorblo",
        "Zorblo réalise une levée de fonds d'un montant total brut de 40,5 millions d'euros, dont 36,5 "
        "millions d'euros auprès d'investisseurs spécialisés.",
        {R("40500000", "EUR")},
    ),
    (
        "brings_the_total_to",
        "Zorblo",
        "Zorblo has raised $40 million to bring the total capital invested to almost $200 million.",
        {R("40000000")},
    ),
    # A class of rounds by size is no round.
    (
        "rounds_above",
        "Zorblo",
        "Zorblo raised $40 million. Its lead investor has backed several financing rounds above $100 million "
        "this year.",
        {R("40000000")},
    ),
    # Another company's raise, after a long aside or a long apposition.
    (
        "rival_after_long_aside",
        "Zorblo",
        "Zorblo a levé 50 millions de dollars. Quaxi, une entreprise espagnole de six ans qui livre des "
        "repas au restaurant ainsi que des produits d'épicerie, a levé 600 millions de dollars en avril.",
        {R("50000000")},
    ),
    (
        "rival_long_apposition",
        "Zorblo",
        "Zorblo's round took the top spot from Quaxi, a security startup working on preventing email scams "
        "that raised a €65m round in 2019.",
        set(),
    ),
    # "a" after a valuation's words is English, not the French "à".
    (
        "valuation_following_a_round",
        "Zorblo",
        "Zorblo has reached an $11 billion valuation following a $270 million funding round from investors.",
        {V("11000000000"), R("270000000")},
    ),
    # A group of unicorns worth a sum together is no company's value.
    (
        "unicorns_worth_together",
        "Zorblo",
        "Zorblo joins the unicorns with Portuguese roots already worth over €34 billion together.",
        set(),
    ),
    # "at a price valuing it at": the price words belong to the valuation, the figure before is the round.
    (
        "a_un_prix_valorisant",
        "Zorblo",
        "Zorblo a indiqué mardi avoir levé 1,7 milliard d'euros à un prix valorisant l'entreprise 11,7 "
        "milliards d'euros après l'augmentation de capital.",
        {R("1700000000", "EUR"), V("11700000000", "EUR")},
    ),
    (
        "at_a_price_valuing",
        "Zorblo",
        "Zorblo raised $40 million at a price valuing it at $400 million.",
        {R("40000000"), V("400000000")},
    ),
    # A converted aside after the deal's own words is the same figure in another currency.
    (
        "converted_aside_after_round_words",
        "Zorblo",
        "On 12 May, Zorblo announced the close of its $2.1 billion Series B financing round, "
        "approximately RMB 15 billion.",
        {R("2100000000")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_frames(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("In just six months, Zorblo has raised nearly $1 billion.", "1000000000", "USD"),
        (
            "En quelque 6 années d'existence, Zorblo aura réussi à collecter 311 millions d'euros.",
            "311000000",
            "EUR",
        ),
    ],
)
def test_span_is_total(text: str, amount: str, currency: str) -> None:
    totals = {(f.amount, f.currency) for f in extract_facts(text, "Zorblo") if f.kind == "total_raised"}
    assert totals == {(Decimal(amount), currency)}


@pytest.mark.parametrize(
    "text",
    ["15 March 2026 – $1.9bn for Zorblo", "In 2026 $1.9bn went to Zorblo", "2026 - $1.9bn for Zorblo"],
)
def test_year_before_a_figure_is_no_amount(text: str) -> None:
    found = [(m.amount, m.currency, m.amount_max) for m in find_money(text)]
    assert found == [(Decimal("1900000000"), "USD", None)]
