"""Attaching a file to a dossier: stored by content, referenced by hash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ocop_core.rules import locks
from ocop_desktop.db.blobstore import BlobError, BlobStore, upload_limit
from ocop_desktop.db.models import Dossier, DossierDocument
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.dossiers import check_document_type
from ocop_desktop.services.errors import FileTooLarge, ServiceError, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import enforce


def attach_document(session: Session, blobs: BlobStore, *, dossier_id: str, file_path: Path, doc_type: str,
                    title: str = "", issuer: str = "", issued_on: date | None = None,
                    valid_until: date | None = None) -> Changes:
    """Stores the file and its document row. A file larger than the server last said it takes (or than
    ``blobs`` takes) is refused with FileTooLarge: a document whose file could never be sent must not be
    accepted in the first place."""
    dossier = get_alive(session, Dossier, dossier_id)
    enforce(locks.check_document_change(None, dossier.status), "status")
    doc_type = check_document_type(doc_type)
    if issued_on and valid_until and valid_until < issued_on:
        raise ServiceError("ends_before_start", "valid_until")
    title = clean_text(title, "title", 300, required=False)
    issuer = clean_text(issuer, "issuer", 300, required=False)
    path = Path(file_path)
    original = clean_text(path.name, "original_name", 255)
    ref_sha256, ref_size = _store(session, blobs, path)
    document = DossierDocument(dossier_id=dossier.id, doc_type=doc_type, title=title or original,
                               original_name=original, sha256=ref_sha256, size=ref_size, issuer=issuer,
                               issued_on=issued_on, valid_until=valid_until)
    session.add(document)
    session.flush()
    return Changes.of("dossier_documents", document.id, ("dossiers", dossier.id))


def _store(session: Session, blobs: BlobStore, path: Path) -> tuple[str, int]:
    limit = min((n for n in (blobs.max_size, upload_limit(session)) if n is not None), default=None)
    size = _size(path)
    if limit is not None and size is not None and size > limit:
        raise FileTooLarge(size, limit)
    try:
        # The limit is checked again while the bytes are read: the file may grow after the look above.
        ref = BlobStore(blobs.root, max_size=limit).put_file(path)
    except BlobError as exc:
        if exc.code == "too_large" and limit is not None:
            raise FileTooLarge(max(_size(path) or 0, limit + 1), limit) from exc
        raise ServiceError(f"file_{exc.code}", "file_path", detail=exc.detail) from exc
    return ref.sha256, ref.size


def _size(path: Path) -> int | None:
    """None when the file cannot be looked at: storing it then says why (not a file, unreadable)."""
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None
