"""QR labels of products and lots, made offline, and what a scanned code names on this laptop.

The address on a label is built from the public base URL the province's server gave at the last sync
(kept in local_meta), or the one a person typed while the laptop has never synced; never from a request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.text import collation_key
from ocop_core.errors import OcopError
from ocop_core.traceability import (
    lot_path,
    normalise_gtin,
    parse_public_url,
    product_path,
    public_code,
    public_url,
)
from ocop_desktop.db.models import Dossier, LocalMeta, Producer, Product, ProductionLot, Recognition
from ocop_desktop.labels.scan import read_codes
from ocop_desktop.labels.sheet import LabelItem
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.lookup import get_alive

PUBLIC_BASE_URL_KEY = "public_base_url"  # written by the sync from the server's /info, or typed here
MAX_LABELS = 5000  # two hundred sheets: more is a slip of the keyboard


@dataclass(frozen=True)
class LotChoice:
    id: str
    lot_code: str
    produced_on: date | None
    expires_on: date | None
    withdrawn: bool
    printed: bool


@dataclass(frozen=True)
class ProductChoice:
    id: str
    name: str
    producer_name: str
    stars: int | None
    lots: tuple[LotChoice, ...]
    code: str = ""  # the public code, for the address the dialog shows before saving
    gtin: str = ""


@dataclass(frozen=True)
class ScanHit:
    """What a scanned code opens: the product's newest dossier, and the lot when this laptop has it."""

    text: str
    product_id: str
    product_name: str
    dossier_id: str | None
    lot_code: str | None = None
    lot_id: str | None = None


def public_base_url(session: Session) -> str | None:
    value = session.scalar(select(LocalMeta.value).where(LocalMeta.key == PUBLIC_BASE_URL_KEY))
    return value or None


def set_public_base_url(session: Session, url: str) -> Changes:
    """Keeps the address typed by a person (checked); the next sync replaces it with the server's."""
    base = url.strip().rstrip("/")
    public_url(base, "/")  # raises invalid_public_base_url
    row = session.get(LocalMeta, PUBLIC_BASE_URL_KEY)
    if row is None:
        session.add(LocalMeta(key=PUBLIC_BASE_URL_KEY, value=base))
    else:
        row.value = base
    return Changes()


def _stars(session: Session, product_id: str, today: date) -> int | None:
    """The stars of the recognition in force today, else None (a label then claims no rating)."""
    rows = session.execute(select(Recognition.stars, Recognition.decision_date, Recognition.valid_until,
                                  Recognition.revoked_on)
                           .where(Recognition.product_id == product_id, Recognition.deleted.is_(False))).all()
    live = [(until, stars) for stars, start, until, revoked in rows
            if start <= today < until and (revoked is None or revoked > today)]
    return max(live)[1] if live else None


def label_choices(session: Session, *, today: date) -> list[ProductChoice]:
    """Every product on this laptop with its lots, in Vietnamese order of name, for the labels dialog."""
    lots: dict[str, list[LotChoice]] = {}
    for lot in session.scalars(select(ProductionLot).where(ProductionLot.deleted.is_(False))
                               .order_by(ProductionLot.lot_code)):
        lots.setdefault(lot.product_id, []).append(LotChoice(
            lot.id, lot.lot_code, lot.produced_on, lot.expires_on, lot.withdrawn_on is not None,
            lot.label_printed_at is not None))
    rows = sorted(session.execute(select(Product.id, Product.name, Producer.name, Product.public_code, Product.gtin)
                                  .join(Producer).where(Product.deleted.is_(False))).all(),
                  key=lambda row: (collation_key(row[1]), collation_key(row[2])))
    return [ProductChoice(pid, name, producer, _stars(session, pid, today), tuple(lots.get(pid, ())),
                          code or public_code(pid), gtin or "")
            for pid, name, producer, code, gtin in rows]


def product_url(session: Session, product: Product, lot_code: str | None = None) -> str:
    """The public address of a product, or of its lot; refused while this laptop knows no base URL."""
    base = public_base_url(session)
    if base is None:
        raise ServiceError("no_public_base_url")
    code = product.public_code or public_code(product.id)
    # A lot code outside GS1 AI 10 (older lots) raises the core's invalid_lot_code, worded like the lot form's.
    path = lot_path(code, product.gtin or None, lot_code) if lot_code else product_path(code, product.gtin or None)
    return public_url(base, path)


def label_items(session: Session, *, product_id: str, lot_ids: tuple[str, ...] = (), copies: int = 1,
                today: date) -> list[LabelItem]:
    """``copies`` labels of the product, or of each chosen lot, in order; a withdrawn lot gets none."""
    if copies < 1 or copies * max(1, len(lot_ids)) > MAX_LABELS:
        raise ServiceError("too_many_labels", "copies", limit=MAX_LABELS)
    product = get_alive(session, Product, product_id)
    producer = session.get(Producer, product.producer_id)
    common = LabelItem(url="", product_name=product.name, stars=_stars(session, product.id, today),
                       producer_name=producer.name if producer is not None else "")
    if not lot_ids:
        return [replace(common, url=product_url(session, product))] * copies
    items = []
    for lot_id in lot_ids:
        lot = get_alive(session, ProductionLot, lot_id)
        if lot.product_id != product.id:
            raise ServiceError("not_found", "production_lots", id=lot_id)
        if lot.withdrawn_on is not None:
            raise ServiceError("label_lot_withdrawn", "lot", lot=lot.lot_code)
        items += [replace(common, url=product_url(session, product, lot.lot_code), lot_code=lot.lot_code,
                          produced_on=lot.produced_on, expires_on=lot.expires_on, expiry_kind=lot.expiry_kind,
                          lot_id=lot.id)] * copies
    return items


def find_scanned(session: Session, text: str) -> ScanHit:
    """The product (and lot) a scanned text names: one of our addresses under any base, or a bare GTIN
    (the EAN-13 bar code on a package). Foreign texts and products not on this laptop are refused."""
    ref = parse_public_url(text)
    if ref is None:
        try:
            ref_gtin, lot = normalise_gtin(text), None
        except OcopError as error:
            raise ServiceError("scan_foreign_code", text=text[:80]) from error
        product = session.scalars(select(Product).where(Product.gtin == ref_gtin, Product.deleted.is_(False))).first()
        shown = ref_gtin
    else:
        product, shown, lot = _product_of(session, ref.gtin, ref.code), ref.gtin or ref.code or "", ref.lot
    if product is None:
        raise ServiceError("scan_unknown_product", code=shown)
    dossier = session.scalars(select(Dossier.id).where(Dossier.product_id == product.id, Dossier.deleted.is_(False))
                              .order_by(Dossier.created_at.desc())).first()
    lot_id = None
    if lot is not None:
        lot_id = session.scalar(select(ProductionLot.id).where(
            ProductionLot.product_id == product.id, ProductionLot.lot_code == lot, ProductionLot.deleted.is_(False)))
    return ScanHit(text, product.id, product.name, dossier, lot, lot_id)


def _product_of(session: Session, gtin: str | None, code: str | None) -> Product | None:
    alive = select(Product).where(Product.deleted.is_(False))
    if gtin is not None:
        return session.scalars(alive.where(Product.gtin == gtin)).first()
    found = session.scalars(alive.where(Product.public_code == code)).first()
    if found is None:  # a row pulled from a server that had not stored its code: the code is its id's
        found = next((p for p in session.scalars(alive.where(Product.public_code.is_(None)))
                      if public_code(p.id) == code), None)
    return found


def scan_image(session: Session, path: str | os.PathLike[str]) -> ScanHit:
    """Decodes the picture and finds what its code names; the first code that is ours wins."""
    codes = read_codes(path)
    if not codes:
        raise ServiceError("scan_no_code")
    refusal: ServiceError | None = None
    for code in codes:
        try:
            return find_scanned(session, code.text)
        except ServiceError as error:
            refusal = refusal if refusal is not None and refusal.code == "scan_unknown_product" else error
    assert refusal is not None
    raise refusal
