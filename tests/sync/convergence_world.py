"""The world the convergence tests run in: a server and three laptops, made once and copied per example."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.db.wire import to_wire
from ocop_desktop.services import councils, criteria, dossiers, registry
from ocop_desktop.sync.client import ServerClient
from ocop_desktop.sync.engine import SyncEngine, SyncReport
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-123"
COMMUNE = "18073"
SUBGROUP = "I.1.a"
N_DEVICES = 3
USERS = ("admin", "admin", "officer")  # who is logged in on laptop 0, 1, 2
BUNDLED_148 = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"


@dataclass
class Laptop:
    """One app database with its attachment store and a client logged in to the server."""

    name: str
    folder: Path
    db: Database
    blobs: BlobStore
    client: ServerClient
    device_id: str

    def sync(self) -> SyncReport:
        return SyncEngine(self.db, self.client, self.blobs).sync()

    def session(self):
        return self.db.session()


def normal(kind: str, value: Any) -> Any:
    """A field value in one comparable form, whichever side it comes from."""
    value = to_wire(value)
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(value)  # the server writes isoformat() without fixed microseconds
    if kind == "decimal":
        return Decimal(value)
    if kind == "float":
        return float(value)
    return value


@dataclass(frozen=True)
class Golden:
    """The state every example starts from, made once: copying files is much cheaper than Argon2 logins."""

    folder: Path  # server/ and laptop0..2/, all closed
    tokens: tuple[str, ...]
    criteria_id: str
    members: tuple[str, ...]
    evaluation: str
    baseline: tuple[str, ...]  # producer, product, dossier known to every laptop


def open_laptop(folder: Path, url: str, token: str | None = None) -> Laptop:
    db = open_database(folder / "ocop.sqlite3")
    with db.session() as s:
        dev = device_id(s)
    client = ServerClient(url, dev, token, retries=3, backoff=0.01, max_backoff=0.05)
    return Laptop(folder.name, folder, db, BlobStore(folder / "attachments"), client, dev)


def close_all(server: LiveServer | None, laptops: list[Laptop]) -> None:
    for laptop in laptops:
        laptop.client.close()
        laptop.db.close()
    if server is not None:
        server.stop()


def sqlite_url(folder: Path) -> str:
    # Always SQLite, also in the PostgreSQL run: every example starts from a copy of the golden server's
    # file, which a database schema cannot be copied like.
    return f"sqlite:///{folder / 'server' / 'server.sqlite3'}"


def build_golden(folder: Path, template: Path, criteria_bytes: bytes) -> Golden:
    """A server with the admin, three laptops logged in, and (made on laptop 0, synced to all) the criteria,
    a council with two scoring members, an evaluation session and one producer/product/dossier."""
    server = LiveServer(folder / "server", database_url=sqlite_url(folder)).start()
    laptops: list[Laptop] = []
    try:
        server.create_user("admin", PASSWORD, "admin", full_name="Quản trị tỉnh")
        server.create_user("officer", PASSWORD, "commune_officer", full_name="Cán bộ xã", commune_codes=[COMMUNE])
        for i, username in enumerate(USERS):
            (folder / f"laptop{i}").mkdir()
            shutil.copy(template, folder / f"laptop{i}" / "ocop.sqlite3")
            laptops.append(open_laptop(folder / f"laptop{i}", server.url))
            laptops[-1].client.login(username, PASSWORD, f"laptop{i}")
        assert len({lt.device_id for lt in laptops}) == N_DEVICES, "copied databases share a device id"
        first = laptops[0]
        with first.session() as s:
            criteria_id = criteria.import_criteria_set(s, criteria_bytes).id
            s.commit()
        with first.session() as s:
            council = councils.create_council(s, name="Hội đồng OCOP tỉnh", admin_unit_code=COMMUNE,
                                              criteria_set_id=criteria_id).id
            s.commit()
        members = []
        for name, role in (("Nguyễn Văn Chủ Tịch", "chair"), ("Trần Thị Thành Viên", "member")):
            with first.session() as s:
                members.append(councils.add_member(s, council_id=council, full_name=name, role=role).id)
                s.commit()
        with first.session() as s:
            evaluation = councils.open_evaluation(s, council_id=council, criteria_set_id=criteria_id).id
            s.commit()
        # A producer, product and dossier every laptop knows from the start, so edits collide early.
        with first.session() as s:
            producer = registry.create_producer(s, name="HTX Chè Tân Cương", kind="cooperative",
                                                commune_code=COMMUNE).id
            product = registry.create_product(s, producer_id=producer, name="Chè búp", subgroup_code=SUBGROUP).id
            dossier = dossiers.create_dossier(s, product_id=product).id
            s.commit()
        for laptop in laptops:
            report = laptop.sync()
            assert report.rejected == report.conflicts == 0
        return Golden(folder, tuple(lt.client.token for lt in laptops), criteria_id, tuple(members), evaluation,
                      (producer, product, dossier))
    finally:
        close_all(server, laptops)

