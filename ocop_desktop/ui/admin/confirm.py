"""A yes/no question with Vietnamese buttons: the standard Yes/No are English unless Qt's own translation is
installed, and a person deciding something irreversible must read the choice in their language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    # Cancel is the default: Enter on a question about something irreversible must not do it.
    box.setDefaultButton(box.addButton(QCoreApplication.translate("confirm", "Huỷ"),
                                       QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is accept
