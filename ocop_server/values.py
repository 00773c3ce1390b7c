"""Checks that a change names a known entity and fields, with values its entity's rules accept (ocop_core)."""

from __future__ import annotations

from typing import Any

from ocop_core.entities import ENTITIES
from ocop_core.row_rules import check_values

IMMUTABLE = frozenset({"id", "created_at"})


def check_fields(entity: str, fields: dict[str, tuple[Any, Any]], op: str) -> str | None:
    """None when every new value fits its field (a NOT NULL field is never set to null), else a reason."""
    spec = ENTITIES.get(entity)
    if spec is None:
        return f"unknown entity {entity[:64]!r}"
    if op != "insert":
        for name in fields:
            if name in IMMUTABLE:
                return f"field {name[:64]!r} cannot change"
    return check_values(spec, {name: new for name, (_, new) in fields.items()})
