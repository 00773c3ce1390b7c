"""The log's tables. Its size lives in the ``counters`` row "translog", whose row lock also orders appends."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_server.models import Base

SIZE_COUNTER = "translog"


class LogEntry(Base):
    __tablename__ = "translog_entries"
    __table_args__ = (Index("ix_translog_entries_row", "entity", "entity_id"),)

    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    body: Mapped[bytes] = mapped_column(LargeBinary)  # canonical JSON: the leaf is SHA-256(0x00 ‖ body)
    logged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LogNode(Base):
    """The hash of one perfect subtree (level 0: a leaf's hash)."""

    __tablename__ = "translog_nodes"

    level: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary)


class LogCheckpoint(Base):
    __tablename__ = "translog_checkpoints"

    size: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    note: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
