"""The laptop's locks: a scored dossier and its documents, a submitted sheet and its lines stay as they were, with
the codes the server gives for the same refusals."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from rules_laptop import approve, bring_to, move
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import Dossier, DossierDocument, ScoreLine, ScoreSheet
from ocop_desktop.services import documents, dossiers, sheets
from ocop_desktop.services.errors import ServiceError

LOCKED = ("evaluated", "closed")


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "phiếu kiểm nghiệm.pdf"
    path.write_bytes(b"%PDF-1.4 phieu kiem nghiem")
    return path


def _attach(session: Session, blobs: BlobStore, dossier_id: str, scan: Path) -> str:
    return documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=scan,
                                     doc_type="lab_test_report").id


def _code(action) -> tuple[str, str]:
    with pytest.raises(ServiceError) as info:
        action()
    return info.value.code, info.value.field


@pytest.mark.parametrize("status", LOCKED)
def test_a_scored_dossiers_notes_and_kind_are_locked(session: Session, council: SimpleNamespace, dossier_id: str,
                                                     status: str) -> None:
    """update_dossier on an evaluated or closed dossier is refused "dossier_locked" and writes nothing."""
    bring_to(session, council, dossier_id, status)
    assert _code(lambda: dossiers.update_dossier(session, dossier_id, notes="sửa", kind="upgrade")) == (
        "dossier_locked", "status")
    assert (session.get(Dossier, dossier_id).notes, session.get(Dossier, dossier_id).kind) == ("", "new")


@pytest.mark.parametrize("status", LOCKED)
def test_documents_the_council_scored_on_are_never_removed(session: Session, council: SimpleNamespace,
                                                           dossier_id: str, blobs: BlobStore, scan: Path,
                                                           status: str) -> None:
    """delete_document on an evaluated or closed dossier is refused "dossier_locked" and the document stays."""
    bring_to(session, council, dossier_id, "forwarded", approved=True)
    document = _attach(session, blobs, dossier_id, scan)
    move(session, dossier_id, *("evaluated", "closed")[:LOCKED.index(status) + 1])
    assert _code(lambda: dossiers.delete_document(session, document)) == ("dossier_locked", "status")
    assert session.get(DossierDocument, document).deleted is False


@pytest.mark.parametrize(("status", "taken"), [("evaluated", True), ("closed", False)])
def test_a_late_document_is_taken_until_the_dossier_is_closed(session: Session, council: SimpleNamespace,
                                                              dossier_id: str, blobs: BlobStore, scan: Path,
                                                              status: str, taken: bool) -> None:
    """An evaluated dossier takes a late document; a closed one refuses it "dossier_locked"."""
    bring_to(session, council, dossier_id, status)
    if taken:
        assert session.get(DossierDocument, _attach(session, blobs, dossier_id, scan)).dossier_id == dossier_id
    else:
        assert _code(lambda: _attach(session, blobs, dossier_id, scan)) == ("dossier_locked", "status")


@pytest.fixture
def submitted(session: Session, council: SimpleNamespace, dossier_id: str) -> str:
    """Every member's sheet submitted and the result approved; the first member's sheet."""
    bring_to(session, council, dossier_id, "forwarded")
    approve(session, council, dossier_id)
    return session.scalar(select(ScoreSheet.id).where(ScoreSheet.member_id == council.members[0]))


def _lines(session: Session, sheet_id: str) -> list[tuple[str, str, bool]]:
    query = select(ScoreLine.criterion_code, ScoreLine.option_code, ScoreLine.deleted).where(
        ScoreLine.sheet_id == sheet_id)
    return sorted(tuple(r) for r in session.execute(query))


def test_a_submitted_sheet_takes_no_answer_comment_or_second_submission(session: Session, submitted: str) -> None:
    """record_answer, comment_criterion and submit_sheet on a submitted sheet are each refused "sheet_submitted"
    (the server's code for the same refusal) and its lines stay as submitted."""
    before = _lines(session, submitted)
    for action in (lambda: sheets.record_answer(session, sheet_id=submitted, criterion="A.1.1", option="a"),
                   lambda: sheets.comment_criterion(session, sheet_id=submitted, criterion="A.1.1", comment="x"),
                   lambda: sheets.submit_sheet(session, sheet_id=submitted)):
        assert _code(action) == ("sheet_submitted", "status")
    assert _lines(session, submitted) == before


def test_a_superseded_sheet_is_as_frozen(session: Session, submitted: str) -> None:
    """Once a rescore is submitted, the sheet it replaced refuses answers too."""
    rescore = sheets.rescore_sheet(session, sheet_id=submitted).id
    sheets.submit_sheet(session, sheet_id=rescore)
    assert session.get(ScoreSheet, submitted).status == "superseded"
    assert _code(lambda: sheets.record_answer(session, sheet_id=submitted, criterion="A.1.1", option="a")) == (
        "sheet_submitted", "status")
