"""Drawing for tools/build_basemap.py: a scene of polygons, lines, markers and labels rendered into PNG tiles.

Geometry is clipped once per extent (in degrees), projected per zoom into world pixels, and each tile draws
what crosses it, so shapes and labels run on across tile edges. Polygons and lines are drawn at twice the
size and scaled down (smooth edges with Pillow's plain rasteriser); labels are drawn at full size after
that, crisp. Every step is deterministic: same input, same PNG bytes (with the same Pillow).
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from ocop_desktop.maps.mercator import TILE_SIZE, to_world

SS = 2  # supersampling factor for shapes
Point = tuple[float, float]
Ring = list[Point]
Box = tuple[float, float, float, float]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
Fonts = dict[tuple[int, bool], Font]
SEA = (170, 211, 223)
TEXT = (45, 45, 45)
HALO = (255, 255, 255)


@dataclass(frozen=True)
class Fill:
    rings: list[Ring]  # outer ring, then holes (drawn in sea colour)
    color: tuple[int, int, int]


@dataclass(frozen=True)
class Line:
    points: Ring
    color: tuple[int, int, int]
    width: float  # in final (1x) pixels


@dataclass(frozen=True)
class Label:
    text: str
    lon: float
    lat: float
    size: int
    bold: bool = False
    dot: bool = False  # a settlement: a dot at the point, the name to its right
    priority: int = 0  # lower is placed first when labels collide


@dataclass
class Scene:
    """Everything one extent draws at one range of zooms."""

    fills: list[Fill] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    markers: list[tuple[Point, tuple[int, int, int]]] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


def clip_ring(ring: Ring, box: Box) -> Ring:
    """Sutherland–Hodgman against an axis-aligned box: right for filling, even for concave rings (the
    extra edges it adds run along the box, which the caller keeps outside every drawn tile)."""
    west, south, east, north = box
    edges = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    out = ring
    for axis, limit, keep_above in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            cur_in = (cur[axis] >= limit) if keep_above else (cur[axis] <= limit)
            prev_in = (prev[axis] >= limit) if keep_above else (prev[axis] <= limit)
            if cur_in != prev_in:
                t = (limit - prev[axis]) / (cur[axis] - prev[axis])
                crossing = (prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]))
                out.append(crossing)
            if cur_in:
                out.append(cur)
            prev = cur
    return out if len(out) >= 3 else []


def clip_line(points: Ring, box: Box) -> list[Ring]:
    """The runs of a polyline whose segments touch the box (segments are kept whole)."""
    west, south, east, north = box
    runs: list[Ring] = []
    run: Ring = []
    for a, b in itertools.pairwise(points):
        touches = (min(a[0], b[0]) <= east and max(a[0], b[0]) >= west
                   and min(a[1], b[1]) <= north and max(a[1], b[1]) >= south)
        if touches:
            if not run:
                run = [a]
            run.append(b)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _bbox(points: Ring) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _project(points: Ring, zoom: int) -> Ring:
    """World pixels at ``zoom`` times SS, dropping points less than a supersampled pixel from the last kept
    (the last point is always kept, so a line still ends where it should)."""
    projected = [(x * SS, y * SS) for x, y in (to_world(lat, lon, zoom) for lon, lat in points)]
    out: Ring = []
    for p in projected:
        if not out or abs(p[0] - out[-1][0]) >= 1 or abs(p[1] - out[-1][1]) >= 1:
            out.append(p)
    if projected and out[-1] != projected[-1]:
        out.append(projected[-1])
    return out


@dataclass
class ZoomScene:
    """A scene projected for one zoom, each shape with its pixel bounding box, labels already placed."""

    zoom: int
    fills: list[tuple[Box, list[Ring], tuple[int, int, int]]]
    lines: list[tuple[Box, Ring, tuple[int, int, int], int]]
    markers: list[tuple[Point, tuple[int, int, int]]]
    labels: list[tuple[Box, Label, Point]]


def project_scene(scene: Scene, zoom: int, fonts: Fonts) -> ZoomScene:
    fills = []
    for fill in scene.fills:
        rings = [r for r in (_project(ring, zoom) for ring in fill.rings) if len(r) >= 3]
        if rings:
            fills.append((_bbox(rings[0]), rings, fill.color))
    lines = []
    for line in scene.lines:
        pts = _project(line.points, zoom)
        if len(pts) >= 2:
            lines.append((_bbox(pts), pts, line.color, max(1, round(line.width * SS))))
    markers = [((to_world(lat, lon, zoom)[0], to_world(lat, lon, zoom)[1]), color)
               for (lon, lat), color in scene.markers]
    return ZoomScene(zoom, fills, lines, markers, _place_labels(scene.labels, zoom, fonts))


def _place_labels(labels: list[Label], zoom: int, fonts: Fonts) -> list[tuple[Box, Label, Point]]:
    """Greedy placement in priority order (then by name, for a stable result): a label that would overlap
    one already placed is dropped at this zoom."""
    placed: list[tuple[Box, Label, Point]] = []
    for label in sorted(labels, key=lambda lb: (lb.priority, lb.text, lb.lon, lb.lat)):
        x, y = to_world(label.lat, label.lon, zoom)
        left, top, right, bottom = fonts[(label.size, label.bold)].getbbox(label.text, stroke_width=2)
        shift = 5 if label.dot else -(int(left + right) // 2)
        origin = (round(x) + shift, round(y) - int(top + bottom) // 2)
        box = (origin[0] + left - 3 - (8 if label.dot else 0), origin[1] + top - 2, origin[0] + right + 3,
               origin[1] + bottom + 2)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b, _, _ in placed):
            continue
        placed.append((box, label, (float(origin[0]), float(origin[1]))))
    return placed


def _hits(box: Box, area: Box) -> bool:
    return box[0] <= area[2] and box[2] >= area[0] and box[1] <= area[3] and box[3] >= area[1]


def render_tile(scene: ZoomScene, x: int, y: int, fonts: Fonts, colors: int = 48) -> bytes:
    """One 256 px tile as a palette PNG."""
    big = TILE_SIZE * SS
    ox, oy = x * big, y * big
    area = (ox - 8.0, oy - 8.0, ox + big + 8.0, oy + big + 8.0)
    image = Image.new("RGB", (big, big), SEA)
    draw = ImageDraw.Draw(image)
    for box, rings, color in scene.fills:
        if _hits(box, area):
            for i, ring in enumerate(rings):
                draw.polygon([(px - ox, py - oy) for px, py in ring], fill=color if i == 0 else SEA)
    for box, points, color, width in scene.lines:
        if _hits(box, area):
            draw.line([(px - ox, py - oy) for px, py in points], fill=color, width=width, joint="curve")
    tile = image.resize((TILE_SIZE, TILE_SIZE), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(tile)
    x0, y0 = x * TILE_SIZE, y * TILE_SIZE
    for (mx, my), color in scene.markers:
        if x0 - 4 <= mx <= x0 + TILE_SIZE + 4 and y0 - 4 <= my <= y0 + TILE_SIZE + 4:
            draw.ellipse((mx - x0 - 2, my - y0 - 2, mx - x0 + 2, my - y0 + 2), fill=color, outline=(90, 120, 140))
    tile_box = (float(x0), float(y0), float(x0 + TILE_SIZE), float(y0 + TILE_SIZE))
    for box, label, (lx, ly) in scene.labels:
        if not _hits(box, tile_box):
            continue
        if label.dot:
            px, py = to_world(label.lat, label.lon, scene.zoom)
            cx, cy = round(px) - x0, round(py) - y0
            draw.ellipse((cx - 2, cy - 2, cx + 2, cy + 2), fill=(120, 60, 60), outline=HALO)
        draw.text((lx - x0, ly - y0), label.text, font=fonts[(label.size, label.bold)], fill=TEXT,
                  stroke_width=2, stroke_fill=HALO)
    out = io.BytesIO()
    # A median-cut palette without dithering depends only on the pixels: the same tile, the same bytes.
    tile.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, "PNG", optimize=True)
    return out.getvalue()
