"""Accent-insensitive search over a 50,000-dossier database: p50/p95 per query."""

from __future__ import annotations

import statistics
import time

from ocop_desktop.db import search
from ocop_desktop.db.schema import Database

QUERIES = ["nuoc mam", "Nước mắm", "cam", "mat ong", "banh da vung", "dong", "Đồng", "keo cu do", "HTX",
           "thach", "ky", "hong linh", "tra thao duoc", "chan", "n", "HS-2026", "buoi phuc trach", "huong son",
           "cong ty tnhh", "ho kinh doanh", "ca kho", "xuan", "loc", "thi", "nhung huou", "zzz"]


def _measure(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        for q in QUERIES:
            start = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def _pct(samples: list[float], p: float) -> float:
    return statistics.quantiles(samples, n=100)[int(p) - 1]


def run(db: Database, repeat: int = 5) -> None:
    with db.session() as session:
        hits = _measure(lambda q: search.search(session, q, kinds=("dossier",), limit=50), repeat)
        ids = _measure(lambda q: search.search_ids(session, q, "dossier"), repeat)
        sizes = {q: len(search.search_ids(session, q, "dossier") or []) for q in ("nuoc mam", "n", "zzz")}
        baseline = _measure(lambda q: session.connection().exec_driver_sql(
            "SELECT id FROM dossiers WHERE code = ?", (q,)).all(), repeat)
    print(f"search over dossiers ({len(QUERIES)} queries x {repeat}):")
    print("  top 50 (ranked up to 2000 matches, else newest):")
    print(f"                      p50 {statistics.median(hits):6.2f} ms  p95 {_pct(hits, 95):6.2f} ms  "
          "(target p95 <= 30 ms)")
    print(f"  every matching id:  p50 {statistics.median(ids):6.2f} ms  p95 {_pct(ids, 95):6.2f} ms")
    print(f"  baseline indexed equality lookup: p50 {statistics.median(baseline):6.3f} ms")
    print(f"  matches: {sizes}")
