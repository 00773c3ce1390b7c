"""Attaching a file to a dossier: stored by content, referenced by hash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobError, BlobStore
from ocop_desktop.db.models import Dossier, DossierDocument
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.dossiers import check_document_type
from ocop_desktop.services.errors import ServiceError, clean_text
from ocop_desktop.services.lookup import get_alive


def attach_document(session: Session, blobs: BlobStore, *, dossier_id: str, file_path: Path, doc_type: str,
                    title: str = "", issuer: str = "", issued_on: date | None = None,
                    valid_until: date | None = None) -> Changes:
    dossier = get_alive(session, Dossier, dossier_id)
    if dossier.status == "closed":
        raise ServiceError("dossier_locked", "status", status=dossier.status)
    doc_type = check_document_type(doc_type)
    if issued_on and valid_until and valid_until < issued_on:
        raise ServiceError("ends_before_start", "valid_until")
    title = clean_text(title, "title", 300, required=False)
    issuer = clean_text(issuer, "issuer", 300, required=False)
    original = clean_text(Path(file_path).name, "original_name", 255)
    try:
        ref = blobs.put_file(Path(file_path))
    except BlobError as exc:
        raise ServiceError(f"file_{exc.code}", "file_path", detail=exc.detail) from exc
    document = DossierDocument(dossier_id=dossier.id, doc_type=doc_type, title=title or original,
                               original_name=original, sha256=ref.sha256, size=ref.size, issuer=issuer,
                               issued_on=issued_on, valid_until=valid_until)
    session.add(document)
    session.flush()
    return Changes.of("dossier_documents", document.id, ("dossiers", dossier.id))
