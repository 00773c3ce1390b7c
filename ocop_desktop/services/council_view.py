"""Read model of one evaluation session: dossiers × members' totals with the council's outcome."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.council import Recommendation, official_recommendation
from ocop_core.domain.criteria import ProductSet
from ocop_core.domain.documents import DocumentFailure, read_failure_code
from ocop_desktop.db.models import (
    Council,
    CouncilAssignment,
    CouncilMember,
    CouncilResult,
    CriteriaSetVersion,
    Dossier,
    EvaluationSession,
    Producer,
    Product,
    ScoreSheet,
    User,
)
from ocop_desktop.services.councils import Assessment, assess_dossier, council_rules, stored_result
from ocop_desktop.services.criteria import load_criteria_set
from ocop_desktop.services.lookup import get_alive

APPROVED = "approved"  # a blocker code beside the outcome's flags: an approved result is final


@dataclass(frozen=True, slots=True)
class EvaluationChoice:
    id: str
    council_name: str
    held_on: date | None
    round: int
    dossiers: int


@dataclass(frozen=True, slots=True)
class MemberInfo:
    id: str
    full_name: str
    role: str
    organisation: str
    scores: bool


@dataclass(frozen=True, slots=True)
class MemberCell:
    member_id: str
    sheet_id: str | None
    status: str | None  # "submitted", "draft", or None when the member has not started
    total: Decimal | None
    stars: int | None

    @property
    def submitted(self) -> bool:
        return self.status == "submitted"


@dataclass(frozen=True, slots=True)
class Failure:
    criterion: str
    name: str


@dataclass(frozen=True, slots=True)
class DossierRow:
    dossier_id: str
    code: str
    product: str
    producer: str
    cells: tuple[MemberCell, ...]  # in the order of CouncilView.scorers
    mean: Decimal | None
    spread: Decimal | None
    spread_exceeded: bool
    quorum_met: bool
    present: int
    flags: tuple[str, ...]
    failures: tuple[Failure, ...]
    band_stars: int
    final_stars: int
    recommendation: str
    approved_at: datetime | None
    result_id: str | None
    approved_by: str = ""  # the approver's name, when the result is approved and the name is known here
    # Required documents missing or expired on the evaluation day: they cap final_stars (D7).
    documents: tuple[DocumentFailure, ...] = ()

    @property
    def approved(self) -> bool:
        return self.approved_at is not None

    @property
    def blockers(self) -> tuple[str, ...]:
        """Why the result cannot be approved now (codes); empty when it can."""
        found = [APPROVED] if self.approved else []
        found += self.flags
        if self.recommendation == Recommendation.INCOMPLETE:
            found.append(str(Recommendation.INCOMPLETE))
        return tuple(found)

    @property
    def official(self) -> Recommendation:
        """What the table, the minutes and the workbook recommend: "not ready" until the result can be approved."""
        return official_recommendation(self.recommendation, self.flags)

    @property
    def can_approve(self) -> bool:
        return not self.approved and self.official is not Recommendation.NOT_READY


@dataclass(frozen=True, slots=True)
class CouncilView:
    evaluation_id: str
    council_name: str
    decision_no: str
    decision_date: date | None
    held_on: date | None
    round: int
    criteria_title: str
    spread_limit: Decimal | None
    quorum_fraction: Decimal
    chair_required: bool
    members: tuple[MemberInfo, ...]
    rows: tuple[DossierRow, ...]
    chair_present: bool = False  # recorded by the secretary for a chair who does not score (D5)
    chair_recorded: bool = False  # ... or by an approval already made in this session

    @property
    def silent_chair(self) -> bool:
        """The council's chair presides without scoring: no sheet shows the chair present, a person must say so."""
        return any(m.role == "chair" and not m.scores for m in self.members)

    @property
    def scorers(self) -> tuple[MemberInfo, ...]:
        return tuple(m for m in self.members if m.scores)

    def row(self, dossier_id: str) -> DossierRow | None:
        return next((r for r in self.rows if r.dossier_id == dossier_id), None)


def list_evaluations(session: Session) -> list[EvaluationChoice]:
    """Every live session, the latest first, with how many dossiers it holds: scored in it, or before its
    council and not scored yet."""
    rows = session.execute(
        select(EvaluationSession, Council.name).join(Council, Council.id == EvaluationSession.council_id)
        .where(EvaluationSession.deleted.is_(False), Council.deleted.is_(False))).all()
    choices = [EvaluationChoice(e.id, name, e.held_on, e.round, len(_dossier_ids(session, e.id, e.council_id)))
               for e, name in rows]
    return sorted(choices, key=lambda c: (c.held_on or date.min, c.round), reverse=True)


def _dossier_ids(session: Session, evaluation_id: str, council_id: str) -> list[str]:
    """The dossiers with sheets or a result in the session, and those put before its council: a council's
    assigned dossiers show before the first sheet comes in."""
    with_sheets = select(ScoreSheet.dossier_id).where(ScoreSheet.session_id == evaluation_id,
                                                      ScoreSheet.deleted.is_(False))
    with_results = select(CouncilResult.dossier_id).where(CouncilResult.session_id == evaluation_id,
                                                          CouncilResult.deleted.is_(False))
    # Only those still waiting for the council's decision: a decided one belongs to the session that decided it.
    assigned = (select(CouncilAssignment.dossier_id).join(Dossier, Dossier.id == CouncilAssignment.dossier_id)
                .where(CouncilAssignment.council_id == council_id, CouncilAssignment.deleted.is_(False),
                       Dossier.status == "forwarded", Dossier.deleted.is_(False)))
    ids = set(session.scalars(with_sheets)) | set(session.scalars(with_results)) | set(session.scalars(assigned))
    return list(ids)


def _cells(session: Session, evaluation_id: str, dossier_id: str, scorers: tuple[MemberInfo, ...],
           assessment: Assessment) -> tuple[MemberCell, ...]:
    counted = {m.member_id: m for m in assessment.members}
    drafts = {s.member_id: s for s in session.scalars(select(ScoreSheet).where(
        ScoreSheet.session_id == evaluation_id, ScoreSheet.dossier_id == dossier_id,
        ScoreSheet.status == "draft", ScoreSheet.deleted.is_(False)))}
    cells = []
    for member in scorers:
        if member.id in counted:
            m = counted[member.id]
            cells.append(MemberCell(member.id, m.sheet_id, "submitted", m.total, m.stars))
        elif member.id in drafts:
            d = drafts[member.id]
            cells.append(MemberCell(member.id, d.id, "draft", d.total, d.stars))
        else:
            cells.append(MemberCell(member.id, None, None, None, None))
    return tuple(cells)


def _failures(codes: list[str], product_set: ProductSet | None) -> tuple[Failure, ...]:
    """The failed criteria of a stored list, which also names the failed documents (read by _documents)."""
    def name(code: str) -> str:
        criterion = product_set.criterion(code) if product_set else None
        return criterion.name if criterion else ""
    return tuple(Failure(code, name(code)) for code in codes if read_failure_code(code) is None)


def _documents(codes: list[str]) -> tuple[DocumentFailure, ...]:
    return tuple(f for f in map(read_failure_code, codes) if f is not None)


def _row(session: Session, evaluation_id: str, dossier_id: str, scorers: tuple[MemberInfo, ...],
         people: dict[str, str], chair_present: bool) -> DossierRow:
    dossier = get_alive(session, Dossier, dossier_id)
    product = session.get(Product, dossier.product_id)
    producer = session.get(Producer, product.producer_id) if product else None
    assessment = assess_dossier(session, evaluation_id=evaluation_id, dossier_id=dossier_id,
                                chair_present=chair_present)
    cells = _cells(session, evaluation_id, dossier_id, scorers, assessment)
    names = (dossier.code, product.name if product else "", producer.name if producer else "")
    stored = stored_result(session, evaluation_id, dossier_id)
    if stored is not None and stored.approved_at is not None:
        # An approved result is final: show what was approved, not a recomputation.
        codes = json.loads(stored.failures_json)
        return DossierRow(dossier.id, *names, cells, stored.mean_total, stored.spread, stored.spread_exceeded,
                          stored.quorum_met, stored.n_sheets, tuple(json.loads(stored.flags_json)),
                          _failures(codes, assessment.product_set), stored.band_stars,
                          stored.final_stars, stored.recommendation, stored.approved_at, stored.id,
                          people.get(stored.approved_by or "", ""), _documents(codes))
    o = assessment.outcome
    return DossierRow(dossier.id, *names, cells, o.mean, o.spread, o.spread_exceeded, o.quorum_met,
                      assessment.attendance.present, tuple(str(f) for f in o.flags),
                      _failures([f.criterion for f in o.mandatory_failures], assessment.product_set),
                      o.band_stars, o.final_stars, str(o.recommendation), None, stored.id if stored else None,
                      documents=o.document_failures)


def _chair_recorded(session: Session, evaluation_id: str) -> bool:
    """A result of the session is approved: with the chair required, that approval found the chair present (a
    flag would have refused it), and the chair presides over the whole session."""
    return session.scalar(select(CouncilResult.id).where(
        CouncilResult.session_id == evaluation_id, CouncilResult.approved_at.is_not(None),
        CouncilResult.deleted.is_(False)).limit(1)) is not None


def load_council_view(session: Session, *, evaluation_id: str, chair_present: bool = False) -> CouncilView:
    """The whole session as the secretary sees it; computed live, nothing is written. ``chair_present``: the
    secretary records that a chair who does not score presides (D5), as approve_council_result takes it; once a
    result of the session is approved the chair counts as present (``chair_recorded``)."""
    evaluation = get_alive(session, EvaluationSession, evaluation_id)
    council = get_alive(session, Council, evaluation.council_id)
    version = get_alive(session, CriteriaSetVersion, evaluation.criteria_set_id)
    seated = session.scalars(
        select(CouncilMember).where(CouncilMember.council_id == council.id, CouncilMember.deleted.is_(False))
        .order_by(CouncilMember.created_at, CouncilMember.id)).all()
    members = tuple(MemberInfo(m.id, m.full_name, m.role, m.organisation, m.scores) for m in seated)
    scorers = tuple(m for m in members if m.scores)
    # Who may have approved: the council's own people, and the users this laptop knows (an admin).
    people = {u.id: u.full_name for u in session.scalars(select(User).where(User.deleted.is_(False)))}
    people |= {m.user_id: m.full_name for m in seated if m.user_id}
    rules = council_rules(load_criteria_set(session, version.id).aggregation, council)
    # Only for a chair who does not score: a scoring chair's presence is read from each dossier's sheets, as before.
    silent = any(m.role == "chair" and not m.scores for m in members)
    recorded = silent and rules.chair_required and _chair_recorded(session, evaluation.id)
    present = chair_present or recorded
    ids = _dossier_ids(session, evaluation.id, council.id)
    rows = sorted((_row(session, evaluation.id, d, scorers, people, present) for d in ids), key=lambda r: r.code)
    return CouncilView(evaluation.id, council.name, council.decision_no, council.decision_date, evaluation.held_on,
                       evaluation.round, version.title, rules.max_member_spread, rules.quorum_fraction,
                       rules.chair_required, members, tuple(rows), present, recorded)
