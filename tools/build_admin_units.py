"""Build resources/admin_units/ha_tinh_2025.json from the vietnamadminunits package data."""

import json
import sqlite3
import sys
from pathlib import Path

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
PROVINCE_KEY = "tinhhatinh"
OUT = Path(__file__).resolve().parent.parent / "resources" / "admin_units" / "ha_tinh_2025.json"

NOTE = (
    "2025 two-level units (34 provinces) from table admin_units of data/dataset.db; legacy "
    "(63-province) units from table admin_units_legacy; legacy->2025 mapping from "
    "data/converter_2025.json, whose entries are name keys that were joined to the legacy "
    "table to get codes. All codes are the package's GSO/NSO codes, kept as strings; each "
    "2025 unit's code equals the legacy code of one of its constituent wards. lat/lon are "
    "point centroids (no polygons) and area_km2 is the package's figure; accuracy unknown. "
    "The legacy snapshot is after "
    "1 Jan 2025, so Huyện Lộc Hà no longer exists (merged into Huyện Thạch Hà). A legacy ward "
    "split between several 2025 units is listed under each of them; see SOURCE.md."
)


def _data_dir() -> Path:
    # Locate the data without importing the package: its __init__ loads the parsers and
    # pulls in shapely/geopy, none of which this script needs.
    from importlib import metadata, util

    try:
        version = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        sys.exit(f"install {PACKAGE}=={VERSION} first (in a throwaway venv)")
    if version != VERSION:
        sys.exit(f"{PACKAGE}=={VERSION} required (found {version}); output would not be reproducible")
    spec = util.find_spec(PACKAGE)
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _units_2025(db: sqlite3.Connection) -> list[sqlite3.Row]:
    rows = db.execute(
        "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon,"
        " ward, wardShort, wardType, wardCode, wardKey, wardLat, wardLon, wardAreaKm2"
        " FROM admin_units WHERE provinceKey = ?",
        (PROVINCE_KEY,),
    ).fetchall()
    if not rows:
        sys.exit(f"no 2025 units for {PROVINCE_KEY}")
    return rows


def _legacy_wards(db: sqlite3.Connection) -> tuple[dict[str, dict], dict[str, str]]:
    """Legacy wards by the converter's name key, and legacy district names by code."""
    # The converter speaks in "<province>_<district>_<ward>" name keys, not codes.
    legacy_by_key = {}
    districts = {}
    for r in db.execute(
        "SELECT DISTINCT provinceKey, districtKey, wardKey, wardCode, ward, districtCode, district"
        " FROM admin_units_legacy WHERE provinceKey = ?",
        (PROVINCE_KEY,),
    ):
        key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
        if key in legacy_by_key:
            sys.exit(f"ambiguous legacy key {key}")
        legacy_by_key[key] = {
            "ward_code": r["wardCode"],
            "ward_name": r["ward"],
            "district_code": r["districtCode"],
            "district_name": r["district"],
        }
        districts[r["districtCode"]] = r["district"]
    return legacy_by_key, districts


def _legacy_keys_by_new(data: Path, legacy_by_key: dict[str, dict]) -> dict[str, list[str]]:
    """Each 2025 ward's name key -> the name keys of the legacy wards it took in, checked both ways."""
    conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    old_keys_by_new = {
        k: list(v) for k, v in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].get(PROVINCE_KEY, {}).items()
    }
    # A split legacy ward goes under every 2025 unit that received part of it, since any of
    # them may now hold a producer registered under the old address.
    for old_key, targets in conv["DICT_PROVINCE_WARD_DIVIDED"].get(PROVINCE_KEY, {}).items():
        for t in targets:
            old_keys_by_new.setdefault(t["newWardKey"], []).append(old_key)

    unknown = {k for keys in old_keys_by_new.values() for k in keys} - legacy_by_key.keys()
    if unknown:
        sys.exit(f"mapping refers to legacy wards missing from the dataset: {sorted(unknown)}")
    unmapped = legacy_by_key.keys() - {k for keys in old_keys_by_new.values() for k in keys}
    if unmapped:
        print(f"warning: legacy wards with no 2025 unit: {sorted(unmapped)}", file=sys.stderr)
    return old_keys_by_new


def _unit(r: sqlite3.Row, legacy: list[dict]) -> dict:
    ward_type = r["wardType"]
    name = r["ward"]
    short = r["wardShort"]
    if not short and name.startswith(ward_type + " "):
        short = name[len(ward_type) + 1 :]
    return {
        "code": r["wardCode"],
        "name": name,
        "short_name": short or name,
        "division_type": ward_type.lower(),
        "lat": r["wardLat"],
        "lon": r["wardLon"],
        "area_km2": r["wardAreaKm2"],
        "legacy": sorted(legacy, key=lambda x: (x["ward_code"], x["district_code"])),
    }


def build() -> dict:
    data = _data_dir()
    db = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    rows = _units_2025(db)
    legacy_by_key, districts = _legacy_wards(db)
    old_keys_by_new = _legacy_keys_by_new(data, legacy_by_key)
    units = [_unit(r, [legacy_by_key[k] for k in old_keys_by_new.pop(r["wardKey"], [])]) for r in rows]
    if old_keys_by_new:
        sys.exit(f"mapping targets with no 2025 unit: {sorted(old_keys_by_new)}")
    units.sort(key=lambda u: u["code"])

    first = rows[0]
    return {
        "source": {
            "package": PACKAGE,
            "version": VERSION,
            "licence": "MIT",
            "url": "https://github.com/tranngocminhhieu/vietnamadminunits",
            "note": NOTE,
        },
        "province": {
            "code": first["provinceCode"],
            "name": first["provinceShort"],
            "division_type": first["province"][: -len(first["provinceShort"])].strip().lower(),
            "lat": first["provinceLat"],
            "lon": first["provinceLon"],
        },
        "units": units,
        "legacy_districts": [{"code": c, "name": n} for c, n in sorted(districts.items())],
    }


def main() -> None:
    doc = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n_legacy = len({w["ward_code"] for u in doc["units"] for w in u["legacy"]})
    print(
        f"wrote {OUT}: {len(doc['units'])} units, {len(doc['legacy_districts'])} legacy districts, "
        f"{n_legacy} legacy wards"
    )


if __name__ == "__main__":
    main()
