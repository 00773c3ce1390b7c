"""The success summary of a valid criteria file, as escaped HTML for a read-only text view."""

from __future__ import annotations

from html import escape

from ocop_core.domain.criteria import CriteriaSet, StarBand
from ocop_desktop.formats import day, decimal
from ocop_desktop.i18n import _t
from ocop_desktop.words import criteria_set_statuses as set_statuses  # council_form.py takes it from here too


def effective_text(criteria_set: CriteriaSet) -> str:
    start, end = day(criteria_set.effective_from), day(criteria_set.effective_to)
    if start and end:
        return _t("từ {start} đến {end}").format(start=start, end=end)
    if start:
        return _t("từ {start}, chưa có ngày kết thúc").format(start=start)
    return _t("chưa ghi ngày hiệu lực")


def _band(band: StarBand) -> str:
    upper = decimal(band.upper)
    if band.lower == 0:
        return _t("{stars}★ dưới {upper}").format(stars=band.stars, upper=upper)
    template = _t("{stars}★ {lower}–{upper}") if band.upper_inclusive else _t("{stars}★ {lower} đến dưới {upper}")
    return template.format(stars=band.stars, lower=decimal(band.lower), upper=upper)


def summary_html(criteria_set: CriteriaSet, digest: str, file_name: str) -> str:
    cs, e = criteria_set, escape
    legal = "; ".join(
        _t("{number} ngày {day}").format(number=e(b.number), day=day(b.date)) if b.date else e(b.number)
        for b in cs.legal_basis) or "—"
    rows = [
        (_t("Mã phiên bản"), f"<b>{e(cs.code)}</b>"),
        (_t("Tên"), e(cs.title)),
        (_t("Trạng thái trong tệp"), e(set_statuses().get(cs.status, cs.status))),
        (_t("Hiệu lực"), e(effective_text(cs))),
        (_t("Căn cứ pháp lý"), legal),
        (_t("Tổng điểm"), e(decimal(cs.total_points))),
        (_t("Hạng sao"), e(" · ".join(_band(b) for b in cs.star_bands))),
        (_t("Nhóm sản phẩm"), e(_t("{groups} nhóm, {subgroups} phân nhóm").format(
            groups=len(cs.product_groups), subgroups=len(cs.subgroups())))),
        (_t("Mã băm nội dung (SHA-256)"), f"<code>{e(digest)}</code>"),
    ]
    head = _t("Tệp “{name}” hợp lệ — sẵn sàng lưu vào máy hoặc ban hành.").format(name=file_name)
    html = [f"<p style='color:#1b7f3b; font-weight:600'>✔ {e(head)}</p>", "<table cellpadding='3'>"]
    html += [f"<tr><td style='color:#555'>{e(label)}</td><td>{value}</td></tr>" for label, value in rows]
    html.append("</table>")
    if cs.status != "published":
        html.append("<p style='color:#9a6700'>" + e(_t(
            "Lưu ý: tệp chưa ở trạng thái “Đã ban hành”; khi chọn bộ tiêu chí theo ngày đánh giá, ứng dụng chỉ "
            "dùng phiên bản đã ban hành.")) + "</p>")
    heading = _t("Phiếu đánh giá")  # outside the f-string, where lupdate finds it
    html.append(f"<p><b>{e(heading)}</b></p><table border='1' cellspacing='0' cellpadding='4'>")
    headers = (_t("Mã phiếu"), _t("Tên phiếu"), _t("Các phần (điểm tối đa)"), _t("Số tiêu chí"),
               _t("Tiêu chí bắt buộc"))
    html.append("<tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + "</tr>")
    for ps in cs.product_sets:
        parts = " · ".join(f"{p.code} {decimal(p.max_points)}" for p in ps.parts)
        mandatory = sum(1 for c in ps.criteria if c.mandatory)
        html.append(f"<tr><td>{e(ps.code)}</td><td>{e(ps.name)}</td><td>{e(parts)}</td>"
                    f"<td align='right'>{len(ps.criteria)}</td><td align='right'>{mandatory}</td></tr>")
    html.append("</table>")
    return "".join(html)
