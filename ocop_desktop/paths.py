"""Where the app keeps its files; built once at start-up and passed down, never a global.

The data folder holds what people typed, the sync token's ciphertext and the attachments: on POSIX it is
readable by its owner only (0700, its files 0600), whatever the umask or an older version left.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "ocop"
APP_AUTHOR = "OCOP"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


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
        if self.data_dir.exists() and not _is_private(self.data_dir, PRIVATE_DIR):
            make_private_tree(self.data_dir)  # left by an older version: 0755 and 0644
        for folder in (self.data_dir, self.blobs, self.backups, self.cache):
            make_private_dir(folder)
        for folder in (self.data_dir, self.backups, self.cache):
            # Few files each: copies other modules write with the umask's mode (a backup taken before a
            # migration, the list cache) are narrowed at the next start, inside folders already private.
            for path in folder.iterdir():
                if path.is_file():
                    _narrow(path, PRIVATE_FILE)
        # Qt's settings file is rewritten through a temporary file that keeps the old one's mode.
        make_private_file(self.data_dir / "ui.ini")
        return self

    @classmethod
    def default(cls, override: str | os.PathLike | None = None) -> AppPaths:
        """``override`` (the --data-dir option), else $OCOP_DATA_DIR, else the platform's data folder."""
        chosen = override or os.environ.get("OCOP_DATA_DIR")
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        import platformdirs  # only here: the first window's start-up does not wait for it

        return cls(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    """The user's configuration folder ($OCOP_CONFIG_DIR, else the platform's): never inside the data
    folder, so that a copy of the data folder does not carry the key that opens its token."""
    chosen = os.environ.get("OCOP_CONFIG_DIR")
    if chosen:
        return Path(chosen).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def make_private_dir(folder: Path) -> Path:
    """Creates the folder (and its parents) for its owner only; an existing one is narrowed to 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _narrow(folder, PRIVATE_DIR)
    return folder


def make_private_file(path: Path) -> Path:
    """Creates the file empty if missing, readable by its owner only (an existing one is narrowed)."""
    if os.name == "posix":
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        _narrow(path, PRIVATE_FILE)
    else:
        path.touch(exist_ok=True)
    return path


def make_private_tree(root: Path) -> None:
    """Narrows every folder under ``root`` to 0700 and every file to 0600 (once: ``ensure`` walks only a
    data folder that is not private yet, so a fixed one costs a single stat at each start)."""
    if os.name != "posix":
        return
    for folder, _dirs, files in os.walk(root):
        here = Path(folder)
        for name in files:
            _narrow(here / name, PRIVATE_FILE)
        _narrow(here, PRIVATE_DIR)


def _is_private(path: Path, mode: int) -> bool:
    try:
        return stat.S_IMODE(path.lstat().st_mode) & ~mode == 0
    except OSError:
        return True


def _narrow(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return  # a link or someone else's file is never changed
        if stat.S_IMODE(info.st_mode) & ~mode:
            os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
    except OSError:
        pass  # a file that vanished or a read-only medium: the folder's own 0700 still guards it


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
