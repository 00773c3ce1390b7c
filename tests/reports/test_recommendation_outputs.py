"""The table, the minutes PDF and the Excel file recommend recognition only once the result can be approved."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from ocop_desktop.reports import minutes_pdf, results_xlsx
from ocop_desktop.services.council_view import CouncilView
from ocop_desktop.ui.council.council_model import CouncilTableModel

RECOGNISE = "Đề nghị UBND tỉnh công nhận"
NOT_READY = "Chưa đủ điều kiện kiến nghị công nhận"


def _view(demo: SimpleNamespace, flags: tuple[str, ...]) -> CouncilView:
    """The demo session cut to one unapproved 4★ dossier whose stars alone would be recognised."""
    row = dataclasses.replace(demo.view.rows[0], recommendation="recognise_province", final_stars=4, band_stars=4,
                              flags=flags, failures=(), approved_at=None, spread_exceeded="rescore" in flags,
                              quorum_met="no_quorum" not in flags)
    return dataclasses.replace(demo.view, rows=(row,))


def _outputs(view: CouncilView, tmp_path: Path, pdf_text) -> tuple[str, str, str]:
    model = CouncilTableModel()
    model.set_view(view)
    cell = model.index(0, model.column_of("recommendation"))
    table = f"{model.data(cell)} | {model.data(cell, Qt.ItemDataRole.ToolTipRole)}"
    pdf = pdf_text(minutes_pdf.render_minutes(view))
    sheet = load_workbook(results_xlsx.write_results(tmp_path / "ket-qua.xlsx", view))["Kết quả"]
    header = [c.value for c in sheet[1]]
    excel = str(sheet.cell(2, header.index("Kiến nghị") + 1).value)
    return table, pdf, excel


@pytest.mark.parametrize("flags", [("no_quorum",), ("rescore",), ("no_quorum", "chair_absent")])
def test_a_flagged_result_is_not_yet_recommended_anywhere(demo: SimpleNamespace, qapp, tmp_path: Path, pdf_text,
                                                          flags: tuple[str, ...]) -> None:
    """1 of 5 sheets, or a spread over the limit: the table, the PDF's results and conclusion, and the workbook all
    say "not ready", and section III still says why."""
    table, pdf, excel = _outputs(_view(demo, flags), tmp_path, pdf_text)
    assert table.startswith("Chưa đủ điều kiện |") and NOT_READY in table
    assert excel == NOT_READY
    assert NOT_READY in pdf
    # The one remaining "Đề nghị UBND tỉnh công nhận" is the conclusion's count, which is zero.
    assert pdf.count(RECOGNISE) == 1 and f"{RECOGNISE} 0 sản phẩm" in pdf
    assert "1 hồ sơ chưa kết luận" in pdf


def test_an_approvable_result_is_recommended_everywhere(demo: SimpleNamespace, qapp, tmp_path: Path,
                                                        pdf_text) -> None:
    """With no flag left, the same dossier is recommended for the province's recognition in all three."""
    table, pdf, excel = _outputs(_view(demo, ()), tmp_path, pdf_text)
    assert table.startswith("Tỉnh công nhận |") and RECOGNISE in table
    assert excel == RECOGNISE
    assert f"{RECOGNISE} 1 sản phẩm" in pdf and NOT_READY not in pdf
