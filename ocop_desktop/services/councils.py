"""Councils, their members and sessions, and the council's result for a dossier."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import (
    Council,
    CouncilMember,
    CouncilResult,
    CriteriaSetVersion,
    Dossier,
    EvaluationSession,
    ScoreSheet,
)
from ocop_desktop.db.models.councils import MEMBER_ROLES
from ocop_desktop.domain.council import Attendance, CouncilOutcome, aggregate, failures_for
from ocop_desktop.domain.criteria import AggregationRules
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.criteria import load_criteria_set
from ocop_desktop.services.errors import ServiceError, check_choice, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.sheets import current_score, sheet_context

_RULE_KEYS = {"decimals", "max_member_spread", "quorum_fraction", "chair_required"}


def create_council(session: Session, *, name: str, admin_unit_code: str, criteria_set_id: str | None = None,
                   decision_no: str = "", decision_date: date | None = None, rules: dict | None = None) -> Changes:
    rules = rules or {}
    if set(rules) - _RULE_KEYS:
        raise ServiceError("unknown_field", "rules", keys=sorted(set(rules) - _RULE_KEYS))
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
    converted = {k: (Decimal(str(v)) if k in ("max_member_spread", "quorum_fraction") and v is not None else v)
                 for k, v in overrides.items() if k in _RULE_KEYS}
    return replace(base, **converted)


def _one_per_member(sheets: list[ScoreSheet]) -> list[ScoreSheet]:
    """Each member counts once: two laptops may each have submitted a sheet before syncing."""
    latest: dict[str, ScoreSheet] = {}
    for sheet in sorted(sheets, key=lambda s: (s.submitted_at is not None, s.submitted_at)):
        latest[sheet.member_id] = sheet
    return list(latest.values())


def compute_council_result(session: Session, *, evaluation_id: str, dossier_id: str,
                           failed_mandatory: list[str] | None = None,
                           attendance: Attendance | None = None) -> tuple[Changes, CouncilOutcome]:
    """Aggregates the submitted sheets of one dossier in one session and stores the result.

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
    totals, failed_counts = [], Counter()
    product_set = None
    for sheet in sheets:
        if sheet.criteria_set_id != evaluation.criteria_set_id:
            raise ServiceError("sheet_version_mismatch", "criteria_set_id", sheet=sheet.id)
        _, product_set = sheet_context(session, sheet)
        score = current_score(session, sheet)
        totals.append(score.total)
        failed_counts.update(score.failed_criteria)
    if failed_mandatory is None:
        failed_mandatory = sorted(code for code, n in failed_counts.items() if n * 2 > len(sheets))
    failures = failures_for(criteria_set, product_set, failed_mandatory) if product_set and failed_mandatory else []
    if attendance is None:
        present = {s.member_id for s in sheets}
        chair_ids = {m.id for m in members if m.role == "chair"}
        attendance = Attendance(members=len(scoring), present=len(present & {m.id for m in scoring}),
                                chair_present=bool(chair_ids & present))
    outcome = aggregate(totals, council_rules(criteria_set.aggregation, council), criteria_set.star_bands,
                        failures, attendance)
    result = session.scalar(select(CouncilResult).where(CouncilResult.session_id == evaluation.id,
                                                        CouncilResult.dossier_id == dossier.id))
    if result is None:
        result = CouncilResult(session_id=evaluation.id, dossier_id=dossier.id, n_sheets=0,
                               member_totals_json="[]", recommendation="")
        session.add(result)
    if result.approved_at is not None:
        raise ServiceError("result_approved", "council_result")
    result.n_sheets = len(sheets)
    result.member_totals_json = json.dumps([str(t) for t in outcome.member_totals])
    result.mean_total = outcome.mean
    result.spread = outcome.spread
    result.spread_exceeded = outcome.spread_exceeded
    result.quorum_met = outcome.quorum_met
    result.failures_json = json.dumps([f.criterion for f in outcome.mandatory_failures])
    result.flags_json = json.dumps([str(f) for f in outcome.flags])
    result.band_stars = outcome.band_stars
    result.final_stars = outcome.final_stars
    result.recommendation = str(outcome.recommendation)
    session.flush()
    return Changes.of("council_results", result.id), outcome
