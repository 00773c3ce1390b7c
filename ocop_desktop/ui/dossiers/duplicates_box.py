"""The registered producers a new one may duplicate, each with a button to use it instead."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.i18n import _t
from ocop_desktop.services.new_dossier import DuplicateProducer, ProducerChoice
from ocop_desktop.ui.dossiers.forms import WARNING_STYLE


def _reason(match: ProducerChoice) -> str:
    return {"tax_code": _t("cùng mã số thuế"), "registration_no": _t("cùng số đăng ký kinh doanh"),
            "similar_name": _t("tên gần giống, cùng xã/phường")}.get(match.reason, match.reason)


class DuplicatesBox(QGroupBox):
    use_requested = Signal(str)  # a registered producer's id, to choose instead of making a new one
    go_on_changed = Signal(bool)  # the person says the new producer is another one all the same

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Có thể chủ thể này đã được đăng ký"), parent)
        self.setStyleSheet(f"QGroupBox {{ {WARNING_STYLE} font-weight: 600; }}")
        layout = QVBoxLayout(self)
        self.rows = QGridLayout()
        layout.addLayout(self.rows)
        self.go_on = QCheckBox(self.tr("Tôi đã xem các chủ thể trên: đây là một chủ thể khác, vẫn tạo mới"), self)
        self.go_on.toggled.connect(self.go_on_changed)
        layout.addWidget(self.go_on)
        self.buttons: dict[str, QPushButton] = {}
        self.clear()

    def show_matches(self, error: DuplicateProducer, usable: Callable[[str], bool]) -> None:
        """The matches of a refused new producer; going on is offered only when no match is certain."""
        self._empty()
        for row, match in enumerate(error.matches):
            ids = " · ".join(part for part in (
                self.tr("MST {code}").format(code=match.tax_code) if match.tax_code else "",
                self.tr("ĐKKD {code}").format(code=match.registration_no) if match.registration_no else "") if part)
            text = QLabel(self.tr("<b>{name}</b> — {commune}<br>{ids} ({reason})").format(
                name=match.name, commune=match.commune_name, ids=ids, reason=_reason(match)), self)
            text.setWordWrap(True)
            button = QPushButton(self.tr("Dùng chủ thể này"), self)
            button.setEnabled(usable(match.id))
            if not button.isEnabled():
                button.setToolTip(self.tr("Chủ thể này thuộc xã/phường ngoài phạm vi tài khoản của bạn."))
            button.clicked.connect(lambda _checked=False, row_id=match.id: self.use_requested.emit(row_id))
            self.rows.addWidget(text, row, 0)
            self.rows.addWidget(button, row, 1)
            self.buttons[match.id] = button
        self.rows.setColumnStretch(0, 1)
        self.go_on.setVisible(error.overridable)
        self.show()

    def clear(self) -> None:
        self._empty()
        self.hide()

    def _empty(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons = {}
        self.go_on.blockSignals(True)
        self.go_on.setChecked(False)
        self.go_on.blockSignals(False)
        self.go_on_changed.emit(False)
