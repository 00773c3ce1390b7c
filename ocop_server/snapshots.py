"""Answers that depend only on what a scope holds at one sequence number, kept for the next device.

After a publication or a busy hour, many devices of one scope ask for the same page or the same
digests at the same sequence number. Every write moves the sequence, so an entry keyed by it can
never be stale: it is simply never asked for again and falls out of the small LRU.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class SnapshotCache:
    def __init__(self, size: int = 256):
        self.size = size
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]  # type: ignore[return-value]
            self.misses += 1
        value = make()  # outside the lock: two devices asking at once both compute, neither waits
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value
