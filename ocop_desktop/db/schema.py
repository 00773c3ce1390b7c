"""The schema contract: open a database file safely, refuse one from the future, back up before migrating."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import sessionmaker

from ocop_desktop.db.engine import make_engine, make_session_factory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseProblem(Exception):
    """A database file the app will not open; ``code`` says why, ``path`` which file."""

    def __init__(self, code: str, path: Path, detail: str = ""):
        self.code = code
        self.path = path
        self.detail = detail
        super().__init__(f"{code}: {path}" + (f" ({detail})" if detail else ""))


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
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


def _integrity(engine: Engine, path: Path) -> None:
    try:
        with engine.connect() as conn:
            result = conn.execute(text("PRAGMA quick_check")).scalar()
    except SADatabaseError as exc:
        raise DatabaseProblem("corrupt", path, str(exc.orig)) from exc
    if result != "ok":
        raise DatabaseProblem("corrupt", path, str(result))


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

    def session(self):
        return self.session_factory()

    def close(self) -> None:
        self.engine.dispose()


def upgrade(engine: Engine) -> None:
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
    engine = make_engine(path)
    try:
        if existed:
            _integrity(engine, path)
        try:
            current = current_revision(engine)
        except SADatabaseError as exc:
            raise DatabaseProblem("corrupt", path, str(exc.orig)) from exc
        head = head_revision()
        if current is not None and current not in known_revisions():
            raise DatabaseProblem("too_new", path, current)
        backup_path = None
        if current != head:
            if not migrate:
                raise DatabaseProblem("needs_upgrade", path, str(current))
            if existed:
                backup_path = backup(path, backups or path.parent / "backups", f"before-{head}")
            upgrade(engine)
        _seed_reference_data(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine, make_session_factory(engine), backup_path)


def _seed_reference_data(engine: Engine) -> None:
    from ocop_desktop.db.admin_units import seed_if_empty

    seed_if_empty(engine)
