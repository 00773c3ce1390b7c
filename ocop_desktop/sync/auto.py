"""Automatic sync: a periodic probe notices when the server answers again and starts a sync."""

from __future__ import annotations

import threading
from collections.abc import Callable


class AutoSync:
    """Probes every ``interval`` seconds; syncs when the server comes back, and regularly while online.

    ``run_sync`` is called on the watcher's own thread and must not touch widgets; the UI passes a
    function that hands the work to its background runner.
    """

    def __init__(self, probe: Callable[[], bool], run_sync: Callable[[], None], interval: float = 30.0,
                 sync_every: int = 10):
        self._probe, self._run_sync = probe, run_sync
        self.interval, self.sync_every = interval, sync_every
        self.online = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.syncs = 0
        self.errors: list[BaseException] = []

    def tick(self, count: int) -> None:
        was_online = self.online
        self.online = self._probe()
        if self.online and (not was_online or count % self.sync_every == 0):
            try:
                self._run_sync()
                self.syncs += 1
            except Exception as exc:  # a failed sync is retried at the next tick, never fatal here
                self.errors.append(exc)

    def _loop(self) -> None:
        count = 0
        while not self._stop.is_set():
            self.tick(count)
            count += 1
            self._stop.wait(self.interval)

    def start(self) -> AutoSync:
        self._thread = threading.Thread(target=self._loop, name="ocop-autosync", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=10)
