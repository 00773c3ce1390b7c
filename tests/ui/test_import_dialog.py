"""The Excel import dialog with demo data: the preview shows every row with what it will do and nothing is
written until confirmed; a refused confirmation writes nothing; a confirmed one writes once; an unknown header is
matched by hand in the mapping table; a file that is not Excel is said."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from sqlalchemy import func, select

from ocop_desktop.db.models import Product
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.import_dialog.dialog import COL_ACTION, COL_REASON, ImportDialog

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "ocop-ha-tinh-san-pham.xlsx"


def _products(context: AppContext) -> int:
    with context.runner.db.session() as s:
        return s.scalar(select(func.count()).select_from(Product))


def _dialog(qtbot, context: AppContext, path: Path) -> ImportDialog:
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    return dialog


def test_preview_then_confirm_writes_once(qtbot, context: AppContext, screenshots: Path, monkeypatch):
    before = _products(context)
    dialog = _dialog(qtbot, context, SAMPLE)
    assert dialog.table.rowCount() == 5 and dialog.table.item(0, COL_ACTION).text() == "Thêm mới"
    assert _products(context) == before and dialog.confirm_button.isEnabled()
    dialog.grab().save(str(screenshots / "import-preview.png"))
    monkeypatch.setattr(ImportDialog, "ask", lambda self, preview: False)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert _products(context) == before
    monkeypatch.setattr(ImportDialog, "ask", lambda self, preview: True)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert _products(context) == before + 5 and "Đã nhập xong" in dialog.summary.text()
    again = _dialog(qtbot, context, SAMPLE)
    assert {again.table.item(i, COL_ACTION).text() for i in range(5)} == {"Không đổi"}
    assert not again.confirm_button.isEnabled()


def test_an_unknown_header_is_matched_by_hand(qtbot, context: AppContext, tmp_path: Path):
    book = Workbook()
    book.active.append(["TT", "Tên SP", "Cơ sở làm ra", "Địa bàn", "Phân nhóm"])
    book.active.append([1, "Trà xanh", "HTX Chè Hương Sơn", "Thành Sen", "I.1.a"])
    book.save(tmp_path / "khac.xlsx")
    dialog = _dialog(qtbot, context, tmp_path / "khac.xlsx")
    assert "Chủ thể" in dialog.summary.text()  # no column for the producer yet
    combo = dialog.mapping.cellWidget(2, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("producer"))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, COL_ACTION).text() == "Thêm mới"
    assert dialog.table.item(0, COL_REASON).text() == ""


def test_a_file_that_is_not_excel_is_said(qtbot, context: AppContext, tmp_path: Path):
    (tmp_path / "ds.xlsx").write_text("STT;Tên sản phẩm\n", encoding="utf-8")
    dialog = _dialog(qtbot, context, tmp_path / "ds.xlsx")
    assert "không phải bảng tính Excel" in dialog.summary.text() and not dialog.confirm_button.isEnabled()
