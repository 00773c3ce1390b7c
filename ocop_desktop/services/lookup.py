"""Shared look-ups for services: rows by id (alive only) and the commune codes that exist."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.models import AdminUnit
from ocop_desktop.db.queries import alive_columns
from ocop_desktop.services.errors import NotFound, ServiceError

T = TypeVar("T", bound=Synced)


def table_name(model: type) -> str:
    """A mapped class's table, for the errors that name it."""
    assert issubclass(model, Base)  # every model is declared on Base; the check lets mypy see its table
    name: str = model.__tablename__
    return name


def get_alive(session: Session, model: type[T], row_id: str) -> T:
    # No autoflush: a batch of creates stays pending and is written in one executemany at commit.
    with session.no_autoflush:
        row = session.get(model, row_id) if isinstance(row_id, str) else None
    if row is None and alive_columns(session, model, row_id, ()) is not None:
        # Pending (created in this unit of work): alive_columns has just flushed it, so it is loaded now.
        row = session.get(model, row_id)
    if row is None or row.deleted:
        raise NotFound(table_name(model), str(row_id))
    return row


def get_columns(session: Session, model: type, row_id: str, *columns: str) -> dict[str, Any]:
    """A live parent's columns, for a child that only needs to point to it."""
    row = alive_columns(session, model, row_id, columns)
    if row is None:
        raise NotFound(table_name(model), str(row_id))
    return row


def check_commune(session: Session, code: str) -> str:
    codes = session.info.get("commune_codes")
    if codes is None:
        with session.no_autoflush:
            codes = frozenset(session.scalars(select(AdminUnit.code).where(AdminUnit.level == "commune")))
        session.info["commune_codes"] = codes
    if not isinstance(code, str) or code not in codes:
        raise ServiceError("unknown_commune", "commune_code", code=str(code)[:20])
    return code
