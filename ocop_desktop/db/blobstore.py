"""Attachments stored by content: each file named by its SHA-256, written atomically, owner-only (0600 in
0700 folders: mkstemp's mode, kept by the rename)."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ocop_core.errors import OcopError
from ocop_desktop.paths import make_private_dir

CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")


class BlobError(OcopError):
    def __init__(self, code: str, path: Path | None = None, detail: str = ""):
        super().__init__(code, f"{code}: {path}" + (f" ({detail})" if detail else ""), path=path, detail=detail)
        self.path = path
        self.detail = detail


@dataclass(frozen=True, slots=True)
class BlobRef:
    sha256: str
    size: int


class BlobStore:
    def __init__(self, root: Path, max_size: int | None = None):
        self.root = Path(root)
        self.max_size = max_size

    def path_for(self, sha256: str) -> Path:
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise BlobError("invalid_hash", None, str(sha256)[:80])
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_file(self, source: Path) -> BlobRef:
        source = Path(source)
        if not source.is_file():
            raise BlobError("not_a_file", source)
        try:
            size = source.stat().st_size
            if self.max_size is not None and size > self.max_size:
                raise BlobError("too_large", source, f"{size} > {self.max_size}")
            with source.open("rb") as fh:
                return self._store(fh)
        except OSError as exc:
            raise BlobError("unreadable", source, exc.strerror or str(exc)) from exc

    def put_bytes(self, data: bytes) -> BlobRef:
        if self.max_size is not None and len(data) > self.max_size:
            raise BlobError("too_large", None, f"{len(data)} > {self.max_size}")
        import io

        return self._store(io.BytesIO(data))

    def _store(self, fh) -> BlobRef:
        make_private_dir(self.root)
        digest = hashlib.sha256()
        size = 0
        # Written beside the target and renamed, so a crash never leaves a half file under a real name.
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := fh.read(CHUNK):
                    size += len(chunk)
                    if self.max_size is not None and size > self.max_size:
                        raise BlobError("too_large", None, f"> {self.max_size}")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            make_private_dir(target.parent)
            if target.exists():
                os.unlink(tmp_name)
            else:
                os.replace(tmp_name, target)
            return BlobRef(sha, size)
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise

    def remove(self, sha256: str) -> bool:
        """Deletes a cached file (one no row on this laptop names any more); False when it was not here."""
        try:
            self.path_for(sha256).unlink()
            return True
        except FileNotFoundError:
            return False

    def verify(self, sha256: str) -> bool:
        """True when the stored bytes still hash to their name (a disk can rot)."""
        path = self.path_for(sha256)
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256


MAX_UPLOAD_KEY = "max_upload_bytes"


def upload_limit(session) -> int | None:
    """The largest file the server said (at the last sync) that it takes; None before any sync."""
    from ocop_desktop.db.sync_store import get_meta

    limit = get_meta(session, MAX_UPLOAD_KEY)
    return int(limit) if limit and limit.isdigit() else None


def store_for(session, root: Path) -> BlobStore:
    """The attachment store, refusing at attach time files larger than the server last said it takes:
    a document whose file could never be sent must not be accepted in the first place."""
    return BlobStore(root, max_size=upload_limit(session))
