"""What a sheet says about its state: no rank before any answer, how to change a submitted one, and a
rescore that asks first."""

from __future__ import annotations

from sqlalchemy import func, select

from ocop_desktop.db.models import ScoreSheet
from ocop_desktop.db.schema import Database
from ocop_desktop.services import sheets
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.scoring.sheet_widget import SheetWidget
from tests.ui.sheet_helpers import start_sheet


def _sheet(context: AppContext, qtbot, sheet_id: str, **kwargs) -> SheetWidget:
    widget = SheetWidget(context, **kwargs)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.load(sheet_id)
    return widget


def _submitted(demo_db: Database) -> str:
    sheet_id = start_sheet(demo_db, complete=True)
    with demo_db.session() as session:
        sheets.submit_sheet(session, sheet_id=sheet_id)
        session.commit()
    return sheet_id


def _count(demo_db: Database) -> int:
    with demo_db.session() as session:
        return session.scalar(select(func.count()).select_from(ScoreSheet))


def test_an_empty_sheet_shows_no_star_rank(context, demo_db, qtbot) -> None:
    """Before any answer the sheet is "chưa xếp hạng", not one star; the first answer gives it its rank."""
    widget = _sheet(context, qtbot, start_sheet(demo_db))
    assert "★" not in widget.totals.stars.text() and "chưa xếp hạng" in widget.totals.stars.text()
    widget.row("A.1.1").option_button(None, "b").click()
    assert "★" in widget.totals.stars.text()


def test_a_submitted_sheet_says_how_to_change_it(context, demo_db, qtbot) -> None:
    """A locked sheet tells why it cannot be changed and names "Chấm lại", the button right under it."""
    widget = _sheet(context, qtbot, _submitted(demo_db))
    note = widget.saved.text()
    assert widget.saved.isVisibleTo(widget) and "không sửa được" in note and "«Chấm lại»" in note
    assert widget.rescore_button.isVisibleTo(widget)


def test_rescore_asks_first_and_a_refusal_changes_nothing(context, demo_db, qtbot) -> None:
    """"Chấm lại" asks before making a new sheet; "Quay lại" leaves the submitted sheet alone."""
    sheet_id = _submitted(demo_db)
    asked: list[tuple] = []
    widget = _sheet(context, qtbot, sheet_id, confirm=lambda *args: asked.append(args) or False)
    before = _count(demo_db)
    widget.rescore_button.click()
    assert asked and asked[0][1] == "Chấm lại" and asked[0][3] == "Chấm lại"
    assert _count(demo_db) == before and widget.view.sheet_id == sheet_id


def test_a_confirmed_rescore_opens_the_new_draft(context, demo_db, qtbot) -> None:
    """Confirmed, "Chấm lại" opens a new draft that supersedes the submitted sheet."""
    sheet_id = _submitted(demo_db)
    widget = _sheet(context, qtbot, sheet_id, confirm=lambda *args: True)
    widget.rescore_button.click()
    assert widget.view.status == "draft" and widget.view.supersedes_id == sheet_id
