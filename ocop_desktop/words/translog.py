"""Wordings of the verifiable transparency log (nhật ký minh bạch có thể kiểm chứng): its endpoints'
refusals, the witnesses' cosignatures, and the laptop's alarm when the log breaks its promise."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def alarm_reasons() -> dict[str, str]:
    return {
        "fork": _t("nhật ký mới không nối tiếp nhật ký máy này đã thấy: lịch sử đã bị viết lại"),
        # Also what a checkpoint lacking a required witness's cosignature raises (log_check opens it in one go).
        "signature": _t("điểm kiểm không mang chữ ký hợp lệ của khoá nhật ký máy này đã ghim, hoặc thiếu chữ ký "
                        "đồng ký của một nhân chứng bắt buộc (khoá bị thay, giả mạo, hoặc nhân chứng chưa đồng ký)"),
        "inclusion": _t("một bản ghi của máy này không nằm trong nhật ký đã ký"),
    }


def errors() -> dict[str, str]:
    return {
        "log_empty": _t("Nhật ký minh bạch chưa có mục nào."),
        "log_bad_range": _t("Yêu cầu nhật ký minh bạch không hợp lệ (vị trí hoặc kích thước không tồn tại)."),
        "log_no_record": _t("Bản ghi này chưa có trong nhật ký minh bạch."),
        "cosignature_malformed": _t("Chữ ký đồng ký của nhân chứng sai định dạng."),
        "cosignature_unknown_checkpoint": _t("Nhật ký này chưa từng ký điểm kiểm được gửi tới."),
        "cosignature_unknown_witness": _t("Máy chủ chưa được cấu hình để nhận chữ ký của nhân chứng này."),
        "log_alarm": _t("CẢNH BÁO nhật ký minh bạch: máy chủ tỉnh không còn được tin cậy, đồng bộ đã dừng. "
                        "Bằng chứng đã lưu vào tệp. Hãy báo cho quản trị tỉnh và cơ quan nhân chứng trước khi "
                        "tiếp tục."),
        "witness_key_invalid": _t("Khoá nhân chứng thứ {position} không hợp lệ ({key}…): một khoá có dạng "
                                  "tên+mã+khoá, đúng như nhân chứng gửi, không thiếu ký tự nào."),
        "witness_key_not_cosigner": _t("Khoá thứ {position} ({key}…) là khoá ký nhật ký, không phải khoá đồng ký "
                                       "của một nhân chứng."),
        "witness_keys_too_many": _t("Chỉ đặt được tối đa {limit} nhân chứng."),
    }


def guarantee() -> str:
    """What the log promises and what it does not, said wherever its key is shown (docs/transparency-log.md)."""
    return _t("Nhật ký minh bạch có thể kiểm chứng bảo đảm: bản ghi đã công bố (kết quả, công nhận, lô hàng) "
              "không thể bị sửa hay xoá mà máy này không phát hiện. Nó không bảo đảm điều được ghi là đúng.")
