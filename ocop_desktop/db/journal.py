"""Writes the change journal from the session itself, so no service can forget it.

Every flush that inserts or changes a synced row appends one journal entry per row, with the
changed fields' old and new values, in the same transaction. Pulled server changes are applied in
a session whose ``info["journal"]`` is False, so they are not sent back.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.orm import Session, attributes
from sqlalchemy.sql.elements import TextClause

from ocop_core.errors import OcopError
from ocop_desktop.db.base import UNJOURNALED_ON_UPDATE, Base, Synced, new_id
from ocop_desktop.db.models.journal import ChangeJournal, LocalMeta
from ocop_desktop.db.models.sync_local import LocalOnlyRow
from ocop_desktop.db.types import DecimalText, utcnow
from ocop_desktop.db.wire import to_wire

DEVICE_KEY = "device_id"
# Entities whose rows may be kept to this laptop (demo accounts): only their flushes look the marks up.
LOCAL_ONLY_ENTITIES = frozenset({"users"})
_PENDING = "journal_pending"
_TEXT_DML = re.compile(r"\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)"
                       r"\s+[\"`\[]?(\w+)", re.IGNORECASE)


class JournalError(OcopError, RuntimeError):
    """A write that would bypass the change journal: a programming error, never a person's."""

    def __init__(self, explanation: str) -> None:
        super().__init__("journal_bypassed", explanation)


def ensure_device_id(session: Session) -> str:
    """Made once when the database is opened, so one file never hands out two device ids."""
    value = device_id(session)
    session.commit()
    return value


def device_id(session: Session) -> str:
    """This database's device id, made once and kept in local_meta."""
    cached = session.info.get(DEVICE_KEY)
    if cached:
        return cached
    value = session.scalar(select(LocalMeta.value).where(LocalMeta.key == DEVICE_KEY))
    if value is None:
        value = new_id()
        session.add(LocalMeta(key=DEVICE_KEY, value=value))
    session.info[DEVICE_KEY] = value
    return value


def _columns(obj: Synced):
    return inspect(obj).mapper.column_attrs


def _apply_scalar_defaults(obj: Synced) -> None:
    """Column defaults normally appear only in the INSERT; the journal must carry them too."""
    for attr in _columns(obj):
        column = attr.columns[0]
        if column.default is not None and column.default.is_scalar and getattr(obj, attr.key) is None:
            setattr(obj, attr.key, column.default.arg)


def _wire(attr, value: Any) -> Any:
    return None if value is None else _wirer(attr)(value)


def _wirer(attr) -> Any:
    # A value as the column will store it: a Decimal column given the int 0 still travels as "0".
    return _decimal_text if isinstance(attr.columns[0].type, DecimalText) else to_wire


def _insert_fields(obj: Synced) -> dict[str, list[Any]]:
    wirers = _wirers(inspect(obj).mapper)
    return insert_fields(wirers, {key: getattr(obj, key) for key, _ in wirers})


@functools.cache
def _wirers(mapper) -> tuple[tuple[str, Any], ...]:
    """(attribute, how its value travels) for every column a new row's journal entry carries."""
    return tuple((attr.key, _wirer(attr)) for attr in mapper.column_attrs if attr.key != "server_version")


def _decimal_text(value: Any) -> str:
    return str(Decimal(value))


def insert_fields(wirers: tuple[tuple[str, Any], ...], values: dict[str, Any]) -> dict[str, list[Any]]:
    """A new row's journaled fields: every value it is born with, as it travels."""
    return {key: [None, wire(value)] for key, wire in wirers if (value := values.get(key)) is not None}


def _update_fields(session: Session, obj: Synced) -> dict[str, list[Any]]:
    fields: dict[str, list[Any]] = {}
    missing_old: list[str] = []
    for attr in _columns(obj):
        if attr.key in UNJOURNALED_ON_UPDATE:
            continue
        history = attributes.get_history(obj, attr.key, passive=attributes.PASSIVE_NO_INITIALIZE)
        if not history.added:
            continue
        new = history.added[0]
        if history.deleted:
            old = history.deleted[0]
            if old == new:
                continue
            fields[attr.key] = [_wire(attr, old), _wire(attr, new)]
        else:
            fields[attr.key] = [None, _wire(attr, new)]
            missing_old.append(attr.key)
    if missing_old:
        # The attribute was expired before the edit, so its old value never reached memory: read it.
        mapper = inspect(obj).mapper
        cols = [mapper.columns[k] for k in missing_old]
        with session.no_autoflush:
            row = session.execute(select(*cols).where(mapper.columns["id"] == obj.id)).one_or_none()
        for key, old in zip(missing_old, row or [None] * len(cols), strict=True):
            if to_wire(old) == fields[key][1]:
                del fields[key]
            else:
                fields[key][0] = to_wire(old)
    return fields


def _entry(session: Session, obj: Synced, op: str, fields: dict, now) -> dict:
    return {
        "change_id": str(uuid.uuid4()),
        "device_id": device_id(session),
        "entity": obj.__tablename__,
        "entity_id": obj.id,
        "op": op,
        "fields_json": json.dumps(fields, ensure_ascii=False, separators=(",", ":")),
        "base_version": obj.server_version,
        "created_at": now,
    }


def insert_rows(session: Session, model: type[Synced], rows: list[dict[str, Any]]) -> list[str]:
    """New rows of one synced table written with one executemany, each journaled as a flush of the same ORM
    object would journal it (same defaults, same fields), in the same transaction: for imports of thousands of
    rows, where an ORM object per row cost several times the insert itself. Pending ORM work is flushed first,
    so the journal keeps the order in which rows were made. Returns the rows' ids."""
    if not rows:
        return []
    session.flush()
    attrs = list(inspect(model).column_attrs)
    given: set[str] = set().union(*rows)
    unknown = given - {attr.key for attr in attrs}
    if unknown:
        raise JournalError(f"{model.__tablename__} has no column {sorted(unknown)[0]}")
    defaults = {attr.key: attr.columns[0].default.arg for attr in attrs
                if attr.columns[0].default is not None and attr.columns[0].default.is_scalar}
    keys = given | set(defaults) | {"id", "created_at", "updated_at"}
    now = utcnow()
    full = []
    for row in rows:
        values = {key: row.get(key) for key in keys}
        for key, value in defaults.items():
            if values[key] is None:
                values[key] = value
        values["id"] = values["id"] or new_id()
        values["created_at"] = values["created_at"] or now
        values["updated_at"] = values["updated_at"] or values["created_at"]
        full.append(values)
    conn = session.connection()
    column_key = {attr.key: attr.columns[0].key for attr in attrs}
    conn.execute(insert(model.__table__), [{column_key[k]: v for k, v in values.items()} for values in full])
    if session.info.get("journal", True) and model.__journaled__:
        device, wirers = device_id(session), _wirers(inspect(model))
        conn.execute(insert(ChangeJournal), [{
            "change_id": str(uuid.uuid4()), "device_id": device, "entity": model.__tablename__,
            "entity_id": values["id"], "op": "insert",
            "fields_json": json.dumps(insert_fields(wirers, values), ensure_ascii=False, separators=(",", ":")),
            "base_version": None, "created_at": now} for values in full])
    return [values["id"] for values in full]


def _before_flush(session: Session, flush_context, instances) -> None:
    journaling = session.info.get("journal", True)
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise JournalError(f"{obj.__tablename__} rows are never deleted; set deleted=True (a tombstone)")
    now = utcnow()
    entries = []
    for obj in session.new:
        if not isinstance(obj, Synced):
            continue
        if obj.id is None:
            obj.id = new_id()
        if obj.created_at is None:
            obj.created_at = now
        if obj.updated_at is None:
            obj.updated_at = obj.created_at
        _apply_scalar_defaults(obj)
        if journaling and obj.__journaled__:
            entries.append(_entry(session, obj, "insert", _insert_fields(obj), now))
    for obj in session.dirty:
        if not isinstance(obj, Synced) or not session.is_modified(obj, include_collections=False):
            continue
        fields = _update_fields(session, obj)
        if not fields:
            continue
        if journaling:
            obj.updated_at = now
        if journaling and obj.__journaled__:
            op = "delete" if fields.get("deleted") == [False, True] else "update"
            entries.append(_entry(session, obj, op, fields, now))
    if any(e["entity"] in LOCAL_ONLY_ENTITIES for e in entries):
        entries = _without_local_only(session, entries)
    if entries:
        session.info.setdefault(_PENDING, []).extend(entries)


def _without_local_only(session: Session, entries: list[dict]) -> list[dict]:
    ids = [e["entity_id"] for e in entries if e["entity"] in LOCAL_ONLY_ENTITIES]
    with session.no_autoflush:
        local = {(entity, row_id) for entity, row_id in session.execute(
            select(LocalOnlyRow.entity, LocalOnlyRow.entity_id).where(LocalOnlyRow.entity.in_(LOCAL_ONLY_ENTITIES),
                                                                      LocalOnlyRow.entity_id.in_(ids)))}
    return [e for e in entries if (e["entity"], e["entity_id"]) not in local]


def keep_local(session: Session, entity: str, ids: list[str], reason: str = "demo") -> None:
    """Marks rows as never leaving this laptop (demo accounts: a server has its own `admin`, and two rows
    of one username would break every laptop's sync). What the journal holds of them is set aside."""
    if entity not in LOCAL_ONLY_ENTITIES:
        raise JournalError(f"{entity} rows always sync")
    session.flush()
    session.execute(insert(LocalOnlyRow), [{"entity": entity, "entity_id": i, "reason": reason} for i in ids])
    session.execute(update(ChangeJournal).where(ChangeJournal.entity == entity, ChangeJournal.entity_id.in_(ids),
                                                ChangeJournal.status == "pending").values(status="local"))


def _after_flush(session: Session, flush_context) -> None:
    # Written with one executemany on the flush's own connection: same transaction as the rows,
    # without an ORM object per entry.
    entries = session.info.pop(_PENDING, None)
    if entries:
        session.connection().execute(insert(ChangeJournal), entries)


def _forget_pending(session: Session, *args) -> None:
    session.info.pop(_PENDING, None)
    # A device id made in this transaction is gone with it; read it again next time.
    session.info.pop(DEVICE_KEY, None)


def _guard_bulk_statements(execute_state) -> None:
    """Core or ORM-bulk DML on a synced table would bypass the journal, so it is refused."""
    if not execute_state.session.info.get("journal", True):
        return
    statement = execute_state.statement
    table = getattr(statement, "table", None)
    name = table.name if table is not None else None
    if isinstance(statement, TextClause):
        match = _TEXT_DML.match(statement.text)
        name = match.group(1).lower() if match else None
    if name in synced_tables():
        raise JournalError(f"bulk statements on {name} bypass the change journal")


@functools.cache
def synced_tables() -> frozenset[str]:
    return frozenset(m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Synced))


def install(session_factory) -> None:
    """Attaches the journal to every session the factory makes."""
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "after_rollback", _forget_pending)
    event.listen(session_factory, "do_orm_execute", _guard_bulk_statements)
