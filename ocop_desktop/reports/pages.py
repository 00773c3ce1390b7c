"""Table rows kept whole on a printed page: QTextDocument cuts a row at the page's foot, HTML can move it on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextDocument, QTextTable

_TABLE_TAG = re.compile(r"<table\b[^>]*>", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_ROW_TAG = re.compile(r"<tr\b", re.IGNORECASE)
_HEAD = re.compile(r"<thead\b.*?</thead\s*>", re.IGNORECASE | re.DOTALL)
BREAK_BEFORE = "page-break-before: always"


@dataclass(frozen=True)
class CutRow:
    table: int  # the table's place among the document's top-level tables
    row: int  # its row, header rows counted


def cut_rows(document: QTextDocument, page_height: float) -> list[CutRow]:
    """Rows whose text starts on one page and ends on a later one; a row taller than a page has to be cut."""
    found = []
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for index, table in enumerate(tables):
        for row in range(table.rows()):
            span = _row_span(document, table, row)
            if span is None:
                continue
            top, bottom = span
            if bottom - top < page_height and int(top // page_height) != int((bottom - 1) // page_height):
                found.append(CutRow(index, row))
    return found


def _row_span(document: QTextDocument, table: QTextTable, row: int) -> tuple[float, float] | None:
    """The top of the row's first line of text and the bottom of its last, in document coordinates."""
    layout = document.documentLayout()
    tops: list[float] = []
    bottoms: list[float] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue  # the rest of a spanning cell, measured where it starts
        block, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
        while block.isValid():
            _lines(layout.blockBoundingRect(block).top(), block, tops, bottoms)
            if block == last:
                break
            block = block.next()
    return (min(tops), max(bottoms)) if tops else None


def _lines(y: float, block: QTextBlock, tops: list[float], bottoms: list[float]) -> None:
    text_layout = block.layout()
    for n in range(text_layout.lineCount()):
        line = text_layout.lineAt(n)
        tops.append(y + line.y())
        bottoms.append(y + line.y() + line.height())


def move_row_to_next_page(html: str, cut: CutRow) -> str:
    """The HTML with the table ended before the cut row and started again, on a new page, with its header.
    A cut header, or first row under it, moves the whole table instead. Unchanged when the HTML's tables do
    not match the document's (a table inside a table), so a report is never garbled by this."""
    starts = list(_TABLE_TAG.finditer(html))
    ends = list(_TABLE_END.finditer(html))
    if len(starts) != len(ends) or cut.table >= len(starts):
        return html
    if any(starts[i + 1].start() < ends[i].start() for i in range(len(starts) - 1)):
        return html  # nested tables: the document's table numbers are not these
    start, end = starts[cut.table], ends[cut.table]
    body = html[start.end():end.start()]
    rows = list(_ROW_TAG.finditer(body))
    head = _HEAD.search(body)
    header_rows = len(_ROW_TAG.findall(head.group(0))) if head else 0
    if cut.row >= len(rows):
        return html
    tag = _with_break(start.group(0))
    if cut.row <= header_rows:
        return html[:start.start()] + tag + html[start.end():]
    at = start.end() + rows[cut.row].start()
    return html[:at] + "</table>" + tag + (head.group(0) if head else "") + html[at:]


def _with_break(tag: str) -> str:
    style = re.search(r"""style\s*=\s*(["'])""", tag, re.IGNORECASE)
    if style:
        return tag[:style.end()] + BREAK_BEFORE + "; " + tag[style.end():]
    return tag[:-1].rstrip("/ ") + f' style="{BREAK_BEFORE}">'
