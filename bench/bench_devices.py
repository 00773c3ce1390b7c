"""200 devices syncing at once against one server process: push one change, pull, check.

The server runs in its own process, as deployed; the simulated devices are threads of this one.
(Spreading them over four processes was slower here: on two cores the extra interpreters took the
CPU the server needed.)
"""

from __future__ import annotations

import os
import statistics
import threading
import time
import uuid
from pathlib import Path

from ocop_core.protocol import Change
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.engine import PULL_PAGE

PASSWORD = "mat-khau-123"
STAMP = "2026-11-28T00:00:00+00:00"  # every pushed row carries its timestamps (a laptop requires them)


def run(folder: Path, devices: int = 200, rounds: int = 3) -> None:
    server = ServerProcess(folder).start()
    try:
        # A server runs for hours: the first burst after start-up also pays for warming caches and
        # thread pools, so it is shown but not counted. Then several rounds, as the figure moves with
        # whatever else the machine is doing.
        print("warm-up round (not counted):", end=" ")
        many_devices(server, devices)
        for _ in range(rounds):
            many_devices(server, devices)
    finally:
        server.stop()


def many_devices(server: ServerProcess, devices: int = 200) -> None:
    clients = []
    for i in range(devices):
        client = ServerClient(server.url, str(uuid.uuid4()), retries=3, backoff=0.05)
        client.login("admin", PASSWORD, f"device-{i}")  # set-up: Argon2 login once per device
        clients.append(client)
    page = clients[0].pull(0, PULL_PAGE)  # every device was up to date before the burst: start at the head
    while page.more:
        page = clients[0].pull(page.cursor, PULL_PAGE)
    cursor = page.cursor
    start_line = threading.Barrier(devices + 1)
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def device(client: ServerClient) -> None:
        producer = str(uuid.uuid4())
        change = Change(change_id=str(uuid.uuid4()), device_seq=1, entity="producers", entity_id=producer,
                        op="insert", fields={"id": (None, producer), "name": (None, "HTX thử tải"),
                                             "kind": (None, "cooperative"), "commune_code": (None, "18073"),
                                             "created_at": (None, STAMP), "updated_at": (None, STAMP)},
                        created_at=STAMP)
        start_line.wait()
        start = time.perf_counter()
        try:
            result = client.push([change]).results[0]
            if result.status != "applied":
                raise SyncError(result.status, result.reason or "")
            page = client.pull(cursor, PULL_PAGE)  # the page size the engine uses
            while page.more:
                page = client.pull(page.cursor, PULL_PAGE)
            client.check(page.cursor)
            with lock:
                times.append(time.perf_counter() - start)
        except Exception as exc:  # counted, not raised: the figure is how many failed
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}"[:200])

    threads = [threading.Thread(target=device, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    start_line.wait()
    cpu_before, wall_before = _cpu_seconds(server.proc.pid), time.perf_counter()
    for t in threads:
        t.join()
    server_cpu, wall = _cpu_seconds(server.proc.pid) - cpu_before, time.perf_counter() - wall_before
    for c in clients:
        c.close()
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1] if times else float("nan")
    print(f"{devices} devices at once (push 1 + pull + check each): p50 {statistics.median(times):.2f} s, "
          f"p95 {p95:.2f} s (target <= 2 s), errors {len(errors)} (target 0); "
          f"server CPU {server_cpu:.2f} s in {wall:.2f} s wall")
    for e in sorted(set(errors))[:5]:
        print(f"  error: {e}")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ServerProcess:
    """The server in its own process, as in production: clients and server do not share one GIL."""

    def __init__(self, folder: Path, database_url: str | None = None, create_admin: bool = True,
                 log_key_file: Path | None = None):
        from ocop_server.testing import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url or f"sqlite:///{folder / 'server.sqlite3'}"
        self.create_admin = create_admin
        self.folder = folder
        # The log's key goes with its database: a server signing one database's log with another key
        # is exactly what laptops are built to refuse.
        self.log_key_file = log_key_file or folder / "log-signing.key"
        folder.mkdir(parents=True, exist_ok=True)
        self.proc = None

    def start(self) -> ServerProcess:
        import subprocess
        import sys

        env = {**os.environ, "OCOP_ADMIN_PASSWORD": PASSWORD}
        base = [sys.executable, "-m", "ocop_server.cli", "--database-url", self.database_url,
                "--files-dir", str(self.folder / "files"), "--log-key-file", str(self.log_key_file)]
        if self.create_admin:
            subprocess.run([*base, "create-admin"], check=True, env=env, capture_output=True)
        self.log = (self.folder / "server.log").open("wb")
        self.proc = subprocess.Popen([*base, "--port", str(self.port)], env=env, stdout=subprocess.DEVNULL,
                                     stderr=self.log)
        deadline = time.monotonic() + 30
        while not ServerClient(self.url, str(uuid.uuid4())).healthy():
            if time.monotonic() > deadline:
                raise RuntimeError("server process did not start")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)
        self.log.close()
