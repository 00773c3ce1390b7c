"""Which changes of a row are logged, and the canonical bytes of each entry.

An entry holds only what a consumer relies on and what is public anyway: a product's stars, a decision's
number and dates, a lot's dates and origin. Never a member's scores, never who approved (a person), never
a phone number. The canonical form (sorted keys, no spaces, UTF-8) makes one fact one byte string, so any
verifier can recompute a leaf from the entry it is shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

CRITERIA = ("criteria_set_id", "code", "title", "content_hash", "effective_from")
RESULT = ("result_id", "dossier_id", "session_id", "final_stars", "band_stars", "mean_total", "n_sheets",
          "recommendation", "approved_at")
RECOGNITION = ("recognition_id", "product_id", "dossier_id", "stars", "issuing_body", "decision_no",
               "decision_date", "valid_until", "revoked_on", "revocation_reason")
LOT = ("lot_id", "product_id", "lot_code", "produced_on", "expires_on", "origin", "quantity", "unit",
       "withdrawn_on", "withdrawal_reason")
ID_FIELD = {"criteria_set_versions": "criteria_set_id", "council_results": "result_id",
            "recognitions": "recognition_id", "production_lots": "lot_id"}
FIELDS = {"criteria_set_versions": CRITERIA, "council_results": RESULT, "recognitions": RECOGNITION,
          "production_lots": LOT}
LOGGED = frozenset(FIELDS)

Row = Mapping[str, Any]


def _facts(entity: str, row: Row) -> dict[str, Any]:
    values = {**row, ID_FIELD[entity]: row.get("id")}
    return {name: values.get(name) for name in FIELDS[entity]}


def _newly(name: str, before: Row | None, after: Row) -> bool:
    return bool(after.get(name)) and not (before or {}).get(name)


def _kinds(entity: str, before: Row | None, after: Row) -> list[str]:
    if entity == "criteria_set_versions":
        published = after.get("status") == "published" and (before or {}).get("status") != "published"
        return ["criteria_set_published"] if published else []
    if entity == "council_results":
        return ["result_approved"] if _newly("approved_at", before, after) else []
    if entity == "recognitions":
        kinds = ["recognition_issued"] if before is None else []
        renewed = before is not None and not after.get("revoked_on") and any(
            before.get(name) != after.get(name) for name in ("valid_until", "decision_no", "decision_date"))
        kinds += ["recognition_renewed"] if renewed else []
        return kinds + (["recognition_revoked"] if _newly("revoked_on", before, after) else [])
    if entity == "production_lots":
        kinds = ["lot_recorded"] if before is None else []
        return kinds + (["lot_withdrawn"] if _newly("withdrawn_on", before, after) else [])
    return []


def entries_for(entity: str, before: Row | None, after: Row) -> list[dict[str, Any]]:
    """The entries a change of one row makes: none for most changes, one or two for the events that
    the log exists to record. Deleted rows log nothing here: the rules refuse deleting what is logged."""
    if entity not in LOGGED or after.get("deleted"):
        return []
    return [{"kind": kind, **_facts(entity, after)} for kind in _kinds(entity, before, after)]


def canonical(entry: Mapping[str, Any]) -> bytes:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode()


def parse(data: bytes) -> dict[str, Any]:
    """An entry from its canonical bytes; ValueError if the bytes are not exactly canonical."""
    entry = json.loads(data.decode())
    if not isinstance(entry, dict) or canonical(entry) != data:
        raise ValueError("not a canonical log entry")
    return entry
