"""Sync bookkeeping kept on the laptop: conflicts to resolve, credentials for offline login, sync runs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.types import UTCDateTime


class Conflict(Synced, Base):
    """Two different values for one field, both kept until a person chooses (made by the server)."""

    __tablename__ = "conflicts"

    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    server_value: Mapped[str] = mapped_column(Text)  # JSON
    device_value: Mapped[str] = mapped_column(Text)  # JSON
    device_id: Mapped[str] = mapped_column(String(36), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    resolution: Mapped[str | None] = mapped_column(Text)  # JSON of the chosen value


class Credential(Base):
    """A user who logged in here once: an Argon2 verifier for offline login and the last device token."""

    __tablename__ = "credentials"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(24))
    verifier: Mapped[str] = mapped_column(Text)
    token: Mapped[str | None] = mapped_column(Text)
    server_url: Mapped[str] = mapped_column(String(500), default="")
    last_online_login: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SyncRun(Base):
    """One sync attempt, for the history the sync screen shows."""

    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(16), default="running")  # ok | failed | cancelled
    pushed: Mapped[int] = mapped_column(default=0)
    pulled: Mapped[int] = mapped_column(default=0)
    conflicts: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    detail: Mapped[str] = mapped_column(Text, default="")
