"""The dossier's documents: list, attach (button or drop), photo preview, remove."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services import documents, dossiers
from ocop_desktop.services.dossier_view import DocumentInfo, DossierView
from ocop_desktop.services.errors import FileTooLarge, ServiceError
from ocop_desktop.ui import texts
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import dialogs
from ocop_desktop.ui.dossiers.forms import ERROR_STYLE

COL_TYPE, COL_TITLE, COL_SIZE, COL_STATE = range(4)
PREVIEW_MAX = QSize(1600, 1600)  # photos from phones are decoded at most this large


def size_text(size: int) -> str:
    locale = QLocale(QLocale.Language.Vietnamese)
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{locale.toString(size / 1024, 'f', 0)} KB"
    return f"{locale.toString(size / 1024 / 1024, 'f', 1)} MB"


class _Preview(QLabel):
    """Keeps the decoded picture and rescales it to whatever room the splitter gives."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumSize(200, 160)
        # Ignored: the label must not grow to the picture's size and push the splitter around.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def show_picture(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._rescale()

    def show_text(self, text: str) -> None:
        self._pixmap = QPixmap()
        self.setPixmap(QPixmap())
        self.setText(text)

    def has_picture(self) -> bool:
        return not self._pixmap.isNull()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if not self._pixmap.isNull():
            self.setPixmap(self._pixmap.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))


class DocumentsPanel(QWidget):
    documents_changed = Signal(object)  # Changes, after an attach or a removal was saved

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        # Replaceable in tests: a dialog would block an offscreen run.
        self.choose_file: Callable[[], str] = self._ask_file
        self.confirm: Callable[[str], bool] = lambda question: dialogs.ask_confirm(self, question)
        self._view: DossierView | None = None
        self._docs: tuple[DocumentInfo, ...] = ()
        self.setAcceptDrops(True)

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Loại tài liệu:"), self))
        self.type_combo = QComboBox(self)
        # No type is preselected: a photo filed as a "registration form" by default would go unnoticed.
        self.type_combo.addItem(self.tr("— chọn loại —"), None)
        for code, name in texts.document_types().items():
            self.type_combo.addItem(name, code)
        bar.addWidget(self.type_combo)
        self.attach_button = QPushButton(self.tr("Đính kèm tệp…"), self)
        self.attach_button.clicked.connect(lambda: self.attach_file())
        bar.addWidget(self.attach_button)
        bar.addStretch(1)
        self.remove_button = QPushButton(self.tr("Gỡ tài liệu"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        bar.addWidget(self.remove_button)
        layout.addLayout(bar)
        self.limit_label = QLabel(self)
        self.limit_label.setEnabled(False)
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
        self.preview = _Preview(split)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setSizes([640, 360])
        layout.addWidget(split, 1)
        self._selection_changed()

    def show_view(self, view: DossierView) -> None:
        selected = self.selected_document()
        self._view, self._docs = view, view.documents
        viewer = self.context.user.role == "viewer"
        self.attach_button.setEnabled(view.dossier.can_attach and not viewer)
        self.type_combo.setEnabled(view.dossier.can_attach and not viewer)
        self.setAcceptDrops(view.dossier.can_attach and not viewer)
        limit = view.max_upload_bytes
        self.limit_label.setText(self.tr("Mỗi tệp tối đa {size} (theo máy chủ). Có thể kéo thả tệp vào đây.")
                                 .format(size=size_text(limit)) if limit else
                                 self.tr("Có thể kéo thả tệp vào đây."))
        types, states = texts.document_types(), (self.tr("Chưa gửi"), self.tr("Đã gửi lên máy chủ"))
        self.table.setRowCount(len(self._docs))
        for row, doc in enumerate(self._docs):
            cells = {COL_TYPE: types.get(doc.doc_type, doc.doc_type), COL_TITLE: doc.title,
                     COL_SIZE: size_text(doc.size), COL_STATE: states[doc.uploaded]}
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(self.tr("Tệp: {name}\nSHA-256: {sha}").format(name=doc.file_name, sha=doc.sha256))
                if column == COL_SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        ids = [d.id for d in self._docs]
        if selected and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        self._selection_changed()

    def selected_document(self) -> DocumentInfo | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self._docs[min(rows)] if rows and min(rows) < len(self._docs) else None

    def attach_file(self, path: str | Path | None = None) -> None:
        if self._view is None:
            return
        doc_type = self.type_combo.currentData()
        if doc_type is None:
            self._say(self.tr("Hãy chọn loại tài liệu trước khi đính kèm."))
            self.type_combo.setFocus()
            return
        path = path or self.choose_file()
        if not path:
            return
        dossier_id, blobs = self._view.dossier.id, self.context.blobs
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
        code = exc.code if isinstance(exc, ServiceError) else ""
        if isinstance(exc, FileTooLarge):
            size, limit = exc.params["size"], exc.params["limit"]
            return self.tr("Tệp “{name}” ({size}) lớn hơn mức tối đa máy chủ nhận ({limit}), nên không được "
                           "đính kèm. Hãy giảm kích thước (chụp lại ảnh nhỏ hơn, nén PDF) rồi thử lại.").format(
                name=name, size=size_text(size), limit=size_text(limit))
        if code == "file_not_a_file":
            return self.tr("Không tìm thấy tệp “{name}”.").format(name=name)
        if code == "file_unreadable":
            return self.tr("Không đọc được tệp “{name}”.").format(name=name)
        return texts.error_text(exc)

    def _selection_changed(self) -> None:
        doc = self.selected_document()
        editable = self._view is not None and self._view.dossier.editable and self.context.user.role != "viewer"
        self.remove_button.setEnabled(doc is not None and editable)
        if doc is None:
            self.preview.show_text(self.tr("Chọn một tài liệu để xem trước.") if self._docs
                                   else self.tr("Hồ sơ chưa có tài liệu nào."))
            return
        if not self.context.blobs.has(doc.sha256):
            self.preview.show_text(self.tr("Tệp “{name}” chưa có trên máy này.").format(name=doc.file_name))
            return
        if doc.is_image:
            reader = QImageReader(str(self.context.blobs.path_for(doc.sha256)))
            reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
            size = reader.size()
            if size.isValid() and (size.width() > PREVIEW_MAX.width() or size.height() > PREVIEW_MAX.height()):
                reader.setScaledSize(size.scaled(PREVIEW_MAX, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                self.preview.show_picture(QPixmap.fromImage(image))
                return
        self.preview.show_text(self.tr("{name}\n{size}\nKhông xem trước được loại tệp này.").format(
            name=doc.file_name, size=size_text(doc.size)))

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
