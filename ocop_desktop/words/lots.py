"""Wordings of recognition decisions and production lots: their errors, validity and expiry kinds."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def recognition_statuses() -> dict[str, str]:
    """ocop_core.domain.recognition.RecognitionStatus, as Hồ sơ and the public page say them."""
    return {"valid": _t("Còn hiệu lực"), "expiring": _t("Sắp hết hiệu lực"), "expired": _t("Đã hết hiệu lực"),
            "revoked": _t("Đã bị thu hồi")}


def expiry_kinds() -> dict[str, str]:
    return {"expiry": _t("Hạn sử dụng"), "best_before": _t("Sử dụng tốt nhất trước")}


def errors() -> dict[str, str]:
    return {
        "recognition_for_admin": _t("Chỉ quản trị tỉnh ghi và thu hồi quyết định công nhận; vai trò “{role}” "
                                    "không làm được việc này."),
        "recognition_needs_approved_result": _t("Chỉ ghi quyết định công nhận khi kết quả của hội đồng cho hồ sơ "
                                                "này đã được phê duyệt."),
        "result_not_recognisable": _t("Kết quả đã phê duyệt đạt {stars} sao: cần từ 3 sao trở lên mới được công "
                                      "nhận."),
        "recognition_stars_mismatch": _t("Số sao của quyết định ({stars}) khác số sao hội đồng đã phê duyệt "
                                         "({expected}); số sao lấy theo kết quả, không nhập tay."),
        "revocation_reason_required": _t("Hãy ghi lý do thu hồi."),
        "already_recognised": _t("Kết quả này đã có quyết định công nhận còn hiệu lực; muốn gia hạn cần hồ sơ "
                                 "đánh giá lại đã được phê duyệt."),
        "renewal_other_product": _t("Hồ sơ gia hạn phải là của cùng sản phẩm với quyết định cũ."),
        "renewal_before_decision": _t("Ngày quyết định gia hạn phải sau ngày của quyết định cũ ({previous})."),
        "revoked_before_decision": _t("Ngày thu hồi không được trước ngày ra quyết định."),
        "lot_not_for_role": _t("Vai trò “{role}” không ghi lô sản xuất; việc này do cán bộ xã hoặc quản trị tỉnh "
                               "làm."),
        "lot_out_of_scope": _t("Sản phẩm thuộc xã/phường ngoài phạm vi của tài khoản này."),
        "lot_label_printed": _t("Nhãn của lô này đã được in: không xoá được và không đổi được mã lô. Nếu lô có "
                                "vấn đề, hãy thu hồi lô và ghi lý do."),
        "lot_withdrawn": _t("Lô này đã bị thu hồi từ ngày {on}; việc thu hồi không huỷ được."),
        "withdrawal_reason_required": _t("Hãy ghi lý do thu hồi lô."),
        "product_not_recognised": _t("Chỉ ghi lô sản xuất cho sản phẩm đang có quyết định công nhận OCOP còn hiệu "
                                     "lực."),
        "duplicate_lot_code": _t("Sản phẩm này đã có lô mã “{code}” (mã lô không dùng lại, kể cả lô đã xoá). "
                                 "Hãy chọn mã khác."),
        "lot_dates_order": _t("Hạn dùng phải sau ngày sản xuất."),
        "quantity_negative": _t("Số lượng không được âm."),
        "not_an_image": _t("Tệp “{name}” không phải ảnh (cần ảnh JPEG, PNG, WebP hoặc HEIC)."),
    }
