"""In tem QR: choose a product and its lots, a decal layout and how many copies, then save the sheet as PDF
(with progress), or the one QR as PNG or SVG. Everything works offline from the base URL kept at sync."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.text import fold
from ocop_core.errors import OcopError
from ocop_core.traceability import lot_path, product_path, public_url
from ocop_desktop import formats
from ocop_desktop.labels import qr
from ocop_desktop.labels.sheet import LAYOUTS, LabelItem, sheets_needed
from ocop_desktop.reports import write_file
from ocop_desktop.reports.label_sheet_pdf import write_label_sheet
from ocop_desktop.services import labels, lots
from ocop_desktop.services.labels import ProductChoice
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.council.dialogs import ask_save_path, safe_name, with_suffix
from ocop_desktop.words import error_text

ID_ROLE = Qt.ItemDataRole.UserRole


class _Relay(QObject):
    """Carries the PDF's progress from the worker thread to the dialog (a queued signal)."""

    step = Signal(int, int)


class LabelsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.context, self.today = context, today or vietnam_today()
        self.setWindowTitle(self.tr("In tem QR truy xuất"))
        self.choices: list[ProductChoice] = []
        self.choose_save_path: Callable[[str, str, str], str] = lambda *args: ask_save_path(self, *args)
        self.saved: Path | None = None
        self.progress: QProgressDialog | None = None
        self.relay = _Relay(self)
        self.relay.step.connect(self._step)
        self._build()
        self.context.runner.read(lambda s: (labels.label_choices(s, today=self.today), labels.public_base_url(s)),
                                 done=self._loaded, failed=self.say_error)

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm sản phẩm…"))
        self.search.textChanged.connect(self._fill_products)
        self.products = QListWidget(self)
        self.products.currentItemChanged.connect(lambda *_: self._fill_lots())
        self.lots = QListWidget(self)
        self.lots.itemChanged.connect(lambda _item: self.show_address())
        self.layout_box = QComboBox(self)
        for key, layout in LAYOUTS.items():
            self.layout_box.addItem(self.tr("{columns} × {rows} tem một tờ A4 ({w:g} × {h:g} mm)").format(
                columns=layout.columns, rows=layout.rows, w=layout.width_mm, h=layout.height_mm), key)
        self.copies = QSpinBox(self)
        self.copies.setRange(1, 500)
        self.copies.setValue(LAYOUTS["3x8"].per_sheet)
        self.offset_x, self.offset_y = self._offset(), self._offset()
        self.base_url = QLineEdit(self)
        self.base_url.setPlaceholderText("https://…")
        self.base_url.editingFinished.connect(self.keep_base_url)
        self.base_url.textChanged.connect(lambda _text: self.show_address())
        self.kept_base: str | None = None
        self.address = QLabel(self)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Lưu tờ tem PDF…"), self)
        self.png_button = QPushButton(self.tr("Lưu mã QR (PNG)…"), self)
        self.svg_button = QPushButton(self.tr("Lưu mã QR (SVG)…"), self)
        close = QPushButton(self.tr("Đóng"), self)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.png_button.clicked.connect(lambda: self.save_code("png"))
        self.svg_button.clicked.connect(lambda: self.save_code("svg"))
        close.clicked.connect(self.reject)
        self._arrange(close)

    def _offset(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(-10.0, 10.0)
        box.setSingleStep(0.5)
        box.setSuffix(" mm")
        return box

    def _arrange(self, close: QPushButton) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Sản phẩm"), self))
        left.addWidget(self.search)
        left.addWidget(self.products)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Lô sản xuất (không chọn lô nào: tem của sản phẩm)"), self))
        right.addWidget(self.lots)
        form = QFormLayout()
        form.addRow(self.tr("Mẫu giấy tem"), self.layout_box)
        form.addRow(self.tr("Số tem mỗi lô"), self.copies)
        offsets = QHBoxLayout()
        offsets.addWidget(self.offset_x)
        offsets.addWidget(self.offset_y)
        form.addRow(self.tr("Chỉnh lệch máy in (ngang, dọc)"), offsets)
        form.addRow(self.tr("Địa chỉ công khai của tỉnh"), self.base_url)
        form.addRow(self.tr("Mã QR sẽ chứa"), self.address)
        right.addLayout(form)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.png_button, self.svg_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        outer = QVBoxLayout(self)
        outer.addLayout(columns)
        outer.addWidget(self.message)
        outer.addLayout(buttons)

    def _loaded(self, loaded: tuple[list[ProductChoice], str | None]) -> None:
        self.choices, base = loaded
        self.kept_base = base
        self.base_url.setText(base or "")
        if base is None:
            self.say(self.tr("Máy này chưa đồng bộ địa chỉ công khai của tỉnh: hãy đồng bộ, hoặc nhập địa chỉ "
                             "vào ô bên dưới."), error=True)
        self._fill_products()

    def _fill_products(self) -> None:
        wanted = fold(self.search.text())
        self.products.clear()
        for choice in self.choices:
            if wanted in fold(f"{choice.name} {choice.producer_name}"):
                item = QListWidgetItem(f"{choice.name} — {choice.producer_name}", self.products)
                item.setData(ID_ROLE, choice.id)
        if self.products.count():
            self.products.setCurrentRow(0)
        self._fill_lots()

    def select_product(self, product_id: str) -> None:
        for row in range(self.products.count()):
            if self.products.item(row).data(ID_ROLE) == product_id:
                self.products.setCurrentRow(row)

    def chosen_product(self) -> ProductChoice | None:
        item = self.products.currentItem()
        return next((c for c in self.choices if item is not None and c.id == item.data(ID_ROLE)), None)

    def _fill_lots(self) -> None:
        self.lots.clear()
        product = self.chosen_product()
        for lot in product.lots if product is not None else ():
            dates = " · ".join(part for part in (formats.day(lot.produced_on), formats.day(lot.expires_on)) if part)
            text = f"{lot.lot_code}  {dates}".strip()
            if lot.withdrawn:
                text += "  " + self.tr("(đã thu hồi)")
            item = QListWidgetItem(text, self.lots)
            item.setData(ID_ROLE, lot.id)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | (Qt.ItemFlag.NoItemFlags if lot.withdrawn
                                                             else Qt.ItemFlag.ItemIsEnabled))
            item.setCheckState(Qt.CheckState.Unchecked)
        for button in (self.pdf_button, self.png_button, self.svg_button):
            button.setEnabled(product is not None)
        self.show_address()

    def show_address(self) -> None:
        """The address the first label will hold, computed here as the service will (nothing is asked of it)."""
        product, base = self.chosen_product(), self.base_url.text().strip()
        lot_codes = {lot.id: lot.lot_code for lot in product.lots} if product is not None else {}
        chosen = [lot_codes[i] for i in self.chosen_lots() if i in lot_codes]
        try:
            if product is None or not base:
                raise ValueError
            gtin = product.gtin or None
            path = lot_path(product.code, gtin, chosen[0]) if chosen else product_path(product.code, gtin)
            self.address.setText(public_url(base, path))
        except (ValueError, OcopError):
            self.address.setText("—")

    def chosen_lots(self) -> tuple[str, ...]:
        return tuple(self.lots.item(r).data(ID_ROLE) for r in range(self.lots.count())
                     if self.lots.item(r).checkState() == Qt.CheckState.Checked)

    def _items(self, copies: int, done: Callable[[list[LabelItem]], None]) -> None:
        product, lot_ids = self.chosen_product(), self.chosen_lots()
        if product is not None:
            self.context.runner.read(lambda s: labels.label_items(s, product_id=product.id, lot_ids=lot_ids,
                                                                  copies=copies, today=self.today),
                                     done=done, failed=self.say_error)

    def keep_base_url(self) -> None:
        """A base URL typed here is kept (checked) until a sync brings the server's."""
        typed = self.base_url.text().strip()
        if typed and typed.rstrip("/") != self.kept_base:
            self.kept_base = typed.rstrip("/")
            self.say("")
            self.show_address()
            self.context.runner.write(lambda s: labels.set_public_base_url(s, typed), failed=self.say_error)

    def save_pdf(self) -> None:
        product = self.chosen_product()
        if product is None:
            return
        path = with_suffix(self.choose_save_path(self.tr("Lưu tờ tem"), safe_name(f"tem-{product.name}.pdf"),
                                                 self.tr("Tệp PDF (*.pdf)")), ".pdf")
        if path:
            self._items(self.copies.value(), lambda items: self._write_pdf(path, items))

    def _write_pdf(self, path: str, items: list[LabelItem]) -> None:
        layout = LAYOUTS[self.layout_box.currentData()]
        offset = (self.offset_x.value(), self.offset_y.value())
        self.progress = QProgressDialog(self.tr("Đang tạo {n} tem trên {pages} tờ…").format(
            n=len(items), pages=sheets_needed(len(items), layout)), "", 0, len(items), self)
        self.progress.setCancelButton(None)  # type: ignore[arg-type]
        self.progress.setMinimumDuration(300)
        lot_ids = tuple(dict.fromkeys(i.lot_id for i in items if i.lot_id))
        self.context.runner.network(
            lambda: write_label_sheet(path, items, layout, offset_mm=offset, progress=self.relay.step.emit),
            done=lambda written: self._printed(written, lot_ids), failed=self.say_error)

    def _step(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(done)

    def _printed(self, written: Path, lot_ids: Sequence[str]) -> None:
        self._close_progress()
        self.saved = written
        self.say(self.tr("Đã lưu: {path}").format(path=str(written)))
        if lot_ids:  # from now on each lot is withdrawn, never deleted, and keeps its code
            self.context.runner.write(lambda s: lots.mark_labels_printed(s, list(lot_ids)), failed=self.say_error)

    def save_code(self, kind: str) -> None:
        product = self.chosen_product()
        if product is None:
            return
        suffix = f".{kind}"
        name = safe_name(f"ma-qr-{product.name}{suffix}")
        filters = self.tr("Ảnh PNG (*.png)") if kind == "png" else self.tr("Hình vẽ SVG (*.svg)")
        path = with_suffix(self.choose_save_path(self.tr("Lưu mã QR"), name, filters), suffix)
        if path:
            self._items(1, lambda items: self._write_code(path, kind, items[0]))

    def _write_code(self, path: str, kind: str, item: LabelItem) -> None:
        data = qr.qr_png(item.url) if kind == "png" else qr.qr_svg(item.url).encode("utf-8")
        try:
            self.saved = write_file(path, data)
        except Exception as error:  # ReportError: the folder is not writable
            self.say_error(error)
            return
        self.say(self.tr("Đã lưu: {path}").format(path=str(self.saved)) + "\n" + item.url)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c00000;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def say_error(self, error: Exception) -> None:
        self._close_progress()
        self.say(error_text(error), error=True)
