"""One tile source chain: memory -> cache -> basemap files -> online (when on) -> a parent tile -> a placeholder.

How the map widget uses it (all calls are thread-safe; none touches Qt):

- ``chain.get(z, x, y)`` looks only at local storage (a few SQLite reads at most, no network) and always
  answers a ``TileResult``:
  * ``kind == "tile"``: ``data`` is the tile's PNG/JPEG/WebP bytes, to decode into a QImage in a worker;
  * ``kind == "parent"``: no tile here, but ``data`` holds the ancestor ``source`` = (z, x, y); draw its
    sub-square ``crop`` = (left, top, size) in that tile's 256 px image scaled up to the whole tile. This is
    also how the map keeps working past a basemap's last zoom;
  * ``kind == "placeholder"``: nothing at all; draw a hatched square.
  ``fetchable`` says an online fetch could bring a (fresher) tile: only then schedule ``chain.fetch`` on a
  network worker, for tiles still in view when it runs (``stale`` marks a cached tile past its expiry).
- ``chain.fetch(z, x, y, wait_s=None)`` asks the online source (at most two requests at a time; a caller
  waits up to ``wait_s``, by default the source's timeout, for a slot) and answers a ``TileResult`` as
  ``get`` does, so a failed fetch still draws the best local tile. An answer still ``fetchable`` means both
  slots were busy: ask again if the tile is still in view. A known 404 or a resting source is never fetchable.
- ``chain.attributions()`` lists the credits to show in the map's corner; ``chain.problems()`` the recent
  errors (bad tiles, cache turned off, unreachable provider) for a status line or a log.

The memory LRU keeps encoded tiles up to ``memory_bytes`` (default 32 MiB, about 2,000 tiles of 15 KB);
decoded QPixmaps are the widget's own, smaller cache.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ocop_desktop.maps.cache import TileCache
from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.mbtiles import MBTilesReader
from ocop_desktop.maps.mercator import TILE_SIZE
from ocop_desktop.maps.online import OnlineSource

DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024
# Five levels up a parent's sub-square is 8 px: any blurrier is worse than a placeholder.
MAX_PARENT_LEVELS = 5
_PROBLEMS_KEPT = 50

TileKey = tuple[int, int, int]


@dataclass(frozen=True)
class TileResult:
    kind: Literal["tile", "parent", "placeholder"]
    tile: TileKey
    data: bytes | None = None
    origin: str = ""
    source: TileKey | None = None
    crop: tuple[int, int, int] | None = None
    stale: bool = False
    fetchable: bool = False


@dataclass(frozen=True)
class _Entry:
    data: bytes
    origin: str
    expires: float | None


class MemoryLRU:
    """Encoded tiles by (z, x, y), least recently used dropped first once ``max_bytes`` is passed."""

    def __init__(self, max_bytes: int = DEFAULT_MEMORY_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: collections.OrderedDict[TileKey, _Entry] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: TileKey) -> _Entry | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
            return entry

    def put(self, key: TileKey, entry: _Entry) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= len(old.data)
            self._items[key] = entry
            self.bytes += len(entry.data)
            while self.bytes > self.max_bytes and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self.bytes -= len(dropped.data)

    def __len__(self) -> int:
        return len(self._items)


class TileChain:
    """The map's one ``TileSource``; basemaps are asked in the order given (imported before shipped)."""

    def __init__(self, basemaps: Sequence[MBTilesReader] = (), cache: TileCache | None = None,
                 online: OnlineSource | None = None, *, memory_bytes: int = DEFAULT_MEMORY_BYTES,
                 clock: Callable[[], float] = time.time) -> None:
        self.basemaps = list(basemaps)
        self.cache = cache
        self.online = online
        self.memory = MemoryLRU(memory_bytes)
        self._clock = clock
        self._problems: collections.deque[MapError] = collections.deque(maxlen=_PROBLEMS_KEPT)

    def get(self, z: int, x: int, y: int) -> TileResult:
        key = (z, x, y)
        entry = self._local(key)
        fetchable = self.online is not None and self.online.worth_asking(z, x, y)
        if entry is not None:
            stale = entry.expires is not None and self._clock() >= entry.expires
            return TileResult("tile", key, entry.data, entry.origin, key, stale=stale, fetchable=fetchable and stale)
        for level in range(1, min(MAX_PARENT_LEVELS, z) + 1):
            parent = (z - level, x >> level, y >> level)
            entry = self._local(parent)
            if entry is not None:
                size = TILE_SIZE >> level
                crop = ((x - (parent[1] << level)) * size, (y - (parent[2] << level)) * size, size)
                return TileResult("parent", key, entry.data, entry.origin, parent, crop, fetchable=fetchable)
        return TileResult("placeholder", key, fetchable=fetchable)

    def fetch(self, z: int, x: int, y: int, *, wait_s: float | None = None) -> TileResult:
        """The online source's answer for a viewed tile, else the best local one; ``fetchable`` stays true
        only when both request slots were busy, so the widget tries again later."""
        busy = False
        if self.online is not None and self.online.worth_asking(z, x, y):
            result = self.online.fetch(z, x, y, wait_s=wait_s)
            if result.problem is not None:
                self._problems.append(result.problem)
            self._note_cache_problem()
            if result.data is not None:
                entry = _Entry(result.data, "online", None)
                self.memory.put((z, x, y), entry)
                return TileResult("tile", (z, x, y), entry.data, entry.origin, (z, x, y))
            busy = result.status == "busy"
        local = self.get(z, x, y)
        return TileResult(local.kind, local.tile, local.data, local.origin, local.source, local.crop, local.stale,
                          fetchable=busy)

    def _local(self, key: TileKey) -> _Entry | None:
        entry = self.memory.get(key)
        if entry is not None:
            return entry
        entry = self._from_cache(key) or self._from_basemaps(key)
        if entry is not None:
            self.memory.put(key, entry)
        return entry

    def _from_cache(self, key: TileKey) -> _Entry | None:
        if self.cache is None or not self.cache.enabled:
            return None
        cached = self.cache.get(*key)
        self._note_cache_problem()
        return None if cached is None else _Entry(cached.data, "cache", cached.expires)

    def _from_basemaps(self, key: TileKey) -> _Entry | None:
        z = key[0]
        for reader in self.basemaps:
            if not reader.metadata.minzoom <= z <= reader.metadata.maxzoom:
                continue
            try:
                data = reader.tile(*key)
            except MapError as exc:
                # One bad tile in a file is shown as missing; the rest of the file still serves.
                self._problems.append(exc)
                continue
            if data is not None:
                return _Entry(data, reader.metadata.name, None)
        return None

    def _note_cache_problem(self) -> None:
        cache = self.cache
        if cache is not None and cache.problem is not None and cache.problem not in self._problems:
            self._problems.append(cache.problem)

    def attributions(self) -> list[str]:
        """Credits of every source the map may draw from, in chain order, each once."""
        credits = [r.metadata.attribution for r in self.basemaps]
        if self.online is not None and self.online.enabled:
            credits.append(self.online.config.attribution)
        return list(dict.fromkeys(c for c in credits if c))

    def problems(self) -> list[MapError]:
        return list(self._problems)
