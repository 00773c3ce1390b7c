"""The slippy map: a QGraphicsView whose scene units are Web-Mercator world pixels at zoom 20.

Tiles are painted in ``drawBackground`` from the TileLayer's decoded pixmaps (a parent scaled up while a tile
loads); producers are pixmap items that ignore the view's scale, refreshed by the MarkerLayer when the view
moves past its margin or changes zoom level. The scale bar, legend and attribution are painted in
``drawForeground`` over every frame. Pan with a drag or the arrow keys; zoom with the wheel, + and −, or a
double-click. A click on a cluster zooms to where it splits; a click on a producer emits ``producer_clicked``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from ocop_desktop.maps.mercator import TILE_SIZE, Z_REF, meters_per_pixel, to_lat_lon, to_world, visible_tiles
from ocop_desktop.ui.map import overlays
from ocop_desktop.ui.map.layer import MarkerLayer, floor_zoom
from ocop_desktop.ui.map.tiles import TileLayer

WORLD = TILE_SIZE * 2.0**Z_REF
MIN_ZOOM, MAX_ZOOM = 5.0, 17.0  # the shipped basemap starts at 5; 17 is its last zoom (12) scaled up 5 times
_LAND = QColor("#eef0ea")
_MISSING = QBrush(QColor("#d5d8d2"), Qt.BrushStyle.BDiagPattern)
_CLICK_SLOP = 5  # pixels a press may move and still be a click, not a drag
SETTLE_MS = 150


class MapView(QGraphicsView):
    producer_clicked = Signal(str)
    view_changed = Signal()

    def __init__(self, tiles: TileLayer | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles = tiles
        self.setScene(QGraphicsScene(0, 0, WORLD, WORLD, self))
        # Markers come and go by the hundred at each zoom level: an index would be rebuilt for each of them.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.layer = MarkerLayer(self.scene())
        self.attribution = ""
        self.show_legend = True
        self.overlays = True  # off while a PDF is drawn: it lays out its own, larger
        self._zoom = 9.0
        self._press: QPoint | None = None
        self._quiet = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.viewport().update)
        self._sprites: dict[tuple[str, ...], QPixmap] = {}
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Overlays sit still while the map moves under them: a scrolled viewport would drag them along.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self.setTransform(QTransform.fromScale(self.scale_factor(), self.scale_factor()))
        if tiles is not None:
            tiles.updated.connect(self.viewport().update)

    # -- position and zoom --------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    def scale_factor(self) -> float:
        return 2.0 ** (self._zoom - Z_REF)

    def visible_rect(self) -> QRectF:
        """The scene rectangle the viewport shows."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def centre(self) -> tuple[float, float]:
        """(lat, lon) at the middle of the view."""
        point = self.mapToScene(self.viewport().rect().center())
        return to_lat_lon(point.x(), point.y())

    def set_view(self, lat: float, lon: float, zoom: float | None = None) -> None:
        if zoom is not None:
            self._apply_zoom(zoom)
        self._centre_on(QPointF(*to_world(lat, lon)))

    def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        """Zooms keeping the point under ``anchor`` (a viewport position; default the centre) where it is."""
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        centre = self.mapToScene(self.viewport().rect().center())
        before = self.scale_factor()
        if not self._apply_zoom(zoom):
            return
        ratio = before / self.scale_factor()
        self._centre_on(fixed + (centre - fixed) * ratio)

    def fit(self, west: float, south: float, east: float, north: float, padding: int = 24) -> None:
        """Shows a (west, south, east, north) box whole, as close as the zoom range allows."""
        left, top = to_world(north, west)
        right, bottom = to_world(south, east)
        room_w = max(1, self.viewport().width() - 2 * padding)
        room_h = max(1, self.viewport().height() - 2 * padding)
        span = max((right - left) / room_w, (bottom - top) / room_h, 1e-9)
        self._apply_zoom(Z_REF - math.log2(span))
        self._centre_on(QPointF((left + right) / 2, (top + bottom) / 2))

    def _apply_zoom(self, zoom: float) -> bool:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if abs(zoom - self._zoom) < 1e-9:
            return False
        # While a zoom moves, scaled tiles are drawn unfiltered (a third of the frame); once it rests, smoothly.
        self._settle.start()
        self._zoom = zoom
        self.setTransform(QTransform.fromScale(self.scale_factor(), self.scale_factor()))
        return True

    def tile_zoom(self) -> int:
        return max(0, round(self._zoom))

    def metres_per_pixel(self) -> float:
        return meters_per_pixel(self.centre()[0], self._zoom)

    def refresh(self) -> None:
        """Draws the markers again (the producers or the filter changed)."""
        self._moved()

    def _centre_on(self, point: QPointF) -> None:
        # centerOn moves both scroll bars, each announcing a move: the markers are brought up to date once.
        self._quiet = True
        try:
            self.centerOn(point)
        finally:
            self._quiet = False
        self._moved()

    def _moved(self) -> None:
        self.layer.sync(floor_zoom(self._zoom), self.visible_rect())
        self.viewport().update()
        self.view_changed.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if not self._quiet:
            self._moved()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._moved()

    # -- input ----------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self._zoom + steps / 2, event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        pans = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in pans:
            dx, dy = pans[key]
            self.pan(dx * self.viewport().width() // 4, dy * self.viewport().height() // 4)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.next_level(1))
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.set_zoom(self.next_level(-1))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def pan(self, dx: int, dy: int) -> None:
        """Moves the view by (dx, dy) screen pixels, as a drag does."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def next_level(self, step: int) -> int:
        """The next whole zoom level in or out: tiles are sharpest there, and 10.5 + 1 would land between two."""
        return math.floor(self._zoom + 1e-9) + 1 if step > 0 else math.ceil(self._zoom - 1e-9) - 1

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.set_zoom(self.next_level(1), event.position().toPoint())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is not None and (event.position().toPoint() - press).manhattanLength() <= _CLICK_SLOP:
            self.clicked(press)

    def clicked(self, position: QPoint) -> bool:
        """A click at a viewport position: a cluster zooms in to where it splits, a producer is announced.
        False when nothing was there."""
        for item in self.items(position):
            node = self.layer.node_of(item)
            cluster = self.layer.cluster(node) if node is not None else None
            if cluster is None:
                continue
            if cluster.key is not None:
                self.producer_clicked.emit(cluster.key)
            elif self.layer.selection is not None:
                zoom = max(self.layer.selection.index.expansion_zoom(cluster.id), floor_zoom(self._zoom) + 1)
                self.set_view(cluster.lat, cluster.lon, zoom)
            return True
        return self.empty_click(position)

    def empty_click(self, position: QPoint) -> bool:
        """A click on the map itself; the location picker places its point here."""
        return False

    # -- painting ---------------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        painter.fillRect(rect, _LAND)
        if self.tiles is None:
            return
        z = min(self.tile_zoom(), 24)
        view = self.visible_rect()
        self.tiles.want(visible_tiles(view.left(), view.top(), view.right(), view.bottom(), z))
        if abs(self._zoom - round(self._zoom)) > 1e-6 and not self._settle.isActive():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = TILE_SIZE * 2.0 ** (Z_REF - z)
        for _, x, y in visible_tiles(rect.left(), rect.top(), rect.right(), rect.bottom(), z):
            target = QRectF(x * size, y * size, size, size)
            found = self.tiles.best(z, x, y)
            if found is None:
                painter.fillRect(target, _MISSING)
            else:
                painter.drawPixmap(target, found[0], found[1])

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if not self.overlays:
            return
        painter.save()
        painter.resetTransform()
        area = QRectF(self.viewport().rect())
        overlays.paint_scale_bar(painter, QPointF(area.left() + 10, area.bottom() - 10), self.metres_per_pixel())
        if self.attribution:
            credits = self._sprite(("credits", self.attribution), lambda p: overlays.paint_attribution(
                p, QPointF(p.device().width(), p.device().height()), self.attribution), self._credits_size())
            painter.drawPixmap(QPointF(area.right() - 6 - credits.width(), area.bottom() - 6 - credits.height()),
                               credits)
        if self.show_legend:
            legend = self._sprite(("legend",), lambda p: overlays.paint_legend(p, QPointF(0, 0)),
                                  overlays.legend_size(painter))
            painter.drawPixmap(QPointF(area.right() - legend.width() - 10, area.top() + 10), legend)
        painter.restore()

    def _credits_size(self) -> tuple[float, float]:
        font = QFont(self.font())
        font.setPixelSize(10)
        metrics = QFontMetricsF(font)
        return metrics.horizontalAdvance(self.attribution) + 10, metrics.height() + 4

    def _sprite(self, key: tuple[str, ...], paint: Callable[[QPainter], object], size: tuple[float, float]) -> QPixmap:
        """An overlay drawn once into a pixmap: the legend's dozen lines of text cost milliseconds a frame."""
        pixmap = self._sprites.get(key)
        if pixmap is None:
            pixmap = QPixmap(math.ceil(size[0]) + 1, math.ceil(size[1]) + 1)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setFont(self.font())
            paint(painter)
            painter.end()
            self._sprites = {k: v for k, v in self._sprites.items() if k[0] != key[0]}
            self._sprites[key] = pixmap
        return pixmap
