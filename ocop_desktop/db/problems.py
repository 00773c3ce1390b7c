"""Why a database file is refused, importable without SQLAlchemy: the app reports it from the first
window, before the database layer has loaded."""

from __future__ import annotations

from pathlib import Path

from ocop_core.errors import OcopError


class DatabaseProblem(OcopError):
    """A database file the app will not open; ``code`` says why, ``path`` which file."""

    def __init__(self, code: str, path: Path, detail: str = ""):
        super().__init__(code, f"{code}: {path}" + (f" ({detail})" if detail else ""), path=path, detail=detail)
        self.path = path
        self.detail = detail
