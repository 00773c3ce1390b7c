"""Web-Mercator maths: lat/lon <-> world pixels, XYZ <-> TMS rows, tile bounds and visible tile ranges.

The map view uses *world pixels at a reference zoom* (``Z_REF`` = 20) as scene units: a point keeps one
scene position at every zoom, and the view's scale is ``2 ** (zoom - Z_REF)``. A double holds those
coordinates to far below a metre. Tiles are 256 px squares, addressed XYZ (y grows southwards) as web
maps do; MBTiles files store TMS rows (y grows northwards), converted by ``flip_y``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

TILE_SIZE = 256
Z_REF = 20
MAX_ZOOM = 24
# Beyond this latitude the projection runs to infinity; every web map clips here so the world is square.
MAX_LAT = 85.05112877980659
EARTH_CIRCUMFERENCE_M = 40_075_016.686


def world_size(zoom: float) -> float:
    """Width (and height) of the whole world in pixels at ``zoom``."""
    return TILE_SIZE * math.pow(2.0, zoom)


def to_world(lat: float, lon: float, zoom: float = Z_REF) -> tuple[float, float]:
    """World pixel (x, y) of a WGS84 point; latitudes beyond ±MAX_LAT are clipped to the map's edge."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    size = world_size(zoom)
    x = (lon + 180.0) / 360.0 * size
    phi = math.radians(lat)
    y = (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0 * size
    return x, y


def to_lat_lon(x: float, y: float, zoom: float = Z_REF) -> tuple[float, float]:
    """WGS84 (lat, lon) of a world pixel; the inverse of ``to_world``."""
    size = world_size(zoom)
    lon = x / size * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y / size))))
    return lat, lon


def flip_y(zoom: int, row: int) -> int:
    """XYZ row <-> TMS row (the same formula both ways): MBTiles stores TMS, ``2**z - 1 - y``."""
    return (1 << zoom) - 1 - row


def tile_at(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """XYZ (x, y) of the tile holding a point, clamped to the world."""
    x, y = to_world(lat, lon, zoom)
    last = (1 << zoom) - 1
    return min(last, max(0, int(x // TILE_SIZE))), min(last, max(0, int(y // TILE_SIZE)))


def tile_bounds(zoom: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees of XYZ tile z/x/y."""
    north, west = to_lat_lon(x * TILE_SIZE, y * TILE_SIZE, zoom)
    south, east = to_lat_lon((x + 1) * TILE_SIZE, (y + 1) * TILE_SIZE, zoom)
    return west, south, east, north


def meters_per_pixel(lat: float, zoom: float) -> float:
    """Ground distance of one screen pixel at ``lat``: what a scale bar needs."""
    return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat)) / world_size(zoom)


@dataclass(frozen=True)
class TileRange:
    """A rectangle of XYZ tiles at one zoom, both ends inclusive; empty when ``x0 > x1`` or ``y0 > y1``."""

    zoom: int
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def count(self) -> int:
        return max(0, self.x1 - self.x0 + 1) * max(0, self.y1 - self.y0 + 1)

    def __contains__(self, tile: object) -> bool:
        if not isinstance(tile, tuple) or len(tile) != 3:
            return False
        z, x, y = tile
        return bool(z == self.zoom and self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1)

    def __iter__(self) -> Iterator[tuple[int, int, int]]:
        """Row by row from the north-west corner: (z, x, y)."""
        for y in range(self.y0, self.y1 + 1):
            for x in range(self.x0, self.x1 + 1):
                yield self.zoom, x, y


def visible_tiles(left: float, top: float, right: float, bottom: float, zoom: int,
                  ref_zoom: float = Z_REF, margin: int = 0) -> TileRange:
    """Tiles at integer ``zoom`` covering a rectangle given in world pixels at ``ref_zoom`` (the scene
    rectangle a view shows), plus ``margin`` tiles around it, clamped to the world."""
    scale = 2.0 ** (zoom - ref_zoom) / TILE_SIZE
    last = (1 << zoom) - 1
    x0 = max(0, math.floor(left * scale) - margin)
    y0 = max(0, math.floor(top * scale) - margin)
    # A right or bottom edge exactly on a tile boundary does not show the next tile.
    x1 = min(last, math.ceil(right * scale) - 1 + margin)
    y1 = min(last, math.ceil(bottom * scale) - 1 + margin)
    return TileRange(zoom, x0, y0, x1, y1)


def tiles_in_bounds(west: float, south: float, east: float, north: float, zoom: int) -> TileRange:
    """Tiles at ``zoom`` covering a (west, south, east, north) box in degrees."""
    left, top = to_world(north, west, zoom)
    right, bottom = to_world(south, east, zoom)
    return visible_tiles(left, top, right, bottom, zoom, ref_zoom=zoom)
