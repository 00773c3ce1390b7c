"""The map core's one error class: a code and parameters (the project's error root), never display text.

Codes raised here, for the UI's words module:

- ``mbtiles_unreadable`` (path, reason): not an SQLite file, damaged, or missing.
- ``mbtiles_not_mbtiles`` (path, missing): an SQLite file without the ``metadata``/``tiles`` tables.
- ``mbtiles_bad_metadata`` (path, field, value): ``name``/``format`` missing, a format that is not a raster
  image, bounds or zooms that do not parse or are out of range.
- ``tile_not_image`` (z, x, y): bytes that are neither PNG, JPEG nor WebP.
- ``tile_too_large`` (z, x, y, size, limit).
- ``basemap_exists`` (path): an import or a write would replace an existing basemap file.
- ``cache_disabled`` (path, reason): the tile cache failed (a full disk, say) and is off for the session.
- ``online_bad_template`` (template, reason): an online source URL an admin typed that cannot work.
- ``online_unreachable`` (reason), ``online_http_error`` (status), ``online_paused`` (until): the online
  source failed, answered an error, or is resting after a failure.
- ``point_no_location`` (key) / ``point_bad_location`` (key, lat, lon): a producer that cannot be placed.
- ``cluster_unknown`` (cluster_id): a cluster id that the current index does not have.
"""

from __future__ import annotations

from ocop_core.errors import OcopError


class MapError(OcopError):
    """Anything the map core refuses; the map keeps working with what it has."""
