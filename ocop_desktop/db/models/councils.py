"""Councils, their members, evaluation sessions and the council's result per dossier."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.types import DecimalText, UTCDateTime

MEMBER_ROLES = ("chair", "vice_chair", "secretary", "member")


class Council(Synced, Base):
    __tablename__ = "councils"

    name: Mapped[str] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(16), default="province")
    admin_unit_code: Mapped[str] = mapped_column(String(10))
    decision_no: Mapped[str] = mapped_column(String(64), default="")
    decision_date: Mapped[date | None]
    criteria_set_id: Mapped[str | None] = mapped_column(ForeignKey("criteria_set_versions.id"))
    rules_json: Mapped[str] = mapped_column(Text, default="{}")  # overrides of the set's aggregation rules


class CouncilMember(Synced, Base):
    __tablename__ = "council_members"

    council_id: Mapped[str] = mapped_column(ForeignKey("councils.id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="member")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    scores: Mapped[bool] = mapped_column(default=True)


class EvaluationSession(Synced, Base):
    __tablename__ = "evaluation_sessions"

    council_id: Mapped[str] = mapped_column(ForeignKey("councils.id"), index=True)
    held_on: Mapped[date | None]
    round: Mapped[int] = mapped_column(default=1)
    criteria_set_id: Mapped[str] = mapped_column(ForeignKey("criteria_set_versions.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")


class CouncilResult(Synced, Base):
    __tablename__ = "council_results"

    session_id: Mapped[str] = mapped_column(ForeignKey("evaluation_sessions.id"), index=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    n_sheets: Mapped[int]
    member_totals_json: Mapped[str] = mapped_column(Text)
    mean_total: Mapped[Decimal | None] = mapped_column(DecimalText)
    spread: Mapped[Decimal | None] = mapped_column(DecimalText)
    spread_exceeded: Mapped[bool] = mapped_column(default=False)
    quorum_met: Mapped[bool] = mapped_column(default=True)
    failures_json: Mapped[str] = mapped_column(Text, default="[]")
    flags_json: Mapped[str] = mapped_column(Text, default="[]")
    band_stars: Mapped[int] = mapped_column(default=0)
    final_stars: Mapped[int] = mapped_column(default=0)
    recommendation: Mapped[str] = mapped_column(String(32))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The user who approved (a user id, not a foreign key: a laptop holds only its own user's row).
    approved_by: Mapped[str | None] = mapped_column(String(36))


class CouncilAssignment(Synced, Base):
    """A dossier put before a council: what makes it visible to that council's members."""

    __tablename__ = "council_assignments"

    council_id: Mapped[str] = mapped_column(ForeignKey("councils.id"), index=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
