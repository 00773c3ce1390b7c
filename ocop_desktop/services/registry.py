"""Registering and editing producers and products."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES
from ocop_core.errors import OcopError
from ocop_core.traceability import normalise_gtin, public_code
from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import Producer, Product
from ocop_desktop.db.models.registry import PRODUCER_KINDS
from ocop_desktop.db.queries import present_values
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError, check_choice, check_coordinates, clean_text
from ocop_desktop.services.lookup import check_commune, get_alive
from ocop_desktop.services.producer_location import LOCATION_FIELDS, location_details

# A text the synced entity leaves unbounded (a description) is still bounded on the laptop: a screen of
# 20,000 characters is already more than any form holds.
UNBOUNDED_TEXT = 20000
_PRODUCER_TEXT = ("name", "registration_no", "tax_code", "address", "representative", "phone")
_PRODUCT_TEXT = ("name", "subgroup_code", "external_code", "description")
# Digits and what people write between them: "0239 3856 123", "+84 912-345-678", "(0239) 3856123; 0912 345 678".
_PHONE = re.compile(r"[0-9+().\-/,;\s]*")
_PHONE_MIN_DIGITS = 6


def text_rule(entity: str, field: str) -> tuple[int, bool]:
    """The longest text ``field`` takes and whether it is required, as ocop_core.entities declares it for
    every laptop and the server alike."""
    rule = ENTITIES[entity].rules[field]
    return rule.max_length or UNBOUNDED_TEXT, rule.required


def check_text(entity: str, field: str, value: Any) -> str:
    limit, required = text_rule(entity, field)
    return clean_text(value, field, limit, required)


def check_phone(value: str) -> str:
    """A phone number, or several, in digits: a letter is refused rather than kept (a typo such as "O" for
    "0" would make the number unreachable)."""
    if value and (_PHONE.fullmatch(value) is None or sum(ch.isdigit() for ch in value) < _PHONE_MIN_DIGITS):
        raise ServiceError("invalid_phone", "phone")
    return value


def check_tax_code(value: str) -> str:
    if value and not value.replace("-", "").isdigit():
        raise ServiceError("invalid_tax_code", "tax_code")
    return value


def field_problem(entity: str, field: str, value: Any) -> ServiceError | None:
    """What saving ``value`` in ``field`` would be refused for, told while the person types; None when it
    would pass the checks that need no database."""
    try:
        text = check_text(entity, field, value)
        if entity == "producers" and field == "phone":
            check_phone(text)
        elif entity == "producers" and field == "tax_code":
            check_tax_code(text)
    except ServiceError as error:
        return error
    return None


def producer_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _PRODUCER_TEXT:
        if key in values:
            out[key] = check_text("producers", key, values[key])
    if "kind" in values:
        out["kind"] = check_choice(values["kind"], "kind", PRODUCER_KINDS)
    if "commune_code" in values:
        out["commune_code"] = check_commune(session, values["commune_code"])
    check_tax_code(out.get("tax_code", ""))
    check_phone(out.get("phone", ""))
    if "lat" in values or "lon" in values:
        out["lat"], out["lon"] = check_coordinates(values.get("lat"), values.get("lon"))
    out |= location_details(values, out)
    unknown = set(values) - set(_PRODUCER_TEXT) - {"kind", "commune_code", "lat", "lon", "legacy_commune_code",
                                                   *LOCATION_FIELDS}
    if unknown:
        raise ServiceError("unknown_field", sorted(unknown)[0])
    if "legacy_commune_code" in values:
        out["legacy_commune_code"] = clean_text(values["legacy_commune_code"], "legacy_commune_code", 10, False) or None
    return out


def create_producer(session: Session, *, name: str, kind: str, commune_code: str, **extra: Any) -> Changes:
    values = producer_values(session, {"name": name, "kind": kind, "commune_code": commune_code, **extra})
    producer = Producer(id=new_id(), **values)
    session.add(producer)
    return Changes.of("producers", producer.id)


def update_producer(session: Session, producer_id: str, **values: Any) -> Changes:
    producer = get_alive(session, Producer, producer_id)
    for key, value in producer_values(session, values).items():
        setattr(producer, key, value)
    return Changes.of("producers", producer.id)


def product_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(_PRODUCT_TEXT) - {"producer_id", "commune_code", "gtin"}
    if unknown:
        raise ServiceError("unknown_field", sorted(unknown)[0])
    out: dict[str, Any] = {}
    for key in _PRODUCT_TEXT:
        if key in values:
            out[key] = check_text("products", key, values[key])
    if "producer_id" in values:
        out["producer_id"] = get_alive(session, Producer, values["producer_id"]).id
    if "commune_code" in values:
        out["commune_code"] = check_commune(session, values["commune_code"])
    if "gtin" in values:
        out["gtin"] = check_gtin(values["gtin"])
    return out


def check_gtin(value: str | None) -> str:
    """A typed GTIN as GTIN-14 (so a GTIN-13 today and its GTIN-14 tomorrow are one number), "" for none;
    refused on the field, with what is wrong, when the check digit or the length is."""
    if not (value or "").strip():
        return ""
    try:
        return normalise_gtin(value or "")
    except OcopError as error:
        raise ServiceError("invalid_gtin", "gtin", **error.params) from error


def create_product(session: Session, *, producer_id: str, name: str, subgroup_code: str,
                   commune_code: str | None = None, **extra: Any) -> Changes:
    producer = get_alive(session, Producer, producer_id)
    values = product_values(session, {"producer_id": producer_id, "name": name, "subgroup_code": subgroup_code,
                                       "commune_code": commune_code or producer.commune_code, **extra})
    product = Product(id=new_id(), **values)
    product.public_code = _free_public_code(session, product.id)
    session.add(product)
    return Changes.of("products", product.id)


def _free_public_code(session: Session, product_id: str) -> str:
    return free_public_codes(session, [product_id])[product_id]


def free_public_codes(session: Session, product_ids: list[str]) -> dict[str, str]:
    """Each new product's public code, made once here: another attempt only where this laptop already holds the
    code or an earlier product of the same batch took it. One query for the whole batch."""
    first = {product_id: public_code(product_id) for product_id in product_ids}
    taken = present_values(session, Product.public_code, list(first.values()))
    out: dict[str, str] = {}
    for product_id, code in first.items():
        attempt = 0
        while code in taken:
            attempt += 1
            code = public_code(product_id, attempt=attempt)
            taken |= present_values(session, Product.public_code, [code])
        taken.add(code)
        out[product_id] = code
    return out


def update_product(session: Session, product_id: str, **values: Any) -> Changes:
    product = get_alive(session, Product, product_id)
    for key, value in product_values(session, values).items():
        setattr(product, key, value)
    return Changes.of("products", product.id)
