"""An evaluator's score sheet: start it on a pinned criteria version, answer, submit, rescore."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.criteria import CriteriaSet, Option, ProductSet
from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.scoring import Answer, SheetScore, score_sheet
from ocop_core.rules import locks
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.models import (
    CouncilMember,
    CriteriaSetVersion,
    Dossier,
    EvaluationSession,
    Product,
    ScoreLine,
    ScoreSheet,
)
from ocop_desktop.db.types import utcnow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.criteria import load_criteria_set, version_in_force
from ocop_desktop.services.errors import ServiceError, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import enforce

LINE_NAMESPACE = uuid.UUID("5c0c0b7e-0c0f-4c3e-9d6e-000000000001")


def _pick_version(session: Session, dossier: Dossier, evaluation: EvaluationSession | None,
                  criteria_set_id: str | None, on: date) -> CriteriaSetVersion:
    for candidate in (criteria_set_id, dossier.criteria_set_id, evaluation.criteria_set_id if evaluation else None):
        if candidate:
            return get_alive(session, CriteriaSetVersion, candidate)
    version = version_in_force(session, on)
    if version is None:
        raise ServiceError("no_criteria_in_force", "criteria_set_id", on=on.isoformat())
    return version


def sheet_context(session: Session, sheet: ScoreSheet) -> tuple[CriteriaSet, ProductSet]:
    """The criteria the sheet was started with, whatever has been published since."""
    criteria_set = load_criteria_set(session, sheet.criteria_set_id)
    product_set = criteria_set.product_set(sheet.product_set_code)
    if product_set is None:
        raise ServiceError("unknown_product_set", "product_set_code", code=sheet.product_set_code)
    return criteria_set, product_set


def start_sheet(session: Session, *, dossier_id: str, member_id: str, evaluation_id: str | None = None,
                criteria_set_id: str | None = None, on: date | None = None) -> Changes:
    """Returns the member's open draft for the dossier if there is one, so a sheet is never doubled."""
    dossier = get_alive(session, Dossier, dossier_id)
    member = get_alive(session, CouncilMember, member_id)
    if not member.scores:
        raise ServiceError("member_does_not_score", "member_id")
    evaluation = get_alive(session, EvaluationSession, evaluation_id) if evaluation_id else None
    existing = session.scalar(select(ScoreSheet).where(
        ScoreSheet.dossier_id == dossier.id, ScoreSheet.member_id == member.id, ScoreSheet.status == "draft",
        ScoreSheet.deleted.is_(False)))
    if existing is not None:
        return Changes(id=existing.id)
    submitted = session.scalar(select(ScoreSheet.id).where(
        ScoreSheet.dossier_id == dossier.id, ScoreSheet.member_id == member.id, ScoreSheet.status == "submitted",
        ScoreSheet.session_id == (evaluation.id if evaluation else None), ScoreSheet.deleted.is_(False)))
    if submitted is not None:
        # A second independent sheet would count the member twice; a change of mind is a rescore.
        raise ServiceError("sheet_already_submitted", "member_id", sheet=submitted)
    version = _pick_version(session, dossier, evaluation, criteria_set_id, on or vietnam_today())
    criteria_set = load_criteria_set(session, version.id)
    product = get_alive(session, Product, dossier.product_id)
    product_set = criteria_set.product_set_for_subgroup(product.subgroup_code)
    if product_set is None:
        raise ServiceError("subgroup_not_in_criteria_set", "subgroup_code", code=product.subgroup_code,
                           criteria_set=criteria_set.code)
    sheet = ScoreSheet(dossier_id=dossier.id, member_id=member.id, session_id=evaluation.id if evaluation else None,
                       criteria_set_id=version.id, criteria_hash=version.content_hash,
                       product_set_code=product_set.code, status="draft", device_id=device_id(session),
                       total=0, stars=0)
    session.add(sheet)
    session.flush()
    return Changes.of("score_sheets", sheet.id)


def _lines(session: Session, sheet_id: str) -> list[ScoreLine]:
    return list(session.scalars(select(ScoreLine).where(ScoreLine.sheet_id == sheet_id,
                                                        ScoreLine.deleted.is_(False))))


def current_score(session: Session, sheet: ScoreSheet) -> SheetScore:
    criteria_set, product_set = sheet_context(session, sheet)
    answers = [Answer(line.criterion_code, line.option_code, line.subitem_code or None)
               for line in _lines(session, sheet.id)]
    return score_sheet(criteria_set, product_set, answers)


def _editable(session: Session, sheet_id: str) -> ScoreSheet:
    sheet = get_alive(session, ScoreSheet, sheet_id)
    enforce(locks.check_sheet_open(sheet.status), "status")
    return sheet


def _refresh_snapshot(session: Session, sheet: ScoreSheet) -> SheetScore:
    session.flush()
    score = current_score(session, sheet)
    sheet.total = score.total
    sheet.stars = score.provisional_stars
    return score


def record_answer(session: Session, *, sheet_id: str, criterion: str, option: str, subitem: str | None = None,
                  comment: str | None = None) -> Changes:
    """Saves one choice at once; choosing again replaces the previous choice for that criterion."""
    sheet = _editable(session, sheet_id)
    _, product_set = sheet_context(session, sheet)
    line = _put_answer(session, sheet, product_set, _existing_lines(session, sheet.id), criterion, option, subitem,
                       comment)
    _refresh_snapshot(session, sheet)
    return Changes.of("score_lines", line.id, ("score_sheets", sheet.id))


def record_answers(session: Session, *, sheet_id: str, answers: list[Answer]) -> Changes:
    """Several choices at once (a paper sheet typed in afterwards); all or nothing."""
    sheet = _editable(session, sheet_id)
    _, product_set = sheet_context(session, sheet)
    for a in answers:
        _choose(product_set, a.criterion, a.option, a.subitem)
    existing = _existing_lines(session, sheet.id)
    ids = [_put_answer(session, sheet, product_set, existing, a.criterion, a.option, a.subitem, None).id
           for a in answers]
    _refresh_snapshot(session, sheet)
    return Changes(frozenset({"score_lines", "score_sheets"}), frozenset([*ids, sheet.id]), sheet.id)


def line_id(sheet_id: str, criterion: str, subitem: str | None) -> str:
    """The same answer slot gets the same id on every laptop, so a draft answered on two laptops
    merges (or conflicts) field by field instead of holding two rows for one criterion."""
    return str(uuid.uuid5(LINE_NAMESPACE, f"{sheet_id}/{criterion}/{subitem or ''}"))


def _existing_lines(session: Session, sheet_id: str) -> dict[tuple[str, str], ScoreLine]:
    """Every line of the sheet, tombstoned ones included, so an answer given again revives its row."""
    rows = session.scalars(select(ScoreLine).where(ScoreLine.sheet_id == sheet_id))
    return {(line.criterion_code, line.subitem_code): line for line in rows}


def _put_answer(session: Session, sheet: ScoreSheet, product_set: ProductSet,
                existing: dict[tuple[str, str], ScoreLine], criterion: str, option: str, subitem: str | None,
                comment: str | None) -> ScoreLine:
    chosen = _choose(product_set, criterion, option, subitem)
    line = existing.get((criterion, subitem or ""))
    if line is None:
        line = ScoreLine(id=line_id(sheet.id, criterion, subitem), sheet_id=sheet.id, criterion_code=criterion,
                         subitem_code=subitem or "", option_code=chosen.code, points=chosen.points, comment="")
        session.add(line)
        existing[(criterion, subitem or "")] = line
    else:
        line.option_code, line.points, line.deleted = chosen.code, chosen.points, False
    if comment is not None:
        line.comment = clean_text(comment, "comment", 5000, required=False)
    return line


def _choose(product_set: ProductSet, criterion: str, option: str, subitem: str | None) -> Option:
    """The option an answer names, or a ServiceError saying what is wrong with it."""
    crit = product_set.criterion(criterion) if isinstance(criterion, str) else None
    if crit is None:
        raise ServiceError("unknown_criterion", "criterion", code=str(criterion)[:64])
    ladder = crit.option_ladder(subitem)
    if ladder is None:
        raise ServiceError("subitem_required" if crit.subitems and subitem is None else "unknown_subitem",
                           "subitem", criterion=criterion)
    chosen = next((o for o in ladder if o.code == option), None)
    if chosen is None:
        raise ServiceError("unknown_option", "option", criterion=criterion, option=str(option)[:64])
    return chosen


def comment_criterion(session: Session, *, sheet_id: str, criterion: str, comment: str,
                      subitem: str | None = None) -> Changes:
    sheet = _editable(session, sheet_id)
    line = session.scalar(select(ScoreLine).where(
        ScoreLine.sheet_id == sheet.id, ScoreLine.criterion_code == criterion,
        ScoreLine.subitem_code == (subitem or ""), ScoreLine.deleted.is_(False)))
    if line is None:
        raise ServiceError("answer_first", "criterion", code=str(criterion)[:64])
    line.comment = clean_text(comment, "comment", 5000, required=False)
    session.flush()
    return Changes.of("score_lines", line.id, ("score_sheets", sheet.id))


def submit_sheet(session: Session, *, sheet_id: str) -> Changes:
    """Freezes the sheet; it can only be superseded by a rescore from now on."""
    sheet = _editable(session, sheet_id)
    score = _refresh_snapshot(session, sheet)
    if score.unanswered:
        raise ServiceError("sheet_incomplete", "answers", unanswered=list(score.unanswered))
    if score.problems:
        raise ServiceError("sheet_invalid", "answers", problems=[str(p) for p in score.problems])
    sheet.status = "submitted"
    sheet.submitted_at = utcnow()
    changes = Changes.of("score_sheets", sheet.id)
    if sheet.supersedes_id:
        previous = get_alive(session, ScoreSheet, sheet.supersedes_id)
        previous.status = "superseded"
        changes = changes | Changes.of("score_sheets", previous.id)
    session.flush()
    return changes


def rescore_sheet(session: Session, *, sheet_id: str) -> Changes:
    """A new draft that starts from the submitted sheet's answers, on the same criteria version."""
    old = get_alive(session, ScoreSheet, sheet_id)
    if old.status != "submitted":
        raise ServiceError("sheet_not_submitted", "status", status=old.status)
    pending = session.scalar(select(ScoreSheet.id).where(ScoreSheet.supersedes_id == old.id,
                                                         ScoreSheet.deleted.is_(False)))
    if pending:
        return Changes(id=pending)
    new = ScoreSheet(dossier_id=old.dossier_id, member_id=old.member_id, session_id=old.session_id,
                     criteria_set_id=old.criteria_set_id, criteria_hash=old.criteria_hash,
                     product_set_code=old.product_set_code, status="draft", device_id=device_id(session),
                     supersedes_id=old.id, total=old.total, stars=old.stars)
    session.add(new)
    session.flush()
    for line in _lines(session, old.id):
        session.add(ScoreLine(id=line_id(new.id, line.criterion_code, line.subitem_code), sheet_id=new.id,
                              criterion_code=line.criterion_code, subitem_code=line.subitem_code,
                              option_code=line.option_code, points=line.points, comment=line.comment))
    session.flush()
    return Changes.of("score_sheets", new.id)
