"""Entity rules the server enforces whoever writes: immutable criteria, frozen sheets, recomputed totals."""

from __future__ import annotations

import functools
from decimal import Decimal

from sqlalchemy.orm import Session

from ocop_core.domain.canonical import content_hash
from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.criteria_loader import CriteriaSetError, load_document
from ocop_core.domain.scoring import Answer, score_sheet
from ocop_server import store

CRITERIA_MUTABLE = frozenset({"status", "effective_to", "updated_at"})
FROZEN_SHEET = ("submitted", "superseded")


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


def check_sheet(session: Session, sheet_id: str, before: dict | None, after: dict, changed: set[str]) -> str | None:
    if before is not None and before.get("status") in FROZEN_SHEET:
        if changed <= {"status", "updated_at"} and before.get("status") == "submitted" \
                and after.get("status") == "superseded":
            return None
        return "sheet_submitted: a submitted sheet never changes; rescore it instead"
    if after.get("status") == "submitted" and (before or {}).get("status") != "submitted":
        return recompute(session, sheet_id, after)
    return None


def check_line(session: Session, after: dict) -> str | None:
    sheet = store.load(session, "score_sheets", after.get("sheet_id") or "")
    if sheet is None:
        return "unknown_sheet"
    if sheet.data.get("status") in FROZEN_SHEET:
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
