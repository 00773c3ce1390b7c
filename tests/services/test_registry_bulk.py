"""Producers and products made by the thousand take the checks one made at a time takes: a bad value or a gone
producer refuses the whole batch and writes nothing; every product gets its own public code, never one this
laptop already holds."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_core.traceability import public_code
from ocop_desktop.db.models import ChangeJournal, Producer, Product
from ocop_desktop.services import registry, registry_bulk
from ocop_desktop.services.errors import NotFound, ServiceError

COMMUNE = "18073"


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model))


def _producer(session: Session, name: str = "HTX Phú Khương") -> str:
    [producer_id] = registry_bulk.create_producers(session, [{"name": name, "kind": "cooperative",
                                                              "commune_code": COMMUNE}])
    return producer_id


@pytest.mark.parametrize(("bad", "code"), [
    ({"phone": "09l2 345 678"}, "invalid_phone"),
    ({"tax_code": "30012345A"}, "invalid_tax_code"),
    ({"commune_code": "99999"}, "unknown_commune"),
    ({"kind": "co-op"}, "invalid_choice"),
    ({"name": "HTX\x07 Chuông"}, "control_characters"),
    ({"name": "   "}, "required"),
    ({"address": "x" * 5000}, "too_long"),
])
def test_one_bad_producer_refuses_the_batch(session: Session, bad: dict, code: str):
    good = {"name": "HTX Nước mắm", "kind": "cooperative", "commune_code": COMMUNE}
    with pytest.raises(ServiceError) as refused:
        registry_bulk.create_producers(session, [good, {**good, **bad}])
    assert refused.value.code == code
    assert (_count(session, Producer), _count(session, ChangeJournal)) == (0, 0)


def test_text_is_cleaned_as_a_form_cleans_it(session: Session):
    producer_id = _producer(session, "  HTX\u200b Phu\u0301 Khương ")
    assert session.get(Producer, producer_id).name == "HTX Phú Khương"


def test_a_product_of_a_gone_producer_refuses_the_batch(session: Session):
    alive, gone = _producer(session), _producer(session, "Cơ sở đã nghỉ")
    session.get(Producer, gone).deleted = True
    session.flush()
    rows = [{"producer_id": alive, "name": "Nước mắm", "subgroup_code": "I.1.a"},
            {"producer_id": gone, "name": "Chè", "subgroup_code": "I.1.a"}]
    with pytest.raises(NotFound):
        registry_bulk.create_products(session, rows)
    with pytest.raises(NotFound):
        registry_bulk.create_products(session, [{"producer_id": "' OR 1=1 --", "name": "Chè",
                                                 "subgroup_code": "I.1.a"}])
    with pytest.raises(ServiceError, match="required"):
        registry_bulk.create_products(session, [{"producer_id": alive, "name": "Chè"}])
    assert _count(session, Product) == 0


def test_a_product_takes_its_producers_commune_unless_given(session: Session):
    producer_id = _producer(session)
    first, second = registry_bulk.create_products(session, [
        {"producer_id": producer_id, "name": "Nước mắm", "subgroup_code": "I.1.a"},
        {"producer_id": producer_id, "name": "Mắm tôm", "subgroup_code": "I.1.a", "commune_code": "18100"}])
    assert session.get(Product, first).commune_code == COMMUNE
    assert session.get(Product, second).commune_code == "18100"


def test_public_codes_are_the_products_own_and_never_one_already_held(session: Session, monkeypatch):
    producer_id = _producer(session)
    held = registry.create_product(session, producer_id=producer_id, name="Mắm cũ", subgroup_code="I.1.a").row_id()
    session.flush()
    taken = session.get(Product, held).public_code
    ids = iter(["7c0f5a3e-0000-4000-8000-000000000001", "7c0f5a3e-0000-4000-8000-000000000002",
                "7c0f5a3e-0000-4000-8000-000000000003"])
    monkeypatch.setattr(registry_bulk, "new_id", lambda: next(ids))
    # The first new product's own code is the one already held; the next two share theirs with each other.
    real = registry.public_code
    same = {"7c0f5a3e-0000-4000-8000-000000000002", "7c0f5a3e-0000-4000-8000-000000000003"}
    monkeypatch.setattr(registry, "public_code", lambda pid, attempt=0: (
        taken if attempt == 0 and pid.endswith("1") else "SAMECODE" if attempt == 0 and pid in same
        else real(pid, attempt=attempt)))
    made = registry_bulk.create_products(session, [
        {"producer_id": producer_id, "name": f"Sản phẩm {i}", "subgroup_code": "I.1.a"} for i in range(3)])
    codes = [session.get(Product, i).public_code for i in made]
    assert codes == [public_code(made[0], attempt=1), "SAMECODE", public_code(made[2], attempt=1)]
    assert len(set(codes) | {taken}) == 4
