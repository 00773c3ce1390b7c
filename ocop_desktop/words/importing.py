"""Wordings of the import of product lists from Excel: what each row will do, and why a row or a file is refused."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def actions() -> dict[str, str]:
    """ocop_desktop.services.import_xlsx.PreviewRow.action."""
    return {"new": _t("Thêm mới"), "update": _t("Cập nhật"), "unchanged": _t("Không đổi"), "error": _t("Lỗi")}


def fields() -> dict[str, str]:
    """ocop_desktop.services.import_match.FIELDS, as the mapping dialog names them."""
    return {"row_no": _t("STT"), "name": _t("Tên sản phẩm"), "producer": _t("Chủ thể"), "tax_code": _t("Mã số thuế"),
            "registration_no": _t("Số đăng ký kinh doanh"), "commune": _t("Xã/phường"), "commune_code": _t("Mã xã"),
            "subgroup": _t("Phân nhóm"), "stars": _t("Số sao"), "year": _t("Năm công nhận"),
            "decision_no": _t("Số quyết định"), "kind": _t("Loại hình chủ thể"), "address": _t("Địa chỉ"),
            "phone": _t("Điện thoại")}


def errors() -> dict[str, str]:
    return {
        "import_unreadable": _t("Không đọc được tệp: {reason}"),
        "import_not_excel": _t("Tệp này không phải bảng tính Excel (.xlsx); hãy mở nó bằng Excel và lưu lại dạng "
                               ".xlsx."),
        "import_password_protected": _t("Tệp có mật khẩu (hoặc là tệp .xls cũ): hãy mở bằng Excel, bỏ mật khẩu và "
                                        "lưu dạng .xlsx."),
        "import_too_many_rows": _t("Bảng có {rows} dòng, quá {limit} dòng một lần nhập; hãy chia thành nhiều tệp."),
        "import_no_header": _t("Không thấy dòng tiêu đề (Tên sản phẩm, Chủ thể, Xã/phường…) trong 12 dòng đầu."),
        "import_column_missing": _t("Chưa có cột cho “{column}”; hãy chọn cột đó trong bảng ghép cột."),
        "import_formula": _t("Ô ở cột {column} là công thức; hãy dán giá trị (Paste Values) rồi nhập lại."),
        "import_required_missing": _t("Thiếu {column}."),
        "import_commune_missing": _t("Thiếu xã/phường."),
        "import_commune_unknown": _t("Không tìm thấy xã/phường “{commune}” trong danh mục 2025 hay mã cũ."),
        "import_commune_ambiguous": _t("Tên “{commune}” khớp nhiều xã/phường; hãy ghi mã xã."),
        "import_commune_split": _t("Xã cũ “{commune}” đã chia cho nhiều xã mới; hãy ghi tên hoặc mã xã mới."),
        "import_bad_number": _t("Số sao hoặc năm công nhận không đọc được."),
        "import_bad_stars": _t("Số sao {stars} không hợp lệ (từ 3 đến 5)."),
        "import_duplicate_row": _t("Trùng với dòng {first} (cùng chủ thể và tên sản phẩm)."),
    }
