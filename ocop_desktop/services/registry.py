"""Registering and editing producers and products."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import Producer, Product
from ocop_desktop.db.models.registry import PRODUCER_KINDS
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError, check_choice, check_coordinates, clean_text
from ocop_desktop.services.lookup import check_commune, get_alive

_PRODUCER_TEXT = {"name": (300, True), "registration_no": (64, False), "tax_code": (32, False),
                  "address": (500, False), "representative": (200, False), "phone": (32, False)}
_PRODUCT_TEXT = {"name": (300, True), "subgroup_code": (32, True), "external_code": (64, False),
                 "description": (20000, False)}


def _producer_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, (limit, required) in _PRODUCER_TEXT.items():
        if key in values:
            out[key] = clean_text(values[key], key, limit, required)
    if "kind" in values:
        out["kind"] = check_choice(values["kind"], "kind", PRODUCER_KINDS)
    if "commune_code" in values:
        out["commune_code"] = check_commune(session, values["commune_code"])
    if "tax_code" in out and out["tax_code"] and not out["tax_code"].replace("-", "").isdigit():
        raise ServiceError("invalid_tax_code", "tax_code")
    if "lat" in values or "lon" in values:
        out["lat"], out["lon"] = check_coordinates(values.get("lat"), values.get("lon"))
    unknown = set(values) - set(_PRODUCER_TEXT) - {"kind", "commune_code", "lat", "lon", "legacy_commune_code"}
    if unknown:
        raise ServiceError("unknown_field", sorted(unknown)[0])
    if "legacy_commune_code" in values:
        out["legacy_commune_code"] = clean_text(values["legacy_commune_code"], "legacy_commune_code", 10, False) or None
    return out


def create_producer(session: Session, *, name: str, kind: str, commune_code: str, **extra: Any) -> Changes:
    values = _producer_values(session, {"name": name, "kind": kind, "commune_code": commune_code, **extra})
    producer = Producer(id=new_id(), **values)
    session.add(producer)
    return Changes.of("producers", producer.id)


def update_producer(session: Session, producer_id: str, **values: Any) -> Changes:
    producer = get_alive(session, Producer, producer_id)
    for key, value in _producer_values(session, values).items():
        setattr(producer, key, value)
    return Changes.of("producers", producer.id)


def _product_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(_PRODUCT_TEXT) - {"producer_id", "commune_code"}
    if unknown:
        raise ServiceError("unknown_field", sorted(unknown)[0])
    out: dict[str, Any] = {}
    for key, (limit, required) in _PRODUCT_TEXT.items():
        if key in values:
            out[key] = clean_text(values[key], key, limit, required)
    if "producer_id" in values:
        out["producer_id"] = get_alive(session, Producer, values["producer_id"]).id
    if "commune_code" in values:
        out["commune_code"] = check_commune(session, values["commune_code"])
    return out


def create_product(session: Session, *, producer_id: str, name: str, subgroup_code: str,
                   commune_code: str | None = None, **extra: Any) -> Changes:
    producer = get_alive(session, Producer, producer_id)
    values = _product_values(session, {"producer_id": producer_id, "name": name, "subgroup_code": subgroup_code,
                                       "commune_code": commune_code or producer.commune_code, **extra})
    product = Product(id=new_id(), **values)
    session.add(product)
    return Changes.of("products", product.id)


def update_product(session: Session, product_id: str, **values: Any) -> Changes:
    product = get_alive(session, Product, product_id)
    for key, value in _product_values(session, values).items():
        setattr(product, key, value)
    return Changes.of("products", product.id)
