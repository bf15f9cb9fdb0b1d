"""Writes probes.json: invented cases (made-up companies) for the probe failures of issue 9.

Same format as ../shared/eval-dev/corpus.json, so eval_dev.py scores it. Every text here was written
for this project; none is copied from or paraphrases a real article. ``form`` is body, headline or summary.
Expected tuples: (kind, amount, currency[, status]). kind "round", "valuation", "investment", "total".
"""

from __future__ import annotations

import json
from pathlib import Path

M = 1_000_000
B = 1_000_000_000

CASES: list[tuple[str, str, str, str, str, list[tuple[object, ...]]]] = [
    # ---- unknown owner is never the tracked company
    ("owner-en-1", "en", "body", "Tindra", "Tindra builds warehouse robots for grocers. A rival firm raised $60 million last month to chase the same market.", []),
    ("owner-en-2", "en", "body", "Tindra", "Tindra sells software to hospitals. The sector raised $600 million in the first half, according to PitchBook.", []),
    ("owner-en-3", "en", "body", "Tindra", "Tindra is still bootstrapped. One competitor pulled in $45 million this spring, and another is said to be raising.", []),
    ("owner-fr-1", "fr", "body", "Volune", "Volune conçoit des batteries pour vélos. Un concurrent a levé 30 millions d'euros en mars.", []),
    ("owner-fr-2", "fr", "body", "Volune", "Volune fabrique des capteurs. Le secteur a levé 600 millions d'euros l'an dernier en France.", []),
    ("owner-fr-3", "fr", "body", "Volune", "Volune n'a jamais levé de fonds. Les start-up de la mobilité ont récolté 400 millions d'euros au premier semestre.", []),
    # ---- comparison sentence naming a rival first
    ("cmp-en-1", "en", "body", "Tindra", "Tindra raised $25 million in a Series A. By comparison, its rival Pelvo is valued at $2 billion after a $300 million round.", [("round", 25 * M, "USD")]),
    ("cmp-en-2", "en", "body", "Tindra", "Tindra has closed a $25 million Series A. Larger competitor Pelvo last week closed a $300 million round at a $2 billion valuation.", [("round", 25 * M, "USD")]),
    ("cmp-en-3", "en", "body", "Tindra", "Tindra's $25 million raise is modest. For comparison, Pelvo was valued at $2 billion when it raised $300 million in May.", [("round", 25 * M, "USD")]),
    ("cmp-fr-1", "fr", "body", "Volune", "Volune a levé 12 millions d'euros. Par comparaison, son concurrent Ardeno est valorisé 2 milliards d'euros après une levée de 200 millions.", [("round", 12 * M, "EUR")]),
    ("cmp-fr-2", "fr", "body", "Volune", "Volune boucle un tour de 12 millions d'euros. À titre de comparaison, Ardeno a levé 200 millions d'euros en avril, pour une valorisation de 2 milliards.", [("round", 12 * M, "EUR")]),
    ("cmp-fr-3", "fr", "body", "Volune", "Volune lève 12 millions d'euros en série A. Son rival Ardeno, lui, vaut déjà 2 milliards d'euros depuis sa levée de 200 millions.", [("round", 12 * M, "EUR")]),
    # ---- an investor's ticket is an investment, not the round
    ("ticket-en-1", "en", "body", "Tindra", "Nvidia put $100 million into Tindra, the chipmaker said on Monday.", [("investment", 100 * M, "USD")]),
    ("ticket-en-2", "en", "body", "Tindra", "Samsung is investing $50 million in Tindra, according to a filing.", [("investment", 50 * M, "USD")]),
    ("ticket-en-3", "en", "body", "Tindra", "Tindra's Series C totals €1.7 billion. Dutch group Orvane contributed €1.3 billion of it, becoming the largest shareholder.", [("round", 1700 * M, "EUR")]),
    ("ticket-fr-1", "fr", "body", "Volune", "Le groupe Arkema investit 20 millions d'euros dans Volune.", [("investment", 20 * M, "EUR")]),
    ("ticket-fr-2", "fr", "body", "Volune", "Bpifrance a injecté 15 millions d'euros dans Volune, selon un communiqué.", [("investment", 15 * M, "EUR")]),
    ("ticket-fr-3", "fr", "body", "Volune", "Volune a bouclé une série C de 1,7 milliard d'euros. Le néerlandais Orvane y apporte à lui seul 1,3 milliard d'euros.", [("round", 1700 * M, "EUR")]),
    # ---- French cues on English text
    ("lang-en-1", "en", "body", "Tindra", "Tindra's founder once managed a concert tour worth $40 million before starting the company.", []),
    ("lang-en-2", "en", "body", "Tindra", "Tindra expects the upgrade cycle to be worth $900 million to the industry.", []),
    ("lang-en-3", "en", "body", "Tindra", "Tindra raised $40 million in March. Its capital expenditure will reach $60 million next year.", [("round", 40 * M, "USD")]),
    ("lang-fr-1", "fr", "body", "Volune", "Volune a finalisé un tour de table de 18 millions d'euros mené par Eurazeo.", [("round", 18 * M, "EUR")]),
    ("lang-fr-2", "fr", "body", "Volune", "Volune ouvre un nouveau cycle de financement de 18 millions d'euros, annonce la société.", [("round", 18 * M, "EUR")]),
    # ---- closed verb lists
    ("verb-en-1", "en", "headline", "Tindra", "Tindra lands $40M to expand its robot fleet", [("round", 40 * M, "USD")]),
    ("verb-en-2", "en", "headline", "Tindra", "Tindra nets $40M Series B led by Accel", [("round", 40 * M, "USD")]),
    ("verb-en-3", "en", "headline", "Tindra", "Tindra bags $40 million in fresh funding", [("round", 40 * M, "USD")]),
    ("verb-en-4", "en", "body", "Tindra", "Tindra picks up $40 million from Index Ventures and Balderton.", [("round", 40 * M, "USD")]),
    ("verb-en-5", "en", "body", "Tindra", "London-based Tindra rakes in $40 million as demand for its robots grows.", [("round", 40 * M, "USD")]),
    ("verb-en-6", "en", "headline", "Tindra", "Tindra secures $40M Series A", [("round", 40 * M, "USD")]),
    ("verb-en-7", "en", "headline", "Tindra", "Tindra snags $12 million seed round", [("round", 12 * M, "USD")]),
    ("verb-fr-1", "fr", "headline", "Volune", "Volune empoche 40 millions d'euros", [("round", 40 * M, "EUR")]),
    ("verb-fr-2", "fr", "body", "Volune", "La start-up lyonnaise Volune décroche 40 millions d'euros auprès de Partech.", [("round", 40 * M, "EUR")]),
    ("verb-fr-3", "fr", "body", "Volune", "Volune obtient 40 millions d'euros pour accélérer à l'international.", [("round", 40 * M, "EUR")]),
    ("verb-fr-4", "fr", "headline", "Volune", "Volune boucle une levée de 40 millions d'euros", [("round", 40 * M, "EUR")]),
    ("verb-fr-5", "fr", "headline", "Volune", "Volune rafle 9 millions d'euros pour ses batteries", [("round", 9 * M, "EUR")]),
    ("verb-fr-6", "fr", "body", "Volune", "Volune engrange 9 millions d'euros auprès de ses investisseurs historiques.", [("round", 9 * M, "EUR")]),
    # ---- negation
    ("neg-en-1", "en", "body", "Tindra", "Tindra did not raise $100 million, the company said in a statement.", []),
    ("neg-en-2", "en", "body", "Tindra", "Tindra denied reports that it had raised $100 million from sovereign funds.", []),
    ("neg-en-3", "en", "body", "Tindra", "Tindra has not raised $100 million, contrary to a report on Tuesday.", []),
    ("neg-fr-1", "fr", "body", "Volune", "Volune n'a pas levé 100 millions d'euros, contrairement à ce qu'affirmait la presse.", []),
    ("neg-fr-2", "fr", "body", "Volune", "Volune dément avoir levé 100 millions d'euros auprès de fonds du Golfe.", []),
    ("neg-fr-3", "fr", "body", "Volune", "Volune n'a jamais été valorisée 2 milliards d'euros, rectifie son directeur financier.", []),
    # ---- conditional elsewhere in the sentence does not make it rumoured
    ("cond-en-1", "en", "body", "Tindra", "Tindra, whose robots could one day replace warehouse pickers, raised $40 million on Tuesday.", [("round", 40 * M, "USD", "announced")]),
    ("cond-en-2", "en", "body", "Tindra", "Regulators may tighten the rules next year, but Tindra raised $40 million in a Series B this week.", [("round", 40 * M, "USD", "announced")]),
    ("cond-en-3", "en", "body", "Tindra", "The market would need years to mature; Tindra has nonetheless closed a $40 million round.", [("round", 40 * M, "USD", "announced")]),
    ("cond-fr-1", "fr", "body", "Volune", "Volune, dont les batteries pourraient équiper un million de vélos, a levé 40 millions d'euros.", [("round", 40 * M, "EUR", "announced")]),
    ("cond-fr-2", "fr", "body", "Volune", "Le marché devrait doubler d'ici 2030 ; Volune a levé 40 millions d'euros en série B.", [("round", 40 * M, "EUR", "announced")]),
    ("cond-fr-3", "fr", "body", "Volune", "Même si la réglementation pourrait évoluer, Volune a bouclé une levée de 40 millions d'euros.", [("round", 40 * M, "EUR", "announced")]),
    ("cond-en-4", "en", "body", "Tindra", "Tindra could raise as much as $40 million in the new round.", [("round", 40 * M, "USD", "rumoured")]),
    ("cond-fr-4", "fr", "body", "Volune", "Volune pourrait lever jusqu'à 40 millions d'euros d'ici l'été.", [("round", 40 * M, "EUR", "rumoured")]),
    # ---- open-source is not a source
    ("oss-en-1", "en", "body", "Tindra", "Tindra, an open-source database company, raised $40 million.", [("round", 40 * M, "USD", "announced")]),
    ("oss-en-2", "en", "body", "Tindra", "The open-source developer Tindra has closed a $40 million Series B.", [("round", 40 * M, "USD", "announced")]),
    ("oss-fr-1", "fr", "body", "Volune", "Volune, éditeur de logiciels open-source, a levé 40 millions d'euros.", [("round", 40 * M, "EUR", "announced")]),
    # ---- totals to date
    ("total-en-1", "en", "body", "Tindra", "Tindra has now raised $300 million to date, including a $100 million Series C announced today.", [("round", 100 * M, "USD")]),
    ("total-en-2", "en", "body", "Tindra", "The new money brings Tindra's total funding to $300 million.", []),
    ("total-en-3", "en", "body", "Tindra", "Tindra, which has raised a total of $300 million since its founding, declined to comment.", []),
    ("total-fr-1", "fr", "body", "Volune", "Volune a levé 300 millions d'euros depuis sa création.", []),
    ("total-fr-2", "fr", "body", "Volune", "Cette opération porte à 300 millions d'euros le montant total levé par Volune.", []),
    ("total-fr-3", "fr", "body", "Volune", "Au total, Volune a levé 300 millions d'euros en cinq ans.", []),
    # ---- no scale, truncated summaries
    ("scale-en-1", "en", "summary", "Tindra", "Tindra has raised $3.5 in seed funding from angel investors.", []),
    ("trunc-en-1", "en", "summary", "Tindra", "Tindra, the warehouse robotics company, is raising about $3.5 b", []),
    ("trunc-en-2", "en", "summary", "Tindra", "Tindra is in talks with investors to raise roughly $1.2…", []),
    ("trunc-fr-1", "fr", "summary", "Volune", "Volune serait en discussions pour lever environ 1,2 mi…", []),
    ("trunc-fr-2", "fr", "summary", "Volune", "La start-up Volune a levé 45 millions d'euros auprès de Partech et veut recruter 200 pers...", [("round", 45 * M, "EUR")]),
    # ---- number words
    ("words-fr-1", "fr", "body", "Volune", "Volune a levé quatre-vingts millions d'euros auprès de fonds européens.", [("round", 80 * M, "EUR")]),
    ("words-fr-2", "fr", "body", "Volune", "Volune a levé soixante-dix millions d'euros.", [("round", 70 * M, "EUR")]),
    ("words-fr-3", "fr", "body", "Volune", "Volune a levé quatre-vingt-dix millions d'euros en série B.", [("round", 90 * M, "EUR")]),
    ("words-en-1", "en", "body", "Tindra", "Tindra raised eighty million dollars in a Series B.", [("round", 80 * M, "USD")]),
    # ---- absurd amounts
    ("absurd-fr-1", "fr", "body", "Volune", "Volune a levé 100000000000000000000 milliards d'euros.", []),
    ("absurd-en-1", "en", "body", "Tindra", "Tindra is valued at $900000000000000000000000 billion, the parody site claims.", []),
    # ---- headlines
    ("head-en-1", "en", "headline", "Tindra", "Tindra raises $40 million in Series B - TechCrunch", [("round", 40 * M, "USD", "announced")]),
    ("head-en-2", "en", "headline", "Tindra", "Tindra in talks to raise $40 million at $400 million valuation | Reuters", [("round", 40 * M, "USD", "rumoured"), ("valuation", 400 * M, "USD", "rumoured")]),
    ("head-en-3", "en", "headline", "Tindra", "Tindra eyes $40 million raise", [("round", 40 * M, "USD", "rumoured")]),
    ("head-en-4", "en", "headline", "Tindra", "Tindra seeks $40 million from new investors", [("round", 40 * M, "USD", "rumoured")]),
    ("head-en-5", "en", "headline", "Tindra", "Tindra would be valued at $1 billion in new deal - Bloomberg", [("valuation", B, "USD", "rumoured")]),
    ("head-en-6", "en", "headline", "Tindra", "Tindra valued at $1 billion after $100 million round", [("valuation", B, "USD", "announced"), ("round", 100 * M, "USD", "announced")]),
    ("head-fr-1", "fr", "headline", "Volune", "Volune lève 40 millions d'euros pour ses batteries - Les Echos", [("round", 40 * M, "EUR", "announced")]),
    ("head-fr-2", "fr", "headline", "Volune", "Volune serait valorisée 1 milliard d'euros", [("valuation", B, "EUR", "rumoured")]),
    ("head-fr-3", "fr", "headline", "Volune", "Volune en discussions pour lever 40 millions d'euros | Maddyness", [("round", 40 * M, "EUR", "rumoured")]),
    ("head-fr-4", "fr", "headline", "Volune", "Volune cherche à lever 40 millions d'euros", [("round", 40 * M, "EUR", "rumoured")]),
    # ---- feed summaries
    ("sum-en-1", "en", "summary", "Tindra", "Warehouse robotics startup Tindra has raised $40 million in a Series B round led by Accel, bringing its valuation to $400 million.", [("round", 40 * M, "USD"), ("valuation", 400 * M, "USD")]),
    ("sum-en-2", "en", "summary", "Tindra", "Tindra, which makes robots for grocers, said on Tuesday it had closed a $40 million funding round.", [("round", 40 * M, "USD", "announced")]),
    ("sum-fr-1", "fr", "summary", "Volune", "La jeune pousse grenobloise Volune annonce une levée de 40 millions d'euros en série B, menée par Eurazeo.", [("round", 40 * M, "EUR", "announced")]),
    ("sum-fr-2", "fr", "summary", "Volune", "Selon Les Echos, Volune s'apprête à boucler un tour de table de 40 millions d'euros.", [("round", 40 * M, "EUR", "rumoured")]),
]


def main() -> None:
    out = []
    kinds = {"round": "round", "valuation": "valuation", "investment": "investment", "total": "total_raised"}
    for cid, lang, form, company, text, facts in CASES:
        expected = []
        for f in facts:
            e: dict[str, object] = {"kind": kinds[str(f[0])], "amount": f[1], "currency": f[2]}
            if len(f) > 3:
                e["status"] = f[3]
            expected.append(e)
        out.append({"id": cid, "lang": lang, "form": form, "company": company, "text": text, "expected": expected})
    path = Path(__file__).with_name("probes.json")
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
