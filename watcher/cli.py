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
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from watcher import __version__
from watcher.config import load_config
from watcher.errors import ConfigError, LockedError, WatcherError
from watcher.jsonout import (
    alert_items,
    change_json,
    change_line,
    fact_json,
    fact_row_json,
    feed_items,
    next_try,
    stored_fact_json,
)
from watcher.models import CHANGE_KINDS, FACT_KINDS
from watcher.settings import Settings
from watcher.store import MigrationReport, Store

if TYPE_CHECKING:
    from watcher.history import TimelineRow

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> None:
    # A configuration can have several mistakes: one line each.
    for line in message.splitlines() or [""]:
        click.echo(f"watcher: error: {line}", err=True)
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
            _use_password_env(self._settings)
        return self._settings

    def store(self, *, locked: bool = False) -> Store:
        """The store for a command that writes: an older schema is upgraded first (``locked``:
        the caller holds the database lock already)."""
        return open_for_writing(self.settings.db, locked=locked)

    def reader(self) -> Store:
        """The store for a command that only reads: never upgraded, read-only where it must be."""
        return Store.for_reading(self.settings.db)


def _use_password_env(settings: Settings) -> None:
    """libpq reads the PostgreSQL password from PGPASSWORD: ``[watcher] password_env`` names the
    variable that holds it instead (so the password is never in the config file)."""
    name = settings.db_password_env
    if name and os.environ.get(name):
        os.environ["PGPASSWORD"] = os.environ[name]


def open_for_writing(db: Path | str, *, locked: bool = False) -> Store:
    """The store, its schema upgraded if older, which is said in one line.

    Not beside a running daemon (one that holds the lock): an older daemon would fail every
    job on a schema newer than its own. ``locked`` says the caller holds the lock itself.
    Recording the names of the migrations an older database has is no change an older
    watcher sees (it reads user_version alone), so that needs no lock.
    """
    store = Store(db, migrate=False)
    try:
        if store.needs_upgrade:
            pending = ", ".join(store.pending)
            # A PostgreSQL database is migrated under its own advisory lock (watcher.store.postgres).
            if locked or not pending or not isinstance(db, Path):
                report = store.migrate()
            else:
                from watcher.lock import DaemonLock

                lock = DaemonLock(db)
                try:
                    lock.acquire()
                except LockedError as e:
                    raise LockedError(
                        f"{db}: this watcher must upgrade the database first (it lacks {pending}),"
                        f" but a daemon or poll (pid {e.holder}) is running on it: stop it and start the"
                        " daemon with this version, which upgrades it"
                    ) from None
                try:
                    report = store.migrate()
                finally:
                    lock.release()
            say_upgraded(report)
        store.use_wal()
    except BaseException:
        store.close()
        raise
    return store


def say_upgraded(report: MigrationReport) -> None:
    """One line for an upgraded database (a new one being made is no news)."""
    if not report.upgraded:
        return
    done = ", ".join(report.applied) or "nothing"
    found = f"; {len(report.found)} found in place and recorded" if report.found else ""
    click.echo(
        f"watcher: upgraded {report.path} to this version's schema (applied: {done}{found});"
        f" the database as it was is kept in {report.backup}",
        err=True,
    )


pass_ctx = click.make_pass_decorator(_Context)


def _one_line_errors(record: logging.LogRecord) -> bool:
    """A library's error with a traceback (procrastinate's listener losing its connection) as
    one line: its message and the exception's first line. The traceback only at -vv."""
    if record.exc_info and not record.name.startswith("watcher"):
        error = record.exc_info[1]
        why = str(error).strip().splitlines()[0] if error is not None and str(error).strip() else ""
        record.msg = f"{record.getMessage()}: {type(error).__name__}{': ' + why if why else ''}"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
    return True


def _setup_logging(verbosity: int, log_file: Path | None = None) -> None:
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        from watcher.logfile import describe, open_log_file

        try:
            handlers.append(open_log_file(log_file))
        except OSError as e:
            # The daemon still runs, logging to stderr: one line, not a traceback.
            click.echo(f"watcher: warning: {log_file}: {describe(e)}; logging to stderr only", err=True)
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
    # httpx logs every request at INFO, with URLs that may carry secrets (Slack webhooks).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # The scheduler logs every job run at INFO, and a poll tick skipped while a long cycle runs or a
    # late feed job at WARNING: per-job lines that say nothing lost (the due feeds wait for the next
    # tick). Only -vv shows them; its errors still show.
    logging.getLogger("apscheduler").setLevel(logging.DEBUG if verbosity >= 2 else logging.ERROR)
    # procrastinate (PostgreSQL installs) logs every job deferred, started and ended, and psycopg's
    # pool each reconnection attempt while the database is away: -vv only (watcher says it once).
    logging.getLogger("procrastinate").setLevel(logging.DEBUG if verbosity >= 2 else logging.WARNING)
    logging.getLogger("psycopg.pool").setLevel(logging.DEBUG if verbosity >= 2 else logging.ERROR)
    if verbosity < 2:
        for handler in handlers:
            handler.addFilter(_one_line_errors)


class _Group(click.Group):
    """A group whose command list shows each command's whole first sentence, never cut."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
_CONFIG_HELP = "Configuration file (default ./config.toml, or $WATCHER_CONFIG)."


def _set_config(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.find_object(_Context).config = value  # type: ignore[union-attr]


def _set_verbose(ctx: click.Context, _param: click.Parameter, value: int) -> None:
    c = ctx.find_object(_Context)
    if value and c is not None and c.verbosity >= 0:
        c.verbosity += value
        _setup_logging(c.verbosity)


def _set_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    c = ctx.find_object(_Context)
    if value and c is not None:
        c.verbosity = -1
        _setup_logging(-1)


def global_options(f: F) -> F:
    """--config, -v and -q, accepted after the command too (``watcher status --config x``)."""
    f = click.option(
        "-q", "--quiet", is_flag=True, expose_value=False, callback=_set_quiet, help="Only errors in the log."
    )(f)
    f = click.option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        callback=_set_verbose,
        help="More log output (-vv for debug and the scheduler's own lines).",
    )(f)
    f = click.option("--config", metavar="PATH", expose_value=False, callback=_set_config, help=_CONFIG_HELP)(
        f
    )
    return f


@click.group(cls=_Group, context_settings=_CONTEXT)
@click.option(
    "--config",
    "config",
    default="config.toml",
    metavar="PATH",
    envvar="WATCHER_CONFIG",
    show_envvar=True,
    help=_CONFIG_HELP,
)
@click.option(
    "-v", "--verbose", count=True, help="More log output (-vv for debug and the scheduler's own lines)."
)
@click.option("-q", "--quiet", is_flag=True, help="Only errors in the log.")
@click.version_option(__version__, prog_name="watcher")
@click.pass_context
def main(ctx: click.Context, config: str, verbose: int, quiet: bool) -> None:
    """Watch news coverage of companies and alert on changed funding facts.

    The options --config, -v and -q may also be given after the command.
    """
    verbosity = -1 if quiet else verbose
    _setup_logging(verbosity)
    ctx.obj = _Context(config, verbosity)


def entity_name(settings: Settings, name: str) -> str:
    """The configured name of the entity called ``name`` (any case, or one of its aliases)."""
    found = settings.find_entity(name)
    if found is not None:
        return found.name
    known = ", ".join(repr(e.name) for e in settings.entities)
    raise ConfigError(f"{settings.config_path}: no [[entities]] entry named {name!r} (known: {known})")


@main.command("check-config")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 2 on warnings too (unset environment variables, secrets in the file).",
)
@global_options
@pass_ctx
def check_config(c: _Context, strict: bool) -> None:
    """Validate the configuration and list every mistake; exit 0 if usable, 2 if not."""
    from watcher.config import config_warnings
    from watcher.netguard import policy, refused_urls

    with _errors():
        s = c.settings
        warnings = config_warnings(s, os.environ)
        # A feed on an internal address would fail at every poll: said now, not at the first cycle.
        refused = refused_urls([f.url for f in s.feeds], policy(s.http.allow_private))
        for i, f in enumerate(s.feeds, 1):
            if f.url in refused:
                warnings.append(
                    f"{s.config_path}: feeds[{i}].url: every poll will be refused: {refused[f.url]}"
                )
        for w in warnings:
            click.echo(f"watcher: warning: {w}", err=True)
        channels = ", ".join(s.alerts.channels) or "none"
        click.echo(
            f"{s.config_path}: {'ok' if not warnings else 'usable, with warnings'} "
            f"({_plural(len(s.entities), 'entity', 'entities')}, {_plural(len(s.feeds), 'feed')}, "
            f"alerts: {channels})"
        )
        if warnings and strict:
            sys.exit(2)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    """ "1 fact", "2 facts", "0 facts"."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _table(rows: list[list[str]], headers: list[str]) -> str:
    from watcher.status import text_table

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
@global_options
def extract(
    file: Any, entity: str, aliases: tuple[str, ...], as_json: bool, lang: str | None, published: str | None
) -> None:
    """Print the funding facts that FILE (or standard input) attributes to ENTITY."""
    from watcher.render import format_kind, format_money, format_round

    with _errors():
        try:
            text = file.read()
        except UnicodeDecodeError as e:
            raise ConfigError(f"{file.name}: not UTF-8 text: {e}") from e
        if published is not None and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", published):
            raise ConfigError(f"--published {published!r}: not an ISO date; write it like 2025-06-11")
        from watcher.facts import extract_facts  # only here: its patterns cost every other command

        facts = extract_facts(text, entity, aliases, lang=lang, published=published)
        if as_json:
            click.echo(json.dumps([fact_json(f) for f in facts], ensure_ascii=False, indent=2))
            return
        if not facts:
            click.echo(f"no funding facts about {entity}")
            return
        rows = [
            [
                format_kind(f.kind),
                format_money(f.money),
                format_money(f.equivalent) if f.equivalent else "",
                format_round(f.round) if f.round else "",
                f.status,
                ", ".join(f.lead_investors),
                ", ".join(f.investors)[:60],
            ]
            for f in facts
        ]
        click.echo(_table(rows, ["kind", "amount", "equivalent", "round", "status", "lead", "investors"]))


@main.command()
@global_options
@pass_ctx
def baseline(c: _Context) -> None:
    """Load each entity's seed documents as the known baseline (idempotent)."""
    from watcher.pipeline import load_baseline
    from watcher.render import format_kind, format_money, format_round
    from watcher.seeds import SEED_SUFFIXES, ignored_seed_files

    with _errors():
        s = c.settings
        with c.store() as store:
            docs = load_baseline(s, store, now=datetime.now(UTC))
        if not any(e.seeds for e in s.entities):
            click.echo("no entity has a seeds folder configured")
        kinds = ", ".join(SEED_SUFFIXES)
        for e in s.entities:
            folder = s.seed_dir(e)
            if folder is None:
                continue
            for path in ignored_seed_files(folder):
                click.echo(
                    f"watcher: warning: {path}: not read (only {kinds} files are seed documents)", err=True
                )
            mine = [d for d in docs if d.entity == e.name]
            if not mine:
                click.echo(f"{e.name}: no seed documents in {folder} (add {kinds} files); baseline empty")
                continue
            for d in mine:
                click.echo(
                    f"{e.name}: {d.name} ({d.published or 'date unknown'}): {_plural(len(d.facts), 'fact')}"
                    f" [{d.status}]"
                )
                for f in d.facts:
                    round_ = f" {format_round(f.round)}" if f.round else ""
                    click.echo(f"    {format_kind(f.kind)}{round_}: {format_money(f.money)} ({f.status})")
            with c.store() as store:
                known = len(store.facts(e.name, known_only=True))
            read = sum(len(d.facts) for d in mine)
            # The same fact in several seed documents is one fact with several sources.
            click.echo(
                f"{e.name}: {_plural(read, 'fact')} read from {_plural(len(mine), 'document')}; "
                f"{_plural(known, 'distinct fact')} known"
            )


@main.command()
@click.option("--feed", "feeds", multiple=True, metavar="URL|NAME", help="Poll only this feed (repeatable).")
@click.option("--force", is_flag=True, help="Ignore back-off and Retry-After from earlier failures.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Fetch and extract, print what would change, write nothing to the database.",
)
@global_options
@pass_ctx
def poll(c: _Context, feeds: tuple[str, ...], force: bool, dry_run: bool) -> None:
    """Run one poll cycle over all feeds (or those given) and print a summary."""
    import shutil
    import tempfile

    from watcher.articles import default_pool
    from watcher.lock import DaemonLock
    from watcher.pipeline import load_baseline, run_cycle

    with _errors():
        s = c.settings
        urls = [_feed_url(s, f) for f in feeds]
        scratch: Path | None = None
        # One poller per database, as for `run`: two cycles at once would race on the same entries.
        # A dry run writes only its own copy, so it runs beside a daemon without its lock.
        if dry_run and not isinstance(s.db, Path):
            raise ConfigError(
                f"{s.config_path}: poll --dry-run copies a SQLite database; with [watcher] db on PostgreSQL"
                " run it against a copy (watcher db copy) or without --dry-run"
            )
        lock = None if dry_run else DaemonLock(s.lock_path)
        if lock is not None:
            lock.acquire()
        try:
            if dry_run:
                # The whole cycle runs on a snapshot of the database, thrown away after: nothing the
                # real store holds (facts, feed validators, outbox) changes. The snapshot is read
                # through a read-only connection (SQLite's backup API: one consistent read that
                # neither waits for a running daemon's writes nor makes it wait).
                scratch = Path(tempfile.mkdtemp(prefix="watcher-dry-run-"))
                copy = scratch / "watcher.db"
                assert isinstance(s.db, Path)
                if s.db.exists() and s.db.stat().st_size > 0:  # an empty file has nothing to copy
                    # Copied as it is (an older schema too): the copy is upgraded, never the
                    # real database.
                    with Store(s.db, read_only=True, migrate=False) as real:
                        real.backup_to(copy)
                target = Store(copy)
            else:
                target = c.store(locked=True)
            # A live line on a terminal only: piped or logged output stays free of it.
            line = _ProgressLine(sys.stderr) if sys.stderr.isatty() and c.verbosity >= 0 else None
            with target as store:
                # The seeds are what is known; news is only compared once they are loaded.
                # Read in the cycle's extraction workers: they hold the extractor already.
                load_baseline(s, store, now=datetime.now(UTC), pool=default_pool(s.http))
                try:
                    report = run_cycle(s, store=store, feed_urls=urls or None, force=force, progress=line)
                finally:
                    if line is not None:
                        line.clear()
        finally:
            if lock is not None:
                lock.release()
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
        if dry_run:
            click.echo("dry run: nothing was written; these are the changes a poll would record")
        click.echo(
            f"feeds: {report.count('ok')} ok, {report.count('not_modified')} not modified, "
            f"{report.count('unchanged')} unchanged, {report.count('failed')} failed, "
            f"{report.count('deferred')} deferred"
        )
        for f in report.feeds:
            if f.outcome in ("failed", "deferred"):
                click.echo(f"  {f.outcome}: {f.name or f.url}: {f.error}")
        cap = s.http.max_articles_per_feed
        for f in report.feeds:
            if f.waiting:
                click.echo(
                    f"  waiting: {f.name or f.url}: {_plural(f.waiting, 'article')} left for later cycles"
                    f" ([http] max_articles_per_feed = {cap})"
                )
        click.echo(
            f"entries new: {report.entries_new}; articles fetched: {report.articles_fetched}"
            f" ({report.articles_from_summary} from feed summary); facts: {report.facts};"
            f" changes: {len(report.changes)}"
        )
        for url in report.articles_capped:
            click.echo(
                f"  capped: {url} (reading the page ran past the time cap; read from the feed summary)"
            )
        for ch in report.changes:
            click.echo(f"  change: {change_line(ch)}")
        if report.alerts_enqueued and not dry_run:
            n = report.alerts_enqueued
            click.echo(
                f"{_plural(n, 'alert')} queued in the outbox; the daemon (`watcher run`) "
                "sends them, or `watcher alerts send` now"
            )
        failed = report.count("failed")
        if report.feeds and failed and failed + report.count("deferred") == len(report.feeds):
            # Nothing was read at all: a script or cron job must see it, not a summary with zeros.
            click.echo(f"watcher: error: every feed failed ({_plural(failed, 'feed')})", err=True)
            sys.exit(1)


class _ProgressLine:
    """One line on a terminal's stderr, rewritten in place: "polling: feeds 3/10, articles 12/40"."""

    def __init__(self, stream: Any, every: float = 0.1):
        self.stream = stream
        self.every = every
        self.stages: dict[str, str] = {}
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        import time

        self.stages[stage] = f"{stage} {done}/{total}"
        now = time.monotonic()
        # At most ten redraws a second, but every stage's last count is drawn.
        if done < total and now - self.last < self.every:
            return
        self.last = now
        self.stream.write("\r\x1b[2Kpolling: " + ", ".join(self.stages.values()))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False


def _feed_url(settings: Settings, which: str) -> str:
    for f in settings.feeds:
        if which in (f.url, f.name):
            return f.url
    raise ConfigError(f"{settings.config_path}: no [[feeds]] entry with url or name {which!r}")


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--since {value!r}: use a date such as 2025-01-31") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _source_line(title: str, url: str) -> str:
    title = " ".join(title.split())
    if title and url:
        return f"{title} <{url}>"
    return title or url or "(no source recorded)"


@main.command()
@click.option("--entity", metavar="NAME", help="Only this company (any case, or one of its aliases).")
@click.option(
    "--kind",
    type=click.Choice([*FACT_KINDS, *CHANGE_KINDS]),
    metavar="KIND",
    help="Only this kind: a fact kind ("
    + ", ".join(FACT_KINDS)
    + ") or a change kind ("
    + ", ".join(CHANGE_KINDS)
    + "); with --facts or --plot a change kind picks its fact kind.",
)
@click.option(
    "--since",
    metavar="DATE",
    help="Only what was detected (changes) or dated (facts) on or after DATE (YYYY-MM-DD).",
)
@click.option(
    "--facts", "show_facts", is_flag=True, help="Show every known fact (baseline, change, history)."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON: one object per change (or per fact with --facts)."
)
@click.option(
    "--plot",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Draw the facts to FILE.svg or FILE.html, one panel per company.",
)
@click.option(
    "--rejected",
    "show_rejected",
    is_flag=True,
    help="Also list what you rejected (`watcher reject`), marked rejected; never drawn.",
)
@global_options
@pass_ctx
def history(
    c: _Context,
    entity: str | None,
    kind: str | None,
    since: str | None,
    show_facts: bool,
    as_json: bool,
    plot: Path | None,
    show_rejected: bool,
) -> None:
    """The changes detected, oldest first; --facts for every known fact."""
    from watcher.history import timeline
    from watcher.render import format_kind, format_money, format_round
    from watcher.status import text_table

    with _errors():
        s = c.settings
        if entity is not None:
            entity = entity_name(s, entity)
        when = _since(since)
        if plot is not None or show_facts:
            fact_kind = kind
            if kind in CHANGE_KINDS:
                fact_kind = CHANGE_KINDS[kind]
                if fact_kind is None:
                    raise ConfigError(
                        f"--kind {kind} is about changes; with --facts or --plot pick a fact kind"
                    )
            with c.reader() as store:
                rows = timeline(s, store, entity, fact_kind, when, rejected=show_rejected)
            if plot is not None:
                _plot(s, rows, plot, entity, fact_kind)
                click.echo(f"wrote {plot}")
            elif as_json:
                click.echo(json.dumps([fact_row_json(r) for r in rows], ensure_ascii=False, indent=2))
            else:
                _print_facts(s, rows)
            return
        with c.reader() as store:
            changes = store.changes(entity, kind=kind, since=when, rejected=show_rejected)
            known = 0 if changes else len(timeline(s, store, entity, None))
        if as_json:
            click.echo(json.dumps([change_json(ch) for ch in changes], ensure_ascii=False, indent=2))
            return
        if not changes:
            if known:
                click.echo(
                    f"no changes detected yet; {_plural(known, 'fact')} known: see `watcher history --facts`"
                )
            else:
                click.echo("nothing known yet; run `watcher baseline` and `watcher poll`")
            return
        table = [
            [
                ch.detected_at.astimezone(UTC).date().isoformat(),
                ch.entity,
                format_kind(ch.kind),
                format_round(ch.round) if ch.round else "",
                format_money(ch.old) if ch.old and ch.kind != "new_round" else "",
                format_money(ch.new),
                ch.new_date or "?",
                ch.status if ch.rejected is None else f"{ch.status}, rejected",
                str(ch.sources),
            ]
            for ch in changes
        ]
        headers = ["detected", "entity", "change", "round", "before", "now", "dated", "status", "sources"]
        lines = text_table(table, headers, rule=True)
        out = lines[:2]
        for line, ch in zip(lines[2:], changes, strict=True):
            out += [line, f"    source: {_source_line(ch.title, ch.url)}"]
        click.echo("\n".join(out))


def _print_facts(s: Settings, rows: list[TimelineRow]) -> None:
    from watcher.render import format_kind, format_money, format_round
    from watcher.status import text_table

    if not rows:
        click.echo("nothing known yet; run `watcher baseline` and `watcher poll`")
        return
    table = [
        [
            r.period or "?",
            r.entity,
            format_kind(r.fact.kind),
            format_round(r.fact.round) if r.fact.round else "",
            format_money(r.fact.money),
            format_money(r.base) if r.base and r.base.currency != r.fact.currency else "",
            r.fact.status,
            f"{r.marker}, now" if r.current else r.marker,
            str(r.sources),
        ]
        for r in rows
    ]
    headers = [
        "date",
        "entity",
        "kind",
        "round",
        "amount",
        f"in {s.base_currency}",
        "status",
        "known as",
        "sources",
    ]
    lines = text_table(table, headers, rule=True)
    out = lines[:2]
    for line, r in zip(lines[2:], rows, strict=True):
        out += [line, f"    source: {_source_line(r.title, r.url)}"]
    click.echo("\n".join(out))


def _plot(
    settings: Settings, rows: list[TimelineRow], path: Path, entity: str | None, kind: str | None
) -> None:
    from watcher.history import plot_panels
    from watcher.plot import timelines_html, timelines_svg

    kinds = (kind,) if kind in ("valuation", "funding_round") else ("valuation", "funding_round")
    if kind is not None and kind not in kinds:
        raise ConfigError(f"--plot draws valuations and funding rounds, not {kind}")
    panels = plot_panels(settings, rows, entity, kinds)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        content = timelines_svg(panels, settings.base_currency, kinds)
    elif suffix in (".html", ".htm"):
        content = timelines_html(panels, settings.base_currency, kinds)
    else:
        raise ConfigError(f"--plot {path}: use a .svg or .html file name")
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as e:
        raise WatcherError(f"{path}: cannot write the plot: {e.strerror}") from e


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@global_options
@pass_ctx
def status(c: _Context, as_json: bool) -> None:
    """Daemon liveness, each entity's known state, feeds and the outbox at a glance."""
    from watcher.status import collect_status, format_status, status_json

    with _errors():
        # Read-only when the database cannot be written (a read-only mount): still report.
        with c.reader() as store:
            report = collect_status(c.settings, store, datetime.now(UTC))
        if as_json:
            click.echo(json.dumps(status_json(report), ensure_ascii=False, indent=2))
        else:
            # Emphasis on a terminal only; piped output stays plain text.
            click.echo(format_status(report, styled=sys.stdout.isatty()))


@main.command()
@click.option("--once", is_flag=True, help="One poll cycle and one delivery round, then exit (for cron).")
@click.option(
    "--log-file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also log to FILE (reopened on SIGHUP, for logrotate).",
)
@global_options
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
        daemon = Daemon(s, on_upgrade=say_upgraded)
        if once:
            report, delivered = daemon.run_once()
            click.echo(
                f"cycle: {_plural(len(report.feeds), 'feed')} ({report.count('failed')} failed), "
                f"{_plural(report.entries_new, 'new entry', 'new entries')}, "
                f"{_plural(report.articles_fetched, 'article')}, "
                f"{_plural(len(report.changes), 'change')}; "
                f"alerts: {delivered.sent} sent, {delivered.failed} failed, {delivered.dead} dead"
            )
            return
        code = daemon.run_forever()
        # Let a job in flight finish; past the grace period it is abandoned (transactions make that safe).
        if not daemon.wait_for_jobs():
            logging.getLogger("watcher").warning("a job was still running; abandoning it")
            logging.shutdown()
            os._exit(code)
        sys.exit(code)


@main.command()
@click.option(
    "--concurrency", default=2, show_default=True, type=click.IntRange(1, 64), help="Jobs at a time."
)
@global_options
@pass_ctx
def worker(c: _Context, concurrency: int) -> None:
    """Fetch feeds and read articles for `watcher run` (PostgreSQL only), on any machine that
    reaches the database and has the same config.toml; until SIGTERM/SIGINT."""
    with _errors():
        s = c.settings
        if not s.postgres:
            raise ConfigError(
                f"{s.config_path}: watcher worker needs [watcher] db on PostgreSQL (postgresql://...);"
                " with a SQLite file, `watcher run` reads the articles itself"
            )
        if c.verbosity >= 0:
            _setup_logging(max(c.verbosity, 1))
        from watcher.jobs.worker import run_worker

        run_worker(s, concurrency=concurrency)


@main.group(cls=_Group, context_settings=_CONTEXT)
@global_options
def alerts() -> None:
    """The outbox: list, retry dead alerts, send now, test channels."""


def _when(moment: datetime, now: datetime) -> str:
    from watcher.status import ago

    return f"{ago(moment, now)} ({moment.astimezone(UTC).strftime('%Y-%m-%d %H:%M UTC')})"


@alerts.command("list")
@click.option(
    "--status",
    "status_",
    type=click.Choice(["pending", "sent", "dead", "rejected"]),
    help="Only this status.",
)
@click.option(
    "--limit", default=50, show_default=True, metavar="N", help="Show at most N alerts, newest first."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array for scripts.")
@global_options
@pass_ctx
def alerts_list(c: _Context, status_: str | None, limit: int, as_json: bool) -> None:
    """Show the outbox, newest first, with when each waiting alert is tried next."""
    with _errors():
        now = datetime.now(UTC)
        with c.reader() as store:
            rows = store.outbox(status_, limit=limit)
            items = alert_items(store, rows, now)
            pauses = store.channel_pauses(now)
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
                _ago_short(next_try(r, pauses), now) if r.status == "pending" else "",
                str(i["last_error"] or "")[:50],
                str(i["what"])[:80],
            ]
            for i, r in zip(items, rows, strict=True)
        ]
        click.echo(_table(rows_text, ["id", "channel", "status", "tries", "next try", "last error", "alert"]))


def _ago_short(moment: datetime, now: datetime) -> str:
    from watcher.status import next_time

    return next_time(moment, now)


@alerts.command("retry")
@global_options
@pass_ctx
def alerts_retry(c: _Context) -> None:
    """Re-queue dead alerts for delivery."""
    with _errors():
        with c.store() as store:
            n = store.retry_dead(datetime.now(UTC))
        click.echo(f"{_plural(n, 'dead alert')} re-queued")


@alerts.command("send")
@global_options
@pass_ctx
def alerts_send(c: _Context) -> None:
    """Deliver the pending alerts that are due, now, and say when the others are tried."""
    from watcher.alerts import build_channels
    from watcher.delivery import deliver_due
    from watcher.status import channel_error

    with _errors():
        with c.store() as store:
            report = deliver_due(c.settings, store, build_channels(c.settings.alerts))
            waiting = store.outbox("pending", limit=1000)
            now = datetime.now(UTC)
            pauses = store.channel_pauses(now)
        click.echo(
            f"{report.sent} sent, {report.failed} failed (will retry), {report.dead} dead, "
            f"{len(waiting)} waiting"
        )
        for e in report.errors:
            channel = e.split(":", 1)[0]
            click.echo(f"  {channel_error(channel, e)}")
        for channel, until in sorted(report.paused.items()):
            if until > now:
                click.echo(f"  paused: {channel} until {_when(until, now)}, as its server asked")
        for r in sorted(waiting, key=lambda r: (next_try(r, pauses), r.id)):
            error = f"; last error: {r.last_error[:80]}" if r.last_error else ""
            click.echo(
                f"  waiting: #{r.id} {r.channel}, next try {_when(next_try(r, pauses), now)}, "
                f"{_plural(r.attempts, 'try', 'tries')} so far{error}"
            )
        # errors also holds a refused write (a full disk), which no count shows.
        if report.failed or report.dead or report.errors:
            sys.exit(1)


@alerts.command("test")
@click.argument("channel", required=False)
@global_options
@pass_ctx
def alerts_test(c: _Context, channel: str | None) -> None:
    """Send a TEST message through each configured channel (or CHANNEL)."""
    from watcher.alerts import build_channels
    from watcher.errors import DeliveryError
    from watcher.render import render_test
    from watcher.status import channel_error

    with _errors():
        s = c.settings
        channels = build_channels(s.alerts)
        if channel is not None and channel not in channels:
            raise ConfigError(
                f"{s.config_path}: channel {channel!r} is not configured (configured: {', '.join(channels)})"
            )
        now = datetime.now(UTC)
        failed = False
        for name, ch in channels.items():
            if channel is not None and name != channel:
                continue
            message = render_test(name, [e.name for e in s.entities], s.alerts.language)
            try:
                # A fixed id far from real outbox ids, so a test never folds into a real alert.
                ch.send(message, 900_000_000 + int(now.timestamp()) % 100_000_000)
                click.echo(f"{name}: ok")
            except DeliveryError as e:
                failed = True
                click.echo(channel_error(name, str(e)))
        if failed:
            sys.exit(1)


@alerts.command("digest")
@click.option("--preview", is_flag=True, help="Print today's digest instead of queueing it.")
@global_options
@pass_ctx
def alerts_digest(c: _Context, preview: bool) -> None:
    """Queue today's digest now, before its time ([alerts.digest]); `alerts send` delivers it."""
    from watcher.digest import build_digest, queue_digest_if_due
    from watcher.render import render

    with _errors():
        s = c.settings
        if s.alerts.digest is None:
            raise ConfigError(f'{s.config_path}: no [alerts.digest]; add it with at = "08:00"')
        now = datetime.now(UTC)
        with c.store() as store:
            if preview:
                message = render(build_digest(s, store, now), s.alerts.language, s.base_currency)
                click.echo(f"{message.subject}\n\n{message.text}", nl=False)
                return
            alert_id = queue_digest_if_due(s, store, now, force=True)
        if alert_id:
            click.echo(f"digest queued (alert #{alert_id}); `watcher alerts send` or the daemon delivers it")
        else:
            click.echo("today's digest is already queued; one digest a day")


@main.group("db", cls=_Group, context_settings=_CONTEXT)
@global_options
def db_group() -> None:
    """The database itself: move a SQLite state to PostgreSQL."""


@db_group.command("copy")
@click.option("--to", "target", required=True, metavar="URL", help="An empty PostgreSQL database.")
@global_options
@pass_ctx
def db_copy(c: _Context, target: str) -> None:
    """Copy this install's SQLite state (facts, changes, outbox, rejections, feeds...) into an
    empty PostgreSQL database, then check every table's row count. The SQLite file is left as it
    is; point [watcher] db at the URL afterwards."""
    from watcher.lock import DaemonLock
    from watcher.store import is_postgres
    from watcher.store.copy import copy_database

    with _errors():
        s = c.settings
        if not isinstance(s.db, Path):
            raise ConfigError(
                f"{s.config_path}: [watcher] db is PostgreSQL already; db copy reads a SQLite file"
            )
        if not is_postgres(target):
            raise ConfigError(f"--to {target}: not a postgresql:// URL")
        # Nothing may write the file while it is copied: the daemon's lock is held throughout.
        lock = DaemonLock(s.db)
        lock.acquire()
        try:
            with open_for_writing(s.db, locked=True) as source, Store(target) as dest:
                counts = copy_database(source, dest)
        finally:
            lock.release()
        click.echo(f"copied {sum(counts.values())} rows into {dest.where}; every table's count matches:")
        for table, n in counts.items():
            click.echo(f"  {table}: {n}")
        click.echo(f'now set db = "{dest.where}" in [watcher] of {s.config_path}')


@main.group(cls=_Group, context_settings=_CONTEXT)
@global_options
def feeds() -> None:
    """The feeds: list them with their health, add or remove one in config.toml."""


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array for scripts.")
@global_options
@pass_ctx
def feeds_list(c: _Context, as_json: bool) -> None:
    """Each feed, the companies it serves, its last success, failures and next poll."""
    with _errors():
        s = c.settings
        now = datetime.now(UTC)
        with c.reader() as store:
            rows = {r.url: r for r in store.feeds()}
            items = feed_items(s, store)
        if as_json:
            click.echo(json.dumps(items, ensure_ascii=False, indent=2))
            return
        if not items:
            click.echo(f"no feeds in {s.config_path}; add one with `watcher feeds add URL`")
            return
        from watcher.status import ago

        table = []
        for f, i in zip(s.feeds, items, strict=True):
            row = rows.get(f.url)
            table.append(
                [
                    f.name or f.url,
                    "all" if not f.entities else ", ".join(f.entities),
                    _duration(f.interval or s.interval),
                    ago(row.last_success if row else None, now),
                    str(i["failures"]),
                    _ago_short(row.next_attempt, now) if row and row.next_attempt else "next cycle",
                ]
            )
        click.echo(_table(table, ["feed", "companies", "every", "last success", "failures", "next poll"]))
        for f, i in zip(s.feeds, items, strict=True):
            if i["last_error"]:
                click.echo(f"  {f.name or f.url}: {i['last_error']}")


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


_RELOAD = "a running daemon reads it again on SIGHUP (`kill -HUP PID`)"


@feeds.command("add")
@click.argument("url")
@click.option("--name", default="", help="A short name shown in status and alerts.")
@click.option(
    "--entity",
    "entities",
    multiple=True,
    metavar="NAME",
    help="Read this feed only for this company (repeatable; default: every company).",
)
@click.option(
    "--interval", metavar="DURATION", help='Poll interval such as "10m" (default: [watcher] interval).'
)
@click.option(
    "--check",
    is_flag=True,
    help="Fetch the feed once first (as a poll would) and say what it holds; not added if it fails.",
)
@global_options
@pass_ctx
def feeds_add(
    c: _Context, url: str, name: str, entities: tuple[str, ...], interval: str | None, check: bool
) -> None:
    """Add a [[feeds]] entry to config.toml, keeping its comments and layout."""
    from watcher.config import add_feed
    from watcher.lock import edit_lock

    with _errors():
        s = c.settings
        names = [entity_name(s, e) for e in entities]
        if check:
            from watcher.pipeline import check_feed

            found = check_feed(s, url, names)
            if found.error is not None:
                click.echo(f"watcher: error: {found.error}", err=True)
                click.echo(
                    f"not added to {s.config_path}; add it without --check to keep it anyway", err=True
                )
                sys.exit(1)
            title = f"{found.title!r}" if found.title else "(no title)"
            each = ", ".join(f"{n} {count}" for n, count in found.per_entity)
            click.echo(
                f"{url}: {title}: {_plural(found.entries, 'entry', 'entries')}, "
                f"{found.mentioning} naming a company it would be read for ({each})"
            )
        # One editor at a time: two adds at once must both land.
        with edit_lock(s.config_path):
            feed = add_feed(s.config_path, url, name=name, entities=names, interval=interval)
        served = ", ".join(feed.entities) if feed.entities else "every company"
        click.echo(f"added {feed.name or feed.url} ({served}) to {s.config_path}; {_RELOAD}")


@feeds.command("remove")
@click.argument("feed", metavar="URL|NAME")
@global_options
@pass_ctx
def feeds_remove(c: _Context, feed: str) -> None:
    """Remove the [[feeds]] entry with this URL or name from config.toml."""
    from watcher.config import remove_feed
    from watcher.lock import edit_lock

    with _errors():
        s = c.settings
        with edit_lock(s.config_path):
            removed = remove_feed(s.config_path, feed)
        click.echo(f"removed {removed.name or removed.url} from {s.config_path}; {_RELOAD}")


@main.group(cls=_Group, context_settings=_CONTEXT)
@global_options
def entities() -> None:
    """The companies watched: list them, add or remove one in config.toml."""


@entities.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array for scripts.")
@global_options
@pass_ctx
def entities_list(c: _Context, as_json: bool) -> None:
    """Each company: its aliases, seeds folder, the feeds read for it and the facts known."""
    with _errors():
        s = c.settings
        with c.reader() as store:
            known = {e.name: len(store.facts(e.name, known_only=True)) for e in s.entities}
        items = [
            {
                "name": e.name,
                "aliases": list(e.aliases),
                "seeds": str(s.seed_dir(e)) if e.seeds else None,
                "feeds": [f.name or f.url for f in s.feeds if f.serves(e.name)],
                "facts_known": known[e.name],
            }
            for e in s.entities
        ]
        if as_json:
            click.echo(json.dumps(items, ensure_ascii=False, indent=2))
            return
        table = [
            [
                str(i["name"]),
                ", ".join(i["aliases"]),  # type: ignore[arg-type]
                str(i["seeds"] or ""),
                str(len(i["feeds"])),  # type: ignore[arg-type]
                str(i["facts_known"]),
            ]
            for i in items
        ]
        click.echo(_table(table, ["company", "aliases", "seeds", "feeds", "facts known"]))


@entities.command("add")
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, metavar="ALIAS", help="Another name (repeatable).")
@global_options
@pass_ctx
def entities_add(c: _Context, name: str, aliases: tuple[str, ...]) -> None:
    """Add an [[entities]] entry to config.toml, keeping its comments and layout."""
    from watcher.config import add_entity
    from watcher.lock import edit_lock

    with _errors():
        path = c.settings.config_path
        # One editor at a time, as for feeds add/remove.
        with edit_lock(path):
            entity = add_entity(path, name, aliases=aliases)
        also = f" (also {', '.join(entity.aliases)})" if entity.aliases else ""
        click.echo(f"added {entity.name}{also} to {path}; {_RELOAD}")


@entities.command("remove")
@click.argument("name")
@global_options
@pass_ctx
def entities_remove(c: _Context, name: str) -> None:
    """Remove the [[entities]] entry with this name (or alias) from config.toml; its facts stay stored."""
    from watcher.config import remove_entity
    from watcher.lock import edit_lock

    with _errors():
        path = c.settings.config_path
        with edit_lock(path):
            entity = remove_entity(path, name)
        click.echo(f"removed {entity.name} from {path} (its facts stay in the database); {_RELOAD}")


@main.command()
@click.option(
    "--keep",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the demo's state in DIR (to open it with `watcher serve`) instead of removing it.",
)
@global_options
def demo(keep: Path | None) -> None:
    """Show the whole product offline: local news server, baseline, one cycle, alerts, status."""
    from watcher.demo import run_demo

    with _errors():
        sys.exit(run_demo(sys.stdout, keep=keep))


@main.command()
@click.option("--host", default=None, help="Address to listen on (default: [serve] host, 127.0.0.1).")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=None, help="Port (default: [serve] port, 8470)."
)
@global_options
@pass_ctx
def serve(c: _Context, host: str | None, port: int | None) -> None:
    """The review page: every company's state, its changes and sources; confirm or reject facts."""
    # The web layer loads here only: no other command imports Starlette, Jinja2 or uvicorn.
    from watcher.web.app import serve_forever
    from watcher.web.security import required_token

    with _errors():
        s = c.settings
        host = host or s.serve.host
        port = port or s.serve.port
        token = required_token(host, s.serve.token_env, dict(os.environ))
        # Upgraded once here, as any command that writes does; each request then opens its own connection.
        c.store().close()
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"watcher: review page on http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
        serve_forever(s, host, port, token)


# -- review: facts, reject, confirm, explain ----------------------------------------


@main.command("facts")
@click.option("--entity", help="Only this entity (case does not matter).")
@click.option("--pending", is_flag=True, help="Only facts waiting for corroboration.")
@click.option(
    "--all", "show_all", is_flag=True, help="Also re-reports, rejected, implausible and dropped facts."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_ctx
def facts_cmd(c: _Context, entity: str | None, pending: bool, show_all: bool, as_json: bool) -> None:
    """List known facts with id, confidence, sources and state (for `reject` and `confirm`)."""
    from watcher.render import format_money
    from watcher.review import listed_facts

    with _errors():
        name = entity_name(c.settings, entity) if entity else None
        with c.reader() as store:
            rows = listed_facts(store, name, pending=pending, show_all=show_all)
        if as_json:
            out = [stored_fact_json(sf) for sf in rows]
            click.echo(json.dumps(out, ensure_ascii=False, indent=2))
            return
        if not rows:
            click.echo("no facts" + (" waiting for corroboration" if pending else ""))
            return
        table = [
            [
                str(sf.id),
                sf.entity,
                sf.period or "",
                sf.fact.kind,
                format_money(sf.fact.money),
                sf.fact.status,
                f"{sf.fact.confidence:.2f}",
                str(sf.sources),
                sf.state + (f" (#{sf.corroborates})" if sf.corroborates else ""),
                sf.note,
            ]
            for sf in rows
        ]
        headers = ["id", "entity", "date", "kind", "amount", "status", "conf.", "sources", "state", "why"]
        click.echo(_table(table, headers))


@main.command()
@click.argument("ident", metavar="ID")
@click.option("--reason", default="", help="Why it is wrong (kept with the rejection).")
@pass_ctx
def reject(c: _Context, ident: str, reason: str) -> None:
    """Reject a wrong fact (ID or fact:ID) or change (change:ID): it stops counting, sends nothing."""
    from watcher.review import parse_target
    from watcher.review import reject as do_reject

    with _errors():
        target, number = parse_target(ident)
        with c.store() as store:
            result = do_reject(store, target, number, reason, datetime.now(UTC))
        ids = ", ".join(f"#{i}" for i in result.facts)
        click.echo(f"rejected {target} #{number}: fact(s) {ids} no longer count; no alert is sent")


@main.command()
@click.argument("ident", metavar="ID")
@pass_ctx
def confirm(c: _Context, ident: str) -> None:
    """Confirm a fact (ID or fact:ID) or change (change:ID); a fact still waiting is alerted now."""
    from watcher.review import confirm as do_confirm
    from watcher.review import parse_target

    with _errors():
        target, number = parse_target(ident)
        with c.store() as store:
            result = do_confirm(store, c.settings, target, number, datetime.now(UTC))
        click.echo(f"confirmed {target} #{number}")
        for ch in result.changes:
            click.echo(f"  change queued: {change_line(ch)}")


@main.command()
@click.argument("url")
@pass_ctx
def explain(c: _Context, url: str) -> None:
    """Show what one article gives: its text's source, every money mention and each decision."""
    from watcher.pipeline import explain_article
    from watcher.render import format_money

    with _errors():
        with c.reader() as store:
            report = explain_article(c.settings, store, url, now=datetime.now(UTC))
        read = "already read by a cycle" if report.stored else "not read by a cycle yet"
        click.echo(f"{report.url}\n  title: {report.title}\n  published: {report.published or 'unknown'}")
        click.echo(f"  text from: {report.text_source}; language: {report.language or 'unknown'}; {read}")
        if not report.named:
            # A few of the tracked names, not 10,000 of them on one line.
            tracked = [e.name for e in c.settings.entities]
            names = ", ".join(tracked[:5]) + (f" and {len(tracked) - 5:,} more" if len(tracked) > 5 else "")
            click.echo(
                f"  names no tracked company ({names}) by name or alias: a cycle reads no facts from it,"
                " nothing to decide"
            )
        elif not report.mentions:
            click.echo("  no money mentioned")
        for m in report.mentions:
            if m.fact is None:
                click.echo(f"  {m.entity}: {m.text!r}: dropped: {m.note}")
                continue
            f = m.fact
            round_ = f" {f.round}" if f.round else ""
            click.echo(
                f"  {m.entity}: {m.text!r}: {f.kind}{round_} {format_money(f.money)} {f.status}, {f.context},"
                f" confidence {f.confidence:.2f} -> {m.outcome}: {m.note}"
            )
            if f.reasons:
                click.echo(f"      because: {'; '.join(f.reasons)}")
