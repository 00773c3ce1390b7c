"""Where the map's tiles come from, and bad input: a corrupt or foreign MBTiles file, a tile that is not an image,
the "import a basemap" action, and the admin's online source (off by default, and fetched only when on)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from ocop_desktop.maps.mbtiles import MBTilesMetadata, write_mbtiles
from ocop_desktop.maps.mercator import tile_at
from ocop_desktop.maps.online import OnlineConfig, OnlineSource
from ocop_desktop.maps.source import TileChain
from ocop_desktop.ui.map.basemap_actions import OnlineSourceDialog, choose_basemap
from ocop_desktop.ui.map.sources import MapSources, OnlineSettings, imported_dir, load_online, save_online
from ocop_desktop.ui.map.tiles import TileLayer
from tests.ui.map_helpers import map_page

CITY = (18.34, 105.9)


def _png(colour: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _basemap(path: Path, tiles: dict[tuple[int, int, int], bytes], attribution: str = "© Sở TN&MT Hà Tĩnh") -> Path:
    write_mbtiles(path, MBTilesMetadata(name=path.stem, format="png", minzoom=0, maxzoom=14,
                                        attribution=attribution), [(*k, v) for k, v in tiles.items()])
    return path


def _city_tile(zoom: int) -> tuple[int, int, int]:
    return (zoom, *tile_at(*CITY, zoom))


def test_a_corrupt_and_a_foreign_basemap_are_reported_and_the_map_goes_on(context, qtbot):
    """A damaged file and an SQLite file that is not MBTiles in the basemap folder are each named in the status
    line; the shipped basemap still draws and every producer is still on the map."""
    folder = imported_dir(context.paths)
    folder.mkdir(parents=True)
    (folder / "hong.mbtiles").write_bytes(b"this is not a database at all" * 100)
    with sqlite3.connect(folder / "la.mbtiles") as con:
        con.execute("CREATE TABLE something (x)")
    con.close()
    page = map_page(context, qtbot)
    status = page.status.text()
    assert "Không đọc được tệp bản đồ nền" in status and "hong.mbtiles" in status
    assert "la.mbtiles không phải bản đồ nền MBTiles" in status
    assert [r.path.name for r in page.sources.basemaps.readers] == ["ha_tinh.mbtiles"]
    assert page.selection.shown > 0
    page.view.set_view(*CITY, 11)
    QApplication.processEvents()
    assert page.tiles.best(*_city_tile(11)) is not None


def test_a_tile_that_is_not_an_image_is_drawn_as_missing_and_said(context, qtbot):
    """An imported basemap whose tile holds bytes that do not decode: that tile is left blank (its parent drawn
    scaled up instead), the status line says some tiles are damaged, and the neighbours draw."""
    z, x, y = _city_tile(11)
    folder = imported_dir(context.paths)
    folder.mkdir(parents=True)
    broken = b"\x89PNG\r\n\x1a\n" + b"garbage" * 50  # looks like a PNG, does not decode
    _basemap(folder / "a_tinh.mbtiles", {(z, x, y): broken, (z, x + 1, y): _png("#3a7d44"),
                                         (z - 1, x >> 1, y >> 1): _png("#c0392b")})
    page = map_page(context, qtbot)
    page.view.set_view(*CITY, 11)
    QApplication.processEvents()
    assert "Một số ô bản đồ bị lỗi" in page.status.text()
    pixmap, part = page.tiles.best(z, x, y)
    assert part.width() == 128  # the parent's quarter, scaled up
    assert pixmap.toImage().pixelColor(int(part.center().x()), int(part.center().y())) == QColor("#c0392b")
    neighbour, whole = page.tiles.best(z, x + 1, y)
    assert whole.width() == 256 and neighbour.toImage().pixelColor(5, 5) == QColor("#3a7d44")


def test_importing_a_basemap_copies_it_and_the_map_uses_it_first(context, qtbot, tmp_path):
    """"Nhập bản đồ nền" copies a checked file into the data folder; the open map draws from it before the
    shipped basemap and shows its credits."""
    page = map_page(context, qtbot)
    source = _basemap(tmp_path / "ha_tinh_2026.mbtiles", {_city_tile(11): _png("#2e86c1")})
    said = []
    choose_basemap(page, context, page.reload_sources, choose=lambda: str(source),
                   tell=lambda title, text, ok: said.append((ok, text)))
    assert said and said[0][0] and "ha_tinh_2026.mbtiles" in said[0][1]
    assert (imported_dir(context.paths) / "ha_tinh_2026.mbtiles").read_bytes() == source.read_bytes()
    assert [r.path.name for r in page.sources.basemaps.readers] == ["ha_tinh_2026.mbtiles", "ha_tinh.mbtiles"]
    assert "Sở TN&MT Hà Tĩnh" in page.view.attribution
    page.view.set_view(*CITY, 11)
    QApplication.processEvents()
    pixmap, _ = page.tiles.best(*_city_tile(11))
    assert pixmap.toImage().pixelColor(10, 10) == QColor("#2e86c1")


def test_importing_a_bad_file_says_why_and_copies_nothing(context, qtbot, tmp_path):
    """A file that is not MBTiles is refused with the reason; the basemap folder gets nothing."""
    page = map_page(context, qtbot)
    bad = tmp_path / "ban_do.mbtiles"
    bad.write_bytes(b"PK\x03\x04 a zip, not a basemap" * 20)
    said = []
    choose_basemap(page, context, page.reload_sources, choose=lambda: str(bad),
                   tell=lambda title, text, ok: said.append((ok, title, text)))
    [(ok, title, text)] = said
    assert not ok and title == "Không nhập được bản đồ nền" and "ban_do.mbtiles" in text
    assert not (imported_dir(context.paths) / "ban_do.mbtiles").exists()


def test_the_online_source_is_off_until_an_admin_turns_it_on(context, qtbot):
    """No settings: no online source at all. An address without {z}/{x}/{y} is refused in the dialog with its
    reason; a good one is kept, and the chain asks it only once it is switched on."""
    assert load_online(context.paths) == OnlineSettings()
    assert MapSources(context.paths).chain.online is None
    dialog = OnlineSourceDialog(OnlineSettings())
    qtbot.addWidget(dialog)
    dialog.template.setText("https://tiles.example.vn/tiles.png")
    dialog.attribution.setText("© Example")
    dialog.accept()
    assert dialog.result_settings is None and not dialog.error.isHidden()
    assert "không dùng được" in dialog.error.text()
    dialog.template.setText("https://tiles.example.vn/{z}/{x}/{y}.png")
    dialog.accept()
    assert dialog.result_settings == OnlineSettings("https://tiles.example.vn/{z}/{x}/{y}.png", "© Example", "", False)
    save_online(context.paths, dialog.result_settings)
    sources = MapSources(context.paths)
    assert sources.chain.online is not None and not sources.chain.online.enabled
    assert "© Example" not in sources.attribution()  # credited only while it can draw
    save_online(context.paths, OnlineSettings("https://tiles.example.vn/{z}/{x}/{y}.png", "© Example", "", True))
    sources.reopen()
    assert sources.chain.online.enabled and "© Example" in sources.attribution()


class _Answer:
    """What urllib's opener returns, for a tile server that answers 200 with a PNG."""

    def __init__(self, data: bytes):
        self.data, self.status, self.headers = data, 200, {"Cache-Control": "max-age=3600"}

    def read(self, limit: int = -1) -> bytes:
        return self.data

    def __enter__(self) -> _Answer:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _online_layer(enabled: bool, asked: list[str]) -> TileLayer:
    def opener(request, timeout: float) -> _Answer:
        asked.append(request.full_url)
        return _Answer(_png("#8e44ad"))

    source = OnlineSource(OnlineConfig("https://tiles.example.vn/{z}/{x}/{y}.png", "© Example"), opener=opener)
    source.enabled = enabled
    return TileLayer(TileChain([], None, source), synchronous=True)


def test_a_tile_in_view_is_fetched_online_once_the_source_is_on(qtbot):
    """With the online source on, a tile no basemap holds is asked for once, and drawn from the answer."""
    asked: list[str] = []
    layer = _online_layer(True, asked)
    layer.want([(13, 6513, 3670)])
    assert asked == ["https://tiles.example.vn/13/6513/3670.png"]
    pixmap, whole = layer.best(13, 6513, 3670)
    assert whole.width() == 256 and pixmap.toImage().pixelColor(3, 3) == QColor("#8e44ad")
    layer.want([(13, 6513, 3670)])
    assert len(asked) == 1


def test_an_online_source_that_is_off_is_never_asked(qtbot):
    """Configured but off (the default): no request at all, the tile stays a placeholder."""
    asked: list[str] = []
    layer = _online_layer(False, asked)
    layer.want([(13, 6513, 3670)])
    assert asked == [] and layer.best(13, 6513, 3670) is None
