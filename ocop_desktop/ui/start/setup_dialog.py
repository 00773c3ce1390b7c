"""First run: connect this laptop to the provincial server, or work offline with demo data. An address is
tried before it is kept: a mistyped one would otherwise only show at the next login, as a failure to connect.

A bare host means https. Plain http to any machine but this one sends the password and the token in clear,
so it is kept only once a person has confirmed it for that host (``Setup.plain_http_host``, remembered by
the caller and handed to the sync client, which refuses such a host otherwise)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlparse

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ocop_core.transport import plain_http_host
from ocop_desktop.ui.runner import Runner
from ocop_desktop.words import error_text

MAX_URL = 500


@dataclass(frozen=True)
class Setup:
    mode: str  # server | demo
    server_url: str | None
    plain_http_host: str | None = None  # a host a person allowed plain http for, in this dialog


def check_server_url(text: str) -> str | None:
    """The address cleaned up, or None when it is not an http(s) address a laptop can reach."""
    url = text.strip()
    if not url or len(url) > MAX_URL or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    if "://" not in url:
        url = "https://" + url
    url = url.rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return None
    try:
        parsed.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return None
    return url


def plain_http_hosts(settings: QSettings) -> list[str]:
    """Hosts a person allowed plain http for on this laptop (ui.ini, setup/plain_http_hosts)."""
    value = settings.value("setup/plain_http_hosts", [])
    hosts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(h) for h in hosts if h]


def remember_setup(settings: QSettings, setup: Setup) -> None:
    settings.setValue("setup/mode", setup.mode)
    settings.setValue("setup/server_url", setup.server_url or "")
    if setup.plain_http_host:
        settings.setValue("setup/plain_http_hosts", sorted({*plain_http_hosts(settings), setup.plain_http_host}))
    settings.sync()


class SetupDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, runner: Runner | None = None,
                 plain_http_hosts: Collection[str] = ()):
        """Without ``runner`` an address is kept unchecked (nothing to ask the server with).
        ``plain_http_hosts``: hosts a person already allowed plain http for (not asked again)."""
        super().__init__(parent)
        self.runner = runner
        self._unreachable: str | None = None  # an address that did not answer, kept if the person insists
        self._plain_ok = {h.lower() for h in plain_http_hosts}
        self._confirming: str | None = None  # the host whose plain http the person is asked to confirm
        self.setWindowTitle(self.tr("Thiết lập lần đầu — OCOP Hà Tĩnh"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Chọn cách máy tính này làm việc. Có thể đổi lại sau trong menu Ứng dụng."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.server_choice = QRadioButton(self.tr("Kết nối với máy chủ tỉnh"), self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText(self.tr("Địa chỉ máy chủ, ví dụ: https://ocop.hatinh.gov.vn"))
        self.url.setMaxLength(MAX_URL)
        self.demo_choice = QRadioButton(self.tr("Làm việc ngoại tuyến với dữ liệu mẫu"), self)
        demo_note = QLabel(self.tr("Dữ liệu mẫu của tỉnh Hà Tĩnh; đăng nhập bằng các tài khoản mẫu."), self)
        demo_note.setStyleSheet("color: #555;")
        self.choices = QButtonGroup(self)
        for button in (self.server_choice, self.demo_choice):
            self.choices.addButton(button)
        self.server_choice.setChecked(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        for widget in (self.server_choice, self.url, self.demo_choice, demo_note, self.error):
            layout.addWidget(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Tiếp tục"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choices.buttonToggled.connect(lambda *_: self.url.setEnabled(self.server_choice.isChecked()))
        self.url.textEdited.connect(self._typed)
        self.result_setup: Setup | None = None

    def accept(self) -> None:
        if self.demo_choice.isChecked():
            self.result_setup = Setup("demo", None)
            super().accept()
            return
        url = check_server_url(self.url.text())
        if url is None:
            self.error.setText(self.tr("Địa chỉ máy chủ không hợp lệ. Nhập dạng https://tên-máy-chủ[:cổng]."))
            self.url.setFocus()
            return
        host = plain_http_host(url)
        if host is not None and host not in self._plain_ok:
            if self._confirming != host:
                self._ask_plain_http(host)
                return
            self._plain_ok.add(host)
        if self.runner is None or url == self._unreachable:
            self._keep(url)
            return
        self.error.setStyleSheet("color: #555;")
        self.error.setText(self.tr("Đang thử kết nối {url}…").format(url=url))
        self.ok.setEnabled(False)

        def ask() -> str:
            from ocop_desktop.sync.server_check import check_server  # loads the HTTP client off the UI thread

            return check_server(url)

        self.runner.network(ask, done=lambda _name: self._keep(url), failed=lambda exc: self._refused(url, exc))

    def _ask_plain_http(self, host: str) -> None:
        self._confirming = host
        self.error.setStyleSheet("color: #b42318;")
        self.error.setText(self.tr(
            "Cảnh báo: địa chỉ này dùng http, không mã hoá. Mật khẩu và phiên đăng nhập sẽ đi qua mạng ở dạng ai "
            "cũng đọc được. Nên dùng https://{host}. Chỉ tiếp tục nếu máy chủ {host} nằm trong mạng nội bộ tin "
            "cậy.").format(host=host))
        self.ok.setText(self.tr("Vẫn dùng http"))
        self.adjustSize()  # the warning is several lines: the dialog grows rather than squeezing it
        self.url.setFocus()

    def _keep(self, url: str) -> None:
        host = plain_http_host(url)
        self.result_setup = Setup("server", url, host if host in self._plain_ok else None)
        super().accept()

    def _refused(self, url: str, error: Exception) -> None:
        from ocop_desktop.sync.server_check import TEMPORARY

        self.ok.setEnabled(True)
        self.error.setStyleSheet("color: #b42318;")
        if getattr(error, "code", None) in TEMPORARY:
            # The server may be down or this commune offline today: the person may keep the address anyway.
            self._unreachable = url
            self.ok.setText(self.tr("Vẫn lưu địa chỉ này"))
            self.error.setText(self.tr("{reason}\nNếu địa chỉ đúng và máy chủ chỉ tạm thời chưa chạy, có thể vẫn "
                                       "lưu địa chỉ này.").format(reason=error_text(error)))
        else:
            self.error.setText(error_text(error))
        self.url.setFocus()

    def _typed(self, _text: str) -> None:
        """A changed address is tried again (and its plain http asked about again) before it is kept."""
        if self._unreachable is not None or self._confirming is not None:
            self._unreachable = self._confirming = None
            self.ok.setText(self.tr("Tiếp tục"))
