"""One member's score sheet (phiếu chấm điểm) as an A4 PDF: every criterion, the choice, the points."""

from __future__ import annotations

import os
from decimal import Decimal
from html import escape
from pathlib import Path

from ocop_core.domain.criteria import Criterion, Part, SubItem
from ocop_core.domain.scoring import SheetScore
from ocop_desktop.formats import BLANK_DAY, day, decimal, stars
from ocop_desktop.i18n import _t
from ocop_desktop.reports.pdf import render_pdf, write_file
from ocop_desktop.services.sheet_view import SheetView, comment_slot
from ocop_desktop.words import member_roles, word


def _status(view: SheetView) -> str:
    if view.status == "submitted":
        return _t("Đã nộp ngày {date}").format(date=day(view.submitted_at, blank=BLANK_DAY))
    if view.status == "superseded":
        return _t("Đã được thay bằng phiếu chấm lại")
    return _t("Phiếu nháp, chưa nộp")


def _header(view: SheetView) -> str:
    return f"""
<p align="center"><b>{escape(view.council_name)}</b></p>
<h2 align="center">{_t("PHIẾU ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP")}</h2>
<p align="center">{escape(view.product_set.name)}<br/><i>{escape(view.criteria_set.title)}</i></p>
<table width="100%" cellpadding="2">
<tr><td width="30%">{_t("Sản phẩm:")}</td><td><b>{escape(view.product_name)}</b></td></tr>
<tr><td>{_t("Chủ thể:")}</td><td>{escape(view.producer_name)}</td></tr>
<tr><td>{_t("Mã hồ sơ:")}</td><td class="code">{escape(view.dossier_code)}</td></tr>
<tr><td>{_t("Người chấm:")}</td><td>{escape(view.member_name)} – {word(member_roles(), view.member_role)}
{(" – " + escape(view.member_organisation)) if view.member_organisation else ""}</td></tr>
<tr><td>{_t("Phiên họp:")}</td><td>{day(view.held_on, blank=BLANK_DAY)}</td></tr>
<tr><td>{_t("Trạng thái phiếu:")}</td><td>{_status(view)}</td></tr>
</table>"""


def _line(view: SheetView, criterion: Criterion, sub: SubItem | None) -> str:
    """One row per answer the criterion needs: the criterion itself, or each of its sub-items."""
    slot = sub.code if sub else None
    name = escape(criterion.name) + (f"<br/><i>– {escape(sub.name)}</i>" if sub else "")
    if criterion.mandatory is not None:
        name += f" <b>{_t('(bắt buộc)')}</b>"
    comment = view.comment(criterion.code) if slot == comment_slot(criterion) else ""
    if comment:
        name += f"<br/><font color='#444444'>{_t('Nhận xét:')} {escape(comment)}</font>"
    option = view.chosen_option(criterion, slot)
    chosen = escape(option.label) if option else f"<i>{_t('Chưa chấm')}</i>"
    return (f"<tr><td>{escape(criterion.code)}</td><td>{name}</td><td>{chosen}</td>"
            f"<td align='right'>{decimal(option.points if option else None)}</td>"
            f"<td align='right'>{decimal(sub.max_points if sub else criterion.max_points)}</td></tr>")


def _part(view: SheetView, part: Part, total: Decimal) -> str:
    rows = [_line(view, c, sub) for c in part.criteria for sub in (c.subitems or (None,))]
    # The part's title is a header row, so it repeats on the next page and is never left alone at a page's foot.
    return f"""<br/>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<thead><tr><th colspan="5" align="left" bgcolor="#ffffff"><h3>{escape(part.code)}. {escape(part.name)}</h3></th></tr>
<tr><th width="9%">{_t("Mã")}</th><th width="41%">{_t("Tiêu chí")}</th><th width="32%">{_t("Mức đã chọn")}</th>
<th width="9%">{_t("Điểm")}</th><th width="9%">{_t("Tối đa")}</th></tr></thead>
{"".join(rows)}
<tr><td></td><td colspan="2"><b>{_t("Cộng phần {code}").format(code=escape(part.code))}</b></td>
<td align="right"><b>{decimal(total)}</b></td><td align="right">{decimal(part.max_points)}</td></tr>
</table>"""


def _totals(score: SheetScore) -> str:
    lines = [_t("Tổng điểm: <b>{total}</b>").format(total=decimal(score.total)),
             _t("Hạng sao theo phiếu: <b>{stars}</b>").format(stars=stars(score.provisional_stars, glyphs=False))]
    if score.failed_criteria:
        lines.append(_t("Không đạt tiêu chí bắt buộc: {codes}").format(
            codes=escape(", ".join(score.failed_criteria))))
    if score.unanswered:
        lines.append(_t("Còn {n} tiêu chí chưa chấm: {codes}").format(
            n=len(score.unanswered), codes=escape(", ".join(score.unanswered))))
    return f"<p>{'<br/>'.join(lines)}</p>"


def _signature(view: SheetView) -> str:
    return f"""<table width="100%"><tr><td width="50%"></td>
<td align="center"><i>{_t("Hà Tĩnh, ngày {date}").format(date=day(view.held_on, blank=BLANK_DAY))}</i><br/>
<b>{_t("NGƯỜI CHẤM ĐIỂM")}</b><br/><i>{_t("(Ký, ghi rõ họ tên)")}</i><br/><br/><br/><br/>
{escape(view.member_name)}</td></tr></table>"""


def sheet_html(view: SheetView) -> str:
    """The sheet as printed: the criteria and choices the scoring screen shows, scored by the same function."""
    score = view.score()
    parts = (_part(view, p, score.part_totals.get(p.code, Decimal(0))) for p in view.parts)
    return "".join((_header(view), *parts, _totals(score), _signature(view)))


def render_sheet(view: SheetView) -> bytes:
    return render_pdf(sheet_html(view), title=_t("Phiếu chấm điểm – {name}").format(name=view.member_name))


def write_sheet(path: str | os.PathLike, view: SheetView) -> Path:
    """Writes the score sheet; raises ReportError when the file cannot be written."""
    return write_file(path, render_sheet(view))
