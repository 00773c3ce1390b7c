"""The consistency check re-downloads only what differs; the server's file limit applies at attach time."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from ocop_desktop.db.blobstore import store_for
from ocop_desktop.db.models import Dossier, Producer
from ocop_desktop.services import documents, dossiers, registry
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.sync.engine import SyncReport
from ocop_server.testing import LiveServer


def _producers(laptop, n: int) -> list[str]:
    with laptop.session() as s:
        ids = [registry.create_producer(s, name=f"Cơ sở số {i}", kind="household", commune_code="18073").id
               for i in range(n)]
        s.commit()
    return ids


def test_a_row_lost_behind_the_apps_back_is_downloaded_again(make_laptop):
    """A producer deleted from the laptop's file by hand is found by the check and comes back; only the
    producers are re-downloaded, nothing is pushed or overwritten on the server."""
    a = make_laptop("a")
    ids = _producers(a, 3)
    a.sync()
    con = sqlite3.connect(a.db.path)
    con.execute("DELETE FROM producers WHERE id = ?", (ids[0],))
    con.commit()
    con.close()

    report = SyncReport()
    a.engine().check(report, force=True)

    assert report.redownloaded == ["producers"]
    assert report.mismatched == []  # nothing still differs after the re-download
    with a.session() as s:
        assert s.get(Producer, ids[0]).name == "Cơ sở số 0"
    again = SyncReport()
    a.engine().check(again, force=True)
    assert again.redownloaded == [] and again.mismatched == []


def test_an_unchanged_laptop_checks_without_listing_entities(make_laptop):
    """When nothing moved, the check is skipped; forced, it matches on the combined digest alone."""
    a = make_laptop("a")
    _producers(a, 2)
    a.sync()
    sent = a.client.bytes_received
    report = SyncReport()
    a.engine().check(report, force=True)
    assert report.mismatched == [] and a.client.bytes_received - sent < 1000


def test_the_servers_file_limit_is_enforced_when_a_file_is_attached(tmp_path, make_laptop):
    """After a sync with a server that takes files up to 1000 bytes, attaching a 2000-byte file is refused
    at once with file_too_large, and no document row is written."""
    small = LiveServer(tmp_path / "small", max_upload_bytes=1000).start()
    small.create_user("admin", "mat-khau-123", "admin")
    try:
        laptop = make_laptop("a", url=small.url)
        with laptop.session() as s:
            producer = registry.create_producer(s, name="HTX Chè xanh", kind="cooperative", commune_code="18073").id
            product = registry.create_product(s, producer_id=producer, name="Chè xanh", subgroup_code="I.1.a").id
            dossier = dossiers.create_dossier(s, product_id=product).id
            s.commit()
        laptop.sync()
        big = tmp_path / "anh-san-pham.jpg"
        big.write_bytes(b"\xff" * 2000)
        with laptop.session() as s:
            blobs = store_for(s, laptop.blobs.root)
            with pytest.raises(ServiceError) as refused:
                documents.attach_document(s, blobs, dossier_id=dossier, file_path=big, doc_type="product_photo")
            assert refused.value.code == "file_too_large"
            s.rollback()
            assert s.get(Dossier, dossier) is not None
            assert s.scalars(select(Dossier.id)).all() == [dossier]
    finally:
        small.stop()
