"""Import of a provincial product list from Excel: a second run changes nothing; every kind of bad row is
reported with its reason and nothing is written before the commit; files that are not usable lists are refused
with the reason."""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import ChangeJournal, Producer, Product
from ocop_desktop.services import import_xlsx
from ocop_desktop.services.errors import ServiceError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "ocop-ha-tinh-san-pham.xlsx"
HEADER = ["STT", "TÊN SẢN PHẨM", "Chủ  thể", "Mã số thuế", "Xã / phường", "Phân nhóm", "Số sao", "Năm công nhận",
          "Ghi chú riêng"]


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model))


def _sheet(path: Path, rows: list[list], header: list | None = None, merge_header: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header or HEADER)
    if merge_header:
        sheet.merge_cells("H1:I1")
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_the_shipped_sample_is_what_the_script_writes(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("make_sample_import", ROOT / "tools" / "make_sample_import.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = import_xlsx.read_sheet(module.write(tmp_path / "again.xlsx"))
    shipped = import_xlsx.read_sheet(SAMPLE)
    assert (made.headers, made.rows) == (shipped.headers, shipped.rows)


def test_importing_the_sample_twice_creates_nothing_the_second_time(session: Session):
    preview = import_xlsx.preview_import(session, SAMPLE)
    assert [r.action for r in preview.rows] == ["new"] * 5
    assert (_count(session, Producer), _count(session, Product)) == (0, 0)  # a preview writes nothing
    import_xlsx.commit_import(session, preview)
    counts = (_count(session, Producer), _count(session, Product), _count(session, ChangeJournal))
    assert counts[:2] == (5, 5) and counts[2] >= 10  # journaled, so it syncs
    again = import_xlsx.preview_import(session, SAMPLE)
    assert {r.action for r in again.rows} == {"unchanged"}
    import_xlsx.commit_import(session, again)
    assert (_count(session, Producer), _count(session, Product), _count(session, ChangeJournal)) == counts


def test_communes_by_old_name_and_producers_by_tax_code(session: Session, tmp_path: Path):
    """"Phường Nam Hà" (before 2025) is Thành Sen now; a producer renamed in the list is the same by its tax code,
    and the row becomes an update when its subgroup changed."""
    first = _sheet(tmp_path / "a.xlsx", [[1, "Nước mắm cá cơm", "HTX Phú Khương", "3001234567", "Phường Nam Hà",
                                          "I.1.a", 4, 2023, ""]])
    import_xlsx.commit_import(session, import_xlsx.preview_import(session, first))
    assert session.scalars(select(Producer.commune_code)).one() == "18073"
    second = _sheet(tmp_path / "b.xlsx", [[1, "NƯỚC MẮM CÁ CƠM", "Hợp tác xã Phú Khương", "3001234567",
                                           "thanh sen", "I.1.b", 4, 2023, ""]])
    [row] = import_xlsx.preview_import(session, second).rows
    assert row.action == "update" and row.producer_id is not None
    import_xlsx.commit_import(session, import_xlsx.preview_import(session, second))
    assert (_count(session, Producer), session.scalars(select(Product.subgroup_code)).one()) == (1, "I.1.b")


def test_every_kind_of_bad_row_is_reported_and_nothing_is_written(session: Session, tmp_path: Path):
    rows = [
        [1, "Mật ong", "HTX Ong Vũ Quang", "", "Xã Không Có Thật", "I.1.a", 3, 2023, ""],
        [2, "Cam", "Tổ hợp tác Cam", "", "Thành Sen", "I.1.a", 3, "ngày 12 tháng năm", ""],
        [3, "Kẹo", "Cơ sở Kẹo", "", "Thành Sen", "I.1.a", "=2+2", 2023, ""],
        [4, "Bưởi", "Công ty Bưởi", "", "Thành Sen", "I.1.a", 7, 2023, ""],
        [5, "Chè", "HTX Chè", "", "Thành Sen", "I.1.a", 3, "12/05/2023", ""],
        [6, "chè", "htx che", "", "Thành Sen", "I.1.a", 3, 2023, ""],
        [7, "", "HTX Trống", "", "Thành Sen", "I.1.a", 3, 2023, ""],
        [8, "Rượu", "HTX Rượu", "abc", "Thành Sen", "I.1.a", 3, datetime(2022, 3, 1), ""],
    ]
    preview = import_xlsx.preview_import(session, _sheet(tmp_path / "bad.xlsx", rows))
    got = [(r.number, r.action, r.reason) for r in preview.rows]
    assert got == [(2, "error", "import_commune_unknown"), (3, "error", "import_bad_number"),
                   (4, "error", "import_formula"), (5, "error", "import_bad_stars"), (6, "new", ""),
                   (7, "error", "import_duplicate_row"), (8, "error", "import_required_missing"),
                   (9, "error", "invalid_tax_code")]
    assert preview.rows[5].params == {"first": 6} and preview.unknown == [(8, "Ghi chú riêng")]
    assert (_count(session, Producer), _count(session, ChangeJournal)) == (0, 0)
    import_xlsx.commit_import(session, preview)
    assert (_count(session, Producer), _count(session, Product)) == (1, 1)  # only the good row


@pytest.mark.parametrize(("content", "code"), [
    (b"STT;Ten san pham\n1;Nuoc mam\n", "import_not_excel"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "import_password_protected"),
    (b"PK\x03\x04" + b"\x00" * 64, "import_not_excel"),
])
def test_a_file_that_is_not_a_usable_workbook_is_refused(session: Session, tmp_path: Path, content: bytes, code: str):
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(content)
    with pytest.raises(ServiceError) as error:
        import_xlsx.preview_import(session, path)
    assert error.value.code == code


def test_a_huge_sheet_is_refused_with_its_size(session: Session, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(import_xlsx, "MAX_ROWS", 10)
    rows = [[i, f"Sản phẩm {i}", "HTX A", "", "Thành Sen", "I.1.a", 3, 2023, ""] for i in range(40)]
    with pytest.raises(ServiceError) as error:
        import_xlsx.preview_import(session, _sheet(tmp_path / "big.xlsx", rows))
    assert error.value.code == "import_too_many_rows" and error.value.params == {"rows": 41, "limit": 10}


def test_merged_header_cells_and_a_missing_column_are_said(session: Session, tmp_path: Path):
    merged = import_xlsx.preview_import(session, _sheet(tmp_path / "m.xlsx", [], merge_header=True))
    assert merged.merged_header and merged.rows == []
    no_producer = import_xlsx.preview_import(session, _sheet(tmp_path / "n.xlsx", [[1, "Chè", "Thành Sen"]],
                                                             header=["STT", "Tên sản phẩm", "Xã"]))
    assert (no_producer.missing, no_producer.rows, no_producer.headers) == ("producer", [], ("STT", "Tên sản phẩm",
                                                                                           "Xã"))
