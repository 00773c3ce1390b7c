"""Attachments: ask which files the server lacks, upload them resumably in chunks, download on demand."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ocop_desktop.db import sync_store
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.schema import Database
from ocop_desktop.sync.client import ServerClient, SyncError

HAVE_BATCH = 500
# Refusals no retry can cure; anything else (a cut, a corrupted transfer) stops the sync to try again later.
REFUSED_FOR_GOOD = frozenset({"file_too_large"})


def local_hashes(db: Database, blobs: BlobStore) -> list[str]:
    with db.session() as session:
        hashes = sync_store.document_hashes(session)
    return sorted(h for h in hashes if blobs.has(h))


@dataclass
class UploadOutcome:
    uploaded: int = 0
    refused: dict[str, str] = field(default_factory=dict)  # sha256 -> the server's reason


def upload_missing(db: Database, client: ServerClient, blobs: BlobStore,
                   progress: Callable[[int, int], None] = lambda d, t: None) -> UploadOutcome:
    """Uploads every local file the server lacks, before the rows that refer to them. A file the server
    refuses for good (too large) is reported and skipped; network trouble still stops the sync."""
    hashes = local_hashes(db, blobs)
    missing: list[str] = []
    for start in range(0, len(hashes), HAVE_BATCH):
        missing += client.have(hashes[start:start + HAVE_BATCH]).missing
    outcome = UploadOutcome()
    for i, sha in enumerate(missing):
        try:
            upload(client, blobs, sha)
            outcome.uploaded += 1
        except SyncError as exc:
            if exc.code not in REFUSED_FOR_GOOD:
                raise
            outcome.refused[sha] = f"{exc.code}: {exc.message}"
        progress(i + 1, len(missing))
    return outcome


def upload(client: ServerClient, blobs: BlobStore, sha256: str, chunk_bytes: int | None = None) -> int:
    """Sends the file from the offset the server reports; returns the bytes sent by this call."""
    path = blobs.path_for(sha256)
    size = path.stat().st_size
    chunk_bytes = chunk_bytes or 1024 * 1024
    state = client.upload_state(sha256, size)
    sent = 0
    with path.open("rb") as fh:
        while not state.complete:
            fh.seek(state.offset)
            chunk = fh.read(chunk_bytes)
            try:
                state = client.upload_chunk(sha256, state.offset, chunk)
            except SyncError as exc:
                if exc.code != "wrong_offset":
                    raise
                state = client.upload_state(sha256, size)  # resume from what the server really holds
                continue
            sent += len(chunk)
    return sent


def download(client: ServerClient, blobs: BlobStore, sha256: str) -> None:
    """Fetches a file the laptop lacks; it is stored only when its bytes hash to its name."""
    if blobs.has(sha256):
        return
    blobs.root.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".download-", dir=blobs.root)
    os.close(fd)
    try:
        client.download(sha256, Path(name))
        ref = blobs.put_file(Path(name))
        if ref.sha256 != sha256:
            os.unlink(blobs.path_for(ref.sha256))
            raise SyncError("hash_mismatch", "Tệp tải về không khớp mã băm; hãy thử lại.")
    finally:
        if os.path.exists(name):
            os.unlink(name)
