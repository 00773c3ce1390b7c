"""Login and device tokens."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import select

from ocop_core.protocol import UUID_PATTERN, LoginRequest, LoginResponse, TokenInfo
from ocop_server import accounts
from ocop_server.deps import Caller, GzipRoute, read_session, require_caller, require_protocol
from ocop_server.errors import ApiError
from ocop_server.models import Token

router = APIRouter(prefix="/auth", tags=["auth"], route_class=GzipRoute)


@router.post("/login", response_model=LoginResponse, dependencies=[Depends(require_protocol)])
def login(body: LoginRequest, request: Request) -> LoginResponse:
    # The password is checked (Argon2, deliberately slow) outside the writer, which only stores the token.
    with request.app.state.sessions() as session:
        user = accounts.check_password(session, body.username, body.password)
        if user is None:
            raise ApiError(401, "login_failed", "Wrong username or password (Sai tên đăng nhập hoặc mật khẩu).")
        session.expunge(user)
    with request.app.state.write_sessions() as writer:
        token = accounts.issue_token(writer, user, body.device_id, body.device_name)
        writer.commit()
    return LoginResponse(token=token, user_id=user.id, username=user.username, full_name=user.full_name,
                         role=user.role, commune_codes=json.loads(user.commune_codes or "[]"))


@router.get("/tokens", response_model=list[TokenInfo])
def tokens(request: Request, caller: Caller = Depends(require_caller),
           user_id: str | None = Query(default=None, pattern=UUID_PATTERN)) -> list[TokenInfo]:
    with read_session(request) as session:
        owner = user_id if (user_id and caller.user.role == "admin") else caller.user.id
        rows = session.scalars(select(Token).where(Token.user_id == owner).order_by(Token.created_at))
        return [TokenInfo(token_id=t.id, device_id=t.device_id, device_name=t.device_name, created_at=t.created_at,
                          last_used_at=t.last_used_at, revoked=t.revoked) for t in rows]


@router.post("/tokens/{token_id}/revoke", response_model=TokenInfo)
def revoke(request: Request, token_id: str = Path(pattern=UUID_PATTERN),
           caller: Caller = Depends(require_caller)) -> TokenInfo:
    with request.app.state.write_sessions() as session:
        token = session.get(Token, token_id)
        if token is None or (token.user_id != caller.user.id and caller.user.role != "admin"):
            raise ApiError(404, "token_not_found", "No such token among yours.")
        token.revoked = True
        session.commit()
        request.app.state.callers.clear()  # the revoked token must stop working now
        return TokenInfo(token_id=token.id, device_id=token.device_id, device_name=token.device_name,
                         created_at=token.created_at, last_used_at=token.last_used_at, revoked=True)
