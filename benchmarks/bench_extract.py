"""Throughput of the fact extractor on a few hundred synthetic documents.

Usage: python benchmarks/bench_extract.py [--docs N] [--seed S] [--articles N] [--figures N]

Documents are the seed articles shuffled sentence-wise and padded with synthetic funding,
competitor and non-funding sentences, so every rule gets exercised.

``--figures N`` (issue 12: "no article above 50 ms of fact extraction") times ``extract_facts`` on
each of N invented articles of 3-8 KB that carry funding figures (French and English, company
names, investor lists, several amounts) and prints the per-article distribution: median, p99,
max and the slowest article's first 80 characters.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from watcher.facts import extract_facts, prepare

REPO = Path(__file__).resolve().parent.parent

SYNTHETIC = [
    "Zephyr AI a levé {n} millions d'euros lors d'une série {r} menée par Orion Partners.",
    "La start-up est désormais valorisée à {m} milliards de dollars, selon des sources proches du dossier.",
    "Its rival Borealis raised ${n} million last month from Kestrel and Marlow Capital.",
    "The company reported {n} million dollars in annual recurring revenue.",
    "Zephyr AI serait en discussions pour lever jusqu'à {m} milliards d'euros.",
    "Globex investit {n} millions d'euros (environ {n2} millions de dollars) dans la jeune pousse.",
    "The firm had previously raised €{n}mn in a seed round led by Tallis Ventures.",
    "Son modèle compte {m} milliards de paramètres et tourne sur plus de 1 000 GPU.",
    "Zephyr AI a levé plus d'un milliard d'euros, dont {n} millions lors de son dernier tour.",
    "Analysts expect the market for such chips to reach ${m} billion by 2030.",
]
FURNITURE = "\nÀ regarder\n-\nUne autre start-up lève 90 millions d'euros\n-\nLa bourse recule\n"


def build_documents(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    pools = [s.replace("\n", " ").split(". ") for s in seeds]
    docs: list[str] = []
    for _ in range(count):
        base = rng.choice(pools)[:]
        rng.shuffle(base)
        extra = [
            t.format(
                n=rng.randint(5, 900), n2=rng.randint(5, 900), m=rng.randint(1, 40), r=rng.choice("ABCD")
            )
            for t in rng.sample(SYNTHETIC, 4)
        ]
        body = ". ".join(base[: rng.randint(min(8, len(base)), len(base))] + extra)
        docs.append(body + (FURNITURE if rng.random() < 0.3 else ""))
    return docs


def news_articles(count: int, seed: int) -> tuple[list[str], list[str]]:
    """bench_pipeline-style article bodies, (with a funding sentence, without one)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import harness

    rng = random.Random(seed)
    with_f: list[str] = []
    without: list[str] = []
    for k in range(count):
        funding = k % 4 == 0
        text = "\n\n".join(harness.article_paragraphs(rng, "fr" if k % 3 == 0 else "en", funding))
        (with_f if funding else without).append(text)
    return with_f, without


# Figure-heavy articles (issue 12). Invented companies and investors; every paragraph may carry a figure.
_COMPANIES = ["Zephyr AI", "Borealis", "Kestrel Robotics", "Nordwind", "Lumio", "Quarrel", "Tindra", "Ombrel"]
_INVESTORS = [
    "Orion Partners",
    "Kestrel & Co",
    "Marlow Capital",
    "Tallis Ventures",
    "General Catalyst",
    "Bpifrance",
    "Lightspeed Venture Partners",
    "Andreessen Horowitz",
    "Index Ventures",
    "Eurazeo",
    "Balderton Capital",
    "Jean-Baptiste Durand-Lefèvre",
    "Saint-Gobain Ventures",
    "Île-de-France Capital",
    "a16z",
    "McKinsey Fund",
]
_PEOPLE = ["Jane Marlow", "Claire Dubois", "Paul Kestrel", "Inès Garnier", "Tomas Lindqvist"]
# A person raising for a venture sends the extractor through the role patterns ("X's co-founder",
# "CEO of X") over the words before the name: the path where the issue saw 250 ms windows.
_FIG_EN = [
    "Former Google DeepMind researcher and longtime open source advocate {person} has raised ${n} million "
    "for her new company, {co2}.",
    "The company said on tuesday that its former head of research and development {person} raised "
    "${n} million for her new start-up.",
    "{co} raised ${n} million in a Series {r} round led by {inv1}, with participation from "
    "{inv2}, {inv3} and {inv4}.",
    "The round values {co} at ${m} billion, up from ${n2} million two years ago, according to "
    "people familiar with the matter.",
    "{co}'s co-founder and CEO said the company had raised €{n}mn to date, including a €{n2}mn seed round.",
    "Its rival {co2}, which had raised ${n2} million last year, is reportedly in talks to "
    "raise up to ${m} billion.",
    "{inv1} and {inv2} have also participated, alongside {inv3}, bringing total funding to ${n} million.",
    "Revenue reached ${n2} million in 2025, and the company plans to spend ${n} million on data centres.",
    "{co} (valued at ${m}bn) and {co2}, a start-up that raised £{n}m, compete for the same customers.",
]
_FIG_FR = [
    "Selon nos informations, l'ancienne responsable de la recherche et du développement {person} a levé "
    "{n} millions d'euros pour sa nouvelle société, {co2}.",
    "{co} a levé {n} millions d'euros lors d'une série {r} menée par {inv1}, aux côtés de "
    "{inv2}, {inv3} et {inv4}.",
    "L'opération valorise {co} à {m} milliards d'euros, contre {n2} millions il y a deux ans, "
    "selon plusieurs sources.",
    "La jeune pousse, qui avait déjà levé {n2} millions d'euros en 2023, compte {n} salariés à Paris.",
    "Son concurrent {co2} serait en discussions pour lever jusqu'à {m} milliards de dollars "
    "auprès de {inv1}.",
    "{inv1} et {inv2} font également partie du tour de table, qui porte le total levé à {n} M€.",
    "Le chiffre d'affaires de {co} a atteint {n2} millions d'euros, pour {n} millions de pertes.",
    "{co}, valorisée {m} Md€, et {co2}, une start-up qui a levé {n} M€, se disputent les mêmes clients.",
]


def figure_articles(count: int, seed: int) -> list[tuple[str, str]]:
    """(text, company) of ``count`` invented articles of 3-8 KB, each carrying several funding figures."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import harness

    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for k in range(count):
        lang = "fr" if k % 2 else "en"
        co, co2 = rng.sample(_COMPANIES, 2)
        target = rng.randint(3000, 8000)
        paragraphs = [p.replace("Mistral AI", co) for p in harness.article_paragraphs(rng, lang, True)]
        text = ""
        while len(text.encode("utf-8")) < target:
            inv = rng.sample(_INVESTORS, 4)
            figures = " ".join(
                t.format(
                    co=co,
                    co2=co2,
                    person=rng.choice(_PEOPLE),
                    inv1=inv[0],
                    inv2=inv[1],
                    inv3=inv[2],
                    inv4=inv[3],
                    n=rng.randint(5, 900),
                    n2=rng.randint(5, 900),
                    m=rng.randint(1, 40),
                    r=rng.choice("ABCD"),
                )
                for t in rng.sample(_FIG_FR if lang == "fr" else _FIG_EN, rng.randint(1, 3))
            )
            paragraphs.insert(rng.randint(0, len(paragraphs)), figures)
            text = "\n\n".join(paragraphs)
        out.append((text.encode("utf-8")[:target].decode("utf-8", "ignore"), co))
    return out


def figure_distribution(articles: list[tuple[str, str]]) -> list[tuple[float, str]]:
    """Milliseconds of ``extract_facts`` per article (best of 3, so a stray scheduler pause is not
    taken for the extractor's worst case), with the article's text."""
    timed: list[tuple[float, str]] = []
    for text, company in articles:
        best = float("inf")
        for _ in range(3):
            prepare._prepared.cache_clear()  # the sentence split is part of an article's cost
            start = time.perf_counter()
            extract_facts(text, company)
            best = min(best, time.perf_counter() - start)
        timed.append((best * 1000, text))
    return sorted(timed)


def _ms_per_doc(docs: list[str], entity: str, aliases: tuple[str, ...], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            extract_facts(doc, entity, aliases)
        best = min(best, time.perf_counter() - start)
    return best / len(docs) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--articles", type=int, default=400, help="bench_pipeline-style articles to time (0: skip)"
    )
    parser.add_argument(
        "--figures",
        type=int,
        default=300,
        help="figure-heavy 3-8 KB articles for the per-article distribution (0: skip)",
    )
    args = parser.parse_args(argv)
    extract_facts(SYNTHETIC[0].format(n=5, r="A"), "Zephyr AI")  # compile the regexes before timing
    if args.docs:
        docs = build_documents(args.docs, args.seed)
        size_mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        start = time.perf_counter()
        facts = 0
        for i, doc in enumerate(docs):
            facts += len(extract_facts(doc, "Mistral AI" if i % 2 else "Zephyr AI"))
        elapsed = time.perf_counter() - start
        print(f"documents: {len(docs)}  size: {size_mb:.2f} MB  facts: {facts}")
        print(f"elapsed: {elapsed:.2f} s  {len(docs) / elapsed:.1f} docs/s  {size_mb / elapsed:.2f} MB/s")
    if args.articles:
        with_f, without = news_articles(args.articles, args.seed)
        aliases = ("Mistral",)
        ms_with = _ms_per_doc(with_f, "Mistral AI", aliases)
        ms_without = _ms_per_doc(without, "Mistral AI", aliases)
        print(
            f"news articles: with a funding figure {ms_with:.2f} ms/article ({len(with_f)}), "
            f"without {ms_without:.2f} ms/article ({len(without)})"
        )
    if args.figures:
        articles = figure_articles(args.figures, args.seed)
        timed = figure_distribution(articles)
        ms = [t for t, _ in timed]
        sizes = [len(a.encode("utf-8")) for a, _ in articles]
        worst_ms, worst_text = timed[-1]
        print(
            f"figure articles: {len(ms)} ({min(sizes) / 1000:.1f}-{max(sizes) / 1000:.1f} KB)  "
            f"median {statistics.median(ms):.2f} ms  p99 {ms[min(len(ms) - 1, int(len(ms) * 0.99))]:.2f} ms  "
            f"max {worst_ms:.2f} ms  above 50 ms: {sum(t > 50 for t in ms)}"
        )
        print(f"slowest: {worst_text[:80]!r}")
        seeds = [
            (p.read_text(encoding="utf-8"), "Mistral AI") for p in sorted((REPO / "seeds").glob("*.txt"))
        ]
        seed_ms = [t for t, _ in figure_distribution(seeds)]
        print(f"seed articles: {len(seed_ms)}  max {max(seed_ms):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
