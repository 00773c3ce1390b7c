"""A real server on 127.0.0.1 and laptops as the sync screen sees them: a database, a runner, a context."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.paths import AppPaths
from ocop_desktop.sync.client import ServerClient
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.runner import Runner
from ocop_server.models import Record
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-123"


@dataclass
class Laptop:
    db: Database
    client: ServerClient
    context: AppContext

    @property
    def runner(self) -> Runner:
        return self.context.runner

    def session(self):
        return self.db.session()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "server").start()
    live.create_user("admin", PASSWORD, "admin", full_name="Quản trị tỉnh")
    yield live
    live.stop()


@pytest.fixture
def make_laptop(live_server: LiveServer, template_db: Path, tmp_path: Path, qapp) -> Iterator[Callable[..., Laptop]]:
    """make_laptop(name, synchronous=True) -> a logged-in laptop whose context can sync from the screen."""
    made: list[Laptop] = []

    def make(name: str, synchronous: bool = True) -> Laptop:
        paths = AppPaths(tmp_path / name).ensure()
        shutil.copy(template_db, paths.database)
        db = open_database(paths.database)
        with db.session() as session:
            dev = device_id(session)
            session.commit()
        client = ServerClient(live_server.url, dev, retries=1, backoff=0.01, max_backoff=0.05)
        login = client.login("admin", PASSWORD, f"Máy {name}")
        user = CurrentUser(user_id=login.user_id, username="admin", full_name="Quản trị tỉnh", role="admin",
                           online=True)
        runner = Runner(db, synchronous=synchronous)
        context = AppContext(runner=runner, paths=paths, blobs=BlobStore(paths.blobs), user=user,
                             server_url=live_server.url, make_client=lambda: client)
        laptop = Laptop(db, client, context)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.runner.shutdown()
        laptop.client.close()
        laptop.db.close()


def server_row(server: LiveServer, entity: str, row_id: str) -> dict:
    with server.app.state.sessions() as s:
        record = s.get(Record, (entity, row_id))
        return {} if record is None else json.loads(record.data)
