"""The council form and what the tab does with a council: Enter, the account picker, editing, deleting, sessions,
and the lock once the council has scored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ocop_core.domain.text import fold
from ocop_desktop.db.models import (
    Council,
    CouncilAssignment,
    CouncilMember,
    EvaluationSession,
    ScoreSheet,
    User,
)
from ocop_desktop.services import council_setup, sheets
from ocop_desktop.services.council_setup import CouncilDraft, Seat
from ocop_desktop.ui.admin.admin_page import AdminPage
from ocop_desktop.ui.admin.council_form import CouncilDialog
from ocop_desktop.ui.admin.councils_tab import CouncilsTab
from ocop_desktop.ui.context import AppContext
from tests.ui.test_admin_councils import add_member

# The account list's completion popup asks the window system to raise it and grab the keyboard, which the
# offscreen platform cannot do (and says so); a real display can.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def tab(context: AppContext, qtbot) -> Iterator[CouncilsTab]:
    page = AdminPage(context)
    qtbot.addWidget(page)
    context.runner.changed.connect(page.on_changes)
    yield page.councils_tab


@pytest.fixture
def users(demo_db) -> dict[str, User]:
    with demo_db.session() as s:
        return {u.username: u for u in s.scalars(select(User))}


@pytest.fixture
def form(tab: CouncilsTab, qtbot) -> CouncilDialog:
    """The new-council form, on screen so that focus and keys behave as for a person."""
    shown: list[CouncilDialog] = []
    tab.show_dialog = shown.append
    tab.new_button.click()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.confirm = lambda title, text: True  # closing at teardown asks, as it does for a person
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Hội đồng OCOP năm 2026")
    return dialog


def _councils(demo_db) -> list[str]:
    with demo_db.session() as s:
        return list(s.scalars(select(Council.name).where(Council.deleted.is_(False))))


@OFFSCREEN_POPUP
def test_enter_in_a_members_field_adds_the_member_and_never_creates_the_council(form: CouncilDialog, demo_db,
                                                                                 qtbot, users) -> None:
    """Enter in the account field and in the organisation field adds the member being typed; Enter in the
    council's name does nothing; the council is written only by its button."""
    form.member_account.setFocus()
    qtbot.keyClicks(form.member_account.lineEdit(), "chutich")
    form.member_account.completer().popup().hide()
    qtbot.keyClick(form.member_account.lineEdit(), Qt.Key.Key_Return)
    form.member_account.setEditText("thanhvien")
    form.member_org.setFocus()
    form.member_org.setText("Sở Công Thương")  # QTest types ASCII only
    qtbot.keyClick(form.member_org, Qt.Key.Key_Return)
    form.name.setFocus()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.isVisible() and form.result() != CouncilDialog.DialogCode.Accepted
    assert [(s.user_id, s.organisation) for s in form.members.rows()] == [
        (users["chutich"].id, ""), (users["thanhvien"].id, "Sở Công Thương")]
    assert "Hội đồng OCOP năm 2026" not in _councils(demo_db)


@OFFSCREEN_POPUP
def test_typing_without_accents_finds_the_account(form: CouncilDialog, users, qtbot) -> None:
    """A name typed without accents narrows the list to that account and adds it; text that names no account
    is refused beside the field."""
    chair = users["chutich"]
    typed = fold(chair.full_name)
    assert typed != chair.full_name.lower()  # the demo names carry accents
    qtbot.keyClicks(form.member_account.lineEdit(), typed + " (chut")
    completer = form.member_account.completer()
    assert completer.completionCount() == 1 and completer.currentCompletion().startswith(chair.full_name)
    form.add_button.click()
    assert [s.user_id for s in form.members.rows()] == [chair.id]
    form.member_account.setEditText("khong ai co ten nay")
    form.add_button.click()
    assert "không khớp đúng một tài khoản" in form.error.text() and len(form.members.rows()) == 1


def test_a_member_typed_but_not_added_stops_the_council(form: CouncilDialog, demo_db) -> None:
    """'Lập hội đồng' with an account still in the entry row says to add it first and writes nothing."""
    add_member(form, "chutich", "chair")
    form.member_account.setEditText("thanhvien")
    form.ok_button.click()
    assert "chưa được thêm vào hội đồng" in form.error.text()
    assert "Hội đồng OCOP năm 2026" not in _councils(demo_db)


def test_the_same_account_cannot_take_two_seats(form: CouncilDialog) -> None:
    """Adding an account already seated is refused beside the field."""
    add_member(form, "chutich", "chair")
    add_member(form, "chutich", "member")
    assert len(form.members.rows()) == 1 and "đã có trong hội đồng" in form.error.text()


def test_closing_a_filled_form_asks_first(form: CouncilDialog) -> None:
    """Escape on a form with typed members asks; "no" keeps it open, "yes" closes it."""
    add_member(form, "chutich", "chair")
    asked = []
    form.confirm = lambda title, text: asked.append(text) or False
    form.reject()
    assert form.isVisible() and "Đóng mà không lưu" in asked[0]
    form.confirm = lambda title, text: True
    form.reject()
    assert not form.isVisible()


def _seat_council(demo_db, users, name: str = "Hội đồng thử") -> str:
    with demo_db.session() as s:
        version = s.scalar(select(Council.criteria_set_id).where(Council.criteria_set_id.is_not(None)))
        council_id = council_setup.create_council(s, draft=CouncilDraft(
            name=name, admin_unit_code="42", criteria_set_id=version,
            seats=(Seat("chair", users["chutich"].id), Seat("member", users["thanhvien"].id))),
            sitting=council_setup.Sitting(date(2026, 3, 2))).id
        s.commit()
    return council_id


def _choose(tab: CouncilsTab, council_id: str) -> None:
    tab.refresh()
    assert tab.select_council(council_id)


def test_editing_a_council_changes_its_seats_and_name(tab: CouncilsTab, demo_db, users, qtbot) -> None:
    """The edit form starts from the stored council; a renamed council with a member removed and one added is
    stored, the chair keeping their seat."""
    council_id = _seat_council(demo_db, users)
    _choose(tab, council_id)
    shown: list[CouncilDialog] = []
    tab.show_dialog = shown.append
    tab.edit_button.click()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Hội đồng thử" and dialog.ok_button.text() == "Lưu thay đổi"
    dialog.name.setText("Hội đồng thử (bổ sung)")
    dialog.member_table.selectRow(1)
    dialog.remove_button.click()
    add_member(dialog, "thuky", "secretary")
    dialog.ok_button.click()
    assert dialog.result() == CouncilDialog.DialogCode.Accepted
    with demo_db.session() as s:
        assert s.get(Council, council_id).name == "Hội đồng thử (bổ sung)"
        seated = {m.user_id: m.role for m in s.scalars(select(CouncilMember).where(
            CouncilMember.council_id == council_id, CouncilMember.deleted.is_(False)))}
    assert seated == {users["chutich"].id: "chair", users["thuky"].id: "secretary"}
    assert "Đã lưu thay đổi" in tab.result.text()


def _submitted_sheet(demo_db, council_id: str) -> str:
    """A sheet of the council's chair, submitted as one submitted on the chair's laptop arrives by sync."""
    with demo_db.session() as s:
        dossier = s.scalar(select(CouncilAssignment.dossier_id).where(CouncilAssignment.deleted.is_(False)))
        s.add(CouncilAssignment(council_id=council_id, dossier_id=dossier))
        member = s.scalar(select(CouncilMember.id).where(CouncilMember.council_id == council_id,
                                                         CouncilMember.role == "chair"))
        evaluation = s.scalar(select(EvaluationSession.id).where(EvaluationSession.council_id == council_id))
        sheet_id = sheets.start_sheet(s, dossier_id=dossier, member_id=member, evaluation_id=evaluation).id
        s.get(ScoreSheet, sheet_id).status = "submitted"
        s.commit()
    return sheet_id


def test_a_council_that_has_scored_refuses_editing_with_the_reason(tab: CouncilsTab, demo_db, users) -> None:
    """After its first submitted sheet, a council's edit and delete buttons are off and the reason is shown;
    the service refuses too if asked anyway."""
    council_id = _seat_council(demo_db, users)
    _submitted_sheet(demo_db, council_id)
    _choose(tab, council_id)
    assert not tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()
    assert "1 phiếu chấm được nộp" in tab.setup_label.text()


def test_deleting_a_council_asks_then_frees_its_dossiers(tab: CouncilsTab, demo_db, users) -> None:
    """The question says what goes with the council; "yes" tombstones it and its dossiers wait again."""
    council_id = _seat_council(demo_db, users, "Hội đồng xoá thử")
    _choose(tab, council_id)
    dossier = tab.assignable.row_at(0)
    tab.assignable_table.selectRow(0)
    tab.assign_button.click()
    waiting = tab.assignable.rowCount()
    questions = []
    tab.confirm = lambda title, text: questions.append(text) or False
    tab.delete_button.click()
    assert "Hội đồng xoá thử" in _councils(demo_db)
    assert "1 hồ sơ đã giao sẽ trở lại" in questions[0] and "2 thành viên" in questions[0]
    tab.confirm = lambda title, text: True
    tab.delete_button.click()
    assert "Hội đồng xoá thử" not in _councils(demo_db) and "Đã xoá" in tab.result.text()
    assert tab.assignable.rowCount() == waiting + 1 and dossier.id in [r.id for r in tab.assignable.rows()]


def test_opening_a_session_for_a_council_without_one(tab: CouncilsTab, demo_db, users) -> None:
    """"Mở phiên đánh giá…" asks the day and stores the next round; the tab counts it."""
    council_id = _seat_council(demo_db, users)
    _choose(tab, council_id)
    tab.ask_day = lambda name: date(2026, 4, 9)
    tab.session_button.click()
    with demo_db.session() as s:
        rounds = sorted((e.round, e.held_on) for e in s.scalars(select(EvaluationSession).where(
            EvaluationSession.council_id == council_id)))
    assert rounds == [(1, date(2026, 3, 2)), (2, date(2026, 4, 9))]
    assert "Phiên đánh giá: 2" in tab.setup_label.text() and "Đã mở phiên đánh giá" in tab.result.text()


def test_a_sheet_submitted_meanwhile_locks_the_chosen_council(tab: CouncilsTab, demo_db, users) -> None:
    """The tab follows score-sheet changes for the chosen council: its lock shows as soon as a sheet is in."""
    from ocop_desktop.services.changes import Changes

    council_id = _seat_council(demo_db, users)
    _choose(tab, council_id)
    assert tab.edit_button.isEnabled()
    sheet_id = _submitted_sheet(demo_db, council_id)
    tab.on_changes(Changes.of("score_sheets", sheet_id))
    assert not tab.edit_button.isEnabled() and "1 phiếu chấm được nộp" in tab.setup_label.text()
