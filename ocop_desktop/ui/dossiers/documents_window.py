"""A dossier's documents, read-only, in a window of their own beside the scoring sheet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ocop_desktop.services.dossier_view import DossierDocuments, sheet_documents
from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.documents_panel import DocumentsPanel


class DocumentsWindow(QDialog):
    """Not modal: a member reads a lab report and ticks the criterion it answers without closing it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.panel = DocumentsPanel(context, self, read_only=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        window_geometry.fit_dialog(self, QSize(980, 620), parent)  # no taller or wider than the screen leaves

    def show_documents(self, documents: DossierDocuments) -> None:
        self.setWindowTitle(self.tr("Tài liệu hồ sơ {code} · {product}").format(
            code=documents.code, product=documents.product_name))
        self.panel.show_documents(documents.documents, dossier_id=documents.dossier_id)


class SheetDocuments:
    """Opens, for the sheet on screen, its dossier's documents; one window, brought back to the front if open."""

    def __init__(self, context: AppContext, parent: QWidget, failed: Callable[[Exception], None]):
        self.context, self.parent, self.failed = context, parent, failed
        self.window: DocumentsWindow | None = None

    def open(self, sheet_id: str) -> None:
        self.context.runner.read(lambda session: sheet_documents(session, sheet_id), done=self._show,
                                 failed=self.failed)

    def _show(self, documents: DossierDocuments) -> None:
        if self.window is None:
            self.window = DocumentsWindow(self.context, self.parent)
        self.window.show_documents(documents)
        if self.window.isVisible():
            self.window.raise_()  # open already, maybe behind the main window: brought back to the front
        self.window.show()
        self.window.activateWindow()
