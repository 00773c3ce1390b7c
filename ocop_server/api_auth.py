"""Login, device tokens and their renewal.

A login is refused before any Argon2 work when its account or address failed too often lately (429 with
Retry-After), and when the Argon2 threads and their queue are full (503 with Retry-After): a flood of logins
costs the sync requests neither a request thread nor a core beyond the pool's."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from ocop_core.account_messages import RenewResponse
from ocop_core.protocol import UUID_PATTERN, LoginRequest, LoginResponse, TokenInfo
from ocop_server import accounts, audit
from ocop_server.deps import Caller, GzipRoute, read_session, require_caller, require_protocol
from ocop_server.errors import ApiError, problem
from ocop_server.models import Token, User
from ocop_server.throttle import AccountGuard, PoolFull

router = APIRouter(prefix="/auth", tags=["auth"], route_class=GzipRoute)
BUSY_RETRY_SECONDS = 2


def _later(status: int, code: str, message: str, seconds: int) -> JSONResponse:
    response = problem(status, code, message, {"retry_after": seconds})
    response.headers["Retry-After"] = str(seconds)
    return response


def _check(request: Request, username: str, password: str) -> User | None:
    with request.app.state.sessions() as session:
        user = accounts.check_password(session, username, password)
        if user is not None:
            session.expunge(user)
        return user


def _issue(request: Request, user: User, device_id: str, device_name: str) -> str:
    with request.app.state.write_sessions() as writer:
        token = accounts.issue_token(writer, user, device_id, device_name, request.app.state.guard.now())
        writer.commit()
    return token


@router.post("/login", response_model=LoginResponse, dependencies=[Depends(require_protocol)],
             responses={429: {"description": "too many failed logins (Retry-After)"},
                        503: {"description": "too many logins at once (Retry-After)"}})
async def login(body: LoginRequest, request: Request) -> LoginResponse | JSONResponse:
    guard: AccountGuard = request.app.state.guard
    address = request.client.host if request.client else ""
    wait = guard.throttle.retry_after(body.username, address)
    if wait:
        return _later(429, "login_throttled", f"Too many failed logins; try again in {wait} s "
                                              f"(Đăng nhập sai quá nhiều lần).", wait)
    try:
        user = await guard.pool.run(_check, request, body.username, body.password)
    except PoolFull:
        return _later(503, "login_busy", "Too many logins at once; try again in a moment (Máy chủ đang bận).",
                      BUSY_RETRY_SECONDS)
    if user is None:
        guard.throttle.failed(body.username, address)
        raise ApiError(401, "login_failed", "Wrong username or password (Sai tên đăng nhập hoặc mật khẩu).")
    guard.throttle.succeeded(body.username)
    if not user.active:
        raise ApiError(403, "account_disabled", "This account is disabled (Tài khoản đã bị khóa).")
    token = await run_in_threadpool(_issue, request, user, body.device_id, body.device_name)
    return LoginResponse(token=token, user_id=user.id, username=user.username, full_name=user.full_name,
                         role=user.role, commune_codes=json.loads(user.commune_codes or "[]"))


@router.post("/renew", response_model=RenewResponse)
def renew(request: Request, caller: Caller = Depends(require_caller)) -> RenewResponse:
    """A fresh token for this device in place of the one sent, which stops working at once: a copy of the old
    token left anywhere is worthless after the laptop's next renewal."""
    guard: AccountGuard = request.app.state.guard
    with request.app.state.write_sessions() as session:
        old = session.get(Token, caller.token_id)
        if old is None or old.revoked:
            raise ApiError(401, "token_invalid", "This device's login is no longer valid; log in again.")
        old.revoked = True
        token = accounts.issue_token(session, caller.user, old.device_id, old.device_name, guard.now())
        fresh = session.scalar(select(Token).where(Token.token_hash == accounts.token_digest(token)))
        assert fresh is not None
        expires = accounts.expires_at(fresh, guard.token_idle)
        session.commit()
    request.app.state.callers.clear()
    return RenewResponse(token=token, expires_at=expires)


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
        owner = session.get(User, token.user_id)
        if token.user_id != caller.user.id and owner is not None and not token.revoked:
            # An admin cutting off someone's device (a lost laptop) is an account change like the others.
            audit.record(session, at=request.app.state.guard.now(), actor=session.get(User, caller.user.id),
                         action="tokens_revoked", user=owner,
                         detail={"device_id": token.device_id, "device_name": token.device_name})
        token.revoked = True
        session.commit()
        request.app.state.callers.clear()  # the revoked token must stop working now
        return TokenInfo(token_id=token.id, device_id=token.device_id, device_name=token.device_name,
                         created_at=token.created_at, last_used_at=token.last_used_at, revoked=True)
