"""The workers read a page's title and date themselves, not with trafilatura's whole metadata pass
(its author, site name, categories and tags cost 40 % of its time and nothing reads them).

They must find the same title, date and text as that pass: checked on pages written here with
every place a title or a date can come from (meta tags, Open Graph, JSON-LD, broken JSON-LD, a
canonical link, <time>, one or several <h1>, the <title> element), in a fixed-seed mix.
"""

from __future__ import annotations

import json
import random

import pytest
import trafilatura

from watcher.articles import extract_article_now

_PARAGRAPHS = [
    "Nordwind Robotics a levé 40 millions d'euros lors d'un tour de table mené par Eurazeo.",
    "The Hamburg-based company is now valued at about $400 million, people familiar with it said.",
    "Les investisseurs historiques, dont Cherry Ventures, ont également suivi &amp; renforcé leur mise.",
    "Its chief executive said the money would go to two new plants and to hiring in Europe.",
    "Selon nos informations, la valorisation atteindrait 1,2 milliard d'euros après l'opération.",
]
_TITLES = [
    "Nordwind lève 40 M€",
    "Nordwind raises $45m &amp; more",
    "Funding: Nordwind – Le Monde",
    "Breaking | Nordwind",
]


def _page(rng: random.Random) -> str:
    title = rng.choice(_TITLES)
    day = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    head = ["<meta charset='utf-8'>", f"<title>{title}{rng.choice(['', ' - Site', ' | Les Echos'])}</title>"]
    optional = [
        (0.5, f"<meta property='og:title' content='OG {title}'>"),
        (0.3, f"<meta name='twitter:title' content='TW {title}'>"),
        (0.4, f"<meta property='article:published_time' content='{day}T08:00:00Z'>"),
        (0.3, f"<meta name='date' content='{day}'>"),
        (0.2, "<script type='application/ld+json'>{broken json</script>"),
        (0.3, f"<link rel='canonical' href='https://news.example.com/{day.replace('-', '/')}/n.html'>"),
    ]
    head += [tag for share, tag in optional if rng.random() < share]
    if rng.random() < 0.4:
        ld = {
            "@context": "https://schema.org",
            "@type": rng.choice(["NewsArticle", "Article", "WebPage"]),
            "headline": f"LD {title}",
            "datePublished": day,
            "dateModified": "2025-12-01",
            "author": {"@type": "Person", "name": "Jane Doe"},
        }
        head.append(f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    body = [f"<h1>H1 {k} {title}</h1>" for k in range(rng.choice([0, 1, 1, 2]))]
    if rng.random() < 0.4:
        body.append(f"<time datetime='{day}'>{day}</time>")
    if rng.random() < 0.3:
        body.append(f"<p class='date'>Publié le {rng.randint(1, 28)} mars 2024</p>")
    paragraphs = rng.sample(_PARAGRAPHS, k=rng.randint(2, 5)) * rng.randint(1, 3)
    body.append("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>")
    lang = rng.choice(["fr", "en", "", "fr-FR"])
    html_tag = f"<html lang='{lang}'>" if lang else "<html>"
    return f"<!DOCTYPE html>{html_tag}<head>{''.join(head)}</head><body>{''.join(body)}</body></html>"


def _stripped(value: object) -> str | None:
    return str(value or "").strip() or None


@pytest.mark.parametrize("seed", range(6))
def test_title_date_and_text_match_trafilaturas_metadata_pass(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        html = _page(rng)
        url = rng.choice(["https://example.org/a.html", "https://example.org/2024/05/03/a.html"])
        full = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
        ours = extract_article_now(html.encode(), url, "text/html; charset=utf-8")
        assert full is not None and ours is not None, html
        assert ours.title == _stripped(full.title), html
        assert ours.date == _stripped(full.date), html
        assert ours.text == _stripped(full.text), html


def test_a_page_without_title_or_date_reads_none_of_them() -> None:
    html = (
        "<html><body><div>"
        + "<p>Nordwind Robotics builds warehouse robots in Hamburg.</p>" * 4
        + "</div></body></html>"
    )
    ours = extract_article_now(html.encode(), "https://example.org/a", "text/html")
    assert ours is not None
    assert ours.date is None
    assert ours.text.startswith("Nordwind Robotics builds")
