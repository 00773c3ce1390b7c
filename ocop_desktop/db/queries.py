"""Small read helpers the services share, kept here so SQL stays in the db layer."""

from __future__ import annotations

import functools
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
