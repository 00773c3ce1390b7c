"""The tile source chain: memory, cache, basemaps, parent tiles and placeholders, in that order."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from map_testkit import fake_png

from ocop_desktop.maps.basemaps import import_basemap, open_basemaps
from ocop_desktop.maps.cache import TileCache
from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.mbtiles import MBTilesReader
from ocop_desktop.maps.online import OnlineConfig, OnlineSource
from ocop_desktop.maps.source import MemoryLRU, TileChain, _Entry

MakeMBTiles = Callable[..., Path]


def test_a_basemap_tile_is_served_and_then_held_in_memory(make_mbtiles: MakeMBTiles):
    """The first read comes from the file, the next from memory, with the same bytes."""
    reader = MBTilesReader(make_mbtiles("shipped", [(10, 812, 458)]))
    chain = TileChain([reader])
    first = chain.get(10, 812, 458)
    assert (first.kind, first.origin, first.data) == ("tile", "shipped", fake_png("shipped 10/812/458"))
    reader.close()
    second = chain.get(10, 812, 458)
    assert (second.kind, second.origin, second.data) == ("tile", "shipped", first.data)


def test_imported_basemaps_come_before_shipped_and_the_cache_before_both(make_mbtiles: MakeMBTiles, tmp_path: Path):
    """A tile in the cache wins; else the first basemap that has it (imported before shipped)."""
    imported = MBTilesReader(make_mbtiles("imported", [(8, 203, 114)]))
    shipped = MBTilesReader(make_mbtiles("shipped", [(8, 203, 114), (8, 204, 114)]))
    cache = TileCache(tmp_path / "cache.mbtiles")
    cache.put(8, 205, 114, fake_png("cached"), etag=None, expires=9e18)
    chain = TileChain([imported, shipped], cache)
    assert chain.get(8, 203, 114).origin == "imported"
    assert chain.get(8, 204, 114).origin == "shipped"
    assert (chain.get(8, 205, 114).origin, chain.get(8, 205, 114).data) == ("cache", fake_png("cached"))
    for closable in (imported, shipped, cache):
        closable.close()


def test_a_missing_tile_is_drawn_from_its_nearest_parent_with_the_sub_square(make_mbtiles: MakeMBTiles):
    """Past the basemap's last zoom the map still shows something: the parent's right sub-square."""
    reader = MBTilesReader(make_mbtiles("shipped", [(12, 3252, 1835)], maxzoom=12))
    chain = TileChain([reader])
    # z14 tile (13011, 7343) is the child of 12/3252/1835 at column 3, row 3 of its 4 x 4 grid.
    got = chain.get(14, 13011, 7343)
    assert (got.kind, got.source, got.crop) == ("parent", (12, 3252, 1835), (192, 192, 64))
    assert got.data == fake_png("shipped 12/3252/1835")
    assert chain.get(13, 6504, 3670).crop == (0, 0, 128)
    reader.close()


def test_nothing_within_five_levels_is_a_placeholder(make_mbtiles: MakeMBTiles):
    """A parent six levels up would be a 4 px smear; the map draws a placeholder instead."""
    reader = MBTilesReader(make_mbtiles("shipped", [(6, 50, 28)], maxzoom=6))
    chain = TileChain([reader])
    assert chain.get(11, 50 << 5, 28 << 5).kind == "parent"
    placeholder = chain.get(12, 50 << 6, 28 << 6)
    assert (placeholder.kind, placeholder.data, placeholder.fetchable) == ("placeholder", None, False)
    reader.close()


def test_a_bad_tile_in_a_basemap_is_skipped_and_reported(tmp_path: Path, make_mbtiles: MakeMBTiles):
    """One corrupt tile does not stop the file: the next source or a parent serves, and the error is kept."""
    bad_path = make_mbtiles("imported", [(9, 101, 57)])
    con = sqlite3.connect(bad_path)
    con.execute("UPDATE tiles SET tile_data = ?", (b"<html>oops</html>",))
    con.commit()
    con.close()
    bad, shipped = MBTilesReader(bad_path), MBTilesReader(make_mbtiles("shipped", [(9, 101, 57)]))
    chain = TileChain([bad, shipped])
    assert chain.get(9, 101, 57).origin == "shipped"
    assert [(p.code, p.params) for p in chain.problems()] == [("tile_not_image", {"z": 9, "x": 101, "y": 57})]
    bad.close()
    shipped.close()


def test_the_memory_lru_stays_under_its_byte_cap_and_drops_the_oldest():
    """The cap is bytes of encoded tiles; reading a tile makes it recent."""
    lru = MemoryLRU(max_bytes=1000)
    for i in range(5):
        lru.put((1, i, 0), _Entry(b"x" * 300, "t", None))
        lru.get((1, 0, 0))
    assert lru.bytes <= 1000
    assert len(lru) == 3
    assert lru.get((1, 0, 0)) is not None
    assert lru.get((1, 1, 0)) is None


def test_an_enabled_online_source_makes_missing_tiles_fetchable_and_an_offline_one_does_not(
        make_mbtiles: MakeMBTiles):
    """``fetchable`` is only ever true while a person has the online source on, within its zooms."""
    online = OnlineSource(OnlineConfig("https://tiles.example.vn/{z}/{x}/{y}.png", "© Example", max_zoom=16),
                          opener=lambda request, timeout: pytest.fail("no request expected"))
    chain = TileChain([], None, online)
    assert not chain.get(15, 1, 1).fetchable
    assert chain.fetch(15, 1, 1).kind == "placeholder"
    online.enabled = True
    assert chain.get(15, 1, 1).fetchable
    assert not chain.get(17, 1, 1).fetchable
    assert chain.attributions() == ["© Example"]


def test_attributions_list_each_credit_once(make_mbtiles: MakeMBTiles):
    """Two basemaps with the same credit show it once, in chain order."""
    a = MBTilesReader(make_mbtiles("a", [], attribution="© OpenStreetMap contributors"))
    b = MBTilesReader(make_mbtiles("b", [], attribution="Natural Earth"))
    c = MBTilesReader(make_mbtiles("c", [], attribution="© OpenStreetMap contributors"))
    assert TileChain([a, b, c]).attributions() == ["© OpenStreetMap contributors", "Natural Earth"]
    for reader in (a, b, c):
        reader.close()


def test_open_basemaps_skips_bad_files_and_reports_them(tmp_path: Path, make_mbtiles: MakeMBTiles):
    """A broken imported file is reported; the good ones and the shipped one still open, imported first."""
    folder = tmp_path / "imported"
    folder.mkdir()
    import_basemap(make_mbtiles("good", [(1, 0, 0)]), folder)
    (folder / "broken.mbtiles").write_bytes(b"garbage" * 100)
    shipped = make_mbtiles("shipped", [(1, 0, 0)])
    found = open_basemaps([shipped], folder)
    assert [r.metadata.name for r in found.readers] == ["good", "shipped"]
    assert [p.code for p in found.problems] == ["mbtiles_unreadable"]
    found.close()


def test_importing_copies_a_checked_file_and_never_writes_the_original(tmp_path: Path, make_mbtiles: MakeMBTiles):
    """The source file is unchanged; the copy is complete; a second import of the same name is refused."""
    src = make_mbtiles("province", [(7, 101, 56)])
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    target = import_basemap(src, tmp_path / "maps")
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest == hashlib.sha256(target.read_bytes()).hexdigest()
    assert not list((tmp_path / "maps").glob("*.part"))
    with pytest.raises(MapError) as caught:
        import_basemap(src, tmp_path / "maps")
    assert caught.value.code == "basemap_exists"


def test_importing_a_file_that_is_not_mbtiles_copies_nothing(tmp_path: Path):
    """A bad file is refused before anything lands in the basemap folder."""
    src = tmp_path / "photo.mbtiles"
    src.write_bytes(b"\xff\xd8\xff\xe0 a jpeg")
    with pytest.raises(MapError):
        import_basemap(src, tmp_path / "maps")
    assert not (tmp_path / "maps").exists() or not list((tmp_path / "maps").iterdir())
