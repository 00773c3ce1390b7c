"""A real server on 127.0.0.1 in a background thread, for tests and benchmarks (not for production)."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from pathlib import Path

import uvicorn
from sqlalchemy import create_engine, text

from ocop_server import accounts
from ocop_server.app import create_app, dispose
from ocop_server.limits import uvicorn_options
from ocop_server.settings import Settings
from ocop_server.translog import keys as translog_keys

POSTGRES_ENV = "OCOP_TEST_POSTGRES_URL"


def postgres_schema_url() -> str | None:
    """With $OCOP_TEST_POSTGRES_URL set, a fresh schema in that database for each server: the same
    tests run on PostgreSQL without a database per test."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        return None
    schema = f"t_{uuid.uuid4().hex[:16]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """Starts, stops and restarts the server on one port and one database, like a real restart."""

    def __init__(self, folder: Path, database_url: str | None = None, port: int | None = None, **settings):
        folder.mkdir(parents=True, exist_ok=True)
        database_url = database_url or postgres_schema_url() or f"sqlite:///{folder / 'server.sqlite3'}"
        if "log_key_file" not in settings:
            settings["log_key_file"] = folder / "log-signing.key"
            if not settings["log_key_file"].exists():
                translog_keys.create_key(settings["log_key_file"])
        self.settings = Settings(database_url=database_url,
                                 files_dir=folder / "files", **settings)
        self.port = port or free_port()
        self.app = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        self.app = create_app(self.settings)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="error", lifespan="off",
                                **uvicorn_options(self.settings))
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name=f"ocop-server-{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=20)
            dispose(self.app)
            self._server = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def create_user(self, username: str, password: str, role: str, **extra) -> str:
        with self.app.state.write_sessions() as session:
            user = accounts.create_user(session, username=username, password=password, role=role, **extra)
            session.commit()
            return user.id


def rewrite_log_history(server: LiveServer, old: bytes, new: bytes) -> None:
    """What someone holding the database and the log key could do, for tests of the alarm: change entry 0
    (``old`` -> ``new`` in its bytes), rebuild the tree, and sign one more entry on top."""
    from ocop_core.translog.merkle import MemoryTree
    from ocop_server.translog import log
    from ocop_server.translog.tables import LogEntry, LogNode

    with server.app.state.write_sessions() as session:
        entries = session.query(LogEntry).order_by(LogEntry.idx).all()
        entries[0].body = bytes(entries[0].body).replace(old, new)
        tree = MemoryTree()
        for entry in entries:
            tree.append(bytes(entry.body))
        session.query(LogNode).delete()
        session.add_all(LogNode(level=level, idx=idx, hash=value) for (level, idx), value in tree.nodes.items())
        session.flush()
        log.append(session, [("production_lots", "x", {"kind": "lot_recorded", "lot_code": "X"})],
                   server.app.state.log_signer)
        session.commit()
