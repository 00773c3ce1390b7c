"""Every row the server accepts is one every laptop can store: required fields, NOT NULL, lengths, ranges and
parents that exist are checked on each insert and update (the rules of ocop_core.entities)."""

from __future__ import annotations

import json

import pytest
import requests
from server_world import change, headers, new_id, row


def _push_raw(world, body: dict) -> dict:
    """One change sent as raw JSON, as any client could: its result."""
    response = requests.post(world.url + "/sync/push", data=json.dumps({"changes": [body]}), timeout=30,
                             headers={**headers(world.token("admin")), "Content-Type": "application/json"})
    assert response.status_code == 200, response.text[:300]
    return response.json()["results"][0]


def _producer(**fields) -> dict:
    return row(name="HTX Cam Vũ Quang", kind="cooperative", commune_code="18073", **fields)


def _admin_pull(world, entity: str) -> set[str]:
    return {r.id for r in world.client("admin").pull(0, limit=1000, entity=entity).rows}


def test_an_insert_without_fields_is_rejected_and_stores_nothing(world):
    """`fields: {}` on producers names no created_at, name, kind or commune: a laptop's NOT NULL columns
    would refuse the row, so the server refuses it and nobody ever pulls it."""
    body = change("producers", new_id(), {}).model_dump(mode="json")
    result = _push_raw(world, body)
    assert result["status"] == "rejected" and result["reason"].startswith("invalid:")
    assert "required" in result["reason"]
    assert body["entity_id"] not in _admin_pull(world, "producers")


@pytest.mark.parametrize("missing", ["created_at", "updated_at", "name", "kind", "commune_code"])
def test_an_insert_missing_a_required_field_is_rejected(world, missing):
    """Each NOT NULL column without a default must come with an insert."""
    fields = _producer()
    del fields[missing]
    result = world.push_one("admin", change("producers", new_id(), fields))
    assert result.status == "rejected" and result.reason == f"invalid: {missing}: required"


def test_an_insert_leaving_out_defaulted_fields_is_stored_with_the_defaults(world):
    """A field the laptop's table fills itself (phone, address...) is filled by the server too, with the same
    value, so every laptop pulls the same row."""
    producer = new_id()
    assert world.push_one("admin", change("producers", producer, _producer())).status == "applied"
    stored = world.current("producers", producer)
    assert (stored["phone"], stored["address"], stored["deleted"], stored["id"]) == ("", "", False, producer)


@pytest.mark.parametrize(("field", "value"), [("name", None), ("kind", None), ("deleted", None), ("phone", None)])
def test_a_not_null_field_is_never_set_to_null(world, field, value):
    """An update may not null a NOT NULL column, defaulted or not."""
    current = world.current("producers", world.ids["P1"])
    result = world.push_one("admin", change("producers", world.ids["P1"], {field: (current.get(field), value)},
                                            "update"))
    assert result.status == "rejected" and result.reason == f"invalid: {field}: required"


def test_text_longer_than_its_column_is_rejected(world):
    """A phone number of 33 characters does not fit the laptop's 32."""
    result = world.push_one("admin", change("producers", new_id(), _producer(phone="0" * 33)))
    assert result.status == "rejected" and result.reason.startswith("invalid: phone: text too long (over 32")
    assert world.push_one("admin", change("producers", new_id(), _producer(phone="0" * 32))).status == "applied"


@pytest.mark.parametrize("value", [2**70, float(2**70), 91.0, -90.5], ids=["int_2^70", "float_2^70", "91", "-90.5"])
def test_a_latitude_outside_the_globe_is_rejected(world, value):
    """2^70 (as an integer it overflows a laptop's SQLite binding) and latitudes beyond ±90 are refused."""
    result = _push_raw(world, change("producers", new_id(), _producer(lat=value)).model_dump(mode="json"))
    assert result["status"] == "rejected" and result["reason"].startswith("invalid: lat:")


def test_a_stars_value_outside_its_range_is_rejected(world):
    """A council result's final stars run from 0 to 5."""
    result = world.push_one("admin", change("council_results", world.ids["R1"], {"final_stars": (0, 6)}, "update"))
    assert result.status == "rejected" and result.reason == "invalid: final_stars: above 5"


def test_a_product_whose_producer_exists_nowhere_is_rejected(world):
    """An admin may link anything, but only to a row that exists: a laptop keeps no orphan."""
    ghost = new_id()
    result = world.push_one("admin", change("products", new_id(), row(
        producer_id=ghost, name="Mắm không chủ", subgroup_code="I.1.a", commune_code="18073")))
    assert result.status == "rejected"
    assert result.reason == f"unknown_parent: producer_id names no producers row ({ghost})"


def test_an_update_moving_a_link_to_a_missing_row_is_rejected(world):
    """The parent is checked on update too."""
    result = world.push_one("admin", change("products", world.ids["PR1"], {"producer_id": (world.ids["P1"], new_id())},
                                            "update"))
    assert result.status == "rejected" and result.reason.startswith("unknown_parent: producer_id")
    assert world.current("products", world.ids["PR1"])["producer_id"] == world.ids["P1"]

