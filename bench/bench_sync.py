"""Sync benchmarks: first sync, no-change round trip, bytes per field, 200 devices, resumed upload."""

from __future__ import annotations

import contextlib
import hashlib
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, text

from bench import bench_devices
from bench.bench_devices import PASSWORD, ServerProcess
from bench.sync_seed import seed
from ocop_core.entities import ENTITIES
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.models import Producer
from ocop_desktop.db.schema import open_database
from ocop_desktop.db.sync_store import from_wire, models
from ocop_desktop.services import registry
from ocop_desktop.sync import attachments
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.engine import SyncEngine
from ocop_server.testing import LiveServer


def _laptop(folder: Path, server: LiveServer, name: str):
    db = open_database(folder / f"{name}.sqlite3")
    with db.session() as s:
        dev = device_id(s)
    client = ServerClient(server.url, dev)
    client.login("admin", PASSWORD, name)
    return db, client, BlobStore(folder / f"{name}-files")


def _raw_insert(folder: Path, rows: dict[str, list[dict]]) -> float:
    db = open_database(folder / "raw.sqlite3")
    table_models = models()
    start = time.perf_counter()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        for entity, items in rows.items():
            spec = ENTITIES[entity]
            values = [{k: from_wire(spec.fields[k], v) for k, v in item.items() if k in spec.fields} for item in items]
            for start_at in range(0, len(values), 5000):
                conn.execute(insert(table_models[entity]), values[start_at:start_at + 5000])
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def first_sync(folder: Path, server: LiveServer, dossiers: int, lines: int):
    rows = seed(server, dossiers, lines)
    total = sum(len(v) for v in rows.values())
    raw = _raw_insert(folder, rows)
    # The seeded database served by its own process, as deployed (see ServerProcess).
    server.stop()
    process = ServerProcess(folder / "server", database_url=server.settings.database_url, create_admin=False,
                            log_key_file=server.settings.log_key_file).start()
    try:
        return _first_sync(folder, process, dossiers, total, raw)
    finally:
        process.stop()
        server.start()


def _first_sync(folder: Path, server, dossiers: int, total: int, raw: float):
    db, client, blobs = _laptop(folder, server, "first")
    start = time.perf_counter()
    report = SyncEngine(db, client, blobs).sync()
    elapsed = time.perf_counter() - start
    with db.engine.connect() as conn:
        lines_here = conn.execute(text("SELECT count(*) FROM score_lines")).scalar()
    print(f"first sync: {dossiers} dossiers, {lines_here} score lines, {total} rows in all")
    print(f"  laptop first sync:           {elapsed:7.2f} s  (target <= 30 s), {report.pulled} rows, "
          f"{client.bytes_received / 1e6:.1f} MB received")
    print(f"  raw SQLite bulk insert:      {raw:7.2f} s")
    print(f"  ratio:                       {elapsed / raw:7.2f}x (target <= 5x)")
    return db, client, blobs


def no_change(db, client, blobs, repeat: int = 20) -> None:
    engine = SyncEngine(db, client, blobs)
    engine.sync()
    times, sizes = [], []
    for _ in range(repeat):
        sent, received = client.bytes_sent, client.bytes_received
        start = time.perf_counter()
        engine.sync()
        times.append((time.perf_counter() - start) * 1000)
        sizes.append(client.bytes_sent - sent + client.bytes_received - received)
    print(f"no-change sync round trip: p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
          f"(target <= 150 ms); {statistics.median(sizes):.0f} B on the wire incl. headers (target <= 2 kB)")


def bytes_per_field(db, client, blobs, n: int = 100) -> None:
    with db.session() as s:
        ids = [p.id for p in s.query(Producer).limit(n)]
        for i, producer_id in enumerate(ids):
            registry.update_producer(s, producer_id, phone=f"0912{i:06d}")
            s.commit()
    sent = client.bytes_sent
    original = client.push
    sizes = []

    def measuring_push(changes, **position):
        before = client.bytes_sent
        result = original(changes, **position)
        sizes.append(client.bytes_sent - before)
        return result

    client.push = measuring_push
    SyncEngine(db, client, blobs).sync()
    client.push = original
    print(f"push of {n} changed fields: {sizes[0]} B compressed request incl. headers "
          f"= {sizes[0] / n:.0f} B per field (target <= 200 B); whole sync {client.bytes_sent - sent} B sent")


def resumed_upload(folder: Path, server: LiveServer, size: int = 20 * 1024 * 1024) -> None:
    blobs = BlobStore(folder / "upload-files")
    ref = blobs.put_bytes(os.urandom(size))
    client = ServerClient(server.url, str(uuid.uuid4()), retries=0)
    client.login("admin", PASSWORD, "uploader")
    chunk = server.settings.chunk_bytes
    real = client.upload_chunk
    calls = {"n": 0}

    def cut_at_half(sha, offset, data):
        if offset >= size // 2:
            raise SyncError("network", "cut")
        calls["n"] += 1
        return real(sha, offset, data)

    client.upload_chunk = cut_at_half
    with contextlib.suppress(SyncError):
        attachments.upload(client, blobs, ref.sha256, chunk)
    client.upload_chunk = real
    resent = attachments.upload(client, blobs, ref.sha256, chunk) - (size - size // 2)
    state = client.upload_state(ref.sha256, size)
    digest = hashlib.sha256(server.settings.files_dir.joinpath(ref.sha256[:2], ref.sha256).read_bytes()).hexdigest()
    print(f"20 MB upload cut at 50 %: {max(resent, 0)} B sent again on resume (target <= one chunk = {chunk} B); "
          f"complete={state.complete}, hash verified={digest == ref.sha256}")


def run(dossiers: int = 10_000, lines: int = 100_000, devices: int = 200) -> None:
    folder = Path(tempfile.mkdtemp(prefix="ocop-bench-sync-"))
    # First, while this process is still small: after the first sync it holds a 127,000-row laptop,
    # and the 200 simulated devices (threads of this process) would pay for that heap, not the server.
    bench_devices.run(folder / "process", devices)
    server = LiveServer(folder / "server").start()
    server.create_user("admin", PASSWORD, "admin")
    try:
        db, client, blobs = first_sync(folder, server, dossiers, lines)
        client.base_url = server.url  # same database, now served in-process again
        no_change(db, client, blobs)
        bytes_per_field(db, client, blobs)
        db.close()
        resumed_upload(folder, server)
    finally:
        server.stop()


if __name__ == "__main__":
    import sys

    run(*(int(a) for a in sys.argv[1:]))
