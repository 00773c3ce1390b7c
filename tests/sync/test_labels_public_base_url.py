"""The province's public base URL reaches a laptop at sync, and labels made afterwards, offline, use it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ocop_desktop.services import dossiers, labels, registry
from ocop_desktop.services.errors import ServiceError
from ocop_server.testing import LiveServer

BASE = "https://truyxuat.hatinh.gov.vn/ocop"
PASSWORD = "mat-khau-123"  # the one make_laptop logs in with (tests/sync/conftest.py)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    """The live server of tests/sync/conftest.py, with its public base URL set."""
    live = LiveServer(tmp_path / "server", public_base_url=BASE).start()
    live.create_user("admin", PASSWORD, "admin", full_name="Quản trị tỉnh")
    yield live
    live.stop()


def test_a_synced_laptop_prints_labels_with_the_server_base_after_it_goes_offline(make_laptop, server) -> None:
    """Before its first sync the laptop refuses to make a label; after it, the base is kept, and with the
    server stopped the label's URL is that base and the product's short path."""
    laptop = make_laptop("a")
    with laptop.session() as s:
        producer = registry.create_producer(s, name="HTX Cam Khe Mây", kind="cooperative", commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name="Cam Khe Mây", subgroup_code="I.1.a").id
        dossiers.create_dossier(s, product_id=product, code="HS-2026-0500")
        s.commit()
        with pytest.raises(ServiceError) as before:
            labels.label_items(s, product_id=product, today=date(2026, 12, 3))
        assert before.value.code == "no_public_base_url"
    assert laptop.sync().rejected == 0
    server.stop()
    with laptop.session() as s:
        assert labels.public_base_url(s) == BASE
        item = labels.label_items(s, product_id=product, today=date(2026, 12, 3))[0]
        hit = labels.find_scanned(s, item.url)
    assert item.url.startswith(BASE + "/p/") and hit.product_id == product
