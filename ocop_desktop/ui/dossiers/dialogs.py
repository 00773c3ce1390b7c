"""The questions the dossier screens ask; kept apart so tests can answer them without a modal dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ocop_desktop.i18n import _t


def ask_unsaved(parent: QWidget) -> str:
    """"save", "discard" or "cancel" for a dossier with unsaved edits about to be left."""
    box = QMessageBox(QMessageBox.Icon.Question, _t("Thay đổi chưa lưu"),
                      _t("Hồ sơ đang mở có thay đổi chưa lưu. Lưu trước khi chuyển?"), parent=parent)
    save = box.addButton(_t("Lưu"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_t("Bỏ thay đổi"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_t("Ở lại"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    return {id(save): "save", id(discard): "discard"}.get(id(box.clickedButton()), "cancel")


def ask_confirm(parent: QWidget, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, _t("Xác nhận"), question, parent=parent)
    yes = box.addButton(_t("Đồng ý"), QMessageBox.ButtonRole.YesRole)
    box.addButton(_t("Không"), QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes
