"""The "Tổng quan" section: where OCOP stands in the province, every figure from services.overview.

A click on a figure, a table cell or a bar narrows the filter Hồ sơ and Bản đồ share (ui/dossier_filter.py) and
asks the window for the section chosen in "Mở trong", which then shows the dossiers that figure counted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.changes import Changes
from ocop_desktop.services.overview import Overview, load_overview
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.list_model import DossierFilter
from ocop_desktop.ui.overview.charts import BarChart, chart_png
from ocop_desktop.ui.overview.exports import OverviewExports
from ocop_desktop.words import dossier_statuses

STARS = (3, 4, 5)
FILTER_ROLE = Qt.ItemDataRole.UserRole  # a cell's DossierFilter fields, as a dict
# What the figures are counted from: a change elsewhere (a score line, a lot) leaves them as they are.
WATCHED = frozenset({"producers", "products", "dossiers", "recognitions", "councils", "council_members",
                     "council_assignments", "score_sheets", "criteria_set_versions"})


class OverviewPage(QWidget):
    section_requested = Signal(str)  # the window shows that section (the main window connects it)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.data: Overview | None = None
        self._build()

    def _build(self) -> None:
        self.total = QLabel(self)
        self.total.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.expiry_buttons = [QPushButton(self) for _ in range(3)]
        self.target = QComboBox(self)
        self.target.addItem(self.tr("Danh sách hồ sơ"), "dossiers")
        self.target.addItem(self.tr("Bản đồ"), "map")
        self.target.setToolTip(self.tr("Bấm vào một số liệu để mở các hồ sơ của nó, đã lọc sẵn"))
        top = QHBoxLayout()
        top.addWidget(self.total)
        top.addStretch(1)
        self.exports = OverviewExports(self.context, self, self.chart_pictures)
        top.addWidget(self.exports.button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Mở trong:"), self))
        top.addWidget(self.target)
        expiring = QHBoxLayout()  # a line of its own: beside the total it would not fit a 1024-pixel screen
        for button in self.expiry_buttons:
            expiring.addWidget(button)
        expiring.addStretch(1)
        self.years_chart = BarChart(self.tr("Sản phẩm theo hạng sao qua các năm"), self)
        self.pipeline_chart = BarChart(self.tr("Hồ sơ theo trạng thái"), self)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.years_chart)
        charts.addWidget(self.pipeline_chart)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(charts)
        body.addWidget(self._build_tables())
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([3000, 2000])  # in proportion: the charts get the larger share
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(expiring)
        layout.addWidget(body, 1)
        for number, button in enumerate(self.expiry_buttons):
            button.clicked.connect(lambda _checked=False, n=number: self._expiring_clicked(n))
        self.years_chart.bar_clicked.connect(lambda _index, stars: self.drill(stars=stars))
        self.pipeline_chart.bar_clicked.connect(self._status_bar_clicked)
        self.year_box.currentIndexChanged.connect(lambda _i: self._fill_tables())
        self.group_box.currentIndexChanged.connect(lambda _i: self._fill_tables())

    def _build_tables(self) -> QWidget:
        """The year and group choices over the tabs of tables."""
        self.year_box, self.group_box = QComboBox(self), QComboBox(self)
        for box in (self.year_box, self.group_box):
            # Filled after the first layout: without this a box keeps the width of its first, shortest item.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_box.setToolTip(self.tr("Chỉ tính các sản phẩm được công nhận trong năm này"))
        self.group_box.setToolTip(self.tr("Chỉ tính các sản phẩm thuộc nhóm này; bấm vào ô sẽ lọc cả nhóm"))
        narrow = QHBoxLayout()
        narrow.addWidget(QLabel(self.tr("Năm công nhận:"), self))
        narrow.addWidget(self.year_box)
        narrow.addWidget(QLabel(self.tr("Nhóm sản phẩm:"), self))
        narrow.addWidget(self.group_box)
        narrow.addStretch(1)
        self.tabs = QTabWidget(self)
        self.by_commune, self.by_group, self.by_year = (self._table() for _ in range(3))
        self.pipeline_table, self.councils_table = self._table(), self._table()
        for table, title in ((self.by_commune, self.tr("Theo xã")), (self.by_group, self.tr("Theo nhóm sản phẩm")),
                             (self.by_year, self.tr("Theo năm công nhận")),
                             (self.pipeline_table, self.tr("Hồ sơ đang chờ")),
                             (self.councils_table, self.tr("Tiến độ hội đồng"))):
            self.tabs.addTab(table, title)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(narrow)
        lower_layout.addWidget(self.tabs, 1)
        return lower

    def _table(self) -> QTableWidget:
        table = QTableWidget(self)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setMinimumSectionSize(90)
        table.cellClicked.connect(lambda row, column, t=table: self._cell_clicked(t, row, column))
        return table

    # -- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self.context.runner.read(load_overview, done=self.show_overview)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.data is None:
            self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & WATCHED or not changes.entities:
            self.reload()

    def show_overview(self, data: Overview) -> None:
        self.data = data
        self.total.setText(self.tr("{n} sản phẩm OCOP được công nhận, {m} còn hiệu lực").format(
            n=data.recognised_total, m=data.in_force))
        for button, band in zip(self.expiry_buttons, data.expiring, strict=True):
            button.setText(self.tr("Hết hạn trong {m} tháng: {n}").format(m=band.months, n=band.count))
        years = sorted(data.stars_by_year)
        self.years_chart.show_bars([str(y) for y in years],
                                   {s: [data.stars_by_year[y].get(s, 0) for y in years] for s in STARS},
                                   {s: self.tr("{n} sao").format(n=s) for s in STARS})
        names = dossier_statuses()
        self.pipeline_chart.show_bars([names.get(s.status, s.status) for s in data.pipeline],
                                      {-1: [s.count for s in data.pipeline]}, {})
        self._fill_choices(data)
        self._fill_tables()
        self._fill_pipeline(data)
        self._fill_councils(data)

    def _fill_choices(self, data: Overview) -> None:
        """Keeps the chosen year and group across a reload when they still have products."""
        for box, values, names, everything in (
                (self.year_box, sorted({k.year for k in data.recognised}, reverse=True), {}, self.tr("Mọi năm")),
                (self.group_box, sorted({k.group for k in data.recognised}), data.group_names,
                 self.tr("Mọi nhóm"))):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for value in values:
                box.addItem(f"{value} · {names[value]}" if value in names else str(value), value)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.blockSignals(False)

    def _fill_tables(self) -> None:
        data = self.data
        if data is None:
            return
        year, group = self.year_box.currentData(), self.group_box.currentData()
        self._fill_recognised(self.by_commune, data.recognised_by("commune_code", year=year, group=group),
                              data.commune_names, "commune", group)
        self._fill_recognised(self.by_group, data.recognised_by("group", year=year, group=group),
                              data.group_names, "group", None)
        self._fill_recognised(self.by_year, data.recognised_by("year", year=year, group=group), {}, None, group)

    def _fill_recognised(self, table: QTableWidget, counts: dict, names: dict[str, str], field: str | None,
                         group: str | None) -> None:
        headers = [self.tr("Xã") if field == "commune" else self.tr("Nhóm") if field == "group" else self.tr("Năm"),
                   *(self.tr("{n} sao").format(n=s) for s in STARS), self.tr("Tổng")]
        rows = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), str(kv[0])))
        if field is None:
            rows = sorted(counts.items(), reverse=True)
        cells = []
        for key, by_stars in rows:
            narrowed = ({field: key} if field else {}) | ({"group": group} if group else {})
            label = f"{key} · {names[key]}" if field == "group" and key in names else names.get(key, str(key))
            cells.append([(label, narrowed), *((str(by_stars.get(s, 0)), {**narrowed, "stars": s}) for s in STARS),
                          (str(sum(by_stars.values())), narrowed)])
        self._fill(table, headers, cells)

    def _fill_pipeline(self, data: Overview) -> None:
        names = dossier_statuses()
        cells = [[(names.get(s.status, s.status), {"status": s.status}), (str(s.count), {"status": s.status}),
                  (self.tr("{n} ngày").format(n=s.oldest_days) if s.count else "–", {"status": s.status}),
                  (str(s.long_waiting), {"status": s.status})] for s in data.pipeline]
        self._fill(self.pipeline_table, [self.tr("Trạng thái"), self.tr("Số hồ sơ"), self.tr("Chờ lâu nhất"),
                                         self.tr("Chờ từ 30 ngày")], cells)

    def _fill_councils(self, data: Overview) -> None:
        cells = []
        for c in data.councils:
            share = f"{100 * c.submitted // c.expected} %" if c.expected else "–"
            cells.append([(c.name, None), (str(c.submitted), None), (str(c.expected), None), (share, None)])
        self._fill(self.councils_table, [self.tr("Hội đồng"), self.tr("Phiếu đã nộp"), self.tr("Phiếu cần nộp"),
                                         self.tr("Tiến độ")], cells)

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str],
              cells: Sequence[Sequence[tuple[str, dict[str, Any] | None]]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(cells))
        for row, line in enumerate(cells):
            for column, (text, narrowed) in enumerate(line):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(FILTER_ROLE, narrowed)
                table.setItem(row, column, item)
        if headers:
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def chart_pictures(self) -> list[bytes]:
        return [chart_png(self.years_chart), chart_png(self.pipeline_chart)]

    # -- drill-down ---------------------------------------------------------------------------

    def drill(self, **fields: object) -> None:
        """Narrows the shared filter to ``fields`` alone and shows the section chosen in "Mở trong"."""
        self.context.dossier_filter.set(DossierFilter(**fields))  # type: ignore[arg-type]  # its own fields
        self.section_requested.emit(self.target.currentData())

    def _cell_clicked(self, table: QTableWidget, row: int, column: int) -> None:
        item = table.item(row, column)
        narrowed = item.data(FILTER_ROLE) if item is not None else None
        if narrowed:
            self.drill(**narrowed)

    def _expiring_clicked(self, number: int) -> None:
        if self.data is not None:
            self.drill(expiring_days=self.data.expiring[number].days)

    def _status_bar_clicked(self, index: int, _series: int) -> None:
        if self.data is not None:
            self.drill(status=self.data.pipeline[index].status)
