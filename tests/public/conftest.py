"""Public-page fixtures: one live server per module holding recognised products in every state."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from public_world import PublicWorld, build

from ocop_server import accounts
from ocop_server.testing import LiveServer


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PublicWorld]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        live = LiveServer(tmp_path_factory.mktemp("public"), public_base_url=None).start()
        built = build(live)
        yield built
        built.admin.close()
        live.stop()
