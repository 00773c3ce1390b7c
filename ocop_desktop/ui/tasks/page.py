"""Section "Việc của tôi": a person's tasks, late and due first, moved on with a comment; giving a task (for
those who assign work); and the admin's board of tasks by person and status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import formats, words
from ocop_desktop.services import tasks, tasks_auto
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.tasks import TaskRow, TasksView
from ocop_desktop.ui.context import AppContext
from ocop_desktop.words import tasks as task_words

COL_DUE, COL_KIND, COL_TITLE, COL_STATUS, COL_LAST = range(5)
LATE = QColor("#b00020")
# The board's columns after the person: the statuses in their order, then the late ones.
BOARD_STATUSES = ("open", "in_progress", "done", "cancelled")


class TasksPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.view: TasksView | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._mine_tab(), self.tr("Việc của tôi"))
        self.give = self._give_box()
        self.board = self._table([self.tr("Người được giao"), *task_words.task_statuses().values(),
                                  self.tr("Quá hạn")])
        self.board.horizontalHeader().setStretchLastSection(False)
        self.board.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.board_index = self.tabs.addTab(self.board, self.tr("Bảng việc"))
        self.tabs.setTabVisible(self.board_index, context.user.is_admin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.give)
        self.give.setVisible(context.user.role in tasks_auto.MAKERS | {"chair"})
        if context.sync is not None:
            context.sync.finished.connect(lambda _: self.make_automatic())
        self.make_automatic()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _mine_tab(self) -> QWidget:
        box = QWidget(self)
        self.mine = self._table([self.tr("Hạn"), self.tr("Loại việc"), self.tr("Việc"), self.tr("Trạng thái"),
                                 self.tr("Ghi chú gần nhất")])
        self.mine.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.comment = QLineEdit(box)
        self.comment.setPlaceholderText(self.tr("Ghi chú cho lần đổi trạng thái (bắt buộc)"))
        row = QHBoxLayout()
        row.addWidget(self.comment, 1)
        self.moves = {}
        for status, label in (("in_progress", self.tr("Bắt đầu làm")), ("done", self.tr("Đã xong")),
                              ("cancelled", self.tr("Hủy việc"))):
            button = QPushButton(label, box)
            button.clicked.connect(lambda _=False, s=status: self.move_selected(s))
            self.moves[status] = button
            row.addWidget(button)
        self.message = QLabel(box)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.empty = QLabel(self.tr("Chưa có việc nào được giao cho bạn."), box)
        self.empty.setVisible(False)
        layout = QVBoxLayout(box)
        layout.addWidget(self.empty)
        layout.addWidget(self.mine)
        layout.addLayout(row)
        layout.addWidget(self.message)
        return box

    def _give_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Giao việc"), self)
        self.person = QComboBox(box)
        self.kind = QComboBox(box)
        for code, label in task_words.task_kinds().items():
            self.kind.addItem(label, code)
        self.title = QLineEdit(box)
        self.title.setPlaceholderText(self.tr("Việc cần làm, ví dụ: Kiểm tra hồ sơ HS-2025-0012"))
        self.due = QDateEdit(box)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setDate(QDate.currentDate().addDays(7))
        self.give_button = QPushButton(self.tr("Giao việc"), box)
        self.give_button.clicked.connect(self.give_task)
        form = QFormLayout(box)
        form.addRow(self.tr("Người làm"), self.person)
        form.addRow(self.tr("Loại việc"), self.kind)
        form.addRow(self.tr("Việc"), self.title)
        row = QHBoxLayout()
        row.addWidget(self.due)
        row.addStretch(1)
        row.addWidget(self.give_button)
        form.addRow(self.tr("Hạn"), row)
        return box

    # The intents: each one service call through the runner.

    def make_automatic(self) -> None:
        user = self.context.user
        self.context.runner.write(lambda s: tasks_auto.ensure_auto_tasks(s, user_id=user.user_id, role=user.role),
                                  done=lambda _: self.reload(), failed=self._failed)

    def reload(self) -> None:
        user = self.context.user
        self.context.runner.read(lambda s: tasks.load_tasks_view(s, user_id=user.user_id, role=user.role),
                                 done=self.show_view, failed=self._failed)

    def on_changes(self, changes: Changes) -> None:
        if "tasks" in changes.entities or "users" in changes.entities:
            self.reload()

    def move_selected(self, status: str) -> None:
        task = self.selected()
        if task is None:
            self.message.setText(self.tr("Hãy chọn một việc trong danh sách."))
            return
        user, comment = self.context.user, self.comment.text()
        self._write(lambda s: tasks.change_status(s, user_id=user.user_id, role=user.role, task_id=task.id,
                                                  status=status, comment=comment))

    def give_task(self) -> None:
        user = self.context.user
        assignee, kind, title = self.person.currentData(), self.kind.currentData(), self.title.text()
        qdate = self.due.date()
        due = date(qdate.year(), qdate.month(), qdate.day())
        self._write(lambda s: tasks.create_task(s, user_id=user.user_id, role=user.role, kind=kind, title=title,
                                                assignee_id=assignee, due_on=due))

    def _write(self, action: Callable[..., Changes]) -> None:
        self.message.setText("")
        self.context.runner.write(action, done=self._written, failed=self._failed)

    def _written(self, changes: Changes) -> None:
        self.comment.clear()
        self.title.clear()
        self.reload()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(self.tr("Chưa lưu: {reason}").format(reason=words.error_text(exc)))

    # Showing what was read.

    def selected(self) -> TaskRow | None:
        row = self.mine.currentRow()
        if self.view is None or not 0 <= row < len(self.view.mine):
            return None
        return self.view.mine[row]

    def show_view(self, view: TasksView) -> None:
        self.view = view
        self._fill_mine(view.mine, view.today)
        self._fill_board(view)
        chosen = self.person.currentData()
        self.person.clear()
        for person in view.people:
            self.person.addItem(person.full_name, person.id)
        if chosen is not None and self.person.findData(chosen) >= 0:
            self.person.setCurrentIndex(self.person.findData(chosen))

    def _fill_mine(self, rows: tuple[TaskRow, ...], today: date) -> None:
        kinds, statuses = task_words.task_kinds(), task_words.task_statuses()
        self.mine.setRowCount(len(rows))
        self.empty.setVisible(not rows)
        for i, task in enumerate(rows):
            last = task.comments[-1].get("text", "") if task.comments else task.notes
            values = (formats.day(task.due_on, blank="—"), kinds.get(task.kind, task.kind), task.title,
                      statuses.get(task.status, task.status), str(last))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if task.overdue(today):
                    item.setForeground(LATE)
                    item.setToolTip(self.tr("Quá hạn"))
                self.mine.setItem(i, column, item)

    def _fill_board(self, view: TasksView) -> None:
        self.board.setRowCount(len(view.board))
        for i, row in enumerate(view.board):
            values = [row.assignee or self.tr("(chưa giao cho ai)"),
                      *(formats.count(row.counts[s]) for s in BOARD_STATUSES), formats.count(row.overdue)]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == len(values) - 1 and row.overdue:
                    item.setForeground(LATE)
                self.board.setItem(i, column, item)
