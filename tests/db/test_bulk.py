"""Many new rows at once (db/bulk.py, the Excel import's path): each row journaled exactly as the ORM would
journal it, found by search, refused whole when a column is unknown, and gone with a rollback."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db import bulk, search
from ocop_desktop.db.journal import JournalError
from ocop_desktop.db.models import ChangeJournal, Producer
from ocop_desktop.services import registry

COMMUNE = "18073"


def _entries(session: Session, row_id: str) -> list[tuple[str, dict]]:
    rows = session.execute(select(ChangeJournal.op, ChangeJournal.fields_json)
                           .where(ChangeJournal.entity_id == row_id).order_by(ChangeJournal.seq))
    return [(op, json.loads(fields)) for op, fields in rows]


def _without_bookkeeping(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if k not in ("id", "created_at", "updated_at")}


def test_a_bulk_row_is_journaled_as_the_orm_journals_the_same_row(session: Session):
    values = {"name": "HTX Nước mắm Phú Khương", "kind": "cooperative", "commune_code": COMMUNE, "phone": "0912345678"}
    orm_id = registry.create_producer(session, **values).row_id()
    session.flush()
    [bulk_id] = bulk.insert_new(session, Producer, [values])
    session.commit()
    [(orm_op, orm_fields)], [(bulk_op, bulk_fields)] = _entries(session, orm_id), _entries(session, bulk_id)
    assert orm_op == bulk_op == "insert"
    assert _without_bookkeeping(bulk_fields) == _without_bookkeeping(orm_fields)
    assert bulk_fields["deleted"] == [None, False] and bulk_fields["id"] == [None, bulk_id]
    assert bulk_fields["created_at"] == bulk_fields["updated_at"]
    row = session.get(Producer, bulk_id)
    assert (row.name, row.deleted, row.address, row.server_version) == (values["name"], False, "", None)


def test_bulk_rows_are_found_without_their_accents(session: Session):
    ids = bulk.insert_new(session, Producer, [
        {"name": "Cơ sở Nước mắm Đồng Tâm", "kind": "household", "commune_code": COMMUNE},
        {"name": "HTX Mật ong Vũ Quang", "kind": "cooperative", "commune_code": COMMUNE}])
    session.commit()
    assert [h.ref_id for h in search.search(session, "nuoc mam dong tam")] == [ids[0]]
    assert [h.ref_id for h in search.search(session, "mat ong")] == [ids[1]]


def test_an_unknown_column_refuses_the_whole_batch(session: Session):
    with pytest.raises(JournalError):
        bulk.insert_new(session, Producer, [{"name": "A", "kind": "household", "commune_code": COMMUNE},
                                            {"name": "B", "kind": "household", "commune_code": COMMUNE,
                                             "name; DROP TABLE producers": "x"}])
    assert session.scalar(select(func.count()).select_from(Producer)) == 0


def test_a_rollback_takes_the_rows_their_journal_and_their_index(session: Session):
    bulk.insert_new(session, Producer, [{"name": "Chè xanh Hương Sơn", "kind": "household",
                                         "commune_code": COMMUNE}])
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Producer)) == 0
    assert session.scalar(select(func.count()).select_from(ChangeJournal)) == 0
    assert search.search(session, "che xanh") == []


def test_rows_written_unjournaled_stay_out_of_the_journal(session: Session):
    session.info["journal"] = False
    try:
        [row_id] = bulk.insert_new(session, Producer, [{"name": "Cam Vũ Quang", "kind": "household",
                                                        "commune_code": COMMUNE}])
        session.commit()
    finally:
        session.info["journal"] = True
    assert session.get(Producer, row_id) is not None and _entries(session, row_id) == []


def test_nothing_to_write_writes_nothing(session: Session):
    assert bulk.insert_new(session, Producer, []) == []
    assert session.scalar(select(func.count()).select_from(ChangeJournal)) == 0


def test_only_synced_rows_go_this_way(session: Session):
    from ocop_desktop.db.models.journal import LocalMeta

    with pytest.raises(JournalError):
        bulk.insert_new(session, LocalMeta, [{"key": "k", "value": "v"}])
