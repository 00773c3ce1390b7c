"""Errors a service raises for bad input: a code and the field, never display text."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ocop_core.errors import OcopError


class ServiceError(OcopError, ValueError):
    def __init__(self, code: str, field: str = "", /, **params: Any):
        super().__init__(code, f"{code}" + (f" [{field}]" if field else "") + (f" {params}" if params else ""),
                         **params)
        self.field = field


class NotFound(ServiceError):
    def __init__(self, entity: str, row_id: str):
        super().__init__("not_found", entity, id=row_id)


class FileTooLarge(ServiceError):
    """A file larger than the server takes. The size and the limit are numbers in ``params``, so a screen
    says both without reading them back out of a message."""

    def __init__(self, size: int, limit: int, field: str = "file_path"):
        super().__init__("file_too_large", field, size=size, limit=limit)


# Invisible characters that text pasted from a web page, a word processor or a phone book carries:
# they change nothing a person sees, but "Nước mắm\u200b Phú Khương" would not be found by "nước mắm
# phú khương". Direction embeddings, overrides and isolates go too: Windows wraps copied phone numbers
# in them, and left in a name they could show its letters in another order than stored (Trojan
# Source). No Vietnamese text needs any of them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"
                                    "\u2066\u2067\u2068\u2069"))
# Unicode's control characters (category Cc) but the line break and the tab a note may hold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: Any, field: str, max_len: int, required: bool = True) -> str:
    """NFC, trimmed, bounded, invisible and direction-changing characters dropped; control characters
    refused because they break files and screens."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ServiceError("wrong_type", field, expected="text")
    text = unicodedata.normalize("NFC", value.translate(_INVISIBLE)).strip()
    if required and not text:
        raise ServiceError("required", field)
    if len(text) > max_len:
        raise ServiceError("too_long", field, limit=max_len, length=len(text))
    if _CONTROL.search(text):
        raise ServiceError("control_characters", field)
    return text


def check_choice(value: Any, field: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ServiceError("invalid_choice", field, value=str(value)[:40], allowed=list(allowed))
    choice: str = value  # one of `allowed`
    return choice


def _number(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ServiceError("wrong_type", field, expected="number")
    try:
        result = float(value)
    except ValueError as exc:
        raise ServiceError("wrong_type", field, expected="number") from exc
    if result != result or result in (float("inf"), float("-inf")):
        raise ServiceError("out_of_range", field, value=str(result))
    return result


def check_coordinates(lat: Any, lon: Any) -> tuple[float | None, float | None]:
    if lat is None and lon is None:
        return None, None
    if lat is None or lon is None:
        raise ServiceError("coordinates_incomplete", "lat" if lat is None else "lon")
    lat_f, lon_f = _number(lat, "lat"), _number(lon, "lon")
    if not -90 <= lat_f <= 90:
        raise ServiceError("out_of_range", "lat", value=lat_f)
    if not -180 <= lon_f <= 180:
        raise ServiceError("out_of_range", "lon", value=lon_f)
    return lat_f, lon_f
