"""Producer clusters for every zoom (target: 20,000 producers in <= 500 ms), viewport queries, and tile reads
from the shipped basemap, each beside a baseline measured in the same run."""

from __future__ import annotations

import functools
import json
import math
import random
import statistics
import time
from collections.abc import Callable

from ocop_desktop.maps.basemaps import SHIPPED_BASEMAP, open_basemaps
from ocop_desktop.maps.clusters import ClusterOptions, MapPoint, build_index
from ocop_desktop.maps.mercator import TILE_SIZE, Z_REF, to_lat_lon, to_world, visible_tiles
from ocop_desktop.maps.source import TileChain
from ocop_desktop.paths import resources_dir


def producers(n: int, seed: int = 42) -> list[MapPoint]:
    """Producers scattered around Hà Tĩnh's 69 commune centroids (a few km each), as registrations would be."""
    units = json.loads((resources_dir() / "admin_units" / "ha_tinh_2025.json").read_text(encoding="utf-8"))["units"]
    rnd = random.Random(seed)
    points = []
    for i in range(n):
        unit = units[rnd.randrange(len(units))]
        spread = math.sqrt(unit["area_km2"]) / 111.0 / 3
        points.append(MapPoint(f"p{i}", unit["lat"] + rnd.gauss(0, spread), unit["lon"] + rnd.gauss(0, spread)))
    return points


def _ms(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _viewport(zoom: int, lat: float = 18.34, lon: float = 105.9) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a 1280 x 800 view centred on Hà Tĩnh city."""
    cx, cy = to_world(lat, lon, zoom)
    north, west = to_lat_lon(cx - 640, cy - 400, zoom)
    south, east = to_lat_lon(cx + 640, cy + 400, zoom)
    return west, south, east, north


def run_clusters(n: int = 20_000, repeat: int = 3) -> None:
    points = producers(n)
    options = ClusterOptions()
    builds = _ms(lambda: build_index(points, 1, options), repeat)
    baseline = _ms(lambda: [to_world(p.lat, p.lon) for p in points if p.lat is not None and p.lon is not None],
                   repeat)
    cpu = time.process_time()
    index = build_index(points, 1, options)
    cpu_ms = (time.process_time() - cpu) * 1000
    levels = options.max_zoom - options.min_zoom + 2
    print(f"map clusters, {n:,} producers around 69 communes, z{options.min_zoom}-{options.max_zoom + 1} "
          f"({levels} zooms), best of {repeat}:")
    print(f"  cluster build, every zoom: {min(builds):7.1f} ms  (median {statistics.median(builds):.1f}; "
          f"CPU {cpu_ms:.0f} ms; target <= 500 ms)")
    print(f"  baseline, one projection pass over the points: {min(baseline):6.1f} ms "
          f"(build = {min(builds) / max(min(baseline), 1e-6):.0f} passes)")
    for zoom in (8, 11, 13, 15):
        box = _viewport(zoom)
        query = _ms(functools.partial(index.clusters, zoom, *box), max(5, repeat * 5))
        shown = index.clusters(zoom, *box)
        print(f"  z{zoom:<2} 1280x800 view: {len(shown):5,} items ({sum(c.count for c in shown):6,} producers), "
              f"query p50 {statistics.median(query):6.2f} ms")
    big = max(index.at_zoom(10), key=lambda c: c.count)
    pages = _ms(lambda: index.leaves(big.id, limit=50, offset=big.count // 2), max(5, repeat * 5))
    print(f"  a page of 50 from the middle of a {big.count:,}-producer cluster: p50 {statistics.median(pages):.3f} ms")


def _read_all(chain: TileChain, tiles: list[tuple[int, int, int]]) -> None:
    for tile in tiles:
        chain.get(*tile)


def run_tiles(repeat: int = 3) -> None:
    """A 1280 x 800 view's tiles (with a margin of one) read cold from the shipped basemap, then from memory."""
    basemaps = open_basemaps([resources_dir() / "maps" / SHIPPED_BASEMAP])
    try:
        zoom = 11
        cx, cy = to_world(18.34, 105.9, Z_REF)
        half_w, half_h = 640 * 2.0 ** (Z_REF - zoom), 400 * 2.0 ** (Z_REF - zoom)
        tiles = list(visible_tiles(cx - half_w, cy - half_h, cx + half_w, cy + half_h, zoom, margin=1))
        cold: list[float] = []
        warm: list[float] = []
        for _ in range(repeat):
            chain = TileChain(basemaps.readers)
            view = functools.partial(_read_all, chain, tiles)
            cold += _ms(view, 1)
            warm += _ms(view, 1)
        size = sum(len(chain.get(*t).data or b"") for t in tiles)
        print(f"tiles of a 1280x800 view at z{zoom} ({len(tiles)} tiles of {TILE_SIZE} px, {size / 1024:.0f} KB) "
              f"from {SHIPPED_BASEMAP}: cold {min(cold):.2f} ms, from memory {min(warm):.2f} ms "
              "(reading only; decoding is the UI's)")
    finally:
        basemaps.close()


def run(n: int = 20_000, repeat: int = 3) -> None:
    run_clusters(n, repeat)
    run_tiles(repeat)
