"""Who may write what: role, ownership and scope, checked for every change before it applies.

What may change once decided (locks) and which dossier move a role may make are rules for every writer, the
admin included: ocop_server.rules.check_workflow applies them after this check.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ocop_server import store
from ocop_server.scope import Viewer

ADMIN_ONLY = frozenset({"users", "devices", "criteria_set_versions", "councils", "council_members",
                        "council_assignments", "evaluation_sessions", "recognitions"})
REGISTRY = frozenset({"producers", "products", "production_lots", "lot_photos", "dossiers", "dossier_documents"})
_REGISTRY_PARENT = {"products": ("producers", "producer_id"), "production_lots": ("products", "product_id"),
                    "lot_photos": ("production_lots", "lot_id"),
                    "dossiers": ("products", "product_id"), "dossier_documents": ("dossiers", "dossier_id")}


def _communes_of(session: Session, entity: str, data: dict) -> list[str | None]:
    """Every commune a registry row touches: its own field and each ancestor's (a product filed in one
    commune under a producer of another touches both). None marks a missing link."""
    communes: list[str | None] = []
    while True:
        if data.get("commune_code") or entity in ("producers",):
            communes.append(data.get("commune_code"))
        parent = _REGISTRY_PARENT.get(entity)
        if parent is None:
            return communes
        entity, fld = parent
        row = store.load(session, entity, data.get(fld) or "")
        if row is None:
            return [*communes, None]
        data = row.data


def _member(session: Session, member_id: str | None) -> dict | None:
    row = store.load(session, "council_members", member_id) if member_id else None
    return row.data if row and not row.deleted else None


def _sheet_owner(session: Session, sheet: dict) -> str | None:
    member = _member(session, sheet.get("member_id"))
    return member.get("user_id") if member else None


def may_write(session: Session, viewer: Viewer, entity: str, before: dict | None, after: dict) -> bool:
    """``before`` is the stored row (None for a new one), ``after`` the row as the change would leave it."""
    if viewer.is_admin:
        return True
    if entity in ADMIN_ONLY:
        return False
    if entity in REGISTRY:
        if viewer.role != "commune_officer":
            return False
        communes = _communes_of(session, entity, after) + (_communes_of(session, entity, before) if before else [])
        return bool(communes) and all(c in viewer.communes for c in communes)
    if entity == "score_sheets":
        sheets = ([before] if before else []) + [after]
        return all(_sheet_owner(session, s) == viewer.user_id and _sheet_in_council(session, s) for s in sheets)
    if entity == "score_lines":
        sheets = {after.get("sheet_id")} | ({before.get("sheet_id")} if before else set())
        for sheet_id in sheets:
            sheet = store.load(session, "score_sheets", sheet_id or "")
            if sheet is None or _sheet_owner(session, sheet.data) != viewer.user_id:
                return False
        return True
    if entity == "council_results":
        for row in ([before] if before else []) + [after]:
            evaluation = store.load(session, "evaluation_sessions", row.get("session_id") or "")
            if evaluation is None or evaluation.data.get("council_id") not in viewer.leading:
                return False
        # An approval names its approver, and only as oneself: nobody approves in another's name.
        return not _approval_changed(before, after) or after.get("approved_by") == viewer.user_id
    if entity == "tasks":
        # Who gives and moves a task is ocop_core.rules.tasks.check_task_actor, which check_workflow applies.
        return True
    if entity == "conflicts":
        # Only the server opens conflicts; a person who can see one may resolve it.
        return before is not None and bool(store.scope_keys(session, "conflicts", before["id"]) & viewer.keys)
    return False


def _approval_changed(before: dict | None, after: dict) -> bool:
    approval = (after.get("approved_at"), after.get("approved_by"))
    if before is None:
        return approval != (None, None)
    return approval != (before.get("approved_at"), before.get("approved_by"))


def _sheet_in_council(session: Session, sheet: dict) -> bool:
    """A member scores only dossiers put before their council, in that council's sessions."""
    member = _member(session, sheet.get("member_id"))
    council = member.get("council_id") if member else None
    if not council:
        return False
    if sheet.get("session_id"):
        evaluation = store.load(session, "evaluation_sessions", sheet["session_id"])
        if evaluation is None or evaluation.data.get("council_id") != council:
            return False
    return f"council:{council}" in store.scope_keys(session, "dossiers", sheet.get("dossier_id") or "")
