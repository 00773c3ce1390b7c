"""Writing pulled rows: each checked against the entity's rules first, and a row this laptop cannot store
quarantined with the reason instead of stopping the sync.

Pulled rows are written with the journal off (they are the server's changes, not ours) and never over a
field that still has a local change the server has not acknowledged. A row the rules refuse, or that the
tables refuse anyway (a username a local account holds), goes to quarantined_rows; everything else of the
page is stored. A quarantined row is tried again after each pull, and dropped once a version of it is stored.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, exists, insert, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES, Entity
from ocop_core.protocol import Row
from ocop_core.row_rules import check_new_row, check_values
from ocop_desktop.db import search
from ocop_desktop.db.base import Synced
from ocop_desktop.db.models import LocalOnlyRow, QuarantinedRow
from ocop_desktop.db.sync_store import from_wire, models, protected_fields
from ocop_desktop.db.types import utcnow

_SEARCHABLE = {"producers": "producer", "products": "product", "dossiers": "dossier"}
_CHUNK = 500  # ids per IN (...): SQLite's limit on bound parameters


@dataclass
class _Item:
    row: Any  # a pulled Row
    obj: Synced | None  # the local row, if there is one
    values: dict[str, Any]  # column values to write (protected fields left out)


def apply_rows(session: Session, rows: Iterable, touched: dict[str, set[str]] | None = None) -> int:
    """Writes pulled rows (journal must be off in this session); returns how many rows changed in a value
    (new rows included), and adds each one's id under its entity to ``touched`` when given."""
    by_entity: dict[str, list] = {}
    for row in rows:
        by_entity.setdefault(row.entity, []).append(row)
    changed = 0
    stored: dict[str, list[str]] = {}
    for entity, items in by_entity.items():
        model, spec = models().get(entity), ENTITIES.get(entity)
        if model is None or spec is None:
            for row in items:
                quarantine(session, row, f"unknown_entity: this app has no {entity[:64]!r} table (update the app)")
            continue
        for row_id, differs in _store_all(session, model, _plan(session, model, spec, items)):
            stored.setdefault(entity, []).append(row_id)
            if differs:
                changed += 1
                if touched is not None:
                    touched.setdefault(entity, set()).add(row_id)
    if stored and session.scalar(select(exists().select_from(QuarantinedRow))):
        _forget_quarantined(session, stored)
    return changed


def _plan(session: Session, model: type[Synced], spec: Entity, items: list) -> list[_Item]:
    ids = [r.id for r in items]
    protected: dict[str, set[str]] = {}
    existing: dict[str, Synced] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        protected.update(protected_fields(session, spec.name, chunk))
        existing.update({o.id: o for o in session.scalars(select(model).where(model.id.in_(chunk)))})
    plan = []
    for row in items:
        obj = existing.get(row.id)
        if obj is not None and obj.server_version == row.version and not protected.get(row.id):
            continue  # already this version: our own change coming back
        # A row this laptop does not hold has no local value to protect: it may have been dropped when it left
        # the scope, its unsent edits quarantined, and now comes back whole.
        keep = protected.get(row.id, set()) if obj is not None else set()
        wire = {k: v for k, v in row.data.items() if k in spec.fields and k not in keep and k != "id"}
        problem = check_values(spec, wire) if obj is not None else check_new_row(spec, {**wire, "id": row.id})
        if problem:
            quarantine(session, row, f"invalid: {problem}")
            continue
        plan.append(_Item(row, obj, {k: from_wire(spec.fields[k], v) for k, v in wire.items()}))
    return plan


def _store_all(session: Session, model: type[Synced], plan: list[_Item]) -> list[tuple[str, bool]]:
    """Stores the planned rows in one go; if the tables refuse one, row by row, quarantining the refused."""
    try:
        with session.begin_nested():
            return _store(session, model, plan)
    except (StatementError, OverflowError):
        pass  # one of them: find it below
    stored = []
    for item in plan:
        try:
            with session.begin_nested():
                stored += _store(session, model, [item])
        except (StatementError, OverflowError) as exc:
            quarantine(session, item.row, _why_refused(session, model, item, exc))
    return stored


def _why_refused(session: Session, model: type[Synced], item: _Item, exc: Exception) -> str:
    """The reason a person can act on: which local row holds the same unique value, if that was it."""
    spec = ENTITIES[model.__tablename__]
    values = {**({} if item.obj is None else {k: getattr(item.obj, k) for k in spec.fields}), **item.values}
    for unique in spec.unique:
        taken = [getattr(model, name) == values.get(name) for name in unique.fields]
        holder = session.scalar(select(model.id).where(*taken, model.id != item.row.id))
        if holder is not None:
            shown = ", ".join(f"{name} {values.get(name)!r}" for name in unique.fields)
            local = session.get(LocalOnlyRow, (spec.name, holder)) is not None
            return (f"duplicate: {shown} belongs to another row on this laptop ({holder}"
                    f"{', a demo account' if local else ''})")
    cause = getattr(exc, "orig", None) or exc
    return f"not_storable: {type(cause).__name__}: {cause}"


def _store(session: Session, model: type[Synced], plan: list[_Item]) -> list[tuple[str, bool]]:
    """(id, whether a value changed) of each row stored; flushes, so a refusal is raised here."""
    stored, new_rows = [], []
    defaults = _defaults(model)  # every column on every row: executemany takes its columns from the first row
    for item in plan:
        if item.obj is None:
            new_rows.append({**defaults, **item.values, "id": item.row.id, "server_version": item.row.version})
            stored.append((item.row.id, True))
            continue
        differs = False
        for key, value in item.values.items():
            if getattr(item.obj, key) != value:
                setattr(item.obj, key, value)
                differs = True
        if item.obj.server_version is None or item.obj.server_version < item.row.version:
            item.obj.server_version = item.row.version
        # This laptop's own change coming back (or a version bump alone) changes nothing anyone sees.
        stored.append((item.row.id, differs))
    if new_rows:
        # One executemany for the rows new to this laptop (a first sync brings 100,000 of them); the
        # search index, which the ORM hook would have kept, is updated for them here.
        session.execute(insert(model.__table__), new_rows)
        if model.__tablename__ in _SEARCHABLE:
            search.reindex(session.connection(), _SEARCHABLE[model.__tablename__], [r["id"] for r in new_rows])
    session.flush()
    return stored


@functools.cache
def _defaults(model: type[Synced]) -> dict[str, Any]:
    """A value for every column (its scalar default, else None), for fields the server never had."""
    result = {}
    for column in model.__table__.columns:
        has_default = column.default is not None and column.default.is_scalar
        result[column.name] = column.default.arg if has_default else None
    return result


def quarantine(session: Session, row, reason: str) -> None:
    held = session.get(QuarantinedRow, (row.entity[:64], row.id))
    if held is None:
        held = QuarantinedRow(entity=row.entity[:64], entity_id=row.id)
        session.add(held)
    held.version, held.deleted, held.reason, held.received_at = row.version, row.deleted, reason[:2000], utcnow()
    held.data_json = json.dumps(row.data, ensure_ascii=False)


def _forget_quarantined(session: Session, stored: dict[str, list[str]]) -> None:
    for entity, ids in stored.items():
        for start in range(0, len(ids), _CHUNK):
            session.execute(delete(QuarantinedRow).where(QuarantinedRow.entity == entity,
                                                         QuarantinedRow.entity_id.in_(ids[start:start + _CHUNK])))


def retry_quarantined(session: Session, touched: dict[str, set[str]] | None = None) -> int:
    """Tries the quarantined rows again (a local account renamed, the app updated); returns how many were
    stored. One that a newer pulled version has overtaken is dropped."""
    held = list(session.scalars(select(QuarantinedRow)))
    if not held:
        return 0
    rows = []
    for q in held:
        model = models().get(q.entity)
        local = session.get(model, q.entity_id) if model is not None else None
        if local is not None and (local.server_version or 0) >= q.version:
            session.delete(q)
            continue
        rows.append(Row(entity=q.entity, id=q.entity_id, version=q.version, deleted=q.deleted,
                        data=json.loads(q.data_json)))
    return apply_rows(session, rows, touched)
