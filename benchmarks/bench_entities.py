"""How the relevance check (does a feed entry name a tracked company?) grows with the companies.

    python benchmarks/bench_entities.py          # 100, 1,000 and 10,000 companies x 10,000 entries
    python benchmarks/bench_entities.py --companies 100,1000 --entries 2000      # a quick run

Invented companies (two made-up words, an alias for one in three) and invented feed entries
(title + summary, ~250 characters, English and French; one in ten names a company, some in
capitals, with accents dropped, hyphenated or by alias; the others name untracked ones), the
same for every size. For each size it prints:

- the matcher (``watcher.names.EntityMatcher``, what a cycle asks once per entry): build time
  once, then time per entry over all the entries;
- the path before issue 18 (``mentions`` asked of each company in turn, with its 256-pattern
  cache) on ``--old-sample`` entries, where it is affordable (``--old-max`` companies at most),
  and that both give the same companies;
- what a worker pays per article for the set of companies its job carries: pickled as
  dataclasses (before), or as a ``Roster`` the worker has already read; and the matcher on an
  article's text (20 entries end to end, ~5,000 characters).

Anchor, measured in the same run: ``watcher.feeds.parse_feed`` (feedparser plus watcher's own
reading of each item) on an RSS document of the same entries, per entry. Every time is also
printed as a ratio to it, so figures from a busy machine and a quiet one compare. Target of
issue 18: 0.5 ms per entry at 10,000 companies.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from watcher.feeds import FeedEntry, parse_feed  # noqa: E402  (the repository first on the path)
from watcher.models import Entity  # noqa: E402
from watcher.names import EntityMatcher, Roster, mentions  # noqa: E402

TARGET_MS = 0.5
_SYLLABLES = ["ka", "lo", "mi", "ra", "tes", "vo", "ne", "sul", "dra", "phi", "on", "ex", "bri", "tan", "quo"]
_SYLLABLES += ["zel", "ma", "ri", "cor", "van", "ul", "sé", "trí", "ny", "bo"]
_SUFFIXES = ["", "", "", " AI", " Labs", " Bio", " Robotics", " Energy", " Health", " Systems"]
_EN = [
    "{c} raises {n} million in a round led by {i}",
    "{c} hires a new chief financial officer ahead of expansion",
    "Why investors are watching {c} this quarter",
    "{c} signs a supply deal with a European carmaker",
]
_FR = [
    "{c} lève {n} millions d'euros auprès de {i}",
    "{c} recrute un directeur financier avant son expansion",
    "Pourquoi les investisseurs regardent {c} ce trimestre",
]
_SUMMARY_EN = (
    "The company said the money would go to hiring and new markets. {o} and {p} were also mentioned "
    "in the announcement, which came after months of talks with several funds."
)
_SUMMARY_FR = (
    "L'entreprise affirme que les fonds serviront à recruter et à ouvrir de nouveaux marchés. {o} et {p} "
    "sont aussi cités dans l'annonce, après des mois de discussions."
)
_INVESTORS = ["Index Ventures", "Partech", "Eurazeo", "Accel", "Bpifrance", "Balderton"]


def companies(n: int, rng: random.Random) -> list[Entity]:
    """``n`` invented companies with distinct names; one in three has an alias."""
    seen: set[str] = set()
    out: list[Entity] = []

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    while len(out) < n:
        name = f"{word()} {word()}{rng.choice(_SUFFIXES)}"
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        aliases = (word() + word().lower(),) if len(out) % 3 == 0 else ()
        out.append(Entity(name, aliases))
    return out


def spelled(entity: Entity, rng: random.Random) -> str:
    """One of the ways a feed writes a company's name."""
    name = rng.choice(entity.names)
    way = rng.randrange(5)
    if way == 1:
        return name.upper()
    if way == 2:
        return name.replace(" ", "-", 1)
    if way == 3:
        return name.replace("é", "e").replace("í", "i") + "'s"
    return name


def entries(n: int, universe: list[Entity], rng: random.Random) -> list[FeedEntry]:
    """``n`` entries; one in ten names a company of ``universe``, the others name made-up outsiders."""
    outsiders = companies(200, random.Random(rng.random()))
    out = []
    for k in range(n):
        french = k % 3 == 0
        named = rng.choice(universe) if k % 10 == 0 else rng.choice(outsiders)
        title = rng.choice(_FR if french else _EN).format(
            c=spelled(named, rng), n=rng.randint(2, 900), i=rng.choice(_INVESTORS)
        )
        others = rng.sample(outsiders, 2)
        summary = (_SUMMARY_FR if french else _SUMMARY_EN).format(o=others[0].name, p=others[1].name)
        out.append(FeedEntry(f"e{k}", None, f"https://news.example/{k}", title, summary, None))
    return out


def rss(items: list[FeedEntry]) -> bytes:
    when = format_datetime(datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    parts = [
        f"<item><title>{escape(e.title)}</title><link>{escape(e.link or '')}</link>"
        f'<guid isPermaLink="false">{e.key}</guid><description>{escape(e.summary)}</description>'
        f"<pubDate>{when}</pubDate></item>"
        for e in items
    ]
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + "".join(parts)).encode() + (
        b"</channel></rss>"
    )


def per_entry_ms(seconds: float, count: int) -> float:
    return seconds * 1000 / max(1, count)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--companies", default="100,1000,10000", help="comma-separated sizes")
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--old-sample", type=int, default=20, help="entries timed on the old path")
    ap.add_argument("--old-max", type=int, default=1000, help="largest size the old path is timed at")
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.companies.split(",")]
    rng = random.Random(args.seed)
    universe = companies(max(sizes), rng)
    items = entries(args.entries, universe, rng)
    texts = [f"{e.title}\n{e.summary}" for e in items]  # what the cycle checks (pipeline._entry_text)
    # What a worker checks: an article's text (~5,000 characters: 20 entries end to end).
    pages = ["\n".join(texts[k : k + 20]) for k in range(0, min(len(texts), 1000), 20)]

    body = rss(items)
    started = time.perf_counter()
    parsed = parse_feed(body, "https://news.example/feed", "application/rss+xml")
    anchor = per_entry_ms(time.perf_counter() - started, len(parsed))
    assert len(parsed) == len(items)
    print(f"{len(items):,} entries, {sum(map(len, texts)) // len(texts)} characters each on average")
    print(f"anchor: parse_feed (feedparser + watcher's reading of each item): {anchor:.3f} ms per entry")
    print()
    head = f"{'companies':>9}  {'build':>8}  {'matcher/entry':>13}  {'x anchor':>8}  {'named':>6}"
    print(f"{head}  old path/entry")
    verdict = True
    for size in sizes:
        tracked = universe[:size]
        started = time.perf_counter()
        matcher = EntityMatcher(tracked)
        build = time.perf_counter() - started
        started = time.perf_counter()
        found = [matcher.find(t) for t in texts]
        each = per_entry_ms(time.perf_counter() - started, len(texts))
        old = "not timed (too slow)"
        if size <= args.old_max:
            sample = texts[: args.old_sample]
            for t in sample[:1]:  # its patterns compiled once, as a long-running daemon would have them
                [e for e in tracked if mentions(t, list(e.names))]
            started = time.perf_counter()
            before = [[e for e in tracked if mentions(t, list(e.names))] for t in sample]
            old_each = per_entry_ms(time.perf_counter() - started, len(sample))
            assert before == found[: len(sample)], "the matcher and the old path disagree"
            old = f"{old_each:.3f} ms ({old_each / anchor:.1f}x anchor, {len(sample)} entries)"
        named = sum(1 for f in found if f)
        print(
            f"{size:>9,}  {build * 1000:>6.0f}ms  {each:>10.4f} ms  {each / anchor:>7.2f}x  {named:>6}  {old}"
        )
        if size >= 10_000:
            verdict = verdict and each <= TARGET_MS
        # What a worker pays per article for the job's companies: before, them pickled as
        # dataclasses (and their matcher found again); now a roster, read once per worker.
        job = tuple(tracked)
        rounds = 20
        started = time.perf_counter()
        for _ in range(rounds):
            pickle.loads(pickle.dumps(job))
        before_ms = per_entry_ms(time.perf_counter() - started, rounds)
        roster = Roster(job)
        pickle.loads(pickle.dumps(roster))  # the worker's first article: it builds the matcher then
        started = time.perf_counter()
        for _ in range(rounds):
            pickle.loads(pickle.dumps(roster)).find(texts[0])
        roster_ms = per_entry_ms(time.perf_counter() - started, rounds)
        print(f"{'':>9}  per article, the companies to a worker: as dataclasses {before_ms:.2f} ms,", end=" ")
        print(f"as a roster {roster_ms:.2f} ms")
        started = time.perf_counter()
        for page in pages:
            matcher.find(page)
        page_ms = per_entry_ms(time.perf_counter() - started, len(pages))
        chars = sum(map(len, pages)) // max(1, len(pages))
        print(f"{'':>9}  per article, the matcher on its text ({chars:,} characters): {page_ms:.2f} ms")
    if any(s >= 10_000 for s in sizes):
        print()
        print(f"{'PASS' if verdict else 'FAIL'}: matcher <= {TARGET_MS} ms per entry at 10,000 companies")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
