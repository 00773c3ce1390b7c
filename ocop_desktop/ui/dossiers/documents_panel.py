"""The dossier's documents: list, attach (button or drop), preview (photos, PDFs' first page), open, remove."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import formats, words
from ocop_desktop.services import documents, dossiers
from ocop_desktop.services.dossier_view import DocumentInfo, DossierView
from ocop_desktop.services.errors import FileTooLarge, ServiceError
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import dialogs
from ocop_desktop.ui.dossiers import documents_preview as preview
from ocop_desktop.ui.dossiers.forms import ERROR_STYLE

COL_TYPE, COL_TITLE, COL_SIZE, COL_STATE = range(4)


class DocumentsPanel(QWidget):
    documents_changed = Signal(object)  # Changes, after an attach or a removal was saved

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, read_only: bool = False):
        super().__init__(parent)
        self.context = context
        # Replaceable in tests: a dialog would block an offscreen run.
        self.choose_file: Callable[[], str] = self._ask_file
        self.confirm: Callable[[str], bool] = lambda question: dialogs.ask_confirm(self, question)
        self._dossier_id: str | None = None
        self._docs: tuple[DocumentInfo, ...] = ()
        self._can_remove = False
        self._read_only = read_only  # the council's view: look and open, never attach or remove
        self.setAcceptDrops(not read_only)

        layout = QVBoxLayout(self)
        layout.addLayout(self._bar(read_only))
        self.limit_label = QLabel(self)
        self.limit_label.setEnabled(False)
        self.limit_label.setVisible(not read_only)
        layout.addWidget(self.limit_label)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableWidget(0, 4, split)
        self.table.setHorizontalHeaderLabels([self.tr("Loại"), self.tr("Tiêu đề"), self.tr("Dung lượng"),
                                              self.tr("Trạng thái gửi")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_TYPE, COL_SIZE, COL_STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.open_selected())
        self.preview = preview.Preview(split)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setSizes([640, 360])
        layout.addWidget(split, 1)
        self._selection_changed()

    def _bar(self, read_only: bool) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.type_caption = QLabel(self.tr("Loại tài liệu:"), self)
        self.type_combo = QComboBox(self)
        # No type is preselected: a photo filed as a "registration form" by default would go unnoticed.
        self.type_combo.addItem(self.tr("— chọn loại —"), None)
        for code, name in words.document_types().items():
            self.type_combo.addItem(name, code)
        self.type_combo.currentIndexChanged.connect(self._type_chosen)
        self.attach_button = QPushButton(self.tr("Đính kèm tệp…"), self)
        self.attach_button.clicked.connect(lambda: self.attach_file())
        self.open_button = QPushButton(self.tr("Mở tệp"), self)
        self.open_button.setToolTip(self.tr("Mở bằng ứng dụng xem tệp của máy (cũng mở được bằng nhấp đúp)"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("Gỡ tài liệu"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.type_caption, self.type_combo, self.attach_button):
            bar.addWidget(widget)
            widget.setVisible(not read_only)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.remove_button)
        self.remove_button.setVisible(not read_only)
        return bar

    def show_view(self, view: DossierView) -> None:
        d = view.dossier
        self.show_documents(view.documents, dossier_id=d.id, can_attach=d.can_attach and view.in_scope,
                            can_remove=d.editable and view.in_scope, max_upload=view.max_upload_bytes)

    def show_documents(self, docs: tuple[DocumentInfo, ...], *, dossier_id: str, can_attach: bool = False,
                       can_remove: bool = False, max_upload: int | None = None) -> None:
        selected = self.selected_document()
        self._dossier_id, self._docs, self._can_remove = dossier_id, docs, can_remove
        for widget in (self.attach_button, self.type_combo):
            widget.setEnabled(can_attach)
        self.setAcceptDrops(can_attach and not self._read_only)
        self.limit_label.setText(self.tr("Mỗi tệp tối đa {size} (theo máy chủ). Có thể kéo thả tệp vào đây.")
                                 .format(size=formats.size(max_upload)) if max_upload else
                                 self.tr("Có thể kéo thả tệp vào đây."))
        types, states = words.document_types(), (self.tr("Chưa gửi"), self.tr("Đã gửi lên máy chủ"))
        self.table.setRowCount(len(docs))
        for row, doc in enumerate(docs):
            cells = {COL_TYPE: types.get(doc.doc_type, doc.doc_type), COL_TITLE: doc.title,
                     COL_SIZE: formats.size(doc.size), COL_STATE: states[doc.uploaded]}
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(self.tr("Tệp: {name}\nSHA-256: {sha}").format(name=doc.file_name, sha=doc.sha256))
                if column == COL_SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        ids = [d.id for d in docs]
        if selected and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        elif docs and self._read_only:
            self.table.selectRow(0)  # a read-only view is for looking: the first document shows at once
        self._selection_changed()

    def selected_document(self) -> DocumentInfo | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self._docs[min(rows)] if rows and min(rows) < len(self._docs) else None

    def attach_file(self, path: str | Path | None = None) -> None:
        if self._dossier_id is None:
            return
        doc_type = self.type_combo.currentData()
        if doc_type is None:
            self._say(self.tr("Hãy chọn loại tài liệu trước khi đính kèm."))
            self.type_combo.setFocus()
            return
        path = path or self.choose_file()
        if not path:
            return
        dossier_id, blobs = self._dossier_id, self.context.blobs
        self.message.setVisible(False)
        self.context.runner.write(
            lambda session: documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=Path(path),
                                                      doc_type=doc_type),
            done=self._saved, failed=lambda exc: self._failed(exc, Path(path)))

    def remove_selected(self) -> None:
        doc = self.selected_document()
        if doc is None or not self.confirm(self.tr("Gỡ tài liệu “{title}” khỏi hồ sơ? Tài liệu đã gỡ sẽ không "
                                                   "còn trong hồ sơ trên mọi máy sau khi đồng bộ.")
                                           .format(title=doc.title)):
            return
        self.context.runner.write(lambda session: dossiers.delete_document(session, doc.id), done=self._saved,
                                  failed=lambda exc: self._failed(exc, None))

    def open_selected(self) -> None:
        """Hands a copy of the document to the application the system opens its type with."""
        doc = self.selected_document()
        if doc is None or not self.context.blobs.has(doc.sha256):
            return
        try:
            opened = preview.open_in_viewer(self.context.blobs, self.context.paths.cache, doc)
        except OSError as exc:
            self._say(self.tr("Không mở được tệp “{name}”: {reason}").format(name=doc.file_name, reason=exc.strerror))
            return
        if not opened:
            self._say(self.tr("Máy này không có ứng dụng nào mở được tệp “{name}”.").format(name=doc.file_name))
        else:
            self.message.setVisible(False)

    def _type_chosen(self) -> None:
        if self.type_combo.currentData() is not None:
            self.message.setVisible(False)  # "choose a type first" is answered

    def _saved(self, changes) -> None:
        self.message.setVisible(False)
        self.documents_changed.emit(changes)

    def _failed(self, exc: Exception, path: Path | None) -> None:
        self._say(self._failure_text(exc, path))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _failure_text(self, exc: Exception, path: Path | None) -> str:
        name = path.name if path else ""
        if isinstance(exc, FileTooLarge):
            size, limit = exc.params["size"], exc.params["limit"]
            return self.tr("Tệp “{name}” ({size}) lớn hơn mức tối đa máy chủ nhận ({limit}), nên không được "
                           "đính kèm. Hãy giảm kích thước (chụp lại ảnh nhỏ hơn, nén PDF) rồi thử lại.").format(
                name=name, size=formats.size(size), limit=formats.size(limit))
        if isinstance(exc, ServiceError) and exc.code.startswith("file_") and name:
            return self.tr("Tệp “{name}”: {reason}").format(name=name, reason=words.error_text(exc))
        return words.error_text(exc)

    def _selection_changed(self) -> None:
        doc = self.selected_document()
        held = doc is not None and self.context.blobs.has(doc.sha256)
        self.remove_button.setEnabled(doc is not None and self._can_remove and not self._read_only)
        self.open_button.setEnabled(held)
        if doc is None:
            self.preview.show_text(self.tr("Chọn một tài liệu để xem trước.") if self._docs
                                   else self.tr("Hồ sơ chưa có tài liệu nào."))
        elif not held:
            self.preview.show_text(self.tr("Tệp “{name}” chưa có trên máy này; đồng bộ để tải về.").format(
                name=doc.file_name))
        elif not (image := preview.preview_image(self.context.blobs, doc)).isNull():
            self.preview.show_picture(QPixmap.fromImage(image))
        else:
            self.preview.show_text(self.tr("{name}\n{size}\nKhông xem trước được tệp này; bấm “Mở tệp” để xem bằng "
                                           "ứng dụng của máy.").format(name=doc.file_name,
                                                                       size=formats.size(doc.size)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            self.attach_file(url.toLocalFile())
        event.acceptProposedAction()

    def _ask_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp đính kèm"), "",
                                              self.tr("Tài liệu và ảnh (*.pdf *.jpg *.jpeg *.png *.doc *.docx "
                                                      "*.xls *.xlsx);;Mọi tệp (*)"))
        return path
