"""The council page with a chair who presides without scoring (docs/domain-decisions.md D5): no sheet shows the
chair present, so the secretary ticks "Chủ tịch hội đồng có mặt" and approves; the approved result records the
chair present (no chair_absent flag). Also: the page names a dossier's missing or expired required documents."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ocop_core.domain.criteria import ProductSet
from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import CouncilAssignment, CouncilResult, Dossier, ScoreSheet
from ocop_desktop.db.schema import Database
from ocop_desktop.reports import minutes_pdf
from ocop_desktop.services import assignments, councils, criteria, sheets
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.council.council_page import CouncilPage

SECRETARY = CurrentUser(user_id="00000000-0000-4000-8000-0000000000a5", username="thuky2", full_name="Thư ký",
                        role="secretary")


def _ready_dossier(session, criteria_set) -> str:
    """A forwarded demo dossier no council has yet, holding every required document."""
    taken = set(session.scalars(select(CouncilAssignment.dossier_id)))
    for dossier in session.scalars(select(Dossier).where(Dossier.status == "forwarded").order_by(Dossier.code)):
        if dossier.id not in taken and not councils.dossier_document_failures(session, criteria_set, dossier.id,
                                                                              vietnam_today()):
            return dossier.id
    raise AssertionError("the demo data has no free forwarded dossier with its documents")


@pytest.fixture
def silent_chair(demo_db: Database) -> SimpleNamespace:
    """A council whose chair does not score, three scoring members and a secretary; a session today with one
    dossier the three scored 100 points each."""
    with demo_db.session() as session:
        version = criteria.version_in_force(session, vietnam_today())
        criteria_set = criteria.load_criteria_set(session, version.id)
        council = councils.create_council(session, name="Hội đồng chủ tịch không chấm", admin_unit_code="42",
                                          criteria_set_id=version.id).row_id()
        councils.add_member(session, council_id=council, full_name="Chủ tịch Lê Văn A", role="chair", scores=False)
        members = [councils.add_member(session, council_id=council, full_name=f"Thành viên {n}").row_id()
                   for n in (1, 2, 3)]
        councils.add_member(session, council_id=council, full_name="Thư ký", role="secretary", scores=False)
        evaluation = councils.open_evaluation(session, council_id=council, criteria_set_id=version.id,
                                              held_on=vietnam_today()).row_id()
        dossier = _ready_dossier(session, criteria_set)
        assignments.assign_dossier(session, council_id=council, dossier_id=dossier)
        for member in members:
            sheet = sheets.start_sheet(session, dossier_id=dossier, member_id=member, evaluation_id=evaluation).row_id()
            product_set: ProductSet = sheets.sheet_context(session, session.get(ScoreSheet, sheet))[1]
            sheets.record_answers(session, sheet_id=sheet, answers=extreme_answers(product_set, best=True))
            sheets.submit_sheet(session, sheet_id=sheet)
        session.commit()
    return SimpleNamespace(evaluation=evaluation, dossier=dossier)


@pytest.fixture
def page(qtbot, context: AppContext) -> CouncilPage:
    widget = CouncilPage(replace(context, user=SECRETARY))
    qtbot.addWidget(widget)
    context.runner.changed.connect(widget.on_changes)
    return widget


def _open(page: CouncilPage, evaluation: str) -> None:
    page.reload()  # the page may have been built before the fixture's session
    page.sessions.setCurrentIndex(page.sessions.findData(evaluation))
    assert page.view is not None and page.view.evaluation_id == evaluation
    page.table.setCurrentIndex(page.model.index(0, 0))


def test_secretary_records_the_silent_chair_present_and_approves(page: CouncilPage, silent_chair: SimpleNamespace,
                                                                demo_db: Database, screenshots: Path) -> None:
    """Until the box is ticked the result waits for the chair and cannot be approved; ticked, it can, and the
    approved result is stored with 5 stars and no chair_absent flag. The box shows only for such a council."""
    page.resize(1366, 768)
    page.show()
    _open(page, silent_chair.evaluation)
    row = page.current_row()
    assert row.dossier_id == silent_chair.dossier
    assert not page.chair_present.isHidden() and not page.chair_present.isChecked()
    assert "chair_absent" in row.blockers and not page.approve_button.isEnabled()
    assert "Chủ tịch" in page.reason.text()

    page.chair_present.setChecked(True)
    row = page.current_row()
    assert row.can_approve and page.approve_button.isEnabled()
    page.grab().save(str(screenshots / "council-silent-chair.png"))
    asked: list[str] = []
    page.confirm = lambda title, text: asked.append(text) or True
    page.approve_button.click()
    assert asked
    with demo_db.session() as session:
        stored = councils.stored_result(session, silent_chair.evaluation, silent_chair.dossier)
        assert stored is not None and stored.approved_at is not None
        assert (stored.final_stars, json.loads(stored.flags_json), stored.approved_by) == (5, [], SECRETARY.user_id)
    assert page.view.row(silent_chair.dossier).approved

    # Kept: the session's approval is the record, so a page opened later shows the box ticked and fixed, and the
    # minutes say the chair presided.
    later = CouncilPage(page.context)
    _open(later, silent_chair.evaluation)
    assert later.view.chair_recorded and later.chair_present.isChecked() and not later.chair_present.isEnabled()
    assert "Chủ tịch hội đồng có mặt, chủ trì phiên họp (không chấm điểm)." in minutes_pdf.minutes_html(later.view)
    later.deleteLater()

    # The demo council's chair scores: its session offers no box, and it starts unticked again.
    demo_session = next(page.sessions.itemData(i) for i in range(page.sessions.count())
                        if page.sessions.itemData(i) != silent_chair.evaluation)
    _open(page, demo_session)
    assert page.chair_present.isHidden() and not page.chair_present.isChecked()


def test_without_the_box_the_approval_is_refused_and_nothing_is_stored(page: CouncilPage,
                                                                      silent_chair: SimpleNamespace,
                                                                      demo_db: Database) -> None:
    """The service refuses the same approval without the chair recorded: no approved result is written."""
    _open(page, silent_chair.evaluation)
    page.confirm = lambda title, text: True
    page.approve_button.click()  # disabled: nothing happens
    with demo_db.session() as session:
        assert session.scalar(select(CouncilResult).where(CouncilResult.dossier_id == silent_chair.dossier,
                                                          CouncilResult.approved_at.is_not(None))) is None


def test_the_page_names_a_dossiers_expired_and_missing_documents(page: CouncilPage, screenshots: Path) -> None:
    """The detail under the table names the demo's expired lab report with its last day and the missing
    declaration with its star level, in red."""
    texts = []
    page.resize(1366, 768)
    for n, row in enumerate(page.view.rows):
        if row.documents:
            page.table.setCurrentIndex(page.model.index(n, 0))
            texts.append(page.detail.text())
            page.grab().save(str(screenshots / f"council-documents-{len(texts)}.png"))
    joined = " ".join(texts)
    model = page.model
    capped = next(i for i, r in enumerate(page.view.rows) if r.documents)
    stars_cell = model.index(capped, model.column_of("stars"))
    assert model.data(stars_cell, Qt.ItemDataRole.ToolTipRole) in joined.replace("<br/>", " ")
    assert model.data(stars_cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert "Phiếu kết quả kiểm nghiệm: hết hiệu lực sau ngày " in joined
    assert "Bản công bố chất lượng: thiếu (bắt buộc từ 3 sao)" in joined
    page.table.setCurrentIndex(page.model.index(next(i for i, r in enumerate(page.view.rows) if not r.documents), 0))
    assert "Giấy tờ bắt buộc" in page.detail.text() and "hết hiệu lực" not in page.detail.text()
