"""The map core, without Qt: standard library, sqlite3 and ocop_core only (tests/test_architecture.py).

What the map section builds on (each module's docstring has the details):

- ``mercator``: scene units are world pixels at ``Z_REF`` = 20 (``to_world(lat, lon)``); the view's scale
  is ``2 ** (zoom - Z_REF)``; ``visible_tiles(scene rect, zoom, margin=1)`` lists the tiles to draw.
- ``basemaps.open_basemaps([resources/maps/ha_tinh.mbtiles], data_dir / "maps")``: read-only readers,
  imported before shipped; ``import_basemap(file, data_dir / "maps")`` for the "import a basemap" action.
- ``cache.TileCache(data_dir / "cache" / config.cache_file_name(), max_bytes=...)``: tiles viewed online.
- ``online.OnlineSource(OnlineConfig(template, attribution, contact), cache)``: off until ``enabled``.
- ``source.TileChain(basemaps, cache, online)``: ``get`` (local, fast) and ``fetch`` (network worker) both
  answer a ``TileResult``: a tile, a parent tile's sub-square to scale up, or a placeholder.
- ``clusters.ClusterStore().index(data_version, load_points)``: producer clusters for every zoom, built
  off the GUI thread and only when the producers changed; ``clusters(zoom, bbox)``, ``expansion_zoom``,
  ``leaves`` (paging).

Errors are ``errors.MapError`` (a code and parameters); nothing here raises for one bad tile or producer.
"""
