"""The dossier editor's read model: one dossier with its product, producer, documents and phân nhóm."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dossier_status import TRANSITIONS
from ocop_desktop.db import sync_store
from ocop_desktop.db.blobstore import MAX_UPLOAD_KEY, BlobStore
from ocop_desktop.db.models import ChangeJournal, Dossier, DossierDocument
from ocop_desktop.services import documents, dossiers, registry
from ocop_desktop.services.dossier_view import load_dossier_view
from ocop_desktop.services.errors import ServiceError


@pytest.fixture
def pinned_dossier(session: Session, product_id: str, criteria_148: str) -> str:
    return dossiers.create_dossier(session, product_id=product_id, criteria_set_id=criteria_148).id


def _attach(session: Session, blobs: BlobStore, tmp_path: Path, dossier_id: str, name: str, data: bytes,
            doc_type: str = "other") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=path, doc_type=doc_type).id


def test_view_carries_dossier_product_and_producer(session: Session, dossier_id: str, producer_id: str) -> None:
    """The view holds the dossier's code, kind and status, its product and its producer with location."""
    registry.update_producer(session, producer_id, tax_code="3001234567", lat=18.34, lon=105.9,
                             representative="Nguyễn Văn An")
    view = load_dossier_view(session, dossier_id)
    assert (view.dossier.status, view.dossier.kind, view.dossier.notes) == ("draft", "new", "")
    assert view.dossier.code.startswith("HS-")
    assert (view.product.name, view.product.subgroup_code) == ("Nước mắm cá cơm", "I.1.a")
    p = view.producer
    assert (p.name, p.kind, p.commune_code, p.tax_code, p.lat, p.lon, p.representative) == (
        "HTX Nước mắm Phú Khương", "cooperative", "18073", "3001234567", 18.34, 105.9, "Nguyễn Văn An")
    assert "Thành Sen" in p.commune_name
    assert ("18073", p.commune_name) in [c[:2] for c in view.communes]


def test_view_is_frozen(session: Session, dossier_id: str) -> None:
    """The UI gets values it cannot change by accident: every part of the view is frozen."""
    view = load_dossier_view(session, dossier_id)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.dossier.status = "closed"  # type: ignore[misc]


@pytest.mark.parametrize("status", list(TRANSITIONS))
def test_allowed_next_follows_the_workflow(session: Session, dossier_id: str, status: str) -> None:
    """For every status, the moves offered are exactly the workflow's, and the lock follows update_dossier."""
    session.get(Dossier, dossier_id).status = status
    view = load_dossier_view(session, dossier_id)
    assert view.dossier.allowed_next == TRANSITIONS[status]
    assert view.dossier.editable == (status not in ("evaluated", "closed"))
    assert view.dossier.can_attach == (status != "closed")


def test_subgroups_come_from_the_pinned_criteria_set(session: Session, pinned_dossier: str) -> None:
    """The phân nhóm choices are those of the set the dossier is pinned to, each with its product group."""
    view = load_dossier_view(session, pinned_dossier)
    assert [(s.code, s.group_name) for s in view.subgroups] == [("I.1.a", "Thực phẩm")]
    assert view.criteria_set_title


def test_unpinned_dossier_uses_the_set_in_force(session: Session, dossier_id: str, criteria_148: str) -> None:
    """Without a pinned set the set in force today gives the choices; before its start date there are none."""
    assert [s.code for s in load_dossier_view(session, dossier_id).subgroups] == ["I.1.a"]
    before = load_dossier_view(session, dossier_id, on=date(2000, 1, 1))
    assert (before.subgroups, before.criteria_set_title) == ((), "")


def test_documents_show_file_facts_and_upload_state(session: Session, blobs: BlobStore, tmp_path: Path,
                                                    dossier_id: str) -> None:
    """A new document is "not uploaded" until the server acknowledges its row; photos are flagged as images."""
    photo = _attach(session, blobs, tmp_path, dossier_id, "ảnh sản phẩm.JPG", b"\xff\xd8jpeg", "product_photo")
    pdf = _attach(session, blobs, tmp_path, dossier_id, "kiểm nghiệm.pdf", b"%PDF-1.4 x", "lab_test_report")
    session.flush()
    docs = {d.id: d for d in load_dossier_view(session, dossier_id).documents}
    assert (docs[photo].is_image, docs[pdf].is_image) == (True, False)
    assert (docs[pdf].file_name, docs[pdf].size, docs[pdf].title) == ("kiểm nghiệm.pdf", 10, "kiểm nghiệm.pdf")
    assert not docs[photo].uploaded and not docs[pdf].uploaded
    entry = session.scalar(select(ChangeJournal).where(ChangeJournal.entity_id == pdf, ChangeJournal.op == "insert"))
    sync_store.acknowledge(session, entry, server_seq=7)
    session.get(DossierDocument, photo).server_version = 3  # a row pulled from the server
    session.flush()
    assert all(d.uploaded for d in load_dossier_view(session, dossier_id).documents)


def test_documents_are_in_dossier_order_without_removed_ones(session: Session, blobs: BlobStore, tmp_path: Path,
                                                             dossier_id: str) -> None:
    """Documents follow the dossier's list order (registration form first); removed ones are not shown."""
    other = _attach(session, blobs, tmp_path, dossier_id, "khác.txt", b"a", "other")
    form = _attach(session, blobs, tmp_path, dossier_id, "phiếu.pdf", b"b", "registration_form")
    gone = _attach(session, blobs, tmp_path, dossier_id, "bỏ.pdf", b"c", "awards")
    dossiers.delete_document(session, gone)
    session.flush()
    assert [d.id for d in load_dossier_view(session, dossier_id).documents] == [form, other]


def test_upload_limit_is_what_the_server_last_said(session: Session, dossier_id: str) -> None:
    """Before a first sync there is no known limit; afterwards the stored server limit is shown."""
    assert load_dossier_view(session, dossier_id).max_upload_bytes is None
    sync_store.set_meta(session, MAX_UPLOAD_KEY, str(10 * 1024 * 1024))
    assert load_dossier_view(session, dossier_id).max_upload_bytes == 10 * 1024 * 1024


def test_removed_or_unknown_dossier_is_not_found(session: Session, dossier_id: str) -> None:
    """A tombstoned or unknown dossier id raises "not_found" instead of showing stale data."""
    session.get(Dossier, dossier_id).deleted = True
    for wanted in (dossier_id, "00000000-0000-4000-8000-000000000000"):
        with pytest.raises(ServiceError) as info:
            load_dossier_view(session, wanted)
        assert info.value.code == "not_found"
