"""Dropping rows that left this device's scope (a dossier unassigned from the council, a seat removed, a
commune taken away), as the server's pull names them.

The row goes, with its documents and every other child the server names too, and with the rows this laptop
made under it that the server never took (a draft sheet and its lines): those could never be sent now.
What this laptop typed into any of them and had not sent is never dropped silently: its journal entries
are quarantined with the reason, so the sync screen lists them, values included. The attachments that no
remaining row names are returned for the caller to delete once the transaction is committed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, select, text
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES
from ocop_desktop.db import search
from ocop_desktop.db.models import ChangeJournal, QuarantinedRow
from ocop_desktop.db.sync_store import models

REASON = "out_of_scope"  # the reason's code; the rest of the reason names the row that left
_SEARCHABLE = {"producers": "producer", "products": "product", "dossiers": "dossier"}
_CHUNK = 500


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def forget(session: Session, gone: Iterable[tuple[str, str]]) -> tuple[dict[str, set[str]], set[str]]:
    """Removes the named rows and this laptop's unsent rows beneath them (the session's journal must be
    off); returns (entity -> ids removed, hashes of files no remaining row names)."""
    known = models()
    named: dict[str, set[str]] = {}
    for entity, row_id in gone:
        if entity in known:
            named.setdefault(entity, set()).add(row_id)
    targets = _with_unsent_children(session, named)
    files = _files_named(session, targets)
    for entity, ids in targets.items():
        model = known[entity]
        for chunk in _chunks(ids):
            held = set(session.scalars(select(model.id).where(model.id.in_(chunk))))
            _quarantine_unsent(session, entity, chunk, held)
            session.execute(delete(model).where(model.id.in_(chunk)))
            session.execute(delete(QuarantinedRow).where(QuarantinedRow.entity == entity,
                                                         QuarantinedRow.entity_id.in_(chunk)))
        if entity in _SEARCHABLE:
            _unindex(session, _SEARCHABLE[entity], ids)
    removed = {e: ids for e, ids in targets.items() if ids}
    return removed, files - _files_still_named(session, files)


def _with_unsent_children(session: Session, named: dict[str, set[str]]) -> dict[str, set[str]]:
    """The named rows plus, level by level, the rows under them that the server never acknowledged."""
    known = models()
    targets = {e: set(ids) for e, ids in named.items()}
    frontier = targets
    while frontier:
        found: dict[str, set[str]] = {}
        for child, spec in ENTITIES.items():
            model = known.get(child)
            if model is None:
                continue
            for field, parent in spec.parents.items():
                for chunk in _chunks(frontier.get(parent, ())):
                    column = getattr(model, field)
                    for row_id in session.scalars(select(model.id).where(column.in_(chunk),
                                                                         model.server_version.is_(None))):
                        if row_id not in targets.get(child, set()):
                            found.setdefault(child, set()).add(row_id)
        for child, ids in found.items():
            targets.setdefault(child, set()).update(ids)
        frontier = found
    return targets


def _quarantine_unsent(session: Session, entity: str, ids: list[str], held: set[str]) -> None:
    entries = session.scalars(select(ChangeJournal).where(ChangeJournal.entity == entity,
                                                          ChangeJournal.entity_id.in_(ids),
                                                          ChangeJournal.status == "pending"))
    for entry in entries:
        where = "" if entry.entity_id in held else " (not on this laptop any more)"
        entry.status = "quarantined"
        # "status: code: detail", as the push's refusals are kept, so the sync screen words it the same way.
        entry.reason = (f"{REASON}: {REASON}: {entity} {entry.entity_id} is no longer within what this device "
                        f"may see{where}; the change was not sent and is kept here")


def _file_models() -> list:
    return [model for entity, model in models().items() if "sha256" in ENTITIES[entity].fields]


def _files_named(session: Session, targets: dict[str, set[str]]) -> set[str]:
    hashes: set[str] = set()
    for model in _file_models():
        for chunk in _chunks(targets.get(model.__tablename__, ())):
            hashes.update(h for h in session.scalars(select(model.sha256).where(model.id.in_(chunk))) if h)
    return hashes


def _files_still_named(session: Session, hashes: set[str]) -> set[str]:
    named: set[str] = set()
    for model in _file_models():
        for chunk in _chunks(hashes):
            named.update(session.scalars(select(model.sha256).where(model.sha256.in_(chunk),
                                                                    model.deleted.is_(False))))
    return named


def _unindex(session: Session, kind: str, ids: set[str]) -> None:
    conn = session.connection()
    search.reindex(conn, kind, list(ids))  # drops their text, and refreshes rows whose text named them
    for chunk in _chunks(ids):
        conn.execute(text("DELETE FROM search_docs WHERE kind = :kind AND ref_id IN :ids")
                     .bindparams(bindparam("ids", expanding=True)), {"kind": kind, "ids": chunk})
