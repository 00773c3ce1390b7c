"""Passwords: at least 10 characters, not on the common list, never the username; at create-admin, account
creation and reset."""

from __future__ import annotations

import pytest
from accounts_helpers import ADMIN_PASSWORD, call, token, use_clock
from server_world import assert_problem, new_id

from ocop_server import cli, password_policy
from ocop_server.password_policy import WeakPassword


@pytest.mark.parametrize(("username", "password", "code"), [
    ("lan", "12345678", "password_too_short"),
    ("lan", "123456789", "password_too_short"),
    ("lan", "1234567890", "password_common"),
    ("lan", "Password123", "password_common"),
    ("nguyenvanlan", "NguyenVanLan", "password_is_username"),
])
def test_weak_passwords_are_refused_with_their_reason(username, password, code):
    with pytest.raises(WeakPassword) as refused:
        password_policy.check(username, password)
    assert refused.value.code == code


def test_a_long_uncommon_password_passes():
    password_policy.check("lan", "ca-phe-sang-ha-tinh")


def test_the_common_list_is_shipped_and_large():
    """The list file is there and holds the common passwords long enough to pass the length rule."""
    common = password_policy.common_passwords()
    assert len(common) > 1000 and {"qwertyuiop", "1234567890", "password123"} <= common


def test_creating_an_account_with_a_common_password_is_refused_and_creates_nothing(server):
    """422 password_common over HTTP; the name stays free."""
    use_clock(server)
    admin = f"boss{new_id()[:8]}"
    server.create_user(admin, ADMIN_PASSWORD, "admin")
    tok = token(server, admin, ADMIN_PASSWORD)
    name = f"new{new_id()[:8]}"
    body = {"username": name, "password": "qwerty123456", "role": "viewer"}
    response = call(server, "POST", "/admin/users", tok, body)
    assert assert_problem(response, 422)["code"] == "password_common"
    assert name not in {u["username"] for u in call(server, "GET", "/admin/users", tok).json()}


def test_create_admin_refuses_a_short_password(tmp_path, monkeypatch, capsys):
    """ocop-server create-admin with a 9-character password fails with the reason and creates no account."""
    monkeypatch.setenv("OCOP_ADMIN_PASSWORD", "ngan-qua1")
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert cli.main(["create-admin", "--database-url", url, "--files-dir", str(tmp_path / "f")]) == 1
    assert "10" in capsys.readouterr().err
    monkeypatch.setenv("OCOP_ADMIN_PASSWORD", "quan-tri-tinh-2026")
    assert cli.main(["create-admin", "--database-url", url, "--files-dir", str(tmp_path / "f")]) == 0
