"""Makes tests/db/data/schema_0001.sqlite3: a database saved by the first migration, kept to test upgrades.

Run once, from the repository root, when the file is missing:

    .venv/bin/python tests/db/make_saved_db.py

Never regenerate it after a new migration: its point is to stay what revision 0001 wrote. Row ids are
fixed (a counter instead of uuid4) so test_saved_database_upgrade.py can name them.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
TARGET = HERE / "data" / "schema_0001.sqlite3"
SAMPLE_148 = REPO_ROOT.parent / "shared" / "domain" / "sample-criteria-set.json"
if not SAMPLE_148.exists():  # a clone without ../shared: the bundled copy, checked equal in test_resources
    SAMPLE_148 = REPO_ROOT / "resources" / "criteria" / "sample-qd148-2023.json"


def _fixed_ids():
    counter = itertools.count(1)
    return lambda: f"00000000-0000-4000-8000-{next(counter):012d}"


def build(target: Path) -> None:
    sys.path.insert(0, str(REPO_ROOT))
    from ocop_desktop.db import base
    from ocop_desktop.db.schema import head_revision, open_database
    from ocop_desktop.services import councils, criteria, dossiers, registry, sheets

    assert head_revision() == "0001", "the saved database must be written by revision 0001"
    original, new_id = base.new_id, _fixed_ids()
    # Row ids and the device id come from new_id, imported by name wherever it is used.
    for module in list(sys.modules.values()):
        if module.__name__.startswith("ocop_desktop") and getattr(module, "new_id", None) is original:
            module.new_id = new_id

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "schema_0001.sqlite3"
        db = open_database(path)
        with db.session() as s:
            criteria_id = criteria.import_criteria_set(s, SAMPLE_148.read_bytes()).id
            producer_id = registry.create_producer(
                s, name="Hợp tác xã Nước mắm Phú Khương", kind="cooperative", commune_code="18073",
                address="Thôn Phú Khương, phường Thành Sen", representative="Nguyễn Thị Hằng").id
            product_id = registry.create_product(
                s, producer_id=producer_id, name="Nước mắm cá cơm Phú Khương", subgroup_code="I.1.a",
                description="Ủ chượp truyền thống 12 tháng trong thùng gỗ").id
            dossier_id = dossiers.create_dossier(s, product_id=product_id, code="HS-2025-0001",
                                                 notes="Hồ sơ đánh giá lần đầu — đủ giấy tờ").id
            council_id = councils.create_council(
                s, name="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh", admin_unit_code="42").id
            member_id = councils.add_member(s, council_id=council_id, full_name="Trần Văn Đức", role="chair").id
            sheet_id = sheets.start_sheet(s, dossier_id=dossier_id, member_id=member_id,
                                          criteria_set_id=criteria_id).id
            sheets.record_answer(s, sheet_id=sheet_id, criterion="A.1.1", option="d",
                                 comment="Nguyên liệu địa phương từ 75% trở lên")
            registry.update_producer(s, producer_id, phone="0239 3856 123")
            s.commit()
        db.close()
        for suffix in ("-wal", "-shm"):
            assert not Path(f"{path}{suffix}").exists(), "WAL not checkpointed"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    print(f"criteria={criteria_id} producer={producer_id} product={product_id} dossier={dossier_id} "
          f"council={council_id} member={member_id} sheet={sheet_id}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite an existing file (think twice)")
    parser.add_argument("--out", type=Path, default=TARGET, help="where to write (default: %(default)s)")
    args = parser.parse_args()
    if args.out.exists() and not args.force:
        sys.exit(f"{args.out} exists; it must stay as revision 0001 wrote it")
    build(args.out)


if __name__ == "__main__":
    main()
