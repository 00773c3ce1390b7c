"""The one read model of a score sheet, for the scoring screen and the printed sheet alike: the pinned
criteria tree itself (ocop_core.domain.criteria), the member's answers and comments, and who and what is scored;
and the list of my sheets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.criteria import CriteriaSet, Criterion, Option, Part, ProductSet
from ocop_core.domain.scoring import Answer, SheetScore, score_sheet
from ocop_desktop.db.models import (
    Council,
    CouncilAssignment,
    CouncilMember,
    Dossier,
    EvaluationSession,
    Producer,
    Product,
    ScoreLine,
    ScoreSheet,
)
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.sheets import sheet_context

PREVIEW = "preview"  # the status of a view that belongs to no sheet
NOT_STARTED = "not_started"  # a dossier before the member's council with no sheet of theirs yet
SCORABLE_DOSSIER_STATUS = "forwarded"


def comment_slot(criterion: Criterion) -> str | None:
    """The answer a criterion's comment is kept on: a comment lives on a score line, and the one box per
    criterion writes to its first line."""
    return criterion.slots[0]


@dataclass(frozen=True, slots=True)
class SheetView:
    """A sheet (or, with status PREVIEW, a criteria set laid out as an evaluator will get it). The criteria
    are the domain objects themselves, so the screen scores each click with the very function the services
    use, and the printed sheet lists what the screen shows."""

    sheet_id: str | None
    status: str  # draft | submitted | superseded | preview
    criteria_set: CriteriaSet
    product_set: ProductSet
    answers: tuple[Answer, ...] = ()
    comments: tuple[tuple[str, str], ...] = ()  # (criterion, comment), non-empty only
    product_name: str = ""
    producer_name: str = ""
    dossier_code: str = ""
    member_name: str = ""
    member_role: str = ""
    member_organisation: str = ""
    council_name: str = ""
    held_on: date | None = None
    submitted_at: datetime | None = None
    supersedes_id: str | None = None

    @property
    def editable(self) -> bool:
        return self.sheet_id is not None and self.status == "draft"

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.product_set.parts

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return self.product_set.criteria

    @property
    def total_points(self) -> Decimal:
        return self.criteria_set.total_points

    def choice(self, criterion: str, subitem: str | None = None) -> str | None:
        return next((a.option for a in self.answers if (a.criterion, a.subitem) == (criterion, subitem)), None)

    def chosen_option(self, criterion: Criterion, subitem: str | None = None) -> Option | None:
        return criterion.option(subitem, self.choice(criterion.code, subitem))

    def comment(self, criterion: str) -> str:
        return dict(self.comments).get(criterion, "")

    def score(self) -> SheetScore:
        return score_sheet(self.criteria_set, self.product_set, self.answers)


@dataclass(frozen=True, slots=True)
class MySheetRow:
    sheet_id: str | None  # None: not started yet
    dossier_id: str
    dossier_code: str
    product_name: str
    member_id: str
    member_name: str
    evaluation_id: str | None
    status: str  # not_started | draft | submitted
    total: Decimal | None
    stars: int | None

    @property
    def key(self) -> tuple[str, str]:
        """Stays the same when a not-started row becomes a draft, so the list keeps its selection."""
        return (self.dossier_id, self.member_id)


def preview_view(criteria_set: CriteriaSet, product_set: ProductSet) -> SheetView:
    """A criteria set laid out exactly as an evaluator will get it, with no sheet behind it."""
    return SheetView(sheet_id=None, status=PREVIEW, criteria_set=criteria_set, product_set=product_set)


def sheet_view(session: Session, sheet_id: str) -> SheetView:
    """The sheet on the criteria version it was started with, its answers and comments, its member, council,
    session, dossier, product and producer."""
    sheet = get_alive(session, ScoreSheet, sheet_id)
    criteria_set, product_set = sheet_context(session, sheet)
    dossier = get_alive(session, Dossier, sheet.dossier_id)
    product = get_alive(session, Product, dossier.product_id)
    producer = session.get(Producer, product.producer_id)
    member = get_alive(session, CouncilMember, sheet.member_id)
    council = session.get(Council, member.council_id)
    evaluation = session.get(EvaluationSession, sheet.session_id) if sheet.session_id else None
    lines = list(session.scalars(select(ScoreLine).where(ScoreLine.sheet_id == sheet.id,
                                                         ScoreLine.deleted.is_(False))))
    answers = tuple(Answer(line.criterion_code, line.option_code, line.subitem_code or None) for line in lines)
    slot_of = {c.code: comment_slot(c) or "" for c in product_set.criteria}
    comments = tuple(sorted((line.criterion_code, line.comment) for line in lines
                            if line.comment and slot_of.get(line.criterion_code) == line.subitem_code))
    return SheetView(sheet_id=sheet.id, status=sheet.status, criteria_set=criteria_set, product_set=product_set,
                     answers=answers, comments=comments, product_name=product.name,
                     producer_name=producer.name if producer else "", dossier_code=dossier.code,
                     member_name=member.full_name, member_role=member.role, member_organisation=member.organisation,
                     council_name=council.name if council else "",
                     held_on=evaluation.held_on if evaluation else None, submitted_at=sheet.submitted_at,
                     supersedes_id=sheet.supersedes_id)


def _open_evaluations(session: Session) -> dict[str, str]:
    """council id -> its latest open evaluation session."""
    rows = session.execute(select(EvaluationSession.council_id, EvaluationSession.id).where(
        EvaluationSession.status == "open", EvaluationSession.deleted.is_(False))
        .order_by(EvaluationSession.held_on.is_(None).desc(), EvaluationSession.held_on,
                  EvaluationSession.created_at))
    return {council: evaluation for council, evaluation in rows}


def _dossiers_before(session: Session, councils: set[str], is_admin: bool) -> dict[str, set[str]]:
    """council id -> the dossier ids waiting for its scoring."""
    waiting: dict[str, set[str]] = {c: set() for c in councils}
    forwarded = select(Dossier.id).where(Dossier.status == SCORABLE_DOSSIER_STATUS, Dossier.deleted.is_(False))
    assigned = session.execute(select(CouncilAssignment.council_id, CouncilAssignment.dossier_id).where(
        CouncilAssignment.deleted.is_(False), CouncilAssignment.dossier_id.in_(forwarded)))
    seen = set()
    for council, dossier in assigned:
        seen.add(dossier)
        if council in waiting:
            waiting[council].add(dossier)
    if is_admin:
        # Demo data (and a laptop that has never synced) has no assignments: the admin, acting for any
        # member, may score a forwarded dossier that no council has been given yet.
        for dossier in session.scalars(forwarded):
            if dossier not in seen:
                for council in waiting:
                    waiting[council].add(dossier)
    return waiting


def my_sheets(session: Session, user_id: str, is_admin: bool) -> tuple[MySheetRow, ...]:
    """The sheets the user can open and the dossiers they can start scoring; an admin sees every member's."""
    query = select(CouncilMember).where(CouncilMember.scores.is_(True), CouncilMember.deleted.is_(False))
    if not is_admin:
        query = query.where(CouncilMember.user_id == user_id)
    members = {m.id: m for m in session.scalars(query)}
    if not members:
        return ()
    rows: list[MySheetRow] = []
    started: set[tuple[str, str, str | None]] = set()
    found = session.execute(
        select(ScoreSheet, Dossier.code, Product.name)
        .join(Dossier, Dossier.id == ScoreSheet.dossier_id).join(Product, Product.id == Dossier.product_id)
        .where(ScoreSheet.member_id.in_(members), ScoreSheet.deleted.is_(False)))
    for sheet, code, product_name in found:
        started.add((sheet.dossier_id, sheet.member_id, sheet.session_id))
        if sheet.status == "superseded":
            continue  # its rescore is the sheet that counts; history belongs to the council screens
        rows.append(MySheetRow(sheet.id, sheet.dossier_id, code, product_name, sheet.member_id,
                               members[sheet.member_id].full_name, sheet.session_id, sheet.status, sheet.total,
                               sheet.stars))
    evaluations = _open_evaluations(session)
    councils = {m.council_id for m in members.values()} & set(evaluations)
    waiting = _dossiers_before(session, councils, is_admin)
    wanted = {d for ds in waiting.values() for d in ds}
    labels = {d: (code, name) for d, code, name in session.execute(
        select(Dossier.id, Dossier.code, Product.name).join(Product, Product.id == Dossier.product_id)
        .where(Dossier.id.in_(wanted)))} if wanted else {}
    for member in members.values():
        for dossier in sorted(waiting.get(member.council_id, ())):
            evaluation = evaluations[member.council_id]
            # A sheet started outside any session still stands for the member's view of the dossier.
            if not started & {(dossier, member.id, evaluation), (dossier, member.id, None)}:
                rows.append(MySheetRow(None, dossier, *labels[dossier], member.id,
                                       member.full_name, evaluation, NOT_STARTED, None, None))
    return tuple(rows)
