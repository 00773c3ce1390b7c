"""Runs every benchmark: `make bench` or `python -m bench [N]`."""

from __future__ import annotations

import platform
import sys

from bench import (
    bench_import,
    bench_insert,
    bench_log_sync,
    bench_map_clusters,
    bench_map_ui,
    bench_overview,
    bench_scoring,
    bench_search,
    bench_sync,
    bench_translog,
    bench_ui_filter,
    bench_ui_start,
    labels_bench,
)


def smoke() -> None:
    """Every benchmark at a tiny size: the figures mean nothing, but a benchmark that no longer runs is
    found by the test suite (tests/test_benchmarks.py) instead of by whoever next needs its figures."""
    bench_scoring.run()
    db = bench_insert.run(300)
    bench_search.run(db, repeat=1)
    db.close()
    bench_sync.run(50, 300, 3)
    bench_ui_filter.run(200)
    bench_ui_start.run(200, rounds=1)
    bench_overview.run(200, rounds=1)
    bench_map_clusters.run(500, repeat=1)
    bench_map_ui.run(500, frames=10, rounds=1)
    bench_translog.run(2000, probes=10)
    bench_log_sync.run(20, 200, 50, repeat=3)
    labels_bench.run(6, rounds=1)
    bench_import.run(20, repeat=1)


def main() -> None:
    """`python -m bench [N] [local|sync|ui|map|trace|all]`: N dossiers for the local and UI benchmarks (default 50,000);
    the map benchmarks always place 20,000 producers (the map's frames and first screen run with ui and map).
    `python -m bench smoke`: every benchmark at a tiny size, to see that each still runs."""
    if sys.argv[1:2] == ["smoke"]:
        smoke()
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    which = sys.argv[2] if len(sys.argv) > 2 else "all"
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or ''}")
    if which in ("local", "all"):
        bench_scoring.run()
        db = bench_insert.run(n)
        bench_search.run(db)
        db.close()
        bench_import.run()
    if which in ("map", "all"):
        bench_map_clusters.run()
    if which in ("sync", "all"):
        bench_sync.run()
        bench_log_sync.run()
    if which in ("ui", "all"):
        bench_ui_filter.run(n)
        bench_ui_start.run(n)
        bench_overview.run(n)
    if which in ("ui", "map", "all"):
        bench_map_ui.run()
    if which in ("trace", "all"):
        bench_translog.run()
        labels_bench.run()


if __name__ == "__main__":
    main()
