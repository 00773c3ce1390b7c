"""Commune names for the public pages, from the administrative units bundled with the project."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

UNITS_DIR = Path(__file__).resolve().parents[2] / "resources" / "admin_units"


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """code -> name of every 2025 unit and of the legacy wards they absorbed (a product registered before the
    2025 reorganisation may still carry a ward's code). Empty when the resources are not installed beside the
    server: the page then shows the code, which is still true."""
    found: dict[str, str] = {}
    for path in sorted(UNITS_DIR.glob("*.json")) if UNITS_DIR.is_dir() else ():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        province = data.get("province") or {}
        if province.get("code"):
            found[str(province["code"])] = str(province.get("name") or province["code"])
        for unit in data.get("units") or ():
            for legacy in unit.get("legacy") or ():
                if legacy.get("ward_code"):
                    found.setdefault(str(legacy["ward_code"]), str(unit.get("name") or legacy["ward_code"]))
        for unit in data.get("units") or ():
            if unit.get("code"):
                found[str(unit["code"])] = str(unit.get("name") or unit["code"])
    return found


@lru_cache(maxsize=1)
def province_name() -> str:
    for path in sorted(UNITS_DIR.glob("*.json")) if UNITS_DIR.is_dir() else ():
        try:
            return str(json.loads(path.read_text(encoding="utf-8"))["province"]["name"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return ""


def commune_name(code: str | None) -> str:
    if not code:
        return ""
    return names().get(code, code)
