"""The dossier workflow by role (ocop_core.rules.workflow): who may move which dossier where, and what it needs."""

from __future__ import annotations

import pytest

from ocop_core.domain.dossier_status import STATUSES, TRANSITIONS
from ocop_core.rules.actor import ROLES, Actor
from ocop_core.rules.workflow import (
    MOVERS,
    allowed_transitions,
    check_dossier_fields,
    check_move,
    check_result_stars,
    check_status_change,
)

HOME, ELSEWHERE = "18073", "18652"
COMMUNE_MOVES = [("draft", "submitted"), ("submitted", "commune_checked"), ("submitted", "draft"),
                 ("commune_checked", "forwarded"), ("commune_checked", "draft")]
PROVINCE_MOVES = [("forwarded", "evaluated"), ("evaluated", "closed")]


def actor(role: str, *communes: str) -> Actor:
    return Actor(f"user-{role}", role, frozenset(communes))


def _code(role: str, current: str, target: str, commune: str = HOME, approved: int | None = 4) -> str | None:
    refusal = check_move(actor(role, HOME), current, target, commune_code=commune, approved_stars=approved)
    return refusal.code if refusal else None


def test_every_workflow_move_names_who_may_make_it() -> None:
    """MOVERS covers exactly the moves of dossier_status.TRANSITIONS, each with at least one role."""
    moves = {(current, target) for current, targets in TRANSITIONS.items() for target in targets}
    assert set(MOVERS) == moves and all(MOVERS.values())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("move", COMMUNE_MOVES + PROVINCE_MOVES, ids="->".join)
def test_role_move_matrix(role: str, move: tuple[str, str]) -> None:
    """The commune's moves are the officer's and the admin's; the moves after the council's decision the admin's
    alone; a council member or a viewer moves nothing."""
    allowed = role == "admin" or (role == "commune_officer" and move in COMMUNE_MOVES)
    assert _code(role, *move) == (None if allowed else "transition_not_for_role")


@pytest.mark.parametrize("move", COMMUNE_MOVES, ids="->".join)
def test_an_officer_moves_only_dossiers_of_their_communes(move: tuple[str, str]) -> None:
    """Another commune's dossier is out of scope, and the refusal says it is about who asks."""
    refusal = check_move(actor("commune_officer", HOME), *move, commune_code=ELSEWHERE, approved_stars=None)
    assert refusal is not None and (refusal.code, refusal.forbidden) == ("dossier_out_of_scope", True)
    assert refusal.params == {"commune": ELSEWHERE}
    assert check_move(actor("admin"), *move, commune_code=ELSEWHERE, approved_stars=None) is None


@pytest.mark.parametrize("move", PROVINCE_MOVES, ids="->".join)
def test_evaluated_and_closed_need_the_councils_approved_result(move: tuple[str, str]) -> None:
    """Without an approved result the admin is refused "approved_result_required", a rule, not a role."""
    refusal = check_move(actor("admin"), *move, commune_code=HOME, approved_stars=None)
    assert refusal is not None and (refusal.code, refusal.forbidden) == ("approved_result_required", False)


@pytest.mark.parametrize(("current", "target"), [("draft", "closed"), ("draft", "evaluated"), ("evaluated", "draft"),
                                                 ("closed", "draft"), ("forwarded", "draft"), ("draft", "draft"),
                                                 ("draft", "archived")])
def test_a_move_outside_the_workflow_is_refused_for_everyone(current: str, target: str) -> None:
    """Even the admin gets "transition_not_allowed", with the two statuses as parameters."""
    refusal = check_move(actor("admin"), current, target, commune_code=HOME, approved_stars=5)
    assert refusal is not None and refusal.code == "transition_not_allowed"
    assert refusal.params == {"current": current, "target": target}


@pytest.mark.parametrize(("role", "status", "commune", "approved", "expected"), [
    ("commune_officer", "draft", HOME, None, ("submitted",)),
    ("commune_officer", "submitted", HOME, None, ("commune_checked", "draft")),
    ("commune_officer", "submitted", ELSEWHERE, None, ()),
    ("commune_officer", "forwarded", HOME, 4, ()),
    ("admin", "forwarded", HOME, None, ()),
    ("admin", "forwarded", HOME, 4, ("evaluated",)),
    ("admin", "evaluated", ELSEWHERE, 4, ("closed",)),
    ("chair", "forwarded", HOME, 4, ()),
    ("viewer", "draft", HOME, None, ()),
    ("admin", "closed", HOME, 4, ()),
])
def test_allowed_transitions_offers_only_what_would_be_accepted(role: str, status: str, commune: str,
                                                                approved: int | None,
                                                                expected: tuple[str, ...]) -> None:
    """The moves offered are those check_move accepts, in the workflow's order."""
    offered = allowed_transitions(actor(role, HOME), status, commune_code=commune, approved_stars=approved)
    assert offered == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", STATUSES)
def test_allowed_transitions_agrees_with_check_move(role: str, status: str) -> None:
    """For every role and status, a move is offered exactly when check_move would accept it."""
    offered = set(allowed_transitions(actor(role, HOME), status, commune_code=HOME, approved_stars=3))
    accepted = {t for t in STATUSES if check_move(actor(role, HOME), status, t, commune_code=HOME,
                                                  approved_stars=3) is None}
    assert offered == accepted


@pytest.mark.parametrize(("before", "after", "role", "approved", "expected"), [
    (None, "draft", "commune_officer", None, None),
    (None, "forwarded", "commune_officer", None, None),
    (None, "submitted", "viewer", None, "transition_not_for_role"),
    (None, "closed", "admin", None, "approved_result_required"),
    ("draft", "closed", "admin", None, "approved_result_required"),
    ("draft", "forwarded", "commune_officer", None, None),
    ("forwarded", "closed", "admin", 4, None),
    ("forwarded", "closed", "commune_officer", 4, "transition_not_for_role"),
    ("commune_checked", "submitted", "commune_officer", None, None),
    ("evaluated", "draft", "admin", 4, "transition_not_allowed"),
    ("closed", "forwarded", "admin", 4, "transition_not_allowed"),
    ("evaluated", "evaluated", "viewer", None, None),
])
def test_a_jump_is_accepted_only_as_a_chain_of_allowed_moves(before: str | None, after: str, role: str,
                                                              approved: int | None, expected: str | None) -> None:
    """Several moves journaled as one change (or a new row born past draft) are checked move by move."""
    refusal = check_status_change(actor(role, HOME), before, after, commune_code=HOME, approved_stars=approved)
    assert (refusal.code if refusal else None) == expected


@pytest.mark.parametrize(("status", "changed", "expected"), [
    ("evaluated", {"notes"}, "dossier_locked"),
    ("closed", {"deleted"}, "dossier_locked"),
    ("evaluated", {"result_stars", "status"}, "dossier_locked"),
    ("evaluated", {"status", "updated_at"}, None),
    ("forwarded", {"notes", "result_stars", "status"}, None),
    (None, {"notes"}, None),
])
def test_an_evaluated_dossier_changes_only_by_its_next_move(status: str | None, changed: set[str],
                                                            expected: str | None) -> None:
    """Once evaluated, any field but the status (and its time stamp) is locked, deletion included."""
    refusal = check_dossier_fields(status, changed)
    assert (refusal.code if refusal else None) == expected
    if refusal:
        assert refusal.params == {"status": status}


@pytest.mark.parametrize(("status", "stars", "approved", "ok"), [
    ("evaluated", 4, 4, True), ("evaluated", 5, 4, False), ("closed", 3, 3, True), ("draft", 5, None, False),
    ("forwarded", 4, 4, False), ("draft", None, None, True), ("evaluated", None, 4, True),
])
def test_a_dossiers_stars_are_its_approved_results(status: str, stars: int | None, approved: int | None,
                                                   ok: bool) -> None:
    """Stars on a dossier are refused unless it is evaluated or closed and they are the approved result's."""
    refusal = check_result_stars(status, stars, approved)
    assert (refusal is None) == ok
    if refusal:
        assert (refusal.code, refusal.params) == ("result_stars_mismatch", {"stars": stars, "expected": approved
                                                                            if status in ("evaluated", "closed")
                                                                            else None})
