"""Criteria-set versions, stored as their canonical JSON with its hash: immutable once published."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.types import UTCDateTime


class CriteriaSetVersion(Synced, Base):
    __tablename__ = "criteria_set_versions"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16))
    effective_from: Mapped[date | None]
    effective_to: Mapped[date | None]
    supersedes_id: Mapped[str | None] = mapped_column(String(36))
    content_hash: Mapped[str] = mapped_column(String(64))
    canonical_json: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
