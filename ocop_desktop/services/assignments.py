"""Putting dossiers before a council and taking them off again, and the lists the admin works from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Row, Select, Subquery, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ocop_desktop.db.models import (
    AdminUnit,
    Council,
    CouncilAssignment,
    CouncilMember,
    CriteriaSetVersion,
    Dossier,
    EvaluationSession,
    Producer,
    Product,
    ScoreSheet,
)
from ocop_desktop.db.search import search_ids
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.lookup import get_alive

# Only a dossier the commune has forwarded is the province's to score; earlier ones are still being
# checked, later ones already have a council result (a rescore is a new round, not a new assignment).
ASSIGNABLE_STATUSES = ("forwarded",)
# Once the council has scored, taking the dossier away would hide submitted sheets from their members.
SCORED_STATUSES = ("evaluated", "closed")
LIST_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class CouncilRow:
    id: str
    name: str
    admin_unit_code: str
    admin_unit_name: str
    decision_no: str
    decision_date: date | None
    criteria_set_id: str | None
    criteria_set_code: str
    members: int
    assigned: int


@dataclass(frozen=True, slots=True)
class DossierRow:
    id: str
    code: str
    product: str
    producer: str
    commune: str
    status: str
    kind: str


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    id: str
    council_id: str
    dossier: DossierRow
    assigned_at: datetime


@dataclass(frozen=True, slots=True)
class VersionRow:
    id: str
    code: str
    title: str
    status: str


def assign_dossier(session: Session, *, council_id: str, dossier_id: str) -> Changes:
    council = get_alive(session, Council, council_id)
    dossier = get_alive(session, Dossier, dossier_id)
    if dossier.status not in ASSIGNABLE_STATUSES:
        raise ServiceError("dossier_not_ready", "dossier_id", status=dossier.status)
    # One live assignment per dossier: two councils scoring one dossier would give two results.
    current = session.scalar(select(CouncilAssignment.council_id).where(
        CouncilAssignment.dossier_id == dossier.id, CouncilAssignment.deleted.is_(False)))
    if current is not None:
        raise ServiceError("already_assigned", "dossier_id", council_id=current)
    assignment = CouncilAssignment(council_id=council.id, dossier_id=dossier.id)
    session.add(assignment)
    session.flush()
    return Changes.of("council_assignments", assignment.id, ("dossiers", dossier.id))


def unassign(session: Session, *, assignment_id: str) -> Changes:
    """A tombstone, so the removal travels to every laptop like any other change."""
    assignment = get_alive(session, CouncilAssignment, assignment_id)
    status = session.scalar(select(Dossier.status).where(Dossier.id == assignment.dossier_id))
    submitted = session.scalar(
        select(func.count()).select_from(ScoreSheet)
        .join(EvaluationSession, EvaluationSession.id == ScoreSheet.session_id)
        .where(EvaluationSession.council_id == assignment.council_id, ScoreSheet.dossier_id == assignment.dossier_id,
               ScoreSheet.status != "draft", ScoreSheet.deleted.is_(False)))
    if status in SCORED_STATUSES or submitted:
        raise ServiceError("assignment_scored", "assignment_id", sheets=submitted or 0)
    assignment.deleted = True
    session.flush()
    return Changes.of("council_assignments", assignment.id, ("dossiers", assignment.dossier_id))


def assign_dossiers(session: Session, *, council_id: str, dossier_ids: Sequence[str]) -> Changes:
    """Several dossiers put before one council at once, or none: one refused leaves the others unassigned."""
    changes = Changes()
    for dossier_id in dossier_ids:
        changes |= assign_dossier(session, council_id=council_id, dossier_id=dossier_id)
    return changes


def unassign_many(session: Session, *, assignment_ids: Sequence[str]) -> Changes:
    """Several assignments taken back at once, or none."""
    changes = Changes()
    for assignment_id in assignment_ids:
        changes |= unassign(session, assignment_id=assignment_id)
    return changes


def _live_count(model: type[CouncilMember] | type[CouncilAssignment], key: InstrumentedAttribute[str]) -> Subquery:
    return (select(key, func.count().label("n")).where(model.deleted.is_(False)).group_by(key).subquery())


def list_councils(session: Session) -> list[CouncilRow]:
    members = _live_count(CouncilMember, CouncilMember.council_id)
    assigned = _live_count(CouncilAssignment, CouncilAssignment.council_id)
    rows = session.execute(
        select(Council, AdminUnit.name, CriteriaSetVersion.code, members.c.n, assigned.c.n)
        .outerjoin(AdminUnit, AdminUnit.code == Council.admin_unit_code)
        .outerjoin(CriteriaSetVersion, CriteriaSetVersion.id == Council.criteria_set_id)
        .outerjoin(members, members.c.council_id == Council.id)
        .outerjoin(assigned, assigned.c.council_id == Council.id)
        .where(Council.deleted.is_(False))
        .order_by(Council.created_at.desc()))
    return [CouncilRow(id=c.id, name=c.name, admin_unit_code=c.admin_unit_code, admin_unit_name=unit or "",
                       decision_no=c.decision_no, decision_date=c.decision_date, criteria_set_id=c.criteria_set_id,
                       criteria_set_code=code or "", members=n_members or 0, assigned=n_assigned or 0)
            for c, unit, code, n_members, n_assigned in rows]


def _dossier_query() -> Select[str, str, str, str, str, str, str]:
    return (select(Dossier.id, Dossier.code, Product.name, Producer.name, AdminUnit.name, Dossier.status, Dossier.kind)
            .join(Product, Product.id == Dossier.product_id)
            .join(Producer, Producer.id == Product.producer_id)
            .outerjoin(AdminUnit, AdminUnit.code == Dossier.commune_code)
            .where(Dossier.deleted.is_(False)))


def _dossier_row(row: Row[str, str, str, str, str, str, str]) -> DossierRow:
    return DossierRow(id=row[0], code=row[1], product=row[2], producer=row[3], commune=row[4] or "",
                      status=row[5], kind=row[6])


def assignable_dossiers(session: Session, query: str = "", limit: int = LIST_LIMIT) -> list[DossierRow]:
    """Forwarded dossiers no council has yet, optionally narrowed by the accent-insensitive search."""
    taken = select(CouncilAssignment.dossier_id).where(CouncilAssignment.deleted.is_(False))
    stmt = _dossier_query().where(Dossier.status.in_(ASSIGNABLE_STATUSES), Dossier.id.not_in(taken))
    ids = search_ids(session, query, "dossier")
    if ids is not None:
        if not ids:
            return []
        stmt = stmt.where(Dossier.id.in_(ids))
    return [_dossier_row(r) for r in session.execute(stmt.order_by(Dossier.code).limit(limit))]


def council_assignments(session: Session, council_id: str) -> list[AssignmentRow]:
    stmt = (_dossier_query().add_columns(CouncilAssignment.id, CouncilAssignment.created_at)
            .join(CouncilAssignment, CouncilAssignment.dossier_id == Dossier.id)
            .where(CouncilAssignment.council_id == council_id, CouncilAssignment.deleted.is_(False))
            .order_by(Dossier.code))
    return [AssignmentRow(id=r[7], council_id=council_id, dossier=_dossier_row(r), assigned_at=r[8])
            for r in session.execute(stmt)]


def criteria_versions(session: Session) -> list[VersionRow]:
    """Versions a council may score against, newest first."""
    rows = session.scalars(select(CriteriaSetVersion).where(CriteriaSetVersion.deleted.is_(False))
                           .order_by(CriteriaSetVersion.effective_from.desc()))
    return [VersionRow(id=v.id, code=v.code, title=v.title, status=v.status) for v in rows]


def province_units(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the provinces: since July 2025 only the province's council scores (ocop-rules)."""
    return [(code, name) for code, name in session.execute(
        select(AdminUnit.code, AdminUnit.name).where(AdminUnit.level == "province").order_by(AdminUnit.code))]


@dataclass(frozen=True, slots=True)
class MemberRow:
    id: str
    full_name: str
    role: str
    organisation: str
    scores: bool


def council_members(session: Session, council_id: str) -> list[MemberRow]:
    order = {role: i for i, role in enumerate(("chair", "vice_chair", "secretary", "member"))}
    rows = session.scalars(select(CouncilMember).where(CouncilMember.council_id == council_id,
                                                       CouncilMember.deleted.is_(False))
                           .order_by(CouncilMember.created_at))
    members = [MemberRow(m.id, m.full_name, m.role, m.organisation, m.scores) for m in rows]
    return sorted(members, key=lambda m: order.get(m.role, len(order)))
