"""Score sheets (phiếu chấm) and their lines; a submitted sheet is never edited, only superseded."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.types import DecimalText, UTCDateTime

SHEET_STATUSES = ("draft", "submitted", "superseded")


class ScoreSheet(Synced, Base):
    __tablename__ = "score_sheets"

    session_id: Mapped[str | None] = mapped_column(ForeignKey("evaluation_sessions.id"), index=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("council_members.id"), index=True)
    criteria_set_id: Mapped[str] = mapped_column(ForeignKey("criteria_set_versions.id"))
    criteria_hash: Mapped[str] = mapped_column(String(64))
    product_set_code: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    device_id: Mapped[str] = mapped_column(String(36))
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("score_sheets.id"))
    total: Mapped[Decimal | None] = mapped_column(DecimalText)
    stars: Mapped[int | None]


class ScoreLine(Synced, Base):
    __tablename__ = "score_lines"
    __table_args__ = (UniqueConstraint("sheet_id", "criterion_code", "subitem_code"),)

    sheet_id: Mapped[str] = mapped_column(ForeignKey("score_sheets.id"), index=True)
    criterion_code: Mapped[str] = mapped_column(String(64))
    subitem_code: Mapped[str] = mapped_column(String(64), default="")  # "" for a plain criterion
    option_code: Mapped[str] = mapped_column(String(64))
    points: Mapped[Decimal] = mapped_column(DecimalText)  # snapshot, so history survives a content change
    comment: Mapped[str] = mapped_column(Text, default="")
