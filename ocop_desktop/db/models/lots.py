"""Production lots of a recognised product, and the photos taken of them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.types import DecimalText, UTCDateTime

# "expiry": hạn sử dụng, unsafe after it; "best_before": sử dụng tốt nhất trước, quality only.
EXPIRY_KINDS = ("expiry", "best_before")


class ProductionLot(Synced, Base):
    __tablename__ = "production_lots"
    # A lot code names one lot of its product for good: a label already printed with it must not come to
    # mean another lot, so a withdrawn or deleted lot keeps its code.
    __table_args__ = (Index("ix_production_lots_product_id_lot_code", "product_id", "lot_code", unique=True),)

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    lot_code: Mapped[str] = mapped_column(String(64))
    produced_on: Mapped[date | None]
    quantity: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    expires_on: Mapped[date | None]
    expiry_kind: Mapped[str] = mapped_column(String(16), default="expiry")  # EXPIRY_KINDS
    origin: Mapped[str] = mapped_column(String(500), default="")  # where the raw material came from
    withdrawn_on: Mapped[date | None]
    withdrawal_reason: Mapped[str] = mapped_column(Text, default="")
    label_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LotPhoto(Synced, Base):
    """A photo of a lot, stored by content like a dossier's document (the blob store, synced by hash)."""

    __tablename__ = "lot_photos"

    lot_id: Mapped[str] = mapped_column(ForeignKey("production_lots.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    original_name: Mapped[str] = mapped_column(String(255), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
