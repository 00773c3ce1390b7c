"""The laptop's dossier workflow (services.dossiers): the same moves refused to the same people as on the server."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rules_laptop import ELSEWHERE, approve, bring_to, move, person
from sqlalchemy.orm import Session

from ocop_core.rules.actor import ROLES
from ocop_desktop.db.models import Dossier
from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.errors import ServiceError

COMMUNE_MOVES = [("draft", "submitted"), ("submitted", "commune_checked"), ("submitted", "draft"),
                 ("commune_checked", "forwarded"), ("commune_checked", "draft")]
PROVINCE_MOVES = [("forwarded", "evaluated"), ("evaluated", "closed")]


def _refusal(session: Session, dossier_id: str, target: str, who: dict[str, str]) -> ServiceError | None:
    try:
        dossiers.change_dossier_status(session, dossier_id, target, **who)
    except ServiceError as error:
        return error
    return None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("move_", COMMUNE_MOVES + PROVINCE_MOVES, ids="->".join)
def test_role_move_matrix(session: Session, council: SimpleNamespace, dossier_id: str, role: str,
                          move_: tuple[str, str]) -> None:
    """The commune's moves are the officer's and the admin's, the province's the admin's; anyone else is refused
    "transition_not_for_role" and the dossier keeps its status."""
    current, target = move_
    bring_to(session, council, dossier_id, current, approved=target == "evaluated" or None)
    error = _refusal(session, dossier_id, target, person(session, role))
    allowed = role == "admin" or (role == "commune_officer" and move_ in COMMUNE_MOVES)
    assert (error.code if error else None) == (None if allowed else "transition_not_for_role")
    assert session.get(Dossier, dossier_id).status == (target if allowed else current)


def test_an_officer_cannot_take_another_communes_draft_to_closed(session: Session, council: SimpleNamespace,
                                                                  dossier_id: str) -> None:
    """The usability review's case: an officer of another commune is refused the very first move
    ("dossier_out_of_scope", naming the dossier's commune); the officer of its own commune may make it."""
    stranger = person(session, "commune_officer", ELSEWHERE)
    error = _refusal(session, dossier_id, "submitted", stranger)
    assert error is not None and (error.code, error.field, error.params) == (
        "dossier_out_of_scope", "status", {"commune": "18073"})
    assert dossiers.allowed_moves(session, dossier_id, **stranger) == ()
    assert _refusal(session, dossier_id, "submitted", person(session, "commune_officer")) is None


def test_an_officer_without_a_commune_on_this_laptop_moves_nothing(session: Session, dossier_id: str) -> None:
    """An officer whose account row has not reached this laptop serves no commune yet."""
    error = _refusal(session, dossier_id, "submitted", {"user_id": "not-here", "role": "commune_officer"})
    assert error is not None and error.code == "dossier_out_of_scope"


def test_evaluated_needs_the_councils_approved_result(session: Session, council: SimpleNamespace,
                                                      dossier_id: str) -> None:
    """Without an approved result the admin is refused "approved_result_required"; once the council has approved
    one, the move is made and the dossier carries the result's stars."""
    bring_to(session, council, dossier_id, "forwarded")
    admin, target = person(session, "admin"), "evaluated"
    assert _refusal(session, dossier_id, target, admin).code == "approved_result_required"
    assert session.get(Dossier, dossier_id).result_stars is None
    stars = approve(session, council, dossier_id)
    assert _refusal(session, dossier_id, target, admin) is None
    assert (session.get(Dossier, dossier_id).status, session.get(Dossier, dossier_id).result_stars) == (target, stars)


def test_a_draft_never_jumps_to_closed(session: Session, dossier_id: str) -> None:
    """One service call is one move: draft to closed is "transition_not_allowed" even for the admin."""
    error = _refusal(session, dossier_id, "closed", person(session, "admin"))
    assert error is not None and (error.code, error.params) == ("transition_not_allowed",
                                                                {"current": "draft", "target": "closed"})


@pytest.mark.parametrize(("role", "status", "approved", "expected"), [
    ("commune_officer", "draft", None, ("submitted",)),
    ("commune_officer", "submitted", None, ("commune_checked", "draft")),
    ("commune_officer", "forwarded", True, ()),
    ("admin", "forwarded", None, ()),
    ("admin", "forwarded", True, ("evaluated",)),
    ("admin", "evaluated", None, ("closed",)),
    ("chair", "forwarded", True, ()),
    ("viewer", "draft", None, ()),
])
def test_allowed_moves_are_the_ones_the_service_accepts(session: Session, council: SimpleNamespace,
                                                        dossier_id: str, role: str, status: str,
                                                        approved: bool | None, expected: tuple[str, ...]) -> None:
    """allowed_moves offers exactly the moves change_dossier_status then makes without refusing."""
    bring_to(session, council, dossier_id, status, approved=approved)
    who = person(session, role)
    offered = dossiers.allowed_moves(session, dossier_id, **who)
    assert offered == expected
    for target in offered:
        savepoint = session.begin_nested()
        assert _refusal(session, dossier_id, target, who) is None
        savepoint.rollback()


def test_a_dossier_of_an_officers_own_product_in_another_commune_is_still_theirs(session: Session,
                                                                                 producer_id: str) -> None:
    """The dossier's own commune decides (the commune that received it), as on the server."""
    product = registry.create_product(session, producer_id=producer_id, name="Mắm ruốc", subgroup_code="I.1.a",
                                      commune_code=ELSEWHERE).id
    dossier = dossiers.create_dossier(session, product_id=product).id
    assert _refusal(session, dossier, "submitted", person(session, "commune_officer", ELSEWHERE)) is None
    move(session, dossier, "commune_checked")
    assert session.get(Dossier, dossier).status == "commune_checked"
