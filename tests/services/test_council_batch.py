"""Approving several results in one action: each by the single-approval rule; a refusal stops nothing else."""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import CouncilAssignment, CouncilResult
from ocop_desktop.services import dossiers, sheets
from ocop_desktop.services.council_batch import approve_results

APPROVER = "00000000-0000-4000-8000-0000000000c1"


def _dossier(session: Session, product_id: str, council: SimpleNamespace, scorers: list[int], answer_sheet,
             low: dict[str, str] | None = None) -> str:
    """A dossier before the council, with full sheets from the members at ``scorers`` (the second one scoring
    lower where ``low`` says)."""
    dossier_id = dossiers.create_dossier(session, product_id=product_id).id
    session.flush()
    session.add(CouncilAssignment(council_id=council.id, dossier_id=dossier_id))
    session.flush()
    for position in scorers:
        sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[position],
                                   evaluation_id=council.evaluation_id).id
        answer_sheet(sheet, low if position == 1 else None)
        sheets.submit_sheet(session, sheet_id=sheet)
    return dossier_id


def _approved(session: Session, dossier_id: str) -> bool:
    return session.scalar(select(CouncilResult.approved_at).where(CouncilResult.dossier_id == dossier_id)) is not None


def test_each_dossier_is_approved_or_refused_with_its_reason(session: Session, council: SimpleNamespace,
                                                             product_id: str, answer_sheet) -> None:
    """Of four dossiers, the complete one is approved; one with 1 of 5 sheets, one over the spread limit and
    one already approved are refused with the single approval's codes, and leave no new result row."""
    ready = _dossier(session, product_id, council, [0, 1, 2, 3, 4], answer_sheet)
    lonely = _dossier(session, product_id, council, [0], answer_sheet)
    spread = _dossier(session, product_id, council, [0, 1, 2, 3, 4], answer_sheet,
                      low={"A.1.1": "a", "A.1.2": "a", "B.1.3": "a", "C.1.1": "a"})
    done = _dossier(session, product_id, council, [0, 1, 2, 3, 4], answer_sheet)
    approve_results(session, approved_by=APPROVER, evaluation_id=council.evaluation_id, dossier_ids=[done])
    outcome = approve_results(session, approved_by=APPROVER, evaluation_id=council.evaluation_id,
                              dossier_ids=[ready, lonely, spread, done])
    assert outcome.approved == (ready,) and "council_results" in outcome.entities
    refused = {d: (e.code, e.params.get("flags")) for d, e in outcome.refused}
    assert refused[lonely] == ("result_not_approvable", ["no_quorum"])
    assert refused[spread] == ("result_not_approvable", ["rescore"])
    assert refused[done][0] == "result_approved"
    assert _approved(session, ready) and not _approved(session, lonely)
    assert session.scalars(select(CouncilResult).where(CouncilResult.dossier_id.in_([lonely, spread]))).all() == []
