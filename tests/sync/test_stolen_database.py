"""A laptop's database copied alone does not sync: the token it names opens only beside its own data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ocop_desktop.db import credentials
from ocop_desktop.db.schema import open_database
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.login import login

PASSWORD = "mat-khau-123"  # the password tests/sync/conftest.py gives the admin
DEVICE = "00000000-0000-4000-8000-0000000000a1"


def _pull_with_stored_token(folder: Path, url: str) -> None:
    db = open_database(folder / "ocop.sqlite3")
    try:
        with db.session() as session:
            cred = credentials.find(session, "admin")
        assert cred is not None and cred.verifier.startswith("$argon2")  # offline login still works there
        client = ServerClient(url, DEVICE, token=cred.token, retries=0)
        try:
            client.pull(0, 10)
        finally:
            client.close()
    finally:
        db.close()


def test_a_database_copied_to_another_folder_asks_to_log_in_again(server, template_db: Path, tmp_path: Path):
    """The laptop's own folder pulls with its stored token; the same file copied elsewhere holds no usable
    token, and the server refuses the pull (401) until someone logs in again."""
    own, stolen = tmp_path / "own", tmp_path / "stolen"
    own.mkdir()
    stolen.mkdir()
    shutil.copy(template_db, own / "ocop.sqlite3")
    db = open_database(own / "ocop.sqlite3")
    result = login(db, ServerClient(server.url, DEVICE, retries=0), "admin", PASSWORD)
    db.close()
    assert result.token.encode() not in (own / "ocop.sqlite3").read_bytes()

    _pull_with_stored_token(own, server.url)
    shutil.copy(own / "ocop.sqlite3", stolen / "ocop.sqlite3")
    with pytest.raises(SyncError) as refused:
        _pull_with_stored_token(stolen, server.url)
    assert refused.value.status == 401
