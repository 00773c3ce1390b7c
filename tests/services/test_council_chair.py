"""A chair who does not score (issue 10, item 5.5): present by approving or by being recorded present, so the
council can approve (docs/domain-decisions.md D5)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy.orm import Session

from ocop_desktop.db.models import CouncilMember, CouncilResult, User
from ocop_desktop.services import councils, sheets
from ocop_desktop.services.errors import ServiceError

SECRETARY = "00000000-0000-4000-8000-0000000000c2"


@pytest.fixture
def chair_user(session: Session, council: SimpleNamespace, assigned: str) -> str:
    """The council's chair (member 0) presides without scoring and has a user account."""
    user = User(username="chutich", full_name="Chủ tịch hội đồng", role="member")
    session.add(user)
    session.flush()
    chair = session.get(CouncilMember, council.members[0])
    assert chair is not None and chair.role == "chair"
    chair.scores = False
    chair.user_id = user.id
    session.flush()
    return user.id


@pytest.fixture
def four_sheets(session: Session, council: SimpleNamespace, dossier_id: str, answer_sheet, chair_user: str) -> None:
    """The four scoring members submit all-best sheets."""
    for position in (1, 2, 3, 4):
        sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[position],
                                   evaluation_id=council.evaluation_id).id
        answer_sheet(sheet)
        sheets.submit_sheet(session, sheet_id=sheet)


def test_non_scoring_chair_approves(session: Session, council: SimpleNamespace, dossier_id: str, chair_user: str,
                                    four_sheets: None) -> None:
    """All four scorers in, the chair approving: quorum 4/4, chair present, approved."""
    changes = councils.approve_council_result(session, approved_by=chair_user, evaluation_id=council.evaluation_id,
                                              dossier_id=dossier_id)
    row = session.get(CouncilResult, changes.id)
    assert row is not None and row.approved_at is not None and row.flags_json == "[]"


def test_secretary_approves_with_the_chair_recorded_present(session: Session, council: SimpleNamespace,
                                                            dossier_id: str, four_sheets: None) -> None:
    """Another user approves only once the chair's presence is recorded."""
    with pytest.raises(ServiceError) as info:
        councils.approve_council_result(session, approved_by=SECRETARY, evaluation_id=council.evaluation_id,
                                        dossier_id=dossier_id)
    assert info.value.params["flags"] == ["chair_absent"]
    changes = councils.approve_council_result(session, approved_by=SECRETARY, evaluation_id=council.evaluation_id,
                                              dossier_id=dossier_id, chair_present=True)
    row = session.get(CouncilResult, changes.id)
    assert row is not None and row.approved_at is not None


def test_non_scoring_chair_is_not_counted_in_the_quorum(session: Session, council: SimpleNamespace,
                                                        dossier_id: str, four_sheets: None) -> None:
    """The quorum counts the four scorers only: 4 of 4."""
    assessment = councils.assess_dossier(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id,
                                         chair_present=True)
    assert (assessment.attendance.members, assessment.attendance.present) == (4, 4)
    assert assessment.outcome.can_approve
