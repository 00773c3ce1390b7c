"""Opening dossiers, editing them and moving them through the workflow."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.dossier_status import DOCUMENT_TYPES, DOSSIER_KINDS
from ocop_core.rules import locks, workflow
from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import CriteriaSetVersion, Dossier, DossierDocument, Product
from ocop_desktop.db.types import utcnow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import check_choice, clean_text
from ocop_desktop.services.lookup import get_alive, get_columns
from ocop_desktop.services.rule_facts import actor_for, approved_stars, enforce


def create_dossier(session: Session, *, product_id: str, kind: str = "new", code: str | None = None,
                   notes: str = "", criteria_set_id: str | None = None) -> Changes:
    product = get_columns(session, Product, product_id, "id", "commune_code")
    dossier_id = new_id()
    # A code made from the UUID needs no counter shared between offline laptops.
    code = clean_text(code, "code", 64) if code else f"HS-{vietnam_today():%Y}-{dossier_id[:8].upper()}"
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
    changed = [name for name, value in (("notes", notes), ("kind", kind)) if value is not None]
    enforce(workflow.check_dossier_fields(dossier.status, changed), "status")
    if notes is not None:
        dossier.notes = clean_text(notes, "notes", 20000, required=False)
    if kind is not None:
        dossier.kind = check_choice(kind, "kind", DOSSIER_KINDS)
    return Changes.of("dossiers", dossier.id)


def change_dossier_status(session: Session, dossier_id: str, target: str, *, user_id: str, role: str) -> Changes:
    """One move of the workflow by the logged-in person (``user_id``, ``role``), if ocop_core.rules lets
    them make it; moving to evaluated writes the council's approved stars on the dossier."""
    dossier = get_alive(session, Dossier, dossier_id)
    target = (target if isinstance(target, str) else str(target))[:32]
    stars = approved_stars(session, dossier.id)
    enforce(workflow.check_move(actor_for(session, user_id=user_id, role=role), dossier.status, target,
                                commune_code=dossier.commune_code, approved_stars=stars), "status")
    dossier.status = target
    if target == "submitted" and dossier.submitted_at is None:
        dossier.submitted_at = utcnow()
    if target == "evaluated":
        dossier.result_stars = stars
    return Changes.of("dossiers", dossier.id)


def allowed_moves(session: Session, dossier_id: str, *, user_id: str, role: str) -> tuple[str, ...]:
    """The moves to offer the logged-in person on this dossier: those change_dossier_status would accept."""
    dossier = get_alive(session, Dossier, dossier_id)
    return workflow.allowed_transitions(actor_for(session, user_id=user_id, role=role), dossier.status,
                                        commune_code=dossier.commune_code,
                                        approved_stars=approved_stars(session, dossier.id))


def delete_document(session: Session, document_id: str) -> Changes:
    document = get_alive(session, DossierDocument, document_id)
    dossier = get_alive(session, Dossier, document.dossier_id)
    enforce(locks.check_document_change(dossier.status, dossier.status), "status")
    document.deleted = True
    return Changes.of("dossier_documents", document.id, ("dossiers", document.dossier_id))


def check_document_type(doc_type: Any) -> str:
    return check_choice(doc_type, "doc_type", DOCUMENT_TYPES)
