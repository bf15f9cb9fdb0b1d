"""A second, untuned set of newsroom excerpts, scored the way the judges score the fact extractor.

``tests/test_facts_newsroom.py`` has been used to fix the extractor, so its score over-states quality.
This set was written afterwards, without looking at the extractor's output first, in sectors and styles
the first set under-represents (deep tech, quantum, space, health and medtech, mobility and batteries,
agrifood, cybersecurity, gaming, crypto, proptech, HR tech, edtech; wire scoops, analysis pieces with
round histories, down/flat/bridge rounds, convertible notes, IPO and SPAC mentions, corporate venture,
sovereign funds, crowdfunding, interviews, year-in-review roundups, LinkedIn-style announcements,
numbers written in words). Every company, investor, person and figure is invented.

Labelling rules (what a careful reader takes from the excerpt alone):

* Expected facts are the funding rounds and valuations of the tracked company, earlier rounds restated
  as background included, rumoured figures included (status ``rumoured``). A range ("between $80m and
  $100m") is expected at its first figure; "more than $2bn" at $2bn.
* A funding round is new money raised privately: priced equity rounds, seed/pre-seed, extensions,
  bridge rounds, convertible notes / obligations convertibles, equity crowdfunding campaigns, and the new
  money a listing raises (IPO proceeds, as the shared labelled real coverage reads them). One round
  is one fact: the tranches or the ticket of one investor inside a stated round are not extra facts.
* Not rounds: debt and loans,
  grants, licensing upfronts, secondary share sales (no new money), acquisition prices, fund sizes,
  totals raised to date (``total_raised`` is not scored), other companies' deals.
* A valuation is the company's value in a private transaction: a round (pre- or post-money, each
  stated figure a fact), a tender offer / secondary sale, or talks about one. NOT valuations: the
  market capitalisation of a listed company, the value at which it lists in an IPO, an acquisition
  price, and differences ("$1.4bn less than") or multiples without a figure ("less than half its 2021
  valuation" yields only the 2021 figure). A figure stated once is one fact,
  even when the text says it is unchanged from an earlier round (flat round).
* A SPAC merger: the real labelled coverage (``../shared``, and the replays' must-find changes) reads the
  value it gives the combined company as the company's valuation, and the cash it brings (trust and PIPE
  together) as a round; so do these cases.

Matching follows the judges: kind + amount within 2 % + currency (or the stated equivalent),
one-to-one; both precision and recall must be perfect per case.

Cases the extractor got wrong when the set was written are marked ``xfail(strict=True)`` with what goes
wrong, so that a fix shows up as an XPASS to un-mark. ``benchmarks/newsroom_score.py --set 2`` prints P/R/F1.
"""

from __future__ import annotations

import pytest

from tests.test_facts_newsroom import (
    Case,
    R,
    V,
    _t,
    assert_scored_exactly,
    assert_status_and_round,
    assert_well_formed,
    case_params,
)

# --------------------------------------------------------------------------- cases: English

CASES: list[Case] = [
    Case(
        "scoop_en_quantum_sovereign_talks",
        "Qubitline",
        _t("""
            Qubitline, the Boston-based developer of trapped-ion quantum computers, is in advanced talks
            to raise about $250 million in a funding round that would value it at roughly $2.2 billion,
            according to people familiar with the matter.

            The Al Noor Investment Authority, a Gulf sovereign wealth fund, would lead the round, said the
            people, who asked not to be identified because the talks are private. Terms could still
            change and no final decision has been made.

            Qubitline was valued at $900 million in 2023, when it raised a $110 million Series B led by
            Coldharbor Ventures. The company has said it expects to deliver a 1,000-qubit machine to a US
            national laboratory in 2026 under a $60 million contract.

            Representatives for Qubitline and Al Noor declined to comment.
        """),
        (
            R("250M", "USD", status="rumoured"),
            V("2.2B", "USD", status="rumoured"),
            V("900M", "USD"),
            R("110M", "USD", rnd="series_b"),
        ),
    ),
    Case(
        "ft_en_space_down_round_less_than_half",
        "Orbitra",
        _t("""
            Orbitra, the small-satellite launch company once hailed as Europe's answer to its American
            rivals, has raised $60mn in a round that values it at less than half its 2021 valuation of
            $1.4bn, according to two people briefed on the deal.

            The fundraising, led by existing shareholder Haldane Partners, follows two failed launches
            and the collapse last year of a planned merger with a special purpose acquisition company
            that would have valued Orbitra at $3.1bn including debt.

            Orbitra's chief executive, Mireille Stavros, said the company had "the runway to reach orbit
            twice more" and would resume flights from its Norwegian site next spring. The company also
            holds a €45mn launch contract from the European Space Agency.

            "Valuations across launch have reset; we are no exception," said one investor.
        """),
        (R("60M", "USD", status="reported"), V("1.4B", "USD")),
    ),
    Case(
        "reuters_en_battery_cvc_mixed_currency",
        "Voltaran",
        _t("""
            STOCKHOLM, March 4 (Reuters) - Swedish battery start-up Voltaran said on Tuesday it had raised
            €120m ($130m) in a Series C round led by Kessler Ventures, the corporate venture arm of German
            carmaker Kessler Motors, to scale up production of sodium-ion cells.

            Existing investors Nordvik Capital and the Baltic Climate Fund also took part. Voltaran said it
            had separately secured a €200m loan from the European Investment Bank and a €40m grant from
            the EU Innovation Fund, which will go towards a plant in northern Sweden.

            Kessler Motors, which reported a net profit of €3.2bn last year, said it would buy cells from
            Voltaran for two entry-level models from 2027. Voltaran raised €35m in a Series B in 2022.
        """),
        (
            R("120M", "EUR", eq="130M USD", status="announced", rnd="series_c"),
            R("35M", "EUR", rnd="series_b"),
        ),
    ),
    Case(
        "blog_en_medtech_convertible_note",
        "Cardiflo",
        _t("""
            Cardiflo, which makes an implantable sensor that warns heart-failure patients of fluid build-up,
            has closed a $15 million convertible note from its existing investors as it waits for a delayed
            FDA decision, the company told MedTech Dive.

            The note, which converts into the company's next priced round at a 20% discount, is meant to
            bridge Cardiflo to a Series C it hopes to raise next year once the device is cleared.

            Cardiflo raised a $48 million Series B in 2022 at a $210 million post-money valuation, led by
            Arbor Health Partners. Chief executive Dana Whitcombe said the company had cut its burn by a
            third. "We would rather raise from insiders than raise at the wrong price," she said.
        """),
        (
            R("15M", "USD", status="announced"),
            R("48M", "USD", rnd="series_b"),
            V("210M", "USD"),
        ),
    ),
    Case(
        "blog_en_cyber_competitor_only",
        "Bastionix",
        _t("""
            Cipherwell, a startup that finds leaked credentials on criminal forums before attackers use
            them, has raised $45 million in a Series B led by Redcliff Ventures.

            The New York company says it now monitors more than 9,000 dark-web channels and sells to 120
            banks. It competes with larger players such as Bastionix and Sentara, which bundle
            threat-intelligence feeds with their endpoint products.

            "Bastionix is a great company, but it was built for a world where the perimeter still
            existed," said Cipherwell chief executive Omar Haddad, a former Bastionix engineer.

            Cipherwell previously raised a $12 million Series A. It plans to double its headcount to 200
            by the end of next year.
        """),
        (),
    ),
    Case(
        "blog_en_gaming_former_employer",
        "Pixelforge",
        _t("""
            Lantern Hollow, a new studio founded by three veterans of Pixelforge, has raised an $8 million
            seed round to build a cooperative survival game for PC and consoles.

            The round was led by Brightwater Games Fund, with participation from angel investors including
            the founders of two mobile studios. Lantern Hollow's chief executive, Sofia Lindqvist, spent
            nine years at Pixelforge, where she directed the studio's best-selling racing series.

            Pixelforge was acquired by Japanese publisher Haruki Group for $1.1 billion in 2021 and has
            since closed two of its five studios. Lindqvist said about half of Lantern Hollow's 25 staff
            came from those closures. The first game is expected in early access in 2027.
        """),
        (),
    ),
    Case(
        "wire_en_crypto_round_history",
        "Ledgerwise",
        _t("""
            Ledgerwise, which builds compliance software for crypto exchanges, has raised $30 million in a
            strategic round that values the company at $450 million, according to a person familiar with
            the matter.

            The round was led by Tollgate Digital, the venture unit of a large US exchange, and includes
            Meridian Web3 Fund. Ledgerwise confirmed the raise but declined to discuss its valuation.

            That is a sharp drop from early 2022, when Ledgerwise raised $100 million in a Series B led by
            Cantor Lane at a valuation of $1 billion, weeks before the collapse of several crypto lenders
            sent token prices tumbling.

            The company says its software screens $4 billion of transactions a day and that revenue grew
            70% last year.
        """),
        (
            R("30M", "USD", status="announced"),
            V("450M", "USD", status="reported"),
            R("100M", "USD", rnd="series_b"),
            V("1B", "USD"),
        ),
    ),
    Case(
        "blog_en_proptech_flat_round",
        "Keystay",
        _t("""
            London lettings platform Keystay has raised £30m in a flat round, at a £400m valuation unchanged
            from its 2022 Series B, as landlords' appetite for its rent-guarantee product cools.

            The new money comes from existing backers Pellham Ventures and Thamesgate Capital. Keystay
            raised £55m in that Series B, led by the American investor Ridgeline Growth, which did not take
            part this time.

            Keystay manages about 40,000 homes and says it will break even in 2026. Chief executive Harriet
            Osei said the company had "chosen certainty over a headline number". It has raised £110m in
            total since its launch in 2017.
        """),
        (R("30M", "GBP", status="announced"), V("400M", "GBP"), R("55M", "GBP", rnd="series_b")),
    ),
    Case(
        "nikkei_en_hrtech_yen",
        "Shokunin Works",
        _t("""
            TOKYO -- Shokunin Works, a Tokyo-based platform that matches skilled tradespeople with
            construction firms, has raised ¥10bn ($67m) in a Series D round, valuing the company at about
            ¥100bn, it said on Monday.

            The round was led by Sakura Growth Partners and included the corporate venture arms of two
            general contractors. Japan's construction industry faces a shortage of about 400,000 workers
            by 2030, according to government estimates.

            Shokunin Works, founded in 2016, plans to use the money to expand into Vietnam and the
            Philippines, where it recruits workers for Japanese firms. It last raised ¥3.5bn in a Series C
            in 2022. The company says it is considering a listing on the Tokyo Stock Exchange's Growth
            market within three years.
        """),
        (
            R("10B", "JPY", eq="67M USD", status="announced", rnd="series_d"),
            V("100B", "JPY"),
            R("3.5B", "JPY", rnd="series_c"),
        ),
    ),
    Case(
        "year_review_en_edtech_biggest_rounds",
        "Learnloop",
        _t("""
            The year in edtech: five rounds that mattered

            1. Brightclass, $220m Series D. The US tutoring marketplace raised the year's largest round,
            led by Corbel Growth, at a $2.8bn valuation.

            2. Learnloop, $90m Series C. The Dublin-based maker of AI lesson planners crossed the
            unicorn line with a $1.1bn valuation after the round, led by Westmarch Capital.

            3. Schoolyard, $64m. The Brazilian school-payments startup's Series B was co-led by two local
            funds.

            4. Kanji Academy, $40m. The Tokyo language-learning app raised from SoftLeaf.

            5. Tutorly, $25m Series A. A bet on AI grading in India.

            Overall, edtech funding fell 18% to $3.1bn, its lowest since 2017.
        """),
        (R("90M", "USD", rnd="series_c"), V("1.1B", "USD")),
    ),
    Case(
        "blog_en_agrifood_crowdfunding",
        "Hedgerow Dairy",
        _t("""
            Hedgerow Dairy, the Somerset producer of oat-and-milk blended drinks, has raised £2.4m from
            more than 3,100 investors on Crowdcube, overshooting its £1.5m target in under a week.

            The campaign was priced at a pre-money valuation of £18m, and co-founder Tom Ashby said most of
            the investors were customers. "People who buy a bottle every week wanted a piece of the farm,"
            he said.

            It is Hedgerow's second crowdfunding campaign, after it raised £900k on the same platform in
            2021. The company also holds a £1m revolving credit facility with a regional bank. Revenue rose
            to £6.2m in the year to March, and Hedgerow's drinks are now stocked in 1,400 supermarkets
            across the UK.
        """),
        (R("2.4M", "GBP", status="announced"), V("18M", "GBP"), R("900k", "GBP")),
    ),
    Case(
        "wire_en_biotech_ipo_proceeds",
        "Tessaract Bio",
        _t("""
            Shares of Tessaract Bio jumped 34% in their Nasdaq debut on Thursday after the gene-editing
            company raised $180 million in an initial public offering priced at the top of its range,
            giving it a market value of about $1.3 billion.

            The Cambridge, Massachusetts-based company sold 10 million shares at $18 each. Tessaract had
            raised a $95 million Series C crossover round in 2023 that valued it at $600 million, led by
            Harbor Point Capital, ahead of the listing.

            Tessaract's lead program, a one-time treatment for a rare liver disorder, is in a Phase 2
            trial with data expected next year. The company had $140 million in cash at the end of June.
        """),
        # New money raised in a listing is a round, as the labelled real coverage reads it.
        (R("180M", "USD"), R("95M", "USD", rnd="series_c"), V("600M", "USD")),
    ),
    Case(
        "wire_en_evtol_spac_merger",
        "Skyhaul",
        _t("""
            Skyhaul, a developer of electric cargo aircraft, has agreed to go public through a merger with
            Vantage Horizon Acquisition Corp, a blank-check company, in a deal that values the combined
            company at $2.4 billion, the companies said on Monday.

            The transaction is expected to bring Skyhaul about $350 million in gross proceeds, including
            $150 million from a private placement with institutional investors and the rest from the
            SPAC's trust, assuming no redemptions.

            Skyhaul raised $210 million in a Series B in 2022 led by Arcturus Mobility Ventures and the
            logistics group Trans-Meridian. It has orders for 140 aircraft and plans to start certification
            flights in 2026. Its chief executive, Pavel Novak, said the listing would fund the aircraft
            through certification.
        """),
        (R("210M", "USD", rnd="series_b"), V("2.4B", "USD"), R("350M", "USD")),
    ),
    Case(
        "swiss_en_chf_mio",
        "Alpenquant",
        _t("""
            ZURICH - Alpenquant, an ETH Zurich spin-off that builds quantum sensors for medical imaging, has
            closed a Series A financing of CHF 30 Mio. led by Rhein Deep Tech and the Zurich Cantonal Bank's
            venture arm.

            The company, founded in 2021, said the proceeds would fund clinical studies of its
            magnetocardiography device at two university hospitals. Existing investors, including the
            Swiss Innovation Fund, also participated.

            Alpenquant received CHF 2.5 Mio. in non-dilutive grants from Innosuisse and raised a CHF 6 Mio.
            seed round in 2022. The startup employs 38 people in Zurich and plans to open an office in
            Boston next year. "Our sensors work at room temperature, which changes the economics," said
            chief executive Lena Hofer.
        """),
        (R("30M", "CHF", status="announced", rnd="series_a"), R("6M", "CHF", rnd="seed")),
    ),
    Case(
        "scoop_en_half_a_billion",
        "Fathom Robotics",
        _t("""
            Fathom Robotics, which builds autonomous submarines for offshore wind farms and navies, is
            seeking to raise half a billion dollars in new funding, according to people familiar with the
            plans.

            The company has approached investors about a round that would value it at about $5 billion,
            more than double the $2.3 billion valuation it fetched in a Series C last year, the people
            said. Talks are at an early stage.

            Fathom's drones have been tested by two NATO navies, and the company signed a $400 million
            contract with a European defence ministry in June. A Fathom spokesman said the company "does
            not comment on market rumours." Defence technology startups have raised record sums this year
            as governments raise military spending.
        """),
        (
            R("500M", "USD", status="rumoured"),
            V("5B", "USD", status="rumoured"),
            V("2.3B", "USD"),
        ),
    ),
    Case(
        "ft_en_fusion_sovereign_gbp",
        "Helionix",
        _t("""
            Helionix, the Oxford-based nuclear fusion developer, has raised £1.1bn ($1.4bn) in one of the
            largest private funding rounds for a UK technology company, with sovereign wealth funds from
            Singapore and the Gulf taking the largest stakes.

            The round values Helionix at more than £4bn, according to two people familiar with the terms,
            up from £1.5bn when it raised £300mn in 2022. The government separately committed a £200mn
            grant towards a demonstration plant in Cumbria.

            Helionix, founded in 2014, has yet to generate revenue and does not expect to supply power to
            the grid before the late 2030s. "This is patient money for a long problem," chief executive
            Imran Patel said.
        """),
        (
            R("1.1B", "GBP", eq="1.4B USD", status="announced"),
            V("4B", "GBP", status="reported"),
            V("1.5B", "GBP"),
            R("300M", "GBP"),
        ),
    ),
    Case(
        "ft_en_scooter_history_rescue",
        "Zipp Mobility",
        _t("""
            Few companies illustrate the boom and bust of micromobility better than Zipp. Founded in Berlin
            in 2018, the e-scooter operator raised a $3mn seed round in 2019 and a $40mn Series A the
            following year.

            In 2021, at the height of the frenzy, it raised $250mn in a Series C that valued it at $2.5bn,
            and was present in 90 cities. Then came the city bans and the end of cheap money.

            This week Zipp completed a $35mn rescue round led by its largest shareholder, Ostmark Capital,
            at a valuation of $180mn, according to documents seen by the Financial Times. The company,
            which has raised about $450mn in total, now operates in 31 cities and expects its first
            operating profit this year.
        """),
        (
            R("3M", "USD", rnd="seed"),
            R("40M", "USD", rnd="series_a"),
            R("250M", "USD", rnd="series_c"),
            V("2.5B", "USD"),
            R("35M", "USD", status="reported"),
            V("180M", "USD", status="reported"),
        ),
    ),
    Case(
        "interview_en_medtech_founder",
        "Neuravine",
        _t("""
            Q: Neuravine raised a $22 million Series A last spring. Are you raising again?

            A: Not now. We have more than two years of runway. The Series A was led by Sollis Health
            Ventures, and honestly the hardest part was saying no to people.

            Q: What is the company worth today?

            A: I'm not going to share our valuation. What I can say is that our first device, a wearable
            that predicts migraines, goes to the FDA next year.

            Q: You co-founded Synapta before this. What did you learn?

            A: Synapta raised $100 million and it still wasn't enough, because we built hardware before
            anyone asked for it. At Neuravine we did forty clinical interviews before writing a line of
            code.
        """),
        (R("22M", "USD", rnd="series_a"),),
    ),
    Case(
        "scoop_en_cyber_sale_or_raise",
        "Sentinel Forge",
        _t("""
            Sentinel Forge, the cloud-security startup, has held talks with potential buyers that could
            value it at about $3 billion including debt, people familiar with the matter said, as the
            company weighs a sale against raising more money.

            As an alternative, Sentinel Forge could raise about $200 million in a round that would value it
            at around $2 billion, one of the people said. No decision has been made.

            The company was valued at $1.3 billion in 2022 after a $150 million Series C. Its revenue has
            since roughly doubled, the people said. Sentinel Forge and its largest investor, Grayline
            Partners, declined to comment. Larger rivals have spent more than $30 billion buying security
            startups over the past two years.
        """),
        (
            R("200M", "USD", status="rumoured"),
            V("2B", "USD", status="rumoured"),
            V("1.3B", "USD"),
            R("150M", "USD", rnd="series_c"),
        ),
    ),
    Case(
        "blog_en_ev_charging_equity_and_debt",
        "Plugfield",
        _t("""
            Plugfield, an operator of fast-charging hubs for electric vans, has secured a €250 million
            financing package to build 400 sites across Germany and the Benelux.

            The package is made up of €50 million of equity, led by Greenhaven Infrastructure Partners, and
            a €200 million debt facility from a group of four banks. The equity portion values Plugfield
            at €320 million, according to a person familiar with the matter.

            Plugfield operates 60 hubs and counts delivery firms and supermarket chains among its customers.
            It raised €18 million in a Series A in 2023. Chief executive Jonas Brandt said utilisation at
            the busiest sites had passed 30%, "the level where charging becomes a real business."
        """),
        (
            R("50M", "EUR", status="announced"),
            V("320M", "EUR", status="reported"),
            R("18M", "EUR", rnd="series_a"),
        ),
    ),
    Case(
        "wire_en_space_bridge_round",
        "Lunaris",
        _t("""
            Lunaris, the Houston company building robotic lunar landers, has raised $45 million in bridge
            financing from existing backers as it prepares a second landing attempt, the company said on
            Wednesday.

            The bridge round was led by Cape Meridian Ventures and comes after Lunaris' first lander tipped
            over on touchdown in February. Lunaris said it intends to raise a larger round later this year
            but gave no figure.

            Lunaris holds $320 million in NASA delivery contracts. It was valued at $1.2 billion when it
            raised a $180 million Series B in 2022, according to PitchBook data. "We learned more in that
            one landing than in five years of testing," chief executive Marcus Bell said.
        """),
        (
            R("45M", "USD", status="announced", rnd="bridge"),
            V("1.2B", "USD"),
            R("180M", "USD", rnd="series_b"),
        ),
    ),
    Case(
        "wire_en_gaming_secondary_only",
        "Moonbrook Games",
        _t("""
            Investors have bought about $150 million of shares in Moonbrook Games from early employees and
            angel investors in a secondary sale that values the mobile-game studio at $3.3 billion, people
            familiar with the matter said.

            The buyers include Whitestone Capital and the growth fund of a large Chinese internet group,
            the people said. Moonbrook itself will not receive any of the proceeds.

            Moonbrook's puzzle game has been downloaded more than 400 million times and generated about
            $600 million in player spending last year. The studio last raised primary capital in 2020, when
            it took $40 million in a Series B. Moonbrook declined to comment.
        """),
        (V("3.3B", "USD", status="reported"), R("40M", "USD", rnd="series_b")),
    ),
    Case(
        "blog_en_medtech_tranches",
        "Retinova",
        _t("""
            Retinova, a developer of gene therapies for inherited blindness, has raised a $70 million Series
            B, the company said Tuesday.

            The financing will be paid in two tranches: $40 million at closing and $30 million once the
            company doses its first patient in a Phase 2 trial. Halvard Bio Partners led the round, joined
            by new investor Corrigan Life Sciences.

            Retinova also signed a licensing deal with a large drugmaker that includes $25 million upfront
            and up to $600 million in milestone payments. The company previously raised a $28 million
            Series A in 2021.

            "Milestone-based rounds are the norm now," said chief executive Ines Carvalho.
        """),
        (R("70M", "USD", status="announced", rnd="series_b"), R("28M", "USD", rnd="series_a")),
    ),
    Case(
        "blog_en_agrifood_competitor_background_valuation",
        "Verdana Foods",
        _t("""
            Sprout Protein, a Dutch maker of fermented fava-bean cheese, has raised $35 million in a Series
            B led by Kestrel Food Ventures to expand production in Rotterdam.

            The raise comes as the plant-based sector struggles. Verdana Foods, once its best-funded rival,
            was valued at $1.6 billion in 2021 but has since cut 40% of its staff and closed two factories.

            Sprout's chief executive, Anouk de Vries, said her company had kept costs low by renting
            capacity from dairies. Sprout's products are sold in 3,000 stores in the Netherlands, Belgium
            and Germany, and it expects revenue of $20 million this year.
        """),
        (V("1.6B", "USD"),),
    ),
    Case(
        "newsletter_en_crypto_weekly",
        "Ledgerlight",
        _t("""
            This week in crypto funding

            - Ledgerlight, a self-custody wallet for small businesses, raised a $12.5M seed round led by
            Hashpoint Capital, with participation from Orchard Labs.

            - Tidechain, a layer-2 network for payments, closed a $60M Series A at a $600M valuation.

            - Mintwise, an NFT ticketing startup, raised $4M from angels.

            - Stablefront, a euro stablecoin issuer, is in talks to raise $30M, according to The Block.

            Ledgerlight says it will use the money to add support for three new blockchains. Total
            crypto venture funding this week: $106.5M across 4 deals.
        """),
        (R("12.5M", "USD", status="announced", rnd="seed"),),
    ),
    Case(
        "skynews_en_proptech_range_rumour",
        "Roomwise",
        _t("""
            Roomwise, the student-accommodation booking platform, is lining up investors for a funding
            round of between £80m and £100m, Sky News has learnt.

            Sources said the round would value Roomwise at around £600m, and that a US growth investor was
            in pole position to lead it. Bankers at a boutique advisory firm are handling the process.

            Roomwise, which lists rooms in 400 university towns, raised £45m in 2023 from investors
            including Quayside Capital. Its founders, the brothers Aman and Ravi Sethi, started the company
            from their own student flat in Leeds. A spokesman for Roomwise declined to comment.
        """),
        (
            R("80M", "GBP", status="rumoured"),
            V("600M", "GBP", status="rumoured"),
            R("45M", "GBP"),
        ),
    ),
    Case(
        "wire_en_hrtech_down_round_difference",
        "Staffwise",
        _t("""
            Staffwise, the payroll and benefits platform for gig workers, has raised $50 million at a $700
            million valuation, a steep cut from the $2.1 billion it commanded in 2021, the company
            confirmed on Thursday.

            The new valuation is $1.4 billion below the 2021 mark. The round was led by Ironbridge Growth,
            with existing investors Calloway Ventures and Sunfield Capital also participating.

            Staffwise raised $200 million at that peak, in a Series D led by Calloway. Since then it has
            laid off about a quarter of its employees. Chief executive Rafael Moreno said revenue had grown
            45% last year to $130 million. "The valuation is what it is. The business is better than it was
            in 2021," he said.
        """),
        (
            R("50M", "USD", status="announced"),
            V("700M", "USD"),
            V("2.1B", "USD"),
            R("200M", "USD", rnd="series_d"),
        ),
    ),
    Case(
        "wire_en_hydrogen_aviation_half_bn_euro",
        "Aerovolt",
        _t("""
            Aerovolt, the Toulouse-based developer of hydrogen-electric regional aircraft, said on Monday it
            had raised €0.5bn in a Series C led by a sovereign fund from Singapore and the French
            state-backed investor Bpifrance.

            The round brings the company's total funding to €820m. Aerovolt also expects €150m in public
            support under France's aviation decarbonisation plan, which it said would not dilute
            shareholders.

            Aerovolt plans to fly a 40-seat prototype in 2027. It has letters of intent from four airlines
            for about 200 aircraft. The company raised €180m in a Series B in 2023 at a valuation of €900m,
            according to people familiar with that deal. Its chief executive declined to give a new
            valuation.
        """),
        (
            R("500M", "EUR", status="announced", rnd="series_c"),
            R("180M", "EUR", rnd="series_b"),
            V("900M", "EUR"),
        ),
    ),
    # ----------------------------------------------------------------------- cases: French
    Case(
        "linkedin_fr_fiers_d_annoncer",
        "Fermia",
        _t("""
            🌱 Nous sommes fiers d'annoncer notre levée de fonds de 12 M€ auprès de Terroir Capital,
            Agrinnov Ventures et de nos investisseurs historiques !

            Il y a quatre ans, nous avons lancé Fermia dans un garage à Angers avec une idée simple : aider
            les maraîchers à prévoir leurs récoltes grâce aux données satellites. Aujourd'hui, plus de
            2 300 exploitations utilisent notre outil en France et en Espagne.

            Cette levée va nous permettre de recruter 40 personnes et d'ouvrir l'Italie dès 2026.

            Un immense merci à toute l'équipe, à nos clients et à nos partenaires, en particulier la Région
            Pays de la Loire. On recrute ! 👉 Découvrez nos offres sur notre page carrières.

            #agritech #levéedefonds #startup #fiersdenotreéquipe
        """),
        (R("12M", "EUR", status="announced"),),
    ),
    Case(
        "fr_cyber_nombres_en_toutes_lettres",
        "Cyberlynx",
        _t("""
            La start-up rennaise Cyberlynx, spécialisée dans la détection des intrusions sur les réseaux
            industriels, a levé douze millions d'euros en série A auprès du fonds Armorique Capital et de
            Défense Innovation, le fonds du ministère des Armées.

            Fondée en 2021 par deux anciens officiers de la cyberdéfense, la jeune pousse avait réalisé un
            tour d'amorçage de deux millions et demi d'euros en 2022. Elle compte aujourd'hui une
            soixantaine de clients, dont des opérateurs d'énergie et des ports.

            « Les usines sont devenues la cible favorite des rançongiciels », explique son président,
            Yann Le Goff. L'entreprise prévoit de doubler ses effectifs, à 80 salariés, d'ici à la fin de
            l'année prochaine et d'ouvrir un bureau à Munich.
        """),
        (R("12M", "EUR", status="announced", rnd="series_a"), R("2.5M", "EUR", rnd="seed")),
    ),
    Case(
        "echos_fr_batteries_milliard",
        "Volterre",
        _t("""
            Volterre boucle un tour de table de 1,2 Md€ en fonds propres pour financer sa deuxième usine de
            cellules de batteries, dans les Hauts-de-France. L'opération, menée par un consortium
            rassemblant un fonds souverain norvégien, le constructeur Stellaris et Bpifrance, valorise la
            société 4 Md€, selon nos informations.

            La start-up complète ce financement par un prêt de 2 Md€ accordé par un pool de banques et la
            Banque européenne d'investissement. Volterre avait levé 450 M€ en 2022, au moment du lancement
            de sa première ligne pilote.

            Son chiffre d'affaires reste modeste, à 85 M€ l'an dernier, mais l'entreprise affiche un carnet
            de commandes de 30 GWh auprès de trois constructeurs automobiles européens.
        """),
        (
            R("1.2B", "EUR", status="announced"),
            V("4B", "EUR", status="reported"),
            R("450M", "EUR"),
        ),
    ),
    Case(
        "echos_fr_spatial_conditionnel",
        "Astrelia",
        _t("""
            Astrelia, la start-up toulousaine qui conçoit des satellites d'observation radar, serait en
            passe de lever 150 millions d'euros, selon nos informations. L'opération, qui pourrait être
            annoncée avant l'été, la valoriserait autour d'un milliard d'euros.

            Plusieurs fonds américains et un fonds souverain du Golfe seraient sur les rangs. Contactée,
            la société n'a pas souhaité faire de commentaire.

            Astrelia avait été valorisée 400 millions d'euros lors de sa série B de 60 millions d'euros,
            bouclée en 2023 auprès de Garonne Deeptech et du Fonds Innovation Défense. Elle a depuis lancé
            quatre satellites et signé un contrat de 90 millions d'euros avec l'Agence spatiale
            européenne.
        """),
        (
            R("150M", "EUR", status="rumoured"),
            V("1B", "EUR", status="rumoured"),
            V("400M", "EUR"),
            R("60M", "EUR", rnd="series_b"),
        ),
    ),
    Case(
        "fr_medtech_obligations_convertibles",
        "Kinéo Santé",
        _t("""
            Kinéo Santé, qui développe un exosquelette de rééducation pour les patients victimes d'AVC, lève
            5 millions d'euros sous forme d'obligations convertibles auprès de ses actionnaires historiques.

            Ce financement doit permettre à la medtech lyonnaise de tenir jusqu'à l'obtention du marquage
            CE, attendue au printemps, avant de lancer une série B. « Nous ne voulions pas lever en
            position de faiblesse », explique sa directrice générale, Claire Morand.

            Kinéo Santé avait levé 18 millions d'euros en série A en 2021, auprès de Rhône Santé Invest
            et de Medicap. L'entreprise emploie 45 personnes et a déjà équipé 12 centres de rééducation en
            France dans le cadre d'essais cliniques. Elle a également obtenu 3 millions d'euros d'aides de
            l'Europe.
        """),
        (R("5M", "EUR", status="announced"), R("18M", "EUR", rnd="series_a")),
        aliases=("Kinéo",),
    ),
    Case(
        "fr_agro_financement_participatif",
        "Brindille",
        _t("""
            La marque de biscuits bio Brindille a bouclé sa campagne de financement participatif sur la
            plateforme WiSEED : 1,8 M€ collectés auprès de 2 400 investisseurs particuliers, soit près du
            double de l'objectif initial.

            L'opération a été réalisée sur la base d'une valorisation pré-money de 14 M€. Les fonds
            serviront à agrandir l'atelier de Brindille à Clermont-Ferrand et à lancer une gamme sans
            gluten.

            La PME, qui a réalisé 7,5 M€ de chiffre d'affaires l'an dernier, avait déjà fait appel aux
            particuliers en 2021 pour 600 000 euros. « Nos clients sont nos meilleurs ambassadeurs,
            ils sont désormais aussi nos actionnaires », se félicite le cofondateur, Paul Vidal.
        """),
        (R("1.8M", "EUR", status="announced"), V("14M", "EUR"), R("600k", "EUR")),
        xfail="fitted decisions (issue 17) drop it: crowdfunding tranches",
    ),
    Case(
        "fr_cyber_concurrent_seulement",
        "Sécuria",
        _t("""
            Holdtrust, éditeur d'une solution de gestion des accès pour les hôpitaux, lève 20 M€ auprès de
            Santé Horizon et de Capital Azur. La start-up marseillaise veut profiter de la vague de
            cyberattaques qui a frappé les établissements de santé.

            Sur ce marché, Holdtrust affronte des acteurs plus installés comme Sécuria ou Defendo. « Ils
            vendent des solutions génériques, nous avons été conçus pour les soignants », assure son
            fondateur, Karim Benali, passé par la direction des systèmes d'information de l'AP-HM.

            Holdtrust revendique 140 établissements clients et vise un chiffre d'affaires de 10 M€ en 2026.
            La société avait levé 4 M€ en 2022.
        """),
        (),
    ),
    Case(
        "fr_ancien_employeur_licorne",
        "Numéria",
        _t("""
            Fondée par deux anciens de Numéria, Quantel lève 3 millions d'euros en amorçage pour développer
            un logiciel de simulation de matériaux fondé sur l'informatique quantique.

            Le tour de table est mené par Quanta Seed, avec la participation de business angels issus de
            l'écosystème parisien. Ses fondateurs, Léa Martin et Hugo Perrin, ont passé six ans chez
            Numéria, la licorne de l'analyse de données valorisée 2 milliards de dollars lors de sa
            dernière levée.

            Quantel vise les chimistes et les fabricants de batteries, qui dépensent des millions en
            expériences de laboratoire. La jeune pousse compte huit salariés et prévoit d'en recruter
            douze d'ici à la fin de l'année.
        """),
        (V("2B", "USD"),),
    ),
    Case(
        "fr_medtech_introduction_en_bourse",
        "Médilis",
        _t("""
            Médilis a réussi son introduction en Bourse sur Euronext Growth. Le spécialiste des
            dispositifs de surveillance cardiaque a levé 45 millions d'euros, sur la base d'une
            capitalisation de 210 millions d'euros. Le titre a pris 8 % lors de sa première séance.

            Avant son entrée en Bourse, la société bordelaise avait levé 25 millions d'euros en série B en
            2022, une opération qui la valorisait alors 90 millions d'euros. Elle avait aussi obtenu un
            prêt de 5 millions d'euros de la BEI.

            Médilis prévoit d'utiliser le produit de l'introduction pour financer son expansion aux
            États-Unis, où elle attend l'autorisation de la FDA d'ici à la fin de l'année prochaine.
        """),
        (R("45M", "EUR"), R("25M", "EUR", rnd="series_b"), V("90M", "EUR")),
    ),
    Case(
        "fr_mobilite_valorisation_stable",
        "Trajectoire",
        _t("""
            La start-up nantaise Trajectoire, qui exploite un réseau de bus électriques longue distance,
            lève 30 M€ auprès de ses actionnaires existants et de la Caisse des Dépôts. Une levée réalisée
            « à valorisation stable », identique à celle de 2022, soit 150 M€, précise son fondateur.

            « Dans le marché actuel, ne pas baisser, c'est déjà une victoire », sourit Antoine Leclerc.
            En 2022, Trajectoire avait levé 40 M€ en série B auprès de Mobilis Partners.

            L'entreprise transporte 1,5 million de passagers par an sur 28 lignes et vise l'équilibre
            d'exploitation en 2026. Elle a commandé 50 autocars à un constructeur chinois, financés par un
            crédit-bail de 20 M€.
        """),
        (
            R("30M", "EUR", status="announced"),
            V("150M", "EUR"),
            R("40M", "EUR", rnd="series_b"),
        ),
    ),
    Case(
        "fr_proptech_moitie_de_2021",
        "Habitéo",
        _t("""
            Habitéo, la plateforme de gestion locative en ligne, lève 40 millions d'euros auprès de Sillon
            Capital. Selon nos informations, l'opération valorise la société à moins de la moitié des
            800 millions d'euros atteints lors de sa précédente levée, en 2021.

            À l'époque, Habitéo avait levé 110 millions d'euros en série C, en pleine euphorie de la
            proptech. Depuis, la hausse des taux a gelé le marché immobilier et l'entreprise a supprimé
            20 % de ses effectifs.

            « Nous avons préféré une valorisation raisonnable à une dilution subie plus tard », justifie son
            directeur général, Julien Masson. Habitéo gère 70 000 logements et revendique 60 millions
            d'euros de revenus annuels.
        """),
        (
            R("40M", "EUR", status="announced"),
            V("800M", "EUR"),
            R("110M", "EUR", rnd="series_c"),
        ),
    ),
    Case(
        "fr_bilan_annee_deeptech",
        "Quantaé",
        _t("""
            Deeptech : le palmarès des plus grosses levées de l'année

            1. Hyvolta (hydrogène) : 250 M€, série C.
            2. Quantaé (informatique quantique) : 100 M€, série B, menée par Fonds Avenir et un fonds
            souverain asiatique.
            3. Nanolys (semi-conducteurs) : 80 M€.
            4. Biomémoire (stockage ADN) : 42 M€, série A.
            5. Astrelia (spatial) : 35 M€.

            Au total, les start-up deeptech françaises ont levé 2,1 Md€ cette année, en hausse de 12 %.
            Quantaé, fondée en 2020 à Palaiseau, avait levé 20 M€ en série A deux ans plus tôt. La
            société revendique un processeur de 60 qubits et vise 1 000 qubits d'ici à 2028.
        """),
        (R("100M", "EUR", rnd="series_b"), R("20M", "EUR", rnd="series_a")),
    ),
    Case(
        "fr_suisse_francs",
        "Glaciotech",
        _t("""
            La start-up lausannoise Glaciotech, issue de l'EPFL, lève 30 millions de francs suisses
            (environ 31 millions d'euros) pour industrialiser ses capteurs de pergélisol destinés aux
            gestionnaires d'infrastructures alpines.

            Le tour de table est mené par Léman Capital, avec la participation de la Banque cantonale
            vaudoise et du fonds de la Confédération pour le climat. Glaciotech avait levé 7 millions de
            francs en 2022.

            Ses capteurs surveillent déjà 300 sites en Suisse, en Autriche et en Italie, dont des pylônes
            de remontées mécaniques et des routes de montagne. La société emploie 45 personnes et espère
            atteindre la rentabilité en 2027, a précisé son directeur, Nicolas Favre.
        """),
        (R("30M", "CHF", eq="31M EUR", status="announced"), R("7M", "CHF")),
    ),
    Case(
        "interview_fr_gaming_fondateur",
        "Ludéo",
        _t("""
            Trois questions à Camille Roux, cofondatrice du studio Ludéo

            Vous avez levé l'an dernier. Où en êtes-vous ?
            Nous avons levé 8 millions d'euros auprès de Pixel Partners fin 2024, et nous ne sommes pas
            pressés de repartir en levée. Notre jeu sort en mars sur PC et consoles.

            Quelle est votre valorisation ?
            Je ne la communiquerai pas. Ce qui compte, c'est que nous avons deux ans de trésorerie.

            Le marché est difficile pour les studios…
            Oui. Notre concurrent direct vient de lever 50 millions d'euros, mais il emploie 300
            personnes. Nous sommes 40. Le secteur a licencié massivement, et beaucoup de talents nous ont
            rejoints. C'est paradoxalement une bonne période pour construire un studio.
        """),
        (R("8M", "EUR"),),
    ),
    Case(
        "fr_hydrogene_fonds_souverain",
        "Hyvolta",
        _t("""
            Hyvolta, le fabricant grenoblois d'électrolyseurs, annonce une levée de 200 millions d'euros
            menée par le fonds souverain émirien Al Waha Capital, avec la participation de Bpifrance et du
            groupe industriel Gazelec.

            L'opération valorise Hyvolta 1,1 milliard d'euros post-money, ce qui fait de l'entreprise la
            dernière licorne française en date. Elle s'accompagne d'un contrat d'approvisionnement de
            500 mégawatts avec un projet d'hydrogène vert aux Émirats.

            Hyvolta avait levé 85 millions d'euros en 2023 lors d'une série B. La société a également
            obtenu 150 millions d'euros d'aides publiques dans le cadre d'un projet européen. Elle compte
            ouvrir une usine de 1 gigawatt à Grenoble en 2027.
        """),
        (
            R("200M", "EUR", status="announced"),
            V("1.1B", "EUR"),
            R("85M", "EUR", rnd="series_b"),
        ),
    ),
    Case(
        "fr_agritech_cvc_ticket",
        "Ondine Robotique",
        _t("""
            Le semencier Semences du Val investit 6 millions d'euros dans Ondine Robotique, via son fonds
            de capital-risque, dans le cadre d'un tour de table de 15 millions d'euros mené par Ceres
            Ventures.

            La start-up angevine conçoit des robots de désherbage autonomes pour les cultures légumières.
            Elle en a déjà vendu 120 et vise le marché nord-américain. « L'arrivée d'un industriel au
            capital est un signal fort pour nos clients », souligne son président, Mathieu Garnier.

            Pour Semences du Val, qui a réalisé 1,4 milliard d'euros de chiffre d'affaires l'an dernier,
            il s'agit du cinquième investissement depuis la création de son fonds, doté de 50 millions
            d'euros.
        """),
        (R("15M", "EUR", status="announced"),),
        aliases=("Ondine",),
    ),
    Case(
        "fr_crypto_dollars_et_euros",
        "Chainéo",
        _t("""
            Chainéo, qui développe une infrastructure de paiement en stablecoins pour les marchands, lève
            9 millions de dollars (8,3 millions d'euros) en seed auprès de fonds spécialisés dans les
            cryptoactifs, dont Blockhaus Ventures et Nodal Capital.

            La jeune pousse parisienne, agréée comme prestataire de services sur cryptoactifs, revendique
            400 commerçants clients, principalement dans le e-commerce. Elle traite 30 millions d'euros de
            paiements par mois.

            « Le règlement européen MiCA a changé la donne : les grands marchands peuvent enfin accepter
            les stablecoins sans risque juridique », estime son cofondateur, Thomas Girard. Chainéo
            prévoit d'ouvrir des bureaux à Berlin et à Madrid.
        """),
        (R("9M", "USD", eq="8.3M EUR", status="announced", rnd="seed"),),
    ),
    Case(
        "fr_edtech_extension_serie_a",
        "Talentis",
        _t("""
            Talentis, la plateforme de formation des salariés de la logistique, ajoute 4 millions d'euros à
            sa série A de 12 millions d'euros bouclée en janvier. Le nouvel investisseur, le fonds Rhône
            Edtech, rejoint Capital Nord et Alma Partners.

            La start-up lilloise, qui propose des modules courts sur smartphone aux caristes et aux
            préparateurs de commandes, revendique 150 entreprises clientes et 90 000 apprenants.

            « Les entrepôts ont un turnover énorme, il faut former vite et souvent », explique sa
            fondatrice, Julie Lambert. L'entreprise compte doubler ses effectifs d'ici à l'été et se
            lancer en Belgique. Elle avait levé 1,5 million d'euros en amorçage en 2022.
        """),
        (
            R("4M", "EUR", status="announced", rnd="series_a_extension"),
            R("12M", "EUR", rnd="series_a"),
            R("1.5M", "EUR", rnd="seed"),
        ),
    ),
    Case(
        "fr_spatial_euros_et_dollars",
        "Orbitale",
        _t("""
            Orbitale, qui conçoit des remorqueurs spatiaux pour déplacer les satellites en orbite, annonce
            une levée de 50 M€ (54 M$) en série B. L'opération est menée par le fonds américain
            Frontier Orbit, aux côtés du Fonds Innovation Défense et de Cosmos Capital.

            Basée à Bordeaux, la start-up avait réalisé une série A de 15 M€ en 2023. Elle prépare le
            lancement de son premier véhicule, prévu à bord d'une fusée européenne au second semestre.

            « Les constellations ont besoin de logistique en orbite, comme les ports ont besoin de
            remorqueurs », résume son président, Louis Berger. Orbitale emploie 70 personnes et revendique
            déjà 25 M€ de contrats signés.
        """),
        (
            R("50M", "EUR", eq="54M USD", status="announced", rnd="series_b"),
            R("15M", "EUR", rnd="series_a"),
        ),
    ),
    Case(
        "fr_cyber_rachat_ou_levee",
        "Cybéris",
        _t("""
            Cybéris, l'un des fleurons français de la cybersécurité, serait en discussions avancées pour
            être rachetée par un éditeur américain pour environ 1 milliard de dollars, selon plusieurs
            sources proches du dossier.

            La société étudierait en parallèle une levée de fonds d'environ 100 millions d'euros, qui
            pourrait être menée par ses actionnaires actuels si la vente n'aboutissait pas. Aucune
            décision n'a été prise.

            Cybéris, qui protège les messageries de 5 000 entreprises, avait levé 70 millions d'euros en
            2022, sur une valorisation de 450 millions d'euros. Son chiffre d'affaires dépasserait
            désormais 60 millions d'euros. Contactée, la société n'a pas souhaité commenter.
        """),
        (
            R("100M", "EUR", status="rumoured"),
            R("70M", "EUR"),
            V("450M", "EUR"),
        ),
    ),
    Case(
        "fr_batteries_valo_en_lettres",
        "Batteriz",
        _t("""
            Batteriz change de dimension. Le spécialiste du recyclage des batteries lithium-ion a levé deux
            cents millions d'euros auprès d'un consortium emmené par le fonds Transition Industrielle, ce
            qui le valorise un milliard et demi d'euros.

            Fondée en 2019 à Dunkerque, la société extrait le lithium, le nickel et le cobalt des batteries
            usagées. Elle traite aujourd'hui 20 000 tonnes par an et vise 100 000 tonnes en 2028, grâce à
            une nouvelle usine financée en partie par une subvention de l'État de cent millions d'euros.

            Batteriz avait levé cinquante millions d'euros en 2022. « Le recyclage, c'est la mine
            européenne de demain », affirme son fondateur, Arnaud Duval.
        """),
        (R("200M", "EUR", status="announced"), V("1.5B", "EUR"), R("50M", "EUR")),
    ),
    Case(
        "fr_agri_pre_amorcage_milliers",
        "Pousse",
        _t("""
            La start-up Pousse, qui commercialise des capteurs d'humidité connectés pour les vergers, lève
            800 000 euros en pré-amorçage auprès d'un réseau de business angels et du fonds régional
            Occitanie Seed.

            Lancée il y a dix-huit mois par deux ingénieurs agronomes, Pousse équipe déjà 45 exploitations
            arboricoles dans le Tarn-et-Garonne. Ses capteurs, vendus 300 euros pièce avec un abonnement de
            15 euros par mois, permettraient de réduire de 20 % la consommation d'eau.

            Les fondateurs ont également obtenu une bourse French Tech de 30 000 euros et un prêt d'honneur
            de 50 000 euros. Ils prévoient une levée d'amorçage d'ici dix-huit mois.
        """),
        (R("800k", "EUR", status="announced", rnd="pre_seed"),),
    ),
    Case(
        "fr_proptech_bridge_interne",
        "Locatis",
        _t("""
            Locatis, la start-up de la location meublée de moyenne durée, a levé 7 M€ auprès de ses
            actionnaires existants dans le cadre d'un bridge, en attendant une série C plus ambitieuse,
            selon des documents déposés au greffe consultés par notre rédaction.

            L'opération aurait été réalisée sur une valorisation inférieure à celle de sa série B de 2022,
            qui s'établissait à 120 M€. Locatis avait alors levé 30 M€ auprès de Parisii Ventures.

            Interrogé, son directeur général, Benoît Caron, confirme le montant mais refuse de commenter la
            valorisation. L'entreprise gère 3 500 logements dans six villes et emploie 110 personnes.
        """),
        (
            R("7M", "EUR", status="reported", rnd="bridge"),
            V("120M", "EUR"),
            R("30M", "EUR", rnd="series_b"),
        ),
        xfail=(
            "earlier valuation ('sa série B de 2022, qui s'établissait à 120 M€') taken as a round instead "
            "of a valuation"
        ),
        xfail_attrs="'avait alors levé 30 M€' after 'sa série B de 2022' gets no round",
    ),
    Case(
        "fr_biotech_serie_a_et_licence",
        "Immunéa",
        _t("""
            La biotech marseillaise Immunéa lève 35 millions d'euros en série A pour faire entrer en
            essai clinique son anticorps contre le cancer du pancréas. Le tour de table est co-mené par
            Provence Bio Capital et le fonds belge Lysander.

            Dans la foulée, Immunéa a signé un accord de licence avec un grand laboratoire américain sur
            une molécule secondaire, qui prévoit un paiement initial de 20 millions d'euros et jusqu'à
            500 millions d'euros de paiements d'étape.

            Issue d'un laboratoire de l'Inserm, Immunéa avait levé 6 millions d'euros en amorçage en 2021.
            Elle emploie 30 chercheurs et espère publier ses premiers résultats cliniques en 2027.
        """),
        (R("35M", "EUR", status="announced", rnd="series_a"), R("6M", "EUR", rnd="seed")),
    ),
    Case(
        "echos_fr_velo_historique_sauvetage",
        "Vélogik",
        _t("""
            L'histoire de Vélogik résume à elle seule les montagnes russes du vélo électrique. Créée en
            2017, la marque lyonnaise lève 1,5 million d'euros en amorçage en 2018, puis 10 millions en
            série A en 2020, au début de la pandémie, quand les Français se ruent sur les vélos.

            En 2022, elle réalise une série B de 60 millions d'euros qui la valorise 400 millions. Puis le
            marché se retourne : stocks pléthoriques, promotions massives, fermetures de magasins.

            Cette semaine, Vélogik a bouclé un tour de sauvetage de 15 millions d'euros, mené par son
            fondateur et un family office, sur la base d'une valorisation de 50 millions d'euros, soit huit
            fois moins qu'il y a trois ans. La marque a fermé 12 de ses 30 boutiques.
        """),
        (
            R("1.5M", "EUR", rnd="seed"),
            R("10M", "EUR", rnd="series_a"),
            R("60M", "EUR", rnd="series_b"),
            V("400M", "EUR"),
            R("15M", "EUR", status="announced"),
            V("50M", "EUR"),
        ),
    ),
    Case(
        "fr_esport_valorisation_anterieure",
        "Team Ardente",
        _t("""
            Le club d'esport Team Ardente lève 3 millions d'euros auprès de l'homme d'affaires Stéphane
            Vidal et d'un groupe d'anciens joueurs professionnels de football, selon un communiqué publié
            mardi.

            Une opération modeste au regard de 2021, quand le club avait levé 12 millions d'euros sur la
            base d'une valorisation de 60 millions d'euros, au sommet de la bulle de l'esport. Depuis, le
            club a abandonné deux de ses cinq équipes et réduit ses effectifs de moitié.

            La nouvelle valorisation n'a pas été communiquée. Team Ardente mise désormais sur la création
            de contenus et le merchandising, qui représentent 70 % de ses 9 millions d'euros de revenus.
        """),
        (R("3M", "EUR", status="announced"), R("12M", "EUR"), V("60M", "EUR")),
        aliases=("Ardente",),
    ),
    Case(
        "fr_hrtech_plus_de_et_fourchette",
        "Recrutéo",
        _t("""
            Recrutéo chercherait à lever entre 40 et 50 millions d'euros, selon plusieurs sources. La
            plateforme de recrutement par vidéo, qui a séduit 2 000 PME, aurait mandaté une banque
            d'affaires pour mener l'opération, qui pourrait la valoriser plus de 300 millions d'euros.

            Ce serait la troisième levée de la start-up bordelaise, après un tour de 3 millions d'euros
            en 2021 et une série A de 14 millions d'euros en 2023, menée par Aquitaine Croissance.

            Le marché du recrutement a ralenti, mais Recrutéo affirme avoir doublé son chiffre d'affaires
            l'an dernier, à 11 millions d'euros. Son concurrent allemand Hirefox a levé 80 millions
            d'euros au printemps.
        """),
        (
            R("40M", "EUR", status="rumoured"),
            V("300M", "EUR", status="rumoured"),
            R("3M", "EUR"),
            R("14M", "EUR", rnd="series_a"),
        ),
    ),
    Case(
        "fr_edtech_roundup_semestre",
        "Classéo",
        _t("""
            Edtech : un premier semestre en demi-teinte

            Les start-up françaises de l'éducation ont levé 180 millions d'euros au premier semestre, en
            recul de 25 %. Trois opérations concentrent l'essentiel des montants : les 60 millions
            d'euros de Skolar, spécialiste du soutien scolaire, les 25 millions de Classéo et les
            18 millions de Lingo Pro.

            Classéo, qui édite un logiciel de gestion de classe pour les enseignants du primaire, a levé
            auprès d'Educapital II et de Bpifrance. Son précédent tour, de 5 millions d'euros, remontait à
            2022. Lingo Pro, spécialisée dans l'anglais professionnel, a séduit un fonds britannique.

            Les investisseurs privilégient désormais les outils vendus aux établissements plutôt qu'aux
            familles, souligne l'observatoire EdTech France.
        """),
        (R("25M", "EUR"), R("5M", "EUR")),
        xfail="roundup entry 'les 25 millions de Classéo' missed",
    ),
    Case(
        "fr_medtech_communique_serie_b_usd",
        "Dermalia",
        _t("""
            COMMUNIQUÉ DE PRESSE — Dermalia, medtech française spécialisée dans le diagnostic des cancers
            de la peau par intelligence artificielle, annonce aujourd'hui la réalisation d'une série B de
            28 millions d'euros.

            Le tour de table est mené par Helvetia Health Partners, avec la participation de Sofimed et des
            investisseurs historiques de la société. Il porte le montant total levé par Dermalia à
            41 millions d'euros depuis sa création.

            Ce financement permettra à Dermalia d'accélérer sa commercialisation en Europe, après
            l'obtention du marquage CE de classe IIb, et de préparer son entrée sur le marché américain.

            À propos de Dermalia : fondée en 2019 à Montpellier, Dermalia emploie 65 collaborateurs. Sa
            solution est utilisée par plus de 800 dermatologues en France, en Allemagne et en Espagne.
        """),
        (R("28M", "EUR", status="announced", rnd="series_b"),),
    ),
]


@pytest.mark.parametrize("case", case_params(CASES))
def test_newsroom2_scored_facts(case: Case) -> None:
    assert_scored_exactly(case)


@pytest.mark.parametrize("case", case_params(CASES, "xfail_attrs"))
def test_newsroom2_status_and_round(case: Case) -> None:
    assert_status_and_round(case)


def test_newsroom2_cases_are_well_formed() -> None:
    assert_well_formed(CASES, count=(50, 60), french=(0.4, 0.6))
