"""Words of the sync screen: phases, outcomes, refusal reasons, entity and field names, values, sizes.

Kept beside the screen rather than in ``ui/texts.py`` only because that file has another owner; the
tables are built when asked for, after the translator is installed, like those in ``texts``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from ocop_desktop.sync.client import SyncError
from ocop_desktop.sync.engine import Cancelled, SyncReport
from ocop_desktop.ui import texts


def _t(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


def phase(code: str) -> str:
    return {"files": _t("Đang gửi tệp đính kèm"), "push": _t("Đang gửi thay đổi lên máy chủ"),
            "pull": _t("Đang nhận dữ liệu từ máy chủ"), "check": _t("Đang đối chiếu dữ liệu với máy chủ"),
            "done": _t("Hoàn tất"), "start": _t("Đang kết nối máy chủ…")}.get(code, code)


def outcome(code: str) -> str:
    # "running" on a past row also means the app closed mid-sync: both read as "not finished".
    return {"ok": _t("Thành công"), "failed": _t("Không thành công"), "cancelled": _t("Đã huỷ"),
            "running": _t("Chưa kết thúc")}.get(code, code)


def entity(code: str) -> str:
    return {
        "dossiers": _t("Hồ sơ"), "dossier_documents": _t("Tài liệu hồ sơ"), "products": _t("Sản phẩm"),
        "producers": _t("Chủ thể"), "production_lots": _t("Lô sản xuất"), "councils": _t("Hội đồng"),
        "council_members": _t("Thành viên hội đồng"), "council_assignments": _t("Phân công hội đồng"),
        "evaluation_sessions": _t("Phiên đánh giá"), "score_sheets": _t("Phiếu chấm"),
        "score_lines": _t("Dòng phiếu chấm"), "council_results": _t("Kết quả hội đồng"),
        "recognitions": _t("Quyết định công nhận"), "tasks": _t("Công việc"), "users": _t("Người dùng"),
        "criteria_set_versions": _t("Bộ tiêu chí"), "devices": _t("Thiết bị"), "conflicts": _t("Xung đột"),
    }.get(code, code)


def field(code: str) -> str:
    return {
        "notes": _t("Ghi chú"), "name": _t("Tên"), "title": _t("Tiêu đề"), "code": _t("Mã"),
        "kind": _t("Loại"), "status": _t("Trạng thái"), "issuer": _t("Cơ quan cấp"), "issued_on": _t("Ngày cấp"),
        "valid_until": _t("Hiệu lực đến"), "address": _t("Địa chỉ"), "representative": _t("Người đại diện"),
        "phone": _t("Điện thoại"), "tax_code": _t("Mã số thuế"), "registration_no": _t("Số đăng ký"),
        "description": _t("Mô tả"), "full_name": _t("Họ và tên"), "organisation": _t("Đơn vị công tác"),
        "decision_no": _t("Số quyết định"), "decision_date": _t("Ngày quyết định"), "due_on": _t("Hạn"),
        "lot_code": _t("Mã lô"), "quantity": _t("Số lượng"), "unit": _t("Đơn vị tính"),
        "produced_on": _t("Ngày sản xuất"), "deleted": _t("Đã xoá"), "lat": _t("Vĩ độ"), "lon": _t("Kinh độ"),
        "doc_type": _t("Loại tài liệu"), "commune_code": _t("Xã/phường"), "stars": _t("Số sao"),
        "comment": _t("Nhận xét"), "recommendation": _t("Kiến nghị"), "external_code": _t("Mã bên ngoài"),
        "subgroup_code": _t("Phân nhóm"), "role": _t("Vai trò"), "revocation_reason": _t("Lý do thu hồi"),
    }.get(code, code)


def report_summary(report: SyncReport, now: datetime) -> str:
    parts = [_t("Đồng bộ xong lúc {time}:").format(time=now.strftime("%H:%M")),
             _t("đã gửi %n thay đổi,", "", report.pushed), _t("đã nhận %n bản ghi.", "", report.pulled)]
    if report.conflicts:
        parts.append(_t("%n xung đột cần bạn chọn giá trị (thẻ «Xung đột cần giải quyết»).", "", report.conflicts))
    if report.rejected:
        parts.append(_t("%n thay đổi bị máy chủ từ chối (thẻ «Thay đổi bị từ chối»).", "", report.rejected))
    if report.files_refused:
        parts.append(_t("%n tệp đính kèm chưa gửi được vì quá lớn.", "", len(report.files_refused)))
    if report.mismatched:
        parts.append(_t("Một số dữ liệu chưa khớp với máy chủ; lần đồng bộ sau sẽ tải lại."))
    return " ".join(parts)


def sync_failure(error: object) -> str:
    """Why a sync ended early, and that nothing was lost (the server's own messages are in English)."""
    if isinstance(error, Cancelled):
        return _t("Đã huỷ đồng bộ. Những thay đổi máy chủ chưa xác nhận vẫn nằm trên máy này và sẽ được gửi ở "
                  "lần đồng bộ sau.")
    if not isinstance(error, SyncError):
        return texts.error_text(error) if isinstance(error, BaseException) else str(error)
    known = {
        "network": _t("Không kết nối được máy chủ tỉnh. Hãy kiểm tra mạng rồi thử lại; mọi thay đổi vẫn được giữ "
                      "trên máy này."),
        "protocol_unsupported": _t("Phiên bản ứng dụng này không còn dùng được với máy chủ tỉnh; hãy cập nhật "
                                   "ứng dụng rồi đồng bộ lại."),
        "token_invalid": _t("Phiên đăng nhập trên máy này không còn hiệu lực; hãy đăng nhập lại rồi đồng bộ."),
        "not_logged_in": _t("Máy này chưa đăng nhập máy chủ tỉnh; hãy đăng nhập rồi đồng bộ."),
    }
    return known.get(error.code) or _t("Đồng bộ không thành công (mã lỗi: {code}). Mọi thay đổi vẫn được giữ trên "
                                       "máy này; hãy thử lại hoặc báo quản trị tỉnh.").format(code=error.code)


def reason(stored: str) -> str:
    """The engine keeps "status: code: english detail"; a person reads what it means for them."""
    status, _, rest = stored.partition(":")
    code = rest.strip().split(":")[0].strip()
    known = {
        "forbidden": _t("Vai trò hoặc phạm vi của tài khoản không cho phép thay đổi này."),
        "sheet_submitted": _t("Phiếu chấm đã nộp thì không sửa được; hãy chấm lại bằng phiếu mới."),
        "unknown_row": _t("Máy chủ không có bản ghi này (có thể việc tạo nó đã bị từ chối trước đó)."),
        "conflict_fields": _t("Chỉ được đổi trạng thái và cách giải quyết của một xung đột."),
        "criteria_hash_mismatch": _t("Phiếu được chấm theo nội dung bộ tiêu chí khác với bản của tỉnh."),
        "total_mismatch": _t("Tổng điểm trên máy này khác với tổng điểm máy chủ tính lại."),
        "sheet_invalid": _t("Phiếu chấm không hợp lệ."),
        "change_id_reused": _t("Thay đổi này trùng mã với một thay đổi đã gửi trước."),
        "invalid": _t("Dữ liệu không hợp lệ."),
        "criteria_invalid": _t("Bộ tiêu chí không hợp lệ."),
    }
    if code in known:
        return known[code]
    if status.strip() == "forbidden":
        return known["forbidden"]
    return _t("Máy chủ từ chối thay đổi này ({code}).").format(code=code or status.strip())


def service_error(error: BaseException) -> str:
    """``texts.error_text`` plus the codes only conflict resolution raises, prefixed with the field."""
    code = getattr(error, "code", None)
    own = {"conflict_closed": _t("Xung đột này đã được giải quyết (có thể trên máy khác)."),
           "row_deleted": _t("Bản ghi đã bị xoá trên máy chủ; chỉ giữ được giá trị trên máy chủ.")}
    text = own.get(code) or texts.error_text(error)
    name = getattr(error, "field", "")
    return f"{field(name)}: {text}" if code not in own and name and name not in ("keep", "entity") else text


def value(entity_code: str, field_code: str, raw: Any) -> str:
    """A recorded (wire) value as a person reads it: codes in words, dates day first, empty said so."""
    if raw is None or raw == "":
        return _t("(để trống)")
    if isinstance(raw, bool):
        return _t("Có") if raw else _t("Không")
    words = _coded_words(entity_code, field_code)
    if words and str(raw) in words:
        return words[str(raw)]
    if isinstance(raw, str) and field_code.endswith(("_on", "_date", "_until")):
        try:
            return date.fromisoformat(raw).strftime("%d/%m/%Y")
        except ValueError:
            return raw
    if isinstance(raw, str) and field_code.endswith("_at"):
        try:
            return moment(datetime.fromisoformat(raw))
        except ValueError:
            return raw
    return str(raw)


def _coded_words(entity_code: str, field_code: str) -> dict[str, str] | None:
    if field_code == "status" and entity_code == "dossiers":
        return texts.dossier_statuses()
    if field_code == "status" and entity_code == "score_sheets":
        return texts.sheet_statuses()
    if field_code == "kind" and entity_code == "dossiers":
        return texts.dossier_kinds()
    if field_code == "kind" and entity_code == "producers":
        return texts.producer_kinds()
    if field_code == "doc_type":
        return texts.document_types()
    if field_code == "role":
        return texts.user_roles() if entity_code == "users" else texts.member_roles()
    return None


def moment(when: datetime | None) -> str:
    """Local time, day first, as officers write it."""
    if when is None:
        return ""
    return when.astimezone().strftime("%d/%m/%Y %H:%M")


def size(n: int) -> str:
    """Bytes with a Vietnamese decimal comma: 950 B, 12,4 kB, 3,1 MB."""
    if n < 1000:
        return _t("{n} B").format(n=n)
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if n < scale * 1000 or unit == "GB":
            return f"{n / scale:.1f}".replace(".", ",") + f" {unit}"
    return str(n)
