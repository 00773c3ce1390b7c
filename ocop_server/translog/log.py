"""Appending to the log and proving from it. Every function takes the caller's session: an append is part
of the transaction of the event it records, so the event and its entry commit or vanish together."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine, Table, insert, select, text, update
from sqlalchemy.orm import Session

from ocop_core.translog import merkle
from ocop_core.translog.entries import canonical, entries_for
from ocop_core.translog.notes import Checkpoint, Signer, sign_note
from ocop_server.models import Counter
from ocop_server.translog.tables import SIZE_COUNTER, LogCheckpoint, LogEntry, LogNode

ZERO = bytes(32)
ENTRIES = cast(Table, LogEntry.__table__)
NODES = cast(Table, LogNode.__table__)


def _lock_size(session: Session) -> int:
    row = session.execute(select(Counter).where(Counter.name == SIZE_COUNTER).with_for_update()).scalar_one()
    return int(row.value)


def size(session: Session) -> int:
    return int(session.scalar(select(Counter.value).where(Counter.name == SIZE_COUNTER)) or 0)


# Perfect-subtree hashes never change once written, so the upper levels (one node per 16 leaves and
# fewer) are kept in memory per database: a proof then reads only a few low nodes from the database.
CACHED_FROM_LEVEL = 4
CACHE_LIMIT = 1_000_000
_caches: weakref.WeakKeyDictionary[Engine, dict[tuple[int, int], bytes]] = weakref.WeakKeyDictionary()


def _cache(session: Session) -> dict[tuple[int, int], bytes]:
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    cache = _caches.setdefault(engine, {})
    if len(cache) > CACHE_LIMIT:
        cache.clear()
    return cache


def _fetch(session: Session, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
    cache = _cache(session)
    found: dict[tuple[int, int], bytes] = {}
    missing: list[tuple[int, int]] = []
    for key in set(keys):
        if key in cache:
            found[key] = cache[key]
        else:
            missing.append(key)
    for start in range(0, len(missing), 200):
        chunk = missing[start:start + 200]
        # Point lookups joined by UNION ALL: each uses the primary key, and the statement is plain text
        # (an OR of per-level IN lists cost 0.9 ms to compile per proof).
        query = " UNION ALL ".join(f"SELECT level, idx, hash FROM translog_nodes WHERE level = :l{i} AND idx = :i{i}"
                                   for i in range(len(chunk)))
        params = {f"{name}{i}": value for i, key in enumerate(chunk) for name, value in zip("li", key, strict=True)}
        for level, idx, value in session.execute(text(query), params):
            found[(level, idx)] = bytes(value)
            if level >= CACHED_FROM_LEVEL:
                cache[(level, idx)] = found[(level, idx)]
    return found


def _frontier(tree_size: int) -> list[tuple[int, int]]:
    """The perfect subtrees along the right edge of a tree of ``tree_size``: all an append needs."""
    return [(level, (tree_size >> level) - 1) for level in range(tree_size.bit_length()) if tree_size >> level & 1]


def append(session: Session, items: Iterable[tuple[str, str, dict[str, Any]]], signer: Signer,
           now: datetime | None = None) -> int:
    """Appends (entity, entity_id, entry) items, signs a checkpoint at the new size, returns it."""
    batch = list(items)
    start = _lock_size(session)
    if not batch:
        return start
    now = now or datetime.now(UTC)
    nodes = _fetch(session, _frontier(start))
    made: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    for offset, (entity, entity_id, entry) in enumerate(batch):
        body = canonical({**entry, "logged_at": now.isoformat(timespec="seconds")})
        index = start + offset
        entries.append({"idx": index, "kind": entry["kind"], "entity": entity, "entity_id": entity_id,
                        "body": body, "logged_at": now})
        for level, position, value in merkle.append_nodes(index, merkle.leaf_hash(body),
                                                         lambda lv, ix: nodes[(lv, ix)]):
            nodes[(level, position)] = value
            made.append({"level": level, "idx": position, "hash": value})
    session.execute(insert(ENTRIES), entries)
    session.execute(insert(NODES), made)
    new_size = start + len(batch)
    session.execute(update(Counter).where(Counter.name == SIZE_COUNTER).values(value=new_size))
    root = merkle.root_hash(new_size, lambda lv, ix: nodes[(lv, ix)] if (lv, ix) in nodes else _one(session, lv, ix))
    note = sign_note(Checkpoint(signer.name, new_size, root).text(), signer).encode()
    session.add(LogCheckpoint(size=new_size, note=note, signed_at=now))
    return new_size


def _one(session: Session, level: int, index: int) -> bytes:
    return bytes(session.execute(select(LogNode.hash).where(LogNode.level == level, LogNode.idx == index))
                 .scalar_one())


def record_change(session: Session, entity: str, entity_id: str, before: dict | None, after: dict) -> int | None:
    """Logs what a saved row change means (see ocop_core.translog.entries); None when it means nothing.
    The key comes with the session (app.py), so no code path can record an event and skip its entry."""
    entries = entries_for(entity, before, after)
    if not entries:
        return None
    signer = session.info.get("log_signer")
    if signer is None:
        raise RuntimeError("a logged event was written by a session without the log's key")
    return append(session, [(entity, entity_id, entry) for entry in entries], signer)


def _lookup(session: Session, compute) -> list[bytes]:
    """Runs a proof twice: once to learn which nodes it reads, then on those nodes fetched in one query."""
    result: list[bytes] = _lookup_one(session, compute)
    return result


def root(session: Session, tree_size: int) -> bytes:
    return _lookup_one(session, lambda node: merkle.root_hash(tree_size, node))


def _lookup_one(session: Session, compute):
    wanted: list[tuple[int, int]] = []

    def record(level: int, index: int) -> bytes:
        wanted.append((level, index))
        return ZERO

    compute(record)
    nodes = _fetch(session, wanted)
    return compute(lambda level, index: nodes[(level, index)])


def inclusion(session: Session, index: int, tree_size: int) -> list[bytes]:
    if tree_size > size(session):
        raise merkle.ProofError(f"the log has no size {tree_size} yet")
    return _lookup(session, lambda node: merkle.inclusion_proof(index, tree_size, node))


def consistency(session: Session, old_size: int, new_size: int) -> list[bytes]:
    if new_size > size(session):
        raise merkle.ProofError(f"the log has no size {new_size} yet")
    return _lookup(session, lambda node: merkle.consistency_proof(old_size, new_size, node))


def checkpoint(session: Session, at_size: int | None = None) -> str | None:
    query = select(LogCheckpoint.note)
    query = (query.where(LogCheckpoint.size == at_size) if at_size is not None
             else query.order_by(LogCheckpoint.size.desc()).limit(1))
    return session.scalar(query)


def entries(session: Session, start: int, end: int) -> list[LogEntry]:
    return list(session.scalars(select(LogEntry).where(LogEntry.idx >= start, LogEntry.idx < end)
                                .order_by(LogEntry.idx)))


def entries_of(session: Session, entity: str, entity_id: str) -> list[LogEntry]:
    return list(session.scalars(select(LogEntry).where(LogEntry.entity == entity, LogEntry.entity_id == entity_id)
                                .order_by(LogEntry.idx)))
