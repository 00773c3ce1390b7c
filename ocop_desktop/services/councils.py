"""Councils, their members and sessions, and the council's result for a dossier."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.council import (
    COUNCIL_RULE_KEYS,
    Attendance,
    CouncilOutcome,
    aggregate,
    attendance_for,
    check_council_rules,
    failures_for,
)
from ocop_core.domain.criteria import AggregationRules, CriteriaSet, ProductSet
from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.documents import DocumentFailure, document_failures, failure_code, latest_documents
from ocop_core.rules import locks
from ocop_desktop.db.models import (
    Council,
    CouncilMember,
    CouncilResult,
    CriteriaSetVersion,
    Dossier,
    DossierDocument,
    EvaluationSession,
    ScoreSheet,
)
from ocop_desktop.db.models.councils import MEMBER_ROLES
from ocop_desktop.db.types import utcnow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.criteria import load_criteria_set
from ocop_desktop.services.errors import ServiceError, check_choice, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import assigned_councils, enforce
from ocop_desktop.services.sheets import current_score, sheet_context

_RULE_KEYS = COUNCIL_RULE_KEYS  # what a council may override, rounding included, range-checked on creation
# What computing a result writes: an approved result takes none of it again.
_FIGURES = frozenset({"n_sheets", "member_totals_json", "mean_total", "spread", "spread_exceeded", "quorum_met",
                      "failures_json", "flags_json", "band_stars", "final_stars", "recommendation"})


def create_council(session: Session, *, name: str, admin_unit_code: str, criteria_set_id: str | None = None,
                   decision_no: str = "", decision_date: date | None = None,
                   rules: dict[str, Any] | None = None) -> Changes:
    rules = rules or {}
    _, problems = check_council_rules(rules)
    if problems:  # the first one, at its key: rules.decimals, rules.rounding...
        raise ServiceError(problems[0].code, problems[0].path, **problems[0].params)
    council = Council(name=clean_text(name, "name", 300),
                      admin_unit_code=clean_text(admin_unit_code, "admin_unit_code", 10),
                      decision_no=clean_text(decision_no, "decision_no", 64, required=False),
                      decision_date=decision_date, rules_json=json.dumps(rules))
    if criteria_set_id:
        council.criteria_set_id = get_alive(session, CriteriaSetVersion, criteria_set_id).id
    session.add(council)
    session.flush()
    return Changes.of("councils", council.id)


def add_member(session: Session, *, council_id: str, full_name: str, role: str = "member",
               organisation: str = "", user_id: str | None = None, scores: bool = True) -> Changes:
    council = get_alive(session, Council, council_id)
    member = CouncilMember(council_id=council.id, full_name=clean_text(full_name, "full_name", 200),
                           role=check_choice(role, "role", MEMBER_ROLES),
                           organisation=clean_text(organisation, "organisation", 300, required=False),
                           user_id=user_id, scores=bool(scores))
    session.add(member)
    session.flush()
    return Changes.of("council_members", member.id)


@dataclass(frozen=True, slots=True)
class NewMember:
    """A member of a council being set up, as the admin typed them."""

    full_name: str
    role: str = "member"
    organisation: str = ""
    scores: bool = True


def create_council_with_members(session: Session, *, name: str, admin_unit_code: str,
                                criteria_set_id: str | None = None, decision_no: str = "",
                                decision_date: date | None = None, members: Sequence[NewMember] = ()) -> Changes:
    """The council and its members as one intent: a refused member leaves no council behind.
    ``Changes.id`` is the new council's."""
    changes = create_council(session, name=name, admin_unit_code=admin_unit_code, criteria_set_id=criteria_set_id,
                             decision_no=decision_no, decision_date=decision_date)
    council_id = changes.row_id()
    for member in members:
        changes |= add_member(session, council_id=council_id, full_name=member.full_name, role=member.role,
                              organisation=member.organisation, scores=member.scores)
    return changes


def open_evaluation(session: Session, *, council_id: str, criteria_set_id: str, held_on: date | None = None,
                    round_no: int = 1) -> Changes:
    council = get_alive(session, Council, council_id)
    version = get_alive(session, CriteriaSetVersion, criteria_set_id)
    evaluation = EvaluationSession(council_id=council.id, criteria_set_id=version.id, held_on=held_on,
                                   round=round_no)
    session.add(evaluation)
    session.flush()
    return Changes.of("evaluation_sessions", evaluation.id)


def council_rules(base: AggregationRules, council: Council) -> AggregationRules:
    overrides = json.loads(council.rules_json or "{}")
    converted: dict[str, Any] = {
        k: (Decimal(str(v)) if k in ("max_member_spread", "quorum_fraction") and v is not None else v)
        for k, v in overrides.items() if k in _RULE_KEYS}
    return replace(base, **converted)


def _one_per_member(sheets: list[ScoreSheet]) -> list[ScoreSheet]:
    """Each member counts once: two laptops may each have submitted a sheet before syncing."""
    latest: dict[str, ScoreSheet] = {}
    for sheet in sorted(sheets, key=lambda s: (s.submitted_at is not None, s.submitted_at)):
        latest[sheet.member_id] = sheet
    return list(latest.values())


@dataclass(frozen=True, slots=True)
class MemberTotal:
    """One member's submitted sheet as the council counts it."""

    member_id: str
    sheet_id: str
    total: Decimal
    stars: int
    failed_criteria: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assessment:
    """A dossier's council outcome with what it was computed from, for screens and reports."""

    outcome: CouncilOutcome
    rules: AggregationRules
    attendance: Attendance
    members: tuple[MemberTotal, ...]
    product_set: ProductSet | None


def dossier_document_failures(session: Session, criteria_set: CriteriaSet, dossier_id: str, on: date
                              ) -> list[DocumentFailure]:
    """The required documents the dossier lacks, or holds expired on ``on`` (docs/domain-decisions.md D7)."""
    rows = session.execute(select(DossierDocument.doc_type, DossierDocument.issued_on, DossierDocument.valid_until)
                           .where(DossierDocument.dossier_id == dossier_id, DossierDocument.deleted.is_(False)))
    issued, until = latest_documents((r.doc_type, r.issued_on, r.valid_until) for r in rows)
    return document_failures(criteria_set, issued, on, until)


def assess_dossier(session: Session, *, evaluation_id: str, dossier_id: str,
                   failed_mandatory: list[str] | None = None, attendance: Attendance | None = None,
                   chair_present: bool = False, approver: str | None = None, today: date | None = None
                   ) -> Assessment:
    """The council outcome from the submitted sheets and the dossier's documents as they are now; nothing is
    written. A required document missing, or expired on Vietnam's ``today``, caps the stars (D7); an approved
    result keeps what held when it was approved.

    The chair is present when a chair's sheet is in, when ``chair_present`` records it, or when the chair
    is the ``approver`` (a user id): a chair who does not score has no sheet to show it by.

    Without an agreed list, a mandatory criterion counts as failed when more than half the sheets
    fail it; the secretary can record the council's own decision instead.
    """
    evaluation = get_alive(session, EvaluationSession, evaluation_id)
    dossier = get_alive(session, Dossier, dossier_id)
    council = get_alive(session, Council, evaluation.council_id)
    sheets = list(session.scalars(select(ScoreSheet).where(
        ScoreSheet.session_id == evaluation.id, ScoreSheet.dossier_id == dossier.id,
        ScoreSheet.status == "submitted", ScoreSheet.deleted.is_(False))))
    sheets = _one_per_member(sheets)
    criteria_set = load_criteria_set(session, evaluation.criteria_set_id)
    members = list(session.scalars(select(CouncilMember).where(
        CouncilMember.council_id == council.id, CouncilMember.deleted.is_(False))))
    scoring = [m for m in members if m.scores]
    counted: list[MemberTotal] = []
    failed_counts: Counter[str] = Counter()
    product_set = None
    for sheet in sheets:
        if sheet.criteria_set_id != evaluation.criteria_set_id:
            raise ServiceError("sheet_version_mismatch", "criteria_set_id", sheet=sheet.id)
        _, product_set = sheet_context(session, sheet)
        score = current_score(session, sheet)
        counted.append(MemberTotal(sheet.member_id, sheet.id, score.total, score.provisional_stars,
                                   score.failed_criteria))
        failed_counts.update(score.failed_criteria)
    if failed_mandatory is None:
        failed_mandatory = sorted(code for code, n in failed_counts.items() if n * 2 > len(sheets))
    failures = failures_for(criteria_set, product_set, failed_mandatory) if product_set and failed_mandatory else []
    if attendance is None:
        chairs = [m for m in members if m.role == "chair"]
        recorded = {m.id for m in chairs if chair_present or (approver is not None and m.user_id == approver)}
        attendance = attendance_for({m.id for m in scoring}, {s.member_id for s in sheets},
                                    {m.id for m in chairs}, recorded)
    rules = council_rules(criteria_set.aggregation, council)
    documents = dossier_document_failures(session, criteria_set, dossier.id, today or vietnam_today())
    outcome = aggregate([m.total for m in counted], rules, criteria_set.star_bands, failures, attendance, documents)
    return Assessment(outcome, rules, attendance, tuple(counted), product_set)


def stored_result(session: Session, evaluation_id: str, dossier_id: str) -> CouncilResult | None:
    return session.scalar(select(CouncilResult).where(CouncilResult.session_id == evaluation_id,
                                                      CouncilResult.dossier_id == dossier_id,
                                                      CouncilResult.deleted.is_(False)))


def compute_council_result(session: Session, *, evaluation_id: str, dossier_id: str,
                           failed_mandatory: list[str] | None = None,
                           attendance: Attendance | None = None, chair_present: bool = False,
                           approver: str | None = None) -> tuple[Changes, CouncilOutcome]:
    """Aggregates the submitted sheets of one dossier in one session and stores the result."""
    outcome = assess_dossier(session, evaluation_id=evaluation_id, dossier_id=dossier_id,
                             failed_mandatory=failed_mandatory, attendance=attendance,
                             chair_present=chair_present, approver=approver).outcome
    result = stored_result(session, evaluation_id, dossier_id)
    enforce(locks.check_result_change(result is not None and result.approved_at is not None, _FIGURES),
            "council_result")
    council_id = get_alive(session, EvaluationSession, evaluation_id).council_id
    enforce(locks.check_result_dossier(council_id, assigned_councils(session, dossier_id)), "dossier_id")
    if result is None:
        result = CouncilResult(session_id=evaluation_id, dossier_id=dossier_id, n_sheets=0,
                               member_totals_json="[]", recommendation="")
        session.add(result)
    result.n_sheets = len(outcome.member_totals)
    result.member_totals_json = json.dumps([str(t) for t in outcome.member_totals])
    result.mean_total = outcome.mean
    result.spread = outcome.spread
    result.spread_exceeded = outcome.spread_exceeded
    result.quorum_met = outcome.quorum_met
    result.failures_json = json.dumps([f.criterion for f in outcome.mandatory_failures]
                                      + [failure_code(f) for f in outcome.document_failures])
    result.flags_json = json.dumps([str(f) for f in outcome.flags])
    result.band_stars = outcome.band_stars
    result.final_stars = outcome.final_stars
    result.recommendation = str(outcome.recommendation)
    session.flush()
    return Changes.of("council_results", result.id), outcome


def approve_council_result(session: Session, *, approved_by: str, result_id: str | None = None,
                           evaluation_id: str | None = None, dossier_id: str | None = None,
                           failed_mandatory: list[str] | None = None, chair_present: bool = False) -> Changes:
    """Recomputes the result from the sheets as they are now and stamps it approved by ``approved_by``
    (the logged-in user's id; the server accepts only the pushing user's own id).

    Recomputing first means what is approved is what the sheets say at this moment, not a figure
    stored before a late sheet or a rescore arrived. Refused when already approved, when the council
    must rescore, lacks quorum or its chair, or has no sheet at all. A chair who does not score is present
    when the chair approves, or when ``chair_present`` records it (the secretary approving).
    """
    if not isinstance(approved_by, str) or not approved_by.strip():
        raise ServiceError("required", "approved_by")
    if result_id is not None:
        row = get_alive(session, CouncilResult, result_id)
        evaluation_id, dossier_id = row.session_id, row.dossier_id
    elif not evaluation_id or not dossier_id:
        raise ServiceError("required", "result_id")
    changes, outcome = compute_council_result(session, evaluation_id=evaluation_id, dossier_id=dossier_id,
                                              failed_mandatory=failed_mandatory, chair_present=chair_present,
                                              approver=approved_by.strip())
    if not outcome.can_approve:
        raise ServiceError("result_not_approvable", "council_result", flags=[str(f) for f in outcome.flags],
                           recommendation=str(outcome.recommendation))
    approved = session.get(CouncilResult, changes.row_id())
    assert approved is not None  # compute_council_result has just written it
    approved.approved_at = utcnow()
    approved.approved_by = approved_by.strip()
    session.flush()
    return changes
