"""Who may call which endpoint: every role against every endpoint, and without a valid token."""

from __future__ import annotations

import hashlib
import itertools

import pytest
import requests
from server_world import ACTOR, CRITERIA_TEXT, PASSWORD, ROLES, assert_problem, change, headers, new_id, row

_files = itertools.count()


def _content(tag: str) -> tuple[bytes, str]:
    data = f"tệp đính kèm {tag} {next(_files)}".encode()
    return data, hashlib.sha256(data).hexdigest()


def _token_id(world, token: str, device_id: str) -> str:
    listed = requests.get(f"{world.url}/auth/tokens", headers=headers(token), timeout=10).json()
    return next(t["token_id"] for t in listed if t["device_id"] == device_id)


@pytest.fixture(scope="module")
def stored_file(world) -> str:
    """A file the admin uploaded completely, attached to dossier D1 (commune 18073, council C1)."""
    data, sha = _content("admin")
    world.client("admin").upload_state(sha, len(data))
    assert world.client("admin").upload_chunk(sha, 0, data).complete
    document = change("dossier_documents", new_id(), row(dossier_id=world.ids["D1"], doc_type="label",
                                                         title="Nhãn D1", sha256=sha, size=len(data)))
    assert world.push_one("admin", document).status == "applied"
    return sha


def _call(world, endpoint: str, username: str, token: str | None, stored_file: str) -> requests.Response:
    """One request to ``endpoint`` as ``username`` carrying ``token`` (None: no Authorization header)."""
    url, h = world.url, headers(token)
    if endpoint == "login":
        body = {"username": username, "password": PASSWORD, "device_id": new_id()}
        return requests.post(f"{url}/auth/login", json=body, headers=h, timeout=10)
    if endpoint == "tokens":
        return requests.get(f"{url}/auth/tokens", headers=h, timeout=10)
    if endpoint in ("revoke_own", "revoke_other"):
        # a second device of one's own, or one of member2's
        victim = world.login(username if endpoint == "revoke_own" else "member2")
        token_id = _token_id(world, victim.token, victim.device_id)
        return requests.post(f"{url}/auth/tokens/{token_id}/revoke", headers=h, timeout=10)
    if endpoint == "push":
        return requests.post(f"{url}/sync/push", json={"changes": []}, headers=h, timeout=10)
    if endpoint == "pull":
        return requests.post(f"{url}/sync/pull", json={"cursor": 0}, headers=h, timeout=10)
    if endpoint == "check":
        return requests.post(f"{url}/sync/check", json={"cursor": 0}, headers=h, timeout=10)
    if endpoint == "have":
        return requests.post(f"{url}/files/have", json={"hashes": [stored_file]}, headers=h, timeout=10)
    if endpoint == "upload_state":
        data, sha = _content(username)
        return requests.get(f"{url}/files/{sha}/upload", params={"size": len(data)}, headers=h, timeout=10)
    if endpoint == "upload_chunk":
        data, sha = _content(username)
        # each uploader starts their own upload: a chunk never goes into someone else's
        requests.get(f"{url}/files/{sha}/upload", params={"size": len(data)}, headers=h, timeout=10)
        return requests.put(f"{url}/files/{sha}/upload", params={"offset": 0}, data=data, headers=h, timeout=10)
    if endpoint == "download":
        return requests.get(f"{url}/files/{stored_file}", headers=h, timeout=10)
    if endpoint == "publish":
        return requests.post(f"{url}/admin/criteria-sets", json={"canonical_json": CRITERIA_TEXT}, headers=h,
                             timeout=10)
    if endpoint == "create_user":
        body = {"username": f"new-{new_id()[:8]}", "password": "mat-khau-moi", "role": "viewer"}
        return requests.post(f"{url}/admin/users", json=body, headers=h, timeout=10)
    raise AssertionError(endpoint)


ENDPOINTS = ("login", "tokens", "revoke_own", "revoke_other", "push", "pull", "check", "have", "upload_state",
             "upload_chunk", "download", "publish", "create_user")
NON_ADMIN_STATUS = {"publish": 403, "create_user": 403, "revoke_other": 404}  # 200 elsewhere
UPLOADERS = ("admin", "commune_officer")  # who keeps dossiers, so who attaches files


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_role_endpoint_status(world, stored_file, role, endpoint):
    """Each role gets the expected status from each endpoint (admins everything, others no admin calls)."""
    username = ACTOR[role]
    response = _call(world, endpoint, username, world.token(username), stored_file)
    expected = 200 if role == "admin" else NON_ADMIN_STATUS.get(endpoint, 200)
    if endpoint in ("upload_state", "upload_chunk") and role not in UPLOADERS:
        expected = 403
    if endpoint == "download" and role == "viewer":  # D1 is neither in their commune nor their council
        expected = 404
    assert response.status_code == expected, (response.status_code, response.text[:300])
    if expected != 200:
        assert_problem(response)


@pytest.mark.parametrize("token", [None, "khong-phai-token"], ids=["no_header", "garbage"])
@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e != "login"])
def test_without_a_valid_token_every_endpoint_but_login_is_401(world, stored_file, endpoint, token):
    """No token, a made-up token or an empty one: 401 with a Problem body."""
    response = _call(world, endpoint, "member1", token, stored_file)
    assert assert_problem(response, 401)["code"] in ("not_logged_in", "token_invalid")


def test_a_revoked_token_is_refused_by_sync(world):
    """A device whose token was revoked gets 401 from /sync/pull."""
    device = world.login("officer2")
    token_id = _token_id(world, device.token, device.device_id)
    requests.post(f"{world.url}/auth/tokens/{token_id}/revoke", headers=headers(world.token("admin")),
                  timeout=10).raise_for_status()
    response = requests.post(f"{world.url}/sync/pull", json={"cursor": 0}, headers=headers(device.token), timeout=10)
    assert assert_problem(response, 401)["code"] == "token_invalid"
