"""Small read helpers the services share, kept here so SQL stays in the db layer."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key


@functools.cache
def _columns_query(model: type, columns: tuple[str, ...]):
    table = model.__table__
    return select(*(table.c[name] for name in columns), table.c.deleted).where(table.c.id == bindparam("id"))


def alive_columns(session: Session, model: type, row_id: Any, columns: tuple[str, ...]) -> dict[str, Any] | None:
    """A live row's chosen columns without loading an ORM object (a parent checked for every child of a
    batch costs one Core lookup); None for a missing or tombstoned row. Rows the session holds in
    memory, pending ones included, are read from memory."""
    if not isinstance(row_id, str):
        return None
    obj = session.identity_map.get(identity_key(model, row_id))
    if obj is None:
        row = session.connection().execute(_columns_query(model, columns), {"id": row_id}).first()
        if row is not None:
            return None if row[-1] else dict(zip(columns, row[:-1], strict=True))
        obj = next((o for o in session.new if isinstance(o, model) and o.id == row_id), None)
        if obj is None:
            return None
        # The unit of work orders inserts by relationship(), and these models declare plain foreign
        # keys: writing the pending parent now keeps it ahead of the child about to point to it.
        session.flush()
    return None if obj.deleted else {name: getattr(obj, name) for name in columns}


_IN_CHUNK = 500  # values bound in one IN (...): well under SQLite's limit of variables


def _in_chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start:start + _IN_CHUNK]


def present_values(session: Session, column: Any, values: Sequence[Any]) -> set[Any]:
    """Which of ``values`` some row already holds in ``column``: one query per 500, for a whole batch."""
    found: set[Any] = set()
    for chunk in _in_chunks(values):
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def live_column_by_id(session: Session, model: type, ids: Iterable[Any], column: str) -> dict[str, Any]:
    """``column`` of each live row among ``ids`` (ids that are not text, missing or tombstoned are left out)."""
    table = model.__table__
    wanted = [i for i in dict.fromkeys(ids) if isinstance(i, str)]
    found: dict[str, Any] = {}
    for chunk in _in_chunks(wanted):
        rows = session.execute(select(table.c.id, table.c[column]).where(table.c.id.in_(chunk),
                                                                         table.c.deleted.is_(False)))
        found.update((row_id, value) for row_id, value in rows)
    return found
