"""Fixtures for the database tests: ready-made rows (the template database is in tests/conftest.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy.orm import Session

from ocop_desktop.services import dossiers, registry

COMMUNE = "18073"  # Phường Thành Sen, Hà Tĩnh


@pytest.fixture
def world(session: Session) -> SimpleNamespace:
    """A committed producer, its product and a dossier, with Vietnamese names."""
    producer_id = registry.create_producer(session, name="HTX Đồng Tâm", kind="cooperative",
                                           commune_code=COMMUNE).id
    product_id = registry.create_product(session, producer_id=producer_id, name="Nước mắm Phú Khương",
                                         subgroup_code="I.1.a").id
    dossier_id = dossiers.create_dossier(session, product_id=product_id).id
    session.commit()
    return SimpleNamespace(producer_id=producer_id, product_id=product_id, dossier_id=dossier_id)
