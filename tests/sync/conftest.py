"""Sync fixtures: the real server on 127.0.0.1 and laptops (real app databases) that sync with it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.sync.client import ServerClient
from ocop_desktop.sync.engine import SyncEngine, SyncReport
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-123"


@dataclass
class Laptop:
    """One app database with its attachment store and a client logged in to the server."""

    db: Database
    blobs: BlobStore
    client: ServerClient
    device_id: str

    def engine(self, **kw) -> SyncEngine:
        return SyncEngine(self.db, self.client, self.blobs, **kw)

    def sync(self) -> SyncReport:
        return self.engine().sync()

    def session(self):
        return self.db.session()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "server").start()
    live.create_user("admin", PASSWORD, "admin", full_name="Quản trị tỉnh")
    yield live
    live.stop()


@pytest.fixture
def make_laptop(server: LiveServer, template_db: Path, tmp_path: Path):
    """make_laptop(name, username="admin", url=None) -> Laptop, logged in (online) as that user."""
    made: list[Laptop] = []

    def make(name: str, username: str = "admin", url: str | None = None, retries: int = 2) -> Laptop:
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(template_db, folder / "ocop.sqlite3")
        db = open_database(folder / "ocop.sqlite3")
        with db.session() as session:
            dev = device_id(session)
        # Each laptop needs its own device id: the template was copied, so give it a fresh one.
        if any(dev == other.device_id for other in made):
            raise AssertionError("copied databases share a device id")
        client = ServerClient(url or server.url, dev, retries=retries, backoff=0.01, max_backoff=0.05)
        client.login(username, PASSWORD, name)
        laptop = Laptop(db, BlobStore(folder / "attachments"), client, dev)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.client.close()
        laptop.db.close()
