"""Typed access to a parsed JSON tree that records every problem, with its JSON path, instead of raising."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ocop_core.domain.problems import Problem

MAX_TEXT = 2000  # longer labels are a pasted document, not a criterion
MAX_CODE = 64
JsonObject = dict[str, Any]


class JsonReader:
    """Typed access to a JSON tree that records a problem instead of raising."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.star_levels: set[int] = set()

    def star_level(self, d: JsonObject, key: str, path: str) -> int | None:
        """An integer that must name one of the set's star bands (when the bands could be read)."""
        value = self.integer(d, key, path)
        if value is not None and self.star_levels and value not in self.star_levels:
            self.problem(f"{path}.{key}", "unknown_star_level", stars=value)
        return value

    def problem(self, path: str, code: str, /, **params: Any) -> None:
        self.problems.append(Problem(path, code, params))

    def obj(self, value: Any, path: str, known: Iterable[str], required: Iterable[str] = ()) -> JsonObject | None:
        if not isinstance(value, dict):
            self.problem(path, "wrong_type", expected="object", got=type_name(value))
            return None
        known = set(known)
        for key in value:
            if key not in known and not key.startswith("_"):
                self.problem(f"{path}.{key}", "unknown_key")
        for key in required:
            if key not in value:
                self.problem(f"{path}.{key}", "missing")
        return value

    def array(self, value: Any, path: str, allow_empty: bool = False) -> list[Any]:
        if not isinstance(value, list):
            self.problem(path, "wrong_type", expected="array", got=type_name(value))
            return []
        if not value and not allow_empty:
            self.problem(path, "empty")
        return value

    def text(self, d: JsonObject, key: str, path: str, required: bool = True, limit: int = MAX_TEXT) -> str:
        if key not in d or d[key] is None:
            return ""
        value = d[key]
        if not isinstance(value, str):
            self.problem(f"{path}.{key}", "wrong_type", expected="string", got=type_name(value))
            return ""
        if required and not value.strip():
            self.problem(f"{path}.{key}", "blank")
        if len(value) > limit:
            self.problem(f"{path}.{key}", "too_long", limit=limit, length=len(value))
        return value

    def code(self, d: JsonObject, path: str, key: str = "code") -> str:
        value = self.text(d, key, path, limit=MAX_CODE)
        if value and value != value.strip():
            self.problem(f"{path}.{key}", "code_whitespace")
        return value.strip()

    def number(self, d: JsonObject, key: str, path: str, default: Decimal | None = None) -> Decimal | None:
        if key not in d:
            return default
        value = d[key]
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.problem(f"{path}.{key}", "wrong_type", expected="number", got=type_name(value))
            return None
        try:
            result = Decimal(str(value))
        except InvalidOperation:
            self.problem(f"{path}.{key}", "invalid_value")
            return None
        if not result.is_finite():
            self.problem(f"{path}.{key}", "invalid_value")
            return None
        return result

    def integer(self, d: JsonObject, key: str, path: str, default: int | None = None) -> int | None:
        if key not in d:
            return default
        value = d[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"{path}.{key}", "wrong_type", expected="integer", got=type_name(value))
            return None
        return value

    def boolean(self, d: JsonObject, key: str, path: str, default: bool) -> bool:
        if key not in d:
            return default
        value = d[key]
        if not isinstance(value, bool):
            self.problem(f"{path}.{key}", "wrong_type", expected="boolean", got=type_name(value))
            return default
        return value

    def day(self, d: JsonObject, key: str, path: str) -> date | None:
        value = d.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"{path}.{key}", "wrong_type", expected="date", got=type_name(value))
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(f"{path}.{key}", "invalid_date", value=value[:40])
            return None

    def unique(self, items: Iterable[tuple[str, str]], what: str) -> None:
        seen: dict[str, str] = {}
        for path, code in items:
            if not code:
                continue
            if code in seen:
                self.problem(path, "duplicate_code", code=code, first=seen[code], kind=what)
            else:
                seen[code] = path


_TYPE_NAMES: dict[type, str] = {str: "string", list: "array", dict: "object"}


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    return _TYPE_NAMES.get(type(value), type(value).__name__)
