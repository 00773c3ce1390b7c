"""The laptop renews its server token while online (sync/token_renewal.py), against the real server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ocop_desktop.db import credentials
from ocop_desktop.sync import token_renewal
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.login import LoginError, login

PASSWORD = "mat-khau-123"  # the password tests/sync/conftest.py gives the admin
DEVICE = "00000000-0000-4000-8000-0000000000a1"


def _client(server) -> ServerClient:
    return ServerClient(server.url, DEVICE, retries=0)


def test_renewal_swaps_the_token_everywhere_and_kills_the_old_one(server, db):
    """The session, the client and the stored credential get the new token; the old one is refused at once."""
    client = _client(server)
    session = login(db, client, "admin", PASSWORD)
    old = session.token
    assert token_renewal.renew(db, client, session)
    assert session.token != old and client.token == session.token
    with db.session() as s:
        assert credentials.find(s, "admin").token == session.token
    assert client.pull(0).cursor >= 0
    with pytest.raises(SyncError) as refused:
        ServerClient(server.url, DEVICE, token=old, retries=0).pull(0)
    assert refused.value.code == "token_invalid"


def test_an_expired_token_is_replaced_by_logging_in_again(server, db):
    """Past 30 days unused the server says token_expired; the session's password gets a fresh token."""
    client = _client(server)
    session = login(db, client, "admin", PASSWORD)
    later = datetime.now(UTC) + timedelta(days=31)
    server.app.state.guard.clock = lambda: later
    server.app.state.callers.clear()
    with pytest.raises(SyncError) as expired:
        client.pull(0)
    assert expired.value.code == "token_expired"
    assert token_renewal.renew(db, client, session)
    assert client.pull(0).cursor >= 0


def test_renewal_is_due_once_a_day(server, db):
    client = _client(server)
    session = login(db, client, "admin", PASSWORD)
    assert token_renewal.due(session)
    token_renewal.renew(db, client, session)
    assert not token_renewal.due(session)
    assert token_renewal.due(session, datetime.now(UTC) + timedelta(days=1, minutes=1))


def test_a_session_that_began_offline_gets_online_by_renewing(server, db):
    """Logged in offline, the laptop's stored token expired meanwhile: once the server answers, the renewal logs
    in again with the session's password and the session is online."""
    from ocop_server.testing import free_port

    login(db, _client(server), "admin", PASSWORD)
    offline = login(db, ServerClient(f"http://127.0.0.1:{free_port()}", DEVICE, retries=0), "admin", PASSWORD)
    assert not offline.online and token_renewal.due(offline)
    later = datetime.now(UTC) + timedelta(days=31)
    server.app.state.guard.clock = lambda: later
    server.app.state.callers.clear()
    client = ServerClient(server.url, DEVICE, token=offline.token, retries=0)
    assert token_renewal.renew(db, client, offline)
    assert offline.online and client.pull(0).cursor >= 0


def test_an_offline_server_leaves_everything_as_it_was(server, db):
    """No answer: False, and the session keeps its token."""
    from ocop_server.testing import free_port

    session = login(db, _client(server), "admin", PASSWORD)
    offline = ServerClient(f"http://127.0.0.1:{free_port()}", DEVICE, token=session.token, retries=0)
    token = session.token
    assert token_renewal.renew(db, offline, session) is False and session.token == token


def test_a_disabled_account_is_told_as_such_at_login(server, db):
    """The login says account_disabled, not a general refusal nor a wrong password."""
    user_id = server.create_user("khoa", "mat-khau-khoa-1", "member")
    with server.app.state.write_sessions() as s:
        from ocop_server import accounts

        accounts.find_user(s, user_id).active = False
        s.commit()
    with pytest.raises(LoginError) as refused:
        login(db, _client(server), "khoa", "mat-khau-khoa-1")
    assert refused.value.code == "account_disabled"
