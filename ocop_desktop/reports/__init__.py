"""Printed and exported documents: safe file writing and the error it raises (their words and figures come
from ocop_desktop.words and ocop_desktop.formats, like the screens')."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ocop_core.errors import OcopError


class ReportError(OcopError):
    """A report could not be written; ``code`` is what the screen turns into words."""

    def __init__(self, code: str, path: str | os.PathLike = "", detail: str = ""):
        super().__init__(code, f"{code}: {path} {detail}".strip(), path=str(path), detail=detail)
        self.path = str(path)
        self.detail = detail


def write_file(path: str | os.PathLike, data: bytes) -> Path:
    """Writes through a temporary file beside the target, so a failed export never leaves half a file."""
    target = Path(path)
    if target.is_dir():
        raise ReportError("is_directory", target)
    try:
        fd, temp = tempfile.mkstemp(prefix=".ocop-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise ReportError("unwritable", target, exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; an exported report is an ordinary file
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ReportError("unwritable", target, exc.strerror or str(exc)) from exc
    return target
