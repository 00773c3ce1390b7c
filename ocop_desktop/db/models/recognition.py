"""Recognition decisions of the People's Committee, kept apart from the council's recommendation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced


class Recognition(Synced, Base):
    __tablename__ = "recognitions"

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"))
    stars: Mapped[int]
    issuing_body: Mapped[str] = mapped_column(String(300))
    decision_no: Mapped[str] = mapped_column(String(64))
    decision_date: Mapped[date]
    valid_until: Mapped[date] = mapped_column(index=True)
    notice_date: Mapped[date]
    revoked_on: Mapped[date | None]
    revocation_reason: Mapped[str] = mapped_column(Text, default="")
