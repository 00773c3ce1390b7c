"""Wordings of rows leaving this laptop's scope and of pulled rows it could not store (the sync screen)."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def errors() -> dict[str, str]:
    return {
        "out_of_scope": _t("Bản ghi này không còn thuộc phạm vi của máy này (hồ sơ đã được rút khỏi hội đồng, "
                           "bạn không còn trong hội đồng, hoặc xã phụ trách đã đổi) nên đã được gỡ khỏi máy. "
                           "Thay đổi chưa gửi không bị xoá: nó được giữ lại ở đây."),
    }


def held_reasons() -> dict[str, str]:
    """Why a row received from the server waits aside (db/pull_apply.py writes "code: detail")."""
    return {
        "invalid": _t("Dữ liệu nhận về không hợp lệ với phiên bản ứng dụng này."),
        "duplicate": _t("Trùng với một bản ghi khác trên máy này (ví dụ một tài khoản thử nghiệm cùng tên)."),
        "unknown_entity": _t("Ứng dụng này chưa biết loại dữ liệu này; hãy cập nhật ứng dụng."),
        "not_storable": _t("Máy này không lưu được bản ghi này."),
    }


def held_reason(stored: str) -> str:
    code = stored.partition(":")[0].strip()
    return held_reasons().get(code, _t("Chưa lưu được ({code}).").format(code=code[:40]))
