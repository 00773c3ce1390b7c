"""`ocop sync`: headless sync from the command line against the real server."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from ocop_desktop.cli import main
from ocop_desktop.db.models import Producer
from ocop_desktop.db.schema import open_database
from ocop_desktop.services import registry
from ocop_desktop.sync import client as client_module
from ocop_desktop.sync.client import ServerClient, SyncError

PASSWORD = "mat-khau-123"  # what tests/sync/conftest.py gives the admin


def test_ocop_sync_logs_in_once_then_reuses_the_token(server, tmp_path: Path, capsys, monkeypatch):
    """The first run logs in with $OCOP_PASSWORD and sends the laptop's work; the second needs no password."""
    data = tmp_path / "laptop"
    data.mkdir()
    db = open_database(data / "ocop.sqlite3")
    with db.session() as s:
        producer = registry.create_producer(s, name="HTX Mật ong Cường Nga", kind="cooperative",
                                            commune_code="18073").id
        s.commit()
    db.close()
    monkeypatch.setenv("OCOP_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(data), "sync", "--server", server.url, "--username", "admin"]) == 0
    assert "Đã gửi 1" in capsys.readouterr().out
    monkeypatch.delenv("OCOP_PASSWORD")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": (_ for _ in ()).throw(AssertionError("asked")))
    assert main(["--data-dir", str(data), "sync", "--server", server.url, "--username", "admin"]) == 0
    from ocop_server.models import Record

    with server.app.state.sessions() as s:
        assert s.get(Record, ("producers", producer)) is not None
    db = open_database(data / "ocop.sqlite3")
    with db.session() as s:
        assert s.get(Producer, producer).server_version is not None
    db.close()


def test_ocop_sync_with_a_wrong_password_fails_clearly(server, tmp_path: Path, capsys, monkeypatch):
    """A wrong password exits non-zero with a message, and nothing is written to the server."""
    monkeypatch.setenv("OCOP_PASSWORD", "sai-mat-khau")
    code = main(["--data-dir", str(tmp_path / "laptop"), "sync", "--server", server.url, "--username", "admin"])
    assert code == 1
    assert "wrong_password" in capsys.readouterr().err


def test_ocop_sync_without_a_server_backs_off_then_fails_clearly(tmp_path: Path, capsys, monkeypatch):
    """With nobody listening, the sync tries again after growing random waits (recorded here, not slept), then
    exits non-zero saying it could not reach the server."""
    from ocop_server.testing import free_port

    waits: list[float] = []

    class RecordedWaits(ServerClient):
        """The client the command builds, with its own back-off, but a clock that only takes notes."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, sleep=waits.append, **kwargs)

    monkeypatch.setattr(client_module, "ServerClient", RecordedWaits)
    monkeypatch.setenv("OCOP_PASSWORD", PASSWORD)
    code = main(["--data-dir", str(tmp_path / "laptop"), "sync", "--server", f"http://127.0.0.1:{free_port()}",
                 "--username", "admin"])
    assert code != 0
    assert "không kết nối được máy chủ" in capsys.readouterr().err.lower()
    defaults = inspect.signature(ServerClient).parameters
    retries, backoff = defaults["retries"].default, defaults["backoff"].default
    assert len(waits) == retries > 0
    assert all(0 <= wait <= backoff * 2 ** attempt for attempt, wait in enumerate(waits))


def test_ocop_sync_renews_its_token_so_an_old_copy_stops_working(server, tmp_path: Path, capsys, monkeypatch):
    """Like the window, the command line swaps its stored token for a fresh one on each run online: the token
    a stolen copy of yesterday's files holds is refused from then on."""
    from ocop_desktop.db import credentials

    data = tmp_path / "laptop"
    monkeypatch.setenv("OCOP_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(data), "sync", "--server", server.url, "--username", "admin"]) == 0
    monkeypatch.delenv("OCOP_PASSWORD")
    db = open_database(data / "ocop.sqlite3")
    with db.session() as s:
        first = credentials.find(s, "admin").token
    db.close()
    monkeypatch.setattr("getpass.getpass", lambda prompt="": (_ for _ in ()).throw(AssertionError("asked")))
    assert main(["--data-dir", str(data), "sync", "--server", server.url, "--username", "admin"]) == 0
    db = open_database(data / "ocop.sqlite3")
    with db.session() as s:
        second = credentials.find(s, "admin").token
    db.close()
    assert second and second != first
    old = ServerClient(server.url, "00000000-0000-4000-8000-000000000001", token=first, retries=0)
    with pytest.raises(SyncError) as refused:
        old.pull(0)
    assert refused.value.status == 401
    old.close()
