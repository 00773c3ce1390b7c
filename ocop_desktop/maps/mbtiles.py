"""MBTiles 1.3 raster files: a checked read-only reader and a writer that gives the same bytes twice.

``MBTilesReader(path)`` opens with a ``file:...?mode=ro`` URI, so nothing can ever be written into a
shipped or imported basemap, checks the schema and the metadata (``name``, a raster ``format``, bounds,
zooms), and answers ``tile(z, x, y)`` in XYZ numbering (the file's TMS rows are flipped here, or not,
when a file says ``scheme=xyz``). A reader is safe to share between threads: one connection behind a lock,
since a tile read takes microseconds next to decoding it.

``write_mbtiles(path, metadata, tiles)`` writes a new file from XYZ tiles in sorted order, in one
transaction, then VACUUMs: the same input gives the same bytes with the same SQLite library.
"""

from __future__ import annotations

import sqlite3
import threading
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.images import MAX_TILE_BYTES, RASTER_FORMATS, check_tile
from ocop_desktop.maps.mercator import MAX_LAT, MAX_ZOOM, flip_y

SCHEMA = """
CREATE TABLE metadata (name TEXT, value TEXT);
CREATE UNIQUE INDEX name ON metadata (name);
CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
"""


@dataclass(frozen=True)
class MBTilesMetadata:
    """What the map needs from a tileset's metadata table; ``extra`` keeps every other row."""

    name: str
    format: str
    bounds: tuple[float, float, float, float] = (-180.0, -MAX_LAT, 180.0, MAX_LAT)
    minzoom: int = 0
    maxzoom: int = 22
    attribution: str = ""
    center: tuple[float, float, int] | None = None
    scheme: str = "tms"
    extra: Mapping[str, str] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, str]]:
        """The metadata table's rows, sorted, as the writer stores them."""
        w, s, e, n = self.bounds
        rows = {"name": self.name, "format": self.format, "bounds": f"{w:.6f},{s:.6f},{e:.6f},{n:.6f}",
                "minzoom": str(self.minzoom), "maxzoom": str(self.maxzoom), "type": "baselayer",
                **self.extra}
        if self.attribution:
            rows["attribution"] = self.attribution
        if self.scheme != "tms":
            rows["scheme"] = self.scheme
        if self.center is not None:
            rows["center"] = f"{self.center[0]:.6f},{self.center[1]:.6f},{self.center[2]}"
        return sorted(rows.items())

    def covers(self, z: int, lat: float, lon: float) -> bool:
        w, s, e, n = self.bounds
        return self.minzoom <= z <= self.maxzoom and w <= lon <= e and s <= lat <= n


def parse_metadata(rows: Mapping[str, str], path: str = "") -> MBTilesMetadata:
    """Checked metadata, or MapError ``mbtiles_bad_metadata`` naming the field."""

    def bad(name: str, value: object) -> MapError:
        return MapError("mbtiles_bad_metadata", path=path, field=name, value=str(value)[:80])

    name = (rows.get("name") or "").strip()
    if not name:
        raise bad("name", rows.get("name"))
    fmt = (rows.get("format") or "").strip().lower()
    fmt = "jpg" if fmt == "jpeg" else fmt
    if fmt not in RASTER_FORMATS:
        raise bad("format", rows.get("format"))
    try:
        minzoom = int(rows.get("minzoom", "0"))
        maxzoom = int(rows.get("maxzoom", str(MAX_ZOOM)))
    except ValueError:
        raise bad("minzoom/maxzoom", f"{rows.get('minzoom')}/{rows.get('maxzoom')}") from None
    if not 0 <= minzoom <= maxzoom <= MAX_ZOOM:
        raise bad("minzoom/maxzoom", f"{minzoom}/{maxzoom}")
    bounds = (-180.0, -MAX_LAT, 180.0, MAX_LAT)
    if rows.get("bounds"):
        try:
            w, s, e, n = (float(v) for v in rows["bounds"].split(","))
        except ValueError:
            raise bad("bounds", rows["bounds"]) from None
        if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
            raise bad("bounds", rows["bounds"])
        bounds = (w, s, e, n)
    scheme = (rows.get("scheme") or "tms").strip().lower()
    if scheme not in ("tms", "xyz"):
        raise bad("scheme", scheme)
    known = {"name", "format", "minzoom", "maxzoom", "bounds", "attribution", "center", "scheme"}
    return MBTilesMetadata(name=name, format=fmt, bounds=bounds, minzoom=minzoom, maxzoom=maxzoom,
                           attribution=(rows.get("attribution") or "").strip(), center=_center(rows.get("center")),
                           scheme=scheme, extra={k: v for k, v in rows.items() if k not in known})


def _center(value: str | None) -> tuple[float, float, int] | None:
    # Advisory only (where to open the map): a malformed center is ignored rather than refusing the file.
    try:
        lon, lat, zoom = (value or "").split(",")
        return float(lon), float(lat), int(zoom)
    except ValueError:
        return None


def _read_only_uri(path: Path) -> str:
    return f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"


class MBTilesReader:
    """A checked raster MBTiles file, opened read-only; ``tile(z, x, y)`` takes XYZ numbers."""

    def __init__(self, path: Path | str, max_tile_bytes: int = MAX_TILE_BYTES) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._limit = max_tile_bytes
        if not self.path.is_file():
            raise MapError("mbtiles_unreadable", path=str(self.path), reason="missing")
        self._con = sqlite3.connect(_read_only_uri(self.path), uri=True, check_same_thread=False)
        try:
            self.metadata = self._check()
        except BaseException:
            self._con.close()
            raise

    def _check(self) -> MBTilesMetadata:
        try:
            names = {r[0] for r in self._con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
            missing = sorted({"metadata", "tiles"} - names)
            if missing:
                raise MapError("mbtiles_not_mbtiles", path=str(self.path), missing=",".join(missing))
            rows = {str(k): str(v) for k, v in self._con.execute("SELECT name, value FROM metadata")
                    if k is not None and v is not None}
            # A tiles table of another shape fails here rather than on the first tile the map asks for.
            self._con.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 0").fetchall()
        except sqlite3.DatabaseError as exc:
            raise MapError("mbtiles_unreadable", path=str(self.path), reason=str(exc)) from exc
        return parse_metadata(rows, str(self.path))

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's bytes, None if absent; MapError if they are not an image or too large."""
        row = y if self.metadata.scheme == "xyz" else flip_y(z, y)
        with self._lock:
            found = self._con.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, row)).fetchone()
        if found is None or found[0] is None:
            return None
        data = bytes(found[0])
        check_tile(data, z, x, y, self._limit)
        return data

    def tile_count(self) -> int:
        with self._lock:
            return int(self._con.execute("SELECT count(*) FROM tiles").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> MBTilesReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_mbtiles(path: Path | str, metadata: MBTilesMetadata,
                  tiles: Iterable[tuple[int, int, int, bytes]]) -> int:
    """Write a new MBTiles file from XYZ ``(z, x, y, data)``; refuses to touch an existing file. Returns the
    number of tiles. Every tile is checked (an image, not too large) before it is written."""
    target = Path(path)
    if target.exists():
        raise MapError("basemap_exists", path=str(target))
    parse_metadata(dict(metadata.rows()), str(target))
    rows = sorted((z, x, flip_y(z, y) if metadata.scheme == "tms" else y, data) for z, x, y, data in tiles)
    for z, x, row, data in rows:
        check_tile(data, z, x, flip_y(z, row) if metadata.scheme == "tms" else row)
    con = sqlite3.connect(target)
    try:
        con.executescript(SCHEMA)
        with con:
            con.executemany("INSERT INTO metadata (name, value) VALUES (?, ?)", metadata.rows())
            con.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
        con.execute("VACUUM")
    finally:
        con.close()
    return len(rows)
