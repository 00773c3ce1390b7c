"""Starting the app: first-run choice, demo data, login online or offline, bad input refused."""

from __future__ import annotations

import pytest
import sync_world
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel, QStyle

from ocop_desktop.app import database_opener, start
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.demo_accounts import DEMO_PASSWORD
from ocop_desktop.ui.main_window import Section
from ocop_desktop.ui.runner import Runner
from ocop_desktop.ui.start.login_dialog import LoginDialog
from ocop_desktop.ui.start.setup_dialog import SetupDialog, check_server_url

live_server = sync_world.live_server  # fixture
SECTIONS = [Section("dossiers", "Hồ sơ", QStyle.StandardPixmap.SP_FileIcon, lambda ctx: QLabel("hồ sơ"))]


@pytest.mark.parametrize(("typed", "expected"), [
    ("https://ocop.hatinh.gov.vn/", "https://ocop.hatinh.gov.vn"),
    ("192.168.1.10:8765", "https://192.168.1.10:8765"),  # a bare host means https
    ("", None), ("   ", None), ("ftp://host", None), ("http://", None), ("http://host:cổng", None),
    ("http://a b", None), ("http://host\x00x", None), ("x" * 600, None), ("javascript:alert(1)", None),
])
def test_server_addresses_are_checked(typed, expected):
    """Only an http(s) address with a host (and a numeric port) is accepted; the rest is refused."""
    assert check_server_url(typed) == expected


def test_setup_refuses_a_bad_address_and_says_why(qtbot):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText("ftp://máy chủ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.result_setup is None
    assert "không hợp lệ" in dialog.error.text()


class _Chosen:
    """A dialog that was answered: stands in for the real one so the start runs without a person."""

    def __init__(self, **attrs):
        self.__dict__.update(attrs)

    def exec(self):
        return QDialog.DialogCode.Accepted


def test_first_start_with_demo_data_then_offline_login(tmp_path, qtbot):
    """Choosing demo data builds it, then a demo account logs in offline and the window opens;
    the choice is remembered, so the next start goes straight to login."""
    from ocop_desktop.ui.start.setup_dialog import Setup

    paths = AppPaths(tmp_path / "data").ensure()
    runner = Runner(open_database=database_opener(paths), synchronous=True)  # opened when first needed
    settings = QSettings(str(paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    logins = []

    def login_dialog(runner_, server_url, hint):
        dialog = LoginDialog(runner_, server_url, hint)
        qtbot.addWidget(dialog)
        logins.append(dialog)
        dialog.username.setText("chutich")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.try_login()
        return _Chosen(session=dialog.session)

    try:
        window = start(paths, runner, settings, setup_dialog=lambda: _Chosen(result_setup=Setup("demo", None)),
                       login_dialog=login_dialog, sections=SECTIONS, demo_scale=20)
        qtbot.addWidget(window)
        assert window.context.user.role == "chair" and window.context.server_url is None
        assert settings.value("setup/mode") == "demo"
        # pointed at a server later, this laptop's first sync (its demo data) waits for a click
        assert settings.value("setup/demo_data", False, type=bool) and window.context.sync.first_by_hand
        assert any("ocop-demo" in label.text() for label in logins[0].findChildren(QLabel))
        again = start(paths, runner, settings, setup_dialog=lambda: pytest.fail("asked again"),
                      login_dialog=login_dialog, sections=SECTIONS)
        qtbot.addWidget(again)
    finally:
        runner.close()


def test_a_wrong_password_keeps_the_dialog_open_with_a_vietnamese_message(demo_db, runner, qtbot):
    dialog = LoginDialog(runner, None, None)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText("sai")
    dialog.try_login()
    assert dialog.session is None and dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.password.text() == ""
    dialog.username.setText("nguoi-la")
    dialog.password.setText("bất kỳ")
    dialog.try_login()
    assert "chưa từng đăng nhập" in dialog.error.text()


def test_blank_login_fields_are_asked_for(demo_db, runner, qtbot):
    dialog = LoginDialog(runner, None, None)
    qtbot.addWidget(dialog)
    dialog.try_login()
    assert dialog.error.text() == "Nhập tên đăng nhập và mật khẩu."


def test_a_file_that_is_not_a_database_is_said_over_the_login_and_left_alone(tmp_path, qtbot, monkeypatch):
    """The login shows at once; the database opening behind it fails, so the person is told why in
    Vietnamese and the app ends (code 3) without touching the file."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ocop_desktop.app import run

    paths = AppPaths(tmp_path / "data").ensure()
    garbage = b"\x89PNG not a database" * 50
    paths.database.write_bytes(garbage)
    settings = QSettings(str(paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("setup/mode", "server")
    settings.setValue("setup/server_url", "http://127.0.0.1:9")
    settings.sync()
    said, dialogs = [], []

    def critical(parent, title, text):
        said.append(text)
        dialogs.extend(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())

    monkeypatch.setattr(QMessageBox, "critical", critical)
    guard = QTimer()  # should the message never come, the login is closed instead of hanging the run
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: [w.reject() for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)])
    guard.start(20_000)
    try:
        assert run(paths) == 3
    finally:
        guard.stop()
    assert len(said) == 1 and "không phải cơ sở dữ liệu" in said[0] and str(paths.database) in said[0]
    assert "LoginDialog" in dialogs  # on screen before the database had been opened
    assert paths.database.read_bytes() == garbage


def test_demo_data_is_built_on_the_database_thread_while_the_dialog_moves(tmp_path, qtbot, monkeypatch):
    """The build runs on the database thread; meanwhile the UI thread keeps turning (a timer ticks) and the
    progress dialog climbs to the total. A second call finds the data and shows nothing."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from ocop_desktop.services import demo_data
    from ocop_desktop.ui.start import demo_progress

    paths = AppPaths(tmp_path / "data").ensure()
    runner = Runner(open_database=database_opener(paths))
    built_on, real_build = [], demo_data.build

    def build(*args, **kwargs):
        built_on.append(threading.current_thread().name)
        return real_build(*args, **kwargs)

    made = []

    def watched(*args):  # the dialog as made, with every value it was moved to
        dialog, values = QProgressDialog(*args), []
        real = dialog.setValue
        dialog.setValue = lambda value: values.append(value) or real(value)
        made.append((dialog, values))
        return dialog

    monkeypatch.setattr(demo_data, "build", build)
    monkeypatch.setattr(demo_progress, "QProgressDialog", watched)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    try:
        runner.start()
        assert demo_progress.build_demo_data(runner, 12) is True
        assert built_on and built_on[0].startswith("ocop-db") and ticks
        [(dialog, values)] = made
        assert values[0] == 0 and values[-1] == dialog.maximum() == 12 and values == sorted(values)
        assert demo_progress.build_demo_data(runner, 12) is False and len(made) == 1
    finally:
        timer.stop()
        runner.close()


def test_a_database_that_cannot_be_opened_is_raised_by_the_demo_build(tmp_path, qtbot):
    """The start learns why: the opening's error comes back out of the build instead of a hang."""
    from ocop_desktop.db.problems import DatabaseProblem
    from ocop_desktop.ui.start.demo_progress import build_demo_data

    paths = AppPaths(tmp_path / "data").ensure()
    paths.database.write_bytes(b"not a database" * 100)
    runner = Runner(open_database=database_opener(paths))
    try:
        runner.start()
        with pytest.raises(DatabaseProblem) as raised:
            build_demo_data(runner, 12)
        assert raised.value is runner.open_error
    finally:
        runner.close()


def test_an_online_login_is_kept_by_the_database_thread(live_server, tmp_path, qtbot, monkeypatch):
    """The server is asked on a network thread; what the laptop keeps of its answer (verifier, token) is
    written on the database thread, the one thread that writes."""
    import threading

    from ocop_desktop.db import credentials

    paths = AppPaths(tmp_path / "data").ensure()
    runner = Runner(open_database=database_opener(paths))
    written_on, remember = [], credentials.remember
    monkeypatch.setattr(credentials, "remember", lambda session, **values: written_on.append(
        threading.current_thread().name) or remember(session, **values))
    try:
        runner.start()
        dialog = LoginDialog(runner, live_server.url)
        qtbot.addWidget(dialog)
        dialog.username.setText("admin")
        dialog.password.setText(sync_world.PASSWORD)
        dialog.try_login()
        qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
        assert dialog.session.online and dialog.session.role == "admin"
        assert len(written_on) == 1 and written_on[0].startswith("ocop-db")
        with runner.db.session() as session:
            assert credentials.find(session, "admin").token == dialog.session.token
    finally:
        runner.close()


def test_a_first_start_shows_its_progress_before_the_database_opens(tmp_path, qtbot, monkeypatch):
    """On a first start (at_once) the dialog is up, as a busy bar saying the database is being prepared, before
    the database even starts opening (seconds on a new laptop, a blank screen before); it then counts dossiers."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from ocop_desktop.ui.start import demo_progress

    paths = AppPaths(tmp_path / "data").ensure()
    made, dialogs_when_opening = [], []
    real_opener = database_opener(paths)

    def opener():
        dialogs_when_opening.append(len(made))
        return real_opener()

    def watched(*args):
        dialog, values = QProgressDialog(*args), []
        real = dialog.setValue
        dialog.setValue = lambda value: values.append(value) or real(value)
        made.append((dialog, args, values))
        return dialog

    monkeypatch.setattr(demo_progress, "QProgressDialog", watched)
    runner = Runner(open_database=opener)
    QTimer.singleShot(0, runner.start)  # as app.start does: once an event loop turns
    try:
        assert demo_progress.build_demo_data(runner, 12, at_once=True) is True
    finally:
        runner.close()
    assert dialogs_when_opening == [1]
    [(dialog, (label, _cancel, _least, most, _parent), values)] = made
    assert most == 0 and label == "Đang chuẩn bị cơ sở dữ liệu…"  # busy: nothing to count yet
    assert dialog.maximum() == values[-1] == 12 and dialog.labelText() == "Đang tạo dữ liệu mẫu…"
    assert dialog.windowTitle() == "OCOP Hà Tĩnh — Dữ liệu mẫu"


def test_a_login_refused_for_any_coded_reason_is_worded_once(demo_db, runner, qtbot):
    """The login says what words.error_text says for every coded error: why the database file was refused (with
    its path), or a server that no longer serves this app, not a fixed sentence or the raw code."""
    from pathlib import Path

    from ocop_desktop.db.problems import DatabaseProblem
    from ocop_desktop.sync.client import SyncError
    from ocop_desktop.words import error_text

    dialog = LoginDialog(runner, None, None)
    qtbot.addWidget(dialog)
    problem = DatabaseProblem("corrupt", Path("/du-lieu/ocop.sqlite3"), "bad page")
    dialog._refused(problem)
    assert dialog.error.text() == error_text(problem) and "/du-lieu/ocop.sqlite3" in dialog.error.text()
    dialog._refused(SyncError("protocol_unsupported", "version 1 not served", 426))
    assert dialog.error.text() == "Máy chủ không còn phục vụ phiên bản ứng dụng này; hãy cập nhật ứng dụng."
