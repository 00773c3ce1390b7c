"""Resolving a conflict: the chosen value is written and journaled, the conflict closes, bad input is refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import ChangeJournal, Conflict, Dossier, DossierDocument, Producer
from ocop_desktop.services import conflicts, documents, dossiers, sync_history
from ocop_desktop.services.errors import ServiceError


def _pulled_conflict(session: Session, entity: str, entity_id: str, field: str, server, device) -> str:
    """A conflict row as a pull brings it: written with the journal off (it is the server's row)."""
    session.commit()
    session.info["journal"] = False
    row = Conflict(entity=entity, entity_id=entity_id, field=field, server_value=json.dumps(server),
                   device_value=json.dumps(device), device_id="other-laptop", server_version=5)
    session.add(row)
    session.commit()
    session.info["journal"] = True
    return row.id


def _journal_since(session: Session, seq: int) -> list[ChangeJournal]:
    return list(session.scalars(select(ChangeJournal).where(ChangeJournal.seq > seq).order_by(ChangeJournal.seq)))


def _last_seq(session: Session) -> int:
    return max(session.scalars(select(ChangeJournal.seq)), default=0)


@pytest.fixture
def notes_conflict(session: Session, dossier_id: str) -> str:
    session.get(Dossier, dossier_id).notes = "B: thiếu nhãn"
    return _pulled_conflict(session, "dossiers", dossier_id, "notes", "B: thiếu nhãn", "A: đủ hồ sơ")


def test_open_conflicts_show_both_decoded_values_and_the_dossier_code(session, dossier_id, notes_conflict):
    """The view carries both values decoded from JSON and names the row by dossier code and product."""
    (view,) = conflicts.open_conflicts(session)
    code = session.get(Dossier, dossier_id).code
    assert (view.id, view.entity_id, view.field) == (notes_conflict, dossier_id, "notes")
    assert (view.server_value, view.device_value) == ("B: thiếu nhãn", "A: đủ hồ sơ")
    assert view.label == f"{code} — Nước mắm cá cơm"
    assert view.typed_allowed and not view.row_deleted and not view.from_this_device


def test_keeping_the_device_value_writes_it_and_journals_both_rows(session, dossier_id, notes_conflict):
    """Choosing this laptop's value puts it in the dossier and closes the conflict, each as a journal entry."""
    before = _last_seq(session)

    changes = conflicts.resolve_conflict(session, conflict_id=notes_conflict, keep="device")
    session.commit()

    assert session.get(Dossier, dossier_id).notes == "A: đủ hồ sơ"
    conflict = session.get(Conflict, notes_conflict)
    assert (conflict.status, json.loads(conflict.resolution)) == ("resolved", "A: đủ hồ sơ")
    entries = {e.entity: json.loads(e.fields_json) for e in _journal_since(session, before)}
    assert entries["dossiers"]["notes"] == ["B: thiếu nhãn", "A: đủ hồ sơ"]
    assert entries["conflicts"]["status"] == ["open", "resolved"]
    assert set(entries["conflicts"]) <= {"status", "resolution"}
    assert changes.entities == {"conflicts", "dossiers"} and conflicts.open_conflicts(session) == []


def test_keeping_the_server_value_when_already_shown_journals_only_the_conflict(session, notes_conflict):
    """The laptop already shows the server's value, so only the conflict's status and resolution change."""
    before = _last_seq(session)
    conflicts.resolve_conflict(session, conflict_id=notes_conflict, keep="server")
    session.commit()
    assert [e.entity for e in _journal_since(session, before)] == ["conflicts"]


def test_a_typed_value_is_cleaned_and_kept(session, dossier_id, notes_conflict):
    """A third text typed by the person is trimmed, normalised and becomes both the row value and resolution."""
    conflicts.resolve_conflict(session, conflict_id=notes_conflict, keep="other", value="  Đủ; nhãn bổ sung sau ")
    assert session.get(Dossier, dossier_id).notes == "Đủ; nhãn bổ sung sau"
    assert json.loads(session.get(Conflict, notes_conflict).resolution) == "Đủ; nhãn bổ sung sau"


def test_a_typed_date_in_day_month_year_is_stored_as_a_date(session, dossier_id, blobs, tmp_path):
    """Dates typed the Vietnamese way (dd/mm/yyyy) become real dates; nonsense is refused as wrong_type."""
    path = tmp_path / "kiem-nghiem.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    document = documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=path,
                                         doc_type="lab_test_report").id
    conflict = _pulled_conflict(session, "dossier_documents", document, "valid_until", "2026-01-01", "2027-01-01")
    with pytest.raises(ServiceError) as caught:
        conflicts.resolve_conflict(session, conflict_id=conflict, keep="other", value="31/02/2026")
    assert caught.value.code == "wrong_type"
    conflicts.resolve_conflict(session, conflict_id=conflict, keep="other", value="30/06/2026")
    assert session.get(DossierDocument, document).valid_until.isoformat() == "2026-06-30"


@pytest.mark.parametrize(("keep", "value", "code"), [("mine", None, "invalid_choice"),
                                                     ("other", "x" * 20001, "too_long")])
def test_bad_choices_are_refused_and_change_nothing(session, dossier_id, notes_conflict, keep, value, code):
    """An unknown choice or an over-long typed value raises ServiceError; the conflict stays open."""
    with pytest.raises(ServiceError) as caught:
        conflicts.resolve_conflict(session, conflict_id=notes_conflict, keep=keep, value=value)
    assert caught.value.code == code
    assert session.get(Conflict, notes_conflict).status == "open"


def test_coded_fields_cannot_take_a_typed_value(session, dossier_id):
    """A status is a code with rules: only one of the two recorded values may be kept, never free text."""
    conflict = _pulled_conflict(session, "dossiers", dossier_id, "status", "draft", "submitted")
    assert not conflicts.open_conflicts(session)[0].typed_allowed
    with pytest.raises(ServiceError) as caught:
        conflicts.resolve_conflict(session, conflict_id=conflict, keep="other", value="anything")
    assert caught.value.code == "invalid_choice"


@pytest.mark.parametrize(("entity", "field"), [("secrets", "notes"), ("dossiers", "password"),
                                               ("dossiers", "id"), ("conflicts", "status")])
def test_unknown_entities_and_fields_are_refused(session, dossier_id, entity, field):
    """A conflict naming a table or field the app does not sync (or bookkeeping) is refused, not written."""
    conflict = _pulled_conflict(session, entity, dossier_id, field, "a", "b")
    with pytest.raises(ServiceError) as caught:
        conflicts.resolve_conflict(session, conflict_id=conflict, keep="device")
    assert caught.value.code == "unknown_field"


def test_resolving_twice_or_an_unknown_conflict_is_refused(session, notes_conflict):
    """A resolved conflict cannot be resolved again; an unknown id is not_found."""
    conflicts.resolve_conflict(session, conflict_id=notes_conflict, keep="server")
    with pytest.raises(ServiceError) as again:
        conflicts.resolve_conflict(session, conflict_id=notes_conflict, keep="device")
    with pytest.raises(ServiceError) as missing:
        conflicts.resolve_conflict(session, conflict_id="no-such-id", keep="device")
    assert (again.value.code, missing.value.code) == ("conflict_closed", "not_found")


def test_a_deleted_row_keeps_only_the_server_value(session, dossier_id, blobs, tmp_path):
    """Writing into a tombstone would make another conflict: device/typed are refused, server is accepted."""
    path = tmp_path / "nhan.pdf"
    path.write_bytes(b"%PDF-1.4 nhan\n")
    document = documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=path,
                                         doc_type="label_image").id
    dossiers.delete_document(session, document)
    conflict = _pulled_conflict(session, "dossier_documents", document, "issuer", "", "Sở Y tế")
    assert conflicts.open_conflicts(session)[0].row_deleted
    with pytest.raises(ServiceError) as caught:
        conflicts.resolve_conflict(session, conflict_id=conflict, keep="device")
    assert caught.value.code == "row_deleted"
    conflicts.resolve_conflict(session, conflict_id=conflict, keep="server")
    assert session.get(Conflict, conflict).status == "resolved"


def test_quarantined_entries_are_listed_with_label_and_reason(session, producer_id):
    """A change the server refused shows which row it touched, which fields and the server's reason."""
    session.get(Producer, producer_id).phone = "0912 345 678"
    session.commit()
    entry = _journal_since(session, 0)[-1]
    entry.status, entry.reason = "quarantined", "forbidden: your role or scope does not allow this change"
    session.commit()

    (row,) = sync_history.quarantined(session)
    assert (row.entity, row.label, row.fields) == ("producers", "HTX Nước mắm Phú Khương", ("phone",))
    assert row.reason.startswith("forbidden")
    assert sync_history.overview(session).quarantined == (row,)
