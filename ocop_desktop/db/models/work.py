"""Users (a local cache of the server's), devices, and tasks assigned to people."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced

ROLES = ("admin", "secretary", "chair", "member", "commune_officer", "viewer")


class User(Synced, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(24))
    commune_code: Mapped[str | None] = mapped_column(String(10))


class Device(Synced, Base):
    __tablename__ = "devices"

    name: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(64), default="")


class Task(Synced, Base):
    __tablename__ = "tasks"

    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"))
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="open")
    notes: Mapped[str] = mapped_column(Text, default="")
    producer_id: Mapped[str | None] = mapped_column(ForeignKey("producers.id"))
    # JSON list of status changes, each with its comment (ocop_core.rules.tasks); appended, never rewritten.
    comments_json: Mapped[str] = mapped_column(Text, default="[]")
