"""A 100-label sheet PDF: the time to make it, for 100 distinct lots (the worst case) and for one lot printed 100
times (the usual sheet), and the time to read every QR back from it at 300 dpi.

Target (issue 14): a 100-label sheet PDF in ≤ 2 s. Baselines, measured in the same run: the time to compute 100
bare QR matrices with qrcode (what the PDF cannot do without), and to draw 100 bare QR codes as PNG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.labels_bench [labels] [rounds]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from ocop_core.traceability import lot_path, public_code, public_url
from ocop_desktop.labels.qr import qr_modules, qr_png
from ocop_desktop.labels.sheet import LAYOUTS, LabelItem
from ocop_desktop.reports.label_sheet_pdf import render_label_sheet

BASE = "https://truyxuat.hatinh.gov.vn"
TARGET_S = 2.0


def _items(n: int, distinct: bool) -> list[LabelItem]:
    code = public_code("5f0c8a4e-2b1d-4c53-9a77-0e1f2d3c4b5a")
    return [LabelItem(url=public_url(BASE, lot_path(code, "8935049500018" if i % 2 else None,
                                                    f"L2025-{i if distinct else 1:04d}")),
                      product_name="Nước mắm cá cơm Phú Khương thượng hạng", stars=4,
                      producer_name="HTX Nước mắm Phú Khương", lot_code=f"L2025-{i if distinct else 1:04d}",
                      produced_on=date(2025, 3, 1), expires_on=date(2027, 3, 1)) for i in range(n)]


def _best(work: Callable[[], object], rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def _decode_all(pdf: bytes) -> int:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import zxingcpp

    document = pdfium.PdfDocument(pdf)
    try:
        return sum(len(zxingcpp.read_barcodes(document[i].render(scale=300 / 72).to_pil().convert("L")))
                   for i in range(len(document)))
    finally:
        document.close()


def run(n: int = 100, rounds: int = 3) -> dict[str, float]:
    app = QGuiApplication.instance() or QGuiApplication([])
    layout = LAYOUTS["3x8"]
    distinct, same = _items(n, True), _items(n, False)
    urls = [item.url for item in distinct]
    figures = {
        "baseline: 100 bare QR matrices (qrcode)": _best(lambda: [qr_modules(u) for u in urls], rounds),
        "baseline: 100 bare QR codes as PNG": _best(lambda: [qr_png(u) for u in urls], rounds),
        f"sheet PDF, {n} labels of {n} lots": _best(lambda: render_label_sheet(distinct, layout, title="b"), rounds),
        f"sheet PDF, {n} labels of one lot": _best(lambda: render_label_sheet(same, layout, title="b"), rounds),
    }
    pdf = render_label_sheet(distinct, layout, title="b")
    start = time.perf_counter()
    decoded = _decode_all(pdf)
    figures["read back at 300 dpi (pypdfium2 + zxing-cpp)"] = (time.perf_counter() - start,) * 2
    print(f"labels bench: {n} labels, layout {layout.key}, best/median of {rounds}; PDF {len(pdf) / 1024:.0f} KB, "
          f"{decoded}/{n} QR codes read back")
    for name, (best, median) in figures.items():
        print(f"  {name:<48} {best * 1000:8.0f} ms  (median {median * 1000:.0f} ms)")
    worst = figures[f"sheet PDF, {n} labels of {n} lots"][1]
    print(f"  target ≤ {TARGET_S:.1f} s for {n} labels: {'met' if worst <= TARGET_S else 'NOT met'} "
          f"({worst:.2f} s median, distinct lots)")
    del app
    return {name: best for name, (best, _) in figures.items()}


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
