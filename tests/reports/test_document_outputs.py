"""The minutes and the workbook name each required document that caps a result: its type, and missing (from which
star level) or expired after which day, as the council page does (docs/domain-decisions.md D7)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from openpyxl import load_workbook

from ocop_desktop.formats import day
from ocop_desktop.reports import minutes_pdf, results_xlsx
from ocop_desktop.services.council_view import DossierRow


def _capped(demo: SimpleNamespace) -> tuple[DossierRow, DossierRow]:
    """The demo's dossier with an expired lab report and the one without its quality declaration."""
    expired = next(r for r in demo.view.rows if any(f.reason == "expired" for f in r.documents))
    missing = next(r for r in demo.view.rows if any(f.reason == "missing" for f in r.documents))
    return expired, missing


def test_demo_session_has_capped_dossiers(demo: SimpleNamespace) -> None:
    """The demo shows the rule: one dossier's lab report expired, another's declaration missing, both held below
    3 stars; the others hold every document."""
    expired, missing = _capped(demo)
    assert [(f.document, f.reason) for f in expired.documents] == [("lab_test_report", "expired")]
    assert [(f.document, f.reason) for f in missing.documents] == [("quality_declaration", "missing")]
    assert expired.final_stars <= 2 and missing.final_stars <= 2
    assert sum(1 for r in demo.view.rows if r.documents) == 2


def test_minutes_name_the_documents(demo: SimpleNamespace, pdf_text, qapp) -> None:
    """Section III of the minutes says, for each capped dossier, which document and why, with the day."""
    expired, _ = _capped(demo)
    text = pdf_text(minutes_pdf.render_minutes(demo.view))
    until = day(expired.documents[0].until)
    assert f"Phiếu kết quả kiểm nghiệm: hết hiệu lực sau ngày {until}" in text
    assert "Bản công bố chất lượng: thiếu (bắt buộc từ 3 sao)" in text
    assert text.index(expired.code) < text.index("hết hiệu lực sau ngày")


def test_workbook_names_the_documents_in_their_column(demo: SimpleNamespace, qapp, tmp_path: Path) -> None:
    """The workbook's column of documents holds the same words on each capped dossier's row, and nothing on the
    others."""
    expired, missing = _capped(demo)
    sheet = load_workbook(results_xlsx.write_results(tmp_path / "ket-qua.xlsx", demo.view))["Kết quả"]
    header = [c.value for c in sheet[1]]
    column = header.index("Giấy tờ bắt buộc thiếu hoặc hết hiệu lực")
    by_code = {values[1]: values[column] for values in sheet.iter_rows(min_row=2, values_only=True)}
    until = day(expired.documents[0].until)
    assert by_code[expired.code] == f"Phiếu kết quả kiểm nghiệm: hết hiệu lực sau ngày {until}"
    assert by_code[missing.code] == "Bản công bố chất lượng: thiếu (bắt buộc từ 3 sao)"
    assert {v for code, v in by_code.items() if code not in (expired.code, missing.code)} <= {None, ""}
