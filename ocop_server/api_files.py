"""Attachments by SHA-256: which the server lacks, resumable chunked upload, download.

Every answer is about the files the caller may know (ocop_server/possession.py): a file the caller has
neither uploaded nor can see a row naming reads as absent, and its bytes must be sent again to prove
possession. An upload in progress belongs to the device of the user who started it (``file_uploads``): a
second uploader of the same file has an upload of their own, and nobody resets another's."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ocop_core.protocol import HaveRequest, HaveResponse, UploadState
from ocop_server import possession
from ocop_server.deps import Caller, GzipRoute, read_session, require_caller, require_uploader
from ocop_server.errors import ApiError
from ocop_server.models import Blob, FileUpload
from ocop_server.scope import may_read_file

router = APIRouter(prefix="/files", tags=["files"], route_class=GzipRoute)
SHA = PathParam(pattern="^[0-9a-f]{64}$", description="the file's SHA-256, lower-case hex")


def _final(request: Request, sha256: str) -> Path:
    return request.app.state.settings.files_dir / sha256[:2] / sha256


def _partial(request: Request, upload: FileUpload) -> Path:
    # One partial file per uploader: two devices sending the same file never write into each other's.
    return request.app.state.settings.files_dir / "partial" / f"{upload.sha256}.{upload.user_id}.{upload.device_id}"


@router.post("/have", response_model=HaveResponse)
def have(request: Request, body: HaveRequest, caller: Caller = Depends(require_caller)) -> HaveResponse:
    with read_session(request) as session:
        wanted = {h for h in body.hashes if isinstance(h, str) and len(h) == 64}
        if any(len(h) != 64 or not all(c in "0123456789abcdef" for c in h) for h in body.hashes):
            raise ApiError(422, "invalid_hash", "Hashes are 64 lower-case hex characters.")
        held = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(wanted), Blob.complete.is_(True))))
        done = possession.known_to(session, caller.viewer, caller.device_id, held)
        return HaveResponse(missing=sorted(wanted - done))


def _state(upload: FileUpload | Blob) -> UploadState:
    return UploadState(sha256=upload.sha256, size=upload.size, offset=upload.received, complete=upload.complete)


def _key(caller: Caller, sha256: str) -> tuple[str, str, str]:
    return sha256, caller.user.id, caller.device_id


@router.get("/{sha256}/upload", response_model=UploadState)
def upload_state(request: Request, sha256: str = SHA, size: int = Query(ge=0),
                 caller: Caller = Depends(require_uploader)) -> UploadState:
    """Where this device's upload stands; starts one (offset 0) unless the caller may already know the
    file is here (then it is complete)."""
    limit = request.app.state.settings.max_upload_bytes
    if size > limit:
        raise ApiError(413, "file_too_large", f"Files over {limit} bytes are refused.", {"limit": limit})
    with request.app.state.write_sessions() as session:
        blob = session.get(Blob, sha256)
        if blob is not None and blob.complete and possession.known_to(session, caller.viewer, caller.device_id,
                                                                      [sha256]):
            return _state(blob)
        upload = session.get(FileUpload, _key(caller, sha256))
        if upload is None:
            upload = FileUpload(sha256=sha256, user_id=caller.user.id, device_id=caller.device_id, size=size,
                                received=0, complete=False, created_at=datetime.now(UTC))
            session.add(upload)
            session.commit()
        elif upload.size != size and not upload.complete:
            upload.size, upload.received = size, 0
            _partial(request, upload).unlink(missing_ok=True)
            session.commit()
        return _state(upload)


@router.put("/{sha256}/upload", response_model=UploadState)
async def upload_chunk(request: Request, sha256: str = SHA, offset: int = Query(ge=0, le=2**62),
                       caller: Caller = Depends(require_uploader)) -> UploadState:
    """Appends one chunk at ``offset``; the last chunk makes the server verify the hash before it says done."""
    limit = request.app.state.settings.chunk_bytes * 4
    chunk = bytearray()
    async for part in request.stream():
        chunk += part
        if len(chunk) > limit:
            raise ApiError(413, "chunk_too_large", f"A chunk is at most {limit} bytes.")
    return await run_in_threadpool(_store_chunk, request, caller, sha256, offset, bytes(chunk))


def _store_chunk(request: Request, caller: Caller, sha256: str, offset: int, chunk: bytes) -> UploadState:
    with request.app.state.write_sessions() as session:
        return _append(request, session, caller, sha256, offset, chunk)


def _append(request: Request, session: Session, caller: Caller, sha256: str, offset: int, chunk: bytes
            ) -> UploadState:
    upload = session.get(FileUpload, _key(caller, sha256))
    if upload is None:
        raise ApiError(404, "upload_not_started", "Ask for the upload state first (GET .../upload?size=N).")
    if upload.complete:
        return _state(upload)
    if offset != upload.received:
        raise ApiError(409, "wrong_offset", f"The server holds {upload.received} bytes; send from there.",
                       {"offset": upload.received})
    if offset + len(chunk) > upload.size:
        raise ApiError(413, "chunk_too_large", "The chunk goes past the end of the file.")
    partial = _partial(request, upload)
    partial.parent.mkdir(parents=True, exist_ok=True)
    with partial.open("ab") as fh:
        fh.truncate(offset)
        fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())
    upload.received = offset + len(chunk)
    if upload.received == upload.size:
        _finish(request, session, upload, partial)
    session.commit()
    return _state(upload)


def _finish(request: Request, session: Session, upload: FileUpload, partial: Path) -> None:
    """The whole file arrived: it is kept only if it hashes to its name, and the upload is then the proof
    that this device holds those bytes."""
    digest = hashlib.sha256()
    with partial.open("rb") as fh:
        while data := fh.read(1 << 20):
            digest.update(data)
    if digest.hexdigest() != upload.sha256:
        partial.unlink(missing_ok=True)
        upload.received = 0
        session.commit()
        raise ApiError(422, "hash_mismatch", "The bytes received do not hash to the file's name; send again.")
    final = _final(request, upload.sha256)
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(partial, final)  # the same bytes as any copy already there: the hash says so
    blob = session.get(Blob, upload.sha256)
    if blob is None:
        try:
            with session.begin_nested():
                session.add(Blob(sha256=upload.sha256, size=upload.size, received=upload.size, complete=True,
                                 created_at=datetime.now(UTC)))
        except IntegrityError:
            pass  # another uploader of the same bytes finished at the same moment (PostgreSQL, several workers)
        blob = session.get(Blob, upload.sha256)
    assert blob is not None
    blob.size, blob.received, blob.complete = upload.size, upload.size, True
    upload.complete = True


@router.get("/{sha256}")
def download(request: Request, sha256: str = SHA, caller: Caller = Depends(require_caller)) -> FileResponse:
    with read_session(request) as session:
        blob = session.get(Blob, sha256)
        # Out of scope reads as absent: a hash known from elsewhere must not tell that the file exists.
        if blob is None or not blob.complete or not (
                may_read_file(session, caller.viewer, sha256)
                or possession.uploaded(session, caller.viewer, caller.device_id, [sha256])):
            raise ApiError(404, "file_not_found", "The server does not hold this file.")
        return FileResponse(_final(request, sha256), media_type="application/octet-stream")
