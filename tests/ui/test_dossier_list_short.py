"""On a 1024×600 screen with a dossier open the list gets about 190 px: its filters fold away so that the
table shows more than two rows, and one click brings them back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt

from ocop_desktop.ui.dossiers.workspace import DossierWorkspace


def _workspace(context, qtbot, size: QSize) -> DossierWorkspace:
    workspace = DossierWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(size)
    workspace.show()
    qtbot.waitUntil(lambda: workspace.list_page.model.rowCount() > 0)
    return workspace


def _rows_shown(workspace: DossierWorkspace) -> float:
    table = workspace.list_page.table
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_on_a_short_screen_the_filters_fold_away_and_come_back(context, qtbot, screenshots: Path) -> None:
    workspace = _workspace(context, qtbot, QSize(800, 500))  # what a 1024×600 screen leaves the section
    assert workspace.splitter.orientation() == Qt.Orientation.Vertical
    page = workspace.list_page
    page.table.setCurrentIndex(page.model.index(0, 0))  # a dossier open in the editor under the list
    qtbot.waitUntil(lambda: workspace.editor.view is not None)
    qtbot.waitUntil(lambda: _rows_shown(workspace) >= 4, timeout=2000)  # was under 2 rows
    workspace.grab().save(str(screenshots / "dossier-list-1024x600.png"))
    assert not page.filter_panel.isVisible() and page.filters_button.isVisible()
    page.filters_button.click()
    assert page.filter_panel.isVisible() and page.status_box.isVisible()
    workspace.resize(QSize(1180, 680))  # a person's choice stays, whatever the height
    assert page.filter_panel.isVisible()


def test_on_a_laptop_screen_the_filters_stay_open(context, qtbot) -> None:
    workspace = _workspace(context, qtbot, QSize(1180, 680))
    assert workspace.list_page.filter_panel.isVisible() and workspace.list_page.filters_button.isChecked()
