"""Composition root: paths -> database -> runner -> setup and login -> main window."""

from __future__ import annotations

import sys

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.schema import Database, DatabaseProblem, open_database
from ocop_desktop.paths import AppPaths

DEMO_SCALE = 240


def ui_settings(paths: AppPaths):
    """Window layout, language and the first-run choice, kept beside the database (not a global)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)


def run(paths: AppPaths, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ocop_desktop.messages import DATABASE_TEXT
    from ocop_desktop.ui import translations
    from ocop_desktop.ui.runner import Runner

    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("OCOP")
    paths.ensure()
    settings = ui_settings(paths)
    translations.install(app, str(settings.value("ui/language", "vi")))
    try:
        db = open_database(paths.database, paths.backups)
    except DatabaseProblem as exc:
        QMessageBox.critical(None, "OCOP", DATABASE_TEXT.get(exc.code, exc.code).format(path=exc.path,
                                                                                         detail=exc.detail))
        return 3
    runner = Runner(db)
    try:
        window = start(paths, db, runner, settings)
        if window is None:
            return 0
        window.show()
        return app.exec()
    finally:
        runner.shutdown()
        db.close()


def start(paths: AppPaths, db: Database, runner, settings, *, setup_dialog=None, login_dialog=None, sections=None,
          demo_scale: int = DEMO_SCALE):
    """Setup on the first run, demo data when chosen, login; the main window, or None if the person quit.
    The dialogs are parameters so tests can drive the whole start without a display."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog

    from ocop_desktop.services.demo_accounts import DEMO_PASSWORD, DEMO_USERS
    from ocop_desktop.sync.client import ServerClient
    from ocop_desktop.ui.context import AppContext, CurrentUser
    from ocop_desktop.ui.main_window import MainWindow
    from ocop_desktop.ui.sections import default_sections
    from ocop_desktop.ui.start.login_dialog import LoginDialog
    from ocop_desktop.ui.start.setup_dialog import SetupDialog

    mode = settings.value("setup/mode")
    if mode not in ("server", "demo"):
        dialog = (setup_dialog or SetupDialog)()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_setup is None:
            return None
        mode = dialog.result_setup.mode
        settings.setValue("setup/mode", mode)
        settings.setValue("setup/server_url", dialog.result_setup.server_url or "")
        settings.sync()
    server_url = str(settings.value("setup/server_url", "")) or None if mode == "server" else None
    hint = None
    if mode == "demo":
        ensure_demo_data(db, demo_scale)
        hint = QCoreApplication.translate("app", "Tài khoản mẫu (mật khẩu {password}): {names}").format(
            password=DEMO_PASSWORD, names=", ".join(name for name, _ in DEMO_USERS))
    with db.session() as session:
        device = device_id(session)
        session.commit()
    # No size limit here: this store also takes downloads during sync; attaching a file builds one
    # with the server's upload limit at that moment (store_for).
    blobs = BlobStore(paths.blobs)
    login = (login_dialog or LoginDialog)(db, runner, server_url, device, hint)
    if login.exec() != QDialog.DialogCode.Accepted or login.session is None:
        return None
    who = login.session
    user = CurrentUser(who.user_id, who.username, who.full_name, who.role, who.online)

    def make_client() -> ServerClient:
        return ServerClient(server_url, device, token=who.token)

    context = AppContext(runner=runner, paths=paths, blobs=blobs, user=user, server_url=server_url,
                         make_client=make_client if server_url else None)
    return MainWindow(context, sections if sections is not None else default_sections(), settings)


def ensure_demo_data(db: Database, scale: int = DEMO_SCALE) -> None:
    """Builds the demo province once, with a progress dialog: a first start takes a few seconds."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QProgressDialog

    from ocop_desktop.services.demo_data import build, has_data

    with db.session() as session:
        if has_data(session):
            return
    progress = QProgressDialog(QCoreApplication.translate("app", "Đang tạo dữ liệu mẫu…"), "", 0, scale)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)

    def report(phase: str, done: int, total: int) -> None:
        progress.setValue(done)
        QCoreApplication.processEvents()

    try:
        build(db.session_factory, scale=scale, progress=report)
    finally:
        progress.close()
