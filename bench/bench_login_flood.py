"""Pull latency of one device while others flood the server with logins (production Argon2 cost).

`python -m bench.bench_login_flood [FLOODERS] [SECONDS]`: prints the pull latency alone and under the flood,
and how the flood's logins were answered (401 checked, 503 refused at once by the bounded Argon2 pool)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

from ocop_server.testing import LiveServer
from ocop_server.throttle import LoginThrottle

PROTOCOL = {"X-OCOP-Protocol": "2"}
PASSWORD = "mat-khau-123"


def _login(url: str, username: str, password: str) -> requests.Response:
    body = {"username": username, "password": password, "device_id": str(uuid.uuid4())}
    return requests.post(f"{url}/auth/login", json=body, headers=PROTOCOL, timeout=60)


def _pulls(url: str, token: str, seconds: float) -> list[float]:
    headers = {**PROTOCOL, "Authorization": f"Bearer {token}"}
    times, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.monotonic()
        requests.post(f"{url}/sync/pull", json={"cursor": 0, "limit": 100}, headers=headers,
                      timeout=60).raise_for_status()
        times.append(time.monotonic() - start)
        time.sleep(0.02)
    return times


def flood(server: LiveServer, token: str, flooders: int, seconds: float) -> tuple[list[float], Counter]:
    """Pull latencies while ``flooders`` threads log in with wrong passwords for ``seconds``; the throttle is
    lifted (a flood from many addresses looks like this to it), so only the pool bounds the Argon2 work."""
    server.app.state.guard.throttle = LoginThrottle(lambda: server.app.state.guard.clock())
    server.app.state.guard.throttle.failed = lambda *_: None  # type: ignore[method-assign]
    answers: Counter = Counter()
    stop = threading.Event()

    def flooder(n: int) -> None:
        while not stop.is_set():
            answers[_login(server.url, f"guess{n}", "not-the-password").status_code] += 1

    threads = [threading.Thread(target=flooder, args=(n,), daemon=True) for n in range(flooders)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the flood is under way before the first pull
    try:
        return _pulls(server.url, token, seconds), answers
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)


def _figures(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1] if len(ordered) >= 20 else ordered[-1]
    return (f"{name}: {len(times)} pulls, median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms")


def run(flooders: int = 16, seconds: float = 5.0) -> None:
    server = LiveServer(Path(tempfile.mkdtemp(prefix="ocop-flood-"))).start()
    try:
        server.create_user("device", PASSWORD, "admin")
        token = _login(server.url, "device", PASSWORD).json()["token"]
        print(_figures("pull alone", _pulls(server.url, token, seconds)))
        times, answers = flood(server, token, flooders, seconds)
        print(_figures(f"pull during a flood of {flooders} login threads", times))
        print(f"flood answers: {dict(sorted(answers.items()))} (401 checked by Argon2, 503 refused at once); "
              f"Argon2 threads {server.settings.login_threads}, queue {server.settings.login_queue}")
    finally:
        server.stop()


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 16, float(sys.argv[2]) if len(sys.argv) > 2 else 5.0)
