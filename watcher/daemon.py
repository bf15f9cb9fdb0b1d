"""``watcher run``: the long-running service.

APScheduler runs one job per feed at its interval (with jitter), each only marking its
feed as due; a single poll job drains the due set in one concurrent cycle, so the store
has one writer for polling and feeds are fetched in parallel. Delivery, heartbeat and
retention are jobs of their own. Every job has ``max_instances=1`` and coalescing: a
slow cycle never piles up runs, and runs missed during a suspend run once.

One daemon per database: an exclusive ``flock`` on ``<db>.lock``. The kernel releases it
when the process dies, so a lock left by a kill -9 is simply taken over.
"""

from __future__ import annotations

import logging
import os
import random
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import TYPE_CHECKING

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from watcher.alerts import Channel, build_channels
from watcher.articles import ExtractionPool
from watcher.config import load_config
from watcher.delivery import DeliveryReport, abandon_in_flight, deliver_due, sending_section
from watcher.digest import queue_digest_if_due
from watcher.errors import ConfigError, LockedError, SchemaError, WatcherError
from watcher.ledger import load_domain_list
from watcher.lock import DaemonLock as DaemonLock  # part of this module's API
from watcher.pipeline import CycleReport, CycleRunner, load_baseline
from watcher.render import format_kind, format_money, format_round, plural
from watcher.settings import Settings
from watcher.store import HEARTBEAT_KEY, NEXT_CYCLE_KEY, PID_KEY, STOPPED_KEY, MigrationReport, Store

if TYPE_CHECKING:
    from watcher.jobs.scheduler import JobScheduler

log = logging.getLogger("watcher.daemon")

HEARTBEAT_SECONDS = 10.0
DELIVERY_SECONDS = 5.0
POLL_TICK_SECONDS = 2.0
# How often the main loop looks at what the signal handlers noted (a stop, a log reopen).
_SIGNAL_POLL_SECONDS = 0.1
_CYCLE_EXECUTOR = "cycle"

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _log_upgrade(report: MigrationReport) -> None:
    if report.upgraded:
        log.warning(
            "upgraded the database %s (applied: %s); the database as it was is kept in %s",
            report.path,
            ", ".join(report.applied) or "none",
            report.backup,
        )


def _one_line(e: object) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def reopen_log_files() -> list[str]:
    """Close every log file of the root logger; each reopens (by name) at its next line.

    After logrotate moved the file away, the next line goes to a new file at the old name.
    """
    from watcher.logfile import FallbackFileHandler

    names = []
    for handler in logging.getLogger().handlers:
        if isinstance(handler, FallbackFileHandler):
            handler.reopen()  # and writes again if it had given up (a disk freed meanwhile)
            names.append(handler.baseFilename)
        elif isinstance(handler, logging.FileHandler):
            handler.close()
            names.append(handler.baseFilename)
    return names


@dataclass
class _FeedState:
    outcome: str = ""
    error: str | None = None


@dataclass
class _IdleCycles:
    """The cycles that found nothing since the last line that said so."""

    since: float  # monotonic
    cycles: int = 0
    polls: int = 0
    not_modified: int = 0
    failing: int = 0


class Daemon:
    def __init__(
        self,
        settings: Settings,
        *,
        channels: dict[str, Channel] | None = None,
        clock: Clock = _utc_now,
        on_upgrade: Callable[[MigrationReport], None] = _log_upgrade,
    ):
        self.settings = settings
        self.on_upgrade = on_upgrade
        # Set by a job that found the database upgraded by a newer watcher: the daemon stops.
        self.fatal: SchemaError | None = None
        self.channels = channels if channels is not None else build_channels(settings.alerts)
        self.clock = clock
        self.stop_event = threading.Event()
        self._stop_requested: float | None = None  # monotonic time of the signal
        self._running = 0  # jobs in flight, for a stop that waits for them and no longer
        self._running_changed = threading.Condition()
        self._clean_stop: bool | None = None
        # Set by signal handlers, read by the main loop: plain attributes, never a lock (see _on_signal).
        self._signal_received: int | None = None
        self._reopen_logs = False
        self._due: set[str] = set()
        self._due_lock = threading.Lock()
        self._feed_states: dict[str, _FeedState] = {}
        # Cycles that found nothing are folded into one line per round of the feeds (the
        # shortest interval): a poll tick every few seconds must not write a line each.
        self._idle_window = max(
            min((f.interval or settings.interval for f in settings.feeds), default=settings.interval),
            POLL_TICK_SECONDS,
        )
        self._idle = _IdleCycles(time.monotonic())
        self.lock = DaemonLock(settings.lock_path)
        # One pool of extraction workers for the daemon's life: starting them costs ~0.3 s each.
        self.pool = ExtractionPool(settings.http)
        # And one event loop, thread pool and HTTP client: a flat daemon, connections kept alive.
        self.runner = CycleRunner(settings)
        # With PostgreSQL: the elected scheduler's queue (feeds and articles go to workers).
        self.jobs: JobScheduler | None = None
        # The last error of each job, said once until the job works again.
        self._job_errors: dict[str, str] = {}

    # -- jobs ----------------------------------------------------------------

    def mark_due(self, url: str) -> None:
        with self._due_lock:
            self._due.add(url)

    def poll_due(self) -> CycleReport | None:
        with self._due_lock:
            due, self._due = sorted(self._due), set()
        if not due or self.stop_event.is_set():
            return None
        try:
            report = self.cycle(due)
        except WatcherError:
            # PostgreSQL away (a restart, a failover): the feeds are tried again at the next tick,
            # not left until their next interval. (A SQLite file's error is no passing outage.)
            if self.settings.postgres:
                with self._due_lock:
                    self._due.update(due)
            raise
        if report.changes:
            # Within seconds of the news, not at the next delivery tick; if a round is
            # already running, it or the next tick takes these rows, and polling goes on.
            self.deliver(wait=False)
        return report

    def cycle(self, feed_urls: list[str] | None = None) -> CycleReport:
        now = self.clock()
        fanout = None
        if self.jobs is not None:
            self.jobs.check()
            fanout = self.jobs.fanout
        with Store(self.settings.db) as store:
            report = self.runner.run(store, now=now, feed_urls=feed_urls, pool=self.pool, fanout=fanout)
        self._log_cycle(report)
        return report

    def deliver(self, *, wait: bool = True) -> DeliveryReport:
        with Store(self.settings.db) as store:
            report = deliver_due(
                self.settings, store, self.channels, clock=self.clock, stop=self.stop_event, wait=wait
            )
        if report.sent or report.failed or report.dead:
            log.info("alerts: %d sent, %d failed, %d dead", report.sent, report.failed, report.dead)
        return report

    def heartbeat(self, next_cycle: datetime | None = None) -> None:
        if self.stop_event.is_set():
            return  # a beat after the stop mark would make status say "running" again
        with Store(self.settings.db) as store:
            store.set_meta(HEARTBEAT_KEY, self.clock().isoformat())
            store.set_meta(PID_KEY, str(os.getpid()))
            if next_cycle is not None:
                store.set_meta(NEXT_CYCLE_KEY, next_cycle.isoformat())

    def digest(self) -> None:
        """Queue the daily digest when its time has come (once a day; delivery sends it)."""
        with Store(self.settings.db) as store:
            if queue_digest_if_due(self.settings, store, self.clock()):
                log.info("digest: queued today's digest")

    def mark_stopped(self) -> None:
        """Tell status at once that this daemon is gone (a clean stop, not a silent death)."""
        if self.fatal is not None:
            return  # the database is a newer watcher's: this one writes nothing more to it
        try:
            with Store(self.settings.db) as store:
                store.set_meta(STOPPED_KEY, self.clock().isoformat())
        except WatcherError as e:
            log.warning("could not mark the daemon stopped: %s", e)

    def prune(self) -> None:
        with Store(self.settings.db) as store:
            removed = store.prune_entries(self.clock() - timedelta(days=self.settings.retention_days))
        if removed:
            log.info(
                "retention: forgot %d feed entries older than %d days", removed, self.settings.retention_days
            )

    def _log_cycle(self, report: CycleReport) -> None:
        """Lines for what happened: feeds that start failing or recover, changes, and cycles that
        found something. Cycles that found nothing make one line per round of the feeds."""
        news = bool(
            report.entries_new
            or report.articles_fetched
            or report.facts
            or report.changes
            or report.alerts_enqueued
            or report.articles_failed
        )
        # Log a feed's trouble once when its state changes, not on every failed cycle.
        for f in report.feeds:
            state = self._feed_states.setdefault(f.url, _FeedState())
            if f.outcome == "deferred":
                continue  # held back by its back-off: neither a new failure nor a recovery
            failing = f.outcome == "failed"
            was_failing = state.outcome == "failed"
            if failing and (not was_failing or state.error != f.error):
                log.warning("feed %s failing: %s", f.name or f.url, f.error)
                news = True
            elif not failing and was_failing:
                log.warning("feed %s recovered", f.name or f.url)
                news = True
            state.outcome, state.error = f.outcome, f.error
        for ch in report.changes:
            # The amounts as people read them ("EUR 1.7bn"), as in the alerts, not 1700000000.
            old = f"{format_money(ch.old)} -> " if ch.old is not None and ch.kind != "new_round" else ""
            round_ = f" {format_round(ch.round)}" if ch.round else ""
            log.info(
                "change: %s: %s%s %s%s (%s)",
                ch.entity,
                format_kind(ch.kind),
                round_,
                old,
                format_money(ch.new),
                ch.status,
            )
        line = (
            "cycle: %s, %s, %s, %s, %s",
            plural(len(report.feeds), "feed"),
            plural(report.entries_new, "new entry", "new entries"),
            plural(report.articles_fetched, "article"),
            plural(report.facts, "fact"),
            plural(len(report.changes), "change"),
        )
        if news:
            log.info(*line)
            self._idle = _IdleCycles(time.monotonic())
            return
        log.debug(*line)
        idle = self._idle
        idle.cycles += 1
        idle.polls += len(report.feeds) - report.count("deferred")  # a deferred feed is not asked
        idle.not_modified += report.count("not_modified")
        idle.failing = sum(1 for st in self._feed_states.values() if st.outcome == "failed")
        now = time.monotonic()
        if now - idle.since >= self._idle_window:
            still = ""
            if idle.failing:
                still = f"; {plural(idle.failing, 'feed')} still failing"
            log.info(
                "cycles: nothing new in the last %.0f s (%d cycles, %d feed polls, %d not modified)%s",
                now - idle.since,
                idle.cycles,
                idle.polls,
                idle.not_modified,
                still,
            )
            self._idle = _IdleCycles(now)

    def _job_failed(self, name: str, error: str) -> None:
        """One line per job and error: a database away for a while fails every tick the same way."""
        if self._job_errors.get(name) == error:
            log.debug("%s: %s (again)", name, error)
            return
        self._job_errors[name] = error
        log.error("%s: %s", name, error)

    def _guard(self, name: str, job: Callable[[], object]) -> Callable[[], None]:
        """A job that logs one line per error instead of letting the scheduler print tracebacks,
        does not start once stopping, and is counted so the stop can wait for it."""

        def run() -> None:
            if self.stop_event.is_set():
                return
            with self._running_changed:
                self._running += 1
            try:
                done = job()
                # A poll tick with no feed due touched nothing: it says nothing of a failure's end.
                idle = name == "poll" and done is None
                if not idle and self._job_errors.pop(name, None) is not None:
                    log.warning("%s: working again", name)
            except SchemaError as e:
                # A newer watcher upgraded the database under this one: every job would fail
                # the same way, so stop with one line rather than one per job.
                if self.fatal is None:
                    self.fatal = e
                    log.error("%s; stopping", e)
                self.stop_event.set()
            except WatcherError as e:
                self._job_failed(name, str(e))
            except Exception as e:
                if self.stop_event.is_set():
                    # What a job interrupted by the stop raises (a closed executor) is no news.
                    log.info("%s: interrupted by the stop (%s)", name, _one_line(e))
                else:
                    self._job_failed(name, f"unexpected {type(e).__name__}: {_one_line(e)}")
                    log.debug("%s: traceback", name, exc_info=True)
            finally:
                with self._running_changed:
                    self._running -= 1
                    self._running_changed.notify_all()

        return run

    # -- lifecycle -------------------------------------------------------------

    def upgrade(self) -> None:
        """Bring an older database to this version's schema (after a backup) before any job runs;
        a database of a newer watcher stops the start (SchemaError)."""
        with Store(self.settings.db, migrate=False) as store:
            if store.needs_upgrade:
                self.on_upgrade(store.migrate())

    def load_baseline(self) -> None:
        """Make sure the seeds are known before any news is compared with them (idempotent)."""
        # Read in the daemon's workers when its cycles read articles there anyway; a scheduler
        # whose articles go to `watcher worker` processes would keep workers for the seeds alone.
        pool = self.pool if self.jobs is None else None
        with Store(self.settings.db) as store:
            docs = load_baseline(self.settings, store, now=self.clock(), pool=pool)
        loaded = [d for d in docs if d.status != "unchanged"]
        if loaded:
            log.info("baseline: loaded %d seed documents", len(loaded))

    def _acquire_lock(self) -> None:
        """Take the database lock; without it, release the loop and workers made for this daemon."""
        try:
            self.lock.acquire()
        except BaseException:
            # An unclosed event loop left to the exit's garbage collection can print a traceback.
            self.runner.close()
            self.pool.close()
            raise
        if self.settings.postgres:
            # One scheduler per database, whichever machine: a second waits here to take over.
            from watcher.jobs.scheduler import JobScheduler

            jobs = JobScheduler(self.settings, self.runner, self.stop_event)
            try:
                elected = jobs.acquire()
            except BaseException:
                self._close()
                raise
            if not elected:
                self._close()
                raise LockedError(f"{self.settings.db}: stopped while standing by for the scheduler's lock")
            self.jobs = jobs

    def _close(self) -> None:
        """Give up the scheduler's lock and queue, the loop and workers, then the database lock."""
        if self.jobs is not None:
            self.jobs.release()
            self.jobs = None
        self.runner.close()
        self.pool.close()
        self.lock.release()

    def run_once(self) -> tuple[CycleReport, DeliveryReport]:
        self._acquire_lock()
        opened = False
        try:
            self.upgrade()
            self.load_baseline()
            opened = True  # the database is usable: worth marking the stop in it
            self.heartbeat()
            report = self.cycle()
            if self.settings.alerts.digest is not None:
                self.digest()
            delivered = self.deliver()
            return report, delivered
        finally:
            self.stop_event.set()
            if opened:
                self.mark_stopped()
            self._close()

    def run_forever(self) -> int:
        self._acquire_lock()
        try:
            code = self._serve()
            # Still holding the lock: no second daemon starts while a job of this one runs.
            self.wait_for_jobs()
            return code
        finally:
            self._close()

    def _serve(self) -> int:
        s = self.settings
        # Fail at start, not in a job, if the database or a seed folder is unusable.
        self.upgrade()
        self.load_baseline()
        # Built once up front rather than at the first article: a step in memory then, not growth later.
        load_domain_list()
        scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1},
            # Cycles always run on one thread of their own: glibc gives each thread that allocates
            # its own memory arena, and cycles hopping across ten threads grew the process for hours.
            executors={"default": ThreadPoolExecutor(4), _CYCLE_EXECUTOR: ThreadPoolExecutor(1)},
        )
        now = self.clock()
        for f in s.feeds:
            self._schedule_feed(scheduler, f.url, f.interval or s.interval, now)
        scheduler.add_job(
            self._guard("poll", self.poll_due),
            IntervalTrigger(seconds=POLL_TICK_SECONDS),
            id="poll",
            executor=_CYCLE_EXECUTOR,
            misfire_grace_time=60,
        )
        scheduler.add_job(
            self._guard("deliver", self.deliver),
            IntervalTrigger(seconds=DELIVERY_SECONDS),
            id="deliver",
            next_run_time=now,
            misfire_grace_time=60,
        )
        scheduler.add_job(
            self._guard("heartbeat", self._beat),
            IntervalTrigger(seconds=HEARTBEAT_SECONDS),
            id="heartbeat",
            next_run_time=now,
            misfire_grace_time=60,
        )
        scheduler.add_job(
            self._guard("retention", self.prune),
            IntervalTrigger(hours=24),
            id="retention",
            next_run_time=now + timedelta(minutes=1),
            misfire_grace_time=3600,
        )
        if s.alerts.digest is not None:
            scheduler.add_job(
                self._guard("digest", self.digest),
                IntervalTrigger(minutes=1),
                id="digest",
                next_run_time=now,
                misfire_grace_time=3600,
            )
        self._scheduler = scheduler

        previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, self._on_hangup)
        log.info("watcher daemon started (pid %d): %d feeds, db %s", os.getpid(), len(s.feeds), s.db)
        scheduler.start()
        try:
            while not self.stop_event.wait(_SIGNAL_POLL_SECONDS):
                if self._signal_received is not None:
                    log.info("received %s", signal.Signals(self._signal_received).name)
                    self.stop_event.set()
                    break
                if self._reopen_logs:
                    self._reopen_logs = False
                    reopened = reopen_log_files()
                    if reopened:
                        log.warning("SIGHUP: reopened the log file %s", ", ".join(reopened))
                    self.reload_config()
        finally:
            log.info("stopping")
            scheduler.shutdown(wait=False)
            self.mark_stopped()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return 1 if self.fatal is not None else 0

    def _schedule_feed(
        self, scheduler: BackgroundScheduler, url: str, interval: float, now: datetime
    ) -> None:
        # Spread first polls and keep them apart: 200 feeds must not fire in the same second.
        jitter = min(interval * 0.1, 120.0)
        first = now + timedelta(seconds=random.uniform(0, min(interval, 30.0)))
        scheduler.add_job(
            self.mark_due,
            IntervalTrigger(seconds=interval, jitter=jitter, timezone=UTC),
            args=[url],
            id=f"feed:{url}",
            next_run_time=first,
            misfire_grace_time=int(interval),
            replace_existing=True,
        )

    def reload_config(self) -> bool:
        """Read the configuration file again and apply its feeds and companies (SIGHUP).

        A file with a mistake changes nothing: the running configuration is kept and one
        line says why. Other settings ([http], [alerts], db...) wait for a restart, and a
        line says so when they changed. A cycle already running finishes with what it had.
        """
        old = self.settings
        try:
            new = load_config(old.config_path)
        except ConfigError as e:
            mistakes = str(e).splitlines()
            more = f" (and {len(mistakes) - 1} more)" if len(mistakes) > 1 else ""
            log.error(
                "SIGHUP: configuration not reloaded, the running one is kept: %s%s; "
                "`watcher check-config` lists every mistake",
                mistakes[0] if mistakes else e,
                more,
            )
            return False
        applied = replace(old, entities=new.entities, feeds=new.feeds)
        if replace(new, entities=old.entities, feeds=old.feeds) != old:
            log.warning(
                "SIGHUP: only feeds and companies are applied now; restart the daemon for the other "
                "changed settings"
            )
        before = {f.url: f for f in old.feeds}
        after = {f.url: f for f in new.feeds}
        now = self.clock()
        scheduler = getattr(self, "_scheduler", None)
        if scheduler is not None:
            for url in before.keys() - after.keys():
                scheduler.remove_job(f"feed:{url}")
            for url, f in after.items():
                interval = f.interval or old.interval  # [watcher] interval waits for a restart
                was = before.get(url)
                if was is None or (was.interval or old.interval) != interval:
                    self._schedule_feed(scheduler, url, interval, now)
        with self._due_lock:
            self._due &= after.keys()
        self.settings = applied
        self.runner.settings = applied
        self._idle_window = max(
            min((f.interval or old.interval for f in new.feeds), default=old.interval), POLL_TICK_SECONDS
        )
        companies_before = {e.name for e in old.entities}
        companies_after = {e.name for e in new.entities}
        log.warning(
            "SIGHUP: configuration reloaded: %s (%d added, %d removed), %s (%d added, %d removed)",
            plural(len(after), "feed"),
            len(after.keys() - before.keys()),
            len(before.keys() - after.keys()),
            plural(len(companies_after), "company", "companies"),
            len(companies_after - companies_before),
            len(companies_before - companies_after),
        )
        if new.entities != old.entities and scheduler is not None:
            # A new company's seeds are its baseline before any news about it is compared;
            # on the cycle's own thread, so no cycle runs before it.
            scheduler.add_job(self._guard("baseline", self.load_baseline), executor=_CYCLE_EXECUTOR)
        return True

    def _beat(self) -> None:
        jobs = [
            j.next_run_time
            for j in self._scheduler.get_jobs()
            if j.id.startswith("feed:") and j.next_run_time
        ]
        self.heartbeat(min(jobs) if jobs else None)

    def _on_hangup(self, signum: int, frame: FrameType | None) -> None:
        # Only a flag: closing a handler inside a signal handler could cut a line being written.
        self._reopen_logs = True

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # Only plain assignments. The handler runs in the main thread between two bytecodes,
        # possibly inside stop_event.wait() while that thread holds the event's own lock:
        # stop_event.set() here would wait for that lock forever (jobs never saw the stop and
        # the daemon hung), and a log line could re-enter a stream write cut in the middle.
        # The main loop turns the flag into the stop within _SIGNAL_POLL_SECONDS.
        if self._stop_requested is None:
            self._stop_requested = time.monotonic()
        self._signal_received = signum

    def wait_for_jobs(self) -> bool:
        """After stop: wait for running jobs until ``stop_timeout`` from the signal.

        True if they all finished. False if one is still running: the caller then exits
        at once (transactions make abandoning a cycle safe). No new send starts after the
        deadline; a send still waiting for its channel's answer then (a hung SMTP server)
        is abandoned and its claim given back, so the next deliverer sends it at once, and
        once: a server that never answered had not taken the message.
        """
        if self._clean_stop is not None:
            return self._clean_stop
        self._clean_stop = self._wait_for_jobs()
        return self._clean_stop

    def _wait_for_jobs(self) -> bool:
        started = self._stop_requested if self._stop_requested is not None else time.monotonic()
        deadline = started + self.settings.stop_timeout
        with self._running_changed:
            while self._running:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._running_changed.wait(left)
            if not self._running:
                return True
        # Kept until the process exits, so no other send can begin.
        section = sending_section()
        if not section.acquire(blocking=False) and not self._abandon_send():
            # Between an answer and its mark (a moment): never cut the two apart.
            section.acquire()
        return False

    def _abandon_send(self) -> bool:
        """Give back the claim of a send still waiting for its channel's answer; False if none is."""
        try:
            with Store(self.settings.db) as store:
                alert_id = abandon_in_flight(store)
        except WatcherError as e:
            log.warning(
                "stopping: an alert is still on its way and its claim could not be given back (%s);"
                " it is sent again when its lease runs out",
                e,
            )
            return True
        if alert_id is None:
            return False
        log.warning(
            "stopping: alert %d got no answer from its channel within stop_timeout; abandoned,"
            " the next delivery sends it",
            alert_id,
        )
        # An answer that arrives meanwhile still gets its mark written, if it can be in a moment.
        sending_section().acquire(timeout=0.25)
        return True
