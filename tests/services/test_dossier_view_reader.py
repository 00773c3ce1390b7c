"""The dossier as one person sees it: what they may change, the producer's other dossiers, a sheet's documents."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from rules_laptop import ELSEWHERE, HOME, person
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.services import documents, dossiers, registry, sheets
from ocop_desktop.services.dossier_view import load_dossier_view, sheet_documents


@pytest.mark.parametrize(("role", "commune", "in_scope"), [
    ("admin", None, True), ("commune_officer", HOME, True), ("commune_officer", ELSEWHERE, False),
    ("secretary", None, False), ("chair", None, False), ("member", None, False), ("viewer", None, False)])
def test_in_scope_follows_role_and_commune(session: Session, dossier_id: str, role: str, commune: str | None,
                                           in_scope: bool) -> None:
    """Only the admin and an officer of the dossier's commune may change it; the view carries who looks."""
    view = load_dossier_view(session, dossier_id, **person(session, role, commune))
    assert view.in_scope is in_scope and view.reader.role == role
    assert view.dossier.commune_code == HOME


def test_a_view_without_a_person_keeps_the_status_rule_alone(session: Session, dossier_id: str) -> None:
    """Asked without a person (a tool, an older caller), the view neither grants nor refuses by scope."""
    view = load_dossier_view(session, dossier_id)
    assert view.reader is None and view.in_scope and view.dossier.approved_stars is None


def test_other_dossiers_of_the_producer_are_named(session: Session, producer_id: str, dossier_id: str) -> None:
    """The producer's dossiers other than this one, through any of its products, are listed by code."""
    other_product = registry.create_product(session, producer_id=producer_id, name="Mắm tôm", subgroup_code="I.1.a").id
    session.flush()
    other = dossiers.create_dossier(session, product_id=other_product).id
    session.flush()
    codes = load_dossier_view(session, dossier_id).producer.other_dossiers
    assert codes == (load_dossier_view(session, other).dossier.code,)
    assert load_dossier_view(session, other).producer.other_dossiers == (
        load_dossier_view(session, dossier_id).dossier.code,)


def test_a_sheets_documents_are_its_dossiers(session: Session, council: SimpleNamespace, dossier_id: str,
                                             assigned: str, tmp_path: Path) -> None:
    """From a score sheet, the documents of the dossier it scores, with the dossier's code and product."""
    blobs = BlobStore(tmp_path / "blobs")
    report = tmp_path / "phiếu kiểm nghiệm.pdf"
    report.write_bytes(b"%PDF-1.4 test")
    documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=report, doc_type="lab_test_report")
    sheet_id = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[0],
                                  evaluation_id=council.evaluation_id).id
    found = sheet_documents(session, sheet_id)
    assert (found.dossier_id, found.product_name) == (dossier_id, "Nước mắm cá cơm")
    assert [d.file_name for d in found.documents] == ["phiếu kiểm nghiệm.pdf"]
