"""A server restored from a backup, or another server altogether, is detected by its epoch: the laptop pulls
everything again instead of silently missing what is written under reused sequence numbers, keeps its unsent
work, and sends again what the restored server lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from ocop_desktop.db.models import ChangeJournal, Producer
from ocop_desktop.services import registry
from ocop_desktop.sync.client import ServerClient
from ocop_desktop.sync.engine import SyncEngine
from ocop_server.testing import POSTGRES_ENV, LiveServer

PASSWORD = "mat-khau-123"  # every account the sync fixtures make (tests/sync/conftest.py)


def _producers(laptop, *names: str) -> list[str]:
    with laptop.session() as s:
        ids = [registry.create_producer(s, name=n, kind="household", commune_code="18073").id for n in names]
        s.commit()
    return ids


def _database(server: LiveServer) -> Path:
    return Path(server.settings.database_url.removeprefix("sqlite:///"))


def _backup(server: LiveServer, target: Path) -> None:
    with closing(sqlite3.connect(_database(server))) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)


def _restore(server: LiveServer, backup: Path) -> None:
    server.stop()
    database = _database(server)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, database)
    server.start()


def _server_names(server: LiveServer) -> set[str]:
    client = ServerClient(server.url, "00000000-0000-4000-8000-00000000ffff", retries=0)
    client.login("admin", PASSWORD)
    return {r.data["name"] for r in client.pull(0, limit=1000, entity="producers").rows}


@pytest.mark.skipif(bool(os.environ.get(POSTGRES_ENV)),
                    reason="SQLite's own pragma and backup file; PostgreSQL is durable by default")
def test_a_laptop_ahead_of_a_restored_server_pulls_again_and_resends_what_it_lost(server, make_laptop, tmp_path):
    """A syncs, the server is backed up, A syncs more (acknowledged), the server is restored from the backup and
    another laptop writes enough to pass A's old cursor. A's next sync gets every one of those rows, and the
    server gets back A's lost work and A's unsent change."""
    a = make_laptop("a")
    [kept] = _producers(a, "HTX trước sao lưu")
    a.sync()
    _backup(server, tmp_path / "backup.sqlite3")
    _producers(a, "HTX sau sao lưu 1", "HTX sau sao lưu 2")
    with a.session() as s:
        registry.update_producer(s, kept, name="HTX trước sao lưu (đổi tên)")
        s.commit()
    a.sync()

    _restore(server, tmp_path / "backup.sqlite3")
    c = make_laptop("c")
    newer = _producers(c, *(f"HTX của máy C số {i}" for i in range(8)))
    c.sync()
    _producers(a, "HTX chưa gửi")

    report = a.sync()
    assert report.restarted and report.requeued == 3 and report.mismatched == []
    with a.session() as s:
        assert set(newer) <= set(s.scalars(select(Producer.id)))
        assert s.scalar(select(ChangeJournal.status).where(ChangeJournal.status == "pending")) is None
    assert {"HTX trước sao lưu (đổi tên)", "HTX sau sao lưu 1", "HTX sau sao lưu 2", "HTX chưa gửi"} <= \
        _server_names(server)


def test_a_laptop_pointed_at_another_server_keeps_its_unsent_work(server, make_laptop, tmp_path):
    """A synced with one server, then syncs with another (its epoch unknown there): A pulls that server's rows
    from the start, sends what it had not sent, and keeps its rows from the first server."""
    a = make_laptop("a")
    [first] = _producers(a, "HTX của máy chủ thứ nhất")
    a.sync()
    [unsent] = _producers(a, "HTX chưa gửi")
    other = LiveServer(tmp_path / "other").start()
    try:
        other.create_user("admin", PASSWORD, "admin")
        client = ServerClient(other.url, a.device_id, retries=1, backoff=0.01)
        client.login("admin", PASSWORD, "a")
        report = SyncEngine(a.db, client, a.blobs).sync()
        assert report.restarted and report.requeued == 0 and report.mismatched == []
        assert _server_names(other) == {"HTX chưa gửi"}
        with a.session() as s:
            assert s.get(Producer, first).server_version is None  # from the first server's history
            assert s.get(Producer, unsent).server_version is not None
    finally:
        other.stop()
