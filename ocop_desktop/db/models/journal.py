"""The change journal (outbox), local settings, and the search index's row map."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.db.base import Base
from ocop_desktop.db.types import UTCDateTime


class ChangeJournal(Base):
    """One local change of one row; ``seq`` is this device's sequence number, never reused."""

    __tablename__ = "change_journal"
    # AUTOINCREMENT: a sequence number is never handed out twice, even after rows are pruned.
    __table_args__ = (Index("ix_change_journal_unsent", "sent_at", "seq"), {"sqlite_autoincrement": True})

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    device_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete
    fields_json: Mapped[str] = mapped_column(Text)  # {"field": [old, new], ...}
    base_version: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    server_seq: Mapped[int | None]
    # pending -> sent (a server receipt), or quarantined (refused for good; kept, shown, never retried);
    # local: a change of a row that never leaves this laptop (a demo account), never sent
    status: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    reason: Mapped[str | None] = mapped_column(Text)


class LocalMeta(Base):
    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DataVersion(Base):
    """A counter that triggers move on every write to a group of tables, whoever writes (a service, a
    sync, raw SQL): a copy of what was read from them is current exactly while the counter is unchanged.
    ``epoch`` is random per database file, so a copy is never taken for another file's state."""

    __tablename__ = "data_versions"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    counter: Mapped[int]
    epoch: Mapped[str] = mapped_column(String(32))


class SearchDoc(Base):
    """Maps an FTS5 rowid to the row it indexes, so a reindex deletes by rowid instead of scanning."""

    __tablename__ = "search_docs"
    __table_args__ = (UniqueConstraint("kind", "ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[str] = mapped_column(String(36))
