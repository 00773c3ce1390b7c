"""A session's council results as an Excel workbook: one row per dossier, members' totals side by side."""

from __future__ import annotations

import io
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.formats import day
from ocop_desktop.i18n import _t
from ocop_desktop.reports import write_file
from ocop_desktop.services.council_view import CouncilView, DossierRow
from ocop_desktop.words import member_roles, recommendations, result_flags, word
from ocop_desktop.words.council_documents import document_failures_text

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
OVER_LIMIT = Font(color="C00000", bold=True)
# Widths in characters; a member's column is as wide as the longer of the name and "100.00".
FIXED_WIDTHS = {"no": 5, "code": 18, "product": 34, "producer": 34, "mean": 12, "spread": 11, "quorum": 12,
                "stars": 10, "recommendation": 36, "failures": 30, "documents": 44, "flags": 40, "approved": 14}


def headers(view: CouncilView) -> list[str]:
    return [_t("STT"), _t("Mã hồ sơ"), _t("Sản phẩm"), _t("Chủ thể"),
            *(m.full_name for m in view.scorers),
            _t("Điểm trung bình"), _t("Chênh lệch"), _t("Đủ số lượng"), _t("Hạng sao"), _t("Kiến nghị"),
            _t("Tiêu chí bắt buộc không đạt"), _t("Giấy tờ bắt buộc thiếu hoặc hết hiệu lực"), _t("Lưu ý"),
            _t("Ngày phê duyệt")]


def _values(index: int, row: DossierRow) -> list:
    totals = [cell.total if cell.submitted else None for cell in row.cells]
    return [index, row.code, row.product, row.producer, *totals,
            row.mean, row.spread, _t("Có") if row.quorum_met else _t("Không"), row.final_stars or None,
            word(recommendations(), row.official), ", ".join(f.criterion for f in row.failures),
            document_failures_text(row.documents),
            "; ".join(word(result_flags(), f) for f in row.flags),
            day(row.approved_at) if row.approved else ""]


def _results_sheet(sheet: Worksheet, view: CouncilView) -> None:
    sheet.title = _t("Kết quả")
    sheet.append(headers(view))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    n = len(view.scorers)
    for index, row in enumerate(view.rows, start=1):
        sheet.append(_values(index, row))
        excel_row = sheet.max_row
        for column in range(5, 5 + n + 2):  # members' totals, mean and spread
            sheet.cell(excel_row, column).number_format = "0.00"
        if row.spread_exceeded:
            sheet.cell(excel_row, 5 + n + 1).font = OVER_LIMIT
    keys = ["no", "code", "product", "producer", *(None for _ in range(n)), "mean", "spread", "quorum", "stars",
            "recommendation", "failures", "documents", "flags", "approved"]
    for column, key in enumerate(keys, start=1):
        width = FIXED_WIDTHS[key] if key else max(10, min(24, len(view.scorers[column - 5].full_name) + 2))
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[1].height = 32
    # The header and the dossier's code and product stay in sight while scrolling either way.
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions


def _about_sheet(sheet: Worksheet, view: CouncilView) -> None:
    sheet.title = _t("Thông tin")
    rows = [(_t("Hội đồng"), view.council_name), (_t("Quyết định thành lập"), view.decision_no),
            (_t("Ngày quyết định"), day(view.decision_date)),
            (_t("Ngày họp"), day(view.held_on)), (_t("Vòng"), view.round),
            (_t("Bộ tiêu chí"), view.criteria_title),
            (_t("Chênh lệch tối đa giữa các thành viên"), view.spread_limit),
            (_t("Tỷ lệ thành viên tối thiểu"), view.quorum_fraction), (), (_t("Thành viên"), _t("Chức danh"))]
    rows += [(m.full_name, word(member_roles(), m.role)) for m in view.members]
    for row in rows:
        sheet.append(list(row))
    for cell in sheet["A"]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 70


def results_bytes(view: CouncilView) -> bytes:
    workbook = Workbook()
    _results_sheet(workbook.active, view)
    _about_sheet(workbook.create_sheet(), view)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_results(path: str | os.PathLike, view: CouncilView) -> Path:
    """Writes the workbook; raises ReportError when the file cannot be written."""
    return write_file(path, results_bytes(view))
