"""A login flood (production Argon2 cost) cannot starve sync: Argon2 runs on its own bounded pool, the excess is
refused with 503 login_busy at once, and another device's pulls keep finishing. Figures: bench/bench_login_flood.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import requests
from accounts_helpers import token
from server_world import LIMITS, PRODUCTION_HASHER

from bench.bench_login_flood import _login, flood
from ocop_server import accounts
from ocop_server.testing import LiveServer


@pytest.fixture
def small_pool(tmp_path, monkeypatch) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "server", login_threads=1, login_queue=1, **LIMITS).start()
    live.create_user("puller", "mat-khau-123", "admin")
    monkeypatch.setattr(accounts, "_hasher", PRODUCTION_HASHER)  # each guess costs what it costs in production
    yield live
    live.stop()


def test_pulls_keep_finishing_while_logins_flood(small_pool):
    """Twelve threads guessing passwords: some logins are refused with 503 at once, every pull finishes, and
    none takes more than a generous 3 s."""
    device = token(small_pool, "puller")
    times, answers = flood(small_pool, device, flooders=12, seconds=3.0)
    assert answers[503] > 0 and answers[401] > 0
    assert len(times) >= 3 and max(times) < 3.0


def test_a_refused_login_says_busy_with_retry_after(small_pool):
    """Eight logins at once on one Argon2 thread with a queue of one: the rest are 503 login_busy, Retry-After 2."""
    results: list[requests.Response] = []
    threads = [threading.Thread(target=lambda: results.append(_login(small_pool.url, "nobody", "guess-guess")))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    busy = [r for r in results if r.status_code == 503]
    assert busy and all(r.headers["Retry-After"] == "2" and r.json()["code"] == "login_busy" for r in busy)
    assert [r.status_code for r in results].count(401) >= 1
