"""Declarative base, constraint naming, and the columns every synced row carries."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ocop_desktop.db.types import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """A row that travels between devices: born with a UUID, never hard-deleted, journaled on change."""

    __journaled__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(default=False)
    # Global sequence of the last server change applied to this row; the base of the next edit.
    server_version: Mapped[int | None] = mapped_column(default=None)


# Columns the journal leaves out of updates: bookkeeping that changes on every write would turn every
# concurrent edit into a conflict.
UNJOURNALED_ON_UPDATE = frozenset({"updated_at", "server_version"})
