"""NUL and other control characters in names, ids and query parameters: 422, never a 500 (PostgreSQL
refuses NUL in text, so each of these once reached the database as a server error)."""

from __future__ import annotations

import requests
from server_world import assert_problem, assert_still_serving, headers, new_id

NUL = "a\x00b"


def test_nul_in_the_user_id_of_a_token_listing(world):
    """GET /auth/tokens?user_id= with a NUL is refused before any query."""
    response = requests.get(f"{world.url}/auth/tokens", params={"user_id": NUL},
                            headers=headers(world.token("admin")), timeout=10)
    assert_problem(response, 422)
    assert_still_serving(world)


def test_nul_in_a_token_id_to_revoke(world):
    """POST /auth/tokens/<id with NUL>/revoke is refused before any query."""
    response = requests.post(f"{world.url}/auth/tokens/{NUL}/revoke", headers=headers(world.token("admin")),
                             timeout=10)
    assert_problem(response, 422)


def test_nul_in_a_login_name_or_device_name(world):
    """A login whose username or device name holds a NUL is a 422."""
    for body in ({"username": NUL, "password": "x", "device_id": new_id()},
                 {"username": "admin", "password": "x", "device_id": new_id(), "device_name": NUL}):
        response = requests.post(f"{world.url}/auth/login", json=body, headers=headers(), timeout=10)
        assert_problem(response, 422)


def test_nul_in_an_entity_name_of_a_push(world):
    """A change whose entity name is not a table name is refused as a whole request (422)."""
    change = {"change_id": new_id(), "device_seq": 1, "entity": "producers\x00", "entity_id": new_id(),
              "op": "insert", "fields": {}, "created_at": "2026-11-28T00:00:00+00:00"}
    response = requests.post(f"{world.url}/sync/push", json={"changes": [change]},
                             headers=headers(world.token("admin")), timeout=10)
    assert_problem(response, 422)
    assert_still_serving(world)
