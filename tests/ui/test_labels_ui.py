"""In tem QR and Quét mã QR driven like a person would: a lot's label sheet saved and read back, printed lots
marked, one QR saved as PNG, and a photo of a label opening its dossier in Hồ sơ."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import zxingcpp
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from ocop_desktop.db.models import Dossier, Product, ProductionLot
from ocop_desktop.db.schema import Database
from ocop_desktop.labels.scan import read_codes
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.labels.actions import scan_qr
from ocop_desktop.ui.labels.labels_dialog import LabelsDialog
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.sections import default_sections

BASE = "https://truyxuat.hatinh.gov.vn"
TODAY = date(2026, 12, 3)


def _product_with_lot(db: Database) -> tuple[str, str, str]:
    """The first product (by name) with its dossier, and a new lot of it."""
    with db.session() as s:
        product = s.scalars(select(Product).order_by(Product.name)).first()
        dossier = s.scalars(select(Dossier.id).where(Dossier.product_id == product.id)).first()
        lot = ProductionLot(product_id=product.id, lot_code="L2026-07", produced_on=date(2026, 7, 1),
                            expires_on=date(2028, 7, 1))
        s.add(lot)
        s.commit()
        return product.id, dossier, lot.id


def _check(dialog: LabelsDialog, lot_id: str) -> None:
    """Ticks the lot's row, the others left as they are (demo products may have lots of their own)."""
    rows = [dialog.lots.item(r) for r in range(dialog.lots.count())]
    next(row for row in rows if row.data(Qt.ItemDataRole.UserRole) == lot_id).setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen_lots() == (lot_id,)


def test_a_lot_sheet_is_saved_read_back_and_the_lot_marked_printed(qtbot, context: AppContext, demo_db: Database,
                                                                   tmp_path: Path, screenshots: Path) -> None:
    """Without a base URL the dialog says so; once typed it is kept; 30 labels of a lot on 3×8 make two pages
    whose every QR is the lot's URL; the lot is then marked printed; its PNG decodes to the same URL."""
    product, _, lot = _product_with_lot(demo_db)
    dialog = LabelsDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    assert "chưa đồng bộ địa chỉ công khai" in dialog.message.text()
    dialog.base_url.setText(BASE + "/")
    dialog.keep_base_url()
    assert dialog.message.text() == ""
    names = [dialog.products.item(r).text() for r in range(dialog.products.count())]
    assert names.index(next(n for n in names if n.startswith("Cá "))) < names.index(
        next(n for n in names if n.startswith("Chả ")))  # Vietnamese order: "Cá" before "Chả"
    dialog.select_product(product)
    assert dialog.chosen_product().id == product
    _check(dialog, lot)
    dialog.copies.setValue(30)
    dialog.choose_save_path = lambda title, name, filters: str(tmp_path / "tem")
    dialog.resize(1366, 768)
    dialog.show()
    dialog.grab().save(str(screenshots / "labels_dialog.png"))
    dialog.save_pdf()
    assert dialog.saved == tmp_path / "tem.pdf" and "Đã lưu" in dialog.message.text()
    document = pdfium.PdfDocument(str(tmp_path / "tem.pdf"))
    texts = [b.text for i in range(len(document))
             for b in zxingcpp.read_barcodes(document[i].render(scale=300 / 72).to_pil().convert("L"))]
    document.close()
    with demo_db.session() as s:
        code = s.get(Product, product).public_code
        assert s.get(ProductionLot, lot).label_printed_at is not None
    assert texts == [f"{BASE}/p/{code}/l/L2026-07"] * 30
    assert dialog.address.text() == texts[0]  # the address shown before saving is the one printed
    dialog.choose_save_path = lambda title, name, filters: str(tmp_path / "ma.png")
    dialog.save_code("png")
    assert [c.text for c in read_codes(tmp_path / "ma.png")] == texts[:1]


def test_a_photo_of_the_label_opens_its_dossier_and_a_foreign_one_is_refused(
        qtbot, context: AppContext, demo_db: Database, tmp_path: Path) -> None:
    """Scanning the saved QR shows the product's dossier in Hồ sơ and names the lot; a picture with no code
    says so in Vietnamese and opens nothing."""
    product, dossier, lot = _product_with_lot(demo_db)
    window = MainWindow(context, default_sections(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    dialog = LabelsDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.base_url.setText(BASE)
    dialog.keep_base_url()
    dialog.select_product(product)
    _check(dialog, lot)
    dialog.choose_save_path = lambda title, name, filters: str(tmp_path / "ma.png")
    dialog.save_code("png")
    told: list[tuple[str, bool]] = []
    scan_qr(window, choose=lambda parent: str(tmp_path / "ma.png"), tell=lambda t, text, ok: told.append((text, ok)))
    assert window.current_section() == "dossiers"
    assert told[-1][1] and "L2026-07" in told[-1][0]
    page = window.pages["dossiers"]
    assert page.editor is not None and page.editor.view.dossier.id == dossier
    assert page.editor.tabs.currentWidget() is page.editor.lots  # the lot is listed on the lots tab
    (tmp_path / "trang.png").write_bytes((tmp_path / "ma.png").read_bytes()[:60])
    scan_qr(window, choose=lambda parent: str(tmp_path / "trang.png"), tell=lambda t, text, ok: told.append((text, ok)))
    assert told[-1] == ("Tệp “trang.png” không phải ảnh đọc được (cần ảnh JPEG, PNG, …).", False)


def test_without_a_base_url_nothing_is_saved_and_the_reason_is_said(qtbot, context: AppContext,
                                                                     demo_db: Database, tmp_path: Path) -> None:
    """A laptop that never synced and has no typed address saves no PDF and no PNG, and says why in Vietnamese;
    a withdrawn lot cannot be ticked."""
    product, _, _ = _product_with_lot(demo_db)
    with demo_db.session() as s:
        s.add(ProductionLot(product_id=product, lot_code="L2026-08", withdrawn_on=date(2026, 8, 2),
                            withdrawal_reason="Bao bì hỏng"))
        s.commit()
    dialog = LabelsDialog(context, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.select_product(product)
    assert dialog.address.text() == "—"
    dialog.choose_save_path = lambda title, name, filters: str(tmp_path / "tem.pdf")
    dialog.save_pdf()
    assert "chưa biết địa chỉ công khai" in dialog.message.text() and not (tmp_path / "tem.pdf").exists()
    dialog.choose_save_path = lambda title, name, filters: str(tmp_path / "ma.png")
    dialog.save_code("png")
    assert "chưa biết địa chỉ công khai" in dialog.message.text() and not (tmp_path / "ma.png").exists()
    rows = [dialog.lots.item(r) for r in range(dialog.lots.count())]
    withdrawn = [item for item in rows if "(đã thu hồi)" in item.text()]
    assert withdrawn and all(not (item.flags() & Qt.ItemFlag.ItemIsEnabled) for item in withdrawn)
