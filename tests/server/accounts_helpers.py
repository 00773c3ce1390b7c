"""Helpers for the account tests: a clock the test moves, logins and admin calls over real HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import requests
from server_world import headers, new_id

from ocop_server.testing import LiveServer
from ocop_server.throttle import LoginThrottle

ADMIN_PASSWORD = "quan-tri-tinh-2026"
PASSWORD = "mat-khau-123"


class FakeClock:
    """The server's clock in these tests: it moves only when told, so no test waits in real time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def use_clock(server: LiveServer) -> FakeClock:
    """A fake clock and a fresh throttle (failures of earlier tests forgotten)."""
    clock = FakeClock()
    guard = server.app.state.guard
    guard.clock = clock
    guard.throttle = LoginThrottle(lambda: guard.clock())
    server.app.state.callers.clear()
    return clock


def login(server: LiveServer, username: str, password: str = PASSWORD) -> requests.Response:
    body = {"username": username, "password": password, "device_id": new_id(), "device_name": "thử"}
    return requests.post(f"{server.url}/auth/login", json=body, headers=headers(), timeout=30)


def token(server: LiveServer, username: str, password: str = PASSWORD) -> str:
    response = login(server, username, password)
    assert response.status_code == 200, response.text
    return response.json()["token"]


def call(server: LiveServer, method: str, path: str, tok: str, body: dict | None = None) -> requests.Response:
    return requests.request(method, f"{server.url}{path}", json=body, headers=headers(tok), timeout=30)


def pull(server: LiveServer, tok: str) -> requests.Response:
    return call(server, "POST", "/sync/pull", tok, {"cursor": 0, "limit": 10})
