"""The map as it is on screen, exported for a report: a PNG, or an A4 landscape PDF with legend, scale and credits.

The PDF uses the reports' Vietnamese font and resolution (reports/pdf.py) and their safe file writing: a
failed export never leaves half a file. The map itself is the view's own picture (markers at the size a
person saw them), with the legend, scale bar and attribution laid out beside it at print size.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QPixmap

from ocop_desktop import formats
from ocop_desktop.i18n import _t
from ocop_desktop.reports import ReportError, write_file
from ocop_desktop.reports.pdf import RESOLUTION, vietnamese_family
from ocop_desktop.ui.map import overlays
from ocop_desktop.ui.map.view import MapView

SCREEN_DPI = 96.0
_SIDE_MM = 72.0  # the column beside the map: legend, scale, credits


def map_picture(view: MapView) -> QPixmap:
    """What the viewport shows, without the on-screen overlays (the PDF lays out its own)."""
    view.overlays = False
    try:
        return view.viewport().grab()
    finally:
        view.overlays = True


def export_png(view: MapView, path: str | os.PathLike) -> Path:
    """The view with its scale bar, legend and attribution, as on screen."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not view.viewport().grab().save(buffer, "PNG"):
        raise ReportError("unwritable", path, "PNG")
    buffer.close()
    return write_file(path, bytes(data.data()))


def render_pdf(view: MapView, *, title: str, subtitle: str, attribution: str,
               when: datetime | None = None) -> bytes:
    family = vietnamese_family()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("OCOP Hà Tĩnh")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 10), QPageLayout.Unit.Millimeter))
    picture = map_picture(view)
    painter = QPainter(writer)
    try:
        painter.setFont(QFont(family))
        _paint_page(painter, writer.pageLayout().paintRectPixels(RESOLUTION), picture, view.metres_per_pixel(),
                    title=title, subtitle=subtitle, attribution=attribution, when=when or datetime.now())
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _paint_page(painter: QPainter, area, picture: QPixmap, metres_per_px: float, *, title: str, subtitle: str,
                attribution: str, when: datetime) -> None:
    unit = RESOLUTION / SCREEN_DPI  # one screen pixel, in the writer's dots
    mm = RESOLUTION / 25.4
    width, height = float(area.width()), float(area.height())
    heading = QFont(painter.font())
    heading.setPixelSize(round(18 * unit))
    heading.setBold(True)
    painter.setFont(heading)
    painter.setPen(QColor("#202124"))
    painter.drawText(QRectF(0, 0, width, 10 * mm), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    small = QFont(heading)
    small.setBold(False)
    small.setPixelSize(round(11 * unit))
    painter.setFont(small)
    painter.drawText(QRectF(0, 10 * mm, width, 7 * mm), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     _t("{what} · Xuất ngày {moment}").format(what=subtitle, moment=formats.moment(when)))
    top = 19 * mm
    room = QRectF(0, top, width - _SIDE_MM * mm - 5 * mm, height - top)
    scale = min(room.width() / picture.width(), room.height() / picture.height())
    target = QRectF(room.left(), room.top(), picture.width() * scale, picture.height() * scale)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawPixmap(target, picture, QRectF(picture.rect()))
    painter.setPen(QPen(QColor("#5f6368"), 0.3 * mm))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(target)
    side = target.right() + 5 * mm
    painter.setFont(small)
    legend = overlays.paint_legend(painter, QPointF(side, top), unit)
    # The bar measures the printed map: one of its pixels spans ``scale`` dots here.
    bar = overlays.paint_scale_bar(painter, QPointF(side, legend.bottom() + 16 * mm), metres_per_px * unit / scale,
                                   unit)
    painter.setFont(small)
    painter.setPen(QColor("#3c4043"))
    painter.drawText(QRectF(side, bar.bottom() + 4 * mm, _SIDE_MM * mm, 40 * mm),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                     _t("Nguồn bản đồ: {credits}").format(credits=attribution or "—"))


def export_pdf(view: MapView, path: str | os.PathLike, *, title: str, subtitle: str, attribution: str) -> Path:
    return write_file(path, render_pdf(view, title=title, subtitle=subtitle, attribution=attribution))
