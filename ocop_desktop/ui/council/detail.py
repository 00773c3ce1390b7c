"""Sentences of the council page: the selected dossier's detail, why it cannot be approved, the council's rules."""

from __future__ import annotations

from html import escape

from ocop_desktop.formats import decimal, percent, stars
from ocop_desktop.i18n import _t
from ocop_desktop.services.council_view import CouncilView, DossierRow
from ocop_desktop.words import approval, recommendations, result_flags, word
from ocop_desktop.words.council_documents import document_failure_text


def blockers_text(row: DossierRow) -> str:
    """Why "Phê duyệt" is disabled for this dossier, or "" when it can be approved."""
    if row.approved:
        return word(result_flags(), "approved") + "."
    if row.can_approve:
        return _t("Đủ điều kiện phê duyệt.")
    flags = result_flags()
    return _t("Chưa phê duyệt được: {flags}.").format(flags="; ".join(word(flags, b) for b in row.blockers))


def rules_text(view: CouncilView) -> str:
    """The council's rules in one line, so a red spread or a missing quorum can be read against them."""
    parts = [_t("Chênh lệch tối đa {n} điểm").format(n=decimal(view.spread_limit))
             if view.spread_limit is not None else _t("Không giới hạn chênh lệch")]
    quorum = _t("tối thiểu {percent} thành viên chấm").format(percent=percent(view.quorum_fraction))
    parts.append(quorum + (_t(", có Chủ tịch") if view.chair_required else ""))
    parts.append(_t("%n hồ sơ", "", len(view.rows)))
    return " · ".join(parts)


def _line(label: str, value: str) -> str:
    return f"<tr><td style='color:#555555; padding-right:10px'>{label}</td><td>{value}</td></tr>"


def _table(*lines: str) -> str:
    return f"<table cellspacing='2'>{''.join(lines)}</table>"


def detail_html(row: DossierRow, view: CouncilView) -> str:
    """Three columns under the table: the dossier, its figures, the council's outcome."""
    spread = decimal(row.spread) or "–"
    if view.spread_limit is not None:
        spread = _t("{spread} (giới hạn {limit})").format(spread=spread, limit=decimal(view.spread_limit))
    if row.spread_exceeded:
        spread = f"<b style='color:#c00000'>{spread}</b>"
    quorum = (_t("{n}/{m} thành viên – đủ") if row.quorum_met else _t("{n}/{m} thành viên – chưa đủ")).format(
        n=row.present, m=len(row.cells))
    failures = "<br/>".join(f"{escape(f.criterion)} – {escape(f.name)}" for f in row.failures) or _t("Không có")
    if row.failures:
        failures = f"<span style='color:#c00000'>{failures}</span>"
    documents = "<br/>".join(escape(document_failure_text(f)) for f in row.documents) or _t("Đủ, còn hiệu lực")
    if row.documents:
        documents = f"<span style='color:#c00000'>{documents}</span>"
    state = (escape(approval(row.approved_at, row.approved_by)) if row.approved else _t("Chưa phê duyệt"))
    notes = "".join(f"<li>{word(result_flags(), f)}</li>" for f in row.flags)
    dossier = (f"<h3>{escape(row.code)}</h3><p><b>{escape(row.product)}</b><br/>{escape(row.producer)}</p>"
               f"<p>{state}</p>")
    figures = _table(_line(_t("Điểm trung bình"), f"<b>{decimal(row.mean) or '–'}</b>"),
                     _line(_t("Chênh lệch"), spread), _line(_t("Số người chấm"), quorum),
                     _line(_t("Hạng theo điểm"), stars(row.band_stars)))
    outcome = _table(_line(_t("Tiêu chí bắt buộc không đạt"), failures),
                     _line(_t("Giấy tờ bắt buộc"), documents),
                     _line(_t("Hạng sao cuối cùng"), f"<b>{stars(row.final_stars)}</b>"),
                     _line(_t("Kiến nghị"), word(recommendations(), row.official)))
    if notes:
        heading = _t("Lưu ý:")  # outside the f-string, where lupdate finds it
        outcome += f"<p style='color:#c00000'><b>{heading}</b></p><ul style='color:#c00000'>{notes}</ul>"
    return (f"<table width='100%'><tr><td width='30%'>{dossier}</td><td width='32%'>{figures}</td>"
            f"<td>{outcome}</td></tr></table>")



def empty_text(view: CouncilView | None, role: str, query: str) -> str:
    """Why the table shows no dossier, in place of an empty table that reads as a failure to load; "" when it
    shows some."""
    if view is None:
        return _t("Chưa có phiên đánh giá nào trên máy này. Phiên đánh giá được mở cùng hội đồng, ở Quản trị → "
                  "Hội đồng.")
    if view.rows:
        return _t("Không có hồ sơ nào khớp “{query}” trong phiên này.").format(query=query.strip())
    if role == "commune_officer":
        # A commune officer's laptop holds only their communes' dossiers: the session's others never reach it.
        return _t("Không có hồ sơ nào của xã bạn trong phiên này. Tài khoản cán bộ xã chỉ thấy kết quả chấm của "
                  "các hồ sơ thuộc xã mình; hồ sơ của xã khác do hội đồng và tỉnh theo dõi.")
    return _t("Phiên này chưa có hồ sơ nào: chưa hồ sơ nào được giao cho hội đồng và chưa có phiếu chấm. "
              "Quản trị tỉnh giao hồ sơ cho hội đồng ở Quản trị → Hội đồng.")
