"""What ``watcher status`` shows: daemon liveness, per-entity state, feeds, outbox.

Reading only; safe while the daemon writes (WAL). Text for people, dict for scripts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from watcher.diff import convert
from watcher.history import entity_states
from watcher.models import Money
from watcher.render import format_money, format_round, plural
from watcher.settings import Settings
from watcher.state import EntityState, KnownFact, current_state
from watcher.store import (
    HEARTBEAT_KEY,
    LAST_CYCLE_KEY,
    NEXT_CYCLE_KEY,
    PID_KEY,
    STOPPED_KEY,
    Store,
    StoredFact,
    parse_time,
)

# A daemon beats every few seconds; this much silence means it is gone.
HEARTBEAT_STALE = timedelta(seconds=90)


@dataclass(frozen=True)
class FactView:
    kind: str
    amount: Decimal
    currency: str
    approx: bool
    base_amount: Decimal | None
    round: str | None
    status: str
    period: str | None
    source: str
    sources: int


@dataclass(frozen=True)
class EntityView:
    name: str
    baseline_valuation: FactView | None
    baseline_round: FactView | None
    latest_valuation: FactView | None
    latest_round: FactView | None
    changes_since_baseline: int
    facts_known: int
    rumours: list[FactView] = field(default_factory=list)
    pending: int = 0


@dataclass(frozen=True)
class FeedView:
    name: str
    url: str
    last_success: datetime | None
    last_error: str | None
    failures: int
    entries_seen: int
    next_attempt: datetime | None
    overdue: bool


@dataclass(frozen=True)
class StatusReport:
    now: datetime
    db: str
    daemon_alive: bool
    daemon_pid: int | None
    heartbeat: datetime | None
    last_cycle: datetime | None
    next_cycle: datetime | None
    base_currency: str
    entities: list[EntityView] = field(default_factory=list)
    feeds: list[FeedView] = field(default_factory=list)
    outbox: dict[str, int] = field(default_factory=dict)
    dead: list[str] = field(default_factory=list)
    failing_articles: list[tuple[str, int, str, bool]] = field(default_factory=list)
    stopped_at: datetime | None = None  # the daemon's last clean stop
    # Pending alerts with their next try: a failed alert waits, and says until when.
    waiting: list[WaitingAlert] = field(default_factory=list)


@dataclass(frozen=True)
class WaitingAlert:
    id: int
    channel: str
    attempts: int
    next_attempt: datetime
    last_error: str | None


def _state(facts: list[StoredFact]) -> tuple[EntityState, dict[int, StoredFact]]:
    """The one current state (watcher.state) of these facts, and the stored facts by id."""
    by_id = {sf.id: sf for sf in facts}
    state = current_state(
        KnownFact(sf.id, sf.fact, sf.period, sources=sf.sources, baseline=sf.baseline) for sf in facts
    )
    return state, by_id


def _stored(k: KnownFact | None, by_id: dict[int, StoredFact]) -> StoredFact | None:
    return by_id.get(k.id) if k is not None and k.id is not None else None


def _view(sf: StoredFact | None, settings: Settings) -> FactView | None:
    if sf is None:
        return None
    f = sf.fact
    base = convert(f.money, settings.base_currency, settings.rates)
    return FactView(
        kind=f.kind,
        amount=f.amount,
        currency=f.currency,
        approx=f.approx,
        base_amount=base.quantize(Decimal(1)) if base is not None else None,
        round=f.round,
        status=f.status,
        period=sf.period,
        source=sf.document_title or sf.document_url,
        sources=sf.sources,
    )


def collect_status(settings: Settings, store: Store, now: datetime) -> StatusReport:
    heartbeat = parse_time(store.get_meta(HEARTBEAT_KEY))
    pid_text = store.get_meta(PID_KEY)
    stopped = parse_time(store.get_meta(STOPPED_KEY))
    alive = (
        heartbeat is not None
        and now - heartbeat <= HEARTBEAT_STALE
        and (stopped is None or stopped < heartbeat)
    )
    entities = []
    # Every company read at once, each read one query for all of them: per company, it was some
    # ten round trips, most of the time of a status on PostgreSQL.
    names = [entity.name for entity in settings.entities]
    states = entity_states(store, names)
    baselines: dict[str, list[StoredFact]] = {name: [] for name in names}
    for sf in store.baseline_facts():
        baselines.setdefault(sf.entity, []).append(sf)
    change_counts = store.change_counts()
    known_counts = store.known_counts()
    pending_counts = store.pending_counts()
    for entity in settings.entities:
        state, by_id = states[entity.name]
        baseline = baselines[entity.name]
        first, _ = _state([f for f in baseline if f.corroborates is None and f.state == "active"])
        by_id.update((f.id, f) for f in baseline)
        entities.append(
            EntityView(
                name=entity.name,
                baseline_valuation=_view(_stored(first.valuation, by_id), settings),
                baseline_round=_view(_stored(first.round, by_id), settings),
                latest_valuation=_view(_stored(state.valuation, by_id), settings),
                latest_round=_view(_stored(state.round, by_id), settings),
                changes_since_baseline=change_counts.get(entity.name, 0),
                facts_known=known_counts.get(entity.name, 0),
                rumours=[v for r in state.rumours if (v := _view(_stored(r, by_id), settings)) is not None],
                pending=pending_counts.get(entity.name, 0),
            )
        )
    rows = {r.url: r for r in store.feeds()}
    feeds = []
    for f in settings.feeds:
        row = rows.get(f.url)
        interval = timedelta(seconds=f.interval or settings.interval)
        last = row.last_attempt if row else None
        # Overdue: the daemon should have tried it by now (with slack for jitter).
        overdue = alive and (last is None or now - last > interval * 2 + timedelta(minutes=1))
        feeds.append(
            FeedView(
                name=f.name or f.url,
                url=f.url,
                last_success=row.last_success if row else None,
                last_error=row.last_error if row else None,
                failures=row.failures if row else 0,
                entries_seen=row.entries_seen if row else 0,
                next_attempt=row.next_attempt if row else None,
                overdue=overdue,
            )
        )
    dead = [f"#{r.id} {channel_error(r.channel, r.last_error or '')}" for r in store.outbox("dead", limit=20)]
    return StatusReport(
        now=now,
        db=str(settings.db),
        daemon_alive=alive,
        daemon_pid=int(pid_text) if pid_text and pid_text.isdigit() and alive else None,
        heartbeat=heartbeat,
        last_cycle=parse_time(store.get_meta(LAST_CYCLE_KEY)),
        next_cycle=parse_time(store.get_meta(NEXT_CYCLE_KEY)) if alive else None,
        base_currency=settings.base_currency,
        entities=entities,
        feeds=feeds,
        outbox=store.outbox_counts(),
        dead=dead,
        failing_articles=store.article_failures(),
        stopped_at=stopped,
        waiting=[
            WaitingAlert(r.id, r.channel, r.attempts, r.next_attempt, r.last_error)
            for r in sorted(store.outbox("pending", limit=20), key=lambda r: (r.next_attempt, r.id))
        ],
    )


def channel_error(channel: str, error: str) -> str:
    """An error naming its channel once ("slack: 400 invalid_blocks", not "slack: slack: ...")."""
    while error.startswith(f"{channel}: {channel}: "):
        error = error[len(channel) + 2 :]
    return error if error.startswith(f"{channel}: ") else f"{channel}: {error}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def status_json(report: StatusReport) -> dict[str, Any]:
    data: dict[str, Any] = _jsonable(asdict(report))
    return data


def human_amount(money: Money) -> str:
    """'~USD 6.2bn', 'EUR 11.7bn': the one money format of alerts, status, history and plot."""
    return format_money(money)


def _fact(v: FactView | None, base_currency: str) -> str:
    if v is None:
        return "none known"
    text = human_amount(Money(v.amount, v.currency, v.approx))
    if v.currency != base_currency and v.base_amount is not None:
        text += f" (≈ {human_amount(Money(v.base_amount, base_currency))})"
    if v.round:
        text += f" {format_round(v.round)}"
    text += f", {v.period or 'date unknown'}, {v.status}, {v.sources} source{'s' if v.sources != 1 else ''}"
    return text


def ago(moment: datetime | None, now: datetime) -> str:
    """ "5m ago", "in 2h", "never": a moment relative to ``now``."""
    return _ago(moment, now)


def next_time(moment: datetime, now: datetime) -> str:
    """When something is due: "now" once its time has come, else "in 5m"."""
    return "now" if moment <= now else _ago(moment, now)


def _ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = int((now - moment).total_seconds())
    if seconds < 0:
        return f"in {_span(-seconds)}"
    return f"{_span(seconds)} ago"


def _span(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    if seconds < 172800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def short_error(error: str | None, url: str) -> str:
    # Errors name their URL for the log; in a table whose row is that feed it only hides the reason.
    if not error:
        return ""
    return error.removeprefix(f"{url}: ")


def text_table(rows: list[list[str]], headers: list[str], *, rule: bool = False) -> list[str]:
    """Left-aligned columns, two spaces apart; ``rule`` adds a dashed line under the headers."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    if rule:
        lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return lines


def format_status(report: StatusReport, *, styled: bool = False) -> str:
    """The status as text; ``styled`` adds terminal emphasis (bold headings, red trouble)."""

    def bold(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if styled else text

    def red(text: str) -> str:
        return f"\x1b[31m{text}\x1b[0m" if styled and text else text

    now = report.now
    out = []
    if report.daemon_alive:
        pid = f" (pid {report.daemon_pid})" if report.daemon_pid else ""
        out.append(f"daemon: running{pid}, heartbeat {_ago(report.heartbeat, now)}")
    else:
        if report.stopped_at is not None and (
            report.heartbeat is None or report.stopped_at >= report.heartbeat
        ):
            out.append(red(f"daemon: stopped {_ago(report.stopped_at, now)} (clean stop)"))
        else:
            out.append(red(f"daemon: not running (last heartbeat {_ago(report.heartbeat, now)})"))
    out.append(f"last cycle: {_ago(report.last_cycle, now)}; next cycle: {_ago(report.next_cycle, now)}")
    out.append(f"database: {report.db}")
    for e in report.entities:
        out.append("")
        changes = f"{plural(e.changes_since_baseline, 'change')} since the baseline"
        out.append(bold(f"{e.name}: {plural(e.facts_known, 'fact')} known, {changes}"))
        b = report.base_currency
        out.append(f"  baseline valuation: {_fact(e.baseline_valuation, b)}")
        out.append(f"  latest valuation:   {_fact(e.latest_valuation, b)}")
        out.append(f"  baseline round:     {_fact(e.baseline_round, b)}")
        out.append(f"  latest round:       {_fact(e.latest_round, b)}")
        for r in e.rumours:
            out.append(f"  open rumour:        {_fact(r, b)}")
        if e.pending:
            out.append(f"  waiting for corroboration: {plural(e.pending, 'fact')} (watcher facts --pending)")
    out.append("")
    rows = [
        [
            f.name[:40],
            _ago(f.last_success, now),
            short_error(f.last_error, f.url)[:60],
            str(f.failures),
            str(f.entries_seen),
            "overdue" if f.overdue else "",
        ]
        for f in report.feeds
    ]
    table = text_table(rows, ["feed", "last success", "last error", "failures", "entries", ""])
    out.append(bold(table[0]))
    # Whole lines only: colour codes inside cells would break the column alignment.
    out.extend(red(line) if row[2] else line for line, row in zip(table[1:], rows, strict=True))
    o = report.outbox
    out.append("")
    out.append(f"outbox: {o.get('sent', 0)} sent, {o.get('pending', 0)} pending, {o.get('dead', 0)} dead")
    out.extend(red(f"  dead {d}") for d in report.dead)
    for w in report.waiting:
        when = "now" if w.next_attempt <= now else _ago(w.next_attempt, now)
        error = f"; last error: {w.last_error[:80]}" if w.last_error else ""
        tries = plural(w.attempts, "try", "tries")
        out.append(f"  waiting #{w.id} {w.channel}: next try {when}, {tries} so far{error}")
    for url, failures, error, gave_up in report.failing_articles:
        what = "given up" if gave_up else "retrying"
        out.append(red(f"article {what} after {plural(failures, 'failure')}: {url}: {error[:80]}"))
    return "\n".join(out)
