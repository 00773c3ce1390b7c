"""Tokens expire 30 days after their last use (sliding); /auth/renew swaps a token for a fresh one."""

from __future__ import annotations

import time

from accounts_helpers import PASSWORD, call, pull, token, use_clock
from server_world import assert_problem, new_id
from sqlalchemy import select

from ocop_server import accounts
from ocop_server.models import Token


def _user(server) -> str:
    name = f"expiring{new_id()[:8]}"
    server.create_user(name, PASSWORD, "member")
    return name


def _forget_callers(server) -> None:
    # The server keeps who a token is for a few seconds (real time); the test's clock jumps days at once.
    server.app.state.callers.clear()


def _wait_for_stamp(server, tok: str, since) -> None:
    """The last-use stamp is written by the writer thread shortly after the request."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with server.app.state.sessions() as session:
            stamp = session.scalar(select(Token.last_used_at).where(Token.token_hash == accounts.token_digest(tok)))
        if stamp is not None and stamp.replace(tzinfo=since.tzinfo) >= since:
            return
        time.sleep(0.05)
    raise AssertionError("the token's use was never stamped")


def test_a_token_unused_for_31_days_is_refused_with_token_expired(server):
    """401 token_expired after the idle limit, not before."""
    clock = use_clock(server)
    tok = token(server, _user(server))
    clock.advance(days=29)
    _forget_callers(server)
    assert pull(server, tok).status_code == 200
    fresh = token(server, _user(server))
    clock.advance(days=31)
    _forget_callers(server)
    assert assert_problem(pull(server, fresh), 401)["code"] == "token_expired"


def test_each_use_slides_the_expiry(server):
    """Used on day 20, a token still works on day 45 (25 days after that use)."""
    clock = use_clock(server)
    tok = token(server, _user(server))
    clock.advance(days=20)
    _forget_callers(server)
    assert pull(server, tok).status_code == 200
    _wait_for_stamp(server, tok, clock.now)
    clock.advance(days=25)
    _forget_callers(server)
    assert pull(server, tok).status_code == 200


def test_renew_gives_a_fresh_token_and_kills_the_old_one(server):
    """The old token (and any copy of it) is refused at once; the new one works and is due 30 days out."""
    clock = use_clock(server)
    old = token(server, _user(server))
    response = call(server, "POST", "/auth/renew", old)
    assert response.status_code == 200, response.text
    new = response.json()
    assert new["token"] != old
    assert new["expires_at"].startswith((clock.now.replace(day=2, month=1, year=2027)).date().isoformat())
    assert assert_problem(pull(server, old), 401)["code"] == "token_invalid"
    assert pull(server, new["token"]).status_code == 200
