"""Bounded requests: what a client may make the server read, inflate, parse and wait for.

Every check here runs before an endpoint, and those that cost nothing run before a byte of the body is
read: the protocol header and the declared size (small for /auth/login, which anyone may call). A body is
then read whole within a deadline, inflated only up to its limit and checked for nesting depth, on a
worker thread when it is large or compressed, so that no request can hold the event loop that answers
every other device. Slow clients are dropped: headers must arrive within ``header_timeout`` seconds
(LimitedHttpTools, the HTTP protocol uvicorn runs), a body within ``body_timeout``.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

import anyio
import anyio.to_thread
from starlette.requests import Request

from ocop_core.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SUPPORTED_VERSIONS
from ocop_server.deps import require_caller
from ocop_server.errors import ApiError, problem
from ocop_server.settings import Settings

UPLOAD_PATHS = "/files/"
LOGIN_PATH = "/auth/login"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# Bodies this small are inflated and checked on the event loop: a thread hop would cost more.
INLINE_BYTES = 64 * 1024
# A push of 200 changes holds about 20,000 strings; ten times that is still a real body.
MAX_QUOTES = 400_000
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(range(256)).translate(None, b"[]{}")


def too_deep(body: bytes, depth: int) -> bool:
    """Whether a JSON text nests arrays and objects more than ``depth`` levels. Strings are dropped (one
    regular expression, unrolled so a long string costs one pass), every other byte but brackets is
    deleted, then innermost pairs are removed ``depth`` times with bytes.replace: bounded C-speed work
    whatever is sent."""
    if body.count(b"[") + body.count(b"{") <= depth:
        return False  # too few brackets to nest that deep, inside strings or out
    brackets = _STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    for _ in range(depth):
        inner = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(inner) == len(brackets):
            # Only unmatched brackets are left (not JSON): deep only if more than ``depth`` stay open, which
            # the parser would otherwise recurse into.
            return brackets.count(b"[") + brackets.count(b"{") > depth
        brackets = inner
    return bool(brackets)


def inflate(raw: bytes, limit: int) -> bytes:
    """A gzip body inflated, never past ``limit`` bytes: a bomb costs the server ``limit`` bytes of work."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise ApiError(400, "bad_gzip", "The request body is not valid gzip.") from exc
    if len(data) > limit or inflater.unconsumed_tail:
        raise ApiError(413, "body_too_large", f"The request body is over {limit} bytes once inflated.",
                      {"limit": limit})
    return data


def prepare(raw: bytes, gzipped: bool, inflated_limit: int, depth: int) -> bytes:
    body = inflate(raw, inflated_limit) if gzipped else raw
    if body.count(b'"') > MAX_QUOTES:
        # Dropping strings costs per string: a body of millions of empty ones took 1.8 s of the interpreter.
        raise ApiError(413, "json_too_many_values", f"A body holds at most {MAX_QUOTES // 2} strings.",
                       {"max_strings": MAX_QUOTES // 2})
    if too_deep(body, depth):
        raise ApiError(422, "json_too_deep", f"JSON values nest at most {depth} levels.", {"max_depth": depth})
    return body


class BoundedRequests:
    """Plain ASGI (Starlette's BaseHTTPMiddleware would add a task and a stream copy to every request)."""

    def __init__(self, app, settings: Settings):
        self.app, self.settings = app, settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            length, gzipped, inflated_limit = self._check_headers(scope, headers)
            if scope["path"] != LOGIN_PATH and (gzipped or length > INLINE_BYTES):
                # The endpoints' own token check, before a large body is read or inflated: only a device
                # that is logged in can make the server spend more than a few milliseconds on a body
                # (its answer is cached, so the endpoint does not look the token up again).
                await require_caller(Request(scope), authorization=headers.get("authorization"), _=0)
            raw = await self._read(receive, length)
            if scope["path"].startswith(UPLOAD_PATHS) and not gzipped:
                body = raw  # file bytes, not JSON
            elif (inflated_limit if gzipped else len(raw)) <= INLINE_BYTES:
                body = prepare(raw, gzipped, inflated_limit, self.settings.max_json_depth)
            else:
                body = await anyio.to_thread.run_sync(prepare, raw, gzipped, inflated_limit,
                                                      self.settings.max_json_depth)
        except ApiError as refusal:
            response = problem(refusal.status, refusal.code, refusal.message, refusal.detail)
            response.headers["Connection"] = "close"  # the rest of a refused body is never read
            await response(scope, receive, send)
            return
        await self.app(_replayed(scope, body, gzipped), _replay(receive, body), send)

    def _check_headers(self, scope, headers: dict[str, str]) -> tuple[int, bool, int]:
        """(declared length, gzip, limit once inflated); refuses before the body is read."""
        s = self.settings
        sent = headers.get(PROTOCOL_HEADER.lower())
        try:
            version = int(sent or "")
        except ValueError:
            version = -1
        if version not in SUPPORTED_VERSIONS:
            raise ApiError(426, "protocol_unsupported",
                           f"This server speaks sync protocol {sorted(SUPPORTED_VERSIONS)}; the app sent {sent!r}. "
                           f"Update the app (Cập nhật ứng dụng) to version {PROTOCOL_VERSION}.")
        length = headers.get("content-length")
        if length is None:
            if "chunked" in headers.get("transfer-encoding", "").lower():
                raise ApiError(411, "length_required", "Send the body with a Content-Length header.")
            length = "0"
        path = scope["path"]
        if path != LOGIN_PATH and not headers.get("authorization"):
            raise ApiError(401, "not_logged_in", "Log in first (Authorization: Bearer <token>).")
        if path == LOGIN_PATH:
            limit, inflated_limit = s.login_body_bytes, s.login_body_bytes * 4
        elif path.startswith(UPLOAD_PATHS):
            limit, inflated_limit = s.chunk_bytes * 4, s.max_body_bytes
        else:
            limit, inflated_limit = s.max_body_bytes, s.max_body_bytes
        if not length.isdigit() or int(length) > limit:
            raise ApiError(413, "body_too_large", f"The request body is over {limit} bytes.", {"limit": limit})
        encoding = headers.get("content-encoding", "").strip().lower()
        if encoding not in ("", "identity", "gzip"):
            raise ApiError(415, "unsupported_encoding", "Bodies are sent plain or gzip-compressed.")
        return int(length), encoding == "gzip", inflated_limit

    async def _read(self, receive, length: int) -> bytes:
        chunks: list[bytes] = []
        size = 0
        with anyio.move_on_after(self.settings.body_timeout) as deadline:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise ApiError(400, "client_disconnected", "The client left before sending its body.")
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > length:
                    raise ApiError(413, "body_too_large", "The body is longer than its Content-Length.")
                if not message.get("more_body", False):
                    return b"".join(chunks)
        assert deadline.cancelled_caught
        raise ApiError(408, "request_timeout",
                      f"The body did not arrive within {self.settings.body_timeout:g} seconds.")


def _replayed(scope, body: bytes, gzipped: bool):
    """The scope as the endpoints see it: the body already inflated (deps.GzipRoute then has nothing to do)."""
    if not gzipped:
        return scope
    headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")]
    headers.append((b"content-length", str(len(body)).encode()))
    return {**scope, "headers": headers}


def _replay(receive, body: bytes):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # waits for the client to leave (streamed answers listen for it)

    return replay


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """What uvicorn runs with, here and in tests alike: the HTTP protocol that drops slow headers."""
    return {"http": limited_http(settings.header_timeout), "timeout_keep_alive": settings.keep_alive_timeout}


def limited_http(header_timeout: float):
    """uvicorn's httptools protocol, closing a connection whose request headers are not complete within
    ``header_timeout`` seconds of its first byte (or of the connection, for one that sends nothing)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class LimitedHttpTools(HttpToolsProtocol):
        _header_timer = None

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if self._header_timer is None:
                self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._header_timer = self.loop.call_later(header_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            if not self.transport.is_closing():
                self.transport.close()

    return LimitedHttpTools
