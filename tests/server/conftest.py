"""Server fixtures: a live server on 127.0.0.1 per test module and the small world built on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from server_world import LIMITS, World, build_world

from ocop_server import accounts
from ocop_server.testing import LiveServer


@pytest.fixture(scope="module", autouse=True)
def fast_argon2() -> Iterator[None]:
    """Cheap Argon2id parameters while this folder's tests run (the default costs ~1 s a login here);
    test_tokens checks the production hasher (server_world.PRODUCTION_HASHER)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield


@pytest.fixture(scope="module")
def server(fast_argon2, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("server"), **LIMITS).start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def world(server: LiveServer) -> Iterator[World]:
    built = build_world(server)
    yield built
    for client in built.clients.values():
        client.close()
