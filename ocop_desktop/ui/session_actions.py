"""What the main window asks before it closes (unsaved edits), offers after a login (drafts of an earlier run)
and how it leaves for another login or a reopened window, kept apart from its layout."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ocop_desktop.drafts import Draft, DraftStore
from ocop_desktop.i18n import _t
from ocop_desktop.ui.draft_keeper import DraftKeeper
from ocop_desktop.ui.start.restore_drafts import DISCARD, RESTORE, RestoreDraftsDialog

if TYPE_CHECKING:
    from ocop_desktop.ui.main_window import MainWindow

# Why the main window closed, read by app.run: another login, or the same user's window reopened (a new
# language). None: the app ends.
LOGIN, REOPEN = "login", "reopen"
Choices = dict[tuple[str, str, str], str]


def section_key(user_id: str) -> str:
    """Each person starts where they left off, not where the last person on this laptop did."""
    return f"users/{user_id}/section"


def unsaved_keepers(window: QWidget) -> list[DraftKeeper]:
    return [keeper for keeper in window.findChildren(DraftKeeper) if keeper.unsaved()]


def ask_unsaved(parent: QWidget, names: list[str], leaving: str) -> str:
    """"save", "discard" or "cancel"; saving is the default, so a hurried Enter loses nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, _t("Còn thay đổi chưa lưu"),
                      _t("Những nội dung sau chưa được lưu:") + "\n\n" + "\n".join(f"• {n}" for n in names),
                      parent=parent)
    save = box.addButton(_t("Lưu rồi {action}").format(action=leaving), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_t("Bỏ thay đổi"), QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(_t("Ở lại"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(stay)
    box.exec()
    return {id(save): "save", id(discard): "discard"}.get(id(box.clickedButton()), "cancel")


def save_all(keepers: list[DraftKeeper], done: Callable[[bool], None]) -> None:
    """Asks every form to store what it holds; ``done(True)`` once all have, ``done(False)`` as soon as one
    could not (it shows why)."""
    answers: list[bool] = []

    def answered(saved: bool) -> None:
        answers.append(saved)
        if not saved and answers.count(False) == 1:
            done(False)
        elif len(answers) == len(keepers) and all(answers):
            done(True)

    for keeper in keepers:
        keeper.save(answered)


def ask_yes(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept)
    box.exec()
    return box.clickedButton() is accept


def ask_drafts(parent: QWidget, drafts: list[Draft]) -> Choices | None:
    """Each draft's choice, or None when the person put the decision off."""
    dialog = RestoreDraftsDialog(drafts, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.choices() if accepted else None


def offer_drafts(window: MainWindow) -> None:
    """Drafts this person left unsaved in an earlier run: put back (their form opens on them) or dropped."""
    store = DraftStore.in_data_dir(window.context.paths.data_dir)
    drafts = store.of_user(window.context.user.user_id)
    if not drafts:
        return
    choices = window.ask_drafts(drafts)
    if choices is None:
        return
    sections = []
    for draft in drafts:
        choice = choices.get(draft.key)
        if choice == DISCARD:
            store.drop(*draft.key)
        elif choice == RESTORE:
            store.mark_restore(draft)
            sections.append(draft.section)
    if not sections:
        return
    built = window.findChildren(DraftKeeper)  # a form made from now on finds its draft by itself
    window.show_section(sections[0])
    for keeper in built:
        keeper.reopen()
