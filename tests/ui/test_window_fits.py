"""The window and its dialogs fit the screen they open on; the dossiers section uses the width it gets.

The offscreen screen is smaller than the window's comfortable 1280×800, as a 1366×768 or 1024×600 laptop is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QStyle, QWidget

from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.admin.criteria_file import read_criteria_file
from ocop_desktop.ui.admin.criteria_preview import CriteriaPreviewDialog
from ocop_desktop.ui.dossiers import list_model as m
from ocop_desktop.ui.dossiers.workspace import EDITOR_MIN_WIDTH, DossierWorkspace
from ocop_desktop.ui.main_window import MainWindow, Section
from ocop_desktop.ui.sections import default_sections

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"


def _available() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def _sections() -> list[Section]:
    return [Section(key, key, QStyle.StandardPixmap.SP_FileIcon, lambda _ctx, key=key: QLabel(key))
            for key in ("dossiers", "sync")]


def _saved_at(tmp_path: Path, geometry: QRect) -> QSettings:
    """Settings holding a window geometry as a window closed at ``geometry`` would have saved it."""
    other = QWidget()
    other.setGeometry(geometry)
    settings = _settings(tmp_path)
    settings.setValue("window/geometry", other.saveGeometry())
    return settings


def test_a_first_start_opens_inside_the_screen_with_the_status_bar_in_view(context, tmp_path, qtbot) -> None:
    """With nothing saved, a screen smaller than 1280×800 gets the window maximised on it: whole, its status
    bar above the screen's lower edge."""
    window = MainWindow(context, _sections(), _settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert window.isMaximized()
    assert _available().contains(window.geometry())
    status_bottom = window.statusBar().mapToGlobal(QPoint(0, window.statusBar().height() - 1))
    assert window.statusBar().isVisible() and _available().contains(status_bottom)


def test_a_position_on_a_screen_that_is_gone_is_not_restored(context, tmp_path, qtbot) -> None:
    """Closed on a second monitor (at x = 3000) that is no longer plugged in, the window opens on the screen
    there is, whole."""
    window = MainWindow(context, _sections(), _saved_at(tmp_path, QRect(3000, 120, 700, 500)))
    qtbot.addWidget(window)
    window.show()
    assert QGuiApplication.screenAt(window.geometry().center()) is not None
    assert _available().contains(window.geometry())


def test_a_size_bigger_than_the_screen_is_not_restored(context, tmp_path, qtbot) -> None:
    """Closed at 1900×1000 on a large monitor, the window opens inside this smaller screen."""
    window = MainWindow(context, _sections(), _saved_at(tmp_path, QRect(10, 40, 1900, 1000)))
    qtbot.addWidget(window)
    window.show()
    assert _available().contains(window.geometry())


def test_a_position_inside_the_screen_is_restored_as_it_was(context, tmp_path, qtbot) -> None:
    """A window closed inside today's screen opens where and as large as it was."""
    window = MainWindow(context, _sections(), _saved_at(tmp_path, QRect(40, 60, 700, 480)))
    qtbot.addWidget(window)
    assert window.geometry().size() == QSize(700, 480) and not window.isMaximized()


def test_every_section_fits_a_1024_by_600_screen(context, tmp_path, qtbot) -> None:
    """With every section opened, the window still needs no more than 1024×600 minus a window frame: a page
    wider or taller than that scrolls inside the window rather than pushing it off the screen."""
    window = MainWindow(context, default_sections(), _settings(tmp_path))
    qtbot.addWidget(window)
    for section in window.sections:
        window.show_section(section.key)
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.boundedTo(QSize(1024, 600).shrunkBy(window_geometry.FRAME_GUESS)) == needed


def _workspace(context, qtbot, size: QSize) -> DossierWorkspace:
    workspace = DossierWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(size)
    workspace.show()
    qtbot.waitUntil(lambda: workspace.list_page.model.rowCount() > 0)
    return workspace


def test_on_a_narrow_screen_the_editor_goes_under_the_list(context, qtbot) -> None:
    """What a 1024×600 screen leaves the section (about 800×500): the list on top, the editor under it, each
    with a usable share, and the dossier chosen in the list opens there."""
    workspace = _workspace(context, qtbot, QSize(800, 500))
    assert workspace.splitter.orientation() == Qt.Orientation.Vertical
    table, model = workspace.list_page.table, workspace.list_page.model
    table.setCurrentIndex(model.index(1, 0))
    assert workspace.editor.view.dossier.id == model.data(model.index(1, 0), m.ID_ROLE)
    list_height, editor_height = workspace.splitter.sizes()
    assert list_height > 150 and editor_height > 250 and _editor_whole(workspace)
    assert workspace.minimumSizeHint().width() <= 800


def _editor_whole(workspace: DossierWorkspace) -> bool:
    """The editor is as wide as it needs: nothing of it (its save button least of all) is scrolled out of sight."""
    return workspace.editor_area.viewport().width() >= workspace.editor.minimumSizeHint().width()


def test_on_a_laptop_screen_the_editor_keeps_its_room_beside_the_list(context, qtbot) -> None:
    """At 1366 px (about 1180 for the section) the list and the editor sit side by side, the editor as wide
    as it needs."""
    workspace = _workspace(context, qtbot, QSize(1180, 680))
    assert workspace.splitter.orientation() == Qt.Orientation.Horizontal
    assert workspace.splitter.sizes()[1] >= EDITOR_MIN_WIDTH and _editor_whole(workspace)


def test_on_a_wide_screen_the_list_shows_every_column(context, qtbot) -> None:
    """At 1920 px (about 1730 for the section) the list takes the width its columns need: none is cut off
    or hidden behind a sideways scroll bar, and the editor beside it is still whole."""
    workspace = _workspace(context, qtbot, QSize(1730, 900))
    table = workspace.list_page.table
    header = table.horizontalHeader()
    last = max(range(header.count()), key=header.sectionViewportPosition)
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    assert _editor_whole(workspace)


def test_the_criteria_preview_fits_the_screen(qtbot) -> None:
    """The preview wants 1180×760; on a smaller screen it opens no larger than the screen leaves."""
    loaded = read_criteria_file(SAMPLE)
    dialog = CriteriaPreviewDialog(loaded.criteria_set)
    qtbot.addWidget(dialog)
    room = _available().size().shrunkBy(window_geometry.FRAME_GUESS)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


def test_at_1920_by_1080_the_product_name_gets_room_and_every_column_shows(context, tmp_path, qtbot) -> None:
    """The whole window at 1920×1080 with a dossier open beside the list (its editor as wide as its "Tài liệu"
    tab needs): the product's name gets a readable width, not the 85 px the fixed columns used to leave it, and
    every column shows whole, with no sideways scroll bar."""
    from ocop_desktop.ui.dossiers import list_columns

    window = MainWindow(context, default_sections(), _settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    window.show_section("dossiers")
    workspace = window.findChild(DossierWorkspace)
    qtbot.waitUntil(lambda: workspace.list_page.model.rowCount() > 0 and workspace.editor is not None)
    table, model = workspace.list_page.table, workspace.list_page.model
    table.setCurrentIndex(model.index(2, 0))
    qtbot.waitUntil(lambda: workspace.editor.view is not None)
    header = table.horizontalHeader()
    assert header.sectionSize(m.PRODUCT) >= list_columns.FLOOR[m.PRODUCT] + 15
    assert header.sectionSize(m.PRODUCT) >= header.sectionSize(m.PRODUCER)
    last = max(range(header.count()), key=header.sectionViewportPosition)
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert not table.horizontalScrollBar().isVisible()
    assert _editor_whole(workspace)


def test_a_column_the_person_widened_keeps_its_width(context, qtbot) -> None:
    """Once a column is dragged wider, a change of the window's width no longer sizes the columns."""
    workspace = _workspace(context, qtbot, QSize(1730, 900))
    header = workspace.list_page.table.horizontalHeader()
    header.resizeSection(m.PRODUCER, 300)
    workspace.resize(QSize(1500, 900))
    qtbot.wait(20)
    assert header.sectionSize(m.PRODUCER) == 300


def test_beside_the_editor_on_a_laptop_the_list_keeps_code_product_and_status_in_view(context, qtbot) -> None:
    """At 1366 px the list beside the editor is too narrow for every column: the ones the editor shows anyway
    step aside (producer, commune, group...) rather than pushing the status behind a sideways scroll bar; given
    the width again, they come back."""
    workspace = _workspace(context, qtbot, QSize(1180, 680))
    table, model = workspace.list_page.table, workspace.list_page.model
    table.setCurrentIndex(model.index(1, 0))
    qtbot.wait(20)
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert {m.CODE, m.PRODUCT, m.STATUS} <= set(shown) and m.GROUP not in shown
    assert header.sectionViewportPosition(m.STATUS) + header.sectionSize(m.STATUS) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    workspace.resize(QSize(1730, 900))
    qtbot.wait(20)
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
