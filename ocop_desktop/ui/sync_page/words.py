"""Sentences of the sync screen: a finished sync's summary, why one failed, a recorded value as a person reads it.

The codes' words are in ocop_desktop.words and the figures' formats in ocop_desktop.formats, like every screen's.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ocop_desktop import formats, words
from ocop_desktop.i18n import _t
from ocop_desktop.sync.engine import Cancelled, SyncReport


def moved_nothing(report: SyncReport) -> bool:
    """Nothing sent, received, refused or left to check: a sync a person need not hear about."""
    return not (report.pushed or report.pulled or report.uploaded or report.conflicts or report.rejected
                or report.files_refused or report.mismatched or report.restarted or report.requeued
                or report.left_scope)


def report_summary(report: SyncReport, now: datetime, automatic: bool = False) -> str:
    done = _t("Tự động đồng bộ xong lúc {time}:") if automatic else _t("Đồng bộ xong lúc {time}:")
    parts = [done.format(time=formats.clock(now)),
             _t("đã gửi %n thay đổi,", "", report.pushed), _t("đã nhận %n bản ghi.", "", report.pulled)]
    if report.conflicts:
        parts.append(_t("%n xung đột cần bạn chọn giá trị (thẻ «Xung đột cần giải quyết»).", "", report.conflicts))
    if report.rejected:
        parts.append(_t("%n thay đổi bị máy chủ từ chối (thẻ «Thay đổi bị từ chối»).", "", report.rejected))
    if report.files_refused:
        parts.append(_t("%n tệp đính kèm chưa gửi được vì quá lớn.", "", len(report.files_refused)))
    if report.left_scope:
        parts.append(_t("%n bản ghi không còn thuộc phạm vi của bạn đã được gỡ khỏi máy này.", "",
                        report.left_scope))
    if report.mismatched:
        parts.append(_t("Một số dữ liệu chưa khớp với máy chủ; lần đồng bộ sau sẽ tải lại."))
    return " ".join(parts)


def sync_failure(error: object) -> str:
    """Why a sync ended early, and that nothing was lost (the server's own messages are in English)."""
    if isinstance(error, Cancelled):
        return _t("Đã huỷ đồng bộ. Những thay đổi máy chủ chưa xác nhận vẫn nằm trên máy này và sẽ được gửi ở "
                  "lần đồng bộ sau.")
    reason = words.error_text(error) if isinstance(error, BaseException) else str(error)
    return _t("Đồng bộ không thành công: {reason} Mọi thay đổi vẫn được giữ trên máy này.").format(reason=reason)


def service_error(error: BaseException) -> str:
    """Why a conflict could not be resolved, after the field's name when the value typed is at fault."""
    text = words.error_text(error)
    name = getattr(error, "field", "")
    whole = getattr(error, "code", None) in ("conflict_closed", "row_deleted") or name in ("", "keep", "entity")
    return text if whole else f"{words.word(words.fields(), name)}: {text}"


def value(entity_code: str, field_code: str, raw: Any) -> str:
    """A recorded (wire) value as a person reads it: codes in words, dates day first, empty said so."""
    if raw is None or raw == "":
        return _t("(để trống)")
    if isinstance(raw, bool):
        return _t("Có") if raw else _t("Không")
    table = _coded_words(entity_code, field_code)
    if table and str(raw) in table:
        return table[str(raw)]
    if isinstance(raw, str) and field_code.endswith(("_on", "_date", "_until")):
        try:
            return formats.day(date.fromisoformat(raw))
        except ValueError:
            return raw
    if isinstance(raw, str) and field_code.endswith("_at"):
        try:
            return formats.moment(datetime.fromisoformat(raw))
        except ValueError:
            return raw
    return str(raw)


def _coded_words(entity_code: str, field_code: str) -> dict[str, str] | None:
    if field_code == "status" and entity_code == "dossiers":
        return words.dossier_statuses()
    if field_code == "status" and entity_code == "score_sheets":
        return words.sheet_statuses()
    if field_code == "kind" and entity_code == "dossiers":
        return words.dossier_kinds()
    if field_code == "kind" and entity_code == "producers":
        return words.producer_kinds()
    if field_code == "doc_type":
        return words.document_types()
    if field_code == "role":
        return words.user_roles() if entity_code == "users" else words.member_roles()
    return None
