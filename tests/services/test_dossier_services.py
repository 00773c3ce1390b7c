"""Dossier services: creating, editing, the status workflow and attached documents."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

import pytest
from rules_laptop import AS_ADMIN, evaluate
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import Dossier, DossierDocument
from ocop_desktop.services import documents, dossiers
from ocop_desktop.services.errors import ServiceError

CHAIN = ["submitted", "commune_checked", "forwarded", "evaluated", "closed"]
PDF = "Giấy chứng nhận an toàn thực phẩm".encode() * 10


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "chứng nhận ATTP.pdf"
    path.write_bytes(PDF)
    return path


def _move(session: Session, dossier_id: str, *targets: str) -> None:
    for target in targets:
        if target == "evaluated":  # only once the council has approved its result
            evaluate(session, dossier_id)
        dossiers.change_dossier_status(session, dossier_id, target, **AS_ADMIN)


def _status_error(session: Session, dossier_id: str, target) -> ServiceError:
    with pytest.raises(ServiceError) as info:
        dossiers.change_dossier_status(session, dossier_id, target, **AS_ADMIN)
    return info.value


def test_new_dossier_is_a_draft_in_its_products_commune(session: Session, dossier_id: str,
                                                         product_id: str) -> None:
    """A new dossier starts as a "new" draft, in its product's commune, with a generated HS- code."""
    d = session.get(Dossier, dossier_id)
    assert (d.product_id, d.status, d.kind, d.commune_code) == (product_id, "draft", "new", "18073")
    assert re.fullmatch(rf"HS-{date.today():%Y}-{dossier_id[:8].upper()}", d.code)


def test_dossier_keeps_a_given_code(session: Session, product_id: str) -> None:
    """An explicit code is stored (trimmed)."""
    did = dossiers.create_dossier(session, product_id=product_id, code=" HS-2025-0007 ").id
    assert session.get(Dossier, did).code == "HS-2025-0007"


@pytest.mark.parametrize(("kwargs", "code", "field"), [
    ({"notes": "ư" * 100_000}, "too_long", "notes"),
    ({"code": "X" * 65}, "too_long", "code"),
    ({"notes": "ghi chú\x00"}, "control_characters", "notes"),
    ({"notes": 5}, "wrong_type", "notes"),
    ({"kind": "renew"}, "invalid_choice", "kind"),
    ({"criteria_set_id": "00000000-0000-4000-8000-000000000000"}, "not_found", "criteria_set_versions"),
], ids=["notes-100k", "code-65", "notes-nul", "notes-int", "kind", "criteria-set"])
def test_bad_dossier_input_writes_nothing(session: Session, count, product_id: str, kwargs, code: str,
                                          field: str) -> None:
    """Bad input to create_dossier is refused with its code and field, and no dossier is written."""
    with pytest.raises(ServiceError) as info:
        dossiers.create_dossier(session, product_id=product_id, **kwargs)
    assert (info.value.code, info.value.field) == (code, field)
    assert count(Dossier) == 0


def test_dossier_of_unknown_product_is_not_found(session: Session, count) -> None:
    """create_dossier for a product id that does not exist raises "not_found"."""
    with pytest.raises(ServiceError) as info:
        dossiers.create_dossier(session, product_id="00000000-0000-4000-8000-000000000000")
    assert info.value.code == "not_found"
    assert count(Dossier) == 0


def test_full_status_chain_is_allowed(session: Session, dossier_id: str) -> None:
    """draft → submitted → commune_checked → forwarded → evaluated → closed is accepted step by step."""
    seen = []
    for target in CHAIN:
        _move(session, dossier_id, target)
        seen.append(session.get(Dossier, dossier_id).status)
    assert seen == CHAIN


def test_submitting_stamps_submitted_at(session: Session, dossier_id: str) -> None:
    """Moving to submitted records when."""
    assert session.get(Dossier, dossier_id).submitted_at is None
    _move(session, dossier_id, "submitted")
    assert session.get(Dossier, dossier_id).submitted_at is not None


def test_resubmitting_keeps_first_submission_time(session: Session, dossier_id: str) -> None:
    """A dossier returned to draft and submitted again keeps its first submitted_at."""
    _move(session, dossier_id, "submitted")
    first = session.get(Dossier, dossier_id).submitted_at
    _move(session, dossier_id, "draft", "submitted")
    assert session.get(Dossier, dossier_id).submitted_at == first


@pytest.mark.parametrize(("path", "target"), [
    ([], "forwarded"), ([], "commune_checked"), ([], "closed"), (["submitted"], "forwarded"),
    (["submitted", "commune_checked", "forwarded"], "draft"),
    (["submitted", "commune_checked", "forwarded", "evaluated", "closed"], "draft"),
    (["submitted", "commune_checked", "forwarded", "evaluated"], "forwarded"),
], ids=["draft-forwarded", "draft-checked", "draft-closed", "submitted-forwarded", "forwarded-draft",
        "closed-draft", "evaluated-back"])
def test_skipping_or_reversing_status_is_refused(session: Session, dossier_id: str, path, target: str) -> None:
    """A move outside the workflow raises "transition_not_allowed" and leaves the status as it was."""
    _move(session, dossier_id, *path)
    before = session.get(Dossier, dossier_id).status
    error = _status_error(session, dossier_id, target)
    assert (error.code, error.field) == ("transition_not_allowed", "status")
    assert session.get(Dossier, dossier_id).status == before


@pytest.mark.parametrize("target", ["draft", "archived", "", None, 3, ["submitted"]])
def test_unknown_or_same_status_is_refused(session: Session, dossier_id: str, target) -> None:
    """A target that is not a next status (or not a status at all) raises "transition_not_allowed"."""
    assert _status_error(session, dossier_id, target).code == "transition_not_allowed"


def test_update_dossier_changes_notes_and_kind(session: Session, dossier_id: str) -> None:
    """update_dossier stores new notes (NFC) and kind."""
    dossiers.update_dossier(session, dossier_id, notes="Bổ sung hồ sơ", kind="upgrade")
    d = session.get(Dossier, dossier_id)
    assert (d.notes, d.kind) == ("Bổ sung hồ sơ", "upgrade")


@pytest.mark.parametrize("locked_at", ["evaluated", "closed"])
def test_evaluated_dossier_is_locked(session: Session, dossier_id: str, locked_at: str) -> None:
    """An evaluated or closed dossier refuses edits with "dossier_locked"."""
    _move(session, dossier_id, *CHAIN[: CHAIN.index(locked_at) + 1])
    with pytest.raises(ServiceError) as info:
        dossiers.update_dossier(session, dossier_id, notes="sửa")
    assert info.value.code == "dossier_locked"
    assert session.get(Dossier, dossier_id).notes == ""


def test_attach_document_stores_blob_and_row(session: Session, blobs: BlobStore, dossier_id: str,
                                             source: Path) -> None:
    """attach_document stores the file by hash and a row with sha256, size and the file's name as title."""
    changes = documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=source,
                                        doc_type="food_safety_conditions", issued_on=date(2025, 1, 2))
    doc = session.get(DossierDocument, changes.id)
    digest = hashlib.sha256(PDF).hexdigest()
    assert (doc.dossier_id, doc.sha256, doc.size) == (dossier_id, digest, len(PDF))
    assert (doc.original_name, doc.title) == ("chứng nhận ATTP.pdf", "chứng nhận ATTP.pdf")
    assert blobs.path_for(digest).read_bytes() == PDF
    assert changes.entities == frozenset({"dossier_documents", "dossiers"})


def _attach_error(session: Session, blobs: BlobStore, dossier_id: str, path: Path, **kwargs) -> ServiceError:
    with pytest.raises(ServiceError) as info:
        documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=path,
                                  doc_type=kwargs.pop("doc_type", "other"), **kwargs)
    return info.value


def test_attach_missing_file_is_refused(session: Session, count, blobs: BlobStore, dossier_id: str,
                                        tmp_path: Path) -> None:
    """A file that does not exist gives "file_not_a_file" and no document row."""
    error = _attach_error(session, blobs, dossier_id, tmp_path / "mất.pdf")
    assert (error.code, error.field) == ("file_not_a_file", "file_path")
    assert count(DossierDocument) == 0


def test_attach_directory_is_refused(session: Session, count, blobs: BlobStore, dossier_id: str,
                                     tmp_path: Path) -> None:
    """A directory gives a "file_" error and no document row."""
    folder = tmp_path / "thư mục"
    folder.mkdir()
    error = _attach_error(session, blobs, dossier_id, folder)
    assert error.code.startswith("file_")
    assert count(DossierDocument) == 0


def test_attach_unreadable_file_is_refused(session: Session, count, blobs: BlobStore, dossier_id: str,
                                           source: Path) -> None:
    """A file without read permission gives "file_unreadable" and no document row."""
    source.chmod(0)
    try:
        if os.access(source, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        error = _attach_error(session, blobs, dossier_id, source)
    finally:
        source.chmod(0o644)
    assert error.code == "file_unreadable"
    assert count(DossierDocument) == 0


def test_attach_oversized_file_is_refused(session: Session, count, dossier_id: str, source: Path,
                                          tmp_path: Path) -> None:
    """A file over the store's size limit gives "file_too_large", no blob and no row."""
    small = BlobStore(tmp_path / "small", max_size=len(PDF) - 1)
    error = _attach_error(session, small, dossier_id, source)
    assert error.code == "file_too_large"
    assert count(DossierDocument) == 0
    assert [p for p in small.root.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"doc_type": "passport"}, "invalid_choice"),
    ({"issued_on": date(2025, 5, 1), "valid_until": date(2025, 4, 30)}, "ends_before_start"),
    ({"title": "t" * 301}, "too_long"),
])
def test_attach_bad_metadata_is_refused(session: Session, count, blobs: BlobStore, dossier_id: str, source: Path,
                                        kwargs, code: str) -> None:
    """Bad document metadata is refused before anything is stored."""
    assert _attach_error(session, blobs, dossier_id, source, **kwargs).code == code
    assert count(DossierDocument) == 0
    assert not blobs.root.exists()


def test_attach_to_closed_dossier_is_refused(session: Session, blobs: BlobStore, dossier_id: str,
                                             source: Path) -> None:
    """A closed dossier refuses new documents with "dossier_locked"."""
    _move(session, dossier_id, *CHAIN)
    assert _attach_error(session, blobs, dossier_id, source).code == "dossier_locked"


def test_delete_document_tombstones_it(session: Session, blobs: BlobStore, dossier_id: str, source: Path) -> None:
    """delete_document marks the row deleted and keeps it (a tombstone)."""
    doc_id = documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=source,
                                       doc_type="other").id
    dossiers.delete_document(session, doc_id)
    assert session.get(DossierDocument, doc_id).deleted is True


@pytest.mark.parametrize("steps", [4, 5], ids=["evaluated", "closed"])
def test_a_document_the_council_scored_on_cannot_be_removed(session: Session, blobs: BlobStore, dossier_id: str,
                                                            source: Path, steps: int) -> None:
    """Once the dossier is evaluated, its documents stay: deleting one is refused and it is kept."""
    doc_id = documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=source,
                                       doc_type="lab_test_report").id
    _move(session, dossier_id, *CHAIN[:steps])
    assert session.get(Dossier, dossier_id).status == ("evaluated", "closed")[steps - 4]
    with pytest.raises(ServiceError) as info:
        dossiers.delete_document(session, doc_id)
    assert (info.value.code, info.value.field) == ("dossier_locked", "status")
    assert session.get(DossierDocument, doc_id).deleted is False


def test_deleting_a_document_twice_is_not_found(session: Session, blobs: BlobStore, dossier_id: str,
                                                source: Path) -> None:
    """A tombstoned document cannot be deleted again: "not_found"."""
    doc_id = documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=source,
                                       doc_type="other").id
    dossiers.delete_document(session, doc_id)
    with pytest.raises(ServiceError) as info:
        dossiers.delete_document(session, doc_id)
    assert info.value.code == "not_found"
