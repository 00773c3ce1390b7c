"""The tall dialogs fit a 1024×600 screen (about 1024×560 once its taskbar is off): no larger than the screen
leaves, their fields scrolling above buttons that stay in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.admin.admin_page import AdminPage
from ocop_desktop.ui.dossiers.documents_window import DocumentsWindow
from ocop_desktop.ui.dossiers.new_dossier_dialog import NewDossierDialog

SMALL = QRect(0, 0, 1024, 560)


@pytest.fixture
def room(monkeypatch) -> QSize:
    """A 1024×600 screen with a 40-px taskbar, as every screen's available area."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(SMALL))
    return SMALL.size().shrunkBy(window_geometry.FRAME_GUESS)


def _council_form(page: AdminPage) -> QDialog:
    shown: list[QDialog] = []
    page.councils_tab.show_dialog = shown.append
    page.councils_tab.new_button.click()
    shown[0].confirm = lambda title, text: True  # closing at teardown asks, as it does for a person
    return shown[0]


def _fits(dialog: QDialog, qtbot, room: QSize, shot: Path) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # the scroll area settles
    dialog.grab().save(str(shot))
    assert dialog.size().boundedTo(room) == dialog.size(), dialog.size()
    needed = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert needed.boundedTo(room) == needed, needed
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.isVisible() and dialog.rect().contains(buttons.geometry())
    dialog.close()


def test_the_new_council_form_fits_a_small_screen(context, qtbot, room, screenshots) -> None:
    page = AdminPage(context)
    qtbot.addWidget(page)
    _fits(_council_form(page), qtbot, room, screenshots / "council-form-1024x600.png")


def test_the_new_dossier_dialog_fits_a_small_screen(context, qtbot, room, screenshots) -> None:
    dialog = NewDossierDialog(context)
    qtbot.addWidget(dialog)
    _fits(dialog, qtbot, room, screenshots / "new-dossier-1024x600.png")


def test_the_documents_window_fits_a_small_screen(context, qtbot, room, screenshots) -> None:
    dialog = DocumentsWindow(context)
    qtbot.addWidget(dialog)
    _fits(dialog, qtbot, room, screenshots / "documents-window-1024x600.png")
