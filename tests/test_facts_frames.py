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
        "Zorblo took in $42 million for its Series B. The same fund wrote cheques into Quaxi's $66 million "
        "Series B and Plimo' $91 million Series C last spring.",
        {R("42000000")},
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
        "Zorblo's owners now put its worth at $3.3 billion, up some $700 million from the spring.",
        {V("3300000000")},
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
        "Zorblo, which raised $30 million last week, settles close to $600 million per day for merchants.",
        {R("30000000")},
    ),
    ("rate_par_mois", "Zorblo", "Zorblo brûle 2 millions d'euros par mois.", set()),
    # The threshold that defines unicorns is not the company's value.
    (
        "unicorn_threshold_en",
        "Zorblo",
        "Zorblo raised $50 million and became a unicorn, a valuation above one billion dollars.",
        {R("50000000")},
    ),
    (
        "unicorn_threshold_fr_aside",
        "Zorblo",
        "Zorblo, devenue licorne (le nom des sociétés valant plus d'un milliard de dollars), recrute 40 "
        "ingénieurs.",
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
        "Zorblo is valued at $12 billion, and the stake has lifted the net worth of its two founders to "
        "about $2.9 billion each.",
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
    ("bare_francs_today", "Zorblo", "Zorblo vient d'obtenir 27 millions de francs.", {R("27000000", "CHF")}),
    ("bare_francs_before_euro", "Zorblo", "En 1998, Zorblo avait levé 46 millions de francs.", set()),
    (
        "bare_francs_beside_cfa",
        "Zorblo",
        "Zorblo a levé 460 millions de francs CFA. Son rival avait levé 300 millions de francs.",
        # CFA francs are read (West African with no Central African place named); the bare francs
        # beside them are no Swiss francs.
        {R("460000000", "XOF")},
    ),
    # A name of two words written as one.
    (
        "joined_name",
        "Zorblo Health",
        "ZorbloHealth, based in Porto, raised $72 million in a Series C round this week.",
        {R("72000000")},
    ),
    # A year before a figure is a date, not the start of a range nor an amount in dollars.
    (
        "date_dash_figure",
        "Zorblo",
        "2 June 2026 – $640m for grid battery maker Zorblo",
        {R("640000000")},
    ),
    (
        "year_then_dollar_figure",
        "Zorblo",
        "In 2026 Zorblo raised $40 million, and in 2027 $90 million in a Series B.",
        {R("40000000"), R("90000000")},
    ),
    # A price paid for the company is not money it raises.
    ("price_for_company", "Zorblo", "Kobalt offers $640m for grid battery maker Zorblo", set()),
    # Money gathered over a span of time is a total; a span that dates something else is not.
    ("span_total_en", "Zorblo", "Over the past three years Zorblo has raised $480 million.", set()),
    (
        "span_total_fr",
        "Zorblo",
        "En cinq ans, Zorblo a réuni 212 millions d'euros auprès de ses actionnaires.",
        set(),
    ),
    (
        "span_dates_the_seed",
        "Zorblo",
        "Zorblo raised $20 million in a Series A led by Kobalt, two years after its seed.",
        {R("20000000")},
    ),
    # Another company as the subject of reaching a value.
    (
        "rival_reaches_value_fr",
        "Zorblo",
        "Zorblo a levé 90 millions d'euros. Son concurrent Quaxi pourrait atteindre une valorisation de 4 "
        "milliards d'euros l'an prochain.",
        {R("90000000", "EUR")},
    ),
    (
        "rival_reached_value_en",
        "Zorblo",
        "Zorblo raised $90 million. Quaxi reached a $5 billion valuation in March with a $250 million round.",
        {R("90000000")},
    ),
    (
        "rival_which_was_valued",
        "Zorblo",
        "Zorblo may soon pass its rival Quaxi which was last valued at $3 billion by its backers.",
        set(),
    ),
    # The gain in value, and an acquisition's price, are not the company's valuation.
    (
        "more_valuable_by",
        "Zorblo",
        "Zorblo was valued at $180 billion in its tender, making it $45 billion (or 33%) more valuable "
        "than in January.",
        {V("180000000000")},
    ),
    (
        "deal_valued_aside",
        "Zorblo",
        "Kobalt will buy Zorblo. The deal, valued at approximately €900 million, should close in June.",
        set(),
    ),
    (
        "club_threshold",
        "Zorblo",
        "Zorblo enters the club of Baltic start-ups worth a $1 billion valuation, alongside Quaxi and Plimo.",
        set(),
    ),
    # What could have been raised, and money from lenders, are no round.
    (
        "aurait_pu",
        "Zorblo",
        "Sans le retrait d'un fonds, Zorblo aurait pu lever 12 millions d'euros cet automne.",
        set(),
    ),
    (
        "lenders",
        "Zorblo",
        "Zorblo has lined up $800 million of credit from a group of lenders led by Kobalt.",
        set(),
    ),
    # The sum first aimed for is no round.
    (
        "initially_sought",
        "Zorblo",
        "Zorblo closed its round at $310 million, well past the $200 million it had initially sought.",
        {R("310000000")},
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
        "Zorblo change d'échelle. Un fonds américain a injecté 35 millions d'euros à son capital.",
        {R("35000000", "EUR")},
    ),
    (
        "vient_de_recevoir",
        "Zorblo",
        "Zorblo vient de recevoir 6 millions d'euros de Kobalt.",
        {R("6000000", "EUR")},
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
        "Zorblo a levé au total plus de 64 millions d'euros, dont 25 millions en mars 2025.",
        {R("25000000", "EUR")},
    ),
    # A round's own total size is the round; the total it brings the company to is not.
    (
        "levee_montant_total",
        "Zorblo",
        "Zorblo annonce une augmentation de capital d'un montant total de 18 millions d'euros, dont 3 "
        "millions apportés par ses salariés.",
        {R("18000000", "EUR")},
    ),
    (
        "brings_the_total_to",
        "Zorblo",
        "Zorblo has raised $25 million, bringing the total it has raised to $110 million.",
        {R("25000000")},
    ),
    # A class of rounds by size is no round.
    (
        "rounds_above",
        "Zorblo",
        "Zorblo raised $40 million. The fund behind it has joined four deals over $250 million since June.",
        {R("40000000")},
    ),
    # Another company's raise, after a long aside or a long apposition.
    (
        "rival_after_long_aside",
        "Zorblo",
        "Zorblo a levé 50 millions de dollars. Quaxi, une société néerlandaise de dix ans qui loue des "
        "vélos cargo aux livreurs de toute l'Europe du Nord, a levé 600 millions de dollars en avril.",
        {R("50000000")},
    ),
    (
        "rival_long_apposition",
        "Zorblo",
        "Zorblo now ranks first, ahead of Quaxi, a robotics startup building arms for warehouse picking "
        "that raised a €48m round last year.",
        set(),
    ),
    # "a" after a valuation's words is English, not the French "à".
    (
        "valuation_following_a_round",
        "Zorblo",
        "Zorblo hit a $6 billion valuation following a $150 million round, people close to it said.",
        {V("6000000000"), R("150000000")},
    ),
    # A group of unicorns worth a sum together is no company's value.
    (
        "unicorns_worth_together",
        "Zorblo",
        "Zorblo joins the Baltic unicorns already worth over €20 billion together.",
        set(),
    ),
    # "at a price valuing it at": the price words belong to the valuation, the figure before is the round.
    (
        "a_un_prix_valorisant",
        "Zorblo",
        "Zorblo a bouclé une levée de 300 millions d'euros à un prix valorisant la société 2,4 milliards "
        "d'euros.",
        {R("300000000", "EUR"), V("2400000000", "EUR")},
    ),
    (
        "at_a_price_valuing",
        "Zorblo",
        "Zorblo raised $40 million at a price valuing it at $400 million.",
        {R("40000000"), V("400000000")},
    ),
    # "become a $4 billion company": what the company is worth; a class of such companies is not.
    (
        "a_billion_dollar_company",
        "Zorblo",
        "Zorblo, the Danish maker of smart locks, is poised to become a $4 billion company after its next "
        "round, a newspaper reported.",
        {V("4000000000")},
    ),
    (
        "billion_dollar_companies_plural",
        "Zorblo",
        "Few founders can say they built $1-billion software companies at home, Zorblo's chief said.",
        set(),
    ),
    (
        "valued_at_a_staggering",
        "Zorblo",
        "Zorblo is a private company valued at a staggering $90 billion.",
        {V("90000000000")},
    ),
    # A converted aside after the deal's own words is the same figure in another currency.
    (
        "converted_aside_after_round_words",
        "Zorblo",
        "Zorblo said on Tuesday it has closed a $500 million Series C round, roughly CNY 3.6 billion.",
        {R("500000000")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_frames(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Over the past three years Zorblo has raised $480 million.", "480000000", "USD"),
        ("En cinq ans, Zorblo a réuni 212 millions d'euros auprès de ses actionnaires.", "212000000", "EUR"),
    ],
)
def test_span_is_total(text: str, amount: str, currency: str) -> None:
    totals = {(f.amount, f.currency) for f in extract_facts(text, "Zorblo") if f.kind == "total_raised"}
    assert totals == {(Decimal(amount), currency)}


@pytest.mark.parametrize(
    "text",
    ["2 June 2026 – $640m for Zorblo", "In 2026 $640m went to Zorblo", "2026 - $640m for Zorblo"],
)
def test_year_before_a_figure_is_no_amount(text: str) -> None:
    found = [(m.amount, m.currency, m.amount_max) for m in find_money(text)]
    assert found == [(Decimal("640000000"), "USD", None)]
