"""The basemap build (tools/build_basemap.py) on tiny made-up sources, and the basemap the app ships."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from ocop_desktop.maps.mbtiles import MBTilesReader
from ocop_desktop.maps.mercator import tiles_in_bounds, to_world

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_basemap as bb  # noqa: E402
from basemap_draw import SEA, Label  # noqa: E402

SHIPPED = ROOT / "resources" / "maps" / "ha_tinh.mbtiles"
BOX = (105.70, 18.20, 105.95, 18.40)
TINY_PLAN = (bb.Extent("tiny", BOX, 9, 10, "detail",
                       (bb.FixedLabel(Label("Sea", 105.92, 18.38, 10), (9, 10), ""),), units_from=10),)


def _square(west: float, south: float, east: float, north: float) -> list[tuple[float, float]]:
    return [(west, south), (east, south), (east, north), (west, north), (west, south)]


def _tiny_sources() -> bb.Sources:
    """Land west of 105.85°E is Việt Nam (Laos beyond 105.75°E westwards), sea to the east."""
    return bb.Sources(
        detail=[bb.Country("LAO", [[_square(105.0, 17.0, 105.75, 19.0)]]),
                bb.Country("VNM", [[_square(105.75, 17.0, 105.85, 19.0)]])],
        units=[{"name": "Xa Mot", "lat": 18.3, "lon": 105.8, "division_type": "xã"},
               {"name": "Phuong Hai", "lat": 18.25, "lon": 105.82, "division_type": "phường"}],
        province={"name": "Tinh", "lat": 18.3, "lon": 105.8})


def _pixel(reader: MBTilesReader, lat: float, lon: float, zoom: int) -> tuple[int, ...]:
    x, y = to_world(lat, lon, zoom)
    data = reader.tile(zoom, int(x // 256), int(y // 256))
    assert data is not None
    return Image.open(io.BytesIO(data)).convert("RGB").getpixel((int(x % 256), int(y % 256)))  # type: ignore[return-value]


def test_building_twice_gives_the_same_bytes(tmp_path: Path):
    """Fixed metadata, sorted tiles and undithered palette PNGs: a rebuild is byte-for-byte identical."""
    first, second = tmp_path / "a.mbtiles", tmp_path / "b.mbtiles"
    bb.build(first, _tiny_sources(), TINY_PLAN)
    bb.build(second, _tiny_sources(), TINY_PLAN)
    assert first.read_bytes() == second.read_bytes()


def test_the_built_file_is_a_checked_mbtiles_with_every_tile_of_its_extent(tmp_path: Path):
    """Metadata carries the attribution and zooms; each tile in the extent is a 256 px PNG; land and sea
    are where the sources put them."""
    out = tmp_path / "tiny.mbtiles"
    count = bb.build(out, _tiny_sources(), TINY_PLAN)
    assert count == sum(tiles_in_bounds(*BOX, z).count for z in (9, 10))
    with MBTilesReader(out) as reader:
        assert (reader.metadata.minzoom, reader.metadata.maxzoom) == (9, 10)
        assert reader.metadata.attribution == bb.ATTRIBUTION
        for z in (9, 10):
            for tile in tiles_in_bounds(*BOX, z):
                image = Image.open(io.BytesIO(reader.tile(*tile) or b""))
                assert (image.format, image.size) == ("PNG", (256, 256))
        assert _pixel(reader, 18.3, 105.93, 10) == SEA
        assert _pixel(reader, 18.22, 105.80, 10) == bb.VN_LAND
        assert _pixel(reader, 18.22, 105.72, 10) == bb.OTHER_LAND


def test_a_rebuild_replaces_the_previous_file(tmp_path: Path):
    """`make basemap` over an existing file writes a fresh one (never appends into the old)."""
    out = tmp_path / "tiny.mbtiles"
    out.write_bytes(b"old")
    bb.build(out, _tiny_sources(), TINY_PLAN)
    with MBTilesReader(out) as reader:
        assert reader.tile_count() > 0
    assert not list(tmp_path.glob("*.part"))


def test_a_label_anchored_in_the_wrong_place_stops_the_build(tmp_path: Path):
    """A sea's name placed on land (a typo in a coordinate) fails loudly instead of shipping."""
    plan = (bb.Extent("tiny", BOX, 9, 9, "detail", (bb.FixedLabel(Label("Sea", 105.8, 18.3, 10), (9, 9), ""),)),)
    with pytest.raises(SystemExit, match="lies in"):
        bb.build(tmp_path / "x.mbtiles", _tiny_sources(), plan)


def test_islands_in_the_archipelagos_are_drawn_as_vietnams_whoever_a_source_files_them_under():
    """An island inside the Hoàng Sa box filed under another country gets Việt Nam's colour and a marker."""
    island = _square(111.6, 16.5, 111.62, 16.52)
    sources = bb.Sources(overview=[bb.Country("China", [[island]]), bb.Country("Laos", [[_square(103, 17, 104, 18)]])])
    extent = bb.Extent("east sea", (102.0, 6.2, 117.6, 23.5), 5, 6, "overview")
    scene = bb.geometry_for(extent, sources)
    colours = sorted(fill.color for fill in scene.fills)
    assert colours == sorted([bb.VN_LAND, bb.OTHER_LAND])
    assert [point for point, _ in scene.markers] == [pytest.approx((111.608, 16.508))]


def test_topojson_arcs_shared_by_two_countries_are_borders(tmp_path: Path):
    """Two squares sharing one edge: that arc is a border, the others coasts; rings come out closed."""
    topo = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [100, 10]},
            "arcs": [[[0, 0], [0, 1]], [[0, 1], [-1, 0], [0, -1], [1, 0]], [[0, 0], [1, 0], [0, 1], [-1, 0]]],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
                {"type": "Polygon", "arcs": [[2, -1]], "properties": {"name": "East"}}]}}}
    path = tmp_path / "topo.json"
    path.write_text(json.dumps(topo), encoding="utf-8")
    sources = bb.Sources()
    bb.load_overview(path, sources)
    assert [c.code for c in sources.overview] == ["West", "East"]
    assert sources.overview_borders == [[(100, 10), (100, 11)]]
    assert len(sources.overview_coasts) == 2
    west_ring = sources.overview[0].polygons[0][0]
    assert west_ring[0] == west_ring[-1] == (100, 10)


def test_geo_maps_features_are_read_line_by_line_and_only_those_asked_for(tmp_path: Path):
    """The 170 MB file is never parsed whole: only the lines of the wanted countries are."""
    features = [{"type": "Feature", "properties": {"A3": code},
                 "geometry": {"type": "Polygon", "coordinates": [_square(1, 1, 2, 2)]}} for code in ("THA", "VNM")]
    lines = ['{"type":"FeatureCollection", "features": [']
    lines += [json.dumps(f, separators=(",", ":")) + "," for f in features] + ["this line is not JSON", "]}"]
    path = tmp_path / "map.geo.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = bb.load_detail(path, {"VNM"})
    assert [(c.code, len(c.polygons)) for c in found] == [("VNM", 1)]


def test_the_shipped_basemap_covers_the_province_from_z7_to_z12_and_the_archipelagos():
    """Every tile of Hà Tĩnh's box at z7–12 is in the file (offline coverage 100 %), Hoàng Sa and Trường Sa
    are inside the z5–6 tiles, the metadata credits OpenStreetMap, and the file stays small."""
    assert SHIPPED.stat().st_size < 5 * 1024 * 1024
    with MBTilesReader(SHIPPED) as reader:
        meta = reader.metadata
        assert (meta.name, meta.format, meta.minzoom, meta.maxzoom) == ("Hà Tĩnh", "png", 5, 12)
        assert "OpenStreetMap contributors" in meta.attribution and "Natural Earth" in meta.attribution
        missing = [t for z in range(7, 13) for t in tiles_in_bounds(105.05, 17.85, 106.55, 18.85, z)
                   if reader.tile(*t) is None]
        assert missing == []
        for lat, lon in ((16.5, 111.9), (10.0, 114.3), (8.65, 111.9)):
            assert all(reader.tile(*t) is not None for t in tiles_in_bounds(lon, lat, lon, lat, 6))
