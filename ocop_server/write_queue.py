"""Pushes applied by one writer thread, several batches to a transaction (group commit).

With 200 devices pushing at once, each push waiting for the single SQLite writer on its own request
thread spent more time handing the interpreter lock and the writer lock around than applying its
changes. Here the batches waiting at one moment are applied back to back by one thread, each in its
own savepoint, and committed together; every device still gets its answer only after the commit,
so an acknowledged change is durable and a failed commit is answered as a failure to every batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ocop_server.database import Writers

Work = Callable[[Session], Any]
_STOP = object()


class WriteQueue:
    def __init__(self, writers: Writers, max_group: int = 64):
        self._writers = writers
        self._max_group = max_group
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    async def run(self, work: Work) -> Any:
        """Runs ``work(session)`` in the next group; returns its result once the group is committed."""
        self._ensure_started()
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._queue.put((work, loop, future))
        # Shielded: a device that hangs up does not stop its batch, which is committed and
        # answered again (idempotently) when the device retries.
        return await asyncio.shield(future)

    def post(self, work: Work) -> None:
        """Bookkeeping nobody waits for (a token's last use): joins the next group, errors ignored."""
        self._ensure_started()
        self._queue.put((work, None, None))

    def stop(self) -> None:
        with self._start_lock:
            if self._thread is not None:
                self._queue.put(_STOP)
                self._thread.join(timeout=30)
                self._thread = None

    def _ensure_started(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="ocop-writer", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            group = [item]
            stop = False
            while len(group) < self._max_group:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is _STOP:
                    stop = True
                    break
                group.append(more)
            self._apply(group)
            if stop:
                return

    def _apply(self, group: list) -> None:
        outcomes: list[tuple[bool, Any]] = []
        try:
            with self._writers() as session:
                for work, _, _ in group:
                    try:
                        with session.begin_nested():  # one failing batch leaves the others intact
                            value = work(session)
                        outcomes.append((True, value))  # only once its savepoint is released
                    except Exception as exc:  # handed to that batch's request, which answers it
                        outcomes.append((False, exc))
                session.commit()
        except Exception as exc:  # the commit itself failed: nothing of the group is durable
            outcomes = [(False, exc)] * len(group)
        for (_, loop, future), (ok, value) in zip(group, outcomes, strict=True):
            if loop is None:
                continue
            with contextlib.suppress(RuntimeError):  # that request's event loop is gone (shutting down)
                loop.call_soon_threadsafe(_settle, future, ok, value)


def _settle(future: asyncio.Future, ok: bool, value: Any) -> None:
    if future.done():
        return
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)
