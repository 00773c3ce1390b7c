"""Tổng quan's exports: the annual summary (PDF, Excel) and the recognised products list (Excel, PDF).

Each is one runner job that reads the figures and writes the file away from the interface thread, behind a busy
progress dialog; the charts, being widgets, are drawn to pictures here first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog, QToolButton, QWidget

from ocop_desktop.reports import annual_products, annual_summary
from ocop_desktop.services.overview import load_overview
from ocop_desktop.services.overview_products import recognised_products
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.council.dialogs import ask_save_path, with_suffix
from ocop_desktop.words import error_text


class OverviewExports(QObject):
    """The "Xuất báo cáo" button and its four reports; ``charts`` gives the pictures for the summary PDF."""

    def __init__(self, context: AppContext, parent: QWidget, charts: Callable[[], list[bytes]]):
        super().__init__(parent)
        self.context, self.parent_widget, self.charts = context, parent, charts
        self.choose_save_path: Callable[[str, str, str], str] = lambda *args: ask_save_path(parent, *args)
        self.tell: Callable[[str, bool], None] = self._tell
        self.progress: QProgressDialog | None = None
        self.written: Path | None = None
        self.button = QToolButton(parent)
        self.button.setText(self.tr("Xuất báo cáo"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        menu.addAction(self.tr("Báo cáo tổng hợp năm (PDF)…"), self.summary_pdf)
        menu.addAction(self.tr("Báo cáo tổng hợp năm (Excel)…"), self.summary_xlsx)
        menu.addAction(self.tr("Danh sách sản phẩm được công nhận (Excel)…"), self.products_xlsx)
        menu.addAction(self.tr("Danh sách sản phẩm được công nhận (PDF)…"), self.products_pdf)
        self.button.setMenu(menu)

    def summary_pdf(self) -> None:
        charts = self.charts()
        self._export(self.tr("Lưu báo cáo tổng hợp"), "bao-cao-ocop.pdf", "PDF (*.pdf)",
                     lambda s, path: annual_summary.write_summary_pdf(path, load_overview(s), charts))

    def summary_xlsx(self) -> None:
        self._export(self.tr("Lưu báo cáo tổng hợp"), "bao-cao-ocop.xlsx", self.tr("Sổ tính Excel (*.xlsx)"),
                     lambda s, path: annual_summary.write_summary_xlsx(path, load_overview(s)))

    def products_xlsx(self) -> None:
        self._export(self.tr("Lưu danh sách sản phẩm"), "san-pham-ocop.xlsx", self.tr("Sổ tính Excel (*.xlsx)"),
                     lambda s, path: _products(s, path, annual_products.write_products_xlsx))

    def products_pdf(self) -> None:
        self._export(self.tr("Lưu danh sách sản phẩm"), "san-pham-ocop.pdf", "PDF (*.pdf)",
                     lambda s, path: _products(s, path, annual_products.write_products_pdf))

    def _export(self, title: str, suggested: str, filters: str, work: Callable) -> None:
        path = with_suffix(self.choose_save_path(title, suggested, filters), Path(suggested).suffix)
        if not path:
            return
        self.progress = QProgressDialog(self.tr("Đang tạo báo cáo…"), "", 0, 0, self.parent_widget)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a quick report never flashes a dialog
        self.context.runner.read(lambda s: work(s, path), done=self._done, failed=self._failed)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, written: Path) -> None:
        self._close_progress()
        self.written = written
        self.tell(self.tr("Đã lưu: {path}").format(path=str(written)), False)

    def _failed(self, error: Exception) -> None:
        self._close_progress()
        self.tell(error_text(error), True)

    def _tell(self, text: str, error: bool) -> None:
        show = QMessageBox.warning if error else QMessageBox.information
        show(self.parent_widget, self.tr("Xuất báo cáo"), text)


def _products(session, path: str, write: Callable) -> Path:
    from ocop_core.domain.dates import vietnam_today

    today = vietnam_today()
    return write(path, recognised_products(session, today), today)
