"""HTML to an A4 PDF through QTextDocument and QPdfWriter, in a font that has Vietnamese glyphs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from ocop_desktop.i18n import _t
from ocop_desktop.reports import ReportError, write_file
from ocop_desktop.reports.pages import cut_rows, move_row_to_next_page

# Families known to carry the Vietnamese letters with stacked diacritics (ệ, ộ, ữ ...), best first:
# Linux desktops ship DejaVu or Noto or Liberation, Windows has Arial / Segoe UI / Times New Roman.
PREFERRED_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Segoe UI", "Tahoma",
                      "Times New Roman", "Noto Serif", "DejaVu Serif", "Liberation Serif")
RESOLUTION = 300
FOOTER_MM = 8


def vietnamese_family() -> str:
    """The first preferred family the font database says covers Vietnamese, else any that does."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("reports need a QGuiApplication for fonts")
    covering = QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese)
    for family in PREFERRED_FAMILIES:
        if family in covering:
            return family
    if covering:
        return covering[0]
    raise ReportError("no_vietnamese_font")


# A dossier code is read as one word: broken at its hyphens, "HS-2026-" on one line misreads (class="code").
STYLE = ("th { background-color: #e8e8e8; } table.results td, table.results th { font-size: 8.5pt; } "
         "td.code, th.code { white-space: nowrap; }")
# Each pass moves one cut row to the next page; a report has far fewer pages than this.
MAX_PASSES = 200


@dataclass
class Laid:
    """A document laid out on A4 pages; the writer is the paint device it was measured on, kept alive with it."""

    writer: QPdfWriter
    document: QTextDocument
    page: QSizeF  # the text area of each page, the footer's strip excluded
    footer: float
    sink: QBuffer | None = None  # a measuring writer's device, which must live as long as the writer


def lay_out(html: str, *, writer: QPdfWriter | None = None, landscape: bool = False,
            point_size: float = 10.5) -> Laid:
    """The HTML on A4 pages, every table row on a single page (unless it is taller than one)."""
    family = vietnamese_family()
    sink = None
    if writer is None:
        sink = QBuffer()
        writer = QPdfWriter(sink)  # measures only: nothing is written through it
    writer.setResolution(RESOLUTION)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(18, 15, 15, 12), QPageLayout.Unit.Millimeter))
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_MM / 25.4 * RESOLUTION
    page = QSizeF(area.width(), area.height() - footer)
    for _ in range(MAX_PASSES):
        document = QTextDocument()
        # Measure text at the writer's resolution: laid out for the screen, it would print at a third of its size.
        document.documentLayout().setPaintDevice(writer)
        document.setDefaultFont(QFont(family, point_size))
        document.setDefaultStyleSheet(STYLE)
        document.setHtml(html)
        document.setPageSize(page)
        cut = cut_rows(document, page.height())
        moved = move_row_to_next_page(html, cut[0]) if cut else html
        if moved == html:
            break
        html = moved
    return Laid(writer, document, page, footer, sink)


def render_pdf(html: str, *, title: str, landscape: bool = False, point_size: float = 10.5) -> bytes:
    """Lays the HTML out on A4 pages and numbers them "Trang x/y"; returns the PDF's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("OCOP Hà Tĩnh")
    laid = lay_out(html, writer=writer, landscape=landscape, point_size=point_size)
    painter = QPainter(writer)
    try:
        _paint_pages(painter, writer, laid.document, laid.page, laid.footer, laid.document.defaultFont().family())
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _paint_pages(painter: QPainter, writer: QPdfWriter, document: QTextDocument, page: QSizeF, footer: float,
                 family: str) -> None:
    pages = document.pageCount()
    footer_font = QFont(family, 8)
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * page.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, index * page.height(), page.width(), page.height())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.setFont(footer_font)
        painter.drawText(QRectF(0, page.height(), page.width(), footer),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         _t("Trang {page}/{pages}").format(page=index + 1, pages=pages))


def write_pdf(path: str | os.PathLike, html: str, *, title: str, landscape: bool = False) -> Path:
    return write_file(path, render_pdf(html, title=title, landscape=landscape))
