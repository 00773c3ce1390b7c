"""The list of recognised OCOP products with their validity, as Excel and as PDF (A4 landscape)."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ocop_desktop.formats import day
from ocop_desktop.i18n import _t
from ocop_desktop.reports import write_file
from ocop_desktop.reports.pdf import render_pdf
from ocop_desktop.services.overview_products import RecognisedProduct
from ocop_desktop.words.overview import validity

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WIDTHS = (5, 34, 34, 24, 10, 8, 18, 14, 14, 22)


def title(today: date) -> str:
    return _t("Danh sách sản phẩm OCOP được công nhận đến ngày {day}").format(day=day(today))


def headers() -> list[str]:
    return [_t("STT"), _t("Sản phẩm"), _t("Chủ thể"), _t("Xã"), _t("Nhóm"), _t("Hạng sao"), _t("Số quyết định"),
            _t("Ngày quyết định"), _t("Hiệu lực đến"), _t("Tình trạng")]


def _row(index: int, p: RecognisedProduct) -> list[object]:
    return [index, p.product, p.producer, p.commune, p.group, p.stars, p.decision_no, p.decision_date,
            p.valid_until, validity().get(p.validity, p.validity)]


def products_xlsx(products: Sequence[RecognisedProduct], today: date) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _t("Sản phẩm OCOP")
    sheet.append([title(today)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(headers())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for index, product in enumerate(products, start=1):
        sheet.append(_row(index, product))
        for column in (8, 9):
            sheet.cell(sheet.max_row, column).number_format = "DD/MM/YYYY"
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(2, column).column_letter].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:J{max(sheet.max_row, 2)}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def products_html(products: Sequence[RecognisedProduct], today: date) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers())
    rows = []
    for index, product in enumerate(products, start=1):
        values = _row(index, product)
        values[7], values[8] = day(product.decision_date), day(product.valid_until)
        rows.append("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in values) + "</tr>")
    if not rows:
        rows.append(f'<tr><td colspan="10">{escape(_t("Chưa có sản phẩm nào được công nhận"))}</td></tr>')
    return (f"<h1>{escape(title(today))}</h1>"
            f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{"".join(rows)}</table>')


def write_products_xlsx(path: str | os.PathLike, products: Sequence[RecognisedProduct], today: date) -> Path:
    return write_file(path, products_xlsx(products, today))


def write_products_pdf(path: str | os.PathLike, products: Sequence[RecognisedProduct], today: date) -> Path:
    return write_file(path, render_pdf(products_html(products, today), title=title(today), landscape=True))
