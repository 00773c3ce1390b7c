"""A dossier's documents: PDFs previewed by their first page, any document opened in the system's viewer, and a
council member reaching them, read-only, from the scoring sheet."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPageSize, QPainter, QPdfWriter
from sqlalchemy import select

from ocop_desktop.db.models import Dossier, ScoreSheet
from ocop_desktop.db.schema import Database
from ocop_desktop.services import documents
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.editor import DossierEditor
from ocop_desktop.ui.scoring.sheet_widget import SheetWidget


def _pdf(folder: Path, name: str = "phiếu kiểm nghiệm.pdf") -> Path:
    """A one-page A4 PDF whose top-left quarter is red."""
    path = folder / name
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.fillRect(0, 0, writer.width() // 2, writer.height() // 2, QColor("#c62828"))
    painter.end()
    return path


@pytest.fixture
def panel(qtbot, context: AppContext, demo_db: Database):
    editor = DossierEditor(context)
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    with demo_db.session() as s:
        editor.load(s.scalars(select(Dossier.id).where(Dossier.status == "draft")).first())
    return editor.documents


def _select_named(table, name: str) -> None:
    """Selects the document of that file name: demo dossiers already hold their required documents."""
    for row in range(table.rowCount()):
        if any((item := table.item(row, column)) is not None and name in item.text()
               for column in range(table.columnCount())):
            table.selectRow(row)
            return
    raise AssertionError(f"{name} is not listed")


def _attach(panel, path: Path, doc_type: str = "lab_test_report") -> None:
    panel.type_combo.setCurrentIndex(panel.type_combo.findData(doc_type))
    panel.attach_file(path)
    if path.is_file():
        _select_named(panel.table, path.name)


def test_a_pdf_shows_its_first_page(panel, tmp_path: Path) -> None:
    """Selecting an attached PDF shows its first page as a picture, red where the page is red."""
    _attach(panel, _pdf(tmp_path))
    assert panel.preview.has_picture()
    page = panel.preview._pixmap.toImage()
    assert page.width() > 500 and page.pixelColor(page.width() // 4, page.height() // 4).name() == "#c62828"


def test_a_file_without_preview_says_how_to_see_it(panel, tmp_path: Path) -> None:
    """A Word file has no preview: the panel names it and points to "Mở tệp", which is enabled."""
    doc = tmp_path / "kế hoạch kinh doanh.docx"
    doc.write_bytes(b"PK\x03\x04 not really a docx")
    _attach(panel, doc, "business_plan")
    assert not panel.preview.has_picture() and "Mở tệp" in panel.preview.text()
    assert panel.open_button.isEnabled()


def test_open_hands_a_named_private_copy_to_the_system_viewer(panel, tmp_path: Path, monkeypatch, context) -> None:
    """"Mở tệp" gives the system viewer a copy named as the original (so it knows the type), readable by its owner
    only, with the stored bytes; the stored file itself is never handed out."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    source = _pdf(tmp_path)
    _attach(panel, source)
    panel.open_button.click()
    [url] = opened
    copy = Path(url.toLocalFile())
    doc = panel.selected_document()
    assert copy.name == "phiếu kiểm nghiệm.pdf" and copy.read_bytes() == source.read_bytes()
    assert copy != context.blobs.path_for(doc.sha256) and stat.S_IMODE(copy.stat().st_mode) == 0o600
    panel.table.cellDoubleClicked.emit(0, 1)
    assert len(opened) == 2 and Path(opened[1].toLocalFile()) == copy


def test_no_viewer_for_the_type_is_said(panel, tmp_path: Path, monkeypatch) -> None:
    """When the system has no application for the file, the panel says so, naming the file."""
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    _attach(panel, _pdf(tmp_path))
    panel.open_button.click()
    assert "Máy này không có ứng dụng nào mở được tệp “phiếu kiểm nghiệm.pdf”" in panel.message.text()


def test_the_choose_a_type_message_goes_once_a_type_is_chosen(panel) -> None:
    """Attaching without a type says to choose one; choosing one takes the message away."""
    panel.attach_file("/nowhere/x.pdf")
    assert not panel.message.isHidden()
    panel.type_combo.setCurrentIndex(panel.type_combo.findData("awards"))
    assert panel.message.isHidden()


def test_a_missing_file_is_named_with_the_reason(panel, tmp_path: Path) -> None:
    """A path that is no file is refused with the file's name and the words table's reason."""
    _attach(panel, tmp_path / "đã xoá.pdf")
    assert panel.message.text() == ("Tệp “đã xoá.pdf”: Không tìm thấy tệp, hoặc đường dẫn đã chọn không phải là "
                                    "một tệp.")


def test_a_member_reads_the_documents_from_the_sheet(qtbot, context: AppContext, demo_db: Database,
                                                     tmp_path: Path, monkeypatch, screenshots: Path) -> None:
    """The scoring sheet's "Tài liệu hồ sơ…" opens the dossier's documents in a window of their own: listed,
    the first previewed and openable, nothing attachable or removable."""
    with demo_db.session() as s:
        sheet = s.scalars(select(ScoreSheet).where(ScoreSheet.status == "submitted")).first()
        documents.attach_document(s, context.blobs, dossier_id=sheet.dossier_id, file_path=_pdf(tmp_path),
                                  doc_type="lab_test_report")
        s.commit()
        sheet_id = sheet.id
    widget = SheetWidget(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.load(sheet_id)
    assert widget.documents_button.isVisibleTo(widget)
    widget.documents_button.click()
    window = widget._documents.window
    assert window is not None and window.isVisible() and "Tài liệu hồ sơ" in window.windowTitle()
    view = window.panel
    assert view.table.rowCount() >= 1
    _select_named(view.table, "phiếu kiểm nghiệm.pdf")
    assert view.preview.has_picture()
    assert not view.attach_button.isVisibleTo(view) and not view.remove_button.isVisibleTo(view)
    assert not view.acceptDrops()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    view.open_button.click()
    assert Path(opened[0].toLocalFile()).name == "phiếu kiểm nghiệm.pdf"
    assert window.grab().save(str(screenshots / "sheet_documents.png"))


def test_a_preview_sheet_has_no_documents_button(qtbot) -> None:
    """A criteria set previewed without a dossier has no documents to show."""
    widget = SheetWidget(None)
    qtbot.addWidget(widget)
    assert not widget.documents_button.isVisibleTo(widget)
