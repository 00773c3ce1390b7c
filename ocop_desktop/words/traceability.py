"""Wordings of public addresses, QR labels and QR scanning (ocop_core.traceability, labels, scan)."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def errors() -> dict[str, str]:
    return {
        "invalid_gtin": _t("Mã GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng."),
        "invalid_lot_code": _t("Mã lô không hợp lệ: tối đa 20 ký tự, chỉ gồm chữ cái không dấu, chữ số "
                               "và các dấu - . / _ (không dấu cách)."),
        "invalid_public_base_url": _t("Địa chỉ công khai của tỉnh “{url}” không hợp lệ (cần bắt đầu bằng "
                                      "https:// hoặc http://)."),
        "invalid_public_code": _t("Mã công khai “{code}” của sản phẩm không hợp lệ."),
        "no_public_base_url": _t("Máy này chưa biết địa chỉ công khai của tỉnh để in vào mã QR: hãy đồng bộ với "
                                 "máy chủ tỉnh một lần, hoặc nhập địa chỉ đó trong hộp in tem."),
        "label_lot_withdrawn": _t("Lô “{lot}” đã bị thu hồi nên không in tem cho lô này."),
        "too_many_labels": _t("Số tem quá nhiều: mỗi lần in tối đa {limit} tem."),
        "qr_text_length": _t("Địa chỉ quá dài để in thành mã QR ({length} ký tự, tối đa {limit})."),
        "scan_no_code": _t("Không tìm thấy mã QR nào đọc được trong ảnh: ảnh có thể bị mờ, quá tối hoặc mã bị "
                           "che. Hãy chụp lại gần hơn, đủ sáng và giữ máy thẳng."),
        "scan_foreign_code": _t("Mã trong ảnh không phải mã truy xuất sản phẩm OCOP của tỉnh (nội dung: “{text}”)."),
        "scan_unknown_product": _t("Mã “{code}” là mã truy xuất OCOP nhưng sản phẩm này chưa có trên máy; hãy "
                                   "đồng bộ rồi quét lại."),
        "scan_not_image": _t("Tệp “{name}” không phải ảnh đọc được (cần ảnh JPEG, PNG, …)."),
        "scan_too_large": _t("Ảnh “{name}” quá lớn để đọc mã; hãy chọn ảnh nhỏ hơn (dưới 60 MB và 80 triệu điểm "
                             "ảnh)."),
        "scan_unreadable": _t("Không mở được tệp “{name}” ({detail})."),
    }
