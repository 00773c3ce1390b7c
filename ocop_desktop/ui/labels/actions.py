"""The Truy xuất menu: "In tem QR…" and "Quét mã QR…", which reads a photo of a label and opens what it names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenuBar, QMessageBox, QWidget

from ocop_desktop.i18n import _t
from ocop_desktop.services import labels
from ocop_desktop.services.labels import ScanHit
from ocop_desktop.ui.labels.labels_dialog import LabelsDialog
from ocop_desktop.words import error_text

IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff"


def add_traceability_menu(menu_bar: QMenuBar, window: Any) -> None:
    """``window`` is the main window: its context, and open_dossier to show what a scan names."""
    menu = menu_bar.addMenu(_t("&Truy xuất"))
    print_labels = menu.addAction(_t("In tem QR…"))
    print_labels.triggered.connect(lambda: LabelsDialog(window.context, window).exec())
    scan = menu.addAction(_t("Quét mã QR từ ảnh…"))
    scan.setShortcut(QKeySequence("Ctrl+Shift+Q"))
    scan.triggered.connect(lambda: scan_qr(window))


def ask_image(parent: QWidget) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    path, _ = QFileDialog.getOpenFileName(parent, _t("Chọn ảnh chụp mã QR"), folder or str(Path.home()),
                                          _t("Ảnh ({patterns});;Mọi tệp (*)").format(patterns=IMAGE_FILTER))
    return path


def scan_qr(window: Any, *, choose: Callable[[QWidget], str] = ask_image,
            tell: Callable[[str, str, bool], None] | None = None) -> None:
    """Decodes the chosen picture on the database thread, then opens the product's dossier in Hồ sơ and says
    which product and lot it is; a picture without our code is said to be so, and nothing opens."""
    say = tell or (lambda title, text, ok: _message(window, title, text, ok))
    path = choose(window)
    if not path:
        return

    def found(hit: ScanHit) -> None:
        if hit.dossier_id is not None:
            window.open_dossier(hit.dossier_id)
            if hit.lot_id is not None:
                _show_lots_tab(window, hit.lot_id)
        say(_t("Quét mã QR"), scanned_text(hit), True)

    window.context.runner.read(lambda s: labels.scan_image(s, path), done=found,
                               failed=lambda error: say(_t("Quét mã QR"), error_text(error), False))


def _show_lots_tab(window: Any, lot_id: str) -> None:
    """A scanned lot shows the dossier's "Lô sản xuất" tab with the lot selected (Hồ sơ builds its editor on
    first show, so there may be none yet)."""
    editor = getattr(window.pages.get("dossiers"), "editor", None)
    lots = getattr(editor, "lots", None)
    if editor is not None and lots is not None:
        editor.tabs.setCurrentWidget(lots)
        lots.select_lot(lot_id)


def scanned_text(hit: ScanHit) -> str:
    if hit.lot_code is None:
        return _t("Mã QR của sản phẩm “{name}”.").format(name=hit.product_name)
    if hit.lot_id is None:
        return _t("Mã QR của sản phẩm “{name}”, lô “{lot}”; lô này chưa có trên máy (hãy đồng bộ).").format(
            name=hit.product_name, lot=hit.lot_code)
    return _t("Mã QR của sản phẩm “{name}”, lô “{lot}”.").format(name=hit.product_name, lot=hit.lot_code)


def _message(parent: QWidget, title: str, text: str, ok: bool) -> None:
    if ok:
        QMessageBox.information(parent, title, text)
    else:
        QMessageBox.warning(parent, title, text)
