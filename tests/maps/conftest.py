"""Map core fixtures: small MBTiles files written on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from map_testkit import fake_png

from ocop_desktop.maps.mbtiles import MBTilesMetadata, write_mbtiles

MakeMBTiles = Callable[..., Path]


@pytest.fixture
def make_mbtiles(tmp_path: Path) -> MakeMBTiles:
    """Writes a small MBTiles file: tiles labelled "name z/x/y" for every (z, x, y) given."""

    def make(name: str, tiles: list[tuple[int, int, int]], *, minzoom: int = 0, maxzoom: int = 14,
             attribution: str = "", size: int = 64) -> Path:
        meta = MBTilesMetadata(name=name, format="png", minzoom=minzoom, maxzoom=maxzoom, attribution=attribution)
        path = tmp_path / f"{name}.mbtiles"
        write_mbtiles(path, meta, [(z, x, y, fake_png(f"{name} {z}/{x}/{y}", size)) for z, x, y in tiles])
        return path

    return make
