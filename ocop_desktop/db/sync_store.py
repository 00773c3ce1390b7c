"""The database side of sync: unsent journal entries, receipts, the pull position, local digests.

Pulled rows are written by pull_apply.py with the journal off (they are the server's changes, not ours)
and never over a field that still has a local change the server has not acknowledged.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES
from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.models import (
    ChangeJournal,
    DossierDocument,
    LocalMeta,
    LocalOnlyRow,
    LotPhoto,
    QuarantinedRow,
)
from ocop_desktop.db.types import utcnow

CURSOR_KEY = "sync_cursor"
EPOCH_KEY = "sync_epoch"  # the server epoch the cursor was given in
UNACKNOWLEDGED = ("pending", "quarantined")


def models() -> dict[str, type[Synced]]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if issubclass(m.class_, Synced) and m.class_.__tablename__ in ENTITIES}


def get_meta(session: Session, key: str, default: str | None = None) -> str | None:
    value = session.scalar(select(LocalMeta.value).where(LocalMeta.key == key))
    return default if value is None else value


def get_metas(session: Session, keys: Sequence[str]) -> dict[str, str]:
    """Several keys in one query (absent ones are left out)."""
    rows = session.execute(select(LocalMeta.key, LocalMeta.value).where(LocalMeta.key.in_(keys)))
    return {key: value for key, value in rows if value is not None}


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(LocalMeta, key)
    if row is None:
        session.add(LocalMeta(key=key, value=value))
    else:
        row.value = value


@contextmanager
def pull_session(db) -> Iterator[Session]:
    """A session for applying pulled rows: journal off, and foreign keys off, because the server's order
    is by sequence, not by dependency, and a child may arrive a page before its parent."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")  # before BEGIN: SQLite ignores it inside a transaction
        session = db.session_factory(bind=conn)
        session.info["journal"] = False
        try:
            yield session
        finally:
            session.close()
            raw.execute("PRAGMA foreign_keys = ON")


def document_hashes(session: Session, live_only: bool = False) -> set[str]:
    """The files this laptop may have to send: those of documents the server has not taken yet (made here
    and live, or with an unsent change). A document pulled from the server had its file uploaded before its
    row was accepted; asking about those would also ask about files that have since left this device's
    scope, which the server never lets it upload."""
    hashes: set[str] = set()
    for model, entity in ((DossierDocument, "dossier_documents"), (LotPhoto, "lot_photos")):
        unsent = select(ChangeJournal.entity_id).where(ChangeJournal.entity == entity,
                                                       ChangeJournal.status == "pending")
        # A document attached and removed between two syncs still has its insert in the journal, which
        # names the file: the server takes that row only from a device that sent the bytes.
        wanted = (model.deleted.is_(False) & model.server_version.is_(None)) | model.id.in_(unsent)
        hashes |= set(session.scalars(select(model.sha256).where(
            wanted & model.deleted.is_(False) if live_only else wanted)))
    return hashes


def cursor(session: Session) -> int:
    return int(get_meta(session, CURSOR_KEY, "0"))


def epoch(session: Session) -> str | None:
    return get_meta(session, EPOCH_KEY)


def set_position(session: Session, position: int, server_epoch: str) -> None:
    """Stores where the next pull starts, in the transaction of the page that got there."""
    set_meta(session, CURSOR_KEY, str(position))
    set_meta(session, EPOCH_KEY, server_epoch)


def restart(session: Session, server_epoch: str, lost_after: int | None) -> int:
    """After the server refused this laptop's position (restored from a backup, or another server): pull
    everything again, keeping unsent work. Changes the server acknowledged after ``lost_after`` (when
    it knows) are gone from it and are sent again, as new changes without a base version: where the
    server's value moved meanwhile they become conflicts, never a silent overwrite. Returns how many
    were queued again. The session's journal must be off."""
    set_position(session, 0, server_epoch)
    for model in models().values():
        # The versions came from a history the server no longer has; the pull brings its own.
        session.execute(update(model).values(server_version=None))
    session.execute(delete(QuarantinedRow))
    if lost_after is None:
        return 0
    lost = list(session.scalars(select(ChangeJournal).where(ChangeJournal.status == "sent",
                                                            ChangeJournal.server_seq > lost_after)))
    for entry in lost:
        # A new change id: the server may hold the old one with its old answer only if it was not lost.
        entry.change_id, entry.status, entry.base_version = str(uuid.uuid4()), "pending", None
        entry.sent_at = entry.server_seq = None
    return len(lost)


def local_only_ids(session: Session) -> set[str]:
    """Rows that never leave this laptop (demo accounts)."""
    return set(session.scalars(select(LocalOnlyRow.entity_id)))


def set_aside(session: Session, entries: list[ChangeJournal]) -> None:
    """Journal entries of rows that never leave this laptop: never sent."""
    for entry in entries:
        entry.status = "local"


def pending(session: Session, limit: int, exclude: set[int] | None = None) -> list[ChangeJournal]:
    query = select(ChangeJournal).where(ChangeJournal.status == "pending")
    if exclude:
        query = query.where(ChangeJournal.seq.not_in(sorted(exclude)))
    return list(session.scalars(query.order_by(ChangeJournal.seq).limit(limit)))


def last_receipt(session: Session) -> int:
    """The newest journal entry the server has answered for (sent or refused)."""
    return session.scalar(select(func.max(ChangeJournal.seq)).where(ChangeJournal.status != "pending")) or 0


def count_unsent(session: Session, after: int = 0) -> int:
    """Journal entries waiting to be sent; ``after``: only those past that sequence number."""
    return session.scalar(select(func.count()).select_from(ChangeJournal).where(ChangeJournal.status == "pending",
                                                                                ChangeJournal.seq > after))


def acknowledge(session: Session, entry: ChangeJournal, server_seq: int | None) -> None:
    """Records the receipt only. The row's server_version is left alone: the server's row at that
    version may hold other devices' fields too, and the next pull brings it whole."""
    entry.status, entry.sent_at, entry.server_seq = "sent", utcnow(), server_seq


def take_server_values(session: Session, entry: ChangeJournal, values: dict[str, Any]) -> None:
    """After a conflict the server kept its value (ours is in the conflict row): show the server's,
    unless a later local change to that field is still waiting."""
    model = models().get(entry.entity)
    spec = ENTITIES.get(entry.entity)
    if model is None or spec is None:
        return
    keep = protected_fields(session, entry.entity, [entry.entity_id]).get(entry.entity_id, set())
    changes = {k: from_wire(spec.fields[k], v) for k, v in values.items() if k in spec.fields and k not in keep}
    if changes:
        session.execute(update(model).where(model.id == entry.entity_id).values(**changes))


def quarantine(session: Session, entry: ChangeJournal, reason: str) -> None:
    entry.status, entry.reason = "quarantined", reason[:2000]


def protected_fields(session: Session, entity: str, ids: Sequence[str]) -> dict[str, set[str]]:
    """Fields of these rows that carry a local change the server has not taken."""
    protected: dict[str, set[str]] = {}
    rows = session.execute(select(ChangeJournal.entity_id, ChangeJournal.fields_json).where(
        ChangeJournal.entity == entity, ChangeJournal.entity_id.in_(ids), ChangeJournal.status.in_(UNACKNOWLEDGED)))
    for entity_id, fields_json in rows:
        protected.setdefault(entity_id, set()).update(json.loads(fields_json))
    return protected


def from_wire(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value)
    if kind == "decimal":
        return Decimal(value)
    return value


def held_ids(session: Session, entity: str) -> set[str]:
    """Rows of the entity this laptop holds at a server version, quarantined ones included: what a complete
    re-download of the entity's scope must list, or the row has left the scope."""
    model = models().get(entity)
    if model is None:
        return set()
    held = set(session.scalars(select(model.id).where(model.server_version.is_not(None))))
    return held | set(session.scalars(select(QuarantinedRow.entity_id).where(QuarantinedRow.entity == entity)))


def local_lines(session: Session) -> dict[str, list[str]]:
    """Per entity, "id:version" of every row this laptop holds at a server version, for the consistency
    check. A quarantined row counts at the version received: the laptop has it, kept aside with a reason,
    and downloading it again would change nothing."""
    versions: dict[str, dict[str, int]] = {}
    for entity, model in models().items():
        rows = session.execute(select(model.id, model.server_version).where(model.server_version.is_not(None)))
        versions[entity] = {i: v for i, v in rows}
    for held in session.execute(select(QuarantinedRow.entity, QuarantinedRow.entity_id, QuarantinedRow.version)):
        versions.setdefault(held.entity, {})[held.entity_id] = held.version
    return {entity: [f"{i}:{v}" for i, v in found.items()] for entity, found in versions.items() if found}
