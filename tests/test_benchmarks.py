"""The benchmarks still run. Each runs at a tiny size in its own process (the figures mean nothing
here): a change that breaks one is caught by the suite, not by whoever next needs its figures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_benchmark_runs_at_a_tiny_size():
    done = subprocess.run([sys.executable, "-m", "bench", "smoke"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for line in ("scoring", "first sync:", "no-change sync round trip", "20 MB upload cut at 50 %",
                 "keystroke in the page's search box", "cold start, 200 dossiers", "login window",
                 "peak memory with 200 dossiers", "cluster build, every zoom",
                 "pan at z11:", "first screen of", "translog append:", "translog inclusion proof",
                 "labels bench:", "import of 20 rows:"):
        assert line in out, f"{line!r} missing from the benchmarks' output:\n{out[-3000:]}"
