"""Labels and scans against a real database: addresses from the base URL kept on the laptop, lots on labels,
and a scanned picture opening its product or lot, or saying in Vietnamese why it cannot."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from sqlalchemy.orm import Session

from ocop_core.errors import OcopError
from ocop_desktop import words
from ocop_desktop.db.models import LocalMeta, Product, ProductionLot
from ocop_desktop.labels import LabelError
from ocop_desktop.labels.qr import qr_png
from ocop_desktop.labels.scan import read_codes
from ocop_desktop.services import dossiers, labels, registry
from ocop_desktop.services.errors import ServiceError

BASE = "https://truyxuat.hatinh.gov.vn"
TODAY = date(2026, 12, 3)


@pytest.fixture
def product(session: Session) -> str:
    """A product with a dossier and two lots, one withdrawn; the laptop knows the province's base URL."""
    producer = registry.create_producer(session, name="HTX Mật ong Cường Nga", kind="cooperative",
                                        commune_code="18073").id
    made = registry.create_product(session, producer_id=producer, name="Mật ong hoa cà phê",
                                   subgroup_code="I.1.a").id
    dossiers.create_dossier(session, product_id=made, code="HS-2026-0099")
    session.add_all([ProductionLot(product_id=made, lot_code="L2026-01", produced_on=date(2026, 5, 1),
                                   expires_on=date(2028, 5, 1)),
                     ProductionLot(product_id=made, lot_code="L2026-02", withdrawn_on=date(2026, 6, 1),
                                   withdrawal_reason="Bao bì hỏng")])
    labels.set_public_base_url(session, BASE + "/")
    session.commit()
    return made


def _lot(session: Session, product: str, code: str) -> str:
    return next(lot.id for lot in session.query(ProductionLot).filter_by(product_id=product, lot_code=code))


def test_lot_labels_carry_the_short_address_and_the_lot(session: Session, product: str) -> None:
    """Without a GTIN the URL is /p/{code}/l/{lot} under the kept base; with one, /01/{GTIN-14}/10/{lot}."""
    lot = _lot(session, product, "L2026-01")
    items = labels.label_items(session, product_id=product, lot_ids=(lot,), copies=3, today=TODAY)
    code = session.get(Product, product).public_code
    assert [i.url for i in items] == [f"{BASE}/p/{code}/l/L2026-01"] * 3
    assert (items[0].lot_code, items[0].produced_on, items[0].product_name) == (
        "L2026-01", date(2026, 5, 1), "Mật ong hoa cà phê")
    registry.update_product(session, product, gtin="8935049500018")
    assert labels.label_items(session, product_id=product, today=TODAY)[0].url == f"{BASE}/01/08935049500018"


def test_no_base_url_and_a_withdrawn_lot_are_refused_in_vietnamese(session: Session, product: str) -> None:
    """A laptop that never learnt the base URL makes no label; a withdrawn lot gets none; a bad base is refused
    and the kept one stays."""
    withdrawn = _lot(session, product, "L2026-02")
    with pytest.raises(ServiceError) as caught:
        labels.label_items(session, product_id=product, lot_ids=(withdrawn,), today=TODAY)
    assert caught.value.code == "label_lot_withdrawn" and "L2026-02" in words.error_text(caught.value)
    with pytest.raises(OcopError) as bad:
        labels.set_public_base_url(session, "truyxuat.hatinh")
    assert bad.value.code == "invalid_public_base_url"
    assert labels.public_base_url(session) == BASE
    session.delete(session.get(LocalMeta, labels.PUBLIC_BASE_URL_KEY))
    with pytest.raises(ServiceError) as missing:
        labels.label_items(session, product_id=product, today=TODAY)
    assert missing.value.code == "no_public_base_url"
    assert "đồng bộ" in words.error_text(missing.value)


def test_a_scanned_label_opens_its_product_and_lot(session: Session, product: str, tmp_path: Path) -> None:
    """A PNG of the lot's QR opens the product's dossier and names the lot; a bare GTIN finds the product."""
    lot = _lot(session, product, "L2026-01")
    url = labels.label_items(session, product_id=product, lot_ids=(lot,), today=TODAY)[0].url
    (tmp_path / "tem.png").write_bytes(qr_png(url))
    hit = labels.scan_image(session, tmp_path / "tem.png")
    assert (hit.product_id, hit.lot_code, hit.lot_id, hit.product_name) == (product, "L2026-01", lot,
                                                                             "Mật ong hoa cà phê")
    assert hit.dossier_id is not None
    registry.update_product(session, product, gtin="4006381333931")
    assert labels.find_scanned(session, "4006381333931").product_id == product


@pytest.mark.parametrize(("text", "code"), [
    ("https://truyxuat.hatinh.gov.vn/p/ZZZZ9999", "scan_unknown_product"),
    ("https://other.example/01/8935049500018/10/A1", "scan_unknown_product"),
    ("https://zalo.me/g/abcdef", "scan_foreign_code"),
    ("WIFI:S:quan-ca-phe;T:WPA;P:12345678;;", "scan_foreign_code"),
    ("8935049500019", "scan_foreign_code"),
])
def test_unknown_and_foreign_codes_are_said_to_be_so(session: Session, product: str, tmp_path: Path,
                                                      text: str, code: str) -> None:
    """A valid address of a product not on this laptop is unknown; any other text is foreign; both worded."""
    (tmp_path / "ma.png").write_bytes(qr_png(text))
    with pytest.raises(ServiceError) as caught:
        labels.scan_image(session, tmp_path / "ma.png")
    assert caught.value.code == code
    assert words.error_text(caught.value) != code and "mã" in words.error_text(caught.value).lower()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that only claims its size: what a decompression bomb looks like before it is decoded."""
    body = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + body
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(body)) + chunk + struct.pack(">I", zlib.crc32(chunk))
            + struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND")))


@pytest.mark.parametrize(("name", "content", "code"), [
    ("ghi-chu.jpg", "Đây không phải ảnh".encode(), "scan_not_image"),
    ("rong.png", b"", "scan_not_image"),
    ("cat-do.png", None, "scan_not_image"),
    ("khong-lo.png", _png_header(9500, 9500), "scan_too_large"),
    ("qua-khong-lo.png", _png_header(40000, 40000), "scan_too_large"),
])
def test_a_file_that_is_not_a_usable_image_is_refused(tmp_path: Path, name: str, content: bytes | None,
                                                      code: str) -> None:
    """Text, an empty file, a cut PNG, and images whose pixels would fill the memory: a clear error each."""
    path = tmp_path / name
    path.write_bytes(content if content is not None else qr_png(BASE)[:200])
    with pytest.raises(LabelError) as caught:
        read_codes(path)
    assert caught.value.code == code
    assert name in words.error_text(caught.value)


def test_a_blurred_photo_or_one_without_a_code_holds_none(session: Session, product: str, tmp_path: Path) -> None:
    """A picture too blurred to read, and a blank one, are scan_no_code, worded; nothing is written."""
    picture = Image.open(io.BytesIO(qr_png(BASE + "/p/ABCD2345", module_px=4)))
    picture.convert("L").filter(ImageFilter.GaussianBlur(9)).save(tmp_path / "mo.png")
    Image.new("L", (800, 600), 200).save(tmp_path / "trang.png")
    for name in ("mo.png", "trang.png"):
        with pytest.raises(ServiceError) as caught:
            labels.scan_image(session, tmp_path / name)
        assert caught.value.code == "scan_no_code"
    assert "Không tìm thấy mã" in words.error_text(caught.value)
    assert not session.dirty and not session.new
