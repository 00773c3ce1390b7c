"""The audit log of account and role changes: who did what to which account, and when. Written in the same
transaction as the change, so a change is never without its entry nor an entry without its change."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.account_messages import AuditEntry
from ocop_server.models import AuditLog, User

ACTIONS = ("user_created", "user_disabled", "user_enabled", "role_changed", "password_reset", "tokens_revoked")


def record(session: Session, *, at: datetime, actor: User | None, action: str, user: User,
           detail: dict[str, Any] | None = None) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(AuditLog(at=at, actor_id=actor.id if actor else None, actor=actor.username if actor else "",
                         action=action, user_id=user.id, username=user.username,
                         detail=json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)))


def read(session: Session, *, limit: int, before: int | None = None, user_id: str | None = None
         ) -> list[AuditEntry]:
    """Newest first; ``before`` (an entry id) pages further back."""
    query = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if before is not None:
        query = query.where(AuditLog.id < before)
    if user_id is not None:
        query = query.where(AuditLog.user_id == user_id)
    return [AuditEntry(id=e.id, at=e.at, actor=e.actor, action=e.action, user_id=e.user_id, username=e.username,
                       detail=json.loads(e.detail)) for e in session.scalars(query)]
