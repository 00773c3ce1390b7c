"""Services that own a whole user action: all of it is written and journaled, or nothing is.

Each refusal test commits the fixtures, runs the intent as the runner does (a refusal rolls the session
back) and finds the rows and the journal as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from rules_laptop import AS_ADMIN
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db import sync_store
from ocop_desktop.db.blobstore import MAX_UPLOAD_KEY, BlobStore
from ocop_desktop.db.models import (
    ChangeJournal,
    Conflict,
    Council,
    CouncilAssignment,
    CouncilMember,
    Dossier,
    DossierDocument,
    Producer,
    Product,
)
from ocop_desktop.services import assignments, conflicts, councils, documents, dossiers
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.councils import NewMember
from ocop_desktop.services.dossier_edits import Refused, save_dossier_edits
from ocop_desktop.services.errors import FileTooLarge, ServiceError

PROVINCE = "42"
MEMBERS = (NewMember("Trần Thị Lan", "chair", "Sở Nông nghiệp và Môi trường"),
           NewMember("Lê Đức Minh", "member", "Sở Công Thương"),
           NewMember("Phạm Thị Hằng", "secretary", "Văn phòng điều phối NTM", scores=False))


def _refused(session: Session, action: Callable[[], Changes]) -> ServiceError:
    """Runs the action as the runner would; it must be refused, and the refusal rolls everything back."""
    with pytest.raises(ServiceError) as info:
        action()
    session.rollback()
    return info.value


def _journal(session: Session, entity: str | None = None) -> list[tuple[str, str, str]]:
    rows = session.scalars(select(ChangeJournal).order_by(ChangeJournal.seq))
    return [(e.entity, e.entity_id, e.op) for e in rows if entity is None or e.entity == entity]


def _forward(session: Session, dossier_id: str) -> str:
    for status in ("submitted", "commune_checked", "forwarded"):
        dossiers.change_dossier_status(session, dossier_id, status, **AS_ADMIN)
    return dossier_id


@pytest.fixture
def ids(session: Session, producer_id: str, product_id: str, dossier_id: str) -> dict[str, str]:
    session.commit()
    return {"producer": producer_id, "product": product_id, "dossier": dossier_id}


def test_a_dossier_save_writes_every_edited_section_and_journals_each(session: Session, ids: dict[str, str]) -> None:
    """Producer, product and dossier fields edited together are stored, and each row has an update entry."""
    before = len(_journal(session))
    changes = save_dossier_edits(session, ids=ids, edits={
        "producer": {"phone": "0912 345 678"}, "product": {"name": "Nước mắm cá cơm loại 1"},
        "dossier": {"notes": "Bổ sung phiếu kiểm nghiệm"}})
    session.commit()
    assert changes.entities == {"producers", "products", "dossiers"} and set(ids.values()) <= changes.ids
    assert session.get(Producer, ids["producer"]).phone == "0912 345 678"
    assert session.get(Product, ids["product"]).name == "Nước mắm cá cơm loại 1"
    assert session.get(Dossier, ids["dossier"]).notes == "Bổ sung phiếu kiểm nghiệm"
    assert sorted(e for e, _, op in _journal(session)[before:] if op == "update") == ["dossiers", "producers",
                                                                                      "products"]


def test_a_refused_section_leaves_the_other_sections_unwritten(session: Session, ids: dict[str, str]) -> None:
    """The dossier's kind is refused after the producer's name was accepted: neither is stored, nothing is
    journaled, and the error names the section so the screen marks the right box."""
    journal = _journal(session)
    error = _refused(session, lambda: save_dossier_edits(session, ids=ids, edits={
        "producer": {"name": "HTX Nước mắm Phú Khương mới"}, "dossier": {"kind": "renew"}}))
    assert isinstance(error, Refused) and (error.section, error.error.code, error.error.field) == (
        "dossier", "invalid_choice", "kind")
    assert error.code == "invalid_choice"  # a screen that knows no sections still says what was wrong
    assert session.get(Producer, ids["producer"]).name == "HTX Nước mắm Phú Khương"
    assert _journal(session) == journal


def test_a_dossier_save_refuses_a_section_it_does_not_know(session: Session, ids: dict[str, str]) -> None:
    """An edit for an unknown section is refused before anything is written."""
    journal = _journal(session)
    error = _refused(session, lambda: save_dossier_edits(session, ids=ids, edits={
        "producer": {"phone": "0912"}, "recognition": {"stars": 5}}))
    assert (error.code, error.field) == ("unknown_field", "section")
    assert _journal(session) == journal


def test_a_council_is_created_with_its_members_and_all_are_journaled(session: Session) -> None:
    """The council and each member are stored and journaled as inserts; the change is about the council."""
    changes = councils.create_council_with_members(session, name="Hội đồng OCOP tỉnh Hà Tĩnh 2026",
                                                   admin_unit_code=PROVINCE, members=MEMBERS)
    session.commit()
    assert session.get(Council, changes.id) is not None
    seats = session.scalars(select(CouncilMember).where(CouncilMember.council_id == changes.id)).all()
    assert sorted((m.full_name, m.role, m.scores) for m in seats) == sorted(
        (m.full_name, m.role, m.scores) for m in MEMBERS)
    assert changes.entities == {"councils", "council_members"}
    inserted = {(entity, row_id) for entity, row_id, op in _journal(session) if op == "insert"}
    assert {("councils", changes.id)} | {("council_members", m.id) for m in seats} <= inserted


def test_a_refused_member_leaves_no_council_behind(session: Session) -> None:
    """The last member's role is refused: neither the council nor the first members are stored."""
    session.commit()
    journal = _journal(session)
    error = _refused(session, lambda: councils.create_council_with_members(
        session, name="Hội đồng phúc khảo", admin_unit_code=PROVINCE,
        members=(*MEMBERS, NewMember("Nguyễn Văn Hùng", "observer"))))
    assert (error.code, error.field) == ("invalid_choice", "role")
    assert session.scalars(select(Council)).all() == [] and session.scalars(select(CouncilMember)).all() == []
    assert _journal(session) == journal


@pytest.fixture
def two_forwarded(session: Session, product_id: str, dossier_id: str) -> list[str]:
    second = dossiers.create_dossier(session, product_id=product_id).id
    return [_forward(session, dossier_id), _forward(session, second)]


def test_several_dossiers_are_assigned_at_once(session: Session, council: SimpleNamespace,
                                               two_forwarded: list[str]) -> None:
    """Each dossier gets a journaled assignment to the council."""
    changes = assignments.assign_dossiers(session, council_id=council.id, dossier_ids=two_forwarded)
    session.commit()
    rows = session.scalars(select(CouncilAssignment)).all()
    assert sorted(r.dossier_id for r in rows) == sorted(two_forwarded) and {r.council_id for r in rows} == {council.id}
    assert {row_id for _, row_id, _ in _journal(session, "council_assignments")} == {r.id for r in rows}
    assert set(two_forwarded) <= changes.ids


def test_one_dossier_not_ready_leaves_the_others_unassigned(session: Session, council: SimpleNamespace,
                                                            two_forwarded: list[str], product_id: str) -> None:
    """A draft among forwarded dossiers is refused and the forwarded ones before it are not assigned."""
    draft = dossiers.create_dossier(session, product_id=product_id).id
    session.commit()
    journal = _journal(session)
    error = _refused(session, lambda: assignments.assign_dossiers(session, council_id=council.id,
                                                                  dossier_ids=[*two_forwarded, draft]))
    assert error.code == "dossier_not_ready"
    assert session.scalars(select(CouncilAssignment)).all() == [] and _journal(session) == journal


def test_several_assignments_are_taken_back_at_once_or_none(session: Session, council: SimpleNamespace,
                                                            two_forwarded: list[str]) -> None:
    """Unassigning tombstones every assignment; one that does not exist refuses them all."""
    assigned = [assignments.assign_dossier(session, council_id=council.id, dossier_id=d).id for d in two_forwarded]
    session.commit()
    journal = _journal(session)
    error = _refused(session, lambda: assignments.unassign_many(session, assignment_ids=[*assigned, "khong-co"]))
    assert error.code == "not_found"
    assert [session.get(CouncilAssignment, a).deleted for a in assigned] == [False, False]
    assert _journal(session) == journal
    assignments.unassign_many(session, assignment_ids=assigned)
    session.commit()
    assert [session.get(CouncilAssignment, a).deleted for a in assigned] == [True, True]
    assert sorted(row_id for _, row_id, op in _journal(session)[len(journal):] if op == "delete") == sorted(assigned)


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "hồ sơ quét.pdf"
    path.write_bytes(b"%PDF" + b"0" * 5000)
    return path


def _server_limit(session: Session, limit: int) -> None:
    sync_store.set_meta(session, MAX_UPLOAD_KEY, str(limit))


def test_a_file_over_the_servers_limit_is_refused_with_its_size_and_the_limit(
        session: Session, blobs: BlobStore, dossier_id: str, scan: Path, count) -> None:
    """The limit the server gave at the last sync applies: the error carries both numbers, nothing is stored."""
    _server_limit(session, 4096)
    with pytest.raises(FileTooLarge) as info:
        documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=scan, doc_type="other")
    assert (info.value.code, info.value.field, info.value.params) == ("file_too_large", "file_path",
                                                                      {"size": 5004, "limit": 4096})
    assert count(DossierDocument) == 0 and not blobs.root.exists()


def test_the_smaller_of_the_store_and_server_limits_applies(session: Session, dossier_id: str, scan: Path,
                                                            tmp_path: Path) -> None:
    """A store that takes less than the server is refused at its own limit."""
    _server_limit(session, 1_000_000)
    small = BlobStore(tmp_path / "small", max_size=5000)
    with pytest.raises(FileTooLarge) as info:
        documents.attach_document(session, small, dossier_id=dossier_id, file_path=scan, doc_type="other")
    assert info.value.params == {"size": 5004, "limit": 5000}


def test_a_file_within_the_servers_limit_is_attached(session: Session, blobs: BlobStore, dossier_id: str,
                                                     scan: Path) -> None:
    """At or under the limit the file is stored and its document journaled."""
    _server_limit(session, 5004)
    changes = documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=scan, doc_type="other")
    session.commit()
    document = session.get(DossierDocument, changes.id)
    assert document.size == 5004 and blobs.has(document.sha256)
    assert ("dossier_documents", changes.id, "insert") in _journal(session)


def _pulled_conflict(session: Session, dossier_id: str, field: str, server: str, device: str) -> str:
    """A conflict row as a pull writes it: with the journal off (it is the server's row)."""
    session.info["journal"] = False
    row = Conflict(entity="dossiers", entity_id=dossier_id, field=field, server_value=f'"{server}"',
                   device_value=f'"{device}"', device_id="other-laptop", server_version=5)
    session.add(row)
    session.commit()
    session.info["journal"] = True
    return row.id


@pytest.fixture
def two_conflicts(session: Session, dossier_id: str) -> list[str]:
    session.get(Dossier, dossier_id).notes = "B: thiếu nhãn"
    session.commit()
    return [_pulled_conflict(session, dossier_id, "notes", "B: thiếu nhãn", "A: đủ hồ sơ"),
            _pulled_conflict(session, dossier_id, "kind", "new", "renewal")]


def test_a_rows_conflicts_are_resolved_together(session: Session, dossier_id: str, two_conflicts: list[str]) -> None:
    """Each chosen value is written and each conflict closes, all journaled."""
    notes, kind = two_conflicts
    changes = conflicts.resolve_conflicts(session, choices=[(notes, "device", None), (kind, "device", None)])
    session.commit()
    dossier = session.get(Dossier, dossier_id)
    assert (dossier.notes, dossier.kind) == ("A: đủ hồ sơ", "renewal")
    assert {session.get(Conflict, c).status for c in two_conflicts} == {"resolved"}
    assert {notes, kind, dossier_id} <= changes.ids
    assert {(e, i) for e, i, _ in _journal(session)} >= {("conflicts", notes), ("conflicts", kind),
                                                          ("dossiers", dossier_id)}


def test_a_refused_choice_leaves_the_rows_other_conflicts_open(session: Session, dossier_id: str,
                                                               two_conflicts: list[str]) -> None:
    """A typed value where only a side may be chosen is refused; the first field's choice is undone too."""
    notes, kind = two_conflicts
    journal = _journal(session)
    error = _refused(session, lambda: conflicts.resolve_conflicts(
        session, choices=[(notes, "device", None), (kind, "other", "upgrade")]))
    assert (error.code, error.field) == ("invalid_choice", "keep")
    assert session.get(Dossier, dossier_id).notes == "B: thiếu nhãn"
    assert {session.get(Conflict, c).status for c in two_conflicts} == {"open"}
    assert _journal(session) == journal
