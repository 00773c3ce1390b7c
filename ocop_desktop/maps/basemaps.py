"""Basemap files: the one shipped in resources/maps and those a person imported, opened read-only.

``open_basemaps(shipped, imported_dir)`` opens every ``*.mbtiles`` (imported first, by name, then the
shipped ones): a file that fails its checks is left out and reported, never fatal. ``import_basemap(src,
imported_dir)`` checks a file the same way and copies it in; the original is only read, and the copy is
only ever opened read-only afterwards.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.mbtiles import MBTilesReader

SHIPPED_BASEMAP = "ha_tinh.mbtiles"


@dataclass
class Basemaps:
    readers: list[MBTilesReader] = field(default_factory=list)
    problems: list[MapError] = field(default_factory=list)

    def close(self) -> None:
        for reader in self.readers:
            reader.close()


def _mbtiles_in(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".mbtiles" and p.is_file())


def open_basemaps(shipped: Iterable[Path], imported_dir: Path | None = None) -> Basemaps:
    """Readers for the imported basemaps, then the shipped ones; files that fail go to ``problems``."""
    found = Basemaps()
    for path in [*_mbtiles_in(imported_dir), *shipped]:
        try:
            found.readers.append(MBTilesReader(path))
        except MapError as exc:
            found.problems.append(exc)
    return found


def import_basemap(src: Path, imported_dir: Path) -> Path:
    """Copy a checked MBTiles file into ``imported_dir`` under its own name; MapError if it fails its checks
    or a basemap of that name is already there."""
    with MBTilesReader(src):
        pass
    imported_dir.mkdir(parents=True, exist_ok=True)
    target = imported_dir / (src.stem + ".mbtiles")
    if target.exists():
        raise MapError("basemap_exists", path=str(target))
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(src, partial)
    # A half-copied file must never look like a basemap, so it gets its name only once complete.
    os.replace(partial, target)
    return target
