"""The provincial annual OCOP summary: an Excel workbook with native Excel charts, and a PDF with the charts as
pictures (drawn by the Tổng quan screen's chart library and handed in as PNG bytes: reports use no widgets)."""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Sequence
from html import escape
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.formats import day
from ocop_desktop.i18n import _t
from ocop_desktop.reports import write_file
from ocop_desktop.reports.pdf import render_pdf
from ocop_desktop.services.overview import Overview
from ocop_desktop.words import dossier_statuses

STARS = (3, 4, 5)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def title(view: Overview) -> str:
    return _t("Báo cáo tổng hợp chương trình OCOP tỉnh Hà Tĩnh năm {year}").format(year=view.today.year)


def tables(view: Overview) -> list[tuple[str, list[str], list[list[object]]]]:
    """(sheet name, headers, rows) of every table, shared by the workbook and the PDF."""
    star_headers = [_t("{n} sao").format(n=s) for s in STARS]

    def by(dimension: str, names: dict) -> list[list[object]]:
        table = view.recognised_by(dimension)
        keys = sorted(table, reverse=dimension == "year") if dimension == "year" else \
            sorted(table, key=lambda k: -sum(table[k].values()))
        return [[names.get(k, str(k)), *(table[k].get(s, 0) for s in STARS), sum(table[k].values())] for k in keys]

    statuses = dossier_statuses()
    years = sorted(view.stars_by_year)
    return [
        (_t("Theo năm"), [_t("Năm"), *star_headers],
         [[str(y), *(view.stars_by_year[y].get(s, 0) for s in STARS)] for y in years]),
        (_t("Theo xã"), [_t("Xã"), *star_headers, _t("Tổng")], by("commune_code", view.commune_names)),
        (_t("Theo nhóm"), [_t("Nhóm sản phẩm"), *star_headers, _t("Tổng")],
         by("group", {k: f"{k} {v}" for k, v in view.group_names.items()})),
        (_t("Hồ sơ"), [_t("Trạng thái"), _t("Số hồ sơ"), _t("Chờ lâu nhất (ngày)"), _t("Chờ từ 30 ngày")],
         [[statuses.get(s.status, s.status), s.count, s.oldest_days, s.long_waiting] for s in view.pipeline]),
        (_t("Hội đồng"), [_t("Hội đồng"), _t("Phiếu đã nộp"), _t("Phiếu cần nộp")],
         [[c.name, c.submitted, c.expected] for c in view.councils]),
    ]


def summary_lines(view: Overview) -> list[str]:
    lines = [_t("Số liệu đến ngày {day}.").format(day=day(view.today)),
             _t("Sản phẩm OCOP được công nhận: {n}.").format(n=view.recognised_total)]
    lines += [_t("Hết hạn trong {m} tháng tới: {n}.").format(m=b.months, n=b.count) for b in view.expiring]
    return lines


def summary_xlsx(view: Overview) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = _t("Tổng hợp")
    first.append([title(view)])
    first["A1"].font = Font(bold=True, size=14)
    for line in summary_lines(view):
        first.append([line])
    first.column_dimensions["A"].width = 70
    for name, headers, rows in tables(view):
        sheet = book.create_sheet(name)
        _table(sheet, headers, rows)
        if name == _t("Theo năm"):
            _chart(sheet, _t("Sản phẩm theo hạng sao qua các năm"), len(rows), len(STARS), stacked=True)
        elif name == _t("Hồ sơ"):
            _chart(sheet, _t("Hồ sơ theo trạng thái"), len(rows), 1)
        elif name == _t("Theo xã"):
            _chart(sheet, _t("Sản phẩm theo xã và hạng sao"), len(rows), len(STARS), stacked=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(sheet: Worksheet, headers: list[str], rows: list[list[object]]) -> None:
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["A"].width = 36
    sheet.freeze_panes = "A2"


def _chart(sheet: Worksheet, name: str, n_rows: int, n_series: int, *, stacked: bool = False) -> None:
    """A native Excel bar chart of the table's first ``n_series`` number columns, beside the table."""
    chart = BarChart()
    chart.type = "col"
    chart.title = name
    chart.height, chart.width = 9, 18
    if stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    data = Reference(sheet, min_col=2, max_col=1 + n_series, min_row=1, max_row=max(n_rows, 1) + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=max(n_rows, 1) + 1))
    sheet.add_chart(chart, "H2")


def summary_html(view: Overview, charts: Sequence[bytes]) -> str:
    parts = [f"<h1>{escape(title(view))}</h1>"]
    parts += [f"<p>{escape(line)}</p>" for line in summary_lines(view)]
    for png in charts:
        parts.append(f'<p align="center"><img src="data:image/png;base64,{base64.b64encode(png).decode()}" '
                     'width="600"></p>')
    for name, headers, rows in tables(view):
        parts.append(f"<h2>{escape(name)}</h2>")
        parts.append(_html_table(headers, rows))
    return "\n".join(parts)


def _html_table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    empty = "" if rows else f'<tr><td colspan="{len(headers)}">{escape(_t("Chưa có số liệu"))}</td></tr>'
    return f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{body}{empty}</table>'


def _cell(value: object) -> str:
    align = ' align="right"' if isinstance(value, int) else ""
    return f"<td{align}>{escape(str(value))}</td>"


def write_summary_xlsx(path: str | os.PathLike, view: Overview) -> Path:
    return write_file(path, summary_xlsx(view))


def write_summary_pdf(path: str | os.PathLike, view: Overview, charts: Sequence[bytes] = ()) -> Path:
    return write_file(path, render_pdf(summary_html(view, charts), title=title(view)))
