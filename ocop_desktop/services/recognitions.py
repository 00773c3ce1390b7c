"""Recording the People's Committee's recognition decision and revoking it."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ocop_core.domain.recognition import validity
from ocop_desktop.db.models import Dossier, Product, Recognition
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError, clean_text
from ocop_desktop.services.lookup import get_alive


def record_recognition(session: Session, *, product_id: str, stars: int, decision_no: str, decision_date: date,
                       issuing_body: str, dossier_id: str | None = None, months: int = 36) -> Changes:
    product = get_alive(session, Product, product_id)
    if stars not in (3, 4, 5):
        raise ServiceError("invalid_stars", "stars", value=stars)
    if dossier_id:
        get_alive(session, Dossier, dossier_id)
    v = validity(decision_date, months)
    recognition = Recognition(product_id=product.id, dossier_id=dossier_id, stars=stars,
                              decision_no=clean_text(decision_no, "decision_no", 64),
                              issuing_body=clean_text(issuing_body, "issuing_body", 300),
                              decision_date=decision_date, valid_until=v.valid_until, notice_date=v.notice_date)
    session.add(recognition)
    session.flush()
    return Changes.of("recognitions", recognition.id)


def revoke_recognition(session: Session, *, recognition_id: str, on: date, reason: str) -> Changes:
    recognition = get_alive(session, Recognition, recognition_id)
    if recognition.revoked_on is not None:
        raise ServiceError("already_revoked", "revoked_on")
    recognition.revoked_on = on
    recognition.revocation_reason = clean_text(reason, "reason", 2000)
    session.flush()
    return Changes.of("recognitions", recognition.id)
