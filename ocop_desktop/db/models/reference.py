"""Administrative units (2025 two-level) and the legacy units that became them: reference data, not synced."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base


class AdminUnit(Base):
    __tablename__ = "admin_units"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    level: Mapped[str] = mapped_column(String(16))  # province | commune
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(200))
    division_type: Mapped[str] = mapped_column(String(32))
    parent_code: Mapped[str | None] = mapped_column(String(10), index=True)
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    area_km2: Mapped[float | None]


class LegacyUnit(Base):
    """A pre-July-2025 commune and the 2025 unit(s) it went into; a split commune has several rows."""

    __tablename__ = "legacy_units"

    legacy_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("admin_units.code"), primary_key=True)
    legacy_name: Mapped[str] = mapped_column(String(200))
    district_code: Mapped[str] = mapped_column(String(10))
    district_name: Mapped[str] = mapped_column(String(200))
