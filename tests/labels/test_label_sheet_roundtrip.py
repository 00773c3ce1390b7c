"""A printed label sheet reads back: the PDF rasterised at 300 dpi and every QR decoded gives the exact URLs,
on every layout, and from a photo-like picture (rotated, scaled, noisy) of one label."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
import zxingcpp
from PIL import Image, ImageFilter

from ocop_core.traceability import lot_path, product_path, public_code, public_url
from ocop_desktop.labels.qr import QUIET_ZONE, qr_modules, qr_png, qr_svg
from ocop_desktop.labels.scan import read_codes
from ocop_desktop.labels.sheet import LAYOUTS, MIN_QR_MM, LabelItem, sheets_needed
from ocop_desktop.reports.label_sheet_pdf import render_label_sheet

BASE = "https://truyxuat.hatinh.gov.vn"
GS1_MIN_MODULE_MM = 0.396


def _items(count: int) -> list[LabelItem]:
    """Half GS1 Digital Link lots, half short-form lots and one product label: all distinct URLs."""
    code = public_code("5f0c8a4e-2b1d-4c53-9a77-0e1f2d3c4b5a")
    items = [LabelItem(url=public_url(BASE, product_path(code, None)), product_name="Mật ong hoa cà phê", stars=3)]
    for i in range(1, count):
        gtin = "8935049500018" if i % 2 else None
        lot = f"L2025-{i:03d}" if i % 3 else f"HS/{i}%"
        items.append(LabelItem(url=public_url(BASE, lot_path(code, gtin, lot)), product_name="Nước mắm cá cơm "
                               "Phú Khương thượng hạng", stars=4, producer_name="HTX Nước mắm Phú Khương",
                               lot_code=lot, produced_on=date(2025, 3, 1), expires_on=date(2027, 3, 1)))
    return items


def _pages(pdf: bytes, dpi: int = 300) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))]
    finally:
        document.close()


@pytest.mark.parametrize("key", list(LAYOUTS))
def test_every_qr_on_the_sheet_decodes_to_its_exact_url(qapp, key: str) -> None:
    """All labels of a sheet and a half, rasterised at 300 dpi, decode to exactly the URLs given, once each."""
    layout = LAYOUTS[key]
    items = _items(layout.per_sheet + layout.per_sheet // 2)
    pages = _pages(render_label_sheet(items, layout, title="Tem"))
    assert len(pages) == sheets_needed(len(items), layout) == 2
    decoded = [b.text for page in pages for b in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert sorted(decoded) == sorted(item.url for item in items)


@pytest.mark.parametrize("key", list(LAYOUTS))
def test_each_layout_prints_a_symbol_gs1_scanners_read(key: str) -> None:
    """The QR with its quiet zone is at least 18 mm wide and its module at least 0.396 mm, for a long address."""
    layout = LAYOUTS[key]
    longest = public_url(BASE, lot_path("ABCD2345", "8935049500018", "X" * 20))
    modules = len(qr_modules(longest)) + 2 * QUIET_ZONE
    assert layout.qr_mm >= MIN_QR_MM
    assert layout.qr_mm / modules >= GS1_MIN_MODULE_MM
    assert layout.origin(layout.per_sheet - 1)[0] + layout.width_mm <= 210.0
    assert layout.origin(layout.per_sheet - 1)[1] + layout.height_mm <= 297.0


def test_a_photo_of_a_label_still_reads(qapp, tmp_path: Path) -> None:
    """One label cut from the page, rotated 10°, scaled down, blurred a little, with gaussian noise, saved as
    JPEG as a phone would: read_codes gives back its URL."""
    items = _items(6)
    page = _pages(render_label_sheet(items, LAYOUTS["3x8"], title="Tem"))[0]
    mm = 300 / 25.4
    label = page.crop((int(70 * mm), 0, int(140 * mm), int(38 * mm)))  # the second label of the first row
    photo = label.rotate(10, expand=True, fillcolor=235, resample=Image.Resampling.BICUBIC)
    photo = photo.resize((int(photo.width * 0.7), int(photo.height * 0.7)), Image.Resampling.BILINEAR)
    photo = photo.filter(ImageFilter.GaussianBlur(0.8))
    noise = random.Random(14)
    noisy = bytes(max(0, min(255, int(v + noise.gauss(0, 18)))) for v in photo.tobytes())
    photo = Image.frombytes("L", photo.size, noisy)
    path = tmp_path / "anh-chup.jpg"
    photo.convert("RGB").save(path, quality=80)
    assert [c.text for c in read_codes(path) if c.format == "QRCode"] == [items[1].url]


def test_png_and_svg_of_one_code_read_back(tmp_path: Path) -> None:
    """The PNG decodes to the URL; the SVG has the quiet zone in its view box and draws only black on white."""
    url = public_url(BASE, lot_path("ABCD2345", None, "L2025-0012"))
    (tmp_path / "qr.png").write_bytes(qr_png(url))
    assert [c.text for c in read_codes(tmp_path / "qr.png")] == [url]
    side = len(qr_modules(url)) + 2 * QUIET_ZONE
    svg = qr_svg(url, size_mm=25)
    assert f'viewBox="0 0 {side} {side}"' in svg and 'width="25mm"' in svg
    assert f"M{QUIET_ZONE},{QUIET_ZONE}h7" in svg  # the finder pattern starts after the quiet zone


def test_a_sheet_printed_slightly_askew_at_150_dpi_still_reads_whole(qapp) -> None:
    """The first page rasterised at 150 dpi, turned 1° and blurred a little (a cheap scanner): all 24 read."""
    items = _items(24)
    page = _pages(render_label_sheet(items, LAYOUTS["3x8"], title="Tem"), dpi=150)[0]
    page = page.rotate(1, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    decoded = [b.text for b in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert sorted(decoded) == sorted(item.url for item in items)


def test_our_addresses_stay_small_codes() -> None:
    """A GS1 lot address under the province's base is at most 70 characters, so at most version 5 (37 modules)."""
    url = public_url(BASE, lot_path(public_code("x"), "8935049500018", "L2025-0012"))
    assert len(url) <= 70 and len(qr_modules(url)) <= 37
