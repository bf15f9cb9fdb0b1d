"""The history chart: a well-formed SVG drawn by hand from timeline points."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from watcher.plot import TimelinePoint, human_amount, timeline_html, timeline_svg

NS = {"svg": "http://www.w3.org/2000/svg"}


def point(
    when: str,
    kind: str,
    amount: str,
    *,
    label: str = "",
    baseline: bool = False,
    change: bool = False,
    status: str = "announced",
) -> TimelinePoint:
    return TimelinePoint(date.fromisoformat(when), kind, Decimal(amount), label, baseline, change, status)


HISTORY = [
    point("2023-06-13", "funding_round", "105e6", baseline=True, label="Seed"),
    point("2023-12-11", "funding_round", "385e6", baseline=True, label="Series A"),
    point("2023-12-11", "valuation", "1.85e9", baseline=True, status="reported"),
    point("2024-06-11", "funding_round", "600e6", baseline=True, label="Series B"),
    point("2024-06-11", "valuation", "5.74e9", baseline=True),
    point("2025-09-09", "funding_round", "1.7e9", change=True, label="Series C led by ASML"),
    point("2025-09-09", "valuation", "11.7e9", change=True),
    point("2025-10-20", "valuation", "20e9", change=True, status="rumoured"),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def classes(el: ET.Element) -> set[str]:
    return set(el.get("class", "").split())


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if name in classes(el)]


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{{{NS['svg']}}}text")]


def test_well_formed_with_both_series_and_one_marker_per_point() -> None:
    root = parse(timeline_svg("Mistral AI", HISTORY, "EUR"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    [valuation] = by_class(root, "valuation-line")
    assert valuation.tag.endswith("polyline")
    # The rumour is not on the solid line: three confirmed valuations.
    assert len(valuation.get("points", "").split()) == 3
    [funding] = by_class(root, "funding-line")
    assert funding.tag.endswith("path") and " H" in funding.get("d", "") and " V" in funding.get("d", "")

    markers = by_class(root, "marker")
    assert len(markers) == len(HISTORY)
    assert len([m for m in markers if "valuation" in classes(m)]) == 4
    assert len([m for m in markers if "funding" in classes(m)]) == 4
    baseline = [m for m in markers if "baseline" in classes(m)]
    assert len(baseline) == 5 and all(m.get("fill") == "#ffffff" for m in baseline)
    changes = [m for m in markers if "change" in classes(m)]
    assert len(changes) == 3 and all(m.get("fill") != "#ffffff" for m in changes)
    assert len(by_class(root, "highlight")) == 3
    [rumour] = [m for m in markers if "rumour" in classes(m)]
    assert rumour.get("stroke-dasharray")
    assert any("rumour" in t for t in texts(root))
    assert len(by_class(root, "legend")) == 1
    assert "Mistral AI" in (root.findtext("svg:title", namespaces=NS) or "")


def test_cumulative_funding_sums_the_rounds() -> None:
    root = parse(timeline_svg("M", HISTORY, "EUR"))
    funding = [m for m in by_class(root, "marker") if "funding" in classes(m)]
    tips = [m.findtext("svg:title", namespaces=NS) or "" for m in funding]
    # 105M, 490M, 1.09bn, 2.79bn: each marker sits on the running total.
    assert [re.search(r"\(total (\S+)\)", t).group(1) for t in tips] == [  # type: ignore[union-attr]
        "105M",
        "490M",
        "1.09bn",
        "2.79bn",
    ]
    assert "+1.7bn" in texts(root)


def test_rumoured_round_does_not_raise_the_total() -> None:
    pts = [
        point("2024-01-01", "funding_round", "100e6", baseline=True),
        point("2024-05-01", "funding_round", "50e6", status="rumoured", change=True),
    ]
    root = parse(timeline_svg("M", pts, "EUR"))
    [step] = by_class(root, "funding-line")
    assert " V" not in step.get("d", "")  # one confirmed round: a flat line
    assert by_class(root, "rumour-link")


def test_hostile_names_and_labels_are_escaped() -> None:
    hostile = '<script>alert("x")</script> & Co'
    pts = [
        point("2024-01-01", "valuation", "1e9", label="</title><script>evil()</script>\x00\x1b", change=True)
    ]
    svg = timeline_svg(hostile, pts, "EUR")
    assert "<script>" not in svg and "\x00" not in svg and "\x1b" not in svg
    root = parse(svg)
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert hostile in (root.findtext("svg:title", namespaces=NS) or "")
    page = timeline_html(hostile, pts, "EUR")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_empty_timeline_is_a_valid_svg_saying_no_data() -> None:
    root = parse(timeline_svg("Mistral AI", [], "EUR"))
    assert any("no data" in t for t in texts(root))
    assert not by_class(root, "marker")
    assert "no data" in timeline_html("Mistral AI", [], "EUR")


def test_several_years_give_year_ticks() -> None:
    pts = [
        point("2019-03-01", "valuation", "100e6", baseline=True),
        point("2021-07-01", "valuation", "400e6"),
        point("2025-02-01", "valuation", "900e6", change=True),
    ]
    root = parse(timeline_svg("M", pts, "USD"))
    years = ["".join(t.itertext()) for t in by_class(root, "year-tick")]
    # The axis is padded a little on both sides, so January 2019 is just inside it.
    assert years == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]


def test_short_span_gives_month_ticks_and_a_linear_axis() -> None:
    pts = [point("2024-01-15", "valuation", "2e9"), point("2024-06-15", "valuation", "5e9", change=True)]
    root = parse(timeline_svg("M", pts, "USD"))
    months = ["".join(t.itertext()) for t in by_class(root, "month-tick")]
    assert "Mar" in months and len(months) >= 4
    ticks = ["".join(t.itertext()) for t in by_class(root, "y-tick")]
    assert ticks[0] == "0" and "5bn" in ticks
    assert not any("log scale" in t for t in texts(root))


def test_wide_range_uses_a_labelled_log_scale() -> None:
    root = parse(timeline_svg("Mistral AI", HISTORY, "EUR"))
    assert any("log scale" in t for t in texts(root))
    ticks = ["".join(t.itertext()) for t in by_class(root, "y-tick")]
    assert {"100M", "500M", "1bn", "5bn", "10bn"} <= set(ticks)


def test_single_point_and_non_positive_amounts() -> None:
    pts = [point("2024-01-01", "valuation", "3e9"), point("2024-02-01", "funding_round", "0")]
    root = parse(timeline_svg("M", pts, "EUR"))
    assert len(by_class(root, "marker")) == 1
    assert not any("no data" in t for t in texts(root))


def test_human_amounts() -> None:
    assert [human_amount(v) for v in (0, 250e3, 15e6, 999.9e6, 1.5e9, 183e9, 1.2e12)] == [
        "0",
        "250k",
        "15M",
        "1bn",
        "1.5bn",
        "183bn",
        "1.2tn",
    ]


def _boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """Approximate boxes of the annotations, with the width rule the placement uses."""
    out = []
    for t in root.iter("{http://www.w3.org/2000/svg}text"):
        if "ann" not in (t.get("class") or "").split():
            continue
        x, y, w = float(t.get("x", 0)), float(t.get("y", 0)), 6.6 * len(t.text or "")
        anchor = t.get("text-anchor")
        x0 = x if anchor == "start" else (x - w if anchor == "end" else x - w / 2)
        out.append((x0, y - 10, x0 + w, y + 3))
    return out


def test_dense_timeline_labels_never_overlap() -> None:
    from datetime import timedelta

    pts = []
    when, value = date(2021, 1, 1), 50e6
    for i in range(30):
        when += timedelta(days=25)
        value *= 1.15
        pts.append(point(when.isoformat(), "valuation", f"{value:.0f}", change=i > 25))
        pts.append(point(when.isoformat(), "funding_round", f"{value / 8:.0f}", change=i > 25))
    root = parse(timeline_svg("Dense", pts, "EUR"))
    boxes = _boxes(root)
    assert len(boxes) >= 10  # most points are labelled
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_panels_titles_and_month_dates() -> None:
    from watcher.plot import Panel, point_date, timelines_html, timelines_svg

    when, precision = point_date("2023-12") or (None, "")
    assert when == date(2023, 12, 15) and precision == "month"
    assert point_date("2024") == (date(2024, 7, 1), "year")
    assert point_date("2024-13") is None
    month = TimelinePoint(when, "valuation", Decimal("2e9"), "", True, False, "announced", precision)
    a = Panel("A Co", (month,))
    b = Panel("B Co", (point("2024-06-11", "funding_round", "6e8", label="Series B"),))
    root = parse(timelines_svg([a, b], "EUR"))
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "A Co: valuation and cumulative funding (EUR)" in titles
    assert "B Co: valuation and cumulative funding (EUR)" in titles
    only = parse(timelines_svg([a], "EUR", ("valuation",)))
    assert only.findtext("svg:title", namespaces=NS) == "A Co: valuation (EUR)"
    assert "cumulative funding" not in ET.tostring(only, encoding="unicode")
    page = timelines_html([a, b], "EUR")
    assert "<td>2023-12</td>" in page and "2023-12-15" not in page and "2023-12-01" not in page
    linked = TimelinePoint(
        date(2024, 6, 11),
        "valuation",
        Decimal("6e9"),
        "",
        False,
        True,
        "announced",
        source="Example <b>news</b>",
        url="https://news.example/a?x=1&y=2",
    )
    page = timelines_html([Panel("C", (linked,))], "EUR")
    assert '<a href="https://news.example/a?x=1&amp;y=2">Example &lt;b&gt;news&lt;/b&gt;</a>' in page
