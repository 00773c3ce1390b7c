"""Logins that cannot be guessed at speed nor starve sync: failures limited per account and per address, and
Argon2 run on a few threads of its own with a bounded queue.

The clock is a parameter (``AccountGuard.clock``): tests move it instead of waiting."""

from __future__ import annotations

import asyncio
import math
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from ocop_core.errors import OcopError

T = TypeVar("T")
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Limit:
    failures: int
    window: timedelta


ACCOUNT_LIMIT = Limit(5, timedelta(minutes=5))  # a guesser gets 5 tries per 5 minutes at one account
ADDRESS_LIMIT = Limit(30, timedelta(minutes=10))  # and 30 per 10 minutes from one address, whatever the names


class LoginThrottle:
    """Failed logins in a sliding window, per key. Blocked keys are refused before any Argon2 work."""

    MAX_KEYS = 100_000  # beyond this, forgotten: a flood of new names must not grow memory without end

    def __init__(self, clock: Callable[[], datetime], account: Limit = ACCOUNT_LIMIT, address: Limit = ADDRESS_LIMIT):
        self._clock = clock
        self._limits = {"account": account, "address": address}
        self._failures: dict[tuple[str, str], deque[datetime]] = {}
        self._lock = threading.Lock()

    def _keys(self, username: str, address: str) -> list[tuple[str, str]]:
        return [("account", username.casefold()), ("address", address)]

    def retry_after(self, username: str, address: str) -> int:
        """Seconds until this login may be tried; 0 when it may be tried now."""
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key in self._keys(username, address):
                limit = self._limits[key[0]]
                recent = self._recent(key, now)
                if len(recent) >= limit.failures:
                    wait = max(wait, (recent[-limit.failures] + limit.window - now).total_seconds())
        return math.ceil(wait)

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            if len(self._failures) > self.MAX_KEYS:
                self._failures.clear()
            for key in self._keys(username, address):
                self._failures.setdefault(key, deque(maxlen=self._limits[key[0]].failures)).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(("account", username.casefold()), None)

    def _recent(self, key: tuple[str, str], now: datetime) -> deque[datetime]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        window = self._limits[key[0]].window
        while times and times[0] + window <= now:
            times.popleft()
        if not times:
            del self._failures[key]
        return times


class PoolFull(OcopError):
    """Every Argon2 thread is busy and the queue is full: answered 503 at once, never queued without end."""

    def __init__(self) -> None:
        super().__init__("login_busy")


class PasswordPool:
    """Argon2 hashing releases the interpreter lock and takes a core for most of a second: on the request
    threads, a login flood left no thread (and no core) for a pull. Here it gets ``threads`` of its own, and
    at most ``queue`` more logins wait; the rest are refused."""

    def __init__(self, threads: int, queue: int):
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ocop-argon2")
        self._slots = threading.BoundedSemaphore(threads + queue)

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        if not self._slots.acquire(blocking=False):
            raise PoolFull()
        try:
            future = self._executor.submit(work, *args)
        except RuntimeError:
            self._slots.release()
            raise
        # Released when the work ends, not when the request does: a caller who hangs up does not free a slot
        # whose thread is still hashing.
        future.add_done_callback(lambda _: self._slots.release())
        return await asyncio.wrap_future(future)

    def stop(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def default_login_threads() -> int:
    return max(1, min(4, (os.cpu_count() or 2) // 2))


class AccountGuard:
    """What the server keeps about logins and tokens between requests: the clock, the throttle, the pool."""

    def __init__(self, *, login_threads: int, login_queue: int, token_idle_days: int,
                 clock: Clock = system_clock):
        self.clock: Clock = clock
        self.token_idle = timedelta(days=token_idle_days)
        self.throttle = LoginThrottle(lambda: self.clock())
        self.pool = PasswordPool(login_threads, login_queue)

    def now(self) -> datetime:
        return self.clock()

    @classmethod
    def for_settings(cls, settings: Any) -> AccountGuard:
        return cls(login_threads=settings.login_threads, login_queue=settings.login_queue,
                   token_idle_days=settings.token_idle_days)

    def stop(self) -> None:
        self.pool.stop()
