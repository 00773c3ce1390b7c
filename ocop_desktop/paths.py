"""Where the app keeps its files; built once at start-up and passed down, never a global."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "ocop"
APP_AUTHOR = "OCOP"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "ocop.sqlite3"

    @property
    def blobs(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def cache(self) -> Path:
        """Copies the app can rebuild from the database (safe to delete)."""
        return self.data_dir / "cache"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.blobs, self.backups, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def default(cls, override: str | os.PathLike | None = None) -> AppPaths:
        """``override`` (the --data-dir option), else $OCOP_DATA_DIR, else the platform's data folder."""
        chosen = override or os.environ.get("OCOP_DATA_DIR")
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        import platformdirs  # only here: the first window's start-up does not wait for it

        return cls(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
