"""What a password must be on this server: long enough, not a common one, never the username."""

from __future__ import annotations

import functools
from pathlib import Path

from ocop_core.account_messages import MIN_PASSWORD
from ocop_server.errors import ApiError

COMMON_FILE = Path(__file__).with_name("data") / "common_passwords.txt"


class WeakPassword(ApiError, ValueError):
    """Answered 422 as it is; a ValueError too, as the command line's create-admin reports any refused account."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(422, code, message)


@functools.cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check(username: str, password: str) -> None:
    """Raises WeakPassword (password_too_short | password_common | password_is_username)."""
    if len(password) < MIN_PASSWORD:
        raise WeakPassword("password_too_short", f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự "
                                                 f"(at least {MIN_PASSWORD} characters).")
    folded = password.strip().casefold()
    if folded == username.strip().casefold():
        raise WeakPassword("password_is_username", "Mật khẩu không được trùng tên đăng nhập "
                                                   "(the password must not be the username).")
    if folded in common_passwords():
        raise WeakPassword("password_common", "Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác "
                                              "(a common password).")
