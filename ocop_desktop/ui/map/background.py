"""One worker thread for the map's CPU work (filtering and clustering 20,000 producers), apart from the runner's
database thread so that a cluster build never holds a person's save behind it. Results come back on the UI
thread through a queued signal; only the answer to the latest request is delivered."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], deliver: SignalInstance, generation: int):
        super().__init__()
        self.work, self.deliver, self.generation = work, deliver, generation

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as exc:  # handed to the UI thread, never lost on the worker
            log.warning("map work failed", exc_info=True)
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the map was closed meanwhile
            self.deliver.emit(self.generation, result, error)


class Background(QObject):
    _delivered = Signal(int, object, object)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._callbacks: tuple[Callable[[Any], None], Callable[[Exception], None]] | None = None
        self._delivered.connect(self._finish)

    def run(self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]) -> None:
        """Runs ``work`` on the worker; an earlier request still running is answered, but not delivered."""
        self._generation += 1
        self._callbacks = (done, failed)
        task = _Task(work, self._delivered, self._generation)
        if self.synchronous:
            task.run()
        else:
            self._pool.start(task)

    @property
    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    @Slot(int, object, object)
    def _finish(self, generation: int, result: Any, error: Exception | None) -> None:
        if generation != self._generation or self._callbacks is None:
            return
        done, failed = self._callbacks
        if error is None:
            done(result)
        else:
            failed(error)
