"""The sync page offline offers the connection it asks for, and writes its tab counts like every other figure."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLineEdit

from ocop_desktop.services.conflicts import ConflictView
from ocop_desktop.services.sync_history import QuarantinedView, SyncOverview
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.sections import default_sections
from ocop_desktop.ui.sync_page import SyncPage

NOW = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


def test_offline_the_page_offers_the_connection_without_a_restart(context, qtbot, tmp_path) -> None:
    """Offline, the note no longer says to reopen the app, and its "Kết nối máy chủ tỉnh…" button opens the
    window's own connection dialog (which offers the login at once)."""
    window = MainWindow(context, default_sections(), QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    opened: list[bool] = []

    class Refused(QDialog):
        def __init__(self, parent) -> None:
            super().__init__(parent)
            self.url = QLineEdit(self)

        def exec(self) -> int:
            opened.append(True)
            return QDialog.DialogCode.Rejected

    window.make_setup_dialog = lambda parent: Refused(parent)
    window.resize(1366, 768)
    window.show()
    window.show_section("sync")
    page = window.pages["sync"]
    assert isinstance(page, SyncPage)
    note = page.offline_note.text()
    assert "mở lại ứng dụng" not in note and "không cần mở lại" in note
    assert page.connect_button.isVisible() and page.connect_button.text() == "Kết nối máy chủ tỉnh…"
    page.connect_button.click()
    assert opened == [True]


def test_the_tab_counts_are_grouped(context, qtbot) -> None:
    """1200 conflicts and 1423 rejected changes read "(1.200)" and "(1.423)" on their tabs, as in the status bar."""
    page = SyncPage(context)
    qtbot.addWidget(page)
    conflict = ConflictView("c1", "dossiers", "d1", "HS-2025-01", "notes", "text", "B", "A", False, True, True)
    rejected = QuarantinedView(7, "producers", "p1", "HTX Cam Khe", ("phone",), "forbidden: your role", NOW)
    overview = SyncOverview(unsent=0, open_conflicts=1200, last_sync=None, runs=(), quarantined=(rejected,) * 1423)
    page._show_lists((overview, [conflict] * 1200))
    assert page.tabs.tabText(0) == "Xung đột cần giải quyết (1.200)"
    assert page.tabs.tabText(2) == "Thay đổi bị từ chối (1.423)"
    page._show_lists((dataclasses.replace(overview, quarantined=()), []))
    assert page.tabs.tabText(0) == "Xung đột cần giải quyết (0)"
