"""After a login: what this person had typed and not saved when the app last stopped, to put back or drop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import formats
from ocop_desktop.drafts import Draft

RESTORE, DISCARD = "restore", "discard"
MAX_SHOWN = 400  # characters of one typed value: enough to recognise it, the form shows the rest


class RestoreDraftsDialog(QDialog):
    """One box per draft with what it holds; each is put back (the default: nothing is lost by a hurried
    Enter) or dropped. Closing the dialog decides nothing: the drafts are offered again at the next start."""

    def __init__(self, drafts: list[Draft], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Khôi phục nội dung chưa lưu"))
        self.setMinimumWidth(560)
        self.drafts = drafts
        self.groups: dict[tuple[str, str, str], QButtonGroup] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Lần trước ứng dụng đã dừng khi bạn còn những nội dung chưa lưu dưới đây. Chọn khôi "
                               "phục (mở lại đúng chỗ, để bạn kiểm tra rồi lưu) hoặc bỏ từng mục."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QWidget()
        column = QVBoxLayout(body)
        for draft in drafts:
            column.addWidget(self._box(draft, body))
        column.addStretch(1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(body)
        layout.addWidget(area, 1)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("Thực hiện"), QDialogButtonBox.ButtonRole.AcceptRole)
        later = buttons.addButton(self.tr("Để sau"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("Giữ nguyên các bản nháp; lần mở ứng dụng sau sẽ hỏi lại."))
        self.apply_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # At 1366x768 the dialog must fit with its buttons: many drafts scroll inside it.
        self.resize(640, min(200 + 160 * len(drafts), 620))

    def _box(self, draft: Draft, parent: QWidget) -> QGroupBox:
        kind = {"dossier": self.tr("Hồ sơ"), "sheet": self.tr("Phiếu chấm")}.get(draft.form, draft.form)
        box = QGroupBox(f"{kind} {draft.title}", parent)
        inner = QVBoxLayout(box)
        when = QLabel(self.tr("Nhập lúc {when}").format(when=formats.recent(draft.saved_at)), box)
        when.setStyleSheet("color: #555;")
        inner.addWidget(when)
        for field in draft.fields.values():
            text = field.text if len(field.text) <= MAX_SHOWN else field.text[:MAX_SHOWN - 1] + "…"
            line = QLabel(f"{field.label}: {text}", box)
            line.setTextFormat(Qt.TextFormat.PlainText)  # typed text is shown as typed, never as markup
            line.setWordWrap(True)
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner.addWidget(line)
        row = QHBoxLayout()
        group = QButtonGroup(box)
        for choice, label in ((RESTORE, self.tr("Khôi phục")), (DISCARD, self.tr("Bỏ"))):
            button = QRadioButton(label, box)
            button.setObjectName(choice)
            button.setChecked(choice == RESTORE)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        inner.addLayout(row)
        self.groups[draft.key] = group
        return box

    def choices(self) -> dict[tuple[str, str, str], str]:
        """Each draft's key with "restore" or "discard"."""
        return {key: button.objectName() if (button := group.checkedButton()) is not None else RESTORE
                for key, group in self.groups.items()}

    def choose(self, draft: Draft, choice: str) -> None:
        next(b for b in self.groups[draft.key].buttons() if b.objectName() == choice).setChecked(True)
