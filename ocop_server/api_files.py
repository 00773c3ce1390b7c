"""Attachments by SHA-256: which the server lacks, resumable chunked upload, download."""

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
from sqlalchemy.orm import Session

from ocop_core.protocol import HaveRequest, HaveResponse, UploadState
from ocop_server.deps import Caller, GzipRoute, read_session, require_caller, require_uploader
from ocop_server.errors import ApiError
from ocop_server.models import Blob
from ocop_server.scope import may_read_file

router = APIRouter(prefix="/files", tags=["files"], route_class=GzipRoute)
SHA = PathParam(pattern="^[0-9a-f]{64}$", description="the file's SHA-256, lower-case hex")


def _final(request: Request, sha256: str) -> Path:
    return request.app.state.settings.files_dir / sha256[:2] / sha256


def _partial(request: Request, sha256: str) -> Path:
    return request.app.state.settings.files_dir / "partial" / sha256


@router.post("/have", response_model=HaveResponse)
def have(request: Request, body: HaveRequest, caller: Caller = Depends(require_caller)) -> HaveResponse:
    with read_session(request) as session:
        wanted = {h for h in body.hashes if isinstance(h, str) and len(h) == 64}
        if any(len(h) != 64 or not all(c in "0123456789abcdef" for c in h) for h in body.hashes):
            raise ApiError(422, "invalid_hash", "Hashes are 64 lower-case hex characters.")
        done = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(wanted), Blob.complete.is_(True))))
        return HaveResponse(missing=sorted(wanted - done))


def _state(blob: Blob) -> UploadState:
    return UploadState(sha256=blob.sha256, size=blob.size, offset=blob.received, complete=blob.complete)


@router.get("/{sha256}/upload", response_model=UploadState)
def upload_state(request: Request, sha256: str = SHA, size: int = Query(ge=0),
                 caller: Caller = Depends(require_uploader)) -> UploadState:
    """Where an upload stands; starts one (offset 0) when the server has never heard of the file."""
    limit = request.app.state.settings.max_upload_bytes
    if size > limit:
        raise ApiError(413, "file_too_large", f"Files over {limit} bytes are refused.", {"limit": limit})
    with request.app.state.write_sessions() as session:
        blob = session.get(Blob, sha256)
        if blob is None:
            blob = Blob(sha256=sha256, size=size, received=0, complete=False, created_at=datetime.now(UTC))
            session.add(blob)
            session.commit()
        elif blob.size != size and not blob.complete:
            blob.size, blob.received = size, 0
            _partial(request, sha256).unlink(missing_ok=True)
            session.commit()
        return _state(blob)


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
    return await run_in_threadpool(_store_chunk, request, sha256, offset, bytes(chunk))


def _store_chunk(request: Request, sha256: str, offset: int, chunk: bytes) -> UploadState:
    with request.app.state.write_sessions() as session:
        return _append(request, session, sha256, offset, chunk)


def _append(request: Request, session: Session, sha256: str, offset: int, chunk: bytes) -> UploadState:
    blob = session.get(Blob, sha256)
    if blob is None:
        raise ApiError(404, "upload_not_started", "Ask for the upload state first (GET .../upload?size=N).")
    if blob.complete:
        return _state(blob)
    if offset != blob.received:
        raise ApiError(409, "wrong_offset", f"The server holds {blob.received} bytes; send from there.",
                       {"offset": blob.received})
    if offset + len(chunk) > blob.size:
        raise ApiError(413, "chunk_too_large", "The chunk goes past the end of the file.")
    partial = _partial(request, sha256)
    partial.parent.mkdir(parents=True, exist_ok=True)
    with partial.open("ab") as fh:
        fh.truncate(offset)
        fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())
    blob.received = offset + len(chunk)
    if blob.received == blob.size:
        digest = hashlib.sha256()
        with partial.open("rb") as fh:
            while data := fh.read(1 << 20):
                digest.update(data)
        if digest.hexdigest() != sha256:
            partial.unlink(missing_ok=True)
            blob.received = 0
            session.commit()
            raise ApiError(422, "hash_mismatch", "The bytes received do not hash to the file's name; send again.")
        final = _final(request, sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, final)
        blob.complete = True
    session.commit()
    return _state(blob)


@router.get("/{sha256}")
def download(request: Request, sha256: str = SHA, caller: Caller = Depends(require_caller)) -> FileResponse:
    with read_session(request) as session:
        blob = session.get(Blob, sha256)
        # Out of scope reads as absent: a hash known from elsewhere must not tell that the file exists.
        if blob is None or not blob.complete or not may_read_file(session, caller.viewer, sha256):
            raise ApiError(404, "file_not_found", "The server does not hold this file.")
        return FileResponse(_final(request, sha256), media_type="application/octet-stream")
