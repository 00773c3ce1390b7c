"""Server settings, built once at start-up and handed to the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from ocop_server.throttle import default_login_threads


@dataclass(frozen=True)
class Settings:
    database_url: str
    files_dir: Path
    max_upload_bytes: int = 50 * 1024 * 1024
    chunk_bytes: int = 1024 * 1024
    max_body_bytes: int = 8 * 1024 * 1024  # a push batch, decompressed
    name: str = "OCOP Hà Tĩnh"
    # Requests run on this many threads. Far fewer than Starlette's 40: one process shares one
    # interpreter lock, and threads fighting for it left the single writer waiting (200-device
    # benchmark: 40 threads p95 3.3 s, 10 threads 1.8-2.0 s, 4 threads 1.3-1.9 s).
    worker_threads: int = 4
    # Logins: Argon2 on threads of its own with a bounded queue (ocop_server/throttle.py); a device's token
    # expires after this many days unused (each use slides it).
    login_threads: int = field(default_factory=default_login_threads)
    login_queue: int = 8
    token_idle_days: int = 30
    # Bounded requests (ocop_server/limits.py, docs/sync-protocol.md "Limits"). Anyone may call /auth/login,
    # so its body is a few kilobytes, not the 8 MB of a push.
    login_body_bytes: int = 4096
    max_json_depth: int = 32
    header_timeout: float = 10.0  # seconds for a request's line and headers
    body_timeout: float = 120.0  # seconds for a whole body: a 4 MB upload chunk at 35 kB/s
    keep_alive_timeout: float = 5.0  # an idle connection between requests
    # Where consumers reach the public product pages (the QR codes on labels point here), e.g.
    # https://ocop.hatinh.gov.vn: laptops receive it through /info and print it. None: not published yet;
    # the pages then name themselves by the address they were asked on.
    public_base_url: str | None = None
    # The transparency log's signing key: a file outside the database (ocop_server/translog/keys.py), made
    # once at setup by `ocop-server create-log-key`. The server does not start without it.
    log_key_file: Path | None = None
    # Witnesses whose cosignatures the log keeps and serves (their verifier keys, name+id+key).
    witness_keys: tuple[str, ...] = ()

    @classmethod
    def default(cls, database_url: str | None = None, files_dir: Path | None = None) -> Settings:
        data = Path(platformdirs.user_data_dir("ocop-server", "OCOP"))
        data.mkdir(parents=True, exist_ok=True)
        return cls(database_url=database_url or f"sqlite:///{data / 'server.sqlite3'}",
                   files_dir=files_dir or data / "files",
                   log_key_file=Path(platformdirs.user_config_dir("ocop-server", "OCOP")) / "log-signing.key")
