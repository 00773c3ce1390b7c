"""MBTiles 1.3 files: written and read back, TMS rows on disk, and every kind of bad file refused."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from map_testkit import PNG_MAGIC, fake_png

from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.images import MAX_TILE_BYTES, check_tile, image_format
from ocop_desktop.maps.mbtiles import MBTilesMetadata, MBTilesReader, parse_metadata, write_mbtiles


def _raw(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _mbtiles_with(path: Path, metadata: dict[str, str], tiles: list[tuple[int, int, int, bytes]]) -> Path:
    """A file written by hand, as some other tool might have."""
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                      "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);")
    con.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
    con.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", tiles)
    con.commit()
    con.close()
    return path


def test_a_written_file_reads_back_in_xyz_and_stores_tms_rows(make_mbtiles: Callable[..., Path]):
    """The spec's tile XYZ 11/327/791 lands in row 1256 on disk and reads back by its XYZ numbers."""
    path = make_mbtiles("base", [(11, 327, 791), (0, 0, 0)], attribution="© test")
    assert _raw(path, "SELECT zoom_level, tile_column, tile_row FROM tiles ORDER BY zoom_level") == [
        (0, 0, 0), (11, 327, 1256)]
    with MBTilesReader(path) as reader:
        assert reader.tile(11, 327, 791) == fake_png("base 11/327/791")
        assert reader.tile(11, 327, 1256) is None
        assert reader.tile_count() == 2
        assert (reader.metadata.name, reader.metadata.format, reader.metadata.attribution) == ("base", "png", "© test")


def test_writing_twice_gives_the_same_bytes(tmp_path: Path):
    """Fixed metadata and sorted inserts: a rebuilt basemap is byte-identical, whatever the input order."""
    meta = MBTilesMetadata(name="same", format="png", bounds=(105.0, 17.8, 106.6, 18.9), minzoom=7, maxzoom=8,
                           center=(105.9, 18.3, 8))
    tiles = [(8, 203, 114, fake_png("a")), (7, 101, 57, fake_png("b")), (8, 202, 114, fake_png("c"))]
    write_mbtiles(tmp_path / "a.mbtiles", meta, tiles)
    write_mbtiles(tmp_path / "b.mbtiles", meta, list(reversed(tiles)))
    assert (tmp_path / "a.mbtiles").read_bytes() == (tmp_path / "b.mbtiles").read_bytes()


def test_the_writer_never_replaces_an_existing_file(make_mbtiles: Callable[..., Path]):
    """Writing over a basemap would destroy it; the writer refuses."""
    path = make_mbtiles("base", [(0, 0, 0)])
    with pytest.raises(MapError) as caught:
        write_mbtiles(path, MBTilesMetadata(name="x", format="png"), [])
    assert caught.value.code == "basemap_exists"


def test_the_writer_refuses_a_tile_that_is_not_an_image(tmp_path: Path):
    """Garbage never gets into a file this app writes."""
    with pytest.raises(MapError) as caught:
        write_mbtiles(tmp_path / "x.mbtiles", MBTilesMetadata(name="x", format="png"), [(3, 1, 2, b"<html>")])
    assert (caught.value.code, caught.value.params) == ("tile_not_image", {"z": 3, "x": 1, "y": 2})


def test_reading_never_changes_the_file(make_mbtiles: Callable[..., Path]):
    """An imported basemap is opened read-only: its bytes and time stamp are unchanged after use."""
    path = make_mbtiles("base", [(5, 3, 4)])
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    with MBTilesReader(path) as reader:
        reader.tile(5, 3, 4)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader._con.execute("DELETE FROM tiles")
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path):
    """A PNG renamed .mbtiles, or a truncated download, is a clear error."""
    path = tmp_path / "broken.mbtiles"
    path.write_bytes(PNG_MAGIC + b"not sqlite at all" * 100)
    with pytest.raises(MapError) as caught:
        MBTilesReader(path)
    assert caught.value.code == "mbtiles_unreadable"


def test_a_missing_file_is_refused(tmp_path: Path):
    """The reader does not create an empty database where a basemap was expected."""
    with pytest.raises(MapError) as caught:
        MBTilesReader(tmp_path / "gone.mbtiles")
    assert caught.value.params["reason"] == "missing"
    assert not (tmp_path / "gone.mbtiles").exists()


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path):
    """Some other application's database (our own, say) is not a basemap."""
    path = tmp_path / "ocop.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE dossiers (id TEXT)")
    con.close()
    with pytest.raises(MapError) as caught:
        MBTilesReader(path)
    assert (caught.value.code, caught.value.params["missing"]) == ("mbtiles_not_mbtiles", "metadata,tiles")


@pytest.mark.parametrize(("metadata", "field"), [
    ({"format": "png"}, "name"),
    ({"name": "x"}, "format"),
    ({"name": "x", "format": "pbf"}, "format"),
    ({"name": "x", "format": "png", "bounds": "105,18,104,19"}, "bounds"),
    ({"name": "x", "format": "png", "bounds": "105,18,106"}, "bounds"),
    ({"name": "x", "format": "png", "minzoom": "12", "maxzoom": "7"}, "minzoom/maxzoom"),
    ({"name": "x", "format": "png", "maxzoom": "twelve"}, "minzoom/maxzoom"),
    ({"name": "x", "format": "png", "scheme": "quadkey"}, "scheme"),
])
def test_wrong_metadata_is_refused_naming_the_field(tmp_path: Path, metadata: dict[str, str], field: str):
    """Vector tiles, reversed bounds, impossible zooms: the error names the metadata row at fault."""
    path = _mbtiles_with(tmp_path / "bad.mbtiles", metadata, [])
    with pytest.raises(MapError) as caught:
        MBTilesReader(path)
    assert (caught.value.code, caught.value.params["field"]) == ("mbtiles_bad_metadata", field)


def test_metadata_accepts_jpeg_and_keeps_unknown_rows():
    """``jpeg`` is read as ``jpg``; rows the map does not use are kept, and a broken center is ignored."""
    meta = parse_metadata({"name": "x", "format": "JPEG", "version": "2", "center": "oops"})
    assert (meta.format, meta.extra, meta.center) == ("jpg", {"version": "2"}, None)


def test_an_xyz_scheme_file_is_read_without_flipping(tmp_path: Path):
    """Some tools write XYZ rows and say so in ``scheme``; such a file is read as it is."""
    path = _mbtiles_with(tmp_path / "xyz.mbtiles", {"name": "x", "format": "png", "scheme": "xyz"},
                         [(11, 327, 791, fake_png("xyz"))])
    with MBTilesReader(path) as reader:
        assert reader.tile(11, 327, 791) == fake_png("xyz")


@pytest.mark.parametrize("data", [b"<html>404</html>", b"", b"GIF89a....", b"RIFF\0\0\0\0WAVE"])
def test_a_stored_tile_that_is_not_an_image_is_an_error(tmp_path: Path, data: bytes):
    """HTML error pages or other formats stored as tiles are refused by their first bytes."""
    path = _mbtiles_with(tmp_path / "x.mbtiles", {"name": "x", "format": "png"}, [(1, 0, 0, data)])
    with MBTilesReader(path) as reader, pytest.raises(MapError) as caught:
        reader.tile(1, 0, 1)
    assert caught.value.code == "tile_not_image"


def test_an_oversized_tile_is_an_error(tmp_path: Path):
    """A tile bigger than the limit is not handed to an image decoder."""
    big = PNG_MAGIC + b"\0" * MAX_TILE_BYTES
    path = _mbtiles_with(tmp_path / "x.mbtiles", {"name": "x", "format": "png"}, [(1, 0, 0, big)])
    with MBTilesReader(path) as reader, pytest.raises(MapError) as caught:
        reader.tile(1, 0, 1)
    assert caught.value.code == "tile_too_large"
    assert caught.value.params["size"] == MAX_TILE_BYTES + 8


def test_image_formats_are_told_by_their_magic_bytes():
    """PNG, JPEG and WebP signatures; a WebP needs both RIFF and WEBP."""
    assert image_format(PNG_MAGIC) == "png"
    assert image_format(b"\xff\xd8\xff\xe0JFIF") == "jpg"
    assert image_format(b"RIFF\x10\0\0\0WEBPVP8 ") == "webp"
    assert image_format(b"RIFF\x10\0\0\0AVI ") is None
    assert check_tile(b"\xff\xd8\xff\xe0", 1, 2, 3) == "jpg"
