"""What the public may see, held in memory and brought up to date from the records changed since last time.

A page must answer in a few milliseconds with 10,000 products, and a product is found by its public code or
GTIN, which are inside each row's JSON. So the public fields of recognised products are kept here, keyed
by code and GTIN, and every request first reads the global sequence: when it moved, only the rows whose
version is above the last one seen are read again (records.version is that row's last sequence number,
and sequence numbers become visible in order, see models.Counter). Fields the public must never see
(phones, the representative's name, street addresses, scores) are not copied in at all.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core import traceability
from ocop_core.errors import OcopError
from ocop_server import store
from ocop_server.models import Record

PHOTO_DOC_TYPES = frozenset({"product_photo"})
_ENTITIES = ("products", "producers", "recognitions", "dossiers", "dossier_documents")
_records = Record.__table__


@dataclass
class Product:
    id: str
    code: str
    gtin: str | None
    name: str
    description: str
    producer_id: str
    commune_code: str


@dataclass
class PublicIndex:
    seq: int = -1
    products: dict[str, Product] = field(default_factory=dict)
    producers: dict[str, dict[str, str]] = field(default_factory=dict)
    recognitions: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # product -> id -> row
    photos: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # product -> doc -> (sha, time)
    by_code: dict[str, str] = field(default_factory=dict)
    by_gtin: dict[str, str] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)  # product -> last sequence its public entry moved
    gone: dict[str, tuple[Product, int]] = field(default_factory=dict)  # once public, no longer: for the feed
    feed_bodies: dict[str, bytes] = field(default_factory=dict)  # by ETag, kept by routes._feed
    _rec_product: dict[str, str] = field(default_factory=dict)
    _doc_product: dict[str, tuple[str, str]] = field(default_factory=dict)  # doc -> (dossier, product)
    _sha_docs: dict[str, set[str]] = field(default_factory=dict)
    _dossier_product: dict[str, str] = field(default_factory=dict)
    _producer_products: dict[str, set[str]] = field(default_factory=dict)
    # Held by refresh and by every reader for the whole of its request: a page or the feed never iterates a
    # dictionary another thread is updating.
    lock: threading.RLock = field(default_factory=threading.RLock)

    def refresh(self, session: Session) -> None:
        """Reads what changed since the last call, in the caller's one snapshot (sequence and rows agree)."""
        seq = store.current_seq(session)
        if seq == self.seq:
            return
        with self.lock:
            if seq <= self.seq:
                return
            query = (select(_records.c.entity, _records.c.id, _records.c.data, _records.c.version,
                            _records.c.deleted)
                     .where(_records.c.version > self.seq, _records.c.entity.in_(_ENTITIES))
                     .order_by(_records.c.version))
            for row in session.execute(query):
                self._apply(row.entity, row.id, json.loads(row.data), row.version, bool(row.deleted))
            self.seq = seq

    def is_public(self, product_id: str) -> bool:
        return product_id in self.products and bool(self.recognitions.get(product_id))

    def find(self, ref: traceability.PublicRef) -> Product | None:
        product_id = self.by_gtin.get(ref.gtin or "") if ref.gtin else self.by_code.get(ref.code or "")
        if product_id is None or not self.is_public(product_id):
            return None
        return self.products[product_id]

    def public_products(self) -> list[Product]:
        return [p for p in self.products.values() if self.is_public(p.id)]

    def photo_of_public_product(self, sha256: str) -> bool:
        return any(self.is_public(self._doc_product[doc][1]) for doc in self._sha_docs.get(sha256, ())
                   if doc in self._doc_product)

    def photo_hashes(self, product_id: str) -> list[str]:
        photos = sorted(self.photos.get(product_id, {}).values(), key=lambda p: (p[1], p[0]))
        return list(dict.fromkeys(sha for sha, _ in photos))

    # -- applying one changed row -------------------------------------------------------------------------

    def _apply(self, entity: str, row_id: str, data: dict[str, Any], version: int, deleted: bool) -> None:
        if entity == "products":
            self._apply_product(row_id, data, version, deleted)
        elif entity == "producers":
            self._apply_producer(row_id, data, version, deleted)
        elif entity == "recognitions":
            self._apply_recognition(row_id, data, version, deleted)
        elif entity == "dossiers":
            product_id = data.get("product_id")
            if deleted or not isinstance(product_id, str):
                self._dossier_product.pop(row_id, None)
            else:
                self._dossier_product[row_id] = product_id
        elif entity == "dossier_documents":
            self._apply_document(row_id, data, version, deleted)

    def _touch(self, product_id: str, version: int) -> None:
        was_public = product_id in self.changed or product_id in self.gone
        if self.is_public(product_id):
            self.changed[product_id] = max(version, self.changed.get(product_id, 0))
            self.gone.pop(product_id, None)
        elif was_public:
            entry = self.products.get(product_id) or (self.gone[product_id][0] if product_id in self.gone else None)
            self.changed.pop(product_id, None)
            if entry is not None:
                self.gone[product_id] = (entry, version)

    def _apply_product(self, row_id: str, data: dict[str, Any], version: int, deleted: bool) -> None:
        old = self.products.pop(row_id, None)
        if old is not None:
            self.by_code.pop(old.code, None)
            self.by_gtin.pop(old.gtin or "", None)
            self._producer_products.get(old.producer_id, set()).discard(row_id)
        if not deleted:
            product = Product(
                id=row_id, code=_code(row_id, data), gtin=_gtin(data.get("gtin")), name=str(data.get("name") or ""),
                description=str(data.get("description") or ""), producer_id=str(data.get("producer_id") or ""),
                commune_code=str(data.get("commune_code") or ""))
            self.products[row_id] = product
            self.by_code[product.code] = row_id
            if product.gtin:
                self.by_gtin[product.gtin] = row_id
            self._producer_products.setdefault(product.producer_id, set()).add(row_id)
        elif old is not None and row_id in self.changed:
            self.gone[row_id] = (old, version)
        self._touch(row_id, version)

    def _apply_producer(self, row_id: str, data: dict[str, Any], version: int, deleted: bool) -> None:
        if deleted:
            self.producers.pop(row_id, None)
        else:
            self.producers[row_id] = {"name": str(data.get("name") or ""), "kind": str(data.get("kind") or ""),
                                      "commune_code": str(data.get("commune_code") or "")}
        for product_id in self._producer_products.get(row_id, ()):
            self._touch(product_id, version)

    def _apply_recognition(self, row_id: str, data: dict[str, Any], version: int, deleted: bool) -> None:
        old_product = self._rec_product.pop(row_id, None)
        if old_product is not None:
            self.recognitions.get(old_product, {}).pop(row_id, None)
            self._touch(old_product, version)
        product_id = data.get("product_id")
        if deleted or not isinstance(product_id, str) or not data.get("decision_date"):
            return
        self.recognitions.setdefault(product_id, {})[row_id] = data
        self._rec_product[row_id] = product_id
        self._touch(product_id, version)

    def _apply_document(self, row_id: str, data: dict[str, Any], version: int, deleted: bool) -> None:
        old = self._doc_product.pop(row_id, None)
        if old is not None:
            sha_old, _ = self.photos.get(old[1], {}).pop(row_id, ("", ""))
            self._sha_docs.get(sha_old, set()).discard(row_id)
            self._touch(old[1], version)
        dossier_id = data.get("dossier_id")
        product_id = self._dossier_product.get(dossier_id) if isinstance(dossier_id, str) else None
        sha = data.get("sha256")
        if deleted or product_id is None or data.get("doc_type") not in PHOTO_DOC_TYPES or not _is_sha(sha):
            return
        self.photos.setdefault(product_id, {})[row_id] = (str(sha), str(data.get("created_at") or ""))
        self._doc_product[row_id] = (str(dossier_id), product_id)
        self._sha_docs.setdefault(str(sha), set()).add(row_id)
        self._touch(product_id, version)


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _code(product_id: str, data: dict[str, Any]) -> str:
    """The code the laptop stored (another attempt's, after a clash), when it has a code's shape; else the
    product's own, which is what every laptop computes."""
    stored = data.get("public_code")
    if isinstance(stored, str) and stored:
        try:
            traceability.product_path(stored, None)
            return stored
        except OcopError:
            pass
    return traceability.public_code(product_id)


def _gtin(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return traceability.normalise_gtin(value)
    except OcopError:  # a GTIN the laptop should have refused: the product keeps its short address
        return None
