"""What the status bar always shows: unsent changes, the last successful sync, conflicts waiting.

Demo data is built through the services, so its thousands of rows are journaled like any work; on a laptop
not connected to a server they are not "unsent" (nothing is waiting for a server), and a fresh demo must not
greet a person with thousands of changes to send. The build records where its journal entries end; until a
server is set, only the entries after that count. Once one is, they all do: the first sync sends them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import ChangeJournal, Conflict, SyncRun
from ocop_desktop.db.sync_store import count_unsent, get_meta, set_meta

DEMO_THROUGH_KEY = "demo_journal_through"  # the last journal entry the demo build wrote


@dataclass(frozen=True, slots=True)
class SyncStatus:
    unsent: int
    last_sync: datetime | None
    open_conflicts: int
    demo_kept: int = 0  # the demo build's entries left out of ``unsent`` (only without a server)


def sync_status(session: Session, *, connected: bool = True) -> SyncStatus:
    """``connected``: a server is set for this laptop, so demo data counts as unsent too."""
    last = session.scalar(select(func.max(SyncRun.finished_at)).where(SyncRun.outcome == "ok"))
    conflicts = session.scalar(select(func.count()).select_from(Conflict)
                               .where(Conflict.status == "open", Conflict.deleted.is_(False)))
    unsent = count_unsent(session)
    through = 0 if connected else int(get_meta(session, DEMO_THROUGH_KEY, "0") or 0)
    own = count_unsent(session, after=through) if through else unsent
    return SyncStatus(unsent=own, last_sync=last, open_conflicts=conflicts or 0, demo_kept=unsent - own)


def mark_demo_data(session: Session) -> None:
    """Called once the demo build has committed: every journal entry up to now is the build's."""
    set_meta(session, DEMO_THROUGH_KEY, str(session.scalar(select(func.max(ChangeJournal.seq))) or 0))
