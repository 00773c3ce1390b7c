"""Bounded requests: what an attacker's bodies cost the server, and what the checks cost an ordinary push.

`python -m bench.bench_limits [ROUNDS]` prints /health latency while gzip bombs hit /auth/login, the time
the depth check and bounded inflation take on adversarial and ordinary bodies, and a push's round trip.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

from ocop_desktop.sync.client import ServerClient
from ocop_server.errors import ApiError
from ocop_server.limits import prepare
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-bench-123"
HEADERS = {"X-OCOP-Protocol": "2", "Content-Type": "application/json", "Content-Encoding": "gzip"}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def health_during_bombs(url: str, inflated: int, bombs: int) -> tuple[list[float], float]:
    """/health latencies probed while ``bombs`` gzip bombs inflating to ``inflated`` bytes go to /auth/login."""
    body = gzip.compress(b'{"username": [' + b"0," * (inflated // 2) + b'0], "password": "x"}', compresslevel=9)
    latencies: list[float] = []
    stop = threading.Event()

    def probe() -> None:
        with requests.Session() as http:
            while not stop.is_set():
                start = time.perf_counter()
                http.get(url + "/health", timeout=30)
                latencies.append(time.perf_counter() - start)
                time.sleep(0.005)

    prober = threading.Thread(target=probe)
    prober.start()
    start = time.perf_counter()
    for _ in range(bombs):
        requests.post(url + "/auth/login", data=body, headers=HEADERS, timeout=60)
    spent = time.perf_counter() - start
    stop.set()
    prober.join()
    return latencies, spent


def check_costs(rounds: int) -> None:
    push = json.dumps({"changes": [{"change_id": str(uuid.uuid4()), "entity": "producers", "op": "insert",
                                    "entity_id": str(uuid.uuid4()), "device_seq": n,
                                    "fields": {f"f{i}": [None, f"giá trị {i}"] for i in range(15)}}
                                   for n in range(200)], "cursor": 0}).encode()
    bodies = {
        "ordinary push, 200 changes": (gzip.compress(push), True),
        "8 MB of '[' (unclosed)": (b"[" * (8 << 20), False),
        "8 MB of '[]' pairs": (b"[]" * (4 << 20), False),
        "gzip bomb to 8 MB": (gzip.compress(b"0" * (8 << 20)), True),
        "8 MB of empty strings": (b'""' * (4 << 20), False),
        "400,000 strings and deep brackets": (b'""' * 200_000 + b"[" * 40, False),
        "8 MB in one string": (b'"' + b"a" * (8 << 20) + b'"', False),
    }
    for name, (body, gzipped) in bodies.items():
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            with contextlib.suppress(ApiError):  # a refusal is the expected outcome for some
                prepare(body, gzipped, 8 << 20, 32)
            times.append(time.perf_counter() - start)
        print(f"  checks on {name} ({len(body) // 1024} kB sent): median {_ms(statistics.median(times))}")


def run(rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = LiveServer(Path(folder)).start()
        try:
            server.create_user("admin", PASSWORD, "admin")
            with requests.Session() as http:
                http.get(server.url + "/health", timeout=10)
                baseline = []
                for _ in range(50):
                    start = time.perf_counter()
                    http.get(server.url + "/health", timeout=10)
                    baseline.append(time.perf_counter() - start)
            print(f"bounded requests: /health alone p50 {_ms(statistics.median(baseline))}")
            for inflated in ((8 << 20) - 4096, 3 << 20):
                latencies, spent = health_during_bombs(server.url, inflated, 3 * rounds)
                print(f"  /health during {3 * rounds} gzip bombs of {inflated / 2**20:.0f} MB at /auth/login: "
                      f"p50 {_ms(statistics.median(latencies))}, max {_ms(max(latencies))} "
                      f"({_ms(spent / (3 * rounds))} per bomb to be refused)")
            client = ServerClient(server.url, str(uuid.uuid4()), retries=0)
            client.login("admin", PASSWORD)
            start = time.perf_counter()
            for _ in range(rounds):
                client.pull(0, limit=10)
            print(f"  pull round trip through the checks: {_ms((time.perf_counter() - start) / rounds)}")
            client.close()
        finally:
            server.stop()
    check_costs(rounds)


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
