"""Whether a row or a change fits its entity's rules: the checks the server applies to every push and a
laptop to every pulled row, so that what one side accepts the other can store.

Each check returns None when the value fits, else a short reason naming the field ("name: required").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ocop_core.entities import Entity, FieldRule, Unique
from ocop_core.protocol import MAX_TEXT_VALUE

# Control characters other than tab and line breaks, and lone surrogates (no UTF-8 encodes them). One regular
# expression: a first sync checks every field of 100,000 rows.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
SAFE_INTEGER = 2**53  # beyond this a JSON number loses digits in some readers, and SQLite's integers end at 2^63


def _text(rule: FieldRule, value: Any) -> str | None:
    if not isinstance(value, str):
        return "expected text"
    if len(value) > (rule.max_length or MAX_TEXT_VALUE):
        return f"text too long (over {rule.max_length or MAX_TEXT_VALUE} characters)"
    bad = _BAD_TEXT.search(value)
    if bad is None:
        return None
    return "text that is not valid Unicode" if bad.group() >= "\ud800" else "control characters"


def _int(rule: FieldRule, value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < SAFE_INTEGER
    return None if ok else "expected an integer"


def _bool(rule: FieldRule, value: Any) -> str | None:
    return None if isinstance(value, bool) else "expected true/false"


def _float(rule: FieldRule, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "expected a number"
    if isinstance(value, int):
        # A laptop binds an integer as SQLite's 64-bit INTEGER, which 2^70 overflows.
        return None if abs(value) < SAFE_INTEGER else "number too large"
    return None if math.isfinite(value) else "expected a finite number"


def _decimal(rule: FieldRule, value: Any) -> str | None:
    if not isinstance(value, str) or len(value) > (rule.max_length or 40):
        return "expected a decimal string"
    try:
        return None if Decimal(value).is_finite() else "expected a finite decimal"
    except InvalidOperation:
        return "expected a decimal string"


def _moment(rule: FieldRule, value: Any) -> str | None:
    parse = date.fromisoformat if rule.kind == "date" else datetime.fromisoformat
    if not isinstance(value, str) or len(value) > 40:
        return f"expected an ISO {rule.kind}"
    try:
        parse(value)
    except ValueError:
        return f"expected an ISO {rule.kind}"
    return None


_KIND_CHECKS = {"text": _text, "int": _int, "bool": _bool, "float": _float, "decimal": _decimal,
                "date": _moment, "datetime": _moment}


def _range(rule: FieldRule, value: Any) -> str | None:
    number = Decimal(value) if rule.kind == "decimal" else value
    if rule.minimum is not None and number < rule.minimum:
        return f"below {rule.minimum}"
    if rule.maximum is not None and number > rule.maximum:
        return f"above {rule.maximum}"
    return None


def check_values(spec: Entity, values: Mapping[str, Any]) -> str | None:
    """Every named field exists and its value fits (a NOT NULL field is never set to null). Kept to plain
    loops and lookups: a first sync checks every field of 100,000 rows."""
    rules = spec.rules
    for name, value in values.items():
        rule = rules.get(name)
        if rule is None:
            return f"unknown field {name[:64]!r}"
        if value is None:
            if rule.nullable:
                continue
            return f"{name}: required"
        kind = rule.kind
        if kind == "text" and type(value) is str and len(value) <= (rule.max_length or MAX_TEXT_VALUE) \
                and _BAD_TEXT.search(value) is None:
            continue  # the common case, decided without a call
        if kind == "bool" and type(value) is bool:
            continue
        problem = _KIND_CHECKS[kind](rule, value)
        if problem is None and (rule.minimum is not None or rule.maximum is not None):
            problem = _range(rule, value)
        if problem:
            return f"{name}: {problem}"
    return None


def check_new_row(spec: Entity, data: Mapping[str, Any]) -> str | None:
    """A row as first stored: its values fit, and every field a laptop cannot fill by itself is there."""
    problem = check_values(spec, data)
    if problem:
        return problem
    for name in spec.required:
        if data.get(name) is None:
            return f"{name}: required"
    return None


def with_defaults(spec: Entity, data: Mapping[str, Any]) -> dict[str, Any]:
    """The row with each defaulted field a laptop would fill, so every device stores the same values."""
    filled = {name: rule.default for name, rule in spec.rules.items() if rule.has_default and name not in data}
    return {**data, **filled}


def unique_keys(spec: Entity, data: Mapping[str, Any]) -> list[tuple[Unique, str]]:
    """Each unique constraint's key for this row; none where a field is null (SQLite lets NULLs repeat)."""
    keys = []
    for unique in spec.unique:
        parts = [data.get(name) for name in unique.fields]
        if any(part is None for part in parts):
            continue
        text = "\x1f".join(str(part) for part in parts)
        keys.append((unique, text.casefold() if unique.ignore_case else text))
    return keys
