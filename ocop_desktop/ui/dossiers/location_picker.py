"""The producer's point on a small map, in the dossier editor's Vị trí tab: click the map or drag the point.

It offers the point of an attached photo whose EXIF says where it was taken, and warns (never refuses) when a
point lies outside Hà Tĩnh or far from the producer's commune. What it finds reaches the form through
``picked`` (lat, lon, source, accuracy in metres or None): the form holds the values and saves them with the
rest of the producer. The basemap opens the first time the tab is shown, not for every dossier opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import formats, words
from ocop_desktop.maps.mercator import to_lat_lon, to_world
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.map.sources import MapSources
from ocop_desktop.ui.map.tiles import TileLayer
from ocop_desktop.ui.map.view import MapView

if TYPE_CHECKING:  # services load on the database thread, not with this screen
    from ocop_desktop.services.dossier_view import DossierView
    from ocop_desktop.services.producer_location import LocationHelp, PhotoPoint

CLICK_PX = 5  # how far from where a person meant a click or a drop lands, for the accuracy it implies
# Two levels past the shipped basemap's last (12): closer, its labels would blur; a person zooms in to place.
POINT_ZOOM = 14.0


class AccuracySpin(QDoubleSpinBox):
    """A position's accuracy in metres; its lowest value reads "Không rõ" (not known)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLocale(QLocale.c())
        self.setDecimals(1)
        self.setRange(0.0, 100_000.0)
        self.setSingleStep(5.0)
        self.setSuffix(" m")
        self.setSpecialValueText(self.tr("Không rõ"))
        self.setMaximumWidth(200)


def _point_pixmap() -> QPixmap:
    pixmap = QPixmap(26, 26)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 3))
    painter.setBrush(QColor("#c5221f"))
    painter.drawEllipse(4, 4, 18, 18)
    painter.setPen(QPen(QColor("white"), 2))
    painter.drawLine(13, 8, 13, 18)
    painter.drawLine(8, 13, 18, 13)
    painter.end()
    return pixmap


class PickerView(MapView):
    """A map on which a click, or dropping the point after a drag, sets the producer's position."""

    placed = Signal(float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(None, parent)
        self.editable = True
        self.show_legend = False
        self.point = QGraphicsPixmapItem(_point_pixmap())
        self.point.setOffset(-13, -13)
        self.point.setZValue(50)
        self.point.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.point.setCursor(Qt.CursorShape.OpenHandCursor)
        self.point.hide()
        self.scene().addItem(self.point)

    def show_point(self, lat: float | None, lon: float | None) -> None:
        if lat is None or lon is None:
            self.point.hide()
            return
        self.point.setPos(QPointF(*to_world(lat, lon)))
        self.point.show()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.point.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editable)

    def empty_click(self, position: QPoint) -> bool:
        if not self.editable or self.point in self.items(position):
            return False
        self._place(self.mapToScene(position))
        return True

    def mouseReleaseEvent(self, event) -> None:
        dragged = self.point.isVisible() and self.scene().mouseGrabberItem() is self.point
        super().mouseReleaseEvent(event)
        if dragged and self.editable:
            self._place(self.point.pos())

    def _place(self, scene_point: QPointF) -> None:
        lat, lon = to_lat_lon(scene_point.x(), scene_point.y())
        self.show_point(lat, lon)
        self.placed.emit(lat, lon)


class LocationPicker(QWidget):
    picked = Signal(float, float, str, object)  # lat, lon, source, accuracy in metres (None: not known)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.help: LocationHelp | None = None
        self.sources: MapSources | None = None
        self._asked: tuple[str, tuple[str, ...]] | None = None
        self._photo: PhotoPoint | None = None
        hint = QLabel(self.tr("Bấm vào bản đồ hoặc kéo điểm đỏ tới cơ sở sản xuất; lăn chuột hoặc bấm +/− để "
                              "phóng to, kéo bản đồ để di chuyển."), self)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.view = PickerView(self)
        self.view.setMinimumHeight(300)
        self.view.setMaximumHeight(420)
        self.view.placed.connect(self._placed)
        self.photo_note = QLabel(self)
        self.photo_note.setWordWrap(True)
        self.use_photo = QPushButton(self.tr("Dùng vị trí trong ảnh"), self)
        self.use_photo.clicked.connect(self._use_photo)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_note, 1)
        photo_row.addWidget(self.use_photo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(photo_row)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        self._show_photo(None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.sources is None:  # the basemap is opened once the tab is first looked at
            self.sources = MapSources(self.context.paths)
            self.view.tiles = TileLayer(self.sources.chain, synchronous=self.context.runner.synchronous, parent=self)
            self.view.tiles.updated.connect(self.view.viewport().update)
            self.view.attribution = self.sources.attribution()
            self.view.viewport().update()

    # -- what the form asks -----------------------------------------------------------------------

    def show_view(self, view: DossierView) -> None:
        """Reads the commune and the attached photos' GPS (once per producer and set of photos)."""
        producer = view.producer
        photos = tuple((d.id, d.file_name, d.sha256) for d in view.documents if d.is_image)
        asked = (producer.commune_code, tuple(p[2] for p in photos))
        if asked == self._asked:
            return
        self._asked = asked
        blobs, commune = self.context.blobs, producer.commune_code

        def work(session) -> LocationHelp:
            from ocop_desktop.services.producer_location import location_help

            return location_help(session, blobs, commune_code=commune, photos=photos)

        self.context.runner.read(work, done=lambda found: self._helped(found, asked))

    def _helped(self, found: LocationHelp, asked: tuple[str, tuple[str, ...]]) -> None:
        if asked != self._asked:
            return  # another producer is shown by now
        self.help = found
        self._show_photo(found.photos[0] if found.photos else None)

    def show_point(self, lat: float | None, lon: float | None, centre: bool = True) -> None:
        """Puts the point where the form says, and the map on it (or on the commune while there is none)."""
        self.view.show_point(lat, lon)
        if not centre:
            return
        if lat is not None and lon is not None:
            self.view.set_view(lat, lon, max(self.view.zoom, POINT_ZOOM))
        elif self.help is not None and self.help.commune is not None:
            self.view.set_view(self.help.commune.lat, self.help.commune.lon, 12.0)

    def set_editable(self, editable: bool) -> None:
        self.view.set_editable(editable)
        self.use_photo.setEnabled(editable and self._photo is not None)

    def warnings(self, lat: float, lon: float) -> list[str]:
        """What looks wrong with a point, in words; [] before the commune is known."""
        if self.help is None:
            return []
        from ocop_desktop.services.producer_location import location_warnings

        texts = words.location_warnings()
        return [texts[code].format(**{**params, **({"km": formats.decimal(params["km"])} if "km" in params else {})})
                for code, params in location_warnings(self.help, lat, lon)]

    # -- what a person does -------------------------------------------------------------------------

    def _placed(self, lat: float, lon: float) -> None:
        accuracy = round(max(1.0, self.view.metres_per_pixel() * CLICK_PX), 1)
        self.picked.emit(lat, lon, "map", accuracy)

    def _show_photo(self, photo: PhotoPoint | None) -> None:
        self._photo = photo
        self.use_photo.setVisible(photo is not None)
        self.photo_note.setVisible(photo is not None)
        if photo is None:
            return
        where = self.tr("vĩ độ {lat}, kinh độ {lon}").format(lat=formats.decimal(round(photo.lat, 6)),
                                                             lon=formats.decimal(round(photo.lon, 6)))
        if photo.accuracy_m is not None:
            where += self.tr(" (sai số khoảng {m} m)").format(m=formats.decimal(round(photo.accuracy_m, 1)))
        self.photo_note.setText(self.tr("Ảnh “{name}” có toạ độ GPS: {where}.").format(name=photo.file_name,
                                                                                      where=where))
        self.use_photo.setEnabled(self.view.editable)

    def _use_photo(self) -> None:
        photo = self._photo
        if photo is not None:
            self.show_point(photo.lat, photo.lon)
            self.picked.emit(photo.lat, photo.lon, "photo", photo.accuracy_m)

    def commune_centre(self) -> tuple[float, float, float] | None:
        """(lat, lon, radius in metres) of the producer's commune, for a first guess."""
        commune = self.help.commune if self.help is not None else None
        return None if commune is None else (commune.lat, commune.lon, round(commune.radius_km * 1000))
