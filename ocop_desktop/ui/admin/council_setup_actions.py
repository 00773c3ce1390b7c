"""What the councils tab does to a council itself: set one up, change it, delete it, open a session for it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ocop_desktop.i18n import _t
from ocop_desktop.services import assignments, council_setup
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.council_setup import CouncilDetail, CouncilDraft, Sitting
from ocop_desktop.ui.admin.council_form import CouncilDialog, FormChoices
from ocop_desktop.ui.runner import Session
from ocop_desktop.words import code_text, error_text

if TYPE_CHECKING:
    from ocop_desktop.ui.admin.councils_tab import CouncilsTab

OK_STYLE, BAD_STYLE = "color:#1b7f3b;", "color:#b42318;"


def ask_session_day(parent: QWidget, council: str) -> date | None:
    """The day a new evaluation session meets, or None when the admin cancels."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_t("Mở phiên đánh giá"))
    day = QDateEdit(QDate.currentDate(), dialog)
    day.setDisplayFormat("dd/MM/yyyy")
    day.setCalendarPopup(True)
    form = QFormLayout()
    form.addRow(_t("Ngày họp:"), day)
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(_t("Mở phiên"), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(_t("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(_t("Phiên đánh giá mới của “{name}”. Các thành viên sẽ thấy hồ sơ được giao trong "
                               "“Chấm điểm”.").format(name=council), dialog))
    layout.addLayout(form)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return cast(date, day.date().toPython())


def lock_text(detail: CouncilDetail) -> str:
    """Whether the council may still change, and whether its members can score yet."""
    if detail.locked:
        return code_text("council_scored", sheets=detail.submitted_sheets)
    if not detail.sessions:
        return _t("Chưa có phiên đánh giá: thành viên chưa thấy hồ sơ được giao để chấm. Bấm “Mở phiên đánh "
                  "giá…”.")
    return _t("Phiên đánh giá: %n. Sửa, xoá được cho tới khi có phiếu chấm đầu tiên được nộp.", "", detail.sessions)


# Each action takes the tab it works for: it reads what its form needs, asks, then makes one service call.


def _form_choices(session: Session) -> FormChoices:
    return FormChoices(assignments.province_units(session), assignments.criteria_versions(session),
                       council_setup.member_accounts(session))


def open_new_council(tab: CouncilsTab) -> None:
    def show(choices: FormChoices) -> None:
        tab.show_dialog(CouncilDialog(choices, lambda dialog, values, sitting: _submit_new(tab, dialog, values,
                                                                                          sitting), None, tab))
    tab.context.runner.read(_form_choices, done=show)


def edit_council(tab: CouncilsTab) -> None:
    council = tab.current_council()
    if council is None:
        return
    council_id = council.id
    tab.context.runner.read(
        lambda s: (_form_choices(s), council_setup.council_detail(s, council_id)),
        done=lambda found: _show_edit(tab, *found), failed=lambda error: tab.say(error_text(error), BAD_STYLE))


def _show_edit(tab: CouncilsTab, choices: FormChoices, detail: CouncilDetail) -> None:
    if detail.locked:  # a sheet came in since the council was selected
        tab.say(lock_text(detail), BAD_STYLE)
        return
    tab.show_dialog(CouncilDialog(choices, lambda dialog, values, _sitting: _submit_edit(tab, dialog, values),
                                  detail, tab))


def _submit_new(tab: CouncilsTab, dialog: CouncilDialog, values: CouncilDraft, sitting: Sitting | None) -> None:
    def created(changes: Changes) -> None:
        tab.council_id = changes.id
        tab.select_council(changes.id)
        said = _t("Đã lập “{name}” với %n thành viên", "", len(values.seats)).format(name=values.name)
        said += _t(" và mở phiên đánh giá.") if sitting else _t("; chưa mở phiên đánh giá.")
        tab.say(said, OK_STYLE)
        dialog.accept()
    tab.context.runner.write(lambda s: council_setup.create_council(s, draft=values, sitting=sitting),
                             done=created, failed=lambda error: dialog.failed(error_text(error)))


def _submit_edit(tab: CouncilsTab, dialog: CouncilDialog, values: CouncilDraft) -> None:
    council_id = dialog.detail.id if dialog.detail else ""

    def saved(_changes: Changes) -> None:
        tab.say(_t("Đã lưu thay đổi của “{name}”.").format(name=values.name), OK_STYLE)
        dialog.accept()
    tab.context.runner.write(lambda s: council_setup.update_council(s, council_id=council_id, draft=values),
                             done=saved, failed=lambda error: dialog.failed(error_text(error)))


def delete_council(tab: CouncilsTab) -> None:
    council, detail = tab.current_council(), tab.detail
    if council is None or detail is None or detail.id != council.id:
        return
    drafts = sum(detail.draft_sheets.values())
    question = _t("Xoá “{name}”?").format(name=council.name) + "\n\n" + _t(
        "Xoá %n thành viên cùng các phiên đánh giá của hội đồng.", "", len(detail.draft.seats))
    if council.assigned:
        question += "\n" + _t("%n hồ sơ đã giao sẽ trở lại danh sách chờ giao.", "", council.assigned)
    if drafts:
        question += "\n" + _t("%n phiếu đang chấm dở sẽ bị xoá.", "", drafts)
    if not tab.confirm(_t("Xoá hội đồng"), question):
        return
    council_id, name = council.id, council.name
    tab.context.runner.write(
        lambda s: council_setup.delete_council(s, council_id=council_id),
        done=lambda _c: tab.say(_t("Đã xoá “{name}”.").format(name=name), OK_STYLE),
        failed=lambda error: tab.say(error_text(error), BAD_STYLE))


def open_session(tab: CouncilsTab) -> None:
    council = tab.current_council()
    if council is None:
        return
    if not council.criteria_set_id:
        tab.say(code_text("council_without_criteria"), BAD_STYLE)
        return
    held_on = tab.ask_day(council.name)
    if held_on is None:
        return
    council_id, name = council.id, council.name
    tab.context.runner.write(
        lambda s: council_setup.open_session(s, council_id=council_id, held_on=held_on),
        done=lambda _c: tab.say(_t("Đã mở phiên đánh giá của “{name}”; các thành viên thấy hồ sơ được giao "
                                   "trong “Chấm điểm”.").format(name=name), OK_STYLE),
        failed=lambda error: tab.say(error_text(error), BAD_STYLE))


def show_setup_state(tab: CouncilsTab, detail: CouncilDetail | None) -> None:
    """The edit and delete buttons follow the lock; the reason is said beside them."""
    tab.detail = detail
    state = lock_text(detail) if detail is not None else ""
    unlocked = detail is not None and not detail.locked
    for button in (tab.edit_button, tab.delete_button):
        button.setEnabled(unlocked)
        button.setToolTip("" if unlocked else state)
    tab.session_button.setEnabled(detail is not None)
    tab.setup_label.setText(state)
    tab.setup_label.setStyleSheet(BAD_STYLE if detail is not None and detail.locked else "color:#555;")
