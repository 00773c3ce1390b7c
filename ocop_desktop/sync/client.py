"""HTTP client for the provincial server: the only module that uses ``requests``.

Network errors, 5xx and 429 are retried with exponential backoff and jitter; anything else is a
SyncError with the server's code and message. A login is the exception: once its body may have reached
the server, the password is never sent again by itself (a person asks again).

Plain http goes only to this machine (loopback) or to a host a person confirmed for it
(``plain_http_hosts``, or $OCOP_PLAIN_HTTP_HOSTS for the headless ``ocop sync``); anywhere else the
client refuses before a byte leaves, so a password or token never crosses a network in clear unasked.
A server whose certificate is signed by the province's own authority is trusted through ``ca_bundle``
(or $OCOP_CA_BUNDLE, else requests' usual $REQUESTS_CA_BUNDLE).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import time
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, TypeVar

import requests
from pydantic import BaseModel
from urllib3.exceptions import NewConnectionError

from ocop_core import protocol as p
from ocop_core.errors import OcopError
from ocop_core.transport import plain_http_host

M = TypeVar("M", bound=BaseModel)
COMPRESS_OVER = 1024
PLAIN_HTTP_ENV = "OCOP_PLAIN_HTTP_HOSTS"  # comma-separated hosts allowed over plain http (headless)
CA_BUNDLE_ENV = "OCOP_CA_BUNDLE"


def env_plain_http_hosts() -> frozenset[str]:
    return frozenset(h.strip().lower() for h in os.environ.get(PLAIN_HTTP_ENV, "").split(",") if h.strip())


class SyncError(OcopError):
    def __init__(self, code: str, message: str, status: int | None = None, retryable: bool = False,
                 detail: Any = None) -> None:
        super().__init__(code, f"{code}: {message}", status=status, detail=detail)
        self.message, self.status, self.retryable, self.detail = message, status, retryable, detail


class ServerClient:
    def __init__(self, base_url: str, device_id: str, token: str | None = None, *, retries: int = 5,
                 backoff: float = 0.5, max_backoff: float = 30.0, timeout: tuple[float, float] = (5.0, 120.0),
                 sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None,
                 plain_http_hosts: Collection[str] | None = None, ca_bundle: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.token = token
        self.retries, self.backoff, self.max_backoff, self.timeout = retries, backoff, max_backoff, timeout
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._http = requests.Session()
        hosts = env_plain_http_hosts() if plain_http_hosts is None else plain_http_hosts
        self.plain_http_hosts = frozenset(h.lower() for h in hosts)
        # Passed with each request: requests lets $REQUESTS_CA_BUNDLE override a session's own setting.
        self._verify: str | None = ca_bundle or os.environ.get(CA_BUNDLE_ENV) or None
        self.bytes_sent = 0
        self.bytes_received = 0

    def close(self) -> None:
        self._http.close()

    def check_transport(self) -> None:
        """Raises unless this address is https, loopback, or a host a person allowed plain http for."""
        host = plain_http_host(self.base_url)
        if host is not None and host not in self.plain_http_hosts:
            refused = SyncError("plain_http_refused", f"{self.base_url} không dùng https: mật khẩu sẽ đi qua mạng "
                                "không mã hoá", detail={"host": host})
            refused.params["host"] = host
            raise refused

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), self.max_backoff)
        # "Full jitter": spreads 200 laptops coming back online at once.
        return self._rng.uniform(0, min(self.max_backoff, self.backoff * 2 ** attempt))

    def request(self, method: str, path: str, *, body: BaseModel | None = None, data: bytes | None = None,
                params: dict[str, Any] | None = None, stream: bool = False, resend: bool = True
                ) -> requests.Response:
        """``resend=False``: tried again only when the connection was never made (nothing was sent)."""
        headers = {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), p.DEVICE_HEADER: self.device_id}
        if self.token:
            self.check_transport()  # a token is as good as the password until it is revoked
            headers["Authorization"] = f"Bearer {self.token}"
        payload = data
        if body is not None:
            payload = body.model_dump_json().encode()
            headers["Content-Type"] = "application/json"
            if len(payload) > COMPRESS_OVER:
                payload = gzip.compress(payload, compresslevel=6)
                headers["Content-Encoding"] = "gzip"
        if data is not None:
            headers["Content-Type"] = "application/octet-stream"
        last: SyncError | None = None
        for attempt in range(self.retries + 1):
            try:
                response = self._http.request(method, self.base_url + path, data=payload, params=params,
                                              headers=headers, timeout=self.timeout, stream=stream,
                                              verify=self._verify)
            except requests.RequestException as exc:
                last = SyncError("network", f"{_network_problem(exc)} ({type(exc).__name__})", retryable=True)
                if not resend and not _never_sent(exc):
                    raise last from exc
            else:
                self.bytes_sent += len(payload or b"") + 300
                if response.status_code < 400:
                    if not stream:
                        self.bytes_received += len(response.content) + 200
                    return response
                last = _error(response)
                if not last.retryable or not resend:
                    raise last
                retry_after = response.headers.get("Retry-After")
                if attempt < self.retries:
                    self._sleep(self._delay(attempt, retry_after))
                continue
            if attempt < self.retries:
                self._sleep(self._delay(attempt, None))
        assert last is not None
        raise last

    def _call(self, method: str, path: str, model: type[M], body: BaseModel | None = None,
              resend: bool = True, **kw: Any) -> M:
        # An answer cut inside its status line or headers reads as a complete one with an empty or partial
        # body (no length left to check it against): it is asked for again, like a cut connection, which
        # every request but a login allows (a push is replayed by change id).
        for attempt in range(self.retries + 1 if resend else 1):
            response = self.request(method, path, body=body, resend=resend, **kw)
            try:
                return model.model_validate_json(response.content)
            except ValueError:
                if resend and attempt < self.retries:
                    self._sleep(self._delay(attempt, None))
        raise SyncError("bad_response", f"Câu trả lời của máy chủ bị cắt ngang hoặc sai định dạng ({path})",
                        response.status_code, retryable=True)

    def info(self) -> p.ServerInfo:
        return self._call("GET", "/info", p.ServerInfo)

    def healthy(self) -> bool:
        try:
            response = self._http.get(self.base_url + "/health", timeout=(2.0, 5.0), verify=self._verify)
            return response.status_code == 200
        except requests.RequestException:
            return False

    def login(self, username: str, password: str, device_name: str = "") -> p.LoginResponse:
        self.check_transport()
        # resend=False: a 503 or a cut answer may come after the server read the password; sending it again
        # by itself (6 times before) multiplies what crosses the wire and what a throttle counts.
        result = self._call("POST", "/auth/login", p.LoginResponse,
                            p.LoginRequest(username=username, password=password, device_id=self.device_id,
                                           device_name=device_name), resend=False)
        self.token = result.token
        return result

    def push(self, changes: list[p.Change], *, epoch: str | None = None, cursor: int = 0) -> p.PushResponse:
        request = p.PushRequest(changes=changes, epoch=epoch, cursor=cursor)
        return self._call("POST", "/sync/push", p.PushResponse, request)

    def pull(self, cursor: int, limit: int = 500, entity: str | None = None, *, epoch: str | None = None,
             digest: bool = False, combined: str | None = None, gone: bool = False,
             log: bool = False) -> p.PullResponse:
        request = p.PullRequest(cursor=cursor, limit=limit, entity=entity, epoch=epoch, digest=digest,
                                combined=combined, gone=gone, log=log)
        return self._call("POST", "/sync/pull", p.PullResponse, request)

    def check(self, cursor: int, combined: str | None = None, *, epoch: str | None = None) -> p.CheckResponse:
        request = p.CheckRequest(cursor=cursor, combined=combined, epoch=epoch)
        return self._call("POST", "/sync/check", p.CheckResponse, request)

    def have(self, hashes: list[str]) -> p.HaveResponse:
        return self._call("POST", "/files/have", p.HaveResponse, p.HaveRequest(hashes=hashes))

    def upload_state(self, sha256: str, size: int) -> p.UploadState:
        return self._call("GET", f"/files/{sha256}/upload", p.UploadState, params={"size": size})

    def upload_chunk(self, sha256: str, offset: int, chunk: bytes) -> p.UploadState:
        return self._call("PUT", f"/files/{sha256}/upload", p.UploadState, data=chunk, params={"offset": offset})

    def download(self, sha256: str, target: Path) -> int:
        response = self.request("GET", f"/files/{sha256}", stream=True)
        size = 0
        with target.open("wb") as fh:
            for chunk in response.iter_content(1 << 20):
                fh.write(chunk)
                size += len(chunk)
        self.bytes_received += size
        return size

    def publish(self, canonical_json: str) -> p.Row:
        return self._call("POST", "/admin/criteria-sets", p.Row, p.PublishRequest(canonical_json=canonical_json))


def _network_problem(exc: requests.RequestException) -> str:
    """What went wrong, in the words a person can act on: never reached, or cut off while answering."""
    if isinstance(exc, requests.ConnectTimeout | requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return "Không kết nối được máy chủ"
    if isinstance(exc, requests.ReadTimeout):
        return "Máy chủ không trả lời kịp"
    cause = exc.args[0] if exc.args else None
    if isinstance(getattr(cause, "reason", None), NewConnectionError):  # refused, no route, unknown host
        return "Không kết nối được máy chủ"
    return "Kết nối với máy chủ bị ngắt giữa chừng"


def _never_sent(exc: requests.RequestException) -> bool:
    """The connection was never made (refused, no route, unknown host, connect timeout): no byte left."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    cause = exc.args[0] if exc.args else None
    return isinstance(exc, requests.ConnectionError) and isinstance(getattr(cause, "reason", None),
                                                                    NewConnectionError)


def _error(response: requests.Response) -> SyncError:
    status = response.status_code
    try:
        body = json.loads(response.content)
        code, message, detail = body.get("code", "http_error"), body.get("message", ""), body.get("detail")
    except ValueError:
        code, message, detail = "http_error", response.text[:200], None
    retryable = status >= 500 or status == 429
    return SyncError(code, message or f"HTTP {status}", status, retryable, detail)
