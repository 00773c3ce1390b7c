"""Malformed requests get a 4xx Problem body, never a 500, and the server keeps serving its data."""

from __future__ import annotations

import hashlib

import pytest
import requests
from server_world import CRITERIA_TEXT, assert_problem, assert_still_serving, change, headers, new_id, raw, row

SHA = hashlib.sha256(b"never uploaded").hexdigest()
# Fixed, not new_id(): parametrised test names must be the same in every pytest-xdist worker.
UNKNOWN_TOKEN = "0caea2f9-c5d9-447a-b5ac-f8bdaa98209b"


@pytest.fixture(autouse=True)
def _still_serving(world):
    yield
    assert_still_serving(world)


def _change(**overrides) -> dict:
    body = change("producers", new_id(), row(name="Cơ sở", commune_code="18073")).model_dump(mode="json")
    return {**body, **overrides}


def _login(**overrides) -> dict:
    return {"username": "member1", "password": "mat-khau-123", "device_id": new_id(), **overrides}


# name: (method, path, json body, expected status)
CASES = {
    "login_wrong_types": ("POST", "/auth/login", {"username": 1, "password": [], "device_id": 5}, 422),
    "login_no_body": ("POST", "/auth/login", None, 422),
    "login_short_device_id": ("POST", "/auth/login", _login(device_id="x"), 422),
    "login_unknown_field": ("POST", "/auth/login", _login(admin=True), 422),
    "push_changes_not_a_list": ("POST", "/sync/push", {"changes": "x"}, 422),
    "push_unknown_field": ("POST", "/sync/push", {"changes": [], "force": True}, 422),
    "push_change_unknown_key": ("POST", "/sync/push", {"changes": [_change(sudo=True)]}, 422),
    "push_device_seq_zero": ("POST", "/sync/push", {"changes": [_change(device_seq=0)]}, 422),
    "push_bad_op": ("POST", "/sync/push", {"changes": [_change(op="drop")]}, 422),
    "push_field_not_a_pair": ("POST", "/sync/push", {"changes": [_change(fields={"name": [1, 2, 3]})]}, 422),
    "push_short_ids": ("POST", "/sync/push", {"changes": [_change(change_id="1", entity_id="2")]}, 422),
    "push_bad_created_at": ("POST", "/sync/push", {"changes": [_change(created_at="hôm qua")]}, 422),
    "push_too_many_changes": ("POST", "/sync/push", {"changes": [_change()] * 501}, 422),
    "pull_cursor_text": ("POST", "/sync/pull", {"cursor": "abc"}, 422),
    "pull_cursor_negative": ("POST", "/sync/pull", {"cursor": -1}, 422),
    "pull_limit_zero": ("POST", "/sync/pull", {"cursor": 0, "limit": 0}, 422),
    "pull_limit_too_big": ("POST", "/sync/pull", {"cursor": 0, "limit": 1001}, 422),
    "pull_unknown_entity": ("POST", "/sync/pull", {"cursor": 0, "entity": "secrets"}, 422),
    "pull_unknown_field": ("POST", "/sync/pull", {"cursor": 0, "all": True}, 422),
    "check_cursor_null": ("POST", "/sync/check", {"cursor": None}, 422),
    "check_cursor_fraction": ("POST", "/sync/check", {"cursor": 1.5}, 422),
    "check_unknown_field": ("POST", "/sync/check", {"cursor": 0, "x": 1}, 422),
    "have_not_a_list": ("POST", "/files/have", {"hashes": "x"}, 422),
    "have_uppercase": ("POST", "/files/have", {"hashes": [SHA.upper()]}, 422),
    "have_63_chars": ("POST", "/files/have", {"hashes": [SHA[:63]]}, 422),
    "have_path": ("POST", "/files/have", {"hashes": ["../../etc/passwd"]}, 422),
    "have_too_many": ("POST", "/files/have", {"hashes": [SHA] * 1001}, 422),
    "have_unknown_field": ("POST", "/files/have", {"hashes": [], "all": True}, 422),
    "upload_state_no_size": ("GET", f"/files/{SHA}/upload", None, 422),
    "upload_state_negative": ("GET", f"/files/{SHA}/upload?size=-1", None, 422),
    "upload_state_text_size": ("GET", f"/files/{SHA}/upload?size=abc", None, 422),
    "upload_state_too_large": ("GET", f"/files/{SHA}/upload?size={10**12}", None, 413),
    "upload_chunk_no_offset": ("PUT", f"/files/{SHA}/upload", None, 422),
    "upload_chunk_negative": ("PUT", f"/files/{SHA}/upload?offset=-1", None, 422),
    "upload_chunk_not_started": ("PUT", f"/files/{hashlib.sha256(b'x').hexdigest()}/upload?offset=0", None, 404),
    "download_unknown": ("GET", f"/files/{SHA}", None, 404),
    "publish_wrong_type": ("POST", "/admin/criteria-sets", {"canonical_json": 5}, 422),
    "publish_empty_object": ("POST", "/admin/criteria-sets", {"canonical_json": "{}"}, 422),
    "publish_not_json": ("POST", "/admin/criteria-sets", {"canonical_json": "không phải JSON"}, 422),
    "publish_unknown_field": ("POST", "/admin/criteria-sets", {"canonical_json": CRITERIA_TEXT, "x": 1}, 422),
    "users_unknown_role": ("POST", "/admin/users", {"username": "a", "password": "12345678", "role": "king"}, 422),
    "users_short_password": ("POST", "/admin/users", {"username": "a", "password": "1", "role": "viewer"}, 422),
    "users_blank_name": ("POST", "/admin/users", {"username": " ", "password": "12345678", "role": "viewer"}, 422),
    "users_unknown_field": ("POST", "/admin/users",
                            {"username": "b", "password": "12345678", "role": "viewer", "active": False}, 422),
    "revoke_unknown": ("POST", f"/auth/tokens/{UNKNOWN_TOKEN}/revoke", None, 404),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_request_gets_a_problem(world, name):
    """Wrong types, unknown fields, out-of-range values: the listed 4xx with {code, message, detail}."""
    method, path, body, status = CASES[name]
    response = requests.request(method, world.url + path, json=body, headers=headers(world.token("admin")),
                                timeout=30)
    assert_problem(response, status)


JSON_ENDPOINTS = ["/auth/login", "/sync/push", "/sync/pull", "/sync/check", "/files/have", "/admin/criteria-sets",
                  "/admin/users"]


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.parametrize("text", [b"{", b'{"cursor": 0,}', b"\xff\xfe", b"[]", b"null", b'"x"'],
                         ids=["open", "trailing_comma", "not_utf8", "array", "null", "string"])
def test_malformed_json_gets_422(world, path, text):
    """A body that is not the expected JSON object: 422 invalid_request."""
    response = requests.post(world.url + path, data=text, timeout=30,
                             headers={**headers(world.token("admin")), "Content-Type": "application/json"})
    assert assert_problem(response, 422)["code"] == "invalid_request"


def test_a_json_body_sent_as_text_plain_is_refused(world):
    """The right JSON with Content-Type text/plain: a 4xx, not a 500."""
    response = requests.post(world.url + "/sync/pull", data=b'{"cursor": 0}', timeout=30,
                             headers={**headers(world.token("admin")), "Content-Type": "text/plain"})
    assert_problem(response)


PROTOCOL_ENDPOINTS = [("POST", "/auth/login"), ("GET", "/auth/tokens"),
                      ("POST", f"/auth/tokens/{UNKNOWN_TOKEN}/revoke"),
                      ("POST", "/sync/push"), ("POST", "/sync/pull"), ("POST", "/sync/check"),
                      ("POST", "/files/have"), ("GET", f"/files/{SHA}/upload?size=1"),
                      ("PUT", f"/files/{SHA}/upload?offset=0"), ("GET", f"/files/{SHA}"),
                      ("POST", "/admin/criteria-sets"), ("POST", "/admin/users")]


@pytest.mark.parametrize("version", [None, "1", "3", "0", "abc", ""], ids=["missing", "1", "3", "0", "text", "empty"])
@pytest.mark.parametrize(("method", "path"), PROTOCOL_ENDPOINTS)
def test_missing_or_unsupported_protocol_gets_426(world, method, path, version):
    """Without X-OCOP-Protocol: 2 every API endpoint answers 426 protocol_unsupported, telling to update (a
    version-1 laptop too: it would read version 2's answers as malformed)."""
    h = {"Authorization": f"Bearer {world.token('admin')}"}
    if version is not None:
        h["X-OCOP-Protocol"] = version
    response = requests.request(method, world.url + path, headers=h, timeout=30)
    body = assert_problem(response, 426)
    assert body["code"] == "protocol_unsupported" and "[2]" in body["message"] and "Update the app" in body["message"]


@pytest.mark.parametrize("path", ["/health", "/info"])
def test_health_and_info_need_no_protocol_header(world, path):
    """/health and /info answer without the protocol header (older apps can still learn what to do)."""
    assert requests.get(world.url + path, timeout=10).status_code == 200


TRICKS = ["../../etc/passwd", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2f..%2fserver.sqlite3", SHA.upper(),
          SHA[:63], SHA + "0", SHA[:62] + "%00a", "%20" + SHA[:61], "partial%2f" + SHA[:54]]


@pytest.mark.parametrize("trick", TRICKS)
@pytest.mark.parametrize(("method", "suffix"), [("GET", ""), ("GET", "/upload?size=3"), ("PUT", "/upload?offset=0")])
def test_path_tricks_in_file_names_are_refused(world, trick, method, suffix):
    """Dot segments, escapes, upper-case hex, wrong lengths in /files/{sha}: 404 or 422, never a file."""
    status, body = raw(world, method, f"/files/{trick}{suffix}", body=b"abc" if method == "PUT" else None)
    assert status in (404, 422) and body["code"] and body["message"]


def test_path_tricks_leave_no_blob_behind(world):
    """After all the tricks the files folder holds only well-named entries."""
    files = world.server.settings.files_dir
    names = {p.name for p in files.rglob("*")}
    assert all(n == "partial" or len(n) == 2 or len(n) == 64 for n in names), names
