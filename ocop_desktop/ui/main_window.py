"""The main window: the sections down the left, the chosen one on the right, the sync status below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.changes import Changes
from ocop_desktop.ui import session_actions as session
from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.draft_keeper import DraftKeeper
from ocop_desktop.ui.status_bar import SyncStatusBar
from ocop_desktop.words import error_text, language_switch, user_roles


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    icon: QStyle.StandardPixmap
    make: Callable[[AppContext], QWidget]
    admins_only: bool = False
    roles: frozenset[str] | None = None  # who sees it; None: everyone (admins_only aside)
    first_for: frozenset[str] = frozenset()  # whose first screen it is, before any section was left open


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, sections: list[Section], settings: QSettings):
        super().__init__()
        self.context = context
        self.settings = settings
        self.next_step: str | None = None  # session.LOGIN or session.REOPEN once the window closes for it
        self._unsaved_handled = False  # the person answered for the unsaved edits: the close goes ahead
        self.setWindowTitle(self.tr("OCOP Hà Tĩnh — Đánh giá sản phẩm · {name} ({role})").format(
            name=context.user.full_name, role=user_roles().get(context.user.role, context.user.role)))
        self.nav = QListWidget(self)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setMinimumWidth(170)
        self.nav.setMaximumWidth(240)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        self._missed: dict[str, Changes] = {}  # what changed while a built page was hidden
        self.sections = [s for s in sections if (context.user.is_admin or not s.admins_only)
                         and (s.roles is None or context.user.role in s.roles)]
        for number, section in enumerate(self.sections, start=1):
            item = QListWidgetItem(self.style().standardIcon(section.icon), section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setToolTip(self.tr("{title} (Ctrl+{n})").format(title=section.title, n=number))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget(self.stack))  # the real page is built when first opened
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.nav.setCurrentRow(row))
        self.nav.currentRowChanged.connect(self._open_row)
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.status = SyncStatusBar(context, self)
        self.status.conflicts_clicked.connect(lambda: self.show_section("sync"))
        self.setStatusBar(self.status)
        context.runner.changed.connect(self.on_changes)
        context.runner.failed.connect(self.show_error)
        self._build_menus()
        self._restore()
        self.status.refresh()
        self.status.probe()

    def _open_row(self, row: int) -> None:
        """Builds a section's page the first time it is opened: a start builds only the first screen,
        so the window is usable sooner and the other screens' loading does not queue before it."""
        if row < 0:
            return
        section = self.sections[row]
        if section.key not in self.pages:
            page = section.make(self.context)
            self.pages[section.key] = page
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, window_geometry.scrolled(page))
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            requested = getattr(page, "dossier_requested", None)  # the map's "Mở hồ sơ"
            if requested is not None:
                requested.connect(self.open_dossier)
            wanted = getattr(page, "server_requested", None)  # the sync page's offer while working offline
            if wanted is not None:
                wanted.connect(self.choose_server)
            asked = getattr(page, "section_requested", None)  # Tổng quan's drill-down into Hồ sơ or Bản đồ
            if asked is not None:
                asked.connect(self.show_section)
        self.stack.setCurrentIndex(row)
        missed = self._missed.pop(section.key, None)
        if missed is not None:
            self._deliver(self.pages[section.key], missed)

    def _build_menus(self) -> None:
        app_menu = self.menuBar().addMenu(self.tr("&Ứng dụng"))
        connect = app_menu.addAction(self.tr("Kết nối máy chủ tỉnh…"))
        connect.triggered.connect(self.choose_server)
        from ocop_desktop.ui.map.basemap_actions import add_map_actions

        add_map_actions(app_menu, self)
        from ocop_desktop.ui.import_dialog.dialog import add_import_action

        add_import_action(app_menu, self, self.context)
        language = app_menu.addMenu(self.tr("Ngôn ngữ / Language"))
        current = str(self.settings.value("ui/language", "vi"))
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, code=code: self.choose_language(code))
        app_menu.addSeparator()
        log_out = app_menu.addAction(self.tr("Đăng xuất / Đổi người dùng…"))
        log_out.setShortcut(QKeySequence("Ctrl+Shift+L"))
        log_out.triggered.connect(lambda: self.leave(session.LOGIN))
        quit_action = app_menu.addAction(self.tr("Thoát"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        from ocop_desktop.ui.labels.actions import add_traceability_menu

        add_traceability_menu(self.menuBar(), self)

    def choose_language(self, code: str) -> None:
        """The windows are built in their language, so a new one takes a reopened window; offered at once."""
        self.settings.setValue("ui/language", code)
        self.settings.sync()
        for action in self.findChildren(QAction):
            if action.isCheckable():
                action.setChecked(action.text() == {"vi": "Tiếng Việt", "en": "English"}[code])
        said, title = language_switch(), self.tr("Ngôn ngữ / Language")
        if self.ask_yes(title, said["question"], said["now"], said["later"]):
            self.leave(session.REOPEN)
        else:
            self.inform(title, said["next_start"])

    def choose_server(self) -> None:
        """Points this laptop at the provincial server; the next start logs in there (the unsent work
        on this laptop, demo data included, is then sent by the first sync)."""
        from ocop_desktop.ui.start.setup_dialog import SetupDialog, remember_setup

        dialog = self.make_setup_dialog(self)
        dialog.url.setText(self.context.server_url or "")
        if dialog.exec() != SetupDialog.DialogCode.Accepted or dialog.result_setup is None:
            return
        remember_setup(self.settings, dialog.result_setup)  # with a host confirmed for plain http
        if self.ask_yes(self.tr("Đã lưu"), self.tr("Cần đăng nhập lại để làm việc với lựa chọn mới (với máy chủ, "
                                                    "bằng tài khoản của máy chủ). Đăng xuất và đăng nhập lại ngay?"),
                        self.tr("Đăng nhập lại ngay"), self.tr("Để sau")):
            self.leave(session.LOGIN)
        else:
            self.inform(self.tr("Đã lưu"), self.tr("Lựa chọn mới có hiệu lực ở lần đăng nhập sau (menu Ứng dụng → "
                                                   "Đăng xuất / Đổi người dùng)."))

    def make_setup_dialog(self, parent):
        from ocop_desktop.ui.start.setup_dialog import SetupDialog, plain_http_hosts

        # An address is tried before it is kept; a host already allowed plain http is not asked about again.
        return SetupDialog(parent, runner=self.context.runner, plain_http_hosts=plain_http_hosts(self.settings))

    def ask_yes(self, title: str, text: str, yes: str, no: str) -> bool:
        return session.ask_yes(self, title, text, yes, no)

    def ask_unsaved(self, names: list[str]) -> str:
        leaving = {session.LOGIN: self.tr("đăng xuất"), session.REOPEN: self.tr("mở lại")}
        return session.ask_unsaved(self, names, leaving.get(self.next_step or "", self.tr("thoát")))

    def ask_drafts(self, drafts):
        return session.ask_drafts(self, drafts)

    def offer_drafts(self) -> None:
        session.offer_drafts(self)

    def leave(self, step: str) -> None:
        """Closes the window for another login or a reopened window; the unsaved-edits question may stop it."""
        self.next_step = step
        self.close()

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def show_section(self, key: str) -> None:
        for row, section in enumerate(self.sections):
            if section.key == key:
                self.nav.setCurrentRow(row)

    def open_dossier(self, dossier_id: str) -> None:
        """Shows a dossier in Hồ sơ, from another section (a producer's card on the map)."""
        self.show_section("dossiers")
        page = self.pages.get("dossiers")
        opener = getattr(page, "open", None)
        if opener is not None:
            opener(dossier_id)

    def current_section(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def on_changes(self, changes: Changes) -> None:
        """The page on screen refreshes now; a hidden one gathers what changed and refreshes once when
        it is shown: every scoring click would otherwise reload the council table behind it."""
        shown = self.current_section()
        for key, page in self.pages.items():
            if key == shown:
                self._deliver(page, changes)
            else:
                self._missed[key] = self._missed.get(key, Changes()) | changes

    @staticmethod
    def _deliver(page: QWidget, changes: Changes) -> None:
        refresh = getattr(page, "on_changes", None)
        if refresh is not None:
            refresh(changes)

    def show_error(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Không thực hiện được"), error_text(error))

    def _restore(self) -> None:
        window_geometry.restore(self, self.settings.value("window/geometry"))
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:  # the sections' names fit the narrowest list; on a small screen the section needs the rest
            self.splitter.setSizes([self.nav.minimumWidth(), max(self.width() - self.nav.minimumWidth(), 1)])
        self.show_section(str(self.settings.value(session.section_key(self.context.user.user_id),
                                                  self.settings.value("window/section", self._first_key()))))
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def _first_key(self) -> str:
        role = self.context.user.role
        return next((s.key for s in self.sections if role in s.first_for), self.sections[0].key)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        if self.context.sync is not None:
            # A sync left running would keep the process alive, unseen, until it ended; what the
            # server has confirmed stays confirmed, the rest goes with the next sync.
            self.context.sync.cancel()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue(session.section_key(self.context.user.user_id), self.current_section())
        self.settings.sync()
        for keeper in self.findChildren(DraftKeeper):
            keeper.flush()
        super().closeEvent(event)

    def _may_close(self) -> bool:
        """Unsaved edits are saved, dropped, or kept on screen, as the person chooses."""
        keepers = [] if self._unsaved_handled else session.unsaved_keepers(self)
        if not keepers:
            return True
        choice = self.ask_unsaved([name for keeper in keepers for name in keeper.unsaved()])
        if choice == "discard":
            for keeper in keepers:
                keeper.discard()
            return True
        if choice == "save":
            session.save_all(keepers, self._saved_for_closing)
        else:
            self.next_step = None
        return False

    def _saved_for_closing(self, saved: bool) -> None:
        if not saved:  # the form shows why; the window stays, with everything typed
            self.next_step = None
            return
        self._unsaved_handled = True
        QTimer.singleShot(0, self.close)  # not from inside the close event being refused


class PlaceholderPage(QWidget):
    """A section whose screen arrives with a later release; says so plainly instead of showing nothing."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        body = QLabel(text, self)
        body.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
