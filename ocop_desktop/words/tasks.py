"""Wordings of tasks: their kinds, statuses and the reasons a task is refused."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def task_kinds() -> dict[str, str]:
    """ocop_core.rules.tasks.KINDS."""
    return {"check_dossier": _t("Kiểm tra hồ sơ"), "score_for_council": _t("Chấm điểm cho hội đồng"),
            "inspect_producer": _t("Kiểm tra thực địa chủ thể"), "renew_recognition": _t("Gia hạn công nhận"),
            "fix_sync_refusal": _t("Sửa thay đổi bị máy chủ từ chối")}


def task_statuses() -> dict[str, str]:
    """ocop_core.rules.tasks.STATUSES."""
    return {"open": _t("Chưa làm"), "in_progress": _t("Đang làm"), "done": _t("Đã xong"), "cancelled": _t("Đã hủy")}


def errors() -> dict[str, str]:
    return {
        "task_not_yours": _t("Vai trò “{role}” chỉ ghi và cập nhật việc của chính mình; giao việc cho người khác "
                             "là việc của quản trị, thư ký hoặc chủ tịch hội đồng."),
        "task_kind_unknown": _t("Loại việc “{kind}” không có trong danh mục."),
        "task_status_unknown": _t("Trạng thái “{status}” không có trong danh mục."),
        "task_assignee_gone": _t("Người được giao việc không còn tài khoản hoạt động (đã xóa hoặc bị khóa); hãy "
                                 "giao cho người khác."),
        "task_due_in_past": _t("Hạn {due} đã qua (hôm nay là {today}); hãy chọn hạn từ hôm nay trở đi."),
        "task_move_refused": _t("Việc đang ở trạng thái “{was}” không chuyển sang “{status}” được; việc đã xong "
                                "hoặc đã hủy giữ nguyên, việc mới là một việc khác."),
        "task_comment_required": _t("Mỗi lần đổi trạng thái cần một ghi chú nói lý do hoặc kết quả."),
    }
