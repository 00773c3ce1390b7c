"""Server settings, built once at start-up and handed to the app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Settings:
    database_url: str
    files_dir: Path
    max_upload_bytes: int = 50 * 1024 * 1024
    chunk_bytes: int = 1024 * 1024
    max_body_bytes: int = 8 * 1024 * 1024  # a push batch, decompressed
    name: str = "OCOP Hà Tĩnh"

    @classmethod
    def default(cls, database_url: str | None = None, files_dir: Path | None = None) -> Settings:
        data = Path(platformdirs.user_data_dir("ocop-server", "OCOP"))
        data.mkdir(parents=True, exist_ok=True)
        return cls(database_url=database_url or f"sqlite:///{data / 'server.sqlite3'}",
                   files_dir=files_dir or data / "files")
