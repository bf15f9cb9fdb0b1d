"""The history of an entity as a picture: valuation and cumulative funding over time (pure).

Values in, SVG text out, written by hand: no plotting library, no fonts, no I/O, so the
same code serves ``watcher history --plot x.svg`` and an HTML report. Labels and names
come from scraped articles and are escaped as untrusted text.

Why not a library (judged for issue 11): matplotlib's SVG backend draws the same chart
but brings numpy, pillow and fonttools (~60 MB) into a daemon that only needs SVG text,
and its label placement would still be ours to write; pygal has no step line for a
cumulative total and no log axis with labelled decades; a Vega-Lite spec needs a
JavaScript runtime (or the vl-convert binary) to become an SVG or PNG. What the picture
needed (one panel per company, a title per kind, non-colliding labels) is a few dozen
lines here.

The caller passes one point per known fact (re-reports excluded, they would count a
round twice in the cumulative sum), amounts already converted to the base currency.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from html import escape

from watcher.render import format_amount

VALUATION_COLOR = "#1f5fa8"
FUNDING_COLOR = "#d9730d"
CHANGE_COLOR = "#c2185b"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Characters XML 1.0 forbids even escaped; one in a scraped title would make the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Above this max/min ratio a linear axis squeezes the early rounds into the baseline.
_LOG_RATIO = 30.0
# The chart's one style sheet, a constant: a page that embeds the chart allows exactly this text
# in its Content-Security-Policy (by hash) and no other inline style.
SVG_STYLE = (
    "text{font-family:Helvetica,Arial,sans-serif;fill:#222}"
    ".axis{stroke:#444;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}"
    ".tick{font-size:11px}.note{font-size:11px;fill:#555}.ann{font-size:11px}"
)


@dataclass(frozen=True)
class TimelinePoint:
    date: date
    kind: str  # "valuation" | "funding_round"
    amount_base: Decimal  # in the base currency
    label: str  # free text shown as the point's tooltip (round, source title...)
    baseline: bool  # known from the seed documents
    change: bool  # announced as a change (an alert was sent)
    status: str  # "announced" | "reported" | "rumoured"
    # How much of ``date`` the source gave: "day", "month" (drawn mid-month) or "year"
    # (drawn mid-year); shown as "2023-12" or "2023", never with an invented day.
    precision: str = "day"
    amount_text: str = ""  # the amount as reported, e.g. "USD 640M" (the table shows it)
    source: str = ""  # the source's title or outlet
    url: str = ""  # the source's address, linked from the HTML table
    # The figure that stands for the company now (``watcher.state``): status says the same.
    current: bool = False

    @property
    def rumoured(self) -> bool:
        return self.status == "rumoured"

    @property
    def when(self) -> str:
        if self.precision == "year":
            return str(self.date.year)
        if self.precision == "month":
            return self.date.isoformat()[:7]
        return self.date.isoformat()


@dataclass(frozen=True)
class Panel:
    """One company's chart in a file that may hold several."""

    entity: str
    points: tuple[TimelinePoint, ...]


def point_date(period: str) -> tuple[date, str] | None:
    """Where to draw a fact dated ``period`` and how precise that is: "2023-12" is drawn on
    the 15th (the middle of what is known) with precision "month"; None if unreadable."""
    try:
        parts = [int(p) for p in period.split("-")[:3]]
        if len(parts) == 1:
            return date(parts[0], 7, 1), "year"
        if len(parts) == 2:
            return date(parts[0], parts[1], 15), "month"
        return date(parts[0], parts[1], parts[2]), "day"
    except ValueError:
        return None


_KIND_TITLES = {
    ("valuation", "funding_round"): "valuation and cumulative funding",
    ("valuation",): "valuation",
    ("funding_round",): "cumulative funding",
}


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value), quote=True)


def human_amount(value: float) -> str:
    """A short axis label: 250k, 15M, 1.5bn, 183bn, 1.2tn."""
    if value == 0:
        return "0"
    # Round to three significant digits first so 999.9M becomes 1bn, not 1000M.
    rounded = float(f"{value:.3g}")
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(rounded) >= scale:
            return f"{rounded / scale:g}{suffix}"
    return f"{rounded:g}"


def _nice_step(raw: float) -> float:
    magnitude: float = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _log_candidates(lo: float, hi: float) -> list[float]:
    out: list[float] = []
    for exponent in range(math.floor(math.log10(lo)) - 1, math.ceil(math.log10(hi)) + 2):
        out += [m * 10.0**exponent for m in (1.0, 2.0, 5.0)]
    return out


@dataclass(frozen=True)
class _YAxis:
    lo: float
    hi: float
    log: bool
    ticks: tuple[float, ...]

    def fraction(self, value: float) -> float:
        if self.log:
            return (math.log10(value) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        return (value - self.lo) / (self.hi - self.lo)


def _y_axis(values: Sequence[float]) -> _YAxis:
    top, bottom = max(values), min(values)
    if bottom > 0 and top / bottom > _LOG_RATIO:
        candidates = _log_candidates(bottom, top)
        lo = max(c for c in candidates if c <= bottom)
        hi = min(c for c in candidates if c >= top)
        ticks = [c for c in candidates if lo <= c <= hi]
        if len(ticks) > 10:  # many decades: powers of ten only
            ticks = [c for c in ticks if f"{c:.0e}".startswith("1")]
        return _YAxis(lo, hi, True, tuple(ticks))
    step = _nice_step(top / 5)
    # Some headroom, so the highest point and its label do not sit on the frame.
    hi = math.ceil(top * 1.04 / step) * step
    count = round(hi / step)
    return _YAxis(0.0, hi, False, tuple(i * step for i in range(count + 1)))


def _month_start(d: date, step: int) -> date:
    month = (d.month - 1) // step * step + 1
    return date(d.year, month, 1)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _x_ticks(start: date, end: date) -> list[tuple[date, str, bool]]:
    """(tick date, label, is a year boundary): years for long spans, else months."""
    days = (end - start).days
    if days > 3 * 365:
        years = end.year - start.year
        step = max(1, math.ceil(years / 10))
        return [
            (date(y, 1, 1), str(y), True)
            for y in range(start.year, end.year + 1, step)
            if start <= date(y, 1, 1) <= end
        ]
    months = max(1, days // 30)
    step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 9)
    ticks: list[tuple[date, str, bool]] = []
    current = _month_start(start, step)
    if current < start:
        current = _add_months(current, step)
    while current <= end:
        first = not ticks
        year_mark = current.month == 1
        name = _MONTHS[current.month - 1]
        label = f"{name} {current.year}" if first or year_mark else name
        ticks.append((current, label, year_mark))
        current = _add_months(current, step)
    return ticks


@dataclass(frozen=True)
class _Frame:
    left: float
    top: float
    right: float
    bottom: float
    start: date
    end: date
    y: _YAxis

    def x(self, d: date) -> float:
        span = max(1, (self.end - self.start).days)
        return self.left + (self.right - self.left) * (d - self.start).days / span

    def yv(self, value: float) -> float:
        return self.bottom - (self.bottom - self.top) * self.y.fraction(value)


def _header(
    entity: str, base_currency: str, width: int, height: int, kinds: tuple[str, ...], ident: str, y: float = 0
) -> list[str]:
    title = (
        f"{entity}: {_KIND_TITLES.get(kinds, _KIND_TITLES[('valuation', 'funding_round')])} ({base_currency})"
    )
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        + (f'y="{y:.0f}" ' if y else "")
        + f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}">',
        f'<title id="{ident}">{_text(title)}</title>',
        f"<style>{SVG_STYLE}</style>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text class="chart-title" x="{width / 2:.1f}" y="26" text-anchor="middle" '
        f'font-size="16" font-weight="bold">{_text(title)}</text>',
    ]


def _legend(x: float, y: float, kinds: tuple[str, ...]) -> list[str]:
    out = [f'<g class="legend" transform="translate({x:.1f},{y:.1f})">']
    items = [
        (
            f'<line x1="0" y1="0" x2="22" y2="0" stroke="{VALUATION_COLOR}" stroke-width="2"/>'
            f'<circle cx="11" cy="0" r="4" fill="{VALUATION_COLOR}"/>',
            "valuation",
        ),
        (
            f'<path d="M0,4 H9 V-4 H22" fill="none" stroke="{FUNDING_COLOR}" stroke-width="2"/>'
            f'<rect x="6" y="-4" width="8" height="8" fill="{FUNDING_COLOR}"/>',
            "cumulative funding",
        ),
        ('<circle cx="11" cy="0" r="4.5" fill="#fff" stroke="#555" stroke-width="1.5"/>', "baseline"),
        (
            f'<circle cx="11" cy="0" r="4.5" fill="#555"/>'
            f'<circle cx="11" cy="0" r="8" fill="none" stroke="{CHANGE_COLOR}" stroke-width="1.5"/>',
            "change (alerted)",
        ),
        (
            '<circle cx="11" cy="0" r="4.5" fill="#fff" stroke="#555" stroke-width="1.5" '
            'stroke-dasharray="2,2"/>',
            "rumour",
        ),
    ]
    drop = {
        n for k, n in (("valuation", "valuation"), ("funding_round", "cumulative funding")) if k not in kinds
    }
    items = [(symbol, name) for symbol, name in items if name not in drop]
    offset = 0.0
    for symbol, name in items:
        out.append(f'<g transform="translate({offset:.1f},0)">{symbol}')
        out.append(f'<text x="28" y="4" font-size="12">{name}</text></g>')
        offset += 40 + 7 * len(name)
    out.append("</g>")
    return out


def _marker(frame: _Frame, p: TimelinePoint, value: float, color: str) -> list[str]:
    x, y = frame.x(p.date), frame.yv(value)
    series = "valuation" if p.kind == "valuation" else "funding"
    fill = "#ffffff" if p.baseline else color
    dash = ' stroke-dasharray="2,2"' if p.rumoured else ""
    tip = f"{p.when} {p.kind.replace('_', ' ')} {format_amount(p.amount_base)}"
    if series == "funding":
        tip += f" (total {format_amount(Decimal(str(value)))})"
    tip += f" ({p.status})"
    if p.label:
        tip += f" {p.label}"
    if p.source:
        tip += f": {p.source}"
    flags = " baseline" if p.baseline else ""
    flags += " change" if p.change else ""
    flags += " rumour" if p.rumoured else ""
    flags += " current" if p.current else ""
    common = (
        f'class="marker {series}{flags}" data-status="{_text(p.status)}" fill="{fill}" '
        f'stroke="{color}" stroke-width="2"{dash}'
    )
    if series == "valuation":
        shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" {common}>'
        end = "</circle>"
    else:
        shape = f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" {common}>'
        end = "</rect>"
    out = []
    if p.change:
        out.append(
            f'<circle class="highlight" cx="{x:.1f}" cy="{y:.1f}" r="10" fill="none" '
            f'stroke="{CHANGE_COLOR}" stroke-width="2"{dash}/>'
        )
    out.append(f"{shape}<title>{_text(tip)}</title>{end}")
    return out


# Width of one character of the 11px label font, a little generous: boxes must not touch.
_CHAR_W = 6.6
_LABEL_H = 13.0


@dataclass(frozen=True)
class _Label:
    x: float  # the point's position
    y: float
    words: str
    color: str
    priority: int  # lower is placed first: changes, rumours, then the rest


def _place_labels(
    labels: list[_Label], frame: _Frame, width: int, lines: list[list[tuple[float, float]]]
) -> list[str]:
    """Annotate points without overlap: each label tries spots around its point, in order,
    and takes the first free one; a label with no free spot is left out (its point keeps
    the tooltip, the HTML table has every value). Markers and the series' lines are
    obstacles too, so no label is struck through."""
    taken: list[tuple[float, float, float, float]] = []
    for lb in labels:
        taken.append((lb.x - 10, lb.y - 10, lb.x + 10, lb.y + 10))
    for line in lines:
        for (x1, y1), (x2, y2) in itertools.pairwise(line):
            steps = max(1, int(math.hypot(x2 - x1, y2 - y1) / 4))
            for i in range(steps + 1):
                x, y = x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps
                taken.append((x - 1.5, y - 1.5, x + 1.5, y + 1.5))
    out = []
    for lb in sorted(labels, key=lambda lb: (lb.priority, lb.x)):
        w = _CHAR_W * len(lb.words)
        spots = [
            (lb.x + 12, lb.y - 8, "start"),
            (lb.x - 12, lb.y - 8, "end"),
            (lb.x + 12, lb.y + 16, "start"),
            (lb.x - 12, lb.y + 16, "end"),
            (lb.x, lb.y - 16, "middle"),
            (lb.x, lb.y + 24, "middle"),
            (lb.x + 12, lb.y - 22, "start"),
            (lb.x + 12, lb.y + 30, "start"),
        ]
        for tx, ty, anchor in spots:
            x0 = tx if anchor == "start" else (tx - w if anchor == "end" else tx - w / 2)
            box = (x0, ty - _LABEL_H + 3, x0 + w, ty + 3)
            if (
                box[0] < frame.left + 2
                or box[2] > width - 4
                or box[1] < frame.top - 14
                or box[3] > frame.bottom
            ):
                continue
            if any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
                continue
            taken.append(box)
            out.append(
                f'<text class="ann" x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" '
                f'fill="{lb.color}">{_text(lb.words)}</text>'
            )
            break
    return out


def timeline_svg(
    entity: str,
    points: Sequence[TimelinePoint],
    base_currency: str,
    *,
    width: int = 900,
    height: int = 480,
    kinds: tuple[str, ...] = ("valuation", "funding_round"),
    ident: str = "chart-title",
    y_offset: float = 0,
) -> str:
    """An SVG document: valuation line, cumulative funding steps, baseline and changes marked.

    ``kinds`` says which series are drawn, and the title and legend say the same. Points
    whose amount is not positive are left out (nothing sensible to draw). Rumoured rounds
    are drawn on top of the cumulative total but do not raise it: the money is not raised
    until announced.
    """
    width, height = max(width, 320), max(height, 240)
    out = _header(entity, base_currency, width, height, kinds, ident, y_offset)
    usable = sorted(
        # Of one day's figures the one that stands now comes last: the line ends where status does.
        (p for p in points if p.amount_base > 0 and p.kind in kinds),
        key=lambda p: (p.date, p.kind, p.current),
    )
    valuations = [p for p in usable if p.kind == "valuation"]
    rounds = [p for p in usable if p.kind == "funding_round"]
    if not valuations and not rounds:
        what = " or ".join(_KIND_TITLES.get((k,), k).replace("cumulative ", "") for k in kinds)
        out.append(
            f'<text class="no-data note" x="{width / 2:.1f}" y="{height / 2:.1f}" '
            f'text-anchor="middle" font-size="14">no data: no {_text(what)} known yet</text>'
        )
        out.append("</svg>")
        return "\n".join(out) + "\n"

    # Cumulative funding after each round; a rumour sits on the total so far.
    cumulative: list[tuple[TimelinePoint, float]] = []
    total = 0.0
    for p in rounds:
        amount = float(p.amount_base)
        if p.rumoured:
            cumulative.append((p, total + amount))
        else:
            total += amount
            cumulative.append((p, total))
    values = [float(p.amount_base) for p in valuations] + [v for _, v in cumulative]

    first, last = usable[0].date, usable[-1].date
    # A few weeks either side at least: one date alone still gets an axis that reads as time.
    pad = timedelta(days=max(45, (last - first).days // 25))
    frame = _Frame(
        left=78.0,
        top=78.0,
        right=width - 36.0,
        bottom=height - 58.0,
        start=first - pad,
        end=last + pad,
        y=_y_axis(values),
    )
    out += _legend(frame.left, 52.0, kinds)

    # Grid and axes.
    out.append('<g class="y-axis">')
    for tick in frame.y.ticks:
        ty = frame.yv(tick)
        out.append(
            f'<line class="grid" x1="{frame.left:.1f}" y1="{ty:.1f}" x2="{frame.right:.1f}" y2="{ty:.1f}"/>'
        )
        out.append(
            f'<text class="tick y-tick" x="{frame.left - 8:.1f}" y="{ty + 4:.1f}" '
            f'text-anchor="end">{human_amount(tick)}</text>'
        )
    axis_name = base_currency + (" (log scale)" if frame.y.log else "")
    mid = (frame.top + frame.bottom) / 2
    out.append(
        f'<text class="axis-label" x="18" y="{mid:.1f}" text-anchor="middle" font-size="12" '
        f'transform="rotate(-90 18 {mid:.1f})">{_text(axis_name)}</text>'
    )
    out.append("</g>")
    out.append('<g class="x-axis">')
    for when, label, year_mark in _x_ticks(frame.start, frame.end):
        tx = frame.x(when)
        kind = "year-tick" if year_mark else "month-tick"
        out.append(
            f'<line class="grid" x1="{tx:.1f}" y1="{frame.top:.1f}" x2="{tx:.1f}" y2="{frame.bottom:.1f}"/>'
        )
        out.append(
            f'<text class="tick x-tick {kind}" x="{tx:.1f}" y="{frame.bottom + 18:.1f}" '
            f'text-anchor="middle">{_text(label)}</text>'
        )
    out.append("</g>")
    out.append(
        f'<path class="axis" d="M{frame.left:.1f},{frame.top:.1f} V{frame.bottom:.1f} H{frame.right:.1f}" '
        'fill="none"/>'
    )

    # Cumulative funding: a step line through the confirmed totals, held to the right edge.
    steps = [(p, v) for p, v in cumulative if not p.rumoured]
    if steps:
        d = f"M{frame.x(steps[0][0].date):.1f},{frame.yv(steps[0][1]):.1f}"
        for p, v in steps[1:]:
            d += f" H{frame.x(p.date):.1f} V{frame.yv(v):.1f}"
        d += f" H{frame.right:.1f}"
        out.append(
            f'<path class="series funding-line" d="{d}" fill="none" '
            f'stroke="{FUNDING_COLOR}" stroke-width="2.5"/>'
        )
    confirmed_total = 0.0
    for p, v in cumulative:
        if p.rumoured and confirmed_total > 0:
            x = frame.x(p.date)
            out.append(
                f'<line class="rumour-link" x1="{x:.1f}" y1="{frame.yv(confirmed_total):.1f}" x2="{x:.1f}" '
                f'y2="{frame.yv(v):.1f}" stroke="{FUNDING_COLOR}" stroke-width="1.5" stroke-dasharray="4,3"/>'
            )
        elif not p.rumoured:
            confirmed_total = v

    # Valuation: a line through the confirmed valuations; a rumour hangs off the last one, dashed.
    confirmed = [p for p in valuations if not p.rumoured]
    if confirmed:
        coords = " ".join(f"{frame.x(p.date):.1f},{frame.yv(float(p.amount_base)):.1f}" for p in confirmed)
        out.append(
            f'<polyline class="series valuation-line" points="{coords}" fill="none" '
            f'stroke="{VALUATION_COLOR}" stroke-width="2.5"/>'
        )
    previous: TimelinePoint | None = None
    for p in valuations:
        if p.rumoured and previous is not None:
            out.append(
                f'<line class="rumour-link" x1="{frame.x(previous.date):.1f}" '
                f'y1="{frame.yv(float(previous.amount_base)):.1f}" x2="{frame.x(p.date):.1f}" '
                f'y2="{frame.yv(float(p.amount_base)):.1f}" stroke="{VALUATION_COLOR}" stroke-width="1.5" '
                'stroke-dasharray="4,3"/>'
            )
        elif not p.rumoured:
            previous = p

    labels: list[_Label] = []
    out.append('<g class="markers">')
    for p, v in cumulative:
        out += _marker(frame, p, v, FUNDING_COLOR)
        # A round is annotated with its own amount; the marker sits on the running total.
        words = f"+{format_amount(p.amount_base)}" + (" rumour" if p.rumoured else "")
        labels.append(_Label(frame.x(p.date), frame.yv(v), words, FUNDING_COLOR, _priority(p)))
    for p in valuations:
        value = float(p.amount_base)
        out += _marker(frame, p, value, VALUATION_COLOR)
        words = format_amount(p.amount_base) + (" rumour" if p.rumoured else "")
        labels.append(_Label(frame.x(p.date), frame.yv(value), words, VALUATION_COLOR, _priority(p)))
    out.append("</g>")
    out.append('<g class="annotations">')
    lines: list[list[tuple[float, float]]] = []
    if steps:
        line = [(frame.x(steps[0][0].date), frame.yv(steps[0][1]))]
        for p, v in steps[1:]:
            line += [(frame.x(p.date), line[-1][1]), (frame.x(p.date), frame.yv(v))]
        lines.append([*line, (frame.right, line[-1][1])])
    lines.append([(frame.x(p.date), frame.yv(float(p.amount_base))) for p in confirmed])
    out += _place_labels(labels, frame, width, lines)
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _priority(p: TimelinePoint) -> int:
    return 0 if p.change else (1 if p.rumoured else 2)


def timelines_svg(
    panels: Sequence[Panel],
    base_currency: str,
    kinds: tuple[str, ...] = ("valuation", "funding_round"),
    *,
    width: int = 900,
    height: int = 480,
) -> str:
    """One chart per company, stacked: each has its own axes, so no company's values are
    read against another's."""
    if len(panels) == 1:
        return timeline_svg(
            panels[0].entity, panels[0].points, base_currency, width=width, height=height, kinds=kinds
        )
    total = height * max(1, len(panels))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total}" '
        f'viewBox="0 0 {width} {total}">',
        f"<title>{_text(', '.join(p.entity for p in panels) or 'no company')}</title>",
    ]
    for i, panel in enumerate(panels):
        svg = timeline_svg(
            panel.entity,
            panel.points,
            base_currency,
            width=width,
            height=height,
            kinds=kinds,
            ident=f"chart-title-{i + 1}",
            y_offset=i * height,
        )
        out.append(svg.rstrip("\n"))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _table_rows(panel: Panel, base_currency: str) -> list[str]:
    rows = []
    for p in sorted(panel.points, key=lambda p: (p.date, p.kind)):
        marks = ", ".join(
            m for m, on in (("baseline", p.baseline), ("change", p.change), ("now", p.current)) if on
        )
        source = _text(p.source or p.url or "")
        if p.url.startswith(("http://", "https://")):
            source = f'<a href="{_text(p.url)}">{source}</a>'
        rows.append(
            "<tr>"
            f"<td>{_text(p.when)}</td><td>{_text(panel.entity)}</td>"
            f"<td>{_text(p.kind.replace('_', ' '))}</td><td>{_text(p.label)}</td>"
            f'<td class="num">{_text(p.amount_text or format_amount(p.amount_base))}</td>'
            f'<td class="num">{_text(base_currency)} {_text(format_amount(p.amount_base))}</td>'
            f"<td>{_text(p.status)}</td><td>{marks}</td><td>{source}</td>"
            "</tr>"
        )
    return rows


def timeline_html(
    entity: str,
    points: Sequence[TimelinePoint],
    base_currency: str,
    *,
    width: int = 900,
    height: int = 480,
    kinds: tuple[str, ...] = ("valuation", "funding_round"),
) -> str:
    """A standalone HTML page: the chart, then the same points as a table with links."""
    return timelines_html([Panel(entity, tuple(points))], base_currency, kinds, width=width, height=height)


def timelines_html(
    panels: Sequence[Panel],
    base_currency: str,
    kinds: tuple[str, ...] = ("valuation", "funding_round"),
    *,
    width: int = 900,
    height: int = 480,
) -> str:
    """A standalone HTML page: one chart per company, then every point as a table whose
    source column links to the article (readable without SVG)."""
    charts = "\n".join(
        timeline_svg(
            p.entity, p.points, base_currency, width=width, height=height, kinds=kinds, ident=f"chart-{i}"
        )
        for i, p in enumerate(panels)
    )
    rows = [row for p in panels for row in _table_rows(p, base_currency)]
    table = "\n".join(rows) or '<tr><td colspan="9">no data</td></tr>'
    names = ", ".join(p.entity for p in panels) or "no company"
    title = _text(f"{names}: {_KIND_TITLES.get(kinds, 'funding history')}")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: Helvetica, Arial, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; margin-top: 1.5em; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left; }}
td.num {{ text-align: right; white-space: nowrap; }}
</style>
</head>
<body>
<h1>{title}</h1>
{charts}
<table>
<thead><tr><th>date</th><th>company</th><th>kind</th><th>round</th><th>amount</th>
<th>in {_text(base_currency)}</th><th>status</th><th>known as</th><th>source</th></tr></thead>
<tbody>
{table}
</tbody>
</table>
</body>
</html>
"""
