"""Tasks that make themselves: a scoring task for each scoring member of the council a dossier is put before,
and a renewal task for a recognition six months from its end.

Run at app start and after every sync. Each task's id is derived from what it is about, so running again,
or on another laptop, makes the same row instead of a second one.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_desktop.db.models import (
    CouncilAssignment,
    CouncilMember,
    Dossier,
    Producer,
    Product,
    Recognition,
    ScoreSheet,
    Task,
    User,
)
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.tasks import create_task

_NAMESPACE = uuid.UUID("5b0e3f1c-7a51-4c1e-9d0a-16a0c0f0f016")
RENEWAL_AHEAD = timedelta(days=183)
# The renewal is due a month before the end, so the new decision is out before the old one lapses.
RENEWAL_DUE_BEFORE = timedelta(days=30)
# Who makes them: the people who give work to others (ocop_core.rules.tasks.ASSIGNERS) and see all of it.
MAKERS = frozenset({"admin", "secretary"})


def auto_task_id(kind: str, *about: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, ":".join((kind, *about))))


def ensure_auto_tasks(session: Session, *, user_id: str, role: str, today: date | None = None) -> Changes:
    """Makes the missing automatic tasks; a laptop of someone who does not give work makes none (theirs
    arrive by sync)."""
    if role not in MAKERS:
        return Changes()
    today = today or vietnam_today()
    changes = _scoring_tasks(session, user_id, role, today)
    if role == "admin":
        changes |= _renewal_tasks(session, user_id, role, today)
    return changes


def _exists(session: Session, task_id: str) -> bool:
    # A tombstoned or cancelled automatic task stays so: someone decided it was not needed.
    return session.get(Task, task_id) is not None


def _scoring_tasks(session: Session, user_id: str, role: str, today: date) -> Changes:
    rows = session.execute(
        select(CouncilAssignment.id, Dossier.id, Dossier.code, Product.name, CouncilMember.id, CouncilMember.user_id)
        .join(Dossier, Dossier.id == CouncilAssignment.dossier_id)
        .join(Product, Product.id == Dossier.product_id)
        .join(CouncilMember, CouncilMember.council_id == CouncilAssignment.council_id)
        .join(User, User.id == CouncilMember.user_id)
        .where(CouncilAssignment.deleted.is_(False), CouncilMember.deleted.is_(False), CouncilMember.scores.is_(True),
               User.deleted.is_(False), Dossier.deleted.is_(False), Dossier.status == "forwarded"))
    submitted = {(m, d) for m, d in session.execute(select(ScoreSheet.member_id, ScoreSheet.dossier_id).where(
        ScoreSheet.deleted.is_(False), ScoreSheet.status != "draft"))}
    changes = Changes()
    for assignment_id, dossier_id, code, product, member_id, member_user in rows:
        task_id = auto_task_id("score_for_council", assignment_id, member_id)
        if (member_id, dossier_id) in submitted or _exists(session, task_id):
            continue
        changes |= create_task(session, user_id=user_id, role=role, kind="score_for_council",
                               title=f"{code} · {product}", assignee_id=member_user, dossier_id=dossier_id,
                               today=today, task_id=task_id)
    return changes


def _renewal_tasks(session: Session, user_id: str, role: str, today: date) -> Changes:
    officers = {commune: officer for officer, commune in session.execute(
        select(User.id, User.commune_code).where(User.deleted.is_(False), User.role == "commune_officer")
        .order_by(User.username.desc()))}
    rows = session.execute(
        select(Recognition.id, Recognition.valid_until, Recognition.dossier_id, Product.name, Product.producer_id,
               Producer.commune_code)
        .join(Product, Product.id == Recognition.product_id)
        .join(Producer, Producer.id == Product.producer_id)
        .where(Recognition.deleted.is_(False), Recognition.revoked_on.is_(None),
               Recognition.valid_until <= today + RENEWAL_AHEAD, Recognition.valid_until >= today))
    # No officer for the commune: the admin who runs this, when this laptop knows their account; else nobody yet.
    fallback = user_id if session.get(User, user_id) is not None else None
    changes = Changes()
    for recognition_id, valid_until, dossier_id, product, producer_id, commune in rows:
        task_id = auto_task_id("renew_recognition", recognition_id)
        if _exists(session, task_id):
            continue
        changes |= create_task(session, user_id=user_id, role=role, kind="renew_recognition",
                               title=f"{product} · {valid_until.isoformat()}",
                               assignee_id=officers.get(commune, fallback), dossier_id=dossier_id,
                               producer_id=producer_id, due_on=max(today, valid_until - RENEWAL_DUE_BEFORE),
                               today=today, task_id=task_id)
    return changes
