"""HTTP client for the provincial server: the only module that uses ``requests``.

Network errors, 5xx and 429 are retried with exponential backoff and jitter; anything else is a
SyncError with the server's code and message.
"""

from __future__ import annotations

import gzip
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import requests
from pydantic import BaseModel
from urllib3.exceptions import NewConnectionError

from ocop_core import protocol as p
from ocop_core.errors import OcopError

M = TypeVar("M", bound=BaseModel)
COMPRESS_OVER = 1024


class SyncError(OcopError):
    def __init__(self, code: str, message: str, status: int | None = None, retryable: bool = False,
                 detail: Any = None) -> None:
        super().__init__(code, f"{code}: {message}", status=status, detail=detail)
        self.message, self.status, self.retryable, self.detail = message, status, retryable, detail


class ServerClient:
    def __init__(self, base_url: str, device_id: str, token: str | None = None, *, retries: int = 5,
                 backoff: float = 0.5, max_backoff: float = 30.0, timeout: tuple[float, float] = (5.0, 120.0),
                 sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None):
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.token = token
        self.retries, self.backoff, self.max_backoff, self.timeout = retries, backoff, max_backoff, timeout
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._http = requests.Session()
        self.bytes_sent = 0
        self.bytes_received = 0

    def close(self) -> None:
        self._http.close()

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), self.max_backoff)
        # "Full jitter": spreads 200 laptops coming back online at once.
        return self._rng.uniform(0, min(self.max_backoff, self.backoff * 2 ** attempt))

    def request(self, method: str, path: str, *, body: BaseModel | None = None, data: bytes | None = None,
                params: dict[str, Any] | None = None, stream: bool = False) -> requests.Response:
        headers = {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), p.DEVICE_HEADER: self.device_id}
        if self.token:
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
                                              headers=headers, timeout=self.timeout, stream=stream)
            except requests.RequestException as exc:
                last = SyncError("network", f"{_network_problem(exc)} ({type(exc).__name__})", retryable=True)
            else:
                self.bytes_sent += len(payload or b"") + 300
                if response.status_code < 400:
                    if not stream:
                        self.bytes_received += len(response.content) + 200
                    return response
                last = _error(response)
                if not last.retryable:
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
              **kw: Any) -> M:
        # An answer cut inside its status line or headers reads as a complete one with an empty or partial
        # body (no length left to check it against): it is asked for again, like a cut connection, which
        # every request here allows (a push is replayed by change id, a login only issues another token).
        for attempt in range(self.retries + 1):
            response = self.request(method, path, body=body, **kw)
            try:
                return model.model_validate_json(response.content)
            except ValueError:
                if attempt < self.retries:
                    self._sleep(self._delay(attempt, None))
        raise SyncError("bad_response", f"Câu trả lời của máy chủ bị cắt ngang hoặc sai định dạng ({path})",
                        response.status_code, retryable=True)

    def info(self) -> p.ServerInfo:
        return self._call("GET", "/info", p.ServerInfo)

    def healthy(self) -> bool:
        try:
            response = self._http.get(self.base_url + "/health", timeout=(2.0, 5.0))
            return response.status_code == 200
        except requests.RequestException:
            return False

    def login(self, username: str, password: str, device_name: str = "") -> p.LoginResponse:
        result = self._call("POST", "/auth/login", p.LoginResponse,
                            p.LoginRequest(username=username, password=password, device_id=self.device_id,
                                           device_name=device_name))
        self.token = result.token
        return result

    def push(self, changes: list[p.Change], *, epoch: str | None = None, cursor: int = 0) -> p.PushResponse:
        request = p.PushRequest(changes=changes, epoch=epoch, cursor=cursor)
        return self._call("POST", "/sync/push", p.PushResponse, request)

    def pull(self, cursor: int, limit: int = 500, entity: str | None = None, *, epoch: str | None = None,
             digest: bool = False, combined: str | None = None) -> p.PullResponse:
        request = p.PullRequest(cursor=cursor, limit=limit, entity=entity, epoch=epoch, digest=digest,
                                combined=combined)
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


def _error(response: requests.Response) -> SyncError:
    status = response.status_code
    try:
        body = json.loads(response.content)
        code, message, detail = body.get("code", "http_error"), body.get("message", ""), body.get("detail")
    except ValueError:
        code, message, detail = "http_error", response.text[:200], None
    retryable = status >= 500 or status == 429
    return SyncError(code, message or f"HTTP {status}", status, retryable, detail)
