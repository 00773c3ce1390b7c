"""The dossier workflow by role: which move each role may make, on which dossiers, and what a move needs.

The commune receives a dossier, checks it and proposes it to the province; it never awards stars. The
province's council scores it and approves a result; only then is the dossier recorded as evaluated and,
later, closed (shared/domain/ocop-rules.md, "Procedure"; docs/workflow-rules.md has the table).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from itertools import pairwise

from ocop_core.domain.dossier_status import LOCKED_STATUSES, TRANSITIONS
from ocop_core.rules.actor import Actor
from ocop_core.rules.refusal import Refusal, refused

COMMUNE = frozenset({"admin", "commune_officer"})
PROVINCE = frozenset({"admin"})
# Who may make each move of dossier_status.TRANSITIONS. The commune's moves are the officer's work (and
# the province's admin may stand in); what follows the council's decision is the province's alone.
MOVERS: dict[tuple[str, str], frozenset[str]] = {
    ("draft", "submitted"): COMMUNE,
    ("submitted", "commune_checked"): COMMUNE,
    ("submitted", "draft"): COMMUNE,
    ("commune_checked", "forwarded"): COMMUNE,
    ("commune_checked", "draft"): COMMUNE,
    ("forwarded", "evaluated"): PROVINCE,
    ("evaluated", "closed"): PROVINCE,
}
# A dossier in these statuses has been decided on: without the council's approved result it never was.
NEEDS_APPROVED_RESULT = LOCKED_STATUSES
# The fields a move itself sets; any other field of an evaluated or closed dossier stays as it was scored.
MOVE_FIELDS = frozenset({"status", "updated_at"})
BORN = "draft"


def check_move(actor: Actor, current: str, target: str, *, commune_code: str | None,
               approved_stars: int | None) -> Refusal | None:
    """One step of the workflow. ``approved_stars`` is the final stars of the council's approved result for
    this dossier, None when the council has approved none."""
    if target not in TRANSITIONS.get(current, ()):
        return refused("transition_not_allowed", current=current, target=target)
    if actor.role not in MOVERS[(current, target)]:
        return refused("transition_not_for_role", forbidden=True, role=actor.role, current=current, target=target)
    if not actor.serves(commune_code):
        return refused("dossier_out_of_scope", forbidden=True, commune=commune_code or "")
    if target in NEEDS_APPROVED_RESULT and approved_stars is None:
        return refused("approved_result_required", target=target)
    return None


def allowed_transitions(actor: Actor, status: str, *, commune_code: str | None,
                        approved_stars: int | None) -> tuple[str, ...]:
    """The moves to offer this person on this dossier, in the workflow's order, and no other."""
    return tuple(target for target in TRANSITIONS.get(status, ())
                 if check_move(actor, status, target, commune_code=commune_code, approved_stars=approved_stars)
                 is None)


def _path(start: str, end: str) -> list[str] | None:
    """The shortest chain of workflow moves from ``start`` to ``end`` (both included)."""
    came_from: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        status = queue.popleft()
        if status == end:
            chain = [status]
            while (previous := came_from[chain[-1]]) is not None:
                chain.append(previous)
            return chain[::-1]
        for target in TRANSITIONS.get(status, ()):
            if target not in came_from:
                came_from[target] = status
                queue.append(target)
    return None


def check_status_change(actor: Actor, before: str | None, after: str, *, commune_code: str | None,
                        approved_stars: int | None) -> Refusal | None:
    """A status change as a synced row carries it: ``before`` None for a new dossier, which is born a draft.

    A laptop journals one entry per row per save, so moves made without a save between them arrive as one
    jump; a jump is accepted when each move of the chain that makes it would have been, and refused with
    the first move that would not.
    """
    start = BORN if before is None else before
    if start == after:
        return None
    chain = _path(start, after)
    if chain is None:
        return refused("transition_not_allowed", current=start, target=after)
    for current, target in pairwise(chain):
        refusal = check_move(actor, current, target, commune_code=commune_code, approved_stars=approved_stars)
        if refusal is not None:
            return refusal
    return None


def check_dossier_fields(before_status: str | None, changed: Iterable[str]) -> Refusal | None:
    """What the council scored on (the notes, kind, product, commune, stars) stays as it was, and the dossier
    is never deleted: an evaluated or closed dossier changes only by its next move."""
    if before_status in LOCKED_STATUSES and set(changed) - MOVE_FIELDS:
        return refused("dossier_locked", status=before_status)
    return None


def check_result_stars(status: str, result_stars: int | None, approved_stars: int | None) -> Refusal | None:
    """A dossier's stars are the council's approved result's, written when it is recorded as evaluated; they
    are never typed, and a dossier the council has not decided on has none."""
    expected = approved_stars if status in NEEDS_APPROVED_RESULT else None
    if result_stars is not None and result_stars != expected:
        return refused("result_stars_mismatch", stars=result_stars, expected=expected)
    return None
