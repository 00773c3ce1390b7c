"""Sheets for the scoring tests, made through the services as the screens would."""

from __future__ import annotations

from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import ScoreSheet
from ocop_desktop.db.schema import Database
from ocop_desktop.services import sheet_view, sheets
from ocop_desktop.services.sheet_view import NOT_STARTED


def start_sheet(demo_db: Database, *, complete: bool = False, criteria_set_id: str | None = None) -> str:
    """A new draft on a waiting demo dossier; with ``complete``, every criterion answered."""
    with demo_db.session() as session:
        row = next(r for r in sheet_view.my_sheets(session, "", is_admin=True) if r.status == NOT_STARTED)
        sheet_id = sheets.start_sheet(session, dossier_id=row.dossier_id, member_id=row.member_id,
                                      evaluation_id=row.evaluation_id, criteria_set_id=criteria_set_id).id
        if complete:
            _, product_set = sheets.sheet_context(session, session.get(ScoreSheet, sheet_id))
            sheets.record_answers(session, sheet_id=sheet_id, answers=extreme_answers(product_set, best=True))
        session.commit()
    return sheet_id
