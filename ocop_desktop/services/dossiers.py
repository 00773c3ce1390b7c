"""Opening dossiers, editing them and moving them through the workflow."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ocop_core.domain.dossier_status import DOCUMENT_TYPES, DOSSIER_KINDS, LOCKED_STATUSES, can_move
from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import CriteriaSetVersion, Dossier, DossierDocument, Product
from ocop_desktop.db.types import utcnow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError, check_choice, clean_text
from ocop_desktop.services.lookup import get_alive, get_columns


def create_dossier(session: Session, *, product_id: str, kind: str = "new", code: str | None = None,
                   notes: str = "", criteria_set_id: str | None = None) -> Changes:
    product = get_columns(session, Product, product_id, "id", "commune_code")
    dossier_id = new_id()
    # A code made from the UUID needs no counter shared between offline laptops.
    code = clean_text(code, "code", 64) if code else f"HS-{date.today():%Y}-{dossier_id[:8].upper()}"
    dossier = Dossier(
        id=dossier_id,
        code=code,
        product_id=product["id"],
        kind=check_choice(kind, "kind", DOSSIER_KINDS),
        commune_code=product["commune_code"],
        notes=clean_text(notes, "notes", 20000, required=False),
        status="draft",
    )
    if criteria_set_id is not None:
        dossier.criteria_set_id = get_alive(session, CriteriaSetVersion, criteria_set_id).id
    session.add(dossier)
    return Changes.of("dossiers", dossier.id)


def update_dossier(session: Session, dossier_id: str, *, notes: Any = None, kind: Any = None) -> Changes:
    dossier = get_alive(session, Dossier, dossier_id)
    if dossier.status in LOCKED_STATUSES:
        raise ServiceError("dossier_locked", "status", status=dossier.status)
    if notes is not None:
        dossier.notes = clean_text(notes, "notes", 20000, required=False)
    if kind is not None:
        dossier.kind = check_choice(kind, "kind", DOSSIER_KINDS)
    return Changes.of("dossiers", dossier.id)


def change_dossier_status(session: Session, dossier_id: str, target: str) -> Changes:
    dossier = get_alive(session, Dossier, dossier_id)
    if not can_move(dossier.status, target):
        raise ServiceError("transition_not_allowed", "status", current=dossier.status, target=str(target)[:32])
    dossier.status = target
    if target == "submitted" and dossier.submitted_at is None:
        dossier.submitted_at = utcnow()
    return Changes.of("dossiers", dossier.id)


def delete_document(session: Session, document_id: str) -> Changes:
    document = get_alive(session, DossierDocument, document_id)
    dossier = get_alive(session, Dossier, document.dossier_id)
    if dossier.status in LOCKED_STATUSES:  # evidence the council scored on is never removed
        raise ServiceError("dossier_locked", "status", status=dossier.status)
    document.deleted = True
    return Changes.of("dossier_documents", document.id, ("dossiers", document.dossier_id))


def check_document_type(doc_type: Any) -> str:
    return check_choice(doc_type, "doc_type", DOCUMENT_TYPES)
