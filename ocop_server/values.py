"""Checks that a change's field values have the types its entity declares."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ocop_core.entities import ENTITIES
from ocop_core.protocol import MAX_TEXT_VALUE

IMMUTABLE = frozenset({"id", "created_at"})


def check_value(kind: str, value: Any) -> str | None:
    """None when the value fits, else a short reason."""
    if value is None:
        return None
    if kind == "text":
        if not isinstance(value, str):
            return "expected text"
        if len(value) > MAX_TEXT_VALUE:
            return "text too long"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "text that is not valid Unicode"
        return "control characters" if any(ord(c) < 32 and c not in "\n\t\r" for c in value) else None
    if kind == "bool":
        return None if isinstance(value, bool) else "expected true/false"
    if kind == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**53 else \
            "expected an integer"
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "expected a number"
        try:
            return None if math.isfinite(value) else "expected a finite number"
        except OverflowError:
            return "number too large"
    if kind == "decimal":
        try:
            return None if isinstance(value, str) and Decimal(value).is_finite() else "expected a decimal string"
        except InvalidOperation:
            return "expected a decimal string"
    if kind in ("date", "datetime"):
        if not isinstance(value, str):
            return f"expected an ISO {kind}"
        try:
            (date if kind == "date" else datetime).fromisoformat(value)
        except ValueError:
            return f"expected an ISO {kind}"
        return None
    return "unknown type"


def check_fields(entity: str, fields: dict[str, tuple[Any, Any]], op: str) -> str | None:
    spec = ENTITIES.get(entity)
    if spec is None:
        return f"unknown entity {entity[:64]!r}"
    for name, (_, new) in fields.items():
        kind = spec.fields.get(name)
        if kind is None:
            return f"unknown field {name[:64]!r}"
        if op != "insert" and name in IMMUTABLE:
            return f"field {name!r} cannot change"
        problem = check_value(kind, new)
        if problem:
            return f"{name}: {problem}"
    return None
