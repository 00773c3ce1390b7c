"""What only provincial admins do: publish criteria-set versions, create and administer accounts, read the audit
log. Each account change revokes the account's tokens at once and is written to the audit log (accounts.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.account_messages import COMMUNE_PATTERN, AuditEntry, PasswordReset, RoleChange, UserInfo
from ocop_core.domain.criteria_loader import CriteriaSetError
from ocop_core.protocol import UUID_PATTERN, PublishRequest, Row
from ocop_server import accounts, audit, publishing
from ocop_server.deps import Caller, GzipRoute, read_session, require_admin
from ocop_server.errors import ApiError
from ocop_server.models import Token, User

router = APIRouter(prefix="/admin", tags=["admin"], route_class=GzipRoute)


class NewUser(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._@-]+$")
    password: str = Field(min_length=1, max_length=256)
    role: str = Field(max_length=24)
    full_name: str = Field(default="", max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")
    commune_codes: list[str] = Field(default=[], max_length=100)


class UserCreated(BaseModel):
    id: str
    username: str
    role: str


@router.post("/criteria-sets", response_model=Row)
def publish(body: PublishRequest, request: Request, caller: Caller = Depends(require_admin)) -> Row:
    """Validates a criteria-set version with the domain loader and makes it immutable; every device
    gets it on its next pull."""
    with request.app.state.write_sessions() as session:
        try:
            row = publishing.publish(session, body.canonical_json)
        except CriteriaSetError as exc:
            raise ApiError(422, "criteria_invalid", "The criteria set has problems.",
                           [str(p) for p in exc.problems[:200]]) from exc
        except publishing.Immutable as exc:
            raise ApiError(409, "criteria_immutable", str(exc)) from exc
        session.commit()
        return row


@router.post("/users", response_model=UserCreated)
def create_user(body: NewUser, request: Request, caller: Caller = Depends(require_admin)) -> UserCreated:
    """Refused with 422 password_too_short | password_common | password_is_username, unknown_role, invalid_user."""
    _check_communes(body.commune_codes)
    with request.app.state.write_sessions() as session:
        # Refusals (accounts.AccountError, password_policy.WeakPassword) are answered as they are.
        user = accounts.create_user(session, username=body.username, password=body.password, role=body.role,
                                    full_name=body.full_name, commune_codes=body.commune_codes,
                                    actor=session.get(User, caller.user.id))
        session.commit()
        request.app.state.callers.clear()
        return UserCreated(id=user.id, username=user.username, role=user.role)


def _check_communes(codes: list[str]) -> None:
    if any(not re.fullmatch(COMMUNE_PATTERN, c) for c in codes):
        raise ApiError(422, "invalid_user", "A commune code is 1-10 digits.")


def _info(session: Session, user: User, idle_after: datetime) -> UserInfo:
    live = [t for t in session.scalars(select(Token).where(Token.user_id == user.id, Token.revoked.is_(False)))
            if (t.last_used_at or t.created_at).replace(tzinfo=None) >= idle_after.replace(tzinfo=None)]
    used = [t.last_used_at for t in live if t.last_used_at is not None]
    return UserInfo(id=user.id, username=user.username, full_name=user.full_name, role=user.role,
                    commune_codes=json.loads(user.commune_codes or "[]"), active=user.active,
                    created_at=user.created_at, devices=len(live), last_used_at=max(used) if used else None)


@router.get("/users", response_model=list[UserInfo])
def list_users(request: Request, caller: Caller = Depends(require_admin)) -> list[UserInfo]:
    guard = request.app.state.guard
    idle_after = guard.now() - guard.token_idle
    with read_session(request) as session:
        return [_info(session, u, idle_after) for u in session.scalars(select(User).order_by(User.username))]


def _change(request: Request, caller: Caller, user_id: str, apply: Callable[[Session, User, User], None]
            ) -> UserInfo:
    """One account change: applied, its tokens revoked and audited in one transaction, then every cached
    caller forgotten, so the account's next request is judged afresh."""
    guard = request.app.state.guard
    with request.app.state.write_sessions() as session:
        user = accounts.find_user(session, user_id)
        actor = accounts.find_user(session, caller.user.id)
        apply(session, user, actor)  # a refusal (AccountError, WeakPassword) rolls back and is answered as it is
        session.commit()
        info = _info(session, user, guard.now() - guard.token_idle)
    request.app.state.callers.clear()
    return info


UserId = Path(pattern=UUID_PATTERN)


@router.post("/users/{user_id}/disable", response_model=UserInfo)
def disable(request: Request, user_id: str = UserId, caller: Caller = Depends(require_admin)) -> UserInfo:
    """The account can no longer log in and its devices get 401 account_disabled at their next request."""
    now = request.app.state.guard.now()
    return _change(request, caller, user_id, lambda s, u, a: accounts.set_active(s, u, False, actor=a, now=now))


@router.post("/users/{user_id}/enable", response_model=UserInfo)
def enable(request: Request, user_id: str = UserId, caller: Caller = Depends(require_admin)) -> UserInfo:
    """The account may log in again (its old tokens stay revoked)."""
    now = request.app.state.guard.now()
    return _change(request, caller, user_id, lambda s, u, a: accounts.set_active(s, u, True, actor=a, now=now))


@router.put("/users/{user_id}/role", response_model=UserInfo)
def change_role(body: RoleChange, request: Request, user_id: str = UserId,
                caller: Caller = Depends(require_admin)) -> UserInfo:
    """New role and communes; the synced users row follows, so laptops learn it at their next pull."""
    _check_communes(body.commune_codes)
    now = request.app.state.guard.now()
    return _change(request, caller, user_id,
                   lambda s, u, a: accounts.change_role(s, u, body.role, body.commune_codes, actor=a, now=now))


@router.post("/users/{user_id}/password", response_model=UserInfo)
def reset_password(body: PasswordReset, request: Request, user_id: str = UserId,
                   caller: Caller = Depends(require_admin)) -> UserInfo:
    now = request.app.state.guard.now()
    return _change(request, caller, user_id,
                   lambda s, u, a: accounts.reset_password(s, u, body.password, actor=a, now=now))


@router.get("/audit", response_model=list[AuditEntry])
def read_audit(request: Request, caller: Caller = Depends(require_admin),
               limit: int = Query(default=100, ge=1, le=1000), before: int | None = Query(default=None, ge=1),
               user_id: str | None = Query(default=None, pattern=UUID_PATTERN)) -> list[AuditEntry]:
    """Newest first; ``before`` (an entry's id) pages back."""
    with read_session(request) as session:
        return audit.read(session, limit=limit, before=before, user_id=user_id)
