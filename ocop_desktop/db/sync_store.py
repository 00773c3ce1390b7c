"""The database side of sync: unsent journal entries, receipts, applying pulled rows, local digests.

Pulled rows are written with the journal off (they are the server's changes, not ours) and never
over a field that still has a local change the server has not acknowledged.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES
from ocop_desktop.db import search
from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.models import ChangeJournal, DossierDocument, LocalMeta
from ocop_desktop.db.types import utcnow

CURSOR_KEY = "sync_cursor"
UNACKNOWLEDGED = ("pending", "quarantined")


def models() -> dict[str, type[Synced]]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if issubclass(m.class_, Synced) and m.class_.__tablename__ in ENTITIES}


def get_meta(session: Session, key: str, default: str | None = None) -> str | None:
    value = session.scalar(select(LocalMeta.value).where(LocalMeta.key == key))
    return default if value is None else value


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(LocalMeta, key)
    if row is None:
        session.add(LocalMeta(key=key, value=value))
    else:
        row.value = value


@contextmanager
def pull_session(db) -> Iterator[Session]:
    """A session for applying pulled rows: journal off, and foreign keys off, because the server's order
    is by sequence, not by dependency, and a child may arrive a page before its parent."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")  # before BEGIN: SQLite ignores it inside a transaction
        session = db.session_factory(bind=conn)
        session.info["journal"] = False
        try:
            yield session
        finally:
            session.close()
            raw.execute("PRAGMA foreign_keys = ON")


def document_hashes(session: Session) -> set[str]:
    """The files the live documents refer to."""
    return set(session.scalars(select(DossierDocument.sha256).where(DossierDocument.deleted.is_(False))))


def cursor(session: Session) -> int:
    return int(get_meta(session, CURSOR_KEY, "0"))


def pending(session: Session, limit: int, exclude: set[int] | None = None) -> list[ChangeJournal]:
    query = select(ChangeJournal).where(ChangeJournal.status == "pending")
    if exclude:
        query = query.where(ChangeJournal.seq.not_in(sorted(exclude)))
    return list(session.scalars(query.order_by(ChangeJournal.seq).limit(limit)))


def last_receipt(session: Session) -> int:
    """The newest journal entry the server has answered for (sent or refused)."""
    return session.scalar(select(func.max(ChangeJournal.seq)).where(ChangeJournal.status != "pending")) or 0


def count_unsent(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ChangeJournal).where(ChangeJournal.status == "pending"))


def acknowledge(session: Session, entry: ChangeJournal, server_seq: int | None) -> None:
    """Records the receipt only. The row's server_version is left alone: the server's row at that
    version may hold other devices' fields too, and the next pull brings it whole."""
    entry.status, entry.sent_at, entry.server_seq = "sent", utcnow(), server_seq


def take_server_values(session: Session, entry: ChangeJournal, values: dict[str, Any]) -> None:
    """After a conflict the server kept its value (ours is in the conflict row): show the server's,
    unless a later local change to that field is still waiting."""
    model = models().get(entry.entity)
    spec = ENTITIES.get(entry.entity)
    if model is None or spec is None:
        return
    keep = _protected(session, entry.entity, [entry.entity_id]).get(entry.entity_id, set())
    changes = {k: from_wire(spec.fields[k], v) for k, v in values.items() if k in spec.fields and k not in keep}
    if changes:
        session.execute(update(model).where(model.id == entry.entity_id).values(**changes))


def quarantine(session: Session, entry: ChangeJournal, reason: str) -> None:
    entry.status, entry.reason = "quarantined", reason[:2000]


def _protected(session: Session, entity: str, ids: Sequence[str]) -> dict[str, set[str]]:
    """Fields of these rows that carry a local change the server has not taken."""
    protected: dict[str, set[str]] = {}
    rows = session.execute(select(ChangeJournal.entity_id, ChangeJournal.fields_json).where(
        ChangeJournal.entity == entity, ChangeJournal.entity_id.in_(ids), ChangeJournal.status.in_(UNACKNOWLEDGED)))
    for entity_id, fields_json in rows:
        protected.setdefault(entity_id, set()).update(json.loads(fields_json))
    return protected


def from_wire(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value)
    if kind == "decimal":
        return Decimal(value)
    return value


def apply_rows(session: Session, rows: Iterable, touched: dict[str, set[str]] | None = None) -> int:
    """Writes pulled rows (journal must be off in this session); returns how many rows changed in a value
    (new rows included), and adds each one's id under its entity to ``touched`` when given."""
    by_entity: dict[str, list] = {}
    for row in rows:
        by_entity.setdefault(row.entity, []).append(row)
    changed = 0
    table_models = models()
    for entity, items in by_entity.items():
        model = table_models.get(entity)
        spec = ENTITIES.get(entity)
        if model is None or spec is None:
            continue
        ids = [r.id for r in items]
        protected = {}
        for start in range(0, len(ids), 500):
            protected.update(_protected(session, entity, ids[start:start + 500]))
        existing = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            existing.update({o.id: o for o in session.scalars(select(model).where(model.id.in_(chunk)))})
        new_rows = []
        # Every row carries every column: executemany takes its columns from the first row, and the
        # server's data has only the fields that were ever set.
        defaults = _defaults(model)
        for row in items:
            obj = existing.get(row.id)
            if obj is not None and obj.server_version == row.version and not protected.get(row.id):
                continue  # already this version: our own change coming back
            keep = protected.get(row.id, set())
            values = {k: from_wire(spec.fields[k], v) for k, v in row.data.items()
                      if k in spec.fields and k not in keep}
            if obj is None:
                new_rows.append({**defaults, **values, "id": row.id, "server_version": row.version})
                differs = True
            else:
                differs = False
                for key, value in values.items():
                    if getattr(obj, key) != value:
                        setattr(obj, key, value)
                        differs = True
                if obj.server_version is None or obj.server_version < row.version:
                    obj.server_version = row.version
            # This laptop's own change coming back (or a version bump alone) changes nothing anyone sees.
            if differs:
                changed += 1
                if touched is not None:
                    touched.setdefault(entity, set()).add(row.id)
        if new_rows:
            # Rows new to this laptop go in with one executemany (a first sync brings 100,000 of them);
            # the search index, which the ORM hook would have kept, is updated for them here.
            session.execute(insert(model.__table__), new_rows)
            if entity in _SEARCHABLE:
                search.reindex(session.connection(), _SEARCHABLE[entity], [r["id"] for r in new_rows])
    return changed


_SEARCHABLE = {"producers": "producer", "products": "product", "dossiers": "dossier"}


@functools.cache
def _defaults(model: type[Synced]) -> dict[str, Any]:
    """A value for every column (its scalar default, else None), for fields the server never had."""
    result = {}
    for column in model.__table__.columns:
        has_default = column.default is not None and column.default.is_scalar
        result[column.name] = column.default.arg if has_default else None
    return result


def local_lines(session: Session) -> dict[str, list[str]]:
    """Per entity, "id:version" of every row the server has acknowledged, for the consistency check."""
    lines: dict[str, list[str]] = {}
    for entity, model in models().items():
        rows = session.execute(select(model.id, model.server_version).where(model.server_version.is_not(None)))
        found = [f"{i}:{v}" for i, v in rows]
        if found:
            lines[entity] = found
    return lines
