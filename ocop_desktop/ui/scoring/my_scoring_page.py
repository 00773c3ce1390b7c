"""Chấm điểm: the sheets I can score beside the one I am working on."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.formats import count
from ocop_desktop.services import sheet_view, sheets
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.sheet_view import NOT_STARTED, MySheetRow
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.scoring import colours, sheets_model
from ocop_desktop.ui.scoring.sheet_widget import SheetWidget
from ocop_desktop.ui.scoring.sheets_model import MySheetsModel, row_identity
from ocop_desktop.words import error_text

# The sheet's criteria (their options need about 350 px) beside its 270 px of totals.
SHEET_MIN_WIDTH = 700
PRODUCT_ROOM = 170  # the product's name, the list's stretching column
# What the list is made of: a change to any of these may add, drop or re-total a row.
LISTED = frozenset({"score_sheets", "score_lines", "dossiers", "products", "council_members",
                    "council_assignments", "evaluation_sessions"})


class MyScoringPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._quiet = False  # set while the list is refilled, so re-selecting a row does not reopen it
        self._pending_start: MySheetRow | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._list_side(splitter))
        self.stack = QStackedWidget(splitter)
        self.sheet = SheetWidget(context, self.stack)
        self.sheet.opened.connect(self._select_sheet)
        self.stack.addWidget(self.sheet)
        self.stack.addWidget(self._start_side(self.stack))
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        # Sized by the page until the person drags the handle; from then on their sizes stay.
        splitter.splitterMoved.connect(self._dragged)
        self.splitter, self._sized_by_hand = splitter, False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.refresh()

    def _list_side(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(4, 4, 4, 4)
        heading = QLabel(self.tr("Phiếu chấm của tôi"), side)
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(heading)
        self.summary = QLabel(side)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {colours.MUTED};")
        layout.addWidget(self.summary)
        self.model = MySheetsModel(side)
        self.table = QTableView(side)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Tab leaves the list for the sheet: moving cell by cell it wrapped into the next row and opened it.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(sheets_model.PRODUCT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(sheets_model.MEMBER, not self.context.user.is_admin)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        # With nothing to score, an empty list squeezed beside an empty sheet read as broken: the page says why
        # across its whole width instead.
        self.empty_note = QLabel(side)
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_note.setStyleSheet("QLabel { background: palette(base); padding: 16px; font-size: 14px; }")
        self.empty_note.hide()
        layout.addWidget(self.empty_note, 1)
        return side

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._arrange()

    def _dragged(self, _position: int, _index: int) -> None:
        self._sized_by_hand = True

    def _arrange(self) -> None:
        """The sheet gets the width its criteria and totals need (cut off on the right, a choice's points were
        unreadable on a 1366-pixel screen); the list gets the rest, up to what its columns use."""
        if self._sized_by_hand or self.stack.isHidden():
            return
        width, handle = self.splitter.width(), self.splitter.handleWidth()
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(header.count())
                      if c != sheets_model.PRODUCT and not header.isSectionHidden(c))
        wanted = columns + PRODUCT_ROOM + self.table.verticalScrollBar().sizeHint().width() + 40  # frame, margins
        list_width = max(self.splitter.widget(0).minimumSizeHint().width(),
                         min(wanted, width - SHEET_MIN_WIDTH - handle))
        self.splitter.setSizes([list_width, max(width - list_width - handle, 0)])

    def _start_side(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(24, 24, 24, 24)
        self.start_title = QLabel(side)
        self.start_title.setWordWrap(True)
        self.start_title.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(self.start_title)
        self.start_details = QLabel(side)
        self.start_details.setWordWrap(True)
        layout.addWidget(self.start_details)
        self.start_button = QPushButton(self.tr("Bắt đầu chấm"), side)
        self.start_button.setStyleSheet("QPushButton { padding: 8px 16px; font-weight: 600; }")
        self.start_button.clicked.connect(self.start_pending)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.start_error = QLabel(side)
        self.start_error.setWordWrap(True)
        self.start_error.setStyleSheet(f"color: {colours.FAILED};")
        layout.addWidget(self.start_error)
        layout.addStretch(1)
        return side

    # -- the list --

    def refresh(self) -> None:
        user = self.context.user
        self.context.runner.read(lambda s: sheet_view.my_sheets(s, user.user_id, user.is_admin),
                                 done=self._rows_loaded, failed=self._list_failed)

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & LISTED:
            self.refresh()

    def _rows_loaded(self, rows: tuple[MySheetRow, ...]) -> None:
        current = self._current_row()
        self._quiet = True
        try:
            self.model.set_rows(rows)
            if current is not None:
                self._select(row_identity(current))
        finally:
            self._quiet = False
        self._show_empty(not rows)
        self._arrange()  # the columns have their widths now
        counts = {status: sum(1 for r in rows if r.status == status) for status in ("draft", NOT_STARTED,
                                                                                     "submitted")}
        if rows:
            self.summary.setText(self.tr("{draft} phiếu đang chấm · {todo} hồ sơ chưa chấm · {done} phiếu đã nộp")
                                 .format(draft=count(counts["draft"]), todo=count(counts[NOT_STARTED]),
                                         done=count(counts["submitted"])))
        else:
            self.empty_note.setText(self.tr("Chưa có hồ sơ nào để chấm. Hồ sơ được giao cho hội đồng mà bạn là "
                                            "thành viên chấm điểm sẽ hiện ở đây."))

    def _show_empty(self, empty: bool) -> None:
        self.table.setVisible(not empty)
        self.summary.setVisible(not empty)
        self.empty_note.setVisible(empty)
        self.stack.setVisible(not empty)

    def _list_failed(self, error: Exception) -> None:
        self.summary.setText(error_text(error))

    def _current_row(self) -> MySheetRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _select(self, identity) -> None:
        found = self.model.find(identity)
        if found is not None:
            self.table.setCurrentIndex(self.model.index(found, sheets_model.PRODUCT))
            self.table.scrollTo(self.model.index(found, 0))

    def _select_sheet(self, sheet_id: str) -> None:
        self._quiet = True
        try:
            self._select(sheet_id)
        finally:
            self._quiet = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self._show_row(self.model.row_at(current.row()))

    def _activated(self, index: QModelIndex) -> None:
        """Enter (or a double click) on a row goes to work: it starts a waiting dossier, and on a sheet it
        moves the keyboard into the sheet at its first unanswered criterion."""
        row = self.model.row_at(index.row())
        if row.sheet_id is None:
            self._pending_start = row
            self.start_pending()
        else:
            self.open_sheet(row.sheet_id)
            self.sheet.next_unanswered()

    def _show_row(self, row: MySheetRow) -> None:
        if row.sheet_id:
            self.open_sheet(row.sheet_id)
            return
        # Merely looking at a waiting dossier must not create a sheet; starting is a deliberate click.
        self._pending_start = row
        self.start_title.setText(row.product_name)
        self.start_details.setText(self.tr("Hồ sơ {code} · Thành viên chấm: {member}\n\nChưa có phiếu chấm cho "
                                           "hồ sơ này. Phiếu sẽ dùng bộ tiêu chí của đợt đánh giá.").format(
            code=row.dossier_code, member=row.member_name))
        self.start_error.clear()
        self.stack.setCurrentIndex(1)

    # -- opening and starting sheets --

    def open_sheet(self, sheet_id: str) -> None:
        if self.sheet.view is None or self.sheet.view.sheet_id != sheet_id:
            self.sheet.load(sheet_id)
        self.stack.setCurrentIndex(0)

    def start_pending(self) -> None:
        row = self._pending_start
        if row is None:
            return
        self.context.runner.write(
            lambda s: sheets.start_sheet(s, dossier_id=row.dossier_id, member_id=row.member_id,
                                         evaluation_id=row.evaluation_id),
            done=self._started, failed=self._start_failed)

    def _started(self, changes: Changes) -> None:
        self.open_sheet(changes.id)
        self.sheet.next_unanswered()

    def _start_failed(self, error: Exception) -> None:
        self.start_error.setText(error_text(error))
