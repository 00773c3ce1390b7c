"""The log's signing key: a file outside the database, made once at setup, never made silently.

A server that signed with a fresh key after losing its own would look, to every laptop that pinned the
old one, exactly like a forged log; so a missing key stops the server and a person decides (restore the
file, or rotate: docs/transparency-log.md)."""

from __future__ import annotations

import os
from pathlib import Path

from ocop_core.errors import OcopError
from ocop_core.translog.notes import NoteError, Signer

DEFAULT_ORIGIN = "ocop.hatinh.gov.vn/nhat-ky"


class LogKeyMissing(OcopError):
    def __init__(self, explanation: str) -> None:
        super().__init__("log_key_missing", explanation)


def create_key(path: Path, origin: str = DEFAULT_ORIGIN) -> Signer:
    if path.exists():
        raise FileExistsError(f"{path} đã có khoá ký; không ghi đè")
    path.parent.mkdir(parents=True, exist_ok=True)
    signer = Signer.generate(origin)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(signer.encode() + "\n")
    return signer


def load_key(path: Path | None) -> Signer:
    if path is None or not path.is_file():
        raise LogKeyMissing(
            f"Không thấy khoá ký nhật ký minh bạch ({path}). Tạo khoá khi cài đặt: ocop-server create-log-key; "
            "nếu đã có khoá, hãy khôi phục tệp khoá từ bản sao lưu. Máy chủ không tự tạo khoá mới.")
    try:
        return Signer.decode(path.read_text(encoding="utf-8"))
    except (NoteError, UnicodeDecodeError) as error:
        raise LogKeyMissing(f"Tệp khoá ký {path} không đọc được: {error}") from error
