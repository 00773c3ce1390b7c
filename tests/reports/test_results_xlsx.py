"""The results workbook: one row per dossier, members' totals, mean, stars; Vietnamese headers."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from ocop_desktop.reports import ReportError, results_xlsx
from ocop_desktop.words import recommendations


@pytest.fixture
def workbook(demo: SimpleNamespace, qapp, tmp_path: Path):
    path = results_xlsx.write_results(tmp_path / "ket-qua.xlsx", demo.view)
    return load_workbook(path)


def test_header_row_is_vietnamese_and_frozen(workbook, demo: SimpleNamespace) -> None:
    """Row 1 names the columns in Vietnamese, members by name; it stays frozen with the code and product."""
    sheet = workbook["Kết quả"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["STT", "Mã hồ sơ", "Sản phẩm", "Chủ thể"]
    assert header[4:4 + len(demo.view.scorers)] == [m.full_name for m in demo.view.scorers]
    assert "Điểm trung bình" in header and "Hạng sao" in header and "Kiến nghị" in header
    assert sheet.freeze_panes == "C2"
    assert all(c.font.bold for c in sheet[1])


def test_one_row_per_dossier_with_its_figures(workbook, demo: SimpleNamespace) -> None:
    """Each dossier's row holds the members' totals, the mean, the final stars and the recommendation."""
    sheet = workbook["Kết quả"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(demo.view.rows)
    n = len(demo.view.scorers)
    for values, row in zip(rows, demo.view.rows, strict=True):
        assert values[1:3] == (row.code, row.product)
        assert list(values[4:4 + n]) == [float(c.total) for c in row.cells]
        assert values[header.index("Điểm trung bình")] == pytest.approx(float(row.mean))
        assert values[header.index("Chênh lệch")] == pytest.approx(float(row.spread))
        assert values[header.index("Hạng sao")] == (row.final_stars or None)
        assert values[header.index("Kiến nghị")] == recommendations()[row.official]


def test_spread_over_limit_is_red(demo: SimpleNamespace, tmp_path: Path) -> None:
    """A spread over the council's limit is in red bold; one within it is not."""
    first, second = demo.view.rows[:2]
    rows = (dataclasses.replace(first, spread_exceeded=True), dataclasses.replace(second, spread_exceeded=False))
    path = results_xlsx.write_results(tmp_path / "do.xlsx", dataclasses.replace(demo.view, rows=rows))
    sheet = load_workbook(path)["Kết quả"]
    column = [c.value for c in sheet[1]].index("Chênh lệch") + 1
    for excel_row, row in enumerate(rows, start=2):
        cell = sheet.cell(excel_row, column)
        color = cell.font.color
        red = color is not None and color.type == "rgb" and color.rgb.endswith("C00000")
        assert (red, bool(cell.font.bold)) == (row.spread_exceeded, row.spread_exceeded)


def test_columns_have_widths(workbook) -> None:
    """Every used column has a width set, wide enough for names."""
    sheet = workbook["Kết quả"]
    widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
    assert all(w and w >= 5 for w in widths)
    assert widths[2] >= 30


def test_about_sheet_names_the_council(workbook, demo: SimpleNamespace) -> None:
    """A second sheet records the council, the session date and the members."""
    values = [v for row in workbook["Thông tin"].iter_rows(values_only=True) for v in row if v]
    assert demo.view.council_name in values
    assert all(m.full_name in values for m in demo.view.members)


def test_unwritable_path_is_a_report_error(demo: SimpleNamespace, tmp_path: Path) -> None:
    """A target in a missing folder gives ReportError "unwritable" and writes nothing."""
    with pytest.raises(ReportError) as info:
        results_xlsx.write_results(tmp_path / "khong-co" / "ket-qua.xlsx", demo.view)
    assert info.value.code == "unwritable"
    assert list(tmp_path.iterdir()) == []
