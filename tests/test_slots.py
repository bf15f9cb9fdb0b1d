"""Slots shared by threads and coroutines: never more taken than there are, none lost."""

from __future__ import annotations

import asyncio
import threading

from watcher.slots import Slots


def test_coroutines_beyond_the_count_wait_their_turn() -> None:
    slots = Slots(2)
    busy = 0
    most = 0

    async def one() -> None:
        nonlocal busy, most
        await slots.acquire_async()
        try:
            busy += 1
            most = max(most, busy)
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        finally:
            busy -= 1
            slots.release()

    async def main() -> None:
        await asyncio.gather(*(one() for _ in range(10)))

    asyncio.run(main())
    assert most == 2
    assert busy == 0


def test_a_cancelled_wait_loses_no_slot() -> None:
    slots = Slots(1)

    async def main() -> None:
        await slots.acquire_async()
        waiter = asyncio.create_task(slots.acquire_async())
        await asyncio.sleep(0)  # it waits
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        slots.release()
        # The slot is free again, not handed to the cancelled wait.
        await asyncio.wait_for(slots.acquire_async(), 5)
        slots.release()

    asyncio.run(main())


def test_a_slot_handed_over_as_its_wait_is_cancelled_is_passed_on() -> None:
    slots = Slots(1)

    async def main() -> None:
        await slots.acquire_async()
        first = asyncio.create_task(slots.acquire_async())
        second = asyncio.create_task(slots.acquire_async())
        await asyncio.sleep(0)
        slots.release()  # handed to the first (its grant is on the way)
        first.cancel()  # and the first gives up before taking it
        await asyncio.gather(first, return_exceptions=True)
        await asyncio.wait_for(second, 5)  # so the second has it
        slots.release()

    asyncio.run(main())


def test_a_thread_takes_a_slot_a_coroutine_gives_back() -> None:
    slots = Slots(1)
    taken = threading.Event()

    def in_thread() -> None:
        slots.acquire()
        taken.set()
        slots.release()

    async def main() -> None:
        await slots.acquire_async()
        thread = threading.Thread(target=in_thread)
        thread.start()
        slots.release()
        await asyncio.to_thread(thread.join, 10)

    asyncio.run(main())
    assert taken.is_set()


def test_a_slot_given_back_by_a_thread_as_a_coroutine_queues_is_not_lost() -> None:
    # A thread gives the only slot back while a coroutine that found none is queueing: the
    # thread's hand-back is held after its look at the queue until the coroutine has queued
    # (or for a moment, when it cannot queue meanwhile). The slot must reach the coroutine.
    slots = Slots(1)
    looked = threading.Event()
    queued = threading.Event()
    free = slots._free

    class _Held:
        def acquire(self, blocking: bool = True) -> bool:
            taken = free.acquire(blocking=blocking)
            if not taken and not blocking:
                threading.Timer(0.05, queued.set).start()  # it queues right after a failed try
            return taken

        def release(self) -> None:
            looked.set()
            queued.wait(0.5)
            free.release()

    slots.acquire()
    slots._free = _Held()  # type: ignore[assignment]

    async def main() -> None:
        releaser = threading.Thread(target=slots.release)
        releaser.start()
        looked.wait(5)
        await asyncio.wait_for(slots.acquire_async(), 5)
        slots.release()
        await asyncio.to_thread(releaser.join, 5)

    asyncio.run(main())
