"""Realistic feeds and article pages for pipeline tests, written for this project.

Pages carry the clutter of real news sites (navigation, cookie banner, related links,
footer) so that text extraction is exercised, not bypassed.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from html import escape


def page(title: str, paragraphs: list[str], *, lang: str = "en", published: str = "2025-09-09") -> str:
    body = "\n".join(f"        <p>{escape(p)}</p>" for p in paragraphs)
    related = (
        ["Une start-up de robotique lève 12 millions d'euros", "Les marchés européens en hausse"]
        if lang == "fr"
        else ["Robotics startup Acme raises $12 million", "European markets close higher"]
    )
    links = "\n".join(f'        <li><a href="/r/{i}">{escape(t)}</a></li>' for i, t in enumerate(related))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>{escape(title)} | Le Journal Tech</title>
  <meta property="og:title" content="{escape(title)}">
  <meta property="article:published_time" content="{published}T07:00:00+00:00">
</head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
  <header><nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/startups">Startups</a>
  <a href="/subscribe">Subscribe</a></nav></header>
  <main>
    <article>
      <h1>{escape(title)}</h1>
      <p class="byline">By Newsroom staff, <time datetime="{published}">{published}</time></p>
      <div class="article-body">
{body}
      </div>
    </article>
    <aside><h3>Related</h3><ul>
{links}
    </ul></aside>
  </main>
  <footer><p>© 2025 Le Journal Tech. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def rss(title: str, items: list[dict[str, str]]) -> str:
    parts = []
    for it in items:
        date = it.get("date", "2025-09-09T08:00:00+00:00")
        pub = format_datetime(datetime.fromisoformat(date))
        guid = f'<guid isPermaLink="false">{escape(it["guid"])}</guid>' if "guid" in it else ""
        parts.append(
            f"""    <item>
      <title>{escape(it["title"])}</title>
      <link>{escape(it["link"])}</link>
      {guid}
      <description>{escape(it.get("summary", ""))}</description>
      <pubDate>{pub}</pubDate>
    </item>"""
        )
    items_xml = "\n".join(parts)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>{escape(title)}</title>
    <link>https://news.example/</link>
    <description>Technology news</description>
{items_xml}
  </channel>
</rss>
"""


def atom(title: str, items: list[dict[str, str]]) -> str:
    parts = []
    for it in items:
        parts.append(
            f"""  <entry>
    <title>{escape(it["title"])}</title>
    <link href="{escape(it["link"])}"/>
    <id>{escape(it.get("guid", it["link"]))}</id>
    <updated>{it.get("date", "2025-09-09T08:00:00+00:00")}</updated>
    <summary>{escape(it.get("summary", ""))}</summary>
  </entry>"""
        )
    entries = "\n".join(parts)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{escape(title)}</title>
  <id>urn:example:feed</id>
  <updated>2025-09-09T08:00:00Z</updated>
{entries}
</feed>
"""
