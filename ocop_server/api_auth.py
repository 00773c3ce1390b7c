"""Login and device tokens."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.sync.protocol import LoginRequest, LoginResponse, TokenInfo
from ocop_server import accounts
from ocop_server.deps import Caller, GzipRoute, get_session, get_writer, require_caller, require_protocol
from ocop_server.errors import ApiError
from ocop_server.models import Token

router = APIRouter(prefix="/auth", tags=["auth"], route_class=GzipRoute)


@router.post("/login", response_model=LoginResponse, dependencies=[Depends(require_protocol)])
def login(body: LoginRequest, session: Session = Depends(get_writer)) -> LoginResponse:
    found = accounts.login(session, body.username, body.password, body.device_id, body.device_name)
    if found is None:
        raise ApiError(401, "login_failed", "Wrong username or password (Sai tên đăng nhập hoặc mật khẩu).")
    user, token = found
    session.commit()
    return LoginResponse(token=token, user_id=user.id, username=user.username, full_name=user.full_name,
                         role=user.role, commune_codes=json.loads(user.commune_codes or "[]"))


@router.get("/tokens", response_model=list[TokenInfo])
def tokens(caller: Caller = Depends(require_caller), session: Session = Depends(get_session),
           user_id: str | None = None) -> list[TokenInfo]:
    owner = user_id if (user_id and caller.user.role == "admin") else caller.user.id
    rows = session.scalars(select(Token).where(Token.user_id == owner).order_by(Token.created_at))
    return [TokenInfo(token_id=t.id, device_id=t.device_id, device_name=t.device_name, created_at=t.created_at,
                      last_used_at=t.last_used_at, revoked=t.revoked) for t in rows]


@router.post("/tokens/{token_id}/revoke", response_model=TokenInfo)
def revoke(token_id: str, caller: Caller = Depends(require_caller),
           session: Session = Depends(get_writer)) -> TokenInfo:
    token = session.get(Token, token_id[:36])
    if token is None or (token.user_id != caller.user.id and caller.user.role != "admin"):
        raise ApiError(404, "token_not_found", "No such token among yours.")
    token.revoked = True
    session.commit()
    return TokenInfo(token_id=token.id, device_id=token.device_id, device_name=token.device_name,
                     created_at=token.created_at, last_used_at=token.last_used_at, revoked=True)
