"""The schema contract: open a database file safely, refuse one from the future, back up before migrating."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import sessionmaker

from ocop_desktop.db.engine import make_engine, make_session_factory
from ocop_desktop.db.journal import ensure_device_id
from ocop_desktop.db.problems import DatabaseProblem

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration's id, written here so that opening an up-to-date database never imports
# Alembic (a third of a cold start). A test keeps it equal to the migration scripts' head.
HEAD_REVISION = "0009"
SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return HEAD_REVISION


def scripts_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _check_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseProblem("unreadable", path, str(exc)) from exc
    if magic != SQLITE_MAGIC:
        raise DatabaseProblem("not_a_database", path)


def _inspect_read_only(path: Path) -> str | None:
    """Integrity and schema revision of an existing file, read without writing a byte: a file we refuse
    must be left exactly as it was (the engine would switch it to WAL on connect)."""
    # immutable=1 creates no -wal/-shm beside the file; when a -wal is already there (a crash) it holds
    # committed pages, so the file is opened read-only through it instead.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseProblem("unreadable", path, str(exc)) from exc
    try:
        result = con.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise DatabaseProblem("corrupt", path, str(result))
        has_version = con.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()[0]
        if not has_version:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem("corrupt", path, str(exc)) from exc
    finally:
        con.close()


def backup(path: Path, backups: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API, which also carries pages still in the WAL."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = backups / f"{path.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


@dataclass
class Database:
    path: Path
    engine: Engine
    session_factory: sessionmaker
    backup_path: Path | None = None
    device_id: str = ""  # this file's device id (local_meta), made when it was first opened
    # One sync at a time per database: two would read and write the journal under each other.
    sync_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def session(self):
        return self.session_factory()

    def close(self) -> None:
        self.engine.dispose()


def upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_database(path: Path, backups: Path | None = None, migrate: bool = True) -> Database:
    """Opens (creating if needed) and migrates the database at ``path``.

    Raises DatabaseProblem: ``not_a_database``, ``corrupt``, ``unreadable``, ``too_new`` (written by a
    newer app: opening it could lose what that version stored) or ``needs_upgrade`` (migrate=False).
    """
    path = Path(path)
    _check_file(path)
    existed = path.exists() and path.stat().st_size > 0
    current = _inspect_read_only(path) if existed else None
    head = head_revision()
    if current is not None and current != head and current not in known_revisions():
        raise DatabaseProblem("too_new", path, current)
    if current != head and not migrate:
        raise DatabaseProblem("needs_upgrade", path, str(current))
    backup_path = None
    if current != head and existed:
        backup_path = backup(path, backups or path.parent / "backups", f"before-{head}")
    engine = make_engine(path)
    try:
        if current != head:
            upgrade(engine)
        _seed_reference_data(engine)
        factory = make_session_factory(engine)
        with factory() as session:
            device = ensure_device_id(session)
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseProblem("corrupt", path, str(exc.orig)) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine, factory, backup_path, device)


def _seed_reference_data(engine: Engine) -> None:
    from ocop_desktop.db.admin_units import seed_if_empty

    seed_if_empty(engine)
