"""Laptop data readable by its owner only: folder 0700, files 0600, and the sync token never in plain text."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from ocop_desktop import logs
from ocop_desktop.db import credentials
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.schema import open_database
from ocop_desktop.drafts import Draft, DraftField, DraftStore
from ocop_desktop.paths import AppPaths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
TOKEN = "tok-3f9c1b7e-plain-secret-value"


@pytest.fixture(autouse=True)
def _own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("OCOP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("OCOP_KEYRING", "off")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _everything(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): _mode(p) for p in [root, *root.rglob("*")]}


def test_a_new_data_folder_and_every_file_in_it_are_owner_only(tmp_path):
    """Database, WAL/SHM, attachments, drafts, logs and settings: 0600 in 0700 folders, under a lax umask."""
    old = os.umask(0o022)
    try:
        paths = AppPaths(tmp_path / "data").ensure()
        db = open_database(paths.database)
        with db.session() as session:
            credentials.remember(session, username="u", user_id="i", full_name="", role="member", verifier="v",
                                 token=TOKEN, server_url="http://127.0.0.1")
            session.commit()
        BlobStore(paths.blobs).put_bytes(b"%PDF-1.4 giay chung nhan")
        DraftStore.in_data_dir(paths.data_dir).put(Draft("u", "dossier", "d", "HS", "dossiers",
                                                         {"a": DraftField("Địa chỉ", "x", "x")}))
        opened = logs.start(paths, "test")
        logging.getLogger("ocop.test").warning("một dòng")
        assert (paths.data_dir / "ocop.sqlite3-wal").exists()
        found = _everything(paths.data_dir)
        opened.stop()
        db.close()
    finally:
        os.umask(old)
    folders = {name: mode for name, mode in found.items() if (paths.data_dir / name).is_dir()}
    files = {name: mode for name, mode in found.items() if name not in folders}
    assert {"ocop.sqlite3", "ocop.sqlite3-wal", "ocop.sqlite3-shm", "ui.ini", "logs/ocop.log"} <= set(files)
    assert any(name.startswith("drafts/") for name in files) and any(name.startswith("attachments/") for name in files)
    assert {name: mode for name, mode in files.items() if mode != 0o600} == {}
    assert {name: mode for name, mode in folders.items() if mode != 0o700} == {}


def test_an_older_world_readable_data_folder_is_narrowed_at_start(tmp_path):
    """A folder an older version left at 0755 with 0644 files (blobs two levels down) is fixed by ensure()."""
    root = tmp_path / "data"
    (root / "attachments" / "ab").mkdir(parents=True)
    for name in ("ocop.sqlite3", "ocop.sqlite3-wal", "attachments/ab/ab12", "ui.ini"):
        (root / name).write_bytes(b"x")
        os.chmod(root / name, 0o644)
    for folder in (root, root / "attachments", root / "attachments" / "ab"):
        os.chmod(folder, 0o755)
    AppPaths(root).ensure()
    assert {name for name, mode in _everything(root).items() if mode & 0o077} == set()


def test_the_token_is_sealed_and_a_database_copied_alone_opens_none(tmp_path):
    """The file holds no plain token; the same database copied to another data folder gives no token."""
    first = AppPaths(tmp_path / "first").ensure()
    db = open_database(first.database)
    with db.session() as session:
        credentials.remember(session, username="thanhvien", user_id="i", full_name="", role="member",
                             verifier="v", token=TOKEN, server_url="http://127.0.0.1")
        session.commit()
    with db.session() as session:
        assert credentials.find(session, "thanhvien").token == TOKEN
    db.close()
    assert TOKEN.encode() not in first.database.read_bytes()
    assert not any(TOKEN.encode() in p.read_bytes() for p in first.data_dir.rglob("*") if p.is_file())

    other = AppPaths(tmp_path / "other").ensure()
    other.database.write_bytes(first.database.read_bytes())
    moved = open_database(other.database)
    with moved.session() as session:
        copied = credentials.find(session, "thanhvien")
    moved.close()
    assert copied is not None and copied.verifier == "v" and copied.token is None


def test_a_plain_token_of_an_older_version_is_sealed_and_wiped_at_start(tmp_path):
    """An existing plain-text token is sealed when the database opens, and its bytes leave the file."""
    paths = AppPaths(tmp_path / "data").ensure()
    open_database(paths.database).close()
    with sqlite3.connect(paths.database) as raw:
        raw.execute("INSERT INTO credentials (username, user_id, full_name, role, verifier, token, server_url)"
                    " VALUES ('canboxa', 'i', '', 'commune_officer', 'v', ?, 'http://127.0.0.1')", (TOKEN,))
    raw.close()
    assert TOKEN.encode() in paths.database.read_bytes()

    db = open_database(paths.database)
    with db.session() as session:
        assert credentials.find(session, "canboxa").token == TOKEN
    with contextlib.closing(sqlite3.connect(paths.database)) as raw_db:
        stored = raw_db.execute("SELECT token FROM credentials").fetchone()[0]
    db.close()
    assert stored.startswith(credentials.SEALED)
    assert not any(TOKEN.encode() in p.read_bytes() for p in paths.data_dir.rglob("*") if p.is_file())


def test_the_keyring_holds_the_token_where_there_is_one(tmp_path):
    """With a usable keyring the database keeps only a marker; the keyring entry is named for the folder."""
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self):
            super().__init__()
            self.held: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.held.get((service, username))

        def set_password(self, service, username, password):
            self.held[(service, username)] = password

        def delete_password(self, service, username):
            self.held.pop((service, username), None)

    memory = Memory()
    here = credentials.TokenVault(tmp_path / "a", backend=memory)
    stored = here.seal("thuky", TOKEN)
    assert stored == credentials.IN_KEYRING and list(memory.held.values()) == [TOKEN]
    assert here.open("thuky", stored) == TOKEN
    assert credentials.TokenVault(tmp_path / "b", backend=memory).open("thuky", stored) is None


def test_a_backup_written_with_the_umask_is_narrowed_at_the_next_start(tmp_path):
    """Copies other modules write under a lax umask (a backup before a migration) become 0600 at next start."""
    paths = AppPaths(tmp_path / "data").ensure()
    for name in ("backups/ocop-before-0009.sqlite3", "cache/dossiers.json"):
        (paths.data_dir / name).write_bytes(b"x")
        os.chmod(paths.data_dir / name, 0o644)
    AppPaths(paths.data_dir).ensure()
    assert {name for name, mode in _everything(paths.data_dir).items() if mode & 0o077} == set()
