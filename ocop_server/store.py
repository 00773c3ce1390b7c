"""Rows kept generically per entity: read, write, unique keys, scope keys, parent links and the global sequence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES
from ocop_core.row_rules import unique_keys
from ocop_server.models import Counter, Record, RecordKey, RecordLink, RecordScope

SEQ = "seq"

# Plain table statements, built once: the ORM's unit of work and statement building were most of
# what a push cost when 200 devices pushed at once. Rows are read and written only through here,
# so no ORM identity map can hold a stale copy of a record.
_records, _links, _scopes, _counters, _keys = (Record.__table__, RecordLink.__table__, RecordScope.__table__,
                                               Counter.__table__, RecordKey.__table__)
_NEXT = (_counters.update().where(_counters.c.name == SEQ).values(value=_counters.c.value + 1)
         .returning(_counters.c.value))
_CURRENT = select(_counters.c.value).where(_counters.c.name == SEQ)
_LOAD = select(_records.c.data, _records.c.field_seq, _records.c.version, _records.c.deleted).where(
    _records.c.entity == bindparam("b_entity"), _records.c.id == bindparam("b_id"))
_INSERT = _records.insert()
_UPDATE = _records.update().where(_records.c.entity == bindparam("b_entity"), _records.c.id == bindparam("b_id"))
_UNLINK = _links.delete().where(_links.c.entity == bindparam("b_entity"), _links.c.id == bindparam("b_id"))
_EXISTS = select(_records.c.id).where(_records.c.entity == bindparam("b_entity"), _records.c.id == bindparam("b_id"))
_KEY_HOLDER = select(_keys.c.id).where(_keys.c.entity == bindparam("b_entity"), _keys.c.key == bindparam("b_key"))
_UNKEY = _keys.delete().where(_keys.c.entity == bindparam("b_entity"), _keys.c.id == bindparam("b_id"))
_SCOPE_KEYS = select(_scopes.c.key).where(_scopes.c.entity == bindparam("b_entity"),
                                          _scopes.c.id == bindparam("b_id"))


def next_seq(session: Session) -> int:
    """The next global sequence number; the UPDATE locks the counter row until commit."""
    result = session.execute(_NEXT).scalar_one_or_none()
    if result is None:
        session.execute(_counters.insert().values(name=SEQ, value=1))
        return 1
    return result


def current_seq(session: Session) -> int:
    return session.scalar(_CURRENT) or 0


@dataclass
class Row:
    entity: str
    id: str
    data: dict[str, Any]
    field_seq: dict[str, int]
    version: int
    deleted: bool
    stored: bool = False  # already in the table: saving updates it


def load(session: Session, entity: str, row_id: str) -> Row | None:
    found = session.execute(_LOAD, {"b_entity": entity, "b_id": row_id}).first()
    if found is None:
        return None
    return Row(entity, row_id, json.loads(found.data), json.loads(found.field_seq), found.version, found.deleted,
               stored=True)


def exists(session: Session, entity: str, row_id: str) -> bool:
    """Whether the row is stored, tombstone or not: a laptop can store a link to either."""
    return session.execute(_EXISTS, {"b_entity": entity, "b_id": row_id}).first() is not None


def key_holder(session: Session, entity: str, key: str) -> str | None:
    """The row holding a unique key (see ocop_core.row_rules.unique_keys), if any."""
    return session.scalar(_KEY_HOLDER, {"b_entity": entity, "b_key": key})


def save(session: Session, row: Row) -> None:
    values = {"data": json.dumps(row.data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
              "field_seq": json.dumps(row.field_seq, separators=(",", ":"), sort_keys=True),
              "version": row.version, "deleted": row.deleted}
    if row.stored:
        session.execute(_UPDATE, {"b_entity": row.entity, "b_id": row.id, **values})
    else:
        session.execute(_INSERT, {"entity": row.entity, "id": row.id, **values})
        row.stored = True
    _save_links(session, row)
    _save_keys(session, row)


def _save_keys(session: Session, row: Row) -> None:
    spec = ENTITIES[row.entity]
    if not spec.unique:
        return
    session.execute(_UNKEY, {"b_entity": row.entity, "b_id": row.id})
    for _, key in unique_keys(spec, row.data):
        # Merge refuses a change that takes another row's key; a row that shared one before keys were kept
        # (see migration s0002) stays without it rather than failing every later save.
        if key_holder(session, row.entity, key) is None:
            session.execute(_keys.insert(), {"entity": row.entity, "key": key, "id": row.id})


def _save_links(session: Session, row: Row) -> None:
    parents = ENTITIES[row.entity].parents
    if not parents:
        return
    session.execute(_UNLINK, {"b_entity": row.entity, "b_id": row.id})
    links = [{"entity": row.entity, "id": row.id, "field": fld, "parent_entity": parent_entity,
              "parent_id": row.data.get(fld)}
             for fld, parent_entity in parents.items() if isinstance(row.data.get(fld), str) and row.data.get(fld)]
    if links:
        session.execute(_links.insert(), links)


def children(session: Session, parent_entity: str, parent_id: str, entity: str | None = None) -> list[tuple[str, str]]:
    query = select(_links.c.entity, _links.c.id).where(_links.c.parent_entity == parent_entity,
                                                       _links.c.parent_id == parent_id)
    if entity:
        query = query.where(_links.c.entity == entity)
    return [(e, i) for e, i in session.execute(query)]


def scope_keys(session: Session, entity: str, row_id: str) -> set[str]:
    return set(session.scalars(_SCOPE_KEYS, {"b_entity": entity, "b_id": row_id}))


def set_scope_keys(session: Session, entity: str, row_id: str, keys: set[str], current: set[str] | None = None
                   ) -> bool:
    """Stores the keys; True when they changed (the row must then be sent again to newly entitled devices).
    ``current``: the keys already stored, when the caller knows them (none, for a row just created)."""
    current = scope_keys(session, entity, row_id) if current is None else current
    if current == keys:
        return False
    if current - keys:
        session.execute(_scopes.delete().where(_scopes.c.entity == entity, _scopes.c.id == row_id,
                                               _scopes.c.key.in_(current - keys)))
    if keys - current:
        session.execute(_scopes.insert(), [{"entity": entity, "id": row_id, "key": k} for k in keys - current])
    return True


_IDS_WITH_KEY = select(_scopes.c.id).where(_scopes.c.entity == bindparam("b_entity"),
                                           _scopes.c.key == bindparam("b_key"))


def ids_with_key(session: Session, entity: str, key: str) -> list[str]:
    return list(session.scalars(_IDS_WITH_KEY, {"b_entity": entity, "b_key": key}))


# Entities whose rows name an attachment by its hash.
FILE_ENTITIES = tuple(name for name, entity in ENTITIES.items() if "sha256" in entity.fields)


def file_named(session: Session, sha256: str, keys: frozenset[str] | None) -> bool:
    """Whether a live row names the file, among the rows carrying one of ``keys`` (None: any row).

    ``sha256`` must already be lower-case hex: it is matched inside the stored JSON, which ``save`` writes
    compact and sorted, so the field reads exactly ``"sha256":"<hex>"``. The scan covers only the rows in
    the caller's scope (the scope index leads), and runs once per file a device downloads."""
    query = select(_records.c.id).where(_records.c.entity.in_(FILE_ENTITIES), _records.c.deleted.is_(False),
                                        _records.c.data.like(f'%"sha256":"{sha256}"%'))
    if keys is not None:
        query = query.where(select(_scopes.c.id).where(
            _scopes.c.entity == _records.c.entity, _scopes.c.id == _records.c.id,
            _scopes.c.key.in_(sorted(keys))).exists())
    return session.execute(query.limit(1)).first() is not None
