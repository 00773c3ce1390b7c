"""Tile bytes are checked before anyone decodes them: PNG, JPEG or WebP by magic bytes, and a size limit."""

from __future__ import annotations

from ocop_desktop.maps.errors import MapError

# A 256 px raster tile is 5–100 KB in practice; a megabyte is already a broken or hostile file.
MAX_TILE_BYTES = 1024 * 1024
RASTER_FORMATS = frozenset({"png", "jpg", "webp"})


def image_format(data: bytes) -> str | None:
    """``png``, ``jpg`` or ``webp`` from the first bytes, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def check_tile(data: bytes, z: int, x: int, y: int, limit: int = MAX_TILE_BYTES) -> str:
    """The tile's format, or MapError ``tile_too_large`` / ``tile_not_image``."""
    if len(data) > limit:
        raise MapError("tile_too_large", z=z, x=x, y=y, size=len(data), limit=limit)
    kind = image_format(data)
    if kind is None:
        raise MapError("tile_not_image", z=z, x=x, y=y)
    return kind
