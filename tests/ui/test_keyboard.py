"""Keyboard use: Tab leaves the lists, letters and digits choose an option, F8 ends on "Nộp phiếu"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from sqlalchemy import select

from ocop_desktop.db.models import ScoreLine
from ocop_desktop.db.schema import Database
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.workspace import DossierWorkspace
from ocop_desktop.ui.scoring.my_scoring_page import MyScoringPage
from ocop_desktop.ui.scoring.sheet_widget import SheetWidget
from tests.ui.sheet_helpers import start_sheet

ID_2019 = "8f3c2a10-0000-4000-8000-000000001048"


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _shown(qtbot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _answers(demo_db: Database, sheet_id: str) -> dict[tuple[str, str | None], str]:
    with demo_db.session() as session:
        rows = session.execute(select(ScoreLine.criterion_code, ScoreLine.subitem_code, ScoreLine.option_code)
                               .where(ScoreLine.sheet_id == sheet_id, ScoreLine.deleted.is_(False))).all()
    return {(c, s or None): o for c, s, o in rows}


def test_tab_leaves_the_sheet_list_and_reaches_submit(context: AppContext, demo_db: Database, qtbot) -> None:
    """From the list of sheets, Tab goes into the sheet (not to the next cell or row) and, Tab after Tab,
    reaches "Nộp phiếu" of the complete sheet open beside it; the list never opens another sheet."""
    sheet_id = start_sheet(demo_db, complete=True)
    page = MyScoringPage(context)
    _shown(qtbot, page)
    page.open_sheet(sheet_id)
    row = page.table.currentIndex().row()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()
    for _ in range(200):
        if _focused() is page.sheet.submit_button:
            break
        assert page.table.currentIndex().row() == row and page.sheet.view.sheet_id == sheet_id
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is page.sheet.submit_button


def test_tab_reads_the_sheet_before_its_totals(context: AppContext, demo_db: Database, qtbot) -> None:
    """Within the sheet, Tab visits the criteria in order and goes from the last one straight on to "Nộp
    phiếu", not back up to the top of the screen: the order in which the sheet is read."""
    widget = SheetWidget(context)
    _shown(qtbot, widget)
    widget.load(start_sheet(demo_db, complete=True))
    widget.row("A.1.1").option_button(None, "a").setFocus()
    visited = []
    for _ in range(200):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        if _focused() is widget.submit_button:
            break
        inside = [code for code, row in widget.body.rows.items() if row.isAncestorOf(_focused())]
        visited += inside or [type(_focused()).__name__]
    assert _focused() is widget.submit_button
    assert list(dict.fromkeys(visited)) == list(widget.body.rows)


def test_tab_leaves_the_dossier_list_without_opening_another_dossier(context: AppContext, qtbot) -> None:
    """Tab in the dossier list moves on to the editor beside it; the dossier shown stays the same."""
    workspace = DossierWorkspace(context)
    _shown(qtbot, workspace)
    table, model = workspace.list_page.table, workspace.list_page.model
    table.setCurrentIndex(model.index(0, 0))
    shown = workspace.editor.view.dossier.id
    table.setFocus()
    for _ in range(model.columnCount() + 1):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        if not table.hasFocus():
            break
    assert not table.hasFocus() and workspace.isAncestorOf(_focused())
    assert table.currentIndex().row() == 0 and workspace.editor.view.dossier.id == shown


def test_no_list_on_the_sync_page_traps_tab(context: AppContext, qtbot) -> None:
    """Every table of the sync screen hands Tab on to the next control."""
    from ocop_desktop.ui.sync_page.sync_page import SyncPage

    page = SyncPage(context)
    qtbot.addWidget(page)
    views = page.findChildren(QAbstractItemView)
    assert views and not any(view.tabKeyNavigation() for view in views)


@pytest.mark.parametrize(("key", "expected"), [(Qt.Key.Key_C, "c"), (Qt.Key.Key_2, "b"), (Qt.Key.Key_D, "d")])
def test_a_letter_or_digit_chooses_that_option(context, demo_db, qtbot, key: Qt.Key, expected: str) -> None:
    """With the keyboard on a criterion, "c" chooses option c) and "2" the second option; saved at once and
    the focus follows the choice."""
    sheet_id = start_sheet(demo_db)
    widget = SheetWidget(context)
    _shown(qtbot, widget)
    widget.load(sheet_id)
    qtbot.keyClick(widget, Qt.Key.Key_F8)
    row = widget.row("A.1.1")
    assert _focused() is row.option_button(None, "a")
    qtbot.keyClick(_focused(), key)
    assert row.option_button(None, expected).isChecked() and _focused() is row.option_button(None, expected)
    assert _answers(demo_db, sheet_id) == {("A.1.1", None): expected}


def test_a_key_naming_no_option_changes_nothing(context, demo_db, qtbot) -> None:
    """"9" on a criterion with four options, and Ctrl+C, choose nothing."""
    sheet_id = start_sheet(demo_db)
    widget = SheetWidget(context)
    _shown(qtbot, widget)
    widget.load(sheet_id)
    qtbot.keyClick(widget, Qt.Key.Key_F8)
    qtbot.keyClick(_focused(), Qt.Key.Key_9)
    qtbot.keyClick(_focused(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _answers(demo_db, sheet_id) == {}


def test_keys_choose_within_the_sub_item_the_focus_is_on(context, demo_db, qtbot) -> None:
    """On a criterion with sub-items, the key answers the sub-item whose options have the focus."""
    sheet_id = start_sheet(demo_db, criteria_set_id=ID_2019)
    widget = SheetWidget(context)
    _shown(qtbot, widget)
    widget.load(sheet_id)
    row = next(r for r in widget.body.rows.values() if r.criterion.subitems)
    first, second = (sub.code for sub in row.criterion.subitems[:2])
    widget.scroll.ensureWidgetVisible(row)
    row.option_button(second, "a").setFocus()
    qtbot.keyClick(_focused(), Qt.Key.Key_B)
    assert _answers(demo_db, sheet_id) == {(row.criterion.code, second): "b"}
    assert not any(row.option_button(first, o.code).isChecked() for o in row.criterion.subitems[0].options)


def test_f8_on_a_complete_sheet_goes_to_submit(context, demo_db, qtbot) -> None:
    """When nothing is left unanswered, F8 puts the keyboard on "Nộp phiếu" (Enter or Space then submits)."""
    widget = SheetWidget(context)
    _shown(qtbot, widget)
    widget.load(start_sheet(demo_db, complete=True))
    widget.row("A.1.1").option_button(None, "a").setFocus()
    qtbot.keyClick(_focused(), Qt.Key.Key_F8)
    assert _focused() is widget.submit_button


def test_no_table_of_the_council_page_or_the_admin_page_traps_tab(context: AppContext, qtbot) -> None:
    """The council's table, the criteria problems and the councils lists hand Tab on to the next control."""
    from ocop_desktop.ui.admin.admin_page import AdminPage
    from ocop_desktop.ui.council.council_page import CouncilPage

    for page in (CouncilPage(context), AdminPage(context)):
        qtbot.addWidget(page)
        views = page.findChildren(QAbstractItemView)
        assert views and not any(view.tabKeyNavigation() for view in views), type(page).__name__


def test_tab_leaves_the_council_table(context: AppContext, qtbot) -> None:
    """Tab in the council's table moves on to the next control, not to the next cell."""
    from ocop_desktop.ui.council.council_page import CouncilPage

    page = CouncilPage(context)
    _shown(qtbot, page)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus() and page.table.currentIndex().column() == 0


def test_the_council_forms_member_table_does_not_trap_tab(context: AppContext, qtbot) -> None:
    """In the new-council form, Tab leaves the members table for "Bỏ thành viên đã chọn"."""
    from ocop_desktop.ui.admin.admin_page import AdminPage

    page = AdminPage(context)
    qtbot.addWidget(page)
    shown: list = []
    page.councils_tab.show_dialog = shown.append
    page.councils_tab.new_button.click()
    dialog = shown[0]
    views = dialog.findChildren(QAbstractItemView)
    assert dialog.member_table in views and not any(view.tabKeyNavigation() for view in views)
    dialog.confirm = lambda title, text: True
    dialog.close()
