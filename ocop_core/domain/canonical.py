"""Canonical JSON and content hash of a criteria set, stable under key order and Unicode forms."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from decimal import Decimal
from typing import Any

HASH_ALGORITHM = "sha256"


def normalize_document(value: Any) -> Any:
    """NFC for every string and key, so "ắ" typed precomposed or decomposed is one text."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", str(k)): normalize_document(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalize_document(v) for v in value]
    return value


def _content(value: Any) -> Any:
    # Keys starting with "_" are notes and test fixtures at any depth (the loader ignores them too),
    # not part of what evaluators score against.
    if isinstance(value, dict):
        return {k: _content(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, list):
        return [_content(v) for v in value]
    return value


def _number(value: int | float | Decimal) -> str:
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def _encode(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        out.append("{")
        for i, key in enumerate(sorted(value)):
            if i:
                out.append(",")
            out.append(json.dumps(key, ensure_ascii=False))
            out.append(":")
            _encode(value[key], out)
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _encode(item, out)
        out.append("]")
    elif isinstance(value, bool) or value is None or isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, int | float | Decimal):
        out.append(_number(value))
    else:
        raise TypeError(f"not JSON: {type(value).__name__}")


def canonical_json(document: dict[str, Any]) -> str:
    """Sorted keys, no spaces, NFC text, numbers without trailing zeros; notes ("_" keys) dropped."""
    out: list[str] = []
    _encode(normalize_document(_content(document)), out)
    return "".join(out)


def content_hash(document: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()
