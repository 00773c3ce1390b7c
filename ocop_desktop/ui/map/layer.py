"""The producers on the map: one pixmap item per cluster or producer in view, refreshed only when needed.

``sync(zoom, rect)`` asks the cluster index for the items at the view's integer zoom inside the view
plus half a screen on each side, and adds or removes only the items that differ. Panning within that margin
asks nothing at all, so a drag costs only Qt's painting; the index is never queried inside ``paint()``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene

from ocop_desktop.maps.clusters import Cluster
from ocop_desktop.maps.mercator import to_lat_lon
from ocop_desktop.ui.map.markers import MarkerStyle, Sprites
from ocop_desktop.ui.map.selection import MapSelection

_CLUSTER_Z = 10.0
_SELECTED_Z = 20.0


class MarkerLayer:
    def __init__(self, scene: QGraphicsScene, sprites: Sprites | None = None):
        self.scene = scene
        self.sprites = sprites or Sprites()
        self.selection: MapSelection | None = None
        self.selected: str | None = None  # the producer whose card is open
        self.items: dict[int, QGraphicsPixmapItem] = {}
        self._spare: list[QGraphicsPixmapItem] = []  # hidden, kept for the next zoom level's items
        self.clusters: dict[int, Cluster] = {}
        self._region: tuple[int, QRectF] | None = None
        self.queries = 0  # how often the index was asked: panning within the margin must not ask

    def set_selection(self, selection: MapSelection | None) -> None:
        self.selection = selection
        self._remove(list(self.items))
        self._region = None

    def select(self, producer_id: str | None) -> None:
        """Draws one producer's marker highlighted (or none)."""
        self.selected = producer_id
        for node, item in self.items.items():
            self._dress(item, self.clusters[node])

    def cluster(self, node: int) -> Cluster | None:
        return self.clusters.get(node)

    def node_of(self, item: QGraphicsItem) -> int | None:
        node = item.data(0)
        return node if isinstance(node, int) and self.items.get(node) is item else None

    def sync(self, zoom: int, view: QRectF) -> None:
        if self.selection is None:
            return
        if self._region is not None and self._region[0] == zoom and self._region[1].contains(view):
            return
        region = view.adjusted(-view.width() / 2, -view.height() / 2, view.width() / 2, view.height() / 2)
        self._region = (zoom, region)
        north, west = to_lat_lon(region.left(), region.top())
        south, east = to_lat_lon(region.right(), region.bottom())
        self.queries += 1
        found = {c.id: c for c in self.selection.index.clusters(zoom, west, south, east, north)}
        self._remove([node for node in self.items if node not in found])
        for node, cluster in found.items():
            if node not in self.items:
                item = self._spare.pop() if self._spare else self._new_item()
                item.setPos(cluster.x, cluster.y)
                item.setData(0, node)
                self.items[node] = item
                self.clusters[node] = cluster
                self._dress(item, cluster)
                item.show()

    def _new_item(self) -> QGraphicsPixmapItem:
        item = QGraphicsPixmapItem()
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.scene.addItem(item)
        return item

    def _dress(self, item: QGraphicsPixmapItem, cluster: Cluster) -> None:
        if cluster.key is None:
            pixmap = self.sprites.cluster(cluster.count)
            item.setZValue(_CLUSTER_Z)
        else:
            style = self._style(cluster.key)
            chosen = cluster.key == self.selected
            pixmap = self.sprites.marker(style, chosen)
            item.setZValue(_SELECTED_Z if chosen else style.stars)  # higher ratings drawn above lower ones
        item.setPixmap(pixmap)
        item.setOffset(-pixmap.width() / 2, -pixmap.height() / 2)

    def _style(self, key: str) -> MarkerStyle:
        styles = self.selection.styles if self.selection is not None else {}
        return styles.get(key, MarkerStyle(0, "none"))

    def _remove(self, nodes: list[int]) -> None:
        # Hidden and kept: a zoom level replaces every item, and reusing them spares a scene insertion each.
        for node in nodes:
            item = self.items.pop(node)
            item.hide()
            item.setData(0, None)
            self._spare.append(item)
            self.clusters.pop(node, None)

    def visible_count(self, view: QRectF) -> int:
        """Producers in the items drawn inside ``view`` (a cluster counts for all it holds)."""
        return sum(c.count for n, c in self.clusters.items() if view.contains(self.items[n].pos()))


def floor_zoom(zoom: float) -> int:
    """The cluster level a fractional zoom shows, as supercluster rounds it (down)."""
    return math.floor(zoom + 1e-9)
