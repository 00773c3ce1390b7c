"""Rows kept generically per entity: read, write, scope keys, parent links and the global sequence."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ocop_desktop.sync.entities import ENTITIES
from ocop_server.models import Counter, Record, RecordLink, RecordScope

SEQ = "seq"


def next_seq(session: Session) -> int:
    """The next global sequence number; the UPDATE locks the counter row until commit."""
    result = session.execute(update(Counter).where(Counter.name == SEQ).values(value=Counter.value + 1)
                             .returning(Counter.value)).scalar_one_or_none()
    if result is None:
        session.add(Counter(name=SEQ, value=1))
        session.flush()
        return 1
    return result


def current_seq(session: Session) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == SEQ)) or 0


@dataclass
class Row:
    entity: str
    id: str
    data: dict[str, Any]
    field_seq: dict[str, int]
    version: int
    deleted: bool
    record: Record | None = field(default=None, repr=False)


def load(session: Session, entity: str, row_id: str, lock: bool = False) -> Row | None:
    record = session.get(Record, (entity, row_id))
    if record is None:
        return None
    return Row(entity, row_id, json.loads(record.data), json.loads(record.field_seq), record.version,
               record.deleted, record)


def save(session: Session, row: Row) -> None:
    data = json.dumps(row.data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    seqs = json.dumps(row.field_seq, separators=(",", ":"), sort_keys=True)
    if row.record is None:
        row.record = Record(entity=row.entity, id=row.id, data=data, field_seq=seqs, version=row.version,
                            deleted=row.deleted)
        session.add(row.record)
    else:
        row.record.data, row.record.field_seq = data, seqs
        row.record.version, row.record.deleted = row.version, row.deleted
    session.flush()
    _save_links(session, row)


def _save_links(session: Session, row: Row) -> None:
    parents = ENTITIES[row.entity].parents
    if not parents:
        return
    session.execute(delete(RecordLink).where(RecordLink.entity == row.entity, RecordLink.id == row.id))
    for fld, parent_entity in parents.items():
        parent_id = row.data.get(fld)
        if isinstance(parent_id, str) and parent_id:
            session.add(RecordLink(entity=row.entity, id=row.id, field=fld, parent_entity=parent_entity,
                                   parent_id=parent_id))
    session.flush()


def children(session: Session, parent_entity: str, parent_id: str, entity: str | None = None) -> list[tuple[str, str]]:
    query = select(RecordLink.entity, RecordLink.id).where(RecordLink.parent_entity == parent_entity,
                                                           RecordLink.parent_id == parent_id)
    if entity:
        query = query.where(RecordLink.entity == entity)
    return [(e, i) for e, i in session.execute(query)]


def scope_keys(session: Session, entity: str, row_id: str) -> set[str]:
    return set(session.scalars(select(RecordScope.key).where(RecordScope.entity == entity, RecordScope.id == row_id)))


def set_scope_keys(session: Session, entity: str, row_id: str, keys: set[str]) -> bool:
    """Stores the keys; True when they changed (the row must then be sent again to newly entitled devices)."""
    current = scope_keys(session, entity, row_id)
    if current == keys:
        return False
    session.execute(delete(RecordScope).where(RecordScope.entity == entity, RecordScope.id == row_id,
                                              RecordScope.key.in_(current - keys)))
    session.add_all(RecordScope(entity=entity, id=row_id, key=k) for k in keys - current)
    session.flush()
    return True


def ids_with_key(session: Session, entity: str, key: str) -> list[str]:
    return list(session.scalars(select(RecordScope.id).where(RecordScope.entity == entity, RecordScope.key == key)))
