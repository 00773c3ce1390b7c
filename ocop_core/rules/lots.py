"""Production lots: who records them, and what a printed label fixes for good."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ocop_core.rules.actor import Actor
from ocop_core.rules.refusal import Refusal, refused

RECORDERS = frozenset({"admin", "commune_officer"})
# The fields a printed label carries or a consumer reads off it: once printed they mean this lot for good.
ON_THE_LABEL = frozenset({"lot_code", "product_id"})


def check_lot_actor(actor: Actor, communes: Iterable[str | None]) -> Refusal | None:
    """Commune officers record the lots of their own communes' products (``communes``: the product's and its
    producer's, as the server's scope checks both); the province's admin any."""
    if actor.role not in RECORDERS:
        return refused("lot_not_for_role", forbidden=True, role=actor.role)
    for commune_code in communes:
        if not actor.serves(commune_code):
            return refused("lot_out_of_scope", forbidden=True, commune=commune_code or "")
    return None


def check_lot_change(before: Mapping[str, Any] | None, after: Mapping[str, Any],
                     changed: Iterable[str]) -> Refusal | None:
    """A lot row as a change leaves it (``before`` None for a new lot).

    A lot whose label has been printed is somewhere in a shop with its code on it: it is never deleted, its
    code never changes, and it is taken off the market by withdrawing it, with a reason. A withdrawal is
    never undone (a lot found fine after all is a new decision, recorded in the notes)."""
    changed = set(changed)
    was = before or {}
    if was.get("label_printed_at"):
        if after.get("deleted") and not was.get("deleted"):
            return refused("lot_label_printed")
        if changed & ON_THE_LABEL or not after.get("label_printed_at"):
            return refused("lot_label_printed")
    if was.get("withdrawn_on") and changed & {"withdrawn_on", "withdrawal_reason"}:
        return refused("lot_withdrawn", on=str(was["withdrawn_on"]))
    if after.get("withdrawn_on") and not str(after.get("withdrawal_reason") or "").strip():
        return refused("withdrawal_reason_required")
    return None
