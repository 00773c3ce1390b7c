"""Qt's own dialogs and menus speak Vietnamese: every word Qt looks up while they are used is in qt_vi."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollBar,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from ocop_desktop.ui import translations

# Looked up, but not words: shortcuts Qt parses back, and a layout direction flag.
NOT_WORDS = {("QFileDialog", "Alt+Left"), ("QFileDialog", "Alt+Right"), ("QFileDialog", "Alt+Up"),
             ("QGuiApplication", "QT_LAYOUT_DIRECTION")}
# Key names (Ctrl, Del, Esc ...) stay as they are printed on Vietnamese keyboards.
KEY_NAMES = "QShortcut"


class LookupRecorder(QTranslator):
    """Installed last, so Qt asks it first: it notes the question and answers nothing, and Qt goes on to qt_vi."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.asked: set[tuple[str, str, str | None]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if context.startswith("Q"):
            self.asked.add((context, source, disambiguation or None))
        return None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def recorder(qapp) -> Iterator[LookupRecorder]:
    recorder = LookupRecorder(qapp)
    qapp.installTranslator(recorder)
    yield recorder
    qapp.removeTranslator(recorder)


@pytest.fixture
def qt_vi(qapp) -> QTranslator:
    translator = QTranslator(qapp)
    assert translator.load("qt_vi", str(translations.translations_dir()))
    return translator


@pytest.fixture
def closer(qapp) -> Iterator[Callable[[], None]]:
    """Closes whatever message box or menu Qt opens modally, so a test can go through it."""
    def close() -> None:
        for widget in (QApplication.activeModalWidget(), QApplication.activePopupWidget()):
            if isinstance(widget, QMessageBox | QMenu):
                widget.close()
    timer = QTimer()
    timer.timeout.connect(close)
    timer.start(20)
    yield close
    timer.stop()


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "Hồ sơ").mkdir()
    for name in ("bo-tieu-chi.json", "bien-ban.pdf", "anh.png", "ket-qua.xlsx", "ghi-chu.txt"):
        (tmp_path / name).write_bytes(b"{}")
    return tmp_path


def _use_file_dialog(qtbot, folder: Path) -> None:
    """Qt's own file dialog, as the app opens it where the desktop has none: open, then save over a file."""
    dialog = QFileDialog(None, "Chọn tệp", str(folder), "Bộ tiêu chí (*.json);;Mọi tệp (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(100)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText("khong-co.json")
    dialog.accept()  # "file not found", closed by the closer
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    name.setText("bien-ban.pdf")
    dialog.accept()  # "already exists, replace it?"
    dialog.close()


def _use_context_menus(qtbot) -> None:
    for widget in (QLineEdit(), QTextEdit(), QSpinBox(), QDateEdit(), QScrollBar(Qt.Orientation.Vertical),
                   QScrollBar(Qt.Orientation.Horizontal)):
        qtbot.addWidget(widget)
        widget.show()
        QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(2, 2),
                                                         widget.mapToGlobal(QPoint(2, 2))))


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_qt_dialogs_and_menus_have_every_word_in_vietnamese(qtbot, recorder, qt_vi, closer, tmp_path,
                                                          monkeypatch) -> None:
    """The file dialog (both views, its warnings), message boxes with details, the input dialog and the
    edit and scroll-bar menus look up no word that qt_vi leaves in English."""
    monkeypatch.chdir(_folder(tmp_path))  # a typed name is completed in the working folder: the types of these files
    _use_file_dialog(qtbot, tmp_path)
    box = QMessageBox(QMessageBox.Icon.Warning, "Lỗi", "Không ghi được tệp.",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    dialog = QInputDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _use_context_menus(qtbot)
    assert len(recorder.asked) > 40, "the dialogs were not really used"
    missing = sorted((c, s) for c, s, d in recorder.asked
                     if c != KEY_NAMES and (c, s) not in NOT_WORDS and not qt_vi.translate(c, s, d))
    assert missing == [], "\n".join(map(repr, missing))


def test_the_vietnamese_file_dialog_reads_in_vietnamese(qtbot, tmp_path) -> None:
    """What a person sees in the file dialog: its labels, buttons and column headings, in Vietnamese."""
    dialog = QFileDialog(None, "Chọn tệp", str(_folder(tmp_path)), "Mọi tệp (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(50)
    words = {w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text") and w.isVisible()}
    assert {"&Xem trong:", "&Loại tệp:"} <= words
    header = dialog.findChild(QWidget, "treeView").model()
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Tên", "Kích thước", "Loại", "Ngày sửa"]
