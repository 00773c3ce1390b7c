"""Wordings of account administration and logins: the server's answers (ocop_server accounts, api_admin,
api_auth) and the admin screen's own (services.user_admin, ui/admin/users_tab)."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def errors() -> dict[str, str]:
    return {
        "password_too_short": _t("Mật khẩu phải có ít nhất 10 ký tự."),
        "password_common": _t("Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác."),
        "password_is_username": _t("Mật khẩu không được trùng với tên đăng nhập."),
        "account_disabled": _t("Tài khoản này đã bị khóa trên máy chủ tỉnh; hãy liên hệ quản trị tỉnh."),
        "token_expired": _t("Phiên đăng nhập máy chủ trên máy này đã hết hạn vì lâu không dùng; hãy đăng nhập lại."),
        "login_throttled": _t("Đăng nhập sai quá nhiều lần; hãy chờ vài phút rồi thử lại."),
        "login_busy": _t("Máy chủ tỉnh đang bận xử lý nhiều lượt đăng nhập; hãy thử lại sau giây lát."),
        "last_admin": _t("Đây là tài khoản quản trị cuối cùng còn hoạt động; không thể khóa hay đổi vai trò của nó."),
        "user_not_found": _t("Máy chủ tỉnh không có tài khoản này."),
        "unknown_role": _t("Vai trò này không có trong hệ thống."),
        "accounts_need_server": _t("Quản lý tài khoản cần kết nối máy chủ tỉnh; máy này chưa được cấu hình máy chủ "
                                   "(đang làm việc ngoại tuyến)."),
        "invalid_commune_codes": _t("Mã xã/phường chỉ gồm chữ số (tối đa 10), các mã cách nhau bởi dấu phẩy."),
        "accounts_offline": _t("Không kết nối được máy chủ tỉnh nên chưa thể xem hay sửa tài khoản. Hãy kiểm tra "
                               "mạng rồi bấm “Tải lại”."),
    }


def audit_actions() -> dict[str, str]:
    return {
        "user_created": _t("Tạo tài khoản"),
        "user_disabled": _t("Khóa tài khoản"),
        "user_enabled": _t("Mở khóa tài khoản"),
        "role_changed": _t("Đổi vai trò / xã"),
        "password_reset": _t("Đặt lại mật khẩu"),
        "tokens_revoked": _t("Thu hồi phiên đăng nhập"),
    }
