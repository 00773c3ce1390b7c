"""Shared look-ups for services: rows by id (alive only) and the commune codes that exist."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import AdminUnit
from ocop_desktop.services.errors import NotFound, ServiceError

T = TypeVar("T")


def get_alive(session: Session, model: type[T], row_id: str) -> T:
    row = session.get(model, row_id) if isinstance(row_id, str) else None
    if row is None or row.deleted:
        raise NotFound(model.__tablename__, str(row_id))
    return row


def check_commune(session: Session, code: str) -> str:
    codes = session.info.get("commune_codes")
    if codes is None:
        codes = frozenset(session.scalars(select(AdminUnit.code).where(AdminUnit.level == "commune")))
        session.info["commune_codes"] = codes
    if code not in codes:
        raise ServiceError("unknown_commune", "commune_code", code=str(code)[:20])
    return code
