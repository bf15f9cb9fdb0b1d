"""Beyond one machine (PostgreSQL + procrastinate), with real parts: a real PostgreSQL, a local
news site, a local SMTP server and a local webhook, and separate `watcher` processes.

One scheduler (`watcher run --once`), two `watcher worker` processes and two more deliverers
(`watcher alerts send`) give exactly the changes `watcher poll` records on SQLite in one
process, and every alert reaches the SMTP server and the webhook once; so does the Mistral
replay of ../shared (skipped where it is absent), batch by batch. Deciding is one job per
company, one at a time per company (procrastinate's lock). Faults: a worker killed while
reading, a worker killed while deciding, the scheduler killed (a standby takes over),
PostgreSQL stopped for 20 s.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import psycopg
import pytest
from aiosmtpd.controller import Controller
from procrastinate.jobs import Job, Status
from procrastinate.types import JSONValue
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import watcher.ledger
from tests.newsroom import page, rss
from tests.pgserver import PgServer
from tests.test_channels import Recorder, free_port
from tests.test_isolation import RIVALS, decision_broken_for, publish_rivals
from tests.test_pipeline import ROOT, Newsroom, publish, settings_for
from tests.test_pipeline import newsroom as newsroom  # the fixture, shared
from watcher import articles, feeds
from watcher.diff import diff_against_known
from watcher.errors import DecideJobFailed
from watcher.jobs import codec
from watcher.jobs.fanout import JobFanout
from watcher.jobs.tasks import JOB_TRIES, QUEUE, WorkerState, decide_company, decide_job, make_app
from watcher.jobs.worker import prepare_queue
from watcher.ledger import ArticleFacts
from watcher.models import Fact
from watcher.pipeline import CycleReport, load_baseline, run_cycle, run_cycle_async
from watcher.settings import Settings
from watcher.store import NewDocument, Store
from watcher.store.queue import take_results

WATCHER = [sys.executable, "-m", "watcher"]


class Hook:
    """A local webhook keeping every body it was sent."""

    def __init__(self) -> None:
        self.server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
        self.bodies: list[str] = []
        self.lock = threading.Lock()
        self.server.expect_request("/hook", method="POST").respond_with_handler(self.handle)
        self.server.start()

    def handle(self, request: Request) -> Response:
        with self.lock:
            self.bodies.append(request.get_data(as_text=True))
        return Response("ok")


@pytest.fixture
def hook() -> Iterator[Hook]:
    h = Hook()
    yield h
    h.server.stop()


@pytest.fixture
def smtp() -> Iterator[tuple[Recorder, int]]:
    recorder = Recorder()
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port, ready_timeout=5)
    controller.start()
    yield recorder, port
    controller.stop()


# Two more companies, named in the competitor's article (which names Mistral AI too): three
# companies to decide, on different workers at once, one article shared by all three.
COMPANIES = """
[[entities]]
name = "xAI"

[[entities]]
name = "Anthropic"
"""


def _config(tmp_path: Path, room: Newsroom, db: str, alerts: str = "", companies: str = "") -> Path:
    folder = tmp_path / db.rsplit("/", 1)[-1].replace(".", "_")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", folder / "seeds", dirs_exist_ok=True)
    path = folder / "config.toml"
    path.write_text(
        f"""[watcher]
db = "{db}"
interval = "10m"

[[entities]]
name = "Mistral AI"
aliases = ["Mistral"]
seeds = "seeds"
{companies}
[[feeds]]
url = "{room.url("/en.xml")}"
name = "en"

[[feeds]]
url = "{room.url("/fr.xml")}"
name = "fr"

[http]
allow_private = ["127.0.0.1"]  # the local news site, SMTP server and webhook
{alerts}""",
        encoding="utf-8",
    )
    return path


def _changes(db: Path | str) -> list[tuple[str, ...]]:
    with Store(db) as store:
        return sorted(
            (c.entity, c.kind, c.fact_kind, f"{c.new.amount} {c.new.currency}", c.status, c.url, c.title)
            for c in store.changes()
        )


def _run(config: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*WATCHER, "--config", str(config), *args], capture_output=True, text=True, timeout=timeout
    )


def _start(config: Path, *args: str, verbose: bool = True) -> subprocess.Popen[str]:
    """A watcher process in the background, its log in a file (a pipe nobody reads would fill
    and stop it); -vv so that the job lines are there to check."""
    log = config.parent / f"{args[0]}-{time.monotonic_ns()}.log"
    level = ["-vv"] if verbose else []
    with log.open("w") as err:
        proc = subprocess.Popen(
            [*WATCHER, "--config", str(config), *level, *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )
    _LOGS[proc.pid] = log
    return proc


_LOGS: dict[int, Path] = {}


def _log(proc: subprocess.Popen[str]) -> str:
    return _LOGS[proc.pid].read_text(errors="replace")


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return _log(proc)


def test_one_scheduler_two_workers_two_deliverers_give_the_one_process_changes_and_each_alert_once(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, hook: Hook, smtp: tuple[Recorder, int]
) -> None:
    publish(newsroom)
    # The reference: SQLite, one process.
    reference = _config(tmp_path, newsroom, str(tmp_path / "ref" / "watcher.db"), companies=COMPANIES)
    res = _run(reference, "poll")
    assert res.returncode == 0, res.stderr
    expected = _changes(tmp_path / "ref" / "watcher.db")
    # More than one company has changes: their decide jobs run on the two workers at once.
    assert len({c[0] for c in expected}) > 1, expected

    recorder, port = smtp
    alerts = f"""
[alerts.email]
host = "127.0.0.1"
port = {port}
tls = "none"
sender = "watcher@alerts.example.org"
recipients = ["analyst@example.org"]

[alerts.webhook]
url = "{hook.server.url_for("/hook")}"
"""
    config = _config(tmp_path, newsroom, pg_url, alerts, companies=COMPANIES)
    workers = [_start(config, "worker", "--concurrency", "2") for _ in range(2)]
    deliverers: list[subprocess.Popen[str]] = []
    try:
        scheduler = _start(config, "run", "--once")
        # Two more deliverers race the scheduler's own round for the same alerts.
        while scheduler.poll() is None:
            deliverers = [d for d in deliverers if d.poll() is None]
            while len(deliverers) < 2:
                deliverers.append(_start(config, "alerts", "send"))
            time.sleep(0.3)
        assert scheduler.wait() == 0, _log(scheduler)
        for d in deliverers:
            d.wait(timeout=120)
        assert _run(config, "alerts", "send").returncode == 0
    finally:
        errors = [_stop(w) for w in workers]
    assert _changes(pg_url) == expected, errors
    # The articles were read by the workers, not by the scheduler.
    done = [e.count("watcher:read_article") for e in errors]
    assert sum(done) > 0, errors
    # And decided there too, one job per company with facts.
    deciding = [line for e in errors for line in e.splitlines() if "deciding " in line]
    assert len(deciding) >= len({c[0] for c in expected}), errors

    # The text each article was read from crosses from the workers and is kept, as in one process.
    with Store(tmp_path / "ref" / "watcher.db") as ref:
        texts = {c.url: ref.document_text(c.url) for c in ref.changes()}
    assert texts and all(t is not None and t.text for t in texts.values())
    with Store(pg_url) as store:
        assert {url: store.document_text(url) for url in texts} == texts
        sent = Counter(r.channel for r in store.outbox("sent", limit=10_000))
        assert store.outbox_counts()["pending"] == 0
    assert sent["email"] == len(recorder.received) > 0
    assert sent["webhook"] == len(hook.bodies) > 0
    # Each alert once: no body twice.
    assert max(Counter(hook.bodies).values()) == 1
    assert max(Counter(r.content for r in recorder.received).values()) == 1
    assert all(json.loads(b) for b in hook.bodies)


class SlowRoom(Newsroom):
    """The news site, with article pages that take ``delay`` seconds: a worker is caught reading."""

    slow: frozenset[str] = frozenset()
    delay = 0.0

    def _handle(self, request: Request) -> Response:
        if request.path in self.slow:
            time.sleep(self.delay)
        return super()._handle(request)


ARTICLES = frozenset(
    {
        "/2025/09/mistral-series-c",
        "/2025/09/mistral-recap",
        "/2025/09/xai",
        "/2025/09/robots",
        "/2025/09/mistral-rumeur",
    }
)


def test_a_worker_killed_while_reading_loses_nothing_and_doubles_nothing(
    tmp_path: Path, httpserver: HTTPServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = SlowRoom(httpserver)
    publish(room)
    reference = _config(tmp_path, room, str(tmp_path / "ref" / "watcher.db"))
    assert _run(reference, "poll").returncode == 0
    expected = _changes(tmp_path / "ref" / "watcher.db")

    room.slow, room.delay = ARTICLES, 3.0
    room.hits.clear()
    # The scheduler hands on a silent worker's job after 6 s instead of 30.
    monkeypatch.setenv("WATCHER_JOB_STALLED_SECONDS", "6")
    config = _config(tmp_path, room, pg_url)
    first = _start(config, "worker", "--concurrency", "1")
    second: subprocess.Popen[str] | None = None
    try:
        scheduler = _start(config, "run", "--once")
        deadline = time.monotonic() + 120
        while not ARTICLES & set(room.hits):
            assert time.monotonic() < deadline and scheduler.poll() is None, "no article was read"
            time.sleep(0.05)
        first.kill()  # kill -9, in the middle of fetching and reading an article
        first.wait()
        second = _start(config, "worker", "--concurrency", "2")
        try:
            scheduler.wait(timeout=120)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the cycle never ended: {_log(scheduler)[-3000:]}") from None
        assert scheduler.returncode == 0, _log(scheduler)
        assert "given to another worker" in _log(scheduler)
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
        log = _stop(second) if second is not None else ""
    assert "watcher:read_article" in log
    assert _changes(pg_url) == expected
    with Store(pg_url) as store:
        # Each article stored once, each change once.
        docs = store._rows("SELECT url, COUNT(*) AS n FROM documents GROUP BY url HAVING COUNT(*) > 1")
        assert docs == []


def test_a_companys_decide_jobs_run_one_at_a_time_and_other_companies_beside_them(pg_url: str) -> None:
    from procrastinate.jobs import Status

    prepare_queue(pg_url)
    app = make_app(pg_url)

    async def go() -> None:
        async with app.open_async():
            for key, company in (("first", "Mistral AI"), ("second", "Mistral AI"), ("other", "xAI")):
                await decide_job(app, company).defer_async(
                    key=key, company=company, now="2025-09-20T00:00:00+00:00", articles=[]
                )
            manager = app.job_manager
            worker = await manager.register_worker()
            first = await manager.fetch_job([QUEUE], worker)
            assert first is not None and first.task_kwargs["key"] == "first"
            assert first.lock == "decide:Mistral AI"
            # While the company's first job runs, its second waits; another company's is given.
            other = await manager.fetch_job([QUEUE], worker)
            assert other is not None and other.task_kwargs["key"] == "other"
            assert await manager.fetch_job([QUEUE], worker) is None
            await manager.finish_job(other, Status.SUCCEEDED, delete_job=False)
            assert await manager.fetch_job([QUEUE], worker) is None
            # The first done, the second runs, in the order they were sent.
            await manager.finish_job(first, Status.SUCCEEDED, delete_job=False)
            second = await manager.fetch_job([QUEUE], worker)
            assert second is not None and second.task_kwargs["key"] == "second"

    asyncio.run(go())


def test_a_worker_killed_while_deciding_decides_again_and_alerts_once(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, hook: Hook, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(newsroom)
    alerts = f'\n[alerts.webhook]\nurl = "{hook.server.url_for("/hook")}"\n'
    reference = _config(tmp_path, newsroom, str(tmp_path / "ref" / "watcher.db"), alerts, COMPANIES)
    assert _run(reference, "poll").returncode == 0
    expected = _changes(tmp_path / "ref" / "watcher.db")
    with Store(tmp_path / "ref" / "watcher.db") as store:
        expected_outbox = sum(store.outbox_counts().values())
        expected_facts = store._rows("SELECT COUNT(*) AS n FROM facts")[0]["n"]
    hook.bodies.clear()

    # Each decide job waits 4 s before its commit: the worker is killed in the middle of one.
    monkeypatch.setenv("WATCHER_DECIDE_PAUSE_SECONDS", "4")
    monkeypatch.setenv("WATCHER_JOB_STALLED_SECONDS", "6")
    config = _config(tmp_path, newsroom, pg_url, alerts, COMPANIES)
    first = _start(config, "worker", "--concurrency", "1")
    second: subprocess.Popen[str] | None = None
    scheduler = _start(config, "run", "--once")
    try:
        deadline = time.monotonic() + 120
        while "deciding " not in _log(first):
            assert time.monotonic() < deadline and scheduler.poll() is None, _log(scheduler)[-3000:]
            time.sleep(0.05)
        first.kill()  # kill -9, inside the decide job's transaction
        first.wait()
        second = _start(config, "worker", "--concurrency", "2")
        try:
            scheduler.wait(timeout=180)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the cycle never ended: {_log(scheduler)[-3000:]}") from None
        assert scheduler.returncode == 0, _log(scheduler)
        assert "given to another worker" in _log(scheduler)
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
        log = _stop(second) if second is not None else ""
    assert "deciding " in log
    assert _changes(pg_url) == expected
    with Store(pg_url) as store:
        assert sum(store.outbox_counts().values()) == expected_outbox
        assert store._rows("SELECT COUNT(*) AS n FROM facts")[0]["n"] == expected_facts
        docs = store._rows("SELECT url, COUNT(*) AS n FROM documents GROUP BY url HAVING COUNT(*) > 1")
        assert docs == []
    # An alert once per change: the scheduler's delivery sent each message once.
    assert hook.bodies and max(Counter(hook.bodies).values()) == 1


def _counts(url: str) -> dict[str, int]:
    with Store(url) as store:
        return {
            table: int(store._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])
            for table in ("documents", "facts", "changes", "outbox")
        }


def test_a_decide_job_run_again_after_its_commit_decides_nothing_twice(
    tmp_path: Path, newsroom: Newsroom, pg_url: str
) -> None:
    settings = replace(settings_for(tmp_path, newsroom, []), db=pg_url)
    prepare_queue(pg_url)
    [mistral] = settings.entities
    url = "https://news.example.org/mistral-series-c"
    article = ArticleFacts(
        url=url,
        title="Mistral AI raises EUR 1.7 billion",
        published="2025-09-09",
        document=NewDocument(url, "Mistral AI raises EUR 1.7 billion", "2025-09-09", "h1", "en", "feed"),
        facts=((mistral, (Fact("funding_round", Decimal("1700000000"), "EUR", round="series_c"),)),),
    )
    items = codec.company_articles_to_json("Mistral AI", [article])
    now = datetime(2025, 9, 10, tzinfo=UTC)
    decide_company(settings, pg_url, "cycle:decide:Mistral AI", "Mistral AI", now, items)
    once = _counts(pg_url)
    assert once["changes"] >= 1 and once["outbox"] >= 1
    with Store(pg_url) as store:
        [report] = take_results(store, ["cycle:decide:Mistral AI"]).values()
    assert len(codec.report_from_json(report).changes) == once["changes"]
    # Its worker died before procrastinate heard it finished: the job runs again, and finds its mark.
    decide_company(settings, pg_url, "cycle:decide:Mistral AI", "Mistral AI", now, items)
    assert _counts(pg_url) == once
    # A worker whose config lacks the company writes nothing (the job reports the error line).
    with pytest.raises(ValueError, match="configs must be the same"):
        decide_company(settings, pg_url, "other:decide:Nobody", "Nobody", now, items)
    assert _counts(pg_url) == once


def _mistral_article(settings: Settings) -> list[dict[str, Any]]:
    """One article with a new round of Mistral AI, as a decide job carries it."""
    [mistral] = settings.entities
    url = "https://news.example.org/mistral-series-c"
    article = ArticleFacts(
        url=url,
        title="Mistral AI raises EUR 1.7 billion",
        published="2025-09-09",
        document=NewDocument(url, "Mistral AI raises EUR 1.7 billion", "2025-09-09", "h1", "en", "feed"),
        facts=((mistral, (Fact("funding_round", Decimal("1700000000"), "EUR", round="series_c"),)),),
    )
    return codec.company_articles_to_json("Mistral AI", [article])


class DecideWorker:
    """A real procrastinate worker in this process, running the queue's jobs until none is ready
    (``wait=False``), with a config the test can change between its runs (a worker brought into
    step); the jobs are kept, so their attempts can be read."""

    def __init__(self, url: str, settings: Settings):
        self.app = make_app(url)
        self.state = WorkerState(
            settings=settings,
            client=feeds.make_client(settings.http),
            pool=articles.ExtractionPool(settings.http, workers=0),
            limiter=articles.PageLimiter(settings.http),
            url=url,
        )

    async def run(self) -> None:
        await self.app.run_worker_async(
            queues=[QUEUE],
            concurrency=1,
            wait=False,
            listen_notify=False,
            delete_jobs="never",
            additional_context={"watcher": self.state},
        )

    async def job(self) -> Job:
        [job] = await self.app.job_manager.list_jobs_async(lock="decide:Mistral AI")
        return job

    async def run_when_due(self) -> None:
        """Run once the job's retry is due (procrastinate waits a second or more between tries)."""
        job = await self.job()
        while job.scheduled_at is not None and datetime.now(UTC) < job.scheduled_at:
            await asyncio.sleep(0.05)
        await self.run()


def _decided_once(tmp_path: Path, pg_server: PgServer, settings: Settings, now: datetime) -> dict[str, int]:
    """What deciding the article once writes, on a database of its own."""
    url = pg_server.new_database()
    prepare_queue(url)
    decide_company(
        replace(settings, db=url),
        url,
        "once:decide:Mistral AI",
        "Mistral AI",
        now,
        _mistral_article(settings),
    )
    return _counts(url)


def test_a_decide_job_the_database_fails_once_is_rolled_back_and_decides_its_facts_once_when_run_again(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, pg_server: PgServer
) -> None:
    settings = replace(settings_for(tmp_path, newsroom, []), db=pg_url)
    now = datetime(2025, 9, 10, tzinfo=UTC)
    expected = _decided_once(tmp_path, pg_server, settings, now)
    assert expected["documents"] == 1 and expected["changes"] >= 1 and expected["outbox"] >= 1
    prepare_queue(pg_url)
    # The database refuses the first alert the job writes, once (a sequence is not rolled back
    # with the transaction): the job has written the document, the facts and the changes by then.
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE SEQUENCE outbox_refusals")
        conn.execute(
            "CREATE FUNCTION refuse_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF nextval('outbox_refusals') = 1 THEN RAISE EXCEPTION 'the disk is full, say'; END IF;"
            " RETURN NEW; END $$"
        )
        conn.execute(
            "CREATE TRIGGER refuse_once BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_once()"
        )
    worker = DecideWorker(pg_url, settings)
    key = "cycle:decide:Mistral AI"

    async def go() -> None:
        async with worker.app.open_async():
            await decide_job(worker.app, "Mistral AI").defer_async(
                key=key,
                company="Mistral AI",
                now=now.isoformat(),
                articles=cast(JSONValue, _mistral_article(settings)),
            )
            await worker.run()
            job = await worker.job()
            # Failed once and rolled back whole: nothing of it is left, and it waits to run again.
            assert job.status == Status.TODO.value and job.attempts == 1
            assert _counts(pg_url) == {"documents": 0, "facts": 0, "changes": 0, "outbox": 0}
            await worker.run_when_due()
            job = await worker.job()
            assert job.status == Status.SUCCEEDED.value and job.attempts == 2  # two runs
        await worker.state.client.aclose()

    asyncio.run(go())
    assert _counts(pg_url) == expected
    with Store(pg_url) as store:
        [report] = take_results(store, [key]).values()
    assert len(codec.report_from_json(report).changes) == expected["changes"]


def test_a_decide_job_failing_on_a_worker_out_of_step_runs_again_and_decides_its_facts_once(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, pg_server: PgServer
) -> None:
    settings = replace(settings_for(tmp_path, newsroom, []), db=pg_url)
    now = datetime(2025, 9, 10, tzinfo=UTC)
    expected = _decided_once(tmp_path, pg_server, settings, now)
    prepare_queue(pg_url)
    # The worker's config lacks the company (configs out of step during an upgrade): its run of
    # the company's decide job raises, no fault of the database.
    worker = DecideWorker(pg_url, replace(settings, entities=()))
    key = "cycle:decide:Mistral AI"

    async def go() -> None:
        async with worker.app.open_async():
            await decide_job(worker.app, "Mistral AI").defer_async(
                key=key,
                company="Mistral AI",
                now=now.isoformat(),
                articles=cast(JSONValue, _mistral_article(settings)),
            )
            await worker.run()
            job = await worker.job()
            assert job.status == Status.TODO.value and job.attempts == 1
            with Store(pg_url) as store:
                assert take_results(store, [key]) == {}  # the scheduler goes on waiting
            worker.state.settings = settings  # brought into step
            await worker.run_when_due()
            job = await worker.job()
            assert job.status == Status.SUCCEEDED.value and job.attempts == 2  # two runs
        await worker.state.client.aclose()

    asyncio.run(go())
    assert _counts(pg_url) == expected
    with Store(pg_url) as store:
        [report] = take_results(store, [key]).values()
    assert len(codec.report_from_json(report).changes) == expected["changes"]


def test_a_decide_job_that_fails_every_time_reports_its_error_after_its_tries(
    tmp_path: Path, newsroom: Newsroom, pg_url: str
) -> None:
    settings = replace(settings_for(tmp_path, newsroom, []), db=pg_url)
    prepare_queue(pg_url)
    worker = DecideWorker(pg_url, replace(settings, entities=()))
    key = "cycle:decide:Mistral AI"

    async def go() -> None:
        async with worker.app.open_async():
            await decide_job(worker.app, "Mistral AI").defer_async(
                key=key,
                company="Mistral AI",
                now="2025-09-10T00:00:00+00:00",
                articles=cast(JSONValue, _mistral_article(settings)),
            )
            await worker.run()
            for _ in range(JOB_TRIES - 1):
                await worker.run_when_due()
            # Its last try leaves the error for the scheduler (whose cycle fails with it) and ends
            # the job: nothing waits for a job that will not run again.
            job = await worker.job()
            assert job.status == Status.SUCCEEDED.value and job.attempts == JOB_TRIES
        await worker.state.client.aclose()

    asyncio.run(go())
    with Store(pg_url) as store:
        [value] = take_results(store, [key]).values()
    with pytest.raises(DecideJobFailed, match=r"Mistral AI: ValueError: .*configs must be the same"):
        codec.report_from_json(value)
    assert _counts(pg_url) == {"documents": 0, "facts": 0, "changes": 0, "outbox": 0}


# -- a fetch or read job that fails every time ------------------------------------------------


async def _hurry_retries(url: str) -> None:
    """procrastinate's waits between a job's tries (1 s, 2 s, ... 20 s: 3.5 minutes in all) cut
    short: the same tries, run back to back, until cancelled."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        while True:
            await conn.execute(
                "UPDATE procrastinate_jobs SET scheduled_at = now()"
                " WHERE status = 'todo' AND scheduled_at > now()"
            )
            await asyncio.sleep(0.05)


def _refuse_results(url: str, condition: str) -> None:
    """The database refuses, every time, the job results (watcher_job_results) that meet
    ``condition``, a PostgreSQL expression on NEW.value: the worker's write fails, not a mock's."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION refuse_results() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f" IF {condition} THEN RAISE EXCEPTION 'the disk is full, say'; END IF;"
            " RETURN NEW; END $$"
        )
        conn.execute(
            "CREATE TRIGGER refuse_results BEFORE INSERT OR UPDATE ON watcher_job_results"
            " FOR EACH ROW EXECUTE FUNCTION refuse_results()"
        )


def _accept_results(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER refuse_results ON watcher_job_results")


async def _cycle_on_workers(settings: Settings, worker: DecideWorker, now: datetime) -> CycleReport:
    """One cycle scheduled as `watcher run` does (its own app, the jobs' fan-out), run by ``worker``
    (a real procrastinate worker in this process) with its retries hurried; it must end within
    two minutes, whatever its jobs do."""
    assert isinstance(settings.db, str)
    scheduler = make_app(settings.db)
    fanout = JobFanout(settings, scheduler)
    await worker.state.client.aclose()
    worker.state.client = feeds.make_client(settings.http)  # on this cycle's event loop
    async with worker.app.open_async(), scheduler.open_async(), feeds.make_client(settings.http) as client:
        running = [
            asyncio.create_task(
                worker.app.run_worker_async(
                    queues=[QUEUE],
                    concurrency=2,
                    fetch_job_polling_interval=0.05,
                    install_signal_handlers=False,
                    delete_jobs="never",
                    additional_context={"watcher": worker.state},
                )
            ),
            asyncio.create_task(_hurry_retries(settings.db)),
        ]
        try:
            with Store(settings.db) as store:
                cycle = run_cycle_async(settings, client=client, store=store, now=now, fanout=fanout.fanout())
                done, _ = await asyncio.wait(
                    [asyncio.ensure_future(cycle), *running], timeout=120, return_when=asyncio.FIRST_COMPLETED
                )
            if not done:
                raise AssertionError("the cycle never ended: it waits on a job that will not run")
            [first] = done
            assert first not in running, f"the worker stopped: {first.exception()!r}"
            return cast(CycleReport, first.result())
        finally:
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)
            await worker.state.client.aclose()
            fanout.close()


def _one_process_changes(tmp_path: Path, settings: Settings, now: datetime) -> list[tuple[str, ...]]:
    """The reference: the same feeds polled once on SQLite, in one process."""
    db = tmp_path / "ref" / "watcher.db"
    db.parent.mkdir()
    reference = replace(settings, db=db)
    with Store(db) as store:
        load_baseline(reference, store, now=now)
        run_cycle(reference, store=store, now=now)
    return _changes(db)


def _world_on(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, feeds: list[str], *, rivals: bool = False
) -> tuple[Settings, datetime, list[tuple[str, ...]]]:
    """The newsroom's feeds (and, with ``rivals``, two more companies' and an article naming both) on
    PostgreSQL: the settings, the clock, and the changes one process on SQLite gives (what the
    workers must give)."""
    publish(newsroom)
    settings = replace(settings_for(tmp_path, newsroom, feeds), db=pg_url)
    if rivals:
        publish_rivals(newsroom)
        settings = replace(settings, entities=(*settings.entities, *RIVALS))
    now = datetime.now(UTC)
    return settings, now, _one_process_changes(tmp_path, settings, now)


def _worker_on(url: str, settings: Settings) -> DecideWorker:
    prepare_queue(url)
    with Store(url) as store:
        load_baseline(settings, store, now=datetime.now(UTC))
    return DecideWorker(url, settings)


def test_a_read_job_the_database_fails_every_time_gives_up_and_its_article_is_read_on_a_later_cycle(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings, now, expected = _world_on(tmp_path, newsroom, pg_url, ["/en.xml", "/fr.xml"])
    rumour = newsroom.url("/2025/09/mistral-rumeur")
    assert any(c[5] == rumour for c in expected) and any(c[5] != rumour for c in expected)
    worker = _worker_on(pg_url, settings)
    # What the worker read of the rumour (its title is in the result) is refused every time; the
    # short error line the job leaves when it gives up is not.
    _refuse_results(pg_url, """NEW.value LIKE '{"read"%serait en discussions%'""")

    first = asyncio.run(_cycle_on_workers(settings, worker, now))
    # The cycle ended, with the rumour failed after its 21 tries (a database error's), one line
    # naming it and where to look; the other articles were read and decided.
    [(url, error)] = first.articles_failed
    assert url == rumour and "StoreError" in error and "the disk is full, say" in error, error
    assert "its read job gave up after 21 tries (see the workers' logs)" in error
    [line] = [
        r.getMessage() for r in caplog.records if r.name == "watcher.pipeline" and rumour in r.getMessage()
    ]
    assert line.startswith(f"article {rumour}: failed (") and "will try again after" in line
    assert _changes(pg_url) == [c for c in expected if c[5] != rumour]

    async def read_jobs() -> list[Job]:
        async with worker.app.open_async():
            return list(await worker.app.job_manager.list_jobs_async(task="watcher:read_article"))

    tried = [j for j in asyncio.run(read_jobs()) if j.task_kwargs["link"] == rumour]
    assert [(j.status, j.attempts) for j in tried] == [(Status.SUCCEEDED.value, 21)]
    with Store(pg_url) as store:
        # Kept to be read again, its feed entry not marked seen.
        assert [u for u, *_ in store.article_failures()] == [rumour]
        assert store.document_id(rumour) is None
        assert store._rows("SELECT key FROM entries WHERE link = ?", (rumour,)) == []

    # The fault gone, a later cycle reads the rumour and decides it: nothing was lost.
    _accept_results(pg_url)
    later = asyncio.run(_cycle_on_workers(settings, worker, now + timedelta(days=1)))
    assert later.articles_failed == []
    assert _changes(pg_url) == expected
    with Store(pg_url) as store:
        assert store.article_failures() == [] and store.document_id(rumour) is not None
        assert store._rows("SELECT key FROM entries WHERE link = ?", (rumour,)) != []


# What of the French feed's the database refuses, every time; and how its failure reads, after the
# feed's URL.
FETCH_FAULTS = {
    # Its poll: the job gives up on its last try and leaves its error line instead.
    "its poll": (
        """strpos(NEW.value, '{feed}') > 0 AND NEW.value NOT LIKE '%"outcome": "failed"%'""",
        r"StoreError: .*the disk is full, say; its fetch job gave up after 21 tries"
        r" \(see the workers' logs\)",
    ),
    # Its error line too: procrastinate ends the job failed with no result at all, and the
    # scheduler finds it so in procrastinate's table.
    "its error line too": (
        "strpos(NEW.value, '{feed}') > 0",
        r"its watcher:fetch_feed job \d+ ended failed after 21 tries without leaving a result"
        r" \(see the workers' logs\)",
    ),
}


@pytest.mark.parametrize("refused", list(FETCH_FAULTS))
def test_a_fetch_job_the_database_fails_every_time_ends_the_cycle_with_its_feed_failed(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, refused: str
) -> None:
    settings, now, expected = _world_on(tmp_path, newsroom, pg_url, ["/en.xml", "/fr.xml"])
    french = newsroom.url("/fr.xml")
    rumour = newsroom.url("/2025/09/mistral-rumeur")  # only in the French feed
    worker = _worker_on(pg_url, settings)
    condition, reads = FETCH_FAULTS[refused]
    _refuse_results(pg_url, condition.format(feed=french))

    first = asyncio.run(_cycle_on_workers(settings, worker, now))
    outcomes = {f.url: (f.outcome, f.error) for f in first.feeds}
    assert outcomes[newsroom.url("/en.xml")] == ("ok", None)
    outcome, error = outcomes[french]
    # The line the daemon logs for a failing feed: the feed's URL, what happened, where to look.
    assert outcome == "failed" and re.fullmatch(f"{re.escape(french)}: {reads}", error or ""), outcomes
    # The English feed lost nothing: its articles were read and decided; the rumour waits.
    assert _changes(pg_url) == [c for c in expected if c[5] != rumour]
    with Store(pg_url) as store:
        row = store.feed(french)
        assert row is not None and row.failures == 1 and row.next_attempt is not None

    # The fault gone, the feed is polled again once its back-off is over, and the rumour decided.
    _accept_results(pg_url)
    later = asyncio.run(_cycle_on_workers(settings, worker, now + timedelta(days=1)))
    assert {f.url: f.outcome for f in later.feeds}[french] == "ok"
    assert _changes(pg_url) == expected


def _pid_in_db(url: str) -> str | None:
    with Store(url) as store:
        return store.get_meta("daemon_pid")


def test_a_standby_scheduler_takes_over_when_the_first_dies(
    tmp_path: Path, newsroom: Newsroom, pg_url: str
) -> None:
    publish(newsroom)
    config = _config(tmp_path, newsroom, pg_url)
    worker = _start(config, "worker")
    first = _start(config, "run")
    standby: subprocess.Popen[str] | None = None
    try:
        deadline = time.monotonic() + 120
        while _pid_in_db(pg_url) != str(first.pid):
            assert time.monotonic() < deadline and first.poll() is None, "the first scheduler did not start"
            time.sleep(0.2)
        # Another machine's `run` (another state folder: its own local lock): it stands by.
        other = tmp_path / "other"
        other.mkdir()
        shutil.copy(config, other / "config.toml")
        shutil.copytree(config.parent / "seeds", other / "seeds")
        standby = _start(other / "config.toml", "run")
        time.sleep(4)
        assert standby.poll() is None and _pid_in_db(pg_url) == str(first.pid)
        first.kill()
        first.wait()
        killed = time.monotonic()
        while _pid_in_db(pg_url) != str(standby.pid):
            assert time.monotonic() - killed < 30, "the standby did not take over"
            time.sleep(0.2)
        # Within one interval (10 minutes here), in fact within seconds.
        assert time.monotonic() - killed < 30
    finally:
        if first.poll() is None:
            first.kill()
        err = _stop(standby) if standby is not None else ""
        _stop(worker)
    assert "standing by to take over" in err and "now the scheduler" in err


def test_postgresql_stopped_for_20_s_is_one_line_per_process_then_recovery_without_restart(
    tmp_path: Path, newsroom: Newsroom, pg_server: PgServer
) -> None:
    url = pg_server.new_database()
    publish(newsroom)
    config = _config(tmp_path, newsroom, url)
    # Feeds polled every few seconds, so cycles run while the database is away.
    config.write_text(config.read_text(encoding="utf-8").replace('interval = "10m"', 'interval = "3s"'))
    # At the default log level, as an operator runs them.
    worker = _start(config, "worker", verbose=False)
    scheduler = _start(config, "run", verbose=False)
    try:
        deadline = time.monotonic() + 120
        while len(_changes(url)) < 4:
            assert time.monotonic() < deadline and scheduler.poll() is None, "the first cycle did not end"
            time.sleep(0.5)
        pg_server.stop("fast")
        try:
            time.sleep(20)
        finally:
            pg_server.restart()  # the session's other tests need it
        # News after the outage: the same processes read and decide it.
        publish(newsroom, confirmed=True)
        deadline = time.monotonic() + 120
        while not any("mistral-confirme" in c[5] for c in _changes(url)):
            assert time.monotonic() < deadline, "no cycle after PostgreSQL came back"
            assert scheduler.poll() is None and worker.poll() is None
            time.sleep(0.5)
    finally:
        run_log = _stop(scheduler)
        work_log = _stop(worker)
    for log in (run_log, work_log):
        assert "Traceback" not in log, log[-3000:]
    # Each failing job or process says so once, naming the database without a password.
    errors = [line for line in run_log.splitlines() if " ERROR " in line]
    assert errors and len(errors) == len(set(e.split(" ERROR ", 1)[1] for e in errors)), errors
    # The worker: procrastinate's pool reconnects by itself; nothing floods its log.
    noted = [line for line in work_log.splitlines() if " ERROR " in line or " WARNING " in line]
    assert len(noted) <= 3, work_log


# Real coverage (../shared, beside the repository; never copied into it): read at test time only.
REPLAY = ROOT.parent / "shared" / "replay" / "mistral"


@pytest.mark.skipif(not (REPLAY / "news.json").exists(), reason="../shared/replay/mistral is not here")
def test_the_mistral_replay_on_two_workers_gives_the_changes_of_one_process(
    tmp_path: Path, newsroom: Newsroom, pg_url: str
) -> None:
    news = sorted(json.loads((REPLAY / "news.json").read_text()), key=lambda e: (e["published"], e["id"]))
    for i, e in enumerate(news):
        day = e["published"] if len(e["published"]) == 10 else f"{e['published']}-15"
        title = e.get("source_title") or f"Mistral AI: {e['text'][:70]}"
        paragraphs = [p for p in e["text"].replace(" […] ", "\n").split("\n") if p.strip()]
        newsroom.set(f"/a/{i}", page(title, paragraphs, lang=e["lang"], published=day))
    batches: dict[str, list[int]] = {}
    for i, e in enumerate(news):
        batches.setdefault(e["published"][:7], []).append(i)

    def config(folder: str, db: str) -> Path:
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "config.toml"
        path.write_text(
            f'[watcher]\ndb = "{db}"\ninterval = "15m"\n\n[[entities]]\nname = "Mistral AI"\n'
            f'aliases = ["Mistral"]\nseeds = "{REPLAY / "seeds"}"\n\n'
            f'[[feeds]]\nurl = "{newsroom.url("/feed.xml")}"\nname = "news"\n\n'
            '[http]\nallow_private = ["127.0.0.1"]\n',
            encoding="utf-8",
        )
        return path

    one, shared = config("one", str(tmp_path / "one" / "watcher.db")), config("shared", pg_url)
    workers = [_start(shared, "worker", "--concurrency", "2") for _ in range(2)]
    try:
        published: list[int] = []
        for month in sorted(batches):
            published.extend(batches[month])
            items = [
                {
                    "title": news[i].get("source_title") or f"Mistral AI: {news[i]['text'][:70]}",
                    "link": newsroom.url(f"/a/{i}"),
                    "guid": news[i]["id"],
                    "date": f"{news[i]['published'][:7]}-15T08:00:00+00:00",
                }
                for i in reversed(published)
            ]
            newsroom.set("/feed.xml", rss("News", items), ctype="application/rss+xml")
            res = _run(one, "poll")
            assert res.returncode == 0, res.stderr
            res = _run(shared, "run", "--once")
            assert res.returncode == 0, res.stderr
    finally:
        logs = [_stop(w) for w in workers]
    expected = _changes(tmp_path / "one" / "watcher.db")
    assert len(expected) >= 3 and _changes(pg_url) == expected, logs


# -- one company's decision of an article that names two, failing --------------------------


def test_a_companys_decision_of_a_shared_article_that_keeps_failing_is_decided_once_fixed(
    tmp_path: Path, newsroom: Newsroom, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 20. The decision bug is injected (tests/test_isolation.py's seam, patched in this
    process, where the worker runs: a real procrastinate worker on the real database); the
    feeds, pages, reading, jobs and store are real."""
    settings, now, expected = _world_on(tmp_path, newsroom, pg_url, ["/en.xml", "/rivals.xml"], rivals=True)
    shared = newsroom.url("/2025/09/rivals")
    assert {c[0] for c in expected if c[5] == shared} == {"Brightloom", "Quillworks"}
    worker = _worker_on(pg_url, settings)
    monkeypatch.setattr(watcher.ledger, "diff_against_known", decision_broken_for("Quillworks", shared))

    first = asyncio.run(_cycle_on_workers(settings, worker, now))
    # Quillworks' job decided its other article; Brightloom's decided the shared one, alerted now.
    assert first.articles_failed == [(shared, "Quillworks: RuntimeError: decision bug")]
    assert _changes(pg_url) == [c for c in expected if not (c[0] == "Quillworks" and c[5] == shared)]

    # The bug fixed, the article's retry decides Quillworks' facts of it, and Brightloom's not again.
    monkeypatch.setattr(watcher.ledger, "diff_against_known", diff_against_known)
    later = asyncio.run(_cycle_on_workers(settings, worker, now + timedelta(hours=1)))
    assert later.articles_failed == [] and later.articles_fetched == 1
    assert [c.entity for c in later.changes] == ["Quillworks"]
    assert _changes(pg_url) == expected
    with Store(pg_url) as store:
        assert store.article_failures() == []
    again = asyncio.run(_cycle_on_workers(settings, worker, now + timedelta(days=1)))
    assert again.articles_fetched == 0 and _changes(pg_url) == expected


def test_a_companys_decide_job_that_gives_up_leaves_its_share_of_an_article_to_a_later_cycle(
    tmp_path: Path, newsroom: Newsroom, pg_url: str
) -> None:
    """Issue 20, the job itself failing: the database refuses every fact of one company (a real
    trigger, not a mock), so that company's decide job gives up after its 21 tries and the cycle
    fails with its line, after the other company's job committed the article they share."""
    settings, now, expected = _world_on(tmp_path, newsroom, pg_url, ["/en.xml", "/rivals.xml"], rivals=True)
    shared = newsroom.url("/2025/09/rivals")
    worker = _worker_on(pg_url, settings)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION refuse_facts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF NEW.entity_id = (SELECT id FROM entities WHERE name = 'Quillworks') THEN"
            " RAISE EXCEPTION 'the disk is full, say'; END IF; RETURN NEW; END $$"
        )
        conn.execute(
            "CREATE TRIGGER refuse_facts BEFORE INSERT ON facts FOR EACH ROW EXECUTE FUNCTION refuse_facts()"
        )

    with pytest.raises(
        DecideJobFailed, match=r"Quillworks: StoreError: .*the disk is full, say; its decide job gave up"
    ):
        asyncio.run(_cycle_on_workers(settings, worker, now))
    # Brightloom's job committed the shared article with its decision; Quillworks' share is to do.
    assert [c for c in _changes(pg_url) if c[5] == shared] == [
        c for c in expected if c[5] == shared and c[0] == "Brightloom"
    ]
    with Store(pg_url) as store:
        assert store.document_id(shared) is not None and not store.document_done(shared)

    # The fault gone, the next cycle reads the article again and decides it for Quillworks alone.
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER refuse_facts ON facts")
    later = asyncio.run(_cycle_on_workers(settings, worker, now + timedelta(minutes=1)))
    assert later.articles_failed == []
    assert [c.entity for c in later.changes if c.url == shared] == ["Quillworks"]
    assert _changes(pg_url) == expected
    with Store(pg_url) as store:
        assert store.document_done(shared)
