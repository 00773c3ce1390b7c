"""The server's epochs: which cursors this database can honour.

A cursor is a sequence number, and sequence numbers are only meaningful along one history. Every start
of the server begins a new epoch at the sequence the database holds then, and answers carry it; a laptop
sends back the epoch its cursor was given in. A database restored from a backup (or one that lost its last
commits in a power cut) starts a new epoch at a lower sequence than the one the previous epoch reached, so
a laptop whose cursor lies beyond where its epoch ended has seen changes this database no longer has: it
is told to sync again from the start instead of silently missing whatever is written under the reused
numbers. An epoch this database never had means another server, or a backup older than that epoch.

Several server processes may share one database (``ocop-server --workers N``, or several machines behind
a proxy on one PostgreSQL). Each start of a process still begins an epoch, and every process answers in
the newest one (EpochBook re-reads the history when another process has begun one), so a cursor one
process gave is honoured by all.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_server import store
from ocop_server.errors import ApiError
from ocop_server.models import Epoch


@dataclass(frozen=True)
class Epochs:
    current: str
    ended: dict[str, int]  # every earlier epoch -> the sequence it reached (where the next one began)

    def verify(self, epoch: str | None, cursor: int, seq: int) -> None:
        """Raises 409 cursor_reset when ``cursor`` (given in ``epoch``) is not a position of this database;
        ``seq`` is the newest sequence number now."""
        if cursor == 0:
            return
        if epoch is not None and epoch != self.current:
            if epoch not in self.ended:
                raise _reset(self.current, None, "This laptop last synced with another server, or with a "
                                                 "copy of this one older than that sync.")
            if cursor > self.ended[epoch]:
                raise _reset(self.current, self.ended[epoch], "The server was restored from a backup (or lost "
                                                               "its last changes) since this laptop synced.")
        if cursor > seq:
            raise _reset(self.current, seq if epoch == self.current else None,
                         "This laptop has seen changes that this server does not have.")


def _reset(epoch: str, lost_after: int | None, why: str) -> ApiError:
    return ApiError(409, "cursor_reset", f"{why} Sync again from the start; work not yet sent is kept.",
                    {"epoch": epoch, "lost_after": lost_after})


def _history(session: Session) -> Epochs:
    history = list(session.scalars(select(Epoch).order_by(Epoch.n)))
    ended = {earlier.epoch: later.started_seq for earlier, later in itertools.pairwise(history)}
    return Epochs(history[-1].epoch, ended)


def begin(session: Session) -> Epochs:
    """Starts this run's epoch (committed by the caller) and returns the history with it."""
    session.add(Epoch(epoch=uuid.uuid4().hex, started_seq=store.current_seq(session), started_at=datetime.now(UTC)))
    session.flush()
    return _history(session)


class EpochBook:
    """The epochs as the database has them now: one indexed max() per request, and the history read again
    only when another process has begun an epoch since."""

    def __init__(self, session: Session) -> None:
        self._lock = threading.Lock()
        self._latest = session.scalar(select(func.max(Epoch.n))) or 0
        self._epochs = _history(session)

    def get(self, session: Session) -> Epochs:
        latest = session.scalar(select(func.max(Epoch.n))) or 0
        if latest > self._latest:  # never back to an older history read through an older snapshot
            with self._lock:
                if latest > self._latest:
                    self._epochs, self._latest = _history(session), latest
        return self._epochs
