"""What the status bar always shows: unsent changes, the last successful sync, conflicts waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import Conflict, SyncRun
from ocop_desktop.db.sync_store import count_unsent


@dataclass(frozen=True, slots=True)
class SyncStatus:
    unsent: int
    last_sync: datetime | None
    open_conflicts: int


def sync_status(session: Session) -> SyncStatus:
    last = session.scalar(select(func.max(SyncRun.finished_at)).where(SyncRun.outcome == "ok"))
    conflicts = session.scalar(select(func.count()).select_from(Conflict)
                               .where(Conflict.status == "open", Conflict.deleted.is_(False)))
    return SyncStatus(unsent=count_unsent(session), last_sync=last, open_conflicts=conflicts or 0)
