"""Import of a provincial product list from Excel (issue 16 targets: a 5,000-row sheet previewed in ≤ 5 s, and
written in ≤ 3× a raw insert of the same rows).

The raw insert is the same producers and products put into an empty database with one executemany each, no
checks and no journal: what the import's services, checks and journal cost on top of that is the ratio.

`python -m bench.bench_import [N]`
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import Producer, Product
from ocop_desktop.db.schema import open_database
from ocop_desktop.services import import_xlsx

ROOT = Path(__file__).resolve().parents[1]
PREVIEW_TARGET_S, WRITE_RATIO_TARGET = 5.0, 3.0


def _sample_writer():
    spec = importlib.util.spec_from_file_location("make_sample_import", ROOT / "tools" / "make_sample_import.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _raw_insert(folder: Path, preview: import_xlsx.Preview) -> float:
    db = open_database(folder / "raw.sqlite3")
    producers, products = [], []
    for row in preview.rows:
        v = row.values
        pid = new_id()
        producers.append({"id": pid, "kind": v["kind"], "commune_code": v["commune_code"], **v["producer"]})
        products.append({"id": new_id(), "producer_id": pid, "name": v["product"], "subgroup_code": v["subgroup"],
                         "commune_code": v["commune_code"], "description": v["note"]})
    start = time.perf_counter()
    with db.session() as s:
        s.info["journal"] = False  # the baseline: the rows alone, as a bulk load would put them
        s.execute(insert(Producer), producers)
        s.execute(insert(Product), products)
        s.commit()
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def run(n: int = 5000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sheet = _sample_writer().write(folder / "list.xlsx", n)
        db = open_database(folder / "ocop.sqlite3")
        with db.session() as s:
            start = time.perf_counter()
            preview = import_xlsx.preview_import(s, sheet)
            preview_s = time.perf_counter() - start
            start = time.perf_counter()
            import_xlsx.commit_import(s, preview)
            s.commit()
            write_s = time.perf_counter() - start
        db.close()
        raw_s = _raw_insert(folder, preview)
    ratio = write_s / raw_s if raw_s else float("inf")
    print(f"import of {n} rows: preview {preview_s:.2f} s (target ≤ {PREVIEW_TARGET_S:.0f} s), write "
          f"{write_s:.2f} s, raw insert {raw_s:.3f} s, ratio {ratio:.1f}× (target ≤ {WRITE_RATIO_TARGET:.0f}×); "
          f"{preview.count('new')} new, {preview.count('error')} errors")
    return {"preview_s": preview_s, "write_s": write_s, "raw_s": raw_s, "ratio": ratio}


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
