"""The "Hội đồng" tab: a council set up with its members, dossiers assigned and unassigned, all journaled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from ocop_desktop.db.models import ChangeJournal, Council, CouncilAssignment, CouncilMember, EvaluationSession, User
from ocop_desktop.services import assignments
from ocop_desktop.services.council_setup import Seat
from ocop_desktop.ui.admin.admin_page import AdminPage
from ocop_desktop.ui.admin.council_form import CouncilDialog
from ocop_desktop.ui.admin.council_models import assignment_model, council_model, dossier_model, member_model
from ocop_desktop.ui.admin.councils_tab import CouncilsTab
from ocop_desktop.ui.context import AppContext

# (login, role in the council, organisation): the demo accounts a province's admin would seat.
MEMBERS = (("chutich", "chair", "Sở Nông nghiệp và Môi trường"), ("thanhvien", "member", "Sở Công Thương"),
           ("thuky", "secretary", "Văn phòng điều phối NTM"))


@pytest.fixture
def tab(context: AppContext, qtbot) -> Iterator[CouncilsTab]:
    page = AdminPage(context)  # held here: the tab lives as long as its page
    qtbot.addWidget(page)
    context.runner.changed.connect(page.on_changes)  # as the main window does
    yield page.councils_tab


def _journaled(demo_db, entity: str, row_id: str) -> list[str]:
    with demo_db.session() as s:
        return list(s.scalars(select(ChangeJournal.op).where(ChangeJournal.entity == entity,
                                                             ChangeJournal.entity_id == row_id)))


def test_models_pass_the_model_tester(qtmodeltester, demo_db) -> None:
    """The four tables are well-behaved Qt models, empty and filled from the demo database."""
    with demo_db.session() as s:
        council = assignments.list_councils(s)[0]
        filled = [(council_model(), assignments.list_councils(s)),
                  (dossier_model(), assignments.assignable_dossiers(s)),
                  (assignment_model(), assignments.council_assignments(s, council.id)),
                  (member_model({"u1": "chutich"}), [Seat("chair", "u1", full_name="Trần Văn Hùng"),
                                                     Seat("member", None, "m2", full_name="Lê Thị Hoa")])]
    for model, rows in filled:
        qtmodeltester.check(model)
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows)


def test_the_tab_lists_the_demo_council_and_the_forwarded_dossiers(tab: CouncilsTab) -> None:
    """The demo council is selected with its members; only forwarded dossiers wait for assignment."""
    assert tab.councils.rowCount() == 1 and tab.current_council() is not None
    assert "Thành viên (6)" in tab.members_label.text() and "Chủ tịch" in tab.members_label.text()
    assert tab.assignable.rowCount() > 2
    assert {r.status for r in tab.assignable.rows()} == {"forwarded"}
    assert not tab.assign_button.isEnabled()


def _users(demo_db) -> dict[str, User]:
    with demo_db.session() as s:
        return {u.username: u for u in s.scalars(select(User))}


def add_member(dialog: CouncilDialog, typed: str, role: str, organisation: str = "") -> None:
    """What the admin does for one member: type part of a name or login, pick the role, add."""
    dialog.member_account.setEditText(typed)
    dialog.member_role.setCurrentIndex(dialog.member_role.findData(role))
    dialog.member_org.setText(organisation)
    dialog.add_button.click()


def test_creating_a_council_through_the_form_stores_and_journals_it(tab: CouncilsTab, demo_db, qtbot) -> None:
    """Members chosen from accounts are linked to them; the council, its members and its first session are
    stored and journaled, and the new council is selected with its session counted."""
    users = _users(demo_db)
    shown = []
    tab.show_dialog = shown.append
    tab.new_button.click()
    dialog: CouncilDialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.name.setText("Hội đồng OCOP tỉnh Hà Tĩnh năm 2026")
    dialog.decision_no.setText("85/QĐ-UBND")
    dialog.decision_date.setDate(date(2026, 1, 12))
    dialog.held_on.setDate(date(2026, 2, 3))
    dialog.ok_button.click()
    assert "Chủ tịch" in dialog.error.text()  # no chair yet: nothing is written
    for login, role, organisation in MEMBERS:
        add_member(dialog, login, role, organisation)
    seats = dialog.values().seats
    assert [(s.user_id, s.role, s.scores) for s in seats] == [
        (users["chutich"].id, "chair", True), (users["thanhvien"].id, "member", True),
        (users["thuky"].id, "secretary", False)]  # the secretary's "Chấm điểm" box unticked itself
    dialog.ok_button.click()
    assert dialog.result() == CouncilDialog.DialogCode.Accepted
    with demo_db.session() as s:
        council = s.scalars(select(Council).where(Council.name == "Hội đồng OCOP tỉnh Hà Tĩnh năm 2026")).one()
        assert (council.admin_unit_code, council.decision_no, council.decision_date) == \
            ("42", "85/QĐ-UBND", date(2026, 1, 12))
        members = s.scalars(select(CouncilMember).where(CouncilMember.council_id == council.id)).all()
        assert {(m.user_id, m.full_name) for m in members} == {(users[u].id, users[u].full_name) for u, *_ in MEMBERS}
        [evaluation] = s.scalars(select(EvaluationSession).where(EvaluationSession.council_id == council.id)).all()
        assert (evaluation.held_on, evaluation.criteria_set_id) == (date(2026, 2, 3), council.criteria_set_id)
        member_ids = [m.id for m in members]
    assert _journaled(demo_db, "councils", council.id) == ["insert"]
    assert _journaled(demo_db, "evaluation_sessions", evaluation.id) == ["insert"]
    assert all(_journaled(demo_db, "council_members", m) == ["insert"] for m in member_ids)
    assert tab.current_council().id == council.id and "Thành viên (3)" in tab.members_label.text()
    assert "Phiên đánh giá: 1" in tab.setup_label.text() and tab.edit_button.isEnabled()
    assert "và mở phiên đánh giá" in tab.result.text()


def test_a_refused_council_keeps_the_form_open_with_the_reason(tab: CouncilsTab, demo_db, qtbot) -> None:
    """A name the service refuses (control characters) leaves the form open and writes nothing."""
    shown = []
    tab.show_dialog = shown.append
    tab.new_button.click()
    dialog: CouncilDialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.name.setText("Hội đồng\x07")
    add_member(dialog, "chutich", "chair")
    dialog.ok_button.click()
    assert dialog.result() != CouncilDialog.DialogCode.Accepted and "ký tự điều khiển" in dialog.error.text()
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Council)) == 1


def test_assigning_and_unassigning_dossiers_is_stored_journaled_and_shown(tab: CouncilsTab, demo_db) -> None:
    """Two dossiers go to the council in one action, then one comes back after the admin confirms."""
    council = tab.current_council()
    waiting, before = tab.assignable.rowCount(), tab.assigned.rowCount()
    tab.assignable_table.selectRow(0)
    tab.assignable_table.selectionModel().select(
        tab.assignable.index(1, 0), tab.assignable_table.selectionModel().SelectionFlag.Select
        | tab.assignable_table.selectionModel().SelectionFlag.Rows)
    chosen = [tab.assignable.row_at(0).id, tab.assignable.row_at(1).id]
    tab.assign_button.click()
    assert "Đã giao 2 hồ sơ" in tab.result.text()
    assert set(chosen) <= {a.dossier.id for a in tab.assigned.rows()}
    assert tab.assignable.rowCount() == waiting - 2 and tab.current_council().assigned == before + 2
    with demo_db.session() as s:
        rows = s.scalars(select(CouncilAssignment).where(CouncilAssignment.council_id == council.id,
                                                         CouncilAssignment.dossier_id.in_(chosen))).all()
    assert all(_journaled(demo_db, "council_assignments", r.id) == ["insert"] for r in rows)

    gone = next(a for a in tab.assigned.rows() if a.dossier.id == chosen[0])
    tab.assigned_table.selectRow(tab.assigned.rows().index(gone))
    tab.confirm = lambda title, text: False
    tab.unassign_button.click()
    assert tab.assigned.rowCount() == before + 2
    questions = []
    tab.confirm = lambda title, text: questions.append(text) or True
    tab.unassign_button.click()
    assert gone.dossier.code in questions[0] and "Đã bỏ giao 1 hồ sơ" in tab.result.text()
    assert gone.id not in [a.id for a in tab.assigned.rows()] and tab.assignable.rowCount() == waiting - 1
    assert _journaled(demo_db, "council_assignments", gone.id) == ["insert", "delete"]  # a tombstone


def test_search_narrows_the_waiting_dossiers(tab: CouncilsTab, qtbot) -> None:
    """Typing part of a dossier's product without accents finds it; the list refreshes after a short pause."""
    waiting = tab.assignable.rowCount()
    target = tab.assignable.row_at(2)
    word = target.code.split("-")[-1].lower()
    tab.search.setText(word)
    qtbot.waitUntil(lambda: tab.assignable.rowCount() == 1, timeout=3000)
    assert tab.assignable.row_at(0).id == target.id
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.assignable.rowCount() == waiting, timeout=3000)


def test_an_assignment_the_service_refuses_is_explained(tab: CouncilsTab, demo_db) -> None:
    """If another laptop assigned the dossier meanwhile, the admin reads why and nothing is added."""
    council = tab.current_council()
    tab.assignable_table.selectRow(0)
    dossier = tab.assignable.row_at(0)
    with demo_db.session() as s:
        before = s.scalar(select(func.count()).select_from(CouncilAssignment))
        assignments.assign_dossier(s, council_id=council.id, dossier_id=dossier.id)
        s.commit()
    tab.assign_button.click()
    assert "đã được giao" in tab.result.text()
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(CouncilAssignment)) == before + 1


def test_the_demo_council_has_scored_so_it_cannot_be_edited_or_deleted(tab: CouncilsTab) -> None:
    """Submitted sheets lock the demo council: edit and delete are off and the reason is shown beside them."""
    assert not tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()
    assert "không sửa hay xoá được nữa" in tab.setup_label.text()
    assert tab.edit_button.toolTip() == tab.setup_label.text()
    assert tab.session_button.isEnabled()
