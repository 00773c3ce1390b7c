"""The import of a product list from Excel: choose the file, match its columns, see what every row will do, and
only then, once confirmed, write it all at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import words
from ocop_desktop.services import import_xlsx
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.import_match import FIELDS
from ocop_desktop.services.import_xlsx import Preview
from ocop_desktop.ui.context import AppContext
from ocop_desktop.words import importing

COL_ROW, COL_ACTION, COL_PRODUCT, COL_PRODUCER, COL_COMMUNE, COL_REASON = range(6)
ACTION_COLOURS = {"new": "#1b5e20", "update": "#1d4ed8", "unchanged": "#555555", "error": "#b00020"}
IMPORTERS = frozenset({"admin", "commune_officer"})


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.preview: Preview | None = None
        self.setWindowTitle(self.tr("Nhập danh sách sản phẩm từ Excel"))
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Tệp .xlsx của danh sách sản phẩm OCOP"))
        choose = QPushButton(self.tr("Chọn tệp…"), self)
        choose.clicked.connect(self.choose_file)
        self.read_button = QPushButton(self.tr("Xem trước"), self)
        self.read_button.clicked.connect(self.read)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(choose)
        top.addWidget(self.read_button)
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setHorizontalHeaderLabels([self.tr("Cột trong tệp"), self.tr("Là thông tin")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.setMaximumHeight(170)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Dòng"), self.tr("Sẽ làm"), self.tr("Sản phẩm"),
                                              self.tr("Chủ thể"), self.tr("Mã xã"), self.tr("Lý do")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setVisible(False)
        self.confirm_button = QPushButton(self.tr("Nhập vào cơ sở dữ liệu"), self)
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch(1)  # the buttons keep their size while the progress bar is hidden
        bottom.addWidget(self.confirm_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)

    # The intents.

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn danh sách sản phẩm"), "",
                                              self.tr("Bảng tính Excel (*.xlsx)"))
        if name:
            self.path.setText(name)
            self.mapping.setRowCount(0)
            self.read()

    def read(self) -> None:
        """Reads and previews with the columns as matched in the mapping table (by the headers the first time)."""
        path, chosen = Path(self.path.text().strip()), self.chosen_mapping()
        self.confirm_button.setEnabled(False)
        self.summary.setText(self.tr("Đang đọc tệp…"))
        self.context.runner.read(lambda s: import_xlsx.preview_import(s, path, chosen), done=self.show_preview,
                                 failed=self._failed)

    def confirm(self) -> None:
        preview = self.preview
        if preview is None or not self.ask(preview):
            return
        self.progress.setRange(0, 0)  # busy: the write is one transaction, with no steps to count
        self.progress.setVisible(True)
        self.confirm_button.setEnabled(False)
        self.context.runner.write(lambda s: import_xlsx.commit_import(s, preview), done=self._written,
                                  failed=self._failed)

    def ask(self, preview: Preview) -> bool:
        text = self.tr("Nhập {new} sản phẩm mới và cập nhật {update}? {error} dòng lỗi sẽ bị bỏ qua.").format(
            new=preview.count("new"), update=preview.count("update"), error=preview.count("error"))
        answer = QMessageBox.question(self, self.tr("Xác nhận nhập"), text)
        return answer == QMessageBox.StandardButton.Yes

    # What came back.

    def chosen_mapping(self) -> dict[int, str] | None:
        if self.mapping.rowCount() == 0:
            return None
        chosen = {}
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and combo.currentData():
                chosen[row] = str(combo.currentData())
        return chosen

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.progress.setVisible(False)
        self._fill_mapping(preview)
        actions, fields = importing.actions(), importing.fields()
        self.table.setRowCount(len(preview.rows))
        for i, row in enumerate(preview.rows):
            params = {k: fields.get(v, v) if k == "column" else v for k, v in row.params.items()}
            reason = words.code_text(row.reason, **params) if row.reason else ""
            values = (str(row.number), actions[row.action], row.product, row.producer, row.commune_code or "", reason)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == COL_ACTION:
                    item.setForeground(QColor(ACTION_COLOURS[row.action]))
                self.table.setItem(i, column, item)
        if preview.missing:
            self.summary.setText(words.code_text("import_column_missing", column=fields[preview.missing]))
            return
        counts = {a: preview.count(a) for a in actions}
        text = self.tr("{new} mới · {update} cập nhật · {unchanged} không đổi · {error} lỗi").format(**counts)
        if preview.merged_header:
            text += " " + self.tr("Dòng tiêu đề có ô gộp: hãy kiểm tra cột ở bảng ghép cột.")
        self.summary.setText(text)
        self.confirm_button.setEnabled(bool(counts["new"] or counts["update"]))

    def _fill_mapping(self, preview: Preview) -> None:
        if self.mapping.rowCount() == len(preview.headers):
            return
        labels = importing.fields()
        self.mapping.setRowCount(len(preview.headers))
        for column, header in enumerate(preview.headers):
            self.mapping.setItem(column, 0, QTableWidgetItem(header or self.tr("(không có tiêu đề)")))
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("— bỏ qua —"), "")
            for name in FIELDS:
                combo.addItem(labels[name], name)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(column, ""))))
            self.mapping.setCellWidget(column, 1, combo)

    def _written(self, changes: Changes) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.summary.setText(self.tr("Đã nhập xong; dữ liệu sẽ được gửi lên máy chủ ở lần đồng bộ tới."))
        self.preview = None

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.summary.setText(self.tr("Chưa nhập: {reason}").format(reason=words.error_text(exc)))


def add_import_action(menu: QMenu, window: QWidget, context: AppContext) -> None:
    """"Nhập danh sách sản phẩm từ Excel…" for those who register producers and products."""
    if context.user.role not in IMPORTERS:
        return
    action = menu.addAction(menu.tr("Nhập danh sách sản phẩm từ Excel…"))
    action.triggered.connect(lambda: ImportDialog(context, window).exec())
