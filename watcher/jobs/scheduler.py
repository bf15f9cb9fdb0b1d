"""The scheduler's hold on a PostgreSQL install: elected by a database lock (one ``watcher
run`` schedules; another waits, and takes over when the first's connection ends), with the
queue open on the cycles' event loop for the jobs of each cycle."""

from __future__ import annotations

import logging
import threading

from procrastinate import App

from watcher.errors import LockedError, StoreError
from watcher.jobs.fanout import JobFanout
from watcher.jobs.tasks import make_app
from watcher.jobs.worker import prepare_queue
from watcher.pipeline import CycleRunner, Fanout
from watcher.settings import Settings
from watcher.store import Store
from watcher.store.queue import try_scheduler_lock

log = logging.getLogger("watcher.jobs")

# How often a standby asks for the lock: a dead scheduler is replaced within this.
STANDBY_SECONDS = 2.0


class JobScheduler:
    def __init__(self, settings: Settings, runner: CycleRunner, stop: threading.Event):
        assert isinstance(settings.db, str)
        self.settings = settings
        self.runner = runner
        self.stop = stop
        self._lock_store: Store | None = None
        self._app: App | None = None
        self._fanout: JobFanout | None = None

    def acquire(self) -> bool:
        """Wait to be the scheduler (False: stopped while waiting), then open the queue."""
        url = self.settings.db
        assert isinstance(url, str)
        store = Store(url)
        told = False
        while not try_scheduler_lock(store):
            if not told:
                log.warning("another `watcher run` schedules %s; standing by to take over", store.where)
                told = True
            if self.stop.wait(STANDBY_SECONDS):
                store.close()
                return False
        self._lock_store = store
        if told:
            log.warning("now the scheduler of %s", store.where)
        prepare_queue(url)
        app = make_app(url)
        self.runner.in_loop(lambda: app.open_async())
        self._app = app
        self._fanout = JobFanout(self.settings, app)
        return True

    @property
    def fanout(self) -> Fanout:
        assert self._fanout is not None
        return self._fanout.fanout()

    def check(self) -> None:
        """Still the scheduler? A connection PostgreSQL dropped (a restart) lost the lock with it:
        it is taken again unless a standby took it first, in which case this one stops."""
        store = self._lock_store
        if store is None:
            return
        try:
            store._rows("SELECT 1 AS one")
            return
        except StoreError:
            store.close()
            self._lock_store = None
        store = Store(self.settings.db)  # still away: StoreError, the cycle waits for the next tick
        if not try_scheduler_lock(store):
            store.close()
            self.stop.set()
            raise LockedError(f"{store.where}: another `watcher run` took over as scheduler; stopping")
        self._lock_store = store
        log.warning("the scheduler's lock of %s is held again", store.where)

    def release(self) -> None:
        if self._fanout is not None:
            self._fanout.close()
        if self._app is not None:
            app = self._app
            self.runner.in_loop(lambda: app.close_async())
        if self._lock_store is not None:
            self._lock_store.close()  # the lock ends with the session: a standby takes over
