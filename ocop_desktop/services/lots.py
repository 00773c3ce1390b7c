"""Production lots of recognised products, recorded offline by commune officers: create, edit, withdraw, photos."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_core.errors import OcopError
from ocop_core.rules.lots import check_lot_actor, check_lot_change
from ocop_core.traceability import check_lot_code
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import LotPhoto, Producer, Product, ProductionLot, Recognition
from ocop_desktop.db.models.lots import EXPIRY_KINDS
from ocop_desktop.db.types import utcnow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.documents import _store as store_file  # one store and size limit for all files
from ocop_desktop.services.errors import ServiceError, check_choice, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import actor_for, enforce

_TEXT = {"unit": 32, "origin": 500, "notes": 20000}
_FIELDS = frozenset({"lot_code", "produced_on", "expires_on", "expiry_kind", "quantity", *_TEXT})
# A quantity is what a label or a recall names: 40 characters is the synced column's width.
_QUANTITY_MAX = Decimal("1e15")
# What a phone or a camera writes: the first bytes of a JPEG, a PNG, a WebP or a HEIC photo.
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF", b"\x00\x00\x00")


@dataclass(frozen=True, slots=True)
class LotPhotoInfo:
    id: str
    sha256: str
    file_name: str
    size: int


@dataclass(frozen=True, slots=True)
class LotInfo:
    id: str
    lot_code: str
    produced_on: date | None
    expires_on: date | None
    expiry_kind: str
    quantity: Decimal | None
    unit: str
    origin: str
    notes: str
    withdrawn_on: date | None
    withdrawal_reason: str
    label_printed_at: datetime | None
    photos: tuple[LotPhotoInfo, ...]

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None


@dataclass(frozen=True, slots=True)
class LotsView:
    product_id: str
    product_name: str
    recognised: bool  # a decision is in force today: new lots may be recorded
    may_edit: bool  # the person looking records lots for this product's commune
    lots: tuple[LotInfo, ...]  # newest production first


def _date(value: Any, field: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    raise ServiceError("wrong_type", field, expected="date")


def _quantity(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", ".")) if not isinstance(value, bool) else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise ServiceError("wrong_type", "quantity", expected="number")
    if amount < 0:
        raise ServiceError("quantity_negative", "quantity")
    if amount >= _QUANTITY_MAX:
        raise ServiceError("out_of_range", "quantity", value=str(value)[:40])
    return amount


def _lot_code(value: Any) -> str:
    text = clean_text(value, "lot_code", 64)
    try:
        return check_lot_code(text)
    except OcopError as error:
        raise ServiceError("invalid_lot_code", "lot_code", **error.params) from error


def lot_values(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` checked and cleaned, field by field; the dates checked against each other."""
    unknown = set(values) - _FIELDS
    if unknown:
        raise ServiceError("unknown_field", sorted(unknown)[0])
    out: dict[str, Any] = {}
    if "lot_code" in values:
        out["lot_code"] = _lot_code(values["lot_code"])
    for field in ("produced_on", "expires_on"):
        if field in values:
            out[field] = _date(values[field], field)
    if "expiry_kind" in values:
        out["expiry_kind"] = check_choice(values["expiry_kind"], "expiry_kind", EXPIRY_KINDS)
    if "quantity" in values:
        out["quantity"] = _quantity(values["quantity"])
    for field, limit in _TEXT.items():
        if field in values:
            out[field] = clean_text(values[field], field, limit, required=False)
    return out


def _check_dates(lot: ProductionLot) -> None:
    if lot.produced_on and lot.expires_on and lot.expires_on <= lot.produced_on:
        raise ServiceError("lot_dates_order", "expires_on")


def _check_unique(session: Session, product_id: str, lot_code: str, lot_id: str | None) -> None:
    # Tombstones count: a code once used (and perhaps printed) never names another lot of the product.
    with session.no_autoflush:
        other = session.scalar(select(ProductionLot.id).where(
            ProductionLot.product_id == product_id, ProductionLot.lot_code == lot_code).limit(1))
    if other is not None and other != lot_id:
        raise ServiceError("duplicate_lot_code", "lot_code", code=lot_code)


def _enforce_actor(session: Session, product: Product, user_id: str, role: str) -> None:
    producer = session.get(Producer, product.producer_id)
    communes = (product.commune_code, producer.commune_code if producer is not None else None)
    enforce(check_lot_actor(actor_for(session, user_id=user_id, role=role), communes), "role")


def is_recognised(session: Session, product_id: str, today: date) -> bool:
    """A decision recognises the product today: not revoked by today, not past its end."""
    decisions = session.execute(select(Recognition.decision_date, Recognition.valid_until, Recognition.revoked_on)
                                .where(Recognition.product_id == product_id, Recognition.deleted.is_(False))).all()
    return any(start <= today < until and (revoked is None or revoked > today) for start, until, revoked in decisions)


def create_lot(session: Session, *, product_id: str, lot_code: str, user_id: str, role: str,
               today: date | None = None, **values: Any) -> Changes:
    product = get_alive(session, Product, product_id)
    _enforce_actor(session, product, user_id, role)
    if not is_recognised(session, product.id, today or vietnam_today()):
        raise ServiceError("product_not_recognised", "product_id")
    clean = lot_values({"lot_code": lot_code, **values})
    _check_unique(session, product.id, clean["lot_code"], None)
    lot = ProductionLot(product_id=product.id, **{"unit": "", "origin": "", "notes": "", "expiry_kind": "expiry",
                                                  "withdrawal_reason": "", **clean})
    _check_dates(lot)
    session.add(lot)
    session.flush()
    return Changes.of("production_lots", lot.id, ("products", product.id))


def _row(lot: ProductionLot) -> dict[str, Any]:
    return {"lot_code": lot.lot_code, "product_id": lot.product_id, "deleted": lot.deleted,
            "withdrawn_on": lot.withdrawn_on, "withdrawal_reason": lot.withdrawal_reason,
            "label_printed_at": lot.label_printed_at}


def _change(session: Session, lot_id: str, user_id: str, role: str, values: dict[str, Any]) -> Changes:
    """Applies ``values`` (already clean) to a live lot, if the rules of ocop_core.rules.lots let them."""
    lot = get_alive(session, ProductionLot, lot_id)
    _enforce_actor(session, get_alive(session, Product, lot.product_id), user_id, role)
    before = _row(lot)
    changed = {k for k, v in values.items() if getattr(lot, k) != v}
    enforce(check_lot_change(before, {**before, **values}, changed), next(iter(sorted(changed)), "lot_code"))
    if "lot_code" in changed:
        _check_unique(session, lot.product_id, values["lot_code"], lot.id)
    for key in changed:
        setattr(lot, key, values[key])
    _check_dates(lot)
    session.flush()
    return Changes.of("production_lots", lot.id, ("products", lot.product_id))


def update_lot(session: Session, lot_id: str, *, user_id: str, role: str, **values: Any) -> Changes:
    return _change(session, lot_id, user_id, role, lot_values(values))


def withdraw_lot(session: Session, lot_id: str, *, on: date, reason: str, user_id: str, role: str) -> Changes:
    """Takes the lot off the market from ``on``, for ``reason``; it stays listed, marked withdrawn."""
    withdrawn_on = _date(on, "withdrawn_on")
    if withdrawn_on is None:
        raise ServiceError("required", "withdrawn_on")
    text = clean_text(reason, "withdrawal_reason", 2000, required=False)
    return _change(session, lot_id, user_id, role, {"withdrawn_on": withdrawn_on, "withdrawal_reason": text})


def delete_lot(session: Session, lot_id: str, *, user_id: str, role: str) -> Changes:
    """A lot typed by mistake goes, as long as no label names it; a printed one is withdrawn instead."""
    return _change(session, lot_id, user_id, role, {"deleted": True})


def mark_labels_printed(session: Session, lot_ids: list[str] | tuple[str, ...]) -> Changes:
    """Called by the labels code once a sheet naming these lots is made: the first printing is kept, and from
    then on the lot is never deleted nor its code changed."""
    now, changes = utcnow(), Changes()
    for lot_id in dict.fromkeys(lot_ids):
        lot = get_alive(session, ProductionLot, lot_id)
        if lot.label_printed_at is None:
            lot.label_printed_at = now
            changes |= Changes.of("production_lots", lot.id, ("products", lot.product_id))
    session.flush()
    return changes


def attach_lot_photo(session: Session, blobs: BlobStore, *, lot_id: str, file_path: Path, user_id: str,
                     role: str) -> Changes:
    lot = get_alive(session, ProductionLot, lot_id)
    _enforce_actor(session, get_alive(session, Product, lot.product_id), user_id, role)
    path = Path(file_path)
    name = clean_text(path.name, "original_name", 255)
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError as exc:
        raise ServiceError("file_unreadable", "file_path", detail=type(exc).__name__) from exc
    if not head.startswith(_IMAGE_MAGIC) or (head.startswith(b"RIFF") and head[8:12] != b"WEBP"):
        raise ServiceError("not_an_image", "file_path", name=name[:80])
    sha256, size = store_file(session, blobs, path)
    photo = LotPhoto(lot_id=lot.id, sha256=sha256, size=size, original_name=name, title="")
    session.add(photo)
    session.flush()
    return Changes.of("lot_photos", photo.id, ("production_lots", lot.id))


def remove_lot_photo(session: Session, photo_id: str, *, user_id: str, role: str) -> Changes:
    photo = get_alive(session, LotPhoto, photo_id)
    lot = get_alive(session, ProductionLot, photo.lot_id)
    _enforce_actor(session, get_alive(session, Product, lot.product_id), user_id, role)
    photo.deleted = True
    session.flush()
    return Changes.of("lot_photos", photo.id, ("production_lots", lot.id))


def load_lots(session: Session, product_id: str, *, user_id: str, role: str, today: date | None = None) -> LotsView:
    product = get_alive(session, Product, product_id)
    lots = session.scalars(select(ProductionLot).where(ProductionLot.product_id == product.id,
                                                       ProductionLot.deleted.is_(False))).all()
    photos: dict[str, list[LotPhotoInfo]] = {}
    for p in session.scalars(select(LotPhoto).where(LotPhoto.lot_id.in_([lot.id for lot in lots]),
                                                    LotPhoto.deleted.is_(False)).order_by(LotPhoto.created_at)):
        photos.setdefault(p.lot_id, []).append(LotPhotoInfo(p.id, p.sha256, p.original_name, p.size))
    infos = [LotInfo(lot.id, lot.lot_code, lot.produced_on, lot.expires_on, lot.expiry_kind, lot.quantity, lot.unit,
                     lot.origin, lot.notes, lot.withdrawn_on, lot.withdrawal_reason, lot.label_printed_at,
                     tuple(photos.get(lot.id, ()))) for lot in lots]
    infos.sort(key=lambda i: (i.produced_on or date.min, i.lot_code), reverse=True)
    try:
        _enforce_actor(session, product, user_id, role)
        may_edit = True
    except ServiceError:
        may_edit = False
    return LotsView(product.id, product.name, is_recognised(session, product.id, today or vietnam_today()), may_edit,
                    tuple(infos))
