"""The "Bản đồ" section: producers on an offline basemap, narrowed by the filter the dossier list shares.

A search box finds a producer; "Đến xã" zooms to a commune; the legend, scale bar and the basemap's credits
stay on the map; the view exports as a PNG or an A4 PDF. Clicking a producer opens its card, whose "Mở hồ sơ"
asks the window (``dossier_requested``) to open that dossier in Hồ sơ. The producers come from
services.producer_map through the runner, and are read again only when the data version moved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import words
from ocop_desktop.maps.clusters import ClusterStore
from ocop_desktop.maps.mercator import EARTH_CIRCUMFERENCE_M, TILE_SIZE
from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.list_model import DossierFilter
from ocop_desktop.ui.map import export
from ocop_desktop.ui.map.background import Background
from ocop_desktop.ui.map.card import ProducerCard
from ocop_desktop.ui.map.filter_bar import MapFilterBar
from ocop_desktop.ui.map.search import ProducerSearch, SearchIndex, search_index
from ocop_desktop.ui.map.selection import MapSelection, select
from ocop_desktop.ui.map.sources import MapSources
from ocop_desktop.ui.map.tiles import TileLayer
from ocop_desktop.ui.map.view import MapView

if TYPE_CHECKING:  # the service (SQLAlchemy) loads on the database thread, not with this screen
    from ocop_desktop.services.producer_map import Place, ProducerMap

WATCHED = frozenset({"producers", "products", "dossiers", "recognitions"})
HA_TINH = (18.2912, 105.735)
PRODUCER_ZOOM = 15.0


def commune_zoom(place: Place, view_px: int) -> float:
    """A zoom at which the commune's whole area (a disc of its size, twice over) fits the view."""
    radius_m = math.sqrt((place.area_km2 or 50.0) / math.pi) * 1000
    metres_per_px = 2.4 * radius_m / max(view_px, 100)
    ground = EARTH_CIRCUMFERENCE_M * math.cos(math.radians(place.lat or HA_TINH[0]))
    return math.log2(ground / (TILE_SIZE * metres_per_px))


class MapPage(QWidget):
    dossier_requested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None, sources: MapSources | None = None):
        super().__init__(parent)
        self.context = context
        self.sources = sources or MapSources(context.paths)
        synchronous = context.runner.synchronous
        self.tiles = TileLayer(self.sources.chain, synchronous=synchronous, parent=self)
        self.view = MapView(self.tiles, self)
        self.store = ClusterStore()
        self.worker = Background(synchronous=synchronous, parent=self)
        self.data: ProducerMap | None = None
        self.selection: MapSelection | None = None
        self._loading = self._stale = False
        self._fitted = False  # the province is framed once the view has its real size
        # Replaceable in tests: a file dialog would block an offscreen run.
        self.ask_path: Callable[[str, str], str] = self._ask_path
        self._build()
        self._connect()
        self._show_sources()
        lat, lon, zoom = self.sources.centre() or (*HA_TINH, 9)
        self.view.set_view(lat, lon, float(zoom))
        self.reload()

    def _build(self) -> None:
        self.search = ProducerSearch(self)
        self.communes = QComboBox(self)
        self.communes.setMinimumContentsLength(14)
        self.communes.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.communes.setToolTip(self.tr("Phóng tới một xã/phường"))
        self.legend_button = QToolButton(self)
        self.legend_button.setText(self.tr("Chú giải"))
        self.legend_button.setCheckable(True)
        self.legend_button.setChecked(True)
        self.png_button = QPushButton(self.tr("Xuất PNG…"), self)
        self.pdf_button = QPushButton(self.tr("Xuất PDF…"), self)
        self.pdf_button.setToolTip(self.tr("Trang A4 có chú giải, thước tỉ lệ và nguồn bản đồ, để đưa vào báo cáo"))
        self.filters = MapFilterBar(self.context.dossier_filter, self)
        self.card = ProducerCard(self)
        self.card.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(QLabel(self.tr("Đến xã:"), self))
        top.addWidget(self.communes, 1)
        for widget in (self.legend_button, self.png_button, self.pdf_button):
            top.addWidget(widget)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.context.dossier_filter.changed.connect(lambda _value: self._select())
        self.view.producer_clicked.connect(self.open_card)
        self.search.chosen.connect(self.go_to_producer)
        self.communes.activated.connect(self._commune_chosen)
        self.legend_button.toggled.connect(self._toggle_legend)
        self.png_button.clicked.connect(self.export_png)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.card.open_dossier.connect(self.dossier_requested)
        self.card.closed.connect(lambda: self.view.layer.select(None))
        self.tiles.updated.connect(self._show_status)

    # -- data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the producers again if the data version moved since the last read."""
        if self._loading:
            self._stale = True  # one more read after this one covers every change meanwhile
            return
        self._loading, self._stale = True, False
        shown = self.data.version if self.data is not None else None

        def work(session) -> tuple[ProducerMap, SearchIndex] | None:
            from ocop_desktop.services.producer_map import load_producer_map

            data = load_producer_map(session, shown)
            # The search texts are folded here too, away from the UI thread: 20,000 names take a while.
            return None if data is None else (data, search_index(data.producers))

        self.context.runner.read(work, done=self._loaded, failed=self._failed)

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & WATCHED:
            self.reload()

    def _loaded(self, loaded: tuple[ProducerMap, SearchIndex] | None) -> None:
        self._loading = False
        if self._stale:
            self.reload()
            return
        if loaded is None:
            return  # what is shown is current
        data, index = loaded
        first = self.data is None
        self.data = data
        self.filters.set_choices(data)
        self.search.set_index(index)
        self._fill_communes(data)
        self._select()
        if first and self.isVisible():
            self._fit_province(data)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.data is not None and not self._fitted:
            self._fit_province(self.data)

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self.status.setText(self.tr("Không tải được dữ liệu bản đồ. {error}").format(error=words.error_text(error)))

    def _select(self) -> None:
        data, shared, store = self.data, self.context.dossier_filter.value, self.store
        if data is not None:
            self.worker.run(lambda: select(data, shared, store), done=self._apply, failed=self._failed)

    def _apply(self, selection: MapSelection) -> None:
        self.selection = selection
        self.view.layer.set_selection(selection)
        self.view.layer.select(self.card.producer.id if self.card.isVisible() and self.card.producer else None)
        self.view.refresh()
        producer = self.card.producer
        if producer is not None and self.card.isVisible():
            if producer.id in selection.producers:
                self.open_card(producer.id, move=False)
            else:
                self.card.hide()  # the filter no longer shows it
        self._show_status()

    def _fill_communes(self, data: ProducerMap) -> None:
        self.communes.blockSignals(True)
        self.communes.clear()
        self.communes.addItem(self.tr("Toàn tỉnh"), None)
        for place in data.places:
            if place.level == "commune" and place.lat is not None and place.lon is not None:
                self.communes.addItem(place.name, place.code)
        self.communes.blockSignals(False)

    def _fit_province(self, data: ProducerMap) -> None:
        self._fitted = True
        points = [(p.lat, p.lon) for p in data.places if p.level == "commune" and p.lat is not None
                  and p.lon is not None]
        if points:
            lats, lons = [p[0] for p in points], [p[1] for p in points]
            self.view.fit(min(lons) - 0.05, min(lats) - 0.05, max(lons) + 0.05, max(lats) + 0.05)

    # -- what a person does -----------------------------------------------------------------------

    def open_card(self, producer_id: str, move: bool = False) -> None:
        selection = self.selection
        producer = selection.producers.get(producer_id) if selection is not None else None
        if producer is None or selection is None:
            return
        self.card.show_producer(producer, selection.dossiers.get(producer_id, []), selection.data.today)
        self.view.layer.select(producer_id)
        if move and producer.lat is not None and producer.lon is not None:
            self.view.set_view(producer.lat, producer.lon, max(self.view.zoom, PRODUCER_ZOOM))

    def go_to_producer(self, producer_id: str) -> None:
        """From the search box: the producer's card, and the map on it when it has a location."""
        selection = self.selection
        producers = self.data.producers if self.data is not None else ()
        producer = next((p for p in producers if p.id == producer_id), None)
        if producer is None:
            return
        if selection is not None and producer_id not in selection.producers:
            self.status.setText(self.tr("{name} không nằm trong bộ lọc đang chọn; bỏ lọc để thấy trên bản đồ.")
                                .format(name=producer.name))
            return
        if producer.lat is None:
            self.status.setText(words.code_text("point_no_location"))
        self.open_card(producer_id, move=True)

    def _commune_chosen(self, row: int) -> None:
        code = self.communes.itemData(row)
        place = next((p for p in self.data.places if p.code == code), None) if self.data and code else None
        if place is None or place.lat is None or place.lon is None:
            if self.data is not None:
                self._fit_province(self.data)
            return
        size = min(self.view.viewport().width(), self.view.viewport().height())
        self.view.set_view(place.lat, place.lon, commune_zoom(place, size))

    def _toggle_legend(self, shown: bool) -> None:
        self.view.show_legend = shown
        self.view.viewport().update()

    def reload_sources(self) -> None:
        """After a basemap import or a change to the online source: tiles are read anew from the new chain."""
        self.sources.reopen()
        self.tiles.chain = self.sources.chain
        self.tiles.clear()
        self._show_sources()

    def _show_sources(self) -> None:
        self.view.attribution = self.sources.attribution()
        self._show_status()

    def _show_status(self) -> None:
        parts = []
        selection = self.selection
        if selection is not None:
            parts.append(self.tr("%n chủ thể trên bản đồ", "", selection.shown))
            if selection.unlocated:
                parts.append(self.tr("%n chủ thể chưa có vị trí nên chưa hiện", "", selection.unlocated))
        elif self.data is None:
            parts.append(self.tr("Đang tải chủ thể…"))
        if not self.sources.basemaps.readers:
            parts.append(self.tr("Không có bản đồ nền dùng được; chủ thể vẫn hiện trên nền trống."))
        parts += [words.error_text(problem) for problem in self.sources.problems]
        if self.tiles.problems():
            parts.append(self.tr("Một số ô bản đồ bị lỗi nên để trống; phần còn lại vẫn dùng được."))
        self.status.setText(" · ".join(parts))

    # -- export -----------------------------------------------------------------------------------

    def _ask_path(self, title: str, pattern: str) -> str:
        return QFileDialog.getSaveFileName(self, title, str(Path.home()), pattern)[0]

    def export_png(self) -> None:
        path = self.ask_path(self.tr("Xuất bản đồ (PNG)"), self.tr("Ảnh PNG (*.png)"))
        if path:
            self._export(lambda: export.export_png(self.view, path))

    def export_pdf(self) -> None:
        path = self.ask_path(self.tr("Xuất bản đồ (PDF)"), self.tr("Tài liệu PDF (*.pdf)"))
        if path:
            self._export(lambda: export.export_pdf(self.view, path, title=self.tr("Bản đồ chủ thể OCOP tỉnh Hà Tĩnh"),
                                                   subtitle=self.describe(), attribution=self.sources.attribution()))

    def _export(self, write: Callable[[], Path]) -> None:
        try:
            written = write()
        except Exception as exc:  # a full disk, a folder without rights: said, and the map stays as it was
            self.status.setText(words.error_text(exc))
            return
        self.status.setText(self.tr("Đã lưu {path}").format(path=str(written)))

    def describe(self) -> str:
        """The filter and the count, in words, for a printed map's subtitle."""
        shared = self.context.dossier_filter.value
        chosen = [box.currentText() for box, value in (
            (self.filters.commune_box, shared.commune), (self.filters.group_box, shared.group),
            (self.filters.status_box, shared.status), (self.filters.stars_box, shared.stars)) if value is not None]
        if shared.expiring_days is not None:
            chosen.append(self.filters.expiring_box.text())
        shown = self.selection.shown if self.selection is not None else 0
        what = self.tr("%n chủ thể", "", shown)
        if shared == DossierFilter():
            return self.tr("Tất cả chủ thể có vị trí ({what})").format(what=what)
        return self.tr("Lọc: {filters} ({what})").format(filters=", ".join(chosen), what=what)

    def shutdown(self) -> None:
        self.worker.wait()
        self.tiles.shutdown()
        self.sources.close()
