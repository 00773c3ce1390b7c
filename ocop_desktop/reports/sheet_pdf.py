"""One member's score sheet (phiếu chấm điểm) as an A4 PDF: every criterion, the choice, the points."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from ocop_desktop.reports import _t, date_text, number_text, role_text, stars_text
from ocop_desktop.reports.pdf import render_pdf, write_file
from ocop_desktop.services.sheet_report import SheetPart, SheetReport


def _status(report: SheetReport) -> str:
    if report.status == "submitted":
        return _t("Đã nộp ngày {date}").format(date=date_text(report.submitted_at))
    if report.status == "superseded":
        return _t("Đã được thay bằng phiếu chấm lại")
    return _t("Phiếu nháp, chưa nộp")


def _header(report: SheetReport) -> str:
    return f"""
<p align="center"><b>{escape(report.council_name)}</b></p>
<h2 align="center">{_t("PHIẾU ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP")}</h2>
<p align="center">{escape(report.product_set)}<br/><i>{escape(report.criteria_title)}</i></p>
<table width="100%" cellpadding="2">
<tr><td width="30%">{_t("Sản phẩm:")}</td><td><b>{escape(report.product)}</b></td></tr>
<tr><td>{_t("Chủ thể:")}</td><td>{escape(report.producer)}</td></tr>
<tr><td>{_t("Mã hồ sơ:")}</td><td>{escape(report.dossier_code)}</td></tr>
<tr><td>{_t("Người chấm:")}</td><td>{escape(report.member_name)} – {role_text(report.member_role)}
{(" – " + escape(report.member_organisation)) if report.member_organisation else ""}</td></tr>
<tr><td>{_t("Phiên họp:")}</td><td>{date_text(report.held_on)}</td></tr>
<tr><td>{_t("Trạng thái phiếu:")}</td><td>{_status(report)}</td></tr>
</table>"""


def _part(part: SheetPart) -> str:
    rows = []
    for line in part.lines:
        name = escape(line.name) + (f"<br/><i>– {escape(line.subitem)}</i>" if line.subitem else "")
        if line.mandatory:
            name += f" <b>{_t('(bắt buộc)')}</b>"
        if line.comment:
            name += f"<br/><font color='#444444'>{_t('Nhận xét:')} {escape(line.comment)}</font>"
        option = escape(line.option) if line.option else f"<i>{_t('Chưa chấm')}</i>"
        rows.append(f"<tr><td>{escape(line.criterion)}</td><td>{name}</td><td>{option}</td>"
                    f"<td align='right'>{number_text(line.points)}</td>"
                    f"<td align='right'>{number_text(line.max_points)}</td></tr>")
    # The part's title is a header row, so it repeats on the next page and is never left alone at a page's foot.
    return f"""<br/>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<thead><tr><th colspan="5" align="left" bgcolor="#ffffff"><h3>{escape(part.code)}. {escape(part.name)}</h3></th></tr>
<tr><th width="9%">{_t("Mã")}</th><th width="41%">{_t("Tiêu chí")}</th><th width="32%">{_t("Mức đã chọn")}</th>
<th width="9%">{_t("Điểm")}</th><th width="9%">{_t("Tối đa")}</th></tr></thead>
{"".join(rows)}
<tr><td></td><td colspan="2"><b>{_t("Cộng phần {code}").format(code=escape(part.code))}</b></td>
<td align="right"><b>{number_text(part.total)}</b></td><td align="right">{number_text(part.max_points)}</td></tr>
</table>"""


def _totals(report: SheetReport) -> str:
    lines = [_t("Tổng điểm: <b>{total}</b>").format(total=number_text(report.total)),
             _t("Hạng sao theo phiếu: <b>{stars}</b>").format(stars=stars_text(report.stars))]
    if report.failed_criteria:
        lines.append(_t("Không đạt tiêu chí bắt buộc: {codes}").format(
            codes=escape(", ".join(report.failed_criteria))))
    if report.unanswered:
        lines.append(_t("Còn {n} tiêu chí chưa chấm: {codes}").format(
            n=len(report.unanswered), codes=escape(", ".join(report.unanswered))))
    return f"<p>{'<br/>'.join(lines)}</p>"


def _signature(report: SheetReport) -> str:
    return f"""<table width="100%"><tr><td width="50%"></td>
<td align="center"><i>{_t("Hà Tĩnh, ngày {date}").format(date=date_text(report.held_on))}</i><br/>
<b>{_t("NGƯỜI CHẤM ĐIỂM")}</b><br/><i>{_t("(Ký, ghi rõ họ tên)")}</i><br/><br/><br/><br/>
{escape(report.member_name)}</td></tr></table>"""


def sheet_html(report: SheetReport) -> str:
    return "".join((_header(report), *(_part(p) for p in report.parts), _totals(report), _signature(report)))


def render_sheet(report: SheetReport) -> bytes:
    return render_pdf(sheet_html(report), title=_t("Phiếu chấm điểm – {name}").format(name=report.member_name))


def write_sheet(path: str | os.PathLike, report: SheetReport) -> Path:
    """Writes the score sheet; raises ReportError when the file cannot be written."""
    return write_file(path, render_sheet(report))
