"""The annual summary and the recognised products list, read back: PDF text with pypdf, Excel with openpyxl."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart
from pypdf import PdfReader

from ocop_desktop.reports import ReportError
from ocop_desktop.reports.annual_products import products_xlsx, write_products_pdf, write_products_xlsx
from ocop_desktop.reports.annual_summary import summary_xlsx, write_summary_pdf
from ocop_desktop.services.overview import CouncilProgress, ExpiryBand, Overview, PipelineStage, RecognisedKey
from ocop_desktop.services.overview_products import RecognisedProduct

TODAY = date(2026, 6, 15)


@pytest.fixture
def view() -> Overview:
    return Overview(
        today=TODAY,
        recognised={RecognisedKey(3, "18073", "I.1.a", 2024): 2, RecognisedKey(4, "18073", "II.2", 2025): 1,
                     RecognisedKey(5, "18100", "I.1.a", 2026): 1},
        expiring=(ExpiryBand(3, 92, 1), ExpiryBand(6, 184, 2), ExpiryBand(12, 365, 3)),
        pipeline=(PipelineStage("draft", 7, 40, 2), PipelineStage("forwarded", 3, 5, 0)),
        councils=(CouncilProgress("c1", "Hội đồng cấp tỉnh 2026", 9, 12),),
        stars_by_year={2024: {3: 2}, 2025: {3: 2, 4: 1}, 2026: {3: 2, 4: 1, 5: 1}},
        commune_names={"18073": "Phường Thành Sen", "18100": "Xã Cẩm Xuyên"},
        group_names={"I.1.a": "Rau, củ, quả tươi", "II.2": "Đồ uống có cồn"},
    )


def _chart_png(colour: str) -> bytes:
    """A real picture, as the page hands in its charts (a 1-pixel PNG would do for the PDF, not for a person)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(300, 150, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_the_summary_workbook_holds_the_tables_and_native_charts(view: Overview) -> None:
    """Sheets by year, commune, group, dossiers and councils with the service's numbers; three Excel bar charts,
    stacked by stars where they are per star, each reading its sheet's cells."""
    book = load_workbook(BytesIO(summary_xlsx(view)))
    assert book.sheetnames == ["Tổng hợp", "Theo năm", "Theo xã", "Theo nhóm", "Hồ sơ", "Hội đồng"]
    assert "năm 2026" in book["Tổng hợp"]["A1"].value
    assert "Sản phẩm OCOP được công nhận: 4." in [row[0] for row in book["Tổng hợp"].iter_rows(values_only=True)]
    communes = list(book["Theo xã"].iter_rows(values_only=True))
    assert communes[0] == ("Xã", "3 sao", "4 sao", "5 sao", "Tổng")
    assert communes[1:] == [("Phường Thành Sen", 2, 1, 0, 3), ("Xã Cẩm Xuyên", 0, 0, 1, 1)]
    assert list(book["Hồ sơ"].iter_rows(values_only=True))[1] == ("Nháp", 7, 40, 2)
    assert list(book["Hội đồng"].iter_rows(values_only=True))[1] == ("Hội đồng cấp tỉnh 2026", 9, 12)
    years = book["Theo năm"]
    (chart,) = years._charts
    assert isinstance(chart, BarChart) and chart.grouping == "stacked" and len(chart.series) == 3
    assert chart.series[0].val.numRef.f == "'Theo năm'!$B$2:$B$4"
    assert len(book["Hồ sơ"]._charts) == 1 and len(book["Theo xã"]._charts) == 1


def test_the_summary_pdf_reads_back_in_vietnamese_with_its_charts(
        view: Overview, tmp_path: Path, pdf_text, qapp) -> None:
    """Title, figures, commune and status names in Vietnamese; the charts are pictures in the PDF."""
    path = write_summary_pdf(tmp_path / "tong-hop.pdf", view, [_chart_png("#5b9bd5"), _chart_png("#ed7d31")])
    text = pdf_text(path)
    for expected in ("Báo cáo tổng hợp chương trình OCOP tỉnh Hà Tĩnh năm 2026", "Số liệu đến ngày 15/06/2026",
                     "Sản phẩm OCOP được công nhận: 4", "Hết hạn trong 6 tháng tới: 2", "Phường Thành Sen",
                     "Đã chuyển hội đồng", "Hội đồng cấp tỉnh 2026"):
        assert expected in text
    assert sum(len(page.images) for page in PdfReader(path).pages) == 2


PRODUCTS = [
    RecognisedProduct("Nước mắm Phú Khương", "HTX Phú Khương", "Phường Thành Sen", "I.1.a", 4, "12/QĐ-UBND",
                      date(2024, 3, 15), date(2027, 3, 15), "in_force"),
    RecognisedProduct("Kẹo cu đơ", "Cơ sở Hà Sơn", "Xã Cẩm Xuyên", "I.2", 3, "7/QĐ-UBND",
                      date(2023, 7, 1), date(2026, 7, 1), "expiring"),
]


def test_the_products_list_as_excel_keeps_dates_and_validity(tmp_path: Path) -> None:
    """One row per product under the title and headers; decision dates are Excel dates; validity in words."""
    sheet = load_workbook(write_products_xlsx(tmp_path / "san-pham.xlsx", PRODUCTS, TODAY)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Danh sách sản phẩm OCOP được công nhận đến ngày 15/06/2026"
    assert rows[1][:3] == ("STT", "Sản phẩm", "Chủ thể")
    assert rows[2][:6] == (1, "Nước mắm Phú Khương", "HTX Phú Khương", "Phường Thành Sen", "I.1.a", 4)
    assert rows[3][8].date() == date(2026, 7, 1) and rows[3][9] == "Sắp hết hạn (6 tháng)"
    assert len(rows) == 4


def test_the_products_list_as_pdf(tmp_path: Path, pdf_text, qapp) -> None:
    """Landscape A4: every product with its dates and validity in words."""
    text = pdf_text(write_products_pdf(tmp_path / "san-pham.pdf", PRODUCTS, TODAY))
    for expected in ("Danh sách sản phẩm OCOP được công nhận", "Nước mắm Phú Khương", "15/03/2027", "Còn hiệu lực",
                     "Kẹo cu đơ"):
        assert expected in text


def test_an_empty_list_still_makes_a_report(tmp_path: Path, pdf_text, qapp) -> None:
    """No product recognised yet: the list says so rather than failing."""
    assert "Chưa có sản phẩm nào được công nhận" in pdf_text(write_products_pdf(tmp_path / "x.pdf", [], TODAY))
    assert len(list(load_workbook(BytesIO(products_xlsx([], TODAY))).active.iter_rows())) == 2


def test_a_folder_as_target_is_refused_and_nothing_is_left(view: Overview, tmp_path: Path) -> None:
    """Saving onto a folder's name gives the shared file error and leaves the folder as it was."""
    folder = tmp_path / "bao-cao.xlsx"
    folder.mkdir()
    with pytest.raises(ReportError) as raised:
        write_products_xlsx(folder, PRODUCTS, TODAY)
    assert raised.value.code == "is_directory" and list(folder.iterdir()) == []
