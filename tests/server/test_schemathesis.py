"""Schemathesis over the server's own OpenAPI schema, against the live server: never a 500.

The schema is loaded from the running server when this module is collected: schemathesis 4.32's lazy
loader (``schemathesis.pytest.from_fixture``) reads ``request.node._nodeid``, which pytest 9 removed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from server_world import LIMITS, PASSWORD, new_id

from ocop_desktop.sync.client import ServerClient
from ocop_server.testing import LiveServer

_FOLDER = tempfile.TemporaryDirectory(prefix="ocop-schemathesis-")
LIVE = LiveServer(Path(_FOLDER.name), **LIMITS).start()
schema = schemathesis.openapi.from_url(LIVE.url + "/openapi.json")


@pytest.fixture(scope="module", autouse=True)
def _stop_live_server() -> Iterator[None]:
    yield
    LIVE.stop()
    _FOLDER.cleanup()


@pytest.fixture(scope="module")
def admin_headers(fast_argon2) -> dict:
    LIVE.create_user("admin", PASSWORD, "admin")
    client = ServerClient(LIVE.url, new_id(), retries=0)
    client.login("admin", PASSWORD)
    return {"X-OCOP-Protocol": "1", "Authorization": f"Bearer {client.token}"}


@pytest.mark.slow
@schema.parametrize()
# derandomize: the same requests on every run, so CI never fails on a case that no local run sees (a new
# server error is still found, as soon as a change makes one of these requests fail).
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_operation_answers_a_server_error(case, admin_headers):
    """Generated requests to every operation, as an admin, never get a 5xx (a cursor past 64 bits included:
    it is a 422 now, see test_bad_input_text)."""
    case.call_and_validate(headers=admin_headers, checks=[not_a_server_error])
