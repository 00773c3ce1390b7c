"""What a public page shows, read from the index and (for lots and their photos) from the stored rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import add_months
from ocop_core.domain.recognition import RecognitionStatus, Validity, validity
from ocop_core.entities import ENTITIES
from ocop_server.models import Record, RecordLink
from ocop_server.public.index import PublicIndex
from ocop_server.translog.tables import LogEntry

# The public page warns earlier than the producer's 30-day notice: a shop or a buyer plans further ahead.
PUBLIC_WARNING_MONTHS = 6
# Entity -> its field naming the lot (lot_photos.lot_id), for whatever entity attaches files to lots.
LOT_PHOTO_ENTITIES = {name: next(f for f, parent in e.parents.items() if parent == "production_lots")
                      for name, e in ENTITIES.items()
                      if "production_lots" in e.parents.values() and "sha256" in e.fields}
_records, _links = Record.__table__, RecordLink.__table__
VIETNAM = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class Recognition:
    id: str
    stars: int
    decision_no: str
    decision_date: date
    issuing_body: str
    last_day: date
    status: RecognitionStatus
    revoked_on: date | None
    revocation_reason: str


@dataclass(frozen=True)
class Lot:
    id: str
    lot_code: str
    produced_on: date | None
    expires_on: date | None
    expiry_kind: str
    origin: str
    withdrawn_on: date | None
    withdrawal_reason: str
    photos: tuple[str, ...]


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _recognition(row_id: str, row: dict[str, Any], today: date) -> Recognition | None:
    decided = _date(row.get("decision_date"))
    if decided is None:
        return None
    # The recorded end is what the province decided; the Civil Code count is the fallback for a row without one.
    until = _date(row.get("valid_until")) or validity(decided).valid_until
    revoked = _date(row.get("revoked_on"))
    warned = Validity(decided, until, add_months(until, -PUBLIC_WARNING_MONTHS), revoked)
    stars = row.get("stars")
    return Recognition(id=row_id, stars=stars if isinstance(stars, int) else 0,
                       decision_no=str(row.get("decision_no") or ""), decision_date=decided,
                       issuing_body=str(row.get("issuing_body") or ""),
                       last_day=warned.last_day, status=warned.status_on(today), revoked_on=revoked,
                       revocation_reason=str(row.get("revocation_reason") or ""))


def current_recognition(index: PublicIndex, product_id: str, today: date) -> Recognition | None:
    """The latest decision (by decision date, then end): a renewal replaces what it renews."""
    rows = index.recognitions.get(product_id, {})
    found = [r for r in (_recognition(row_id, row, today) for row_id, row in rows.items()) if r]
    return max(found, key=lambda r: (r.decision_date, r.last_day), default=None)


@dataclass(frozen=True)
class Logged:
    """Where a record's latest entry sits in the transparency log: what a consumer's proof bundle proves."""

    entity: str
    entity_id: str
    position: int  # counted from 1, as ``ocop verify`` says it
    logged_at: datetime  # Vietnam time
    entries: int  # every event of the record (issued, renewed, revoked...)

    @property
    def bundle_url(self) -> str:
        return f"/log/bundle/{self.entity}/{self.entity_id}"


def logged(session: Session, entity: str, entity_id: str) -> Logged | None:
    rows = session.execute(select(LogEntry.idx, LogEntry.logged_at)
                           .where(LogEntry.entity == entity, LogEntry.entity_id == entity_id)
                           .order_by(LogEntry.idx)).all()
    if not rows:
        return None
    index, at = rows[-1]
    # SQLite hands back naive datetimes; every append stores UTC.
    at = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(VIETNAM)
    return Logged(entity, entity_id, int(index) + 1, at, len(rows))


def find_lot(session: Session, product_id: str, lot_code: str) -> Lot | None:
    """The live lot of this product with exactly this code (codes are unique per product)."""
    query = (select(_records.c.id, _records.c.data)
             .join(_links, (_links.c.entity == _records.c.entity) & (_links.c.id == _records.c.id))
             .where(_links.c.entity == "production_lots", _links.c.parent_entity == "products",
                    _links.c.parent_id == product_id, _records.c.deleted.is_(False)))
    for row_id, text in session.execute(query):
        data = json.loads(text)
        if data.get("lot_code") == lot_code:
            return Lot(id=row_id, lot_code=lot_code, produced_on=_date(data.get("produced_on")),
                       expires_on=_date(data.get("expires_on")),
                       expiry_kind=str(data.get("expiry_kind") or "expiry"), origin=str(data.get("origin") or ""),
                       withdrawn_on=_date(data.get("withdrawn_on")),
                       withdrawal_reason=str(data.get("withdrawal_reason") or ""),
                       photos=tuple(lot_photo_hashes(session, row_id)))
    return None


def lot_photo_hashes(session: Session, lot_id: str) -> list[str]:
    if not LOT_PHOTO_ENTITIES:
        return []
    query = (select(_records.c.data)
             .join(_links, (_links.c.entity == _records.c.entity) & (_links.c.id == _records.c.id))
             .where(_links.c.entity.in_(tuple(LOT_PHOTO_ENTITIES)), _links.c.parent_entity == "production_lots",
                    _links.c.parent_id == lot_id, _records.c.deleted.is_(False)))
    rows = sorted((json.loads(text) for text in session.scalars(query)),
                  key=lambda d: (str(d.get("created_at") or ""), str(d.get("sha256"))))
    return list(dict.fromkeys(str(d["sha256"]) for d in rows if isinstance(d.get("sha256"), str)))


def photo_is_public(session: Session, index: PublicIndex, sha256: str) -> bool:
    """Only a photo of a public product, or of a live lot of one, is ever served: never any other file."""
    if index.photo_of_public_product(sha256):
        return True
    if not LOT_PHOTO_ENTITIES:
        return False
    query = select(_records.c.entity, _records.c.data).where(
        _records.c.entity.in_(tuple(LOT_PHOTO_ENTITIES)), _records.c.deleted.is_(False),
        _records.c.data.like(f'%"sha256":"{sha256}"%'))
    for entity, text in session.execute(query):
        lot_id = json.loads(text).get(LOT_PHOTO_ENTITIES[entity])
        lot = session.execute(select(_records.c.data).where(
            _records.c.entity == "production_lots", _records.c.id == str(lot_id),
            _records.c.deleted.is_(False))).scalar_one_or_none()
        if lot is not None and index.is_public(str(json.loads(lot).get("product_id"))):
            return True
    return False
