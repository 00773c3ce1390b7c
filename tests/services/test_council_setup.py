"""Setting a council up from accounts with its session, and changing or deleting it until its first sheet is in."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import (
    ChangeJournal,
    CouncilAssignment,
    CouncilMember,
    Dossier,
    EvaluationSession,
    ScoreLine,
    ScoreSheet,
    User,
)
from ocop_desktop.services import council_setup, sheets
from ocop_desktop.services.council_setup import CouncilDraft, Seat, Sitting
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.sheet_view import my_sheets
from tests.services.conftest import PROVINCE


@pytest.fixture
def people(session: Session) -> SimpleNamespace:
    """Four accounts: a chair, two members and a secretary."""
    users = {}
    for username, name, role in (("chutich", "Trần Văn Hùng", "chair"), ("thanhvien", "Lê Thị Hoa", "member"),
                                 ("thanhvien2", "Phạm Đức Minh", "member"), ("thuky", "Ngô Thị Lan", "secretary")):
        user = User(username=username, full_name=name, role=role)
        session.add(user)
        users[username] = user
    session.flush()
    return SimpleNamespace(**{name: user.id for name, user in users.items()})


def _draft(people: SimpleNamespace, criteria_set_id: str | None, *extra: Seat, name: str = "Hội đồng OCOP 2026",
           seats: tuple[Seat, ...] | None = None) -> CouncilDraft:
    chosen = seats if seats is not None else (
        Seat("chair", people.chutich, organisation="Sở Nông nghiệp và Môi trường"),
        Seat("member", people.thanhvien, organisation="Sở Công Thương"),
        Seat("secretary", people.thuky, scores=False), *extra)
    return CouncilDraft(name=name, admin_unit_code=PROVINCE, criteria_set_id=criteria_set_id,
                        decision_no="85/QĐ-UBND", seats=chosen)


def _members(session: Session, council_id: str) -> list[CouncilMember]:
    return list(session.scalars(select(CouncilMember).where(CouncilMember.council_id == council_id,
                                                            CouncilMember.deleted.is_(False))))


def _sessions(session: Session, council_id: str) -> list[EvaluationSession]:
    return list(session.scalars(select(EvaluationSession).where(EvaluationSession.council_id == council_id,
                                                                EvaluationSession.deleted.is_(False))))


def test_members_are_accounts_and_the_session_opens_with_the_council(session: Session, people, criteria_148) -> None:
    """Each seat is linked to its account and carries the account's name; the first session is round 1 on the
    council's criteria version, and the linked chair then finds the council's assigned dossier to score."""
    council_id = council_setup.create_council(session, draft=_draft(people, criteria_148), sitting=Sitting()).id
    members = {m.user_id: m for m in _members(session, council_id)}
    assert members[people.chutich].full_name == "Trần Văn Hùng" and members[people.chutich].role == "chair"
    assert members[people.thuky].scores is False
    [evaluation] = _sessions(session, council_id)
    assert (evaluation.round, evaluation.criteria_set_id, evaluation.status) == (1, criteria_148, "open")
    assert session.scalars(select(ChangeJournal.op).where(ChangeJournal.entity == "evaluation_sessions")).all() \
        == ["insert"]


def test_the_chair_sees_assigned_dossiers_only_once_a_session_is_open(session: Session, people, criteria_148,
                                                                      dossier_id: str) -> None:
    """Without a session the chair's Chấm điểm is empty; opening one lists the assigned dossier."""
    council_id = council_setup.create_council(session, draft=_draft(people, criteria_148)).id
    session.get(Dossier, dossier_id).status = "forwarded"  # as the commune's workflow leaves it
    session.add(CouncilAssignment(council_id=council_id, dossier_id=dossier_id))
    session.flush()
    assert my_sheets(session, people.chutich, is_admin=False) == ()
    council_setup.open_session(session, council_id=council_id)
    [row] = my_sheets(session, people.chutich, is_admin=False)
    assert (row.dossier_id, row.status, row.member_name) == (dossier_id, "not_started", "Trần Văn Hùng")


@pytest.mark.parametrize(("seats", "code"), [
    (lambda p: (Seat("member", p.thanhvien),), "one_chair_required"),
    (lambda p: (Seat("chair", p.chutich), Seat("chair", p.thanhvien)), "one_chair_required"),
    (lambda p: (Seat("chair", p.chutich), Seat("member", p.chutich)), "member_repeated"),
    (lambda p: (Seat("chair", "00000000-0000-4000-8000-00000000dead"),), "not_found"),
    (lambda p: (Seat("chair", None),), "required"),
    (lambda p: (Seat("boss", p.chutich),), "invalid_choice"),
])
def test_bad_seats_are_refused_and_leave_nothing(session: Session, people, criteria_148, seats, code: str) -> None:
    """One chair, one seat per account, a known account and a known role, or nothing is written."""
    with pytest.raises(ServiceError) as info:
        council_setup.create_council(session, draft=_draft(people, criteria_148, seats=seats(people)),
                                     sitting=Sitting())
    assert info.value.code == code
    session.rollback()
    assert session.scalars(select(CouncilMember)).all() == []


def test_a_session_needs_a_criteria_version(session: Session, people) -> None:
    """A council set up without a criteria version cannot open a session yet, and says why."""
    council_id = council_setup.create_council(session, draft=_draft(people, None)).id
    with pytest.raises(ServiceError) as info:
        council_setup.open_session(session, council_id=council_id)
    assert info.value.code == "council_without_criteria"


def test_a_later_session_is_the_next_round(session: Session, people, criteria_148) -> None:
    """Opening a second session numbers it round 2."""
    council_id = council_setup.create_council(session, draft=_draft(people, criteria_148), sitting=Sitting()).id
    council_setup.open_session(session, council_id=council_id)
    assert sorted(e.round for e in _sessions(session, council_id)) == [1, 2]


def _started_draft(session: Session, council_id: str, user_id: str, dossier_id: str) -> ScoreSheet:
    session.add(CouncilAssignment(council_id=council_id, dossier_id=dossier_id))
    session.flush()
    member = next(m for m in _members(session, council_id) if m.user_id == user_id)
    [evaluation] = _sessions(session, council_id)
    sheet_id = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member.id,
                                  evaluation_id=evaluation.id).id
    return session.get(ScoreSheet, sheet_id)


def test_editing_keeps_kept_seats_and_retires_removed_ones_with_their_drafts(
        session: Session, people, criteria_148, dossier_id: str, answer_sheet) -> None:
    """A kept seat keeps its row and its draft; a removed seat is tombstoned with its draft sheet and lines; a
    new account gets a new seat; the fields change."""
    council_id = council_setup.create_council(session, draft=_draft(people, criteria_148), sitting=Sitting()).id
    draft_sheet = _started_draft(session, council_id, people.thanhvien, dossier_id)
    answer_sheet(draft_sheet.id)
    detail = council_setup.council_detail(session, council_id)
    assert detail.draft_sheets == {draft_sheet.member_id: 1} and not detail.locked
    chair = next(s for s in detail.draft.seats if s.user_id == people.chutich)
    changed = _draft(people, criteria_148, name="Hội đồng OCOP 2026 (bổ sung)", seats=(
        Seat("chair", people.chutich, chair.member_id, "Văn phòng điều phối NTM"),
        Seat("member", people.thanhvien2)))
    council_setup.update_council(session, council_id=council_id, draft=changed)
    members = {m.user_id: m for m in _members(session, council_id)}
    assert set(members) == {people.chutich, people.thanhvien2}
    assert members[people.chutich].id == chair.member_id
    assert members[people.chutich].organisation == "Văn phòng điều phối NTM"
    assert session.get(ScoreSheet, draft_sheet.id).deleted
    assert all(line.deleted for line in session.scalars(select(ScoreLine).where(
        ScoreLine.sheet_id == draft_sheet.id)))
    assert council_setup.council_detail(session, council_id).draft.name == "Hội đồng OCOP 2026 (bổ sung)"


def test_an_empty_session_follows_a_new_criteria_version(session: Session, people, criteria_148,
                                                         sample_2019_bytes: bytes) -> None:
    """Changing the council's version moves a session nobody has started scoring in."""
    from ocop_desktop.services import criteria

    council_id = council_setup.create_council(session, draft=_draft(people, criteria_148), sitting=Sitting()).id
    other = criteria.import_criteria_set(session, sample_2019_bytes).id
    council_setup.update_council(session, council_id=council_id, draft=_draft(people, other, seats=tuple(
        council_setup.council_detail(session, council_id).draft.seats)))
    assert [e.criteria_set_id for e in _sessions(session, council_id)] == [other]


def test_a_council_with_a_submitted_sheet_cannot_change_or_go(session: Session, people, criteria_148,
                                                              dossier_id: str, answer_sheet) -> None:
    """Once one sheet is submitted, editing and deleting are refused with council_scored and the count."""
    council_id = council_setup.create_council(session, draft=_draft(people, criteria_148), sitting=Sitting()).id
    sheet = _started_draft(session, council_id, people.chutich, dossier_id)
    answer_sheet(sheet.id)
    sheets.submit_sheet(session, sheet_id=sheet.id)
    assert council_setup.council_detail(session, council_id).locked
    for attempt in (lambda: council_setup.update_council(session, council_id=council_id,
                                                         draft=_draft(people, criteria_148, name="Khác")),
                    lambda: council_setup.delete_council(session, council_id=council_id)):
        with pytest.raises(ServiceError) as info:
            attempt()
        assert (info.value.code, info.value.params) == ("council_scored", {"sheets": 1})
    assert council_setup.council_detail(session, council_id).draft.name == "Hội đồng OCOP 2026"


def test_deleting_tombstones_the_council_and_frees_its_dossiers(session: Session, people, criteria_148,
                                                                dossier_id: str) -> None:
    """Seats, sessions, draft sheets and assignments become tombstones, journaled as deletes."""
    council_id = council_setup.create_council(session, draft=_draft(people, criteria_148), sitting=Sitting()).id
    sheet = _started_draft(session, council_id, people.chutich, dossier_id)
    changes = council_setup.delete_council(session, council_id=council_id)
    assert changes.id == council_id and "council_assignments" in changes.entities
    assert _members(session, council_id) == [] and _sessions(session, council_id) == []
    assert session.get(ScoreSheet, sheet.id).deleted
    assert session.scalars(select(CouncilAssignment).where(CouncilAssignment.deleted.is_(False))).all() == []
    ops = session.scalars(select(ChangeJournal.op).where(ChangeJournal.entity == "councils",
                                                         ChangeJournal.entity_id == council_id)).all()
    assert ops == ["insert", "delete"]
