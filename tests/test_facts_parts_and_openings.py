"""Parts that add up to a round, list entries in brackets, and sentence openings that say whose a
figure is: invented cases, each a phenomenon seen in real coverage of companies the rules were not
written from."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_facts_frames import Expected, R, V, _facts
from watcher.facts import extract_facts

CASES: list[tuple[str, str, str, Expected]] = [
    # Figures near a round that add up to it are its tranches or its investors' shares.
    (
        "parts_two_tranches_fr",
        "Brivex",
        "Brivex boucle 9,4 M€ en deux fois : une première part de 5,2 M€ au printemps, "
        "le solde de 4,2 M€ attendu à l'automne.",
        {R("9400000", "EUR")},
    ),
    (
        "parts_investor_shares_next_sentence",
        "Plimo",
        "Plimo obtient 25 MCHF de fonds propres frais. Un groupe d'industriels bâlois fournira 18 MCHF, "
        "le solde de 7 MCHF reste ouvert à d'autres partenaires.",
        {R("25000000", "CHF")},
    ),
    (
        "parts_three_backers_en",
        "Quaxi",
        "Quaxi has secured $18 million in seed funding. Orion Partners put up $8 million, Delta Fund "
        "$6 million and angel investors the remaining $4 million.",
        {R("18000000")},
    ),
    # Figures that do not add up to it, or that are revenue, stay what they are.
    (
        "parts_not_adding_up",
        "Zorblo",
        "Zorblo has picked up $16 million. Back in 2021 the company raised $7 million.",
        {R("16000000"), R("7000000")},
    ),
    (
        "parts_revenue_in_next_paragraph",
        "Kolda",
        "Kolda a bouclé un tour de 22 millions d'euros en 2024, trois ans après une première levée de "
        "4 millions d'euros.\n\nSes ventes de l'exercice écoulé se sont élevées à 18 millions d'euros.",
        {R("22000000", "EUR"), R("4000000", "EUR")},
    ),
    # Two "Name (sum)" entries in a sentence about deals: each company's round, in the text's currency.
    (
        "paren_entries_two_fundraisers_en",
        "Plimo",
        "Startups in the region attracted $2.3 billion in 2023. The biggest fundraisers of the year were "
        "Zorblo (310.5 million) and Plimo (142.8 million).",
        {R("142800000")},
    ),
    (
        "paren_entries_operation_fr",
        "Plimo",
        "En 2023, les jeunes pousses de la métropole ont récolté 410 millions d'euros, un montant porté "
        "notamment par l'opération du spécialiste des batteries Zorblo (140 millions) et par Plimo "
        "(45 millions).",
        {R("45000000", "EUR")},
    ),
    (
        "paren_entries_revenue_not_deals",
        "Plimo",
        "Sales came in at $75 million, ahead of Zorblo (32 million) and Plimo (19 million).",
        set(),
    ),
    # A subject with an alias or ticker in brackets is still the sentence's subject.
    (
        "subject_with_alias_fr",
        "Quaxi",
        "Quaxi obtient 4 M€. À Nantes, Zorblo (ZBL) boucle une série A de 15 M€.",
        {R("4000000", "EUR")},
    ),
    (
        "subject_with_ticker_en",
        "Quaxi",
        "Quaxi secured $7 million. In other news, Halden Therapeutics (NYSE: HLDN) priced a $60 million "
        "offering.",
        {R("7000000")},
    ),
    # "Chez X," opens on the company the next sentences speak of.
    (
        "chez_opening_then_cette_startup",
        "Quaxi",
        "Quaxi obtient 6 M€. Chez Plimo, les recrutements s'accélèrent. Cette startup vient de boucler "
        "un tour de 25 M€.",
        {R("6000000", "EUR")},
    ),
    # "City, State.-based company" is the company, not a name of its own.
    (
        "state_abbreviation_based",
        "Plimo",
        "Plimo has secured $120 million. The financing gives the Nashville, Tennessee-based firm a "
        "$480 million valuation, or $600 million including the fresh capital.",
        {R("120000000"), V("480000000"), V("600000000")},
    ),
    (
        "state_abbreviation_dotted_based",
        "Plimo",
        "Plimo secured $45 million, in a round that values the Tampa, Fla.-based company at $310 million.",
        {R("45000000"), V("310000000")},
    ),
    # A round before a verb whose object is a valuation is the round.
    (
        "round_then_verb_then_valuation_fr",
        "Zorblo",
        "Zorblo, qui grâce à un tour de table de 35 millions d'euros a obtenu une valorisation de "
        "260 millions d'euros, s'installe à Madrid.",
        {R("35000000", "EUR"), V("260000000", "EUR")},
    ),
    # Places and collectives as subjects own no figure, after an opening phrase too.
    (
        "place_subject_after_opening_fr",
        "Kolda",
        "Kolda se porte bien. D'après l'étude, la Scandinavie a levé à peine 64 millions de dollars "
        "au premier trimestre.",
        set(),
    ),
    (
        "collective_subject_after_participle_clause_fr",
        "Kolda",
        "Kolda se porte bien. Après avoir récolté 120 millions d'euros en 2022, les jeunes pousses du "
        "département ont levé 275 millions d'euros en 2023.",
        set(),
    ),
    (
        "in_the_market_is_no_subject",
        "Kolda",
        "Kolda is currently in the market looking to raise $35 million through a Series B.",
        {R("35000000")},
    ),
    # A figure in brackets about the company named before them, told by a relative clause.
    (
        "bracketed_aside_relative_fr",
        "Quaxi",
        "Quaxi a levé 4 M€. Comme Zorblo (anciennement Plimo, jeune pousse lyonnaise de la robotique "
        "qui a récolté 18 millions d'euros en 2022), Quaxi accélère.",
        {R("4000000", "EUR")},
    ),
    (
        "bracketed_aside_of_the_company_itself",
        "Quaxi",
        "Comme Quaxi (anciennement Plimo, une jeune pousse qui a récolté 18 millions d'euros en 2022), "
        "Zorblo accélère.",
        {R("18000000", "EUR")},
    ),
    # The listing's figures are the listed company's.
    (
        "ipo_of_another_company",
        "Quaxi",
        "Quaxi raised $40 million. In a thin year for exits, the IPO of Zorblo was the exception, "
        "with a valuation above €3.1 billion.",
        {R("40000000")},
    ),
    # A name with a long apposition, several commas in it, is still the subject.
    (
        "long_apposition_with_city_and_country",
        "Quaxi",
        "Quaxi raised $35 million.\n\nMedora Foods, a Nairobi, Kenya-headquartered grocery delivery network "
        "funded by the pan-African investor Halden Partners, is said to be close to securing $400 million "
        "from Zorblo Holdings.",
        {R("35000000")},
    ),
    # One word opening a sentence is a name when an announced raise follows it, a date between.
    (
        "announced_with_a_dated_aside_fr",
        "Quaxi",
        "Quaxi a levé 4 M€.\n\nPlimo a annoncé, jeudi 14 mars, avoir levé 92 millions d'euros.",
        {R("4000000", "EUR")},
    ),
    (
        "said_on_a_day_it_had_raised",
        "Quaxi",
        "Quaxi raised $4 million.\n\nPlimo said on Thursday it had raised $92 million.",
        {R("4000000")},
    ),
    (
        "le_site_descriptor_fr",
        "Quaxi",
        "Quaxi a levé 4 M€.\n\nLe site Plimo Marché a annoncé, jeudi 14 mars, avoir levé 92 millions "
        "d'euros.",
        {R("4000000", "EUR")},
    ),
    # An investor's money over the years, and a sum raised "previously", are no single round.
    ("investor_since_year_en", "Zorblo", "Orion Partners has invested $340m in Zorblo since 2014.", set()),
    ("investor_since_year_fr", "Zorblo", "Orion Partners a investi 35 M€ dans Zorblo depuis 2017.", set()),
    (
        "previously_raised_relative",
        "Zorblo",
        "Zorblo, which previously raised $86 million, is hiring.",
        set(),
    ),
    (
        "previously_raised_with_its_round",
        "Zorblo",
        "Zorblo previously raised $11 million through a Series A.",
        {R("11000000")},
    ),
    # The entries of a list whose lead speaks of unicorns are valuations; of rounds, rounds.
    (
        "unicorn_list_entries_are_valuations",
        "Zorblo",
        "Three names joined the unicorn ranks this quarter:\n- Plimo, 2.4 billion USD, Hamburg\n"
        "- Zorblo, 1.6 billion USD, Vienna\n- Quaxi, 1.1 billion USD, Zurich",
        {V("1600000000")},
    ),
    (
        "rounds_list_entries_are_rounds",
        "Zorblo",
        "Biggest rounds of the quarter:\n- Plimo, 48 million USD, Hamburg\n- Zorblo, 27 million USD, Vienna",
        {R("27000000")},
    ),
    # "Of the whole, a share": the share is no round.
    (
        "share_of_the_whole_fr",
        "Kolda",
        "Kolda boucle 36 millions d'euros. Sur les 36 millions d'euros levés, 8 millions d'euros viennent "
        "d'un fonds régional.",
        {R("36000000", "EUR")},
    ),
    (
        "share_of_the_whole_en",
        "Kolda",
        "Kolda has raised $36 million. Of the $36 million raised, $8 million was provided by a state fund.",
        {R("36000000")},
    ),
    # Finance desks write millions as "mm"; millimetres are no money.
    ("mm_million_glued", "Kolda", "Kolda closed $35mm of Series A financing.", {R("35000000")}),
    (
        "mm_needs_its_digits",
        "Kolda",
        "Kolda builds 35mm film scanners and has raised $3 million.",
        {R("3000000")},
    ),
    # What the money is for does not make it a loan; a loan for a purpose stays a loan.
    (
        "purpose_names_loans",
        "Kolda",
        "Kolda raised $15 million to grow its offer of home loans for nurses.",
        {R("15000000")},
    ),
    (
        "loan_with_a_purpose",
        "Kolda",
        "Kolda a décroché un prêt de 12 M€ destiné à financer son expansion.",
        set(),
    ),
    ("raise_to_repay_loans", "Kolda", "Kolda raised $12 million to pay off its bank loans.", set()),
    # A business measure grown to a figure is no valuation, whatever valuation comes before it.
    (
        "metric_grown_to_figure",
        "Kolda",
        "Kolda closed a $90 million round at a $900 million valuation after increasing its annual "
        "recurring revenue to $140 million over the last year.",
        {R("90000000"), V("900000000")},
    ),
    # "has completed a round": another company's subject, in a text about the tracked one.
    (
        "completed_round_other_subject",
        "Kolda",
        "Kolda raised €31.6 million.\nLYON – Quaxi SAS has completed a $2.4 million seed round.",
        {R("31600000", "EUR")},
    ),
    ("completed_round_own", "Kolda", "Kolda has completed a $3.7 million seed round.", {R("3700000")}),
    # "an injection in <month> for X": X's round.
    (
        "injection_in_month_for_company",
        "Kolda",
        "Plimo raised $30 million. The funding for Plimo came after an $18 million injection in March for "
        "Kolda Inc., a battery maker.",
        {R("18000000")},
    ),
    # Each name of a list of gerund clauses owns its own figure.
    (
        "gerund_clauses_each_their_own",
        "Kolda",
        "Among the ten biggest deals, three fintechs took the largest share, with rewards platform Plimo "
        "collecting $180 million; payroll app Kolda securing $60 million; and freight lender Quaxi "
        "landing $30 million.",
        {R("60000000")},
    ),
    # "Quant à X, il ...": the pronoun stands for the company the sentence opens on.
    (
        "quant_a_opening_other",
        "Kolda",
        "Kolda a levé 4 M€. Quant au portugais Vexo, il a dévoilé un investissement de 80 millions "
        "d'euros dans de nouvelles usines.",
        {R("4000000", "EUR")},
    ),
    (
        "quant_a_opening_own",
        "Kolda",
        "Plimo a levé 3 M€. Quant à Kolda, elle a obtenu 9 M€.",
        {R("9000000", "EUR")},
    ),
    # "each" after the figure: every name of the subject raised it.
    (
        "each_after_the_figure_fr",
        "Kolda",
        "Les jeunes pousses se financent. Au Portugal, Plimo et Kolda ont récolté 15 millions de dollars "
        "chacune.",
        {R("15000000")},
    ),
    ("each_after_the_figure_en", "Kolda", "Plimo and Kolda secured $15 million each.", {R("15000000")}),
    (
        "each_further_on_is_someone_else",
        "Kolda",
        "Plimo and Kolda secured $15 million from backers who each took a stake.",
        set(),
    ),
    # A bound said of several companies at once adds nothing to the company's exact round.
    (
        "class_bound_met_by_exact_round",
        "Kolda",
        "Plimo and Kolda raised over $80m each, with Kolda landing $170m in Series D money.",
        {R("170000000")},
    ),
    (
        "bound_and_exact_rounds_of_two_years",
        "Kolda",
        "Kolda raised more than $60 million in 2020 and $140 million in 2022.",
        {R("60000000"), R("140000000")},
    ),
    # A name written with an elided article is still a name.
    (
        "elided_article_name_in_list",
        "Kolda",
        "Le palmarès met Quaxi (9 M€), Plimo (8,5 M€), Kolda (7 M€), L'Ozalys (6 M€) et Zibo (3 M€) en "
        "tête des levées de fonds du mois.",
        {R("7000000", "EUR")},
    ),
    # What a market weighs is nobody's valuation.
    (
        "market_size_fr",
        "Kolda",
        "Kolda a levé 55 millions d'euros. Son terrain de jeu est vaste – le marché mondial de la chaîne du "
        "froid pesait environ 250 milliards de dollars en 2022.",
        {R("55000000", "EUR")},
    ),
    (
        "market_size_en",
        "Kolda",
        "Kolda raised $4 million; the worldwide e-bike market was worth roughly $45 billion in 2022.",
        {R("4000000")},
    ),
    # "une levée de fonds de N" is one round, whatever the clause said of the company's age before it.
    (
        "a_round_after_a_dated_creation",
        "Kolda",
        "Kolda, présente sur ce marché depuis sa fondation en 2012, boucle une levée de fonds de "
        "13,5 millions d'euros.",
        {R("13500000", "EUR")},
    ),
    # A tracked company that is itself an investor raises funds, not rounds.
    (
        "investor_firm_described_before",
        "Halvard",
        "Veteran climate venture capital firm Halvard is said to be raising funds of $400 million to "
        "$500 million.",
        set(),
    ),
    (
        "investor_firm_by_its_name",
        "Brisk Ventures",
        "Brisk Ventures has closed its fourth fund at $220 million.",
        set(),
    ),
    (
        "investor_firm_described_fr",
        "Halvard",
        "La société de capital-risque Halvard a bouclé 180 millions d'euros pour son deuxième fonds.",
        set(),
    ),
    (
        "investor_firm_in_apposition",
        "Kobalt",
        "Kobalt, a venture capital firm, has raised $250 million for a new fund.",
        set(),
    ),
    (
        "a_startup_backed_by_a_vc_firm",
        "Zorblo",
        "Zorblo raised $25 million with backing from venture capital firm Halvard.",
        {R("25000000")},
    ),
    (
        "startups_like_the_company_are_no_fund",
        "Zorblo",
        "Beaucoup de jeunes pousses ont dit oui aux fonds de capital-risque comme Zorblo, qui finalise "
        "une levée de fonds de 65 millions d'euros.",
        {R("65000000", "EUR")},
    ),
    # "Name, an X that closed ...": the relative clause's figure is the name's.
    (
        "apposition_then_relative",
        "Zorblo",
        'Zorblo raised $15 million. "It was hard," said Mia Chen, co-founder of Plimo, a D.C.-based tool '
        "rental platform that closed a $3.4 million seed round in May.",
        {R("15000000")},
    ),
    # A one-word name opening a sentence, shaped as a brand (a capital or a dot inside), is its subject.
    (
        "brand_shaped_opening_word",
        "Zorblo",
        "Zorblo raised $15 million. PlimoCare relocated to Chicago from Dallas in June after raising "
        "$3 million in seed funding.",
        {R("15000000")},
    ),
    # A plan the text says failed is no round.
    (
        "failed_plan_came_up_short",
        "Zorblo",
        "Cost cuts continue at Zorblo after its effort to raise a $40-million Series C round came up short.",
        set(),
    ),
    (
        "failed_plan_fell_through",
        "Zorblo",
        "Zorblo's attempt to raise $35 million fell through in 2023.",
        set(),
    ),
    (
        "failed_plan_fr",
        "Zorblo",
        "La tentative de Zorblo de lever 15 millions d'euros n'a pas abouti.",
        set(),
    ),
    # A conversion in brackets said to be the same sum is the figure's equivalent, not a second round.
    (
        "bracketed_soit_equivalent",
        "Zorblo",
        "Zorblo a bouclé une série A de 42 millions de dollars (soit 39 millions d'euros).",
        {R("42000000")},
    ),
    (
        "bracketed_approx_equivalent",
        "Zorblo",
        "Two years after Zorblo raised $1.6B (approx €1.48B) in equity, it is hiring again.",
        {R("1600000000")},
    ),
    # The sum aimed at is no round.
    (
        "target_after_the_figure_fr",
        "Zorblo",
        "Zorblo a réuni 48 millions de francs lors de sa collecte, un peu en deçà des 55 millions visés.",
        {R("48000000", "CHF")},
    ),
    (
        "target_after_the_figure_en",
        "Zorblo",
        "Zorblo raised $6 million, below the $9 million it had targeted.",
        {R("6000000")},
    ),
    # A raise's noun before a bare "N millions" gives it the text's currency; not where it goes elsewhere.
    (
        "announced_an_investment_of_bare_millions",
        "Brivex",
        "Brivex, active dans la logistique, dévoile un investissement de 9 millions. L'entreprise a levé "
        "14 millions de dollars au total depuis 2016.",
        {R("9000000")},
    ),
    (
        "investment_into_others_stays_theirs",
        "Brivex",
        "Les jeunes pousses du Québec ont récolté 390 millions de dollars. Ce niveau tient surtout à "
        "l'investissement de 160 millions dans la plateforme de livraison Zorblo et de 41 millions dans "
        "les trottinettes Kolda.",
        set(),
    ),
    (
        "relative_apposition_subject",
        "Brivex",
        "Brivex a levé 12 M€.\nZorblo, qui fabrique des vélos cargo, arrive en troisième position avec "
        "une opération de 6 millions d'euros menée par Halvard.",
        {R("12000000", "EUR")},
    ),
    # The antecedent of "dans lequel ... a investi" receives the money.
    (
        "invested_in_which_other",
        "Brivex",
        "Brivex lève 4 M€. Le programme de satellites Zorblo dans lequel l'État a investi 25 millions de "
        "dollars reste controversé.",
        {R("4000000", "EUR")},
    ),
    (
        "invested_in_which_own",
        "Brivex",
        "Le réseau de capteurs Brivex dans lequel la région a investi 25 millions de dollars doit être "
        "étendu.",
        {R("25000000")},
    ),
    # "by the giant X", "for the biotech X": a description, then the company whose sum it is.
    (
        "by_and_for_described_companies",
        "Brivex",
        "Brivex lève 2 M€. Mis à part les 180 millions levés par le géant Zorblo et les 60 millions "
        "d'euros presque bouclés pour la medtech Kolda, les tours sont restés petits.",
        {R("2000000", "EUR")},
    ),
    (
        "for_the_described_company",
        "Brivex",
        "Halvard a réuni 60 millions d'euros pour la medtech Brivex.",
        {R("60000000", "EUR")},
    ),
    # A criterion, and a rate per round, are no deals.
    (
        "criterion_set_at_a_figure",
        "Brivex",
        "Pour figurer au classement, le seuil retenu pour chaque levée est fixé à 30 M€ sur "
        "2021-2023. Brivex a levé 25 M€ en série A.",
        {R("25000000", "EUR")},
    ),
    (
        "rate_per_round",
        "Brivex",
        "Brivex a levé 90 millions de dollars, quand des sociétés comme Zorblo se limitent à 3 millions "
        "d'euros par levée.",
        {R("90000000")},
    ),
    # A ranking's entry with the investors in its brackets.
    (
        "ranking_entry_with_investors",
        "Brivex",
        "Parmi ses cinq lauréats : le studio de design Brivex (18 millions d'euros levés auprès de Halvard "
        "et Orion) pour s'étendre en Europe.",
        {R("18000000", "EUR")},
    ),
    # A text in two currencies: a bare sum after a raise's noun speaks its paragraph's.
    (
        "bare_sum_in_the_paragraphs_currency",
        "Brivex",
        "Les jeunes pousses du département ont récolté 280 millions d'euros. Le trimestre a été porté par "
        "la levée de fonds de 95 millions réalisée par la medtech Brivex. Celle-ci a été reprise plus tard "
        "pour 800 millions de dollars.",
        {R("95000000", "EUR")},
    ),
    # Headlines' ways with money: money by another name, wire-copy sterling, Indian crores.
    (
        "millions_de_fonds",
        "Brivex",
        "La santé attire les investisseurs !\nZorblo a annoncé avoir levé 22 millions d'euros. La medtech "
        "Brivex a de son côté réussi à réunir 41,5 millions de fonds en février.",
        {R("41500000", "EUR")},
    ),
    (
        "wire_sterling",
        "Brivex",
        "Brivex valued at 80 mln stg in new funding\nLONDON- On Wednesday Brivex said it had "
        "raised 14 million pounds ($18 million) in Series A funding.",
        {V("80000000", "GBP"), R("14000000", "GBP")},
    ),
    (
        "rupee_crores_short",
        "Brivex",
        "Brivex secures Rs 1,240 cr in new money from Halvard",
        {R("12400000000", "INR")},
    ),
    (
        "securities_worth_no_valuation",
        "Brivex",
        "Brivex raised $12 million. It also set aside employee stock options worth roughly INR 48.5 Cr.",
        {R("12000000")},
    ),
    # What the money is for is no kind: "to extend bank loans".
    ("purpose_extend_loans", "Brivex", "Brivex raises $25m to offer more student loans", {R("25000000")}),
    # "Financing of Total $14 Million": the round's whole.
    (
        "financing_of_total",
        "Brivex",
        "Brivex Corp. Closes the Series B Financing of Total $22 Million",
        {R("22000000")},
    ),
    # A "more than" bound that is the exact round rounded down adds nothing.
    (
        "bound_rounding_the_exact_round",
        "Brivex",
        "Brivex lève plus de 8 millions pour sa plateforme de paiement\nBrivex a dévoilé mardi une levée de "
        "fonds de 8,7 millions de dollars.",
        {R("8700000")},
    ),
    # "into (the) lender": the company by a common noun.
    (
        "into_the_lender",
        "Brivex",
        "Brivex boosts capital as investors pump £85m into lender",
        {R("85000000", "GBP")},
    ),
    (
        "into_a_scene_is_no_company",
        "Brivex",
        "Brivex raised $4m. The state plans to invest $300mn in Lisbon startup scene.",
        {R("4000000")},
    ),
    # A place inside an apposition is where the company sits, not the subject of its verb.
    (
        "place_inside_an_apposition",
        "Brivex",
        "NEW UNICORN: Brivex, a Denver, Colo.-based startup that helps retailers forecast demand, has "
        "landed $210 million in fresh funding.",
        {R("210000000")},
    ),
    # A list's entries: "$N by the <descriptor> X".
    (
        "by_described_company_in_a_list",
        "Brivex",
        "Three big deals lifted the year – $180 million raised by the food-delivery startup Zorblo from "
        "Halvard, $95 million by the digital lender Brivex and $70 million by Kolda.",
        {R("95000000")},
    ),
    # A conversion "at the time" is the figure's equivalent.
    (
        "conversion_at_the_time",
        "Brivex",
        "Two years ago the company raised $2 million (about Rs 14.6 crore at the time) in a seed round. "
        "Brivex is now hiring.",
        {R("2000000")},
    ),
    # "its $N in funding": all it has raised, not one round; "its $N in new funding" is the round.
    (
        "its_money_in_funding_is_a_total",
        "Brivex",
        "The startup Brivex has handed back part of its $48.2 million in funding to its backers.",
        set(),
    ),
    (
        "its_new_funding_is_the_round",
        "Brivex",
        "Brivex plans to use its $7 million in new funding to expand.",
        {R("7000000")},
    ),
    # A pharma partnership's headline value, a listing's enterprise value, a class's bound: no round.
    (
        "partnership_biobucks_value",
        "Halvard",
        "Halvard banked $65 million in new equity. Last spring it agreed a licensing pact with a Swiss "
        "drugmaker worth up to $700 million in biobucks.",
        {R("65000000")},
    ),
    (
        "listing_enterprise_value",
        "Halvard",
        "Halvard will list through a blank-check merger that gives it an enterprise value of $1.1 billion "
        "and an equity value of $1.6 billion.",
        {V("1600000000")},
    ),
    (
        "class_bound_plus_startups",
        "Halvard",
        "Halvard landed $30 million. Across the region, $500-million-plus startups are getting commonplace.",
        {R("30000000")},
    ),
    # "en deux fois" is how one company raised, not a tally of many deals.
    (
        "en_deux_fois_is_one_company",
        "Brivex",
        "Brivex a réuni 11 millions d'euros en deux fois.",
        {R("11000000", "EUR")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parts_and_openings(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Norvane prépare une série A de 7 millions d'euros avec un fonds public.", "rumoured"),
        ("Norvane prépare sa prochaine levée de 9 millions d'euros.", "rumoured"),
        (
            "Norvane is still in the process of raising a further £2m from angel investors.",
            "rumoured",
        ),
        ("Norvane is currently in the market looking to raise $28 million for a Series D.", "rumoured"),
        ("Norvane a bien préparé son dossier puis a levé 6 millions d'euros.", "announced"),
    ],
)
def test_a_raise_being_prepared_is_not_announced(text: str, status: str) -> None:
    facts = [f for f in extract_facts(text, "Norvane") if f.kind == "funding_round"]
    assert [f.status for f in facts] == [status], text


def test_parts_dropped_whatever_the_order_of_the_parts() -> None:
    """The sum decides, not the order in which the parts are told."""
    first = "Norvane raised a $15 million round. Orion contributed $9 million and Halvard $6 million."
    second = "Norvane raised a $15 million round. Halvard contributed $6 million and Orion $9 million."
    assert (
        _facts(first, "Norvane")
        == _facts(second, "Norvane")
        == {("funding_round", Decimal("15000000"), "USD")}
    )
