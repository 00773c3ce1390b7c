"""Choosing a council member from the user accounts: type part of a name or login, accents optional."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ocop_core.domain.text import fold
from ocop_desktop.i18n import _t
from ocop_desktop.services.council_setup import Account
from ocop_desktop.words import user_roles, word

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


def account_label(account: Account) -> str:
    return _t("{name} ({username}, {role})").format(name=account.full_name, username=account.username,
                                                    role=word(user_roles(), account.role))


class _FoldingCompleter(QCompleter):
    """Matches what is typed against the folded labels, so "tran van" finds "Trần Văn", and puts the label
    itself, not its folded form, in the field once one is picked."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class AccountPicker(QComboBox):
    """An editable list of accounts; what is typed narrows it, and ``account_id`` says which account the text
    names (None while it names none, or several)."""

    def __init__(self, accounts: list[Account], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.accounts = {a.id: a for a in accounts}
        for account in accounts:
            label = account_label(account)
            self.addItem(label, account.id)
            self.setItemData(self.count() - 1, fold(label), FOLDED_ROLE)
        completer = _FoldingCompleter(self.model(), self)
        completer.setCompletionRole(FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        edit = self.lineEdit()
        if edit is not None:  # always, once editable: the types cannot know
            edit.setPlaceholderText(_t("Gõ tên hoặc tên đăng nhập để chọn tài khoản"))
        self.clear_choice()

    def typed(self) -> str:
        return self.currentText().strip()

    def account_id(self) -> str | None:
        text = self.typed()
        if not text:
            return None
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            return self.itemData(exact)
        folded = fold(text)
        matches = [i for i in range(self.count()) if folded in str(self.itemData(i, FOLDED_ROLE))]
        return self.itemData(matches[0]) if len(matches) == 1 else None

    def choose(self, account_id: str) -> None:
        self.setCurrentIndex(self.findData(account_id))

    def clear_choice(self) -> None:
        self.setCurrentIndex(-1)
        self.clearEditText()
