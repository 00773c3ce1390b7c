"""The change journal: every service write recorded in the same transaction, with old and new values."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import JournalError
from ocop_desktop.db.models import ChangeJournal, LocalMeta, Producer
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.services import documents, dossiers, registry

COMMUNE = "18073"


def _entries(session: Session) -> list[SimpleNamespace]:
    rows = session.scalars(select(ChangeJournal).order_by(ChangeJournal.seq)).all()
    return [SimpleNamespace(seq=r.seq, change_id=r.change_id, device_id=r.device_id, entity=r.entity,
                            entity_id=r.entity_id, op=r.op, fields=json.loads(r.fields_json),
                            base_version=r.base_version) for r in rows]


def _producer(session: Session, name: str = "HTX Phú Khương") -> str:
    return registry.create_producer(session, name=name, kind="cooperative", commune_code=COMMUNE).id


def test_create_producer_journals_insert_with_every_field(session: Session) -> None:
    """Creating a producer writes one insert entry carrying all set fields, defaults included."""
    pid = _producer(session)
    [entry] = _entries(session)
    assert (entry.entity, entry.entity_id, entry.op) == ("producers", pid, "insert")
    assert set(entry.fields) == {"id", "name", "kind", "registration_no", "tax_code", "commune_code", "address",
                                 "representative", "phone", "created_at", "updated_at", "deleted"}
    assert entry.fields["name"] == [None, "HTX Phú Khương"]
    assert entry.fields["kind"] == [None, "cooperative"]
    assert entry.fields["registration_no"] == [None, ""]
    assert entry.fields["deleted"] == [None, False]
    assert entry.fields["id"] == [None, pid]


def test_create_dossier_journals_default_kind_status_and_notes(world: SimpleNamespace, session: Session) -> None:
    """A dossier's insert entry carries its default kind, status and notes."""
    entry = next(e for e in _entries(session) if e.entity == "dossiers")
    assert entry.op == "insert"
    assert entry.fields["kind"] == [None, "new"]
    assert entry.fields["status"] == [None, "draft"]
    assert entry.fields["notes"] == [None, ""]
    assert entry.fields["deleted"] == [None, False]


def test_update_journals_only_the_changed_field_old_to_new(session: Session) -> None:
    """Renaming a producer writes an update entry with exactly {"name": [old, new]}."""
    pid = _producer(session)
    session.commit()
    registry.update_producer(session, pid, name="HTX Đồng Xanh")
    entry = _entries(session)[-1]
    assert (entry.entity, entry.entity_id, entry.op) == ("producers", pid, "update")
    assert entry.fields == {"name": ["HTX Phú Khương", "HTX Đồng Xanh"]}


def test_update_to_the_same_value_is_not_journaled(session: Session) -> None:
    """Setting a field to the value it already has writes no entry."""
    pid = _producer(session)
    session.commit()
    registry.update_producer(session, pid, name="HTX Phú Khương")
    assert [e.op for e in _entries(session)] == ["insert"]


def test_update_bumps_updated_at_without_journaling_it(session: Session) -> None:
    """A journaled edit moves updated_at forward but leaves it out of the entry's fields."""
    pid = _producer(session)
    session.commit()
    before = session.get(Producer, pid).updated_at
    registry.update_producer(session, pid, phone="0912345678")
    session.flush()  # services leave edits pending; the journal and updated_at are written at flush
    assert session.get(Producer, pid).updated_at > before
    assert _entries(session)[-1].fields == {"phone": ["", "0912345678"]}


def test_tombstone_is_journaled_as_delete(world: SimpleNamespace, session: Session, tmp_path: Path) -> None:
    """Deleting a document through the service sets deleted=True and journals op "delete"."""
    source = tmp_path / "giay-phep.pdf"
    source.write_bytes(b"%PDF-1.4 giay phep")
    doc_id = documents.attach_document(session, BlobStore(tmp_path / "blobs"), dossier_id=world.dossier_id,
                                       file_path=source, doc_type="business_registration").id
    session.commit()
    dossiers.delete_document(session, doc_id)
    entry = _entries(session)[-1]
    assert (entry.entity, entry.entity_id, entry.op) == ("dossier_documents", doc_id, "delete")
    assert entry.fields == {"deleted": [False, True]}


def test_rollback_discards_journal_and_data_together(db: Database) -> None:
    """A flushed but rolled-back write leaves neither its row nor its journal entry."""
    with db.session() as s:
        _producer(s)
        assert len(_entries(s)) == 1
        s.rollback()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Producer)) == 0
        assert s.scalar(select(func.count()).select_from(ChangeJournal)) == 0


def test_seq_increases_strictly_in_call_order(session: Session) -> None:
    """Entries get strictly increasing seq numbers in the order the writes happened."""
    ids = [_producer(session, f"HTX {i}") for i in range(5)]
    registry.update_producer(session, ids[0], name="HTX đầu")
    entries = _entries(session)
    seqs = [e.seq for e in entries]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == len(seqs)
    assert [e.entity_id for e in entries] == [*ids, ids[0]]


def test_change_ids_are_unique_uuids(session: Session) -> None:
    """Every entry has its own change_id, a valid UUID."""
    pid = _producer(session)
    session.commit()
    for i in range(5):
        registry.update_producer(session, pid, phone=f"09000000{i}")
        session.commit()  # one user action, one transaction: edits within one are journaled together
    change_ids = [e.change_id for e in _entries(session)]
    assert len(change_ids) == 6
    assert len(set(change_ids)) == 6
    assert all(str(uuid.UUID(c)) == c for c in change_ids)


def test_seq_is_never_reused_after_pruning(session: Session) -> None:
    """After the journal is pruned, new entries still get higher seq numbers (AUTOINCREMENT)."""
    _producer(session, "HTX một")
    _producer(session, "HTX hai")
    session.commit()
    top = _entries(session)[-1].seq
    session.execute(delete(ChangeJournal))
    session.commit()
    _producer(session, "HTX ba")
    assert _entries(session)[0].seq > top


def test_hard_delete_of_synced_row_is_refused(session: Session) -> None:
    """session.delete on a synced row raises JournalError at flush."""
    pid = _producer(session)
    session.commit()
    session.delete(session.get(Producer, pid))
    with pytest.raises(JournalError):
        session.flush()


@pytest.mark.parametrize("statement", [
    update(Producer).values(name="x"),
    delete(Producer),
    insert(Producer).values(id="p", name="x", kind="household", commune_code=COMMUNE),
], ids=["update", "delete", "insert"])
def test_bulk_dml_on_synced_table_is_refused(session: Session, statement) -> None:
    """ORM/Core bulk DML on a synced table raises JournalError instead of bypassing the journal."""
    _producer(session)
    session.commit()
    with pytest.raises(JournalError):
        session.execute(statement)


def test_journal_off_records_nothing(session: Session) -> None:
    """With session.info["journal"] = False inserts and updates write no entries."""
    session.info["journal"] = False
    pid = _producer(session)
    registry.update_producer(session, pid, name="HTX khác")
    session.commit()
    assert session.get(Producer, pid).name == "HTX khác"
    assert _entries(session) == []


def test_journal_off_allows_bulk_update(session: Session) -> None:
    """Applying pulled changes with the journal off may use bulk DML, which writes no entry."""
    pid = _producer(session)
    session.commit()
    session.info["journal"] = False
    session.execute(update(Producer).where(Producer.id == pid).values(server_version=7))
    session.commit()
    assert session.scalar(select(Producer.server_version).where(Producer.id == pid)) == 7
    assert [e.op for e in _entries(session)] == ["insert"]


def test_update_carries_server_version_as_base(session: Session) -> None:
    """An edit's entry records the row's server_version as its base_version."""
    pid = _producer(session)
    session.commit()
    session.info["journal"] = False
    session.get(Producer, pid).server_version = 42
    session.commit()
    session.info["journal"] = True
    registry.update_producer(session, pid, name="HTX mới")
    assert _entries(session)[-1].base_version == 42


def test_edit_after_expire_records_the_stored_old_value(session: Session) -> None:
    """Setting an attribute of a fully expired object still journals the old value read from the database."""
    pid = _producer(session)
    session.commit()
    producer = session.get(Producer, pid)
    session.expire(producer)
    producer.name = "HTX Đồng Xanh"
    session.flush()
    assert _entries(session)[-1].fields == {"name": ["HTX Phú Khương", "HTX Đồng Xanh"]}


def test_edit_after_expiring_one_attribute_records_old_value(session: Session) -> None:
    """Setting an individually expired attribute journals its stored old value, not null."""
    pid = _producer(session)
    session.commit()
    producer = session.get(Producer, pid)
    session.expire(producer, ["name"])
    producer.name = "HTX Đồng Xanh"
    session.flush()
    assert _entries(session)[-1].fields == {"name": ["HTX Phú Khương", "HTX Đồng Xanh"]}


def test_service_edit_after_expire_records_old_value(session: Session) -> None:
    """update_producer on an expired object journals the correct old value."""
    pid = _producer(session)
    session.commit()
    session.expire(session.get(Producer, pid))
    registry.update_producer(session, pid, name="HTX Đồng Xanh")
    assert _entries(session)[-1].fields == {"name": ["HTX Phú Khương", "HTX Đồng Xanh"]}


def test_device_id_is_stored_in_local_meta(session: Session) -> None:
    """The device id on entries is the one kept in local_meta."""
    _producer(session)
    session.commit()
    stored = session.scalar(select(LocalMeta.value).where(LocalMeta.key == "device_id"))
    assert stored is not None
    assert {e.device_id for e in _entries(session)} == {stored}


def test_device_id_is_stable_across_sessions_and_reopen(db: Database) -> None:
    """Entries from separate sessions and a reopened database carry the same device id."""
    with db.session() as s:
        _producer(s, "HTX một")
        s.commit()
    with db.session() as s:
        _producer(s, "HTX hai")
        s.commit()
    db.close()
    reopened = open_database(db.path)
    try:
        with reopened.session() as s:
            _producer(s, "HTX ba")
            s.commit()
            devices = [e.device_id for e in _entries(s)]
    finally:
        reopened.close()
    assert len(devices) == 3
    assert len(set(devices)) == 1


def test_device_id_survives_a_rollback_in_the_same_session(db: Database) -> None:
    """After a rollback in a fresh database, later entries still share one device id kept in local_meta."""
    with db.session() as s:
        _producer(s, "HTX bỏ")
        s.flush()
        s.rollback()
        _producer(s, "HTX một")
        s.commit()
    with db.session() as s:
        _producer(s, "HTX hai")
        s.commit()
        devices = {e.device_id for e in _entries(s)}
        stored = s.scalar(select(LocalMeta.value).where(LocalMeta.key == "device_id"))
    assert devices == {stored}
