"""Words for what can go wrong in the admin section: assignment refusals and the server's publish answers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ocop_desktop.services.errors import ServiceError
from ocop_desktop.sync.client import SyncError
from ocop_desktop.ui.texts import dossier_statuses, error_text


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)


def _service_texts() -> dict[str, str]:
    return {
        "dossier_not_ready": _t("Hồ sơ đang ở trạng thái “{status}”: chỉ giao được hồ sơ xã đã chuyển lên tỉnh."),
        "already_assigned": _t("Hồ sơ đã được giao cho một hội đồng; hãy bỏ giao ở hội đồng đó trước."),
        "assignment_scored": _t("Hội đồng đã chấm hồ sơ này nên không thể bỏ giao; phiếu đã nộp phải giữ nguyên."),
        "criteria_version_immutable": _t(
            "Máy này đã có phiên bản “{code}” với nội dung khác. Phiên bản đã lưu không được sửa: hãy đặt mã và "
            "mã định danh (id) mới cho phiên bản mới."),
        "unknown_superseded_version": _t(
            "Tệp ghi là thay thế một phiên bản chưa có trên máy này; hãy lưu phiên bản cũ trước."),
    }


def _sync_texts() -> dict[str, str]:
    return {
        "network": _t("Không kết nối được máy chủ tỉnh. Hãy kiểm tra mạng rồi thử lại; chưa có gì được ban hành."),
        "not_logged_in": _t("Phiên đăng nhập máy chủ đã hết; hãy đăng nhập lại rồi ban hành."),
        "token_invalid": _t("Phiên đăng nhập máy chủ đã hết; hãy đăng nhập lại rồi ban hành."),
        "admins_only": _t("Tài khoản này không có quyền ban hành bộ tiêu chí trên máy chủ."),
        "criteria_invalid": _t("Máy chủ từ chối vì bộ tiêu chí có lỗi: {detail}"),
        "criteria_immutable": _t(
            "Máy chủ đã có phiên bản cùng mã định danh với nội dung khác; bộ tiêu chí đã ban hành không sửa được. "
            "Hãy tạo phiên bản mới."),
        "body_too_large": _t("Tệp quá lớn để gửi lên máy chủ."),
        "protocol_unsupported": _t("Máy chủ không còn phục vụ phiên bản ứng dụng này; hãy cập nhật ứng dụng."),
    }


def admin_error_text(error: BaseException) -> str:
    """A sentence a provincial admin can act on; anything unknown falls back to the app's common words."""
    if isinstance(error, SyncError):
        words = _sync_texts().get(error.code)
        if words is None:
            return _t("Máy chủ không nhận ({code}): {message}").format(code=error.code, message=error.message[:200])
        detail = "; ".join(str(d) for d in (error.detail or [])[:3]) if isinstance(error.detail, list) else ""
        return words.format(detail=detail or "—")
    if isinstance(error, ServiceError) and error.code in _service_texts():
        params = dict(error.params)
        if "status" in params:
            params["status"] = dossier_statuses().get(params["status"], params["status"])
        return _service_texts()[error.code].format_map(_Missing(params))
    return error_text(error)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "?"
