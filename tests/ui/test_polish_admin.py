"""The council form starts where a person types and ignores a stray key; the waiting dossiers are counted grouped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ocop_desktop.ui.admin.admin_page import AdminPage
from ocop_desktop.ui.admin.council_form import CouncilDialog
from ocop_desktop.ui.admin.councils_tab import CouncilsTab
from ocop_desktop.ui.context import AppContext


@pytest.fixture
def tab(context: AppContext, qtbot) -> Iterator[CouncilsTab]:
    page = AdminPage(context)  # held here: the tab lives as long as its page
    qtbot.addWidget(page)
    yield page.councils_tab


def _new_form(tab: CouncilsTab, qtbot) -> CouncilDialog:
    shown: list[CouncilDialog] = []
    tab.show_dialog = shown.append
    tab.new_button.click()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.confirm = lambda title, text: True
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog


def test_the_new_council_form_starts_in_the_name_and_a_stray_key_submits_nothing(tab: CouncilsTab, qtbot,
                                                                                 screenshots) -> None:
    """The name field has the focus; a space typed at once goes into it, and the button waits for a name."""
    dialog = _new_form(tab, qtbot)
    assert dialog.focusWidget() is dialog.name
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.toolTip() == "Hãy nhập tên hội đồng."
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.error.text() == "" and not dialog.ok_button.isEnabled()
    dialog.ok_button.setFocus()  # even with the button focused, a key does nothing while the form is empty
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.error.text() == ""
    qtbot.keyClicks(dialog.name, "Hoi dong OCOP 2026")  # QTest types ASCII only
    assert dialog.ok_button.isEnabled() and dialog.ok_button.toolTip() == ""
    for width, height in ((1366, 768), (1024, 600)):
        dialog.resize(min(900, width - 40), min(660, height - 60))
        assert dialog.grab().save(str(screenshots / f"polish_council_form_{width}.png"))


def test_a_refused_save_gives_the_button_back_and_closing_still_asks(tab: CouncilsTab, qtbot) -> None:
    """After the service refuses, the button works again, and closing with what was typed still asks first."""
    dialog = _new_form(tab, qtbot)
    dialog.name.setText("Hội đồng thử")
    dialog.try_accept()  # no chair: refused before anything is written
    assert "Chủ tịch" in dialog.error.text() and dialog.ok_button.isEnabled()
    asked: list[str] = []
    dialog.confirm = lambda title, text: asked.append(title) or False
    dialog.reject()
    assert asked == ["Đóng biểu mẫu"] and dialog.isVisible()


def test_the_waiting_dossiers_are_counted_grouped(tab: CouncilsTab) -> None:
    """1423 waiting dossiers read "1.423", as every other figure does."""
    tab.assignable.rowCount = lambda *args: 1423  # the demo province has far fewer
    tab._show_council_titles()
    assert tab.assignable_title.text() == "Hồ sơ chờ giao (xã đã chuyển lên tỉnh): 1.423"
