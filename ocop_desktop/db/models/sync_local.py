"""Rows sync keeps to this laptop: pulled rows it cannot store (quarantined), and rows that never leave it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base
from ocop_desktop.db.types import UTCDateTime


class QuarantinedRow(Base):
    """A pulled row this laptop's tables would refuse (a missing value, a username a local account holds):
    kept here with the reason instead of stopping every sync, counted as received by the consistency
    check, and applied once a later version of it can be stored."""

    __tablename__ = "quarantined_rows"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int]
    deleted: Mapped[bool]
    data_json: Mapped[str] = mapped_column(Text)  # the row's fields, as pulled
    reason: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LocalOnlyRow(Base):
    """A row that never leaves this laptop (a demo account): its changes are never sent, and a link to it
    is left out of what is sent, since no server knows the row."""

    __tablename__ = "local_only_rows"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reason: Mapped[str] = mapped_column(String(32))  # demo
