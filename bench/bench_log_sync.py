"""What the transparency-log check adds to a no-change sync (issue 15: at most 5 %).

A laptop holding demo-sized data (240 dossiers by default) syncs against the server in its own process; the log
holds entries already checked, so a no-change sync costs the check one checkpoint request and one signature.
Syncs with and without the check alternate, so a slow moment of the machine weighs on both alike; "without"
replaces the check (LogChecker.run and raise_if_alarmed) by nothing, which only a benchmark may do.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.bench_devices import PASSWORD, ServerProcess
from bench.sync_seed import seed
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.schema import open_database
from ocop_desktop.sync.client import ServerClient
from ocop_desktop.sync.engine import SyncEngine
from ocop_desktop.sync.log_check import LogChecker
from ocop_server.testing import LiveServer
from ocop_server.translog import log


@contextmanager
def _without_check() -> Iterator[None]:
    run, alarmed = LogChecker.run, LogChecker.raise_if_alarmed
    LogChecker.run = lambda self, note=None: None  # type: ignore[method-assign,assignment,return-value]
    LogChecker.raise_if_alarmed = lambda self: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        LogChecker.run, LogChecker.raise_if_alarmed = run, alarmed  # type: ignore[method-assign]


def _seeded_server(folder: Path, dossiers: int, lines: int, entries: int) -> LiveServer:
    server = LiveServer(folder / "server").start()
    server.create_user("admin", PASSWORD, "admin")
    seed(server, dossiers, lines)
    app = server.app
    assert app is not None  # started above
    with app.state.write_sessions() as session:
        log.append(session, [("production_lots", str(uuid.uuid4()), {"kind": "lot_recorded", "lot_code": f"L{i}"})
                             for i in range(entries)], app.state.log_signer)
        session.commit()
    server.stop()
    return server


def _timed(engine: SyncEngine) -> float:
    start = time.perf_counter()
    engine.sync()
    return (time.perf_counter() - start) * 1000


def run(dossiers: int = 240, lines: int = 6000, entries: int = 1000, repeat: int = 40) -> float:
    """Prints the medians and returns the check's share of a no-change sync (0.03 = 3 %)."""
    folder = Path(tempfile.mkdtemp(prefix="ocop-bench-log-sync-"))
    seeded = _seeded_server(folder, dossiers, lines, entries)
    process = ServerProcess(folder / "process", database_url=seeded.settings.database_url, create_admin=False,
                            log_key_file=seeded.settings.log_key_file).start()
    db = open_database(folder / "laptop.sqlite3")
    try:
        with db.session() as session:
            device = device_id(session)
            session.commit()
        client = ServerClient(process.url, device)
        client.login("admin", PASSWORD, "bench")
        engine = SyncEngine(db, client, BlobStore(folder / "files"))
        first = engine.sync()  # pins the key and checks every entry
        engine.sync()
        with_check: list[float] = []
        without: list[float] = []
        for i in range(repeat):
            for checked in ((True, False) if i % 2 == 0 else (False, True)):
                if checked:
                    with_check.append(_timed(engine))
                else:
                    with _without_check():
                        without.append(_timed(engine))
        client.close()
    finally:
        db.close()
        process.stop()
    a, b = statistics.median(with_check), statistics.median(without)
    share = (a - b) / b
    size = first.log.size if first.log else 0
    print(f"log check on a no-change sync ({dossiers} dossiers, {first.pulled} rows, log of {size} entries): "
          f"p50 {a:.1f} ms with, {b:.1f} ms without: +{a - b:.1f} ms = {share * 100:+.1f} % (target <= 5 %)")
    return share


if __name__ == "__main__":
    import sys

    run(*(int(a) for a in sys.argv[1:]))
