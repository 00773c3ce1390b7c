"""The status bar: online or offline, unsent changes, the last successful sync, conflicts waiting.

A person must always see whether their work has reached the province, so these four never hide.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ocop_desktop import formats
from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from ocop_desktop.services.sync_status import SyncStatus

PROBE_EVERY_MS = 30_000


class SyncStatusBar(QStatusBar):
    conflicts_clicked = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.online = False
        self.connection = QLabel(self)
        self.unsent = QLabel(self)
        self.last_sync = QLabel(self)
        self.conflicts = QLabel(self)
        self.conflicts.setTextFormat(Qt.TextFormat.RichText)
        self.tasks = QLabel(self)  # the person's tasks late or due soon (services.tasks.due_count)
        self.conflicts.linkActivated.connect(lambda _: self.conflicts_clicked.emit())
        for label in (self.tasks, self.connection, self.unsent, self.last_sync, self.conflicts):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.set_online(False)
        self.status: SyncStatus | None = None
        self.unsent.setText(self.tr("Đang đọc…"))
        self.context.runner.changed.connect(self.on_changes)
        if context.sync is not None:
            context.sync.started.connect(self._sync_started)
            context.sync.finished.connect(self._sync_finished)
        self._probe = QTimer(self)
        self._probe.setInterval(PROBE_EVERY_MS)
        self._probe.timeout.connect(self.probe)
        if context.server_url:
            self._probe.start()

    def refresh(self) -> None:
        connected = bool(self.context.server_url)
        self.context.runner.read(lambda session: _read_status(session, connected), done=self.show_status)
        user_id = self.context.user.user_id
        self.context.runner.read(lambda session: _read_due(session, user_id), done=self.show_due)

    def on_changes(self, changes: Changes) -> None:
        self.refresh()

    def probe(self) -> None:
        """Asks the server whether it answers, off the UI thread; no server set means offline."""
        make = self.context.make_client
        if not self.context.server_url or make is None:
            self.set_online(False)
            return
        def ask() -> bool:
            client = make()
            try:
                return client.healthy()
            finally:
                client.close()

        self.context.runner.network(ask, done=self._answered, failed=lambda _: self._answered(False))

    def _answered(self, online: bool) -> None:
        sync = self.context.sync
        if sync is not None and sync.running:
            self.online = bool(online)  # "Đang đồng bộ…" stays until the sync ends
        else:
            self.set_online(online)
        if sync is not None:  # may start a sync: the server is back, or it is time again
            sync.server_answered(online, self.status is not None and self.status.last_sync is not None)

    def set_online(self, online: bool) -> None:
        self.online = bool(online)
        if self.online:
            self.connection.setText(self.tr("● Trực tuyến"))
            self.connection.setStyleSheet("color: #1b7f3b; font-weight: 600;")
        else:
            self.connection.setText(self.tr("● Ngoại tuyến"))
            self.connection.setStyleSheet("color: #9a6700; font-weight: 600;")
        self.connection.setToolTip(self.context.server_url or self.tr("Chưa cấu hình máy chủ tỉnh"))

    def _sync_finished(self, result: object) -> None:
        from ocop_desktop.sync.engine import Cancelled, SyncReport

        self.set_online(self.online)
        if not isinstance(result, SyncReport | Cancelled):
            # An automatic sync fails where nobody is looking: the status bar says so until one succeeds.
            from ocop_desktop.ui.sync_page.words import sync_failure

            self.connection.setText(self.tr("● Đồng bộ lỗi"))
            self.connection.setStyleSheet("color: #b42318; font-weight: 600;")
            self.connection.setToolTip(sync_failure(result))

    def _sync_started(self, automatic: bool) -> None:
        self.connection.setText(self.tr("● Đang đồng bộ…"))
        self.connection.setStyleSheet("color: #1d4ed8; font-weight: 600;")

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.unsent.setText(self.tr("%n thay đổi chưa gửi", "", status.unsent))
        self.unsent.setStyleSheet("font-weight: 600;" if status.unsent else "")
        self.unsent.setToolTip(self.tr("Dữ liệu mẫu chỉ nằm trên máy này và không được tính là chưa gửi cho tới "
                                       "khi máy được kết nối máy chủ tỉnh.") if status.demo_kept else "")
        if status.last_sync is None:
            self.last_sync.setText(self.tr("Chưa đồng bộ lần nào"))
        else:
            stored = status.last_sync.replace(tzinfo=status.last_sync.tzinfo or UTC)  # kept in UTC
            self.last_sync.setText(self.tr("Đồng bộ lần cuối: {when}").format(when=formats.recent(stored)))
        if status.open_conflicts:
            self.conflicts.setText(self.tr('<a href="#" style="color:#b42318">%n xung đột chờ xử lý</a>', "",
                                           status.open_conflicts))
        else:
            self.conflicts.setText(self.tr("Không có xung đột"))


    def show_due(self, due: tuple[int, int]) -> None:
        soon, late = due
        self.tasks.setText(self.tr("%n việc đến hạn", "", soon) if soon else "")
        self.tasks.setStyleSheet("color: #b42318; font-weight: 600;" if late else "")
        self.tasks.setToolTip(self.tr("%n việc đã quá hạn", "", late) if late else "")


def _read_due(session, user_id: str) -> tuple[int, int]:
    from ocop_desktop.services.tasks import due_count

    return due_count(session, user_id=user_id)


def _read_status(session, connected: bool) -> SyncStatus:
    # Imported on the database thread: the service loads SQLAlchemy, which the first paint need not wait for.
    from ocop_desktop.services.sync_status import sync_status

    return sync_status(session, connected=connected)
