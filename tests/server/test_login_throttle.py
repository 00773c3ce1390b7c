"""Logins throttled per account and per address (429 with Retry-After), on a clock the test moves."""

from __future__ import annotations

from accounts_helpers import PASSWORD, login, use_clock
from server_world import assert_problem, new_id


def _user(server) -> str:
    name = f"throttled{new_id()[:8]}"
    server.create_user(name, PASSWORD, "member")
    return name


def test_five_failures_lock_the_account_even_for_the_right_password(server):
    """The sixth try inside five minutes is 429 login_throttled with Retry-After, before any password check."""
    use_clock(server)
    name = _user(server)
    for _ in range(5):
        assert assert_problem(login(server, name, "wrong-password-1"), 401)["code"] == "login_failed"
    refused = login(server, name, PASSWORD)
    assert assert_problem(refused, 429)["code"] == "login_throttled"
    assert 0 < int(refused.headers["Retry-After"]) <= 300


def test_the_account_opens_again_once_retry_after_has_passed(server):
    """Moving the clock by Retry-After lets the right password in; nothing waited in real time."""
    clock = use_clock(server)
    name = _user(server)
    for _ in range(5):
        login(server, name, "wrong-password-1")
    wait = int(login(server, name, PASSWORD).headers["Retry-After"])
    clock.advance(seconds=wait - 2)
    assert login(server, name, PASSWORD).status_code == 429
    clock.advance(seconds=2)
    assert login(server, name, PASSWORD).status_code == 200


def test_a_success_forgets_the_accounts_failures(server):
    """Four failures, a success, then four more failures: still not throttled."""
    use_clock(server)
    name = _user(server)
    for _ in range(4):
        login(server, name, "wrong-password-1")
    assert login(server, name, PASSWORD).status_code == 200
    for _ in range(4):
        login(server, name, "wrong-password-1")
    assert login(server, name, PASSWORD).status_code == 200


def test_one_address_guessing_many_accounts_is_throttled(server):
    """Thirty failures from one address across thirty names: the next login from it, to any account, is 429."""
    clock = use_clock(server)
    name = _user(server)
    for i in range(30):
        assert login(server, f"nobody{i}", "wrong-password-1").status_code == 401
    refused = login(server, name, PASSWORD)
    assert assert_problem(refused, 429)["code"] == "login_throttled"
    clock.advance(minutes=10)
    assert login(server, name, PASSWORD).status_code == 200
