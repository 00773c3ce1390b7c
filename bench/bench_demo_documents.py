"""What the required documents cost: the demo build (240 dossiers, as a first start makes it) with the time spent
filing the documents, and the cost of reading a dossier's documents when its council result is assessed.

`python -m bench.bench_demo_documents [scale]`."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from ocop_desktop.db.models import CouncilResult, DossierDocument
from ocop_desktop.db.schema import open_database
from ocop_desktop.services import councils, demo_data, demo_documents


def _timed(module, name: str, spent: list[float]):
    """Wraps ``module.name`` so each call adds its duration to ``spent``; returns the original."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    setattr(module, name, wrapper)
    return original


def run(scale: int = 240) -> None:
    folder = Path(tempfile.mkdtemp(prefix="ocop-bench-docs-"))
    db = open_database(folder / "ocop.sqlite3")
    filing: list[float] = []
    reading: list[float] = []
    file_documents = _timed(demo_documents, "file_documents", filing)
    read_documents = _timed(councils, "dossier_document_failures", reading)
    try:
        start = time.perf_counter()
        demo_data.build(db.session_factory, scale=scale)
        total = time.perf_counter() - start
    finally:
        demo_documents.file_documents = file_documents
        councils.dossier_document_failures = read_documents
    with db.session() as session:
        documents = session.scalar(select(func.count()).select_from(DossierDocument))
        results = session.scalar(select(func.count()).select_from(CouncilResult))
    db.close()
    print(f"demo build, {scale} dossiers: {total:.2f} s in all, {sum(filing):.2f} s filing {documents} documents "
          f"({sum(filing) / max(documents, 1) * 1000:.2f} ms each)")
    print(f"documents read for {len(reading)} assessments ({results} results): "
          f"{sum(reading) / max(len(reading), 1) * 1000:.2f} ms each")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 240)
