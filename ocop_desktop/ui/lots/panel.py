"""Hồ sơ's "Lô sản xuất" tab: a recognised product's lots, recorded offline; add, edit, withdraw, photos."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_core.domain.dates import vietnam_today
from ocop_desktop import formats, words
from ocop_desktop.services import lots
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.lots import LotInfo, LotsView
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import dialogs
from ocop_desktop.ui.dossiers.forms import ERROR_STYLE
from ocop_desktop.ui.lots import lot_dialog
from ocop_desktop.ui.recognitions import decision_dialog
from ocop_desktop.words import lots as lot_words

COL_CODE, COL_PRODUCED, COL_EXPIRES, COL_QUANTITY, COL_ORIGIN, COL_PHOTOS, COL_LABEL, COL_STATE = range(8)
THUMB = 96
STATE_WIDTH = 300


class LotsPanel(QWidget):
    changed = Signal(object)  # Changes, after a lot or a photo was saved

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        # Replaceable in tests: a modal dialog would block an offscreen run.
        self.ask_lot: Callable[..., dict[str, Any] | None] = lambda **kw: lot_dialog.ask_lot(self, **kw)
        self.ask_withdrawal: Callable[..., tuple[date, str] | None] = (
            lambda **kw: decision_dialog.ask_withdrawal(self, **kw))
        self.confirm: Callable[[str], bool] = lambda question: dialogs.ask_confirm(self, question)
        self.choose_photo: Callable[[], str] = self._ask_photo
        self.today: Callable[[], date] = vietnam_today
        self.view: LotsView | None = None
        self._product_id: str | None = None
        self._wanted: str | None = None  # a lot to select once listed (a scanned label names it first)
        self._typed: tuple[str | None, dict[str, Any], str] | None = None  # (lot id, values, error) kept on refusal
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Mã lô"), self.tr("Ngày sản xuất"), self.tr("Hạn dùng"), self.tr("Số lượng"),
            self.tr("Nguồn nguyên liệu"), self.tr("Ảnh"), self.tr("Nhãn"), self.tr("Tình trạng")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_ORIGIN, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        layout.addWidget(self.table, 1)
        self.photos = QHBoxLayout()
        self.photos.addStretch(1)
        layout.addLayout(self.photos)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm lô…"), self)
        self.edit_button = QPushButton(self.tr("Sửa…"), self)
        self.withdraw_button = QPushButton(self.tr("Thu hồi lô…"), self)
        self.delete_button = QPushButton(self.tr("Xoá lô"), self)
        self.photo_button = QPushButton(self.tr("Thêm ảnh…"), self)
        actions = (self.add, self.edit, self.withdraw, self.delete, self.attach_photo)
        buttons = (self.add_button, self.edit_button, self.withdraw_button, self.delete_button, self.photo_button)
        for button, action in zip(buttons, actions, strict=True):
            button.clicked.connect(action)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        self._update_buttons()

    def show_product(self, product_id: str) -> None:
        if product_id != self._product_id:
            self._typed = None
            self.message.setText("")
        self._product_id = product_id
        self.reload()

    def select_lot(self, lot_id: str) -> None:
        """Selects the lot now if it is listed, else as soon as the product's lots are."""
        self._wanted = lot_id
        if self.view is not None and self.view.product_id == self._product_id:
            self._show(self.view)

    def reload(self) -> None:
        if self._product_id is None:
            return
        product_id, user, today = self._product_id, self.context.user, self.today()
        self.context.runner.read(lambda s: lots.load_lots(s, product_id, user_id=user.user_id, role=user.role,
                                                          today=today), done=self._show, failed=self._failed)

    def _show(self, view: LotsView) -> None:
        if view.product_id != self._product_id:
            return
        chosen = self.selected()
        self.view = view
        self.table.setRowCount(len(view.lots))
        for row, lot in enumerate(view.lots):
            for column, text in enumerate(self._cells(lot)):
                item = QTableWidgetItem(text)
                if lot.withdrawn:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        # The origin takes what is left; a long withdrawal reason wraps instead of pushing it out.
        self.table.setColumnWidth(COL_STATE, min(self.table.columnWidth(COL_STATE), STATE_WIDTH))
        self.table.resizeRowsToContents()
        wanted = self._wanted or (chosen.id if chosen is not None else None)
        rows = [i for i, lot in enumerate(view.lots) if lot.id == wanted]
        if rows:
            self.table.selectRow(rows[0])
            if (first := self.table.item(rows[0], 0)) is not None:
                self.table.scrollToItem(first)
            self._wanted = None
        self.hint.setText(self._hint(view))
        self._selection_changed()

    def _cells(self, lot: LotInfo) -> tuple[str, ...]:
        kind = words.word(lot_words.expiry_kinds(), lot.expiry_kind)
        quantity = f"{formats.decimal(lot.quantity)} {lot.unit}".strip() if lot.quantity is not None else lot.unit
        label = self.tr("Đã in {day}").format(day=formats.day(lot.label_printed_at)) if lot.label_printed_at else ""
        state = (self.tr("Đã thu hồi từ {day}: {reason}").format(day=formats.day(lot.withdrawn_on),
                                                                 reason=lot.withdrawal_reason)
                 if lot.withdrawn else self.tr("Đang lưu hành"))
        expires = f"{formats.day(lot.expires_on)} ({kind})" if lot.expires_on else ""
        return (lot.lot_code, formats.day(lot.produced_on), expires, quantity, lot.origin, str(len(lot.photos)),
                label, state)

    def _hint(self, view: LotsView) -> str:
        if not view.may_edit:
            return self.tr("Lô sản xuất do cán bộ xã phụ trách hoặc quản trị tỉnh ghi; bạn chỉ xem.")
        if not view.recognised:
            return self.tr("Sản phẩm chưa có quyết định công nhận còn hiệu lực: chưa ghi được lô mới.")
        return self.tr("Ghi lô ngay trên máy này, không cần mạng; lô được gửi lên máy chủ ở lần đồng bộ tới.")

    def selected(self) -> LotInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if self.view is None or not rows or rows[0].row() >= len(self.view.lots):
            return None
        return self.view.lots[rows[0].row()]

    def _selection_changed(self) -> None:
        self._update_buttons()
        self._show_photos(self.selected())

    def _update_buttons(self) -> None:
        view, lot = self.view, self.selected()
        editable = view is not None and view.may_edit
        self.add_button.setEnabled(editable and view is not None and view.recognised)
        live = editable and lot is not None and not lot.withdrawn
        self.edit_button.setEnabled(live)
        self.withdraw_button.setEnabled(live)
        self.photo_button.setEnabled(editable and lot is not None)
        self.delete_button.setEnabled(live and lot is not None and lot.label_printed_at is None)
        self.delete_button.setToolTip(self.tr("Nhãn của lô đã in: lô không xoá được, chỉ thu hồi được.")
                                      if lot is not None and lot.label_printed_at else "")

    def _show_photos(self, lot: LotInfo | None) -> None:
        while self.photos.count() > 1:
            item = self.photos.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for photo in (lot.photos if lot else ())[:8]:
            thumb = QLabel(self)
            pixmap = QPixmap(str(self.context.blobs.path_for(photo.sha256)))
            if pixmap.isNull():
                thumb.setText(photo.file_name)
            else:
                thumb.setPixmap(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            thumb.setToolTip(photo.file_name)
            self.photos.insertWidget(self.photos.count() - 1, thumb)

    def _form(self, lot_id: str | None, values: dict[str, Any], code_locked: bool = False) -> dict[str, Any] | None:
        error = ""
        if self._typed is not None and self._typed[0] == lot_id:
            _, values, error = self._typed
        return self.ask_lot(values=values, today=self.today(), error=error, code_locked=code_locked)

    def add(self) -> None:
        if self.view is None or not self.view.recognised:
            return
        values = self._form(None, {})
        if values is None:
            return
        product_id, user = self.view.product_id, self.context.user
        self._write(lambda s: lots.create_lot(s, product_id=product_id, user_id=user.user_id, role=user.role,
                                              **values), typed=(None, values))

    def edit(self) -> None:
        lot = self.selected()
        if lot is None or lot.withdrawn or self.view is None or not self.view.may_edit:
            return
        current = {"lot_code": lot.lot_code, "produced_on": lot.produced_on, "expires_on": lot.expires_on,
                   "expiry_kind": lot.expiry_kind, "quantity": lot.quantity, "unit": lot.unit, "origin": lot.origin,
                   "notes": lot.notes}
        values = self._form(lot.id, current, code_locked=lot.label_printed_at is not None)
        if values is None:
            return
        user = self.context.user
        changed = {k: v for k, v in values.items() if v != current.get(k)}
        if lot.label_printed_at is not None:
            changed.pop("lot_code", None)
        self._write(lambda s: lots.update_lot(s, lot.id, user_id=user.user_id, role=user.role, **changed),
                    typed=(lot.id, values))

    def withdraw(self) -> None:
        lot = self.selected()
        if lot is None or lot.withdrawn:
            return
        answer = self.ask_withdrawal(title=self.tr("Thu hồi lô sản xuất"), today=self.today(),
                                     question=self.tr("Thu hồi lô {code} khỏi thị trường? Lô vẫn được giữ lại, ghi "
                                                      "là đã thu hồi.").format(code=lot.lot_code))
        if answer is None:
            return
        on, reason = answer
        if not self.confirm(self.tr("Xác nhận thu hồi lô {code} từ ngày {day}?\nViệc thu hồi không huỷ được.")
                            .format(code=lot.lot_code, day=formats.day(on))):
            return
        user = self.context.user
        self._write(lambda s: lots.withdraw_lot(s, lot.id, on=on, reason=reason, user_id=user.user_id,
                                                role=user.role))

    def delete(self) -> None:
        lot = self.selected()
        if lot is None or not self.confirm(self.tr("Xoá lô {code}? Chỉ xoá lô ghi nhầm; mã lô không dùng lại được.")
                                           .format(code=lot.lot_code)):
            return
        user = self.context.user
        self._write(lambda s: lots.delete_lot(s, lot.id, user_id=user.user_id, role=user.role))

    def attach_photo(self) -> None:
        lot = self.selected()
        if lot is None:
            return
        chosen = self.choose_photo()
        if not chosen:
            return
        user, blobs = self.context.user, self.context.blobs
        self._write(lambda s: lots.attach_lot_photo(s, blobs, lot_id=lot.id, file_path=Path(chosen),
                                                    user_id=user.user_id, role=user.role))

    def _ask_photo(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn ảnh của lô"), "",
                                              self.tr("Ảnh (*.jpg *.jpeg *.png *.webp *.heic)"))
        return path

    def _write(self, action: Callable[..., Changes], typed: tuple[str | None, dict[str, Any]] | None = None) -> None:
        self.message.setText("")

        def failed(exc: Exception) -> None:
            reason = words.error_text(exc)
            if typed is not None:
                # What was typed is kept: the form opens again with it and the reason.
                self._typed = (typed[0], typed[1], reason)
                self.message.setText(self.tr("Chưa lưu: {reason} Bấm lại để sửa; những gì bạn đã nhập vẫn còn.")
                                     .format(reason=reason))
            else:
                self._failed(exc)

        self.context.runner.write(action, done=self._written, failed=failed)

    def _written(self, changes: Changes) -> None:
        self._typed = None
        self.reload()
        self.changed.emit(changes)

    def _failed(self, exc: Exception) -> None:
        self.message.setText(self.tr("Chưa lưu: {reason}").format(reason=words.error_text(exc)))
