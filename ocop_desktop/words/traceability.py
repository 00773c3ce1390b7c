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
    }
