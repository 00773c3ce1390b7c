"""The transparency log: append throughput into the server's database, and proof sizes and times.

Targets (issue 15): 1,000,000 appends at ≥ 10,000 per second; an inclusion proof at 1,000,000 entries
≤ 640 bytes, made in ≤ 1 ms and verified in ≤ 0.1 ms. Baseline, measured in the same run: inserting the
same entry rows alone, without the tree or checkpoints (the cost of merely storing the entries)."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ocop_core.translog.merkle import leaf_hash, verify_consistency, verify_inclusion
from ocop_core.translog.notes import Signer
from ocop_server.database import make_engine, migrate
from ocop_server.translog import log
from ocop_server.translog.tables import LogEntry

BATCH = 1000


def _entry(i: int) -> dict:
    return {"kind": "lot_recorded", "lot_id": f"{i:036d}", "product_id": "p", "lot_code": f"L{i}"}


def _appends(engine, n: int, signer: Signer) -> float:
    start = time.perf_counter()
    for first in range(0, n, BATCH):
        with Session(engine, info={"log_signer": signer}) as session:
            log.append(session, [("production_lots", f"{i:036d}", _entry(i))
                                 for i in range(first, min(n, first + BATCH))], signer)
            session.commit()
    return time.perf_counter() - start


def _raw(engine, n: int) -> float:
    now = datetime.now(UTC)
    start = time.perf_counter()
    for first in range(0, n, BATCH):
        with Session(engine) as session:
            session.execute(insert(LogEntry), [
                {"idx": i, "kind": "lot_recorded", "entity": "production_lots", "entity_id": f"{i:036d}",
                 "body": b"{}", "logged_at": now} for i in range(first, min(n, first + BATCH))])
            session.commit()
    return time.perf_counter() - start


def _timed(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def run(n: int = 1_000_000, probes: int = 200) -> None:
    signer = Signer.generate("bench.example/log")
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'log.sqlite3'}")
        migrate(engine)
        seconds = _appends(engine, n, signer)
        raw_engine = make_engine(f"sqlite:///{Path(folder) / 'raw.sqlite3'}")
        migrate(raw_engine)
        raw = _raw(raw_engine, n)
        print(f"translog append: {n:,} entries in {seconds:.1f} s = {n / seconds:,.0f}/s "
              f"(raw insert of the entry rows alone: {n / raw:,.0f}/s, ratio {seconds / raw:.2f}×; target ≥ 10,000/s)")
        rng = random.Random(5)
        with Session(engine) as session:
            size = log.size(session)
            root = log.root(session, size)
            picks = [rng.randrange(size) for _ in range(probes)]
            made = sorted(_timed(lambda i=i: log.inclusion(session, i, size), 3) for i in picks)
            proof = log.inclusion(session, picks[0], size)
            body = bytes(log.entries(session, picks[0], picks[0] + 1)[0].body)
            check = _timed(lambda: verify_inclusion(picks[0], size, leaf_hash(body), proof, root), 200)
            old = size // 3 + 7
            consistency = log.consistency(session, old, size)
            made_c = _timed(lambda: log.consistency(session, old, size), 20)
            old_root = log.root(session, old)
            check_c = _timed(lambda: verify_consistency(old, size, old_root, root, consistency), 200)
        print(f"translog inclusion proof at {size:,}: {32 * len(proof)} bytes (target ≤ 640), made in "
              f"{statistics.median(made) * 1000:.2f} ms median / {made[int(len(made) * .95)] * 1000:.2f} ms p95 "
              f"(target ≤ 1 ms), verified in {check * 1000:.3f} ms (target ≤ 0.1 ms)")
        print(f"translog consistency proof {old:,}→{size:,}: {32 * len(consistency)} bytes, made in "
              f"{made_c * 1000:.2f} ms, verified in {check_c * 1000:.3f} ms")
        engine.dispose()
        raw_engine.dispose()


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
