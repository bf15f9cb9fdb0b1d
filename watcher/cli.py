"""The ``watcher`` command line: a thin layer over pipeline, store and daemon.

Only this module prints or exits: one clean line per error, exit 2 for usage and
configuration errors, 1 for runtime failures.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import click

from watcher import __version__
from watcher.config import load_config
from watcher.errors import ConfigError, LockedError, WatcherError
from watcher.facts import extract_facts
from watcher.models import Change, Fact, Money
from watcher.settings import Settings
from watcher.status import human_amount, text_table
from watcher.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> None:
    click.echo(f"watcher: error: {message}", err=True)
    sys.exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn watcher's errors into one line and an exit code."""
    try:
        yield
    except (ConfigError, LockedError) as e:
        _fail(str(e), 2)
    except WatcherError as e:
        _fail(str(e), 1)
    except KeyboardInterrupt:
        _fail("interrupted", 130)


class _Context:
    def __init__(self, config: str, verbosity: int):
        self.config = config
        self.verbosity = verbosity
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_config(self.config)
        return self._settings

    def store(self) -> Store:
        return Store(self.settings.db)


pass_ctx = click.make_pass_decorator(_Context)


def _setup_logging(verbosity: int, log_file: Path | None = None) -> None:
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
    # httpx logs every request at INFO, with URLs that may carry secrets (Slack webhooks).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config",
    default="config.toml",
    show_default=True,
    envvar="WATCHER_CONFIG",
    help="Configuration file.",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors in the log.")
@click.version_option(__version__, prog_name="watcher")
@click.pass_context
def main(ctx: click.Context, config: str, verbose: int, quiet: bool) -> None:
    """Watch news coverage of companies and alert on changed funding facts."""
    verbosity = -1 if quiet else verbose
    _setup_logging(verbosity)
    ctx.obj = _Context(config, verbosity)


@main.command("check-config")
@pass_ctx
def check_config(c: _Context) -> None:
    """Validate the configuration; exit 0 if usable, 2 if not."""
    with _errors():
        s = c.settings
        click.echo(
            f"{s.config_path}: ok ({len(s.entities)} entities, {len(s.feeds)} feeds, "
            f"alerts: {', '.join(s.alerts.channels) or 'none'})"
        )


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _money_json(m: Money | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"amount": _amount(m.amount), "currency": m.currency, "approx": m.approx}


def fact_json(f: Fact) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "amount": _amount(f.amount),
        "currency": f.currency,
        "approx": f.approx,
        "bound": f.bound,
        "round": f.round,
        "lead_investors": list(f.lead_investors),
        "investors": list(f.investors),
        "status": f.status,
        "basis": f.basis,
        "context": f.context,
        "equivalent": _money_json(f.equivalent),
        "evidence": f.evidence,
        "confidence": f.confidence,
        "reasons": list(f.reasons),
    }


def _table(rows: list[list[str]], headers: list[str]) -> str:
    return "\n".join(text_table(rows, headers, rule=True))


@main.command()
@click.argument("file", default="-", type=click.File("r", encoding="utf-8"))
@click.option("--entity", required=True, help="The company the facts must be about.")
@click.option("--alias", "aliases", multiple=True, help="Another name of the company (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default=None,
    help="The text's language, which chooses the cue lexicon (default: guessed from the text).",
)
@click.option("--published", default=None, help="The text's publication date (ISO, e.g. 2025-06-11).")
def extract(
    file: Any, entity: str, aliases: tuple[str, ...], as_json: bool, lang: str | None, published: str | None
) -> None:
    """Print the funding facts that FILE (or standard input) attributes to ENTITY."""
    with _errors():
        try:
            text = file.read()
        except UnicodeDecodeError as e:
            raise ConfigError(f"{file.name}: not UTF-8 text: {e}") from e
        if published is not None and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", published):
            raise ConfigError(f"--published {published!r}: not an ISO date; write it like 2025-06-11")
        facts = extract_facts(text, entity, aliases, lang=lang, published=published)
        if as_json:
            click.echo(json.dumps([fact_json(f) for f in facts], ensure_ascii=False, indent=2))
            return
        if not facts:
            click.echo(f"no funding facts about {entity}")
            return
        rows = [
            [
                f.kind,
                human_amount(f.money),
                human_amount(f.equivalent) if f.equivalent else "",
                f.round or "",
                f.status,
                ", ".join(f.lead_investors),
                ", ".join(f.investors)[:60],
            ]
            for f in facts
        ]
        click.echo(_table(rows, ["kind", "amount", "equivalent", "round", "status", "lead", "investors"]))


@main.command()
@pass_ctx
def baseline(c: _Context) -> None:
    """Load each entity's seed documents as the known baseline (idempotent)."""
    from watcher.pipeline import load_baseline

    with _errors():
        with c.store() as store:
            docs = load_baseline(c.settings, store, now=datetime.now(UTC))
        if not docs:
            click.echo("no entity has a seeds folder configured")
        for d in docs:
            click.echo(
                f"{d.entity}: {d.name} ({d.published or 'date unknown'}): {len(d.facts)} facts [{d.status}]"
            )
            for f in d.facts:
                round_ = f" {f.round}" if f.round else ""
                click.echo(f"    {f.kind}{round_}: {human_amount(f.money)} ({f.status})")


def change_line(ch: Change) -> str:
    old = f"{human_amount(ch.old)} -> " if ch.old and ch.kind != "new_round" else ""
    round_ = f" {ch.round}" if ch.round else ""
    return f"{ch.entity}: {ch.kind}{round_} {old}{human_amount(ch.new)} ({ch.status}) {ch.url}"


@main.command()
@click.option("--feed", "feeds", multiple=True, help="Poll only this feed URL (repeatable).")
@click.option("--force", is_flag=True, help="Ignore back-off and Retry-After from earlier failures.")
@pass_ctx
def poll(c: _Context, feeds: tuple[str, ...], force: bool) -> None:
    """Run one poll cycle over all feeds (or those given) and print a summary."""
    from watcher.pipeline import load_baseline, run_cycle

    with _errors():
        s = c.settings
        unknown = [u for u in feeds if u not in {f.url for f in s.feeds}]
        if unknown:
            raise ConfigError(f"{s.config_path}: no [[feeds]] entry with url = {unknown[0]!r}")
        with c.store() as store:
            # The seeds are what is known; news is only compared once they are loaded.
            load_baseline(s, store, now=datetime.now(UTC))
            report = run_cycle(s, store=store, feed_urls=list(feeds) or None, force=force)
        click.echo(
            f"feeds: {report.count('ok')} ok, {report.count('not_modified')} not modified, "
            f"{report.count('unchanged')} unchanged, {report.count('failed')} failed, "
            f"{report.count('deferred')} deferred"
        )
        for f in report.feeds:
            if f.outcome in ("failed", "deferred"):
                click.echo(f"  {f.outcome}: {f.name or f.url}: {f.error}")
        click.echo(
            f"entries new: {report.entries_new}; articles fetched: {report.articles_fetched}"
            f" ({report.articles_from_summary} from feed summary); facts: {report.facts};"
            f" changes: {len(report.changes)}"
        )
        for ch in report.changes:
            click.echo(f"  change: {change_line(ch)}")


def change_json(ch: Change) -> dict[str, Any]:
    def money(m: Money | None, date: str | None) -> dict[str, Any] | None:
        if m is None:
            return None
        return {"amount": _amount(m.amount), "currency": m.currency, "approx": m.approx, "date": date}

    return {
        "id": ch.id,
        "entity": ch.entity,
        "kind": ch.kind,
        "fact_kind": ch.fact_kind,
        "round": ch.round,
        "old": money(ch.old, ch.old_date),
        "new": money(ch.new, ch.new_date),
        "old_base": money(ch.old_base, ch.old_date),
        "new_base": money(ch.new_base, ch.new_date),
        "status": ch.status,
        "old_status": ch.old_status,
        "url": ch.url,
        "title": ch.title,
        "evidence": ch.evidence,
        "sources": ch.sources,
        "lead_investors": list(ch.lead_investors),
        "investors": list(ch.investors),
        "detected_at": ch.detected_at.isoformat(),
    }


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--since {value!r}: use a date such as 2025-01-31") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@dataclass(frozen=True)
class TimelineRow:
    entity: str
    period: str | None
    fact: Fact
    base: Money | None
    marker: str  # baseline | change | history
    source: str
    sources: int


def timeline(settings: Settings, store: Store, entity: str | None, kind: str | None) -> list[TimelineRow]:
    """Every known fact, oldest first, marked as baseline, change, or history."""
    from watcher.diff import convert

    rows = []
    for e in settings.entities:
        if entity is not None and e.name != entity:
            continue
        changed = store.changed_fact_ids(e.name)
        for sf in store.facts(e.name, known_only=True):
            if kind is not None and sf.fact.kind != kind:
                continue
            amount = convert(sf.fact.money, settings.base_currency, settings.rates)
            base = Money(amount.quantize(Decimal(1)), settings.base_currency) if amount is not None else None
            marker = "baseline" if sf.baseline else ("change" if sf.id in changed else "history")
            rows.append(
                TimelineRow(
                    e.name, sf.period, sf.fact, base, marker, sf.document_title or sf.document_url, sf.sources
                )
            )
    return rows


@main.command()
@click.option("--entity", help="Only this entity.")
@click.option(
    "--kind", help="Only this kind: valuation, funding_round, total_raised (or a change kind with --json)."
)
@click.option("--since", help="Only changes detected on or after this date (YYYY-MM-DD), with --json.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as a JSON array.")
@click.option(
    "--plot", type=click.Path(dir_okay=False, path_type=Path), help="Draw the timeline to FILE.svg or .html."
)
@pass_ctx
def history(
    c: _Context, entity: str | None, kind: str | None, since: str | None, as_json: bool, plot: Path | None
) -> None:
    """The timeline of facts and changes, oldest first."""
    with _errors():
        s = c.settings
        if entity is not None and entity not in {e.name for e in s.entities}:
            raise ConfigError(f"{s.config_path}: no [[entities]] entry named {entity!r}")
        with c.store() as store:
            if as_json:
                changes = store.changes(entity, kind=kind, since=_since(since))
                click.echo(json.dumps([change_json(ch) for ch in changes], ensure_ascii=False, indent=2))
                return
            rows = timeline(s, store, entity, kind)
        if plot is not None:
            _plot(s, rows, plot)
            click.echo(f"wrote {plot}")
            return
        if not rows:
            click.echo("nothing known yet; run `watcher baseline` and `watcher poll`")
            return
        table = [
            [
                r.period or "?",
                r.entity,
                r.fact.kind,
                human_amount(r.fact.money),
                human_amount(r.base) if r.base and r.base.currency != r.fact.currency else "",
                r.fact.round or "",
                r.fact.status,
                r.marker,
                str(r.sources),
                r.source[:50],
            ]
            for r in rows
        ]
        headers = [
            "date",
            "entity",
            "kind",
            "amount",
            s.base_currency,
            "round",
            "status",
            "",
            "sources",
            "source",
        ]
        click.echo(_table(table, headers))


def _plot(settings: Settings, rows: list[TimelineRow], path: Path) -> None:
    from datetime import date

    from watcher.plot import TimelinePoint, timeline_html, timeline_svg

    points = []
    for r in rows:
        if r.base is None or not r.period or r.fact.kind not in ("valuation", "funding_round"):
            continue
        parts = [int(p) for p in r.period.split("-")[:3]]
        when = date(parts[0], parts[1] if len(parts) > 1 else 6, parts[2] if len(parts) > 2 else 1)
        label = f"{human_amount(r.fact.money)}{' ' + r.fact.round if r.fact.round else ''}"
        points.append(
            TimelinePoint(
                date=when,
                kind=r.fact.kind,
                amount_base=r.base.amount,
                label=label,
                baseline=r.marker == "baseline",
                change=r.marker == "change",
                status=r.fact.status,
            )
        )
    entity = rows[0].entity if rows else (settings.entities[0].name if settings.entities else "")
    suffix = path.suffix.lower()
    if suffix == ".svg":
        content = timeline_svg(entity, points, settings.base_currency)
    elif suffix in (".html", ".htm"):
        content = timeline_html(entity, points, settings.base_currency)
    else:
        raise ConfigError(f"--plot {path}: use a .svg or .html file name")
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as e:
        raise WatcherError(f"{path}: cannot write the plot: {e.strerror}") from e


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_ctx
def status(c: _Context, as_json: bool) -> None:
    """Daemon liveness, each entity's known state, feeds and the outbox at a glance."""
    from watcher.status import collect_status, format_status, status_json

    with _errors():
        with c.store() as store:
            report = collect_status(c.settings, store, datetime.now(UTC))
        if as_json:
            click.echo(json.dumps(status_json(report), ensure_ascii=False, indent=2))
        else:
            # Emphasis on a terminal only; piped output stays plain text.
            click.echo(format_status(report, styled=sys.stdout.isatty()))


@main.command()
@click.option("--once", is_flag=True, help="One poll cycle and one delivery round, then exit (for cron).")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), help="Also log to this file.")
@pass_ctx
def run(c: _Context, once: bool, log_file: Path | None) -> None:
    """Run the daemon: poll feeds on schedule and deliver alerts until SIGTERM/SIGINT."""
    from watcher.daemon import Daemon

    with _errors():
        s = c.settings
        if log_file or s.log_file:
            _setup_logging(max(c.verbosity, 1) if c.verbosity >= 0 else c.verbosity, log_file or s.log_file)
        elif c.verbosity == 0:
            _setup_logging(1)
        daemon = Daemon(s)
        if once:
            report, delivered = daemon.run_once()
            click.echo(
                f"cycle: {len(report.feeds)} feeds ({report.count('failed')} failed), "
                f"{report.entries_new} new entries, {report.articles_fetched} articles, "
                f"{len(report.changes)} changes; alerts: {delivered.sent} sent, {delivered.failed} failed, "
                f"{delivered.dead} dead"
            )
            return
        code = daemon.run_forever()
        # Let a job in flight finish; past the grace period it is abandoned (transactions make that safe).
        if not daemon.wait_for_jobs():
            logging.getLogger("watcher").warning("a job was still running; abandoning it")
            logging.shutdown()
            os._exit(code)
        sys.exit(code)


@main.group()
def alerts() -> None:
    """The outbox: list, retry dead alerts, send now, test channels."""


@alerts.command("list")
@click.option("--status", "status_", type=click.Choice(["pending", "sent", "dead"]), help="Only this status.")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def alerts_list(c: _Context, status_: str | None, limit: int, as_json: bool) -> None:
    """Show the outbox, newest first."""
    with _errors():
        with c.store() as store:
            rows = store.outbox(status_, limit=limit)
            changes = {ch.id: ch for ch in store.changes(ids=[r.change_id for r in rows if r.change_id])}
        items = []
        for r in rows:
            ch = changes.get(r.change_id) if r.change_id else None
            what = change_line(ch) if ch else (f"{r.health.kind}: {r.health.feed_url}" if r.health else "?")
            items.append(
                {
                    "id": r.id,
                    "channel": r.channel,
                    "status": r.status,
                    "attempts": r.attempts,
                    "next_attempt": r.next_attempt.isoformat(),
                    "sent_at": r.sent_at.isoformat() if r.sent_at else None,
                    "last_error": r.last_error,
                    "what": what,
                }
            )
        if as_json:
            click.echo(json.dumps(items, ensure_ascii=False, indent=2))
            return
        if not items:
            click.echo("the outbox is empty")
            return
        rows_text = [
            [
                str(i["id"]),
                str(i["channel"]),
                str(i["status"]),
                str(i["attempts"]),
                str(i["last_error"] or "")[:50],
                str(i["what"])[:80],
            ]
            for i in items
        ]
        click.echo(_table(rows_text, ["id", "channel", "status", "tries", "last error", "alert"]))


@alerts.command("retry")
@pass_ctx
def alerts_retry(c: _Context) -> None:
    """Re-queue dead alerts for delivery."""
    with _errors():
        with c.store() as store:
            n = store.retry_dead(datetime.now(UTC))
        click.echo(f"{n} dead alert{'s' if n != 1 else ''} re-queued")


@alerts.command("send")
@pass_ctx
def alerts_send(c: _Context) -> None:
    """Deliver the pending alerts that are due, now."""
    from watcher.alerts import build_channels
    from watcher.delivery import deliver_due

    with _errors():
        with c.store() as store:
            report = deliver_due(c.settings, store, build_channels(c.settings.alerts), now=datetime.now(UTC))
        click.echo(f"{report.sent} sent, {report.failed} failed (will retry), {report.dead} dead")
        for e in report.errors:
            click.echo(f"  {e}")
        if report.failed or report.dead:
            sys.exit(1)


@alerts.command("test")
@click.argument("channel", required=False)
@pass_ctx
def alerts_test(c: _Context, channel: str | None) -> None:
    """Send a test message through each configured channel (or CHANNEL)."""
    from watcher.alerts import build_channels
    from watcher.errors import DeliveryError
    from watcher.render import render

    with _errors():
        s = c.settings
        channels = build_channels(s.alerts)
        if channel is not None and channel not in channels:
            raise ConfigError(
                f"{s.config_path}: channel {channel!r} is not configured (configured: {', '.join(channels)})"
            )
        now = datetime.now(UTC)
        entity = s.entities[0].name
        sample = Change(
            entity=entity,
            kind="valuation_change",
            status="announced",
            new=Money(Decimal("11700000000"), s.base_currency),
            old=Money(Decimal("5800000000"), s.base_currency),
            new_date=now.date().isoformat(),
            detected_at=now,
            title="watcher test message: no real change",
            evidence="This is a test of the watcher alert channel.",
            url="https://example.invalid/watcher-test",
        )
        message = render(sample, s.alerts.language, s.base_currency)
        failed = False
        for name, ch in channels.items():
            if channel is not None and name != channel:
                continue
            try:
                # A fixed id far from real outbox ids, so a test never folds into a real alert.
                ch.send(message, 900_000_000 + int(now.timestamp()) % 100_000_000)
                click.echo(f"{name}: ok")
            except DeliveryError as e:
                failed = True
                click.echo(f"{name}: {e}")
        if failed:
            sys.exit(1)


@main.command()
def demo() -> None:
    """Show the whole product offline: local news server, baseline, one cycle, alerts, status."""
    from watcher.demo import run_demo

    with _errors():
        sys.exit(run_demo(sys.stdout))
