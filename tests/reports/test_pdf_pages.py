"""Printed tables read as the screen does: a dossier code on one line, and no table row cut by a page's foot."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from io import BytesIO
from types import SimpleNamespace

from pypdf import PdfReader

from ocop_desktop.reports import pdf
from ocop_desktop.reports.minutes_pdf import minutes_html, render_minutes
from ocop_desktop.reports.pages import CutRow, move_row_to_next_page
from ocop_desktop.reports.sheet_pdf import render_sheet


def _pages(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFC", page.extract_text()))
            for page in PdfReader(BytesIO(data)).pages]


def _many_rows(demo: SimpleNamespace, copies: int) -> SimpleNamespace:
    """The demo session with its rows repeated, each with a code and a producer of its own."""
    rows = [replace(row, code=f"HS-2026-{n:06d}", producer=f"Cơ sở chế biến số {n} xã Cẩm Xuyên")
            for n, row in enumerate(demo.view.rows * copies)]
    return replace(demo.view, rows=tuple(rows))


def test_dossier_codes_are_never_broken_across_lines_in_the_minutes(demo: SimpleNamespace, qapp) -> None:
    """Each code in the results table is laid out on a single line, where it used to break at its hyphens."""
    document = pdf.lay_out(minutes_html(demo.view)).document
    for row in demo.view.rows:
        found = document.find(row.code)
        block = found.block()
        lines = {block.layout().lineForTextPosition(p - block.position()).lineNumber()
                 for p in (found.selectionStart(), found.selectionEnd() - 1)}
        assert len(lines) == 1, f"{row.code} is broken across lines"


def test_no_row_of_the_minutes_is_cut_by_a_page_break(demo: SimpleNamespace, qapp) -> None:
    """A long session's results run over several pages, and each dossier's code and its producer's name
    (the last line of its row) are printed on the same page."""
    view = _many_rows(demo, 8)
    pages = _pages(render_minutes(view))
    assert len(pages) >= 4
    for row in view.rows:
        code_pages = [n for n, text in enumerate(pages) if row.code in text]
        assert code_pages, row.code
        assert row.producer in pages[code_pages[0]], f"the row of {row.code} is cut between two pages"


def test_a_table_continued_on_the_next_page_repeats_its_header(demo: SimpleNamespace, qapp) -> None:
    """Every page that holds result rows starts them under the table's own column headings."""
    view = _many_rows(demo, 8)
    for text in _pages(render_minutes(view)):
        if "Cơ sở chế biến số" in text:  # producers are named only in the results table
            assert "Mã hồ sơ" in text and "Kiến nghị" in text


def test_no_row_of_a_sheet_with_long_comments_is_cut(demo: SimpleNamespace, qapp) -> None:
    """A sheet whose every criterion has a long comment keeps each comment on its criterion's page."""
    sheet = demo.sheet
    long = "nguyên liệu địa phương, " * 12
    comments = tuple((c.code, f"Nhận xét dài cho tiêu chí {c.code}: {long}hết {c.code}.") for c in sheet.criteria)
    pages = _pages(render_sheet(replace(sheet, comments=comments)))
    assert len(pages) >= 3
    for criterion, _text in comments:
        first = next(n for n, text in enumerate(pages) if f"Nhận xét dài cho tiêu chí {criterion}:" in text)
        assert f"hết {criterion}." in pages[first], f"the comment of {criterion} is cut between two pages"


def test_moving_a_row_ends_the_table_and_starts_it_again_with_its_header() -> None:
    """The HTML is split before the row, the new table starts on a new page and repeats the <thead>."""
    html = ("<p>x</p><table border='1'><thead><tr><th>Mã</th></tr></thead><tr><td>1</td></tr>"
            "<tr><td>2</td></tr></table>")
    moved = move_row_to_next_page(html, CutRow(table=0, row=2))
    assert moved == ("<p>x</p><table border='1'><thead><tr><th>Mã</th></tr></thead><tr><td>1</td></tr></table>"
                     "<table border='1' style=\"page-break-before: always\"><thead><tr><th>Mã</th></tr></thead>"
                     "<tr><td>2</td></tr></table>")
    # The first row under the header moves the whole table: a heading alone at a page's foot says nothing.
    assert move_row_to_next_page(html, CutRow(table=0, row=1)).startswith(
        "<p>x</p><table border='1' style=\"page-break-before: always\"><thead>")
