"""The council page on the demo session: the table, approval, exports and their errors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ocop_core.domain.council import official_recommendation
from ocop_desktop.db.models import CouncilResult, User
from ocop_desktop.db.schema import Database
from ocop_desktop.formats import decimal, stars
from ocop_desktop.services import councils
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.council.council_model import FIRST_MEMBER, CouncilTableModel
from ocop_desktop.ui.council.council_page import CouncilPage
from ocop_desktop.ui.runner import Runner
from ocop_desktop.words import error_text, recommendations

APPROVER = "00000000-0000-4000-8000-0000000000c1"  # the user who approves


@pytest.fixture
def page(qtbot, context: AppContext) -> CouncilPage:
    """The page as the main window builds it, refreshed by the runner's changes as the window does."""
    widget = CouncilPage(context)
    qtbot.addWidget(widget)
    context.runner.changed.connect(widget.on_changes)
    return widget


def _as(context: AppContext, role: str) -> AppContext:
    return replace(context, user=CurrentUser(user_id="u", username=role, full_name="Người dùng", role=role))


def _select(page: CouncilPage, predicate, column: int = 0) -> int:
    row = next(i for i, r in enumerate(page.view.rows) if predicate(r))
    page.table.setCurrentIndex(page.model.index(row, column))
    return row


def _text(model: CouncilTableModel, row: int, key: str) -> str:
    return model.data(model.index(row, model.column_of(key)))


def test_table_matches_compute_council_result(page: CouncilPage, demo_db: Database) -> None:
    """Every dossier's members' totals, mean, spread, stars and recommendation equal the stored computation."""
    model = page.model
    assert model.rowCount() == len(page.view.rows) > 0
    with demo_db.session() as session:
        for row_no, row in enumerate(page.view.rows):
            outcome = councils.assess_dossier(session, evaluation_id=page.view.evaluation_id,
                                              dossier_id=row.dossier_id).outcome
            totals = [model.data(model.index(row_no, FIRST_MEMBER + k)) for k in range(len(page.view.scorers))]
            assert sorted(totals) == sorted(decimal(t) for t in outcome.member_totals)
            assert _text(model, row_no, "mean") == decimal(outcome.mean)
            assert _text(model, row_no, "spread") == decimal(outcome.spread)
            assert _text(model, row_no, "stars") == stars(outcome.final_stars)
            # Recognition is recommended only once the result can be approved (approved ones are stored as such).
            assert model.data(model.index(row_no, model.column_of("recommendation")),
                              Qt.ItemDataRole.ToolTipRole) == recommendations()[
                official_recommendation(row.recommendation, row.flags)]
            if not row.approved:
                assert official_recommendation(row.recommendation, row.flags) \
                    == official_recommendation(outcome.recommendation, [str(f) for f in outcome.flags])
        session.rollback()


def test_model_passes_qtmodeltester(page: CouncilPage, qtmodeltester) -> None:
    """The loaded table model keeps Qt's item-model contract."""
    qtmodeltester.check(page.model)


def test_empty_model_without_widgets(qtmodeltester) -> None:
    """A model with no session has no rows and no columns and still passes the contract."""
    model = CouncilTableModel()
    assert (model.rowCount(), model.columnCount()) == (0, 0)
    qtmodeltester.check(model)


def test_spread_over_limit_is_red(page: CouncilPage) -> None:
    """A spread over the limit is painted red; a spread within it is not."""
    model, column = page.model, page.model.column_of("spread")
    colours = {r.spread_exceeded: model.data(model.index(i, column), Qt.ItemDataRole.ForegroundRole)
               for i, r in enumerate(page.view.rows)}
    assert colours[True].color() == QColor("#c00000")
    assert colours.get(False) is None


def test_approving_marks_the_result_and_a_second_approval_is_refused(page: CouncilPage, demo_db: Database) -> None:
    """Confirmed approval stamps the stored result, the row shows it, and approving again is refused."""
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True
    row_no = _select(page, lambda r: r.can_approve)
    dossier = page.view.rows[row_no].dossier_id
    assert page.approve_button.isEnabled()
    page.approve_button.click()
    assert asked and page.view.rows[row_no].code in asked[0]
    assert page.view.row(dossier).approved
    assert _text(page.model, page.model.row_of(dossier), "approved") == "Đã duyệt"
    assert not page.approve_button.isEnabled()
    assert "đã được phê duyệt" in page.reason.text()
    with demo_db.session() as session:
        assert session.get(CouncilResult, page.view.row(dossier).result_id).approved_by == page.context.user.user_id
    with demo_db.session() as session, pytest.raises(ServiceError) as info:
        councils.approve_council_result(session, approved_by=APPROVER, evaluation_id=page.view.evaluation_id,
                                        dossier_id=dossier)
    assert info.value.code == "result_approved"


def test_an_approved_result_names_its_approver(qtbot, context: AppContext, demo_db: Database) -> None:
    """Approved by the council's chair (a real demo account): the detail says when, and who."""
    with demo_db.session() as session:
        chair = session.scalar(select(User).where(User.username == "chutich"))
        who = CurrentUser(user_id=chair.id, username=chair.username, full_name=chair.full_name, role="chair")
    page = CouncilPage(replace(context, user=who))
    qtbot.addWidget(page)
    context.runner.changed.connect(page.on_changes)
    page.confirm = lambda title, text: True
    _select(page, lambda r: r.can_approve)
    page.approve_button.click()
    assert f"({chair.full_name})" in page.detail.text() and "Đã phê duyệt ngày" in page.detail.text()


def test_declined_confirmation_approves_nothing(page: CouncilPage, demo_db: Database) -> None:
    """Answering "no" to the confirmation writes nothing."""
    page.confirm = lambda title, text: False
    approved = select(CouncilResult.id).where(CouncilResult.approved_at.is_not(None))
    with demo_db.session() as session:
        before = set(session.scalars(approved))  # the demo's evaluated dossiers have theirs
    _select(page, lambda r: r.can_approve)
    page.approve_button.click()
    with demo_db.session() as session:
        assert set(session.scalars(approved)) == before


def test_rescore_flag_disables_approval_with_the_reason(page: CouncilPage) -> None:
    """A dossier whose members differ too much cannot be approved, and the page says why."""
    _select(page, lambda r: r.spread_exceeded)
    assert not page.approve_button.isEnabled()
    assert "chấm lại" in page.reason.text()


def test_member_role_cannot_approve(qtbot, context: AppContext) -> None:
    """For an ordinary council member the button stays disabled and the reason names who may approve."""
    page = CouncilPage(_as(context, "member"))
    qtbot.addWidget(page)
    _select(page, lambda r: r.can_approve)
    assert not page.approve_button.isEnabled()
    assert "thư ký" in page.reason.text()


def test_exports_write_the_three_documents(page: CouncilPage, tmp_path: Path) -> None:
    """Minutes, a member's sheet and the workbook are written where the (stubbed) dialog says."""
    folder = tmp_path / "xuat"
    folder.mkdir()
    page.choose_save_path = lambda title, suggested, filters: str(folder / suggested)
    page.minutes_button.click()
    page.excel_button.click()
    _select(page, lambda r: r.cells[0].submitted, column=FIRST_MEMBER)
    assert page.sheet_button.isEnabled()
    page.sheet_button.click()
    written = sorted(p.suffix for p in folder.iterdir())
    assert written == [".pdf", ".pdf", ".xlsx"]
    assert all(p.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04") for p in folder.iterdir())
    assert "Đã lưu" in page.message.text()


def test_sheet_export_needs_a_member_cell(page: CouncilPage) -> None:
    """With the dossier's code selected (not a member's total) there is no sheet to export."""
    _select(page, lambda r: True, column=0)
    assert not page.sheet_button.isEnabled()


def test_cancelled_dialog_writes_nothing(page: CouncilPage, tmp_path: Path) -> None:
    """An empty path from the dialog (cancel) exports nothing and says nothing."""
    page.choose_save_path = lambda title, suggested, filters: ""
    page.minutes_button.click()
    assert page.message.text() == ""


def test_export_to_unwritable_path_says_so_in_vietnamese(page: CouncilPage, tmp_path: Path) -> None:
    """A folder that does not exist gives a Vietnamese sentence naming the file, not a traceback."""
    target = tmp_path / "khong-co" / "bien-ban.pdf"
    page.choose_save_path = lambda title, suggested, filters: str(target)
    page.minutes_button.click()
    assert "Không ghi được tệp" in page.message.text()
    assert str(target) in page.message.text()


def test_missing_evaluation_says_not_found(page: CouncilPage) -> None:
    """Loading a session that does not exist shows the not-found sentence."""
    page.load("00000000-0000-4000-8000-000000000000")
    assert "Không tìm thấy dữ liệu" in page.message.text()


def test_unrelated_changes_do_not_reload(page: CouncilPage) -> None:
    """A change to something the page does not show leaves its view object untouched."""
    before = page.view
    page.on_changes(Changes.of("recognitions", "x"))
    assert page.view is before
    page.on_changes(Changes.of("score_sheets", "x"))
    assert page.view is not before


def test_screenshot(qtbot, page: CouncilPage, screenshots: Path) -> None:
    """The page at 1280×800 with a flagged dossier selected, saved as council.png."""
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    _select(page, lambda r: r.spread_exceeded, column=FIRST_MEMBER)
    QApplication.processEvents()  # the header stretches the product's column on a queued layout pass
    assert page.grab().save(str(screenshots / "council.png"))


def test_database_without_sessions_shows_an_empty_page(qtbot, db: Database, context: AppContext) -> None:
    """With no evaluation session the page says so and offers no export."""
    runner = Runner(db, synchronous=True)
    page = CouncilPage(replace(context, runner=runner))
    qtbot.addWidget(page)
    try:
        assert page.summary.text() == "Chưa có phiên đánh giá nào."
        assert (page.model.rowCount(), page.model.columnCount()) == (0, 0)
        assert not any(b.isEnabled() for b in (page.approve_button, page.minutes_button, page.excel_button,
                                               page.sheet_button))
    finally:
        runner.shutdown()


def test_approving_a_result_approved_elsewhere_says_so(page: CouncilPage, demo_db: Database) -> None:
    """When another laptop approved the result after the page loaded, the refusal is shown in Vietnamese."""
    page.confirm = lambda title, text: True
    row = page.view.rows[_select(page, lambda r: r.can_approve)]
    with demo_db.session() as session:
        councils.approve_council_result(session, approved_by=APPROVER, evaluation_id=page.view.evaluation_id,
                                        dossier_id=row.dossier_id)
        session.commit()
    page.approve_button.click()
    assert page.message.text() == "Kết quả hội đồng đã được phê duyệt."


def test_refusal_for_rules_names_the_rule() -> None:
    """A "result_not_approvable" refusal reads as the broken rules, not as an error code."""
    error = ServiceError("result_not_approvable", "council_result", flags=["rescore", "chair_absent"],
                         recommendation="recognise_province")
    text = error_text(error)
    assert text.startswith("Chưa phê duyệt được:")
    assert "chấm lại" in text and "Chủ tịch" in text
