"""The council minutes PDF: a valid A4 document whose Vietnamese text survives intact."""

from __future__ import annotations

import dataclasses
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QFontDatabase

from ocop_desktop.formats import decimal
from ocop_desktop.reports import ReportError, minutes_pdf
from ocop_desktop.reports.pdf import vietnamese_family

A4_POINTS = (595, 842)


def squeeze(text: str) -> str:
    """Without any whitespace: a narrow cell may wrap a code in the middle."""
    return "".join(text.split())


@pytest.fixture
def minutes(demo: SimpleNamespace, qapp) -> bytes:
    return minutes_pdf.render_minutes(demo.view)


def test_minutes_are_an_a4_pdf(minutes: bytes) -> None:
    """The bytes are a PDF whose pages are A4 portrait."""
    assert minutes.startswith(b"%PDF")
    pages = PdfReader(BytesIO(minutes)).pages
    assert len(pages) >= 1
    assert all((round(p.mediabox.width), round(p.mediabox.height)) == A4_POINTS for p in pages)


def test_minutes_keep_the_vietnamese_text(minutes: bytes, demo: SimpleNamespace, pdf_text) -> None:
    """Title, council, every member's name and every product come back from the PDF letter for letter."""
    text = pdf_text(minutes)
    assert "BIÊN BẢN HỌP HỘI ĐỒNG" in text
    assert "Đánh giá, phân hạng sản phẩm OCOP" in text
    assert "Độc lập – Tự do – Hạnh phúc" in text
    for expected in (demo.view.council_name, *(m.full_name for m in demo.view.members),
                     *(r.product for r in demo.view.rows)):
        assert expected in text


def test_minutes_list_each_dossiers_figures(minutes: bytes, demo: SimpleNamespace, pdf_text) -> None:
    """Each dossier's code, members' totals and mean (decimal comma) are in the results table."""
    text = squeeze(pdf_text(minutes))
    for row in demo.view.rows:
        assert squeeze(row.code) in text
        assert decimal(row.mean) in text
        assert "," in decimal(row.mean)


def test_minutes_embed_a_font_with_vietnamese(minutes: bytes) -> None:
    """The embedded font is the chosen family, which the font database says covers Vietnamese."""
    family = vietnamese_family()
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese)
    fonts = {str(font.get_object()["/BaseFont"]) for page in PdfReader(BytesIO(minutes)).pages
             for font in page["/Resources"]["/Font"].values()}
    assert any(squeeze(family) in name for name in fonts), fonts


def test_minutes_pages_are_numbered(minutes: bytes, pdf_text) -> None:
    """Every page carries "Trang x/y"."""
    pages = len(PdfReader(BytesIO(minutes)).pages)
    text = pdf_text(minutes)
    assert all(f"Trang {n}/{pages}" in text for n in range(1, pages + 1))


def test_names_are_printed_literally(demo: SimpleNamespace, qapp, pdf_text) -> None:
    """Markup characters in a product's name are printed as typed, not read as HTML."""
    row = dataclasses.replace(demo.view.rows[0], product="Mắm <tôm> & ruốc")
    view = dataclasses.replace(demo.view, rows=(row,))
    assert "Mắm <tôm> & ruốc" in pdf_text(minutes_pdf.render_minutes(view))


def test_session_without_dossiers_still_has_minutes(demo: SimpleNamespace, qapp, pdf_text) -> None:
    """A session with no scored dossier gives minutes that say so."""
    text = pdf_text(minutes_pdf.render_minutes(dataclasses.replace(demo.view, rows=())))
    assert "Chưa có hồ sơ nào được chấm trong phiên này." in text


def test_minutes_written_to_a_file(demo: SimpleNamespace, qapp, tmp_path: Path) -> None:
    """write_minutes leaves exactly the PDF at the path, no temporary file beside it."""
    target = minutes_pdf.write_minutes(tmp_path / "bien-ban.pdf", demo.view)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.pdf"]


@pytest.mark.parametrize(("where", "code"), [("missing/dir/x.pdf", "unwritable"), ("a-file/x.pdf", "unwritable"),
                                             (".", "is_directory")])
def test_unwritable_path_is_a_report_error(demo: SimpleNamespace, qapp, tmp_path: Path, where: str,
                                           code: str) -> None:
    """A folder that does not exist, a file used as a folder, or a folder as the target give a ReportError."""
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ReportError) as info:
        minutes_pdf.write_minutes(tmp_path / where, demo.view)
    assert info.value.code == code
