"""Web-Mercator maths: the MBTiles spec's example, round trips, tile bounds and visible ranges."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_desktop.maps.mercator import (
    MAX_LAT,
    TILE_SIZE,
    Z_REF,
    TileRange,
    flip_y,
    meters_per_pixel,
    tile_at,
    tile_bounds,
    tiles_in_bounds,
    to_lat_lon,
    to_world,
    visible_tiles,
)

lats = st.floats(min_value=-MAX_LAT, max_value=MAX_LAT, allow_nan=False)
lons = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)
zooms = st.integers(min_value=0, max_value=22)


def test_the_spec_example_xyz_11_327_791_is_tms_row_1256():
    """mbtiles-spec 1.3: the tile XYZ 11/327/791 is stored with tile_row 1256."""
    assert flip_y(11, 791) == 1256
    assert flip_y(11, 1256) == 791


@given(zooms, st.data())
def test_xyz_tms_flip_is_its_own_inverse_for_every_row(z: int, data: st.DataObject):
    """XYZ -> TMS -> XYZ is the identity, and rows stay inside the zoom's grid."""
    y = data.draw(st.integers(min_value=0, max_value=(1 << z) - 1))
    assert flip_y(z, flip_y(z, y)) == y
    assert 0 <= flip_y(z, y) < 1 << z


@given(lats, lons)
def test_lat_lon_to_world_pixels_and_back(lat: float, lon: float):
    """A point projected to world pixels at the reference zoom comes back within a millimetre-ish."""
    back_lat, back_lon = to_lat_lon(*to_world(lat, lon))
    assert back_lat == pytest.approx(lat, abs=1e-9)
    assert back_lon == pytest.approx(lon, abs=1e-9)


@given(lats, lons, st.integers(min_value=0, max_value=18))
def test_the_tile_holding_a_point_has_bounds_around_it(lat: float, lon: float, z: int):
    """tile_at and tile_bounds agree: the point lies inside its tile's box."""
    x, y = tile_at(lat, lon, z)
    west, south, east, north = tile_bounds(z, x, y)
    assert west - 1e-9 <= lon <= east + 1e-9
    assert south - 1e-9 <= lat <= north + 1e-9


def test_known_positions():
    """Null Island is the world's centre; Hà Tĩnh city's tile agrees with the asinh form of the projection."""
    size = TILE_SIZE * 2**Z_REF
    assert to_world(0.0, 0.0) == pytest.approx((size / 2, size / 2))
    lat, lon = 18.3419, 105.903
    expected_y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 4096
    assert tile_at(lat, lon, 12) == (int((lon + 180) / 360 * 4096), int(expected_y)) == (3252, 1835)
    assert tile_at(90.0, -180.0, 3) == (0, 0)
    assert tile_at(-90.0, 180.0, 3) == (7, 7)


def test_meters_per_pixel_matches_the_research_figure_for_ha_tinh():
    """At ~18.3°N one pixel is about 2.3 m at z16 (map research, section 1.4)."""
    assert meters_per_pixel(18.3, 16) == pytest.approx(2.27, abs=0.01)
    assert meters_per_pixel(0.0, 0) == pytest.approx(156_543.03, abs=0.01)


def test_visible_tiles_of_a_1280x800_view():
    """A 1280×800 view whose corner sits 100, 30 px into a tile spans 6×4 tiles, 8×6 with a margin of one."""
    z = 12
    left, top = 3250 * TILE_SIZE + 100.0, 1817 * TILE_SIZE + 30.0
    scale = 2.0 ** (Z_REF - z)
    rng = visible_tiles(left * scale, top * scale, (left + 1280) * scale, (top + 800) * scale, z)
    assert (rng.x0, rng.y0, rng.x1, rng.y1) == (3250, 1817, 3255, 1820)
    assert rng.count == 24
    assert visible_tiles(left * scale, top * scale, (left + 1280) * scale, (top + 800) * scale, z,
                         margin=1).count == 48


def test_a_view_edge_on_a_tile_boundary_does_not_add_a_column():
    """Exactly two tiles wide means two tiles, not three."""
    rng = visible_tiles(0, 0, 2 * TILE_SIZE, TILE_SIZE, 5, ref_zoom=5)
    assert (rng.x0, rng.x1, rng.y0, rng.y1) == (0, 1, 0, 0)


def test_visible_tiles_are_clamped_to_the_world():
    """A view that shows space beyond the world's edge asks for no tile outside it."""
    rng = visible_tiles(-5000, -5000, 5000, 5000, 2, ref_zoom=2)
    assert (rng.x0, rng.y0, rng.x1, rng.y1) == (0, 0, 3, 3)
    assert list(TileRange(1, 1, 0, 0, 0)) == []


def test_tiles_in_bounds_iterates_row_by_row_and_knows_membership():
    """The tile range of a box lists each tile once, from the north-west, and answers `in`."""
    rng = tiles_in_bounds(105.05, 17.85, 106.55, 18.85, 10)
    tiles = list(rng)
    assert len(tiles) == len(set(tiles)) == rng.count
    assert tiles[0] == (10, rng.x0, rng.y0)
    assert (10, rng.x0, rng.y1) in rng
    assert (11, rng.x0, rng.y0) not in rng
    assert math.isclose(tile_bounds(10, rng.x0, rng.y0)[0], -180 + rng.x0 * 360 / 1024)
