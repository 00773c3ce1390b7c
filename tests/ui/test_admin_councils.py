"""The "Hội đồng" tab: a council set up with its members, dossiers assigned and unassigned, all journaled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from ocop_desktop.db.models import ChangeJournal, Council, CouncilAssignment, CouncilMember
from ocop_desktop.services import assignments
from ocop_desktop.ui.admin.admin_page import AdminPage
from ocop_desktop.ui.admin.council_form import NewCouncil, NewCouncilDialog
from ocop_desktop.ui.admin.council_models import (
    MemberDraft,
    assignment_model,
    council_model,
    dossier_model,
    member_model,
)
from ocop_desktop.ui.admin.councils_tab import CouncilsTab
from ocop_desktop.ui.context import AppContext

MEMBERS = (MemberDraft("Trần Thị Lan", "chair", "Sở Nông nghiệp và Môi trường"),
           MemberDraft("Lê Đức Minh", "member", "Sở Công Thương"),
           MemberDraft("Phạm Thị Hằng", "secretary", "Văn phòng điều phối NTM", scores=False))


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
                  (member_model(), list(MEMBERS))]
    for model, rows in filled:
        qtmodeltester.check(model)
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows)


def test_the_tab_lists_the_demo_council_and_the_forwarded_dossiers(tab: CouncilsTab) -> None:
    """The demo council is selected with its members; only forwarded dossiers wait for assignment."""
    assert tab.councils.rowCount() == 1 and tab.current_council() is not None
    assert "Thành viên (6)" in tab.members_label.text() and "Chủ tịch" in tab.members_label.text()
    assert tab.assignable.rowCount() == 10
    assert {r.status for r in tab.assignable.rows()} == {"forwarded"}
    assert not tab.assign_button.isEnabled()


def test_creating_a_council_through_the_form_stores_and_journals_it(tab: CouncilsTab, demo_db, qtbot) -> None:
    """The form's council and members are in the database, journaled, and the new council is selected."""
    shown = []
    tab.show_dialog = shown.append
    tab.new_button.click()
    dialog: NewCouncilDialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.name.setText("Hội đồng OCOP tỉnh Hà Tĩnh năm 2026")
    dialog.decision_no.setText("85/QĐ-UBND")
    dialog.decision_date.setDate(date(2026, 1, 12))
    dialog.ok_button.click()
    assert "Chủ tịch" in dialog.error.text()  # no chair yet: nothing is written
    for member in MEMBERS:
        dialog.member_name.setText(member.full_name)
        dialog.member_role.setCurrentIndex(dialog.member_role.findData(member.role))
        dialog.member_org.setText(member.organisation)
        dialog.add_member()
    assert dialog.values().members == MEMBERS  # the secretary's "Chấm điểm" box unticked itself
    dialog.ok_button.click()
    assert dialog.result() == NewCouncilDialog.DialogCode.Accepted
    with demo_db.session() as s:
        council = s.scalars(select(Council).where(Council.name == "Hội đồng OCOP tỉnh Hà Tĩnh năm 2026")).one()
        assert (council.admin_unit_code, council.decision_no, council.decision_date) == \
            ("42", "85/QĐ-UBND", date(2026, 1, 12))
        assert council.criteria_set_id is not None
        members = s.scalars(select(CouncilMember).where(CouncilMember.council_id == council.id)).all()
        assert sorted(m.role for m in members) == ["chair", "member", "secretary"]
        member_ids = [m.id for m in members]
    assert _journaled(demo_db, "councils", council.id) == ["insert"]
    assert all(_journaled(demo_db, "council_members", m) == ["insert"] for m in member_ids)
    assert tab.current_council().id == council.id and "Thành viên (3)" in tab.members_label.text()


def test_a_refused_council_keeps_the_form_open_with_the_reason(tab: CouncilsTab, demo_db, qtbot) -> None:
    """A name the service refuses (control characters) leaves the form open and writes nothing."""
    shown = []
    tab.show_dialog = shown.append
    tab.open_new_council()
    dialog: NewCouncilDialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.name.setText("Hội đồng\x07")
    dialog.members.set_rows([MEMBERS[0]])
    dialog.ok_button.click()
    assert dialog.result() != NewCouncilDialog.DialogCode.Accepted and "ký tự điều khiển" in dialog.error.text()
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Council)) == 1


def test_assigning_and_unassigning_dossiers_is_stored_journaled_and_shown(tab: CouncilsTab, demo_db) -> None:
    """Two dossiers go to the council in one action, then one comes back after the admin confirms."""
    council = tab.current_council()
    tab.assignable_table.selectRow(0)
    tab.assignable_table.selectionModel().select(
        tab.assignable.index(1, 0), tab.assignable_table.selectionModel().SelectionFlag.Select
        | tab.assignable_table.selectionModel().SelectionFlag.Rows)
    chosen = [tab.assignable.row_at(0).id, tab.assignable.row_at(1).id]
    tab.assign_button.click()
    assert "Đã giao 2 hồ sơ" in tab.result.text()
    assert sorted(a.dossier.id for a in tab.assigned.rows()) == sorted(chosen)
    assert tab.assignable.rowCount() == 8 and tab.current_council().assigned == 2
    with demo_db.session() as s:
        rows = s.scalars(select(CouncilAssignment).where(CouncilAssignment.council_id == council.id)).all()
    assert all(_journaled(demo_db, "council_assignments", r.id) == ["insert"] for r in rows)

    tab.assigned_table.selectRow(0)
    gone = tab.assigned.row_at(0)
    tab.confirm = lambda title, text: False
    tab.unassign_button.click()
    assert tab.assigned.rowCount() == 2
    questions = []
    tab.confirm = lambda title, text: questions.append(text) or True
    tab.unassign_button.click()
    assert gone.dossier.code in questions[0] and "Đã bỏ giao 1 hồ sơ" in tab.result.text()
    assert [a.id for a in tab.assigned.rows()] != [gone.id] and tab.assignable.rowCount() == 9
    assert _journaled(demo_db, "council_assignments", gone.id) == ["insert", "delete"]  # a tombstone


def test_search_narrows_the_waiting_dossiers(tab: CouncilsTab, qtbot) -> None:
    """Typing part of a dossier's product without accents finds it; the list refreshes after a short pause."""
    target = tab.assignable.row_at(3)
    word = target.code.split("-")[-1].lower()
    tab.search.setText(word)
    qtbot.waitUntil(lambda: tab.assignable.rowCount() == 1, timeout=3000)
    assert tab.assignable.row_at(0).id == target.id
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.assignable.rowCount() == 10, timeout=3000)


def test_an_assignment_the_service_refuses_is_explained(tab: CouncilsTab, demo_db) -> None:
    """If another laptop assigned the dossier meanwhile, the admin reads why and nothing is added."""
    council = tab.current_council()
    tab.assignable_table.selectRow(0)
    dossier = tab.assignable.row_at(0)
    with demo_db.session() as s:
        assignments.assign_dossier(s, council_id=council.id, dossier_id=dossier.id)
        s.commit()
    tab.assign_button.click()
    assert "đã được giao" in tab.result.text()
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(CouncilAssignment)) == 1


def test_new_council_values_without_a_decision_number_store_no_date(tab: CouncilsTab, demo_db) -> None:
    """The intent without the form: no decision number means no decision date either."""
    values = NewCouncil(name="Hội đồng phúc khảo", admin_unit_code="42", criteria_set_id=None, decision_no="",
                        decision_date=None, members=MEMBERS[:1])
    done = []
    tab.create_council(values, done=done.append)
    with demo_db.session() as s:
        council = s.get(Council, done[0].id)
        assert (council.decision_date, council.criteria_set_id) == (None, None)
    assert tab.current_council().id == council.id
