"""Composition root: paths -> runner (the database opens behind the first window) -> setup and login ->
main window."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ocop_desktop.paths import AppPaths

if TYPE_CHECKING:
    from ocop_desktop.db.schema import Database

DEMO_SCALE = 240


def ui_settings(paths: AppPaths):
    """Window layout, language and the first-run choice, kept beside the database (not a global)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)


def database_opener(paths: AppPaths):
    """Opens the app's database; runs on the database thread, so SQLAlchemy is imported there."""
    def open_it() -> Database:
        from ocop_desktop.db.schema import open_database

        return open_database(paths.database, paths.backups)
    return open_it


def run(paths: AppPaths, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from ocop_desktop.db.problems import DatabaseProblem
    from ocop_desktop.ui import translations
    from ocop_desktop.ui.runner import Runner
    from ocop_desktop.words import error_text

    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("OCOP")
    paths.ensure()
    settings = ui_settings(paths)
    languages = translations.install(app, str(settings.value("ui/language", "vi")))
    runner = Runner(open_database=database_opener(paths))
    refused: list[Exception] = []
    running = []  # the main window's event loop has started (QCoreApplication.exit before it would
    # outlive this run: Qt refuses every later event loop in the process)

    def refuse(exc: Exception) -> None:
        if not refused:
            refused.append(exc)
            problem = exc if isinstance(exc, DatabaseProblem) else \
                DatabaseProblem("unreadable", paths.database, str(exc))
            QMessageBox.critical(None, "OCOP", error_text(problem))
        # Nothing can be done without the file: the setup or login dialog is closed, or the app left.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        if running:
            app.exit(3)

    # A file the app will not open is said as soon as it is known, over whichever window is up.
    runner.when_open(failed=refuse)
    try:
        try:
            window = start(paths, runner, settings)
        except Exception as exc:  # demo data waits for the database before the login
            if exc is not runner.open_error:
                raise
            refuse(exc)
            return 3
        return _one_window_after_another(app, window, paths, runner, settings, languages, refused, running)
    finally:
        runner.close()


def _one_window_after_another(app, window, paths: AppPaths, runner, settings, languages, refused: list,
                              running: list) -> int:
    """Shows main windows until the person quits. Logging out leads to the login again, a new language to
    the same user's window reopened: the process, the runner and the open database stay."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from ocop_desktop.ui import translations
    from ocop_desktop.ui.session_actions import REOPEN

    while window is not None and not refused:
        window.show()
        running.append(True)
        code = app.exec()
        running.clear()
        step, context = window.next_step, window.context
        window.deleteLater()
        # Now, not at the next event loop: its timers (the server probe, an automatic sync with this person's
        # token) must not run for the next person.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if step is None or refused:
            return 3 if refused else code
        if step == REOPEN:
            for old in languages:
                app.removeTranslator(old)
            languages = translations.install(app, str(settings.value("ui/language", "vi")))
            window = main_window(paths, runner, settings, context.user, context.server_url, context.make_client,
                                 login=context.login)
        else:
            window = start(paths, runner, settings)
    return 3 if refused else 0


def start(paths: AppPaths, runner, settings, *, setup_dialog=None, login_dialog=None, sections=None,
          demo_scale: int = DEMO_SCALE):
    """Setup on the first run, demo data when chosen, login; the main window, or None if the person quit.
    The dialogs are parameters so tests can drive the whole start without a display. The database
    opens behind the first dialog; only demo data waits for it before the login."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QDialog

    from ocop_desktop.ui.context import CurrentUser
    from ocop_desktop.ui.start.login_dialog import LoginDialog
    from ocop_desktop.ui.start.setup_dialog import SetupDialog, plain_http_hosts, remember_setup

    # Fires once the first window's event loop runs, after its first paint: the half second of opening
    # the database is spent while a person reads or types, not before they see anything.
    QTimer.singleShot(0, runner.start)
    mode = settings.value("setup/mode")
    if mode not in ("server", "demo"):
        dialog = (setup_dialog or (lambda: SetupDialog(runner=runner, plain_http_hosts=plain_http_hosts(settings))))()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_setup is None:
            return None
        mode = dialog.result_setup.mode
        remember_setup(settings, dialog.result_setup)
    plain_hosts = plain_http_hosts(settings)
    server_url = str(settings.value("setup/server_url", "")) or None if mode == "server" else None
    hint = None
    if mode == "demo":
        from ocop_desktop.ui.start.demo_progress import build_demo_data

        # On a first start the database is created first, for seconds: the dialog says so from the outset.
        build_demo_data(runner, demo_scale, at_once=not settings.value("setup/demo_data", False, type=bool))
        settings.setValue("setup/demo_data", True)  # a later server's first sync is then started by hand
        from ocop_desktop.services.demo_accounts import DEMO_PASSWORD, DEMO_USERS

        hint = QCoreApplication.translate("app", "Tài khoản mẫu (mật khẩu {password}): {names}").format(
            password=DEMO_PASSWORD, names=", ".join(name for name, _ in DEMO_USERS))
    login = (login_dialog(runner, server_url, hint) if login_dialog
             else LoginDialog(runner, server_url, hint, plain_http_hosts=plain_hosts))
    if login.exec() != QDialog.DialogCode.Accepted or login.session is None:
        return None
    who = login.session
    user = CurrentUser(who.user_id, who.username, who.full_name, who.role, who.online)
    device = runner.db.device_id  # open: the login read its credentials from it
    _make_automatic_tasks(runner, user)

    def make_client():
        from ocop_desktop.sync.client import ServerClient

        return ServerClient(server_url, device, token=who.token, plain_http_hosts=plain_hosts)

    return main_window(paths, runner, settings, user, server_url, make_client if server_url else None, sections,
                       login=who if server_url else None)


def _make_automatic_tasks(runner, user) -> None:
    """Tasks that make themselves (a scoring task per council member, a renewal six months ahead), at each
    start; the sync controller makes them again after each sync."""
    from ocop_desktop.services import tasks_auto

    if user.role in tasks_auto.MAKERS:
        runner.write(lambda s: tasks_auto.ensure_auto_tasks(s, user_id=user.user_id, role=user.role))


def main_window(paths: AppPaths, runner, settings, user, server_url: str | None = None, make_client=None,
                sections=None, login=None):
    """The main window for a logged-in user; its first screen shows before the database has opened."""
    from ocop_desktop.db.blobstore import BlobStore
    from ocop_desktop.ui.context import AppContext
    from ocop_desktop.ui.first_paint import after_first_paint
    from ocop_desktop.ui.main_window import MainWindow
    from ocop_desktop.ui.sections import default_sections
    from ocop_desktop.ui.sync_controller import SyncController

    # No size limit here: this store also takes downloads during sync; attaching a file builds one
    # with the server's upload limit at that moment (store_for).
    context = AppContext(runner=runner, paths=paths, blobs=BlobStore(paths.blobs), user=user,
                         server_url=server_url, make_client=make_client, login=login)
    # Demo data must never reach a provincial server unless a person sends it: a laptop that holds some
    # syncs by itself only once one sync has been started by hand.
    context.sync = SyncController(context, first_by_hand=settings.value("setup/demo_data", False, type=bool))
    window = MainWindow(context, sections if sections is not None else default_sections(), settings)
    context.sync.setParent(window)
    # After a login the database is open already; shown without one, it opens once the window is up.
    after_first_paint(window, runner.start)
    after_first_paint(window, window.offer_drafts)  # what a crash left unsaved, over the window it belongs to
    return window
