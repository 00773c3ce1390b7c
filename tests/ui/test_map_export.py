"""The map exported for a report (PNG as on screen, A4 PDF with legend, scale and credits), and screenshots of
the section and of the PDF page (build/screenshots) to look at."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ocop_desktop.ui.map import export
from tests.ui.map_helpers import click_producer, main_window


def _ready_map(context, tmp_path, qtbot):
    window = main_window(context, tmp_path, qtbot)
    window.show_section("map")
    page = window.pages["map"]
    page.view.set_view(18.36, 105.85, 10.0)
    return window, page


def test_screenshot_of_the_map_section_with_a_card(context, tmp_path, qtbot, screenshots):
    """The section on demo data, a producer's card open beside the map: build/screenshots/map_section.png."""
    window, page = _ready_map(context, tmp_path, qtbot)
    producer_id = next(p for p, rows in page.selection.dossiers.items()
                       if len(rows) > 1 and page.selection.producers[p].lat is not None)
    click_producer(page, qtbot, producer_id)
    page.view.set_view(*page.view.centre(), 12.0)
    QApplication.processEvents()  # tiles are asked for by the paint, and decoded at once (a synchronous runner)
    assert page.tiles.loaded([(12, x, y) for _, x, y in _tiles_in_view(page)])
    assert window.grab().save(str(screenshots / "map_section.png"))


def _tiles_in_view(page):
    from ocop_desktop.maps.mercator import visible_tiles

    rect = page.view.visible_rect()
    return visible_tiles(rect.left(), rect.top(), rect.right(), rect.bottom(), page.view.tile_zoom())


def test_png_is_the_view_with_its_overlays(context, tmp_path, qtbot):
    """"Xuất PNG…" writes the view as seen, scale bar and credits included, the size of the viewport."""
    _window, page = _ready_map(context, tmp_path, qtbot)
    target = tmp_path / "ban-do.png"
    page.ask_path = lambda *_: str(target)
    page.png_button.click()
    image = QImage(str(target))
    assert image.size() == page.view.viewport().size()
    assert "Đã lưu" in page.status.text()


def test_pdf_is_one_a4_landscape_page_with_legend_scale_and_credits(context, tmp_path, qtbot, screenshots):
    """"Xuất PDF…" writes one A4 landscape page whose text holds the title, the filter, the legend's words, a
    scale and the basemap's attribution; rendered to build/screenshots/map_export_pdf.png to look at."""
    _window, page = _ready_map(context, tmp_path, qtbot)
    page.filters.stars_box.setCurrentIndex(page.filters.stars_box.findData(4))
    target = tmp_path / "ban-do.pdf"
    page.ask_path = lambda *_: str(target)
    page.pdf_button.click()
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type /Page\b(?!s)", data)) == 1
    assert re.findall(rb"/MediaBox \[0 0 (\d+)[.\d]* (\d+)[.\d]*\]", data) == [(b"842", b"595")]  # A4 across
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is not installed (scripts/test-deps.sh installs it)")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("Bản đồ chủ thể OCOP tỉnh Hà Tĩnh", "Lọc:", "★★★★", "Chú giải", "Chưa có hồ sơ",
                  "OpenStreetMap", " km"):
        assert words in text, f"{words!r} missing from the PDF"
    out = screenshots / "map_export_pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(target), str(out)], check=True)
    assert QImage(f"{out}.png").width() > 700


def test_a_failed_export_says_why_and_leaves_no_file(context, tmp_path, qtbot):
    """Exporting into a folder that does not exist says so in the status line; nothing is written."""
    _window, page = _ready_map(context, tmp_path, qtbot)
    target = tmp_path / "no-such-folder" / "ban-do.pdf"
    page.ask_path = lambda *_: str(target)
    page.pdf_button.click()
    assert "Không ghi được tệp" in page.status.text()
    assert not target.parent.exists()


def test_the_scale_bar_is_a_round_length_that_fits():
    """The bar shows 1, 2 or 5 × 10^n metres no longer than its room, in km from 1,000 m."""
    assert export.overlays.nice_length(10.0, 120) == (1000.0, "1 km")
    assert export.overlays.nice_length(3.0, 120) == (200.0, "200 m")
    assert export.overlays.nice_length(100.0, 120) == (10000.0, "10 km")

