"""The dossier list at 50,000 dossiers: load time, sort time, and filter time per keystroke while typing.

`QT_QPA_PLATFORM=offscreen python -m bench.bench_ui_filter [N]`
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from bench.fixtures import fresh_database, seed_products
from ocop_core.domain.dossier_status import STATUSES
from ocop_desktop.db.base import new_id
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import Dossier, Product, Recognition
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.dossier_list import load_dossier_rows, subgroup_names
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.dossiers import list_model as m
from ocop_desktop.ui.dossiers.list_page import DossierListPage
from ocop_desktop.ui.runner import Runner

QUERIES = ("nuoc mam", "ha tinh", "che", "Bưởi Phúc Trạch", "hs-20")


def build(n: int, seed: int = 11) -> Database:
    """N products with one dossier each, a quarter of them recognised; rows written raw (set-up)."""
    rng = random.Random(seed)
    db = fresh_database("ui-filter")
    products = seed_products(db, n)
    now = datetime.now(UTC)
    dossiers, recognitions = [], []
    for product_id, commune in products:
        row_id = new_id()
        dossiers.append({"id": row_id, "product_id": product_id, "code": f"HS-2025-{row_id[:8].upper()}",
                         "kind": "new", "status": rng.choice(STATUSES), "commune_code": commune, "notes": "",
                         "created_at": now, "updated_at": now, "deleted": False})
        if rng.random() < 0.25:
            decided = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 3 * 365))
            recognitions.append({"id": new_id(), "product_id": product_id, "dossier_id": row_id,
                                 "stars": rng.choice((3, 3, 4, 5)), "issuing_body": "UBND tỉnh Hà Tĩnh",
                                 "decision_no": f"{rng.randrange(100, 4000)}/QĐ-UBND", "decision_date": decided,
                                 "valid_until": decided + timedelta(days=3 * 365),
                                 "notice_date": decided + timedelta(days=3 * 365 - 30), "revocation_reason": "",
                                 "created_at": now, "updated_at": now, "deleted": False})
    with db.session() as session:
        session.info["journal"] = False  # set-up rows are not user changes
        session.execute(insert(Dossier), dossiers)
        session.execute(insert(Recognition), recognitions)
        session.commit()
    return db


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"p50 {statistics.median(ordered) * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms   "
            f"max {ordered[-1] * 1000:6.1f} ms")


def _keystrokes(apply, queries=QUERIES, settle=None) -> tuple[list[float], list[float]]:
    """Types each query one character at a time, then deletes it again, timing ``apply(text)`` each time."""
    typing, deleting = [], []
    for query in queries:
        steps = [(query[:k], typing) for k in range(1, len(query) + 1)]
        steps += [(query[:k], deleting) for k in range(len(query) - 1, -1, -1)]
        for text, samples in steps:
            start = time.perf_counter()
            apply(text)
            if settle is not None:
                settle()  # the view's relayout and repaint, as a person would wait for them
            samples.append(time.perf_counter() - start)
    return typing, deleting


def _timed(work):
    start = time.perf_counter()
    result = work()
    return result, (time.perf_counter() - start) * 1000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _build_path(n: int) -> str:
    db = build(n)
    path = str(db.engine.url.database)
    db.close()
    return path


def _model_figures(db: Database) -> None:
    """The model alone: what runs on the database thread, what runs on the interface thread."""
    with db.session() as session:
        load_dossier_rows(session)  # warm the page cache, as a second visit to the screen would be
        loads = [_timed(lambda: load_dossier_rows(session)) for _ in range(3)]
        rows, load_ms = sorted(loads, key=lambda timed: timed[1])[1]  # the median of three
        names = subgroup_names(session)
        a_commune = session.scalar(select(Product.commune_code).limit(1))
    print(f"  load_dossier_rows (Core selects, median):  {load_ms:7.1f} ms  ({len(rows):,} rows, target < 1000)")
    prepared, prepare_ms = _timed(lambda: m.prepare(rows, names, [m.PRODUCT]))
    print(f"  prepare (database thread: fold, collate):  {prepare_ms:7.1f} ms")
    model = m.DossierTableModel()
    model.sort(m.PRODUCT, Qt.SortOrder.AscendingOrder)
    _, set_ms = _timed(lambda: model.set_prepared(prepared))
    print(f"  set_prepared (interface thread):           {set_ms:7.1f} ms")
    for column, label in ((m.PRODUCER, "producer"), (m.COMMUNE, "commune"), (m.EXPIRY, "expiry")):
        _, first = _timed(lambda c=column: model.sort(c, Qt.SortOrder.AscendingOrder))
        _, again = _timed(lambda c=column: model.sort(c, Qt.SortOrder.DescendingOrder))
        print(f"  sort by {label:<9} first {first:6.1f} ms, again {again:6.1f} ms")

    def apply(text: str) -> None:
        model.set_filter(replace(model.filter, text=text))

    typing, deleting = _keystrokes(apply)
    print(f"  filter per keystroke, model, typing:   {_ms(typing)}")
    print(f"  filter per keystroke, model, deleting: {_ms(deleting)}")
    model.set_filter(m.DossierFilter(commune=a_commune))
    inside = _keystrokes(apply)
    print(f"  same inside one commune ({model.rowCount():,} rows):  {_ms(inside[0] + inside[1])}")


def _page_figures(db: Database, folder: Path, app: QApplication) -> None:
    """The real page, as a person types into its search box and waits for the table to repaint."""
    paths = AppPaths(folder).ensure()
    context = AppContext(runner=Runner(db, synchronous=True), paths=paths, blobs=BlobStore(paths.blobs),
                         user=CurrentUser(user_id="bench", username="bench", full_name="Bench", role="admin"))
    page, page_ms = _timed(lambda: DossierListPage(context))
    page.resize(1200, 700)
    page.show()
    app.processEvents()
    print(f"  page opened and loaded (one thread):       {page_ms:7.1f} ms")
    typing, deleting = _keystrokes(page.search.setText, settle=app.processEvents)
    print(f"  keystroke in the page's search box, repainted: {_ms(typing + deleting)}  (target p95 <= 50 ms)")
    page.close()
    context.runner.shutdown()


def run(n: int = 50_000) -> None:
    # Built in a forked child, before Qt starts, so the peak memory printed is the list's own.
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(1) as pool:
        path = Path(pool.apply(_build_path, (n,)))
    print(f"dossier list, {n:,} dossiers (set-up {time.perf_counter() - start:.1f} s)")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    qInstallMessageHandler(lambda _mode, _where, text: None if "propagateSizeHints" in text
                           else print(text, file=sys.stderr))  # offscreen says this of every window
    db = open_database(path)
    baseline_mb = _peak_mb()
    try:
        _model_figures(db)
        gc.collect()  # the model's copy of the list is gone; the page loads its own
        _page_figures(db, path.parent, app)
    finally:
        db.close()
        shutil.rmtree(path.parent, ignore_errors=True)
    print(f"  peak RSS: {_peak_mb():,.0f} MB (Qt, SQLAlchemy and an empty database alone: {baseline_mb:,.0f} MB)")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
