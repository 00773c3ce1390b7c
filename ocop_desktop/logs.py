"""The log file under the data folder: what went wrong out of sight (background work, a crash), kept for support."""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ocop_desktop import __version__
from ocop_desktop.paths import AppPaths, make_private_dir, make_private_file

# Small enough to send by e-mail from a commune's laptop; three old files keep the days before a complaint.
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_file(paths: AppPaths) -> Path:
    return paths.data_dir / "logs" / "ocop.log"


class _PrivateRotatingHandler(RotatingFileHandler):
    """Each new log file (the first, and the one after each rotation) is made owner-only before it is
    opened: a log names users, dossiers and server addresses."""

    def _open(self):  # type: ignore[no-untyped-def]
        make_private_file(Path(self.baseFilename))
        return super()._open()


@dataclass
class FileLog:
    """The handler ``start`` added, and the root level it found (several commands run in one process, the
    tests, and each leaves logging as it found it)."""

    path: Path
    handler: logging.Handler
    previous_level: int

    def stop(self) -> None:
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.setLevel(self.previous_level)
        self.handler.close()


def start(paths: AppPaths, command: str) -> FileLog:
    """Sends every record from INFO up to ``<data>/logs/ocop.log`` (rotated at 1 MB, 3 kept) until stopped.

    On the root logger, so that what SQLAlchemy, Alembic or urllib3 report lands beside our own records.
    """
    path = log_file(paths)
    handler: logging.Handler
    try:
        make_private_dir(path.parent)
        handler = _PrivateRotatingHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        # A folder nobody may write to stops no command for want of a log; one that needs the folder says
        # so itself, in words a person can act on.
        handler = logging.NullHandler()
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    opened = FileLog(path, handler, root.level)
    if root.level > logging.INFO:
        root.setLevel(logging.INFO)
    root.addHandler(handler)
    # Which build on which machine wrote what follows: a log sent in weeks later says it without asking.
    # Not platform.platform(): it reads the interpreter's binary to name the C library, 20 ms of every start.
    log.info("ocop %s %s (Python %s, %s %s %s)", __version__, command, platform.python_version(),
             platform.system(), platform.release(), platform.machine())
    return opened


def crashed(command: str) -> None:
    """Records the exception being handled, before it reaches the terminal (which nobody may be watching)."""
    log.error("ocop %s stopped on an error", command, exc_info=sys.exc_info())
