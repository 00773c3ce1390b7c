"""Read model of one member's score sheet, criterion by criterion, for the printed sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.criteria import Criterion
from ocop_desktop.db.models import (
    Council,
    CouncilMember,
    CriteriaSetVersion,
    Dossier,
    EvaluationSession,
    Producer,
    Product,
    ScoreLine,
    ScoreSheet,
)
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.sheets import current_score, sheet_context


@dataclass(frozen=True, slots=True)
class SheetLine:
    criterion: str
    name: str
    subitem: str  # the sub-item's name, "" for a plain criterion
    option: str  # the chosen option's label, "" when unanswered
    points: Decimal | None
    max_points: Decimal
    mandatory: bool
    comment: str


@dataclass(frozen=True, slots=True)
class SheetPart:
    code: str
    name: str
    max_points: Decimal
    total: Decimal
    lines: tuple[SheetLine, ...]


@dataclass(frozen=True, slots=True)
class SheetReport:
    sheet_id: str
    status: str
    submitted_at: datetime | None
    member_name: str
    member_role: str
    member_organisation: str
    council_name: str
    held_on: date | None
    dossier_code: str
    product: str
    producer: str
    criteria_title: str
    product_set: str
    parts: tuple[SheetPart, ...]
    total: Decimal
    stars: int
    failed_criteria: tuple[str, ...]
    unanswered: tuple[str, ...]


def _lines(criterion: Criterion, chosen: dict[tuple[str, str], ScoreLine]) -> list[SheetLine]:
    mandatory = criterion.mandatory is not None
    if not criterion.subitems:
        line = chosen.get((criterion.code, ""))
        option = next((o for o in criterion.options if line and o.code == line.option_code), None)
        return [SheetLine(criterion.code, criterion.name, "", option.label if option else "",
                          line.points if line else None, criterion.max_points, mandatory,
                          line.comment if line else "")]
    result = []
    for sub in criterion.subitems:
        line = chosen.get((criterion.code, sub.code))
        option = next((o for o in sub.options if line and o.code == line.option_code), None)
        result.append(SheetLine(criterion.code, criterion.name, sub.name, option.label if option else "",
                                line.points if line else None, sub.max_points, mandatory,
                                line.comment if line else ""))
    return result


def load_sheet_report(session: Session, *, sheet_id: str) -> SheetReport:
    """Every criterion of the sheet's pinned criteria version, with the member's choice and points."""
    sheet = get_alive(session, ScoreSheet, sheet_id)
    criteria_set, product_set = sheet_context(session, sheet)
    score = current_score(session, sheet)
    member = get_alive(session, CouncilMember, sheet.member_id)
    council = session.get(Council, member.council_id)
    evaluation = session.get(EvaluationSession, sheet.session_id) if sheet.session_id else None
    dossier = get_alive(session, Dossier, sheet.dossier_id)
    product = session.get(Product, dossier.product_id)
    producer = session.get(Producer, product.producer_id) if product else None
    version = session.get(CriteriaSetVersion, sheet.criteria_set_id)
    chosen = {(line.criterion_code, line.subitem_code): line for line in session.scalars(
        select(ScoreLine).where(ScoreLine.sheet_id == sheet.id, ScoreLine.deleted.is_(False)))}
    parts = tuple(
        SheetPart(p.code, p.name, p.max_points, score.part_totals.get(p.code, Decimal(0)),
                  tuple(line for c in p.criteria for line in _lines(c, chosen)))
        for p in product_set.parts)
    return SheetReport(
        sheet_id=sheet.id, status=sheet.status, submitted_at=sheet.submitted_at, member_name=member.full_name,
        member_role=member.role, member_organisation=member.organisation,
        council_name=council.name if council else "", held_on=evaluation.held_on if evaluation else None,
        dossier_code=dossier.code, product=product.name if product else "",
        producer=producer.name if producer else "",
        criteria_title=version.title if version else criteria_set.title, product_set=product_set.name,
        parts=parts, total=score.total, stars=score.provisional_stars, failed_criteria=score.failed_criteria,
        unanswered=score.unanswered)
