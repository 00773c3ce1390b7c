"""The FastAPI application: settings -> database -> routers. OpenAPI at /docs."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import UTC, datetime

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from sqlalchemy.orm import sessionmaker

from ocop_core.protocol import SUPPORTED_VERSIONS, ServerInfo
from ocop_core.translog.notes import Verifier
from ocop_server import api_admin, api_auth, api_files, api_sync, epochs, errors
from ocop_server.database import Writers, make_engine, migrate
from ocop_server.deps import CallerCache, TokenTouches
from ocop_server.limits import BoundedRequests
from ocop_server.public import routes as public_routes
from ocop_server.settings import Settings
from ocop_server.snapshots import SnapshotCache
from ocop_server.throttle import AccountGuard
from ocop_server.translog import api as translog_api
from ocop_server.translog import keys as translog_keys
from ocop_server.write_queue import WriteQueue


def create_app(settings: Settings) -> FastAPI:
    # Before anything is opened: a server without its log key stops here, holding no database connection.
    signer = translog_keys.load_key(settings.log_key_file)
    settings.files_dir.mkdir(parents=True, exist_ok=True)
    read_engine = make_engine(settings.database_url, immediate=False)
    write_engine = make_engine(settings.database_url, immediate=True)
    migrate(write_engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        yield

    app = FastAPI(lifespan=lifespan, title="OCOP provincial server", version="1.0",
                  description="Sync hub for the OCOP field evaluation app (protocol "
                              f"{sorted(SUPPORTED_VERSIONS)}). Every request but /health and /info sends "
                              "the X-OCOP-Protocol header.")
    app.state.settings = settings
    app.state.log_signer = signer
    _open_databases(app, settings, read_engine, write_engine)
    app.state.write_queue = WriteQueue(app.state.write_sessions)
    app.state.token_touches = TokenTouches(app.state.write_queue)
    app.state.engines = (read_engine, write_engine)
    app.state.callers = CallerCache()
    app.state.guard = AccountGuard.for_settings(settings)  # logins: clock, throttle, Argon2 pool
    app.state.snapshots = SnapshotCache()
    errors.install(app)
    # Level 3, not Starlette's 9: on a page of rows 9 costs five times the CPU for 9 % fewer bytes, and
    # compressing was half of what a pull cost the server when 200 devices synced at once.
    app.add_middleware(GZipMiddleware, minimum_size=api_sync.GZIP_MINIMUM, compresslevel=api_sync.GZIP_LEVEL)

    # Outermost: a request is bounded before anything else reads it (ocop_server/limits.py).
    app.add_middleware(BoundedRequests, settings=settings)

    @app.get("/health", tags=["meta"])
    def health() -> dict:
        return {"status": "ok"}

    @app.get("/info", response_model=ServerInfo, response_model_exclude_none=True, tags=["meta"])
    def info() -> ServerInfo:
        with app.state.sessions() as session:
            epoch = app.state.epochs.get(session).current
        return ServerInfo(name=settings.name, protocol_versions=sorted(SUPPORTED_VERSIONS),
                          max_upload_bytes=settings.max_upload_bytes, chunk_bytes=settings.chunk_bytes,
                          server_time=datetime.now(UTC), epoch=epoch,
                          public_base_url=settings.public_base_url)

    for module in (api_auth, api_sync, api_files, api_admin):
        app.include_router(module.router)
    app.include_router(translog_api.router)
    # Without login: product pages at the addresses printed on labels, their thumbnails, the catalogue feed.
    app.include_router(public_routes.router)
    return app


def _open_databases(app: FastAPI, settings: Settings, read_engine, write_engine) -> None:
    app.state.witness_keys = tuple(Verifier.decode(key) for key in settings.witness_keys)
    app.state.sessions = sessionmaker(read_engine, expire_on_commit=False)
    # Every writing session carries the log's key, so a change the log records is appended, and its
    # checkpoint signed, in the change's own transaction (ocop_server/translog/log.py).
    app.state.write_sessions = Writers(sessionmaker(write_engine, expire_on_commit=False,
                                                    info={"log_signer": app.state.log_signer}),
                                       serialize=write_engine.dialect.name == "sqlite")
    with app.state.write_sessions() as session:
        epochs.begin(session)
        session.commit()
        app.state.epochs = epochs.EpochBook(session)


def dispose(app: FastAPI) -> None:
    app.state.write_queue.stop()
    app.state.guard.stop()
    for engine in app.state.engines:
        engine.dispose()
