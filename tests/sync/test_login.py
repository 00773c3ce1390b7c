"""Logging in online, then offline on a laptop where the user logged in before.

``login`` runs every step on the calling thread, as the headless ``ocop sync`` (which has no runner) does;
the app runs ``ask_server`` on a network thread and ``remember_login`` / ``offline_login`` on the database
thread (tests/ui/test_start.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_desktop.db.models import Credential
from ocop_desktop.sync.client import ServerClient
from ocop_desktop.sync.login import LoginError, ask_server, login, offline_login, remember_login

PASSWORD = "mat-khau-123"  # the password tests/sync/conftest.py gives the admin


@pytest.fixture
def offline_client(server) -> ServerClient:
    """A client pointed at a port nobody listens on: the laptop is offline."""
    from ocop_server.testing import free_port

    return ServerClient(f"http://127.0.0.1:{free_port()}", "00000000-0000-4000-8000-000000000001", retries=0)


def test_online_login_keeps_a_verifier_not_the_password(server, db, db_path: Path):
    """After an online login the laptop holds an Argon2 verifier and a token, never the password."""
    client = ServerClient(server.url, "00000000-0000-4000-8000-000000000002", retries=0)
    result = login(db, client, "admin", PASSWORD)
    assert result.online and result.role == "admin" and result.token
    with db.session() as session:
        cred = session.get(Credential, "admin")
    assert cred.verifier.startswith("$argon2")
    assert PASSWORD not in db_path.read_bytes().decode("latin-1")


@pytest.mark.slow
def test_offline_login_works_after_one_online_login(server, db, offline_client):
    """With the server unreachable, the right password logs in offline with the stored token."""
    online = login(db, ServerClient(server.url, "00000000-0000-4000-8000-000000000003", retries=0), "admin", PASSWORD)
    result = login(db, offline_client, "admin", PASSWORD)
    assert not result.online
    assert result.token == online.token


def test_offline_login_refuses_a_wrong_password(server, db, offline_client):
    """Offline, a wrong password is refused."""
    login(db, ServerClient(server.url, "00000000-0000-4000-8000-000000000004", retries=0), "admin", PASSWORD)
    with pytest.raises(LoginError) as exc:
        login(db, offline_client, "admin", "sai-mat-khau")
    assert exc.value.code == "wrong_password"


def test_offline_login_needs_an_earlier_online_login(db, offline_client):
    """A user who never logged in on this laptop cannot log in offline."""
    with pytest.raises(LoginError) as exc:
        login(db, offline_client, "admin", PASSWORD)
    assert exc.value.code == "never_logged_in_here"


def test_wrong_password_online_is_not_retried_offline(server, db):
    """When the server says the password is wrong, the laptop does not fall back to its old verifier."""
    client = ServerClient(server.url, "00000000-0000-4000-8000-000000000005", retries=0)
    login(db, client, "admin", PASSWORD)
    with pytest.raises(LoginError) as exc:
        login(db, client, "admin", "sai-mat-khau")
    assert exc.value.code == "wrong_password"


def test_offline_session_refreshes_its_token_when_online(server, db, offline_client):
    """An offline session gets a new token once the server answers."""
    client = ServerClient(server.url, "00000000-0000-4000-8000-000000000006", retries=0)
    first = login(db, client, "admin", PASSWORD)
    offline = login(db, offline_client, "admin", PASSWORD)
    assert offline.refresh_online(db, client)
    assert offline.online and offline.token != first.token


def test_the_server_asked_alone_writes_nothing_and_a_silent_server_is_none(server, db, offline_client):
    """ask_server touches no database: its answer carries the verifier to keep; no answer at all is None."""
    answer = ask_server(ServerClient(server.url, "00000000-0000-4000-8000-000000000007", retries=0), "admin",
                        PASSWORD)
    assert answer.verifier.startswith("$argon2") and answer.token and answer.server_url == server.url
    assert PASSWORD not in repr(answer)
    with db.session() as session:
        assert session.get(Credential, "admin") is None
    assert ask_server(offline_client, "admin", PASSWORD) is None


def test_a_kept_answer_logs_in_offline_with_its_token(server, db):
    """What remember_login keeps is what offline_login checks the password against."""
    answer = ask_server(ServerClient(server.url, "00000000-0000-4000-8000-000000000008", retries=0), "admin",
                        PASSWORD)
    with db.session() as session:
        remember_login(session, answer)
        session.commit()
    with db.session() as session:
        offline = offline_login(session, "admin", PASSWORD)
        assert (offline.online, offline.token, offline.role) == (False, answer.token, "admin")
        with pytest.raises(LoginError) as refused:
            offline_login(session, "admin", "sai-mat-khau")
    assert refused.value.code == "wrong_password"
