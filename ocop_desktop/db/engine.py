"""Engine and session factory for the local database: WAL, foreign keys, the journal and search hooks."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

from ocop_desktop.db import credentials, journal, search
from ocop_desktop.paths import make_private_file


def _on_connect(dbapi_connection, connection_record) -> None:
    # The driver's own transaction handling fights SAVEPOINT and WAL; SQLAlchemy's recipe turns it off
    # and issues BEGIN itself (see the event handler below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: what a person typed is on disk when the service returns. With NORMAL, WAL may roll back the
    # last commits after a power cut, so the last answers given could vanish.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path | str) -> Engine:
    if str(path) != ":memory:" and Path(path).parent.is_dir():
        # Created here, owner-only, before SQLite makes it with the umask's 0644: its -wal and -shm files
        # take the database file's mode, so they are private too.
        make_private_file(Path(path))
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker:
    # Objects stay readable after commit: services return frozen values built from them, and the
    # journal reads old values from memory instead of a second query.
    factory = sessionmaker(engine, expire_on_commit=False)
    journal.install(factory)
    search.install(factory)
    # At every open, not at login: a database copied away before the next login holds no plain token.
    credentials.seal_plaintext_tokens(engine)
    return factory
