"""Dossiers (hồ sơ) and the documents filed with them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.types import UTCDateTime


class Dossier(Synced, Base):
    __tablename__ = "dossiers"

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="new")  # new | renewal | upgrade
    status: Mapped[str] = mapped_column(String(24), default="draft", index=True)
    commune_code: Mapped[str] = mapped_column(String(10), index=True)
    criteria_set_id: Mapped[str | None] = mapped_column(ForeignKey("criteria_set_versions.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result_stars: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")


class DossierDocument(Synced, Base):
    __tablename__ = "dossier_documents"

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(48))
    title: Mapped[str] = mapped_column(String(300), default="")
    original_name: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    issuer: Mapped[str] = mapped_column(String(300), default="")
    issued_on: Mapped[date | None]
    valid_until: Mapped[date | None]
