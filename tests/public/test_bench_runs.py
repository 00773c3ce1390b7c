"""The public-page benchmark still runs (at a tiny size, where its figures mean nothing)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_public_page_benchmark_runs_at_a_tiny_size():
    done = subprocess.run([sys.executable, "-m", "bench.public_page_bench", "50", "20"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    for line in ("/health (baseline)", "product page", "lot page", "unknown code page (404)", "bytes per product page",
                 "catalogue.json, full", "If-None-Match (304)", "real uvicorn: product page"):
        assert line in done.stdout, f"{line!r} missing:\n{done.stdout[-2000:]}"
