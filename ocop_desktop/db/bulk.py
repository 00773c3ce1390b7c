"""Many new synced rows at once, for imports: one executemany for the rows, one for their journal entries and
one search reindex, where the ORM would make an object, a journal entry and an index query per row."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.db import journal, search
from ocop_desktop.db.base import Synced


def insert_new(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> list[str]:
    """Writes ``rows`` (column values; ids, timestamps and defaults filled as a flush would) in the session's
    transaction, journaled and searchable exactly as rows added one by one. ``model``: a Synced model.
    Returns their ids, in order."""
    table: str = model.__tablename__
    if not issubclass(model, Synced):
        raise journal.JournalError(f"{model!r} rows are not synced; insert them as any other table's")
    ids = journal.insert_rows(session, model, rows)
    search.index_new(session.connection(), table, ids)
    return ids
