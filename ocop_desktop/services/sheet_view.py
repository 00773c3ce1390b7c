"""What the scoring screen shows: one sheet (or a criteria preview) as frozen values, and my sheets."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.criteria import CriteriaSet, Criterion, Option, ProductSet
from ocop_core.domain.scoring import Answer
from ocop_desktop.db.models import (
    CouncilAssignment,
    CouncilMember,
    Dossier,
    EvaluationSession,
    Product,
    ScoreLine,
    ScoreSheet,
)
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.sheets import sheet_context

PREVIEW = "preview"  # the status of a view that belongs to no sheet
NOT_STARTED = "not_started"  # a dossier before the member's council with no sheet of theirs yet
SCORABLE_DOSSIER_STATUS = "forwarded"


@dataclass(frozen=True, slots=True)
class OptionView:
    code: str
    label: str
    points: Decimal


@dataclass(frozen=True, slots=True)
class SubItemView:
    code: str
    name: str
    max_points: Decimal
    options: tuple[OptionView, ...]


@dataclass(frozen=True, slots=True)
class CriterionView:
    code: str
    title: str
    guidance: str
    max_points: Decimal
    options: tuple[OptionView, ...]
    subitems: tuple[SubItemView, ...]
    mandatory_from_stars: int | None

    @property
    def slots(self) -> tuple[str | None, ...]:
        """The answers the criterion needs: one per sub-item, or one for the criterion itself."""
        return tuple(s.code for s in self.subitems) if self.subitems else (None,)

    @property
    def comment_slot(self) -> str | None:
        # A comment lives on a score line; one box per criterion writes to its first line.
        return self.slots[0]


@dataclass(frozen=True, slots=True)
class GroupView:
    code: str
    name: str
    criteria: tuple[CriterionView, ...]


@dataclass(frozen=True, slots=True)
class PartView:
    code: str
    name: str
    max_points: Decimal
    groups: tuple[GroupView, ...]


@dataclass(frozen=True, slots=True)
class SheetView:
    sheet_id: str | None
    status: str  # draft | submitted | superseded | preview
    product_name: str
    dossier_code: str
    member_name: str
    criteria_title: str
    product_set_name: str
    total_points: Decimal
    parts: tuple[PartView, ...]
    answers: tuple[Answer, ...]
    comments: tuple[tuple[str, str], ...]  # (criterion, comment), non-empty only
    # The domain objects travel along so the screen scores each click itself, exactly as the services do.
    criteria_set: CriteriaSet
    product_set: ProductSet
    supersedes_id: str | None = None

    @property
    def editable(self) -> bool:
        return self.sheet_id is not None and self.status == "draft"

    @property
    def criteria(self) -> tuple[CriterionView, ...]:
        return tuple(c for p in self.parts for g in p.groups for c in g.criteria)

    def choice(self, criterion: str, subitem: str | None = None) -> str | None:
        return next((a.option for a in self.answers if (a.criterion, a.subitem) == (criterion, subitem)), None)

    def comment(self, criterion: str) -> str:
        return dict(self.comments).get(criterion, "")


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


def _options(options: tuple[Option, ...]) -> tuple[OptionView, ...]:
    return tuple(OptionView(o.code, o.label, o.points) for o in options)


def _criterion(c: Criterion) -> CriterionView:
    subitems = tuple(SubItemView(s.code, s.name, s.max_points, _options(s.options)) for s in c.subitems)
    return CriterionView(c.code, c.name, c.guidance, c.max_points, _options(c.options), subitems,
                         c.mandatory.from_stars if c.mandatory else None)


def _parts(product_set: ProductSet) -> tuple[PartView, ...]:
    return tuple(PartView(p.code, p.name, p.max_points,
                          tuple(GroupView(g.code, g.name, tuple(_criterion(c) for c in g.criteria))
                                for g in p.groups))
                 for p in product_set.parts)


def preview_view(criteria_set: CriteriaSet, product_set: ProductSet) -> SheetView:
    """A criteria set laid out exactly as an evaluator will get it, with no sheet behind it."""
    return SheetView(sheet_id=None, status=PREVIEW, product_name="", dossier_code="", member_name="",
                     criteria_title=criteria_set.title, product_set_name=product_set.name,
                     total_points=criteria_set.total_points, parts=_parts(product_set), answers=(), comments=(),
                     criteria_set=criteria_set, product_set=product_set)


def sheet_view(session: Session, sheet_id: str) -> SheetView:
    """The sheet on the criteria version it was started with, its answers and comments."""
    sheet = get_alive(session, ScoreSheet, sheet_id)
    criteria_set, product_set = sheet_context(session, sheet)
    dossier = get_alive(session, Dossier, sheet.dossier_id)
    product = get_alive(session, Product, dossier.product_id)
    member = get_alive(session, CouncilMember, sheet.member_id)
    lines = list(session.scalars(select(ScoreLine).where(ScoreLine.sheet_id == sheet.id,
                                                         ScoreLine.deleted.is_(False))))
    answers = tuple(Answer(line.criterion_code, line.option_code, line.subitem_code or None) for line in lines)
    parts = _parts(product_set)
    slot_of = {c.code: c.comment_slot or "" for p in parts for g in p.groups for c in g.criteria}
    comments = tuple(sorted((line.criterion_code, line.comment) for line in lines
                            if line.comment and slot_of.get(line.criterion_code) == line.subitem_code))
    return SheetView(sheet_id=sheet.id, status=sheet.status, product_name=product.name, dossier_code=dossier.code,
                     member_name=member.full_name, criteria_title=criteria_set.title,
                     product_set_name=product_set.name, total_points=criteria_set.total_points, parts=parts,
                     answers=answers, comments=comments, criteria_set=criteria_set, product_set=product_set,
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
