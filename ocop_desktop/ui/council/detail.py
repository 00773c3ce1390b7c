"""Words for the council page: the selected dossier's detail, why it cannot be approved, export errors."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from ocop_desktop.reports import ReportError, approval_text, flag_text, number_text, recommendation_text
from ocop_desktop.services.council_view import CouncilView, DossierRow
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.ui.texts import error_text, stars


def _t(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


def blockers_text(row: DossierRow) -> str:
    """Why "Phê duyệt" is disabled for this dossier, or "" when it can be approved."""
    if row.approved:
        return flag_text("approved") + "."
    if row.can_approve:
        return _t("Đủ điều kiện phê duyệt.")
    return _t("Chưa phê duyệt được: {why}.").format(why="; ".join(flag_text(b) for b in row.blockers))


def rules_text(view: CouncilView) -> str:
    """The council's rules in one line, so a red spread or a missing quorum can be read against them."""
    parts = [_t("Chênh lệch tối đa {n} điểm").format(n=number_text(view.spread_limit))
             if view.spread_limit is not None else _t("Không giới hạn chênh lệch")]
    quorum = _t("tối thiểu {pct}% thành viên chấm").format(pct=number_text((view.quorum_fraction * 100).normalize()))
    parts.append(quorum + (_t(", có Chủ tịch") if view.chair_required else ""))
    parts.append(_t("%n hồ sơ", "", len(view.rows)))
    return " · ".join(parts)


def _line(label: str, value: str) -> str:
    return f"<tr><td style='color:#555555; padding-right:10px'>{label}</td><td>{value}</td></tr>"


def _table(*lines: str) -> str:
    return f"<table cellspacing='2'>{''.join(lines)}</table>"


def detail_html(row: DossierRow, view: CouncilView) -> str:
    """Three columns under the table: the dossier, its figures, the council's outcome."""
    spread = number_text(row.spread) or "–"
    if view.spread_limit is not None:
        spread = _t("{spread} (giới hạn {limit})").format(spread=spread, limit=number_text(view.spread_limit))
    if row.spread_exceeded:
        spread = f"<b style='color:#c00000'>{spread}</b>"
    quorum = (_t("{n}/{m} thành viên – đủ") if row.quorum_met else _t("{n}/{m} thành viên – chưa đủ")).format(
        n=row.present, m=len(row.cells))
    failures = "<br/>".join(f"{escape(f.criterion)} – {escape(f.name)}" for f in row.failures) or _t("Không có")
    if row.failures:
        failures = f"<span style='color:#c00000'>{failures}</span>"
    state = (escape(approval_text(row.approved_at, row.approved_by)) if row.approved else _t("Chưa phê duyệt"))
    notes = "".join(f"<li>{flag_text(f)}</li>" for f in row.flags)
    dossier = (f"<h3>{escape(row.code)}</h3><p><b>{escape(row.product)}</b><br/>{escape(row.producer)}</p>"
               f"<p>{state}</p>")
    figures = _table(_line(_t("Điểm trung bình"), f"<b>{number_text(row.mean) or '–'}</b>"),
                     _line(_t("Chênh lệch"), spread), _line(_t("Số người chấm"), quorum),
                     _line(_t("Hạng theo điểm"), stars(row.band_stars)))
    outcome = _table(_line(_t("Tiêu chí bắt buộc không đạt"), failures),
                     _line(_t("Hạng sao cuối cùng"), f"<b>{stars(row.final_stars)}</b>"),
                     _line(_t("Kiến nghị"), recommendation_text(row.recommendation)))
    if notes:
        heading = _t("Lưu ý:")  # outside the f-string, where lupdate finds it
        outcome += f"<p style='color:#c00000'><b>{heading}</b></p><ul style='color:#c00000'>{notes}</ul>"
    return (f"<table width='100%'><tr><td width='30%'>{dossier}</td><td width='32%'>{figures}</td>"
            f"<td>{outcome}</td></tr></table>")


def report_error_text(error: ReportError) -> str:
    if error.code == "unwritable":
        return _t("Không ghi được tệp “{path}”: thư mục không tồn tại hoặc không có quyền ghi. "
                  "Hãy chọn nơi lưu khác.").format(path=error.path)
    if error.code == "is_directory":
        return _t("“{path}” là một thư mục; hãy nhập tên tệp.").format(path=error.path)
    if error.code == "no_vietnamese_font":
        return _t("Máy này không có phông chữ tiếng Việt (như DejaVu Sans, Noto Sans, Arial); "
                  "hãy cài một phông rồi xuất lại.")
    return _t("Không xuất được tài liệu ({code}).").format(code=error.code)


def service_error_text(error: BaseException) -> str:
    """error_text, plus the refusal this page's approval can meet (texts.py does not know it yet)."""
    if isinstance(error, ServiceError) and error.code == "result_not_approvable":
        reasons = [flag_text(f) for f in error.params.get("flags", [])]
        if error.params.get("recommendation") == "incomplete":
            reasons.append(flag_text("incomplete"))
        return _t("Chưa phê duyệt được: {why}.").format(why="; ".join(reasons) or _t("kết quả chưa đủ điều kiện"))
    return error_text(error)
