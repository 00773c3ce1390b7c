"""Two devices, one row: field merge, same-field conflicts, delete against edit, resolution, edits of deleted rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from ocop_desktop.db.models import ChangeJournal, Conflict, Dossier, DossierDocument
from ocop_desktop.services import documents, dossiers, registry
from ocop_server.models import ChangeLog, Record

# Every test starts from two laptops that logged in and synced one dossier: a second or two each.
pytestmark = pytest.mark.slow


def _new_dossier(laptop) -> str:
    with laptop.session() as s:
        producer = registry.create_producer(s, name="HTX Nước mắm Phú Khương", kind="cooperative",
                                            commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name="Nước mắm cá cơm",
                                          subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product, notes="ban đầu").id
        s.commit()
    return dossier


def _new_document(laptop, dossier: str, tmp_path: Path) -> str:
    path = tmp_path / "phieu-kiem-nghiem.pdf"
    path.write_bytes(b"%PDF-1.4 phieu kiem nghiem\n")
    with laptop.session() as s:
        document = documents.attach_document(s, laptop.blobs, dossier_id=dossier, file_path=path,
                                             doc_type="lab_test_report").id
        s.commit()
    return document


def _edit(laptop, model, row_id: str, **values) -> None:
    """An ordinary ORM edit in its own transaction (journaled like any service's)."""
    with laptop.session() as s:
        row = s.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)
        s.commit()


def _server(server, entity: str, row_id: str) -> dict:
    with server.app.state.sessions() as s:
        record = s.get(Record, (entity, row_id))
        return {**json.loads(record.data), "_version": record.version, "_deleted": record.deleted}


def _server_conflicts(server) -> list[dict]:
    with server.app.state.sessions() as s:
        return [json.loads(r.data) for r in s.scalars(select(Record).where(Record.entity == "conflicts"))]


def _local(laptop, model, row_id: str):
    with laptop.session() as s:
        return s.get(model, row_id)


def _local_conflicts(laptop) -> list[Conflict]:
    with laptop.session() as s:
        return list(s.scalars(select(Conflict)))


def _unsent(laptop) -> list[ChangeJournal]:
    with laptop.session() as s:
        return list(s.scalars(select(ChangeJournal).where(ChangeJournal.status != "sent")))


@pytest.fixture
def pair(make_laptop):
    """Laptops A and B holding the same synced dossier; returns (a, b, dossier id)."""
    a, b = make_laptop("a"), make_laptop("b")
    dossier = _new_dossier(a)
    a.sync()
    b.sync()
    return a, b, dossier


def test_same_field_edited_on_two_devices_records_one_conflict_with_both_values(server, pair):
    """A and B set different notes on one dossier. B syncs first and wins the field; A's push becomes a
    conflict that keeps both values, on the server and, after both sync again, on both laptops."""
    a, b, dossier = pair
    _edit(a, Dossier, dossier, notes="A: đủ hồ sơ")
    _edit(b, Dossier, dossier, notes="B: thiếu nhãn")
    b.sync()

    report = a.sync()
    b.sync()

    assert report.conflicts == 1
    (conflict,) = _server_conflicts(server)
    assert (conflict["entity"], conflict["entity_id"], conflict["field"]) == ("dossiers", dossier, "notes")
    assert json.loads(conflict["server_value"]) == "B: thiếu nhãn"
    assert json.loads(conflict["device_value"]) == "A: đủ hồ sơ"
    assert (conflict["status"], conflict["device_id"]) == ("open", a.device_id)
    for laptop in (a, b):
        (local,) = _local_conflicts(laptop)
        assert local.id == conflict["id"]
        assert (json.loads(local.server_value), json.loads(local.device_value)) == ("B: thiếu nhãn", "A: đủ hồ sơ")
    assert _server(server, "dossiers", dossier)["notes"] == "B: thiếu nhãn"
    assert _local(b, Dossier, dossier).notes == "B: thiếu nhãn"


def test_after_a_conflict_the_losing_laptop_shows_the_server_value(server, pair):
    """Once a conflict is recorded (the device value is safe in the conflict row), the laptop that lost the
    field must show the same row as the server and the other laptop, not silently its own value."""
    a, b, dossier = pair
    _edit(a, Dossier, dossier, notes="A: đủ hồ sơ")
    _edit(b, Dossier, dossier, notes="B: thiếu nhãn")
    b.sync()
    a.sync()
    b.sync()

    server_notes = _server(server, "dossiers", dossier)["notes"]
    assert _local(b, Dossier, dossier).notes == server_notes
    assert _local(a, Dossier, dossier).notes == server_notes


def _edit_different_fields(a, b, dossier) -> None:
    _edit(a, Dossier, dossier, notes="A: đã bổ sung")
    with b.session() as s:
        dossiers.update_dossier(s, dossier, kind="renewal")
        s.commit()


def test_different_fields_of_one_row_merge_on_the_server_without_conflict(server, pair):
    """A changes the dossier's notes, B its kind, both offline; A then B sync: the server row holds both
    edits, both changes are "applied" and no conflict exists."""
    a, b, dossier = pair
    _edit_different_fields(a, b, dossier)

    first = a.sync()
    second = b.sync()

    assert (first.conflicts, second.conflicts, first.rejected, second.rejected) == (0, 0, 0, 0)
    row = _server(server, "dossiers", dossier)
    assert (row["notes"], row["kind"]) == ("A: đã bổ sung", "renewal")
    assert _server_conflicts(server) == []
    assert _local(a, Dossier, dossier).notes == "A: đã bổ sung"


def test_after_a_merge_both_laptops_hold_both_edits(server, pair):
    """After the merge above and one more sync each, both laptops hold both edits and the server's version:
    B, whose push produced the merged version, must also receive A's notes."""
    a, b, dossier = pair
    _edit_different_fields(a, b, dossier)

    a.sync()
    b.sync()
    a.sync()
    b.sync()

    row = _server(server, "dossiers", dossier)
    for laptop in (a, b):
        local = _local(laptop, Dossier, dossier)
        assert (local.notes, local.kind, local.server_version) == ("A: đã bổ sung", "renewal", row["_version"])
        assert _local_conflicts(laptop) == []


def _delete_against_edit(a, b, dossier, tmp_path, first: str) -> str:
    document = _new_document(a, dossier, tmp_path)
    a.sync()
    b.sync()
    with a.session() as s:
        dossiers.delete_document(s, document)
        s.commit()
    _edit(b, DossierDocument, document, title=TYPED_TITLE)
    order = (a, b) if first == "delete" else (b, a)
    for laptop in order + order:
        laptop.sync()
    return document


TYPED_TITLE = "Phiếu kiểm nghiệm 2025 (bản ký)"


@pytest.mark.parametrize("first", ["delete", "edit"])
def test_delete_against_edit_loses_nothing_typed(server, pair, tmp_path, first):
    """A deletes a document (a tombstone) while B retitles it. Whichever syncs first, the server row ends
    deleted and B's typed title is either applied to it or kept in a conflict row; both journals settle."""
    a, b, dossier = pair
    document = _delete_against_edit(a, b, dossier, tmp_path, first)

    row = _server(server, "dossier_documents", document)
    assert row["_deleted"] is True
    kept = row["title"] == TYPED_TITLE or any(
        json.loads(c["device_value"]) == TYPED_TITLE for c in _server_conflicts(server))
    assert kept, "B's title is neither applied nor kept in a conflict"
    assert _unsent(a) == [] and _unsent(b) == []


@pytest.mark.parametrize("first", ["delete", "edit"])
def test_delete_against_edit_leaves_both_laptops_equal_to_the_server(server, pair, tmp_path, first):
    """After the delete/edit race above, both laptops hold the server's row: deleted, with the server's
    title (delete first: B still shows the document; edit first: A misses B's title)."""
    a, b, dossier = pair
    document = _delete_against_edit(a, b, dossier, tmp_path, first)

    row = _server(server, "dossier_documents", document)
    for laptop in (a, b):
        local = _local(laptop, DossierDocument, document)
        assert (local.deleted, local.title) == (row["deleted"], row["title"])


def test_resolving_a_conflict_reaches_the_other_laptop(server, pair):
    """A person on B (which holds the conflict after syncing) resolves it by choosing a merged text: the
    conflict row's status and resolution and the dossier's notes are changed in one ordinary transaction
    and synced; A receives the resolved conflict and the chosen notes."""
    a, b, dossier = pair
    _edit(a, Dossier, dossier, notes="A: đủ hồ sơ")
    _edit(b, Dossier, dossier, notes="B: thiếu nhãn")
    b.sync()
    a.sync()
    b.sync()
    (conflict,) = _local_conflicts(b)
    chosen = "Đủ hồ sơ; nhãn sẽ bổ sung"

    with b.session() as s:
        row = s.get(Conflict, conflict.id)
        row.status, row.resolution = "resolved", json.dumps(chosen, ensure_ascii=False)
        s.get(Dossier, dossier).notes = chosen
        s.commit()
    report = b.sync()
    a.sync()

    assert report.rejected == 0 and report.conflicts == 0
    server_conflict = _server(server, "conflicts", conflict.id)
    assert (server_conflict["status"], json.loads(server_conflict["resolution"])) == ("resolved", chosen)
    assert _server(server, "dossiers", dossier)["notes"] == chosen
    for laptop in (a, b):
        (local,) = _local_conflicts(laptop)
        assert (local.status, json.loads(local.resolution)) == ("resolved", chosen)
        assert _local(laptop, Dossier, dossier).notes == chosen


def test_resolving_a_conflict_by_keeping_the_device_value_reaches_the_server(server, pair):
    """A resolves its conflict by keeping its own notes: the server row and laptop B end with A's value."""
    a, b, dossier = pair
    _edit(a, Dossier, dossier, notes="A: đủ hồ sơ")
    _edit(b, Dossier, dossier, notes="B: thiếu nhãn")
    b.sync()
    a.sync()
    (conflict,) = _local_conflicts(a)
    mine = json.loads(conflict.device_value)

    with a.session() as s:
        row = s.get(Conflict, conflict.id)
        row.status, row.resolution = "resolved", conflict.device_value
        s.get(Dossier, dossier).notes = mine
        s.commit()
    a.sync()
    b.sync()

    assert _server(server, "conflicts", conflict.id)["status"] == "resolved"
    assert _server(server, "dossiers", dossier)["notes"] == mine
    assert _local(b, Dossier, dossier).notes == mine


def test_editing_a_row_deleted_on_the_server_keeps_the_device_value_in_a_conflict(server, pair, tmp_path):
    """c16: A deletes a document and syncs; B, which never saw the delete, edits the document's issuer and
    syncs. The server does not revive the row: B's change comes back as a conflict with reason
    row_deleted, the conflict row keeps B's value, and B's journal entry is settled (not pending forever)."""
    a, b, dossier = pair
    document = _new_document(a, dossier, tmp_path)
    a.sync()
    b.sync()
    with a.session() as s:
        dossiers.delete_document(s, document)
        s.commit()
    a.sync()
    _edit(b, DossierDocument, document, issuer="Trung tâm Kiểm nghiệm Hà Tĩnh")

    report = b.sync()

    assert report.conflicts == 1 and report.rejected == 0
    with server.app.state.sessions() as s:
        (logged,) = s.scalars(select(ChangeLog).where(ChangeLog.device_id == b.device_id,
                                                      ChangeLog.entity == "dossier_documents")).all()
    assert json.loads(logged.result)["reason"] == "row_deleted"
    row = _server(server, "dossier_documents", document)
    assert row["_deleted"] is True and row["issuer"] == ""
    (conflict,) = _server_conflicts(server)
    assert (conflict["entity_id"], conflict["field"]) == (document, "issuer")
    assert json.loads(conflict["device_value"]) == "Trung tâm Kiểm nghiệm Hà Tĩnh"
    (local,) = _local_conflicts(b)
    assert json.loads(local.device_value) == "Trung tâm Kiểm nghiệm Hà Tĩnh"
    assert _unsent(b) == []


def test_a_laptop_whose_edit_hit_a_deleted_row_learns_of_the_delete(server, pair, tmp_path):
    """c16: after B's edit of a row deleted on the server comes back as a conflict, B's copy of the row is
    a tombstone like the server's (the typed value lives on in the conflict row)."""
    a, b, dossier = pair
    document = _new_document(a, dossier, tmp_path)
    a.sync()
    b.sync()
    with a.session() as s:
        dossiers.delete_document(s, document)
        s.commit()
    a.sync()
    _edit(b, DossierDocument, document, issuer="Trung tâm Kiểm nghiệm Hà Tĩnh")

    b.sync()

    assert _local(b, DossierDocument, document).deleted is True
