"""Two server processes on one database (PostgreSQL under `make test-postgres`, else one SQLite file), as a
province runs them behind a proxy: devices push and pull through both at once, and no change is lost or
doubled, no cursor skips a row, and a cursor one process gave is honoured by the other."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from ocop_core.protocol import Change
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_server.testing import free_port, postgres_schema_url
from ocop_server.translog.keys import create_key

PASSWORD = "Ha-Tinh-2026-quan-tri"
WRITERS, ROWS_EACH = 4, 30
_seq = itertools.count(1)


def _start(folder: Path, url: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "ocop_server.cli", "--database-url", url, "--port", str(port),
               "--files-dir", str(folder / "files"), "--log-key-file", str(folder / "log.key")]
    log = folder / f"server-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.2)
    process.kill()
    process.wait()
    raise AssertionError(log.read_text(errors="replace")[-2000:])


@pytest.fixture
def two_servers(tmp_path):
    url = postgres_schema_url() or f"sqlite:///{tmp_path / 'server.sqlite3'}"
    create_key(tmp_path / "log.key")
    subprocess.run([sys.executable, "-m", "ocop_server.cli", "--database-url", url, "--log-key-file",
                    str(tmp_path / "log.key"), "create-admin"], check=True, capture_output=True,
                   env={**os.environ, "OCOP_ADMIN_PASSWORD": PASSWORD})
    ports = [free_port(), free_port()]
    processes = [_start(tmp_path, url, port) for port in ports]
    yield [f"http://127.0.0.1:{port}" for port in ports]
    for process in processes:
        process.terminate()
        process.wait(timeout=20)


def _producer(i: int) -> Change:
    stamp = datetime.now(UTC).isoformat()
    fields = {"name": f"Cơ sở {i}", "kind": "household", "commune_code": "18001", "created_at": stamp,
              "updated_at": stamp, "deleted": False}
    return Change(change_id=str(uuid.uuid4()), device_seq=next(_seq), entity="producers", entity_id=str(uuid.uuid4()),
                  op="insert", fields={k: (None, v) for k, v in fields.items()}, created_at=datetime.now(UTC))


def _client(url: str) -> ServerClient:
    client = ServerClient(url, str(uuid.uuid4()), retries=3, backoff=0.05, max_backoff=0.2)
    client.login("admin", PASSWORD, "máy thử")
    return client


def test_devices_through_two_processes_lose_nothing_and_double_nothing(two_servers):
    a = two_servers[0]
    clients = {url: _client(url) for url in two_servers}
    token = clients[a].token
    for client in clients.values():
        client.token = token  # one device, its requests spread over both processes by the proxy
    pushed: list[str] = []
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for k in range(ROWS_EACH):
                change = _producer(n * 1000 + k)
                result = clients[two_servers[k % 2]].push([change]).results[0]
                assert result.status == "applied", result
                pushed.append(change.entity_id)
        except BaseException as error:
            errors.append(error)

    seen: dict[str, int] = {}
    done = threading.Event()

    def read() -> None:
        cursor, epoch, turn = 0, None, 0
        try:
            while True:
                finished = done.is_set()
                page = clients[two_servers[turn % 2]].pull(cursor, 50, epoch=epoch)
                turn += 1
                for row in page.rows:
                    if row.entity == "producers":
                        seen[row.id] = seen.get(row.id, 0) + 1
                assert page.cursor >= cursor
                cursor, epoch = page.cursor, page.epoch
                if finished and not page.more:
                    return
        except BaseException as error:
            errors.append(error)

    writers = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    reader = threading.Thread(target=read)
    reader.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=300)
    done.set()
    reader.join(timeout=300)
    for client in clients.values():
        client.close()
    assert errors == []
    assert len(pushed) == WRITERS * ROWS_EACH
    assert set(seen) == set(pushed), "a pull skipped rows"
    assert all(count == 1 for count in seen.values()), "a row came twice"


def test_a_cursor_from_one_process_is_honoured_by_the_other(two_servers):
    a, b = two_servers
    first, second = _client(a), _client(b)
    first.push([_producer(1)])
    page = first.pull(0, 500)
    second.push([_producer(2)])
    try:
        following = second.pull(page.cursor, 500, epoch=page.epoch)
    except SyncError as error:
        pytest.fail(f"the other process refused the cursor: {error}")
    finally:
        first.close()
        second.close()
    assert [row.entity for row in following.rows].count("producers") == 1
