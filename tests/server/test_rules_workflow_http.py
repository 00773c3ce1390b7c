"""The dossier workflow on the real server: each role against each move, scope, approval and stars, as pushes."""

from __future__ import annotations

import pytest
from rules_world import ELSEWHERE, STARS, approved_result, dossier_at, ok, refused_with, update
from server_world import ACTOR, ROLES, change, new_id, row

COMMUNE_MOVES = [("draft", "submitted"), ("submitted", "commune_checked"), ("submitted", "draft"),
                 ("commune_checked", "forwarded"), ("commune_checked", "draft")]
PROVINCE_MOVES = [("forwarded", "evaluated"), ("evaluated", "closed")]
# Only the admin and commune officers write dossiers at all; anyone else is refused before any rule.
WRITERS = {"admin", "commune_officer"}


def _expected(role: str, move: tuple[str, str]) -> tuple[str, str | None]:
    if role == "admin" or (role == "commune_officer" and move in COMMUNE_MOVES):
        return "applied", None
    if role == "commune_officer":
        return "forbidden", "transition_not_for_role"
    return "forbidden", "forbidden"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("move", COMMUNE_MOVES + PROVINCE_MOVES, ids="->".join)
def test_role_move_matrix(world, role: str, move: tuple[str, str]) -> None:
    """A move of officer1's commune's dossier is applied for the roles that may make it; refused otherwise,
    and the dossier keeps its status."""
    current, target = move
    dossier = dossier_at(world, current, approved=target == "evaluated" or None)
    extra = {"result_stars": STARS} if target == "evaluated" else {}
    result = update(world, ACTOR[role], "dossiers", dossier, status=target, **extra)
    status, code = _expected(role, move)
    assert result.status == status, result.reason
    if code:
        assert refused_with(result, status, code), result.reason
    assert world.current("dossiers", dossier)["status"] == (target if status == "applied" else current)


@pytest.mark.parametrize("move", COMMUNE_MOVES, ids="->".join)
def test_an_officer_cannot_move_another_communes_dossier(world, move: tuple[str, str]) -> None:
    """officer1 moving a dossier of officer2's commune is forbidden (the usability review's case)."""
    dossier = dossier_at(world, move[0], commune=ELSEWHERE)
    assert update(world, "officer1", "dossiers", dossier, status=move[1]).status == "forbidden"
    ok(update(world, "officer2", "dossiers", dossier, status=move[1]))


@pytest.mark.parametrize("role", sorted(WRITERS))
def test_a_draft_never_goes_straight_to_closed_with_five_stars(world, role: str) -> None:
    """draft -> closed with result_stars 5: the admin is told the council has approved nothing, the officer
    that the province's moves are not theirs; the dossier stays a starless draft."""
    dossier = dossier_at(world, "draft")
    result = update(world, ACTOR[role], "dossiers", dossier, status="closed", result_stars=5)
    code = "approved_result_required" if role == "admin" else "transition_not_for_role"
    assert refused_with(result, "rejected" if role == "admin" else "forbidden", code), result.reason
    stored = world.current("dossiers", dossier)
    assert (stored["status"], stored.get("result_stars")) == ("draft", None)


@pytest.mark.parametrize("role", sorted(WRITERS))
def test_a_new_dossier_cannot_be_born_decided(world, role: str) -> None:
    """Inserting a dossier already closed is refused like the moves it skips; one born forwarded is the
    commune's own chain of moves and is applied."""
    fields = row(product_id=world.ids["PR1"], code=f"HS-{new_id()[:8]}", commune_code="18073", status="closed")
    result = world.push_one(ACTOR[role], change("dossiers", new_id(), fields))
    code = "approved_result_required" if role == "admin" else "transition_not_for_role"
    assert refused_with(result, "rejected" if role == "admin" else "forbidden", code), result.reason
    born = world.push_one(ACTOR[role], change("dossiers", new_id(), {**fields, "status": "forwarded",
                                                                     "code": f"HS-{new_id()[:8]}"}))
    ok(born)


def test_evaluated_needs_the_councils_approved_result(world) -> None:
    """The admin moving a forwarded dossier without an approved result is rejected approved_result_required;
    once the council approves one, the same move is applied."""
    dossier = dossier_at(world, "forwarded")
    assert refused_with(update(world, "admin", "dossiers", dossier, status="evaluated"), "rejected",
                        "approved_result_required")
    approved_result(world, dossier)
    ok(update(world, "admin", "dossiers", dossier, status="evaluated", result_stars=STARS))


def test_an_unapproved_result_does_not_count(world) -> None:
    """A result the council has recorded but not approved does not let the dossier be evaluated."""
    dossier = dossier_at(world, "forwarded")
    ok(world.push_one("admin", change("council_assignments", new_id(), row(council_id=world.ids["C1"],
                                                                             dossier_id=dossier))))
    ok(world.push_one("chair1", change("council_results", new_id(), row(
        session_id=world.ids["E1"], dossier_id=dossier, n_sheets=3, member_totals_json="[]", recommendation="none",
        final_stars=4))))
    assert refused_with(update(world, "admin", "dossiers", dossier, status="evaluated"), "rejected",
                        "approved_result_required")


@pytest.mark.parametrize(("status", "stars"), [("forwarded", 4), ("evaluated", 5)])
def test_stars_are_only_the_approved_results(world, status: str, stars: int) -> None:
    """Stars typed on a dossier before its evaluation, or other than the approved result's, are rejected."""
    dossier = dossier_at(world, "forwarded", approved=True)
    result = update(world, "admin", "dossiers", dossier, status=status, result_stars=stars)
    assert refused_with(result, "rejected", "result_stars_mismatch"), result.reason
    assert world.current("dossiers", dossier)["status"] == "forwarded"


def test_jumps_are_checked_move_by_move(world) -> None:
    """Moves journaled as one change are accepted as the chain they make: officer1's draft to forwarded in one
    push is applied; the admin's forwarded to closed (with the approved result) too."""
    dossier = dossier_at(world, "draft")
    ok(update(world, "officer1", "dossiers", dossier, status="forwarded"))
    approved_result(world, dossier)
    ok(update(world, "admin", "dossiers", dossier, status="closed", result_stars=STARS))
