"""Runs every benchmark: `make bench` or `python -m bench [N]`."""

from __future__ import annotations

import platform
import sys

from bench import bench_insert, bench_scoring, bench_search


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    print(f"python {platform.python_version()} on {platform.machine()}, N = {n}")
    bench_scoring.run()
    db = bench_insert.run(n)
    bench_search.run(db)
    db.close()


if __name__ == "__main__":
    main()
