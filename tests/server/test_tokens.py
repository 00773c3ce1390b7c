"""Login, device tokens, revocation, and how passwords and tokens are stored."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import requests
from server_world import PASSWORD, PRODUCTION_HASHER, assert_problem, headers, new_id
from sqlalchemy import select

from ocop_desktop.sync.client import SyncError
from ocop_server import accounts
from ocop_server.models import Token, User


def _tokens(world, token: str, **params) -> requests.Response:
    return requests.get(f"{world.url}/auth/tokens", headers=headers(token), params=params, timeout=10)


def _login(world, username: str, password: str) -> requests.Response:
    body = {"username": username, "password": password, "device_id": new_id(), "device_name": "thử"}
    return requests.post(f"{world.url}/auth/login", json=body, headers=headers(), timeout=10)


def test_login_returns_a_token_and_the_identity(world):
    """A good login answers a token with the user's id, role and communes."""
    response = _login(world, "officer1", PASSWORD).json()
    assert len(response["token"]) >= 32
    assert (response["user_id"], response["role"], response["commune_codes"]) == \
        (world.users["officer1"], "commune_officer", ["18073"])


def test_a_fresh_token_works(world):
    """The token from a login is accepted by an authenticated endpoint."""
    assert _tokens(world, _login(world, "officer1", PASSWORD).json()["token"]).status_code == 200


def test_each_login_gives_a_different_token(world):
    """Two devices of one user get two different tokens."""
    assert world.login("member3").token != world.login("member3").token


def test_tokens_are_listed_per_user(world):
    """A user's token list has their devices and nobody else's."""
    a, b = world.login("member2", "laptop A"), world.login("member2", "laptop B")
    mine = {t["device_id"] for t in _tokens(world, a.token).json()}
    assert {a.device_id, b.device_id} <= mine
    theirs = {t["device_id"] for t in _tokens(world, world.token("member3")).json()}
    assert not theirs & {a.device_id, b.device_id}


def test_a_non_admin_cannot_list_another_users_tokens(world):
    """user_id is ignored for non-admins: they still get only their own list."""
    other = world.login("member2")
    listed = {t["device_id"] for t in _tokens(world, world.token("member3"), user_id=world.users["member2"]).json()}
    assert other.device_id not in listed


def test_an_admin_lists_another_users_tokens(world):
    """An admin passing user_id sees that user's devices."""
    other = world.login("member2")
    listed = {t["device_id"] for t in _tokens(world, world.token("admin"), user_id=world.users["member2"]).json()}
    assert other.device_id in listed


def _token_id(world, client) -> str:
    return next(t["token_id"] for t in _tokens(world, client.token).json() if t["device_id"] == client.device_id)


def test_revoke_marks_the_token_revoked(world):
    """Revoking one's own token answers it as revoked."""
    client = world.login("member3")
    keeper = world.login("member3")
    response = requests.post(f"{world.url}/auth/tokens/{_token_id(world, client)}/revoke",
                             headers=headers(keeper.token), timeout=10)
    assert response.status_code == 200 and response.json()["revoked"] is True


def test_a_revoked_token_gets_401(world):
    """After revoke the token is refused with 401 token_invalid."""
    client = world.login("member3")
    requests.post(f"{world.url}/auth/tokens/{_token_id(world, client)}/revoke", headers=headers(client.token),
                  timeout=10).raise_for_status()
    assert assert_problem(_tokens(world, client.token), 401)["code"] == "token_invalid"


def test_revoking_one_device_leaves_the_others_working(world):
    """Only the revoked device loses access."""
    gone, kept = world.login("member3"), world.login("member3")
    requests.post(f"{world.url}/auth/tokens/{_token_id(world, gone)}/revoke", headers=headers(kept.token),
                  timeout=10).raise_for_status()
    assert kept.pull(0).cursor >= 0
    with pytest.raises(SyncError) as err:
        gone.pull(0)
    assert err.value.status == 401


def test_a_member_cannot_revoke_another_users_token(world):
    """Someone else's token id answers 404, and the token keeps working."""
    victim = world.login("member2")
    response = requests.post(f"{world.url}/auth/tokens/{_token_id(world, victim)}/revoke",
                             headers=headers(world.token("member3")), timeout=10)
    assert assert_problem(response, 404)["code"] == "token_not_found"
    assert _tokens(world, victim.token).status_code == 200


def test_an_admin_revokes_another_users_token(world):
    """An admin may revoke anybody's device."""
    victim = world.login("member2")
    response = requests.post(f"{world.url}/auth/tokens/{_token_id(world, victim)}/revoke",
                             headers=headers(world.token("admin")), timeout=10)
    assert response.status_code == 200
    assert _tokens(world, victim.token).status_code == 401


def test_wrong_password_and_unknown_user_look_the_same(world):
    """Wrong password and unknown user both answer 401 with the same code and message."""
    wrong = assert_problem(_login(world, "member1", "sai-mat-khau"), 401)
    unknown = assert_problem(_login(world, "khong-ton-tai", "sai-mat-khau"), 401)
    assert wrong == unknown and wrong["code"] == "login_failed"


def test_passwords_are_stored_as_argon2id(world, monkeypatch):
    """With the production hasher a new account's password is stored as an Argon2id hash, never in clear."""
    monkeypatch.setattr(accounts, "_hasher", PRODUCTION_HASHER)
    user_id = world.server.create_user("argon-user", "mat-khau-dai-hon", "viewer")
    with world.server.app.state.sessions() as session:
        stored = session.get(User, user_id).password_hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$"), stored
    assert "mat-khau-dai-hon" not in stored
    assert _login(world, "argon-user", "mat-khau-dai-hon").status_code == 200


def test_tokens_are_stored_only_as_sha256(world):
    """The token table holds the SHA-256 of a token, and the raw token is nowhere in the database files."""
    client = world.login("viewer1")
    with world.server.app.state.sessions() as session:
        stored = session.scalars(select(Token.token_hash).where(Token.device_id == client.device_id)).one()
    assert stored == hashlib.sha256(client.token.encode()).hexdigest()
    url = world.server.settings.database_url
    db = Path(url.removeprefix("sqlite:///"))
    for path in (db, Path(f"{db}-wal")) if url.startswith("sqlite") else ():
        if path.exists():
            assert client.token.encode() not in path.read_bytes()


def test_a_tokens_first_use_is_recorded_for_every_device_that_arrives_together(world):
    """Devices syncing at once each get their last-use time stamped (in one write for all of them)."""
    import time

    clients = [world.login("member1", f"máy {i}") for i in range(5)]
    for client in clients:
        client.pull(0, limit=1)
    device_ids = {c.device_id for c in clients}
    deadline = time.monotonic() + 10
    while True:
        with world.server.app.state.sessions() as session:
            stamped = {t.device_id for t in session.scalars(select(Token).where(Token.device_id.in_(device_ids)))
                       if t.last_used_at is not None}
        if stamped == device_ids or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert stamped == device_ids
