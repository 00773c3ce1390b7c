"""The sync screen's part about the transparency log: the pinned key's fingerprint and what it guarantees,
the size checked last, the witnesses required, and the loud banner a failed check raises until a person acts.

The session work is the service's (services/translog.py); this widget only chooses which call to make.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.services import translog
from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.admin.confirm import ask
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.sync_page.witness_dialog import WitnessDialog
from ocop_desktop.words import translog as log_words
from ocop_desktop.words import word

BANNER_STYLE = ("QFrame#logAlarm { background: #fde4e4; border: 3px solid #c62828; border-radius: 6px; }"
                "QFrame#logAlarm QLabel { color: #8a1111; }")


class LogPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.view: translog.LogView | None = None
        self.confirm: Callable[[str, str, str], bool] = lambda title, text, yes: ask(self, title, text, yes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_banner())
        self.key_label = QLabel(self)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guarantee_label = QLabel(log_words.guarantee(), self)
        self.guarantee_label.setWordWrap(True)
        self.guarantee_label.setStyleSheet("color: #555;")
        self.witness_label = QLabel(self)
        self.witness_label.setWordWrap(True)
        self.witness_button = QPushButton(self.tr("Nhân chứng…"), self)
        self.witness_button.clicked.connect(self.edit_witnesses)
        user = context.user
        self.witness_button.setVisible(user is not None and user.is_admin)
        witness_row = QHBoxLayout()
        witness_row.addWidget(self.witness_label, 1)
        witness_row.addWidget(self.witness_button)
        layout.addWidget(self.key_label)
        layout.addWidget(self.guarantee_label)
        layout.addLayout(witness_row)
        context.runner.changed.connect(self._on_changed)
        self.refresh()

    def _build_banner(self) -> QFrame:
        self.banner = QFrame(self)
        self.banner.setObjectName("logAlarm")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.alarm_title = QLabel(self.tr("CẢNH BÁO: nhật ký minh bạch của máy chủ tỉnh không vượt qua kiểm tra. "
                                          "Máy này không tin máy chủ nữa và không đồng bộ cho tới khi có người "
                                          "xem xét."), self.banner)
        self.alarm_title.setStyleSheet("font-size: 16px; font-weight: 700;")
        self.alarm_text = QLabel(self.banner)
        self.alarm_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.alarm_title, self.alarm_text):
            label.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Đã xem xét, tiếp tục tin máy chủ"), self.banner)
        self.keep_button.clicked.connect(self.keep_trusting)
        self.repin_button = QPushButton(self.tr("Tỉnh đã công bố khoá mới: ghim lại"), self.banner)
        self.repin_button.clicked.connect(self.pin_new_key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.repin_button)
        buttons.addStretch()
        box = QVBoxLayout(self.banner)
        box.addWidget(self.alarm_title)
        box.addWidget(self.alarm_text)
        box.addLayout(buttons)
        self.banner.setVisible(False)
        return self.banner

    def refresh(self) -> None:
        self.context.runner.read(translog.log_view, done=self._show)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.entities & {translog.ENTITY, "sync_runs"}:
            self.refresh()

    def _show(self, view: translog.LogView) -> None:
        self.view = view
        if view.fingerprint is None:
            self.key_label.setText(self.tr("Khoá nhật ký minh bạch: chưa ghim (máy này ghim khoá của tỉnh ở lần "
                                           "đồng bộ đầu tiên)."))
        else:
            text = self.tr("Khoá nhật ký minh bạch: {fingerprint}").format(fingerprint=view.fingerprint)
            if view.size is not None:
                text += " · " + self.tr("lần đồng bộ gần nhất đã kiểm nhật ký tới %n mục", "", view.size)
            self.key_label.setText(text)
        names = ", ".join(f"{w.name} ({w.fingerprint})" for w in view.witnesses)
        self.witness_label.setText(self.tr("Nhân chứng bắt buộc: {names}").format(names=names) if names
                                   else self.tr("Nhân chứng bắt buộc: chưa đặt (chỉ kiểm chữ ký của tỉnh)."))
        self.banner.setVisible(view.alarm is not None)
        if view.alarm is not None:
            self.alarm_text.setText(self.tr("Điều không đạt: {what}.\nBằng chứng đã lưu tại: {file}\nHãy gửi tệp này "
                                            "cho quản trị tỉnh và cơ quan nhân chứng, đối chiếu vân tay khoá với "
                                            "công văn của tỉnh, rồi chọn một trong hai cách dưới đây.").format(
                what=word(log_words.alarm_reasons(), view.alarm), file=view.evidence))

    @Slot()
    def keep_trusting(self) -> None:
        if self.confirm(self.tr("Tiếp tục tin máy chủ"), self.tr(
                "Máy này sẽ đồng bộ lại với máy chủ và vẫn dùng khoá đã ghim. Nếu nhật ký vẫn không nối tiếp, "
                "cảnh báo sẽ xuất hiện lại. Bạn đã xem xét bằng chứng và muốn tiếp tục?"),
                self.tr("Tiếp tục tin máy chủ")):
            self._acknowledge(trust_new_key=False)

    @Slot()
    def pin_new_key(self) -> None:
        if self.confirm(self.tr("Ghim khoá mới"), self.tr(
                "Chỉ làm việc này khi tỉnh đã công bố khoá nhật ký mới bằng văn bản chính thức. Lần đồng bộ sau, "
                "máy này ghim khoá máy chủ đưa ra và bắt đầu kiểm lại từ điểm kiểm của khoá đó; hãy đối chiếu vân "
                "tay mới với văn bản của tỉnh. Ghim khoá mới?"), self.tr("Ghim khoá mới")):
            self._acknowledge(trust_new_key=True)

    def _acknowledge(self, *, trust_new_key: bool) -> None:
        self.context.runner.write(lambda s: translog.acknowledge_alarm(s, trust_new_key=trust_new_key))

    @Slot()
    def edit_witnesses(self) -> WitnessDialog:
        keys = "\n".join(w.key for w in self.view.witnesses) if self.view else ""
        dialog = WitnessDialog(self.context, keys, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
