"""Producer clustering in the manner of supercluster: a hierarchy built once per data version, every zoom.

``build_index(points, data_version)`` places each ``MapPoint(key, lat, lon)`` in Web-Mercator space and,
from ``max_zoom`` up to ``min_zoom``, merges the items of the zoom below that lie within ``radius_px``
screen pixels of each other into one cluster at their weighted centroid (a grid of cells one radius wide
finds the neighbours). A point without a location, or with an impossible one, is left out and reported in
``index.problems`` (MapError ``point_no_location`` / ``point_bad_location``, key): the map shows the rest.

What the map widget asks, never inside ``paint()`` and never on the GUI thread for the build:

- ``index.clusters(zoom, west, south, east, north)``: the items to draw at an integer zoom inside a box
  (degrees); each ``Cluster`` has ``x, y`` in world pixels at ``Z_REF`` (scene units), ``lat, lon``,
  ``count``, and ``key`` when it is a single producer. Beyond ``max_zoom`` every producer stands alone.
- ``index.expansion_zoom(cluster_id)``: the zoom to jump to when a person clicks a cluster; there it has
  split into at least two items.
- ``index.leaves(cluster_id, limit, offset)``: the keys of a cluster's producers, a page at a time, for a
  side list; ``index.children(cluster_id)`` the items it splits into one zoom closer.

``ClusterStore.index(data_version, load)`` keeps the last index and rebuilds only when the caller's data
version (for example the producers table's change counter) differs. An index is immutable once built, so
one built on a worker thread can be read from any thread.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.mercator import MAX_LAT, TILE_SIZE, Z_REF

_REF_SIZE = TILE_SIZE * 2.0**Z_REF
_ROW = 1 << 32


@dataclass(frozen=True)
class MapPoint:
    key: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class ClusterOptions:
    radius_px: float = 40.0
    min_zoom: int = 0
    max_zoom: int = 16
    min_points: int = 2


@dataclass(frozen=True)
class Cluster:
    id: int
    count: int
    x: float
    y: float
    lat: float
    lon: float
    key: str | None

    @property
    def is_point(self) -> bool:
        return self.key is not None


def _project(lat: float, lon: float) -> tuple[float, float]:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    sin = math.sin(math.radians(lat))
    return lon / 360.0 + 0.5, 0.5 - 0.25 * math.log((1 + sin) / (1 - sin)) / math.pi


def _place(points: Iterable[MapPoint]) -> tuple[list[MapPoint], list[MapError]]:
    placed, problems = [], []
    for p in points:
        if p.lat is None or p.lon is None:
            problems.append(MapError("point_no_location", key=p.key))
        elif not (math.isfinite(p.lat) and math.isfinite(p.lon) and -90 <= p.lat <= 90 and -180 <= p.lon <= 180):
            problems.append(MapError("point_bad_location", key=p.key, lat=p.lat, lon=p.lon))
        else:
            placed.append(p)
    return placed, problems


class ClusterIndex:
    """Every zoom's clusters for one set of points; build with ``build_index``."""

    def __init__(self, points: Iterable[MapPoint], data_version: Hashable = None,
                 options: ClusterOptions | None = None) -> None:
        self.data_version = data_version
        self.options = options or ClusterOptions()
        placed, problems = _place(points)
        self.problems: tuple[MapError, ...] = tuple(problems)
        self.point_count = len(placed)
        self._keys = [p.key for p in placed]
        xy = [_project(p.lat, p.lon) for p in placed]  # type: ignore[arg-type]  # _place kept located ones
        self._x = [v[0] for v in xy]
        self._y = [v[1] for v in xy]
        self._count = [1] * len(placed)
        self._children: list[list[int]] = []
        self._made_at: list[int] = []
        opts = self.options
        self._levels: dict[int, list[int]] = {opts.max_zoom + 1: list(range(len(placed)))}
        for zoom in range(opts.max_zoom, opts.min_zoom - 1, -1):
            self._levels[zoom] = self._cluster(self._levels[zoom + 1], zoom)
        self._grids: dict[int, dict[int, list[int]]] = {}
        self._grid_lock = threading.Lock()

    def _cluster(self, items: list[int], zoom: int) -> list[int]:
        """Items of ``zoom`` from those of ``zoom + 1``: the greedy merge supercluster does, in input order."""
        r = self.options.radius_px / (TILE_SIZE * 2.0**zoom)
        # Cells two radii wide: a disc of radius r then touches at most the 2 x 2 cells from (u - 0.5, v - 0.5).
        r2, inv, min_points = r * r, 0.5 / r, self.options.min_points
        nx, ny, nc = self._x, self._y, self._count
        cells: dict[int, list[int]] = {}
        get = cells.get
        for i in items:
            # Keys packed into one int hash faster than tuples; at z16 there are under 2**20 cells a side.
            cells.setdefault((int(nx[i] * inv) << 32) | int(ny[i] * inv), []).append(i)
        done: set[int] = set()
        out: list[int] = []
        for i in items:
            if i in done:
                continue
            done.add(i)
            xi, yi = nx[i], ny[i]
            corner = (int(xi * inv - 0.5) << 32) | int(yi * inv - 0.5)
            near = []
            for key in (corner, corner + 1, corner + _ROW, corner + _ROW + 1):
                for j in get(key, ()):
                    if j not in done and (nx[j] - xi) ** 2 + (ny[j] - yi) ** 2 <= r2:
                        near.append(j)
            if not near:
                out.append(i)
                continue
            done.update(near)
            total = nc[i] + sum(nc[j] for j in near)
            if total < min_points:
                out.append(i)
                out.extend(near)
                continue
            members = [i, *near]
            out.append(len(nx))
            nx.append(sum(nx[j] * nc[j] for j in members) / total)
            ny.append(sum(ny[j] * nc[j] for j in members) / total)
            nc.append(total)
            self._children.append(members)
            self._made_at.append(zoom)
        return out

    def _level(self, zoom: int) -> int:
        return max(self.options.min_zoom, min(self.options.max_zoom + 1, zoom))

    def _is_cluster(self, node: int) -> bool:
        return node >= self.point_count

    def _node(self, node: int) -> Cluster:
        x, y = self._x[node], self._y[node]
        lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y))))
        key = None if self._is_cluster(node) else self._keys[node]
        return Cluster(node, self._count[node], x * _REF_SIZE, y * _REF_SIZE, lat, x * 360.0 - 180.0, key)

    def _grid(self, level: int) -> dict[int, list[int]]:
        # Built on first use per zoom: a bounding-box query then reads only the cells (tiles) it covers.
        with self._grid_lock:
            grid = self._grids.get(level)
            if grid is None:
                grid = {}
                n = 1 << level
                for node in self._levels[level]:
                    cell = (min(n - 1, int(self._x[node] * n)) << 32) | min(n - 1, int(self._y[node] * n))
                    grid.setdefault(cell, []).append(node)
                self._grids[level] = grid
            return grid

    def at_zoom(self, zoom: int) -> list[Cluster]:
        """Every item at an integer zoom (for tests and small sets; the map uses ``clusters``)."""
        return [self._node(n) for n in self._levels[self._level(zoom)]]

    def clusters(self, zoom: int, west: float, south: float, east: float, north: float) -> list[Cluster]:
        """Items at an integer ``zoom`` inside a (west, south, east, north) box in degrees."""
        level = self._level(zoom)
        x0, y0 = _project(north, west)
        x1, y1 = _project(south, east)
        n = 1 << level
        cx0, cx1 = max(0, int(x0 * n)), min(n - 1, int(x1 * n))
        cy0, cy1 = max(0, int(y0 * n)), min(n - 1, int(y1 * n))
        grid = self._grid(level)
        if (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > len(grid):
            candidates: Iterable[int] = self._levels[level]
        else:
            candidates = [node for cx in range(cx0, cx1 + 1) for cy in range(cy0, cy1 + 1)
                          for node in grid.get((cx << 32) | cy, ())]
        return [self._node(node) for node in candidates
                if x0 <= self._x[node] <= x1 and y0 <= self._y[node] <= y1]

    def _cluster_node(self, cluster_id: int) -> int:
        if not self.point_count <= cluster_id < len(self._x):
            raise MapError("cluster_unknown", cluster_id=cluster_id)
        return cluster_id

    def children(self, cluster_id: int) -> list[Cluster]:
        return [self._node(n) for n in self._children[self._cluster_node(cluster_id) - self.point_count]]

    def expansion_zoom(self, cluster_id: int) -> int:
        """The zoom at which the cluster has split: one more than the zoom that made it."""
        return self._made_at[self._cluster_node(cluster_id) - self.point_count] + 1

    def leaves(self, cluster_id: int, limit: int = 10, offset: int = 0) -> list[str]:
        """Keys of the producers in a cluster, depth first: ``limit`` of them after skipping ``offset``."""
        out: list[str] = []
        stack = [self._cluster_node(cluster_id)]
        while stack and len(out) < limit:
            node = stack.pop()
            if node < self.point_count:
                if offset > 0:
                    offset -= 1
                else:
                    out.append(self._keys[node])
            elif offset >= self._count[node]:
                offset -= self._count[node]
            else:
                stack.extend(reversed(self._children[node - self.point_count]))
        return out


def build_index(points: Iterable[MapPoint], data_version: Hashable = None,
                options: ClusterOptions | None = None) -> ClusterIndex:
    return ClusterIndex(points, data_version, options)


class ClusterStore:
    """The last index built, rebuilt only when the caller's data version changes."""

    def __init__(self, options: ClusterOptions | None = None) -> None:
        self.options = options or ClusterOptions()
        self.builds = 0
        self._index: ClusterIndex | None = None
        self._lock = threading.Lock()

    def index(self, data_version: Hashable, load: Callable[[], Iterable[MapPoint]]) -> ClusterIndex:
        with self._lock:
            if self._index is None or self._index.data_version != data_version:
                self._index = ClusterIndex(load(), data_version, self.options)
                self.builds += 1
            return self._index
