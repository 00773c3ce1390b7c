"""Wordings of the transport, bounded requests and files: plain http, the server's request limits, proof of
possession of an attachment."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def errors() -> dict[str, str]:
    return {
        "plain_http_refused": _t("Địa chỉ máy chủ {host} dùng http không mã hoá: mật khẩu và phiên đăng nhập sẽ "
                                 "đi qua mạng ở dạng đọc được. Hãy dùng địa chỉ https://, hoặc xác nhận dùng http "
                                 "cho máy chủ này (Ứng dụng → Kết nối máy chủ tỉnh…; khi đồng bộ bằng lệnh: "
                                 "--allow-http {host})."),
        "json_too_deep": _t("Dữ liệu gửi lên lồng nhau quá nhiều tầng nên máy chủ không nhận."),
        "json_too_many_values": _t("Dữ liệu gửi lên có quá nhiều giá trị nên máy chủ không nhận."),
        "request_timeout": _t("Dữ liệu gửi lên máy chủ quá chậm nên bị ngắt; hãy thử lại khi mạng tốt hơn."),
        "unsupported_encoding": _t("Máy chủ không nhận kiểu nén dữ liệu này."),
        "client_disconnected": _t("Kết nối bị ngắt trước khi gửi xong dữ liệu; hãy thử lại."),
        "file_not_yours": _t("Máy chủ chưa nhận tệp đính kèm này từ máy này: hãy đồng bộ lại để tải tệp lên trước "
                             "(không thể gắn tệp của người khác chỉ bằng mã băm)."),
    }
