"""The dossiers section: the list, and beside it (under it on a narrow screen) the chosen dossier's editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import list_model as m
from ocop_desktop.ui.dossiers.hidden_note import HiddenByFilterNote
from ocop_desktop.ui.dossiers.list_page import DossierListPage

if TYPE_CHECKING:
    from ocop_desktop.ui.dossiers.editor import DossierEditor
    from ocop_desktop.ui.dossiers.new_dossier_dialog import NewDossierDialog

# Beside the list the editor keeps the width its widest tab needs, and at least this: scrolled sideways, its
# buttons ("Lưu thay đổi") were out of sight. Narrower than the list and the editor together, the section puts
# the editor under the list.
EDITOR_MIN_WIDTH = 520
LIST_SHARE_UNDER = 0.42  # of the height, for the list above the editor showing a dossier
LIST_SHARE_ALONE = 0.85  # while the editor under it has nothing to show but where a dossier will open


class DossierWorkspace(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.list_page = DossierListPage(context, self)
        # The editor's services need the database layer, which loads behind the first paint; until then
        # its place says what it will hold, and a dossier chosen meanwhile opens as soon as it is built.
        self.editor: DossierEditor | None = None
        self._waiting: str | None = None
        self._placeholder = QLabel(self.tr("Chọn một hồ sơ trong danh sách để xem và chỉnh sửa."), self,
                                   enabled=False)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Scrolled rather than squeezed: the editor's tabs may be wider or taller than a small screen leaves it.
        self.editor_area = QScrollArea(self)
        self.editor_area.setWidgetResizable(True)
        self.editor_area.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_area.setWidget(self._placeholder)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list_page)
        splitter.addWidget(self.editor_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        # Sized by the section until the person drags the handle; from then on their sizes stay.
        splitter.splitterMoved.connect(self._dragged)
        self.splitter, self._sized_by_hand = splitter, False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hidden_note = HiddenByFilterNote(context, self.list_page, self)
        layout.addWidget(self.hidden_note)
        layout.addWidget(splitter)
        self.list_page.new_requested.connect(self.new_dossier)
        self.list_page.model.modelReset.connect(self._list_reset)
        # Replaceable in tests: a modal dialog would block an offscreen run. True when a dossier was made.
        self.ask_new: Callable[[NewDossierDialog], bool] = lambda dialog: bool(dialog.exec())
        self.list_page.dossier_activated.connect(self.open)
        # Moving through the list with the arrow keys or a click opens the dossier beside it.
        self.list_page.table.selectionModel().currentRowChanged.connect(self._current_changed)
        context.runner.when_open(done=lambda _db: self._build_editor())

    def _build_editor(self) -> None:
        from ocop_desktop.ui.dossiers.editor import DossierEditor

        editor = self.editor = DossierEditor(self.context, self)
        self.editor_area.takeWidget()
        self.editor_area.setWidget(editor)
        self._placeholder.deleteLater()
        # After "save, then switch" or a refused switch, the list follows what the editor really shows.
        editor.shown.connect(self._follow)
        editor.shown.connect(lambda _id: self._list_reset())
        from ocop_desktop.services.dossier_view import REGISTRY_WRITERS

        self.list_page.new_button.setVisible(self.context.user.role in REGISTRY_WRITERS)
        editor.shown.connect(lambda _id: self._arrange())  # under the list, the editor grows once it has a dossier
        self._arrange()  # with the editor's own width now
        # The row chosen meanwhile, as the list holds it now: a reload may have changed or removed it.
        current = self.list_page.table.currentIndex()
        chosen = self.list_page.model.data(current, m.ID_ROLE) if current.isValid() else None
        if chosen is not None and self._waiting is not None:
            self.open(chosen)
        self._waiting = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _dragged(self, _position: int, _index: int) -> None:
        self._sized_by_hand = True

    def _arrange(self) -> None:
        """Side by side when the list and the editor both fit, the list as wide as its columns allow (all of
        them on a wide screen); the editor under the list on a narrow one."""
        if not self.isVisible():
            return  # sizes only mean something once the section has its size
        handle = self.splitter.handleWidth()
        width, height = self.splitter.width(), self.splitter.height()
        editor = self.editor_width_needed()
        side_by_side = width >= self.list_page.minimumSizeHint().width() + editor + handle
        orientation = Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical
        if orientation != self.splitter.orientation():
            self.splitter.setOrientation(orientation)
            self._sized_by_hand = False  # a drag in the other direction says nothing about this one
        if self._sized_by_hand:
            return
        if side_by_side:
            list_width = max(min(self.list_width_wanted(), width - editor - handle), 0)
            self.splitter.setSizes([list_width, width - list_width - handle])
        else:
            showing = self.editor is not None and self.editor.view is not None
            list_height = int(height * (LIST_SHARE_UNDER if showing else LIST_SHARE_ALONE))
            self.splitter.setSizes([list_height, height - list_height - handle])
            self.list_page.table.scrollTo(self.list_page.table.currentIndex())  # the row just chosen stays in view

    def editor_width_needed(self) -> int:
        built = self.editor.minimumSizeHint().width() if self.editor is not None else 0
        return max(EDITOR_MIN_WIDTH, built)

    def list_width_wanted(self) -> int:
        return self.list_page.width_wanted()

    def new_dossier(self) -> None:
        """Registers a dossier (its producer and product too, when new) and opens it in the editor."""
        from ocop_desktop.ui.dossiers.new_dossier_dialog import NewDossierDialog

        dialog = NewDossierDialog(self.context, self)
        if self.ask_new(dialog) and dialog.created is not None and dialog.created.id:
            self.open(dialog.created.id)
        dialog.deleteLater()

    def _list_reset(self) -> None:
        """After the list's rows change (a reload, a filter, a search): the editor's dossier is selected if it is
        among them, and the section says so if it is not."""
        view = self.editor.view if self.editor is not None else None
        if view is not None:
            self._follow(view.dossier.id)
        self.hidden_note.update_for(view.dossier.id if view else None, view.dossier.code if view else "")

    def open(self, dossier_id: str) -> None:
        if self.editor is None:
            self._waiting = dossier_id
            return
        self.editor.load(dossier_id)

    def on_changes(self, changes: Changes) -> None:
        self.list_page.on_changes(changes)
        if self.editor is not None:
            self.editor.on_changes(changes)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        dossier_id = self.list_page.model.data(current, m.ID_ROLE) if current.isValid() else None
        if dossier_id and self.editor is None:
            self._waiting = dossier_id
        elif dossier_id and not self.editor.load(dossier_id):
            view = self.editor.view
            if view is not None:
                self._follow(view.dossier.id)

    def _follow(self, dossier_id: str) -> None:
        row = self.list_page.model.row_of(dossier_id)
        table = self.list_page.table
        if row >= 0 and table.currentIndex().row() != row:
            selection = table.selectionModel()
            selection.blockSignals(True)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(self.list_page.model.index(row, 0), flags)
            selection.blockSignals(False)
            table.viewport().update()
