"""Council results on the real server: an approved result stays as approved, and a council records results only
for dossiers put before it."""

from __future__ import annotations

import pytest
from rules_world import APPROVED_AT, approved_result, dossier_at, ok, refused_with, update
from server_world import ACTOR, ROLES, change, new_id, row

LEADERS = {"admin", "chair", "secretary"}  # who may write C1's results at all


def _expect(result, role: str, code: str) -> None:
    if role in LEADERS:
        assert refused_with(result, "rejected", code), result.reason
    else:
        assert result.status == "forbidden", result.reason


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("edit", [{"final_stars": 5}, {"deleted": True}, {"band_stars": 5, "final_stars": 5},
                                  {"recommendation": "reject"}], ids=["stars", "delete", "band", "recommendation"])
def test_an_approved_result_is_never_changed_or_deleted(world, role: str, edit: dict) -> None:
    """Changing an approved result's figures, or deleting it, is refused; it stays as approved."""
    result_id = approved_result(world, dossier_at(world, "forwarded"))
    _expect(update(world, ACTOR[role], "council_results", result_id, **edit), role, "result_approved")
    stored = world.current("council_results", result_id)
    assert (stored["final_stars"], stored["deleted"], stored["approved_at"]) == (4, False, APPROVED_AT)


@pytest.mark.parametrize("role", ROLES)
def test_an_approval_is_not_taken_over(world, role: str) -> None:
    """Re-approving an approved result in one's own name (a new time, a new approver) is refused: the
    approver stays the chair who approved it."""
    result_id = approved_result(world, dossier_at(world, "forwarded"))
    me = world.users[ACTOR[role]]
    result = update(world, ACTOR[role], "council_results", result_id, approved_at="2026-12-01T09:00:00+00:00",
                    approved_by=me)
    if role == "chair":  # the approver already: only the time is new
        assert refused_with(result, "rejected", "result_approved"), result.reason
    else:
        _expect(result, role, "result_approved")
    assert world.current("council_results", result_id)["approved_by"] == world.users["chair1"]


@pytest.mark.parametrize("role", ROLES)
def test_a_result_only_for_a_dossier_before_the_council(world, role: str) -> None:
    """A result of C1's session for D2 (C2's) or for a dossier before no council is refused
    dossier_not_assigned, approved or not."""
    for dossier in (world.ids["D2"], dossier_at(world, "forwarded")):
        fields = row(session_id=world.ids["E1"], dossier_id=dossier, n_sheets=1, member_totals_json="[]",
                     recommendation="recognise", final_stars=5)
        _expect(world.push_one(ACTOR[role], change("council_results", new_id(), fields)), role, "dossier_not_assigned")


def test_a_result_is_not_moved_to_another_councils_dossier(world) -> None:
    """chair1 re-pointing C1's unapproved result at C2's dossier is refused and the result keeps its dossier."""
    dossier = dossier_at(world, "forwarded")
    ok(world.push_one("admin", change("council_assignments", new_id(), row(council_id=world.ids["C1"],
                                                                             dossier_id=dossier))))
    result_id = new_id()
    ok(world.push_one("chair1", change("council_results", result_id, row(
        session_id=world.ids["E1"], dossier_id=dossier, n_sheets=0, member_totals_json="[]", recommendation="none"))))
    assert refused_with(update(world, "chair1", "council_results", result_id, dossier_id=world.ids["D2"]),
                        "rejected", "dossier_not_assigned")
    assert world.current("council_results", result_id)["dossier_id"] == dossier


def test_an_unapproved_result_is_still_the_councils_to_change(world) -> None:
    """Until approval the secretary may record new figures, and approving is itself accepted once."""
    dossier = dossier_at(world, "forwarded")
    ok(world.push_one("admin", change("council_assignments", new_id(), row(council_id=world.ids["C1"],
                                                                             dossier_id=dossier))))
    fresh = new_id()
    ok(world.push_one("secretary1", change("council_results", fresh, row(
        session_id=world.ids["E1"], dossier_id=dossier, n_sheets=0, member_totals_json="[]", recommendation="none"))))
    ok(update(world, "secretary1", "council_results", fresh, final_stars=3, n_sheets=3))
    ok(update(world, "secretary1", "council_results", fresh, approved_at=APPROVED_AT,
              approved_by=world.users["secretary1"]))
    assert refused_with(update(world, "secretary1", "council_results", fresh, final_stars=4), "rejected",
                        "result_approved")
