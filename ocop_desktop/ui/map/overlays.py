"""The map's scale bar, legend and attribution, painted the same way on screen and in an exported PDF.

Each function paints in device units (pixels on screen, the writer's dots in a PDF) given a ``unit``: the
size of one screen pixel there, so a legend printed at 300 dpi is as legible as on screen.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ocop_desktop import formats
from ocop_desktop.i18n import _t
from ocop_desktop.ui.map.markers import STAGE_ORDER, MarkerStyle, paint_cluster, paint_marker, stage_words, star_words

PANEL = QColor(255, 255, 255, 225)
INK = QColor("#202124")


def nice_length(metres_per_px: float, max_px: float) -> tuple[float, str]:
    """The longest 1, 2 or 5 × 10^n metres that fits in ``max_px``, and its label (500 m, 2 km)."""
    longest = metres_per_px * max_px
    power = 10 ** math.floor(math.log10(longest))
    metres = max(m * power for m in (1, 2, 5) if m * power <= longest)
    label = f"{formats.count(round(metres / 1000))} km" if metres >= 1000 else f"{formats.count(round(metres))} m"
    return metres, label


def paint_scale_bar(painter: QPainter, origin: QPointF, metres_per_px: float, unit: float = 1.0,
                    max_px: float = 120) -> QRectF:
    """A bar from ``origin`` (its bottom-left) of a round length; returns the area painted."""
    metres, label = nice_length(metres_per_px, max_px)
    length = metres / metres_per_px * unit
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(11 * unit)))
    metrics = QFontMetricsF(font)
    box = QRectF(origin.x(), origin.y() - 22 * unit, length + 12 * unit, 22 * unit)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PANEL)
    painter.drawRect(box)
    painter.setPen(QPen(INK, 1.6 * unit))
    left, base = origin.x() + 6 * unit, origin.y() - 5 * unit
    painter.drawPolyline([QPointF(left, base - 5 * unit), QPointF(left, base), QPointF(left + length, base),
                          QPointF(left + length, base - 5 * unit)])
    painter.setFont(font)
    painter.drawText(QPointF(left + (length - metrics.horizontalAdvance(label)) / 2, base - 6 * unit), label)
    painter.restore()
    return box


def paint_attribution(painter: QPainter, bottom_right: QPointF, text: str, unit: float = 1.0) -> QRectF:
    """The sources' credits, which their licences (ODbL for OpenStreetMap) require on every map shown."""
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(10 * unit)))
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(text) + 10 * unit
    box = QRectF(bottom_right.x() - width, bottom_right.y() - metrics.height() - 4 * unit, width,
                 metrics.height() + 4 * unit)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PANEL)
    painter.drawRect(box)
    painter.setFont(font)
    painter.setPen(QColor("#3c4043"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return box


def legend_rows() -> list[tuple[str, str, object]]:
    """(kind, words, what to draw): the star fills, the stage shapes, then a cluster, each under a heading."""
    stars = [("stars", text, MarkerStyle(band, "decided")) for band, text in star_words().items()]
    stages = [("stage", stage_words()[stage], MarkerStyle(0, stage)) for stage in STAGE_ORDER]
    return [("heading", _t("Màu: hạng sao OCOP"), None), *stars,
            ("heading", _t("Hình: hồ sơ xa nhất của chủ thể"), None), *stages,
            ("cluster", _t("Nhóm chủ thể gần nhau (số chủ thể)"), 5)]


def legend_size(painter: QPainter, unit: float = 1.0) -> tuple[float, float]:
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(11 * unit)))
    metrics = QFontMetricsF(font)
    rows = legend_rows()
    width = max(metrics.horizontalAdvance(words) + (16 if kind == "heading" else 40) * unit
                for kind, words, _ in rows)
    return max(width, metrics.horizontalAdvance(_t("Chú giải")) + 16 * unit), (len(rows) + 1) * 19 * unit + 10 * unit


def paint_legend(painter: QPainter, top_left: QPointF, unit: float = 1.0) -> QRectF:
    width, height = legend_size(painter, unit)
    box = QRectF(top_left, QPointF(top_left.x() + width, top_left.y() + height))
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(11 * unit)))
    painter.save()
    painter.setPen(QPen(QColor(0, 0, 0, 40), unit))
    painter.setBrush(PANEL)
    painter.drawRoundedRect(box, 4 * unit, 4 * unit)
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(INK)
    row = 19 * unit
    painter.drawText(QRectF(box.left() + 8 * unit, box.top() + 5 * unit, width, row),
                     Qt.AlignmentFlag.AlignVCenter, _t("Chú giải"))
    painter.setFont(font)
    for n, (kind, words, what) in enumerate(legend_rows(), start=1):
        top = box.top() + 5 * unit + n * row
        symbol = QRectF(box.left() + 8 * unit, top + 1 * unit, 17 * unit, 17 * unit)
        if kind == "heading":
            painter.setPen(QColor("#5f6368"))
            painter.drawText(QRectF(box.left() + 8 * unit, top, width, row), Qt.AlignmentFlag.AlignVCenter, words)
            continue
        if kind == "cluster":
            paint_cluster(painter, symbol, str(what))
        else:
            paint_marker(painter, what, symbol)  # type: ignore[arg-type]  # a MarkerStyle for the other rows
        painter.setPen(INK)
        painter.drawText(QRectF(box.left() + 32 * unit, top, width, row), Qt.AlignmentFlag.AlignVCenter, words)
    painter.restore()
    return box
