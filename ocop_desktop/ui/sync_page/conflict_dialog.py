"""The conflict dialog: for one row, each conflicting field's two values side by side, one choice per field.

"Áp dụng" resolves every field in one transaction (``resolve_conflicts``), so the row never ends half
resolved; "Huỷ" closes without writing and the conflicts stay open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.conflicts import ConflictView, resolve_conflicts
from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.sync_page import words
from ocop_desktop.words import entities, fields, word


@dataclass
class FieldChoice:
    """The widgets of one conflicting field (tests drive them like a person would)."""

    conflict: ConflictView
    server: QRadioButton
    device: QRadioButton
    other: QRadioButton | None
    editor: QLineEdit | QPlainTextEdit | None
    group: QButtonGroup

    def choice(self) -> tuple[str, str | None] | None:
        if self.server.isChecked():
            return "server", None
        if self.device.isChecked():
            return "device", None
        if self.other is not None and self.other.isChecked():
            editor = self.editor
            return "other", editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        return None


def _value_box(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setMinimumWidth(200)
    label.setMinimumHeight(60)
    label.setMargin(6)
    return label


class ConflictDialog(QDialog):
    def __init__(self, context: AppContext, rows: Sequence[ConflictView], parent: QWidget | None = None):
        super().__init__(parent)
        if not rows:
            raise ValueError("a conflict dialog needs at least one conflict")
        self.context = context
        self.rows = list(rows)
        first = self.rows[0]
        self.setWindowTitle(self.tr("Giải quyết xung đột dữ liệu"))
        layout = QVBoxLayout(self)
        heading = QLabel(f"{word(entities(), first.entity)}: {first.label or first.entity_id}", self)
        heading.setStyleSheet("font-size: 17px; font-weight: 600;")
        heading.setWordWrap(True)
        explain = QLabel(self.tr(
            "Trường dưới đây đã được sửa khác nhau trên hai máy. Máy chủ đang giữ giá trị của máy đồng bộ "
            "trước; giá trị kia không bị mất. Hãy chọn giá trị đúng cho từng trường, hoặc nhập giá trị khác. "
            "Lựa chọn được gửi lên máy chủ ở lần đồng bộ sau."), self)
        explain.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(explain)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        self.fields: dict[str, FieldChoice] = {}
        for row in self.rows:
            body_layout.addWidget(self._field_box(row, body))
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # values wrap instead
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("Áp dụng"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_apply()
        # Tall enough for the fields without a scroll bar when they fit on the screen, and never taller than it.
        window_geometry.fit_dialog(self, QSize(960, min(700, 260 + 150 * len(self.rows))), self.parentWidget())

    def _field_box(self, row: ConflictView, parent: QWidget) -> QGroupBox:
        box = QGroupBox(word(fields(), row.field), parent)
        box.setStyleSheet("QGroupBox { font-weight: 600; }")
        grid = QGridLayout(box)
        device_title = self.tr("Giá trị trên máy này") if row.from_this_device else self.tr("Giá trị của máy khác")
        titles = [self.tr("Giá trị trên máy chủ"), device_title] + ([self.tr("Giá trị khác")] if row.typed_allowed
                                                                     else [])
        for column, title in enumerate(titles):
            label = QLabel(f"<b>{title}</b>", box)
            grid.addWidget(label, 0, column)
        grid.addWidget(_value_box(words.value(row.entity, row.field, row.server_value), box), 1, 0)
        grid.addWidget(_value_box(words.value(row.entity, row.field, row.device_value), box), 1, 1)
        group = QButtonGroup(box)
        server = QRadioButton(self.tr("Giữ giá trị trên máy chủ"), box)
        device = QRadioButton(self.tr("Giữ giá trị này") if row.from_this_device
                              else self.tr("Dùng giá trị của máy khác"), box)
        other = editor = None
        grid.addWidget(server, 2, 0)
        grid.addWidget(device, 2, 1)
        if row.typed_allowed:
            other = QRadioButton(self.tr("Dùng giá trị nhập vào"), box)
            editor = self._editor(row, box, other)
            grid.addWidget(editor, 1, 2)
            grid.addWidget(other, 2, 2)
        for column in range(len(titles)):
            grid.setColumnStretch(column, 1)
        for radio in (server, device, other):
            if radio is not None:
                group.addButton(radio)
        group.buttonToggled.connect(self._update_apply)
        if row.row_deleted:
            # Only the server's value can be kept: writing into a deleted row would make a new conflict.
            device.setEnabled(False)
            if other is not None:
                other.setEnabled(False)
                editor.setEnabled(False)
            note = QLabel(self.tr("Bản ghi này đã bị xoá trên máy chủ nên chỉ giữ được giá trị trên máy chủ; "
                                  "giá trị còn lại vẫn được lưu trong xung đột."), box)
            note.setWordWrap(True)
            grid.addWidget(note, 3, 0, 1, len(titles))
        self.fields[row.id] = FieldChoice(row, server, device, other, editor, group)
        return box

    def _editor(self, row: ConflictView, parent: QWidget, radio: QRadioButton) -> QLineEdit | QPlainTextEdit:
        # Empty, not a copy of one side: three identical boxes would hide which value is which.
        if row.kind == "text":
            editor = QPlainTextEdit(parent)
            editor.setMaximumHeight(90)
            editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            editor.setPlaceholderText(self.tr("Nhập nội dung khác nếu cả hai giá trị đều chưa đúng"))
        else:
            editor = QLineEdit(parent)
            editor.setPlaceholderText(self.tr("ngày/tháng/năm, ví dụ 30/06/2026") if row.kind == "date"
                                      else self.tr("Nhập giá trị khác"))
        # Typing is choosing: a person who edits the box means that value.
        editor.textChanged.connect(lambda *_: radio.setChecked(True))
        return editor

    def _update_apply(self, *_args) -> None:
        missing = [f for f in self.fields.values() if f.choice() is None]
        self.apply_button.setEnabled(not missing)
        if missing:
            self.error_label.setStyleSheet("color: #555;")
            self.error_label.setText(self.tr("Hãy chọn một giá trị cho mỗi trường."))
        else:
            self.error_label.clear()

    @Slot()
    def apply(self) -> None:
        chosen = [(f.conflict, *f.choice()) for f in self.fields.values() if f.choice() is not None]
        if len(chosen) != len(self.fields):
            return
        choices = [(c.id, keep, value) for c, keep, value in chosen]
        self.apply_button.setEnabled(False)
        self.context.runner.write(lambda session: resolve_conflicts(session, choices=choices),
                                  done=lambda _changes: self.accept(), failed=self._failed)

    def _failed(self, error: Exception) -> None:
        self.apply_button.setEnabled(True)
        self.error_label.setStyleSheet("color: #b71c1c;")
        self.error_label.setText(words.service_error(error))
