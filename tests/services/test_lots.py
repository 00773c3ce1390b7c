"""Production lots: only for recognised products, by the commune's officer or the admin; codes unique per
product; a printed lot is never deleted nor re-coded, it is withdrawn with a reason, for good."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from recognition_world import approved_dossier, recognise
from rules_laptop import AS_ADMIN, ELSEWHERE, person
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import LotPhoto, ProductionLot
from ocop_desktop.services import lots
from ocop_desktop.services.errors import ServiceError

TODAY = date.today()


@pytest.fixture
def recognised(session: Session, council: SimpleNamespace, dossier_id: str, product_id: str) -> str:
    approved_dossier(session, council, dossier_id)
    recognise(session, dossier_id)
    return product_id


def _lot(session: Session, product_id: str, code: str = "L-001", who: dict | None = None, **values) -> str:
    return lots.create_lot(session, product_id=product_id, lot_code=code, **(who or AS_ADMIN), **values).row_id()


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ProductionLot))


def test_an_unrecognised_product_takes_no_lot(session: Session, product_id: str, dossier_id: str):
    with pytest.raises(ServiceError) as error:
        _lot(session, product_id)
    assert error.value.code == "product_not_recognised" and _count(session) == 0


def test_the_communes_officer_records_a_lot_and_another_commune_may_not(session: Session, recognised: str):
    lot = _lot(session, recognised, who=person(session, "commune_officer"), produced_on=TODAY,
               expires_on=TODAY + timedelta(days=180), quantity="1500,5", unit="chai",
               origin="Vùng biển Cẩm Nhượng")
    row = session.get(ProductionLot, lot)
    assert (row.quantity, row.unit, row.origin, row.expiry_kind) == (Decimal("1500.5"), "chai", "Vùng biển Cẩm Nhượng",
                                                                     "expiry")
    for who, code in ((person(session, "commune_officer", ELSEWHERE), "lot_out_of_scope"),
                      (person(session, "member"), "lot_not_for_role")):
        with pytest.raises(ServiceError) as error:
            _lot(session, recognised, "L-002", who=who)
        assert error.value.code == code
    assert _count(session) == 1


def test_a_lot_code_is_unique_per_product_even_once_deleted(session: Session, recognised: str):
    lot = _lot(session, recognised)
    with pytest.raises(ServiceError) as error:
        _lot(session, recognised)
    assert (error.value.code, error.value.params["code"]) == ("duplicate_lot_code", "L-001")
    lots.delete_lot(session, lot, **AS_ADMIN)
    with pytest.raises(ServiceError):
        _lot(session, recognised)  # a deleted lot's code may be on a label somewhere


@pytest.mark.parametrize(("values", "code"), [
    ({"produced_on": TODAY, "expires_on": TODAY - timedelta(days=1)}, "lot_dates_order"),
    ({"quantity": "-3"}, "quantity_negative"),
    ({"quantity": "ba chục"}, "wrong_type"),
    ({"expiry_kind": "whenever"}, "invalid_choice"),
    ({"origin": "x" * 501}, "too_long"),
])
def test_bad_values_are_refused_and_nothing_written(session: Session, recognised: str, values: dict, code: str):
    with pytest.raises(ServiceError) as error:
        _lot(session, recognised, **values)
    assert error.value.code == code and _count(session) == 0


def test_bad_lot_codes_are_refused(session: Session, recognised: str):
    for text, code in (("", "required"), ("Lô 1", "invalid_lot_code"), ("L" * 21, "invalid_lot_code")):
        with pytest.raises(ServiceError) as error:
            _lot(session, recognised, text)
        assert error.value.code == code
    assert _count(session) == 0


def test_a_printed_lot_is_withdrawn_never_deleted_nor_recoded(session: Session, recognised: str):
    lot = _lot(session, recognised)
    lots.mark_labels_printed(session, [lot])
    first = session.get(ProductionLot, lot).label_printed_at
    lots.mark_labels_printed(session, [lot, lot])
    assert session.get(ProductionLot, lot).label_printed_at == first  # the first printing is kept
    for action in (lambda: lots.delete_lot(session, lot, **AS_ADMIN),
                   lambda: lots.update_lot(session, lot, lot_code="L-009", **AS_ADMIN)):
        with pytest.raises(ServiceError) as error:
            action()
        assert error.value.code == "lot_label_printed"
    with pytest.raises(ServiceError) as error:
        lots.withdraw_lot(session, lot, on=TODAY, reason=" ", **AS_ADMIN)
    assert error.value.code == "withdrawal_reason_required"
    lots.withdraw_lot(session, lot, on=TODAY, reason="Nắp không kín", **AS_ADMIN)
    with pytest.raises(ServiceError) as error:
        lots.withdraw_lot(session, lot, on=TODAY, reason="Lần nữa", **AS_ADMIN)
    assert error.value.code == "lot_withdrawn"
    row = session.get(ProductionLot, lot)
    assert (row.deleted, row.lot_code, row.withdrawal_reason) == (False, "L-001", "Nắp không kín")


def test_an_unprinted_lot_typed_by_mistake_is_deleted(session: Session, recognised: str):
    lot = _lot(session, recognised)
    lots.delete_lot(session, lot, **AS_ADMIN)
    assert session.get(ProductionLot, lot).deleted
    assert lots.load_lots(session, recognised, **AS_ADMIN).lots == ()


def test_photos_are_images_stored_by_content(session: Session, recognised: str, blobs: BlobStore, tmp_path: Path):
    lot = _lot(session, recognised)
    photo = tmp_path / "lô.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    text = tmp_path / "ghi chú.txt"
    text.write_text("không phải ảnh")
    with pytest.raises(ServiceError) as error:
        lots.attach_lot_photo(session, blobs, lot_id=lot, file_path=text, **AS_ADMIN)
    assert error.value.code == "not_an_image"
    lots.attach_lot_photo(session, blobs, lot_id=lot, file_path=photo, **AS_ADMIN)
    [stored] = session.scalars(select(LotPhoto)).all()
    assert blobs.has(stored.sha256) and stored.original_name == "lô.png"
    [info] = lots.load_lots(session, recognised, **AS_ADMIN).lots
    assert [p.file_name for p in info.photos] == ["lô.png"]


def test_demo_lots_go_to_products_recognised_today(session: Session, recognised: str, product_id: str):
    """The demo records three lots of a recognised product, withdraws one and prints the labels of two."""
    from ocop_desktop.services import demo_lots

    assert demo_lots.add_lots(session, AS_ADMIN["user_id"]) == 3
    rows = session.scalars(select(ProductionLot).where(ProductionLot.product_id == recognised)).all()
    assert len(rows) == 3 and sum(r.label_printed_at is not None for r in rows) == 2
    assert [r.withdrawal_reason != "" for r in rows].count(True) == 1
