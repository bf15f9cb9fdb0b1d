"""A bounded number of slots that threads and event loops both wait for.

The extraction pool's workers are shared by threads (``ExtractionPool.run``) and by coroutines
(``ExtractionPool.run_async``). A coroutine used to wait for its slot, and then for its worker's
answer, in a thread of its own (``asyncio.to_thread``): two thread hand-offs per article, a
good part of a first cycle's main-process CPU. Here a coroutine waits on its own loop instead,
and a slot given back goes to the first coroutine waiting, else to the threads.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque


class Slots:
    def __init__(self, count: int) -> None:
        self._free = threading.BoundedSemaphore(count)
        self._lock = threading.Lock()
        # Coroutines waiting, in order, each with its loop: a slot given back is handed to one.
        self._waiting: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = deque()

    def acquire(self) -> None:
        """Take a slot, blocking the calling thread until one is free."""
        self._free.acquire()

    async def acquire_async(self) -> None:
        """Take a slot, waiting on the running loop (not in a thread) until one is free."""
        if self._free.acquire(blocking=False):
            return
        loop = asyncio.get_running_loop()
        granted: asyncio.Future[None] = loop.create_future()
        with self._lock:
            # Tried again under the lock: a slot given back since the first try went to the
            # semaphore, as nobody was waiting yet.
            if self._free.acquire(blocking=False):
                return
            self._waiting.append((loop, granted))
        try:
            await granted
        except asyncio.CancelledError:
            with self._lock:
                if (loop, granted) in self._waiting:
                    self._waiting.remove((loop, granted))
            if granted.done() and not granted.cancelled():
                self.release()  # handed over just as the wait was cancelled: not taken, so passed on
            raise

    def release(self) -> None:
        """Give a slot back: to the first coroutine waiting, else to the threads."""
        with self._lock:
            waiter = self._waiting.popleft() if self._waiting else None
            if waiter is None:
                # Under the lock: a coroutine that found no slot and is about to queue would
                # otherwise queue just after this look and wait for a slot already given back.
                self._free.release()
                return
        loop, granted = waiter
        try:
            loop.call_soon_threadsafe(self._grant, granted)
        except RuntimeError:  # its loop is closed (its wait with it): the next one
            self.release()

    def _grant(self, granted: asyncio.Future[None]) -> None:
        if granted.cancelled():
            self.release()  # its wait was cancelled on the way: the next one
        else:
            granted.set_result(None)
