"""Producers (chủ thể) and their products (their production lots are in lots.py)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced

PRODUCER_KINDS = ("cooperative", "enterprise", "cooperative_group", "household")
# Where a producer's position came from: picked on the map, typed (from a GPS device or a phone), a photo's
# EXIF GPS, or the commune's centroid as a first guess.
LOCATION_SOURCES = ("map", "typed", "photo", "commune_centroid")


class Producer(Synced, Base):
    __tablename__ = "producers"

    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    registration_no: Mapped[str] = mapped_column(String(64), default="")
    tax_code: Mapped[str] = mapped_column(String(32), default="")
    commune_code: Mapped[str] = mapped_column(String(10), index=True)
    legacy_commune_code: Mapped[str | None] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(String(500), default="")
    representative: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    location_accuracy_m: Mapped[float | None]  # radius in metres; None when not known
    location_source: Mapped[str | None] = mapped_column(String(16))  # LOCATION_SOURCES


class Product(Synced, Base):
    __tablename__ = "products"

    producer_id: Mapped[str] = mapped_column(ForeignKey("producers.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    subgroup_code: Mapped[str] = mapped_column(String(32))  # phân nhóm, from the criteria set
    commune_code: Mapped[str] = mapped_column(String(10), index=True)
    external_code: Mapped[str] = mapped_column(String(64), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    gtin: Mapped[str] = mapped_column(String(14), default="")  # GTIN-14 when the producer has one, else ""
    # The /p/{code} of its public address (ocop_core.traceability.public_code): made once, never changed.
    public_code: Mapped[str | None] = mapped_column(String(16), index=True, unique=True)

