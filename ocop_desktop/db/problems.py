"""Why a database file is refused, importable without SQLAlchemy: the app reports it from the first
window, before the database layer has loaded."""

from __future__ import annotations

from pathlib import Path


class DatabaseProblem(Exception):
    """A database file the app will not open; ``code`` says why, ``path`` which file."""

    def __init__(self, code: str, path: Path, detail: str = ""):
        self.code = code
        self.path = path
        self.detail = detail
        super().__init__(f"{code}: {path}" + (f" ({detail})" if detail else ""))
