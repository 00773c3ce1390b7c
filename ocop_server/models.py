"""The server's tables: accounts and tokens, rows stored generically per entity with their unique keys, the
change log, files, and the server's epochs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(24))
    commune_codes: Mapped[str] = mapped_column(Text, default="[]")  # JSON list, for commune officers
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Token(Base):
    """A device's login: only the SHA-256 of the token is kept, so a leaked table grants nothing."""

    __tablename__ = "tokens"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    device_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Counter(Base):
    """The global sequence. Its one row is locked by every writing transaction, so sequence numbers
    become visible in order and a pull cursor never skips a change committed late."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Record(Base):
    __tablename__ = "records"
    __table_args__ = (Index("ix_records_version", "version"),)

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[str] = mapped_column(Text)  # JSON: every field's current value
    field_seq: Mapped[str] = mapped_column(Text, default="{}")  # JSON: field -> seq of its last change
    version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class RecordScope(Base):
    """Who may see a row: keys such as commune:18073, council:<id>, user:<id>, public."""

    __tablename__ = "record_scopes"
    __table_args__ = (Index("ix_record_scopes_key", "key", "entity", "id"),)

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)


class RecordLink(Base):
    """A row's parents (from the entity's foreign-key fields), to find children without scanning JSON."""

    __tablename__ = "record_links"
    __table_args__ = (Index("ix_record_links_parent", "parent_entity", "parent_id"),)

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    parent_entity: Mapped[str] = mapped_column(String(64))
    parent_id: Mapped[str] = mapped_column(String(36))


class ChangeLog(Base):
    """Every change a device sent, with the answer given: a replay gets the same answer."""

    __tablename__ = "change_log"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int | None] = mapped_column(BigInteger, index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    payload_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(Text)  # the ChangeResult as JSON
    payload: Mapped[str] = mapped_column(Text)  # kept for forensics, refused changes included
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Blob(Base):
    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

class FileUpload(Base):
    """One device's upload of a file: its progress, then, complete, the proof that this user's device holds
    those bytes (ocop_server/possession.py). Two devices sending one file each have their own."""

    __tablename__ = "file_uploads"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))



class Meta(Base):
    __tablename__ = "server_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RecordKey(Base):
    """A unique value of a row (a username, a criteria code, a sheet's answer slot): the primary key makes
    two rows holding one value impossible, since a laptop's unique index would refuse the second."""

    __tablename__ = "record_keys"
    __table_args__ = (Index("ix_record_keys_row", "entity", "id"),)

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(800), primary_key=True)  # unique_keys(): folded, joined by \x1f
    id: Mapped[str] = mapped_column(String(36))


class Epoch(Base):
    """One run of the server: a new one at every start, beginning at the sequence the database held then.
    A cursor given in an earlier epoch is good up to where that epoch ended; beyond it the laptop saw
    changes this database no longer has (it was restored from a backup, or lost commits in a crash)."""

    __tablename__ = "epochs"

    n: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                   autoincrement=True)
    epoch: Mapped[str] = mapped_column(String(32), unique=True)
    started_seq: Mapped[int] = mapped_column(BigInteger)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditLog(Base):
    """Account and role changes (ocop_server.audit): kept for good, read by admins at /admin/audit."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor_id: Mapped[str | None] = mapped_column(String(36))
    actor: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    username: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON
