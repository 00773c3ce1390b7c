"""An Excel list imported on one laptop reaches the server and the other laptop like rows typed by hand: same
producers, products and public codes, found by search there, and the same list imported again on the other
laptop creates nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ocop_desktop.db import search
from ocop_desktop.db.models import Producer, Product
from ocop_desktop.services import import_xlsx

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "ocop-ha-tinh-san-pham.xlsx"


def _products(session) -> set[tuple[str, str, str]]:
    rows = session.execute(select(Product.name, Product.public_code, Producer.name)
                           .join(Producer, Producer.id == Product.producer_id))
    return {tuple(r) for r in rows}


def test_an_imported_list_syncs_and_is_not_imported_twice(make_laptop):
    a, b = make_laptop("a"), make_laptop("b")
    with a.session() as s:
        preview = import_xlsx.preview_import(s, SAMPLE)
        import_xlsx.commit_import(s, preview)
        s.commit()
        imported = _products(s)
    assert len(imported) == preview.count("new") == 5
    report = a.sync()
    assert (report.rejected, report.pushed) == (0, 10)
    b.sync()
    with b.session() as s:
        assert _products(s) == imported
        name = sorted(imported)[0][0]
        assert any(h.kind == "product" for h in search.search(s, name))
        again = import_xlsx.preview_import(s, SAMPLE)
        assert {r.action for r in again.rows} == {"unchanged"}
