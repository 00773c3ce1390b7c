"""Products carry a GTIN and a public code: made when the product is, filled for older rows by migration 0008."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.errors import OcopError
from ocop_core.traceability import public_code
from ocop_desktop.db.models import Producer, Product
from ocop_desktop.db.schema import open_database
from ocop_desktop.services import registry

SAVED_0007 = Path(__file__).resolve().parents[1] / "db" / "data" / "schema_0007.sqlite3"


def test_upgrade_gives_every_older_product_its_derived_code(tmp_path: Path) -> None:
    """A database saved at 0007 opens with each product's public code derived from its id, and no GTIN."""
    path = tmp_path / "ocop.sqlite3"
    shutil.copy(SAVED_0007, path)
    db = open_database(path)
    try:
        with db.session() as s:
            products = s.scalars(select(Product)).all()
            assert products
            assert [(p.public_code, p.gtin) for p in products] == [(public_code(p.id), "") for p in products]
    finally:
        db.close()


def _producer(session: Session) -> str:
    return registry.create_producer(session, name="HTX Chè Hương Sơn", kind="cooperative",
                                    commune_code="18073").id


def test_a_new_product_gets_its_code_and_a_normalised_gtin(session: Session) -> None:
    """create_product stores the code of its id and the GTIN as 14 digits; an edit never changes the code."""
    producer = _producer(session)
    made = registry.create_product(session, producer_id=producer, name="Chè xanh", subgroup_code="I.1.a",
                                   gtin="893 5049 500018").id
    product = session.get(Product, made)
    assert (product.public_code, product.gtin) == (public_code(made), "08935049500018")
    registry.update_product(session, made, name="Chè xanh Hương Sơn", gtin="")
    assert (product.public_code, product.gtin) == (public_code(made), "")


def test_a_wrong_gtin_is_refused_and_nothing_changes(session: Session) -> None:
    """A GTIN with a wrong check digit raises invalid_gtin; the product keeps its GTIN and no product is made."""
    producer = _producer(session)
    made = registry.create_product(session, producer_id=producer, name="Chè xanh", subgroup_code="I.1.a",
                                   gtin="4006381333931").id
    session.commit()
    with pytest.raises(OcopError) as caught:
        registry.update_product(session, made, gtin="4006381333932")
    assert caught.value.code == "invalid_gtin"
    with pytest.raises(OcopError):
        registry.create_product(session, producer_id=producer, name="Chè khô", subgroup_code="I.1.a", gtin="12")
    session.rollback()
    assert session.get(Product, made).gtin == "04006381333931"
    assert session.scalar(select(Product.id).where(Product.name == "Chè khô")) is None
    assert session.get(Producer, producer) is not None
