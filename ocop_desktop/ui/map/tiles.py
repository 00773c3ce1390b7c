"""Decoded map tiles for the view: read and decoded in worker threads, kept as QPixmaps on the UI thread.

The view asks ``best(z, x, y)`` inside ``drawBackground`` (a dictionary lookup, never a read or a decode)
and ``want(tiles)`` for what it shows; a tile not decoded yet is read from the ``TileChain`` and decoded
into a QImage in a worker, then turned into a QPixmap on the UI thread (a QPixmap may not be made off it)
and ``updated`` asks for a repaint. Meanwhile ``best`` answers the nearest decoded ancestor's sub-square,
so a zoom shows the coarser tile scaled up at once instead of a blank. A tile the chain serves from a
parent (past a basemap's last zoom) arrives already cropped and scaled. A tile whose bytes do not decode
is drawn as missing and reported in ``problems``; the rest of the map goes on.
"""

from __future__ import annotations

import collections
import contextlib
import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QRectF, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.mercator import TILE_SIZE
from ocop_desktop.maps.source import TileChain, TileKey, TileResult

log = logging.getLogger(__name__)
# About 300 tiles of 256 px: four screens' worth, ~80 MB of pixels at most.
DEFAULT_CAPACITY = 300
# Parents are looked for this many levels up; the chain's own overzoom stops at five too.
PARENT_LEVELS = 5
_FETCH_WAIT_S = 2.0


def decode(result: TileResult) -> QImage | None:
    """The tile as a 256 px image (a parent's sub-square scaled up), or None when its bytes are no image.
    Runs in a worker: QImage, unlike QPixmap, may be used off the UI thread."""
    if result.data is None:
        return None
    image = QImage()
    if not image.loadFromData(result.data) or image.isNull():
        return None
    if result.kind == "parent" and result.crop is not None:
        left, top, size = result.crop
        scale = image.width() / TILE_SIZE  # a 512 px "retina" tile crops twice as many pixels
        image = image.copy(int(left * scale), int(top * scale), int(size * scale), int(size * scale))
    if image.width() != TILE_SIZE or image.height() != TILE_SIZE:
        image = image.scaled(TILE_SIZE, TILE_SIZE, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class _Bridge(QObject):
    """Lives on the UI thread; a worker's emit is queued to it."""

    done = Signal(object, object, object)  # key, QImage | None, TileResult


class _Job(QRunnable):
    def __init__(self, key: TileKey, work: Callable[[TileKey], tuple[QImage | None, TileResult]], bridge: _Bridge):
        super().__init__()
        self.key, self.work, self.bridge = key, work, bridge

    def run(self) -> None:
        try:
            image, result = self.work(self.key)
        except Exception as exc:  # a file damaged mid-read: this tile is drawn as missing, the map goes on
            log.warning("a map tile could not be read", exc_info=True)
            image, result = None, TileResult("placeholder", self.key, origin=f"error: {exc}"[:200])
        with contextlib.suppress(RuntimeError):  # the map was closed while the tile was decoding
            self.bridge.done.emit(self.key, image, result)


class TileLayer(QObject):
    updated = Signal()

    def __init__(self, chain: TileChain, *, synchronous: bool = False, capacity: int = DEFAULT_CAPACITY,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.chain = chain
        self.synchronous = synchronous
        self.capacity = capacity
        self._pixmaps: collections.OrderedDict[TileKey, QPixmap | None] = collections.OrderedDict()
        self._pending: set[TileKey] = set()
        self._fetching: set[TileKey] = set()
        self._wanted: set[TileKey] = set()
        self._problems: collections.deque[MapError] = collections.deque(maxlen=20)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._arrived)
        self._decoders = QThreadPool(self)
        self._decoders.setMaxThreadCount(2)  # a 2-core laptop keeps one core for the interface
        self._fetchers = QThreadPool(self)
        self._fetchers.setMaxThreadCount(2)  # the online source's own limit

    # -- what the view asks ----------------------------------------------------------------

    def best(self, z: int, x: int, y: int) -> tuple[QPixmap, QRectF] | None:
        """The tile's pixmap and the part of it to draw: the tile whole, else a decoded ancestor's sub-square."""
        pixmap = self._pixmaps.get((z, x, y))
        if pixmap is not None:
            return pixmap, QRectF(0, 0, TILE_SIZE, TILE_SIZE)
        for level in range(1, min(PARENT_LEVELS, z) + 1):
            parent = self._pixmaps.get((z - level, x >> level, y >> level))
            if parent is not None:
                size = TILE_SIZE / (1 << level)
                left = (x - ((x >> level) << level)) * size
                top = (y - ((y >> level) << level)) * size
                return parent, QRectF(left, top, size, size)
        return None

    def want(self, tiles: Iterable[TileKey]) -> None:
        """The tiles in view now: each one not decoded nor on its way is read and decoded."""
        self._wanted = set(tiles)
        for key in self._wanted:
            if key in self._pixmaps:
                self._pixmaps.move_to_end(key)
            elif key not in self._pending:
                self._pending.add(key)
                self._start(key, self._read, self._decoders)

    def loaded(self, tiles: Iterable[TileKey]) -> bool:
        """Every one of ``tiles`` is decoded (or known to be missing)."""
        return all(key in self._pixmaps for key in tiles)

    def problems(self) -> list[MapError]:
        """Recent failures: the chain's (bad tiles in a file, the online source) and tiles that did not decode."""
        return [*self.chain.problems(), *self._problems]

    def clear(self) -> None:
        """Forgets every decoded tile (another basemap was imported or the online source switched)."""
        self._pixmaps.clear()
        self.updated.emit()

    def shutdown(self) -> None:
        self._decoders.clear()
        self._fetchers.clear()
        self._decoders.waitForDone(2000)
        self._fetchers.waitForDone(int(_FETCH_WAIT_S * 1000) + 500)

    # -- the workers' side ----------------------------------------------------------------------

    def _read(self, key: TileKey) -> tuple[QImage | None, TileResult]:
        result = self.chain.get(*key)
        return decode(result), result

    def _fetch(self, key: TileKey) -> tuple[QImage | None, TileResult]:
        result = self.chain.fetch(*key, wait_s=_FETCH_WAIT_S)
        return decode(result), result

    def _start(self, key: TileKey, work: Callable[[TileKey], tuple[QImage | None, TileResult]],
               pool: QThreadPool) -> None:
        job = _Job(key, work, self._bridge)
        if self.synchronous:
            job.run()
        else:
            pool.start(job)

    @Slot(object, object, object)
    def _arrived(self, key: TileKey, image: QImage | None, result: TileResult) -> None:
        self._pending.discard(key)
        self._fetching.discard(key)
        if image is None and result.data is not None:
            self._problems.append(MapError("tile_not_image", z=key[0], x=key[1], y=key[2]))
        elif result.origin.startswith("error"):
            self._problems.append(MapError("mbtiles_unreadable", reason=result.origin))
        # A placeholder is remembered as None so it is not read again; an ancestor may still stand in.
        self._pixmaps[key] = None if image is None else QPixmap.fromImage(image)
        self._pixmaps.move_to_end(key)
        while len(self._pixmaps) > self.capacity:
            self._pixmaps.popitem(last=False)
        if result.fetchable and key in self._wanted and key not in self._fetching:
            self._fetching.add(key)
            self._start(key, self._fetch, self._fetchers)
        self.updated.emit()
