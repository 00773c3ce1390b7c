"""The schema contract of open_database: migrate, refuse bad files untouched, back up before migrating."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ocop_desktop.db.schema import Database, DatabaseProblem, current_revision, head_revision, open_database
from ocop_desktop.services import registry

COMMUNE = "18073"
PAGE = 4096


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _refused(path: Path, **kwargs) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as info:
        open_database(path, **kwargs)
    return info.value


@pytest.fixture
def populated(template_db: Path, tmp_path: Path) -> Path:
    """A valid database holding a few hundred producers, so it spans many pages; closed."""
    path = tmp_path / "data" / "full.sqlite3"
    path.parent.mkdir()
    shutil.copy(template_db, path)
    db = open_database(path)
    with db.session() as s:
        for i in range(300):
            registry.create_producer(s, name=f"Hợp tác xã số {i} " + "đ" * 100, kind="cooperative",
                                     commune_code=COMMUNE)
        s.commit()
    db.close()
    assert path.stat().st_size > 40 * PAGE
    return path


@pytest.fixture
def unrelated_db(tmp_path: Path) -> Path:
    """A SQLite file the app never migrated: one unrelated table with a row."""
    path = tmp_path / "old" / "old.sqlite3"
    path.parent.mkdir()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes VALUES (1, 'Ghi chú cũ')")
    con.commit()
    con.close()
    return path


def test_fresh_file_migrates_to_head(tmp_path: Path) -> None:
    """A new file is created and migrated to the newest revision."""
    db = open_database(tmp_path / "new.sqlite3")
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_fresh_file_makes_no_backup(tmp_path: Path) -> None:
    """Creating a database has nothing to back up, so no backup is written."""
    db = open_database(tmp_path / "new.sqlite3")
    db.close()
    assert db.backup_path is None
    assert not (tmp_path / "backups").exists()


def test_garbage_file_is_not_a_database_and_untouched(tmp_path: Path) -> None:
    """A file of garbage bytes is refused as not_a_database, left byte-identical with no side files."""
    path = tmp_path / "ocop.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not SQLite " * 200)
    before = _digest(path)
    problem = _refused(path)
    assert problem.code == "not_a_database"
    assert problem.path == path
    assert _digest(path) == before
    assert _siblings(path) == ["ocop.sqlite3"]


def test_corrupted_middle_pages_are_refused_untouched(populated: Path) -> None:
    """A SQLite file whose middle pages were overwritten is refused as corrupt and left byte-identical."""
    data = bytearray(populated.read_bytes())
    start = (len(data) // 2) // PAGE * PAGE
    data[start:start + 2 * PAGE] = b"\xde\xad\xbe\xef" * (2 * PAGE // 4)
    populated.write_bytes(bytes(data))
    before = _digest(populated)
    problem = _refused(populated)
    assert problem.code == "corrupt"
    assert _digest(populated) == before
    assert _siblings(populated) == ["full.sqlite3"]


def test_truncated_file_is_refused_untouched(populated: Path) -> None:
    """A SQLite file cut in half is refused as corrupt and left byte-identical."""
    data = populated.read_bytes()
    populated.write_bytes(data[: len(data) // 2])
    before = _digest(populated)
    problem = _refused(populated)
    assert problem.code == "corrupt"
    assert _digest(populated) == before


def test_database_from_newer_app_is_too_new_and_untouched(db_path: Path) -> None:
    """A database stamped with an unknown revision is refused as too_new and left byte-identical."""
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = _digest(db_path)
    problem = _refused(db_path)
    assert problem.code == "too_new"
    assert problem.detail == "9999"
    assert _digest(db_path) == before


def _rollback_journal_db(path: Path, stamp: str | None, rows: int = 0) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.executemany("INSERT INTO notes VALUES (?)", [("đ" * 300,)] * rows)
    if stamp:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        con.execute("INSERT INTO alembic_version VALUES (?)", (stamp,))
    con.commit()
    con.close()


def _too_new(path: Path) -> dict:
    _rollback_journal_db(path, "9999")
    return {}


def _needs_upgrade(path: Path) -> dict:
    _rollback_journal_db(path, None)
    return {"migrate": False}


def _corrupt(path: Path) -> dict:
    _rollback_journal_db(path, None, rows=500)
    data = bytearray(path.read_bytes())
    start = (len(data) // 2) // PAGE * PAGE
    data[start:start + 2 * PAGE] = b"\xde\xad\xbe\xef" * (2 * PAGE // 4)
    path.write_bytes(bytes(data))
    return {}


@pytest.mark.parametrize(("make", "code"), [(_too_new, "too_new"), (_needs_upgrade, "needs_upgrade"),
                                            (_corrupt, "corrupt")], ids=["too_new", "needs_upgrade", "corrupt"])
def test_refused_rollback_journal_database_is_untouched(tmp_path: Path, make, code: str) -> None:
    """A refused database in rollback-journal (non-WAL) mode is left byte-identical."""
    path = tmp_path / "ocop.sqlite3"
    kwargs = make(path)
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback-journal mode
    before = _digest(path)
    problem = _refused(path, **kwargs)
    assert problem.code == code
    assert _digest(path) == before


def test_old_database_is_refused_without_migrate(unrelated_db: Path) -> None:
    """With migrate=False an unmigrated (WAL-mode) file is refused as needs_upgrade and left byte-identical."""
    con = sqlite3.connect(unrelated_db)
    assert con.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    con.close()
    before = _digest(unrelated_db)
    problem = _refused(unrelated_db, migrate=False)
    assert problem.code == "needs_upgrade"
    assert _digest(unrelated_db) == before


def test_migrating_existing_file_reaches_head_and_keeps_its_data(unrelated_db: Path) -> None:
    """An existing unmigrated file is migrated to head and its own table survives."""
    db = open_database(unrelated_db)
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT body FROM notes")).scalars().all() == ["Ghi chú cũ"]
    finally:
        db.close()


def test_migrating_writes_backup_of_the_state_before(unrelated_db: Path) -> None:
    """Before migrating an existing file a backup copy is written, holding the unmigrated contents."""
    db = open_database(unrelated_db)
    db.close()
    assert db.backup_path is not None
    assert db.backup_path.parent == unrelated_db.parent / "backups"
    assert db.backup_path.is_file()
    con = sqlite3.connect(db.backup_path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rows = con.execute("SELECT id, body FROM notes").fetchall()
    finally:
        con.close()
    assert tables == {"notes"}
    assert rows == [(1, "Ghi chú cũ")]


def test_backup_goes_to_the_given_directory(unrelated_db: Path, tmp_path: Path) -> None:
    """A backups directory passed to open_database receives the pre-migration copy."""
    target = tmp_path / "elsewhere"
    db = open_database(unrelated_db, backups=target)
    db.close()
    assert db.backup_path is not None
    assert db.backup_path.parent == target
    assert db.backup_path.is_file()


def test_reopening_a_current_database_makes_no_backup(db: Database) -> None:
    """A database already at head is opened without a backup."""
    assert db.backup_path is None
    assert not (db.path.parent / "backups").exists()


def test_every_connection_uses_wal(db: Database) -> None:
    """Each pooled connection reports journal_mode wal."""
    with db.engine.connect() as first, db.engine.connect() as second:
        modes = [c.exec_driver_sql("PRAGMA journal_mode").scalar() for c in (first, second)]
    assert modes == ["wal", "wal"]


def test_every_connection_enforces_foreign_keys(db: Database) -> None:
    """Each pooled connection has PRAGMA foreign_keys = 1."""
    with db.engine.connect() as first, db.engine.connect() as second:
        flags = [c.exec_driver_sql("PRAGMA foreign_keys").scalar() for c in (first, second)]
    assert flags == [1, 1]


def test_foreign_key_violation_is_refused(db: Database) -> None:
    """A product pointing at a producer that does not exist is refused by SQLite."""
    with db.engine.connect() as conn, pytest.raises(IntegrityError):
        conn.execute(text(
            "INSERT INTO products (id, producer_id, name, subgroup_code, commune_code, external_code, description,"
            " created_at, updated_at, deleted) VALUES ('p1', 'no-such-producer', 'x', 'I.1.a', '18073', '', '',"
            " '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00', 0)"))


def test_the_written_head_revision_is_the_migration_scripts_head():
    """HEAD_REVISION spares a start the Alembic import; it must name the newest migration script."""
    from ocop_desktop.db.schema import HEAD_REVISION, scripts_head

    assert scripts_head() == HEAD_REVISION


def test_opening_an_up_to_date_database_does_not_import_alembic(db_path):
    """A cold start with nothing to migrate leaves Alembic unloaded (it is a third of the start time)."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from ocop_desktop.db.schema import open_database; "
            f"open_database(Path({str(db_path)!r})).close(); print('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
