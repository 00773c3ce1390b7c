"""The "Hội đồng" tab: set up councils with members chosen from accounts, and put forwarded dossiers before them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import formats
from ocop_desktop.services import assignments, council_setup
from ocop_desktop.services.assignments import CouncilRow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.council_setup import CouncilDetail
from ocop_desktop.ui.admin import council_setup_actions as setup
from ocop_desktop.ui.admin.confirm import ask
from ocop_desktop.ui.admin.council_models import assignment_model, council_model, dossier_model
from ocop_desktop.ui.admin.council_setup_actions import BAD_STYLE, OK_STYLE, ask_session_day
from ocop_desktop.ui.context import AppContext
from ocop_desktop.words import error_text, member_roles

COUNCIL_ENTITIES = frozenset({"councils", "council_members", "council_assignments", "criteria_set_versions",
                              "evaluation_sessions"})
DOSSIER_ENTITIES = frozenset({"council_assignments", "dossiers"})
SEARCH_DELAY_MS = 250


class CouncilsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.council_id: str | None = None
        self.detail: CouncilDetail | None = None
        # Replaceable, so tests and scripted demos run without a modal dialog. The question's title names the
        # action, and so does the button that does it.
        self.confirm: Callable[[str, str], bool] = lambda title, text: ask(self, title, text, title)
        self.show_dialog: Callable[[QDialog], None] = lambda dialog: dialog.exec()
        self.ask_day: Callable[[str], date | None] = lambda name: ask_session_day(self, name)

        self._build()
        self._connect()
        self._show_council_titles()
        self._update_buttons()
        self.refresh()

    def _build(self) -> None:
        self.councils = council_model(self)
        self.council_table = self._table(self.councils, QAbstractItemView.SelectionMode.SingleSelection, stretch=(0,))
        self.new_button = QPushButton(self.tr("Lập hội đồng mới…"), self)
        self.edit_button = QPushButton(self.tr("Sửa…"), self)
        self.delete_button = QPushButton(self.tr("Xoá…"), self)
        self.session_button = QPushButton(self.tr("Mở phiên đánh giá…"), self)
        self.members_label = self._label("color:#333;")
        self.setup_label = self._label("color:#555;")
        self.assignable = dossier_model(self)
        self.assignable_table = self._table(self.assignable, QAbstractItemView.SelectionMode.ExtendedSelection,
                                            stretch=(1, 2))
        self.assigned = assignment_model(self)
        self.assigned_table = self._table(self.assigned, QAbstractItemView.SelectionMode.ExtendedSelection,
                                          stretch=(1, 2))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm theo mã hồ sơ, sản phẩm, chủ thể, xã/phường…"))
        self.search.setClearButtonEnabled(True)
        self.assign_button = QPushButton(self.tr("Giao cho hội đồng →"), self)
        self.unassign_button = QPushButton(self.tr("← Bỏ giao"), self)
        self.assignable_title = self._label("font-weight:600;")
        self.assigned_title = self._label("font-weight:600;")
        self.result = self._label("")

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self._label("font-size:15px; font-weight:600;", self.tr("Hội đồng đánh giá")), 1)
        for button in (self.new_button, self.edit_button, self.session_button, self.delete_button):
            header.addWidget(button)
        top_layout.addLayout(header)
        top_layout.addWidget(self.council_table, 1)
        top_layout.addWidget(self.members_label)
        top_layout.addWidget(self.setup_label)
        left = self._panel(self.assignable_title, self.search, self.assignable_table, self.assign_button)
        right = self._panel(self.assigned_title, None, self.assigned_table, self.unassign_button)
        lists = QSplitter(Qt.Orientation.Horizontal, self)
        lists.addWidget(left)
        lists.addWidget(right)
        lists.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(lists)
        split.setSizes([220, 520])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.result)

    def _connect(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh_assignable)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.new_button.clicked.connect(lambda: setup.open_new_council(self))
        self.edit_button.clicked.connect(lambda: setup.edit_council(self))
        self.delete_button.clicked.connect(lambda: setup.delete_council(self))
        self.session_button.clicked.connect(lambda: setup.open_session(self))
        self.council_table.doubleClicked.connect(lambda _: self.edit_button.isEnabled() and setup.edit_council(self))
        self.assign_button.clicked.connect(self.assign_selected)
        self.unassign_button.clicked.connect(self.unassign_selected)
        self.council_table.selectionModel().selectionChanged.connect(lambda *_: self._council_chosen())
        for table in (self.assignable_table, self.assigned_table):
            table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _label(self, style: str, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names come from people and from sync: never HTML
        label.setWordWrap(True)
        label.setStyleSheet(style)
        return label

    def _table(self, model, mode: QAbstractItemView.SelectionMode, stretch: tuple[int, ...]) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(mode)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setTabKeyNavigation(False)  # Tab leaves the table for the next control; arrows move in it
        table.setWordWrap(False)  # one line per row: codes and names are elided, the tooltip has them whole
        header = table.horizontalHeader()
        for column in range(model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _panel(self, title: QLabel, search: QLineEdit | None, table: QTableView, button: QPushButton) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        if search is not None:
            layout.addWidget(search)
        layout.addWidget(table, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return panel

    def say(self, text: str, style: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(style)

    def _selected(self, table: QTableView) -> list:
        model = table.model()
        return [model.row_at(i.row()) for i in sorted(table.selectionModel().selectedRows(), key=lambda i: i.row())]

    def current_council(self) -> CouncilRow | None:
        chosen = self._selected(self.council_table)
        return chosen[0] if chosen else None

    def _update_buttons(self) -> None:
        has_council = self.council_id is not None
        self.assign_button.setEnabled(has_council and bool(self.assignable_table.selectionModel().selectedRows()))
        self.unassign_button.setEnabled(has_council and bool(self.assigned_table.selectionModel().selectedRows()))

    def _show_council_titles(self) -> None:
        council = self.current_council()
        n = self.assignable.rowCount()
        title = self.tr("Hồ sơ chờ giao (xã đã chuyển lên tỉnh): {n}").format(n=formats.count(n))
        if n >= assignments.LIST_LIMIT:
            title += " " + self.tr("(chỉ hiện %n hồ sơ đầu; hãy tìm để thu hẹp)", "", n)
        self.assignable_title.setText(title)
        if council is None:
            self.assigned_title.setText(self.tr("Chọn một hội đồng ở bảng trên để xem và giao hồ sơ."))
        else:
            self.assigned_title.setText(self.tr("Đã giao cho “{name}”: %n hồ sơ", "", self.assigned.rowCount()).format(
                name=council.name))

    # Reading -----------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & COUNCIL_ENTITIES:
            self.refresh()
        elif changes.entities & DOSSIER_ENTITIES:
            self.refresh_assignable()
        elif "score_sheets" in changes.entities:
            # A submitted sheet locks its council: only the chosen council's state is read again, not the lists,
            # since every answer clicked in Chấm điểm is a sheet change too.
            self._council_chosen()

    def refresh(self) -> None:
        self.context.runner.read(assignments.list_councils, done=self._show_councils)
        self.refresh_assignable()

    def refresh_assignable(self) -> None:
        query = self.search.text()
        self.context.runner.read(lambda s: assignments.assignable_dossiers(s, query), done=self._show_assignable)

    def _show_councils(self, rows) -> None:
        keep = self.council_id
        self.councils.set_rows(rows)  # a reset clears the selection without a signal
        if not self.select_council(keep) and not self.select_council(rows[0].id if rows else None):
            self._council_chosen()

    def select_council(self, council_id: str | None) -> bool:
        """Selects that council's row (which loads its members and dossiers); False when it is not listed."""
        ids = [r.id for r in self.councils.rows()]
        if council_id not in ids:
            return False
        row = ids.index(council_id)
        if self.current_council() is not None and self.current_council().id == council_id:
            return True
        self.council_table.selectRow(row)
        return True

    def _show_assignable(self, rows) -> None:
        self.assignable.set_rows(rows)
        self._show_council_titles()
        self._update_buttons()

    def _council_chosen(self) -> None:
        council = self.current_council()
        self.council_id = council.id if council else None
        if council is None:
            self.assigned.set_rows([])
            setup.show_setup_state(self, None)
            self.members_label.setText(self.tr("Chọn một hội đồng để xem thành viên.") if self.councils.rowCount()
                                       else self.tr("Chưa có hội đồng nào: hãy lập hội đồng mới."))
        else:
            council_id = council.id
            self.context.runner.read(
                lambda s: (assignments.council_members(s, council_id), assignments.council_assignments(s, council_id),
                           council_setup.council_detail(s, council_id)),
                done=lambda result: self._show_council(council_id, *result))
        self._show_council_titles()
        self._update_buttons()

    def _show_council(self, council_id: str, members, assigned, detail: CouncilDetail) -> None:
        if council_id != self.council_id:  # the admin has chosen another council meanwhile
            return
        setup.show_setup_state(self, detail)
        roles = member_roles()
        silent = ", " + self.tr("không chấm điểm")
        listed = "; ".join(f"{m.full_name} ({roles.get(m.role, m.role)}{'' if m.scores else silent})" for m in members)
        self.members_label.setText(self.tr("Thành viên ({n}): {list}").format(n=len(members), list=listed or "—"))
        self.assigned.set_rows(assigned)
        self._show_council_titles()
        self._update_buttons()

    # Writing -----------------------------------------------------------------------------------------

    def assign_selected(self) -> None:
        council, dossiers = self.current_council(), self._selected(self.assignable_table)
        if council is None or not dossiers:
            return
        ids = [d.id for d in dossiers]
        self.context.runner.write(
            lambda session: assignments.assign_dossiers(session, council_id=council.id, dossier_ids=ids),
            done=lambda _: self.say(
                self.tr("Đã giao %n hồ sơ cho “{name}”.", "", len(ids)).format(name=council.name), OK_STYLE),
            failed=lambda error: self.say(error_text(error), BAD_STYLE))

    def unassign_selected(self) -> None:
        council, chosen = self.current_council(), self._selected(self.assigned_table)
        if council is None or not chosen:
            return
        codes = ", ".join(a.dossier.code for a in chosen[:5]) + ("…" if len(chosen) > 5 else "")
        question = self.tr("Bỏ giao %n hồ sơ ({codes}) khỏi “{name}”?\n\nThành viên hội đồng sẽ không còn thấy các "
                           "hồ sơ này để chấm; hồ sơ trở lại danh sách chờ giao.", "", len(chosen)).format(
            codes=codes, name=council.name)
        if not self.confirm(self.tr("Bỏ giao hồ sơ"), question):
            return
        ids = [a.id for a in chosen]
        self.context.runner.write(
            lambda session: assignments.unassign_many(session, assignment_ids=ids),
            done=lambda _: self.say(
                self.tr("Đã bỏ giao %n hồ sơ khỏi “{name}”.", "", len(ids)).format(name=council.name), OK_STYLE),
            failed=lambda error: self.say(error_text(error), BAD_STYLE))
