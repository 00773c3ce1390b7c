"""Import of a provincial product list from Excel (issue 16 targets: a 5,000-row sheet previewed in ≤ 5 s, and
written in ≤ 3× a raw insert of the same rows).

The raw insert is the same producers and products put into an empty database with SQLAlchemy's bulk INSERT
(`session.execute(insert(Model), rows)`, one executemany each), no checks, no journal and no search index: what
the import's checks, public codes, journal entries and search index cost on top of that is the ratio. A plainer
baseline, Core's executemany with every row given every column, is printed beside it. Each figure is the best of
three runs on fresh databases, so that a busy machine moves both sides alike.

`python -m bench.bench_import [N]`
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import Producer, Product
from ocop_desktop.db.models.journal import ChangeJournal
from ocop_desktop.db.schema import open_database
from ocop_desktop.db.types import utcnow
from ocop_desktop.services import import_xlsx

ROOT = Path(__file__).resolve().parents[1]
PREVIEW_TARGET_S, WRITE_RATIO_TARGET = 5.0, 3.0


def _sample_writer():
    spec = importlib.util.spec_from_file_location("make_sample_import", ROOT / "tools" / "make_sample_import.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _rows(preview: import_xlsx.Preview, every_column: bool) -> tuple[list[dict], list[dict]]:
    producers, products = [], []
    texts = ("name", "registration_no", "tax_code", "address", "phone")
    for row in preview.rows:
        v = row.values
        pid = new_id()
        given = {k: v["producer"].get(k, "") for k in texts} if every_column else v["producer"]
        producers.append({"id": pid, "kind": v["kind"], "commune_code": v["commune_code"], **given})
        products.append({"id": new_id(), "producer_id": pid, "name": v["product"], "subgroup_code": v["subgroup"],
                         "commune_code": v["commune_code"], "description": v["note"]})
    if every_column:
        now = utcnow()
        for row in producers + products:
            row.update(created_at=now, updated_at=now, deleted=False)
    return producers, products


def _raw_insert(path: Path, preview: import_xlsx.Preview, core: bool = False) -> float:
    db = open_database(path)
    producers, products = _rows(preview, every_column=core)
    start = time.perf_counter()
    with db.session() as s:
        s.info["journal"] = False  # the baseline: the rows alone, as a bulk load would put them
        if core:
            conn = s.connection()
            conn.execute(insert(Producer), producers)  # a Connection: Core, not the ORM
            conn.execute(insert(Product), products)
        else:
            s.execute(insert(Producer), producers)
            s.execute(insert(Product), products)
        s.commit()
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def _write(path: Path, preview: import_xlsx.Preview) -> float:
    db = open_database(path)
    with db.session() as s:
        start = time.perf_counter()
        import_xlsx.commit_import(s, preview)
        s.commit()
        seconds = time.perf_counter() - start
        imported = s.scalar(select(func.count()).select_from(ChangeJournal))
    db.close()
    if imported != 2 * preview.count("new"):
        raise AssertionError(f"{imported} journal entries for {preview.count('new')} new rows")
    return seconds


def run(n: int = 5000, repeat: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sheet = _sample_writer().write(folder / "list.xlsx", n)
        db = open_database(folder / "ocop.sqlite3")
        with db.session() as s:
            start = time.perf_counter()
            preview = import_xlsx.preview_import(s, sheet)
            preview_s = time.perf_counter() - start
        db.close()
        write_s = min(_write(folder / f"write{i}.sqlite3", preview) for i in range(repeat))
        raw_s = min(_raw_insert(folder / f"raw{i}.sqlite3", preview) for i in range(repeat))
        core_s = min(_raw_insert(folder / f"core{i}.sqlite3", preview, core=True) for i in range(repeat))
    ratio = write_s / raw_s if raw_s else float("inf")
    print(f"import of {n} rows: preview {preview_s:.2f} s (target ≤ {PREVIEW_TARGET_S:.0f} s); write {write_s:.2f} s "
          f"(rows, checks, public codes, {2 * preview.count('new')} journal entries, search index), raw bulk insert "
          f"{raw_s:.3f} s, ratio {ratio:.1f}× (target ≤ {WRITE_RATIO_TARGET:.0f}×); Core executemany {core_s:.3f} s, "
          f"ratio {write_s / core_s:.1f}×; {preview.count('new')} new, {preview.count('error')} errors")
    return {"preview_s": preview_s, "write_s": write_s, "raw_s": raw_s, "core_s": core_s, "ratio": ratio}


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
