"""The "Đồng bộ" screen: sync now (with progress and cancel), past syncs, refused changes, open conflicts.

The engine runs on a network thread; its progress callback only emits a signal, which Qt delivers on
the UI thread, so no widget is touched from the worker.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import formats
from ocop_desktop.services import conflicts, sync_history
from ocop_desktop.services.changes import Changes
from ocop_desktop.sync.engine import Cancelled, Progress, SyncReport
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.sync_controller import SyncController
from ocop_desktop.ui.sync_page import words
from ocop_desktop.ui.sync_page.conflict_dialog import ConflictDialog
from ocop_desktop.ui.sync_page.log_panel import LogPanel
from ocop_desktop.ui.sync_page.models import ROW_ROLE, ConflictsModel, HeldRowsModel, HistoryModel, QuarantineModel
from ocop_desktop.words import sync_outcomes, sync_phases, word


class SyncPage(QWidget):
    sync_finished = Signal(object)  # the SyncReport, or the exception that ended the sync (status bar)
    # Emitted on the sync thread; Qt queues it, so slots of UI objects run on the UI thread.
    progress_changed = Signal(object)
    server_requested = Signal()  # the window's "Kết nối máy chủ tỉnh…", offered where the page says it is needed

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        # The window's controller (automatic syncs show here too); a page of its own when shown alone.
        self.sync = context.sync if context.sync is not None else SyncController(context, self)
        self._conflicts: list[conflicts.ConflictView] = []
        self.conflicts_model, self.history_model = ConflictsModel(self), HistoryModel(self)
        self.quarantine_model, self.held_model = QuarantineModel(self), HeldRowsModel(self)
        self._build()
        self.sync.progress.connect(self.progress_changed)
        self.progress_changed.connect(self._show_progress)
        self.sync.started.connect(self._started)
        self.sync.finished.connect(self._finished)
        context.runner.changed.connect(self._on_changed)
        # Opened while an automatic sync runs: shown running, so Cancel works and progress is seen.
        self._set_running(self.sync.running)
        if self.sync.running:
            self.phase_label.setText(word(sync_phases(), "start"))
        self.refresh()

    # -- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Đồng bộ dữ liệu với máy chủ tỉnh"), self)
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        self.log_panel = LogPanel(self.context, self)
        layout.addWidget(self.log_panel)
        self.log_panel.setVisible(self.can_sync())  # a laptop working offline has no log to trust yet
        layout.addLayout(self._build_actions())
        self._build_progress()
        layout.addWidget(self.progress_panel)
        self._build_tabs()
        layout.addWidget(self.tabs, 1)

    def _build_actions(self) -> QHBoxLayout:
        self.sync_button = QPushButton(self.tr("Đồng bộ ngay"), self)
        self.sync_button.setMinimumSize(200, 48)
        self.sync_button.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button = QPushButton(self.tr("Huỷ"), self)
        self.cancel_button.setMinimumHeight(48)
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.offline_note = QLabel(self)
        self.offline_note.setWordWrap(True)
        self.offline_note.setStyleSheet("color: #8a4b00;")
        self.connect_button = QPushButton(self.tr("Kết nối máy chủ tỉnh…"), self)
        self.connect_button.setMinimumHeight(48)
        self.connect_button.clicked.connect(self.server_requested)
        self.cancel_button.setMinimumWidth(110)
        for button in (self.sync_button, self.cancel_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.connect_button)
        actions.addWidget(self.offline_note, 1)
        actions.addStretch()
        return actions

    def _build_progress(self) -> None:
        # Progress and outcome appear with the first sync; an empty bar before it only raises questions.
        self.progress_panel = QWidget(self)
        self.phase_label = QLabel(self.progress_panel)
        self.progress = QProgressBar(self.progress_panel)
        self.progress.setTextVisible(False)
        self.items_label, self.bytes_label = QLabel(self.progress_panel), QLabel(self.progress_panel)
        self.outcome_label = QLabel(self.progress_panel)
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        panel = QVBoxLayout(self.progress_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        progress_row = QHBoxLayout()
        for widget, stretch in ((self.phase_label, 0), (self.progress, 1), (self.items_label, 0),
                                (self.bytes_label, 0)):
            progress_row.addWidget(widget, stretch)
        panel.addLayout(progress_row)
        panel.addWidget(self.outcome_label)
        self.progress_panel.setVisible(False)

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._conflicts_tab(), "")
        self.history_view = self._table(self.history_model, HistoryModel.DETAIL)
        self.tabs.addTab(self.history_view, self.tr("Lịch sử đồng bộ"))
        quarantine = QWidget(self)
        box = QVBoxLayout(quarantine)
        self.quarantine_note = QLabel(quarantine)
        self.quarantine_note.setWordWrap(True)
        self.quarantine_view = self._table(self.quarantine_model, QuarantineModel.REASON)
        box.addWidget(self.quarantine_note)
        box.addWidget(self.quarantine_view, 1)
        box.addStretch(0)  # holds the note at the top while the table is hidden
        self.tabs.addTab(quarantine, "")
        held = QWidget(self)
        box = QVBoxLayout(held)
        self.held_note = QLabel(held)
        self.held_note.setWordWrap(True)
        self.held_view = self._table(self.held_model, HeldRowsModel.REASON)
        box.addWidget(self.held_note)
        box.addWidget(self.held_view, 1)
        box.addStretch(0)
        self.tabs.addTab(held, "")

    def _conflicts_tab(self) -> QWidget:
        tab = QWidget(self)
        box = QVBoxLayout(tab)
        self.conflicts_note = QLabel(tab)
        self.conflicts_note.setWordWrap(True)
        self.conflicts_view = self._table(self.conflicts_model, ConflictsModel.DEVICE)
        self.conflicts_view.doubleClicked.connect(lambda _index: self.resolve_selected())
        self.resolve_button = QPushButton(self.tr("Giải quyết…"), tab)
        self.resolve_button.clicked.connect(self.resolve_selected)
        row = QHBoxLayout()
        row.addWidget(self.conflicts_note, 1)
        row.addWidget(self.resolve_button)
        box.addLayout(row)
        box.addWidget(self.conflicts_view, 1)
        box.addStretch(0)  # holds the note at the top while the table is hidden
        self.conflicts_view.selectionModel().selectionChanged.connect(self._update_resolve_button)
        return tab

    def _table(self, model, stretch_column: int) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)  # Tab goes on to the next control, never cell by cell
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        return view

    # -- syncing -----------------------------------------------------------------------------------

    def can_sync(self) -> bool:
        return self.sync.can_sync()

    @property
    def running(self) -> bool:
        return self.sync.running

    @Slot()
    def start_sync(self) -> None:
        self.sync.start()

    @Slot()
    def cancel_sync(self) -> None:
        if self.running:
            self.sync.cancel()
            self.cancel_button.setEnabled(False)
            self.phase_label.setText(self.tr("Đang huỷ…"))

    @Slot(bool)
    def _started(self, automatic: bool) -> None:
        self._set_running(True)
        self.outcome_label.clear()
        self._show_progress(Progress("start", 0, 0, *self.sync.baseline))

    @Slot(object)
    def _show_progress(self, progress: Progress) -> None:
        if not self.running:
            return  # a late report from a sync that has already ended
        self.phase_label.setText(word(sync_phases(), progress.phase))
        self.progress.setRange(0, max(progress.total, 0))
        self.progress.setValue(min(progress.done, progress.total))
        self.items_label.setText(self.tr("{done}/{total} mục").format(
            done=formats.count(progress.done), total=formats.count(progress.total)) if progress.total else "")
        self.bytes_label.setText(self.tr("Đã gửi {sent} · Đã nhận {received}").format(
            sent=formats.size(progress.bytes_sent - self.sync.baseline[0]),
            received=formats.size(progress.bytes_received - self.sync.baseline[1])))

    def _finished(self, result: object) -> None:
        self._set_running(False)
        self.progress_panel.setVisible(True)  # the outcome lives there, even for a sync that never started
        self.progress.setRange(0, 1)
        if isinstance(result, SyncReport):
            self.progress.setValue(1)
            self.phase_label.setText(word(sync_phases(), "done"))
            self.items_label.clear()
            # An automatic sync with nothing to do leaves in view what the last one that did something did.
            if not (self.sync.automatic and words.moved_nothing(result) and self.outcome_label.text()):
                self.outcome_label.setText(words.report_summary(result, datetime.now(),
                                                                automatic=self.sync.automatic))
                self.outcome_label.setStyleSheet("color: #1b5e20;" if not (result.conflicts or result.rejected)
                                                 else "color: #8a4b00;")
        else:
            self.progress.setValue(0)
            self.phase_label.setText(word(sync_outcomes(), "cancelled" if isinstance(result, Cancelled) else "failed"))
            self.outcome_label.setText(words.sync_failure(result))
            self.outcome_label.setStyleSheet("" if isinstance(result, Cancelled) else "color: #b71c1c;")
        self.refresh()
        self.sync_finished.emit(result)

    def _set_running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running and self.can_sync())
        self.cancel_button.setEnabled(running)
        self.cancel_button.setVisible(self.can_sync())
        self.connect_button.setVisible(not self.can_sync())
        if running:
            self.progress_panel.setVisible(True)
        if self.can_sync():
            self.offline_note.clear()
            self.offline_note.setVisible(False)
        else:
            self.offline_note.setVisible(True)
            self.offline_note.setText(self.tr(
                "Chưa thể đồng bộ: máy này đang làm việc ngoại tuyến (dữ liệu mẫu), chưa kết nối với máy chủ "
                "tỉnh. Mọi việc vẫn làm được trên máy; để đồng bộ, bấm “Kết nối máy chủ tỉnh…” rồi đăng nhập "
                "bằng tài khoản do tỉnh cấp: ứng dụng mời đăng nhập ngay, không cần mở lại."))

    # -- lists -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.context.runner.read(lambda s: (sync_history.overview(s), conflicts.open_conflicts(s)),
                                 done=self._show_lists)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        self.refresh()  # every edit changes the unsent count; the lists are short

    def _show_lists(self, result) -> None:
        overview, open_rows = result
        self._conflicts = open_rows
        self.conflicts_model.set_rows(open_rows)
        self.history_model.set_rows(overview.runs)
        self.quarantine_model.set_rows(overview.quarantined)
        self.tabs.setTabText(0, self.tr("Xung đột cần giải quyết ({n})").format(n=formats.count(len(open_rows))))
        self.tabs.setTabText(2, self.tr("Thay đổi bị từ chối ({n})").format(n=formats.count(len(overview.quarantined))))
        self.conflicts_note.setText(
            self.tr("Cùng một trường đã được sửa khác nhau trên hai máy. Cả hai giá trị đều được giữ lại; "
                    "hãy chọn một dòng rồi bấm «Giải quyết…».") if open_rows
            else self.tr("Không có xung đột nào cần giải quyết."))
        self.quarantine_note.setText(
            self.tr("Những thay đổi này vẫn được giữ trên máy, không bị mất và không bị dữ liệu từ máy chủ ghi đè, "
                    "nhưng máy chủ sẽ không nhận chúng; nếu cần, hãy báo quản trị tỉnh.") if overview.quarantined
            else self.tr("Không có thay đổi nào bị máy chủ từ chối."))
        # An empty table under "nothing here" only looks like something failed to load.
        self.conflicts_view.setVisible(bool(open_rows))
        self.resolve_button.setVisible(bool(open_rows))
        self.quarantine_view.setVisible(bool(overview.quarantined))
        self._show_held(overview.held)
        self._update_resolve_button()
        self.summary.setText(self._summary_text(overview))

    def _show_held(self, held: tuple[sync_history.HeldRowView, ...]) -> None:
        self.held_model.set_rows(held)
        self.tabs.setTabText(3, self.tr("Dữ liệu nhận chưa lưu được ({n})").format(n=formats.count(len(held))))
        self.held_note.setText(
            self.tr("Những bản ghi này đã nhận từ máy chủ nhưng máy này chưa lưu được; chúng được giữ riêng và "
                    "thử lại sau mỗi lần đồng bộ. Nếu vẫn còn, hãy cập nhật ứng dụng hoặc báo quản trị tỉnh.")
            if held else self.tr("Mọi dữ liệu nhận từ máy chủ đều đã được lưu."))
        self.held_view.setVisible(bool(held))

    def _summary_text(self, overview: sync_history.SyncOverview) -> str:
        server = self.context.server_url or self.tr("chưa kết nối")
        last_ok = overview.last_sync
        parts = [self.tr("Máy chủ: {server}").format(server=server),
                 (self.tr("%n thay đổi chưa gửi", "", overview.unsent) if self.can_sync()
                  else self.tr("%n thay đổi chỉ lưu trên máy này", "", overview.unsent)),
                 self.tr("%n xung đột chưa giải quyết", "", overview.open_conflicts),
                 self.tr("Lần đồng bộ thành công gần nhất: {when}").format(when=formats.moment(last_ok))
                 if last_ok else self.tr("Chưa đồng bộ thành công lần nào")]
        # The last sync is often an automatic one that had nothing to send: say which one sent the work.
        sent = next((run for run in overview.runs if run.pushed), None)
        if sent is not None:
            parts.append(self.tr("lần gửi thay đổi gần nhất: %n thay đổi, lúc {when}", "", sent.pushed).format(
                when=formats.moment(sent.finished_at or sent.started_at)))
        return " · ".join(parts)

    def _update_resolve_button(self, *_args) -> None:
        self.resolve_button.setEnabled(bool(self.conflicts_view.selectionModel().selectedRows()))

    @Slot()
    def resolve_selected(self) -> ConflictDialog | None:
        """Opens the dialog for the selected conflict's row, with every open conflict of that row."""
        selected = self.conflicts_view.selectionModel().selectedRows()
        if not selected:
            return None
        chosen = selected[0].data(ROW_ROLE)
        same_row = [c for c in self._conflicts if (c.entity, c.entity_id) == (chosen.entity, chosen.entity_id)]
        dialog = ConflictDialog(self.context, same_row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
