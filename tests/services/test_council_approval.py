"""Approving a council result: stamped once, only when the council's rules are met."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import CouncilResult
from ocop_desktop.services import councils, sheets
from ocop_desktop.services.errors import ServiceError

# Every dossier here holds its required documents: only the sheets decide its stars.
pytestmark = pytest.mark.usefixtures("complete_dossier")

LOW_87 = {"A.1.1": "a", "A.1.2": "a", "B.1.3": "a"}  # 87 points against the all-best 100

APPROVER = "00000000-0000-4000-8000-0000000000c1"  # the user who approves


@pytest.fixture(autouse=True)
def _before_the_council(assigned: str) -> None:
    """Every dossier here is put before the council: a council records results only for its own dossiers."""


@pytest.fixture
def submit(session: Session, council: SimpleNamespace, dossier_id: str, answer_sheet):
    """Members (by position) submit all-best sheets, with overrides for some of them."""

    def run(positions: list[int], overrides: dict[int, dict] | None = None) -> None:
        for position in positions:
            sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[position],
                                       evaluation_id=council.evaluation_id).id
            answer_sheet(sheet, (overrides or {}).get(position))
            sheets.submit_sheet(session, sheet_id=sheet)

    return run


def _approve(session: Session, council: SimpleNamespace, dossier_id: str):
    return councils.approve_council_result(session, approved_by=APPROVER, evaluation_id=council.evaluation_id,
                                           dossier_id=dossier_id)


def test_approval_stamps_the_result(session: Session, council: SimpleNamespace, dossier_id: str, submit) -> None:
    """Five full sheets approve: the stored result gets approved_at and the change names it."""
    submit([0, 1, 2, 3, 4])
    changes = _approve(session, council, dossier_id)
    row = session.get(CouncilResult, changes.id)
    assert "council_results" in changes.entities
    assert row.approved_at is not None
    assert (row.mean_total, row.final_stars) == (Decimal("100.00"), 5)


def test_second_approval_is_refused(session: Session, council: SimpleNamespace, dossier_id: str, submit) -> None:
    """Approving an approved result raises "result_approved" and keeps the first stamp."""
    submit([0, 1, 2, 3, 4])
    first = session.get(CouncilResult, _approve(session, council, dossier_id).id).approved_at
    with pytest.raises(ServiceError) as info:
        _approve(session, council, dossier_id)
    assert info.value.code == "result_approved"
    assert session.scalars(select(CouncilResult.approved_at)).one() == first


def test_approval_by_result_id(session: Session, council: SimpleNamespace, dossier_id: str, submit) -> None:
    """A stored result can be approved by its id alone."""
    submit([0, 1, 2, 3, 4])
    changes, _ = councils.compute_council_result(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id)
    councils.approve_council_result(session, approved_by=APPROVER, result_id=changes.id)
    assert session.get(CouncilResult, changes.id).approved_at is not None


def test_spread_over_limit_cannot_be_approved(session: Session, council: SimpleNamespace, dossier_id: str,
                                              submit) -> None:
    """Totals 100 and 87 (spread 13 > 10) refuse approval with "result_not_approvable" naming "rescore"."""
    submit([0, 1, 2, 3, 4], overrides={4: LOW_87})
    with pytest.raises(ServiceError) as info:
        _approve(session, council, dossier_id)
    assert (info.value.code, info.value.params["flags"]) == ("result_not_approvable", ["rescore"])
    assert session.scalar(select(func.count()).where(CouncilResult.approved_at.is_not(None))) == 0


def test_missing_quorum_cannot_be_approved(session: Session, council: SimpleNamespace, dossier_id: str,
                                           submit) -> None:
    """Three sheets of five (under 3/4) refuse approval with "no_quorum"."""
    submit([0, 1, 2])
    with pytest.raises(ServiceError) as info:
        _approve(session, council, dossier_id)
    assert "no_quorum" in info.value.params["flags"]


def test_absent_chair_cannot_be_approved(session: Session, council: SimpleNamespace, dossier_id: str,
                                         submit) -> None:
    """Four sheets without the chair's refuse approval with "chair_absent"."""
    submit([1, 2, 3, 4])
    with pytest.raises(ServiceError) as info:
        _approve(session, council, dossier_id)
    assert info.value.params["flags"] == ["chair_absent"]


def test_result_without_sheets_cannot_be_approved(session: Session, council: SimpleNamespace,
                                                  dossier_id: str) -> None:
    """With no submitted sheet the result is incomplete and approval is refused."""
    with pytest.raises(ServiceError) as info:
        _approve(session, council, dossier_id)
    assert (info.value.code, info.value.params["recommendation"]) == ("result_not_approvable", "incomplete")


def test_approval_counts_a_sheet_submitted_after_the_last_computation(
        session: Session, council: SimpleNamespace, dossier_id: str, submit) -> None:
    """Approval recomputes: a fifth sheet submitted after a computation of four is in the approved result."""
    submit([0, 1, 2, 3])
    councils.compute_council_result(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id)
    submit([4], overrides={4: {"A.1.1": "a"}})
    row = session.get(CouncilResult, _approve(session, council, dossier_id).id)
    assert (row.n_sheets, row.mean_total) == (5, Decimal("99.00"))


def test_approved_result_is_not_recomputed(session: Session, council: SimpleNamespace, dossier_id: str,
                                           submit) -> None:
    """After approval, compute_council_result refuses with "result_approved"."""
    submit([0, 1, 2, 3, 4])
    _approve(session, council, dossier_id)
    with pytest.raises(ServiceError) as info:
        councils.compute_council_result(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id)
    assert info.value.code == "result_approved"


def test_approval_says_who_approved(session: Session, council: SimpleNamespace, dossier_id: str, submit) -> None:
    """The result keeps the approver's id beside the time; an approval without one is refused."""
    submit([0, 1, 2, 3, 4])
    with pytest.raises(ServiceError) as info:
        councils.approve_council_result(session, approved_by="  ", evaluation_id=council.evaluation_id,
                                        dossier_id=dossier_id)
    assert (info.value.code, info.value.field) == ("required", "approved_by")
    changes = _approve(session, council, dossier_id)
    row = session.get(CouncilResult, changes.id)
    assert row.approved_by == APPROVER and row.approved_at is not None


@pytest.mark.parametrize(("kwargs", "code"), [
    ({}, "required"), ({"evaluation_id": "x"}, "required"), ({"result_id": "nope"}, "not_found"),
    ({"evaluation_id": "00000000-0000-4000-8000-000000000000", "dossier_id": "d"}, "not_found"),
])
def test_bad_approval_input_is_refused(session: Session, kwargs: dict, code: str) -> None:
    """Approval needs a result id, or an evaluation and a dossier that exist."""
    with pytest.raises(ServiceError) as info:
        councils.approve_council_result(session, approved_by=APPROVER, **kwargs)
    assert info.value.code == code


def test_an_approval_in_conflict_is_resolved_whole(session: Session, council: SimpleNamespace, dossier_id: str,
                                                   submit) -> None:
    """The server found the approval time and the approver both in conflict: keeping the server's side of
    one keeps it for the other, so the result never shows one leader's time with another's name."""
    import json

    from ocop_desktop.db.models import Conflict
    from ocop_desktop.services import conflicts

    submit([0, 1, 2, 3, 4])
    result_id = _approve(session, council, dossier_id).id
    session.commit()
    session.info["journal"] = False  # the conflicts arrive by a pull, as the server's rows
    ids = {}
    for field, server in (("approved_at", "2026-11-27T08:00:00+00:00"), ("approved_by", "chair-user-id")):
        row = session.get(CouncilResult, result_id)
        conflict = Conflict(entity="council_results", entity_id=result_id, field=field,
                            server_value=json.dumps(server), device_value=json.dumps(str(getattr(row, field))),
                            device_id="other-laptop", server_version=9)
        session.add(conflict)
        session.flush()
        ids[field] = conflict.id
    session.commit()
    session.info["journal"] = True
    views = {v.field: v for v in conflicts.open_conflicts(session)}
    assert not views["approved_by"].typed_allowed and not views["approved_at"].typed_allowed
    changes = conflicts.resolve_conflict(session, conflict_id=ids["approved_at"], keep="server")
    session.commit()
    assert set(ids.values()) <= changes.ids
    assert {session.get(Conflict, i).status for i in ids.values()} == {"resolved"}
    assert session.get(CouncilResult, result_id).approved_by == "chair-user-id"
