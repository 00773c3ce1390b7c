"""The "Tài khoản" tab: the server's accounts (role, communes, state, devices), disable/enable after a
question, role and communes, a password reset, and the audit log. Accounts live on the provincial server, so
every action is one call to it on a network thread (services.user_admin); without a connection the tab says so
and changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ocop_core.account_messages import ROLES
from ocop_desktop.i18n import _t
from ocop_desktop.services import user_admin
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.user_admin import Account, AccountsView
from ocop_desktop.ui.admin.confirm import ask
from ocop_desktop.ui.admin.council_setup_actions import BAD_STYLE, OK_STYLE
from ocop_desktop.ui.admin.user_tables import fill_accounts, fill_audit, table
from ocop_desktop.ui.context import AppContext
from ocop_desktop.words import error_text, user_roles


class UsersTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.accounts: tuple[Account, ...] = ()
        self._busy = False
        # Replaceable, so tests run without a modal dialog.
        self.confirm: Callable[[str, str], bool] = lambda title, text: ask(self, title, text, title)
        self._build()
        self._connect()
        self._update_buttons()
        if self.context.make_client is None:
            self.say(error_text(ServiceError("accounts_need_server")), BAD_STYLE)
        else:
            self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.intro = QLabel(_t("Tài khoản trên máy chủ tỉnh. Mọi thay đổi có hiệu lực ngay: các máy của người đó "
                               "phải đăng nhập lại."), self)
        self.intro.setWordWrap(True)
        self.reload_button = QPushButton(_t("Tải lại"), self)
        top.addWidget(self.intro, 1)
        top.addWidget(self.reload_button)
        layout.addLayout(top)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = table(split, [_t("Tên đăng nhập"), _t("Họ tên"), _t("Vai trò"), _t("Xã/phường"),
                                   _t("Trạng thái"), _t("Thiết bị"), _t("Dùng lần cuối")], stretch=1)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        split.addWidget(self.table)
        split.addWidget(self._editor(split))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 3)
        layout.addWidget(QLabel(_t("Nhật ký thay đổi tài khoản"), self))
        self.audit = table(self, [_t("Lúc"), _t("Người thực hiện"), _t("Việc"), _t("Tài khoản"), _t("Chi tiết")],
                           stretch=4)
        layout.addWidget(self.audit, 2)

    def _editor(self, parent: QWidget) -> QWidget:
        box = QGroupBox(_t("Tài khoản đang chọn"), parent)
        form = QFormLayout(box)
        self.chosen = QLabel(_t("(chưa chọn)"), box)
        self.state_button = QPushButton(_t("Khóa tài khoản…"), box)
        self.role = QComboBox(box)
        names = user_roles()
        for code in ROLES:
            self.role.addItem(names.get(code, code), code)
        self.communes = QLineEdit(box)
        self.communes.setPlaceholderText(_t("mã xã, cách nhau bởi dấu phẩy (cán bộ xã)"))
        self.role_button = QPushButton(_t("Lưu vai trò và xã"), box)
        self.password = QLineEdit(box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_t("ít nhất 10 ký tự, không phổ biến, khác tên đăng nhập"))
        self.password_button = QPushButton(_t("Đặt lại mật khẩu"), box)
        form.addRow(_t("Tên đăng nhập"), self.chosen)
        form.addRow("", self.state_button)
        form.addRow(_t("Vai trò"), self.role)
        form.addRow(_t("Xã/phường"), self.communes)
        form.addRow("", self.role_button)
        form.addRow(_t("Mật khẩu mới"), self.password)
        form.addRow("", self.password_button)
        return box

    def _connect(self) -> None:
        self.reload_button.clicked.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._chosen_changed)
        self.state_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.save_role)
        self.password_button.clicked.connect(self.reset_password)
        self.password.textChanged.connect(lambda _: self._update_buttons())

    def say(self, text: str, style: str = "") -> None:
        self.result.setText(text)
        self.result.setStyleSheet(style)

    def on_changes(self, changes: Changes) -> None:
        """Accounts are the server's, not this laptop's rows: a local change never alters this list."""

    @property
    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows and rows[0].row() < len(self.accounts) else None

    def _update_buttons(self) -> None:
        account, ready = self.selected, not self._busy and self.context.make_client is not None
        self.reload_button.setEnabled(ready)
        for widget in (self.state_button, self.role, self.communes, self.role_button, self.password):
            widget.setEnabled(ready and account is not None)
        self.password_button.setEnabled(ready and account is not None and bool(self.password.text()))
        if account is not None:
            self.state_button.setText(_t("Khóa tài khoản…") if account.active else _t("Mở khóa tài khoản"))

    def _chosen_changed(self) -> None:
        account = self.selected
        self.chosen.setText(account.username if account else _t("(chưa chọn)"))
        if account is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(account.role)))
            self.communes.setText(", ".join(account.communes))
        self.password.clear()
        self._update_buttons()

    def _run(self, work: Callable[[], object], done: Callable[[object], None], doing: str) -> None:
        self._busy = True
        self._update_buttons()
        self.say(doing)
        self.context.runner.network(work, done=lambda result: self._finish(done, result), failed=self._failed)

    def _finish(self, done: Callable[[object], None], result: object) -> None:
        self._busy = False
        done(result)
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.say(error_text(error), BAD_STYLE)
        self._update_buttons()

    def reload(self, then: str = "") -> None:
        make = self.context.make_client
        self._run(lambda: user_admin.load_accounts(make), lambda view: self._show(view, then),
                  _t("Đang tải danh sách tài khoản từ máy chủ tỉnh…"))

    def _show(self, view: object, then: str) -> None:
        assert isinstance(view, AccountsView)
        chosen = self.selected.user_id if self.selected else None
        self.accounts = view.accounts
        fill_accounts(self.table, view.accounts)
        fill_audit(self.audit, view.audit)
        for row, account in enumerate(view.accounts):
            if account.user_id == chosen:
                self.table.selectRow(row)
        self.say(then or _t("{n} tài khoản trên máy chủ tỉnh.").format(n=len(view.accounts)), OK_STYLE if then else "")

    def _changed(self, said: str) -> Callable[[object], None]:
        return lambda _account: self.reload(said)

    def toggle_active(self) -> None:
        account, make = self.selected, self.context.make_client
        if account is None:
            return
        if not account.active:
            self._run(lambda: user_admin.enable_account(make, user_id=account.user_id),
                      self._changed(_t("Đã mở khóa “{name}”; người đó đăng nhập lại được.").format(
                          name=account.username)), _t("Đang mở khóa…"))
            return
        question = _t("Khóa tài khoản “{name}”?\n\nNgười đó không đăng nhập được nữa và mọi máy đang dùng tài khoản "
                      "này mất quyền đồng bộ ngay lập tức. Có thể mở khóa lại sau.").format(name=account.username)
        if not self.confirm(_t("Khóa tài khoản"), question):
            return
        self._run(lambda: user_admin.disable_account(make, user_id=account.user_id),
                  self._changed(_t("Đã khóa “{name}”; các máy của người đó đã mất quyền đồng bộ.").format(
                      name=account.username)), _t("Đang khóa…"))

    def save_role(self) -> None:
        account, make = self.selected, self.context.make_client
        if account is None:
            return
        role, communes = str(self.role.currentData()), self.communes.text()
        self._run(lambda: user_admin.change_role(make, user_id=account.user_id, role=role, communes=communes),
                  self._changed(_t("Đã lưu vai trò của “{name}”; người đó cần đăng nhập lại.").format(
                      name=account.username)), _t("Đang lưu…"))

    def reset_password(self) -> None:
        account, make, password = self.selected, self.context.make_client, self.password.text()
        if account is None or not password:
            return
        self.password.clear()
        self._run(lambda: user_admin.reset_password(make, user_id=account.user_id, password=password),
                  self._changed(_t("Đã đặt lại mật khẩu của “{name}”; hãy báo mật khẩu mới cho người đó.").format(
                      name=account.username)), _t("Đang đặt lại mật khẩu…"))
