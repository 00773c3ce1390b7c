"""A lot recorded offline on one laptop, with its photo, reaches the server and a second laptop; the decision it
rests on travels with it, and the printed lot stays undeletable on the other laptop too."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from ocop_core.domain.dossier_status import STATUSES
from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import LotPhoto, ProductionLot, Recognition, ScoreSheet
from ocop_desktop.services import (
    assignments,
    councils,
    criteria,
    demo_documents,
    dossiers,
    lots,
    recognitions,
    registry,
    sheets,
)
from ocop_desktop.services.errors import ServiceError

BUNDLED_148 = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"
ADMIN = {"user_id": "00000000-0000-4000-8000-00000000ad01", "role": "admin"}
PASSWORD = "mat-khau-123"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _recognised_product(s: Session) -> str:
    """A product whose dossier the council scored best and approved, closed and recognised by the province."""
    producer = registry.create_producer(s, name="HTX Nước mắm Phú Khương", kind="cooperative",
                                        commune_code="18073").id
    product = registry.create_product(s, producer_id=producer, name="Nước mắm cá cơm", subgroup_code="I.1.a").id
    dossier = dossiers.create_dossier(s, product_id=product).id
    demo_documents.file_documents(s, [dossier])
    version = criteria.import_criteria_set(s, BUNDLED_148.read_bytes()).id
    council = councils.create_council(s, name="Hội đồng OCOP tỉnh Hà Tĩnh", admin_unit_code="42").id
    members = [councils.add_member(s, council_id=council, full_name=f"Thành viên {i}",
                                   role="chair" if i == 0 else "member").id for i in range(5)]
    evaluation = councils.open_evaluation(s, council_id=council, criteria_set_id=version).id
    for target in STATUSES[1:STATUSES.index("forwarded") + 1]:
        dossiers.change_dossier_status(s, dossier, target, **ADMIN)
    assignments.assign_dossier(s, council_id=council, dossier_id=dossier)
    for member in members:
        sheet = sheets.start_sheet(s, dossier_id=dossier, member_id=member, evaluation_id=evaluation).id
        _, product_set = sheets.sheet_context(s, s.get(ScoreSheet, sheet))
        sheets.record_answers(s, sheet_id=sheet, answers=extreme_answers(product_set, best=True))
        sheets.submit_sheet(s, sheet_id=sheet)
    councils.approve_council_result(s, approved_by=ADMIN["user_id"], evaluation_id=evaluation, dossier_id=dossier)
    for target in ("evaluated", "closed"):
        dossiers.change_dossier_status(s, dossier, target, **ADMIN)
    recognitions.record_recognition(s, dossier_id=dossier, decision_no="125/QĐ-UBND",
                                    decision_date=date.today() - timedelta(days=30),
                                    issuing_body="UBND tỉnh Hà Tĩnh", **ADMIN)
    return product


@pytest.mark.slow
def test_a_lot_and_its_photo_reach_a_second_laptop(make_laptop, server, tmp_path: Path):
    a = make_laptop("a")
    photo = tmp_path / "lô L-01.png"
    photo.write_bytes(PNG)
    with a.session() as s:
        product = _recognised_product(s)
        s.commit()
        lot = lots.create_lot(s, product_id=product, lot_code="L-01", produced_on=date.today(), quantity="240",
                              unit="chai", origin="Cá cơm vùng biển Cẩm Nhượng", **ADMIN).row_id()
        lots.attach_lot_photo(s, a.blobs, lot_id=lot, file_path=photo, **ADMIN)
        lots.mark_labels_printed(s, [lot])
        s.commit()
    report = a.sync()
    assert (report.rejected, report.conflicts) == (0, 0), report
    officer = {"user_id": server.create_user("canbo", PASSWORD, "commune_officer", commune_codes=["18073"],
                                             full_name="Cán bộ xã"), "role": "commune_officer"}
    b = make_laptop("b", username="canbo")
    b.sync()
    with b.session() as s:
        row = s.get(ProductionLot, lot)
        assert (row.lot_code, row.unit, row.origin, str(row.quantity)) == ("L-01", "chai",
                                                                          "Cá cơm vùng biển Cẩm Nhượng", "240")
        assert row.label_printed_at is not None
        assert s.query(Recognition).filter_by(product_id=product).count() == 1
        [stored] = s.query(LotPhoto).filter_by(lot_id=lot).all()
        sha = stored.sha256
        with pytest.raises(ServiceError) as error:
            lots.delete_lot(s, lot, **officer)
        assert error.value.code == "lot_label_printed"
        lots.withdraw_lot(s, lot, on=date.today(), reason="Nắp chai không kín", **officer)
        s.commit()
    # The photo's file is on the server for the officer's laptop to fetch.
    assert b.client.download(sha, tmp_path / "fetched.png") == len(PNG)
    assert b.sync().rejected == 0
    a.sync()
    with a.session() as s:
        assert s.get(ProductionLot, lot).withdrawal_reason == "Nắp chai không kín"
