"""The one place the interface turns codes (statuses, roles, error codes) into words.

Source strings are Vietnamese; Qt Linguist translates them (``resources/translations``). Each table
is built when asked for, after the translator is installed, so switching language takes effect.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ocop_desktop.services.errors import ServiceError


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)


def dossier_statuses() -> dict[str, str]:
    return {"draft": _t("Nháp"), "submitted": _t("Đã nộp"), "commune_checked": _t("Xã đã kiểm tra"),
            "forwarded": _t("Đã chuyển hội đồng"), "evaluated": _t("Đã đánh giá"), "closed": _t("Đã kết thúc")}


def dossier_kinds() -> dict[str, str]:
    return {"new": _t("Đánh giá mới"), "renewal": _t("Đánh giá lại"), "upgrade": _t("Nâng hạng")}


def producer_kinds() -> dict[str, str]:
    return {"cooperative": _t("Hợp tác xã"), "enterprise": _t("Doanh nghiệp"),
            "cooperative_group": _t("Tổ hợp tác"), "household": _t("Hộ sản xuất")}


def user_roles() -> dict[str, str]:
    return {"admin": _t("Quản trị tỉnh"), "secretary": _t("Thư ký hội đồng"), "chair": _t("Chủ tịch hội đồng"),
            "member": _t("Thành viên hội đồng"), "commune_officer": _t("Cán bộ xã"), "viewer": _t("Người xem")}


def member_roles() -> dict[str, str]:
    return {"chair": _t("Chủ tịch"), "vice_chair": _t("Phó chủ tịch"), "secretary": _t("Thư ký"),
            "member": _t("Thành viên")}


def sheet_statuses() -> dict[str, str]:
    return {"draft": _t("Đang chấm"), "submitted": _t("Đã nộp"), "superseded": _t("Đã thay thế")}


def document_types() -> dict[str, str]:
    return {
        "registration_form": _t("Phiếu đăng ký"), "business_plan": _t("Phương án kinh doanh"),
        "org_description": _t("Bản mô tả tổ chức"), "business_registration": _t("Giấy đăng ký kinh doanh"),
        "food_safety_conditions": _t("Giấy chứng nhận cơ sở đủ điều kiện ATTP"),
        "product_standard": _t("Tiêu chuẩn sản phẩm"), "quality_declaration": _t("Bản công bố chất lượng"),
        "lab_test_report": _t("Phiếu kết quả kiểm nghiệm"), "label_image": _t("Nhãn sản phẩm"),
        "product_photo": _t("Ảnh sản phẩm"), "ip_certificate": _t("Giấy chứng nhận sở hữu trí tuệ"),
        "traceability": _t("Truy xuất nguồn gốc"), "raw_material_contracts": _t("Hợp đồng nguyên liệu"),
        "environment": _t("Hồ sơ môi trường"), "qms_certificate": _t("Chứng nhận hệ thống quản lý chất lượng"),
        "story": _t("Câu chuyện sản phẩm"), "awards": _t("Giải thưởng"), "other": _t("Khác"),
    }


def stars(n: int | None) -> str:
    return "★" * n if n else _t("Chưa xếp hạng")


def _error_texts() -> dict[str, str]:
    return {
        "already_revoked": _t("Quyết định này đã bị thu hồi."),
        "answer_first": _t("Hãy chọn phương án trước khi ghi nhận xét."),
        "control_characters": _t("Có ký tự điều khiển không hợp lệ."),
        "coordinates_incomplete": _t("Cần nhập đủ cả vĩ độ và kinh độ."),
        "criteria_version_immutable": _t("Bộ tiêu chí đã ban hành không được sửa; hãy tạo phiên bản mới."),
        "dossier_locked": _t("Hồ sơ đã chuyển đi, không sửa được nữa."),
        "ends_before_start": _t("Ngày kết thúc trước ngày bắt đầu."),
        "invalid_choice": _t("Giá trị không nằm trong danh sách cho phép."),
        "invalid_stars": _t("Số sao không hợp lệ."),
        "invalid_tax_code": _t("Mã số thuế không hợp lệ."),
        "member_does_not_score": _t("Thành viên này không chấm điểm."),
        "no_criteria_in_force": _t("Chưa có bộ tiêu chí nào có hiệu lực."),
        "out_of_range": _t("Giá trị nằm ngoài khoảng cho phép."),
        "required": _t("Trường này là bắt buộc."),
        "result_approved": _t("Kết quả hội đồng đã được phê duyệt."),
        "sheet_already_submitted": _t("Phiếu đã nộp; muốn chấm lại hãy tạo phiếu chấm lại."),
        "sheet_incomplete": _t("Phiếu còn tiêu chí chưa chấm."),
        "sheet_invalid": _t("Phiếu chấm không hợp lệ."),
        "sheet_not_editable": _t("Phiếu đã nộp, không sửa được."),
        "sheet_not_submitted": _t("Phiếu chưa nộp."),
        "sheet_version_mismatch": _t("Phiếu dùng phiên bản tiêu chí khác."),
        "subgroup_not_in_criteria_set": _t("Phân nhóm không có trong bộ tiêu chí."),
        "subitem_required": _t("Tiêu chí này cần chọn theo từng tiểu mục."),
        "too_long": _t("Nội dung quá dài."),
        "transition_not_allowed": _t("Không thể chuyển hồ sơ sang trạng thái này."),
        "unknown_commune": _t("Không có xã/phường này trong danh mục."),
        "unknown_criterion": _t("Không có tiêu chí này."),
        "unknown_field": _t("Trường không được hỗ trợ."),
        "unknown_option": _t("Không có phương án này."),
        "unknown_product_set": _t("Không có bộ sản phẩm này."),
        "unknown_superseded_version": _t("Không tìm thấy phiên bản được thay thế."),
        "wrong_type": _t("Sai kiểu dữ liệu."),
        "not_found": _t("Không tìm thấy dữ liệu (có thể đã bị xoá)."),
        "file_too_large": _t("Tệp quá lớn so với giới hạn máy chủ nhận."),
        "file_not_a_file": _t("Đường dẫn đã chọn không phải là một tệp."),
        "file_unreadable": _t("Không đọc được tệp đã chọn."),
        "conflict_closed": _t("Xung đột này đã được giải quyết."),
        "row_deleted": _t("Dữ liệu này đã bị xoá trên máy chủ."),
        "result_not_approvable": _t("Kết quả hội đồng chưa đủ điều kiện phê duyệt."),
        "dossier_not_ready": _t("Hồ sơ chưa được chuyển lên hội đồng."),
        "already_assigned": _t("Hồ sơ đã được giao cho một hội đồng."),
        "assignment_scored": _t("Hồ sơ đã có phiếu chấm nộp, không bỏ giao được."),
    }


def error_text(error: BaseException) -> str:
    """A sentence a person can act on, for any error a service or the sync raised."""
    if isinstance(error, ServiceError):
        # The field is a code name; the screen that asked shows which of its inputs is at fault.
        return _error_texts().get(error.code, _t("Không thực hiện được thao tác ({code}).").format(code=error.code))
    return _t("Đã xảy ra lỗi: {detail}").format(detail=str(error)[:300] or type(error).__name__)
