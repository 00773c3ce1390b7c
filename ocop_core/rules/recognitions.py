"""Recognition decisions: only the province records one, for a dossier the council approved, at its stars."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ocop_core.rules.actor import Actor
from ocop_core.rules.refusal import Refusal, refused

# What ties a decision to the council's approved result; changing one needs the result checked again.
DECIDED_BY = frozenset({"dossier_id", "stars"})
RECOGNISED_STARS = (3, 4, 5)


def check_recognition_actor(actor: Actor) -> Refusal | None:
    return None if actor.is_admin else refused("recognition_for_admin", forbidden=True, role=actor.role)


def check_recognition_result(approved_stars: int | None, stars: int | None) -> Refusal | None:
    """``approved_stars``: the final stars of the dossier's approved council result, None when the council
    approved none (or the decision names no dossier). The decision's stars are the council's, never typed."""
    if approved_stars is None:
        return refused("recognition_needs_approved_result")
    if approved_stars not in RECOGNISED_STARS:
        return refused("result_not_recognisable", stars=approved_stars)
    if stars != approved_stars:
        return refused("recognition_stars_mismatch", stars=stars, expected=approved_stars)
    return None


def check_recognition_change(before: Mapping[str, Any] | None, after: Mapping[str, Any], changed: Iterable[str],
                             approved_stars: int | None) -> Refusal | None:
    """A recognition row as a change leaves it. A revocation is never undone: a product recognised again
    gets a new decision."""
    changed = set(changed)
    if before is not None and before.get("revoked_on") and (
            not after.get("revoked_on") or changed & {"revoked_on", "revocation_reason"}):
        return refused("already_revoked")
    if after.get("revoked_on") and not str(after.get("revocation_reason") or "").strip():
        return refused("revocation_reason_required")
    if before is None or changed & DECIDED_BY:
        return check_recognition_result(approved_stars, after.get("stars"))
    return None
