"""Setting a council up from user accounts, with its evaluation session, and changing or deleting it until it
has scored."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ocop_core.domain.text import collation_key
from ocop_core.rules.council_setup import check_council_setup
from ocop_desktop.db.models import (
    Council,
    CouncilAssignment,
    CouncilMember,
    CouncilResult,
    CriteriaSetVersion,
    EvaluationSession,
    ScoreLine,
    ScoreSheet,
    User,
)
from ocop_desktop.db.models.councils import MEMBER_ROLES
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError, check_choice, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import enforce


@dataclass(frozen=True, slots=True)
class Account:
    """A user account a council seat can be given to."""

    id: str
    username: str
    full_name: str
    role: str


@dataclass(frozen=True, slots=True)
class Seat:
    """One member as the form holds them: a new seat names an account (``user_id``); a seat already stored keeps
    its ``member_id`` (and may have no account, when it was set up before seats were linked to accounts)."""

    role: str
    user_id: str | None = None
    member_id: str | None = None
    organisation: str = ""
    scores: bool = True
    full_name: str = ""  # shown by the form; the stored name is the account's


@dataclass(frozen=True, slots=True)
class CouncilDraft:
    name: str
    admin_unit_code: str
    criteria_set_id: str | None = None
    decision_no: str = ""
    decision_date: date | None = None
    seats: tuple[Seat, ...] = ()


@dataclass(frozen=True, slots=True)
class Sitting:
    """An evaluation session to open: the day the council meets (None: not fixed yet)."""

    held_on: date | None = None


@dataclass(frozen=True, slots=True)
class CouncilDetail:
    """A council as its edit form starts from, and whether it may still change."""

    id: str
    draft: CouncilDraft
    submitted_sheets: int
    draft_sheets: dict[str, int]  # member id -> their sheets still being scored
    sessions: int

    @property
    def locked(self) -> bool:
        return check_council_setup(self.submitted_sheets) is not None


def member_accounts(session: Session) -> list[Account]:
    """Every live account on this laptop, in the one Vietnamese order of their names."""
    users = session.scalars(select(User).where(User.deleted.is_(False)))
    rows = [Account(u.id, u.username, u.full_name, u.role) for u in users]
    return sorted(rows, key=lambda a: (collation_key(a.full_name), a.username))


def _check_seats(seats: Sequence[Seat]) -> None:
    for seat in seats:
        check_choice(seat.role, "role", MEMBER_ROLES)
    chairs = sum(1 for s in seats if s.role == "chair")
    if chairs != 1:
        # The quorum rule needs the chair present, and the minutes name one chair who signs.
        raise ServiceError("one_chair_required", "seats", chairs=chairs)
    accounts = [s.user_id for s in seats if s.user_id]
    repeated = sorted({a for a in accounts if accounts.count(a) > 1})
    if repeated:
        raise ServiceError("member_repeated", "seats", user_id=repeated[0])


def _council_fields(session: Session, council: Council, draft: CouncilDraft) -> None:
    council.name = clean_text(draft.name, "name", 300)
    council.admin_unit_code = clean_text(draft.admin_unit_code, "admin_unit_code", 10)
    council.decision_no = clean_text(draft.decision_no, "decision_no", 64, required=False)
    council.decision_date = draft.decision_date
    council.criteria_set_id = (get_alive(session, CriteriaSetVersion, draft.criteria_set_id).id
                               if draft.criteria_set_id else None)


def _seat_member(session: Session, council_id: str, seat: Seat) -> CouncilMember:
    if not seat.user_id:
        raise ServiceError("required", "user_id")
    user = get_alive(session, User, seat.user_id)
    return CouncilMember(council_id=council_id, user_id=user.id, full_name=user.full_name, role=seat.role,
                         organisation=clean_text(seat.organisation, "organisation", 300, required=False),
                         scores=bool(seat.scores))


def create_council(session: Session, *, draft: CouncilDraft, sitting: Sitting | None = None) -> Changes:
    """The council, its members chosen from accounts and, when asked, its first evaluation session, as one
    intent: whatever is refused leaves nothing behind. ``Changes.id`` is the council's."""
    _check_seats(draft.seats)
    council = Council(rules_json=json.dumps({}))
    _council_fields(session, council, draft)
    session.add(council)
    session.flush()
    changes = Changes.of("councils", council.id)
    for seat in draft.seats:
        member = _seat_member(session, council.id, seat)
        session.add(member)
        session.flush()
        changes |= Changes.of("council_members", member.id)
    if sitting is not None:
        changes |= open_session(session, council_id=council.id, held_on=sitting.held_on)
    return Changes(changes.entities, changes.ids, council.id)


def open_session(session: Session, *, council_id: str, held_on: date | None = None,
                 criteria_set_id: str | None = None) -> Changes:
    """A new evaluation session of the council, on the council's criteria version unless another is given; the
    council's members then find its assigned dossiers in Chấm điểm. A later session is the next round."""
    council = get_alive(session, Council, council_id)
    version_id = criteria_set_id or council.criteria_set_id
    if not version_id:
        raise ServiceError("council_without_criteria", "criteria_set_id")
    version = get_alive(session, CriteriaSetVersion, version_id)
    last_round = session.scalar(select(func.max(EvaluationSession.round)).where(
        EvaluationSession.council_id == council.id, EvaluationSession.deleted.is_(False)))
    evaluation = EvaluationSession(council_id=council.id, criteria_set_id=version.id, held_on=held_on,
                                   round=(last_round or 0) + 1)
    session.add(evaluation)
    session.flush()
    return Changes.of("evaluation_sessions", evaluation.id)


def _sheets(session: Session, council_id: str) -> Select[ScoreSheet]:
    return (select(ScoreSheet).join(CouncilMember, CouncilMember.id == ScoreSheet.member_id)
            .where(CouncilMember.council_id == council_id, ScoreSheet.deleted.is_(False)))


def submitted_sheets(session: Session, council_id: str) -> int:
    """Sheets the council's members have submitted, superseded ones included: what locks the council."""
    return len(session.scalars(_sheets(session, council_id).where(ScoreSheet.status != "draft")).all())


def council_detail(session: Session, council_id: str) -> CouncilDetail:
    council = get_alive(session, Council, council_id)
    members = session.scalars(select(CouncilMember).where(
        CouncilMember.council_id == council.id, CouncilMember.deleted.is_(False))
        .order_by(CouncilMember.created_at, CouncilMember.id)).all()
    seats = tuple(Seat(m.role, m.user_id, m.id, m.organisation, m.scores, m.full_name) for m in members)
    drafts: dict[str, int] = {}
    for sheet in session.scalars(_sheets(session, council.id).where(ScoreSheet.status == "draft")):
        drafts[sheet.member_id] = drafts.get(sheet.member_id, 0) + 1
    sessions = session.scalar(select(func.count()).select_from(EvaluationSession).where(
        EvaluationSession.council_id == council.id, EvaluationSession.deleted.is_(False))) or 0
    draft = CouncilDraft(council.name, council.admin_unit_code, council.criteria_set_id, council.decision_no,
                         council.decision_date, seats)
    return CouncilDetail(council.id, draft, submitted_sheets(session, council.id), drafts, sessions)


def _discard_drafts(session: Session, sheets: Sequence[ScoreSheet]) -> Changes:
    """Tombstones sheets still being scored, and their lines: a removed seat's unfinished work goes with it."""
    changes = Changes()
    for sheet in sheets:
        for line in session.scalars(select(ScoreLine).where(ScoreLine.sheet_id == sheet.id,
                                                            ScoreLine.deleted.is_(False))):
            line.deleted = True
            changes |= Changes.of("score_lines", line.id)
        sheet.deleted = True
        changes |= Changes.of("score_sheets", sheet.id)
    return changes


def _retire_member(session: Session, member: CouncilMember) -> Changes:
    drafts = session.scalars(select(ScoreSheet).where(ScoreSheet.member_id == member.id,
                                                      ScoreSheet.deleted.is_(False))).all()
    member.deleted = True
    return _discard_drafts(session, drafts) | Changes.of("council_members", member.id)


def _follow_version(session: Session, council: Council) -> Changes:
    """Sessions without a single sheet take the council's new criteria version; a session with drafts keeps the
    version they were started on, or they could never be counted."""
    changes = Changes()
    if not council.criteria_set_id:
        return changes
    for evaluation in session.scalars(select(EvaluationSession).where(
            EvaluationSession.council_id == council.id, EvaluationSession.deleted.is_(False))):
        started = session.scalar(select(func.count()).select_from(ScoreSheet).where(
            ScoreSheet.session_id == evaluation.id, ScoreSheet.deleted.is_(False)))
        if not started and evaluation.criteria_set_id != council.criteria_set_id:
            evaluation.criteria_set_id = council.criteria_set_id
            changes |= Changes.of("evaluation_sessions", evaluation.id)
    return changes


def update_council(session: Session, *, council_id: str, draft: CouncilDraft) -> Changes:
    """The council's fields and seats as the form now holds them, refused once a sheet has been submitted. A
    kept seat keeps its row (and its draft sheets); a removed seat is tombstoned with its drafts."""
    council = get_alive(session, Council, council_id)
    enforce(check_council_setup(submitted_sheets(session, council.id)), "council_id")
    _check_seats(draft.seats)
    _council_fields(session, council, draft)
    changes = Changes.of("councils", council.id)
    current = {m.id: m for m in session.scalars(select(CouncilMember).where(
        CouncilMember.council_id == council.id, CouncilMember.deleted.is_(False)))}
    for seat in draft.seats:
        member = current.pop(seat.member_id, None) if seat.member_id else None
        if member is None:
            member = _seat_member(session, council.id, seat)
            session.add(member)
        else:
            member.role = seat.role
            member.organisation = clean_text(seat.organisation, "organisation", 300, required=False)
            member.scores = bool(seat.scores)
        session.flush()
        changes |= Changes.of("council_members", member.id)
    for member in current.values():
        changes |= _retire_member(session, member)
    session.flush()
    changes |= _follow_version(session, council)
    return Changes(changes.entities, changes.ids, council.id)


def delete_council(session: Session, *, council_id: str) -> Changes:
    """Tombstones the council with its seats, sessions, draft sheets, unapproved results and assignments (its
    dossiers wait for another council again); refused once a sheet has been submitted."""
    council = get_alive(session, Council, council_id)
    enforce(check_council_setup(submitted_sheets(session, council.id)), "council_id")
    changes = Changes()
    for member in session.scalars(select(CouncilMember).where(CouncilMember.council_id == council.id,
                                                              CouncilMember.deleted.is_(False))).all():
        changes |= _retire_member(session, member)
    evaluations = session.scalars(select(EvaluationSession).where(
        EvaluationSession.council_id == council.id, EvaluationSession.deleted.is_(False))).all()
    for evaluation in evaluations:
        for result in session.scalars(select(CouncilResult).where(CouncilResult.session_id == evaluation.id,
                                                                  CouncilResult.deleted.is_(False))):
            result.deleted = True
            changes |= Changes.of("council_results", result.id)
        evaluation.deleted = True
        changes |= Changes.of("evaluation_sessions", evaluation.id)
    for assignment in session.scalars(select(CouncilAssignment).where(
            CouncilAssignment.council_id == council.id, CouncilAssignment.deleted.is_(False))):
        assignment.deleted = True
        changes |= Changes.of("council_assignments", assignment.id, ("dossiers", assignment.dossier_id))
    council.deleted = True
    session.flush()
    changes |= Changes.of("councils", council.id)
    return Changes(changes.entities, changes.ids, council.id)
