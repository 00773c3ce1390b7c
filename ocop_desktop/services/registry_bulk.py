"""Producers and products created by the thousand (the Excel import): the same checks as one at a time
(services/registry.py), written with one executemany each, journaled and indexed (db/bulk.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.db import bulk
from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import Producer, Product
from ocop_desktop.db.queries import live_column_by_id
from ocop_desktop.services.errors import NotFound, ServiceError
from ocop_desktop.services.registry import free_public_codes, producer_values, product_values

_REQUIRED = {"producers": ("name", "kind", "commune_code"), "products": ("producer_id", "name", "subgroup_code")}


def create_producers(session: Session, rows: list[dict[str, Any]]) -> list[str]:
    """New producers, each as registry.create_producer would make it; nothing is written if one is refused."""
    values = [producer_values(session, _required("producers", row)) for row in rows]
    return bulk.insert_new(session, Producer, values)


def create_products(session: Session, rows: list[dict[str, Any]]) -> list[str]:
    """New products of live producers (a product without a commune takes its producer's), each with its own
    public code, as registry.create_product would make it; nothing is written if one is refused."""
    communes = live_column_by_id(session, Producer, [_required("products", row)["producer_id"] for row in rows],
                                 "commune_code")
    values = []
    for row in rows:
        producer_id = row["producer_id"]
        if producer_id not in communes:
            raise NotFound("producers", str(producer_id))
        # The producer is checked above for the whole batch, not once per product.
        checked = product_values(session, {**{k: v for k, v in row.items() if k != "producer_id"},
                                           "commune_code": row.get("commune_code") or communes[producer_id]})
        values.append({"id": new_id(), "producer_id": producer_id, **checked})
    codes = free_public_codes(session, [v["id"] for v in values])
    return bulk.insert_new(session, Product, [{**v, "public_code": codes[v["id"]]} for v in values])


def _required(entity: str, row: dict[str, Any]) -> dict[str, Any]:
    missing = next((key for key in _REQUIRED[entity] if key not in row), None)
    if missing is not None:
        raise ServiceError("required", missing)
    return row
