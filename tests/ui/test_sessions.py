"""Sessions: log out and log in as someone else without quitting, a new language without a restart, each person's
own starting section, and a server address tried before it is kept."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator

import pytest
import shiboken6
import sync_world
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QStyle

from ocop_desktop.app import run, ui_settings
from ocop_desktop.services.demo_accounts import DEMO_PASSWORD
from ocop_desktop.ui import translations
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.main_window import MainWindow, Section
from ocop_desktop.ui.session_actions import LOGIN
from ocop_desktop.ui.start import login_dialog
from ocop_desktop.ui.start.setup_dialog import SetupDialog

live_server = sync_world.live_server  # fixture
Step = Callable[[MainWindow], None]


def _run_app(paths, logins: list[str], steps: list[Step], monkeypatch) -> list[tuple[str, str]]:
    """Runs the real app on a demo laptop: each login dialog logs in the next name, each main window shown is
    handed to the next step once it is up. Returns (username, window title) per window, in order."""
    settings = ui_settings(paths)
    settings.setValue("setup/mode", "demo")
    settings.setValue("setup/demo_data", True)
    settings.sync()

    class AutoLogin(login_dialog.LoginDialog):
        def exec(self):
            self.username.setText(logins.pop(0))
            self.password.setText(DEMO_PASSWORD)
            QTimer.singleShot(0, self.try_login)
            return super().exec()

    monkeypatch.setattr(login_dialog, "LoginDialog", AutoLogin)
    shown: list[tuple[str, str]] = []
    handled: set[int] = set()

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and id(widget) not in handled:
                handled.add(id(widget))
                shown.append((widget.context.user.username, widget.windowTitle()))
                step = steps.pop(0)
                QTimer.singleShot(100, lambda w=widget, s=step: s(w))

    poll, guard = QTimer(), QTimer()
    poll.timeout.connect(look)
    poll.start(50)
    guard.setSingleShot(True)  # should a step never come, everything is closed instead of hanging the run
    guard.timeout.connect(lambda: [w.close() for w in QApplication.topLevelWidgets()])
    guard.start(60_000)
    try:
        assert run(paths) == 0
    finally:
        poll.stop()
        guard.stop()
    return shown


def test_log_out_and_another_person_logs_in_without_quitting(demo_paths, qtbot, monkeypatch):
    """"Đăng xuất / Đổi người dùng" closes the window and shows the login again, in the same process; the next
    person gets their own window, and closing it ends the app."""
    first: list[MainWindow] = []
    earlier_alive: list[bool] = []

    def second(window: MainWindow) -> None:
        earlier_alive.append(shiboken6.isValid(first[0]))
        window.close()

    shown = _run_app(demo_paths, ["thuky", "thanhvien"], [lambda w: first.append(w) or w.leave(LOGIN), second],
                     monkeypatch)
    assert [name for name, _ in shown] == ["thuky", "thanhvien"]
    assert earlier_alive == [False]  # gone with its timers: no probe or sync runs for the previous person
    assert "Thư ký hội đồng" in shown[0][1] and "Thành viên hội đồng" in shown[1][1]


@pytest.fixture
def english_put_back(qapp) -> Iterator[None]:
    """The run installs English; the other tests expect the session's Vietnamese back."""
    installed, real = [], translations.install

    def install(app, language):
        made = real(app, language)
        installed.extend(made)
        return made

    translations.install = install
    try:
        yield
    finally:
        translations.install = real
        for translator in installed:
            qapp.removeTranslator(translator)
        for translator in real(qapp, "vi"):
            qapp.removeTranslator(translator)  # only its i18n and number settings were wanted


def test_a_new_language_reopens_the_window_for_the_same_person(demo_paths, qtbot, monkeypatch, english_put_back):
    """Choosing English and "Reopen now" brings the same person's window back in English, with no new login."""
    monkeypatch.setattr(MainWindow, "ask_yes", lambda self, title, text, yes, no: True)
    shown = _run_app(demo_paths, ["chutich"], [lambda w: w.choose_language("en"), lambda w: w.close()],
                     monkeypatch)
    assert [name for name, _ in shown] == ["chutich", "chutich"]
    assert "Đánh giá sản phẩm" in shown[0][1] and "Council chair" in shown[1][1]


def _probe_sections() -> list[Section]:
    return [Section(key, key.title(), QStyle.StandardPixmap.SP_FileIcon, lambda ctx, key=key: QLabel(key))
            for key in ("dossiers", "scoring", "sync")]


def test_each_person_starts_in_the_section_they_left(context, tmp_path, qtbot):
    """A secretary who left Đồng bộ finds it again; a member logging in after her starts in her own last
    section, not the secretary's."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def window_for(user: CurrentUser) -> MainWindow:
        window = MainWindow(AppContext(context.runner, context.paths, context.blobs, user), _probe_sections(),
                            settings)
        qtbot.addWidget(window)
        return window

    secretary = CurrentUser("u-secretary", "thuky", "Trần Văn Thư", "secretary")
    member = CurrentUser("u-member", "thanhvien", "Lê Thị Hoa", "member")
    first = window_for(secretary)
    first.show_section("sync")
    first.close()
    second = window_for(member)
    assert second.current_section() == "dossiers"
    second.show_section("scoring")
    second.close()
    assert window_for(secretary).current_section() == "sync"
    assert window_for(member).current_section() == "scoring"


def test_choosing_a_server_offers_to_log_in_again_at_once(context, tmp_path, qtbot, monkeypatch):
    """After a new server address is kept, "Đăng nhập lại ngay" closes the window for the login."""
    window = MainWindow(context, _probe_sections(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()

    def answered(parent):
        dialog = SetupDialog(parent)

        def typed_then_ok():
            dialog.url.setText("ocop.hatinh.gov.vn")
            dialog.accept()
            return dialog.result()

        dialog.exec = typed_then_ok
        return dialog

    monkeypatch.setattr(window, "make_setup_dialog", answered)
    monkeypatch.setattr(window, "ask_yes", lambda title, text, yes, no: yes == "Đăng nhập lại ngay")
    window.choose_server()
    assert window.next_step == LOGIN and not window.isVisible()


def _try(runner, qtbot, url: str) -> SetupDialog:
    dialog = SetupDialog(runner=runner)
    qtbot.addWidget(dialog)
    dialog.url.setText(url)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_setup is not None or dialog.ok.isEnabled(), timeout=20_000)
    return dialog


def test_a_server_that_answers_is_kept(live_server, runner, qtbot):
    """The provincial server answering its /info with this app's protocol: the address is kept."""
    dialog = _try(runner, qtbot, live_server.url)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.result_setup.server_url == live_server.url


def test_an_address_nobody_answers_is_kept_only_when_the_person_insists(runner, qtbot):
    """No answer (here a closed port) is said in Vietnamese; the button becomes "Vẫn lưu địa chỉ này", and only
    a second press keeps the address. Typing another address asks again."""
    dialog = _try(runner, qtbot, "http://127.0.0.1:9")
    assert dialog.result_setup is None and "Không kết nối được" in dialog.error.text()
    assert dialog.ok.text() == "Vẫn lưu địa chỉ này"
    dialog.url.setText("http://127.0.0.1:9/")
    dialog.accept()
    assert dialog.result_setup is not None and dialog.result_setup.server_url == "http://127.0.0.1:9"


@pytest.fixture
def other_web_site() -> Iterator[str]:
    """A web server that is not ours: every path answers 404."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    server.RequestHandlerClass.log_message = lambda *args: None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/khong-co"
    server.shutdown()
    server.server_close()


def test_an_address_that_is_not_an_ocop_server_is_refused(other_web_site, runner, qtbot):
    """Something answers, but not as the provincial server: said so, and never kept."""
    dialog = _try(runner, qtbot, other_web_site)
    assert dialog.result_setup is None and "không phải máy chủ OCOP" in dialog.error.text()
    assert dialog.ok.text() == "Tiếp tục"
