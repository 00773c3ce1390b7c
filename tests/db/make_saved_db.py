"""Saves tests/db/data/schema_NNNN.sqlite3: a database written by schema revision NNNN, kept to test upgrades.

Run once per new migration, from the repository root, with that migration at head and nothing else changed:

    .venv/bin/python tests/db/make_saved_db.py

It writes schema_<head>.sqlite3 and schema_<head>.json (the ids of the rows it made, which the test reads
back). Never regenerate a saved file after a later migration: its point is to stay what its revision wrote.
test_saved_database_upgrade.py fails while a revision in migrations/versions has no saved file.

A saved file for an older revision is made by running this script in an export of the last commit where
that revision was head (`git archive <commit> | tar -x -C DIR`, then `python tests/db/make_saved_db.py
--out ...` inside DIR): the code of the day writes the data, as a laptop of the day would have.

Row ids are fixed (a counter instead of uuid4) so that a rebuilt file differs only in timestamps.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
DATA = HERE / "data"
SAMPLE_148 = REPO_ROOT.parent / "shared" / "domain" / "sample-criteria-set.json"
if not SAMPLE_148.exists():  # a clone without ../shared: the bundled copy, checked equal in test_resources
    SAMPLE_148 = REPO_ROOT / "resources" / "criteria" / "sample-qd148-2023.json"


def saved_file(revision: str, folder: Path = DATA) -> Path:
    return folder / f"schema_{revision}.sqlite3"


def _fixed_ids():
    counter = itertools.count(1)
    return lambda: f"00000000-0000-4000-8000-{next(counter):012d}"


def _fix_row_ids() -> None:
    """Row ids and the device id come from new_id, imported by name wherever it is used."""
    from ocop_desktop.db import base

    original, new_id = base.new_id, _fixed_ids()
    for module in list(sys.modules.values()):
        if module.__name__.startswith("ocop_desktop") and getattr(module, "new_id", None) is original:
            module.new_id = new_id


def _write_rows(db) -> dict[str, str]:
    """The same few rows for every revision, through the services of the day, with Vietnamese text."""
    from sqlalchemy import text

    from ocop_desktop.services import councils, criteria, dossiers, registry, sheets

    with db.session() as s:
        ids = {"criteria": criteria.import_criteria_set(s, SAMPLE_148.read_bytes()).id}
        ids["producer"] = registry.create_producer(
            s, name="Hợp tác xã Nước mắm Phú Khương", kind="cooperative", commune_code="18073",
            address="Thôn Phú Khương, phường Thành Sen", representative="Nguyễn Thị Hằng").id
        ids["product"] = registry.create_product(
            s, producer_id=ids["producer"], name="Nước mắm cá cơm Phú Khương", subgroup_code="I.1.a",
            description="Ủ chượp truyền thống 12 tháng trong thùng gỗ").id
        ids["dossier"] = dossiers.create_dossier(s, product_id=ids["product"], code="HS-2025-0001",
                                                 notes="Hồ sơ đánh giá lần đầu — đủ giấy tờ").id
        ids["council"] = councils.create_council(
            s, name="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh", admin_unit_code="42").id
        ids["member"] = councils.add_member(s, council_id=ids["council"], full_name="Trần Văn Đức",
                                            role="chair").id
        ids["sheet"] = sheets.start_sheet(s, dossier_id=ids["dossier"], member_id=ids["member"],
                                          criteria_set_id=ids["criteria"]).id
        sheets.record_answer(s, sheet_id=ids["sheet"], criterion="A.1.1", option="d",
                             comment="Nguyên liệu địa phương từ 75% trở lên")
        registry.update_producer(s, ids["producer"], phone="0239 3856 123")
        s.commit()
        # Raw SQL: these two are read the same way whatever the models of the day call them.
        ids["line"] = s.execute(text("SELECT id FROM score_lines WHERE sheet_id = :sheet"),
                                {"sheet": ids["sheet"]}).scalar_one()
        ids["device"] = s.execute(text("SELECT value FROM local_meta WHERE key = 'device_id'")).scalar_one()
    return ids


def _write_approved_result(db, ids: dict[str, str]) -> dict[str, str]:
    """Since 0004 (a result names its approver): a second dossier scored in full and its result approved."""
    from ocop_core.domain.scoring import Answer
    from ocop_desktop.db.models import CouncilAssignment, DossierDocument, ScoreSheet
    from ocop_desktop.services import councils, dossiers, sheets

    with db.session() as s:
        more = {"approved_dossier": dossiers.create_dossier(s, product_id=ids["product"], code="HS-2025-0002",
                                                            notes="Hồ sơ đã được hội đồng thông qua").id}
        more["evaluation"] = councils.open_evaluation(s, council_id=ids["council"],
                                                      criteria_set_id=ids["criteria"]).id
        s.flush()  # a council records a result only for a dossier put before it (ocop_core.rules)
        s.add(CouncilAssignment(council_id=ids["council"], dossier_id=more["approved_dossier"]))
        # Since the rules ask for a dossier's papers before it is recognised, the approved dossier holds them
        # (rows only: the result reads their types, not the files).
        for doc_type in ("registration_form", "business_registration", "quality_declaration", "lab_test_report"):
            s.add(DossierDocument(dossier_id=more["approved_dossier"], doc_type=doc_type, sha256="0" * 64, size=1,
                                  issued_on=date.today()))
        more["approved_sheet"] = sheets.start_sheet(s, dossier_id=more["approved_dossier"], member_id=ids["member"],
                                                    evaluation_id=more["evaluation"]).id
        _, product_set = sheets.sheet_context(s, s.get(ScoreSheet, more["approved_sheet"]))
        best = lambda options: max(options, key=lambda o: o.points).code  # noqa: E731
        answers = [Answer(c.code, best(sub.options), sub.code) for c in product_set.criteria for sub in c.subitems]
        answers += [Answer(c.code, best(c.options)) for c in product_set.criteria if not c.subitems]
        sheets.record_answers(s, sheet_id=more["approved_sheet"], answers=answers)
        sheets.submit_sheet(s, sheet_id=more["approved_sheet"])
        more["approver"] = "00000000-0000-4000-8000-0000000000a1"
        more["result"] = councils.approve_council_result(
            s, approved_by=more["approver"], evaluation_id=more["evaluation"],
            dossier_id=more["approved_dossier"]).id
        s.commit()
    return more


def _write_sync_local_rows(db) -> dict[str, str]:
    """Since 0005: a row that never leaves the laptop (a demo account) and a pulled row kept aside."""
    from ocop_core.protocol import Row
    from ocop_desktop.db import journal, pull_apply
    from ocop_desktop.db.models import User

    with db.session() as s:
        user = User(username="thanhvien", full_name="Lê Thị Thành Viên", role="member")
        s.add(user)
        s.flush()
        journal.keep_local(s, "users", [user.id])
        held = Row(entity="producers", id="00000000-0000-4000-8000-0000000000b1", version=41, deleted=False,
                   data={"name": "Cơ sở thiếu ngày tạo", "kind": "household", "commune_code": "18073"})
        pull_apply.quarantine(s, held, "invalid: created_at: required")
        s.commit()
        return {"local_user": user.id, "quarantined": held.id}


def _write_located_producer(db) -> dict[str, str]:
    """Since 0006: a producer whose position was picked on the map, with the accuracy of that pick."""
    from ocop_desktop.services import registry

    with db.session() as s:
        located = registry.create_producer(
            s, name="Cơ sở Mật ong Cường Nga", kind="household", commune_code="18073", lat=18.340215,
            lon=105.906148, location_accuracy_m=12.5, location_source="map").id
        s.commit()
    return {"located_producer": located}


def build(target: Path) -> dict[str, str]:
    """Writes the saved database and its id manifest beside it; the name must carry the head revision."""
    sys.path.insert(0, str(REPO_ROOT))
    from ocop_desktop.db.schema import head_revision, open_database

    revision = head_revision()
    if target.name != saved_file(revision).name:
        raise SystemExit(f"{target.name}: the code here writes revision {revision}, {saved_file(revision).name}")
    _fix_row_ids()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / target.name
        db = open_database(path)
        ids = _write_rows(db)
        if revision >= "0004":
            ids |= _write_approved_result(db, ids)
        if revision >= "0005":
            ids |= _write_sync_local_rows(db)
        if revision >= "0006":
            ids |= _write_located_producer(db)
        db.close()
        for suffix in ("-wal", "-shm"):
            assert not Path(f"{path}{suffix}").exists(), "WAL not checkpointed"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    manifest = {"revision": revision, **ids}
    target.with_suffix(".json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite an existing file (think twice)")
    parser.add_argument("--out", type=Path, help="where to write (default: tests/db/data/schema_<head>.sqlite3)")
    args = parser.parse_args()
    if args.out is None:
        sys.path.insert(0, str(REPO_ROOT))
        from ocop_desktop.db.schema import head_revision

        args.out = saved_file(head_revision())
    if args.out.exists() and not args.force:
        sys.exit(f"{args.out} exists; it must stay as its revision wrote it")
    print(json.dumps(build(args.out), indent=2))


if __name__ == "__main__":
    main()
