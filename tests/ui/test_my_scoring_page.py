"""Chấm điểm page: the list of my sheets (a checked item model) beside the sheet being scored."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import CouncilMember, ScoreSheet, User
from ocop_desktop.db.schema import Database
from ocop_desktop.services import sheet_view
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.sheet_view import NOT_STARTED, MySheetRow
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.scoring import sheets_model
from ocop_desktop.ui.scoring.my_scoring_page import MyScoringPage
from ocop_desktop.ui.scoring.sheets_model import MySheetsModel


def _row(status: str, product: str, sheet_id: str | None = "s1", total: str | None = "62.5",
         stars: int | None = 3) -> MySheetRow:
    return MySheetRow(sheet_id if status != NOT_STARTED else None, f"d-{product}", f"HS-2025-{product[:3]}",
                      product, "m1", "Trần Văn Hùng", "e1", status, Decimal(total) if total else None, stars)


@pytest.fixture
def page(context: AppContext, qtbot) -> MyScoringPage:
    widget = MyScoringPage(context)
    context.runner.changed.connect(widget.on_changes)  # what the main window does for every page
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _index_of(page: MyScoringPage, status: str) -> int:
    return next(i for i, r in enumerate(page.model.rows()) if r.status == status)


def _sheet_count(demo_db: Database) -> int:
    with demo_db.session() as session:
        return session.scalar(select(func.count()).select_from(ScoreSheet))


def test_list_model_passes_the_model_tester(demo_db: Database, qtmodeltester) -> None:
    """The list model, filled from the demo database, is a well-behaved Qt table model."""
    model = MySheetsModel()
    with demo_db.session() as session:
        model.set_rows(sheet_view.my_sheets(session, "", is_admin=True))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_list_model_orders_drafts_first_and_shows_words(qapp) -> None:
    """Drafts come first, then waiting dossiers, then submitted sheets (Vietnamese alphabetical within);
    totals use a decimal comma and stars are drawn."""
    model = MySheetsModel()
    model.set_rows([_row("submitted", "Ốc"), _row(NOT_STARTED, "Bưởi"), _row("draft", "Đào", "s2"),
                    _row("submitted", "Cam", "s3")])
    cells = [[model.index(r, c).data() for c in (sheets_model.PRODUCT, sheets_model.STATUS, sheets_model.TOTAL,
                                                  sheets_model.STARS)] for r in range(model.rowCount())]
    assert cells == [["Đào", "Đang chấm", "62,5", "★★★"], ["Bưởi", "Chưa chấm", "", ""],
                     ["Cam", "Đã nộp", "62,5", "★★★"], ["Ốc", "Đã nộp", "62,5", "★★★"]]
    assert model.headerData(sheets_model.DOSSIER, Qt.Orientation.Horizontal) == "Mã hồ sơ"


def test_list_model_sorts_products_in_the_one_vietnamese_order(qapp) -> None:
    """Within a status, products follow ocop_core's collation: "Đ" after every "D", "Ô mai" < "Ốc" < "Ổi"."""
    model = MySheetsModel()
    names = ["Ổi", "Đào", "Ốc", "Dừa", "Ô mai", "Bưởi"]
    model.set_rows([_row("submitted", name, f"s{i}") for i, name in enumerate(names)])
    shown = [model.index(r, sheets_model.PRODUCT).data() for r in range(model.rowCount())]
    assert shown == ["Bưởi", "Dừa", "Đào", "Ô mai", "Ốc", "Ổi"]


def test_admin_sees_every_members_rows_with_the_member_column(page: MyScoringPage) -> None:
    """In demo mode the admin lists the five members' sheets and the forwarded dossiers, by member name."""
    rows = page.model.rows()
    assert {r.status for r in rows} == {"submitted", NOT_STARTED}
    assert len({r.member_name for r in rows}) == 5
    assert not page.table.isColumnHidden(sheets_model.MEMBER)


def test_someone_on_no_council_gets_an_explanation(runner, demo_paths, qtbot) -> None:
    """A user who scores on no council sees an empty list that says why, and no member column."""
    user = CurrentUser(user_id="00000000-0000-4000-8000-0000000000aa", username="xem", full_name="Người xem",
                       role="viewer")
    page = MyScoringPage(AppContext(runner=runner, paths=demo_paths, blobs=None, user=user))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and "Chưa có hồ sơ nào để chấm" in page.empty_note.text()
    assert page.table.isColumnHidden(sheets_model.MEMBER)


def test_a_linked_member_sees_only_their_own_sheets(runner, demo_paths, demo_db, qtbot) -> None:
    """A council member logged in as themselves lists their own sheets only."""
    with demo_db.session() as session:
        user = User(username="thanhvien-test", full_name="Phạm Đức Minh", role="member")
        session.add(user)
        session.flush()
        member = session.scalars(select(CouncilMember).where(CouncilMember.scores.is_(True))).first()
        member.user_id = user.id
        session.commit()
        me = CurrentUser(user_id=user.id, username=user.username, full_name=user.full_name, role="member")
        member_id = member.id
    page = MyScoringPage(AppContext(runner=runner, paths=demo_paths, blobs=None, user=me))
    qtbot.addWidget(page)
    assert page.model.rowCount() > 0 and {r.member_id for r in page.model.rows()} == {member_id}


def test_selecting_a_submitted_row_opens_it_read_only(page: MyScoringPage) -> None:
    """Choosing a submitted sheet in the list shows it beside the list, read-only."""
    index = _index_of(page, "submitted")
    page.table.setCurrentIndex(page.model.index(index, 0))
    assert page.stack.currentWidget() is page.sheet
    assert page.sheet.view.sheet_id == page.model.row_at(index).sheet_id and not page.sheet.view.editable


def test_a_waiting_dossier_starts_only_when_asked(page: MyScoringPage, demo_db: Database) -> None:
    """Selecting a waiting dossier creates nothing; "Bắt đầu chấm" creates the draft, opens it and
    the list then shows it as a draft, still selected."""
    before = _sheet_count(demo_db)
    waiting = page.model.row_at(_index_of(page, NOT_STARTED))
    page.table.setCurrentIndex(page.model.index(_index_of(page, NOT_STARTED), 0))
    assert page.stack.currentIndex() == 1 and _sheet_count(demo_db) == before
    page.start_button.click()
    assert _sheet_count(demo_db) == before + 1
    assert page.stack.currentWidget() is page.sheet and page.sheet.view.editable
    current = page.model.row_at(page.table.currentIndex().row())
    assert (current.key, current.status, current.sheet_id) == (waiting.key, "draft", page.sheet.view.sheet_id)


def test_enter_on_a_waiting_dossier_starts_it_and_goes_to_its_first_criterion(page: MyScoringPage, qtbot) -> None:
    """From the keyboard: Enter on a waiting row starts the sheet and puts focus on its first criterion."""
    page.table.setCurrentIndex(page.model.index(_index_of(page, NOT_STARTED), 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.sheet.view.editable
    assert page.sheet.row("A.1.1").isAncestorOf(page.sheet.focusWidget())


def test_answers_refresh_the_row_total(page: MyScoringPage) -> None:
    """The list follows the runner's changes: a click in the sheet updates the draft's total in the list."""
    page.table.setCurrentIndex(page.model.index(_index_of(page, NOT_STARTED), 0))
    page.start_button.click()
    page.sheet.row("A.1.1").option_button(None, "d").click()
    row = page.table.currentIndex().row()
    assert page.model.index(row, sheets_model.TOTAL).data() == "5"


def test_on_changes_ignores_what_the_list_does_not_show(page: MyScoringPage, monkeypatch) -> None:
    """A change to producers does not reload the list; a change to score sheets does."""
    calls = []
    monkeypatch.setattr(page, "refresh", lambda: calls.append(1))
    page.on_changes(Changes.of("producers", "x"))
    page.on_changes(Changes.of("score_sheets", "y"))
    assert calls == [1]


def test_open_sheet_shows_and_selects_it(page: MyScoringPage) -> None:
    """open_sheet(id) shows that sheet and moves the list's selection to its row."""
    index = len(page.model.rows()) - 1
    sheet_id = page.model.row_at(index).sheet_id
    page.open_sheet(sheet_id)
    assert page.sheet.view.sheet_id == sheet_id and page.table.currentIndex().row() == index


def test_rescore_from_the_page_selects_the_new_draft(page: MyScoringPage) -> None:
    """"Chấm lại" on a submitted sheet opens the new draft and the list selects its row."""
    page.table.setCurrentIndex(page.model.index(_index_of(page, "submitted"), 0))
    old = page.sheet.view.sheet_id
    page.sheet.confirm = lambda *args: True  # "Chấm lại" asks first
    page.sheet.rescore_button.click()
    current = page.model.row_at(page.table.currentIndex().row())
    assert current.status == "draft" and current.sheet_id == page.sheet.view.sheet_id != old


def test_screenshot_of_my_scoring(page: MyScoringPage, qtbot, screenshots: Path) -> None:
    """my_scoring.png: the admin's list with a draft open beside it, part answered."""
    page.table.setCurrentIndex(page.model.index(_index_of(page, NOT_STARTED), 0))
    page.start_button.click()
    view = page.sheet.view
    for answer in extreme_answers(view.product_set, best=True)[:7]:
        page.sheet.row(answer.criterion).option_button(answer.subitem, answer.option).click()
    qtbot.wait(20)  # let the posted layout requests run, as they would before a person sees the screen
    assert page.grab().save(str(screenshots / "my_scoring.png"))
