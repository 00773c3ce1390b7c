"""The server's database: SQLite by default, PostgreSQL in production; migrated with Alembic at start."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # FULL: a commit is on disk before the push it answers is acknowledged. With NORMAL, WAL may roll back
    # the last commits after a power cut, and a laptop would have marked those changes sent. Group commit
    # (write_queue.py) pays the sync once per group of pushes, not once per push.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


def _sqlite_reset(dbapi_connection, connection_record, reset_state) -> None:
    # A COMMIT that fails (a deferred constraint, a full disk) leaves SQLite inside the transaction,
    # and SQLAlchemy, counting it as ended, does not roll it back: the pooled connection would carry
    # it into the next request, whose BEGIN then fails.
    if dbapi_connection.in_transaction:
        dbapi_connection.rollback()


def _sqlite_begin(conn) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so two pushes never interleave their sequence numbers.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_deferred(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: str, immediate: bool = True) -> Engine:
    """``immediate``: writers take SQLite's write lock at BEGIN; readers keep deferred snapshots."""
    if url.startswith("sqlite"):
        # Pooled: closing the last connection of a WAL database checkpoints it, 16 ms per request.
        engine = create_engine(url, pool_size=10, max_overflow=90, pool_timeout=120,
                               connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "reset", _sqlite_reset)
        event.listen(engine, "begin", _sqlite_begin if immediate else _sqlite_deferred)
        return engine
    # Readers see one snapshot per transaction: a pull page and its digests must describe one state, and
    # PostgreSQL's default (READ COMMITTED) gives every statement its own.
    isolation = {} if immediate else {"isolation_level": "REPEATABLE READ"}
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True, **isolation)


def migrate(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Writers:
    """Write sessions. On SQLite one writer at a time, queued on a lock in this process: SQLite's own
    busy-waiting sleeps in growing steps and turns 200 waiting devices into a convoy. On PostgreSQL the
    counter row's lock orders writers, so they run concurrently until then."""

    def __init__(self, factory: sessionmaker, serialize: bool):
        self._factory = factory
        self._lock = threading.Lock() if serialize else None

    @contextmanager
    def __call__(self) -> Iterator[Session]:
        if self._lock is not None:
            self._lock.acquire()
        try:
            with self._factory() as session:
                yield session
        finally:
            if self._lock is not None:
                self._lock.release()
