"""Entity rules the server enforces whoever writes: immutable criteria, frozen sheets, recomputed totals, and
the workflow and locks of ocop_core.rules, fed with the facts the store holds."""

from __future__ import annotations

import functools
import json
from decimal import Decimal

from sqlalchemy.orm import Session

from ocop_core.domain.canonical import content_hash
from ocop_core.domain.council import check_council_rules
from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.criteria_loader import CriteriaSetError, load_document
from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.scoring import Answer, score_sheet
from ocop_core.rules import locks, workflow
from ocop_core.rules.actor import Actor
from ocop_core.rules.council_setup import check_council_setup
from ocop_core.rules.lots import check_lot_change
from ocop_core.rules.recognitions import check_recognition_change
from ocop_core.rules.refusal import Refusal
from ocop_core.rules.tasks import check_task_actor, check_task_change
from ocop_server import models, store
from ocop_server.scope import Viewer

CRITERIA_MUTABLE = frozenset({"status", "effective_to", "updated_at"})
# A council's make-up, which its first submitted sheet fixes (ocop_core.rules.council_setup).
COUNCIL_SETUP = frozenset({"councils", "council_members", "evaluation_sessions"})
# A result's links: changing either puts it on another dossier or before another council.
RESULT_LINKS = frozenset({"session_id", "dossier_id"})


@functools.lru_cache(maxsize=32)
def criteria_from_json(canonical: str) -> tuple[CriteriaSet, str]:
    criteria_set, document = load_document(canonical)
    return criteria_set, content_hash(document)


def check_criteria(before: dict | None, after: dict, changed: set[str]) -> str | None:
    if before is not None:
        return None if changed <= CRITERIA_MUTABLE | {"deleted"} and not after.get("deleted") else \
            "criteria_immutable: a published version never changes; publish a new version"
    try:
        criteria_set, digest = criteria_from_json(after.get("canonical_json") or "")
    except CriteriaSetError as exc:
        return f"criteria_invalid: {exc}"[:500]
    if digest != after.get("content_hash"):
        return "criteria_hash_mismatch"
    if criteria_set.id != after.get("id") or criteria_set.code != after.get("code"):
        return "criteria_identity_mismatch"
    return None


def check_council_rules_json(before: dict | None, after: dict, changed: set[str]) -> str | None:
    """A council's own rules as the laptop's create_council checks them (ocop_core.domain.council): a pushed
    council whose rules a laptop would refuse to create is refused, named by the first problem's key."""
    if before is not None and "rules_json" not in changed:
        return None
    text = after.get("rules_json") or "{}"
    try:
        raw = json.loads(text)
    except (TypeError, ValueError):
        return "invalid: rules_json: not JSON"
    if not isinstance(raw, dict):
        return "invalid: rules_json: not a JSON object"
    _, problems = check_council_rules(raw)
    if problems:
        return f"invalid: rules_json: {str(problems[0])[:200]}"
    return None


def check_sheet(session: Session, sheet_id: str, before: dict | None, after: dict, changed: set[str]) -> str | None:
    refusal = locks.check_sheet_change(before.get("status") if before else None, after.get("status") or "", changed)
    if refusal is not None:
        return "sheet_submitted: a submitted sheet never changes; rescore it instead"
    if after.get("status") == "submitted" and (before or {}).get("status") != "submitted":
        return recompute(session, sheet_id, after)
    return None


def check_line(session: Session, after: dict) -> str | None:
    sheet = store.load(session, "score_sheets", after.get("sheet_id") or "")
    if sheet is None:
        return "unknown_sheet"
    if locks.check_sheet_open(sheet.data.get("status") or "") is not None:
        return "sheet_submitted: a submitted sheet never changes; rescore it instead"
    return None


def recompute(session: Session, sheet_id: str, sheet: dict) -> str | None:
    """The server never trusts a laptop's arithmetic: the sheet is scored again from its pinned version."""
    version = store.load(session, "criteria_set_versions", sheet.get("criteria_set_id") or "")
    if version is None:
        return "unknown_criteria_version"
    if version.data.get("content_hash") != sheet.get("criteria_hash"):
        return "criteria_hash_mismatch: the sheet was filled against different criteria content"
    criteria_set, _ = criteria_from_json(version.data["canonical_json"])
    product_set = criteria_set.product_set(sheet.get("product_set_code") or "")
    if product_set is None:
        return "unknown_product_set"
    answers = []
    for _, line_id in store.children(session, "score_sheets", sheet_id, "score_lines"):
        line = store.load(session, "score_lines", line_id)
        if line and not line.deleted:
            d = line.data
            answers.append(Answer(d.get("criterion_code"), d.get("option_code"), d.get("subitem_code") or None))
    score = score_sheet(criteria_set, product_set, answers)
    if score.problems:
        return f"sheet_invalid: {'; '.join(str(p) for p in score.problems)[:300]}"
    if score.unanswered:
        return f"sheet_incomplete: {', '.join(score.unanswered)[:300]}"
    if sheet.get("total") is None or Decimal(sheet["total"]) != score.total:
        return f"total_mismatch: the server computes {score.total}, the sheet says {sheet.get('total')}"
    return None


def actor_of(viewer: Viewer) -> Actor:
    return Actor(viewer.user_id, viewer.role, viewer.communes)


def check_workflow(session: Session, viewer: Viewer, entity: str, row_id: str, before: dict | None, after: dict,
                   changed: set[str]) -> Refusal | None:
    """The workflow and the locks for a change ``viewer`` pushes: ``before`` as stored (None for a new row),
    ``after`` as the change leaves it, ``changed`` the fields it takes. Whatever the laptop's services refuse
    is refused here too, for every role, the admin's included."""
    if entity == "dossiers":
        return _check_dossier(session, viewer, row_id, before, after, changed)
    if entity == "dossier_documents":
        was_in = _status(session, "dossiers", before.get("dossier_id")) if before else None
        return locks.check_document_change(was_in, _status(session, "dossiers", after.get("dossier_id")))
    if entity == "score_lines" and before is not None:
        # check_line looks at the sheet the line goes to; the sheet it leaves is as frozen.
        return locks.check_line_change(_status(session, "score_sheets", before.get("sheet_id")),
                                       _status(session, "score_sheets", after.get("sheet_id")))
    if entity == "council_results":
        return _check_result(session, before, after, changed)
    if entity in COUNCIL_SETUP:
        return check_council_change(session, entity, row_id, before, after, changed)
    if entity == "recognitions":
        dossier_id = after.get("dossier_id")
        stars = approved_stars(session, dossier_id) if dossier_id else None
        return check_recognition_change(before, after, changed, stars)
    if entity == "production_lots":
        return check_lot_change(before, after, changed)
    if entity == "tasks":
        return _check_task(session, viewer, before, after, changed)
    return None


def _check_task(session: Session, viewer: Viewer, before: dict | None, after: dict,
                changed: set[str]) -> Refusal | None:
    """A task as the laptop's services.tasks checks it; here a disabled account counts as gone."""
    refusal = check_task_actor(actor_of(viewer), before, after)
    if refusal is not None or after.get("deleted"):
        return refusal
    assignee_id = after.get("assignee_id")
    user = session.get(models.User, assignee_id) if assignee_id else None
    active = assignee_id is None or (user is not None and bool(user.active))
    return check_task_change(before, after, changed, today=vietnam_today(), assignee_active=active)


def _status(session: Session, entity: str, row_id: str | None) -> str | None:
    row = store.load(session, entity, row_id) if row_id else None
    return row.data.get("status") if row else None


def _check_dossier(session: Session, viewer: Viewer, row_id: str, before: dict | None, after: dict,
                   changed: set[str]) -> Refusal | None:
    before_status = before.get("status") if before else None
    refusal = workflow.check_dossier_fields(before_status, changed)
    if refusal is not None:
        return refusal
    stars = approved_stars(session, row_id) if before is not None else None
    status = after.get("status") or ""
    refusal = workflow.check_status_change(actor_of(viewer), before_status, status,
                                           commune_code=after.get("commune_code"), approved_stars=stars)
    if refusal is None and (before is None or "result_stars" in changed):
        refusal = workflow.check_result_stars(status, after.get("result_stars"), stars)
    return refusal


def approved_stars(session: Session, dossier_id: str) -> int | None:
    """The final stars of the dossier's latest approved council result; None when none is approved."""
    approved = []
    for _, result_id in store.children(session, "dossiers", dossier_id, "council_results"):
        result = store.load(session, "council_results", result_id)
        if result is not None and not result.deleted and result.data.get("approved_at"):
            approved.append((result.data["approved_at"], result.data.get("final_stars") or 0))
    return max(approved)[1] if approved else None


def _check_result(session: Session, before: dict | None, after: dict, changed: set[str]) -> Refusal | None:
    refusal = locks.check_result_change(bool(before and before.get("approved_at")), changed)
    if refusal is not None or (before is not None and not changed & RESULT_LINKS):
        return refusal
    evaluation = store.load(session, "evaluation_sessions", after.get("session_id") or "")
    council = evaluation.data.get("council_id") if evaluation else None
    return locks.check_result_dossier(council, _assigned_councils(session, after.get("dossier_id") or ""))


def _assigned_councils(session: Session, dossier_id: str) -> set[str]:
    councils = set()
    for _, assignment_id in store.children(session, "dossiers", dossier_id, "council_assignments"):
        row = store.load(session, "council_assignments", assignment_id)
        if row is not None and not row.deleted and row.data.get("council_id"):
            councils.add(row.data["council_id"])
    return councils


def check_council_change(session: Session, entity: str, row_id: str, before: dict | None, after: dict,
                         changed: set[str]) -> Refusal | None:
    """A council, a seat or a session as the laptop's services.council_setup keeps them: once a sheet of the
    council is submitted, update_council and delete_council refuse, so the council's fields and existence, its
    seats (new, changed, removed, moved in or out) and its sessions (changed, removed, moved) stay as they are.
    A new session is not refused: open_session opens the next round on a scored council, the way to rescore."""
    if not changed:
        return None  # a change that changes nothing leaves the council as it was
    if entity == "evaluation_sessions" and before is None:
        return None
    if entity == "councils":
        councils = {row_id} if before is not None else set()  # a new council has no sheet yet
    else:
        councils = {str(c) for c in ((before or {}).get("council_id"), after.get("council_id")) if c}
    for council_id in sorted(councils):
        refusal = check_council_setup(submitted_sheets(session, council_id))
        if refusal is not None:
            return refusal
    return None


def submitted_sheets(session: Session, council_id: str) -> int:
    """Sheets the council's members submitted, superseded ones included, counted as the laptop counts them: through
    every seat the council ever had (a removed seat's submitted sheet still locks it), sheet tombstones left out."""
    count = 0
    for _, member_id in store.children(session, "councils", council_id, "council_members"):
        for _, sheet_id in store.children(session, "council_members", member_id, "score_sheets"):
            sheet = store.load(session, "score_sheets", sheet_id)
            if sheet is not None and not sheet.deleted and (sheet.data.get("status") or "draft") != "draft":
                count += 1
    return count
