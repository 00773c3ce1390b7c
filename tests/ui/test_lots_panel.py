"""Hồ sơ's "Lô sản xuất" tab: a recognised product's lots listed, added, edited and withdrawn offline, photos
attached; bad input gets a clear Vietnamese message, keeps what was typed and writes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select

from ocop_desktop.db.models import Dossier, LotPhoto, ProductionLot
from ocop_desktop.db.schema import Database
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.editor import TAB_LOTS, DossierEditor
from ocop_desktop.ui.lots.panel import COL_CODE, COL_STATE, LotsPanel

TODAY = date.today()
GOOD = {"lot_code": "L-TEST-01", "produced_on": TODAY - timedelta(days=2), "expires_on": TODAY + timedelta(days=300),
        "expiry_kind": "expiry", "quantity": "120", "unit": "chai", "origin": "Vùng nguyên liệu Cẩm Xuyên",
        "notes": ""}


@pytest.fixture
def editor(qtbot, context: AppContext, demo_db: Database) -> DossierEditor:
    """The editor open on a demo dossier whose product is recognised and has lots (demo_lots)."""
    with demo_db.session() as s:
        product_id = s.scalar(select(ProductionLot.product_id).order_by(ProductionLot.lot_code))
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.product_id == product_id))
    editor = DossierEditor(context)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.load(dossier_id)
    editor.tabs.setCurrentIndex(TAB_LOTS)
    return editor


@pytest.fixture
def panel(editor: DossierEditor) -> LotsPanel:
    return editor.lots


def _count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ProductionLot))


def _row_of(panel: LotsPanel, code: str) -> int:
    return next(r for r in range(panel.table.rowCount()) if panel.table.item(r, COL_CODE).text() == code)


def test_lots_are_listed_and_a_new_one_is_added(panel: LotsPanel, demo_db: Database, screenshots: Path):
    """The product's demo lots show; "Thêm lô…" saves a new one and it appears in the table."""
    before = panel.table.rowCount()
    assert before >= 2 and panel.add_button.isEnabled()
    panel.ask_lot = lambda **kw: dict(GOOD)
    panel.add_button.click()
    assert panel.message.text() == "" and panel.table.rowCount() == before + 1
    row = _row_of(panel, "L-TEST-01")
    assert panel.table.item(row, COL_STATE).text() == "Đang lưu hành"
    panel.table.selectRow(row)
    panel.window().grab().save(str(screenshots / "lots_tab.png"))


@pytest.mark.parametrize(("change", "words"), [
    ({"expires_on": TODAY - timedelta(days=10)}, "Hạn dùng phải sau ngày sản xuất"),
    ({"quantity": "-5"}, "Số lượng không được âm"),
    ({"lot_code": "Lô 1"}, "Mã lô không hợp lệ"),
])
def test_bad_input_is_refused_in_words_and_kept(panel: LotsPanel, demo_db: Database, change: dict, words: str):
    """A refused lot writes nothing; the form opens again with what was typed and the reason."""
    before = _count(demo_db)
    typed = {**GOOD, **change}
    panel.ask_lot = lambda **kw: typed
    panel.add_button.click()
    assert words in panel.message.text() and _count(demo_db) == before
    seen = {}
    panel.ask_lot = lambda **kw: seen.update(kw)
    panel.add_button.click()
    assert seen["values"] == typed and words in seen["error"]


def test_a_lot_code_already_taken_is_refused(panel: LotsPanel, demo_db: Database):
    taken = panel.table.item(0, COL_CODE).text()
    before = _count(demo_db)
    panel.ask_lot = lambda **kw: {**GOOD, "lot_code": taken}
    panel.add_button.click()
    assert f"đã có lô mã “{taken}”" in panel.message.text() and _count(demo_db) == before


def test_withdrawal_needs_a_reason_and_a_yes(panel: LotsPanel, demo_db: Database):
    """A printed lot cannot be deleted; it is withdrawn with a reason after a confirmation."""
    with demo_db.session() as s:
        printed = s.scalar(select(ProductionLot).where(ProductionLot.label_printed_at.is_not(None),
                                                      ProductionLot.withdrawn_on.is_(None),
                                                      ProductionLot.product_id == panel.view.product_id))
        code, lot_id = printed.lot_code, printed.id
    panel.table.selectRow(_row_of(panel, code))
    assert not panel.delete_button.isEnabled() and panel.withdraw_button.isEnabled()
    panel.ask_withdrawal = lambda **kw: (TODAY, "Nắp chai không kín")
    panel.confirm = lambda question: False
    panel.withdraw_button.click()
    with demo_db.session() as s:
        assert s.get(ProductionLot, lot_id).withdrawn_on is None
    panel.confirm = lambda question: True
    panel.withdraw_button.click()
    with demo_db.session() as s:
        assert s.get(ProductionLot, lot_id).withdrawal_reason == "Nắp chai không kín"
    assert panel.table.item(_row_of(panel, code), COL_STATE).text().startswith("Đã thu hồi")
    assert not panel.edit_button.isEnabled()


def test_photos_attach_and_a_non_image_is_refused(panel: LotsPanel, demo_db: Database, tmp_path: Path):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    photo = tmp_path / "lô hàng.png"
    assert image.save(str(photo))
    fake = tmp_path / "ảnh giả.jpg"
    fake.write_text("not a picture")
    panel.table.selectRow(0)
    panel.choose_photo = lambda: str(fake)
    panel.photo_button.click()
    assert "không phải ảnh" in panel.message.text()
    panel.choose_photo = lambda: str(photo)
    panel.photo_button.click()
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(LotPhoto)) == 1
    assert panel.photos.count() == 2  # the thumbnail and the stretch after it


def test_an_unprinted_lot_is_deleted_after_a_yes(panel: LotsPanel, demo_db: Database):
    panel.ask_lot = lambda **kw: {**GOOD, "lot_code": "L-NHAM"}
    panel.add_button.click()
    panel.table.selectRow(_row_of(panel, "L-NHAM"))
    assert panel.delete_button.isEnabled()
    panel.confirm = lambda question: "L-NHAM" in question
    panel.delete_button.click()
    assert all(panel.table.item(r, COL_CODE).text() != "L-NHAM" for r in range(panel.table.rowCount()))
    with demo_db.session() as s:
        assert s.scalar(select(ProductionLot.deleted).where(ProductionLot.lot_code == "L-NHAM")) is True


def test_a_scanned_lot_is_selected_even_before_the_list_has_loaded(panel: LotsPanel, demo_db: Database):
    with demo_db.session() as s:
        codes = list(s.scalars(select(ProductionLot.lot_code).where(
            ProductionLot.product_id == panel.view.product_id).order_by(ProductionLot.lot_code)))
        last = s.scalar(select(ProductionLot.id).where(ProductionLot.lot_code == codes[-1]))
    panel.table.selectRow(0)
    panel.select_lot(last)
    assert panel.selected().id == last
    panel.table.selectRow(0)
    panel.view = None  # as on a fresh editor: the scan names the lot before the lots are read
    panel.select_lot(last)
    panel.reload()
    assert panel.selected().id == last
