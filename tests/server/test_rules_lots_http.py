"""Lots and recognition decisions on the real server, pushed with legitimate tokens: a printed lot is never
deleted, re-coded or un-withdrawn; a decision needs the dossier's approved result, at its stars."""

from __future__ import annotations

import pytest
from rules_world import STARS, dossier_at, ok, refused_with, update
from server_world import change, new_id, row

RECOGNITION = {"issuing_body": "UBND tỉnh Hà Tĩnh", "decision_no": "125/QĐ-UBND", "decision_date": "2026-11-30",
               "valid_until": "2029-12-01", "notice_date": "2029-11-01", "revocation_reason": ""}


def _printed_lot(world, username: str = "officer1") -> str:
    lot = new_id()
    ok(world.push_one(username, change("production_lots", lot, row(
        product_id=world.ids["PR1"], lot_code=f"L-{lot[:6]}", produced_on="2026-11-01", unit="chai"))))
    ok(update(world, username, "production_lots", lot, label_printed_at="2026-11-02T08:00:00+00:00"))
    return lot


@pytest.mark.parametrize("username", ["officer1", "admin"])
def test_a_printed_lot_is_never_deleted(world, username: str) -> None:
    """The commune's officer and the admin alike are refused; the lot stays."""
    lot = _printed_lot(world)
    assert refused_with(update(world, username, "production_lots", lot, deleted=True), "rejected", "lot_label_printed")
    assert refused_with(update(world, username, "production_lots", lot, lot_code="L-NEW"), "rejected",
                        "lot_label_printed")
    assert world.current("production_lots", lot)["deleted"] is False


def test_an_unprinted_lot_may_be_deleted(world) -> None:
    lot = new_id()
    ok(world.push_one("officer1", change("production_lots", lot, row(product_id=world.ids["PR1"],
                                                                     lot_code=f"L-{lot[:6]}"))))
    ok(update(world, "officer1", "production_lots", lot, deleted=True))


def test_a_withdrawal_has_a_reason_and_is_never_undone(world) -> None:
    lot = _printed_lot(world)
    assert refused_with(update(world, "officer1", "production_lots", lot, withdrawn_on="2026-12-01"), "rejected",
                        "withdrawal_reason_required")
    ok(update(world, "officer1", "production_lots", lot, withdrawn_on="2026-12-01", withdrawal_reason="Hỏng nắp"))
    assert refused_with(update(world, "admin", "production_lots", lot, withdrawn_on=None), "rejected",
                        "lot_withdrawn")
    assert world.current("production_lots", lot)["withdrawn_on"] == "2026-12-01"


def test_a_lot_code_is_unique_per_product(world) -> None:
    lot = _printed_lot(world)
    code = world.current("production_lots", lot)["lot_code"]
    result = world.push_one("officer1", change("production_lots", new_id(), row(product_id=world.ids["PR1"],
                                                                               lot_code=code)))
    assert result.status == "rejected", result.reason


def _recognition(world, dossier: str | None, stars: int) -> object:
    return world.push_one("admin", change("recognitions", new_id(), row(
        product_id=world.ids["PR1"], dossier_id=dossier, stars=stars, **RECOGNITION)))


def test_a_decision_without_an_approved_result_is_refused(world) -> None:
    for dossier in (dossier_at(world, "forwarded", approved=False), None):
        assert refused_with(_recognition(world, dossier, STARS), "rejected", "recognition_needs_approved_result")


def test_a_decision_takes_the_approved_results_stars(world) -> None:
    dossier = dossier_at(world, "evaluated")
    assert refused_with(_recognition(world, dossier, STARS + 1), "rejected", "recognition_stars_mismatch")
    ok(_recognition(world, dossier, STARS))
