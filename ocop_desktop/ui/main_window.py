"""The main window: the sections down the left, the chosen one on the right, the sync status below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
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
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.status_bar import SyncStatusBar
from ocop_desktop.ui.texts import error_text, user_roles


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    icon: QStyle.StandardPixmap
    make: Callable[[AppContext], QWidget]
    admins_only: bool = False


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, sections: list[Section], settings: QSettings):
        super().__init__()
        self.context = context
        self.settings = settings
        self.setWindowTitle(self.tr("OCOP Hà Tĩnh — Đánh giá sản phẩm · {name} ({role})").format(
            name=context.user.full_name, role=user_roles().get(context.user.role, context.user.role)))
        self.nav = QListWidget(self)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setMinimumWidth(170)
        self.nav.setMaximumWidth(240)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        self.sections = [s for s in sections if context.user.is_admin or not s.admins_only]
        for number, section in enumerate(self.sections, start=1):
            item = QListWidgetItem(self.style().standardIcon(section.icon), section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setToolTip(self.tr("{title} (Ctrl+{n})").format(title=section.title, n=number))
            self.nav.addItem(item)
            page = section.make(context)
            self.pages[section.key] = page
            self.stack.addWidget(page)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.nav.setCurrentRow(row))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
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
        self._restore()
        self.status.refresh()
        self.status.probe()

    def show_section(self, key: str) -> None:
        for row, section in enumerate(self.sections):
            if section.key == key:
                self.nav.setCurrentRow(row)

    def current_section(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def on_changes(self, changes: Changes) -> None:
        for page in self.pages.values():
            refresh = getattr(page, "on_changes", None)
            if refresh is not None:
                refresh(changes)

    def show_error(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Không thực hiện được"), error_text(error))

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.show_section(str(self.settings.value("window/section", self.sections[0].key)))
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/section", self.current_section())
        self.settings.sync()
        super().closeEvent(event)


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
