"""The laptop's council results: an approved result is never recomputed, and a council records a result only for a
dossier put before it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rules_laptop import ADMIN, approve, bring_to
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import CouncilAssignment, CouncilResult, ScoreSheet
from ocop_desktop.services import assignments, councils, sheets
from ocop_desktop.services.errors import ServiceError


def _code(action) -> tuple[str, str]:
    with pytest.raises(ServiceError) as info:
        action()
    return info.value.code, info.value.field


def _results(session: Session) -> list[tuple]:
    return [tuple(r) for r in session.execute(select(CouncilResult.dossier_id, CouncilResult.final_stars,
                                                     CouncilResult.approved_at))]


def test_no_result_for_a_dossier_never_put_before_the_council(session: Session, council: SimpleNamespace,
                                                              dossier_id: str, answer_sheet) -> None:
    """Sheets in the council's session for an unassigned dossier give no result: computing or approving is
    refused "dossier_not_assigned" and no result row is written."""
    bring_to(session, council, dossier_id, "forwarded")
    for member in council.members:
        sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member,
                                   evaluation_id=council.evaluation_id).id
        answer_sheet(sheet)
        sheets.submit_sheet(session, sheet_id=sheet)
    for action in (lambda: councils.compute_council_result(session, evaluation_id=council.evaluation_id,
                                                           dossier_id=dossier_id),
                   lambda: councils.approve_council_result(session, approved_by=ADMIN,
                                                           evaluation_id=council.evaluation_id,
                                                           dossier_id=dossier_id)):
        assert _code(action) == ("dossier_not_assigned", "dossier_id")
    assert _results(session) == []


def test_a_dossier_of_another_council_gets_no_result_here(session: Session, council: SimpleNamespace,
                                                          dossier_id: str) -> None:
    """A dossier assigned to another council is refused in this council's session."""
    bring_to(session, council, dossier_id, "forwarded")
    other = councils.create_council(session, name="Hội đồng phúc khảo", admin_unit_code="42").id
    assignments.assign_dossier(session, council_id=other, dossier_id=dossier_id)
    assert _code(lambda: councils.compute_council_result(session, evaluation_id=council.evaluation_id,
                                                         dossier_id=dossier_id)) == ("dossier_not_assigned",
                                                                                     "dossier_id")


def test_an_approved_result_is_never_recomputed(session: Session, council: SimpleNamespace, dossier_id: str) -> None:
    """After approval, a rescore's sheet changes nothing: computing and approving again are refused
    "result_approved" and the approved figures stay."""
    bring_to(session, council, dossier_id, "forwarded")
    approve(session, council, dossier_id)
    approved = _results(session)
    first = session.scalar(select(ScoreSheet.id).where(ScoreSheet.member_id == council.members[0]))
    rescore = sheets.rescore_sheet(session, sheet_id=first).id
    sheets.record_answer(session, sheet_id=rescore, criterion="A.1.1", option="a")
    sheets.submit_sheet(session, sheet_id=rescore)
    for action in (lambda: councils.compute_council_result(session, evaluation_id=council.evaluation_id,
                                                           dossier_id=dossier_id),
                   lambda: councils.approve_council_result(session, approved_by=ADMIN,
                                                           evaluation_id=council.evaluation_id,
                                                           dossier_id=dossier_id)):
        assert _code(action) == ("result_approved", "council_result")
    assert _results(session) == approved


def test_an_unassigned_dossier_keeps_its_approved_result_locked_first(session: Session, council: SimpleNamespace,
                                                                      dossier_id: str) -> None:
    """An approved result whose assignment was later removed still answers "result_approved": the lock is told
    before anything else."""
    bring_to(session, council, dossier_id, "forwarded")
    approve(session, council, dossier_id)
    for assignment in session.scalars(select(CouncilAssignment)):
        assignment.deleted = True
    assert _code(lambda: councils.compute_council_result(session, evaluation_id=council.evaluation_id,
                                                         dossier_id=dossier_id))[0] == "result_approved"
