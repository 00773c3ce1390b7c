"""A laptop that still receives a row it cannot store (one an older server accepted) keeps that row aside with
the reason and syncs everything else; once the server's row is repaired, the laptop stores it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from ocop_desktop.db.models import Producer, QuarantinedRow
from ocop_desktop.services import registry
from ocop_server import scope, store

NOW = datetime.now(UTC).isoformat()
# Rows an older server stored as it was sent: what the laptop's tables or rules refuse, and why.
UNSTORABLE = {
    "no_created_at": ({"name": "Cơ sở thiếu ngày", "kind": "household", "commune_code": "18073"},
                      "invalid: created_at: required"),
    "lat_2_70": ({"name": "Cơ sở ngoài trái đất", "kind": "household", "commune_code": "18073", "lat": 2**70,
                  "created_at": NOW, "updated_at": NOW}, "invalid: lat: "),
    "name_null": ({"name": None, "kind": "household", "commune_code": "18073", "created_at": NOW,
                   "updated_at": NOW}, "invalid: name: required"),
}


def _store_as_is(server, row_id: str, data: dict) -> None:
    """Writes the row into the server's store the way any change is stored, without the checks a push gets."""
    with server.app.state.write_sessions() as s:
        seq = store.next_seq(s)
        stored = store.load(s, "producers", row_id) or store.Row("producers", row_id, {}, {}, seq, False)
        stored.data = {"id": row_id, **data}
        stored.version = seq
        store.save(s, stored)
        scope.refresh(s, "producers", row_id, lambda: store.next_seq(s), saved=stored)
        s.commit()


@pytest.mark.parametrize("case", sorted(UNSTORABLE))
def test_an_unstorable_row_is_quarantined_and_the_rest_syncs(server, make_laptop, case):
    """The bad producer is kept aside with its reason; a good one pulled with it is stored; the check
    matches (the held row counts as received), and a second sync finds nothing to fix."""
    data, reason = UNSTORABLE[case]
    bad = str(uuid.uuid4())
    _store_as_is(server, bad, data)
    writer = make_laptop("writer")
    with writer.session() as s:
        good = registry.create_producer(s, name="HTX Cam bù Hương Sơn", kind="cooperative", commune_code="18073").id
        s.commit()
    writer.sync()

    laptop = make_laptop("a")
    report = laptop.sync()
    assert report.mismatched == [] and report.redownloaded == []
    with laptop.session() as s:
        assert s.get(Producer, good).name == "HTX Cam bù Hương Sơn"
        assert s.get(Producer, bad) is None
        held = s.get(QuarantinedRow, ("producers", bad))
        assert held.reason.startswith(reason)
    again = laptop.sync()
    assert again.mismatched == [] and again.redownloaded == []


def test_a_repaired_row_is_stored_and_leaves_quarantine(server, make_laptop):
    """When the server's row is made whole (a new version), the next sync stores it and forgets the held copy."""
    bad = str(uuid.uuid4())
    _store_as_is(server, bad, UNSTORABLE["no_created_at"][0])
    laptop = make_laptop("a")
    laptop.sync()
    _store_as_is(server, bad, {**UNSTORABLE["no_created_at"][0], "created_at": NOW, "updated_at": NOW})
    report = laptop.sync()
    assert report.mismatched == [] and bad in report.pulled_ids["producers"]
    with laptop.session() as s:
        assert s.get(Producer, bad).name == "Cơ sở thiếu ngày"
        assert s.scalars(select(QuarantinedRow)).all() == []
