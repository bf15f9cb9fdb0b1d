"""Whose figure it is, and whether it is funding at all, where coverage of unseen companies went wrong:
another company as a sentence's subject, a counted set of deals, a descriptor before a name, a target
described at length, the entries of a list, legal share capital, a fund's endowment, a sector's tally,
an economy's worth, earlier money as a total, a subsidiary's share, a figure long before the company is
first named, a place after "la société de", a fund's size, Belgian counts of millions, Québec's dollars.
Invented cases, each a phenomenon of real coverage (none of its sentences)."""

from __future__ import annotations

import pytest

from tests.test_facts_frames import Expected, R, V, _facts

CASES: list[tuple[str, str, str, Expected]] = [
    # A descriptor with an elided article and a figure-like word still names the company after it.
    (
        "descriptor_elided_article",
        "Zorblo",
        "Zorblo boucle 8 millions de dollars. Par ailleurs, le fabricant d'écrans 8K Quaxi a obtenu "
        "30 millions de dollars.",
        {R("8000000")},
    ),
    # The target of an investment, described at length in lower-case words before its name.
    (
        "target_described_at_length",
        "Zorblo",
        "Un fonds nordique, Kobalt, a investi 90 millions de dollars dans la plateforme de covoiturage rural "
        "et solidaire belge Zorblo.",
        {R("90000000")},
    ),
    # What the money is spent on, "of" the company, is no description of it.
    (
        "target_expansion_of",
        "Zorblo",
        "Depuis 2019, Kobalt a investi environ 12 millions d'euros dans l'expansion de Zorblo.",
        set(),
    ),
    # Earlier rounds in the plural are rounds.
    (
        "plural_earlier_rounds",
        "Zorblo",
        "Zorblo obtient 60 millions d'euros. Les fonds qui sortent avaient financé ses tours antérieurs de "
        "7 millions d'euros en 2019.",
        {R("60000000", "EUR"), R("7000000", "EUR")},
    ),
    # Each entry of a list owns the figure right after its name.
    (
        "list_entries",
        "Zorblo",
        "Côté levées : Quaxi, 22 millions d'euros, Plimo, 9 millions, Zorblo 4 millions et Kobalt 1 million.",
        {R("4000000", "EUR")},
    ),
    # An adjective opening the sentence is no name in apposition to "la jeune pousse".
    (
        "adjective_opener",
        "Zorblo",
        "Zorblo conçoit des serres connectées. Prudente, la jeune pousse a pourtant réuni 14 millions "
        "d'euros en mars 2021 auprès de Kobalt Capital.",
        {R("14000000", "EUR")},
    ),
    # The net total amount of one raise is its size, not money gathered over the years.
    (
        "net_total_of_a_raise",
        "Zorblo",
        "Zorblo a réalisé une levée d'un montant net total de 18,4 millions d'euros.",
        {R("18400000", "EUR")},
    ),
    # Legal share capital and a programme's endowment are nobody's raise.
    (
        "share_capital",
        "Zorblo",
        "Zorblo, société par actions simplifiée au capital de 41 200 euros, a son siège à Nantes.",
        set(),
    ),
    (
        "programme_endowment",
        "Zorblo",
        "Le programme régional Kobalt Impulsion, doté de 75 millions d'euros, accompagne notamment Zorblo.",
        set(),
    ),
    # A sector's tally after an opening phrase belongs to nobody (the comma is no apposition).
    (
        "sector_tally_after_opener",
        "Zorblo",
        "Zorblo obtient 3 millions d'euros. Sur l'ensemble du mois, le secteur a levé 52 millions d'euros.",
        {R("3000000", "EUR")},
    ),
    # What an economy is worth is nobody's valuation.
    (
        "economy_worth",
        "Zorblo",
        "Zorblo raised $2 billion. The region's digital economy is worth $90 billion, analysts say.",
        {R("2000000000")},
    ),
    # What came before, undated and unnamed, is a total; a dated, named earlier round stays a round.
    (
        "previously_raised_total",
        "Zorblo",
        "Zorblo secured $150 million on Monday. Before that, the firm had previously raised $60 million, a "
        "spokesperson said.",
        {R("150000000")},
    ),
    (
        "previously_raised_named_round",
        "Zorblo",
        "Zorblo had previously raised $12 million in a seed round in 2022.",
        {R("12000000")},
    ),
    # Another company opening a sentence as its subject owns the figure, whatever its verb, after an
    # opening phrase or a descriptor; an investor as the subject still speaks of the company's round.
    (
        "subject_other_company_any_verb",
        "Zorblo",
        "Zorblo lève 5 millions d'euros. Quaxi Robotics prolonge sa série B jusqu'à 64 millions d'euros.",
        {R("5000000", "EUR")},
    ),
    (
        "subject_after_opener_and_aside",
        "Zorblo",
        "Zorblo lève 5 millions d'euros. Installée à Lille depuis dix ans, Plimo a, de son côté, finalisé "
        "une augmentation de capital de 21 millions d'euros.",
        {R("5000000", "EUR")},
    ),
    (
        "subject_after_descriptor",
        "Zorblo",
        "Zorblo lève 5 millions d'euros. L'assureur néerlandais Kobalt a annoncé mardi un financement de "
        "48 millions d'euros.",
        {R("5000000", "EUR")},
    ),
    (
        "subject_investor_company_round",
        "Zorblo",
        "Zorblo fabrique des capteurs. Kobalt Ventures pilote cette levée de 6 millions d'euros.",
        {R("6000000", "EUR")},
    ),
    (
        "subject_capitalised_opener_is_no_name",
        "Zorblo",
        "Zorblo fabrique des capteurs. Résultat : une valorisation de 900 millions d'euros pour la jeune "
        "pousse.",
        {V("900000000", "EUR")},
    ),
    # Money summed over a counted set of deals or companies is nobody's.
    (
        "counted_set_subject",
        "Zorblo",
        "Zorblo lève 5 millions d'euros. Sur l'année, 41 entreprises bretonnes ont levé 230 millions "
        "d'euros.",
        {R("5000000", "EUR")},
    ),
    (
        "counted_set_after",
        "Zorblo",
        "Zorblo lève 5 millions d'euros. Les biotechs ont attiré 64 millions d'euros répartis sur neuf "
        "opérations.",
        {R("5000000", "EUR")},
    ),
    # Each entry of a list in parentheses owns its figure; so does "dans le cas de" a name.
    (
        "list_entries_in_parentheses",
        "Zorblo",
        "Le palmarès du trimestre : santé (Quaxi, 31 millions d'euros levés), logistique (Zorblo, "
        "12 millions d'euros levés) et énergie (Plimo, 7 millions d'euros levés).",
        {R("12000000", "EUR")},
    ),
    (
        "in_the_case_of",
        "Zorblo",
        "Les tours suisses ont grossi : 40 millions de francs dans le cas de Quaxi, 25 millions dans celui "
        "de Zorblo.",
        {R("25000000", "CHF")},
    ),
    # "est estimée à" is a valuation; "un montant estimé à" stays a price.
    (
        "estimated_at_valuation",
        "Zorblo",
        "Zorblo vient de lever 300 millions de dollars ; la société est estimée à 2 milliards de dollars.",
        {R("300000000"), V("2000000000")},
    ),
    (
        "estimated_amount_is_no_valuation",
        "Zorblo",
        "Zorblo annonce l'acquisition de Quaxi pour un montant estimé à 18 millions d'euros.",
        set(),
    ),
    # Money into a subsidiary is the subsidiary's, even when its name holds the company's.
    (
        "subsidiary_share",
        "Zorblo",
        "Kobalt investit 30 millions d'euros dans Zorblo et 6 millions d'euros dans sa filiale "
        "Zorblo Iberia.",
        {R("30000000", "EUR")},
    ),
    # A figure well before the text first names the company, naming nobody, is not the company's: the
    # lede of a regional roundup; once the company is named, the text speaks of it.
    (
        "far_before_first_named",
        "Zorblo",
        "Une levée de fonds de 420 millions d'euros a été bouclée cette année dans la région, un record "
        "selon l'agence de développement, qui compte désormais trois fois plus de dossiers qu'il y a "
        "cinq ans. "
        "Les acteurs de la santé et de l'énergie arrivent en tête, devant le logiciel, la logistique et "
        "l'agroalimentaire, qui progressent tous par rapport à l'an dernier et attirent des fonds "
        "venus de toute l'Europe. Parmi les dossiers marquants figure Zorblo, qui conçoit des "
        "batteries. La jeune pousse a levé 12 millions d'euros en mars.",
        {R("12000000", "EUR")},
    ),
    (
        "just_before_first_named",
        "Zorblo",
        "Un tour de table de 12 millions d'euros vient d'être bouclé. Zorblo, qui conçoit des batteries, "
        "compte recruter.",
        {R("12000000", "EUR")},
    ),
    # "l'entreprise de Tourcoing": a place after "de", not another company's name; the figure stays the
    # company's, named just before.
    (
        "company_of_a_place",
        "Zorblo",
        "Zorblo change de dimension : l'entreprise de Tourcoing, qui fabrique des drones agricoles, a "
        "conclu une levée de 40 millions d'euros.",
        {R("40000000", "EUR")},
    ),
    # Belgian and Swiss approximate counts of millions.
    (
        "septantaine_de_millions",
        "Zorblo",
        "Zorblo annonce un tour de table d'une nonantaine de millions d'euros, mené par Kobalt.",
        {R("90000000", "EUR")},
    ),
    # Companies in general raising, in the pluperfect: a sector's tally.
    (
        "sector_pluperfect",
        "Zorblo",
        "Zorblo recrute. L'an passé, les start-up du vin avaient levé 80 millions d'euros.",
        set(),
    ),
    # A fund's size, said with its kind or what it holds, is no round.
    (
        "venture_fund_size",
        "Zorblo",
        "Zorblo a levé 3 millions d'euros. Kobalt Partners gère aussi un fonds de capital de risque de 60 "
        "millions d'euros, consacré à la mobilité.",
        {R("3000000", "EUR")},
    ),
    (
        "fund_holds",
        "Zorblo",
        "Zorblo a levé 3 millions d'euros auprès de Kobalt Invest. Le fonds d'amorçage régional Kobalt, qui "
        "cible la santé, dispose de 40 millions d'euros.",
        {R("3000000", "EUR")},
    ),
    # A part of earlier funding named as a round is one of the rounds, not a slice of a deal.
    (
        "included_named_round",
        "Zorblo",
        "Zorblo closed a $45 million Series C. Its backing so far has included a $9 million Series A in "
        "2021.",
        {R("45000000"), R("9000000")},
    ),
    # Another company named in commas after a long description opens the sentence: its figure.
    (
        "name_in_commas_after_description",
        "Zorblo",
        "Zorblo lève 10 millions de dollars. À Berlin, le fabricant de vélos cargo électriques pour "
        "livreurs, Rollwerk.de, obtient 33 millions de dollars en série B.",
        {R("10000000")},
    ),
    # "the" inside a list entry's name: the entry is its own, not the company's named before.
    (
        "list_entry_name_with_the",
        "Zorblo",
        "Côté montants, on retient la logistique (Zorblo, 12 M€ levés), le jeu (Catch the Wave, 8 M€ "
        "levés) et le sport (Plimo, 5 M€ levés).",
        {R("12000000", "EUR")},
    ),
    # A bare figure in a story told in one currency: the currency carries to it when a raise's participle
    # follows it or a raise's noun precedes it.
    (
        "bare_figure_participle_after",
        "Zorblo",
        "Les jeunes pousses du canton ont réuni 140 millions de francs. Zorblo arrive en tête avec 31 "
        "millions récoltés lors de sa série B.",
        {R("31000000", "CHF")},
    ),
    (
        "bare_figure_round_noun_before",
        "Zorblo",
        "Kobalt avait réuni 4 millions d'euros en 2019. Zorblo vient pour sa part de conclure un tour de "
        "table de 9 millions.",
        {R("9000000", "EUR")},
    ),
    # "la PME", "l'ETI": French descriptors of a company before its name.
    (
        "pme_descriptor",
        "Zorblo",
        "Zorblo lève 3 M€ en amorçage. Du côté de Grenoble, la PME familiale Kobalt Optique a pour sa part "
        "obtenu 11 millions d'euros.",
        {R("3000000", "EUR")},
    ),
    # Founders raising, further on in a story about the company, raise for it.
    (
        "founders_raise_further_on",
        "Zorblo",
        "Zorblo conçoit des capteurs pour les vignes. Ses clients sont surtout bordelais. L'équipe compte "
        "40 salariés. Basés à Pauillac, les cofondateurs Anne Morel et Paul Brun ont levé 12 millions "
        "d'euros l'an dernier.",
        {R("12000000", "EUR")},
    ),
    # A roundup's entries, "Name (sum for a purpose)": each its own company's round.
    (
        "roundup_entry_for_a_purpose",
        "Zorblo",
        "Le trimestre a profité à des acteurs variés : Kobalt Santé (6,5 M€ pour tester son implant), "
        "Zorblo (3 M€ pour ouvrir une usine) et Plimo (2 M€ pour embaucher).",
        {R("3000000", "EUR")},
    ),
    # "pour sa part", "de son côté" between another company and its verb: still its figure.
    (
        "contrast_adverbial_between_subject_and_verb",
        "Zorblo",
        "Zorblo boucle 4 millions d'euros. La place de marché Kobalt Bois a pour sa part obtenu 60 millions "
        "d'euros.",
        {R("4000000", "EUR")},
    ),
    # The lead's own ticket is not the round.
    (
        "lead_with_a_ticket",
        "Zorblo",
        "Zorblo is raising $300m, people familiar said. Kobalt Partners is set to lead the round with a "
        "$120m investment.",
        {R("300000000")},
    ),
    # English press drops the article before a descriptor: the company after it still opens the sentence.
    (
        "articleless_descriptor_opening",
        "Zorblo",
        "Zorblo raised €20m. Elsewhere, travel booking platform Kobalt touted a €90m round.",
        {R("20000000", "EUR")},
    ),
    # A writer's back-of-the-envelope value is no valuation.
    (
        "notional_value",
        "Zorblo",
        "Zorblo closed a €40m round. Applying its rival's revenue multiple would give a theoretical "
        "valuation of roughly $1.1bn, a columnist noted.",
        {R("40000000", "EUR")},
    ),
    # A size prefix on the cue word: "méga-levée", "mega-round".
    (
        "mega_prefixed_cue",
        "Zorblo",
        "Deux ans après sa méga-levée, qui portait alors sur 90 millions d'euros, Zorblo recrute encore.",
        {R("90000000", "EUR")},
    ),
    # A list of companies each with its sum in parentheses is a roundup of deals.
    (
        "list_of_companies_sums",
        "Zorblo",
        "Kobalt (31 millions $), Quaxi Robotique (18 millions $), Zorblo (12 millions $) et Plimo (6 "
        "millions $) : l'année fut faste pour la robotique.",
        {R("12000000", "USD")},
    ),
    # A list of companies' sums states its currency once, further on: the bare entries before take it.
    (
        "list_currency_stated_later",
        "Zorblo",
        "Suivent Kobalt (4 millions), Zorblo (2,5 millions), Plimo (1,2 million) et Quaxi (900 000 euros).",
        {R("2500000", "EUR")},
    ),
    # Below a million too ("750 000 $"), and even where the story marks other dollars as American.
    (
        "quebec_dollars_below_a_million",
        "Zorblo",
        "La jeune pousse québécoise Zorblo a obtenu 750 000 $ en amorçage. Son concurrent texan avait levé "
        "2 millions $ US l'an dernier.",
        {R("750000", "CAD")},
    ),
    # Who a start-up was founded with is a person, not the company "la jeune pousse" stands for next.
    (
        "cofounded_with_a_person",
        "Zorblo",
        "Marc Petit dirige Zorblo, une start-up cofondée avec Julie Arnaud en 2019 à Toulouse. La jeune "
        "pousse a levé 6 millions d'euros en juin.",
        {R("6000000", "EUR")},
    ),
    # A legal form alone ("la SASU") is the company spoken of, not another one.
    (
        "legal_form_as_subject",
        "Zorblo",
        "Zorblo édite un logiciel de paie. La SARL a annoncé avoir levé 3 millions d'euros en mars.",
        {R("3000000", "EUR")},
    ),
    # Where the company comes from (the studio it came out of) does not become what the text is about.
    (
        "origin_is_no_topic",
        "Zorblo",
        "Zorblo, une jeune entreprise issue du start-up studio lillois Kobalt Lab, fabrique des drones "
        "agricoles. La société a annoncé avoir levé 40 millions de dollars en série C.",
        {R("40000000")},
    ),
    # Another company "which was valued at" a figure, in the past tense: its valuation, not the company's.
    (
        "which_was_valued_aside",
        "Zorblo",
        "Zorblo is weighing an offer for Kobalt. Kobalt, which was valued at $1.4 billion in 2021, later "
        "cut a third of its staff.",
        set(),
    ),
    # Québec's press writes Canadian dollars "31 millions $".
    (
        "quebec_dollars_after_the_number",
        "Zorblo",
        "Zorblo, de Montréal, a conclu un financement de 31 millions $ mené par Kobalt.",
        {R("31000000", "CAD")},
    ),
    # A French cleft: the figure, an aside in commas, then "que" and a raise verb: the round of the
    # company named after the verb, whether it is the one tracked or another.
    (
        "cleft_with_aside_own",
        "Zorblo",
        "C'est un joli chèque de 8 millions d'euros, son deuxième tour en trois ans, que vient d'obtenir "
        "Zorblo auprès de ses actionnaires.",
        {R("8000000", "EUR")},
    ),
    (
        "cleft_with_aside_other",
        "Zorblo",
        "Zorblo vend des vélos cargo. C'est une enveloppe de 12 millions d'euros, la plus belle du "
        "trimestre, que vient de boucler Kobalt, son rival lillois.",
        set(),
    ),
    # Money as a market's measure, its subject the investment itself and its verb a level or a change:
    # nobody's round, even with a nationality before the collective noun.
    (
        "market_tally_fr",
        "Zorblo",
        "Zorblo lève 5 millions d'euros. Selon le baromètre annuel, les financements dans l'agritech ont "
        "atteint 380 millions d'euros sur les neuf premiers mois.",
        {R("5000000", "EUR")},
    ),
    (
        "market_tally_en",
        "Zorblo",
        "Zorblo raised €5m in May. Overall venture funding into Baltic startups fell to $2.4bn in the "
        "second quarter, while funding in the insurtech sector reached $700m.",
        {R("5000000", "EUR")},
    ),
    # The price of one investor's stake, right after a larger round of the company, is its share of
    # that round; alone, a stake bought is the round.
    (
        "stake_price_within_round",
        "Zorblo",
        "Zorblo a levé 140 millions d'euros auprès de six fonds. Le groupe Kobalt, son principal "
        "investisseur, prend 9 % du capital pour 60 millions d'euros.",
        {R("140000000", "EUR")},
    ),
    (
        "stake_price_alone",
        "Zorblo",
        "Kobalt took a 10% stake in Zorblo for $30 million, its first bet on drones.",
        {R("30000000")},
    ),
    # A capitalised word opening a sentence right before a raise verb is a company, even where the text
    # never writes it inside a sentence.
    (
        "opening_word_before_raise_verb",
        "Zorblo",
        "Zorblo prépare sa série A. Kobalt vient de lever 40 millions d'euros.",
        set(),
    ),
    # « La plus grosse levée revient à Plimo »: whose deal it is; "l'entreprise" next is Plimo.
    (
        "deal_goes_to_name",
        "Zorblo",
        "Zorblo prépare sa série A. La levée la plus commentée du mois revient à Plimo. L'entreprise a "
        "réussi à réunir 23 millions de dollars.",
        set(),
    ),
    # CFA francs: West African unless the story is set in Central Africa alone.
    (
        "cfa_west",
        "Zorblo",
        "La start-up dakaroise Zorblo a levé 650 millions de FCFA auprès de business angels.",
        {R("650000000", "XOF")},
    ),
    (
        "cfa_central",
        "Zorblo",
        "La start-up camerounaise Zorblo, basée à Douala, a levé 300 millions de francs CFA.",
        {R("300000000", "XAF")},
    ),
    (
        "cfa_needs_not_a_round",
        "Zorblo",
        "Zorblo, à Dakar, a lancé une campagne dont les besoins initiaux étaient de 90 millions FCFA.",
        set(),
    ),
    # A definition: any start-up's worth, none's in particular.
    (
        "unicorn_definition",
        "Zorblo",
        "Zorblo est devenue une licorne. Ce terme désigne une start-up non cotée dont la valorisation "
        "atteint au moins un milliard de dollars.",
        set(),
    ),
    # A project's cost, a grant "octroyé", a loan "consenti": no round, no valuation.
    (
        "project_grant_loan",
        "Zorblo",
        "Zorblo construit une usine. Pour ce projet, évalué à 4 200 000 euros, la Région a octroyé un "
        "montant de 1 100 000 euros et la banque a consenti un prêt de 900 000 euros.",
        set(),
    ),
    # A seller's later payments (earn-out) are no round.
    (
        "earn_out",
        "Zorblo",
        "Kobalt rachète Zorblo. Ses actionnaires pourront aussi recevoir des paiements d'étape liés aux "
        "ventes, jusqu'à 90 millions d'euros.",
        set(),
    ),
    # "valorisation" as bringing research to market is no valuation cue.
    (
        "transfer_sense_of_valorisation",
        "Zorblo",
        "Zorblo, soutenue par la filiale de valorisation du CNRS, doit absolument trouver 8 millions "
        "d'euros.",
        set(),
    ),
    # The level a capital increase brought the legal share capital to.
    (
        "share_capital_raised_to",
        "Zorblo",
        "Zorblo a été créée en 2015. En mars, une émission d'actions nouvelles a porté son capital à "
        "412.300 €.",
        set(),
    ),
    # What each of several companies will receive is none's round in particular.
    (
        "each_company_receives",
        "Zorblo",
        "Zorblo figure parmi les dix élus du concours. Chaque société recevra jusqu'à 12 millions d'euros, "
        "selon le jury.",
        set(),
    ),
    (
        "each_company_receives_en",
        "Zorblo",
        "Zorblo was among the winners. Each company will receive up to $2 million in equity.",
        set(),
    ),
    # (the company receiving money is still its round)
    (
        "company_received",
        "Zorblo",
        "Zorblo a reçu 3 millions d'euros de ses investisseurs.",
        {R("3000000", "EUR")},
    ),
    # "Kobalt, qui ... et dont la valorisation atteint": the relative clause gives the worth of the name
    # before it, not of the company the text is about.
    (
        "whose_valuation_relative",
        "Zorblo",
        "Zorblo lève 20 millions d'euros. Son investisseur a déjà misé sur l'assureur danois Kobalt, qui "
        "vise 2 millions de clients et dont la valorisation dépasse 4 milliards de dollars.",
        {R("20000000", "EUR")},
    ),
    # Book equity ("capitaux propres", "net asset value") is no valuation a deal set.
    (
        "book_equity_is_no_valuation",
        "Zorblo",
        "Zorblo lève 20 millions d'euros auprès de Kobalt. Au bilan 2024, les capitaux propres du fonds "
        "Kobalt sont évalués à 6,2 milliards d'euros.",
        {R("20000000", "EUR")},
    ),
    (
        "equity_added_is_a_raise",
        "Zorblo",
        "Zorblo renforce ses capitaux propres de 5 millions d'euros auprès de Kobalt.",
        {R("5000000", "EUR")},
    ),
    # The company named as the subject that receives an investor's money: its round; another company
    # receiving it: not the tracked company's.
    (
        "company_gets_injection",
        "Zorblo",
        "Zorblo gets a $40 million cash injection from Kobalt.",
        {R("40000000")},
    ),
    (
        "other_gets_injection",
        "Zorblo",
        "Kobalt gets a $40 million injection from Orion. Zorblo is next in line.",
        set(),
    ),
    # A billion with no digit, as the mark the company's worth passes.
    (
        "billion_mark_en",
        "Zorblo",
        "Zorblo crosses the billion-dollar mark after a Kobalt-led deal",
        {V("1000000000")},
    ),
    (
        "billion_mark_fr",
        "Zorblo",
        "La fintech Zorblo franchit la barre du milliard de dollars.",
        {V("1000000000")},
    ),
    (
        "billion_valuation_fr",
        "Zorblo",
        "Zorblo passe le cap du milliard d'euros de valorisation après son tour mené par Kobalt",
        {V("1000000000", "EUR")},
    ),
    # (a market, or a deal, is no company's worth)
    (
        "billion_not_a_mark",
        "Zorblo",
        "Zorblo a levé 45 millions d'euros. Son marché dépasse le milliard d'euros. Zorblo signs a "
        "billion-dollar deal with Kobalt.",
        {R("45000000", "EUR")},
    ),
    # Money named as funding "since <year>", or brought to a sum "le montant levé": a total, not a round.
    (
        "funding_since_year_fr",
        "Zorblo",
        "Zorblo, c'est 35 millions d'euros d'investissements depuis 2016.",
        set(),
    ),
    ("funding_since_year_en", "Zorblo", "Zorblo has raised $80 million in funding since 2017.", set()),
    (
        "brought_to_amount_raised",
        "Zorblo",
        "Grâce à ce tour, Zorblo porte à 70 millions d'euros le montant levé.",
        set(),
    ),
    # (the biggest raise "since <year>" is still this round)
    (
        "biggest_since_year",
        "Zorblo",
        "Zorblo raised $20 million, its biggest round since 2016.",
        {R("20000000")},
    ),
    # A sector named in the plural ("les biotechs wallonnes", "Dutch fintechs") raising: a tally, nobody's.
    (
        "sector_plural_raises_fr",
        "Zorblo",
        "Zorblo lève 5 millions d'euros. Au total, les medtechs bretonnes ont levé 210 millions d'euros l'an "
        "dernier.",
        {R("5000000", "EUR")},
    ),
    (
        "sector_plural_raises_en",
        "Zorblo",
        "Zorblo raised €5m. Estonian insurtechs raised €300m in the first half.",
        {R("5000000", "EUR")},
    ),
    # Each sector's tally in parentheses after its lower-case name is nobody's round.
    (
        "sector_list_entries",
        "Zorblo",
        "Among the top-funded sectors were robotics (€410 million), where Zorblo raised €30 million, and "
        "insurance (€250 million).",
        {R("30000000", "EUR")},
    ),
    # An offering's over-allotment, and a fund's tickets into a counted set of companies, are no round.
    (
        "over_allotment",
        "Zorblo",
        "Zorblo lève 64 millions d'euros et dispose en outre d'une option de surallocation de 9 millions "
        "d'euros.",
        {R("64000000", "EUR")},
    ),
    (
        "tickets_into_counted_companies",
        "Zorblo",
        "Zorblo ouvre le bal. Kobalt Ventures prendra des participations de 2 à 8 millions d'euros dans une "
        "vingtaine d'entreprises d'ici 2028.",
        set(),
    ),
    # "Kobalt, par exemple, ...": another company opening a sentence with an example's aside becomes
    # what the text speaks of next.
    (
        "example_aside_hands_over_topic",
        "Zorblo",
        "Zorblo vaut 2 milliards de dollars. Kobalt, par exemple, a dû licencier 200 personnes l'an dernier. "
        "En mars, une levée de 300 millions de dollars avait pourtant été bouclée.",
        {V("2000000000")},
    ),
]


@pytest.mark.parametrize(("name", "company", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_roles(name: str, company: str, text: str, expected: Expected) -> None:
    assert _facts(text, company) == expected, name


def test_dotted_name_ends_a_sentence() -> None:
    from watcher.facts.sentences import split_sentences

    text = "La levée revient à Plimo.ai. L'entreprise vise l'Europe. Les fonds U.S. ont suivi."
    assert [s.text for s in split_sentences(text)] == [
        "La levée revient à Plimo.ai.",
        "L'entreprise vise l'Europe.",
        "Les fonds U.S. ont suivi.",
    ]


def test_glued_paragraphs_split_but_not_a_dotted_brand() -> None:
    """Paragraphs an extractor ran together split at "monde.La"; a brand written "Quaxi.Io" stays whole,
    and its round stays its own."""
    from watcher.facts.sentences import split_sentences

    text = "Plimo vise le monde.La société recrute. Quaxi.Io, une fintech de Berlin, a levé 9 M€."
    assert [s.text for s in split_sentences(text)] == [
        "Plimo vise le monde.",
        "La société recrute.",
        "Quaxi.Io, une fintech de Berlin, a levé 9 M€.",
    ]
    assert _facts(text, "Quaxi.Io") == {R("9000000", "EUR")}
