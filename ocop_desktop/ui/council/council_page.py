"""The council page: pick a session, compare members' totals, approve a result, export the documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.formats import day
from ocop_desktop.reports import ReportError, minutes_pdf, results_xlsx, sheet_pdf
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.council_view import (
    CouncilView,
    DossierRow,
    EvaluationChoice,
    list_evaluations,
    load_council_view,
)
from ocop_desktop.services.sheet_view import sheet_view
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.council import approvals
from ocop_desktop.ui.council.council_model import COL_PRODUCT, CouncilTableModel
from ocop_desktop.ui.council.detail import blockers_text, detail_html, empty_text, rules_text
from ocop_desktop.ui.council.dialogs import ask_confirm, ask_save_path, safe_name, with_suffix
from ocop_desktop.words import error_text

# Anything these touch can change a total, a member, a name, an approval or a dossier shown on this page.
WATCHED = frozenset({"score_sheets", "score_lines", "council_results", "council_members", "councils",
                     "evaluation_sessions", "council_assignments", "dossiers", "products", "producers"})


class CouncilPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.view: CouncilView | None = None
        self.saved_file: Path | None = None  # the last export, which "Mở tệp vừa lưu" opens
        # Replaceable in tests: (title, question) -> yes, (title, suggested name, filter) -> path or "",
        # (title, text) shown to the user.
        self.confirm: Callable[[str, str], bool] = lambda title, text: ask_confirm(self, title, text)
        self.choose_save_path: Callable[[str, str, str], str] = lambda *args: ask_save_path(self, *args)
        self.inform: Callable[[str, str], None] = lambda title, text: QMessageBox.information(self, title, text)
        self._build()
        self._lay_out()
        self.sessions.currentIndexChanged.connect(self._session_chosen)
        self.search.textChanged.connect(self._search)
        self.chair_present.toggled.connect(self._chair_toggled)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.approve_button.clicked.connect(lambda: approvals.approve(self))
        self.batch_button.clicked.connect(lambda: approvals.approve_selected(self))
        self.sheet_button.clicked.connect(self.export_sheet)
        self.minutes_button.clicked.connect(self.export_minutes)
        self.excel_button.clicked.connect(self.export_excel)
        self.open_button.clicked.connect(self.open_saved_file)
        self._update_actions()
        self.reload()

    def _build(self) -> None:
        self.sessions = QComboBox(self)
        self.sessions.setMinimumWidth(420)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        # A chair who does not score has no sheet to show presence by: the secretary says so (D5).
        self.chair_present = QCheckBox(self.tr("Chủ tịch hội đồng có mặt, chủ trì phiên (không chấm điểm)"), self)
        self.chair_present.setToolTip(self.tr(
            "Đánh dấu khi Chủ tịch chủ trì phiên họp mà không chấm điểm: kết quả phê duyệt ghi nhận Chủ tịch có mặt."))
        self.chair_present.hide()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm hồ sơ: mã, sản phẩm, chủ thể (gõ không dấu cũng được)"))
        self.search.setClearButtonEnabled(True)
        self.model = CouncilTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # Cells, not rows: a member's cell chooses whose sheet to export. Several rows may be chosen to approve.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the next control; arrows move in it
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty_note = QLabel(self)  # in the table's place when it has no row, saying why
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_note.setStyleSheet("QLabel { background: palette(base); padding: 16px; font-size: 14px; }")
        self.empty_note.hide()
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(150)
        self.detail.setStyleSheet("QLabel { background: palette(base); padding: 10px; }")
        self.approve_button = QPushButton(self.tr("Phê duyệt"), self)
        self.batch_button = QPushButton(self.tr("Phê duyệt các hồ sơ đã chọn…"), self)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.sheet_button = QPushButton(self.tr("Xuất phiếu chấm PDF"), self)
        self.minutes_button = QPushButton(self.tr("Xuất biên bản PDF"), self)
        self.excel_button = QPushButton(self.tr("Xuất Excel"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Mở tệp vừa lưu"), self)
        self.open_button.hide()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Phiên đánh giá:"), self))
        top.addWidget(self.sessions)
        top.addWidget(self.search, 1)
        # The detail goes under the table: the table needs the full width for members' columns.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        listing = QWidget(self)
        stacked = QVBoxLayout(listing)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.addWidget(self.table, 1)
        stacked.addWidget(self.empty_note, 1)
        splitter.addWidget(listing)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addWidget(self.batch_button)
        actions.addWidget(self.reason, 1)
        for button in (self.sheet_button, self.minutes_button, self.excel_button):
            actions.addWidget(button)
        said = QHBoxLayout()
        said.addWidget(self.message, 1)
        said.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Hội đồng đánh giá"), self)
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(title)
        layout.addLayout(top)
        rules = QHBoxLayout()
        rules.addWidget(self.summary, 1)
        rules.addWidget(self.chair_present)
        layout.addLayout(rules)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addLayout(said)

    # ---- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Reads the sessions, then the chosen one (the same as before when it still exists)."""
        self.context.runner.read(list_evaluations, done=self._set_evaluations, failed=self.show_error)

    def _set_evaluations(self, choices: list[EvaluationChoice]) -> None:
        keep = self.current_evaluation_id()
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for choice in choices:
            when = day(choice.held_on) or self.tr("chưa định ngày")
            self.sessions.addItem(self.tr("{date} · vòng {round} · {council} (%n hồ sơ)", "", choice.dossiers).format(
                date=when, round=choice.round, council=choice.council_name), choice.id)
        position = next((i for i, c in enumerate(choices) if c.id == keep), 0)
        self.sessions.setCurrentIndex(position if choices else -1)
        self.sessions.blockSignals(False)
        if not choices:
            self._set_view(None)
            self.summary.setText(self.tr("Chưa có phiên đánh giá nào."))
            return
        self.load(choices[position].id)

    def current_evaluation_id(self) -> str | None:
        return self.sessions.currentData()

    def _session_chosen(self, _index: int) -> None:
        # Presence is recorded per session: another session starts without it.
        self.chair_present.blockSignals(True)
        self.chair_present.setChecked(False)
        self.chair_present.blockSignals(False)
        if self.current_evaluation_id():
            self.load(self.current_evaluation_id())

    def load(self, evaluation_id: str) -> None:
        def done(view: CouncilView) -> None:
            # A slower read for a session the user has since left must not overwrite the new one.
            if evaluation_id == self.current_evaluation_id() or self.current_evaluation_id() is None:
                self._set_view(view)

        present = self.chair_present.isChecked()
        self.context.runner.read(lambda s: load_council_view(s, evaluation_id=evaluation_id, chair_present=present),
                                 done=done, failed=self.show_error)

    def _chair_toggled(self, _checked: bool) -> None:
        if self.current_evaluation_id():
            self.load(self.current_evaluation_id())

    def _set_view(self, view: CouncilView | None) -> None:
        keep = self.current_row()
        column = self.table.currentIndex().column()
        self.view = view
        self.model.set_view(view)
        if view is not None:
            # The product's name takes whatever width the figures leave.
            self.table.horizontalHeader().setSectionResizeMode(COL_PRODUCT, QHeaderView.ResizeMode.Stretch)
            self.summary.setText(rules_text(view))
            row = self.model.row_of(keep.dossier_id) if keep else -1
            if row < 0 and view.rows:
                row = 0
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, max(column, 0)))
        self.chair_present.setVisible(view is not None and view.silent_chair and view.chair_required)
        if view is not None and view.chair_recorded:  # an approval of this session has recorded it
            self.chair_present.blockSignals(True)
            self.chair_present.setChecked(True)
            self.chair_present.blockSignals(False)
        self.chair_present.setEnabled(view is None or not view.chair_recorded)
        self._show_detail()
        self._update_actions()

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & WATCHED:
            self.reload()

    # ---- selection ---------------------------------------------------------------------------------
    def current_row(self) -> DossierRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail()
        self._update_actions()

    def _show_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_note.setText(empty_text(self.view, self.context.user.role, self.model.query) if empty else "")
        self.empty_note.setVisible(empty)
        self.table.setVisible(not empty)
        self.detail.setVisible(not empty)

    def _show_detail(self) -> None:
        self._show_empty()
        row = self.current_row()
        self.detail.setText(detail_html(row, self.view) if row and self.view else
                            self.tr("Chọn một hồ sơ trong bảng để xem chi tiết."))

    def _current_sheet(self) -> str | None:
        cell = self.model.cell_at(self.table.currentIndex())
        return cell.sheet_id if cell else None

    def selected_rows(self) -> list[DossierRow]:
        """The rows with a selected cell, in the table's order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def _search(self, text: str) -> None:
        keep = self.current_row()
        self.model.set_query(text)
        row = self.model.row_of(keep.dossier_id) if keep else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_detail()
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.current_row()
        allowed = approvals.may_approve(self)
        self.approve_button.setEnabled(bool(row and allowed and row.can_approve))
        chosen = len(self.selected_rows())
        self.batch_button.setEnabled(allowed and chosen > 1)
        self.batch_button.setText(self.tr("Phê duyệt %n hồ sơ đã chọn…", "", chosen) if chosen > 1
                                  else self.tr("Phê duyệt các hồ sơ đã chọn…"))
        self.batch_button.setToolTip(self.tr("Chọn nhiều dòng (giữ Ctrl hoặc Shift, Ctrl+A chọn tất cả) để phê "
                                             "duyệt cùng lúc; mỗi hồ sơ được xét như khi phê duyệt riêng."))
        if row is None:
            reason = ""
        elif not allowed:
            reason = self.tr("Chỉ thư ký, chủ tịch hội đồng hoặc quản trị tỉnh được phê duyệt kết quả.")
        else:
            reason = blockers_text(row)
        self.reason.setText(reason)
        has_view = self.view is not None
        self.minutes_button.setEnabled(has_view)
        self.excel_button.setEnabled(has_view)
        self.sheet_button.setEnabled(self._current_sheet() is not None)
        self.sheet_button.setToolTip("" if self._current_sheet() else self.tr(
            "Chọn ô điểm của một thành viên trong bảng để xuất phiếu chấm của người đó."))

    # ---- actions -----------------------------------------------------------------------------------
    def export_minutes(self) -> None:
        if self.view is not None:
            self._export(self.tr("Lưu biên bản họp hội đồng"), self._name("bien-ban", ".pdf"), "PDF (*.pdf)",
                         lambda path: minutes_pdf.write_minutes(path, self.view))

    def export_excel(self) -> None:
        if self.view is not None:
            self._export(self.tr("Lưu kết quả ra Excel"), self._name("ket-qua", ".xlsx"),
                         self.tr("Sổ tính Excel (*.xlsx)"), lambda path: results_xlsx.write_results(path, self.view))

    def export_sheet(self) -> None:
        sheet_id, row = self._current_sheet(), self.current_row()
        if sheet_id is None or row is None:
            return
        member = self.model.member_at(self.table.currentIndex().column())
        path = self._ask_path(self.tr("Lưu phiếu chấm"), f"phieu-cham-{row.code}-{member.full_name}.pdf",
                              "PDF (*.pdf)")
        if path:
            self.context.runner.read(lambda s: sheet_view(s, sheet_id), failed=self.show_error,
                                     done=lambda view: self._write(path, lambda p: sheet_pdf.write_sheet(p, view)))

    def _name(self, stem: str, suffix: str) -> str:
        when = self.view.held_on.isoformat() if self.view and self.view.held_on else "phien"
        return f"{stem}-{when}-vong-{self.view.round if self.view else 1}{suffix}"

    def _ask_path(self, title: str, suggested: str, filters: str) -> str:
        return with_suffix(self.choose_save_path(title, safe_name(suggested), filters), Path(suggested).suffix)

    def _export(self, title: str, suggested: str, filters: str, write: Callable[[str], Path]) -> None:
        path = self._ask_path(title, suggested, filters)
        if path:
            self._write(path, write)

    def _write(self, path: str, write: Callable[[str], Path]) -> None:
        try:
            written = write(path)
        except ReportError as exc:
            self.say(error_text(exc), error=True)
            return
        self.saved_file = written
        self.say(self.tr("Đã lưu: {path}").format(path=str(written)))
        self.open_button.show()

    def open_saved_file(self) -> None:
        """Opens the last export in the program the system uses for it (a PDF reader, a spreadsheet)."""
        if self.saved_file is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_file))):
            self.say(self.tr("Không mở được tệp {path}: máy này chưa có chương trình mở loại tệp này.").format(
                path=str(self.saved_file)), error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c00000;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def show_error(self, error: Exception) -> None:
        self.say(error_text(error), error=True)
