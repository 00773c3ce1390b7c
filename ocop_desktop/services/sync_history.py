"""What the sync screen reads: past sync runs, changes the server refused for good, what waits to go.

The engine records every run itself (``SyncRun``, written before the first request and finished in a
``finally``), so this module only reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import ChangeJournal, QuarantinedRow, SyncRun
from ocop_desktop.services.conflicts import row_label
from ocop_desktop.services.sync_status import sync_status


@dataclass(frozen=True)
class SyncRunView:
    id: int
    started_at: datetime
    finished_at: datetime | None
    outcome: str  # running | ok | failed | cancelled
    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    detail: str


@dataclass(frozen=True)
class QuarantinedView:
    seq: int
    entity: str
    entity_id: str
    label: str
    fields: tuple[str, ...]
    reason: str  # the server's "status: reason" (forbidden: ..., rejected: ...)
    created_at: datetime


@dataclass(frozen=True)
class HeldRowView:
    """A row received from the server that this laptop could not store: kept aside, tried after each pull."""

    entity: str
    entity_id: str
    version: int
    reason: str  # "code: detail" (db/pull_apply.py)
    received_at: datetime


@dataclass(frozen=True)
class SyncOverview:
    unsent: int
    open_conflicts: int
    last_sync: datetime | None  # the last successful one, however many failed since
    runs: tuple[SyncRunView, ...]
    quarantined: tuple[QuarantinedView, ...]
    held: tuple[HeldRowView, ...] = ()


def recent_runs(session: Session, limit: int = 50) -> list[SyncRunView]:
    query = select(SyncRun).order_by(SyncRun.id.desc()).limit(limit)
    return [SyncRunView(r.id, r.started_at, r.finished_at, r.outcome, r.pushed, r.pulled, r.conflicts, r.rejected,
                        r.detail or "") for r in session.scalars(query)]


def quarantined(session: Session, limit: int = 500) -> list[QuarantinedView]:
    """Refused changes, newest first: kept (never retried, never overwritten) so a person can act."""
    query = (select(ChangeJournal).where(ChangeJournal.status == "quarantined")
             .order_by(ChangeJournal.seq.desc()).limit(limit))
    labels: dict[tuple[str, str], str] = {}
    views = []
    for entry in session.scalars(query):
        key = (entry.entity, entry.entity_id)
        if key not in labels:
            labels[key] = row_label(session, *key)
        try:
            fields = tuple(sorted(json.loads(entry.fields_json)))
        except ValueError:
            fields = ()
        views.append(QuarantinedView(entry.seq, entry.entity, entry.entity_id, labels[key], fields,
                                     entry.reason or "", entry.created_at))
    return views


def held_rows(session: Session, limit: int = 500) -> list[HeldRowView]:
    """Rows received and not stored, newest first."""
    query = select(QuarantinedRow).order_by(QuarantinedRow.received_at.desc()).limit(limit)
    return [HeldRowView(q.entity, q.entity_id, q.version, q.reason, q.received_at) for q in session.scalars(query)]


def overview(session: Session) -> SyncOverview:
    """Everything the sync screen shows, read in one go; the counts are the status bar's own."""
    status = sync_status(session)
    return SyncOverview(status.unsent, status.open_conflicts, status.last_sync, tuple(recent_runs(session)),
                        tuple(quarantined(session)), tuple(held_rows(session)))
