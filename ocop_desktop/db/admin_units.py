"""Loads the bundled 2025 administrative units (see resources/admin_units/SOURCE.md) into the database."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, func, insert, select

from ocop_desktop.db.models.reference import AdminUnit, LegacyUnit
from ocop_desktop.paths import resources_dir


def bundled_files() -> list[Path]:
    return sorted((resources_dir() / "admin_units").glob("*.json"))


def read_units(path: Path) -> tuple[list[dict], list[dict]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    province = data["province"]
    units = [{
        "code": province["code"], "level": "province", "name": province["name"],
        "short_name": province["name"], "division_type": province.get("division_type", "tỉnh"),
        "parent_code": None, "lat": province.get("lat"), "lon": province.get("lon"), "area_km2": None,
    }]
    legacy = []
    for u in data["units"]:
        units.append({
            "code": u["code"], "level": "commune", "name": u["name"], "short_name": u.get("short_name") or u["name"],
            "division_type": u.get("division_type", ""), "parent_code": province["code"],
            "lat": u.get("lat"), "lon": u.get("lon"), "area_km2": u.get("area_km2"),
        })
        for old in u.get("legacy", []):
            legacy.append({
                "legacy_code": old["ward_code"], "unit_code": u["code"], "legacy_name": old["ward_name"],
                "district_code": old.get("district_code", ""), "district_name": old.get("district_name", ""),
            })
    return units, legacy


def seed_if_empty(engine: Engine) -> None:
    with engine.begin() as conn:
        if conn.scalar(select(func.count()).select_from(AdminUnit)):
            return
        for path in bundled_files():
            units, legacy = read_units(path)
            conn.execute(insert(AdminUnit), units)
            if legacy:
                conn.execute(insert(LegacyUnit), legacy)


def successors(session, legacy_code: str) -> list[AdminUnit]:
    """The 2025 unit(s) a pre-July-2025 commune went into; several when it was split."""
    return list(session.scalars(
        select(AdminUnit).join(LegacyUnit, LegacyUnit.unit_code == AdminUnit.code)
        .where(LegacyUnit.legacy_code == legacy_code).order_by(AdminUnit.code)))
