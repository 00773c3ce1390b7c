"""Who may write what: role, ownership and scope, checked for every change before it applies."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ocop_server import store
from ocop_server.scope import Viewer

ADMIN_ONLY = frozenset({"users", "devices", "criteria_set_versions", "councils", "council_members",
                        "council_assignments", "evaluation_sessions", "recognitions", "tasks"})
REGISTRY = frozenset({"producers", "products", "production_lots", "dossiers", "dossier_documents"})
_REGISTRY_PARENT = {"products": ("producers", "producer_id"), "production_lots": ("products", "product_id"),
                    "dossiers": ("products", "product_id"), "dossier_documents": ("dossiers", "dossier_id")}


def _commune_of(session: Session, entity: str, data: dict) -> str | None:
    """The commune a registry row belongs to, from its own field or through its parents."""
    while True:
        if data.get("commune_code"):
            return data["commune_code"]
        parent = _REGISTRY_PARENT.get(entity)
        if parent is None:
            return None
        entity, fld = parent
        row = store.load(session, entity, data.get(fld) or "")
        if row is None:
            return None
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
        communes = [_commune_of(session, entity, after)] + ([_commune_of(session, entity, before)] if before else [])
        return all(c in viewer.communes for c in communes)
    if entity == "score_sheets":
        return all(_sheet_owner(session, s) == viewer.user_id for s in ([before] if before else []) + [after])
    if entity == "score_lines":
        sheets = {after.get("sheet_id")} | ({before.get("sheet_id")} if before else set())
        for sheet_id in sheets:
            sheet = store.load(session, "score_sheets", sheet_id or "")
            if sheet is None or _sheet_owner(session, sheet.data) != viewer.user_id:
                return False
        return True
    if entity == "council_results":
        evaluation = store.load(session, "evaluation_sessions", after.get("session_id") or "")
        return evaluation is not None and evaluation.data.get("council_id") in viewer.leading
    if entity == "conflicts":
        return before is not None  # only the server opens conflicts; people in scope resolve them
    return False
