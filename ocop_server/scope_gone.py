"""Rows that left a device's scope since its cursor, which its next pull names so the laptop drops them.

Two ways out. A row loses a key the device holds (a dossier unassigned from the council, and with it its
documents, product and producer): the row then carries ``left:<key>`` (scope.with_departures) and a new
version, so it is found among the versions the page covers. Or the device's user loses a key (removed from
a council, no longer its chair or secretary): their seat's row changed in the page's range, and every row
still carrying that council's keys is gone for them. Only rows the device can no longer see are named, and
only by entity and id. A commune taken from an officer is caught by the check (its digests differ, and the
laptop's re-download of an entity drops what the server no longer lists).
"""

from __future__ import annotations

import json

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, aliased

from ocop_server.models import Record, RecordScope
from ocop_server.scope import LEFT, Viewer


def gone_rows(session: Session, viewer: Viewer, after: int, upto: int) -> list[tuple[str, str]]:
    """(entity, id) of rows in scope for ``viewer`` at some point after ``after`` and out of it now,
    whose departure happened at a version in (after, upto]; sorted, without repeats."""
    if viewer.keys is None or after == 0 or upto <= after:
        return []  # at 0 the laptop holds nothing pulled (after a cursor reset, the check drops what is out)
    keys = sorted(viewer.keys)
    found = set(_rows_that_left(session, keys, after, upto))
    lost = _keys_the_user_lost(session, viewer, after, upto)
    if lost:
        found |= set(_rows_with(session, keys, sorted(lost)))
    return sorted(found)


def _not_visible(keys: list[str]):
    visible = aliased(RecordScope)
    return ~exists(select(visible.key).where(visible.entity == Record.entity, visible.id == Record.id,
                                             visible.key.in_(keys)))


def _rows_that_left(session: Session, keys: list[str], after: int, upto: int) -> list[tuple[str, str]]:
    query = (select(Record.entity, Record.id).join(RecordScope, and_(RecordScope.entity == Record.entity,
                                                                      RecordScope.id == Record.id))
             .where(RecordScope.key.in_([LEFT + k for k in keys]), Record.version > after, Record.version <= upto,
                    _not_visible(keys)).distinct())
    return [(e, i) for e, i in session.execute(query)]


def _keys_the_user_lost(session: Session, viewer: Viewer, after: int, upto: int) -> set[str]:
    """Council keys of the seats of this user that changed in the range, which the user no longer holds."""
    mine = [f"member_user:{viewer.user_id}", f"{LEFT}member_user:{viewer.user_id}"]
    # The seats through the scope index (a few rows), not every council seat of the province.
    held = select(RecordScope.id).where(RecordScope.entity == "council_members", RecordScope.key.in_(mine))
    seats = select(Record.data).where(Record.entity == "council_members", Record.id.in_(held),
                                      Record.version > after, Record.version <= upto)
    lost: set[str] = set()
    for (data,) in session.execute(seats):
        council = json.loads(data).get("council_id")
        if council:
            lost |= {f"council:{council}", f"council_sheets:{council}"}
    return lost - (viewer.keys or frozenset())


def _rows_with(session: Session, keys: list[str], lost: list[str]) -> list[tuple[str, str]]:
    query = (select(Record.entity, Record.id).join(RecordScope, and_(RecordScope.entity == Record.entity,
                                                                      RecordScope.id == Record.id))
             .where(RecordScope.key.in_(lost), _not_visible(keys)).distinct())
    return [(e, i) for e, i in session.execute(query)]
