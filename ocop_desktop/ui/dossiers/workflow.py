"""The dossier's status and one button per move the workflow allows from it, and no other."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ocop_core.domain.dossier_status import TRANSITIONS
from ocop_desktop import words
from ocop_desktop.i18n import _t

# Background of the status chip: grey while with the producer, blue in the workflow, green when done.
_CHIP = {"draft": "#e0e0e0", "submitted": "#d7e8fb", "commune_checked": "#d7e8fb", "forwarded": "#d7e8fb",
         "evaluated": "#d9f2dc", "closed": "#d9f2dc"}


def move_labels() -> dict[str, str]:
    """The action that leads to each status, worded as what the officer does."""
    return {"submitted": _t("Nộp hồ sơ"), "commune_checked": _t("Xác nhận xã đã kiểm tra"),
            "forwarded": _t("Chuyển lên Hội đồng tỉnh"), "evaluated": _t("Ghi nhận đã đánh giá"),
            "closed": _t("Kết thúc hồ sơ"), "draft": _t("Trả lại để bổ sung")}


def is_reversible(current: str, target: str) -> bool:
    """A move is easy to undo when the workflow allows the way straight back."""
    return current in TRANSITIONS.get(target, ())


class WorkflowBar(QWidget):
    move_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Trạng thái:"), self))
        self.chip = QLabel(self)
        self.chip.setObjectName("status_chip")
        row.addWidget(self.chip)
        row.addStretch(1)
        self._row = row
        self.buttons: dict[str, QPushButton] = {}
        self._shown: list[QWidget] = []

    def show_status(self, status: str, allowed: tuple[str, ...], enabled: bool = True) -> None:
        self.chip.setText(words.word(words.dossier_statuses(), status))
        self.chip.setStyleSheet(f"background: {_CHIP.get(status, '#e0e0e0')}; border-radius: 4px; "
                                "padding: 2px 8px; font-weight: 600;")
        for widget in self._shown:
            self._row.removeWidget(widget)
            widget.hide()  # deleteLater waits for the event loop; until then it must not be seen
            widget.deleteLater()
        self.buttons, self._shown = {}, []
        labels = move_labels()
        # Forward moves first; sending a dossier back is the exception, so it comes last.
        for target in sorted(allowed, key=lambda t: t == "draft"):
            button = QPushButton(labels.get(target, target), self)
            button.setObjectName(f"move_{target}")
            button.setToolTip(self.tr("Chuyển sang trạng thái “{status}”").format(
                status=words.word(words.dossier_statuses(), target)))
            button.setEnabled(enabled)
            button.clicked.connect(lambda _checked=False, t=target: self.move_requested.emit(t))
            self._row.addWidget(button)
            self.buttons[target] = button
            self._shown.append(button)
        if not allowed:
            done = QLabel(self.tr("Hồ sơ đã kết thúc quy trình."), self)
            done.setEnabled(False)
            self._row.addWidget(done)
            self._shown.append(done)
