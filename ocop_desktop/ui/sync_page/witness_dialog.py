"""The admin's dialog for the witnesses this laptop requires: their public keys, one a line, as each witness
(the ministry, a neighbouring province) published them."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ocop_desktop import words
from ocop_desktop.services import translog
from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.context import AppContext


class WitnessDialog(QDialog):
    def __init__(self, context: AppContext, keys: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Nhân chứng của nhật ký minh bạch"))
        self.resize(720, 360)
        intro = QLabel(self.tr(
            "Dán khoá công khai của từng nhân chứng (mỗi khoá một dòng), đúng như cơ quan nhân chứng gửi. Từ lần "
            "đồng bộ sau, máy này chỉ tin điểm kiểm của tỉnh khi có chữ ký đồng ký của mọi nhân chứng ở đây; một "
            "điểm kiểm thiếu chữ ký ấy sẽ làm máy dừng đồng bộ và báo động. Để trống: chỉ kiểm chữ ký của tỉnh."),
            self)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(keys)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    @Slot()
    def save(self) -> None:
        text = self.editor.toPlainText()
        self.save_button.setEnabled(False)
        self.context.runner.write(lambda s: translog.set_witnesses(s, text=text), done=self._saved,
                                  failed=self._refused)

    def _saved(self, _changes: Changes) -> None:
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(words.error_text(error))
        self.error_label.setVisible(True)
