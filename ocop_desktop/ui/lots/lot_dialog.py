"""The form of one production lot: its code, dates, quantity, origin and notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ocop_core.domain.dates import add_months
from ocop_desktop import formats
from ocop_desktop.i18n import _t
from ocop_desktop.ui.dossiers.forms import ERROR_STYLE
from ocop_desktop.ui.recognitions.decision_dialog import date_edit, picked
from ocop_desktop.words import lots as lot_words


class LotDialog(QDialog):
    """``values`` fills the form (a lot being edited, or what was typed before a refusal, with ``error``)."""

    def __init__(self, parent: QWidget | None, *, values: dict[str, Any], today: date, error: str = "",
                 code_locked: bool = False):
        super().__init__(parent)
        self.setWindowTitle(_t("Lô sản xuất"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.code = QLineEdit(str(values.get("lot_code") or ""), self)
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(_t("ví dụ L261203-01"))
        self.code.setReadOnly(code_locked)
        if code_locked:
            self.code.setToolTip(_t("Nhãn của lô đã in: mã lô không đổi được nữa."))
        self.produced = date_edit(self, values.get("produced_on") or today)
        self.has_expiry = QCheckBox(_t("Có hạn dùng"), self)
        self.has_expiry.setChecked(values.get("expires_on") is not None or "lot_code" not in values)
        self.expires = date_edit(self, values.get("expires_on") or add_months(today, 12))
        self.has_expiry.toggled.connect(self.expires.setEnabled)
        self.expires.setEnabled(self.has_expiry.isChecked())
        self.kind = QComboBox(self)
        for code, text in lot_words.expiry_kinds().items():
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(values.get("expiry_kind") or "expiry")))
        expiry = QHBoxLayout()
        for widget in (self.has_expiry, self.kind, self.expires):
            expiry.addWidget(widget)
        quantity = values.get("quantity")
        self.quantity = QLineEdit(formats.decimal(quantity) if quantity is not None else "", self)
        self.unit = QLineEdit(str(values.get("unit") or ""), self)
        self.unit.setPlaceholderText(_t("chai, hộp, kg…"))
        amount = QHBoxLayout()
        amount.addWidget(self.quantity, 2)
        amount.addWidget(self.unit, 1)
        self.origin = QLineEdit(str(values.get("origin") or ""), self)
        self.origin.setPlaceholderText(_t("vùng nguyên liệu, nơi thu mua…"))
        self.notes = QPlainTextEdit(str(values.get("notes") or ""), self)
        self.notes.setFixedHeight(70)
        self.error = QLabel(error, self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(bool(error))
        form.addRow(self.error)
        form.addRow(_t("Mã lô:"), self.code)
        form.addRow(_t("Ngày sản xuất:"), self.produced)
        form.addRow(_t("Hạn dùng:"), expiry)
        form.addRow(_t("Số lượng, đơn vị:"), amount)
        form.addRow(_t("Nguồn nguyên liệu:"), self.origin)
        form.addRow(_t("Ghi chú:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        """As typed; the service checks and cleans them (a quantity stays text until then)."""
        return {"lot_code": self.code.text(), "produced_on": picked(self.produced),
                "expires_on": picked(self.expires) if self.has_expiry.isChecked() else None,
                "expiry_kind": self.kind.currentData(), "quantity": self.quantity.text().strip() or None,
                "unit": self.unit.text(), "origin": self.origin.text(), "notes": self.notes.toPlainText()}


def ask_lot(parent: QWidget, *, values: dict[str, Any], today: date, error: str = "",
            code_locked: bool = False) -> dict[str, Any] | None:
    dialog = LotDialog(parent, values=values, today=today, error=error, code_locked=code_locked)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
