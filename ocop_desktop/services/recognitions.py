"""The People's Committee's recognition decisions: recorded for a council's approved result, renewed, revoked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.recognition import RecognitionStatus, Validity, validity
from ocop_core.rules.recognitions import (
    check_recognition_actor,
    check_recognition_change,
    check_recognition_result,
)
from ocop_desktop.db.models import Dossier, Recognition
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import actor_for, approved_stars, enforce

# The body that issues decisions in the pilot province: what the form offers first.
DEFAULT_ISSUING_BODY = "Ủy ban nhân dân tỉnh Hà Tĩnh"


@dataclass(frozen=True, slots=True)
class RecognitionInfo:
    id: str
    dossier_id: str | None
    dossier_code: str
    stars: int
    decision_no: str
    decision_date: date
    issuing_body: str
    last_day: date  # the last day it holds
    notice_date: date  # from this day on the producer is to be told to renew
    revoked_on: date | None
    revocation_reason: str
    status: str  # RecognitionStatus, on the day the view was read


@dataclass(frozen=True, slots=True)
class RecognitionsView:
    """A dossier's product's decisions, newest first, and what may be recorded for this dossier today."""

    dossier_id: str
    product_id: str
    approved_stars: int | None  # the council's approved result for this dossier; None: none approved
    recognised_here: bool  # a live, unrevoked decision already names this dossier
    may_record: bool  # the person looking is the province's admin
    recognitions: tuple[RecognitionInfo, ...]

    @property
    def can_record(self) -> bool:
        """A decision may be recorded on this dossier now (the button to offer)."""
        return (self.may_record and not self.recognised_here
                and check_recognition_result(self.approved_stars, self.approved_stars) is None)

    @property
    def current(self) -> RecognitionInfo | None:
        """The decision in force today, or the newest one when none is."""
        live = [r for r in self.recognitions if r.status in (RecognitionStatus.VALID, RecognitionStatus.EXPIRING)]
        return live[0] if live else (self.recognitions[0] if self.recognitions else None)


def _decision_text(decision_no: str, issuing_body: str, decision_date: date) -> tuple[str, str]:
    if not isinstance(decision_date, date):
        raise ServiceError("wrong_type", "decision_date", expected="date")
    return clean_text(decision_no, "decision_no", 64), clean_text(issuing_body, "issuing_body", 300)


def record_recognition(session: Session, *, dossier_id: str, decision_no: str, decision_date: date,
                       issuing_body: str, user_id: str, role: str, months: int = 36) -> Changes:
    """The decision recognising the dossier's product at the stars of the council's approved result."""
    enforce(check_recognition_actor(actor_for(session, user_id=user_id, role=role)), "role")
    dossier = get_alive(session, Dossier, dossier_id)
    decision_no, issuing_body = _decision_text(decision_no, issuing_body, decision_date)
    stars = approved_stars(session, dossier.id)
    enforce(check_recognition_result(stars, stars), "dossier_id")
    if _live_on_dossier(session, dossier.id):
        raise ServiceError("already_recognised", "dossier_id")
    v = validity(decision_date, months)
    recognition = Recognition(product_id=dossier.product_id, dossier_id=dossier.id, stars=stars,
                              decision_no=decision_no, issuing_body=issuing_body, decision_date=decision_date,
                              valid_until=v.valid_until, notice_date=v.notice_date, revocation_reason="")
    session.add(recognition)
    session.flush()
    return Changes.of("recognitions", recognition.id, ("dossiers", dossier.id))


def renew_recognition(session: Session, *, recognition_id: str, dossier_id: str, decision_no: str,
                      decision_date: date, issuing_body: str, user_id: str, role: str) -> Changes:
    """A renewal is a new decision on the product's re-evaluation (a renewal dossier the council approved);
    the old decision stays as it was, and the newest in force is the one that counts."""
    old = get_alive(session, Recognition, recognition_id)
    dossier = get_alive(session, Dossier, dossier_id)
    if dossier.product_id != old.product_id:
        raise ServiceError("renewal_other_product", "dossier_id")
    if isinstance(decision_date, date) and decision_date <= old.decision_date:
        raise ServiceError("renewal_before_decision", "decision_date", previous=old.decision_date.isoformat())
    return record_recognition(session, dossier_id=dossier.id, decision_no=decision_no, decision_date=decision_date,
                              issuing_body=issuing_body, user_id=user_id, role=role)


def revoke_recognition(session: Session, *, recognition_id: str, on: date, reason: str, user_id: str,
                       role: str) -> Changes:
    enforce(check_recognition_actor(actor_for(session, user_id=user_id, role=role)), "role")
    recognition = get_alive(session, Recognition, recognition_id)
    if not isinstance(on, date):
        raise ServiceError("wrong_type", "revoked_on", expected="date")
    if on < recognition.decision_date:
        raise ServiceError("revoked_before_decision", "revoked_on")
    before = {"revoked_on": recognition.revoked_on, "revocation_reason": recognition.revocation_reason}
    text = clean_text(reason, "reason", 2000, required=False)
    after = {"revoked_on": on, "revocation_reason": text}
    enforce(check_recognition_change(before, after, after, None), "reason")
    recognition.revoked_on, recognition.revocation_reason = on, text
    session.flush()
    return Changes.of("recognitions", recognition.id)


def _live_on_dossier(session: Session, dossier_id: str) -> bool:
    return session.scalar(select(Recognition.id).where(
        Recognition.dossier_id == dossier_id, Recognition.deleted.is_(False),
        Recognition.revoked_on.is_(None)).limit(1)) is not None


def load_recognitions(session: Session, dossier_id: str, *, today: date, user_id: str,
                      role: str) -> RecognitionsView:
    dossier = get_alive(session, Dossier, dossier_id)
    rows = session.execute(select(Recognition, Dossier.code).outerjoin(Dossier, Dossier.id == Recognition.dossier_id)
                           .where(Recognition.product_id == dossier.product_id, Recognition.deleted.is_(False))
                           .order_by(Recognition.decision_date.desc(), Recognition.created_at.desc())).all()
    infos = tuple(_info(r, code or "", today) for r, code in rows)
    actor = actor_for(session, user_id=user_id, role=role)
    return RecognitionsView(dossier.id, dossier.product_id, approved_stars(session, dossier.id),
                            _live_on_dossier(session, dossier.id), check_recognition_actor(actor) is None, infos)


def _info(r: Recognition, dossier_code: str, today: date) -> RecognitionInfo:
    # The stored end is the one the decision was recorded with (its months), not today's rule's.
    v = Validity(r.decision_date, r.valid_until, r.notice_date, r.revoked_on)
    return RecognitionInfo(r.id, r.dossier_id, dossier_code, r.stars, r.decision_no, r.decision_date, r.issuing_body,
                           v.last_day, r.notice_date, r.revoked_on, r.revocation_reason, str(v.status_on(today)))
