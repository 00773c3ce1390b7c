"""One member's score sheet as a PDF: every criterion, the choice, the points and a signature line."""

from __future__ import annotations

import dataclasses
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from ocop_desktop.formats import decimal
from ocop_desktop.reports import ReportError, sheet_pdf


def squeeze(text: str) -> str:
    """Without any whitespace: a narrow cell may wrap a word in the middle."""
    return "".join(text.split())


@pytest.fixture
def sheet(demo: SimpleNamespace, qapp) -> bytes:
    return sheet_pdf.render_sheet(demo.sheet)


def test_sheet_is_a_pdf_with_pages(sheet: bytes) -> None:
    """The bytes are a PDF with at least one A4 page."""
    assert sheet.startswith(b"%PDF")
    pages = PdfReader(BytesIO(sheet)).pages
    assert pages and (round(pages[0].mediabox.width), round(pages[0].mediabox.height)) == (595, 842)


def test_sheet_names_the_member_product_and_signature(sheet: bytes, demo: SimpleNamespace, pdf_text) -> None:
    """The evaluator, the product, the producer and the signature block are printed in Vietnamese."""
    text = pdf_text(sheet)
    for expected in (demo.sheet.member_name, demo.sheet.product_name, demo.sheet.producer_name,
                     "PHIẾU ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", "NGƯỜI CHẤM ĐIỂM", "(Ký, ghi rõ họ tên)"):
        assert expected in text


def test_sheet_has_every_criterion_and_choice(sheet: bytes, demo: SimpleNamespace, pdf_text) -> None:
    """Each criterion's code, name and chosen option, as the scoring screen shows them, are on the sheet."""
    text = squeeze(pdf_text(sheet))
    for part in demo.sheet.parts:
        assert squeeze(part.name) in text
        for criterion in part.criteria:
            assert squeeze(criterion.code) in text
            assert squeeze(criterion.name) in text
            for slot in criterion.slots:
                option = demo.sheet.chosen_option(criterion, slot)
                assert option is not None and squeeze(option.label) in text


def test_sheet_totals_and_stars(sheet: bytes, demo: SimpleNamespace, pdf_text) -> None:
    """Part totals, the sheet's total and its stars are printed."""
    text, score = pdf_text(sheet), demo.sheet.score()
    assert f"Tổng điểm: {decimal(score.total)}" in text
    assert f"Hạng sao theo phiếu: {score.provisional_stars} sao" in text
    for part in demo.sheet.parts:
        assert f"Cộng phần {part.code} {decimal(score.part_totals[part.code])} {decimal(part.max_points)}" in text


def test_unanswered_criterion_is_marked(demo: SimpleNamespace, qapp, pdf_text) -> None:
    """A draft's unanswered criterion prints "Chưa chấm" and the count of what is left."""
    skipped, *rest = demo.sheet.answers
    draft = dataclasses.replace(demo.sheet, status="draft", answers=tuple(rest))
    text = pdf_text(sheet_pdf.render_sheet(draft))
    assert "Chưa chấm" in text
    assert "Phiếu nháp, chưa nộp" in text
    assert f"Còn 1 tiêu chí chưa chấm: {skipped.criterion}" in text


def test_sheet_to_unwritable_path_is_a_report_error(demo: SimpleNamespace, qapp, tmp_path: Path) -> None:
    """A target in a folder that does not exist gives ReportError "unwritable"."""
    with pytest.raises(ReportError) as info:
        sheet_pdf.write_sheet(tmp_path / "khong-co" / "phieu.pdf", demo.sheet)
    assert info.value.code == "unwritable"
