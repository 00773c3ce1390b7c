"""A4 sheets of QR labels as a PDF: the QR drawn as vector rectangles, the product's name, stars, lot and dates
beside it, in a font with Vietnamese glyphs, placed to the millimetre on a decal sheet's layout."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter

from ocop_desktop.formats import day
from ocop_desktop.i18n import _t
from ocop_desktop.labels.qr import QUIET_ZONE, qr_modules, runs
from ocop_desktop.labels.sheet import LabelItem, LabelLayout
from ocop_desktop.reports import write_file
from ocop_desktop.reports.pdf import vietnamese_family

# Fine enough that a module edge falls within a twentieth of a millimetre of where it belongs.
RESOLUTION = 1200
Progress = Callable[[int, int], None]


def _px(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def render_label_sheet(items: Sequence[LabelItem], layout: LabelLayout, *, title: str,
                       offset_mm: tuple[float, float] = (0.0, 0.0), progress: Progress | None = None) -> bytes:
    """The labels in order, row by row, as many A4 pages as they need; ``offset_mm`` moves everything by a
    printer's measured shift (x right, y down); ``progress(done, total)`` after each label."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("OCOP Hà Tĩnh")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    family = vietnamese_family()
    painter = QPainter(writer)
    matrices: dict[str, list[list[bool]]] = {}  # a sheet of one lot draws one matrix many times
    try:
        for index, item in enumerate(items):
            if index and index % layout.per_sheet == 0:
                writer.newPage()
            x, y = layout.origin(index)
            modules = matrices.get(item.url) or matrices.setdefault(item.url, qr_modules(item.url))
            _draw_label(painter, item, modules, layout, x + offset_mm[0], y + offset_mm[1], family)
            if progress is not None:
                progress(index + 1, len(items))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_label_sheet(path: str | os.PathLike[str], items: Sequence[LabelItem], layout: LabelLayout, *,
                      offset_mm: tuple[float, float] = (0.0, 0.0), progress: Progress | None = None) -> Path:
    return write_file(path, render_label_sheet(items, layout, title=_t("Tem truy xuất sản phẩm OCOP"),
                                               offset_mm=offset_mm, progress=progress))


def draw_qr(painter: QPainter, modules: list[list[bool]], left_mm: float, top_mm: float, side_mm: float) -> None:
    """The code with its quiet zone in a ``side_mm`` square: each row's dark runs as one rectangle."""
    module = side_mm / (len(modules) + 2 * QUIET_ZONE)
    path = QPainterPath()
    for row_index, row in enumerate(modules):
        top = top_mm + (row_index + QUIET_ZONE) * module
        for start, length in runs(row):
            path.addRect(QRectF(_px(left_mm + (start + QUIET_ZONE) * module), _px(top),
                                _px(length * module), _px(module)))
    painter.fillRect(QRectF(_px(left_mm), _px(top_mm), _px(side_mm), _px(side_mm)), QColor("white"))
    painter.fillPath(path, QColor("black"))


def _draw_label(painter: QPainter, item: LabelItem, modules: list[list[bool]], layout: LabelLayout,
                x: float, y: float, family: str) -> None:
    pad, qr = layout.padding_mm, layout.qr_mm
    draw_qr(painter, modules, x + pad, y + (layout.height_mm - qr) / 2, qr)
    left = x + pad + qr + 1.0
    width, bottom = x + layout.width_mm - pad - left, y + layout.height_mm - pad
    size = max(5.5, min(9.0, layout.height_mm / 37 * 7))  # points: 7 pt on a 37 mm label
    top = y + pad + 0.5
    top = _text(painter, _nfc(item.product_name), _font(family, size + 0.5, bold=True), left, top,
                width, bottom, max_lines=3)
    for line in _lines(item):
        top = _text(painter, line, _font(family, size), left, top, width, bottom, max_lines=2)


def _font(family: str, points: float, *, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _lines(item: LabelItem) -> list[str]:
    # Without a recognition in force the label claims no OCOP rating at all: the page behind the QR says why.
    lines = [_t("OCOP {n} sao").format(n=item.stars)] if item.stars else []
    if item.producer_name:
        lines.append(_nfc(item.producer_name))
    if item.lot_code:
        lines.append(_t("Lô: {lot}").format(lot=item.lot_code))
    if item.produced_on:
        lines.append(_t("NSX: {date}").format(date=day(item.produced_on)))
    if item.expires_on:
        said = _t("Dùng tốt nhất trước: {date}") if item.expiry_kind == "best_before" else _t("HSD: {date}")
        lines.append(said.format(date=day(item.expires_on)))
    return lines


def _text(painter: QPainter, text: str, font: QFont, left: float, top: float, width: float, bottom: float,
          max_lines: int) -> float:
    """Draws ``text`` wrapped to at most ``max_lines`` lines that fit above ``bottom``; returns where the next
    line starts. What does not fit is cut with an ellipsis rather than drawn over the next label."""
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    line_mm = metrics.lineSpacing() / RESOLUTION * 25.4
    lines = min(max_lines, int((bottom - top) / line_mm))
    if lines < 1:
        return top
    words, shown = text.split(), list[str]()
    while words and len(shown) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= _px(width):
            line = f"{line} {words.pop(0)}"
        shown.append(line)
    if words:
        shown[-1] = metrics.elidedText(f"{shown[-1]} {' '.join(words)}", Qt.TextElideMode.ElideRight, _px(width))
    shown = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, _px(width)) for line in shown]
    painter.setPen(QColor("black"))
    for n, line in enumerate(shown):
        painter.drawText(QRectF(_px(left), _px(top + n * line_mm), _px(width), _px(line_mm)),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
    return top + len(shown) * line_mm


def _nfc(text: str) -> str:
    # Decomposed accents from some keyboards sit badly in PDF fonts; NFC keeps each letter one glyph.
    return unicodedata.normalize("NFC", text)
