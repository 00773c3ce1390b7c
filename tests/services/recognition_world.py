"""Helpers for recognition and lot tests: a dossier the council approved, and the admin's decision on it."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from rules_laptop import AS_ADMIN, bring_to
from sqlalchemy.orm import Session

from ocop_desktop.services import demo_documents, recognitions

# Well inside the 36 months of validity on any day these tests run.
RECENT = date.today() - timedelta(days=30)


def approved_dossier(session: Session, council: SimpleNamespace, dossier_id: str, status: str = "closed") -> str:
    """The dossier, with every document it needs, scored best by the council, approved and moved to
    ``status``."""
    demo_documents.file_documents(session, [dossier_id])
    bring_to(session, council, dossier_id, status, approved=True)
    return dossier_id


def recognise(session: Session, dossier_id: str, decided: date = RECENT, decision_no: str = "125/QĐ-UBND") -> str:
    return recognitions.record_recognition(session, dossier_id=dossier_id, decision_no=decision_no,
                                           decision_date=decided, issuing_body="UBND tỉnh Hà Tĩnh",
                                           **AS_ADMIN).row_id()
