"""Recognition decisions: only for a council's approved result, at its stars, by the province; revoked with a
reason and never un-revoked; validity counted under the Civil Code."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from recognition_world import approved_dossier, recognise
from rules_laptop import AS_ADMIN, person
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import Dossier, Recognition
from ocop_desktop.services import dossiers, recognitions
from ocop_desktop.services.errors import ServiceError

TODAY = date(2026, 6, 1)


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Recognition))


def test_a_draft_dossier_is_refused_and_nothing_is_written(session: Session, dossier_id: str):
    """Without an approved council result there is nothing to recognise: a clear refusal, no row."""
    with pytest.raises(ServiceError) as error:
        recognise(session, dossier_id)
    assert error.value.code == "recognition_needs_approved_result"
    assert _count(session) == 0


def test_stars_are_the_approved_results(session: Session, council: SimpleNamespace, dossier_id: str):
    """The decision takes the council's approved stars; nobody types them."""
    approved_dossier(session, council, dossier_id)
    recognition = session.get(Recognition, recognise(session, dossier_id, date(2024, 3, 15)))
    assert recognition.stars == session.get(Dossier, dossier_id).result_stars >= 3
    # Civil Code 2015: 36 months from 15 Mar 2024 ends with 15 Mar 2027; notice 30 days before the end.
    assert (recognition.valid_until, recognition.notice_date) == (date(2027, 3, 16), date(2027, 2, 14))


def test_only_the_admin_records_and_revokes(session: Session, council: SimpleNamespace, dossier_id: str):
    """A commune officer may neither record nor revoke a decision."""
    approved_dossier(session, council, dossier_id)
    officer = person(session, "commune_officer")
    with pytest.raises(ServiceError) as error:
        recognitions.record_recognition(session, dossier_id=dossier_id, decision_no="1/QĐ", decision_date=TODAY,
                                        issuing_body="UBND tỉnh", **officer)
    assert error.value.code == "recognition_for_admin"
    recognition = recognise(session, dossier_id)
    with pytest.raises(ServiceError):
        recognitions.revoke_recognition(session, recognition_id=recognition, on=TODAY, reason="x", **officer)
    assert session.get(Recognition, recognition).revoked_on is None


def test_one_live_decision_per_dossier(session: Session, council: SimpleNamespace, dossier_id: str):
    """A second decision on the same approved result is refused: a renewal needs a new evaluation."""
    approved_dossier(session, council, dossier_id)
    recognise(session, dossier_id)
    with pytest.raises(ServiceError) as error:
        recognise(session, dossier_id, decision_no="126/QĐ-UBND")
    assert error.value.code == "already_recognised" and _count(session) == 1


@pytest.mark.parametrize(("field", "value", "code"), [("decision_no", "   ", "required"),
                                                      ("issuing_body", "x" * 301, "too_long"),
                                                      ("decision_date", "2026-01-01", "wrong_type")])
def test_bad_decision_fields_are_refused(session: Session, council: SimpleNamespace, dossier_id: str,
                                         field: str, value: object, code: str):
    approved_dossier(session, council, dossier_id)
    values = {"decision_no": "1/QĐ", "decision_date": TODAY, "issuing_body": "UBND tỉnh", field: value}
    with pytest.raises(ServiceError) as error:
        recognitions.record_recognition(session, dossier_id=dossier_id, **values, **AS_ADMIN)
    assert (error.value.code, error.value.field) == (code, field) and _count(session) == 0


def test_revocation_needs_a_reason_and_is_never_undone(session: Session, council: SimpleNamespace,
                                                       dossier_id: str):
    """A revocation without a reason is refused; once revoked, a second revocation is refused."""
    approved_dossier(session, council, dossier_id)
    recognition = recognise(session, dossier_id, date(2025, 1, 10))
    with pytest.raises(ServiceError) as error:
        recognitions.revoke_recognition(session, recognition_id=recognition, on=TODAY, reason="  ", **AS_ADMIN)
    assert error.value.code == "revocation_reason_required"
    recognitions.revoke_recognition(session, recognition_id=recognition, on=TODAY, reason="Vi phạm ATTP", **AS_ADMIN)
    with pytest.raises(ServiceError) as error:
        recognitions.revoke_recognition(session, recognition_id=recognition, on=TODAY, reason="lại", **AS_ADMIN)
    assert error.value.code == "already_revoked"
    assert session.get(Recognition, recognition).revocation_reason == "Vi phạm ATTP"


def test_view_says_validity_on_the_day(session: Session, council: SimpleNamespace, dossier_id: str):
    """Valid, then expiring from the notice date, expired after the last day, revoked from its day."""
    approved_dossier(session, council, dossier_id)
    recognition = recognise(session, dossier_id, date(2024, 3, 15))
    statuses = [recognitions.load_recognitions(session, dossier_id, today=day, **AS_ADMIN).current.status
                for day in (date(2027, 2, 13), date(2027, 2, 14), date(2027, 3, 15), date(2027, 3, 16))]
    assert statuses == ["valid", "expiring", "expiring", "expired"]
    recognitions.revoke_recognition(session, recognition_id=recognition, on=date(2026, 1, 5), reason="Hết điều kiện",
                                    **AS_ADMIN)
    view = recognitions.load_recognitions(session, dossier_id, today=TODAY, **AS_ADMIN)
    assert view.current.status == "revoked" and view.current.last_day == date(2027, 3, 15)
    assert view.can_record  # the revoked decision no longer holds this result


def test_renewal_is_a_new_decision_on_a_newer_approved_result(session: Session, council: SimpleNamespace,
                                                              dossier_id: str, product_id: str):
    """Renewing records the renewal dossier's decision; the old one stays, the newest counts."""
    approved_dossier(session, council, dossier_id)
    old = recognise(session, dossier_id, date(2023, 5, 2))
    renewal = dossiers.create_dossier(session, product_id=product_id, kind="renewal").id
    with pytest.raises(ServiceError) as error:
        recognitions.renew_recognition(session, recognition_id=old, dossier_id=renewal, decision_no="2/QĐ",
                                       decision_date=date(2026, 5, 2), issuing_body="UBND tỉnh", **AS_ADMIN)
    assert error.value.code == "recognition_needs_approved_result"
    approved_dossier(session, council, renewal)
    recognitions.renew_recognition(session, recognition_id=old, dossier_id=renewal, decision_no="2/QĐ",
                                   decision_date=date(2026, 5, 2), issuing_body="UBND tỉnh", **AS_ADMIN)
    view = recognitions.load_recognitions(session, renewal, today=TODAY, **AS_ADMIN)
    assert [r.decision_no for r in view.recognitions] == ["2/QĐ", "125/QĐ-UBND"]
    assert view.current.decision_no == "2/QĐ" and not view.can_record
