"""The council minutes (Biên bản họp hội đồng) of one evaluation session, as an A4 PDF."""

from __future__ import annotations

import os
from collections import Counter
from html import escape
from pathlib import Path

from ocop_core.domain.council import Recommendation
from ocop_desktop.formats import BLANK_DAY, day, decimal, percent, stars
from ocop_desktop.i18n import _t
from ocop_desktop.reports.pdf import render_pdf, write_file
from ocop_desktop.services.council_view import CouncilView, DossierRow
from ocop_desktop.words import approval, member_roles, recommendations, result_flags, word
from ocop_desktop.words.council_documents import document_failure_text


def _header(view: CouncilView) -> str:
    decision = ""
    if view.decision_no:
        decision = _t("Căn cứ Quyết định số {no} ngày {date} về việc thành lập Hội đồng.").format(
            no=escape(view.decision_no), date=day(view.decision_date, blank=BLANK_DAY))
    quorum = _t("ít nhất {percent} thành viên chấm điểm").format(percent=percent(view.quorum_fraction))
    if view.chair_required:
        quorum += _t(", có Chủ tịch hội đồng")
    spread = (_t("điểm của các thành viên chênh lệch không quá {n} điểm").format(n=decimal(view.spread_limit))
              if view.spread_limit is not None else _t("không giới hạn chênh lệch điểm giữa các thành viên"))
    return f"""
<table width="100%"><tr>
<td align="center" width="45%"><b>{escape(view.council_name)}</b></td>
<td align="center"><b>{_t("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")}</b><br/>
<u>{_t("Độc lập – Tự do – Hạnh phúc")}</u></td></tr></table>
<h2 align="center">{_t("BIÊN BẢN HỌP HỘI ĐỒNG")}</h2>
<p align="center"><b>{_t("Đánh giá, phân hạng sản phẩm OCOP")}</b></p>
<p>{decision}</p>
<p>{_t("Thời gian: ngày {date}, vòng {round}.").format(date=day(view.held_on, blank=BLANK_DAY), round=view.round)}<br/>
{_t("Bộ tiêu chí áp dụng: {title}.").format(title=escape(view.criteria_title))}<br/>
{_t("Quy tắc của hội đồng: {spread}; {quorum}.").format(spread=spread, quorum=quorum)}</p>"""


def _members(view: CouncilView) -> str:
    labels = _member_labels(view)
    rows = "".join(
        f"<tr><td align='center'>{i}</td><td>{escape(m.full_name)}</td><td>{word(member_roles(), m.role)}</td>"
        f"<td>{escape(m.organisation)}</td><td align='center'>{labels.get(m.id, _t('Không chấm'))}</td></tr>"
        for i, m in enumerate(view.members, start=1))
    return f"""<h3>{_t("I. Thành phần hội đồng")}</h3>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<thead><tr><th>{_t("STT")}</th><th>{_t("Họ và tên")}</th><th>{_t("Chức danh")}</th><th>{_t("Đơn vị")}</th>
<th>{_t("Ký hiệu")}</th></tr></thead>{rows}</table>{_chair(view)}"""


def _chair(view: CouncilView) -> str:
    """A chair who does not score shows in no column of section II: the minutes say the chair presided."""
    if not (view.silent_chair and view.chair_present):
        return ""
    text = _t("Chủ tịch hội đồng có mặt, chủ trì phiên họp (không chấm điểm).")  # outside the f-string, for lupdate
    return f"<p>{text}</p>"


def _member_labels(view: CouncilView) -> dict[str, str]:
    """Short column labels (TV1, TV2 ...): five full names would not fit across an A4 page."""
    return {m.id: _t("TV{n}").format(n=i) for i, m in enumerate(view.scorers, start=1)}


def _cell(row: DossierRow, index: int) -> str:
    cell = row.cells[index]
    if cell.status is None:
        return "–"
    value = decimal(cell.total)
    return value if cell.submitted else _t("{value} (nháp)").format(value=value)


def _results(view: CouncilView) -> str:
    labels = _member_labels(view)
    # Member columns share 30% of the width; the rest is fixed so the product's name has room.
    member_width = max(4, 30 // max(1, len(view.scorers)))
    heads = "".join(f"<th width='{member_width}%'>{labels[m.id]}</th>" for m in view.scorers)
    body = []
    for i, row in enumerate(view.rows, start=1):
        cells = "".join(f"<td align='right'>{_cell(row, k)}</td>" for k in range(len(view.scorers)))
        spread = decimal(row.spread)
        if row.spread_exceeded:
            spread = f"<b><font color='#c00000'>{spread}</font></b>"
        body.append(
            f"<tr><td align='center'>{i}</td><td class='code'>{escape(row.code)}</td><td>{escape(row.product)}<br/>"
            f"<i>{escape(row.producer)}</i></td>{cells}<td align='right'><b>{decimal(row.mean)}</b></td>"
            f"<td align='right'>{spread}</td><td align='center'>{stars(row.final_stars, glyphs=False)}</td>"
            f"<td>{word(recommendations(), row.official)}</td></tr>")
    if not body:
        return f"<h3>{_t('II. Kết quả chấm điểm')}</h3><p>{_t('Chưa có hồ sơ nào được chấm trong phiên này.')}</p>"
    return f"""<h3>{_t("II. Kết quả chấm điểm")}</h3>
<table class="results" border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th width="5%">{_t("STT")}</th><th width="16%">{_t("Mã hồ sơ")}</th>
<th width="16%">{_t("Sản phẩm / Chủ thể")}</th>{heads}<th width="7%">{_t("Điểm TB")}</th>
<th width="7%">{_t("Chênh lệch")}</th><th width="6%">{_t("Hạng")}</th><th>{_t("Kiến nghị")}</th></tr></thead>
{"".join(body)}</table>"""


def _notes(view: CouncilView) -> str:
    items = []
    for row in view.rows:
        notes = [word(result_flags(), f) for f in row.flags]
        notes += [_t("Không đạt tiêu chí bắt buộc {code} ({name})").format(code=escape(f.criterion),
                                                                          name=escape(f.name))
                  for f in row.failures]
        notes += [_t("Giấy tờ bắt buộc chưa đạt ({document})").format(document=escape(document_failure_text(f)))
                  for f in row.documents]
        if row.approved:
            notes.append(escape(approval(row.approved_at, row.approved_by)))
        if notes:
            items.append(f"<li><b>{escape(row.code)}</b> ({escape(row.product)}): {'; '.join(notes)}.</li>")
    return (f"<h3>{_t('III. Ý kiến của hội đồng')}</h3>"
            + (f"<ul>{''.join(items)}</ul>" if items else f"<p>{_t('Không có ý kiến khác.')}</p>"))


def _standing(row: DossierRow) -> str:
    """Where a dossier stands in the conclusion: its recommendation once the result can be approved; before that,
    without any sheet, or waiting for a rescore, quorum or the chair."""
    if row.official is not Recommendation.NOT_READY:
        return str(row.official)
    return "incomplete" if row.recommendation == Recommendation.INCOMPLETE else "pending"


def _conclusion(view: CouncilView) -> str:
    counts = Counter(_standing(row) for row in view.rows)
    lines = [_t("Hội đồng thống nhất kiến nghị:"),
             _t("– Đề nghị UBND tỉnh công nhận {n} sản phẩm đạt 3 đến 4 sao;").format(
                 n=counts["recognise_province"]),
             _t("– Đề nghị Trung ương xét công nhận {n} sản phẩm đạt 5 sao;").format(n=counts["forward_central"]),
             _t("– {n} sản phẩm không đủ điều kiện công nhận;").format(n=counts["not_recognised"]),
             _t("– {n} hồ sơ chưa kết luận (cần chấm lại hoặc chưa đủ thành viên chấm);").format(n=counts["pending"]),
             _t("– {n} hồ sơ chưa có phiếu chấm.").format(n=counts["incomplete"])]
    return f"<h3>{_t('IV. Kết luận')}</h3><p>{'<br/>'.join(lines)}</p>"


def _signatures(view: CouncilView) -> str:
    def name(role: str) -> str:
        return escape(next((m.full_name for m in view.members if m.role == role), ""))
    def block(title: str, role: str) -> str:
        return (f'<td align="center" width="50%"><b>{title}</b><br/><i>{_t("(Ký, ghi rõ họ tên)")}</i>'
                f"<br/><br/><br/><br/>{name(role)}</td>")
    return (f'<br/><table width="100%"><tr>{block(_t("THƯ KÝ HỘI ĐỒNG"), "secretary")}'
            f'{block(_t("CHỦ TỊCH HỘI ĐỒNG"), "chair")}</tr></table>')


def minutes_html(view: CouncilView) -> str:
    return "".join((_header(view), _members(view), _results(view), _notes(view), _conclusion(view),
                    _signatures(view)))


def render_minutes(view: CouncilView) -> bytes:
    return render_pdf(minutes_html(view), title=_t("Biên bản họp hội đồng"))


def write_minutes(path: str | os.PathLike, view: CouncilView) -> Path:
    """Writes the minutes; raises ReportError when the file cannot be written."""
    return write_file(path, render_minutes(view))
