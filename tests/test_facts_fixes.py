"""Drills for failure patterns found on newsroom-style text, each with FR and EN variants.

Invented sentences (companies, investors, figures): employee share sales, grants and repayable
advances, fund sizes, goods "worth" an amount, first-person quotes, equity alongside debt, valuations
stated with "valued at ... in a round", totals since founding, and Indian crore/lakh amounts.
"""

from __future__ import annotations

import pytest

from tests.fitted_known import params
from tests.test_facts_categories import _check
from watcher.facts import extract_facts

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
    # ------------------------------------------------------------------ object of "values": another company
    (
        "values_other_company_en",
        "Quorra",
        "Quorra sells route-planning software. Its rival Dunmere has raised $40 million. The deal values "
        "Dunmere at $300 million, people familiar said.",
        [],
    ),
    (
        "valorise_autre_societe_fr",
        "Quorra",
        "Quorra vend un logiciel de tournées. Son concurrent Dunmere a levé 30 millions d'euros. "
        "L'opération valorise Dunmere à 250 millions d'euros.",
        [],
    ),
    (
        "values_entity_itself",
        "Dunmere",
        "Quorra competes with Dunmere. The round values Dunmere at $300 million.",
        ["V 300M USD"],
    ),
    (
        "valorise_implicitement_entite",
        "Ludivine",
        "L'opération valorise implicitement Ludivine à 90 millions d'euros.",
        ["V 90M EUR"],
    ),
    # ------------------------------------------------------------------ the tracked company is the investor
    (
        "investor_tracked_round_for_x",
        "Halvard Bank",
        "Halvard Bank has invested $10 million in Pimento, a payments startup. The investment is part of a "
        "$40 million Series B round for Pimento, which values the startup at $200 million.",
        [],
    ),
    (
        "investisseur_suivi_tour_pour_x",
        "Groupe Arveyres",
        "Le Groupe Arveyres a investi 5 millions d'euros dans Clémentine, une start-up de la logistique. "
        "Cet investissement s'inscrit dans un tour de table de 20 millions d'euros pour Clémentine, qui "
        "valorise la start-up 80 millions d'euros.",
        [],
    ),
    (
        "investee_tracked_round_for_it",
        "Pimento",
        "Halvard Bank has invested $10 million in Pimento, a payments startup. The investment is part of a "
        "$40 million Series B round for Pimento, which values the startup at $200 million.",
        ["R 40M USD", "V 200M USD"],
    ),
    # ------------------------------------------------------------ "respectively": amounts paired by position
    (
        "respectively_second_company",
        "Tamsin",
        "Orrery and Tamsin, two Berlin logistics start-ups, raised $9 million and $31 million respectively.",
        ["R 31M USD"],
    ),
    (
        "respectively_first_company_three",
        "Orrery",
        "Orrery, Tamsin and Quillfeather raised $9 million, $31 million and $4 million, respectively, "
        "in seed rounds.",
        ["R 9M USD"],
    ),
    (
        "respectivement_montants_nus",
        "Brisquet",
        "Les start-up Calisson et Brisquet ont levé respectivement 10 et 20 millions d'euros.",
        ["R 20M EUR"],
    ),
    (
        "respectivement_premiere",
        "Calisson",
        "Calisson et Brisquet ont levé respectivement 4 M€ et 7 M€ auprès de Rhône Capital.",
        ["R 4M EUR"],
    ),
    (
        "between_and_still_a_range",
        "Calisson",
        "Calisson cherche à lever entre 10 et 20 millions d'euros.",
        ["R 10M EUR"],
    ),
    # ------------------------------------------------------------ roundup lines: each line's own company
    (
        "bullets_en_colon",
        "Tarnwell",
        "Funding roundup\n- Tarnwell: $6M seed led by Bracken VC.\n- Vexon: $8M Series A.\n"
        "- Ulmo Health: $14M Series B from Cedar Point.",
        ["R 6M USD"],
    ),
    (
        "bullets_fr_tiret_parentheses",
        "Brumaire",
        "Les levées de la semaine\n• Cassis (fintech, Lille) – 4 M€ en amorçage.\n"
        "• Brumaire (robotique, Nantes) – 12 M€ en série A auprès de Loire Capital.\n"
        "• Ondine (santé, Nice) – 2 M€ auprès de business angels.",
        ["R 12M EUR"],
    ),
    (
        "bullets_first_company_not_inherited",
        "Cassis",
        "Les levées de la semaine\n• Cassis (fintech, Lille) – 4 M€ en amorçage.\n"
        "• Brumaire (robotique, Nantes) – 12 M€ en série A.\n• Ondine (santé, Nice) – 2 M€.",
        ["R 4M EUR"],
    ),
    (
        "numbered_list_en",
        "Quillfeather",
        "Five deals to know\n1. Gorseway, $40m Series B.\n2. Quillfeather, $12m Series A.\n3. Rannoch, $9m.",
        ["R 12M USD"],
    ),
    (
        "dateline_is_not_a_list_entry",
        "Kestrel Grid",
        "BERLIN (Reuters) - The startup Kestrel Grid has raised 30 million euros, it said on Monday.",
        ["R 30M EUR"],
    ),
    # ------------------------------------------------------------ a later target across a coordination
    (
        "investi_dans_x_puis_et_dans_y",
        "Garance",
        "Le fonds a investi dans Garance, éditeur de logiciels, lors de sa série A de 8 millions d'euros, "
        "et dans Pastel, rachetée depuis.",
        ["R 8M EUR"],
    ),
    (
        "invested_in_x_then_and_in_y",
        "Pastel",
        "Northfield invested in Garance during its $8 million Series A in 2023, and in Pastel last year.",
        [],
    ),
    (
        "invested_in_x_series_and_in_y_en",
        "Garance",
        "Northfield invested in Garance during its $8 million Series A in 2023, and in Pastel last year.",
        ["R 8M USD"],
    ),
    # ------------------------------------------------------------ an investor buys a minority stake
    (
        "participation_minoritaire_fr",
        "Pivoine",
        "Le groupe Ardoise prend une participation minoritaire dans Pivoine, spécialiste du vélo cargo, pour "
        "12 millions d'euros.",
        ["R 12M EUR"],
    ),
    (
        "minority_stake_en",
        "Corbel Labs",
        "Hanseatic Motors has taken a minority stake in Corbel Labs, a battery start-up, for $45 million.",
        ["R 45M USD"],
    ),
    (
        "percent_stake_en_investor_tracked",
        "Hanseatic Motors",
        "Hanseatic Motors took a 10% stake in Corbel Labs for $45 million.",
        [],
    ),
    (
        "majority_stake_is_not_a_round",
        "Pivoine",
        "Le groupe Ardoise prend une participation majoritaire dans Pivoine pour 40 millions d'euros.",
        [],
    ),
    # ------------------------------------------------------------ a headline amount the text calls a loan
    (
        "titre_obtient_puis_pret",
        "Ravenelle",
        "Ravenelle obtient 15 millions d'euros de Bpifrance\nBpifrance accorde un prêt de 15 millions "
        "d'euros à Ravenelle pour financer sa ligne de production.",
        [],
    ),
    (
        "headline_secures_then_venture_debt",
        "Ostwind Robotics",
        "Ostwind Robotics secures $25 million from Harbor Bank\nThe $25 million venture debt facility will "
        "fund the company's expansion, Ostwind Robotics said.",
        [],
    ),
    (
        "raise_and_separate_loan_of_other_amount",
        "Ravenelle",
        "Ravenelle lève 10 millions d'euros auprès de Cime Partners. La société a aussi obtenu un prêt de "
        "5 millions d'euros de la BEI.",
        ["R 10M EUR"],
    ),
    (
        "equity_round_same_amount_as_loan_kept",
        "Ravenelle",
        "Ravenelle a levé 5 millions d'euros en amorçage. Elle a aussi obtenu un prêt de 5 millions d'euros.",
        ["R 5M EUR"],
    ),
    # ------------------------------------------------------------ an investor's top-up of the round
    (
        "apporte_supplementaires_a_la_serie",
        "Gravelle",
        "Gravelle annonce l'arrivée du fonds Nordkapp, qui apporte 5 millions d'euros supplémentaires à la "
        "série A bouclée en mars.",
        ["R 5M EUR"],
    ),
    (
        "adds_to_its_series_b",
        "Pellucid",
        "Pellucid has added $20 million to its Series B, the company said on Tuesday.",
        ["R 20M USD"],
    ),
    (
        "injecte_en_plus_dans_le_tour",
        "Gravelle",
        "Le fonds Nordkapp apporte 3 millions d'euros de plus à la levée de Gravelle.",
        ["R 3M EUR"],
    ),
    # ------------------------------------------------------------------ money that is not a round/valuation
    (
        "aides_europe",
        "Mirelle",
        "Mirelle lève 8 millions d'euros auprès de Quartz Capital. Elle a aussi obtenu 2 millions "
        "d'euros d'aides régionales.",
        ["R 8M EUR"],
    ),
    (
        "subsidy_en",
        "Mirelle",
        "Mirelle raised $8 million from Quartz Capital and won a $2 million subsidy from the state.",
        ["R 8M USD"],
    ),
    (
        "ipo_proceeds_en",
        "Gantry Bio",
        "Gantry Bio raised $150 million in its initial public offering. It had raised a $60 million "
        "Series B in 2022.",
        ["R 150M USD", "R 60M USD"],
    ),
    (
        "introduction_en_bourse_fr",
        "Gantry Bio",
        "Gantry Bio a levé 40 millions d'euros lors de son introduction en bourse sur Euronext.",
        ["R 40M EUR"],
    ),
    (
        "spac_combined_company",
        "Aerilux",
        "Aerilux will merge with a blank-check firm in a deal valuing the combined company at $1.2 billion.",
        # The real labelled coverage reads a SPAC merger's value for the combined company as a valuation.
        ["V 1.2B USD"],
    ),
    (
        "difference_below",
        "Tovalo",
        "Tovalo is now valued at $600 million. That is $300 million below its 2022 valuation of "
        "$900 million.",
        ["V 600M USD", "V 900M USD"],
    ),
    (
        "difference_fr_de_moins",
        "Tovalo",
        "Tovalo est valorisée 600 millions d'euros, 300 millions d'euros de moins que lors de sa série B.",
        ["V 600M EUR"],
    ),
    (
        "crowdfunding_target_en",
        "Brookfold",
        "Brookfold has raised £900,000 on Seedrs, well above its £500,000 target.",
        ["R 900000 GBP"],
    ),
    (
        "tranches_en",
        "Pelion",
        "Pelion has raised $50 million in a Series B. The money comes in two tranches: $30 million now "
        "and $20 million next year.",
        ["R 50M USD"],
    ),
    (
        "tranches_fr",
        "Pelion",
        "Pelion lève 12 millions d'euros, versés en deux tranches de 6 millions d'euros.",
        ["R 12M EUR"],
    ),
    (
        # A tranche the text gives no larger round for is the round it reports.
        "first_tranche_is_the_round_en",
        "Pelion",
        "Pelion has closed the first tranche of its Series B, at $18 million, led by Harrow Capital.",
        ["R 18M USD"],
    ),
    (
        "premiere_tranche_seule_fr",
        "Pelion",
        "Pelion boucle une première tranche de 7 millions d'euros auprès de Vallée Capital.",
        ["R 7M EUR"],
    ),
    (
        # ... and a tranche of a larger round stated in another sentence is a part of it.
        "tranche_of_round_stated_before",
        "Pelion",
        "Pelion raises $60 million in a Series C. A first tranche of $25 million will be paid in March.",
        ["R 60M USD"],
    ),
    (
        # The same sum in two more currencies, listed in one parenthesis: one round.
        "two_conversions_in_one_parenthesis",
        "Pelion",
        "Pelion closes a £40m (€46m, $51m) Series B with Harrow Capital.",
        ["R 40M GBP"],
    ),
    (
        # What a block of shares sold in a listing is worth is not the company's valuation.
        "block_of_shares_valued_at",
        "Pelion",
        "Pelion's listing values it at $900 million. Its founders sell 9 million shares, valued at "
        "$35 million in all.",
        ["V 900M USD"],
    ),
    (
        # "it" is the subject that a short time phrase opens the sentence on, not the tracked company.
        "pronoun_after_a_short_opener",
        "Pelion",
        "Pelion raised $90 million this week. Last year, Brivex became a unicorn after a round in which "
        "it raised $150 million.",
        ["R 90M USD"],
    ),
    (
        # A market's forecast, with who made it between the market and its verb.
        "market_forecast_by_someone",
        "Pelion",
        "Pelion is valued at $2 billion. The valuation lifts Pelion among the leaders in a freight market "
        "forecast by a consultancy to double in size to $300 billion by 2030.",
        ["V 2000M USD"],
    ),
    (
        # A bound converted with its sum is the same figure in another currency.
        "bound_converted_in_parenthesis_fr",
        "Pelion",
        "Pelion a obtenu plus de 2 millions de livres britanniques (au moins 2,3 millions d'euros) de ses "
        "abonnés.",
        ["R 2M GBP"],
    ),
    (
        "bound_converted_in_parenthesis_en",
        "Pelion",
        "Pelion raised over £3m (more than $3.8m) from its customers.",
        ["R 3M GBP"],
    ),
    (
        # The company whose turn it is owns what follows.
        "au_tour_de",
        "Pelion",
        "Quelques jours après Pelion (40 millions d'euros levés), c'est au tour de l'allemand Brivex "
        "d'annoncer un tour de table de 90 millions de dollars, six mois après le précédent de 50 millions.",
        ["R 40M EUR"],
    ),
    (
        # Tickets told paragraphs after the round they add up to are its parts.
        "tickets_adding_up_paragraphs_later",
        "Pelion",
        "Pelion lève 15 millions d'euros auprès d'industriels.\n\nPour cela, Pelion a levé 4 millions "
        "d'euros auprès de Brivex, 2 millions auprès de Zorblo et 9 millions auprès de Kestrel.",
        ["R 15M EUR"],
    ),
    (
        # Credit lines adding up to a "raise" make it a loan.
        "credit_lines_adding_up_to_the_raise",
        "Pelion",
        "Pelion obtient 300 millions d'euros pour ses bornes.\n\nL'ensemble se compose de prêts bancaires "
        "pour 200 millions d'euros et d'une facilité de crédit de 100 millions d'euros.",
        [],
    ),
    (
        # ... but not equity and debt told side by side.
        "equity_and_debt_adding_up_to_the_round",
        "Pelion",
        "Pelion has raised €90mn. The funding consists of €70mn equity and €20mn debt.",
        ["R 90M EUR"],
    ),
    (
        # What something is estimated to cost is no valuation.
        "cost_estimated_fr",
        "Pelion",
        "Pelion lève 12 millions d'euros. Le coût de sa constellation (20 satellites) est évalué entre 30 "
        "et 40 millions d'euros sur huit ans.",
        ["R 12M EUR"],
    ),
    (
        # A counter or a quarter as the subject: a market's tally.
        "counter_and_quarter_tallies_fr",
        "Pelion",
        "Pelion lève 80 millions d'euros. Le compteur s'élèverait à 210 millions d'euros levés alors que le "
        "semestre de 2023 avait atteint 190 millions d'euros.",
        ["R 80M EUR"],
    ),
    (
        # A ticket another sentence ties to a larger round (no figure given) is no round of its own.
        "ticket_part_of_a_larger_round_fr",
        "Pelion",
        "Kestrel a investi 3 millions d'euros chez Pelion. Selon Kestrel, cet investissement fait partie "
        "d'une levée plus importante.",
        [],
    ),
    (
        "ticket_part_of_a_larger_round_en",
        "Pelion",
        "Kestrel has invested $5 million in Pelion. The investment was part of a larger funding round, the "
        "company said.",
        [],
    ),
    (
        # How much a value moved is not a value.
        "valuation_cut_by",
        "Pelion",
        "Pelion cuts its internal valuation by $3bn after a hard year.",
        [],
    ),
    (
        # Deposits the company holds are not money it raised.
        "deposits_held",
        "Pelion",
        "Pelion raised $20 million. Before raising the round, Pelion held $60 million in customer deposits.",
        ["R 20M USD"],
    ),
    (
        # What a flat or down round is raised at is the company's worth.
        "flat_round_at",
        "Pelion",
        "Pelion has raised $90 million from existing investors in a flat round at $4 billion.",
        ["R 90M USD", "V 4000M USD"],
    ),
    (
        # A headline's investor deal, over a text tying the investment to a round, is that investor's ticket.
        "headline_deal_tied_to_a_round",
        "Pelion",
        "Kestrel investit 3 millions d'euros chez Pelion\n\nKestrel a investi 3 millions d'euros chez "
        "Pelion. Selon lui, cet investissement fait partie d'une levée plus importante.",
        [],
    ),
    (
        # A sum the next sentence names as the investment, within a larger round it states.
        "contribution_named_again_within_a_round",
        "Pelion",
        "Brivex envisage un apport de 12 millions d'euros. Cet apport s'inscrirait dans une levée qui "
        "permettrait à Pelion de réunir 30 millions d'euros au total.",
        ["R 30M EUR"],
    ),
    (
        # What all its backers have put in is a total, not a round.
        "backers_have_pumped_in",
        "Pelion",
        "Pelion is growing fast. Its backers, led by Harrow Capital, have pumped over $900 million into "
        "Pelion, valuing it at $6 billion.",
        ["V 6000M USD"],
    ),
    (
        # Where the company was founded is neither the sentence's subject nor an earlier date of the news.
        "founded_in_a_city_in_a_year",
        "Pelion",
        "Pelion change d'échelle. Avec ces 90 millions de dollars levés, la start-up fondée à Nantes en "
        "2011 est désormais valorisée 700 millions de dollars.",
        ["R 90M USD", "V 700M USD"],
    ),
    (
        # A conversion rounded for the reader ("a little over") is still the same sum.
        "rounded_conversion_after_or",
        "Pelion",
        "Pelion raised £5m, or a little over $6m, from Harrow Capital.",
        ["R 5M GBP"],
    ),
    (
        # All it has raised so far, roughly, or across a span of years: totals, not rounds.
        "has_now_raised_over",
        "Pelion",
        "Pelion has now raised over $300 million and says it holds $120 million in cash.",
        [],
    ),
    (
        "over_the_next_five_years",
        "Pelion",
        "Pelion opened in 2016. Over the following four years, Pelion took in more than $500 million from "
        "well-known backers.",
        [],
    ),
    (
        "investors_including_have_poured_in",
        "Pelion",
        "Pelion keeps growing. Investors including Kestrel Partners and Orion Capital have poured more than "
        "$700 million into the company.",
        [],
    ),
    (
        # "to fund" is what the money is for, not an investment fund's size.
        "a_new_sum_to_fund",
        "Pelion",
        "Pelion has raised a new $80 million to fund its expansion at a $900 million valuation.",
        ["R 80M USD", "V 900M USD"],
    ),
    (
        "having_raised_more_than",
        "Pelion",
        "At its peak, Pelion was valued at £2 billion, having raised more than £400 million from investors.",
        ["V 2000M GBP"],
    ),
    (
        # "vient d'annoncer une levée": the name before it announced that raise.
        "other_company_vient_d_annoncer",
        "Pelion",
        "Pelion grandit. Brivex vient d'annoncer une levée d'un milliard de dollars.",
        [],
    ),
    (
        "package_equity_and_debt",
        "Voltrex",
        "Voltrex has secured a €90 million financing package. It combines €30 million of equity and a "
        "€60 million bank loan.",
        ["R 30M EUR"],
    ),
    (
        "fonds_dote_de",
        "Carlina",
        "Carlina lève 4 millions d'euros. C'est le dixième investissement de Vallée Capital et de son "
        "fonds, doté de 80 millions d'euros.",
        ["R 4M EUR"],
    ),
    # ------------------------------------------------------------------ other companies' money
    (
        "competitor_previously_raised",
        "Harbex",
        "Nodewise has raised $20 million in a Series A. It competes with Harbex and Fortel. "
        "Nodewise previously raised a $4 million seed round.",
        [],
    ),
    (
        "concurrent_la_societe",
        "Harbex",
        "Nodewise lève 20 millions d'euros auprès de Capital Azur. Sur son marché, Nodewise affronte "
        "Harbex ou Fortel. La société avait levé 3 millions d'euros en 2022.",
        [],
    ),
    (
        "founded_by_veterans_en",
        "Harbex",
        "Quillmark, a startup founded by two former engineers of Harbex, has raised a $5 million seed round.",
        [],
    ),
    (
        "fondee_par_anciens_fr",
        "Harbex",
        "Fondée par trois anciens de Harbex, Quillmark lève 2 millions d'euros en amorçage.",
        [],
    ),
    (
        "fondee_par_anciens_fr_new_company_tracked",
        "Quillmark",
        "Fondée par trois anciens de Harbex, Quillmark lève 2 millions d'euros en amorçage.",
        ["R 2M EUR"],
    ),
    (
        "notre_concurrent_vient_de_lever",
        "Brisca",
        "Nous avons levé 6 millions d'euros l'an dernier chez Brisca. Notre principal concurrent vient de "
        "lever 40 millions d'euros.",
        ["R 6M EUR"],
    ),
    (
        "a_rival_has_raised_en",
        "Brisca",
        "Brisca raised $6 million last year. One rival has raised $40 million since then.",
        ["R 6M USD"],
    ),
    (
        "sector_total_fr",
        "Brisca",
        "Les jeunes pousses françaises du jeu vidéo ont levé 300 millions d'euros en 2024. Brisca a levé "
        "6 millions d'euros en mars.",
        ["R 6M EUR"],
    ),
    (
        "sector_total_en",
        "Brisca",
        "The European gaming startups raised $900 million last year. Brisca raised $6 million in March.",
        ["R 6M USD"],
    ),
    # ------------------------------------------------------------------ history sentences without the name
    (
        "history_founded_in_then_pronoun_en",
        "Rolla",
        "Few startups rose as fast as Rolla. Founded in Lisbon in 2017, the bike-sharing firm raised a "
        "$2 million seed round in 2018. In 2020, it raised $80 million in a Series B that valued it at "
        "$600 million.",
        ["R 2M USD", "R 80M USD", "V 600M USD"],
    ),
    (
        "history_creee_en_then_elle_fr",
        "Rolla",
        "Peu d'entreprises ont connu un parcours aussi heurté que Rolla. Créée en 2017, la société "
        "lisboète lève 2 millions d'euros en 2018. En 2020, elle réalise une série B de 80 millions "
        "d'euros qui la valorise 600 millions.",
        ["R 2M EUR", "R 80M EUR", "V 600M EUR"],
    ),
    (
        "founded_by_pronoun_keeps_previous_subject",
        "Rolla",
        "Rolla is buying Stepway. Stepway was not struggling. Founded in 2019 by two former Rolla "
        "engineers, it built a routing tool. It had $5 million raised and 20 staff.",
        [],
    ),
]

# (id, entity, text, expected (amount in millions, round label) of each round)
ROUND_CASES: list[tuple[str, str, str, list[tuple[int, str | None]]]] = [
    (
        "extension_label_en",
        "Pellucid",
        "Pellucid has added $20 million to its Series B, the company said on Tuesday.",
        [(20, "series_b_extension")],
    ),
    (
        "extension_label_fr_and_base_round",
        "Gravelle",
        "Gravelle ajoute 4 millions d'euros à sa série A de 10 millions d'euros bouclée en janvier.",
        [(4, "series_a_extension"), (10, "series_a")],
    ),
    (
        "extension_label_apporte",
        "Gravelle",
        "Le fonds Nordkapp apporte 5 millions d'euros supplémentaires à la série B de Gravelle.",
        [(5, "series_b_extension")],
    ),
    (
        "in_a_round_has_no_letter",
        "Tidewell",
        "Tidewell raised $30 million in a round led by Keel.",
        [(30, None)],
    ),
    (
        "tour_a_ete_mene_no_letter",
        "Tidewell",
        "Tidewell a levé 30 millions d'euros. Le tour a été mené par Keel Ventures.",
        [(30, None)],
    ),
    ("an_a_round_is_series_a", "Tidewell", "Tidewell raised $30 million in an A round.", [(30, "series_a")]),
    ("b_round_is_series_b", "Tidewell", "Tidewell raised $30 million in a B round.", [(30, "series_b")]),
]


@pytest.mark.parametrize(
    ("case_id", "entity", "text", "expected"), ROUND_CASES, ids=[c[0] for c in ROUND_CASES]
)
def test_round_label(case_id: str, entity: str, text: str, expected: list[tuple[int, str | None]]) -> None:
    rounds = [f for f in extract_facts(text, entity) if f.kind == "funding_round"]
    got = sorted((int(f.amount / 1_000_000), f.round) for f in rounds)
    assert got == sorted(expected), (case_id, got)


@pytest.mark.parametrize(("category", "entity", "text", "expected"), params(CASES, [c[0] for c in CASES]))
def test_fix(category: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


# Asides between a subject and its verb, Swiss francs, crowdfunding, IPO figures, round sizes...
MORE_CASES: list[tuple[str, str, str, list[str]]] = [
    (
        "appositive_rivals_skipped",
        "Vespera",
        "Vespera, the drone maker once billed as Germany's reply to its Chinese rivals, has raised $45mn "
        "in a round that values it at $300mn.",
        ["R 45M USD", "V 300M USD"],
    ),
    (
        "appositive_concurrent_skipped_fr",
        "Toliane",
        "Toliane, la start-up longtemps présentée comme la réponse française à Kestrel, a levé 18 M€.",
        ["R 18M EUR"],
    ),
    (
        "appositive_names_other_subject",
        "Brisca",
        "Korvane, a rival of Brisca founded in Leeds, has raised $12 million.",
        [],
    ),
    (
        "crowdfunding_fait_appel",
        "Moulinot",
        "La brasserie Moulinot, qui vise 3 M€ de ventes, avait fait appel aux particuliers en 2020 pour "
        "450 000 euros.",
        ["R 450K EUR"],
    ),
    (
        "crowdfunding_collecte_aupres",
        "Moulinot",
        "Moulinot a collecté 900 000 euros auprès de 1 200 particuliers.",
        ["R 900K EUR"],
    ),
    (
        "crowdfunding_en",
        "Hopstead",
        "Hopstead, which had sales of £4m last year, ran an equity crowdfunding campaign for £1.2m in 2022.",
        ["R 1.2M GBP"],
    ),
    (
        "ipo_proceeds_and_market_cap",
        "Cardiane",
        "Cardiane a fait son entrée en Bourse à Paris. La medtech a levé 30 millions d'euros, pour une "
        "capitalisation de 150 millions d'euros. Avant son introduction en Bourse, la société nantaise "
        "avait levé 12 millions d'euros en série A.",
        ["R 30M EUR", "R 12M EUR"],
    ),
    (
        "ipo_proceeds_en",
        "Pulsewise",
        "Pulsewise made its stock market debut in New York on Thursday. The company raised $90 million, "
        "giving it a market capitalization of $700 million.",
        ["R 90M USD"],
    ),
    (
        "ipo_planned_round_kept",
        "Pulsewise",
        "Pulsewise is preparing an IPO. It raised $40 million in a Series C last month.",
        ["R 40M USD"],
    ),
    (
        "bare_francs_swiss_context",
        "Alpivo",
        "La start-up genevoise Alpivo, basée à Genève, a levé 12 millions de francs auprès de Rhône Capital.",
        ["R 12M CHF"],
    ),
    (
        "bare_francs_zurich_en",
        "Alpivo",
        "Zurich-based Alpivo raised 9 million francs from Limmat Ventures.",
        ["R 9M CHF"],
    ),
    (
        "bare_francs_no_swiss_cue",
        "Alpivo",
        "Alpivo a levé 12 millions de francs en 1998.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("case_id", "entity", "text", "expected"), MORE_CASES, ids=[c[0] for c in MORE_CASES]
)
def test_more_fixes(case_id: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


# (case id, entity, text, expected (kind initial + millions, status) pairs)
STATUS_CASES: list[tuple[str, str, str, list[tuple[str, int, str]]]] = [
    (
        "company_confirmed_round",
        "Tallyfin",
        "Tallyfin has raised $25 million at a $200 million valuation, according to people familiar with "
        "the deal. Tallyfin confirmed the raise but would not comment on the valuation.",
        [("R", 25, "announced"), ("V", 200, "reported")],
    ),
    (
        "societe_a_confirme_levee",
        "Tallyfin",
        "Tallyfin a levé 25 millions d'euros, selon des sources proches du dossier. La société a confirmé "
        "la levée.",
        [("R", 25, "announced")],
    ),
    (
        "documents_seen_by",
        "Tallyfin",
        "Tallyfin closed a $25 million round, according to documents seen by the Daily Ledger.",
        [("R", 25, "reported")],
    ),
    (
        "documents_consultes_par",
        "Tallyfin",
        "Tallyfin a bouclé un tour de 25 millions d'euros, selon les documents consultés par notre journal.",
        [("R", 25, "reported")],
    ),
    (
        "lining_up_investors",
        "Tallyfin",
        "Tallyfin is lining up investors for a funding round of about £30m, the Evening Wire has learnt.",
        [("R", 30, "rumoured")],
    ),
    (
        "sonde_des_investisseurs",
        "Tallyfin",
        "Tallyfin sonde des investisseurs pour une levée de 30 millions d'euros, a appris notre journal.",
        [("R", 30, "rumoured")],
    ),
]


@pytest.mark.parametrize(
    ("case_id", "entity", "text", "expected"), STATUS_CASES, ids=[c[0] for c in STATUS_CASES]
)
def test_status_fix(case_id: str, entity: str, text: str, expected: list[tuple[str, int, str]]) -> None:
    facts = [f for f in extract_facts(text, entity) if f.kind in ("funding_round", "valuation")]
    got = sorted((f.kind[0].upper(), int(f.amount / 1_000_000), f.status) for f in facts)
    want = sorted((k.replace("R", "F"), a, st) for k, a, st in expected)
    assert got == want, (case_id, got)


# Patterns from the third newsroom set: money that is not a round or valuation (grants, targets, capex,
# debt facilities, GMV, research funding) and a difference read as a valuation.
NEWSROOM3_FIX_CASES: list[tuple[str, str, str, list[str]]] = [
    (
        "aide_obtenue_appel_a_projets",
        "Calvane",
        "Calvane lève 14 M€ auprès de Demeter. Elle a aussi décroché une subvention de 3 M€ obtenue "
        "dans le cadre du plan France 2030.",
        ["R 14M EUR"],
    ),
    (
        "grant_of_awarded",
        "Calvane",
        "Calvane has raised $9 million in seed funding, on top of a grant of $2 million awarded by the "
        "state energy agency.",
        ["R 9M USD"],
    ),
    (
        "objectif_initial_depasse",
        "Cidrerie Morvan",
        "La Cidrerie Morvan a récolté 350 000 euros auprès de 600 particuliers, bien au-delà de son "
        "objectif de 200 000 euros.",
        ["R 350000 EUR"],
    ),
    (
        "target_of_crowdfunding",
        "Brewlake",
        "Brewlake raised £1.1m on Crowdcube, well above its target of £600,000.",
        ["R 1.1M GBP"],
    ),
    (
        "usine_represente_investissement",
        "Solvane",
        "Solvane lève 40 M€. Sa future usine de Dunkerque, qui représente un investissement de "
        "120 millions d'euros, ouvrira en 2027.",
        ["R 40M EUR"],
    ),
    (
        "plant_represents_investment",
        "Solvane",
        "Solvane raised $60 million; its new plant, which represents an investment of $200 million, "
        "opens next year.",
        ["R 60M USD"],
    ),
    (
        "warehouse_facility_debt",
        "Lendora",
        "Lendora closed a $30 million Series B and separately secured a $150 million warehouse facility "
        "from a US bank.",
        ["R 30M USD"],
    ),
    (
        "gmv_not_valuation",
        "Tradora",
        "Tradora raised €7m and expects to process €50m in gross merchandise value in 2025.",
        ["R 7M EUR"],
    ),
    (
        "volume_d_affaires",
        "Tradora",
        "Tradora lève 7 millions d'euros et vise 50 millions d'euros de volume d'affaires cette année.",
        ["R 7M EUR"],
    ),
    (
        "research_project_funding",
        "Quanticell",
        "Quanticell a levé 12 millions de francs suisses. Elle a aussi obtenu 1,5 million de francs de "
        "l'Union européenne pour un projet de recherche sur les batteries.",
        ["R 12M CHF"],
    ),
    (
        "research_programme_en",
        "Quanticell",
        "Quanticell raised CHF 12m and received CHF 1.5m from a national agency for a research project "
        "with a university hospital.",
        ["R 12M CHF"],
    ),
    (
        "founded_by_lab_opener",
        "Neurova",
        "Neurova lève 20 millions d'euros. Créée en 2018 par trois chercheurs de l'Institut Pasteur, la "
        "start-up avait levé 5 millions d'euros en 2020.",
        ["R 20M EUR", "R 5M EUR"],
    ),
    (
        "founded_by_veterans_opener_en",
        "Neurova",
        "Neurova has raised $20 million. Founded in 2018 by two engineers from Stanford Medicine, the "
        "company had raised $5 million in 2020.",
        ["R 20M USD", "R 5M USD"],
    ),
    (
        "relative_clause_subject_pronoun",
        "Varlen",
        "Varlen lève 30 millions d'euros. Varlen, qui réalise 20 millions d'euros de chiffre d'affaires, a "
        "racheté l'an dernier la société Tramix pour 8 millions d'euros. Elle avait levé 12 millions "
        "d'euros en 2021.",
        ["R 30M EUR", "R 12M EUR"],
    ),
    (
        "relative_clause_subject_en",
        "Varlen",
        "Varlen has raised $30 million. Varlen, which posts $20 million in revenue, bought rival Tramix "
        "for $8 million last year. It had raised $12 million in 2021.",
        ["R 30M USD", "R 12M USD"],
    ),
    (
        "company_valued_when_it_raised_chf",
        "Alpora",
        "Alpora has raised CHF 30m. Existing backers including Rigi Capital joined the round. The company "
        "was valued at CHF 70m in 2021, when it raised CHF 10m.",
        ["R 30M CHF", "V 70M CHF", "R 10M CHF"],
    ),
    (
        "company_valued_when_it_raised_sek",
        "Alpora",
        "Alpora has raised SEK 300m. Existing investors also took part. The startup was valued at "
        "SEK 900m last year, when it raised SEK 120m.",
        ["R 300M SEK", "V 900M SEK", "R 120M SEK"],
    ),
    (
        "societe_valorisee_quand_elle_a_leve",
        "Alpora",
        "Alpora lève 30 millions de francs suisses. Des investisseurs historiques participent. La société "
        "était valorisée 70 millions de francs en 2021, quand elle avait levé 10 millions de francs.",
        ["R 30M CHF", "V 70M CHF", "R 10M CHF"],
    ),
    (
        "quebec_bare_dollars_background",
        "Nordica",
        "Nordica obtient 20 millions de dollars canadiens. L'entreprise avait amassé 6 millions de dollars "
        "en 2021.",
        ["R 20M CAD", "R 6M CAD"],
    ),
    (
        "quebec_m_dollar_notation",
        "Nordica",
        "La québécoise Nordica lève 20 millions de dollars canadiens. Elle avait récolté 6 M$ lors de sa "
        "ronde d'amorçage en 2021.",
        ["R 20M CAD", "R 6M CAD"],
    ),
    (
        "canadian_story_explicit_us_dollars",
        "Nordica",
        "Nordica lève 20 millions de dollars canadiens, après avoir levé 5 millions de dollars américains "
        "en 2021.",
        ["R 20M CAD", "R 5M USD"],
    ),
    (
        "m_d_euros_spelling",
        "Kelvio",
        "Kelvio lève 4,2 M d'euros pour accélérer en Allemagne.",
        ["R 4.2M EUR"],
    ),
    (
        "m_de_dollars_spelling",
        "Kelvio",
        "La start-up Kelvio a bouclé une levée de 12 M de dollars auprès de fonds américains.",
        ["R 12M USD"],
    ),
    (
        "securise_aupres_de_invest",
        "Marelia",
        "Marelia a sécurisé 18 M€ auprès de Breizh Invest et de Go Capital.",
        ["R 18M EUR"],
    ),
    (
        "securise_millions_aupres_de",
        "Marelia",
        "La biotech nantaise Marelia sécurise 7 millions d'euros auprès de Pays de la Loire Invest.",
        ["R 7M EUR"],
    ),
    (
        "secured_from_invest_en",
        "Marelia",
        "Marelia secured €18m from Atlantic Invest and Go Capital.",
        ["R 18M EUR"],
    ),
    (
        "tour_de_table_dont_ticket_seed_fund",
        "Lumiq",
        "Lumiq annonce un tour de table de 2 millions d'euros, dont 800 000 € apportés par le fonds "
        "Amorçage Seed Régions, le reste par des business angels.",
        ["R 2M EUR"],
    ),
    (
        "round_of_which_seed_fund_en",
        "Lumiq",
        "Lumiq has closed a round of $3 million, of which $1 million came from the Northern Seed Fund.",
        ["R 3M USD"],
    ),
    (
        "levee_dont_apportes_amorcage",
        "Lumiq",
        "Lumiq réalise une levée de fonds de 1,5 million d'euros, dont 500 000 euros apportés par un fonds "
        "d'amorçage régional.",
        ["R 1.5M EUR"],
    ),
    (
        "quote_bare_millions_story_in_euros",
        "Tandemo",
        "« Nous avons levé 20 millions en 2023 et nous sommes rentables », dit sa fondatrice. La région "
        "lui a accordé un prêt de 2 millions d'euros.",
        ["R 20M EUR"],
    ),
    (
        "quote_bare_million_story_in_pounds",
        "Tandemo",
        '"We raised 15 million last year, so we are not fundraising," the founder said. Tandemo booked '
        "£4m in revenue in 2024.",
        ["R 15M GBP"],
    ),
    (
        "bare_millions_two_currencies_ignored",
        "Tandemo",
        "« Nous avons levé 20 millions », dit-il. Le marché pèse 3 milliards de dollars, et l'entreprise "
        "vise 5 millions d'euros de ventes.",
        [],
    ),
    (
        "rival_annonce_avoir_leve",
        "Cyclea",
        "L'italien Pedalo a annoncé mardi avoir levé 60 millions d'euros, pour une valorisation de 300 "
        "millions. Cyclea, de son côté, cherche un acheteur.",
        [],
    ),
    (
        "rival_annonce_avoir_obtenu",
        "Cyclea",
        "Le suédois Rullo annonce avoir obtenu 25 millions d'euros auprès de Nordic Capital. Cyclea n'a "
        "pas levé depuis 2021.",
        [],
    ),
    (
        "entity_annonce_avoir_leve",
        "Cyclea",
        "Cyclea a annoncé jeudi avoir levé 15 millions d'euros auprès de Demeter.",
        ["R 15M EUR"],
    ),
    (
        "levee_en_deux_temps_total",
        "Hortis",
        "Hortis a bouclé sa levée en deux étapes : 4 M€ apportés en mars par Go Capital, puis 2 M€ en juin "
        "par Sofimac. Soit un total de 6 M€ pour ce tour d'amorçage.",
        ["R 6M EUR"],
    ),
    (
        "two_closes_total_for_this_series",
        "Hortis",
        "Hortis closed its raise in two steps: $5m from Seedcamp in March, then $3m from Frontline in June, "
        "for a total of $8m for this Series A.",
        ["R 8M USD"],
    ),
    (
        "total_depuis_creation_still_total",
        "Hortis",
        "Hortis lève 5 M€. La start-up a levé un total de 9 M€ depuis sa création.",
        ["R 5M EUR"],
    ),
    (
        "ranking_numero_entries",
        "Palmera",
        "Numéro 2 : Palmera. L'agritech a levé 70 millions d'euros en 2024.\n\n"
        "Numéro 3 : Quillo. Le spécialiste du paiement a levé 50 millions d'euros l'an dernier, pour une "
        "valorisation de 900 millions.",
        ["R 70M EUR"],
    ),
    (
        "ranking_no_entries_en",
        "Quillo",
        "No. 2: Palmera. The agritech raised $70 million in 2024.\n\n"
        "No. 3: Quillo. The payments specialist raised $50 million last year at a $900 million valuation.",
        ["R 50M USD", "V 900M USD"],
    ),
    (
        "class_threshold_fr",
        "Palmera",
        "Les entreprises valorisées plus d'un milliard d'euros sont de plus en plus nombreuses. Palmera "
        "lève 30 millions d'euros.",
        ["R 30M EUR"],
    ),
    (
        "class_threshold_en",
        "Palmera",
        "The number of startups valued at more than $1 billion keeps growing. Palmera raised $30 million.",
        ["R 30M USD"],
    ),
    (
        "soit_de_plus_qu",
        "Pyralis",
        "La levée valorise Pyralis 900 millions d'euros, soit 300 millions de plus qu'il y a un an.",
        ["V 900M EUR"],
    ),
    (
        "soit_de_moins_que",
        "Pyralis",
        "Cette opération valorise Pyralis 500 millions d'euros, soit 100 millions de moins que lors de "
        "son tour précédent.",
        ["V 500M EUR"],
    ),
]


@pytest.mark.parametrize(
    ("case_id", "entity", "text", "expected"),
    params(NEWSROOM3_FIX_CASES, [c[0] for c in NEWSROOM3_FIX_CASES]),
)
def test_newsroom3_fix(case_id: str, entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


# --------------------------------------------------------------------------- fixes from newsroom4

NEWSROOM4_FIX_CASES: list[tuple[str, str, list[str]]] = [
    # Nordic, Polish, African and Brazilian currencies: ISO codes, symbols and names.
    (
        "Fjellgard",
        "Oslo-based Fjellgard has raised NOK 90 million in a Series A led by Tromsø Kapital.",
        ["R 90M NOK"],
    ),
    (
        "Fjellgard",
        "La start-up danoise Fjellgard lève 75 millions de couronnes danoises auprès de Lolland Ventures.",
        ["R 75M DKK"],
    ),
    ("Wisla Labs", "Wisla Labs raised 30 million zlotys in a seed round led by Mazury VC.", ["R 30M PLN"]),
    ("Ikeja Cargo", "Ikeja Cargo has raised ₦2.5 billion in a Series A round.", ["R 2.5B NGN"]),
    (
        "Mombasa Solar",
        "Mombasa Solar has closed a KES 300 million round led by Tana Capital.",
        ["R 300M KES"],
    ),
    # A currency code or "Rs" before a figure is not a company that "it" can stand for.
    (
        "Gulmohar",
        "Gulmohar raised money. Sales were up. The firm posted revenue of Rs 310 crore. It last raised "
        "Rs 90 crore in 2023.",
        ["R 900M INR"],
    ),
    (
        "Fjellgard",
        "Fjellgard is growing. Its revenue was NOK 40 million. It raised NOK 25 million last year.",
        ["R 25M NOK"],
    ),
    # "the lab behind the X models", "the maker of the X app": a product name, not another company.
    (
        "Ostrava AI",
        "Ostrava AI, the lab behind the Kestrel family of models, is in talks to raise new funding at a "
        "valuation of about $4 billion.",
        ["V 4B USD"],
    ),
    (
        "Pellucid",
        "Pellucid, the maker of the Mirra note-taking app, is in talks to raise funding at a valuation of "
        "$900 million.",
        ["V 900M USD"],
    ),
    # "Kenyan agritech X": the nationality adjective is not the subject later pronouns refer to.
    (
        "Tana Grid",
        "Kenyan cleantech Tana Grid has closed a $4 million seed round. It follows a $1 million pre-seed "
        "round announced last year.",
        ["R 4M USD", "R 1M USD"],
    ),
    (
        "Wisla Labs",
        "Polish fintech Wisla Labs has raised €12 million. It had raised €3 million in 2023.",
        ["R 12M EUR", "R 3M EUR"],
    ),
    # A figure that a correction says was wrong is not a fact; the right one, when given, stands.
    (
        "Brava",
        "Brava raised €48 million in a Series A. Correction: An earlier version of this article misstated "
        "the size of the round as €84 million.",
        ["R 48M EUR"],
    ),
    (
        "Brava",
        "Brava a levé 14 millions d'euros. Rectificatif : une version précédente de cet article indiquait "
        "par erreur un montant de 41 millions d'euros.",
        ["R 14M EUR"],
    ),
    # "a cloud deal worth $10 billion": the value of an agreement, not a valuation.
    (
        "Ostrava AI",
        "Ostrava AI raised $300 million. It also signed a multiyear cloud deal worth more than $2 billion.",
        ["R 300M USD"],
    ),
    (
        "Brava",
        "Brava a levé 20 millions d'euros et signé un accord d'une valeur de 300 millions d'euros.",
        ["R 20M EUR"],
    ),
]


@pytest.mark.parametrize(("entity", "text", "expected"), NEWSROOM4_FIX_CASES)
def test_newsroom4_fix(entity: str, text: str, expected: list[str]) -> None:
    _check(text, entity, expected)


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        # Québec's own press writes Canadian dollars as plain dollars...
        ("Montréal : la jeune pousse Tavelo lève 40 millions de dollars auprès de Fonds Orléans.", "CAD"),
        ("Tavelo, de Québec, obtient 40 M$ pour sa série A.", "CAD"),
        # ...unless the story marks them American, or is not set in Québec.
        ("Montréal : la jeune pousse Tavelo lève 40 millions de dollars US auprès de Fonds Orléans.", "USD"),
        ("La jeune pousse lyonnaise Tavelo lève 40 millions de dollars auprès de Fonds Orléans.", "USD"),
    ],
)
def test_quebec_dollars_are_canadian(text: str, currency: str) -> None:
    (fact,) = extract_facts(text, "Tavelo")
    assert (fact.amount, fact.currency) == (40_000_000, currency)


def test_a_story_marking_us_dollars_reads_its_bare_dollars_as_australian() -> None:
    text = "Tavelo raised $US40 million from Orion Partners. Its Sydney rival Quokka had raised $25 million."
    facts = {(f.amount, f.currency) for f in extract_facts(text, "Quokka", model="rules")}
    assert facts == {(25_000_000, "AUD")}
