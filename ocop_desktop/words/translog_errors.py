"""Wordings of the transparency log's own errors: a proof, a signed note or a bundle that does not hold, the
server's missing signing key, and what a witness reports."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def errors() -> dict[str, str]:
    return {
        "log_proof_failed": _t("Bằng chứng Merkle không khớp: bản ghi hoặc nhật ký đã bị thay đổi."),
        "log_note_invalid": _t("Điểm kiểm (checkpoint) hoặc khoá của nhật ký minh bạch không hợp lệ."),
        "log_bundle_invalid": _t("Gói bằng chứng không kiểm chứng được ({what})."),
        "log_key_missing": _t("Máy chủ chưa có khoá ký nhật ký minh bạch: tạo bằng ocop-server create-log-key, "
                              "hoặc khôi phục tệp khoá từ bản sao lưu."),
        "witness_alarm": _t("Nhân chứng phát hiện nhật ký bị viết lại; bằng chứng đã được lưu."),
        "witness_not_accepted": _t("Máy chủ chưa nhận chữ ký của nhân chứng này."),
    }
