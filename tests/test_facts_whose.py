"""Whose figure it is when another company is the subject in a way the raise verbs alone miss: a
subject who means to raise, a French subject after its verb, a roundup entry, the agent of a passive,
and a list of rounds "for" described companies. Invented cases, each a phenomenon of real coverage."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_facts_frames import Expected, R, V, _facts
from watcher.facts import extract_facts
from watcher.facts.names import _is_place

CASES: list[tuple[str, str, str, Expected]] = [
    # A subject who means to raise owns the figure, as one who raised does.
    ("intent_rival_en", "Zorblo", "Quaxi plans to raise $85 million before the summer.", set()),
    ("intent_rival_fr", "Zorblo", "Quaxi prévoit de lever 18 millions d'euros d'ici l'automne.", set()),
    (
        "intent_rival_fr_apprete",
        "Zorblo",
        "Pour s'étendre en Espagne, Quaxi s'apprête à lever 55 millions d'euros.",
        set(),
    ),
    (
        "intent_rival_after_apposition",
        "Zorblo",
        "Brisk Capital, a second fund from Nantes, expects to close a €90m fundraising by spring.",
        set(),
    ),
    (
        "intent_rival_among",
        "Zorblo",
        "Quaxi was among the Glasgow healthtech startups to secure big funding in 2023, raising £48 million.",
        set(),
    ),
    ("intent_own", "Zorblo", "Zorblo plans to raise $85 million before the summer.", {R("85000000")}),
    # An investor's intent is not a raise: the round stays the company's.
    (
        "intent_investor_leads",
        "Zorblo",
        "Kobalt is in early talks to lead a $25 million round.",
        {R("25000000")},
    ),
    # French puts the subject after the verb in an object relative.
    (
        "inverted_relative_rival",
        "Zorblo",
        "Ce sont 42 millions d'euros que vient de lever Quaxi, spécialiste des drones agricoles.",
        set(),
    ),
    (
        "inverted_relative_own",
        "Zorblo",
        "Ce sont 42 millions d'euros que vient de lever Zorblo, spécialiste des drones agricoles.",
        {R("42000000", "EUR")},
    ),
    # A roundup's entry: the name, then "with a raise of".
    (
        "roundup_entry_rival",
        "Zorblo",
        "Sur la deuxième marche se place Quaxi Robotics, avec une levée de 8,5 millions d'euros.",
        set(),
    ),
    (
        "roundup_entry_own",
        "Zorblo",
        "Sur la première marche se place Zorblo, avec une levée de 14 millions d'euros.",
        {R("14000000", "EUR")},
    ),
    # Who announced a raise is who made it.
    (
        "passive_agent_rival",
        "Zorblo",
        "Kobalt avait aussi participé au tour de 210 millions d'euros annoncé jeudi par Quaxi.",
        set(),
    ),
    (
        "passive_agent_own",
        "Zorblo",
        "Kobalt avait aussi participé au tour de 210 millions d'euros annoncé jeudi par Zorblo.",
        {R("210000000", "EUR")},
    ),
    # A list of rounds, each "for" a company its descriptor names: each is that company's round.
    (
        "rounds_for_described_companies",
        "Zorblo",
        "The week's other big deals were $95 million for insurance startup Zorblo and $70 million for "
        "logistics unicorn Quaxi.",
        {R("95000000")},
    ),
    (
        "rounds_for_described_companies_second",
        "Zorblo",
        "The week's other big deals were $95 million for insurance startup Quaxi and $70 million for "
        "logistics unicorn Zorblo.",
        {R("70000000")},
    ),
    # A raise participle, then "by" and a descriptor: the described company raised it.
    (
        "garnered_by_described_rival",
        "Zorblo",
        "Zorblo raised $260 million, the week's largest sum, topping the $180 million garnered by Mexican "
        "lender Quaxi.",
        {R("260000000")},
    ),
    # ... but a figure estimated "by the data provider X" is still the company's.
    (
        "estimated_by_provider",
        "Zorblo",
        "The valuation of Zorblo is estimated at €750 million by the data provider Pitchfold.",
        {V("750000000", "EUR")},
    ),
    # The French genitive after the amount names whose raise it is.
    (
        "raise_of_rival_after_amount",
        "Zorblo",
        "Au pied du podium, la levée de 3,5 millions d'euros de Quaxi menée par Kobalt complète le "
        "classement.",
        set(),
    ),
    (
        "financing_from_funder_after_amount",
        "Zorblo",
        "Zorblo obtient un financement de 2,5 millions d'euros de Kobalt Invest.",
        {R("2500000", "EUR")},
    ),
    # A present-tense French raise verb and a name in quotes are subjects too.
    (
        "present_tense_cloture",
        "Zorblo",
        "(Nantes/Medtech) – Quaxi Surgical clôture une levée d'amorçage de près de 4 M€.",
        set(),
    ),
    (
        "quoted_name_subject",
        "Zorblo",
        "En tête du classement hebdomadaire figure « Quaxi », qui a pu récolter 23 millions d'euros "
        "auprès de Kobalt.",
        set(),
    ),
    # "pocketed" is a raise: the figure after it is a round, not the valuation named before.
    (
        "pocketed_is_a_round",
        "Zorblo",
        "Zorblo is now valued at £900m, a third below the price agreed when it pocketed £75m in March 2021.",
        {V("900000000", "GBP"), R("75000000", "GBP")},
    ),
    # Gaps and cash held are no deal.
    (
        "cut_off_valuation",
        "Zorblo",
        "Quaxi's stock market debut went badly, wiping more than 3 billion euros off the company's "
        "valuation.",
        set(),
    ),
    (
        "cash_on_hand",
        "Zorblo",
        "Zorblo raised $320 million in 2022 and still holds $150 million of cash on hand.",
        {R("320000000")},
    ),
    (
        "more_since_earlier_round",
        "Zorblo",
        "After the deal Zorblo's valuation stands at $8 billion, some $2 billion more since the previous "
        "round.",
        {V("8000000000")},
    ),
    # A rival who announces a raise is its subject; the tracked company announcing keeps its own.
    ("rival_announces_fr", "Zorblo", "Quaxi annonce une levée de 9 millions d'euros pour l'Europe.", set()),
    (
        "rival_reports_fr",
        "Zorblo",
        "Sur l'exercice 2023, Quaxi Capital fait état d'une levée de 800 M€.",
        set(),
    ),
    ("rival_announces_en", "Zorblo", "Quaxi announces $9M Series A for its Asian expansion", set()),
    (
        "own_announces_fr",
        "Zorblo",
        "Zorblo annonce une levée de 9 millions d'euros pour l'Europe.",
        {R("9000000", "EUR")},
    ),
    # No round above a threshold is no round.
    (
        "no_raise_above",
        "Zorblo",
        "Le mois compte 9 opérations pour 25 millions d'euros, mais aucune levée à plus de 5 millions "
        "d'euros.",
        set(),
    ),
    # What a possessor buys is its own deal.
    (
        "possessor_acquisition_deal",
        "Zorblo",
        "Zorblo confirms $400M funding following Quaxi's $12B acquisition deal",
        {R("400000000")},
    ),
    # A sentence opener is no company: the pronoun after it still stands for the company described.
    (
        "opener_is_no_company",
        "Zorblo",
        "Parmi ces lauréates, la medtech lyonnaise Zorblo fabrique des capteurs. Elle vient de finaliser "
        "une série A de 11 millions d'euros menée par Kobalt Capital.",
        {R("11000000", "EUR")},
    ),
    # The target of an investment after the adjectives of its descriptor.
    (
        "target_after_descriptor_adjectives",
        "Zorblo",
        "An investment of over $600 million in Swedish electric aviation startup Zorblo is being led by "
        "Kobalt.",
        {R("600000000")},
    ),
    (
        "rival_target_after_descriptor_adjectives",
        "Zorblo",
        "An investment of over $600 million in Swedish electric aviation startup Quaxi is being led by "
        "Kobalt.",
        set(),
    ),
    # An investor just introduced as the company's puts money in without naming it again.
    (
        "introduced_investor_injects",
        "Zorblo",
        "Kobalt Industries entre au capital de l'entreprise comme actionnaire de référence. Kobalt injecte "
        "40 millions d'euros d'argent frais, et rachète pour 15 millions de titres existants.",
        {R("40000000", "EUR")},
    ),
    (
        "introduced_shareholder_invests",
        "Zorblo",
        "Zorblo a accueilli Kobalt Partners comme actionnaire minoritaire. "
        "Kobalt investit 12 millions d'euros.",
        {R("12000000", "EUR")},
    ),
    # ... not an investor of another company, nor one whose round was just given (its ticket).
    (
        "introduced_investor_of_rival",
        "Zorblo",
        "Kobalt Partners has backed Quaxi since its seed. Kobalt invested $15 million in 2022.",
        set(),
    ),
    (
        "introduced_with_its_round",
        "Zorblo",
        "After leading a €600 million round, Kobalt is now Zorblo's largest shareholder. Kobalt reportedly "
        "invested €450 million.",
        {R("600000000", "EUR")},
    ),
    # "led by" an investor named with its descriptor: the apposition after it is the company raising.
    (
        "led_by_described_investor_then_apposition",
        "Zorblo",
        "Zorblo, founded in 2016, has raised $210 million in total. In its latest round, led by growth "
        "equity firm Kobalt Capital, the Peruvian insurtech raised $90 million.",
        {R("90000000")},
    ),
    # The target of an investment after its descriptor: an app, a group.
    (
        "target_app_descriptor",
        "Zorblo",
        "A $700-million investment by Kobalt in Southeast Asian ride-hailing app Zorblo is expected this "
        "week.",
        {R("700000000")},
    ),
    (
        "target_group_descriptor",
        "Zorblo",
        "Kobalt will invest $2.5 billion in Qatari cloud computing group Zorblo.",
        {R("2500000000")},
    ),
    # "du" and an adjective between the amount and whose raise it is.
    (
        "raise_of_du_adjective_own",
        "Zorblo",
        "La santé domine encore, dont la série A de 12 M€ du lillois Zorblo en avril.",
        {R("12000000", "EUR")},
    ),
    (
        "raise_of_du_adjective_rival",
        "Zorblo",
        "La santé domine encore, dont la série A de 12 M€ du lillois Quaxi en avril.",
        set(),
    ),
    # Plural subjects and a relative clause after a name: the names' raise.
    (
        "plural_subjects_each_raised",
        "Zorblo",
        "Deux jeunes pousses se partagent la deuxième place : Plimo et Quaxi Labs qui ont chacune levé "
        "6 millions d'euros.",
        set(),
    ),
    (
        "fund_relative_clause_closing",
        "Zorblo",
        "Le fonds Kobalt Ventures, qui a finalisé en juin un premier closing à 35 millions d'euros, "
        "est aussi de la partie.",
        set(),
    ),
    (
        "own_relative_clause",
        "Zorblo",
        "Zorblo, qui a bouclé une levée de 15 millions d'euros en janvier, ouvre un bureau à Madrid.",
        {R("15000000", "EUR")},
    ),
    # The agent of "effectuée par", and a descriptor's adjectives after it.
    (
        "passive_effectuee_par",
        "Zorblo",
        "Parmi les opérations du semestre figurent une levée de 60 millions d'euros réalisée par Quaxi, "
        "un industriel alsacien, et une autre de 14 millions effectuée par Plimo, une société niçoise.",
        set(),
    ),
    (
        "obtained_by_descriptor_adjective",
        "Zorblo",
        "Le montant reste bien en deçà des 33 millions d'euros obtenus par la scale-up lilloise Quaxi l'an "
        "dernier.",
        set(),
    ),
    # The second part of a list after "dont" is a part too.
    (
        "component_list_second_part",
        "Zorblo",
        "Zorblo annonce une levée de fonds de 22,4 millions d'euros, dont 18,2 millions d'euros auprès "
        "d'investisseurs institutionnels et 4,2 millions d'euros de business angels.",
        {R("22400000", "EUR")},
    ),
    # ... but a new clause after the list is not.
    (
        "component_list_then_plan",
        "Zorblo",
        "Zorblo a levé 25 M€, dont 8 M€ de Kobalt, et prévoit d'en lever 15 M€ l'an prochain.",
        {R("25000000", "EUR"), R("15000000", "EUR")},
    ),
    # The most an offering may reach if its options are used is not what it raised.
    (
        "upsize_option_ceiling",
        "Zorblo",
        "Zorblo vise une levée de fonds de 60 M€, montant pouvant être porté à environ 79 M€ au maximum "
        "en cas d'exercice de l'option de surallocation.",
        {R("60000000", "EUR")},
    ),
    # Money "apportés par / invested by" investors is the round of the sentence's company.
    (
        "passive_investors_own",
        "Zorblo",
        "Zorblo a finalisé son financement : 18 millions d'euros apportés par Kobalt et Quaxi Capital.",
        {R("18000000", "EUR")},
    ),
    (
        "passive_investors_rival",
        "Zorblo",
        "Quaxi a finalisé son financement : 18 millions d'euros apportés par Kobalt et Plimo Capital.",
        set(),
    ),
    (
        "passive_invested_by_en",
        "Zorblo",
        "The Berlin fintech Zorblo now counts $35 million invested by Kobalt.",
        {R("35000000")},
    ),
    # ... but one investor's share of a stated round stays a part of it.
    (
        "passive_share_of_round",
        "Zorblo",
        "Zorblo a réuni 900 millions d'euros, dont 600 millions apportés par Kobalt.",
        {R("900000000", "EUR")},
    ),
    # The company's own investors put money into it; a rival's own investors into the rival.
    (
        "own_shareholders_invested",
        "Zorblo",
        "Ahead of the new round, Zorblo's existing investors, Kobalt and Plimo among them, invested "
        "more than $60m in 2021.",
        {R("60000000")},
    ),
    (
        "rival_shareholders_invested",
        "Zorblo",
        "Quaxi's existing investors invested more than $60m in 2021.",
        set(),
    ),
    (
        "ses_actionnaires_reinjectent",
        "Zorblo",
        "Zorblo accélère. Ses actionnaires historiques ont réinjecté 8 millions d'euros dans l'entreprise.",
        {R("8000000", "EUR")},
    ),
    # A price paid for a company is no round, whatever words its name or description carry.
    (
        "bought_company_with_cue_in_name",
        "Zorblo Capital",
        "Kobalt acquired the Dutch infrastructure investment firm Zorblo Capital for $2.1 billion - 1.6B in "
        "shares and 500M in cash.",
        set(),
    ),
    (
        "bought_rival_after_own_round",
        "Zorblo",
        "Zorblo raised $75 million, some of which it used to buy Quaxi for $15 million.",
        {R("75000000")},
    ),
    # ... but a stake bought in the company is an investment in it.
    (
        "bought_stake_is_investment",
        "Zorblo",
        "Kobalt bought a stake in Zorblo for $18 million in its Series A.",
        {R("18000000")},
    ),
    # A cue word inside the company's own name says nothing of the figure.
    ("cue_in_own_name_round", "Zorblo Capital", "Zorblo Capital has raised $45 million.", {R("45000000")}),
    # "valorisation ..., à X": the valuation's figure, whatever round words come between.
    (
        "valorisation_then_a_figure",
        "Zorblo",
        "Zorblo a obtenu 350 millions de dollars. Une valorisation qui recule de 70 % par rapport à son "
        "précédent tour de table, bouclé en mars 2022, à 12,4 milliards de dollars.",
        {R("350000000"), V("12400000000")},
    ),
    # A company's years of existence make what it gathered a total.
    (
        "years_of_existence_total",
        "Zorblo",
        "En 9 ans d'existence, Zorblo a réussi à collecter près de 140 millions d'euros.",
        set(),
    ),
    # "included" after a round still makes its part a component, not a second round.
    (
        "round_included_a_ticket",
        "Zorblo",
        "Zorblo raised $45 million, which included $10 million from Kobalt.",
        {R("45000000")},
    ),
    # A place after "in"/"to"/"à" is where the money goes or is spent, never whom it goes to.
    ("place_expand_in", "Zorblo", "Zorblo raises USD 4.2m to expand in Tanzania", {R("4200000")}),
    (
        "place_two_countries",
        "Zorblo",
        "Ugandan agritech Zorblo raises $7m to grow in Rwanda and Zambia",
        {R("7000000")},
    ),
    (
        "place_before_described_firm",
        "Zorblo",
        "Kobalt has put $900 million into the Qatar robotics firm Zorblo.",
        {R("900000000")},
    ),
    (
        "place_in_description",
        "Zorblo",
        "Zorblo a levé 210 millions d'euros ; l'opération valorise la société, implantée à Lisbonne et à "
        "Madrid, 1,9 milliard d'euros.",
        {R("210000000", "EUR"), V("1900000000", "EUR")},
    ),
    # A place still stands for no company where it owns the money: a country's tally, a city's start-ups.
    ("place_owns_tally", "Zorblo", "Zorblo sells ovens. Peru's startups raised $140m last year.", set()),
    (
        "place_city_startups",
        "Zorblo",
        "Les start-up industrielles de Grenoble se partagent une enveloppe de 4 M€.",
        set(),
    ),
    ("place_invested_in", "Zorblo", "Zorblo sells ovens. Kobalt has invested $2 billion in Vietnam.", set()),
    # Money raised by many companies, or in a whole place, is a tally.
    (
        "tally_raised_by_startups",
        "Zorblo",
        "Zorblo vend des fours. Au total, 1,3 milliard d'euros levés par les jeunes pousses du secteur "
        "sont recensés cette année.",
        set(),
    ),
    (
        "tally_raised_in_place",
        "Zorblo",
        "Zorblo sells ovens. March ended with $640m raised in Portugal.",
        set(),
    ),
    # A threshold that raises are measured against is no raise.
    (
        "threshold_cap",
        "Zorblo",
        "Zorblo vend des fours. Sur le trimestre, seules trois sociétés ont franchi la barre des 20 "
        "millions d'euros.",
        set(),
    ),
    # A roundup's entry: a few words of ranking between the name and its raise.
    (
        "roundup_ranked_entry",
        "Zorblo",
        "Zorblo vend des fours. La medtech nantaise Quaxi arrive troisième avec une levée de 4 millions "
        "d'euros.",
        set(),
    ),
    (
        "fundraise_for",
        "Zorblo",
        "Zorblo sells ovens. Analysts expect the fundraise for Quaxi to value it at £800m.",
        set(),
    ),
    # A name opening the sentence with its apposition is the subject, and what "it" stands for there.
    (
        "appositive_subject_rival",
        "Zorblo",
        "Zorblo sells ovens. Quaxi, a lender from Porto, carries a $9 billion price tag because it raised "
        "$310 million in June.",
        set(),
    ),
    (
        "appositive_subject_own",
        "Zorblo",
        "Zorblo, a lender from Porto, carries a $9 billion valuation because it raised $310 million in June.",
        {R("310000000"), V("9000000000")},
    ),
    (
        "appositive_subject_next_sentence",
        "Zorblo",
        "Zorblo sells ovens. Quaxi, a lender from Porto, keeps hiring. It raised $310 million.",
        set(),
    ),
    # Wire copy wrapped mid-sentence is read as one sentence, not a headline and a paragraph.
    (
        "hard_wrapped_lines",
        "Zorblo",
        "Zorblo sells ovens in Chile.\nIts newest backers valued the firm at $2.3 billion in\na funding "
        "round that closed in March.",
        {V("2300000000")},
    ),
    # A company's spending plan is no round.
    (
        "planned_investment",
        "Zorblo",
        "Zorblo will open two plants in Bolivia, a planned investment of $45 million.",
        set(),
    ),
    (
        "investissement_prevu",
        "Zorblo",
        "Un investissement prévu de 30 M€ doit permettre à Zorblo d'ouvrir deux sites au Maroc.",
        set(),
    ),
    # A company that became a unicorn may state its own worth.
    (
        "unicorn_own_value",
        "Zorblo",
        "Zorblo joined the unicorns this spring; its valuation now tops $1 billion after an $85 million "
        "raise.",
        {V("1000000000"), R("85000000")},
    ),
    # The dative pronoun receives the money.
    (
        "dative_lui_apporter",
        "Zorblo",
        "Zorblo franchit un cap. Deux fonds belges ont accepté de lui apporter 17 millions d'euros.",
        {R("17000000", "EUR")},
    ),
    # A sum to enable a company named after it.
    (
        "pour_permettre_a",
        "Zorblo",
        "5 M€ pour permettre à Zorblo d'ouvrir une usine en Alsace.",
        {R("5000000", "EUR")},
    ),
    # The one cheque a company receives is its round.
    (
        "received_ticket",
        "Zorblo",
        "Zorblo a obtenu de Kobalt Partners un ticket de 8 millions de dollars, son premier.",
        {R("8000000")},
    ),
    ("investor_tickets", "Zorblo", "Zorblo vend des fours. Kobalt signe des tickets de 2 à 5 M€.", set()),
    # The same sum again after the text said it was debt.
    (
        "repeated_debt",
        "Zorblo",
        "Zorblo a emprunté 41 millions de dollars en dette bancaire en mars. Ces 41 millions de dollars "
        "levés financeront ses entrepôts.",
        set(),
    ),
    # A blank-check company's own listing money is no round; a merger's proceeds for the target are.
    (
        "spac_own_listing",
        "Zorblo",
        "Zorblo, un Spac coté à Paris, compte lever 120 M€ auprès d'investisseurs.",
        set(),
    ),
    (
        "spac_deal_gives_target",
        "Zorblo",
        "Zorblo sells music. Its tie-up with a SPAC that is raising money would give Zorblo about €300 "
        "million.",
        {R("300000000", "EUR")},
    ),
    # A legal form's full stop ends another company's name, which stays the subject.
    (
        "legal_form_dot",
        "Zorblo",
        "Zorblo makes drugs. Pelican Bio Inc. landed $31 million from four funds.",
        set(),
    ),
    (
        "legal_form_after_comma",
        "Pelican Bio",
        "Pelican Bio, Inc., a drug developer, today announced the close of its $40 million Series B.",
        {R("40000000")},
    ),
    (
        "legal_form_dot_own",
        "Zorblo",
        "Zorblo Inc. landed $31 million from four funds.",
        {R("31000000")},
    ),
    # A short parenthesis between a name and its relative; a relative without a comma.
    (
        "parenthesis_then_which",
        "Zorblo",
        "Zorblo makes apps. Winners included Pelican (insurtech), which landed $75 million at a $900 million "
        "valuation.",
        set(),
    ),
    (
        "name_who_received",
        "Zorblo",
        "Zorblo received $12m from Kobalt; next comes solar, thanks to Pelican Power who received a $9m "
        "investment from Arvel.",
        {R("12000000")},
    ),
    # A joiner ends no name: "in May of last year" is a date.
    (
        "joiner_ends_no_name",
        "Zorblo",
        "When Zorblo last raised money -- $140 million in May of last year -- investors valued it at $2 "
        "billion.",
        {R("140000000"), V("2000000000")},
    ),
    # A fund's last close, an offering's greenshoe: no company's round.
    (
        "fund_final_close",
        "Zorblo",
        "Zorblo makes apps. Arvel Fund III hit its hard cap: the final close came at €90 million.",
        set(),
    ),
    # Progress towards a sum sought, and the sum sought in that frame.
    (
        "progress_out_of",
        "Zorblo",
        "Zorblo compte 60.000 euros promis sur les 150.000 euros qu'il vise, première étape d'un tour de "
        "1,8 million d'euros.",
        {R("1800000", "EUR")},
    ),
    # A carried currency after a round noun and "à".
    (
        "round_at_carried_currency",
        "Zorblo",
        "Cinq jeunes pousses de Lausanne ont franchi les 5 millions de francs. Zorblo, la plus récente, a "
        "clos un tour de table à 14 millions.",
        {R("14000000", "CHF")},
    ),
    # Headline verbs and symbols.
    (
        "banks_headline",
        "Zorblo",
        "The Week in Foodtech: Zorblo banks $17m; Kobalt scraps IPO",
        {R("17000000")},
    ),
    ("code_spaced_scale", "Zorblo", "Zorblo had raised USD 23.5 M in Series B funding.", {R("23500000")}),
    ("symbol_after_de", "Zorblo", "Zorblo lève 2,4 millions d’€ pour son usine.", {R("2400000", "EUR")}),
    # Markdown bold around a roundup's names hides nothing.
    (
        "markdown_bold_names",
        "Zorblo",
        "Zorblo makes tea. Other rounds included **Pelican Jewels**, which secured $5.5 million.",
        set(),
    ),
    # A market's change before its level; a span of dates before the agent of "raised".
    (
        "tally_change_then_level",
        "Zorblo",
        "Zorblo makes tea. Venture funding in the region jumped 40% to 210 billion yen last year.",
        set(),
    ),
    (
        "tally_raised_between_dates_by",
        "Zorblo",
        "Zorblo makes tea. That is double the $35 Mn raised between May 2 and May 8 by local startups.",
        set(),
    ),
    # The round named right after the sum is the company it is "for".
    (
        "round_for_named_after",
        "Zorblo",
        "Zorblo makes tea. Its backer also joined a $120 million Series D for Pelican, a maker of robots.",
        set(),
    ),
    # A descriptor led by a capitalised adjective opens the sentence before another company's name.
    (
        "capitalised_descriptor_opener",
        "Zorblo",
        "Zorblo makes tea. Online jewellery platform Pelican also reached unicorn status by raising $40 "
        "million at a valuation of $1.1 billion.",
        set(),
    ),
    # Where a company comes from is not whose money it is.
    (
        "origin_not_owner",
        "Zorblo",
        "Zorblo, une entreprise issue de l'Institut Kobalt, a levé 4,1 millions de francs auprès d'une "
        "fondation genevoise.",
        {R("4100000", "CHF")},
    ),
    # A new "mise de fonds" by the shareholders is a round.
    (
        "mise_de_fonds",
        "Zorblo",
        "Les actionnaires de Zorblo viennent de procéder à une nouvelle mise de fonds de 2,9 M€.",
        {R("2900000", "EUR")},
    ),
    # A continent or a world region is where money goes, never whom it goes to.
    (
        "region_is_where",
        "Zorblo",
        "Zorblo landed $7 million for its expansion in Asia.",
        {R("7000000")},
    ),
    (
        "continent_is_where_fr",
        "Zorblo",
        "Zorblo a levé 12 millions d'euros pour ouvrir des bureaux en Afrique.",
        {R("12000000", "EUR")},
    ),
    # A relative clause gives the name before it the money: in brackets, or with "that".
    (
        "bracketed_which",
        "Zorblo",
        "Zorblo has secured $4 million. Kandu and Pelvora (which closed a $90 million Series B in May) back "
        "the company.",
        {R("4000000")},
    ),
    (
        "it_was_x_that_raised",
        "Zorblo",
        "Zorblo has secured $4 million. Last month it was Quorvex that raised $35 million.",
        {R("4000000")},
    ),
    # An opening subject is no investor for a round "led by" a fund further along.
    (
        "subject_of_a_round_led_by",
        "Zorblo",
        "Zorblo has secured $4 million. Quorvex, the freight app from Lyon, topped the week with $35 million "
        "in a Series B round led by Accel.",
        {R("4000000")},
    ),
    (
        "investor_subject_still_invests",
        "Zorblo",
        "Zorblo makes drones. Brisk Capital, a fund from Oslo, led a $35 million round in Zorblo.",
        {R("35000000")},
    ),
    # A roundup that has moved on: the company named two paragraphs back, in a text that does not open on
    # it, owns no figure of a sentence that names nobody.
    (
        "roundup_moved_on",
        "Zorblo",
        "A busy week for fleet software. Deal counts rose again.\n\nZorblo, a route planner, closed a $6 "
        "million seed round.\n\nTelematics: another week of deals\n\nThe biggest cheque of the week was a "
        "$120 million round for a German battery maker.",
        {R("6000000")},
    ),
    # Names joined into one subject raised the sum between them: no one's round ("each" aside).
    (
        "joint_subject_en",
        "Zorblo",
        "Zorblo builds forklifts. Zorblo and Quaxi together raised $30 million last year.",
        set(),
    ),
    (
        "joint_subject_fr",
        "Zorblo",
        "Ensemble, Plimo et Zorblo ont levé 300 millions d'euros en quatre ans.",
        set(),
    ),
    (
        "joint_subject_each",
        "Zorblo",
        "Quaxi et Zorblo ont levé respectivement 5 et 8 millions d'euros.",
        {R("8000000", "EUR")},
    ),
    (
        "joint_subject_each_raised",
        "Zorblo",
        "Plimo et Zorblo ont chacune bouclé un tour de 3 millions d'euros.",
        {R("3000000", "EUR")},
    ),
    # A roundup's entries "Name (sum)", the company's field between them or not, two of them where the
    # sentence says they are deals: each sum is its company's.
    (
        "entries_with_field",
        "Zorblo",
        "Les deux plus grosses levées du trimestre : Zorblo dans le fret (65 millions d'euros) et Quaxi "
        "dans la robotique (40 millions).",
        {R("65000000", "EUR")},
    ),
    (
        "two_entries_deals",
        "Zorblo",
        "Two deals topped the month, Zorblo ($95 million) ahead of Quaxi ($60 million).",
        {R("95000000")},
    ),
    (
        "both_raise",
        "Zorblo",
        "Zorblo and Quaxi have both closed $40 million rounds this month.",
        {R("40000000")},
    ),
    # Emoji flags between a name and its verb hide neither.
    (
        "emoji_flag_after_name",
        "Zorblo",
        "Zorblo 🇵🇹 is hiring. Meanwhile Quaxi 🇰🇪 closed $3 million from two local funds.",
        set(),
    ),
    # An apposition's participle gives the name before it its worth.
    (
        "apposition_valued",
        "Zorblo",
        "Zorblo raised $2 million from Kobalt, a lender valued recently at about $4 billion.",
        {R("2000000")},
    ),
    # A criterion in brackets is no round.
    (
        "criterion_in_brackets",
        "Zorblo",
        "Zorblo raised $20 million. Deals of this size (over $100M) were rare in the region last year.",
        {R("20000000")},
    ),
    # "the company's" in a sentence opened by another company is that company's.
    (
        "possessive_company_is_the_opening_name",
        "Zorblo",
        "Zorblo raised $20 million. Kobalt, a courier app from Oslo, let staff sell shares last year; the "
        "company's $90 million Series C came in March.",
        {R("20000000")},
    ),
    # "the three-year-old Kobalt" opens its sentence as its subject.
    (
        "article_adjective_name",
        "Zorblo",
        "Zorblo raised $20 million. Earlier this year, the fast-growing Kobalt sold shares at a valuation of "
        "$3.2 billion.",
        {R("20000000")},
    ),
    # A place opening the sentence as its subject: a place's tally.
    (
        "place_subject",
        "Zorblo",
        "Zorblo raised $20 million. Behind it, Porto drew $41 million in funding.",
        {R("20000000")},
    ),
    # A possessive owns the figure past an adjective or two, and a capitalised opener is no part of it.
    (
        "possessive_adjective",
        "Zorblo",
        "Extensions were common: Quaxi's record $12 million top-up, Zorblo's generous $25 million add-on.",
        {R("25000000")},
    ),
    (
        "possessive_after_opener",
        "Zorblo Freight Systems",
        "A fund sold its stake in Zorblo Freight Systems (ZFS) this week. Following ZFS's hefty $40 million "
        "Series B, the fund cashed out.",
        {R("40000000")},
    ),
    # A credit facility is debt, in French too.
    (
        "facilite_de_credit",
        "Zorblo",
        "Zorblo a obtenu une facilité de crédit de 25 millions d'euros auprès de trois banques.",
        set(),
    ),
    # Collective subjects: an elided article, adverbs between subject and verb, a count of rounds, money
    # collected by many companies.
    (
        "ecosysteme_elided",
        "Zorblo",
        "Zorblo a levé 2 millions d'euros en mars. Sur l'année, l'écosystème start-up local a mobilisé 40 "
        "millions d'euros.",
        {R("2000000", "EUR")},
    ),
    (
        "jeunes_pousses_collectivement",
        "Zorblo",
        "Zorblo a levé 2 millions d'euros. Une vingtaine de jeunes pousses de la région ont ainsi levé "
        "collectivement 60 millions d'euros.",
        {R("2000000", "EUR")},
    ),
    (
        "en_n_rondes",
        "Zorblo",
        "Zorblo a levé 2 millions de francs. La medtech, elle, a attiré 300 millions de francs en 45 rondes.",
        {R("2000000", "CHF")},
    ),
    (
        "collectes_par_les_entreprises",
        "Zorblo",
        "Zorblo a levé 2 millions d'euros. Les 90 millions d'euros récoltés par les jeunes entreprises de "
        "la ville l'an passé restent un record.",
        {R("2000000", "EUR")},
    ),
    # "rassembler" raises money as "réunir" does.
    (
        "rassemble",
        "Zorblo",
        "La start-up Zorblo a rassemblé 6 millions d'euros auprès de deux fonds régionaux.",
        {R("6000000", "EUR")},
    ),
    # "encaisser" raises money; an elliptic list entry may put what the company does before its name.
    (
        "encaisse_and_elliptic_entries",
        "Zorblo",
        "Côté santé, Plimo a encaissé 18 millions d'euros, le fabricant de capteurs Zorblo 9 millions et "
        "l'éditeur Quaxi 4 millions.",
        {R("9000000", "EUR")},
    ),
    # The money of many deals or companies: a tally.
    (
        "tally_of_many_deals",
        "Zorblo",
        "Zorblo a levé 4 millions d'euros. Sur le semestre, les levées des start-up bretonnes ont atteint "
        "210 millions d'euros.",
        {R("4000000", "EUR")},
    ),
    (
        "tally_amounts_raised",
        "Zorblo",
        "Zorblo a levé 4 millions d'euros. Le total des montants levés en région (52 M€) baisse un peu.",
        {R("4000000", "EUR")},
    ),
    # A ranked entry whose subject follows its verb owns the figures after it.
    (
        "inverted_rank",
        "Zorblo",
        "Zorblo a levé 12 millions d'euros en mars. À la troisième place figure Plimo, un fabricant de "
        "drones. La société a levé 8 millions d'euros auprès de Kobalt.",
        {R("12000000", "EUR")},
    ),
    # A connective opening the sentence, then a name with a long apposition: the name is the subject.
    (
        "connective_then_apposed_name",
        "Zorblo",
        "Zorblo a levé 5 M€. Puis, Quaxi, une plateforme lancée en 2019, installée à Lille, a bouclé un tour "
        "de 3 M€.",
        {R("5000000", "EUR")},
    ),
    # A longer description in lower-case words right before another company's name, the sentence's
    # subject, opened by a capitalised article.
    (
        "long_description_then_name",
        "Zorblo",
        "Zorblo a levé 12 M€. Le fabricant lyonnais de capteurs pour vignes Plimo, installé à Villeurbanne, "
        "compte déjà une levée de 25 millions d'euros à son actif.",
        {R("12000000", "EUR")},
    ),
    # A clause with no subject of its own opening the sentence: the main clause's subject is its subject.
    (
        "participle_opener_then_described_name",
        "Zorblo",
        "Zorblo a levé 5 M€. Forte d'une levée de 18 millions d'euros, la plateforme de notation Kobalt "
        "recrute cent ingénieurs.",
        {R("5000000", "EUR")},
    ),
    # A sector in the plural, whatever the verb, and the French Tech as a whole: a tally.
    (
        "sector_managed_to_raise",
        "Zorblo",
        "Zorblo a levé 8 millions d'euros. À Lille, les start-up locales ont réussi à lever 210 millions "
        "d'euros sur l'année.",
        {R("8000000", "EUR")},
    ),
    (
        "french_tech_tally",
        "Zorblo",
        "Zorblo a levé 8 millions d'euros. Sur le trimestre, la French Tech a récolté 2 milliards d'euros.",
        {R("8000000", "EUR")},
    ),
    # A bar that a definition or a count sets is no round.
    (
        "or_more_bar",
        "Zorblo",
        "The fund only looks at Series A rounds of $2 million or more.",
        set(),
    ),
    (
        "ou_plus_bar",
        "Zorblo",
        "Zorblo a levé 3 millions d'euros. Le fonds ne regarde que les tours de 2 millions d'euros ou plus.",
        {R("3000000", "EUR")},
    ),
    # "les N M€ de X" in a list of the month's deals: each sum is its company's.
    (
        "les_n_de_x",
        "Zorblo",
        "Côté levées, on retiendra les 3 millions d'euros de Plimo et les 9 millions de la start-up Zorblo.",
        {R("9000000", "EUR")},
    ),
    # An article that opens on the company goes on speaking of it, past a byline.
    (
        "opening_company_keeps_later_figures",
        "Zorblo",
        "Zorblo lands new money\n\nZorblo keeps growing in a shrinking market.\n\nBy Ana Pires\n\n"
        "A round of $40 million was closed on Monday.",
        {R("40000000")},
    ),
    # A market's level with a place or a French "du secteur" in its subject is nobody's round.
    (
        "market_level_in_a_place",
        "Zorblo",
        "Zorblo raised $6 million. Venture funding in Western Europe slid to $3.4 billion over the summer.",
        {R("6000000")},
    ),
    (
        "market_level_du_secteur",
        "Zorblo",
        "Zorblo a levé 6 millions d'euros. "
        "Le financement du secteur est tombé à 3,4 milliards d'euros cet été.",
        {R("6000000", "EUR")},
    ),
    # What many startups raised, named before the figure it is measured by.
    (
        "capital_raised_by_startups",
        "Zorblo",
        "Zorblo raised $6 million. The capital raised by robotics startups in 2022 came to $610 million.",
        {R("6000000")},
    ),
    # A record so far is no total so far.
    (
        "largest_to_date_is_a_round",
        "Zorblo",
        "Zorblo raised €45 million in what is the biggest agritech deal in Portugal to date.",
        {R("45000000", "EUR")},
    ),
    ("to_date_is_a_total", "Zorblo", "Zorblo has raised €45 million to date.", set()),
    # A name ending on an organisation's word is no founder, whatever the next sentence's pronoun.
    (
        "organisation_is_no_person",
        "Zorblo",
        "Zorblo's founder raised $9 million in May. Meanwhile, Quaxi Robotics raised $2 million. "
        "The board then gave her more votes.",
        {R("9000000")},
    ),
    # A subheading in Title Case is no company that a pronoun then stands for.
    (
        "subheading_is_no_antecedent",
        "Zorblo",
        "Zorblo delivers parcels across Malaysia.\nA Fresh Round of Funding\n"
        "It raised $31 million from two funds.",
        {R("31000000")},
    ),
    # "Berlin-based Zorblo" is Zorblo, which "it" then stands for.
    (
        "based_prefix_is_the_company",
        "Zorblo",
        "Rotterdam-based Zorblo has closed a €12m round. It had raised €3m in 2021.",
        {R("12000000", "EUR"), R("3000000", "EUR")},
    ),
    # Investors who put money "y", into it: the company spoken of.
    (
        "investors_put_it_in",
        "Zorblo",
        "Zorblo conçoit des capteurs à Lille. Deux fonds y ont investi 18 millions d'euros l'an dernier.",
        {R("18000000", "EUR")},
    ),
    # A sector word capitalised before the name ("la Medtech Zorblo") is no part of it.
    (
        "sector_word_before_the_name",
        "Zorblo Labs",
        "La Medtech Zorblo Labs a levé 95 millions d'euros en juin.",
        {R("95000000", "EUR")},
    ),
    # Each dated sum in brackets of a raise is one of its rounds.
    (
        "dated_sums_in_brackets",
        "Zorblo",
        "Ses deux levées, en 2019 (3 M€) puis en 2021 (6 M€), ont précédé celle-ci. Zorblo est lilloise.",
        {R("3000000", "EUR"), R("6000000", "EUR")},
    ),
    ("dated_sums_not_raised", "Zorblo", "Zorblo's sales grew in 2019 (€3M) and 2021 (€6M).", set()),
    # Another company whose name opens on a capital outside Latin-1 is another company.
    (
        "other_name_with_odd_capital",
        "Zorblo",
        "Zorblo a levé 5 millions d'euros, loin des 80 millions d'euros levés par Ÿlvar.",
        {R("5000000", "EUR")},
    ),
    # A sector or an ecosystem after an opening phrase still raises its own tally.
    (
        "sector_subject_after_opener",
        "Zorblo",
        "Zorblo a levé 5 millions d'euros. De leur côté, les start-up de la medtech séduisent les fonds "
        "à hauteur de 140 millions d'euros.",
        {R("5000000", "EUR")},
    ),
    # A fund's size, in French or English, is no raise.
    (
        "fund_size_fr",
        "Zorblo",
        "Terrana, un fonds d'investissement de 90 millions d'euros, a mené le tour de 2 millions d'euros "
        "de Zorblo.",
        {R("2000000", "EUR")},
    ),
    (
        "fund_size_en",
        "Zorblo",
        "Terrana, a $90 million fund, led Zorblo's $2 million round.",
        {R("2000000")},
    ),
    # A sentence adverb or an opening phrase is no company that "it" then stands for.
    (
        "adverb_opener_is_no_subject",
        "Zorblo",
        "Zorblo ships parcels.\nLuckily, demand is rising.\nThe courier said it raised $44 million.",
        {R("44000000")},
    ),
    (
        "opening_phrase_is_no_subject",
        "Zorblo",
        "With the Euro-7 rules looming, Zorblo is busy.\nThe carmaker said it raised $44 million.",
        {R("44000000")},
    ),
    # "to fund" is what the money is for, not a fund's size; a region is where it is spent.
    (
        "to_fund_is_a_purpose",
        "Zorblo",
        "Zorblo raised €14m to fund hiring in Latin America.",
        {R("14000000", "EUR")},
    ),
    (
        "places_starting_with_la",
        "Zorblo",
        "Zorblo raised €14m to grow in Lagos and Latvia.",
        {R("14000000", "EUR")},
    ),
    # What a deal provides the company with.
    (
        "deal_provides_company_with",
        "Zorblo",
        "Kobalt's money will provide Zorblo with $14m for hiring.",
        {R("14000000")},
    ),
    ("grant_provides_company_with", "Zorblo", "The state will provide Zorblo with $14m in grants.", set()),
    # Deals that value the company (the verb in the plural) give its worth.
    (
        "deals_value_the_company",
        "Zorblo",
        "Zorblo raised £90 million. A report said new share deals value the company at over £700 million.",
        {R("90000000", "GBP"), V("700000000", "GBP")},
    ),
    # What the funding comprises is a part of it; an employee share pool and a market's forecast are no deal.
    (
        "funding_comprises_a_part",
        "Zorblo",
        "Zorblo has raised $900 million, a sum that comprises $700 million of new shares.",
        {R("900000000")},
    ),
    (
        "esop_pool_value",
        "Zorblo",
        "Zorblo raised $25 million in 2022. It also set aside $9 million for its ESOP pool.",
        {R("25000000")},
    ),
    (
        "market_forecast_valuation",
        "Zorblo",
        "Zorblo raised $30 million. Analysts say the telematics market is forecast to reach $12 billion "
        "by 2031.",
        {R("30000000")},
    ),
    # "Quaxi, which announced it had raised ...": what the name said it raised is its own.
    (
        "which_announced_it_had_raised",
        "Zorblo",
        "Zorblo joined the club in May. Quaxi, which announced it had raised $90 million last week, did "
        "so in June.",
        set(),
    ),
    # Lines of page furniture between paragraphs move neither the topic nor the paragraph count.
    (
        "furniture_lines_between_paragraphs",
        "Zorblo",
        "Zorblo, a Lisbon lender, closed a $70m round on Monday.\n\nSubscribe to our daily "
        "briefing\n\nThe new money gives it a valuation of $900m, the company said.\n\nImage courtesy of "
        "the company\n\nKobalt led the round.",
        {R("70000000"), V("900000000")},
    ),
    # A cash injection is a round; cash on the balance sheet is no deal.
    (
        "cash_injection_is_a_round",
        "Zorblo",
        "Ranking third, the Paris courier Kobalt drew a cash injection of 610 million euros, and the "
        "Lyon robot maker Zorblo (320 million) came fourth.",
        {R("320000000", "EUR")},
    ),
    (
        "balance_sheet_cash",
        "Zorblo",
        "Zorblo raised $300 million and now holds $900 million on its balance sheet.",
        {R("300000000")},
    ),
    # "Its" after a sentence whose subject is a place: the company, since a place has no valuation.
    (
        "its_after_a_place_subject",
        "Zorblo",
        "Spain's press praised Zorblo after a $60m round. Its valuation of $1.2bn was set by Kobalt.",
        {R("60000000"), V("1200000000")},
    ),
    # A majority stake bought is the company's price; a minority one, its round.
    (
        "majority_stake_is_a_purchase",
        "Zorblo",
        "Kobalt will acquire a 60% stake in Zorblo for 300 million euros, it said.",
        set(),
    ),
    (
        "minority_stake_is_a_round",
        "Zorblo",
        "Kobalt has agreed to buy a 20% stake in Zorblo for 30 million euros.",
        {R("30000000", "EUR")},
    ),
    # "by" + a long descriptor, an acronym first, names the raiser; a loan provider's raise is equity.
    (
        "by_long_descriptor",
        "Zorblo",
        "Kobalt noted £12m secured by B2B invoicing platform Zorblo in May.",
        {R("12000000", "GBP")},
    ),
    (
        "loan_provider_raises_equity",
        "Zorblo",
        "Car loan provider Zorblo raised £8 million from two funds.",
        {R("8000000", "GBP")},
    ),
    # "Name $N" entries of a list of deals; where the top financing went.
    (
        "name_sum_entries",
        "Zorblo",
        "Deals closed this month (Zorblo $21M, Insurtech firms Quaxi $14M and Plimo $9M) were small.",
        {R("21000000")},
    ),
    (
        "top_financing_awarded_to",
        "Zorblo",
        "Most money went to Quaxi with 38 million euros, ahead of the Linz start-up Zorblo (€ 19 "
        "million), Plimo (€ 12 million) and Brume (€ 9 million).",
        {R("19000000", "EUR")},
    ),
    # The bounds of a class of rounds are no round.
    (
        "class_bounds_between",
        "Zorblo",
        "Zorblo raised $28 million. Growth rounds (investments between €40 million and €90 million) were "
        "scarce.",
        {R("28000000")},
    ),
    # A company described by its worth: "the $3 billion robotics startup Quaxi".
    (
        "worth_before_descriptor",
        "Zorblo",
        "Why The $3 Billion Robotics Startup Zorblo Lost Its Way",
        {V("3000000000")},
    ),
    ("worth_before_descriptor_fr", "Zorblo", "Zorblo, a $700m fintech, is hiring.", {V("700000000")}),
    ("sum_for_the_startup", "Zorblo", "Zorblo raised $50 million for the startup's growth.", {R("50000000")}),
    # A participle opening ("Founded in 2019 after raising ...,") hands its figure to the subject after it.
    (
        "founded_after_raising",
        "Zorblo",
        "Zorblo runs warehouse robots.\nFounded in 2019 after raising $2m in a seed round, Leeds-based "
        "Zorblo now employs 80 people.",
        {R("2000000")},
    ),
    # An investor's cash "into the business" is the company's round.
    (
        "injected_into_the_business",
        "Zorblo",
        "Kobalt Capital injected $30m into the business in 2022, Zorblo said.",
        {R("30000000")},
    ),
    # "Name — $N" entries, gerunds with their own subjects, hypotheticals and targets.
    (
        "dash_entries",
        "Zorblo",
        "Zorblo opened with a $400 million round. Top deals: Quaxi — $1.4B; Plimo — $1.2B; Brume — $0.9B.",
        {R("400000000")},
    ),
    (
        "with_name_raising",
        "Zorblo",
        "Both rivals grew fast, with Quaxi raising $7.1 billion and Plimo securing $2.2 billion since 2019.",
        set(),
    ),
    (
        "hypothetical_you",
        "Zorblo",
        '"You could raise $4 million in Lyon and $5 million in Paris with the same deck," a founder '
        "said. Zorblo raised $30 million.",
        {R("30000000")},
    ),
    (
        "out_of_a_target",
        "Zorblo",
        "Zorblo closed $38.5 million of a targeted $45 million in May.",
        {R("38500000")},
    ),
    # "a annoncé pour sa part une levée": the other company's own raise.
    (
        "announced_on_its_side",
        "Zorblo",
        "Zorblo a levé 90 millions d'euros. Quaxi a annoncé pour sa part une levée de 120 millions "
        "d'euros pour son usine.",
        {R("90000000", "EUR")},
    ),
    # Many companies' sum in brackets, a study's count, a round's breakdown: no round of the company.
    (
        "collective_sum_in_brackets",
        "Zorblo",
        "Zorblo a levé 40 millions d'euros. Les start-up allemandes du secteur restent devant (2,3 "
        "milliards d'euros).",
        {R("40000000", "EUR")},
    ),
    (
        "study_counts_a_tally",
        "Zorblo",
        "Zorblo a levé 40 millions en mai. Le rapport annuel de Kobalt recense 2,2 milliards d'euros de "
        "fonds levés.",
        {R("40000000", "EUR")},
    ),
    (
        "round_breakdown",
        "Zorblo",
        "Zorblo lève 48 millions d'euros. En détail : 30 millions d'euros viennent d'une banque publique "
        "et 18 millions de trois fonds.",
        {R("48000000", "EUR")},
    ),
    # Part of a round in debt leaves the whole a round; a counted set of smaller raises is a tally.
    (
        "round_with_part_debt",
        "Zorblo",
        "Zorblo closed a €17 million round, including some debt, for its plant.",
        {R("17000000", "EUR")},
    ),
    (
        "counted_smaller_raises",
        "Zorblo",
        "Zorblo lève 30 millions d'euros, tandis que sept plus petites levées (pour 14,5 millions "
        "d'euros) complètent le mois.",
        {R("30000000", "EUR")},
    ),
    # A list of bracketed sums where some omit the scale takes the others' scale.
    (
        "list_sums_without_scale",
        "Zorblo",
        "Levées du semestre : Quaxi ($210), Zorblo ($140), Plimo ($95M), Brume ($60M).",
        {R("140000000")},
    ),
    # A plant is no credit facility; a US state or a German region is a place.
    (
        "commercial_facility",
        "Zorblo",
        "Zorblo raised $120 million to open a manufacturing facility near Lyon.",
        {R("120000000")},
    ),
    (
        "us_state_is_a_place",
        "Zorblo",
        "Zorblo raised $40 million to build a plant in Nevada.",
        {R("40000000")},
    ),
    # A year's tally, a class's spread, a collective's gerund, a payment, a valuation's fall, a share of a
    # larger figure: none is the company's deal.
    (
        "year_tally_and_share",
        "Zorblo",
        "Zorblo raised $90m. Large rounds took $2.1bn of the $2.8bn raised in 2022.",
        {R("90000000")},
    ),
    (
        "class_spread",
        "Zorblo",
        "Zorblo raised €60 million. Seed rounds ranging from €0.5 million to €8 million were common.",
        {R("60000000", "EUR")},
    ),
    (
        "collective_gerund",
        "Zorblo",
        "Zorblo raised €60 million. In all, health startups topped the quarter, raising €410 million.",
        {R("60000000", "EUR")},
    ),
    (
        "payment_before_closing",
        "Zorblo",
        "Zorblo raised €60 million. Quaxi must pay about $300 million to its lenders when the sale "
        "completes.",
        {R("60000000", "EUR")},
    ),
    (
        "valuation_down_by",
        "Zorblo",
        "Zorblo raised €60 million. Quaxi's new round came at a valuation down $40 million from 2021.",
        {R("60000000", "EUR")},
    ),
    # One investor's ticket for its stake is the round; a sector word alone is no company.
    (
        "one_ticket_is_the_round",
        "Zorblo",
        "Kobalt entre au capital de Zorblo avec un ticket de 15 M€, valorisant Zorblo 60 M€.",
        {R("15000000", "EUR"), V("60000000", "EUR")},
    ),
    (
        "sector_word_is_no_company",
        "Zorblo",
        "Dans la MedTech, Zorblo mène la danse : 12 millions d'euros levés en mars.",
        {R("12000000", "EUR")},
    ),
    # The company a sum enables; a fund's target; the whole of the parts; asset financing.
    (
        "sum_to_enable_another",
        "Zorblo",
        "Zorblo obtient 2 millions d'euros, et Kobalt apporte 8 millions d'euros pour permettre à Quaxi "
        "de recruter.",
        {R("2000000", "EUR")},
    ),
    (
        "fund_target_to_mobilise",
        "Zorblo",
        "Kobalt a créé un fonds pour mobiliser 900 millions d'euros auprès d'assureurs. Zorblo lève 40 "
        "millions d'euros.",
        {R("40000000", "EUR")},
    ),
    (
        "whole_of_the_parts",
        "Zorblo",
        "Zorblo réunit 14 M€ en capital et 4 M€ de financement de sa flotte, portant le tout à 18 M€.",
        {R("14000000", "EUR")},
    ),
    (
        "counted_rounds_total",
        "Zorblo",
        "Depuis 2019, Zorblo a réuni 31 millions d'euros au fil de trois tours de table.",
        set(),
    ),
    # A figure's unit glued to it ends it: "MEUR d'ACV" names no company.
    (
        "unit_then_noun_is_no_name",
        "Zorblo",
        "Le champion aux 90 MEUR d'ARR décroche le titre de licorne avec une levée de 300 M€.",
        {R("300000000", "EUR")},
    ),
    # "Quaxi, which was at a valuation of ...": Quaxi's worth; "led by Kobalt, at a valuation of": the
    # round's.
    (
        "which_was_at_a_valuation",
        "Zorblo",
        "Zorblo raised $80m. Quaxi, which was at a valuation of $1.1 billion two years ago, is for sale.",
        {R("80000000")},
    ),
    (
        "led_by_then_at_a_valuation",
        "Zorblo",
        "Zorblo closed €200 million from Kobalt Partners, at a valuation of around €2 billion.",
        {R("200000000", "EUR"), V("2000000000", "EUR")},
    ),
    # A ranking's entry "Name (what it does) à City, avec N": the entry's sum.
    (
        "entry_with_sum",
        "Zorblo",
        "Deux levées se détachent : Quaxi (drones) à Lyon, avec 60 millions d'euros, puis Zorblo (paie) "
        "à Nantes avec 45 millions d'euros.",
        {R("45000000", "EUR")},
    ),
    # In a roundup (a text that does not open on the company, where other companies own three figures or
    # more), a figure that names no owner is no fact of the company; its own round, told by a possessive,
    # still is.
    (
        "roundup_unowned_figure",
        "Zorblo",
        "Quaxi raised $30 million. Plimo raised $18 million. Brume raised $9 million. Zorblo, a parcel "
        "firm, is hiring.\n\nA $45 million round was also closed on Friday.",
        set(),
    ),
    (
        "roundup_own_round_by_possessive",
        "Zorblo",
        "Quaxi raised $30 million. Plimo raised $18 million. Brume raised $9 million. Zorblo, a parcel "
        "firm, is hiring. Its latest round of $12 million closed in May.",
        {R("12000000")},
    ),
    # "Up to" a figure and a range that tops out at it are one fact: the range.
    (
        "upper_bound_is_the_range_top",
        "Zorblo",
        "Zorblo seeks a valuation of up to $9 billion in its listing.\n"
        "Zorblo plans to list next month at a valuation of between $8 billion and $9 billion, people said.",
        {V("8000000000")},
    ),
    # A bare dollar the text converts into American ones is the local dollar, the rest of the story's too.
    (
        "local_dollar_converted",
        "Zorblo",
        "Zorblo, a Singapore logistics firm, closed a $12m (US$9m) round; it had raised $3m in 2021.",
        {R("12000000", "SGD"), R("3000000", "SGD")},
    ),
    (
        "local_dollar_unknown_place",
        "Zorblo",
        "Zorblo has closed a $12m (US$9m) round.",
        {R("9000000")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_whose(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name


def test_valuation_set_in_a_dated_round_is_background() -> None:
    """A valuation "of $X in a $Y raise in <month year>", in a text published years later:
    the valuation shares the date of the round it was set in."""
    text = (
        "Kobalt Capital sold a portion of its Zorblo shares at a valuation of $4 billion. The firm joined "
        "four Zorblo rounds since 2014, the last one setting a valuation of $7 billion in an $80 million "
        "raise in June 2018."
    )
    contexts = {(f.kind, f.amount): f.context for f in extract_facts(text, "Zorblo", published="2024-03-02")}
    assert contexts[("valuation", Decimal("7000000000"))] == "background"
    assert contexts[("funding_round", Decimal("80000000"))] == "background"
    assert contexts[("valuation", Decimal("4000000000"))] == "main"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Tanzania", True),
        ("Côte d’Ivoire", True),
        ("Côte d'Ivoire", True),
        ("the United Arab Emirates", True),
        ("Le Sénégal", True),
        ("Auvergne-Rhône-Alpes", True),
        ("Zorblo", False),
        ("Macquarie", False),
        ("Jordan", False),
        ("Afrique de l'Ouest", True),
        ("Southeast Asia", True),
        ("Europe", True),
        ("World", False),
    ],
)
def test_places_lexicon(name: str, place: bool) -> None:
    """Countries, regions and cities in both languages, written either way; names of people and firms
    that a gazetteer of every town would hold are not places here."""
    assert _is_place(name) is place
