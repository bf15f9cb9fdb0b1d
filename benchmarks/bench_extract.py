"""Throughput of the fact extractor on a few hundred synthetic documents.

Usage: python benchmarks/bench_extract.py [--docs N] [--seed S]

Documents are the seed articles shuffled sentence-wise and padded with synthetic funding,
competitor and non-funding sentences, so every rule gets exercised.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from watcher.facts import extract_facts

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
    from bench_pipeline import _paragraphs

    rng = random.Random(seed)
    with_f: list[str] = []
    without: list[str] = []
    for k in range(count):
        funding = k % 4 == 0
        text = "\n\n".join(_paragraphs(rng, "fr" if k % 3 == 0 else "en", funding))
        (with_f if funding else without).append(text)
    return with_f, without


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
    args = parser.parse_args(argv)
    docs = build_documents(args.docs, args.seed)
    size_mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    extract_facts(docs[0], "Mistral AI")  # warm regex caches before timing
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
