"""Login: online against the server when it answers, offline for a user who logged in here before."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ocop_core.errors import OcopError
from ocop_desktop.ui.runner import Runner
from ocop_desktop.words import error_text

if TYPE_CHECKING:
    from ocop_desktop.sync.login import LoginSession, ServerLogin

LOGIN_TIMEOUT = (5.0, 15.0)  # connect, read: a laptop on a bad line must not wait minutes


class LoginDialog(QDialog):
    def __init__(self, runner: Runner, server_url: str | None, demo_hint: str | None = None,
                 parent: QWidget | None = None, plain_http_hosts: Collection[str] = ()):
        """Shown at once: the database (offline credentials, the device id) and the HTTP client load on
        the background threads while the person types. ``plain_http_hosts``: hosts a person allowed plain
        http for (setup_dialog); the password goes to no other http host."""
        super().__init__(parent)
        self.runner, self.server_url = runner, server_url
        self.plain_http_hosts = tuple(plain_http_hosts)
        self.session: LoginSession | None = None
        self.setWindowTitle(self.tr("Đăng nhập — OCOP Hà Tĩnh"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        where = (self.tr("Máy chủ: {url}").format(url=server_url) if server_url
                 else self.tr("Làm việc ngoại tuyến trên máy này"))
        layout.addWidget(QLabel(where, self))
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        layout.addLayout(form)
        if demo_hint:
            hint = QLabel(demo_hint, self)
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            hint.setStyleSheet("color: #555;")
            layout.addWidget(hint)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def try_login(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("Nhập tên đăng nhập và mật khẩu."))
            return
        self.error.setText(self.tr("Đang đăng nhập…"))
        self.buttons.setEnabled(False)
        if not self.server_url:
            self._offline(username, password)
            return
        runner, server_url, plain_hosts = self.runner, self.server_url, self.plain_http_hosts

        def ask() -> ServerLogin | None:
            from ocop_desktop.sync.client import ServerClient, SyncError
            from ocop_desktop.sync.login import ask_server

            device = runner.db.device_id  # waits for the opening, if the person was quicker
            client = ServerClient(server_url, device, retries=0, timeout=LOGIN_TIMEOUT, plain_http_hosts=plain_hosts)
            try:
                try:
                    client.check_transport()
                except SyncError:
                    # Plain http to a host nobody confirmed: the password stays here and the person works
                    # offline; the sync says why and the menu (Kết nối máy chủ tỉnh…) can confirm the host.
                    return None
                return ask_server(client, username, password)
            finally:
                client.close()

        self.runner.network(ask, done=lambda answer: self._answered(answer, username, password),
                            failed=self._refused)

    def _answered(self, answer: ServerLogin | None, username: str, password: str) -> None:
        """The server's yes is kept for the next offline login, on the database thread; no answer at all
        means offline, against what an earlier login kept."""
        if answer is None:
            self._offline(username, password)
            return

        def keep(session) -> None:
            from ocop_desktop.sync.login import remember_login

            remember_login(session, answer)

        self.runner.write(keep, done=lambda _: self._logged_in(answer.session()), failed=self._refused)

    def _offline(self, username: str, password: str) -> None:
        def check(session) -> LoginSession:
            # Imported on the database thread: the login's modules load SQLAlchemy, argon2 and the HTTP client.
            from ocop_desktop.sync.login import offline_login

            return offline_login(session, username, password)

        self.runner.read(check, done=self._logged_in, failed=self._refused)

    def _logged_in(self, session: LoginSession) -> None:
        self.session = session
        self.buttons.setEnabled(True)
        super().accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(error, OcopError):  # a refused login and a database file that will not open alike
            self.error.setText(error_text(error))
        else:
            self.error.setText(self.tr("Không đăng nhập được: {detail}").format(detail=str(error)[:200]))
