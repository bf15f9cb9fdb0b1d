"""``ExtractionPool.run_async``: a coroutine cancelled on its way neither loses a worker nor a slot."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from watcher.articles import ExtractionPool
from watcher.errors import ExtractionAborted
from watcher.settings import HttpSettings


def _pid(_: object) -> int:
    return os.getpid()


def _gone(pid: int) -> bool:
    """Ended and waited for, within a few seconds (a forked worker is its zygote's to wait for)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.01)
    return False


def test_a_coroutine_cancelled_while_its_worker_starts_leaves_the_worker_to_the_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pool = ExtractionPool(HttpSettings(extract_timeout=30), workers=1, preload=())
    take = pool._take

    def slow_take() -> object:
        time.sleep(0.3)
        return take()

    monkeypatch.setattr(pool, "_take", slow_take)

    async def main() -> int:
        waiting = asyncio.create_task(pool.run_async(_pid, None, label="cancelled"))
        await asyncio.sleep(0.05)
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        await asyncio.sleep(0.6)  # the start ends in its thread meanwhile
        assert len(pool._idle) == 1
        return await pool.run_async(_pid, None, label="next")

    with pool:
        worker = asyncio.run(main())
    assert _gone(worker)


def test_a_coroutine_cancelled_mid_job_has_its_worker_stopped_and_its_slot_given_back() -> None:
    with ExtractionPool(HttpSettings(extract_timeout=30), workers=1, preload=()) as pool:

        async def main() -> None:
            busy = await pool.run_async(_pid, None, label="before")
            stuck = asyncio.create_task(pool.run_async(time.sleep, 30.0, label="stuck"))
            await asyncio.sleep(0.2)
            stuck.cancel()
            await asyncio.gather(stuck, return_exceptions=True)
            assert _gone(busy)
            after = await asyncio.wait_for(pool.run_async(_pid, None, label="after"), 10)
            assert after != busy

        asyncio.run(main())


def test_run_async_stops_a_job_over_the_cap() -> None:
    with ExtractionPool(HttpSettings(extract_timeout=0.5), workers=1, preload=()) as pool:

        async def main() -> None:
            with pytest.raises(ExtractionAborted, match=r"^slow: reading it took over 0\.5 s"):
                await pool.run_async(time.sleep, 30.0, label="slow")
            assert await pool.run_async(len, b"abc", label="after") == 3

        asyncio.run(main())
