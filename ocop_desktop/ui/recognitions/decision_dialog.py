"""The questions the recognition panel asks: a decision's number, date and body, and a revocation's day and reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ocop_desktop import formats
from ocop_desktop.i18n import _t

DIALOG_WIDTH = 480


@dataclass(frozen=True)
class Decision:
    decision_no: str
    decision_date: date
    issuing_body: str


def date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def picked(edit: QDateEdit) -> date:
    return cast(date, edit.date().toPython())


class DecisionDialog(QDialog):
    """The People's Committee's decision as printed on it; the stars are the council's, shown, not asked."""

    def __init__(self, parent: QWidget | None, *, stars: int, issuing_body: str, today: date, renewal: bool):
        super().__init__(parent)
        self.setWindowTitle(_t("Gia hạn công nhận") if renewal else _t("Ghi quyết định công nhận"))
        self.setMinimumWidth(DIALOG_WIDTH)  # the issuing body's full name, read whole
        form = QFormLayout(self)
        form.addRow(_t("Số sao (theo kết quả hội đồng):"), QLabel(formats.stars(stars), self))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(_t("ví dụ 1234/QĐ-UBND"))
        self.number.setMaxLength(64)
        self.day = date_edit(self, today)
        self.body = QLineEdit(issuing_body, self)
        self.body.setMaxLength(300)
        form.addRow(_t("Số quyết định:"), self.number)
        form.addRow(_t("Ngày quyết định:"), self.day)
        form.addRow(_t("Cơ quan ban hành:"), self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def decision(self) -> Decision:
        return Decision(self.number.text(), picked(self.day), self.body.text())


class WithdrawalDialog(QDialog):
    """A day and a reason: a recognition revoked, or a lot withdrawn."""

    def __init__(self, parent: QWidget | None, *, title: str, question: str, today: date):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(DIALOG_WIDTH)
        form = QFormLayout(self)
        label = QLabel(question, self)
        label.setWordWrap(True)
        form.addRow(label)
        self.day = date_edit(self, today)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(_t("Lý do (bắt buộc)"))
        form.addRow(_t("Từ ngày:"), self.day)
        form.addRow(_t("Lý do:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def answer(self) -> tuple[date, str]:
        return picked(self.day), self.reason.toPlainText()


def ask_decision(parent: QWidget, *, stars: int, issuing_body: str, today: date, renewal: bool) -> Decision | None:
    dialog = DecisionDialog(parent, stars=stars, issuing_body=issuing_body, today=today, renewal=renewal)
    return dialog.decision() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_withdrawal(parent: QWidget, *, title: str, question: str, today: date) -> tuple[date, str] | None:
    dialog = WithdrawalDialog(parent, title=title, question=question, today=today)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
