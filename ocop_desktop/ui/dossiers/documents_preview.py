"""A document's preview (a photo, or a PDF's first page) and its opening in the system's own viewer."""

from __future__ import annotations

import shutil
import time
from pathlib import Path, PurePath

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.services.dossier_view import DocumentInfo

PREVIEW_MAX = QSize(1600, 1600)  # photos from phones and scanned pages are decoded at most this large
OPENED_DIR = "opened"  # under the app's cache: copies handed to the system viewer
OPENED_KEEP_S = 24 * 3600  # a viewer may still hold yesterday's copy open; older ones go


def is_pdf(doc: DocumentInfo) -> bool:
    return PurePath(doc.file_name).suffix.lower() == ".pdf"


def read_image(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
    size = reader.size()
    if size.isValid() and (size.width() > PREVIEW_MAX.width() or size.height() > PREVIEW_MAX.height()):
        reader.setScaledSize(size.scaled(PREVIEW_MAX, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def read_pdf_page(path: Path) -> QImage:
    """The first page, rendered to fit PREVIEW_MAX; a null image when the file is no PDF PDFium can read."""
    # Loaded on the first PDF shown: most sessions never show one. The package ships no type information.
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return QImage()
    try:
        if len(document) == 0:
            return QImage()
        page = document[0]
        width, height = page.get_size()
        scale = min(PREVIEW_MAX.width() / max(width, 1), PREVIEW_MAX.height() / max(height, 1), 2.0)
        bitmap = page.render(scale=scale, rev_byteorder=True)
        formats = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}
        # copy(): the image must own its pixels once PDFium's buffer is closed below.
        return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                      formats[bitmap.n_channels]).copy()
    finally:
        document.close()


def preview_image(blobs: BlobStore, doc: DocumentInfo) -> QImage:
    """The picture to show for a document held on this laptop; a null image when there is none to show."""
    path = blobs.path_for(doc.sha256)
    if doc.is_image:
        return read_image(path)
    if is_pdf(doc):
        return read_pdf_page(path)
    return QImage()


def opened_copy(blobs: BlobStore, cache: Path, doc: DocumentInfo) -> Path:
    """A copy of the document under its own name, for the system viewer: blobs are named by their hash, which
    no viewer can tell the type of, and a viewer must never be handed the stored original to change."""
    folder = cache / OPENED_DIR
    _prune(folder)
    target = folder / doc.sha256[:16] / (PurePath(doc.file_name).name or doc.sha256[:16])
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # dossier papers: the owner's eyes only
    try:
        shutil.copyfile(blobs.path_for(doc.sha256), target)
        target.chmod(0o600)
    except OSError:
        # Windows refuses to overwrite a copy a viewer still holds open; that copy has the same content.
        if not target.is_file() or target.stat().st_size != doc.size:
            raise
    return target


def open_in_viewer(blobs: BlobStore, cache: Path, doc: DocumentInfo) -> bool:
    """Opens the document with the application the system uses for its type; False when none would."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(opened_copy(blobs, cache, doc))))


def _prune(folder: Path) -> None:
    if not folder.is_dir():
        return
    now = time.time()
    for entry in folder.iterdir():
        try:
            if now - entry.stat().st_mtime > OPENED_KEEP_S:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue  # gone meanwhile, or not ours to judge: the next open tries again


class Preview(QLabel):
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
