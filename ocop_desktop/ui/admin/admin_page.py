"""The admin section (Quản trị): criteria-set versions, councils and the server's accounts; other users are told it
is not theirs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.admin.councils_tab import CouncilsTab
from ocop_desktop.ui.admin.criteria_tab import CriteriaTab
from ocop_desktop.ui.context import AppContext

if TYPE_CHECKING:  # the HTTP client loads when the tab is first opened, not with the window
    from ocop_desktop.ui.admin.users_tab import UsersTab


USERS_TAB = 2


class AdminPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.tabs: QTabWidget | None = None
        self.criteria_tab: CriteriaTab | None = None
        self.councils_tab: CouncilsTab | None = None
        self.users_tab: UsersTab | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Quản trị"), self)
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        layout.addWidget(title)
        # The main window hides this section from non-admins; the page checks again so that no other way
        # of opening it (a shortcut, a later screen) hands out admin actions. The server checks as well.
        if not context.user.is_admin:
            self.notice = QLabel(self.tr(
                "Phần Quản trị chỉ dành cho quản trị viên cấp tỉnh. Tài khoản của bạn không có quyền nhập, ban hành "
                "bộ tiêu chí hay lập hội đồng; nếu cần, hãy liên hệ quản trị viên của tỉnh."), self)
            self.notice.setWordWrap(True)
            self.notice.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(self.notice)
            layout.addStretch(1)
            return
        self.tabs = QTabWidget(self)
        self.criteria_tab = CriteriaTab(context, self.tabs)
        self.councils_tab = CouncilsTab(context, self.tabs)
        self.tabs.addTab(self.criteria_tab, self.tr("Bộ tiêu chí"))
        self.tabs.addTab(self.councils_tab, self.tr("Hội đồng"))
        # Built when first opened: it asks the server, which the other tabs never wait for.
        self.tabs.addTab(QWidget(self.tabs), self.tr("Tài khoản"))
        self.tabs.currentChanged.connect(self._open_users)
        layout.addWidget(self.tabs, 1)

    def _open_users(self, index: int) -> None:
        if self.tabs is None or index != USERS_TAB or self.users_tab is not None:
            return
        from ocop_desktop.ui.admin.users_tab import UsersTab

        self.users_tab = UsersTab(self.context, self.tabs)
        placeholder = self.tabs.widget(USERS_TAB)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(USERS_TAB)
        if placeholder is not None:
            placeholder.deleteLater()
        self.tabs.insertTab(USERS_TAB, self.users_tab, self.tr("Tài khoản"))
        self.tabs.setCurrentIndex(USERS_TAB)
        self.tabs.blockSignals(False)

    def on_changes(self, changes: Changes) -> None:
        for tab in (self.criteria_tab, self.councils_tab):
            if tab is not None:
                tab.on_changes(changes)
