"""The lot and recognition rules of ocop_core.rules, as pure functions the laptop and the server share."""

from __future__ import annotations

import pytest

from ocop_core.rules.actor import Actor
from ocop_core.rules.lots import check_lot_actor, check_lot_change
from ocop_core.rules.recognitions import check_recognition_actor, check_recognition_change, check_recognition_result

PRINTED = {"lot_code": "L-1", "product_id": "p", "label_printed_at": "2026-11-02T08:00:00+00:00",
           "withdrawn_on": None, "withdrawal_reason": "", "deleted": False}
OFFICER = Actor("u", "commune_officer", frozenset({"18073"}))


def _code(refusal) -> str | None:
    return refusal.code if refusal else None


@pytest.mark.parametrize(("after", "changed", "code"), [
    ({"deleted": True}, {"deleted"}, "lot_label_printed"),
    ({"lot_code": "L-2"}, {"lot_code"}, "lot_label_printed"),
    ({"label_printed_at": None}, {"label_printed_at"}, "lot_label_printed"),
    ({"withdrawn_on": "2026-12-01"}, {"withdrawn_on"}, "withdrawal_reason_required"),
    ({"withdrawn_on": "2026-12-01", "withdrawal_reason": "Hỏng"}, {"withdrawn_on", "withdrawal_reason"}, None),
    ({"notes": "ghi thêm"}, {"notes"}, None),
])
def test_a_printed_lot(after: dict, changed: set, code: str | None):
    assert _code(check_lot_change(PRINTED, {**PRINTED, **after}, changed)) == code


def test_an_unprinted_lot_may_be_deleted_or_recoded():
    fresh = {**PRINTED, "label_printed_at": None}
    assert check_lot_change(fresh, {**fresh, "deleted": True}, {"deleted"}) is None
    assert check_lot_change(fresh, {**fresh, "lot_code": "L-2"}, {"lot_code"}) is None


def test_a_withdrawal_is_never_undone():
    withdrawn = {**PRINTED, "withdrawn_on": "2026-12-01", "withdrawal_reason": "Hỏng"}
    assert _code(check_lot_change(withdrawn, {**withdrawn, "withdrawn_on": None}, {"withdrawn_on"})) == "lot_withdrawn"


def test_who_records_lots():
    assert check_lot_actor(OFFICER, ["18073", "18073"]) is None
    assert _code(check_lot_actor(OFFICER, ["18073", "18652"])) == "lot_out_of_scope"
    assert check_lot_actor(Actor("a", "admin"), ["18652"]) is None
    refusal = check_lot_actor(Actor("m", "member"), ["18073"])
    assert refusal is not None and refusal.forbidden and refusal.code == "lot_not_for_role"


@pytest.mark.parametrize(("approved", "stars", "code"), [
    (None, 4, "recognition_needs_approved_result"), (2, 2, "result_not_recognisable"),
    (4, 5, "recognition_stars_mismatch"), (4, 4, None), (3, 3, None),
])
def test_a_decision_rests_on_the_approved_result(approved, stars, code):
    assert _code(check_recognition_result(approved, stars)) == code


def test_a_revocation_needs_a_reason_and_stays():
    row = {"stars": 4, "dossier_id": "d", "revoked_on": None, "revocation_reason": ""}
    revoked = {**row, "revoked_on": "2026-12-01", "revocation_reason": "Vi phạm"}
    assert _code(check_recognition_change(row, {**row, "revoked_on": "2026-12-01"}, {"revoked_on"}, 4)) == \
        "revocation_reason_required"
    assert check_recognition_change(row, revoked, {"revoked_on", "revocation_reason"}, 4) is None
    assert _code(check_recognition_change(revoked, {**revoked, "revoked_on": None}, {"revoked_on"}, 4)) == \
        "already_revoked"
    assert check_recognition_actor(Actor("a", "admin")) is None
    assert _code(check_recognition_actor(OFFICER)) == "recognition_for_admin"
