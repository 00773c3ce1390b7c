"""The main window: sections, shortcuts, the always-visible sync status, and a remembered layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QLabel, QStyle

from ocop_desktop.services import registry
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.main_window import MainWindow, Section

Icon = QStyle.StandardPixmap


class Probe(QLabel):
    def __init__(self, key: str):
        super().__init__(key)
        self.seen = []

    def on_changes(self, changes):
        self.seen.append(changes)


def _sections():
    return [Section(key, key.title(), Icon.SP_FileIcon, lambda ctx, key=key: Probe(key), admins_only=key == "admin")
            for key in ("dossiers", "scoring", "sync", "admin")]


def _window(context, tmp_path, qtbot) -> MainWindow:
    window = MainWindow(context, _sections(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_every_section_is_listed_and_admin_only_for_admins(context, tmp_path, qtbot):
    """An admin sees the admin section; a council member does not."""
    assert [s.key for s in _window(context, tmp_path, qtbot).sections] == ["dossiers", "scoring", "sync", "admin"]
    member = AppContext(context.runner, context.paths, context.blobs,
                        CurrentUser("u-1", "thanhvien", "Lê Thị Hoa", "member"))
    window = _window(member, tmp_path / "m", qtbot)
    assert [s.key for s in window.sections] == ["dossiers", "scoring", "sync"]
    assert "Thành viên hội đồng" in window.windowTitle() and "Lê Thị Hoa" in window.windowTitle()


def test_ctrl_number_opens_a_section(context, tmp_path, qtbot):
    """Ctrl+2 is bound to the second section (offscreen windows never become active, so the bound
    shortcut is fired directly)."""
    window = _window(context, tmp_path, qtbot)
    shortcuts = {s.key().toString(): s for s in window.findChildren(QShortcut)}
    assert sorted(shortcuts) == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]
    shortcuts["Ctrl+2"].activated.emit()
    assert window.current_section() == "scoring"
    page = window.pages["scoring"]
    assert page.text() == "scoring" and window.stack.currentWidget().isAncestorOf(page)


def test_the_status_bar_counts_unsent_changes_as_they_are_made(context, tmp_path, qtbot):
    """A producer registered offline shows at once as one more unsent change; offline is shown."""
    window = _window(context, tmp_path, qtbot)
    before = window.status.status.unsent
    context.runner.write(lambda s: registry.create_producer(s, name="HTX Chè Hương Sơn", kind="cooperative",
                                                            commune_code="18073"))
    assert window.status.status.unsent == before + 1
    assert f"{before + 1} thay đổi chưa gửi" in window.status.unsent.text()
    assert "Ngoại tuyến" in window.status.connection.text()
    assert "Chưa đồng bộ lần nào" in window.status.last_sync.text()


def test_changes_reach_every_page(context, tmp_path, qtbot):
    """A service's Changes is handed to each page so it can refresh what it shows: the page on screen at
    once, a hidden page (once) when it is opened again."""
    window = _window(context, tmp_path, qtbot)
    assert list(window.pages) == ["dossiers"]  # only the screen shown at start is built
    for section in window.sections:
        window.show_section(section.key)
    changes = []
    context.runner.write(lambda s: registry.create_producer(s, name="HTX Mực khô", kind="cooperative",
                                                            commune_code="18073"), done=changes.append)
    assert window.pages["admin"].seen == changes and window.pages["dossiers"].seen == []
    for section in window.sections:
        window.show_section(section.key)
    assert all(page.seen == changes for page in window.pages.values())


def test_layout_and_section_are_remembered(context, tmp_path, qtbot):
    """Size and the open section come back the next time the window opens."""
    window = _window(context, tmp_path, qtbot)
    window.resize(700, 500)  # inside the offscreen screen (800x600), which a restore would clamp to
    window.show_section("sync")
    window.close()
    again = _window(context, tmp_path, qtbot)
    assert again.current_section() == "sync"
    assert (again.width(), again.height()) == (700, 500)


def test_an_unhandled_failure_is_shown_in_vietnamese(context, tmp_path, qtbot, monkeypatch):
    """Background work that fails with nobody listening is shown to the person, not lost."""
    shown = []
    monkeypatch.setattr("ocop_desktop.ui.main_window.QMessageBox.warning",
                        lambda parent, title, text: shown.append((title, text)))
    _window(context, tmp_path, qtbot)
    context.runner.read(lambda session: 1 / 0)
    assert shown and shown[0][0] == "Không thực hiện được" and "lỗi" in shown[0][1]


def test_language_and_server_choices_are_kept_for_the_next_start(context, tmp_path, qtbot, monkeypatch):
    """English can be chosen from the menu; a demo laptop can be pointed at the provincial server."""
    from ocop_desktop.ui.start.setup_dialog import SetupDialog

    window = _window(context, tmp_path, qtbot)
    told, asked = [], []
    monkeypatch.setattr(window, "inform", lambda title, text: told.append(text))
    monkeypatch.setattr(window, "ask_yes", lambda title, text, yes, no: asked.append(text) and False)
    window.choose_language("en")
    assert window.settings.value("ui/language") == "en" and "Reopen the window" in asked[-1]
    assert "next time" in told[-1] and window.next_step is None

    def answered(parent):
        dialog = SetupDialog(parent)

        def typed_then_ok():
            dialog.url.setText("ocop.hatinh.gov.vn:8765")
            dialog.accept()
            return dialog.result()

        dialog.exec = typed_then_ok
        return dialog

    monkeypatch.setattr(window, "make_setup_dialog", answered)
    window.choose_server()
    assert window.settings.value("setup/mode") == "server"
    assert window.settings.value("setup/server_url") == "https://ocop.hatinh.gov.vn:8765"  # bare host: https
    assert "đăng nhập lại" in asked[-1] and "lần đăng nhập sau" in told[-1]
