"""Request plumbing: the database session, the protocol check, the caller's identity, gzip bodies."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import Depends, Header, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy import bindparam
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ocop_core.protocol import PROTOCOL_VERSION, SUPPORTED_VERSIONS
from ocop_server import accounts
from ocop_server.errors import ApiError, problem
from ocop_server.models import Token, User
from ocop_server.scope import Viewer, viewer_for
from ocop_server.throttle import AccountGuard


def read_session(request: Request) -> Session:
    """Endpoints open and close their sessions in their own body (``with read_session(request)``): a
    generator dependency would be closed on a later thread-pool turn, and under load (200 devices) the
    connections waiting for that turn exhausted the pool."""
    return request.app.state.sessions()


async def require_protocol(x_ocop_protocol: str | None = Header(default=None)) -> int:
    # async: FastAPI runs a plain-def dependency on a worker thread, a hop that cost more than the check.
    try:
        version = int(x_ocop_protocol or "")
    except ValueError:
        version = -1
    if version not in SUPPORTED_VERSIONS:
        raise ApiError(426, "protocol_unsupported",
                       f"This server speaks sync protocol {sorted(SUPPORTED_VERSIONS)}; the app sent "
                       f"{x_ocop_protocol!r}. Update the app (Cập nhật ứng dụng) to version {PROTOCOL_VERSION}.")
    return version


@dataclass(frozen=True)
class Caller:
    user: User
    viewer: Viewer
    device_id: str
    token_id: str = ""


async def require_caller(request: Request, authorization: str | None = Header(default=None),
                         _: int = Depends(require_protocol)) -> Caller:
    """The cached answer is returned on the event loop; only a miss goes to a worker thread for the database."""
    if not authorization or not authorization.startswith("Bearer "):
        raise ApiError(401, "not_logged_in", "Log in first (Authorization: Bearer <token>).")
    cache: CallerCache = request.app.state.callers
    token_text = authorization[7:].strip()
    cached = cache.get(token_text)
    if cached is not None:
        return cached
    caller = await run_in_threadpool(_look_up_caller, request, token_text)
    cache.put(token_text, caller)
    return caller


def _look_up_caller(request: Request, token_text: str) -> Caller:
    # A session of its own, closed before the endpoint runs: a request waiting for the writer must not
    # hold a pooled connection meanwhile (200 devices at once exhausted the pool).
    guard: AccountGuard = request.app.state.guard
    now = guard.now()
    with request.app.state.sessions() as session:
        found = accounts.user_for_token(session, token_text)
        if not isinstance(found, str) and accounts.expires_at(found[1], guard.token_idle) < now:
            found = "token_expired"
        if found == "account_disabled":
            raise ApiError(401, "account_disabled", "This account is disabled (Tài khoản đã bị khóa); ask the "
                                                    "province's admin.")
        if found == "token_expired":
            raise ApiError(401, "token_expired", "This device's login expired after a long time unused; log in "
                                                 "again (Đăng nhập lại).")
        if isinstance(found, str):
            raise ApiError(401, "token_invalid", "This device's login is no longer valid; log in again.")
        user, token = found
        viewer = viewer_for(session, user)
        session.expunge_all()
    last = token.last_used_at
    # Every few minutes at most: the stamp is also what slides the token's expiry.
    if last is None or (last.replace(tzinfo=last.tzinfo or UTC) < now - timedelta(minutes=5)):
        request.app.state.token_touches.add(token.id, now)
    return Caller(user, viewer, token.device_id, token.id)


class CallerCache:
    """Who a token belongs to and what they may see, kept for a few seconds: a device makes three or
    four requests in a row, and each lookup cost more than the request itself. Cleared at once when a
    token is revoked or a user or council membership changes (the only inputs of a Viewer)."""

    def __init__(self, ttl: float = 5.0):
        self.ttl = ttl
        self._entries: dict[str, tuple[float, Caller]] = {}
        self._lock = threading.Lock()

    def get(self, token: str) -> Caller | None:
        with self._lock:
            entry = self._entries.get(token)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def put(self, token: str, caller: Caller) -> None:
        with self._lock:
            if len(self._entries) > 10_000:
                self._entries.clear()
            self._entries[token] = (time.monotonic() + self.ttl, caller)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_TOUCH = Token.__table__.update().where(Token.__table__.c.id == bindparam("b_id"))


class TokenTouches:
    """When each token was last used, written in one statement per group of writes: 200 devices
    arriving at once would otherwise queue 200 one-row updates in front of their own pushes."""

    def __init__(self, write_queue):
        self._queue = write_queue
        self._lock = threading.Lock()
        self._pending: dict[str, datetime] = {}

    def add(self, token_id: str, now: datetime) -> None:
        with self._lock:
            first = not self._pending
            self._pending[token_id] = now
        if first:
            self._queue.post(self._flush)

    def _flush(self, session: Session) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        if pending:
            session.execute(_TOUCH, [{"b_id": k, "last_used_at": v} for k, v in pending.items()])


async def require_admin(caller: Caller = Depends(require_caller)) -> Caller:
    if caller.user.role != "admin":
        raise ApiError(403, "admins_only", "Only a provincial admin may do this.")
    return caller


UPLOADERS = ("admin", "commune_officer")


async def require_uploader(caller: Caller = Depends(require_caller)) -> Caller:
    """Refused before the endpoint runs: a refusal never waits for, or holds, the single writer."""
    if caller.user.role not in UPLOADERS:
        raise ApiError(403, "upload_not_allowed", "Only admins and commune officers attach files.")
    return caller


class GzipRoute(APIRoute):
    """Accepts gzip-compressed request bodies, bounded after decompression (a zip bomb stays small)."""

    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            limit = request.app.state.settings.max_body_bytes
            if request.headers.get("content-encoding", "").lower() == "gzip":
                request = _GzipRequest(request.scope, request.receive, limit)
                try:
                    await request.body()  # inflate now: FastAPI would turn our 413 into a bare 400
                except ApiError as exc:
                    return problem(exc.status, exc.code, exc.message, exc.detail)
            return await original(request)

        return handler


class _GzipRequest(Request):
    def __init__(self, scope, receive, limit: int):
        super().__init__(scope, receive)
        self._limit = limit

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            raw = await super().body()
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                data = inflater.decompress(raw, self._limit + 1)
            except (zlib.error, gzip.BadGzipFile) as exc:
                raise ApiError(400, "bad_gzip", "The request body is not valid gzip.") from exc
            if len(data) > self._limit or inflater.unconsumed_tail:
                raise ApiError(413, "body_too_large", f"The request body is over {self._limit} bytes.")
            self._body = data
        return self._body
