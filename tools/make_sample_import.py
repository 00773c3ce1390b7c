"""Writes resources/samples/ocop-ha-tinh-san-pham.xlsx: a product list shaped like the province's own (a title
above a merged header, STT, Tên sản phẩm, Chủ thể, Mã số thuế, Xã/phường, Phân nhóm, Số sao, Năm công nhận,
Số quyết định), with made-up producers in real Hà Tĩnh communes, some named by their pre-2025 names.

    .venv/bin/python tools/make_sample_import.py [--rows N] [--out PATH]

bench/bench_import.py and the tests use it with more rows; ``--rows`` larger than the base list repeats it
with numbered names.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HEADERS = ("STT", "Tên sản phẩm", "Chủ thể", "Mã số thuế", "Xã/phường", "Phân nhóm", "Số sao", "Năm công nhận",
           "Số quyết định")
# (product, producer, tax code, commune as the list writes it, subgroup, stars, year, decision)
BASE = (
    ("Nước mắm cá cơm", "HTX Nước mắm Phú Khương", "3001234567", "Phường Thành Sen", "I.1.a", 4, 2023,
     "125/QĐ-UBND"),
    ("Kẹo cu đơ", "Cơ sở Kẹo cu đơ Thanh Bình", "", "Thành Sen", "I.1.a", 3, 2022, "98/QĐ-UBND"),
    ("Mật ong rừng", "HTX Ong mật Vũ Quang", "3001112223", "Phường Nam Hà", "I.1.a", 3, "12/05/2023",
     "210/QĐ-UBND"),
    ("Cam Khe Mây", "Tổ hợp tác Cam Hương Khê", "", "Phường Bắc Hà", "I.1.a", 4, 2024, "301/QĐ-UBND"),
    ("Bưởi Phúc Trạch", "Công ty TNHH Bưởi Phúc Trạch", "3009998887", "phường thành sen", "I.1.a", 5, 2021,
     "77/QĐ-UBND"),
)


def rows(n: int) -> list[tuple]:
    out = []
    for i in range(n):
        product, producer, tax, commune, subgroup, stars, year, decision = BASE[i % len(BASE)]
        if i >= len(BASE):
            round_ = i // len(BASE)
            product, producer = f"{product} loại {round_}", f"{producer} {round_}"
            tax = f"{int(tax) + round_:010d}" if tax else ""
        out.append((i + 1, product, producer, tax, commune, subgroup, stars, year, decision))
    return out


def write(path: Path, n: int = len(BASE)) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách OCOP"
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP TỈNH HÀ TĨNH"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append([])
    sheet.append(list(HEADERS))
    for row in rows(n):
        sheet.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=len(BASE))
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[1] / "resources" / "samples" /
                        "ocop-ha-tinh-san-pham.xlsx")
    args = parser.parse_args()
    print(write(args.out, args.rows))


if __name__ == "__main__":
    main()
