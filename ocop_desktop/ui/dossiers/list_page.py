"""The "Hồ sơ" section: every dossier in one table, searched as you type and narrowed by filters."""

from __future__ import annotations

import logging
from collections.abc import Hashable
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import formats, words
from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import list_cache, list_columns
from ocop_desktop.ui.dossiers import list_model as m

log = logging.getLogger(__name__)
WATCHED = frozenset({"dossiers", "products", "producers", "recognitions"})
SHORT = 340  # a list less tall than this folds its filters away


class DossierListPage(QWidget):
    dossier_activated = Signal(str)  # a dossier id, on double-click or Enter
    new_requested = Signal()  # "Hồ sơ mới…": the section asks what to register

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._loading = False
        self._stale = False  # something changed while a load was running
        self._keep_id: str | None = None
        self._filters_chosen = False  # the person has folded or unfolded the filters: no longer automatic
        self.model = m.DossierTableModel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm hồ sơ, sản phẩm, chủ thể, xã…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.count_label = QLabel(self)
        # Room for the widest count, so the search box does not change width on every keystroke.
        widest = self.tr("{shown} / {total} hồ sơ").format(shown="000.000", total="000.000")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.commune_box, self.group_box, self.status_box, self.stars_box = (self._combo() for _ in range(4))
        self._fill(self.status_box, list(words.dossier_statuses().items()))
        self._fill(self.stars_box, [(n, formats.stars(n or None)) for n in (5, 4, 3, 0)])
        self.expiring_box = QCheckBox(self.tr("Sắp hết hạn công nhận (6 tháng)"), self)
        self.table = self._make_table()
        self._lay_out()
        self._connect()
        # The list as it was last loaded on this laptop, shown at once; the load below replaces it only
        # if the database has changed since (list_cache).
        self._cache = context.paths.cache / list_cache.FILE_NAME
        saved = list_cache.load(self._cache, context.paths.database)
        if saved is not None:
            self._show(saved)
        self.reload()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("Hồ sơ mới…"), self)
        self.new_button.setToolTip(self.tr("Tạo hồ sơ cho một sản phẩm; chủ thể và sản phẩm chưa có được đăng ký luôn"))
        self.new_button.clicked.connect(lambda: self.new_requested.emit())
        self.new_button.hide()  # shown by the section to those who register dossiers, once it knows who they are
        top.addWidget(self.new_button)
        # The filters fold away when the list is short (a 1024×600 screen with a dossier open) so that the
        # table keeps its rows; this button brings them back, and from then on the person's choice holds.
        self.filters_button = QToolButton(self)
        self.filters_button.setText(self.tr("Bộ lọc"))
        self.filters_button.setCheckable(True)
        self.filters_button.setChecked(True)
        self.filters_button.clicked.connect(lambda: setattr(self, "_filters_chosen", True))
        top.addWidget(self.filters_button)
        # Two rows of filters: in one row they made the list 1,100 px wide at least, more than a
        # laptop screen leaves beside the dossier editor.
        self.filter_panel = QWidget(self)
        self.filters_button.toggled.connect(self.filter_panel.setVisible)
        filters = QGridLayout(self.filter_panel)
        filters.setContentsMargins(0, 0, 0, 0)
        for n, (label, box) in enumerate(((self.tr("Xã/phường:"), self.commune_box),
                                          (self.tr("Nhóm sản phẩm:"), self.group_box),
                                          (self.tr("Trạng thái:"), self.status_box),
                                          (self.tr("Hạng sao:"), self.stars_box))):
            caption = QLabel(label, self)
            caption.setBuddy(box)
            filters.addWidget(caption, n // 2, (n % 2) * 2)
            filters.addWidget(box, n // 2, (n % 2) * 2 + 1)
        filters.addWidget(self.expiring_box, 2, 0, 1, 4)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.table, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._filters_chosen:  # folded below SHORT px, open again above it (a margin against flicker)
            height = event.size().height()
            if height < SHORT or height > SHORT + 40:
                self.filters_button.setChecked(height >= SHORT)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self._enter_table)
        for box in (self.commune_box, self.group_box, self.status_box, self.stars_box):
            box.currentIndexChanged.connect(self._choose)
        self.expiring_box.toggled.connect(self._choose)
        # The filter is the window's, shared with the map: a choice made there narrows this list too.
        self.context.dossier_filter.changed.connect(self._apply_filter)
        self.table.activated.connect(self._activated)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._after_reset)

    def _combo(self) -> QComboBox:
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
        box.setMaxVisibleItems(20)
        return box

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        # Tab leaves the list for the editor: moving cell by cell it wrapped into the next row and opened it.
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        # Fixed row heights: the view never measures rows, so 50,000 of them cost what 50 do.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(60)
        header.setStretchLastSection(False)
        # Sized by the list's width (list_columns) until the person drags a column; then their widths stay.
        self._columns_by_hand = self._fitting = False
        header.sectionResized.connect(self._column_dragged)
        table.viewport().installEventFilter(self)
        header.setSortIndicator(m.PRODUCT, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        room = self.table.viewport().width()
        header = self.table.horizontalHeader()
        left_out = list_columns.hidden(room)
        self._fitting = True
        try:
            for column in range(header.count()):
                header.setSectionHidden(column, column in left_out)
            if not self._columns_by_hand:
                for column, width in list_columns.widths(room).items():
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _column_dragged(self, _column: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self._columns_by_hand = True

    def width_wanted(self) -> int:
        """What the list needs to show every column whole, without a sideways scroll bar."""
        margins = self.layout().contentsMargins()
        return (list_columns.wanted() + self.table.verticalScrollBar().sizeHint().width()
                + 2 * self.table.frameWidth() + margins.left() + margins.right())

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads every dossier again on the database thread; filters, sort and selection are kept."""
        if self._loading:
            # A sync can report many changes in a second: one more load after this one covers them
            # all, where a load per change would keep the database thread busy for nothing.
            self._stale = True
            return
        self._loading, self._stale = True, False
        # The start-up order (by product) is worked out too, so the saved copy has it ready.
        sort_columns = {m.PRODUCT} | ({self.model.sort_column} - {None})
        shown, cache, database = self.model.version, self._cache, self.context.paths.database
        if self.model.total_count() == 0:
            self.count_label.setText(self.tr("Đang tải…"))

        def work(session) -> m.Prepared | None:
            from ocop_desktop.services.dossier_list import (
                cycle_collector_paused,
                list_version,
                load_dossier_rows,
                subgroup_names,
            )

            version = list_version(session)
            if version is not None and version == shown:
                return None  # what is on screen is current
            rows = load_dossier_rows(session)
            with cycle_collector_paused():
                prepared = m.prepare(rows, subgroup_names(session), sort_columns, version)
            try:
                list_cache.save(cache, database, prepared)
            except Exception:  # a full disk, say: the copy is optional, and the next start just waits
                log.warning("could not save the dossier list for the next start", exc_info=True)
            return prepared

        self.context.runner.read(work, done=self._loaded, failed=self._load_failed)

    @property
    def loading(self) -> bool:
        """A load (or the check that the list shown is current) is under way."""
        return self._loading

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & WATCHED:
            self.reload()

    def _loaded(self, prepared: m.Prepared | None) -> None:
        self._loading = False
        if self._stale:  # read before the latest change: show the next answer instead
            self.reload()
            return
        if prepared is not None:
            self._show(prepared)
        else:
            self._show_count()

    def _show(self, prepared: m.Prepared) -> None:
        self.model.set_prepared(prepared)
        self._fill(self.commune_box, prepared.communes)
        self._fill(self.group_box, prepared.groups)
        self._apply_filter()
        self._show_count()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        if self._stale:
            self.reload()
            return
        self.count_label.setText(self.tr("Không tải được danh sách hồ sơ. {error}").format(
            error=words.error_text(error)))

    def _fill(self, box: QComboBox, items: list[tuple[Hashable, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)  # the filter is applied once, after every box is filled
        box.clear()
        box.addItem(self.tr("Tất cả"), None)
        for value, label in items:
            box.addItem(label, value)
        position = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(position, 0))
        box.blockSignals(False)

    # -- filtering and selection ----------------------------------------------------------------

    def _choose(self) -> None:
        expiring = m.EXPIRY_WARNING_DAYS if self.expiring_box.isChecked() else None
        self.context.dossier_filter.set(m.DossierFilter(
            commune=self.commune_box.currentData(), group=self.group_box.currentData(),
            status=self.status_box.currentData(), stars=self.stars_box.currentData(), expiring_days=expiring))

    def _apply_filter(self) -> None:
        shared = self.context.dossier_filter.value
        for box, value in ((self.commune_box, shared.commune), (self.group_box, shared.group),
                           (self.status_box, shared.status), (self.stars_box, shared.stars)):
            self._select(box, value)
        self.expiring_box.blockSignals(True)
        self.expiring_box.setChecked(shared.expiring_days is not None)
        self.expiring_box.blockSignals(False)
        self.model.set_filter(replace(shared, text=self.search.text()))
        self._show_count()

    @staticmethod
    def _select(box: QComboBox, value: Hashable | None) -> None:
        position = box.findData(value) if value is not None else 0
        box.blockSignals(True)
        if position < 0:  # chosen on the map before this list had loaded its choices: shown, not dropped
            box.addItem(str(value), value)
            position = box.count() - 1
        box.setCurrentIndex(position)
        box.blockSignals(False)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{shown} / {total} hồ sơ").format(
            shown=formats.count(self.model.rowCount()), total=formats.count(self.model.total_count())))

    def _remember_current(self) -> None:
        current = self.table.currentIndex()
        self._keep_id = self.model.data(current, m.ID_ROLE) if current.isValid() else None

    def _after_reset(self) -> None:
        # A reset forgets the selection; the dossier a person was on stays selected while it is shown.
        row = self.model.row_of(self._keep_id) if self._keep_id else -1
        if row >= 0:
            self._select_row(row)

    def _enter_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self._select_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_row(self, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def _activated(self, index) -> None:
        dossier_id = self.model.data(index, m.ID_ROLE)
        if dossier_id:
            self.dossier_activated.emit(dossier_id)
