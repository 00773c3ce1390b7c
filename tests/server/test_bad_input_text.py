"""Strange text and bad values inside changes: rejected changes (200), never a 500; odd text kept verbatim."""

from __future__ import annotations

import json
import unicodedata

import pytest
import requests
from server_world import assert_problem, assert_still_serving, change, headers, new_id, row, settle


@pytest.fixture(autouse=True)
def _still_serving(world):
    yield
    assert_still_serving(world)


def _producer(**fields):
    return change("producers", new_id(), row(name="Cơ sở", kind="household", commune_code="18073", **fields))


def _push_raw(world, changes: list[dict]) -> requests.Response:
    body = json.dumps({"changes": changes}).encode()  # ensure_ascii: lone surrogates travel as \ud800
    response = requests.post(world.url + "/sync/push", data=body, timeout=30,
                             headers={**headers(world.token("admin")), "Content-Type": "application/json"})
    settle(response.status_code)
    return response


ODD_TEXT = {
    "nfd": unicodedata.normalize("NFD", "Hợp tác xã Nước mắm Phú Khương"),
    "emoji": "Mật ong 🐝🍯 rừng 👨‍👩‍👧",
    "rtl_marks": "\u202eabc\u202c \u200f\u200e تعاونية",
    "zero_width": "Mắm\u200b\u200d\ufeff ngon",
    "combining_pileup": "a" + "\u0301" * 200,
    "tab_newline": "dòng 1\n\tdòng 2\r\n",
    "sql_drop": "'; DROP TABLE records; --",
    "sql_union": "x' UNION SELECT password_hash FROM users --",
    "sql_quote": "Robert'); DELETE FROM tokens;--",
    "json_like": '{"deleted": true}',
    "html": "<script>alert(1)</script>",
}


@pytest.mark.parametrize("key", sorted(ODD_TEXT))
def test_odd_but_valid_text_is_stored_verbatim(world, key):
    """NFD, emoji, RTL marks, SQL and markup in a name: applied and pulled back byte for byte."""
    ch = _producer()
    ch.fields["name"] = (None, ODD_TEXT[key])
    assert world.push_one("admin", ch).status == "applied"
    assert world.current("producers", ch.entity_id)["name"] == ODD_TEXT[key]


@pytest.mark.parametrize("value", ["a\x00b", "\x1b[31mđỏ", "a\x08b", "\x0bx", "x\x1f"],
                         ids=["nul", "escape", "backspace", "vertical_tab", "unit_separator"])
def test_control_characters_in_a_value_are_rejected(world, value):
    """NUL and other control characters in a text field: the change is rejected, the batch answered 200."""
    ch = _producer()
    ch.fields["name"] = (None, value)
    result = world.push_one("admin", ch)
    assert result.status == "rejected" and "control characters" in result.reason


# field -> value of the wrong shape for its declared kind
BAD_VALUES = {"name": 5, "lat": "1.5", "registration_no": ["a"], "deleted": "yes", "created_at": "hôm qua",
              "phone": {"x": 1}}
BAD_DOSSIER = {"result_stars": "5", "submitted_at": "2026-13-45T00:00:00"}
BAD_SHEET_VALUES = {"total": "NaN", "stars": 2**60, "submitted_at": 20260101}


@pytest.mark.parametrize(("entity", "field", "value"),
                         [("producers", k, v) for k, v in BAD_VALUES.items()]
                         + [("producers", "lat", v) for v in (float("inf"), True)]
                         + [("dossiers", k, v) for k, v in BAD_DOSSIER.items()]
                         + [("score_sheets", k, v) for k, v in BAD_SHEET_VALUES.items()]
                         + [("score_lines", "points", v) for v in ("abc", "Infinity", 1.5)])
def test_a_value_of_the_wrong_type_is_rejected(world, entity, field, value):
    """Each field kind refuses values of another type with a rejected result naming the field."""
    body = change(entity, new_id(), row()).model_dump(mode="json")
    body["fields"][field] = [None, value]
    response = _push_raw(world, [body])
    assert response.status_code == 200, response.text[:300]
    result = response.json()["results"][0]
    assert result["status"] == "rejected" and result["reason"].startswith(f"invalid: {field}")


@pytest.mark.parametrize(("entity", "fields", "reason"), [
    ("secrets", {"name": "x"}, "invalid: unknown entity"),
    ("producers", {"name\x00": "x"}, "invalid: unknown field"),
    ("producers", {"password_hash": "x"}, "invalid: unknown field"),
    ("producers", {"name": "x" * 200_001}, "invalid: name: text too long"),
])
def test_unknown_entities_fields_and_oversized_text_are_rejected(world, entity, fields, reason):
    """Unknown entity, unknown or NUL-named field, over-long text: a rejected result with the reason."""
    result = world.push_one("admin", change(entity, new_id(), fields))
    assert result.status == "rejected" and result.reason.startswith(reason)


def test_an_id_field_other_than_the_entity_id_is_rejected(world):
    """fields.id must equal entity_id."""
    result = world.push_one("admin", _producer(id=new_id()))
    assert result.status == "rejected" and "id differs" in result.reason


def test_an_update_of_an_unknown_row_is_rejected(world):
    """An update for a row the server never had: rejected unknown_row."""
    result = world.push_one("admin", change("producers", new_id(), {"name": ("a", "b")}, "update"))
    assert result.status == "rejected" and result.reason.startswith("unknown_row")


def test_created_at_never_changes(world):
    """An update touching created_at is rejected (immutable field)."""
    ch = change("producers", world.ids["P1"], {"created_at": (None, "2000-01-01T00:00:00+00:00")}, "update")
    result = world.push_one("admin", ch)
    assert result.status == "rejected" and "cannot change" in result.reason


def test_a_reused_change_id_with_other_content_is_rejected(world):
    """The same change_id with a different payload: rejected change_id_reused, the first one stands."""
    first = _producer()
    assert world.push_one("admin", first).status == "applied"
    second = first.model_copy(update={"fields": {**first.fields, "name": (None, "Khác")}})
    result = world.push_one("admin", second)
    assert result.status == "rejected" and result.reason.startswith("change_id_reused")
    assert world.current("producers", first.entity_id)["name"] == "Cơ sở"


@pytest.mark.parametrize(("method", "path", "kw"), [
    ("POST", "/auth/login", {"json": {"username": "' OR '1'='1", "password": "' OR '1'='1", "device_id": new_id()}}),
    ("POST", "/sync/pull", {"json": {"cursor": 0, "entity": "records; DROP TABLE records"}}),
    ("POST", "/auth/tokens/' OR 1=1 --/revoke", {}),
    ("POST", "/files/have", {"json": {"hashes": ["' OR 1=1 --"]}}),
], ids=["login", "pull_entity", "revoke", "have"])
def test_sql_in_request_strings_is_just_text(world, method, path, kw):
    """SQL in names, ids and hashes matches nothing: a plain 4xx, no error, every table intact (fixture)."""
    response = requests.request(method, world.url + path, headers=headers(world.token("admin")), timeout=30, **kw)
    assert_problem(response)


def test_sql_in_a_new_username_is_refused_and_in_a_full_name_stored_verbatim(world):
    """Usernames are letters, digits and ._@- only (422 for SQL); a full name with SQL is kept as typed."""
    name = "x'); DROP TABLE users; --"
    response = requests.post(world.url + "/admin/users", headers=headers(world.token("admin")), timeout=30,
                             json={"username": name, "password": "mat-khau-123", "role": "viewer"})
    assert_problem(response, 422)
    response = requests.post(world.url + "/admin/users", headers=headers(world.token("admin")), timeout=30,
                             json={"username": "sql.name", "password": "mat-khau-123", "role": "viewer",
                                   "full_name": name})
    assert response.status_code == 200
    assert world.login("sql.name").token


def test_a_lone_surrogate_in_a_value_is_rejected(world):
    """A text value with an unpaired surrogate is a rejected change (or a 422), not a 500."""
    body = _producer().model_dump(mode="json")
    body["fields"]["name"] = [None, "M\ud800m"]
    response = _push_raw(world, [body])
    assert response.status_code == 422 or response.json()["results"][0]["status"] == "rejected"


def test_a_huge_integer_in_a_float_field_is_rejected(world):
    """lat = 10**400 is a rejected change, not a 500."""
    body = _producer().model_dump(mode="json")
    body["fields"]["lat"] = [None, 10**400]
    response = _push_raw(world, [body])
    assert response.status_code == 200 and response.json()["results"][0]["status"] == "rejected"


@pytest.mark.parametrize("path", ["/sync/pull", "/sync/check"])
def test_a_cursor_beyond_64_bits_gets_422(world, path):
    """cursor = 2**63: 422, not 500."""
    response = requests.post(world.url + path, json={"cursor": 2**63}, headers=headers(world.token("admin")),
                             timeout=30)
    assert_problem(response, 422)


def test_control_characters_in_ids_are_refused(world):
    """An entity_id with NUL bytes and a path is refused (422 or a rejected change)."""
    body = _producer().model_dump(mode="json")
    body["entity_id"] = ("../../etc/passwd" + "\x00" * 36)[:36]
    body["fields"].pop("id", None)
    response = _push_raw(world, [body])
    assert response.status_code == 422 or response.json()["results"][0]["status"] != "applied"
