"""The bundled 2025 administrative units of Hà Tĩnh and their legacy mapping."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from ocop_desktop.db.admin_units import successors
from ocop_desktop.db.models import AdminUnit, LegacyUnit
from ocop_desktop.db.schema import open_database
from ocop_desktop.paths import resources_dir

SEED = resources_dir() / "admin_units" / "ha_tinh_2025.json"


def test_ha_tinh_has_its_69_units_under_province_42(tmp_path: Path):
    """A new database holds province 42 and its 69 communes and wards, each with a centroid inside it."""
    db = open_database(tmp_path / "db.sqlite3")
    try:
        with db.session() as session:
            communes = session.scalars(select(AdminUnit).where(AdminUnit.level == "commune")).all()
            province = session.get(AdminUnit, "42")
    finally:
        db.close()
    assert province is not None and province.name == "Hà Tĩnh"
    assert len(communes) == 69
    assert {c.parent_code for c in communes} == {"42"}
    assert all(17.8 <= c.lat <= 18.85 and 105.1 <= c.lon <= 106.6 for c in communes)


def test_every_legacy_commune_maps_to_a_2025_unit(tmp_path: Path):
    """All 209 pre-2025 communes of the seed map to at least one existing 2025 unit."""
    db = open_database(tmp_path / "db.sqlite3")
    try:
        with db.session() as session:
            legacy = session.scalar(select(func.count(func.distinct(LegacyUnit.legacy_code))))
            orphans = session.scalar(select(func.count()).select_from(LegacyUnit)
                                     .outerjoin(AdminUnit, AdminUnit.code == LegacyUnit.unit_code)
                                     .where(AdminUnit.code.is_(None)))
    finally:
        db.close()
    assert legacy == 209
    assert orphans == 0


def test_a_split_legacy_commune_has_several_successors(tmp_path: Path):
    """Xã Kỳ Lợi (18796) was divided: every unit that received part of it is returned."""
    data = json.loads(SEED.read_text(encoding="utf-8"))
    expected = sorted(u["code"] for u in data["units"] if any(old["ward_code"] == "18796" for old in u["legacy"]))
    db = open_database(tmp_path / "db.sqlite3")
    try:
        with db.session() as session:
            found = [u.code for u in successors(session, "18796")]
    finally:
        db.close()
    assert len(expected) >= 2
    assert found == expected


def test_seed_is_not_loaded_twice(tmp_path: Path):
    """Reopening a database keeps one copy of the reference data."""
    for _ in range(2):
        open_database(tmp_path / "db.sqlite3").close()
    db = open_database(tmp_path / "db.sqlite3")
    try:
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(AdminUnit)) == 70
    finally:
        db.close()
